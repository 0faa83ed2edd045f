#pragma once
// Users' vector files written with GDAL itself, at run time, for the tests (small fixtures in
// every format) and the benchmark (a large GeoPackage): no binary fixtures in the repository.

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <QList>
#include <QString>

#include <memory>

namespace spheres::fixtures {

struct FixtureFeature
{
    QString id;
    QString name;
    QByteArray wkt; ///< in the layer's coordinate reference system
    qint64 population = 0;
};

struct FixtureLayer
{
    QString name;
    int epsg = 4326; ///< 0: the file says no coordinate reference system
    OGRwkbGeometryType type = wkbUnknown;
    QList<FixtureFeature> features;
};

/// Writes `layers` to `path` with GDAL's `driver` ("GPKG", "ESRI Shapefile", …), each feature
/// with the fields id, name and pop. Returns GDAL's error, or an empty string.
inline QString writeVectorFile(const char *driver, const QString &path, const QList<FixtureLayer> &layers)
{
    GDALAllRegister();
    GDALDriver *writer = GetGDALDriverManager()->GetDriverByName(driver);
    if (!writer)
        return QStringLiteral("no GDAL driver %1").arg(QString::fromUtf8(driver));
    GDALDatasetUniquePtr dataset(writer->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset)
        return QString::fromUtf8(CPLGetLastErrorMsg());
    for (const FixtureLayer &l : layers) {
        OGRSpatialReference crs;
        crs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        if (l.epsg)
            crs.importFromEPSG(l.epsg);
        OGRLayer *layer = dataset->CreateLayer(l.name.toUtf8().constData(), l.epsg ? &crs : nullptr, l.type, nullptr);
        if (!layer)
            return QString::fromUtf8(CPLGetLastErrorMsg());
        OGRFieldDefn id("id", OFTString), name("name", OFTString), population("pop", OFTInteger64);
        layer->CreateField(&id);
        layer->CreateField(&name);
        layer->CreateField(&population);
        const bool transaction = dataset->StartTransaction() == OGRERR_NONE; // GeoPackage: one commit, not one per row
        for (const FixtureFeature &f : l.features) {
            OGRFeature feature(layer->GetLayerDefn());
            feature.SetField("id", f.id.toUtf8().constData());
            feature.SetField("name", f.name.toUtf8().constData());
            feature.SetField("pop", GIntBig(f.population));
            OGRGeometry *geometry = nullptr;
            if (OGRGeometryFactory::createFromWkt(f.wkt.constData(), l.epsg ? &crs : nullptr, &geometry) != OGRERR_NONE)
                return QStringLiteral("bad WKT %1").arg(QString::fromUtf8(f.wkt));
            feature.SetGeometryDirectly(geometry);
            if (layer->CreateFeature(&feature) != OGRERR_NONE)
                return QString::fromUtf8(CPLGetLastErrorMsg());
        }
        if (transaction && dataset->CommitTransaction() != OGRERR_NONE)
            return QString::fromUtf8(CPLGetLastErrorMsg());
    }
    return {};
}

} // namespace spheres::fixtures
