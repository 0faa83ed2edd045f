// libFuzzer target: a brief from untrusted bytes, and every view it accepts (at most four)
// rendered as the window would draw it, with the brief's annotations and the built-in layers,
// into a picture of 96×54 pixels at the view's own scale and centre. A view whose drawing costs
// unbounded memory or time (a dash cutter at an absurd scale once took 23 GB) shows here as a
// crash under the fuzzer's -rss_limit_mb and -timeout (packaging/fuzz.sh sets both).
#include "briefingpack.h"
#include "briefio.h"
#include "maprenderer.h"
#include "projectioncatalog.h"
#include "scene.h"
#include "scenecache.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace {

/// Asks a SceneCache for the coarse level only: the fine one would take most of a run to load.
constexpr double kCoarseOnly = spheres::Scene::kFineDetailBelow;

/// Qt for painting text, and a scene of every projection, made once (before the fuzzer's clock
/// starts, from LLVMFuzzerInitialize): they are the same for every input.
spheres::SceneCache &scenes()
{
    static const auto app = [] {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        static int argc = 1;
        static char name[] = "fuzz_render";
        static char *argv[] = {name, nullptr};
        return std::make_unique<QGuiApplication>(argc, argv);
    }();
    static spheres::SceneCache cache;
    static const bool loaded = [] {
        const QString error = cache.loadBuiltIn();
        if (!error.isEmpty()) {
            std::fprintf(stderr, "fuzz_render: %s\n", qPrintable(error));
            std::abort();
        }
        for (const QString &id : spheres::ProjectionCatalog::ids())
            cache.sceneFor(id, kCoarseOnly);
        return true;
    }();
    Q_UNUSED(app);
    Q_UNUSED(loaded);
    return cache;
}

} // namespace

/// Fontconfig keeps the patterns of every font Qt falls back to for the first time, for good:
/// a cache, not a leak, but LeakSanitizer reports it after the input that needed the font.
extern "C" const char *__lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    scenes();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    spheres::SceneCache &cache = scenes();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto read = spheres::BriefReader::read(bytes, QStringLiteral("fuzz"));
    if (!read.ok())
        return 0;
    spheres::MapRenderer renderer;
    renderer.setAnnotations(read.brief.annotations);
    QImage image(96, 54, QImage::Format_ARGB32_Premultiplied);
    for (qsizetype i = 0; i < std::min<qsizetype>(read.brief.views.size(), 4); ++i) {
        const spheres::SavedView &saved = read.brief.views.at(i);
        const spheres::Scene *scene = cache.sceneFor(saved.state.projectionId, kCoarseOnly);
        if (!scene)
            continue;
        spheres::ViewState view = spheres::BriefingPack::litState(read.brief, saved, *cache.coarse());
        view.size = image.size(); // the same scale: the middle of what the window would show
        QPainter painter(&image);
        renderer.render(painter, *scene, view);
    }
    return 0;
}
