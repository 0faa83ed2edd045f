#pragma once

#include "geometry.h"

#include <vector>

namespace spheres::antimeridian {

/// Builds a planar lon/lat multipolygon from one polygon's raw rings (exterior first, then
/// holes) whose longitudes may jump between +180 and -180 where they cross the antimeridian.
/// Rings are unwrapped to continuous longitudes, rings that encircle a pole are closed along
/// it, and the result is cut back into [-180, 180]. Orientation and closure are corrected.
MultiPolygon polygonFromRawRings(const std::vector<std::vector<Point>> &rings);

/// Re-expresses `shape` (in [-180, 180]) for a projection whose central meridian is `lon0`.
/// Pieces are moved into the longitude frame [lon0 - 180, lon0 + 180]; pieces that straddle the
/// frame's edge are cut there when `cutAtSeam` is set (cylindrical and conic projections, whose
/// map edge is that meridian). Pieces that were split at ±180 but now sit side by side are
/// merged again, so no seam shows where the data was cut.
MultiPolygon rewrapped(const MultiPolygon &shape, double lon0, bool cutAtSeam);

/// The widest range of longitude a ring may cover once unwrapped: twice round the globe (a ring
/// round a pole covers 360° and a little). Further round, a ring crosses itself on the sphere, and
/// cutting it into the map would cost a pass over the ring for every turn, so
/// polygonFromRawRings() leaves such rings out and the readers refuse them.
constexpr double kMaxUnwrappedSpan = 720.0;
/// How many degrees of longitude `ring` covers with its jumps across ±180 unwrapped.
double unwrappedSpan(const std::vector<Point> &ring);

/// Splits a line wherever consecutive points jump by more than 180° of longitude.
MultiLineString splitAtJumps(const LineString &line);

} // namespace spheres::antimeridian
