#pragma once

#include "geometry.h"

#include <boost/geometry/index/rtree.hpp>

#include <QList>
#include <QPointF>

#include <utility>

namespace spheres {

struct ProjectedRegion;

/// An R-tree over the bounding boxes of every projected polygon part; a query narrows to a
/// few candidates, then an exact point-in-polygon test decides.
class SpatialIndex
{
public:
    void build(const QList<ProjectedRegion> &regions);
    /// The region containing `xy`; where parts overlap (enclaves), the smallest wins.
    int regionAt(QPointF xy, const QList<ProjectedRegion> &regions) const;

private:
    struct Entry
    {
        int region;
        int part;
    };
    using Value = std::pair<Box, Entry>;
    bg::index::rtree<Value, bg::index::rstar<16>> m_tree;
};

} // namespace spheres
