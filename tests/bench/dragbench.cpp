#include "dragbench.h"

#include "benchtools.h"

#include "framecache.h"
#include "groundcache.h"
#include "framerenderjob.h"
#include "maprenderer.h"
#include "scene.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QPainter>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

using namespace spheres;

namespace bench {

namespace {

constexpr int kStepPixels = 10;
constexpr int kStepMs = 16;

/// Where the drag has taken the view after `travelled` pixels of `total`: right a quarter,
/// back left half, right a quarter, so that it stays over what `home` frames.
double offsetAfter(int travelled, int total)
{
    const int quarter = total / 4;
    if (travelled <= quarter)
        return travelled;
    if (travelled <= 3 * quarter)
        return 2.0 * quarter - travelled;
    return travelled - 4.0 * quarter;
}

/// Runs the event loop (where a background frame's landing is announced) until `ms` after `clock`'s start.
void waitUntil(const QElapsedTimer &clock, qint64 ms)
{
    const qint64 left = ms - clock.elapsed();
    if (left <= 0)
        return;
    QEventLoop loop;
    QTimer::singleShot(int(left), &loop, &QEventLoop::quit);
    loop.exec();
}

/// Stretches of paints that showed the frame's edge, in milliseconds.
struct BlankEdge
{
    qint64 since = -1;
    double total = 0, longest = 0;
    void paintShowed(bool uncovered, qint64 now)
    {
        if (uncovered && since < 0)
            since = now;
        if (!uncovered && since >= 0) {
            total += double(now - since);
            longest = std::max(longest, double(now - since));
            since = -1;
        }
    }
};

} // namespace

void dragFigures(const QString &what, const MapRenderer &renderer, const Scene &scene, const ViewState &home,
                 int totalPixels)
{
    ViewState framed = home; // the frame a background render makes: the view and its margin
    framed.size += QSize(2 * FrameCache::kMarginPixels, 2 * FrameCache::kMarginPixels);
    report(QStringLiteral("%1: frame with its margin, rendered").arg(what),
           medianMs(3, [&] { FrameRenderJob::render(renderer, scene, framed, 1.0, FrameCache::kFramePasses); }),
           QStringLiteral("(background)"));

    const QPointF centre = *scene.projection().forward(home.centre);
    FrameCache cache;
    QImage image(home.size, QImage::Format_ARGB32_Premultiplied);
    GroundCache ground; // the still picture before the drag, which the canvas starts it from
    {
        QPainter painter(&image);
        ground.paint(painter, renderer, scene, home);
    }
    std::vector<double> frames;
    double firstMs = 0;
    int started = 0, renderedHere = 0;
    BlankEdge blank;
    QElapsedTimer clock;
    clock.start();
    for (int step = 0; step * kStepPixels <= totalPixels; ++step) {
        ViewState view = home;
        view.centre = *scene.projection().inverse(centre + QPointF(offsetAfter(step * kStepPixels, totalPixels) * home.metresPerPixel, 0));
        const double ms = medianMs(1, [&] {
            QPainter painter(&image);
            if (step == 0)
                cache.startFrom(ground.groundOf(renderer, scene, home, 1.0), renderer, scene, home);
            cache.paintPanned(painter, renderer, scene, view);
        });
        if (step == 0)
            firstMs = ms;
        frames.push_back(ms);
        started += cache.lastPaint().startedRender ? 1 : 0;
        renderedHere += cache.lastPaint().renderedHere ? 1 : 0;
        blank.paintShowed(cache.lastPaint().uncovered, clock.elapsed());
        waitUntil(clock, (step + 1) * kStepMs);
    }
    blank.paintShowed(false, clock.elapsed());
    cache.finishRendering(); // nothing else may draw the scene while it renders
    // The release: the still picture's first paint, as the canvas makes it once the drag's
    // last frame has landed (its ground cut from that frame).
    ViewState released = home;
    released.centre = *scene.projection().inverse(centre + QPointF(offsetAfter(totalPixels, totalPixels) * home.metresPerPixel, 0));
    bool cut = false;
    const double releaseMs = medianMs(1, [&] {
        QPainter painter(&image);
        const QImage frameGround = cache.groundFor(renderer, scene, released, 1.0);
        cut = !frameGround.isNull();
        ground.adopt(frameGround, renderer, scene, released);
        cache.clear();
        ground.paint(painter, renderer, scene, released);
    });
    std::sort(frames.begin(), frames.end());
    const QString drag = QStringLiteral("%1: drag of %2 px in %3 px steps").arg(what).arg(totalPixels).arg(kStepPixels);
    report(drag + QStringLiteral(", GUI thread per frame (median)"), frames[frames.size() / 2], QStringLiteral("≤ 16 ms"));
    report(drag + QStringLiteral(", GUI thread per frame (slowest)"), frames.back(), QStringLiteral("≤ 16 ms"));
    report(QStringLiteral("  of which the drag's first frame (the still picture moved)"), firstMs, QStringLiteral("(part of the above)"));
    report(QStringLiteral("  the frame's edge in sight (blank), longest stretch"), blank.longest,
           QStringLiteral("(a step is %1 ms)").arg(kStepMs));
    report(QStringLiteral("  the frame's edge in sight (blank), in all"), blank.total,
           QStringLiteral("(of a %1 ms drag)").arg(clock.elapsed()));
    report(QStringLiteral("%1: the drag released, the still picture's first paint").arg(what), releaseMs,
           cut ? QStringLiteral("≤ 16 ms") : QStringLiteral("≤ 16 ms; its ground RENDERED"));
    QTextStream(stdout) << QStringLiteral("  (%1 frames rendered in the background; %2 whole frames rendered on the GUI thread)\n")
                               .arg(started).arg(renderedHere);
}

} // namespace bench
