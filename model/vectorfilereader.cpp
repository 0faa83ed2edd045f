#include "vectorfilereader.h"

#include "gdalerrors.h"
#include "ogrlayerconverter.h"

#include <gdal_priv.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cmath>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace spheres {

namespace {

QString num(qint64 n) { return QString::number(n); }

/// A hostile GeoPackage may hold any number of tables; no real one needs to offer more.
constexpr int kMaxLayers = 1000;

/// Only the drivers of the formats we offer: a file of any other kind is refused, not handed to
/// one of GDAL's many other parsers.
const char *const kDrivers[] = {"GPKG", "ESRI Shapefile", "LIBKML", "KML", "FlatGeobuf", "GeoJSONSeq", "CSV", nullptr};

/// CSV: the point geometry comes from the first column of each list (case-insensitive); the
/// columns stay properties.
const char *const kCsvOptions[] = {"X_POSSIBLE_NAMES=lon,longitude,lng,long,x",
                                   "Y_POSSIBLE_NAMES=lat,latitude,y",
                                   "KEEP_GEOM_COLUMNS=NO",
                                   "AUTODETECT_TYPE=YES",
                                   nullptr};

void registerDrivers()
{
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

bool hasSuffix(const QString &path, std::initializer_list<const char *> suffixes)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    for (const char *s : suffixes)
        if (suffix == QLatin1String(s))
            return true;
    return false;
}

/// The bytes GDAL will read: a Shapefile's attributes live in its .dbf beside it.
qint64 fileBytes(const QFileInfo &info)
{
    qint64 bytes = info.size();
    if (info.suffix().toLower() == u"shp")
        for (const char *sidecar : {"dbf", "DBF"})
            if (const QFileInfo dbf(info.dir().filePath(info.completeBaseName() + u'.' + QLatin1String(sidecar)));
                dbf.exists()) {
                bytes += dbf.size();
                break;
            }
    return bytes;
}

/// Opens `path` read-only with our drivers, or says why not ("<file>: …").
GDALDatasetUniquePtr open(const QString &path, qint64 maxBytes, QString &error)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile()) {
        error = VectorFileReader::tr("%1: no such file").arg(path);
        return nullptr;
    }
    if (fileBytes(info) > maxBytes) {
        error = VectorFileReader::tr("%1: the file is larger than %2 MiB").arg(path, num(maxBytes / (1024 * 1024)));
        return nullptr;
    }
    if (info.size() == 0) {
        error = VectorFileReader::tr("%1: the file is empty").arg(path);
        return nullptr;
    }
    registerDrivers();
    GdalErrors errors;
    const bool csv = hasSuffix(path, {"csv"});
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.toUtf8().constData(),
                                                   GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, kDrivers,
                                                   csv ? kCsvOptions : nullptr, nullptr));
    if (!dataset) {
        const QString why = errors.take();
        error = why.isEmpty() ? VectorFileReader::tr("%1: not a file Spheres can read (GeoPackage, Shapefile, KML, FlatGeobuf, "
                                   "GeoJSON, GeoJSONSeq or CSV with longitude and latitude columns)")
                                    .arg(path)
                              : VectorFileReader::tr("%1: the file cannot be read: %2").arg(path, why);
        return nullptr;
    }
    if (dataset->GetLayerCount() == 0) {
        error = VectorFileReader::tr("%1: the file holds no vector layer").arg(path);
        return nullptr;
    }
    if (dataset->GetLayerCount() > kMaxLayers) {
        error = VectorFileReader::tr("%1: the file holds %2 layers, more than %3").arg(path, num(dataset->GetLayerCount()), num(kMaxLayers));
        return nullptr;
    }
    return dataset;
}

} // namespace

VectorFileReader::Contents VectorFileReader::listLayers(const QString &path)
{
    Contents contents;
    if (isGeoJson(path)) {
        contents.layers << QFileInfo(path).completeBaseName();
        return contents;
    }
    const GDALDatasetUniquePtr dataset = open(path, GeoJsonReader::kMaxFileBytes, contents.error);
    if (!dataset)
        return contents;
    for (OGRLayer *layer : dataset->GetLayers())
        contents.layers << QString::fromUtf8(layer->GetName());
    return contents;
}

VectorFileReader::Result VectorFileReader::readFile(const QString &path, const QString &layerName, const Limits &limits,
                                                   const Progress &progress)
{
    if (isGeoJson(path))
        return GeoJsonReader::readFile(path);
    Result result;
    const GDALDatasetUniquePtr dataset = open(path, limits.maxFileBytes, result.error);
    if (!dataset)
        return result;
    OGRLayer *layer = layerName.isEmpty() ? dataset->GetLayer(0) : dataset->GetLayerByName(layerName.toUtf8().constData());
    if (!layer) {
        result.error = tr("%1: the file has no layer \"%2\"").arg(path, layerName);
        return result;
    }
    const bool csv = hasSuffix(path, {"csv"});
    if (csv && layer->GetGeomType() == wkbNone) {
        result.error = tr("%1: no longitude and latitude columns (Spheres looks for lon, longitude, lng, long or x, "
                          "and lat, latitude or y)")
                           .arg(path);
        return result;
    }
    const QString base = QFileInfo(path).completeBaseName();
    const QString name = QString::fromUtf8(layer->GetName());
    Layer &out = result.layer;
    out.kind = LayerKind::Generic;
    out.id = dataset->GetLayerCount() > 1 ? QStringLiteral("%1-%2").arg(base, name) : base;
    out.title = dataset->GetLayerCount() > 1 ? tr("%1 (%2)").arg(name, QFileInfo(path).fileName()) : base;
    if (!LayerConverter(path, *layer, limits, csv, progress).read(out, result.warnings, result.error))
        result.layer = Layer();
    return result;
}

QList<VectorFileReader::Result> VectorFileReader::readAllLayers(const QString &path)
{
    const Contents contents = listLayers(path);
    if (!contents.ok()) {
        Result failed;
        failed.error = contents.error;
        return {failed};
    }
    QList<Result> results;
    for (const QString &name : contents.layers)
        results << readFile(path, contents.layers.size() > 1 ? name : QString());
    return results;
}

bool VectorFileReader::isGeoJson(const QString &path) { return hasSuffix(path, {"geojson", "json"}); }

QStringList VectorFileReader::fileNamePatterns()
{
    return {QStringLiteral("*.gpkg"),       QStringLiteral("*.shp"),  QStringLiteral("*.kml"),
            QStringLiteral("*.fgb"),        QStringLiteral("*.geojson"), QStringLiteral("*.json"),
            QStringLiteral("*.geojsonl"),   QStringLiteral("*.geojsons"), QStringLiteral("*.csv")};
}

} // namespace spheres
