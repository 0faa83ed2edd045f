#include "projectedatlas.h"

#include "antimeridian.h"
#include "polylabel.h"

#include <boost/geometry/algorithms/area.hpp>
#include <boost/geometry/algorithms/correct.hpp>
#include <boost/geometry/algorithms/densify.hpp>
#include <boost/geometry/strategies/cartesian/densify.hpp>
#include <boost/geometry/algorithms/equals.hpp>
#include <boost/geometry/algorithms/envelope.hpp>

#include <boost/geometry/algorithms/intersection.hpp>

#include <algorithm>
#include <cmath>

namespace spheres {

namespace {

constexpr double kDensifyDegrees = 1.0;
constexpr double kSeamJumpMetres = 5.0e6; // neighbours this far apart straddle a seam

bool projectRing(const Projection &projection, const Ring &in, Ring &out)
{
    out.clear();
    out.reserve(in.size());
    for (const Point &p : in) {
        if (const auto xy = projection.forward(QPointF(p.x(), p.y())))
            out.emplace_back(xy->x(), xy->y());
    }
    if (out.size() < 4)
        return false;
    if (!bg::equals(out.front(), out.back()))
        out.push_back(out.front());
    return true;
}

void projectPolygon(const Projection &projection, const Polygon &in, MultiPolygon &out)
{
    Polygon projected;
    if (!projectRing(projection, in.outer(), projected.outer()))
        return;
    for (const Ring &hole : in.inners()) {
        Ring h;
        if (projectRing(projection, hole, h))
            projected.inners().push_back(std::move(h));
    }
    bg::correct(projected);
    out.push_back(std::move(projected));
}

} // namespace

/// The horizon disc of an azimuthal projection as a polygon, for clipping.
Polygon horizonDisc(double radius)
{
    Polygon disc;
    const int n = 360;
    for (int i = n; i >= 0; --i) { // clockwise, closed
        const double a = 2 * M_PI * (i % n) / n;
        disc.outer().emplace_back(radius * std::cos(a), radius * std::sin(a));
    }
    return disc;
}

MultiPolygon clippedToHorizon(const MultiPolygon &projected, double radius)
{
    Box box;
    bg::envelope(projected, box);
    const double inscribed = radius / std::sqrt(2.0);
    if (std::max({std::abs(box.min_corner().x()), std::abs(box.max_corner().x()), std::abs(box.min_corner().y()),
                  std::abs(box.max_corner().y())}) < inscribed)
        return projected;
    MultiPolygon clipped;
    bg::intersection(projected, horizonDisc(radius), clipped);
    return clipped;
}

/// `shape` cut to the latitudes the projection shows, before projecting: a point it cannot
/// project would otherwise be dropped and its ring closed by a chord across the map.
MultiPolygon clippedToShownLatitudes(const Projection &projection, MultiPolygon shape)
{
    const double south = projection.southernLimit();
    if (south <= -90.0)
        return shape;
    const bool allShown = std::all_of(shape.begin(), shape.end(), [south](const Polygon &p) {
        return std::all_of(p.outer().begin(), p.outer().end(), [south](const Point &q) { return q.y() >= south; });
    });
    if (allShown)
        return shape;
    const double west = projection.centralMeridian() - 360.0, east = projection.centralMeridian() + 360.0;
    Polygon shown; // clockwise, closed
    shown.outer() = {Point(west, south), Point(west, 90.0), Point(east, 90.0), Point(east, south), Point(west, south)};
    MultiPolygon clipped;
    bg::intersection(shape, shown, clipped);
    return clipped;
}

/// Whether `p` can be projected point by point as it is: a small polygon (a user's parcel)
/// whose edges need no densifying (all under a degree), well inside the projection's frame and
/// away from ±180, so that no cut, rewrapping or clip would change it.
bool projectsAsIs(const Projection &projection, const Polygon &p)
{
    double west = 1e9, east = -1e9, south = 1e9, north = -1e9;
    for (const Point &q : p.outer()) {
        west = std::min(west, q.x());
        east = std::max(east, q.x());
        south = std::min(south, q.y());
        north = std::max(north, q.y());
    }
    const double frameWest = projection.centralMeridian() - 180.0;
    return east - west < 0.7 && north - south < 0.7 && west > frameWest + 1.0 && east < frameWest + 359.0 && west > -179.0 &&
           east < 179.0 && south >= projection.southernLimit() && north < 89.0;
}

MultiPolygon projectShape(const Projection &projection, const MultiPolygon &lonLat)
{
    if (std::all_of(lonLat.begin(), lonLat.end(), [&](const Polygon &p) { return projectsAsIs(projection, p); })) {
        MultiPolygon out; // the path below, without its copies: a hundred thousand parcels project in a fraction
        for (const Polygon &p : lonLat)
            projectPolygon(projection, p, out);
        const double horizon = projection.horizonRadius();
        return horizon > 0 ? clippedToHorizon(out, horizon) : out;
    }
    const MultiPolygon framed = clippedToShownLatitudes(
        projection, antimeridian::rewrapped(lonLat, projection.centralMeridian(), projection.hasSeam()));
    MultiPolygon dense;
    bg::densify(framed, dense, kDensifyDegrees);
    MultiPolygon out;
    for (const Polygon &p : dense)
        projectPolygon(projection, p, out);
    const double horizon = projection.horizonRadius();
    return horizon > 0 ? clippedToHorizon(out, horizon) : out;
}

MultiLineString projectLine(const Projection &projection, const LineString &lonLat)
{
    MultiLineString out;
    LineString current;
    auto flush = [&] {
        if (current.size() > 1)
            out.push_back(current);
        current.clear();
    };
    const double horizon = projection.horizonRadius();
    const double south = projection.southernLimit();
    for (const Point &p : lonLat) {
        const auto xy = p.y() >= south ? projection.forward(QPointF(p.x(), p.y())) : std::nullopt;
        if (!xy || (horizon > 0 && std::hypot(xy->x(), xy->y()) > horizon)) {
            flush();
            continue;
        }
        const Point q(xy->x(), xy->y());
        if (!current.empty() && std::hypot(q.x() - current.back().x(), q.y() - current.back().y()) > kSeamJumpMetres)
            flush();
        current.push_back(q);
    }
    flush();
    return out;
}

ProjectedAtlas::ProjectedAtlas(const Atlas &atlas, const Projection &projection)
    : m_projection(projection), m_detail(atlas.detail())
{
    m_regions.reserve(atlas.regions().size());
    for (const Region &region : atlas.regions()) {
        ProjectedRegion r;
        r.shape = projectShape(projection, region.shape);
        if (!r.shape.empty()) {
            bg::envelope(r.shape, r.bounds);
            const Polygon *largest = nullptr;
            for (const Polygon &p : r.shape) {
                const double a = bg::area(p);
                if (a > r.largestPartArea) {
                    r.largestPartArea = a;
                    largest = &p;
                }
            }
            if (largest)
                r.labelAnchor = poleOfInaccessibility(*largest, std::sqrt(r.largestPartArea) / 50.0);
        }
        m_regions.push_back(std::move(r));
    }
    m_index.build(m_regions);
}

} // namespace spheres
