#pragma once

#include "topojsonreader.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

namespace spheres {

/// The built-in base map as the build leaves it: what TopoJsonReader decodes from the vendored
/// TopoJSON (model/tools/basemapcompiler.cpp runs it at build time), written compactly so that a
/// start reads its units without parsing JSON or cutting rings again.
///
/// Layout, little-endian: the magic "SPHBMAP\0", u32 format version, u32 unit count, u64 bytes
/// that follow the header; then per unit its name and id (u32 byte count, UTF-8), u32 polygon
/// count, and per polygon u32 ring count (outer ring first), per ring u32 point count and the
/// points as zigzag varint deltas (x then y) in units of kUnitsPerDegree, from (0, 0) at each
/// ring's start. Every count is checked against the bytes left before anything is allocated.
class BaseMapBinary
{
    Q_DECLARE_TR_FUNCTIONS(BaseMapBinary)

public:
    /// Raised whenever the layout changes: a binary of another version is refused, not misread.
    static constexpr quint32 kVersion = 1;
    /// Coordinates are kept to 1e-7° (about 1 cm), a thousandth of the TopoJSON's own grid.
    static constexpr double kUnitsPerDegree = 1e7;
    static constexpr qsizetype kHeaderBytes = 24;

    static QByteArray encode(const QList<TopoJsonUnit> &units);
    /// The units in `data`, or an error naming `sourceName` and the byte where reading stopped.
    static TopoJsonReader::Result decode(QByteArrayView data, const QString &sourceName);
    /// Decodes a file or a resource; a resource stored uncompressed is read in place, not copied.
    static TopoJsonReader::Result readFile(const QString &path);
};

} // namespace spheres
