#include "geoarea.h"

#include <boost/geometry/algorithms/area.hpp>
#include <boost/geometry/core/cs.hpp>
#include <boost/geometry/geometries/point.hpp>
#include <boost/geometry/strategies/geographic/area.hpp>

#include <cmath>

namespace spheres {

double ellipsoidalAreaKm2(const MultiPolygon &lonLat)
{
    using GeoPoint = bg::model::point<double, 2, bg::cs::geographic<bg::degree>>;
    using GeoPolygon = bg::model::polygon<GeoPoint>;
    bg::strategy::area::geographic<> strategy;
    double total = 0;
    for (const Polygon &p : lonLat) {
        GeoPolygon g;
        for (const Point &pt : p.outer())
            g.outer().emplace_back(pt.x(), pt.y());
        for (const Ring &hole : p.inners()) {
            g.inners().emplace_back();
            for (const Point &pt : hole)
                g.inners().back().emplace_back(pt.x(), pt.y());
        }
        total += std::abs(bg::area(g, strategy));
    }
    return total / 1e6;
}

} // namespace spheres
