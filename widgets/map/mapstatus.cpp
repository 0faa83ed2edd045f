#include "mapstatus.h"

#include "mapcanvas.h"

#include <QLabel>
#include <QStatusBar>

#include <cmath>

namespace spheres {

namespace {

QString formatScale(double denominator)
{
    if (denominator >= 1e6)
        return QStringLiteral("1:%1M").arg(denominator / 1e6, 0, 'f', denominator >= 1e7 ? 0 : 1);
    return QStringLiteral("1:%1k").arg(denominator / 1e3, 0, 'f', 0);
}

QString formatLonLat(QPointF lonLat)
{
    const QChar ns = lonLat.y() >= 0 ? u'N' : u'S';
    const QChar ew = lonLat.x() >= 0 ? u'E' : u'W';
    return QStringLiteral("%1°%2 %3°%4")
        .arg(std::abs(lonLat.y()), 0, 'f', 2).arg(ns).arg(std::abs(lonLat.x()), 0, 'f', 2).arg(ew);
}

} // namespace

MapStatus::MapStatus(MapCanvas *canvas, QStatusBar *bar)
    : QObject(bar), m_canvas(canvas), m_cursor(new QLabel), m_scale(new QLabel), m_detail(new QLabel), m_projection(new QLabel)
{
    for (QLabel *label : {m_cursor, m_scale, m_detail, m_projection})
        bar->addPermanentWidget(label);
    connect(canvas, &MapCanvas::viewChanged, this, &MapStatus::update);
    connect(canvas, &MapCanvas::cursorMoved, this, [this](std::optional<QPointF> lonLat) {
        m_cursor->setText(lonLat ? formatLonLat(*lonLat) : QString());
    });
}

void MapStatus::update()
{
    const ViewState &view = m_canvas->view();
    m_scale->setText(formatScale(view.scaleDenominator()));
    const bool fine = m_canvas->hasFineDetail() && view.metresPerPixel < Scene::kFineDetailBelow;
    m_detail->setText(fine ? tr("1:10m detail") : tr("1:50m detail"));
    if (const Scene *scene = m_canvas->scene())
        m_projection->setText(scene->projection().title());
}

} // namespace spheres
