#pragma once

#include "featuregeometry.h"
#include "geometry.h"
#include "layer.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <vector>

namespace spheres {

using RawRing = RawGeometry::Ring;
using RawPolygon = RawGeometry::Polygon;
/// What one feature's geometry decodes to (FeatureGeometry then cuts it at the antimeridian).
using GeometryParts = RawGeometry;

/// Decodes GeoJSON geometry objects for GeoJsonReader; counts every position against the file's
/// limit. Messages are built only on failure (through `place` and an index), so that large files
/// decode quickly.
class GeometryReader
{
public:
    explicit GeometryReader(qint64 &coordinateCount) : m_count(coordinateCount) {}

    /// `depth`: how many GeometryCollections `value` is inside.
    bool read(const QJsonValue &value, const QString &place, int depth, GeometryParts &out);
    QString error;

private:
    bool collection(const QJsonObject &geometry, const QString &place, int depth, GeometryParts &out);
    bool shape(const QString &type, const QJsonValue &coordinates, const QString &where, GeometryParts &out);
    /// A LineString or Polygon, alone or as one part of a Multi….
    bool part(const QString &type, const QJsonValue &coordinates, const QString &where, GeometryParts &out);
    bool position(const QJsonValue &value, const QString &place, qsizetype index, const QString &type, Point &out);
    bool positions(const QJsonValue &value, const QString &place, const QString &type, qsizetype minimum,
                   std::vector<Point> &out);
    bool rings(const QJsonValue &value, const QString &place, const QString &type, RawPolygon &out);

    qint64 &m_count;
};

} // namespace spheres
