#include "geojsonreader.h"

#include "antimeridian.h"
#include "featuregeometry.h"
#include "jsonlimits.h"

#include <cmath>
#include <vector>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QHash>
#include <QSet>

namespace spheres {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("GeoJsonReader", text); }

QString num(qint64 n) { return QString::number(n); }

constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2100;
constexpr int kMaxCollectionDepth = 4; ///< GeometryCollections inside GeometryCollections

bool samePoint(const Point &a, const Point &b) { return a.x() == b.x() && a.y() == b.y(); }

using RawRing = RawGeometry::Ring;
using RawPolygon = RawGeometry::Polygon;
using GeometryParts = RawGeometry;

/// Decodes geometry objects; counts every position against the file's limit. Messages are built
/// only on failure (through `place` and an index), so that large files decode quickly.
class GeometryReader
{
public:
    explicit GeometryReader(qint64 &coordinateCount) : m_count(coordinateCount) {}

    bool read(const QJsonValue &value, const QString &place, int depth, GeometryParts &out);
    QString error;

private:
    bool position(const QJsonValue &value, const QString &place, qsizetype index, const QString &type, Point &out);
    bool positions(const QJsonValue &value, const QString &place, const QString &type, qsizetype minimum,
                   std::vector<Point> &out);
    bool rings(const QJsonValue &value, const QString &place, const QString &type, RawPolygon &out);

    qint64 &m_count;
};

bool GeometryReader::position(const QJsonValue &value, const QString &place, qsizetype index, const QString &type,
                              Point &out)
{
    const auto where = [&] { return index < 0 ? place : QStringLiteral("%1[%2]").arg(place, num(index)); };
    if (!value.isArray()) {
        error = tr("%1 is not a position (an array of longitude and latitude)").arg(where());
        return false;
    }
    const QJsonArray p = value.toArray();
    for (const QJsonValue &c : p) {
        if (c.isArray()) {
            error = tr("%1: coordinates are nested deeper than a %2 allows").arg(where(), type);
            return false;
        }
    }
    if (p.size() < 2) {
        error = tr("%1 needs a longitude and a latitude").arg(where());
        return false;
    }
    for (qsizetype k = 0; k < p.size(); ++k) {
        if (!p.at(k).isDouble()) {
            error = tr("%1[%2] is not a number").arg(where(), num(k));
            return false;
        }
    }
    const double lon = p.at(0).toDouble(), lat = p.at(1).toDouble();
    if (!(lon >= -180.0 && lon <= 180.0)) {
        error = tr("%1: longitude %2 is outside [-180, 180]").arg(where(), QString::number(lon));
        return false;
    }
    if (!(lat >= -90.0 && lat <= 90.0)) {
        error = tr("%1: latitude %2 is outside [-90, 90]").arg(where(), QString::number(lat));
        return false;
    }
    if (++m_count > GeoJsonReader::kMaxCoordinates) {
        error = tr("the file has more than %1 coordinates, more than Spheres can draw")
                    .arg(num(GeoJsonReader::kMaxCoordinates));
        return false;
    }
    out = Point(lon, lat);
    return true;
}

bool GeometryReader::positions(const QJsonValue &value, const QString &place, const QString &type, qsizetype minimum,
                               std::vector<Point> &out)
{
    if (!value.isArray()) {
        error = tr("%1 is not an array of positions (the coordinates of a %2 are not nested deeply enough)")
                    .arg(place, type);
        return false;
    }
    const QJsonArray array = value.toArray();
    out.clear();
    out.reserve(size_t(array.size()));
    for (qsizetype i = 0; i < array.size(); ++i) {
        Point p;
        if (!position(array.at(i), place, i, type, p))
            return false;
        out.push_back(p);
    }
    if (qsizetype(out.size()) < minimum) {
        error = tr("%1 has %2 positions; a %3 needs at least %4").arg(place, num(qsizetype(out.size())), type, num(minimum));
        return false;
    }
    return true;
}

bool GeometryReader::rings(const QJsonValue &value, const QString &place, const QString &type, RawPolygon &out)
{
    if (!value.isArray()) {
        error = tr("%1 is not an array of rings").arg(place);
        return false;
    }
    const QJsonArray array = value.toArray();
    if (array.isEmpty()) {
        error = tr("%1 has no rings").arg(place);
        return false;
    }
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString ringPlace = QStringLiteral("%1[%2]").arg(place, num(i));
        RawRing ring;
        if (!positions(array.at(i), ringPlace, type, 4, ring))
            return false;
        if (!samePoint(ring.front(), ring.back())) {
            error = tr("%1: the ring is not closed (its first and last positions differ)").arg(ringPlace);
            return false;
        }
        if (const double span = antimeridian::unwrappedSpan(ring); span > antimeridian::kMaxUnwrappedSpan) {
            error = tr("%1: the ring winds round the globe (across %2° of longitude); a ring may go round it at most once")
                        .arg(ringPlace, QString::number(span, 'f', 0));
            return false;
        }
        out.push_back(std::move(ring));
    }
    return true;
}

bool GeometryReader::read(const QJsonValue &value, const QString &place, int depth, GeometryParts &out)
{
    if (value.isNull())
        return true;
    if (!value.isObject()) {
        error = tr("%1 is neither a geometry object nor null").arg(place);
        return false;
    }
    const QJsonObject geometry = value.toObject();
    const QJsonValue typeValue = geometry.value(u"type");
    if (!typeValue.isString()) {
        error = tr("%1 has no \"type\"").arg(place);
        return false;
    }
    const QString type = typeValue.toString();
    if (type == u"GeometryCollection") {
        if (depth >= kMaxCollectionDepth) {
            error = tr("%1: GeometryCollections are nested more than %2 deep").arg(place, num(kMaxCollectionDepth));
            return false;
        }
        const QJsonValue members = geometry.value(u"geometries");
        if (!members.isArray()) {
            error = tr("%1: \"geometries\" must be an array").arg(place);
            return false;
        }
        const QJsonArray array = members.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            if (!read(array.at(i), QStringLiteral("%1.geometries[%2]").arg(place, num(i)), depth + 1, out))
                return false;
        return true;
    }
    static const QStringList known = {QStringLiteral("Point"),      QStringLiteral("MultiPoint"),
                                      QStringLiteral("LineString"), QStringLiteral("MultiLineString"),
                                      QStringLiteral("Polygon"),    QStringLiteral("MultiPolygon")};
    if (!known.contains(type)) {
        error = tr("%1: unknown geometry type \"%2\"").arg(place, type);
        return false;
    }
    const QString where = place + QStringLiteral(".coordinates");
    const QJsonValue coordinates = geometry.value(u"coordinates");
    if (!coordinates.isArray()) {
        error = tr("%1 must be an array").arg(where);
        return false;
    }
    if (type == u"Point") {
        Point p;
        if (!position(coordinates, where, -1, type, p))
            return false;
        out.points.push_back(p);
        return true;
    }
    if (type == u"MultiPoint") {
        std::vector<Point> points;
        if (!positions(coordinates, where, type, 0, points))
            return false;
        out.points.insert(out.points.end(), points.begin(), points.end());
        return true;
    }
    if (type == u"LineString") {
        std::vector<Point> line;
        if (!positions(coordinates, where, type, 2, line))
            return false;
        out.lines.push_back(std::move(line));
        return true;
    }
    const QJsonArray parts = coordinates.toArray();
    if (type == u"MultiLineString") {
        for (qsizetype i = 0; i < parts.size(); ++i) {
            std::vector<Point> line;
            if (!positions(parts.at(i), QStringLiteral("%1[%2]").arg(where, num(i)), type, 2, line))
                return false;
            out.lines.push_back(std::move(line));
        }
        return true;
    }
    if (type == u"Polygon") {
        RawPolygon polygon;
        if (!rings(coordinates, where, type, polygon))
            return false;
        out.polygons.push_back(std::move(polygon));
        return true;
    }
    // MultiPolygon
    for (qsizetype i = 0; i < parts.size(); ++i) {
        RawPolygon polygon;
        if (!rings(parts.at(i), QStringLiteral("%1[%2]").arg(where, num(i)), type, polygon))
            return false;
        out.polygons.push_back(std::move(polygon));
    }
    return true;
}

bool isYear(const QJsonValue &value)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return d == std::floor(d) && d >= kMinYear && d <= kMaxYear;
}

/// Reads "periods"; absent or null means the feature exists in every year.
bool readPeriods(const QJsonValue &value, QList<Period> &out, QString &error)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isArray() || value.toArray().isEmpty()) {
        error = tr("\"periods\" must be a non-empty array of {\"since\", \"until\", \"status\"}");
        return false;
    }
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString place = QStringLiteral("periods[%1]").arg(i);
        if (!array.at(i).isObject()) {
            error = tr("%1 must be an object {\"since\", \"until\", \"status\"}").arg(place);
            return false;
        }
        const QJsonObject o = array.at(i).toObject();
        Period p;
        if (!isYear(o.value(u"since"))) {
            error = tr("%1: \"since\" must be a whole year from %2 to %3").arg(place, num(kMinYear), num(kMaxYear));
            return false;
        }
        p.since = o.value(u"since").toInt();
        const QJsonValue until = o.value(u"until");
        if (!until.isUndefined() && !until.isNull()) {
            if (!isYear(until)) {
                error = tr("%1: \"until\" must be a whole year from %2 to %3").arg(place, num(kMinYear), num(kMaxYear));
                return false;
            }
            p.until = until.toInt();
            if (*p.until <= p.since) {
                error = tr("%1: \"until\" (%2, exclusive) must be after \"since\" (%3)")
                            .arg(place, num(*p.until), num(p.since));
                return false;
            }
        }
        p.status = o.value(u"status").toString();
        if (p.status.trimmed().isEmpty()) {
            error = tr("%1: \"status\" must be a non-empty string").arg(place);
            return false;
        }
        if (!out.isEmpty()) {
            const Period &previous = out.last();
            if (p.since < previous.since) {
                error = tr("%1 (since %2) comes before periods[%3] (since %4); periods must be in order")
                            .arg(place, num(p.since), num(i - 1), num(previous.since));
                return false;
            }
            if (!previous.until || p.since < *previous.until) {
                error = tr("%1 (since %2) overlaps periods[%3] (until %4)")
                            .arg(place, num(p.since), num(i - 1),
                                 previous.until ? num(*previous.until) : tr("open-ended"));
                return false;
            }
        }
        out.push_back(p);
    }
    return true;
}

bool readSources(const QJsonValue &value, QList<Source> &out, QString &error)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isArray()) {
        error = tr("\"sources\" must be an array of {\"title\", \"publisher\", \"url\", \"date\"}");
        return false;
    }
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString place = QStringLiteral("sources[%1]").arg(i);
        if (!array.at(i).isObject()) {
            error = tr("%1 must be an object {\"title\", \"publisher\", \"url\", \"date\"}").arg(place);
            return false;
        }
        const QJsonObject o = array.at(i).toObject();
        Source s;
        for (auto [key, field] : {std::pair{u"title", &s.title}, std::pair{u"publisher", &s.publisher},
                                  std::pair{u"url", &s.url}, std::pair{u"date", &s.date}}) {
            const QJsonValue v = o.value(QStringView(key));
            if (v.isUndefined() || v.isNull())
                continue;
            if (v.isString()) {
                *field = v.toString();
            } else if (QStringView(key) == u"date" && v.isDouble() && v.toDouble() == std::floor(v.toDouble())) {
                *field = QString::number(v.toInteger()); // "date": 2025
            } else {
                error = tr("%1: \"%2\" must be a string").arg(place, QStringView(key).toString());
                return false;
            }
        }
        out.push_back(s);
    }
    return true;
}

bool readString(const QJsonObject &o, QStringView key, QString &out, QString &error)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString()) {
        error = tr("\"%1\" must be a string").arg(key.toString());
        return false;
    }
    out = v.toString();
    return true;
}

bool readCodes(const QJsonObject &o, QStringView key, QStringList &out, QString &error)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    const QJsonArray array = v.toArray();
    for (const QJsonValue &code : array) {
        if (!code.isString() || code.toString().isEmpty())
            break;
        out << code.toString();
    }
    if (!v.isArray() || out.size() != array.size()) {
        error = tr("\"%1\" must be an array of region codes").arg(key.toString());
        return false;
    }
    return true;
}

/// The foreign member "spheres": what our own layers say about themselves.
bool readHeader(const QJsonValue &value, Layer &layer, QString &error)
{
    if (!value.isObject()) {
        error = tr("\"spheres\" must be an object {\"id\", \"kind\", \"title\", …}");
        return false;
    }
    const QJsonObject o = value.toObject();
    layer.id = o.value(u"id").toString();
    layer.title = o.value(u"title").toString();
    if (layer.id.isEmpty() || layer.title.isEmpty()) {
        error = tr("\"spheres\" needs a non-empty \"id\" and \"title\"");
        return false;
    }
    const QString kind = o.value(u"kind").toString();
    if (kind == u"lines")
        layer.kind = LayerKind::Lines;
    else if (kind == u"membership")
        layer.kind = LayerKind::Membership;
    else if (kind == u"zones")
        layer.kind = LayerKind::Zones;
    else if (kind == u"sites")
        layer.kind = LayerKind::Sites;
    else if (kind == u"generic")
        layer.kind = LayerKind::Generic;
    else {
        error = tr("\"spheres\".kind must be \"lines\", \"membership\", \"zones\", \"sites\" or \"generic\" (it is \"%1\")")
                    .arg(kind);
        return false;
    }
    if (!readString(o, u"description", layer.description, error)) {
        error = QStringLiteral("\"spheres\": ") + error;
        return false;
    }
    const QJsonValue asOf = o.value(u"asOf");
    if (!asOf.isUndefined() && !asOf.isNull()) {
        layer.asOf = QDate::fromString(asOf.toString(), Qt::ISODate);
        if (!layer.asOf.isValid()) {
            error = tr("\"spheres\".asOf must be a date \"YYYY-MM-DD\"");
            return false;
        }
    }
    const QJsonValue legend = o.value(u"legend");
    if (!legend.isUndefined() && !legend.isNull()) {
        if (!legend.isArray()) {
            error = tr("\"spheres\".legend must be an array of {\"key\", \"label\"}");
            return false;
        }
        const QJsonArray entries = legend.toArray();
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const QJsonObject e = entries.at(i).toObject();
            const LegendEntry entry{e.value(u"key").toString(), e.value(u"label").toString()};
            if (entry.key.isEmpty() || entry.label.isEmpty()) {
                error = tr("\"spheres\".legend[%1] needs a non-empty \"key\" and \"label\"").arg(i);
                return false;
            }
            layer.legend.push_back(entry);
        }
    }
    return true;
}

/// Reads the properties every layer understands; the rest go to `feature.properties`.
bool readProperties(const QJsonValue &value, LayerKind kind, Feature &feature, QString &error)
{
    if (!value.isUndefined() && !value.isNull() && !value.isObject()) {
        error = tr("\"properties\" must be an object or null");
        return false;
    }
    const QJsonObject o = value.toObject();
    if (!readString(o, u"name", feature.name, error) || !readString(o, u"description", feature.description, error)
        || !readString(o, u"note", feature.note, error) || !readString(o, u"iso3", feature.iso3, error)
        || !readPeriods(o.value(u"periods"), feature.periods, error)
        || !readSources(o.value(u"sources"), feature.sources, error)
        || !readCodes(o, u"claimants", feature.claimants, error)
        || !readCodes(o, u"administeredBy", feature.administeredBy, error))
        return false;
    if (kind == LayerKind::Membership && feature.iso3.size() != 3) {
        error = tr("a membership feature needs \"iso3\", the three-letter code of a region");
        return false;
    }
    if (feature.name.isEmpty())
        feature.name = feature.id;
    static const QStringList known = {QStringLiteral("name"),    QStringLiteral("description"), QStringLiteral("note"),
                                      QStringLiteral("iso3"),    QStringLiteral("periods"),     QStringLiteral("sources"),
                                      QStringLiteral("claimants"), QStringLiteral("administeredBy")};
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()))
            feature.properties.insert(it.key(), it.value().toVariant());
    return true;
}

} // namespace

GeoJsonReader::Result GeoJsonReader::read(const QByteArray &data, const QString &sourceName)
{
    Result result;
    auto fail = [&](const QString &what) {
        result.error = QStringLiteral("%1: %2").arg(sourceName, what);
        result.layer = Layer();
        return result;
    };
    if (data.size() > kMaxFileBytes)
        return fail(tr("the file is larger than %1 MiB").arg(kMaxFileBytes / (1024 * 1024)));
    if (const auto refused = JsonLimits::check(data, JsonLimits::kMaxDepth, kMaxFileBytes))
        return fail(*refused);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(tr("not valid JSON at byte %1: %2").arg(num(parseError.offset), parseError.errorString()));
    if (!doc.isObject())
        return fail(tr("not a GeoJSON FeatureCollection or Feature (the top level is not an object)"));
    const QJsonObject top = doc.object();
    const QString type = top.value(u"type").toString();
    QJsonArray features;
    if (type == u"FeatureCollection") {
        if (!top.value(u"features").isArray())
            return fail(tr("\"features\" must be an array"));
        features = top.value(u"features").toArray();
    } else if (type == u"Feature") {
        features.append(top);
    } else {
        return fail(type.isEmpty() ? tr("not a GeoJSON FeatureCollection or Feature (it has no \"type\")")
                                   : tr("not a GeoJSON FeatureCollection or Feature (\"type\" is \"%1\")").arg(type));
    }

    if (features.size() > kMaxFeatures)
        return fail(tr("the file has more than %1 features, more than Spheres can draw").arg(num(kMaxFeatures)));

    Layer &layer = result.layer;
    QString error;
    if (top.contains(u"spheres")) {
        if (!readHeader(top.value(u"spheres"), layer, error))
            return fail(error);
    } else {
        layer.kind = LayerKind::Generic;
        layer.id = QFileInfo(sourceName).completeBaseName();
        if (layer.id.isEmpty())
            layer.id = tr("layer");
        layer.title = layer.id;
    }

    qint64 coordinateCount = 0;
    GeometryReader geometryReader(coordinateCount);
    UniqueFeatureIds ids;
    for (qsizetype i = 0; i < features.size(); ++i) {
        const QJsonObject object = features.at(i).toObject();
        Feature feature;
        const QJsonValue id = object.value(u"id");
        if (id.isString())
            feature.id = id.toString();
        else if (id.isDouble())
            feature.id = id.toVariant().toString();
        else if (!id.isUndefined() && !id.isNull())
            return fail(tr("features[%1]: \"id\" must be a string or a number").arg(i));
        if (feature.id.isEmpty())
            feature.id = QStringLiteral("feature-%1").arg(i + 1);
        const QString place = QStringLiteral("features[%1] (%2)").arg(num(i), feature.id);
        if (object.value(u"type").toString() != u"Feature")
            return fail(tr("%1 is not a Feature (its \"type\" is not \"Feature\")").arg(place));
        if (!readProperties(object.value(u"properties"), layer.kind, feature, error))
            return fail(QStringLiteral("%1: %2").arg(place, error));

        if (!object.contains(u"geometry"))
            return fail(tr("%1 has no \"geometry\" (it may be null)").arg(place));
        GeometryParts parts;
        if (!geometryReader.read(object.value(u"geometry"), QStringLiteral("geometry"), 0, parts))
            return fail(QStringLiteral("%1: %2").arg(place, geometryReader.error));
        QString reason;
        switch (FeatureGeometry::assign(parts, feature, reason)) {
        case FeatureGeometry::Outcome::Valid:
            break;
        case FeatureGeometry::Outcome::Invalid:
            result.warnings << tr("%1: %2: the outline is not valid (%3); it is drawn as it is").arg(sourceName, place, reason);
            break;
        case FeatureGeometry::Outcome::NoArea:
            result.warnings << tr("%1: %2: the outline has no area (%3); the feature is left out").arg(sourceName, place, reason);
            continue;
        }
        if (const QString unique = ids.take(feature.id); unique != feature.id) {
            result.warnings << tr("%1: %2: the id is used before; renamed \"%3\"").arg(sourceName, place, unique);
            if (feature.name == feature.id)
                feature.name = unique;
            feature.id = unique;
        }
        layer.features.push_back(std::move(feature));
    }
    return result;
}

GeoJsonReader::Result GeoJsonReader::readFile(const QString &path)
{
    Result result;
    const auto data = JsonLimits::readFile(path, kMaxFileBytes, result.error);
    return data ? read(*data, path) : result;
}

GeoJsonReader::Result GeoJsonReader::readBuiltIn(const QString &id)
{
    const QString name = id + QStringLiteral(".geojson");
    Result result;
    if (!builtInIds().contains(id) && !optionalIds().contains(id)) {
        result.error = tr("there is no built-in layer \"%1\"").arg(id);
        return result;
    }
    QFile file(QStringLiteral(":/layers/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("%1: %2").arg(name, file.errorString());
        return result;
    }
    return read(file.readAll(), name);
}

QStringList GeoJsonReader::builtInIds()
{
    // Bottom to top: the choropleth first, then lines, sites last so that nothing hides them.
    return {QStringLiteral("sco"), QStringLiteral("contested"), QStringLiteral("pipelines"), QStringLiteral("sites")};
}

QStringList GeoJsonReader::optionalIds()
{
    return {QStringLiteral("csto"), QStringLiteral("eaeu"), QStringLiteral("cis"), QStringLiteral("brics")};
}

QList<std::shared_ptr<const Layer>> GeoJsonReader::readAllBuiltIn(QStringList &errors)
{
    QList<std::shared_ptr<const Layer>> layers;
    for (const QString &id : builtInIds()) {
        Result result = readBuiltIn(id);
        if (result.ok())
            layers << std::make_shared<const Layer>(std::move(result.layer));
        else
            errors << result.error;
    }
    return layers;
}

} // namespace spheres
