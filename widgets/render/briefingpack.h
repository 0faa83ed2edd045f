#pragma once

#include "atlas.h"
#include "brief.h"
#include "exporter.h"

#include <QCoreApplication>
#include <functional>

namespace spheres {

/// All the views of a brief at once: a multi-page PDF briefing pack (per view, the map, its
/// caption, the claims it shows and the numbers of their sources, then a page of the view's
/// charts if it has any; at the end the numbered sources of the whole pack) or a numbered PNG
/// series (maps only). Long work: it reports progress and can be cancelled between views.
class BriefingPack
{
    Q_DECLARE_TR_FUNCTIONS(BriefingPack)

public:
    /// The scene to draw a view in, by projection id (views may differ in projection).
    using SceneFor = std::function<const Scene *(const QString &projectionId)>;
    /// Called after each view with (done, total); returning false cancels.
    using Progress = std::function<bool(int done, int total)>;
    /// Paints chart `chartId` of `view` (as of its year, for its selection) into `target`, in the
    /// painter's device pixels; false when it cannot. The charts live in the widgets, which
    /// supply this: the renderer knows none of them.
    using ChartPainter = std::function<bool(QPainter &painter, const QRectF &target, const QString &chartId,
                                            const SavedView &view)>;

    /// The smallest page side a PDF pack takes, in inches: on a smaller page its text would flow
    /// onto hundreds of continuation pages.
    static constexpr double kMinPageInches = 3.0;
    /// Why a PDF pack cannot be laid out on the page of `options`, or empty.
    static QString checkPage(const ExportOptions &options);
    /// Without `paintChart` (or for views without charts) there are no chart pages.
    static Exporter::Result exportPdf(const MapRenderer &renderer, const SceneFor &sceneFor, const Brief &brief,
                                      const ExportOptions &options, const QString &path, const Progress &progress,
                                      const ChartPainter &paintChart = {});
    /// Where `count` charts go in `area`, `gap` apart: one fills it; otherwise the first takes the
    /// left three fifths and the others are stacked on the right.
    static QList<QRectF> chartCells(const QRectF &area, int count, double gap);
    /// Writes `<stem>-01.png`, `<stem>-02.png`, … next to `firstPath`'s folder; returns the files written.
    /// All or none: the old pictures are replaced only once every new one is on the disk.
    static Exporter::Result exportPngSeries(const MapRenderer &renderer, const SceneFor &sceneFor, const Brief &brief,
                                            const ExportOptions &options, const QString &stemPath,
                                            const Progress &progress, QStringList *written = nullptr);
    /// A saved view as the window shows it: its focused claim's regions (groups expanded) and
    /// features lit, the rest dimmed.
    static ViewState litState(const Brief &brief, const SavedView &view, const Atlas &atlas);
};

} // namespace spheres
