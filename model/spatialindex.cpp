#include "spatialindex.h"

#include "projectedatlas.h"

#include <boost/geometry/algorithms/area.hpp>
#include <boost/geometry/algorithms/envelope.hpp>
#include <boost/geometry/algorithms/within.hpp>

#include <iterator>
#include <limits>

namespace spheres {

void SpatialIndex::build(const QList<ProjectedRegion> &regions)
{
    std::vector<Value> values;
    for (int r = 0; r < regions.size(); ++r) {
        const MultiPolygon &shape = regions[r].shape;
        for (int p = 0; p < int(shape.size()); ++p) {
            Box box;
            bg::envelope(shape[size_t(p)], box);
            values.push_back({box, {r, p}});
        }
    }
    m_tree = decltype(m_tree)(values.begin(), values.end()); // bulk loading packs the tree well
}

int SpatialIndex::regionAt(QPointF xy, const QList<ProjectedRegion> &regions) const
{
    const Point point(xy.x(), xy.y());
    int best = -1;
    double bestArea = std::numeric_limits<double>::max();
    for (auto it = m_tree.qbegin(bg::index::intersects(point)); it != m_tree.qend(); ++it) {
        const Polygon &part = regions[it->second.region].shape[size_t(it->second.part)];
        if (!bg::within(point, part))
            continue;
        const double area = bg::area(part);
        if (area < bestArea) {
            bestArea = area;
            best = it->second.region;
        }
    }
    return best;
}

} // namespace spheres
