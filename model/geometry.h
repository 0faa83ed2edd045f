#pragma once
// Geometry types shared by the model. Longitude/latitude geometry and projected geometry use the
// same planar Boost.Geometry types: lon/lat rings are cut at the antimeridian when read, so their
// planar topology is sound; area on the ellipsoid is computed separately (see geoarea.h).

#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/linestring.hpp>
#include <boost/geometry/geometries/multi_linestring.hpp>
#include <boost/geometry/geometries/multi_point.hpp>
#include <boost/geometry/geometries/multi_polygon.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>

namespace spheres {

namespace bg = boost::geometry;

using Point = bg::model::d2::point_xy<double>;           // x = lon (or easting), y = lat (or northing)
using Ring = bg::model::ring<Point>;                       // clockwise, closed (Boost's default)
using Polygon = bg::model::polygon<Point>;
using MultiPolygon = bg::model::multi_polygon<Polygon>;
using LineString = bg::model::linestring<Point>;
using MultiLineString = bg::model::multi_linestring<LineString>;
using MultiPoint = bg::model::multi_point<Point>;
using Box = bg::model::box<Point>;

} // namespace spheres
