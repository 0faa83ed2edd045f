#include "mapframe.h"

#include "maprenderer.h"
#include "scene.h"

namespace spheres {

MapFrame::MapFrame(const MapRenderer &renderer, const Scene &scene, const ViewState &view)
    : m_renderer(renderer), m_scene(scene), m_view(view), m_toScreen(scene.worldToScreen(view))
{}

const MapStyle &MapFrame::style() const
{
    return m_renderer.style();
}

const QList<QPainterPath> &MapFrame::regionPaths() const
{
    if (!m_regionPaths)
        m_regionPaths = m_renderer.regionPaths(m_scene, m_view, m_toScreen);
    return *m_regionPaths;
}

QPainterPath MapFrame::regionPath(int index) const
{
    if (m_regionPaths)
        return (*m_regionPaths)[index];
    return m_scene.levelFor(m_view.metresPerPixel).screenPath(index, m_toScreen);
}

FrameLayout &MapFrame::layout() const
{
    return m_renderer.layoutFor(m_scene, m_view);
}

const HaloText &MapFrame::halo() const
{
    return m_renderer.m_halo;
}

} // namespace spheres
