#include "exportpreview.h"

#include "exporter.h"

#include <QCoreApplication>
#include <QPainter>

#include <algorithm>

namespace spheres {

ExportPreview::ExportPreview(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(240, 200);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(QCoreApplication::translate("ExportPreview", "Preview of the export"));
}

void ExportPreview::setMap(const MapRenderer &renderer, const Scene *scene, const ViewState &view)
{
    m_renderer = renderer;
    m_scene = scene;
    m_view = view;
    m_view.hoveredRegion.clear(); // the pointer is not part of the picture
    m_view.hoveredFeature.clear();
    m_picture = QImage();
    update();
}

void ExportPreview::setOptions(const ExportOptions &options)
{
    m_options = options;
    m_picture = QImage();
    update();
}

QImage ExportPreview::picture(QSize box) const
{
    const QSize page = m_options.outputSize();
    if (!m_scene || page.isEmpty() || box.isEmpty())
        return {};
    const double scale = std::min(double(box.width()) / page.width(), double(box.height()) / page.height());
    const QSize size = (QSizeF(page) * scale).toSize().expandedTo(QSize(1, 1));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(double(size.width()) / page.width(), double(size.height()) / page.height());
    Exporter::paint(painter, m_renderer, *m_scene, m_options.fitted(m_view, page), m_options, page);
    return image;
}

void ExportPreview::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect area = rect().adjusted(6, 6, -6, -6);
    const qreal dpr = devicePixelRatioF();
    const QSize box = (QSizeF(area.size()) * dpr).toSize();
    if (m_picture.isNull() || box != m_pictureBox) {
        m_picture = picture(box);
        m_picture.setDevicePixelRatio(dpr);
        m_pictureBox = box;
    }
    if (m_picture.isNull())
        return;
    const QSizeF shown = QSizeF(m_picture.size()) / dpr;
    const QRectF target(area.left() + (area.width() - shown.width()) / 2, area.top() + (area.height() - shown.height()) / 2,
                        shown.width(), shown.height());
    // The page on the desk: a faint shadow and edge, so that white paper reads against the dialog.
    painter.fillRect(target.translated(2, 2), QColor(0, 0, 0, 50));
    painter.drawImage(target, m_picture);
    painter.setPen(QColor(0, 0, 0, 90));
    painter.drawRect(target.adjusted(-0.5, -0.5, 0.5, 0.5));
}

} // namespace spheres
