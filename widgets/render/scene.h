#pragma once

#include "atlas.h"
#include "layerpainter.h"
#include "projectedatlas.h"
#include "viewstate.h"

#include <QList>
#include <QPainterPath>
#include <QPolygonF>
#include <QRectF>
#include <QTransform>

#include <memory>

namespace spheres {

/// One level of detail of the base map, projected once and turned into painter paths.
class SceneLevel
{
public:
    SceneLevel(std::shared_ptr<const Atlas> atlas, const Projection &projection);

    const Atlas &atlas() const { return *m_atlas; }
    const ProjectedAtlas &projected() const { return m_projected; }
    const QList<QPainterPath> &paths() const { return m_paths; } ///< per region, projected metres
    /// Per region, its rings in projected metres (for fast, decimated drawing).
    const QList<QList<QPolygonF>> &rings() const { return m_rings; }
    /// The region's outline in pixels, leaving out vertices closer than `tolerance` pixels to
    /// the last one kept and rings smaller than a pixel: at small scales most of a 1:10m
    /// coastline's vertices fall within one pixel, and the rasterizer need not see them.
    QPainterPath screenPath(int region, const QTransform &toScreen, double tolerance = 0.9) const;
    const QList<QRectF> &bounds() const { return m_bounds; }

private:
    std::shared_ptr<const Atlas> m_atlas;
    ProjectedAtlas m_projected;
    QList<QPainterPath> m_paths;
    QList<QList<QPolygonF>> m_rings;
    QList<QRectF> m_bounds;
};

/// What is expensive to compute, computed once per projection: the base map at a coarse and
/// (when loaded) a fine level of detail, the graticule and the globe's outline. Pan and zoom
/// only change the transform.
class Scene
{
public:
    /// Below this many metres per pixel the fine (1:10m) level is drawn when it is loaded.
    static constexpr double kFineDetailBelow = 2500.0;

    Scene(std::shared_ptr<const Atlas> coarse, const Projection &projection);

    const Projection &projection() const { return m_coarse->projected().projection(); }
    void setFine(std::shared_ptr<const SceneLevel> fine)
    {
        m_fine = std::move(fine);
        m_revision = nextRevision();
    }
    /// Changes whenever what the scene draws changes (layers, detail): raster caches key on it.
    /// Unique across scenes, so that a new scene at a freed one's address is never taken for it.
    quint64 revision() const { return m_revision; }
    bool hasFine() const { return m_fine != nullptr; }
    const SceneLevel &coarse() const { return *m_coarse; }
    /// The level to draw and hit-test at this zoom.
    const SceneLevel &levelFor(double metresPerPixel) const;

    const QList<QPainterPath> &graticule() const { return m_graticule; }
    /// Thematic layers, bottom to top, projected for this scene's projection. A layer already
    /// projected for it (in this scene, or in `projected`: a layer loaded in the background) is
    /// not projected again.
    void setLayers(const QList<std::shared_ptr<const Layer>> &layers, const QList<ProjectedLayer> &projected = {});
    const QList<ProjectedLayer> &layers() const { return m_layers; }
    const QPainterPath &globe() const { return m_globe; }

    /// Projected metres → logical pixels for `view`.
    QTransform worldToScreen(const ViewState &view) const;
    /// The visible layer feature ("layer/feature") under a pixel of `view`, or empty: a site
    /// symbol under the pixel (symbols are drawn on top, so they come first), a line within
    /// `tolerance` pixels, or an area containing the pixel; top layers first.
    QString featureAt(const ViewState &view, QPointF pixel, double tolerance = 6.0) const;
    /// The feature's layer and index, or {nullptr, -1}.
    std::pair<const ProjectedLayer *, int> findFeature(const QString &ref) const;
    /// Region code under a pixel of `view`, or empty.
    QString regionAt(const ViewState &view, QPointF pixel) const;
    /// lon/lat under a pixel, if the projection can tell.
    std::optional<QPointF> lonLatAt(const ViewState &view, QPointF pixel) const;
    /// Pixel of a lon/lat point in `view`.
    std::optional<QPointF> pixelOf(const ViewState &view, QPointF lonLat) const;

private:
    std::shared_ptr<const SceneLevel> m_coarse, m_fine;
    QList<QPainterPath> m_graticule;
    QList<ProjectedLayer> m_layers;
    QPainterPath m_globe;
    static quint64 nextRevision();
    quint64 m_revision = nextRevision();
};

} // namespace spheres
