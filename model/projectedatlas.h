#pragma once

#include "atlas.h"
#include "projection.h"
#include "spatialindex.h"

#include <QList>
#include <QPointF>

namespace spheres {

/// A region in projected metres, with what drawing and hit testing need.
struct ProjectedRegion
{
    MultiPolygon shape;  ///< projected; empty where the projection cannot show the region
    Box bounds;
    Point labelAnchor;   ///< pole of inaccessibility of the largest part
    double largestPartArea = 0; ///< m², of the part that carries the label
};

/// The atlas projected once for one projection; pan and zoom never recompute it.
class ProjectedAtlas
{
public:
    ProjectedAtlas(const Atlas &atlas, const Projection &projection);

    const Projection &projection() const { return m_projection; }
    Atlas::Detail detail() const { return m_detail; }
    const QList<ProjectedRegion> &regions() const { return m_regions; }
    /// Index of the region under the projected point, or -1 (R-tree, then exact test).
    int regionAt(QPointF xy) const { return m_index.regionAt(xy, m_regions); }

private:
    Projection m_projection;
    Atlas::Detail m_detail;
    QList<ProjectedRegion> m_regions;
    SpatialIndex m_index;
};

/// Projects a lon/lat line, breaking it where the projection cannot show a point or where two
/// neighbours land implausibly far apart (a seam), so that no line crosses the map.
MultiLineString projectLine(const Projection &projection, const LineString &lonLat);

/// Projects a lon/lat multipolygon for `projection` (rewrapped around its central meridian,
/// densified so long edges follow the projection's curves).
MultiPolygon projectShape(const Projection &projection, const MultiPolygon &lonLat);

} // namespace spheres
