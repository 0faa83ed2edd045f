#pragma once

#include "framerenderjob.h"
#include "maprenderer.h"
#include "viewstate.h"

#include <QElapsedTimer>
#include <QObject>
#include <QRectF>

#include <optional>

class QPainter;

namespace spheres {

class Scene;

/// How fast a drag moves the view, in its pixels per millisecond (x right, y down), from the
/// centres of the frames painted: where the view will be by the time a render started now lands.
class DragMotion
{
public:
    /// Notes a frame painted at `ms` whose centre is at `metres` (projected) at `metresPerPixel`.
    void paintedAt(QPointF metres, double metresPerPixel, qint64 ms);
    /// How far the view moves in `ms` at the present speed, in whole pixels, at most `limit` each way.
    QPointF ahead(double ms, double limit) const;

private:
    static constexpr qint64 kPauseMs = 100; ///< a longer gap between frames: the drag had stopped
    QPointF m_metres;
    double m_metresPerPixel = 0;
    qint64 m_ms = -1;
    QPointF m_velocity;
};

/// Keeps a rendered frame, with a margin around it, so that a pan step only moves pixels: while
/// the user drags, the map is a blit, with its labels, annotations and legend drawn over it for
/// the view as it is. The GUI thread never renders a whole frame while a frame can be placed:
/// when the drag comes near the frame's edge, or the view changes in any other way (a zoom,
/// the fine detail arriving), the next frame renders in the background (FrameRenderJob),
/// centred where the drag will be when it lands (DragMotion), while the old one is shown moved
/// (or scaled), its uncovered edge in the background colour. The new frame is swapped in when
/// it lands, and dropped if the view has changed in more than its centre meanwhile.
///
/// While a render runs, nothing else may draw the scene's ground on the GUI thread (see
/// FrameRenderJob): the window paints from this cache until frameLanded(), and exports wait
/// for it with finishRendering().
class FrameCache : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMarginPixels = 256;
    /// What the frame holds: the map's ground, which only moves with a pan, as the still picture
    /// keeps it (GroundCache). What is placed against the picture's edges — labels, annotations'
    /// text, legend, credit — is drawn for the view on every paint, as a still frame places it:
    /// placed in the larger frame, a site in its margin would name itself over the picture, and
    /// the legend would stand in a corner off screen. The selection is drawn over it too, so that
    /// the frame serves the still picture when the drag ends (groundFor).
    static constexpr MapRenderer::Passes kFramePasses = MapRenderer::kGroundPasses;
    /// The next frame starts rendering once the view, where the drag will have taken it by the
    /// time a render started now lands, comes this near the held frame's edge.
    static constexpr int kEdgeSlackPixels = 64;

    explicit FrameCache(QObject *parent = nullptr);

    /// Paints `view` during a drag from the held frame, starting the next one in the background
    /// when it is needed. Renders here only when no frame can be placed at all (the first of a
    /// drag, a new projection or size) and none is rendering.
    void paintPanned(QPainter &painter, const MapRenderer &renderer, const Scene &scene, const ViewState &view);
    /// Starts a drag from the still picture's ground (GroundCache::groundOf, null: nothing to
    /// start from): its first frames move that picture, its edge uncovered, while the frame
    /// with its margin renders in the background, instead of rendering one here.
    void startFrom(const QImage &ground, const MapRenderer &renderer, const Scene &scene, const ViewState &view);
    /// startFrom(), then the frame with its margin for `view` rendering in the background: a
    /// press on the map, before the drag that may follow (nothing while a render runs).
    void prepare(const QImage &ground, const MapRenderer &renderer, const Scene &scene, const ViewState &view,
                 qreal pixelRatio);
    /// Paints `view` from what it holds and starts nothing: the window after a drag, until the
    /// render it started has landed.
    void paintHeld(QPainter &painter, const MapRenderer &renderer, const Scene &scene, const ViewState &view);
    /// The held frame (or one just landed) cut to `view`, when it was rendered for it (up to its
    /// centre) and covers it pixel for pixel; else a null image. What a drag leaves the still
    /// picture: its ground is then not rendered again on the painting thread when the drag ends.
    QImage groundFor(const MapRenderer &renderer, const Scene &scene, const ViewState &view, qreal pixelRatio);
    /// Forgets the held frame, and a finished one not yet shown; a render still running is
    /// judged by its view when it lands.
    void clear()
    {
        m_frame = {};
        m_job.take();
    }
    /// True while a background render runs (its frame not yet finished).
    bool isRendering() const { return m_job.isRunning(); }
    /// Blocks until a render running finishes: for outputs that block anyway, never for a frame.
    void finishRendering() const { m_job.waitForFinished(); }

    /// What the last paint did: for the tests and the benchmark.
    struct PaintReport
    {
        bool renderedHere = false;   ///< a whole frame was rendered on the calling thread
        bool startedRender = false;  ///< the next frame started rendering in the background
        bool uncovered = false;      ///< part of the view showed no map (the frame's edge passed)
        bool current = false;        ///< the frame shown was rendered for this view (up to its centre)
        bool awaiting = false;       ///< a background render was under way: its frame comes later
    };
    const PaintReport &lastPaint() const { return m_report; }
    /// The view the held frame was rendered for (its margin included): for the tests.
    const ViewState &heldView() const { return m_frame.view; }

signals:
    /// A background render has finished: paint again to show it.
    void frameLanded();

private:
    /// Where the held frame goes in `view`'s pixels, and whether it is rendered for it.
    struct Placement
    {
        QRectF target;
        bool current = false;
        bool nearEdge = false; ///< the view will come within kEdgeSlackPixels of its edge
    };
    static ViewState frameViewFor(const ViewState &view);
    bool isCurrent(const FrameRenderJob::Frame &frame, const Scene &scene, const MapRenderer &renderer,
                   const ViewState &framed) const;
    /// `lead`: how far the view will have moved (pixels) when a render started now lands.
    std::optional<Placement> place(const Scene &scene, const MapRenderer &renderer, const ViewState &view,
                                   qreal pixelRatio, QPointF lead = {}) const;
    /// Takes a landed frame when it is rendered for `view` (its centre aside); drops it otherwise.
    void adoptLanded(const Scene &scene, const MapRenderer &renderer, const ViewState &view);
    void paintFrame(QPainter &painter, const MapRenderer &renderer, const Scene &scene, const ViewState &view,
                    const std::optional<Placement> &placement);

    FrameRenderJob m_job;
    DragMotion m_motion;
    QElapsedTimer m_clock;
    FrameRenderJob::Frame m_frame;
    PaintReport m_report;
};

} // namespace spheres
