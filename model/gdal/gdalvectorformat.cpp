// The GDAL module (spheres-gdal.so): VectorFileReader's formats read with GDAL/OGR. Loaded by
// VectorFormatModule only when a user's file needs it, so that GDAL's libraries cost nothing to a
// start, an export or a GeoJSON layer.
#include "gdalerrors.h"
#include "ogrlayerconverter.h"
#include "vectorformatmodule.h"

#include <gdal_priv.h>

#include <QCoreApplication>
#include <QFileInfo>

#include <mutex>

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

bool isCsv(const QString &path) { return QFileInfo(path).suffix().compare(u"csv", Qt::CaseInsensitive) == 0; }

class GdalVectorFormat final : public VectorFormatReader
{
    Q_DECLARE_TR_FUNCTIONS(VectorFileReader) // its messages are the reader's

public:
    VectorFileReader::Contents listLayers(const QString &path) const override
    {
        VectorFileReader::Contents contents;
        const GDALDatasetUniquePtr dataset = open(path, contents.error);
        if (dataset)
            for (OGRLayer *layer : dataset->GetLayers())
                contents.layers << QString::fromUtf8(layer->GetName());
        return contents;
    }

    VectorFileReader::Result readFile(const QString &path, const QString &layerName, const VectorFileReader::Limits &limits,
                                      const VectorFileReader::Progress &progress) const override;

private:
    /// Opens `path` read-only with our drivers, or says why not ("<file>: …").
    static GDALDatasetUniquePtr open(const QString &path, QString &error);
};

GDALDatasetUniquePtr GdalVectorFormat::open(const QString &path, QString &error)
{
    registerDrivers();
    GdalErrors errors;
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.toUtf8().constData(),
                                                   GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, kDrivers,
                                                   isCsv(path) ? kCsvOptions : nullptr, nullptr));
    if (!dataset) {
        const QString why = errors.take();
        error = why.isEmpty() ? tr("%1: not a file Spheres can read (GeoPackage, Shapefile, KML, FlatGeobuf, "
                                   "GeoJSON, GeoJSONSeq or CSV with longitude and latitude columns)")
                                    .arg(path)
                              : tr("%1: the file cannot be read: %2").arg(path, why);
        return nullptr;
    }
    if (dataset->GetLayerCount() == 0) {
        error = tr("%1: the file holds no vector layer").arg(path);
        return nullptr;
    }
    if (dataset->GetLayerCount() > kMaxLayers) {
        error = tr("%1: the file holds %2 layers, more than %3").arg(path, num(dataset->GetLayerCount()), num(kMaxLayers));
        return nullptr;
    }
    return dataset;
}

VectorFileReader::Result GdalVectorFormat::readFile(const QString &path, const QString &layerName,
                                                   const VectorFileReader::Limits &limits,
                                                   const VectorFileReader::Progress &progress) const
{
    VectorFileReader::Result result;
    const GDALDatasetUniquePtr dataset = open(path, result.error);
    if (!dataset)
        return result;
    OGRLayer *layer = layerName.isEmpty() ? dataset->GetLayer(0) : dataset->GetLayerByName(layerName.toUtf8().constData());
    if (!layer) {
        result.error = tr("%1: the file has no layer \"%2\"").arg(path, layerName);
        return result;
    }
    const bool csv = isCsv(path);
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

} // namespace

} // namespace spheres

extern "C" Q_DECL_EXPORT const spheres::VectorFormatReader *spheresVectorFormatReader()
{
    static const spheres::GdalVectorFormat reader;
    return &reader;
}
