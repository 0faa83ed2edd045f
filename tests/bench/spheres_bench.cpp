// Prints medians of the operations whose speed a user feels. Run: build/tests/bench/spheres_bench
// [--quick: 3 runs each] [--frames: the frames alone] [--passes: each pass of the all-layers frame]
// [--cpu: the thread's CPU time instead of wall time, steadier on a busy machine] [--runs N]
// [--hostile: only the readers on the generated files that once took quadratic time; with --quick
// at a tenth of their size] [--user-layer: a GeoPackage of 100,000 polygons and 10,000 points,
// written with GDAL: its load time and peak memory, and `spheres export --layer` with and without
// it; with --quick at a tenth of the size; with --keep the file stays, for a profiler] [--claims: a
// brief of 5,000 claims: `spheres validate` as a whole process, and a click on the map to a filled
// context panel in the window]
#include "../hostilefiles.h"
#include "benchtools.h"
#include "dragbench.h"
#include "wholeprocess.h"
#include "../support/vectorfixtures.h"

#include "atlas.h"
#include "briefio.h"
#include "claimindex.h"
#include "exporter.h"
#include "pngencoder.h"
#include "framecache.h"
#include "geojsonreader.h"
#include "document/briefdocument.h"
#include "panels/contextpanel.h"
#include "layerdetail.h"
#include "mainwindow.h"
#include "map/mapcanvas.h"
#include "maprenderer.h"
#include "mapsession.h"
#include "userlayerloader.h"
#include "projectioncatalog.h"
#include "scene.h"
#include "sentencesplitter.h"
#include "vectorfilereader.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QFile>
#include <QFileInfo>
#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <vector>
#include <ctime>
#include <functional>

using namespace spheres;
using namespace Qt::StringLiterals;
using namespace bench;

namespace {

/// The readers on generated files at the sizes that froze the window on Open or Add layer
/// (`quick`: a tenth of them), one run each: the point is the order of growth, not the median.
void hostileFiles(bool quick)
{
    const int k = quick ? 10 : 1;
    const auto timeRead = [](const QString &what, const QByteArray &data, auto read) {
        QElapsedTimer timer;
        timer.start();
        read(data);
        report(QStringLiteral("%1 (%2 KB)").arg(what).arg(data.size() / 1024), double(timer.nsecsElapsed()) / 1e6,
               QStringLiteral("linear"));
    };
    const auto brief = [](const QByteArray &data) { return BriefReader::read(data, QStringLiteral("b.json")).ok(); };
    const auto layer = [](const QByteArray &data) { return GeoJsonReader::read(data, QStringLiteral("l.geojson")).ok(); };
    timeRead(QStringLiteral("brief, 100 claims quoting a long sentence"),
             hostile::briefWithLongSentences(1, 100 / k, 99'990, 20'000), brief);
    timeRead(QStringLiteral("brief, 100 paragraphs of long sentences"),
             hostile::briefWithLongSentences(100 / k, 100 / k, 99'990, 50'000), brief);
    timeRead(QStringLiteral("brief, 10,000 claims on one long paragraph"),
             hostile::briefWithLongSentences(1, 10'000 / k, 99'990, 1), brief);
    timeRead(QStringLiteral("GeoJSON, 10,000 features of one id"), hostile::geoJsonWithDuplicateIds(10'000 / k), layer);
    timeRead(QStringLiteral("GeoJSON, 50,000 features of one id"), hostile::geoJsonWithDuplicateIds(50'000 / k), layer);
    timeRead(QStringLiteral("GeoJSON, a ring winding round the globe"), hostile::geoJsonWindingRing(12'000 / k), layer);
    const QString narrative = hostile::narrativeWithUnmatchedMarkdown(200'000 / k);
    timeRead(QStringLiteral("narrative, unmatched Markdown, split"), narrative.toUtf8(),
             [](const QByteArray &data) { return SentenceSplitter::split(QString::fromUtf8(data)).size(); });
}

/// A field of /proc/self/status in KiB ("VmHWM", "VmRSS"); -1 when unknown.
qint64 statusKiB(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').front().toLongLong();
    return -1;
}

/// Writing "5" to clear_refs resets the peak (VmHWM) to the current resident size (Linux ≥ 4.0).
void resetPeakMemory()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

/// What the window does with the user's file: File > Add layer (read and projected in the
/// background, added to the map session, the first frame drawn at 1920x1080), pan frames with
/// the layer on (full renders at several offsets, as the background renders them for a drag,
/// and a long drag as the canvas paints it), and clicks on the map with it.
void windowFigures(const QString &path, int runs)
{
    Atlas::Result coarse = Atlas::loadBuiltIn(Atlas::Detail::Coarse);
    QStringList layerErrors;
    const auto builtIn = GeoJsonReader::readAllBuiltIn(layerErrors);
    MapSession session;
    session.setSize(QSize(1920, 1080));
    session.setBaseMap(std::make_shared<const Atlas>(std::move(coarse.atlas)), ProjectionCatalog::defaultPreset().projection.id());
    const MapRenderer renderer;
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    const auto frame = [&](const ViewState &view) {
        QPainter painter(&image);
        renderer.render(painter, *session.scene(), view);
    };
    std::vector<double> loads;
    for (int i = 0; i < std::max(1, std::min(3, runs / 4)); ++i) {
        session.setLayers(builtIn);
        UserLayerLoader loader;
        QEventLoop loop;
        QObject::connect(&loader, &UserLayerLoader::finished, &loop, &QEventLoop::quit);
        QElapsedTimer timer;
        timer.start();
        loader.start(path, {}, session.scene()->projection());
        loop.exec();
        for (const UserLayerLoader::Loaded &loaded : loader.takeOutcome().layers)
            session.addLayer(loaded.layer, {loaded.projected});
        frame(session.view());
        loads.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(loads.begin(), loads.end());
    report(QStringLiteral("Add layer in the window, to its first 1080p frame"), loads[loads.size() / 2], QStringLiteral("≤ 1000 ms"));

    {
        const VectorFileReader::Result read = VectorFileReader::readFile(path);
        const auto layer = std::make_shared<const Layer>(read.layer);
        report(QStringLiteral("  of which: projecting and indexing the layer"),
               medianMs(1, [&] { ProjectedLayer projected(layer, session.scene()->projection()); }), QStringLiteral("(background)"));
        const ProjectedLayer projected(layer, session.scene()->projection());
        report(QStringLiteral("  of which: simplifying it for the first frame's zoom"),
               medianMs(1, [&] { LayerDetail detail(projected, session.view().metresPerPixel); }), QStringLiteral("(once per octave)"));
    }
    const ViewState home = session.view();
    const Projection &projection = session.scene()->projection();
    std::vector<double> frames;
    int step = 0;
    for (int i = 0; i < std::max(5, runs / 2); ++i) { // a drag across the map, 300 px at a time, both ways
        ViewState panned = home;
        const QPointF c = *projection.forward(home.centre);
        const int offset = (i % 8 < 4 ? i % 4 : 4 - i % 4) * 300 - 600;
        panned.centre = *projection.inverse(c + QPointF(offset * home.metresPerPixel, (++step % 3 - 1) * 100 * home.metresPerPixel));
        frames.push_back(medianMs(1, [&] { frame(panned); }));
    }
    std::sort(frames.begin(), frames.end());
    // A drag never waits for these: they render in the background (FrameCache).
    report(QStringLiteral("pan frame with the layer, full 1080p render (median)"), frames[frames.size() / 2], QStringLiteral("(background)"));
    report(QStringLiteral("pan frame with the layer, full 1080p render (slowest)"), frames.back(), QStringLiteral("(background)"));
    if (qApp->arguments().contains(QStringLiteral("--passes"))) { // where a frame with the layer spends its time
        using Pass = MapRenderer::Pass;
        for (const auto &[name, pass] : {std::pair{"background", Pass::Background}, std::pair{"land", Pass::Land},
                                         std::pair{"layers", Pass::Layers}, std::pair{"selection", Pass::Selection},
                                         std::pair{"labels", Pass::Labels}, std::pair{"legend", Pass::Legend}})
            report(QStringLiteral("  pass: %1").arg(QLatin1StringView(name)), medianMs(5, [&] {
                       QPainter painter(&image);
                       renderer.render(painter, *session.scene(), home, pass);
                   }), QStringLiteral("(part of the above)"));
    }
    dragFigures(QStringLiteral("pan with the layer"), renderer, *session.scene(), home, 3000);

    QList<QPointF> clicks;
    for (int i = 0; i < 10000; ++i)
        clicks << QPointF(QRandomGenerator::global()->bounded(1920.0), QRandomGenerator::global()->bounded(1080.0));
    int hits = 0;
    const double hitMs = medianMs(3, [&] {
        for (const QPointF &p : clicks)
            hits += session.scene()->featureAt(home, p).isEmpty() ? 0 : 1;
    });
    report(QStringLiteral("hit test of the layer's features (R-tree + exact), per click"), hitMs / clicks.size(),
           QStringLiteral("≤ 20 µs"));
    QTextStream(stdout) << QStringLiteral("  (%1 of %2 clicks hit a feature)\n").arg(hits / 3).arg(clicks.size());
}

/// A user layer at the size of issue 16's targets: 100,000 small polygons and 10,000 points over
/// Eurasia in one GeoPackage, written with GDAL into a temporary directory (`quick`: a tenth).
void userLayer(bool quick, int runs)
{
    const int k = quick ? 10 : 1;
    QTemporaryDir dir;
    dir.setAutoRemove(!qApp->arguments().contains(QStringLiteral("--keep"))); // kept for a profiler
    const QString path = dir.filePath(QStringLiteral("user.gpkg"));
    fixtures::FixtureLayer polygons{QStringLiteral("polygons"), 4326, wkbPolygon, {}};
    fixtures::FixtureLayer points{QStringLiteral("points"), 4326, wkbPoint, {}};
    const int polygonCount = 100'000 / k, pointCount = 10'000 / k;
    for (int i = 0; i < polygonCount; ++i) {
        const double lon = 30.0 + (i % 400) * 0.3, lat = 10.0 + (i / 400) * 60.0 / (polygonCount / 400.0);
        const QByteArray x = QByteArray::number(lon, 'f', 4), y = QByteArray::number(lat, 'f', 4);
        const QByteArray x2 = QByteArray::number(lon + 0.1, 'f', 4), y2 = QByteArray::number(lat + 0.1, 'f', 4);
        const QByteArray xm = QByteArray::number(lon + 0.05, 'f', 4), ym = QByteArray::number(lat + 0.13, 'f', 4);
        polygons.features << fixtures::FixtureFeature{QString(), QStringLiteral("Parcel %1").arg(i),
                                                      "POLYGON ((" + x + ' ' + y + ", " + x2 + ' ' + y + ", " + x2 + ' ' + y2
                                                          + ", " + xm + ' ' + ym + ", " + x + ' ' + y2 + ", " + x + ' ' + y + "))",
                                                      i};
    }
    for (int i = 0; i < pointCount; ++i)
        points.features << fixtures::FixtureFeature{
            QString(), QStringLiteral("Site %1").arg(i),
            "POINT (" + QByteArray::number(40.0 + (i % 100) * 1.0, 'f', 3) + ' ' + QByteArray::number(15.0 + (i / 100) * 0.5, 'f', 3) + ')', i};
    // Both in one table, as the target reads: a layer of polygons plus points.
    fixtures::FixtureLayer both{QStringLiteral("parcels_and_sites"), 4326, wkbUnknown, polygons.features + points.features};
    if (const QString error = fixtures::writeVectorFile("GPKG", path, {both}); !error.isEmpty()) {
        QTextStream(stdout) << "cannot write the GeoPackage: " << error << Qt::endl;
        return;
    }
    const double fileMiB = double(QFileInfo(path).size()) / (1024 * 1024);
    QTextStream(stdout) << QStringLiteral("GeoPackage of %1 polygons + %2 points: %3 MiB%4\n")
                               .arg(polygonCount).arg(pointCount).arg(fileMiB, 0, 'f', 1)
                               .arg(dir.autoRemove() ? QString() : QStringLiteral(" (kept: %1)").arg(path));

    resetPeakMemory();
    const qint64 before = statusKiB("VmRSS");
    qsizetype features = 0;
    {
        const VectorFileReader::Result result = VectorFileReader::readFile(path);
        features = result.layer.features.size();
        if (!result.ok())
            QTextStream(stdout) << result.error << Qt::endl;
    }
    const qint64 peak = statusKiB("VmHWM");
    const double loadMs = medianMs(std::max(1, runs / 4), [&] { VectorFileReader::readFile(path); });
    report(QStringLiteral("VectorFileReader, %1 features").arg(features), loadMs, QStringLiteral("≤ 1000 ms (in the window)"));
    if (before >= 0 && peak >= 0)
        QTextStream(stdout) << QStringLiteral("%1 %2 MiB  (target ≤ 3× the file: %3 MiB; %4×)")
                                   .arg(QStringLiteral("VectorFileReader, peak memory over the process's"), -58)
                                   .arg(double(peak - before) / 1024, 8, 'f', 1)
                                   .arg(3 * fileMiB, 0, 'f', 1)
                                   .arg(double(peak - before) / 1024 / fileMiB, 0, 'f', 2)
                            << Qt::endl;

    windowFigures(path, runs);
    if (qApp->arguments().contains(QStringLiteral("--frames")))
        return;

    // Alternated runs, so that a busy machine slows both alike.
    const QString png = dir.filePath(QStringLiteral("m.png"));
    std::vector<double> without, with;
    for (int i = 0; i < std::max(1, runs / 4); ++i) {
        without.push_back(processMs(1, {QStringLiteral("export"), QStringLiteral("--out"), png}));
        with.push_back(processMs(1, {QStringLiteral("export"), QStringLiteral("--layer"), path, QStringLiteral("--out"), png}));
    }
    std::sort(without.begin(), without.end());
    std::sort(with.begin(), with.end());
    const double a = without[without.size() / 2], b = with[with.size() / 2];
    report(QStringLiteral("`spheres export` 1080p, whole process, without the layer"), a, QStringLiteral("(reference)"));
    report(QStringLiteral("`spheres export --layer user.gpkg` 1080p, whole process"), b, QStringLiteral("(reference)"));
    report(QStringLiteral("what the layer adds to the export"), b - a, QStringLiteral("≤ 1000 ms"));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv); // the window itself, for a click on it (--claims)
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const qsizetype runsAt = app.arguments().indexOf(QStringLiteral("--runs"));
    const int runs = quick ? 3 : runsAt < 0 ? 31 : std::max(1, app.arguments().value(runsAt + 1).toInt());
    const bool framesOnly = app.arguments().contains(QStringLiteral("--frames"));
    const bool byPass = app.arguments().contains(QStringLiteral("--passes"));
    g_cpuTime = app.arguments().contains(QStringLiteral("--cpu"));
    if (app.arguments().contains(QStringLiteral("--claims"))) {
        QTextStream(stdout) << "Spheres benchmark: many claims\n";
        claimsAtScale(quick, runs);
        return 0;
    }
    if (app.arguments().contains(QStringLiteral("--hostile"))) {
        QTextStream(stdout) << "Spheres benchmark: readers on hostile files, one run each\n";
        hostileFiles(quick);
        return 0;
    }
    if (app.arguments().contains(QStringLiteral("--user-layer"))) {
        QTextStream(stdout) << "Spheres benchmark: a large user layer through GDAL\n";
        userLayer(quick, runs);
        return 0;
    }
    const ProjectionPreset &preset = ProjectionCatalog::defaultPreset();
    auto coarse = std::make_shared<Atlas>(Atlas::loadBuiltIn(Atlas::Detail::Coarse).atlas);
    auto fine = std::make_shared<Atlas>(Atlas::loadBuiltIn(Atlas::Detail::Fine).atlas);
    Scene scene(coarse, preset.projection);
    scene.setFine(std::make_shared<SceneLevel>(fine, preset.projection));
    QStringList layerErrors;
    scene.setLayers(GeoJsonReader::readAllBuiltIn(layerErrors)); // all three layers on, as shipped
    const MapRenderer renderer;
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    auto frame = [&](const ViewState &view) {
        QPainter painter(&image);
        renderer.render(painter, scene, view);
    };

    QTextStream(stdout) << "Spheres benchmark: medians of " << runs << " runs, 1920x1080" << (g_cpuTime ? ", CPU time" : "")
                        << "\n";
    ViewState eurasia = framedView(preset.projection, preset.homeExtent, image.size());
    {
        ViewState baseOnly = eurasia; // the foundation's figure: countries, borders, graticule, labels
        baseOnly.hiddenLayers = QStringList{QStringLiteral("sco"), QStringLiteral("contested"), QStringLiteral("pipelines")};
        report(QStringLiteral("full frame, Eurasia, 1:50m, base map"), medianMs(runs, [&] { frame(baseOnly); }),
               QStringLiteral("≤ 12 ms"));
    }
    eurasia.selectedRegion = QStringLiteral("KAZ");
    report(QStringLiteral("full frame, Eurasia, 1:50m, all layers"), medianMs(runs, [&] { frame(eurasia); }), QStringLiteral("≤ 12 ms"));
    if (byPass) { // where a frame's time goes: each pass drawn alone (Land and Selection each project the regions)
        using Pass = MapRenderer::Pass;
        for (const auto &[name, pass] : {std::pair{"background", Pass::Background}, std::pair{"land", Pass::Land},
                                         std::pair{"layers", Pass::Layers}, std::pair{"selection", Pass::Selection},
                                         std::pair{"labels", Pass::Labels}, std::pair{"legend", Pass::Legend}})
            report(QStringLiteral("  pass: %1").arg(QLatin1StringView(name)), medianMs(runs, [&] {
                       QPainter painter(&image);
                       renderer.render(painter, scene, eurasia, pass);
                   }), QStringLiteral("(part of the above)"));
    }

    if (!framesOnly && !quick) { // PNG size against encode time, for PngEncoder::kCompression
        frame(eurasia);
        for (int compression : {0, 1, 2, 3, 6, 9}) {
            QByteArray png;
            const double ms = medianMs(std::max(3, runs / 4), [&] { png = PngEncoder::encode(image, nullptr, compression); });
            report(QStringLiteral("PNG encode 1920x1080, zlib level %1: %2 MB%3")
                       .arg(compression).arg(double(png.size()) / 1e6, 0, 'f', 2)
                       .arg(compression == PngEncoder::kCompression ? QStringLiteral(", chosen") : QString()),
                   ms, QStringLiteral("< 2.5 MB, fast"));
        }
    }

    ViewState scs = eurasia;
    scs.centre = QPointF(114.0, 12.0);
    scs.metresPerPixel = 1200;
    {
        ViewState baseOnly = scs;
        baseOnly.selectedRegion.clear();
        baseOnly.hiddenLayers = QStringList{QStringLiteral("sco"), QStringLiteral("contested"), QStringLiteral("pipelines")};
        report(QStringLiteral("full frame, South China Sea, 1:10m, base map"), medianMs(runs, [&] { frame(baseOnly); }),
               QStringLiteral("≤ 12 ms"));
    }
    report(QStringLiteral("full frame, South China Sea, 1:10m, all layers"), medianMs(runs, [&] { frame(scs); }), QStringLiteral("≤ 12 ms"));
    if (framesOnly)
        return 0;

    ViewState panned = eurasia;
    int step = 0;
    FrameCache dragFrames; // what the canvas paints while the user drags
    report(QStringLiteral("pan step (drag of 10 px, as the canvas paints it)"), medianMs(runs, [&] {
               const QPointF c = *preset.projection.forward(eurasia.centre);
               panned.centre = *preset.projection.inverse(c + QPointF(10 * (++step) * eurasia.metresPerPixel, 0));
               QPainter painter(&image);
               dragFrames.paintPanned(painter, renderer, scene, panned);
           }), QStringLiteral("≤ 4 ms"));
    dragFrames.finishRendering(); // nothing else may draw the scene while it renders
    report(QStringLiteral("pan step, full re-render after a 10 px move"), medianMs(runs, [&] {
               const QPointF c = *preset.projection.forward(eurasia.centre);
               panned.centre = *preset.projection.inverse(c + QPointF(10 * (++step) * eurasia.metresPerPixel, 0));
               frame(panned);
           }), QStringLiteral("(for reference)"));

    QList<QPointF> clicks;
    for (int i = 0; i < 10000; ++i)
        clicks << QPointF(QRandomGenerator::global()->bounded(1920.0), QRandomGenerator::global()->bounded(1080.0));
    int hits = 0;
    const double hitMs = medianMs(quick ? 1 : 5, [&] {
        for (const QPointF &p : clicks)
            hits += scene.regionAt(eurasia, p).isEmpty() ? 0 : 1;
    });
    report(QStringLiteral("hit test (R-tree + exact), per click"), hitMs / clicks.size(), QStringLiteral("≤ 20 µs"));

    for (const ProjectionPreset &p : ProjectionCatalog::presets())
        report(QStringLiteral("scene build, %1, 1:50m").arg(p.projection.id()),
               medianMs(quick ? 1 : 5, [&] { Scene s(coarse, p.projection); }), QStringLiteral("once per projection change"));
    report(QStringLiteral("scene build, eurasia, 1:10m (background thread)"),
           medianMs(quick ? 1 : 3, [&] { SceneLevel level(fine, preset.projection); }), QStringLiteral("off the UI thread"));

    report(QStringLiteral("process start to first painted frame"),
           processMs(quick ? 1 : 7, {QStringLiteral("-platform"), QStringLiteral("offscreen")}, "SPHERES_QUIT_AFTER_FIRST_FRAME"),
           QStringLiteral("≤ 400 ms"));
    QTemporaryDir dir;
    exportAgainstMinimal(quick, dir.path());
    return hits > 0 ? 0 : 1;
}
