#pragma once

#include "viewstate.h"

#include <QImage>

class QPainter;

namespace spheres {

class MapRenderer;
class Scene;

/// Keeps the window's last map ground — background, land and thematic layers — as an image, so
/// that a frame whose ground has not changed (a click that selects a region, an annotation
/// edited, the legend folded) blits it and draws only what lies on top: the selection, labels,
/// annotations, legend and credits. With a brief of thousands of claims or a large user layer,
/// re-rendering the ground made each click cost tens of milliseconds.
///
/// The ground is keyed by everything it depends on: the view without its selected region (the
/// one view field only the upper passes read), the scene and its revision, the renderer's style
/// revision and the device pixel ratio.
class GroundCache
{
public:
    void paint(QPainter &painter, const MapRenderer &renderer, const Scene &scene, const ViewState &view);
    void clear() { m_image = QImage(); }
    /// The ground it holds when that is `view`'s (at the device pixel ratio `pixelRatio`), else
    /// a null image: where a drag starts from (FrameCache::startFrom).
    QImage groundOf(const MapRenderer &renderer, const Scene &scene, const ViewState &view, qreal pixelRatio) const;
    /// Takes `ground` as `view`'s, rendered elsewhere (a drag's frame, cut to the view:
    /// FrameCache::groundFor); a null image, or one of another size, changes nothing.
    void adopt(const QImage &ground, const MapRenderer &renderer, const Scene &scene, const ViewState &view);
    /// True when the last paint rendered the ground rather than reusing it (for tests).
    bool lastPaintRendered() const { return m_lastPaintRendered; }
    /// `view` as far as the ground reads it: without what only the passes above it read.
    static ViewState groundView(const ViewState &view);

private:
    bool holds(const MapRenderer &renderer, const Scene &scene, const ViewState &ground, qreal pixelRatio) const;
    /// Notes what the image now holds the ground of.
    void remember(const MapRenderer &renderer, const Scene &scene, const ViewState &ground);

    QImage m_image;
    ViewState m_view;
    const Scene *m_scene = nullptr;
    quint64 m_sceneRevision = 0;
    quint64 m_styleRevision = 0;
    bool m_lastPaintRendered = false;
};

} // namespace spheres
