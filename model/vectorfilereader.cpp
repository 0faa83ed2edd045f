#include "vectorfilereader.h"

#include "antimeridian.h"
#include "featuregeometry.h"

#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

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
/// GeometryCollections inside GeometryCollections.
constexpr int kMaxCollectionDepth = 4;
/// GDAL's messages can quote whole lines of a broken file.
constexpr qsizetype kMaxGdalMessage = 300;

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

/// Catches GDAL's errors on this thread while it lives, instead of GDAL printing them to stderr.
class GdalErrors
{
public:
    GdalErrors()
    {
        CPLErrorReset();
        CPLPushErrorHandlerEx(&GdalErrors::handle, this);
    }
    ~GdalErrors() { CPLPopErrorHandler(); }
    GdalErrors(const GdalErrors &) = delete;
    GdalErrors &operator=(const GdalErrors &) = delete;

    bool failed() const { return !m_failure.isEmpty(); }
    /// The first failure since the last call, as text to quote; empty when there was none.
    QString take()
    {
        QString message = std::exchange(m_failure, QString());
        if (message.size() > kMaxGdalMessage)
            message = message.left(kMaxGdalMessage) + QStringLiteral("…");
        return message;
    }

private:
    static void CPL_STDCALL handle(CPLErr type, CPLErrorNum, const char *message)
    {
        auto *self = static_cast<GdalErrors *>(CPLGetErrorHandlerUserData());
        if (self && type >= CE_Failure && self->m_failure.isEmpty())
            self->m_failure = QString::fromUtf8(message).simplified();
    }
    QString m_failure;
};

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

/// Reads one OGR layer into a Layer: geometry in lon/lat, attributes as properties.
class LayerConverter
{
public:
    /// `lonLatColumns`: a CSV, whose coordinates come from columns named longitude and latitude.
    LayerConverter(const QString &path, OGRLayer &layer, const VectorFileReader::Limits &limits, bool lonLatColumns)
        : m_path(path), m_layer(layer), m_limits(limits), m_layerName(QString::fromUtf8(layer.GetName())),
          m_lonLatColumns(lonLatColumns)
    {}

    bool read(Layer &out, QStringList &warnings, QString &error);

private:
    QString where() const { return VectorFileReader::tr("%1: layer \"%2\"").arg(m_path, m_layerName); }
    QString featurePlace(qint64 index, const QString &id) const
    {
        return VectorFileReader::tr("%1, feature %2 (%3)").arg(where(), num(index + 1), id);
    }
    bool prepareTransform(QStringList &warnings, QString &error);
    void readAttributes(OGRFeature &source, Feature &feature) const;
    bool collect(const OGRGeometry &geometry, int depth, RawGeometry &out);
    bool positions(const OGRSimpleCurve &curve, std::vector<Point> &out);
    bool ring(const OGRLinearRing *ring, RawGeometry::Ring &out);

    const QString m_path;
    OGRLayer &m_layer;
    const VectorFileReader::Limits &m_limits;
    const QString m_layerName;
    const bool m_lonLatColumns;
    std::unique_ptr<OGRCoordinateTransformation> m_toLonLat; ///< null: the file is in lon/lat
    qint64 m_coordinates = 0;
    QString m_geometryError; ///< why collect() failed, without the place
    int m_degenerateRings = 0;
    std::vector<double> m_x, m_y;
};

bool LayerConverter::prepareTransform(QStringList &warnings, QString &error)
{
    const OGRSpatialReference *fileCrs = m_layer.GetSpatialRef();
    if (!fileCrs) {
        if (m_layer.GetGeomType() != wkbNone && !m_lonLatColumns)
            warnings << VectorFileReader::tr("%1: the file does not say its coordinate reference system; its coordinates are taken as "
                           "longitude and latitude (WGS84)")
                            .arg(where());
        return true;
    }
    OGRSpatialReference source(*fileCrs), lonLat;
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    lonLat.SetWellKnownGeogCS("WGS84");
    lonLat.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (source.IsSame(&lonLat))
        return true;
    GdalErrors errors;
    m_toLonLat.reset(OGRCreateCoordinateTransformation(&source, &lonLat));
    if (!m_toLonLat) {
        const char *name = source.GetName();
        error = VectorFileReader::tr("%1: its coordinate reference system (%2) cannot be converted to longitude and latitude: %3")
                    .arg(where(), QString::fromUtf8(name ? name : "unnamed"), errors.take());
        return false;
    }
    return true;
}

/// name, description, note and id (any case) are what every layer understands; the other
/// fields become properties, typed as the file types them. Unset and null fields are left out.
void LayerConverter::readAttributes(OGRFeature &source, Feature &feature) const
{
    for (int i = 0; i < source.GetFieldCount(); ++i) {
        if (!source.IsFieldSetAndNotNull(i))
            continue;
        const OGRFieldDefn &field = *source.GetFieldDefnRef(i);
        const QString key = QString::fromUtf8(field.GetNameRef());
        QVariant value;
        switch (field.GetType()) {
        case OFTInteger:
            value = field.GetSubType() == OFSTBoolean ? QVariant(source.GetFieldAsInteger(i) != 0)
                                                      : QVariant(source.GetFieldAsInteger(i));
            break;
        case OFTInteger64:
            value = qlonglong(source.GetFieldAsInteger64(i));
            break;
        case OFTReal:
            value = source.GetFieldAsDouble(i);
            break;
        case OFTBinary:
            continue; // nothing to show as text
        default: // strings, dates and times (ISO 8601 as GDAL writes them), lists
            value = QString::fromUtf8(source.GetFieldAsString(i));
        }
        const QString lower = key.toLower();
        if (lower == u"name" && feature.name.isEmpty())
            feature.name = value.toString();
        else if (lower == u"description" && feature.description.isEmpty())
            feature.description = value.toString();
        else if (lower == u"note" && feature.note.isEmpty())
            feature.note = value.toString();
        else if (lower == u"id" && feature.id.isEmpty())
            feature.id = value.toString();
        else
            feature.properties.insert(key, value);
    }
}

bool LayerConverter::positions(const OGRSimpleCurve &curve, std::vector<Point> &out)
{
    const int n = curve.getNumPoints();
    m_coordinates += n;
    if (m_coordinates > m_limits.maxCoordinates) {
        m_geometryError = VectorFileReader::tr("the layer has more than %1 coordinates, more than Spheres can draw").arg(num(m_limits.maxCoordinates));
        return false;
    }
    m_x.resize(size_t(n));
    m_y.resize(size_t(n));
    curve.getPoints(m_x.data(), sizeof(double), m_y.data(), sizeof(double));
    if (m_toLonLat && n > 0 && !m_toLonLat->Transform(size_t(n), m_x.data(), m_y.data(), nullptr, nullptr)) {
        m_geometryError = VectorFileReader::tr("its coordinates cannot be converted to longitude and latitude");
        return false;
    }
    out.clear();
    out.reserve(size_t(n));
    for (int i = 0; i < n; ++i) {
        const double lon = m_x[size_t(i)], lat = m_y[size_t(i)];
        if (!(lon >= -180.0 && lon <= 180.0) || !(lat >= -90.0 && lat <= 90.0)) {
            m_geometryError = VectorFileReader::tr("position %1 (%2, %3) is outside longitude [-180, 180] and latitude [-90, 90]")
                                  .arg(num(i), QString::number(lon), QString::number(lat));
            return false;
        }
        out.emplace_back(lon, lat);
    }
    return true;
}

bool LayerConverter::ring(const OGRLinearRing *source, RawGeometry::Ring &out)
{
    if (!source || !positions(*source, out))
        return source != nullptr;
    if (!out.empty() && (out.front().x() != out.back().x() || out.front().y() != out.back().y()))
        out.push_back(out.front()); // KML and CSV writers do not always close their rings
    if (out.size() < 4) {
        ++m_degenerateRings;
        out.clear();
        return true;
    }
    if (const double span = antimeridian::unwrappedSpan(out); span > antimeridian::kMaxUnwrappedSpan) {
        m_geometryError = VectorFileReader::tr("a ring winds round the globe (across %1° of longitude); a ring may go round it at most once")
                              .arg(QString::number(span, 'f', 0));
        return false;
    }
    return true;
}

bool LayerConverter::collect(const OGRGeometry &geometry, int depth, RawGeometry &out)
{
    if (geometry.IsEmpty())
        return true;
    const OGRwkbGeometryType type = wkbFlatten(geometry.getGeometryType());
    if (OGR_GT_IsNonLinear(type)) { // arcs and curved polygons: stroked into lines
        const std::unique_ptr<OGRGeometry> linear(geometry.getLinearGeometry());
        return linear && wkbFlatten(linear->getGeometryType()) != type ? collect(*linear, depth, out) : true;
    }
    switch (type) {
    case wkbPoint: {
        std::vector<Point> point;
        OGRLineString asLine; // one position, through the same checks and transform as the others
        asLine.addPoint(geometry.toPoint());
        if (!positions(asLine, point))
            return false;
        out.points.push_back(point.front());
        return true;
    }
    case wkbLineString: {
        std::vector<Point> line;
        if (!positions(*geometry.toLineString(), line))
            return false;
        if (line.size() >= 2)
            out.lines.push_back(std::move(line));
        return true;
    }
    case wkbPolygon: {
        const OGRPolygon &polygon = *geometry.toPolygon();
        RawGeometry::Polygon rings(1);
        if (!ring(polygon.getExteriorRing(), rings.front()))
            return false;
        if (rings.front().empty())
            return true; // a degenerate outline: nothing to draw, holes included
        for (int i = 0; i < polygon.getNumInteriorRings(); ++i) {
            RawGeometry::Ring hole;
            if (!ring(polygon.getInteriorRing(i), hole))
                return false;
            if (!hole.empty())
                rings.push_back(std::move(hole));
        }
        out.polygons.push_back(std::move(rings));
        return true;
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        if (depth >= kMaxCollectionDepth) {
            m_geometryError = VectorFileReader::tr("geometry collections are nested more than %1 deep").arg(num(kMaxCollectionDepth));
            return false;
        }
        for (const OGRGeometry *part : *geometry.toGeometryCollection())
            if (part && !collect(*part, depth + 1, out))
                return false;
        return true;
    default:
        m_geometryError = VectorFileReader::tr("its geometry type %1 is not one Spheres draws").arg(QString::fromUtf8(OGRGeometryTypeToName(type)));
        return false;
    }
}

bool LayerConverter::read(Layer &out, QStringList &warnings, QString &error)
{
    if (!prepareTransform(warnings, error))
        return false;
    const GIntBig announced = m_layer.GetFeatureCount(FALSE); // -1 when only a full scan would tell
    const auto tooMany = [&] {
        return VectorFileReader::tr("%1: the layer has more than %2 features, more than Spheres can draw").arg(where(), num(m_limits.maxFeatures));
    };
    if (announced > m_limits.maxFeatures) {
        error = tooMany();
        return false;
    }
    GdalErrors errors;
    UniqueFeatureIds ids;
    m_layer.ResetReading();
    qint64 index = 0;
    for (;; ++index) {
        std::unique_ptr<OGRFeature> source(m_layer.GetNextFeature());
        if (errors.failed()) {
            error = VectorFileReader::tr("%1, feature %2: %3").arg(where(), num(index + 1), errors.take());
            return false;
        }
        if (!source)
            break;
        if (index >= m_limits.maxFeatures) {
            error = tooMany();
            return false;
        }
        Feature feature;
        readAttributes(*source, feature);
        if (feature.id.isEmpty())
            feature.id = QStringLiteral("feature-%1").arg(index + 1);
        const QString fileId = feature.id;
        if (feature.name.isEmpty())
            feature.name = feature.id;

        RawGeometry raw;
        if (const OGRGeometry *geometry = source->GetGeometryRef(); geometry && !collect(*geometry, 0, raw)) {
            error = QStringLiteral("%1: %2").arg(featurePlace(index, fileId), m_geometryError);
            return false;
        }
        QString reason;
        switch (FeatureGeometry::assign(raw, feature, reason)) {
        case FeatureGeometry::Outcome::Valid:
            break;
        case FeatureGeometry::Outcome::Invalid:
            warnings << VectorFileReader::tr("%1: the outline is not valid (%2); it is drawn as it is").arg(featurePlace(index, fileId), reason);
            break;
        case FeatureGeometry::Outcome::NoArea:
            warnings << VectorFileReader::tr("%1: the outline has no area (%2); the feature is left out").arg(featurePlace(index, fileId), reason);
            continue;
        }
        if (const QString unique = ids.take(feature.id); unique != feature.id) {
            warnings << VectorFileReader::tr("%1: the id is used before; renamed \"%2\"").arg(featurePlace(index, fileId), unique);
            if (feature.name == feature.id)
                feature.name = unique;
            feature.id = unique;
        }
        out.features.push_back(std::move(feature));
    }
    if (m_degenerateRings > 0)
        warnings << VectorFileReader::tr("%1: %n ring(s) with fewer than 4 positions left out", nullptr, m_degenerateRings).arg(where());
    return true;
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

VectorFileReader::Result VectorFileReader::readFile(const QString &path, const QString &layerName, const Limits &limits)
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
    if (!LayerConverter(path, *layer, limits, csv).read(out, result.warnings, result.error))
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
