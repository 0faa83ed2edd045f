#pragma once

#include "framecache.h"
#include "groundcache.h"

#include <QObject>

class QPainter;

namespace spheres {

class MapRenderer;
class Scene;
struct ViewState;

/// The window's picture of the map, made from what it keeps: the still picture's ground
/// (GroundCache), or a pan's frames (FrameCache) while the map is dragged or moved by the keys
/// and until the pan's last frame has landed. It keeps one rule: the painting thread never
/// renders the ground while a frame renders in the background (FrameRenderJob), and shows what
/// it holds meanwhile. A pan ends on its last frame, cut to the view as the still ground.
class MapPicture : public QObject
{
    Q_OBJECT
public:
    explicit MapPicture(QObject *parent = nullptr);

    /// Paints `view`; `panning`: the map is being dragged or moved by the keys.
    void paint(QPainter &painter, const MapRenderer &renderer, const Scene &scene, const ViewState &view, bool panning);
    /// A press on the still picture: a drag may follow, so its first frame with a margin starts
    /// rendering in the background now rather than at the drag's first move.
    void pressed(const MapRenderer &renderer, const Scene &scene, const ViewState &view, qreal pixelRatio);
    /// A pan starts: its first frames move the still picture (FrameCache::startFrom).
    void panStarts(const MapRenderer &renderer, const Scene &scene, const ViewState &view, qreal pixelRatio);
    /// Forgets the pan's frames (the style changed under them).
    void forgetFrames() { m_frames.clear(); }
    /// Blocks until a frame rendering in the background has finished: before anything else
    /// draws the scene on this thread (an export, a grab), never for a frame of the window.
    void finishRendering() const { m_frames.finishRendering(); }
    /// What the last paint of a pan did (for the tests and the benchmark).
    const FrameCache::PaintReport &lastPanPaint() const { return m_frames.lastPaint(); }

signals:
    /// A frame rendered in the background has landed: paint again to show it.
    void frameLanded();

private:
    FrameCache m_frames;
    GroundCache m_ground;
};

} // namespace spheres
