#include "maprenderer.h"
#include "legendpainter.h"

#include "basemappainters.h"
#include "layerpainter.h"
#include "overlaypainters.h"
#include "scene.h"
#include "thematiclayerpainter.h"

#include <QPainter>

#include <cmath>

namespace spheres {

void MapRenderer::render(QPainter &painter, const Scene &scene, const ViewState &view, Passes passes) const
{
    const MapFrame frame(*this, scene, view);
    for (const auto &part : painters(scene, view, passes))
        paint(painter, frame, *part);
}

MapRenderer MapRenderer::withoutCaches() const
{
    MapRenderer copy = *this;
    copy.m_layout = FrameLayout();
    copy.m_halo.setHalo(m_style.labelHalo); // forgets the rendered labels
    copy.m_regionPaths = RegionPaths();
    return copy;
}

void MapRenderer::paint(QPainter &painter, const MapFrame &frame, const MapLayerPainter &part)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.setClipRect(QRectF(QPointF(0, 0), QSizeF(frame.view().size)));
    part.paint(painter, frame);
    painter.restore();
}

MapLayerPainters MapRenderer::painters(const Scene &scene, const ViewState &view, Passes passes, Layering layering) const
{
    MapLayerPainters all;
    all.push_back(std::make_unique<OceanPainter>());
    if (layering == Layering::Blended) {
        all.push_back(std::make_unique<LandPainter>(LayerPainter::shownMembershipLayers(scene, view)));
    } else {
        all.push_back(std::make_unique<LandPainter>(QStringList()));
        QStringList below;
        for (const ProjectedLayer &pl : scene.layers())
            if (pl.layer->kind == LayerKind::Membership && view.showsLayer(pl.layer->id)) {
                all.push_back(std::make_unique<LandPainter>(pl.layer->id, pl.layer->title, below));
                below << pl.layer->id;
            }
    }
    for (const ProjectedLayer &pl : scene.layers())
        if (pl.layer->kind != LayerKind::Membership && view.showsLayer(pl.layer->id))
            all.push_back(std::make_unique<ThematicLayerPainter>(pl));
    all.push_back(std::make_unique<SelectionPainter>());
    all.push_back(std::make_unique<LabelsPainter>());
    if (passes & Pass::Annotations && !layoutFor(scene, view).annotations().isEmpty())
        all.push_back(std::make_unique<AnnotationsPainter>());
    all.push_back(std::make_unique<LegendBoxPainter>());
    all.push_back(std::make_unique<CreditLinePainter>());
    std::erase_if(all, [passes](const auto &part) { return !(passes & part->pass()); });
    return all;
}

QList<QPainterPath> MapRenderer::regionPaths(const Scene &scene, const ViewState &view, const QTransform &t) const
{
    const SceneLevel &level = scene.levelFor(view.metresPerPixel);
    // The level is known by its bounds' buffer: held here, no other level can get its address.
    if (m_regionPaths.levelBounds.constData() == level.bounds().constData() && !level.bounds().isEmpty() &&
        m_regionPaths.transform == t && m_regionPaths.size == view.size)
        return m_regionPaths.paths;
    const QRectF visible = t.inverted().mapRect(QRectF(QPointF(0, 0), QSizeF(view.size)));
    QList<QPainterPath> paths(level.bounds().size());
    for (int i = 0; i < paths.size(); ++i)
        if (level.bounds()[i].intersects(visible))
            paths[i] = level.screenPath(i, t);
    m_regionPaths = {level.bounds(), t, view.size, paths};
    return paths;
}

FrameLayout &MapRenderer::layoutFor(const Scene &scene, const ViewState &view) const
{
    m_layout.prepare(scene, view, {m_style, m_annotations, m_legendKeepClear, m_layoutRevision});
    return m_layout;
}

QList<PlacedLabel> MapRenderer::labels(const Scene &scene, const ViewState &view) const
{
    return layoutFor(scene, view).labels();
}

QList<PlacedAnnotation> MapRenderer::annotationLayout(const Scene &scene, const ViewState &view) const
{
    return layoutFor(scene, view).annotations();
}

LegendPainter::Layout MapRenderer::legendLayout(const Scene &scene, const ViewState &view) const
{
    return layoutFor(scene, view).legend();
}

} // namespace spheres

