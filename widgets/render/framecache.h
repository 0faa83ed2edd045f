#pragma once

#include "framerenderjob.h"
#include "maprenderer.h"
#include "viewstate.h"

#include <QObject>
#include <QRectF>

#include <optional>

class QPainter;

namespace spheres {

class Scene;

/// Keeps a rendered frame, with a margin around it, so that a pan step only moves pixels: while
/// the user drags, the map is a blit, with its labels, annotations and legend drawn over it for
/// the view as it is. The GUI thread never renders a whole frame while a frame can be placed:
/// when the drag comes near the frame's edge, or the view changes in any other way (a zoom,
/// the fine detail arriving), the next frame renders in the background (FrameRenderJob) while
/// the old one is shown moved — or scaled — its uncovered edge in the background colour; it
/// is swapped in when it lands, and dropped if the view has changed in more than its centre.
///
/// While a render runs, nothing else may draw the scene's ground on the GUI thread (see
/// FrameRenderJob): the window paints from this cache until frameLanded(), and exports wait
/// for it with finishRendering().
class FrameCache : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMarginPixels = 256;
    /// What the frame holds: the map itself, which only moves with a pan. What is placed against
    /// the picture's edges — labels, annotations' text, legend, credit — is drawn for the view on
    /// every paint, as a still frame places it: placed in the larger frame, a site in its margin
    /// would name itself over the picture, and the legend would stand in a corner off screen.
    static constexpr MapRenderer::Passes kFramePasses = MapRenderer::Passes(MapRenderer::Pass::Background) |
                                                        MapRenderer::Pass::Land | MapRenderer::Pass::Layers |
                                                        MapRenderer::Pass::Selection;
    /// The next frame starts rendering once the drag comes this near the held frame's edge:
    /// half the margin, about a quarter of a second of a brisk drag, a large layer's render.
    static constexpr int kRenderAheadPixels = kMarginPixels / 2;

    explicit FrameCache(QObject *parent = nullptr);

    /// Paints `view` during a drag from the held frame, starting the next one in the background
    /// when it is needed. Renders here only when no frame can be placed at all (the first of a
    /// drag, a new projection or size) and none is rendering.
    void paintPanned(QPainter &painter, const MapRenderer &renderer, const Scene &scene, const ViewState &view);
    /// Paints `view` from what it holds and starts nothing: the window after a drag, until the
    /// render it started has landed.
    void paintHeld(QPainter &painter, const MapRenderer &renderer, const Scene &scene, const ViewState &view);
    /// Forgets the held frame; a render still running is judged by its view when it lands.
    void clear() { m_frame = {}; }
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
        bool nearEdge = false; ///< within kRenderAheadPixels of the view's edge
    };
    static ViewState frameViewFor(const ViewState &view);
    bool isCurrent(const FrameRenderJob::Frame &frame, const Scene &scene, const MapRenderer &renderer,
                   const ViewState &framed) const;
    std::optional<Placement> place(const Scene &scene, const MapRenderer &renderer, const ViewState &view,
                                   qreal pixelRatio) const;
    /// Takes a landed frame when it is rendered for `view` (its centre aside); drops it otherwise.
    void adoptLanded(const Scene &scene, const MapRenderer &renderer, const ViewState &view);
    void paintFrame(QPainter &painter, const MapRenderer &renderer, const Scene &scene, const ViewState &view,
                    const std::optional<Placement> &placement);

    FrameRenderJob m_job;
    FrameRenderJob::Frame m_frame;
    PaintReport m_report;
};

} // namespace spheres
