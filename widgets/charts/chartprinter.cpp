#include "chartprinter.h"

#include "atlas.h"
#include "chartspanel.h"
#include "chartwidget.h"

#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QGraphicsScene>
#include <QLayout>
#include <QPaintDevice>
#include <QPainter>
#include <QPalette>
#include <QTabWidget>

#include <algorithm>

namespace spheres {

namespace {

/// The charts are laid out as on a screen of this resolution, then scaled to the painter's, so
/// that they look on paper as the panel does on a screen. (Laid out smaller, at 72, the energy
/// chart's many bars leave its labels no room.)
constexpr double kLayoutDpi = 96.0;
/// 10 pt at 96 DPI. In pixels, not points: a point size would be converted at the PDF's
/// resolution on top of the scaling.
constexpr int kFontPixels = 13;

/// Paper is white, whatever the window's theme.
QPalette paperPalette(QPalette palette)
{
    for (auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        palette.setColor(group, QPalette::Window, Qt::white);
        palette.setColor(group, QPalette::Base, Qt::white);
        palette.setColor(group, QPalette::WindowText, QColor(0x22, 0x22, 0x22));
        palette.setColor(group, QPalette::Text, QColor(0x22, 0x22, 0x22));
        palette.setColor(group, QPalette::Mid, QColor(0xa0, 0xa0, 0xa0));
    }
    return palette;
}

} // namespace

ChartPrinter::ChartPrinter(QList<std::shared_ptr<const Layer>> layers, std::shared_ptr<const Atlas> atlas, Brief brief)
    : m_brief(std::move(brief)), m_panel(std::make_unique<ChartsPanel>())
{
    // Shown, so that the charts get their sizes and lay out, but never on a screen.
    m_panel->setAttribute(Qt::WA_DontShowOnScreen);
    m_panel->layout()->setSizeConstraint(QLayout::SetNoConstraint); // no size hints for a window never seen
    QFont font = m_panel->font();
    font.setPixelSize(kFontPixels);
    m_panel->setFont(font);
    m_panel->setPalette(paperPalette(m_panel->palette()));
    m_panel->setAtlas(std::move(atlas));
    m_panel->setLayers(std::move(layers));
    m_panel->setBrief(&m_brief);
    m_panel->show();
}

ChartPrinter::~ChartPrinter() = default;

BriefingPack::ChartPainter ChartPrinter::chartPainter()
{
    return [this](QPainter &painter, const QRectF &target, const QString &chartId, const SavedView &view) {
        return paint(painter, target, chartId, view);
    };
}

void ChartPrinter::follow(const SavedView &view)
{
    // As the window does when it applies the view: its layers and year, then its selection.
    m_panel->setHiddenLayers(view.state.hiddenLayers);
    m_panel->setYear(view.state.year);
    if (!view.state.selectedRegion.isEmpty())
        m_panel->showRegion(view.state.selectedRegion);
    else if (!view.state.selectedFeature.isEmpty())
        m_panel->showFeature(view.state.selectedFeature);
    else
        m_panel->clearSelection();
}

void ChartPrinter::layOut(ChartWidget *chart, QSize size)
{
    m_panel->showChart(chart);
    // The tab bar and the scroll area take some of the panel: the panel grows by that much, and
    // the chart gets `size`, or the height its labels need if that is more.
    const QSize wanted(size.width(), std::max(size.height(), chart->minimumSizeHint().height()));
    // (The scroll area's own size, not its viewport's: a scroll bar shown now will not be then.)
    const QWidget *area = chart->parentWidget()->parentWidget();
    m_panel->resize(wanted + (m_panel->size() - area->size()).expandedTo(QSize(0, 0)));
    chart->resize(wanted);
    QCoreApplication::sendPostedEvents(); // the charts lay out titles, axes and legends on posted events
}

bool ChartPrinter::paint(QPainter &painter, const QRectF &target, const QString &chartId, const SavedView &view)
{
    auto *chart = m_panel->chart(chartId);
    if (!chart || target.isEmpty())
        return false;
    follow(view);
    const double scale = (painter.device() ? painter.device()->logicalDpiX() : kLayoutDpi) / kLayoutDpi;
    layOut(chart, (target.size() / scale).toSize());
    // A chart keeps the height its labels need: laid out taller than the target, it is shrunk into it.
    const QSizeF laidOut = chart->size();
    const double fit = std::min({1.0, target.width() / scale / laidOut.width(), target.height() / scale / laidOut.height()});
    // Each chart view's scene, where the view sits in the chart widget (the energy chart stacks two).
    for (QChartView *chartView : chart->views()) {
        const QRectF at(QPointF(chartView->mapTo(chart, QPoint(0, 0))) * scale * fit, QSizeF(chartView->size()) * scale * fit);
        chartView->scene()->render(&painter, at.translated(target.topLeft()), chartView->sceneRect(),
                                   Qt::IgnoreAspectRatio);
    }
    return true;
}

} // namespace spheres
