#pragma once

#include "geometry.h"

#include <functional>

namespace spheres {

/// The pole of inaccessibility of a polygon: the interior point farthest from its outline,
/// found by Mapbox's "polylabel" cell search. Labels placed there sit inside the shape even
/// for crescents and archipelagos' main islands, unlike the centroid.
Point poleOfInaccessibility(const Polygon &polygon, double precision);

/// The distance the search measures a point by: to the polygon's outline, positive inside.
using SignedDistance = std::function<double(const Point &)>;
/// The same search with another measure of the distance, made for the box that holds every
/// point it will be asked about: the product measures against a grid of the outline's edges,
/// and the tests check that against a scan of every edge.
Point poleOfInaccessibility(const Polygon &polygon, double precision,
                            const std::function<SignedDistance(const Box &searchBox)> &distanceWithin);

/// The squared distance from `p` to the segment `a`–`b`.
double segmentDistanceSquared(const Point &p, const Point &a, const Point &b);

} // namespace spheres
