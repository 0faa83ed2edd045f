#pragma once

#include "geometry.h"

#include <QCoreApplication>
#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace spheres {

/// One geometry of a TopoJSON GeometryCollection, decoded to lon/lat polygons.
struct TopoJsonUnit
{
    QString name;       ///< properties.name
    QString id;         ///< the geometry's id (world-atlas: ISO 3166-1 numeric), may be empty
    MultiPolygon shape; ///< cut at the antimeridian, orientation and closure corrected
};

/// Reads a TopoJSON topology: quantized, delta-encoded arcs, reversed arcs (negative indices),
/// Polygon and MultiPolygon geometries with holes. Rings that cross ±180° are cut there, so no
/// ring jumps across the map. Errors name the file and the place that is wrong.
class TopoJsonReader
{
    Q_DECLARE_TR_FUNCTIONS(TopoJsonReader)

public:
    struct Result
    {
        QList<TopoJsonUnit> units;
        QString error;           ///< empty on success
        QStringList warnings;    ///< geometry that had to be repaired
        bool ok() const { return error.isEmpty(); }
    };

    /// Full: every unit's geometry is checked with Boost's is_valid, and what fails is a
    /// warning. Shipped: for the base map built into the program, whose validity a test checks
    /// (tst_topojsonreader): the check was 90 % of every start's atlas load.
    enum class Checks { Full, Shipped };

    /// Decodes the object named `objectName` ("countries") of the topology in `data`.
    /// `sourceName` is used in messages only.
    static Result read(const QByteArray &data, const QString &objectName, const QString &sourceName,
                       Checks checks = Checks::Full);
    static Result readFile(const QString &path, const QString &objectName, Checks checks = Checks::Full);
};

} // namespace spheres
