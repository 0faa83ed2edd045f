#include "framecache.h"

#include "maprenderer.h"
#include "scene.h"

#include <QPainter>

#include <cmath>

namespace spheres {

namespace {

using Pass = MapRenderer::Pass;
/// What the cached frame holds: the map itself, which only moves with a pan. What is placed
/// against the picture's edges — labels, annotations' text, legend, credit — is drawn for the
/// view on every frame, as a still frame places it: placed in the larger frame, a site in its
/// margin would name itself over the picture, and the legend would stand in a corner off screen.
constexpr MapRenderer::Passes kCachedPasses = MapRenderer::Passes(Pass::Background) | Pass::Land | Pass::Layers | Pass::Selection;

} // namespace

bool FrameCache::canReuse(const Scene &scene, const ViewState &view, qreal pixelRatio, QPointF &offset) const
{
    if (m_image.isNull() || m_image.devicePixelRatio() != pixelRatio || m_scene != &scene || view.metresPerPixel != m_view.metresPerPixel ||
        view.selectedRegion != m_view.selectedRegion || view.projectionId != m_view.projectionId ||
        view.size + QSize(2 * kMarginPixels, 2 * kMarginPixels) != m_view.size)
        return false;
    const auto now = scene.projection().forward(view.centre);
    const auto then = scene.projection().forward(m_view.centre);
    if (!now || !then)
        return false;
    offset = QPointF((then->x() - now->x()) / view.metresPerPixel, (now->y() - then->y()) / view.metresPerPixel);
    return std::abs(offset.x()) <= kMarginPixels && std::abs(offset.y()) <= kMarginPixels;
}

void FrameCache::paintPanned(QPainter &painter, const MapRenderer &renderer, const Scene &scene, const ViewState &view)
{
    QPointF offset;
    const qreal dpr = MapRenderer::pixelRatio(painter);
    if (!canReuse(scene, view, dpr, offset)) {
        m_view = view.withoutPointer(); // no hover while dragging
        m_view.size = view.size + QSize(2 * kMarginPixels, 2 * kMarginPixels);
        m_image = QImage(m_view.size * dpr, QImage::Format_ARGB32_Premultiplied);
        m_image.setDevicePixelRatio(dpr);
        QPainter p(&m_image);
        renderer.render(p, scene, m_view, kCachedPasses);
        m_scene = &scene;
        offset = QPointF();
    }
    painter.fillRect(QRectF(QPointF(0, 0), QSizeF(view.size)), renderer.style().space);
    painter.drawImage(offset - QPointF(kMarginPixels, kMarginPixels), m_image);
    renderer.render(painter, scene, view, MapRenderer::kAllPasses & ~kCachedPasses);
}

} // namespace spheres
