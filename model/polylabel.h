#pragma once

#include "geometry.h"

namespace spheres {

/// The pole of inaccessibility of a polygon: the interior point farthest from its outline,
/// found by Mapbox's "polylabel" cell search. Labels placed there sit inside the shape even
/// for crescents and archipelagos' main islands, unlike the centroid.
Point poleOfInaccessibility(const Polygon &polygon, double precision);

} // namespace spheres
