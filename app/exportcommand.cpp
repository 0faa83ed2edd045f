#include "exportcommand.h"

#include "briefingpack.h"
#include "charts/chartprinter.h"
#include "exporter.h"
#include "largepageheap.h"
#include "leftatexit.h"
#include "maprenderer.h"
#include "projectioncatalog.h"
#include "scene.h"
#include "scenecache.h"
#include "userlayers.h"

#include <QFileInfo>

#include <chrono>
#include <future>

namespace spheres {

namespace {

/// The brief, the data or the output file is the problem: exit 1.
int failed(const QString &message) { return commandError(exportCommandSpec(), message); }

/// Every saved view of the brief, to one PDF briefing pack or numbered PNGs.
int exportAllViews(const ExportRequest &request, const MapRenderer &renderer, SceneCache &scenes)
{
    auto sceneFor = [&scenes](const QString &id) { return scenes.sceneFor(id, 0.0); };
    ProgressLine progressLine(ExportCommand::tr("views"));
    auto progress = [&progressLine](int done, int total) {
        progressLine.report(done, total);
        return true;
    };
    QStringList written;
    // The charts panel's own charts, drawn offscreen for each view that names some.
    ChartPrinter charts(scenes.layers(), scenes.coarseAtlas(), *request.brief);
    const BriefingPack::ChartPainter paintChart = request.charts ? charts.chartPainter() : nullptr;
    const Exporter::Result packed =
        request.options.format == ExportOptions::Format::Pdf
            ? BriefingPack::exportPdf(renderer, sceneFor, *request.brief, request.options, request.outPath, progress, paintChart)
            : BriefingPack::exportPngSeries(renderer, sceneFor, *request.brief, request.options, request.outPath, progress,
                                            &written);
    return packed.ok() ? exitCode(ExitCode::Ok) : failed(packed.error);
}

/// While the users' files are still being read, this otherwise idle thread has the kernel back
/// the heap their features will take (some 6 times the files' size, with their projection and
/// drawing), so that the threads reading and projecting them do not stop for fresh pages.
void backHeapWhileReading(const QStringList &files, const std::future<UserLayers> &reading)
{
    constexpr std::size_t kStep = std::size_t(4) << 20; // a few milliseconds: the read is checked on often
    qint64 budget = 0;
    for (const QString &file : files)
        budget += 6 * QFileInfo(file).size();
    for (; budget > 0 && reading.wait_for(std::chrono::seconds(0)) != std::future_status::ready; budget -= qint64(kStep))
        if (!LargePageHeap::backNext(kStep))
            return;
}

} // namespace

int runExportCommand(const QStringList &arguments)
{
    const ParsedExport parsed = parseExportCommand(arguments);
    return parsed.request ? runExport(*parsed.request) : parsed.exitCode;
}

int runExport(const ExportRequest &request)
{
    const Brief *brief = request.brief ? &*request.brief : nullptr;
    // The users' files are read (GDAL loaded, a large file parsed) on a thread of their own
    // while the base map is loaded and projected; then only their layers are left to project.
    std::future<UserLayers> reading = std::async(std::launch::async, [&request, brief] {
        return UserLayers::read(request.layerFiles, brief, request.briefPath);
    });
    const auto kept = std::make_shared<SceneCache>(); // with the user's layers: left for the process's end
    leaveAtExit(kept);
    SceneCache &scenes = *kept;
    if (const QString error = scenes.loadBuiltIn(); !error.isEmpty())
        return failed(error);
    if (!request.allViews)
        scenes.sceneFor(request.projection->projection.id(), request.view.metresPerPixel);
    backHeapWhileReading(request.layerFiles, reading);
    if (const UserLayers user = reading.get(); user.ok())
        scenes.addLayers(user.layers);
    else
        return failed(user.error);
    ViewState view = request.view;
    if (request.savedView) {
        const ViewState lit = BriefingPack::litState(*brief, *request.savedView, *scenes.coarse());
        view.highlightRegions = lit.highlightRegions;
        view.highlightFeatures = lit.highlightFeatures;
        view.highlightGroups = lit.highlightGroups;
    }
    // Only the atlas knows the region codes: the one option checked after reading it.
    if (!view.selectedRegion.isEmpty() && !scenes.coarse()->region(view.selectedRegion))
        return usageError(exportCommandSpec(),
                          ExportCommand::tr("--select \"%1\" is not a region code").arg(view.selectedRegion));
    MapRenderer renderer;
    if (brief)
        renderer.setAnnotations(brief->annotations); // the brief's own marks travel with every export
    if (request.allViews)
        return exportAllViews(request, renderer, scenes);
    const Scene &scene = *scenes.sceneFor(request.projection->projection.id(), view.metresPerPixel);
    const Exporter::Result result = Exporter::exportTo(renderer, scene, view, request.options, request.outPath);
    return result.ok() ? exitCode(ExitCode::Ok) : failed(result.error);
}

} // namespace spheres
