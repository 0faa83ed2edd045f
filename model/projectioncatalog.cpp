#include "projectioncatalog.h"

#include <QCoreApplication>

namespace spheres {

namespace {

QList<ProjectionPreset> makePresets()
{
    const QRectF eurasia(28.0, 2.0, 124.0, 58.0); // Moscow's meridian to Japan, Singapore to the Arctic coast
    const QRectF world(-180.0, -60.0, 360.0, 145.0);
    return {
        {Projection(QStringLiteral("eurasia"), ProjectionCatalog::tr("Lambert azimuthal equal-area (Eurasia)"),
                    QStringLiteral("+proj=laea +lat_0=45 +lon_0=95 +ellps=WGS84"), 95.0, ProjectionShape::Azimuthal, 45.0),
         eurasia},
        {Projection(QStringLiteral("eurasia-conic"), ProjectionCatalog::tr("Lambert conformal conic (Eurasia)"),
                    QStringLiteral("+proj=lcc +lat_1=25 +lat_2=65 +lat_0=45 +lon_0=95 +ellps=WGS84"), 95.0,
                    ProjectionShape::Conic),
         eurasia},
        {Projection(QStringLiteral("world"), ProjectionCatalog::tr("Natural Earth (world)"),
                    QStringLiteral("+proj=natearth +lon_0=0 +R=6371008.8"), 0.0, ProjectionShape::Cylindrical),
         world},
        {Projection(QStringLiteral("world-pacific"), ProjectionCatalog::tr("Robinson (Asia-Pacific centred)"),
                    QStringLiteral("+proj=robin +lon_0=150 +R=6371008.8"), 150.0, ProjectionShape::Cylindrical),
         QRectF(-30.0, -60.0, 360.0, 145.0)},
    };
}

} // namespace

const QList<ProjectionPreset> &ProjectionCatalog::presets()
{
    static const QList<ProjectionPreset> all = makePresets();
    return all;
}

const ProjectionPreset *ProjectionCatalog::find(const QString &id)
{
    for (const ProjectionPreset &p : presets())
        if (p.projection.id() == id)
            return &p;
    return nullptr;
}

const ProjectionPreset &ProjectionCatalog::defaultPreset() { return presets().front(); }

QStringList ProjectionCatalog::ids()
{
    QStringList out;
    for (const ProjectionPreset &p : presets())
        out << p.projection.id();
    return out;
}

} // namespace spheres
