#include "framerenderjob.h"

#include "scene.h"

#include <QElapsedTimer>
#include <QPainter>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace spheres {

FrameRenderJob::FrameRenderJob(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &FrameRenderJob::finished);
}

FrameRenderJob::~FrameRenderJob() { waitForFinished(); }

bool FrameRenderJob::start(const MapRenderer &renderer, const Scene &scene, const ViewState &view, qreal pixelRatio,
                           MapRenderer::Passes passes, int margin)
{
    if (m_busy)
        return false;
    // Everything the task reads is a copy made here, on the calling thread (see the class's comment).
    auto snapshot = std::make_shared<const Scene>(scene);
    m_future = QtConcurrent::run([renderer = renderer.withoutCaches(), snapshot, view, pixelRatio, passes, margin] {
        return render(renderer, *snapshot, view, pixelRatio, passes, margin);
    });
    m_watcher.setFuture(m_future);
    m_busy = true;
    return true;
}

FrameRenderJob::Frame FrameRenderJob::render(const MapRenderer &renderer, const Scene &scene, const ViewState &view,
                                             qreal pixelRatio, MapRenderer::Passes passes, int margin)
{
    QElapsedTimer clock;
    clock.start();
    Frame frame{QImage(view.size * pixelRatio, QImage::Format_ARGB32_Premultiplied), view, scene.revision(),
                renderer.styleRevision()};
    frame.image.setDevicePixelRatio(pixelRatio);
    QPainter painter(&frame.image);
    renderer.render(painter, scene, view, passes);
    painter.end();
    frame.renderMs = double(clock.nsecsElapsed()) / 1e6;
    frame.margin = margin;
    return frame;
}

std::optional<FrameRenderJob::Frame> FrameRenderJob::take()
{
    if (!m_busy || !m_future.isFinished())
        return std::nullopt;
    m_busy = false;
    Frame frame = m_future.result();
    m_future = QFuture<Frame>();
    return frame;
}

void FrameRenderJob::waitForFinished() const
{
    QFuture<Frame> future = m_future; // a copy: waiting changes no state of the job
    future.waitForFinished();
}

} // namespace spheres
