#include "antimeridian.h"

#include <boost/geometry/algorithms/area.hpp>
#include <boost/geometry/algorithms/correct.hpp>
#include <boost/geometry/algorithms/envelope.hpp>
#include <boost/geometry/algorithms/intersection.hpp>
#include <boost/geometry/algorithms/union.hpp>
#include <boost/geometry/algorithms/transform.hpp>
#include <boost/geometry/strategies/transform/matrix_transformers.hpp>

#include <algorithm>
#include <cmath>

namespace spheres::antimeridian {

namespace {

constexpr double kEdgeTolerance = 1e-9;

double wrappedDelta(double from, double to)
{
    double d = to - from;
    while (d > 180.0)
        d -= 360.0;
    while (d < -180.0)
        d += 360.0;
    return d;
}

/// Continuous longitudes; a ring around a pole is closed along the pole (and `polar` set).
Ring unwrapped(const std::vector<Point> &raw, bool *polar = nullptr)
{
    Ring ring;
    if (polar)
        *polar = false;
    if (raw.empty())
        return ring;
    ring.reserve(raw.size()); // exactly, for the common ring: a large layer holds many
    double lon = raw.front().x();
    double latSum = 0;
    ring.push_back(raw.front());
    for (size_t i = 1; i < raw.size(); ++i) {
        lon += wrappedDelta(raw[i - 1].x(), raw[i].x());
        latSum += raw[i].y();
        // +180 and -180 are the same meridian: the repeated point would confuse clipping.
        if (lon != ring.back().x() || raw[i].y() != ring.back().y())
            ring.emplace_back(lon, raw[i].y());
    }
    const double drift = ring.back().x() - ring.front().x();
    if (std::abs(drift) > 180.0) {
        // The ring goes once around the pole: walk along the pole back to the start.
        const double pole = latSum >= 0 ? 90.0 : -90.0;
        const Point last = ring.back();
        ring.emplace_back(last.x(), pole);
        ring.emplace_back(ring.front().x(), pole);
        ring.push_back(ring.front());
        if (polar)
            *polar = true;
    }
    return ring;
}

double spanOf(const Ring &ring)
{
    if (ring.empty())
        return 0;
    const auto [west, east] = std::minmax_element(ring.begin(), ring.end(),
                                                  [](const Point &a, const Point &b) { return a.x() < b.x(); });
    return east->x() - west->x();
}

Box envelopeOf(const Ring &ring)
{
    Box box;
    bg::envelope(ring, box);
    return box;
}

template<typename Geometry>
Geometry shifted(const Geometry &g, double dx)
{
    Geometry out;
    bg::strategy::transform::translate_transformer<double, 2, 2> move(dx, 0.0);
    bg::transform(g, out, move);
    return out;
}

/// Moves a hole by whole turns so that it lies over its exterior.
Ring alignedTo(const Ring &hole, const Box &exterior)
{
    const Box b = envelopeOf(hole);
    const double mid = (b.min_corner().x() + b.max_corner().x()) / 2;
    const double target = (exterior.min_corner().x() + exterior.max_corner().x()) / 2;
    const double turns = std::round((target - mid) / 360.0);
    return turns == 0 ? hole : shifted(hole, turns * 360.0);
}

/// Cuts `poly` (any longitudes) into pieces that lie in [frameWest, frameWest + 360]; taken by
/// value, so that a polygon inside the frame is moved to `out`, not copied.
void cutIntoFrame(Polygon poly, double frameWest, MultiPolygon &out)
{
    Box env;
    bg::envelope(poly, env);
    const double west = env.min_corner().x(), east = env.max_corner().x();
    const int first = int(std::floor((west - frameWest) / 360.0));
    const int last = int(std::floor((east - frameWest - kEdgeTolerance) / 360.0));
    if (first == last) {
        out.push_back(first == 0 ? std::move(poly) : shifted(poly, -first * 360.0));
        return;
    }
    for (int turn = first; turn <= last; ++turn) {
        const double lo = frameWest + turn * 360.0;
        const Box window(Point(lo, -91.0), Point(lo + 360.0, 91.0));
        MultiPolygon part;
        bg::intersection(poly, window, part);
        for (const Polygon &p : part)
            out.push_back(shifted(p, -turn * 360.0));
    }
}

bool touchesMeridian(const Polygon &p, double lon)
{
    return std::any_of(p.outer().begin(), p.outer().end(),
                       [lon](const Point &pt) { return std::abs(pt.x() - lon) < 1e-6; });
}

/// A polar ring within a hundredth of a degree of its pole: how a spherical format closes a
/// polygon over the pole (world-atlas's Antarctica is the ring at 89.999°S, the coast its
/// hole). The land reaches the pole; as a hole the sliver would also lie outside the exterior,
/// whose longitudes start at another turn, and leave the polygon invalid.
bool onlyClosesThePole(const Ring &ring)
{
    constexpr double kSliver = 0.01;
    return std::all_of(ring.begin(), ring.end(), [](const Point &p) { return std::abs(p.y()) >= 90.0 - kSliver; });
}

} // namespace

MultiPolygon polygonFromRawRings(const std::vector<std::vector<Point>> &rings)
{
    MultiPolygon out;
    if (rings.empty() || rings.front().size() < 3)
        return out;
    // Rings around a pole are closed along it, each then bounds a "cap". On the sphere a polygon
    // can be a ring around the pole with another such ring as its hole (world-atlas stores
    // Antarctica as the tiny ring at 89.999°S with the coast as its hole): in the plane that
    // is the larger cap minus the smaller ones.
    std::vector<Ring> polar, ordinary;
    bool exteriorIsPolar = false;
    for (size_t i = 0; i < rings.size(); ++i) {
        if (rings[i].size() < 3)
            continue;
        bool isPolar = false;
        Ring ring = unwrapped(rings[i], &isPolar);
        if (spanOf(ring) > kMaxUnwrappedSpan) {
            if (i == 0)
                return out; // no exterior, no polygon
            continue;
        }
        if (i == 0)
            exteriorIsPolar = isPolar;
        (isPolar ? polar : ordinary).push_back(std::move(ring));
    }
    Polygon poly;
    if (exteriorIsPolar) {
        std::sort(polar.begin(), polar.end(),
                  [](const Ring &a, const Ring &b) { return std::abs(bg::area(a)) > std::abs(bg::area(b)); });
        poly.outer() = std::move(polar.front());
        for (size_t i = 1; i < polar.size(); ++i)
            if (!onlyClosesThePole(polar[i]))
                poly.inners().push_back(polar[i]);
    } else {
        if (ordinary.empty())
            return out;
        poly.outer() = std::move(ordinary.front()); // a polar hole in an ordinary exterior cannot be drawn in the plane
        ordinary.erase(ordinary.begin());
    }
    const Box exterior = envelopeOf(poly.outer());
    for (const Ring &hole : ordinary)
        poly.inners().push_back(alignedTo(hole, exterior));
    bg::correct(poly);
    cutIntoFrame(std::move(poly), -180.0, out);
    bg::correct(out);
    return out;
}

MultiPolygon rewrapped(const MultiPolygon &shape, double lon0, bool cutAtSeam)
{
    const double frameWest = lon0 - 180.0;
    MultiPolygon framed;
    for (const Polygon &p : shape) {
        if (cutAtSeam) {
            cutIntoFrame(p, frameWest, framed);
            continue;
        }
        // No seam (azimuthal): any longitude is fine, only keep pieces contiguous.
        Box env;
        bg::envelope(p, env);
        const double mid = (env.min_corner().x() + env.max_corner().x()) / 2;
        framed.push_back(mid < frameWest ? shifted(p, 360.0) : mid > frameWest + 360.0 ? shifted(p, -360.0) : p);
    }
    // Pieces that meet along the old cut at ±180 (now inside the frame) are merged again.
    const bool cutIsFrameEdge = std::abs(frameWest + 180.0) < 1e-9;
    const double oldCut = frameWest > -180.0 ? 180.0 : -180.0;
    MultiPolygon joinable, result;
    for (const Polygon &p : framed)
        (!cutIsFrameEdge && touchesMeridian(p, oldCut) ? joinable : result).push_back(p);
    if (joinable.size() < 2) {
        result.insert(result.end(), joinable.begin(), joinable.end());
        bg::correct(result);
        return result;
    }
    MultiPolygon merged;
    for (const Polygon &p : joinable) {
        MultiPolygon next;
        bg::union_(merged, p, next);
        merged = std::move(next);
    }
    result.insert(result.end(), merged.begin(), merged.end());
    bg::correct(result);
    return result;
}

double unwrappedSpan(const std::vector<Point> &ring)
{
    // unwrapped()'s longitudes, without building its ring: the points it adds round a pole
    // repeat longitudes it has already.
    if (ring.empty())
        return 0;
    double lon = ring.front().x(), west = lon, east = lon;
    for (size_t i = 1; i < ring.size(); ++i) {
        lon += wrappedDelta(ring[i - 1].x(), ring[i].x());
        west = std::min(west, lon);
        east = std::max(east, lon);
    }
    return east - west;
}

MultiLineString splitAtJumps(const LineString &line)
{
    MultiLineString out;
    LineString current;
    for (const Point &p : line) {
        if (!current.empty() && std::abs(p.x() - current.back().x()) > 180.0) {
            if (current.size() > 1)
                out.push_back(current);
            current.clear();
        }
        current.push_back(p);
    }
    if (current.size() > 1)
        out.push_back(current);
    return out;
}

} // namespace spheres::antimeridian
