#pragma once

#include "atlas.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace spheres {

/// Where the base map follows de jure sovereignty instead of Natural Earth's de facto control.
///
/// Natural Earth draws admin-0 units as they are held. Where a holder's claim is rejected by the
/// UN General Assembly (Crimea, annexed by Russia in 2014: resolution 68/262), or where a treaty
/// has since moved the border (Bolshoi Ussuriysky, 2004/2008), the area is cut out of the holder's
/// unit and given to the sovereign, so that membership colours, hit tests and the context panel
/// agree: a territory never takes the colour of a state that merely holds it. Who holds the area
/// and since when is told by the contested layer, drawn over the base map.
struct SovereigntyTransfer
{
    QString id;        ///< kebab-case, e.g. "crimea"
    QString name;
    QString from, to;  ///< region codes: the holder in Natural Earth, the sovereign
    QList<Point> polygonsContaining; ///< move the holder's whole polygons that contain one of these
    Polygon area;      ///< or: move the part of the holder's shape inside this lon/lat polygon
    QString zone;      ///< the contested layer's feature that tells who holds the area, or empty
};

class SovereigntyTable
{
    Q_DECLARE_TR_FUNCTIONS(SovereigntyTable)

public:
    struct Result;
    /// Reads the table (see resources/basemap/NOTE.md for the format).
    static Result read(const QString &path);
    /// Moves each transfer's area from its holder to its sovereign in `regions`. Returns one
    /// message per transfer that found nothing to move (the base map changed under it).
    static QStringList apply(const QList<SovereigntyTransfer> &transfers, QList<Region> &regions);
};

struct SovereigntyTable::Result
{
    QList<SovereigntyTransfer> transfers;
    QString error; ///< names the file and the entry; empty on success
    bool ok() const { return error.isEmpty(); }
};

} // namespace spheres
