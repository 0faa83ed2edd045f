#include "ogrlayerconverter.h"

#include "antimeridian.h"
#include "gdalerrors.h"

#include <QCoreApplication>
#include <QStringBuilder>

#include <algorithm>


namespace spheres {

namespace {

QString num(qint64 n) { return QString::number(n); }

/// GeometryCollections inside GeometryCollections.
constexpr int kMaxCollectionDepth = 4;
/// How often the reading reports its progress (and may be stopped), in features.
constexpr qint64 kProgressEvery = 1024;
/// Features read before their outlines are checked together, on every core (few: the batch
/// is held in memory twice, as read and as checked).
constexpr size_t kBatch = 256;

} // namespace

bool LayerConverter::prepareTransform(QStringList &warnings, QString &error)
{
    const OGRSpatialReference *fileCrs = m_layer.GetSpatialRef();
    if (!fileCrs) {
        if (m_layer.GetGeomType() != wkbNone && !m_lonLatColumns)
            warnings << tr("%1: the file does not say its coordinate reference system; its coordinates are taken as "
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
        error = tr("%1: its coordinate reference system (%2) cannot be converted to longitude and latitude: %3")
                    .arg(where(), QString::fromUtf8(name ? name : "unnamed"), errors.take());
        return false;
    }
    return true;
}

/// name, description, note and id (any case) are what every layer understands; the other
/// fields become properties, typed as the file types them. Unset and null fields are left out.
QString LayerConverter::where() const { return tr("%1: layer \"%2\"").arg(m_path, m_layerName); }

QString LayerConverter::featurePlace(qint64 index, const QString &id) const
{
    return tr("%1, feature %2 (%3)").arg(where(), num(index + 1), id);
}

void LayerConverter::readAttributes(OGRFeature &source, Feature &feature) const
{
    for (int i = 0; i < source.GetFieldCount(); ++i) {
        if (!source.IsFieldSetAndNotNull(i))
            continue;
        const OGRFieldDefn &field = *source.GetFieldDefnRef(i);
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
        const Field &known = m_fields[size_t(i)];
        if (known.role == Field::Name && feature.name.isEmpty())
            feature.name = value.toString();
        else if (known.role == Field::Description && feature.details().description.isEmpty())
            feature.editDetails().description = value.toString();
        else if (known.role == Field::Note && feature.details().note.isEmpty())
            feature.editDetails().note = value.toString();
        else if (known.role == Field::Id && feature.id.isEmpty())
            feature.id = value.toString();
        else
            feature.properties.insert(known.key, value); // the key's text is shared, not copied per feature
    }
}

bool LayerConverter::positions(const OGRSimpleCurve &curve, std::vector<Point> &out)
{
    const int n = curve.getNumPoints();
    m_coordinates += n;
    if (m_coordinates > m_limits.maxCoordinates) {
        m_geometryError = tr("the layer has more than %1 coordinates, more than Spheres can draw").arg(num(m_limits.maxCoordinates));
        return false;
    }
    m_x.resize(size_t(n));
    m_y.resize(size_t(n));
    curve.getPoints(m_x.data(), sizeof(double), m_y.data(), sizeof(double));
    if (m_toLonLat && n > 0 && !m_toLonLat->Transform(size_t(n), m_x.data(), m_y.data(), nullptr, nullptr)) {
        m_geometryError = tr("its coordinates cannot be converted to longitude and latitude");
        return false;
    }
    out.clear();
    out.reserve(size_t(n) + 1); // room for the point that closes a ring, if the file leaves it out
    for (int i = 0; i < n; ++i) {
        const double lon = m_x[size_t(i)], lat = m_y[size_t(i)];
        if (!(lon >= -180.0 && lon <= 180.0) || !(lat >= -90.0 && lat <= 90.0)) {
            m_geometryError = tr("position %1 (%2, %3) is outside longitude [-180, 180] and latitude [-90, 90]")
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
        m_geometryError = tr("a ring winds round the globe (across %1° of longitude); a ring may go round it at most once")
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
            m_geometryError = tr("geometry collections are nested more than %1 deep").arg(num(kMaxCollectionDepth));
            return false;
        }
        for (const OGRGeometry *part : *geometry.toGeometryCollection())
            if (part && !collect(*part, depth + 1, out))
                return false;
        return true;
    default:
        m_geometryError = tr("its geometry type %1 is not one Spheres draws").arg(QString::fromUtf8(OGRGeometryTypeToName(type)));
        return false;
    }
}

void LayerConverter::prepareFields()
{
    const OGRFeatureDefn &definition = *m_layer.GetLayerDefn();
    m_fields.clear();
    for (int i = 0; i < definition.GetFieldCount(); ++i) {
        Field field{QString::fromUtf8(definition.GetFieldDefn(i)->GetNameRef())};
        const QString lower = field.key.toLower();
        field.role = lower == u"name"          ? Field::Name
                     : lower == u"description" ? Field::Description
                     : lower == u"note"        ? Field::Note
                     : lower == u"id"          ? Field::Id
                                               : Field::Property;
        m_fields.push_back(field);
    }
}

bool LayerConverter::read(Layer &out, QStringList &warnings, QString &error)
{
    if (!prepareTransform(warnings, error))
        return false;
    const GIntBig announced = m_layer.GetFeatureCount(FALSE); // -1 when only a full scan would tell
    const auto tooMany = [&] {
        return tr("%1: the layer has more than %2 features, more than Spheres can draw").arg(where(), num(m_limits.maxFeatures));
    };
    if (announced > m_limits.maxFeatures) {
        error = tooMany();
        return false;
    }
    prepareFields();
    GdalErrors errors;
    UniqueFeatureIds ids;
    if (announced > 0) { // one allocation, not a copy of every feature read so far each time the list grows
        out.features.reserve(qsizetype(announced));
        ids.reserve(qsizetype(announced));
    }
    const auto fail = [&](const QString &message) { // the features before the failure still say what is wrong with them
        finishBatch(out, ids, warnings);
        error = message;
        return false;
    };
    m_layer.ResetReading();
    for (qint64 index = 0;; ++index) {
        if (index % kProgressEvery == 0 && m_progress && !m_progress(index, std::max<qint64>(announced, 0)))
            return fail(tr("%1: reading stopped").arg(where()));
        std::unique_ptr<OGRFeature> source(m_layer.GetNextFeature());
        if (errors.failed())
            return fail(tr("%1, feature %2: %3").arg(where(), num(index + 1), errors.take()));
        if (!source)
            break;
        if (index >= m_limits.maxFeatures)
            return fail(tooMany());
        Feature &feature = out.features.emplace_back(); // built in place: a Feature is costly to move
        readAttributes(*source, feature);
        if (feature.id.isEmpty())
            feature.id = QString(u"feature-" % QString::number(index + 1)); // built at its size: QString's + leaves room to grow
        if (feature.name.isEmpty())
            feature.name = feature.id;
        const QString fileId = feature.id;
        RawGeometry &raw = m_batchRaw.emplace_back();
        if (const OGRGeometry *geometry = source->GetGeometryRef(); geometry && !collect(*geometry, 0, raw)) {
            m_batchRaw.pop_back();
            out.features.removeLast();
            return fail(QStringLiteral("%1: %2").arg(featurePlace(index, fileId), m_geometryError));
        }
        m_batchPlaces.push_back({index, fileId});
        if (m_batchRaw.size() == kBatch)
            finishBatch(out, ids, warnings);
    }
    finishBatch(out, ids, warnings);
    if (m_degenerateRings > 0)
        warnings << tr("%1: %n ring(s) with fewer than 4 positions left out", nullptr, m_degenerateRings).arg(where());
    return true;
}

/// The batch's outlines are checked on every core; what they say, the features left out and the
/// ids made unique follow in the file's order, as if each feature were done as it was read.
void LayerConverter::finishBatch(Layer &out, UniqueFeatureIds &ids, QStringList &warnings)
{
    const qsizetype first = out.features.size() - qsizetype(m_batchRaw.size());
    const std::vector<FeatureGeometry::Assigned> assigned = FeatureGeometry::assignAll(m_batchRaw, out.features.data() + first);
    qsizetype kept = first;
    for (size_t k = 0; k < assigned.size(); ++k) {
        const auto &[index, fileId] = m_batchPlaces[k];
        Feature &feature = out.features[first + qsizetype(k)];
        switch (assigned[k].outcome) {
        case FeatureGeometry::Outcome::Valid:
            break;
        case FeatureGeometry::Outcome::Invalid:
            warnings << tr("%1: the outline is not valid (%2); it is drawn as it is").arg(featurePlace(index, fileId), assigned[k].reason);
            break;
        case FeatureGeometry::Outcome::NoArea:
            warnings << tr("%1: the outline has no area (%2); the feature is left out").arg(featurePlace(index, fileId), assigned[k].reason);
            continue;
        }
        if (const QString unique = ids.take(feature.id); unique != feature.id) {
            warnings << tr("%1: the id is used before; renamed \"%2\"").arg(featurePlace(index, fileId), unique);
            if (feature.name == feature.id)
                feature.name = unique;
            feature.id = unique;
        }
        if (kept != first + qsizetype(k))
            out.features[kept] = std::move(feature);
        ++kept;
    }
    out.features.resize(kept);
    m_batchRaw.clear();
    m_batchPlaces.clear();
}

} // namespace spheres
