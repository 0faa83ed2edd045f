#include "groundcache.h"

#include "maprenderer.h"
#include "scene.h"
#include "pixelratio.h"

#include <QPainter>

namespace spheres {

ViewState GroundCache::groundView(const ViewState &view)
{
    ViewState ground = view;
    ground.selectedRegion.clear(); // outlined by the selection pass, named by the labels
    // Only the upper passes read these: a folded legend or a hidden annotation keeps the ground.
    ground.hiddenAnnotations.clear();
    ground.legendCorner = ViewState::Corner::BottomLeft;
    ground.legendCollapsed = false;
    return ground;
}

bool GroundCache::holds(const MapRenderer &renderer, const Scene &scene, const ViewState &ground, qreal pixelRatio) const
{
    return !m_image.isNull() && m_image.devicePixelRatio() == pixelRatio && m_scene == &scene &&
           m_sceneRevision == scene.revision() && m_styleRevision == renderer.styleRevision() && m_view == ground;
}

QImage GroundCache::groundOf(const MapRenderer &renderer, const Scene &scene, const ViewState &view, qreal pixelRatio) const
{
    return holds(renderer, scene, groundView(view), pixelRatio) ? m_image : QImage();
}

void GroundCache::adopt(const QImage &ground, const MapRenderer &renderer, const Scene &scene, const ViewState &view)
{
    if (ground.isNull() || ground.size() != view.size * ground.devicePixelRatio())
        return;
    m_image = ground;
    remember(renderer, scene, groundView(view));
}

void GroundCache::remember(const MapRenderer &renderer, const Scene &scene, const ViewState &ground)
{
    m_view = ground;
    m_scene = &scene;
    m_sceneRevision = scene.revision();
    m_styleRevision = renderer.styleRevision();
}

void GroundCache::paint(QPainter &painter, const MapRenderer &renderer, const Scene &scene, const ViewState &view)
{
    const qreal dpr = pixelRatio(painter);
    const ViewState ground = groundView(view);
    m_lastPaintRendered = !holds(renderer, scene, ground, dpr);
    if (m_lastPaintRendered) {
        if (m_image.size() != view.size * dpr || m_image.devicePixelRatio() != dpr) {
            m_image = QImage(view.size * dpr, QImage::Format_ARGB32_Premultiplied);
            m_image.setDevicePixelRatio(dpr);
        }
        QPainter p(&m_image);
        renderer.render(p, scene, ground, MapRenderer::kGroundPasses);
        remember(renderer, scene, ground);
    }
    painter.drawImage(QPointF(0, 0), m_image);
    renderer.render(painter, scene, view, MapRenderer::kAllPasses & ~MapRenderer::kGroundPasses);
}

} // namespace spheres
