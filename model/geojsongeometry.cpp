#include "geojsongeometry.h"

#include "antimeridian.h"
#include "geojsonreader.h"
#include "viewlimits.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace spheres {

namespace {

QString num(qint64 n) { return QString::number(n); }

constexpr int kMaxCollectionDepth = 4; ///< GeometryCollections inside GeometryCollections

bool samePoint(const Point &a, const Point &b) { return a.x() == b.x() && a.y() == b.y(); }

} // namespace

bool GeometryReader::position(const QJsonValue &value, const QString &place, qsizetype index, const QString &type,
                              Point &out)
{
    const auto where = [&] { return index < 0 ? place : QStringLiteral("%1[%2]").arg(place, num(index)); };
    if (!value.isArray()) {
        error = GeoJsonReader::tr("%1 is not a position (an array of longitude and latitude)").arg(where());
        return false;
    }
    const QJsonArray p = value.toArray();
    for (const QJsonValue &c : p) {
        if (c.isArray()) {
            error = GeoJsonReader::tr("%1: coordinates are nested deeper than a %2 allows").arg(where(), type);
            return false;
        }
    }
    if (p.size() < 2) {
        error = GeoJsonReader::tr("%1 needs a longitude and a latitude").arg(where());
        return false;
    }
    for (qsizetype k = 0; k < p.size(); ++k) {
        if (!p.at(k).isDouble()) {
            error = GeoJsonReader::tr("%1[%2] is not a number").arg(where(), num(k));
            return false;
        }
    }
    const double lon = p.at(0).toDouble(), lat = p.at(1).toDouble();
    if (!ViewLimits::isLongitude(lon)) {
        error = GeoJsonReader::tr("%1: longitude %2 is outside [-180, 180]").arg(where(), QString::number(lon));
        return false;
    }
    if (!ViewLimits::isLatitude(lat)) {
        error = GeoJsonReader::tr("%1: latitude %2 is outside [-90, 90]").arg(where(), QString::number(lat));
        return false;
    }
    if (++m_count > GeoJsonReader::kMaxCoordinates) {
        error = GeoJsonReader::tr("the file has more than %1 coordinates, more than Spheres can draw")
                    .arg(num(GeoJsonReader::kMaxCoordinates));
        return false;
    }
    out = Point(lon, lat);
    return true;
}

bool GeometryReader::positions(const QJsonValue &value, const QString &place, const QString &type, qsizetype minimum,
                               std::vector<Point> &out)
{
    if (!value.isArray()) {
        error = GeoJsonReader::tr("%1 is not an array of positions (the coordinates of a %2 are not nested deeply enough)")
                    .arg(place, type);
        return false;
    }
    const QJsonArray array = value.toArray();
    out.clear();
    out.reserve(size_t(array.size()));
    for (qsizetype i = 0; i < array.size(); ++i) {
        Point p;
        if (!position(array.at(i), place, i, type, p))
            return false;
        out.push_back(p);
    }
    if (qsizetype(out.size()) < minimum) {
        error = GeoJsonReader::tr("%1 has %2 positions; a %3 needs at least %4").arg(place, num(qsizetype(out.size())), type, num(minimum));
        return false;
    }
    return true;
}

bool GeometryReader::rings(const QJsonValue &value, const QString &place, const QString &type, RawPolygon &out)
{
    if (!value.isArray()) {
        error = GeoJsonReader::tr("%1 is not an array of rings").arg(place);
        return false;
    }
    const QJsonArray array = value.toArray();
    if (array.isEmpty()) {
        error = GeoJsonReader::tr("%1 has no rings").arg(place);
        return false;
    }
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString ringPlace = QStringLiteral("%1[%2]").arg(place, num(i));
        RawRing ring;
        if (!positions(array.at(i), ringPlace, type, 4, ring))
            return false;
        if (!samePoint(ring.front(), ring.back())) {
            error = GeoJsonReader::tr("%1: the ring is not closed (its first and last positions differ)").arg(ringPlace);
            return false;
        }
        if (const double span = antimeridian::unwrappedSpan(ring); span > antimeridian::kMaxUnwrappedSpan) {
            error = GeoJsonReader::tr("%1: the ring winds round the globe (across %2° of longitude); a ring may go round it at most once")
                        .arg(ringPlace, QString::number(span, 'f', 0));
            return false;
        }
        out.push_back(std::move(ring));
    }
    return true;
}

bool GeometryReader::read(const QJsonValue &value, const QString &place, int depth, GeometryParts &out)
{
    if (value.isNull())
        return true;
    if (!value.isObject()) {
        error = GeoJsonReader::tr("%1 is neither a geometry object nor null").arg(place);
        return false;
    }
    const QJsonObject geometry = value.toObject();
    const QJsonValue typeValue = geometry.value(u"type");
    if (!typeValue.isString()) {
        error = GeoJsonReader::tr("%1 has no \"type\"").arg(place);
        return false;
    }
    const QString type = typeValue.toString();
    if (type == u"GeometryCollection")
        return collection(geometry, place, depth, out);
    static const QStringList known = {QStringLiteral("Point"),      QStringLiteral("MultiPoint"),
                                      QStringLiteral("LineString"), QStringLiteral("MultiLineString"),
                                      QStringLiteral("Polygon"),    QStringLiteral("MultiPolygon")};
    if (!known.contains(type)) {
        error = GeoJsonReader::tr("%1: unknown geometry type \"%2\"").arg(place, type);
        return false;
    }
    const QString where = place + QStringLiteral(".coordinates");
    const QJsonValue coordinates = geometry.value(u"coordinates");
    if (!coordinates.isArray()) {
        error = GeoJsonReader::tr("%1 must be an array").arg(where);
        return false;
    }
    return shape(type, coordinates, where, out);
}

bool GeometryReader::collection(const QJsonObject &geometry, const QString &place, int depth, GeometryParts &out)
{
    if (depth >= kMaxCollectionDepth) {
        error = GeoJsonReader::tr("%1: GeometryCollections are nested more than %2 deep").arg(place, num(kMaxCollectionDepth));
        return false;
    }
    const QJsonValue members = geometry.value(u"geometries");
    if (!members.isArray()) {
        error = GeoJsonReader::tr("%1: \"geometries\" must be an array").arg(place);
        return false;
    }
    const QJsonArray array = members.toArray();
    for (qsizetype i = 0; i < array.size(); ++i)
        if (!read(array.at(i), QStringLiteral("%1.geometries[%2]").arg(place, num(i)), depth + 1, out))
            return false;
    return true;
}

bool GeometryReader::shape(const QString &type, const QJsonValue &coordinates, const QString &where, GeometryParts &out)
{
    if (type == u"Point") {
        Point p;
        if (!position(coordinates, where, -1, type, p))
            return false;
        out.points.push_back(p);
        return true;
    }
    if (type == u"MultiPoint") {
        std::vector<Point> points;
        if (!positions(coordinates, where, type, 0, points))
            return false;
        out.points.insert(out.points.end(), points.begin(), points.end());
        return true;
    }
    if (type == u"LineString" || type == u"Polygon")
        return part(type, coordinates, where, out);
    // MultiLineString, MultiPolygon: an array of what a LineString or Polygon holds.
    const QJsonArray parts = coordinates.toArray();
    for (qsizetype i = 0; i < parts.size(); ++i)
        if (!part(type, parts.at(i), QStringLiteral("%1[%2]").arg(where, num(i)), out))
            return false;
    return true;
}

bool GeometryReader::part(const QString &type, const QJsonValue &coordinates, const QString &where, GeometryParts &out)
{
    if (type.endsWith(u"LineString")) {
        std::vector<Point> line;
        if (!positions(coordinates, where, type, 2, line))
            return false;
        out.lines.push_back(std::move(line));
        return true;
    }
    RawPolygon polygon;
    if (!rings(coordinates, where, type, polygon))
        return false;
    out.polygons.push_back(std::move(polygon));
    return true;
}

} // namespace spheres
