#include "dragbench.h"

#include "benchtools.h"

#include "framecache.h"
#include "mappicture.h"
#include "framerenderjob.h"
#include "maprenderer.h"
#include "scene.h"

#include <QCoreApplication>
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
/// A deliberate grab: the hand rests a moment on the press before it moves (a flick moves at
/// once: the run at 0 ms).
constexpr int kPressToMoveMs = 80;

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

/// One drag as the canvas makes it (MapPicture): the still picture, a press, `pressToMoveMs`
/// later the first move, a step every kStepMs, and the release.
void dragOnce(const QString &what, const MapRenderer &renderer, const Scene &scene, const ViewState &home,
              int totalPixels, int pressToMoveMs)
{
    const QPointF centre = *scene.projection().forward(home.centre);
    const auto viewAfter = [&](int travelled) {
        ViewState view = home;
        view.centre = *scene.projection().inverse(centre + QPointF(offsetAfter(travelled, totalPixels) * home.metresPerPixel, 0));
        return view;
    };
    MapPicture picture;
    QImage image(home.size, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter painter(&image);
        picture.paint(painter, renderer, scene, home, false); // the still picture before the drag
    }
    QElapsedTimer clock;
    clock.start();
    picture.pressed(renderer, scene, home, 1.0);
    waitUntil(clock, pressToMoveMs);
    std::vector<double> frames;
    double firstMs = 0;
    int started = 0, renderedHere = 0;
    BlankEdge blank;
    for (int step = 0; step * kStepPixels <= totalPixels; ++step) {
        const ViewState view = viewAfter(step * kStepPixels);
        const double ms = medianMs(1, [&] {
            QPainter painter(&image);
            if (step == 0)
                picture.panStarts(renderer, scene, home, 1.0);
            picture.paint(painter, renderer, scene, view, true);
        });
        if (step == 0)
            firstMs = ms;
        frames.push_back(ms);
        const FrameCache::PaintReport &report = picture.lastPanPaint();
        started += report.startedRender ? 1 : 0;
        renderedHere += report.renderedHere ? 1 : 0;
        blank.paintShowed(report.uncovered, clock.elapsed());
        waitUntil(clock, pressToMoveMs + (step + 1) * kStepMs);
    }
    blank.paintShowed(false, clock.elapsed());
    // The release, once the drag's last frame has landed: the still picture's first paint.
    picture.finishRendering();
    QCoreApplication::processEvents();
    const double releaseMs = medianMs(1, [&] {
        QPainter painter(&image);
        picture.paint(painter, renderer, scene, viewAfter(totalPixels), false);
    });
    std::sort(frames.begin(), frames.end());
    const QString drag = QStringLiteral("%1: drag of %2 px in %3 px steps, %4 ms after the press")
                             .arg(what).arg(totalPixels).arg(kStepPixels).arg(pressToMoveMs);
    report(drag + QStringLiteral(", GUI thread per frame (median)"), frames[frames.size() / 2], QStringLiteral("≤ 16 ms"));
    report(drag + QStringLiteral(", GUI thread per frame (slowest)"), frames.back(), QStringLiteral("≤ 16 ms"));
    report(QStringLiteral("  of which the drag's first frame (the still picture moved)"), firstMs, QStringLiteral("(part of the above)"));
    report(QStringLiteral("  the frame's edge in sight (blank), longest stretch"), blank.longest,
           QStringLiteral("(a step is %1 ms)").arg(kStepMs));
    report(QStringLiteral("  the frame's edge in sight (blank), in all"), blank.total,
           QStringLiteral("(of a %1 ms drag)").arg(clock.elapsed()));
    report(QStringLiteral("  the drag released: the still picture's first paint"), releaseMs, QStringLiteral("≤ 16 ms"));
    QTextStream(stdout) << QStringLiteral("  (%1 frames rendered in the background; %2 whole frames rendered on the GUI thread)\n")
                               .arg(started).arg(renderedHere);
}

} // namespace

void dragFigures(const QString &what, const MapRenderer &renderer, const Scene &scene, const ViewState &home,
                 int totalPixels)
{
    ViewState framed = home; // the frame a background render makes: the view and its margin
    framed.size += QSize(2 * FrameCache::kMarginPixels, 2 * FrameCache::kMarginPixels);
    report(QStringLiteral("%1: frame with its margin, rendered").arg(what),
           medianMs(3, [&] { FrameRenderJob::render(renderer, scene, framed, 1.0, FrameCache::kFramePasses); }),
           QStringLiteral("(background)"));
    // A hand presses, then moves: the drag's first move comes this long after the press.
    for (const int pressToMoveMs : {0, kPressToMoveMs})
        dragOnce(what, renderer, scene, home, totalPixels, pressToMoveMs);
}

} // namespace bench
