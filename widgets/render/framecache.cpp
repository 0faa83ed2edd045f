#include "framecache.h"

#include "groundcache.h"
#include "maprenderer.h"
#include "scene.h"
#include "pixelratio.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace spheres {

namespace {

/// `view` with its centre moved by `pixels` (x right, y down), or as it is if the projection cannot tell.
ViewState movedBy(const ViewState &view, const Projection &projection, QPointF pixels)
{
    ViewState moved = view;
    if (const auto metres = projection.forward(view.centre))
        moved.centre = projection.inverse(*metres + QPointF(pixels.x(), -pixels.y()) * view.metresPerPixel).value_or(view.centre);
    return moved;
}

} // namespace

void DragMotion::paintedAt(QPointF metres, double metresPerPixel, qint64 ms)
{
    const qint64 gap = ms - m_ms;
    if (m_ms < 0 || metresPerPixel != m_metresPerPixel || gap > kPauseMs) {
        m_velocity = QPointF();
    } else if (gap > 0) {
        const QPointF moved((metres.x() - m_metres.x()) / metresPerPixel, (m_metres.y() - metres.y()) / metresPerPixel);
        m_velocity = (m_velocity + moved / double(gap)) / 2; // smoothed: a mouse's steps come unevenly
    } else {
        return; // the same millisecond: measured over the longer gap at the next frame
    }
    m_metres = metres;
    m_metresPerPixel = metresPerPixel;
    m_ms = ms;
}

QPointF DragMotion::ahead(double ms, double limit) const
{
    // Whole pixels: the frame's pixels then fall on the view's, as a render for the view places them.
    return QPointF(std::round(std::clamp(m_velocity.x() * ms, -limit, limit)), std::round(std::clamp(m_velocity.y() * ms, -limit, limit)));
}

FrameCache::FrameCache(QObject *parent) : QObject(parent)
{
    connect(&m_job, &FrameRenderJob::finished, this, &FrameCache::frameLanded);
    m_clock.start();
}

ViewState FrameCache::frameViewFor(const ViewState &view)
{
    ViewState framed = view.withoutPointer(); // no hover while dragging
    framed.size = view.size + QSize(2 * kMarginPixels, 2 * kMarginPixels);
    return framed;
}

bool FrameCache::isCurrent(const FrameRenderJob::Frame &frame, const Scene &scene, const MapRenderer &renderer,
                           const ViewState &framed) const
{
    ViewState moved = frame.view;
    moved.centre = framed.centre;
    return frame.margin == kMarginPixels && frame.sceneRevision == scene.revision() &&
           frame.styleRevision == renderer.styleRevision() &&
           GroundCache::groundView(moved) == GroundCache::groundView(framed);
}

std::optional<FrameCache::Placement> FrameCache::place(const Scene &scene, const MapRenderer &renderer,
                                                       const ViewState &view, qreal pixelRatio, QPointF lead) const
{
    const ViewState framed = frameViewFor(view);
    const ViewState &held = m_frame.view;
    const int margin = m_frame.margin;
    if (m_frame.image.isNull() || m_frame.image.devicePixelRatio() != pixelRatio ||
        held.size != view.size + QSize(2 * margin, 2 * margin) ||
        held.projectionId != framed.projectionId || scene.projection().id() != framed.projectionId)
        return std::nullopt;
    const auto now = scene.projection().forward(view.centre);
    const auto then = scene.projection().forward(held.centre);
    if (!now || !then)
        return std::nullopt;
    // The held frame's centre in the view's pixels, and its size there (scaled after a zoom).
    const double mpp = view.metresPerPixel;
    const QPointF centre = QPointF(view.size.width(), view.size.height()) / 2 +
                           QPointF((then->x() - now->x()) / mpp, (now->y() - then->y()) / mpp);
    const QSizeF size = QSizeF(held.size) * (held.metresPerPixel / mpp);
    Placement placement;
    placement.target = QRectF(centre - QPointF(size.width(), size.height()) / 2, size);
    placement.current = isCurrent(m_frame, scene, renderer, framed);
    const QRectF screen(QPointF(0, 0), QSizeF(view.size));
    const double slack = kEdgeSlackPixels;
    placement.nearEdge = !placement.target.adjusted(slack, slack, -slack, -slack).contains(screen.translated(lead));
    return placement;
}

void FrameCache::adoptLanded(const Scene &scene, const MapRenderer &renderer, const ViewState &view)
{
    std::optional<FrameRenderJob::Frame> landed = m_job.take();
    if (landed && isCurrent(*landed, scene, renderer, frameViewFor(view)))
        m_frame = std::move(*landed);
    // Otherwise stale: the view changed in more than its centre while it rendered. Dropped.
}

void FrameCache::paintPanned(QPainter &painter, const MapRenderer &renderer, const Scene &scene, const ViewState &view)
{
    const qreal dpr = pixelRatio(painter);
    adoptLanded(scene, renderer, view);
    m_report = {};
    if (const auto metres = scene.projection().forward(view.centre))
        m_motion.paintedAt(*metres, view.metresPerPixel, m_clock.elapsed());
    const QPointF lead = m_motion.ahead(m_frame.renderMs, kMarginPixels);
    std::optional<Placement> placement = place(scene, renderer, view, dpr, lead);
    if (!placement && m_job.isBusy()) {
        // Nothing held can be shown (another pixel ratio, size or projection) and one render
        // runs: waited for, as a render here would take as long, and the picture is never blank.
        m_job.waitForFinished();
        adoptLanded(scene, renderer, view);
        placement = place(scene, renderer, view, dpr, lead);
    }
    if (!placement && !m_job.isBusy()) {
        m_frame = FrameRenderJob::render(renderer, scene, frameViewFor(view), dpr, kFramePasses, kMarginPixels);
        m_report.renderedHere = true;
        placement = place(scene, renderer, view, dpr);
    } else if (placement && (!placement->current || placement->nearEdge) && !m_job.isBusy()) {
        // Centred where the drag will be when it lands, so that it lands with its margin ahead.
        const ViewState ahead = frameViewFor(movedBy(view, scene.projection(), lead));
        m_report.startedRender = m_job.start(renderer, scene, ahead, dpr, kFramePasses, kMarginPixels);
    }
    paintFrame(painter, renderer, scene, view, placement);
}

void FrameCache::startFrom(const QImage &ground, const MapRenderer &renderer, const Scene &scene, const ViewState &view)
{
    if (ground.isNull() || !m_frame.image.isNull() || m_job.isBusy())
        return;
    // The still picture's own size: placed as it is, never current (it has no margin).
    m_frame = {ground, view.withoutPointer(), scene.revision(), renderer.styleRevision(), m_frame.renderMs, 0};
}

void FrameCache::prepare(const QImage &ground, const MapRenderer &renderer, const Scene &scene, const ViewState &view,
                         qreal pixelRatio)
{
    startFrom(ground, renderer, scene, view);
    if (!m_frame.image.isNull() && !m_job.isBusy())
        m_job.start(renderer, scene, frameViewFor(view), pixelRatio, kFramePasses, kMarginPixels);
}

QImage FrameCache::groundFor(const MapRenderer &renderer, const Scene &scene, const ViewState &view, qreal pixelRatio)
{
    adoptLanded(scene, renderer, view);
    if (!(view.withoutPointer() == view))
        return {}; // the hover lightens its region in the ground; a frame is drawn without one
    const std::optional<Placement> placement = place(scene, renderer, view, pixelRatio);
    if (!placement || !placement->current || placement->target.size() != QSizeF(m_frame.view.size))
        return {};
    // The view's top left in the frame's device pixels: whole, or the cut would be a shifted map.
    const QPointF at = -placement->target.topLeft() * pixelRatio;
    const QPoint whole = at.toPoint();
    if (std::abs(at.x() - whole.x()) > 0.01 || std::abs(at.y() - whole.y()) > 0.01)
        return {};
    const QRect cut(whole, view.size * pixelRatio);
    if (!m_frame.image.rect().contains(cut))
        return {};
    QImage ground = m_frame.image.copy(cut);
    ground.setDevicePixelRatio(pixelRatio);
    return ground;
}

void FrameCache::paintHeld(QPainter &painter, const MapRenderer &renderer, const Scene &scene, const ViewState &view)
{
    adoptLanded(scene, renderer, view);
    m_report = {};
    paintFrame(painter, renderer, scene, view, place(scene, renderer, view, pixelRatio(painter)));
}

void FrameCache::paintFrame(QPainter &painter, const MapRenderer &renderer, const Scene &scene, const ViewState &view,
                            const std::optional<Placement> &placement)
{
    const QRectF screen(QPointF(0, 0), QSizeF(view.size));
    m_report.uncovered = !placement || !placement->target.contains(screen);
    m_report.current = placement && placement->current;
    m_report.awaiting = m_job.isBusy();
    if (m_report.uncovered) // else the frame covers it all: a fill would be painted over
        painter.fillRect(screen, renderer.style().space);
    if (placement && placement->target.size() == QSizeF(m_frame.view.size))
        painter.drawImage(placement->target.topLeft(), m_frame.image);
    else if (placement) // after a zoom, until the frame for it lands
        painter.drawImage(placement->target, m_frame.image);
    renderer.render(painter, scene, view, MapRenderer::kAllPasses & ~kFramePasses);
}

} // namespace spheres
