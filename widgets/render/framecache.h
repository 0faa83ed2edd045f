#pragma once

#include "viewstate.h"

#include <QImage>
#include <QPointF>

class QPainter;

namespace spheres {

class MapRenderer;
class Scene;

/// Keeps the last rendered frame, with a margin around it, so that a pan step only moves
/// pixels: while the user drags, the map is a blit, with its labels, annotations and legend
/// drawn over it for the view as it is; it is rendered again when the drag has moved past the
/// margin, or in full when the view changes in any other way.
class FrameCache
{
public:
    static constexpr int kMarginPixels = 256;

    /// Paints `view`: from the cache when only the centre moved (within the margin),
    /// otherwise by rendering a new, larger frame into the cache first.
    void paintPanned(QPainter &painter, const MapRenderer &renderer, const Scene &scene, const ViewState &view);
    void clear() { m_image = QImage(); }

private:
    bool canReuse(const Scene &scene, const ViewState &view, qreal pixelRatio, QPointF &offset) const;

    QImage m_image;
    ViewState m_view;
    const Scene *m_scene = nullptr;
};

} // namespace spheres
