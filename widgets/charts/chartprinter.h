#pragma once

#include "brief.h"
#include "briefingpack.h"
#include "layer.h"

#include <QList>
#include <QSize>

#include <memory>

class QPainter;
class QRectF;

namespace spheres {

class Atlas;
class ChartWidget;
class ChartsPanel;

/// Paints the charts of a saved view into any painter, as vectors: the briefing pack's chart
/// pages. The charts are the charts panel's own, built offscreen on a white page and set to the
/// view's year and selection, so the pack shows what the panel shows for that view. Text is as
/// large on paper as the panel's on a screen: sizes follow the painter's device resolution.
class ChartPrinter
{
public:
    /// The layers and atlas the charts read (as the panel's); `brief` is the brief whose claims
    /// are counted.
    ChartPrinter(QList<std::shared_ptr<const Layer>> layers, std::shared_ptr<const Atlas> atlas, Brief brief);
    ~ChartPrinter();
    ChartPrinter(const ChartPrinter &) = delete;
    ChartPrinter &operator=(const ChartPrinter &) = delete;

    /// Paints the chart `chartId` (SavedView::kChartIds) of `view` into `target`, given in the
    /// painter's device pixels. False for an unknown id or an empty target.
    bool paint(QPainter &painter, const QRectF &target, const QString &chartId, const SavedView &view);
    /// paint() as BriefingPack::exportPdf takes it; valid while this printer lives.
    BriefingPack::ChartPainter chartPainter();
    /// The offscreen panel, as the last paint() left it.
    const ChartsPanel *panel() const { return m_panel.get(); }

private:
    void follow(const SavedView &view);
    void layOut(ChartWidget *chart, QSize size);

    Brief m_brief;
    std::unique_ptr<ChartsPanel> m_panel;
};

} // namespace spheres
