#include "geojsonreader.h"

#include "featuregeometry.h"
#include "geojsongeometry.h"
#include "jsonfields.h"
#include "jsonlimits.h"
#include "yearrange.h"


#include <optional>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QHash>

namespace spheres {

namespace {

QString num(qint64 n) { return QString::number(n); }

constexpr YearRange kYears = YearRange::facts();

/// Reads periods[index] of the feature at `place`.
bool readPeriod(JsonFields &f, const QJsonValue &value, const QString &place, qsizetype index, Period &p)
{
    const QString where = JsonFields::joined(place, QStringLiteral("periods[%1]").arg(index));
    if (!value.isObject())
        return f.fail(place, GeoJsonReader::tr("periods[%1] must be an object {\"since\", \"until\", \"status\"}").arg(index));
    const QJsonObject o = value.toObject();
    if (!f.wholeNumber(o, u"since", p.since, kYears.first, kYears.last, where))
        return false;
    if (JsonFields::isGiven(o.value(u"until"))) {
        int until = 0;
        if (!f.wholeNumber(o, u"until", until, kYears.first, kYears.last, where))
            return false;
        p.until = until;
        if (until <= p.since)
            return f.fail(where, GeoJsonReader::tr("\"until\" (%1, exclusive) must be after \"since\" (%2)").arg(num(until), num(p.since)));
    }
    return f.requiredString(o, u"status", p.status, where);
}

/// Whether period `index` follows the one before it without overlapping it.
bool followsPrevious(JsonFields &f, const QList<Period> &periods, qsizetype index, const QString &place)
{
    const Period &p = periods.at(index), &previous = periods.at(index - 1);
    if (p.since < previous.since) {
        return f.fail(place, GeoJsonReader::tr("periods[%1] (since %2) comes before periods[%3] (since %4); periods must be in order")
                                 .arg(num(index), num(p.since), num(index - 1), num(previous.since)));
    }
    if (!previous.until || p.since < *previous.until) {
        return f.fail(place, GeoJsonReader::tr("periods[%1] (since %2) overlaps periods[%3] (until %4)")
                                 .arg(num(index), num(p.since), num(index - 1),
                                      previous.until ? num(*previous.until) : GeoJsonReader::tr("open-ended")));
    }
    return true;
}

/// Reads "periods"; absent or null means the feature exists in every year.
bool readPeriods(JsonFields &f, const QJsonValue &value, QList<Period> &out, const QString &place)
{
    if (!JsonFields::isGiven(value))
        return true;
    if (!value.isArray() || value.toArray().isEmpty())
        return f.fail(place, GeoJsonReader::tr("\"periods\" must be a non-empty array of {\"since\", \"until\", \"status\"}"));
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        Period p;
        if (!readPeriod(f, array.at(i), place, i, p))
            return false;
        out.push_back(p);
        if (i > 0 && !followsPrevious(f, out, i, place))
            return false;
    }
    return true;
}

std::optional<LayerKind> layerKindNamed(const QString &kind)
{
    static const QHash<QString, LayerKind> kinds = {{QStringLiteral("lines"), LayerKind::Lines},
                                                    {QStringLiteral("membership"), LayerKind::Membership},
                                                    {QStringLiteral("zones"), LayerKind::Zones},
                                                    {QStringLiteral("sites"), LayerKind::Sites},
                                                    {QStringLiteral("generic"), LayerKind::Generic}};
    const auto it = kinds.constFind(kind);
    return it == kinds.constEnd() ? std::nullopt : std::optional<LayerKind>(*it);
}

bool readLegend(JsonFields &f, const QJsonValue &legend, Layer &layer)
{
    if (!JsonFields::isGiven(legend))
        return true;
    if (!legend.isArray())
        return f.fail({}, GeoJsonReader::tr("\"spheres\".legend must be an array of {\"key\", \"label\"}"));
    const QJsonArray entries = legend.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject e = entries.at(i).toObject();
        const LegendEntry entry{e.value(u"key").toString(), e.value(u"label").toString()};
        if (entry.key.isEmpty() || entry.label.isEmpty())
            return f.fail({}, GeoJsonReader::tr("\"spheres\".legend[%1] needs a non-empty \"key\" and \"label\"").arg(i));
        layer.legend.push_back(entry);
    }
    return true;
}

/// The foreign member "spheres": what our own layers say about themselves.
bool readHeader(JsonFields &f, const QJsonValue &value, Layer &layer)
{
    if (!value.isObject())
        return f.fail({}, GeoJsonReader::tr("\"spheres\" must be an object {\"id\", \"kind\", \"title\", …}"));
    const QJsonObject o = value.toObject();
    layer.id = o.value(u"id").toString();
    layer.title = o.value(u"title").toString();
    if (layer.id.isEmpty() || layer.title.isEmpty())
        return f.fail({}, GeoJsonReader::tr("\"spheres\" needs a non-empty \"id\" and \"title\""));
    const QString kind = o.value(u"kind").toString();
    const auto parsed = layerKindNamed(kind);
    if (!parsed) {
        return f.fail({}, GeoJsonReader::tr("\"spheres\".kind must be \"lines\", \"membership\", \"zones\", \"sites\" or "
                             "\"generic\" (it is \"%1\")")
                              .arg(kind));
    }
    layer.kind = *parsed;
    if (!f.optionalString(o, u"description", layer.description, QStringLiteral("\"spheres\"")))
        return false;
    if (const QJsonValue asOf = o.value(u"asOf"); JsonFields::isGiven(asOf)) {
        layer.asOf = QDate::fromString(asOf.toString(), Qt::ISODate);
        if (!layer.asOf.isValid())
            return f.fail({}, GeoJsonReader::tr("\"spheres\".asOf must be a date \"YYYY-MM-DD\""));
    }
    return readLegend(f, o.value(u"legend"), layer);
}

/// Reads the properties every layer understands; the rest go to `feature.properties`.
bool readProperties(JsonFields &f, const QJsonValue &value, LayerKind kind, Feature &feature, const QString &place)
{
    if (JsonFields::isGiven(value) && !value.isObject())
        return f.fail(place, GeoJsonReader::tr("\"properties\" must be an object or null"));
    const QJsonObject o = value.toObject();
    FeatureDetails d;
    if (!f.optionalString(o, u"name", feature.name, place) || !f.optionalString(o, u"description", d.description, place)
        || !f.optionalString(o, u"note", d.note, place) || !f.optionalString(o, u"iso3", d.iso3, place)
        || !readPeriods(f, o.value(u"periods"), d.periods, place) || !f.sources(o, u"sources", d.sources, place)
        || !f.stringList(o, u"claimants", d.claimants, place)
        || !f.stringList(o, u"administeredBy", d.administeredBy, place))
        return false;
    if (!d.description.isEmpty() || !d.note.isEmpty() || !d.iso3.isEmpty() || !d.periods.isEmpty() || !d.sources.isEmpty()
        || !d.claimants.isEmpty() || !d.administeredBy.isEmpty())
        feature.setDetails(std::move(d)); // a feature without any keeps none: a large user layer stays small
    if (kind == LayerKind::Membership && feature.details().iso3.size() != 3)
        return f.fail(place, GeoJsonReader::tr("a membership feature needs \"iso3\", the three-letter code of a region"));
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

/// The features of a FeatureCollection, or a lone Feature as one.
std::optional<QJsonArray> featuresOf(JsonFields &f, const QJsonObject &top)
{
    const QString type = top.value(u"type").toString();
    if (type == u"FeatureCollection") {
        if (!top.value(u"features").isArray()) {
            f.fail({}, GeoJsonReader::tr("\"features\" must be an array"));
            return std::nullopt;
        }
        return top.value(u"features").toArray();
    }
    if (type == u"Feature")
        return QJsonArray{top};
    f.fail({}, type.isEmpty() ? GeoJsonReader::tr("not a GeoJSON FeatureCollection or Feature (it has no \"type\")")
                              : GeoJsonReader::tr("not a GeoJSON FeatureCollection or Feature (\"type\" is \"%1\")").arg(type));
    return std::nullopt;
}

/// A layer's own "spheres" member, or a generic layer named after the file.
bool readLayerHeader(JsonFields &f, const QJsonObject &top, const QString &sourceName, Layer &layer)
{
    if (top.contains(u"spheres"))
        return readHeader(f, top.value(u"spheres"), layer);
    layer.kind = LayerKind::Generic;
    layer.id = QFileInfo(sourceName).completeBaseName();
    if (layer.id.isEmpty())
        layer.id = GeoJsonReader::tr("layer");
    layer.title = layer.id;
    return true;
}

/// The feature's id as given ("id": a string or a number), else "feature-<n>".
bool readFeatureId(JsonFields &f, const QJsonObject &object, qsizetype index, Feature &feature)
{
    const QJsonValue id = object.value(u"id");
    if (id.isString())
        feature.id = id.toString();
    else if (id.isDouble())
        feature.id = id.toVariant().toString();
    else if (JsonFields::isGiven(id))
        return f.fail(QStringLiteral("features[%1]").arg(index), GeoJsonReader::tr("\"id\" must be a string or a number"));
    if (feature.id.isEmpty())
        feature.id = QStringLiteral("feature-%1").arg(index + 1);
    return true;
}

/// A feature's id, properties and geometry, read into `feature` and `parts`: empty, or why
/// the file is refused.
QString readFeature(JsonFields &fields, GeometryReader &geometryReader, const QJsonObject &object, qsizetype i,
                    LayerKind kind, Feature &feature, GeometryParts &parts)
{
    if (!readFeatureId(fields, object, i, feature))
        return fields.error;
    const QString place = QStringLiteral("features[%1] (%2)").arg(num(i), feature.id);
    if (object.value(u"type").toString() != u"Feature")
        return GeoJsonReader::tr("%1 is not a Feature (its \"type\" is not \"Feature\")").arg(place);
    if (!readProperties(fields, object.value(u"properties"), kind, feature, place))
        return fields.error;
    if (!object.contains(u"geometry"))
        return GeoJsonReader::tr("%1 has no \"geometry\" (it may be null)").arg(place);
    if (!geometryReader.read(object.value(u"geometry"), QStringLiteral("geometry"), 0, parts))
        return QStringLiteral("%1: %2").arg(place, geometryReader.error);
    return {};
}

} // namespace

GeoJsonReader::Result GeoJsonReader::read(const QByteArray &data, const QString &sourceName)
{
    Result result;
    auto fail = [&](const QString &what) {
        result.error = QStringLiteral("%1: %2").arg(sourceName, what);
        result.layer = Layer();
        result.warnings.clear();
        return result;
    };
    QString error;
    const auto top = JsonFields::parseObject(
        data, kMaxFileBytes, tr("not a GeoJSON FeatureCollection or Feature (the top level is not an object)"), error);
    if (!top)
        return fail(error);
    JsonFields fields;
    const auto features = featuresOf(fields, *top);
    if (!features || !readLayerHeader(fields, *top, sourceName, result.layer))
        return fail(fields.error);
    if (features->size() > kMaxFeatures)
        return fail(tr("the file has more than %1 features, more than Spheres can draw").arg(num(kMaxFeatures)));

    qint64 coordinateCount = 0;
    GeometryReader geometryReader(coordinateCount);
    UniqueFeatureIds ids;
    ids.reserve(features->size());
    for (qsizetype i = 0; i < features->size(); ++i) {
        Feature feature;
        GeometryParts parts;
        if (const QString refused = readFeature(fields, geometryReader, features->at(i).toObject(), i,
                                                result.layer.kind, feature, parts);
            !refused.isEmpty())
            return fail(refused);
        const QString where = QStringLiteral("%1: features[%2] (%3)").arg(sourceName, num(i), feature.id);
        QString reason;
        switch (FeatureGeometry::assign(parts, feature, reason)) {
        case FeatureGeometry::Outcome::Valid:
            break;
        case FeatureGeometry::Outcome::Invalid:
            result.warnings << tr("%1: the outline is not valid (%2); it is drawn as it is").arg(where, reason);
            break;
        case FeatureGeometry::Outcome::NoArea:
            result.warnings << tr("%1: the outline has no area (%2); the feature is left out").arg(where, reason);
            continue;
        }
        if (const QString unique = ids.take(feature.id); unique != feature.id) {
            result.warnings << tr("%1: the id is used before; renamed \"%2\"").arg(where, unique);
            if (feature.name == feature.id)
                feature.name = unique;
            feature.id = unique;
        }
        result.layer.features.push_back(std::move(feature));
    }
    result.warnings << fields.warningsIn(sourceName);
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
