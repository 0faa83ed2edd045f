#pragma once

#include "maprenderer.h"
#include "viewstate.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QImage>
#include <QObject>

#include <optional>

namespace spheres {

class Scene;

/// One frame of the map rendered off the GUI thread (a QtConcurrent task painting into a
/// QImage), as QGIS's parallel render jobs and web maps' tiles do, so that a window keeps
/// painting while a large layer is drawn. One render at a time: start() refuses while one runs.
///
/// Why the render may run beside the window: it draws only what it owns or what is never
/// written again. It takes a copy of the renderer without its caches (MapRenderer::withoutCaches)
/// and a copy of the scene: a Scene is levels and layers held by shared_ptr to const data and
/// implicitly shared lists, so the copy keeps them alive and unchanged however the session
/// replaces or re-projects its own scene meanwhile. The one lazy cache the layers share,
/// LayerDetailCache, locks. What a caller must still keep (see FrameCache): no other thread
/// draws the scene's ground while a render runs, since Qt builds a QPainterPath's drawing
/// form lazily on its first draw, into data that copies of the path share.
class FrameRenderJob : public QObject
{
    Q_OBJECT
public:
    /// A rendered frame and what it was rendered from: what decides whether it still serves.
    struct Frame
    {
        QImage image;
        ViewState view;
        quint64 sceneRevision = 0;
        quint64 styleRevision = 0;
        double renderMs = 0; ///< how long it took: what the next one is expected to take
        int margin = 0;      ///< logical pixels around the view it was made for, on each side
    };

    explicit FrameRenderJob(QObject *parent = nullptr);
    /// Waits for a render still running, so that none outlives the window that started it.
    ~FrameRenderJob() override;

    /// Starts rendering `passes` of `scene` as `view` shows it, at `pixelRatio` device pixels per
    /// logical pixel; false (and nothing started) while a render runs. `margin`: what `view` adds
    /// round the view the frame serves, on each side (the frame says so: Frame::margin).
    bool start(const MapRenderer &renderer, const Scene &scene, const ViewState &view, qreal pixelRatio,
               MapRenderer::Passes passes, int margin = 0);
    /// The frame rendered on the calling thread: what a render started here does in the background.
    static Frame render(const MapRenderer &renderer, const Scene &scene, const ViewState &view, qreal pixelRatio,
                        MapRenderer::Passes passes, int margin = 0);
    /// True from start() until the frame is taken (or forgotten).
    bool isBusy() const { return m_busy; }
    /// True while the render runs (started, not finished).
    bool isRunning() const { return m_busy && !m_future.isFinished(); }
    /// The rendered frame once the render has finished (the job is then idle); nothing before.
    std::optional<Frame> take();
    /// Blocks until the render running (if any) finishes: for outputs that block anyway (an
    /// export), never for a frame of the window.
    void waitForFinished() const;

signals:
    /// A render has finished: its frame can be taken.
    void finished();

private:
    QFutureWatcher<Frame> m_watcher;
    QFuture<Frame> m_future;
    bool m_busy = false;
};

} // namespace spheres
