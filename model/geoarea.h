#pragma once

#include "geometry.h"

namespace spheres {

/// Area of a lon/lat multipolygon on the WGS84 ellipsoid, in square kilometres.
double ellipsoidalAreaKm2(const MultiPolygon &lonLat);

} // namespace spheres
