#pragma once

#include "atlas.h"
#include "brief.h"
#include "exporter.h"

#include <functional>

namespace spheres {

/// All the views of a brief at once: a multi-page PDF briefing pack (per view, the map, its
/// caption, the claims it shows and their sources) or a numbered PNG series. Long work: it
/// reports progress and can be cancelled between pages.
class BriefingPack
{
public:
    /// The scene to draw a view in, by projection id (views may differ in projection).
    using SceneFor = std::function<const Scene *(const QString &projectionId)>;
    /// Called after each page with (done, total); returning false cancels.
    using Progress = std::function<bool(int done, int total)>;

    static Exporter::Result exportPdf(const MapRenderer &renderer, const SceneFor &sceneFor, const Brief &brief,
                                      const ExportOptions &options, const QString &path, const Progress &progress);
    /// Writes `<stem>-01.png`, `<stem>-02.png`, … next to `firstPath`'s folder; returns the files written.
    static Exporter::Result exportPngSeries(const MapRenderer &renderer, const SceneFor &sceneFor, const Brief &brief,
                                            const ExportOptions &options, const QString &stemPath,
                                            const Progress &progress, QStringList *written = nullptr);
    /// A saved view as the window shows it: its focused claim's regions (groups expanded) and
    /// features lit, the rest dimmed.
    static ViewState litState(const Brief &brief, const SavedView &view, const Atlas &atlas);
    /// The claims a view shows: its focused claim, then those about its selected region or feature.
    static QList<const Claim *> claimsOf(const Brief &brief, const SavedView &view);
};

} // namespace spheres
