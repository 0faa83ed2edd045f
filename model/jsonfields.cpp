#include "jsonfields.h"

#include "jsonlimits.h"
#include "viewlimits.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <limits>

namespace spheres {

namespace {

QString num(qint64 n) { return QString::number(n); }

} // namespace

std::optional<QJsonObject> JsonFields::parseObject(const QByteArray &data, qint64 maxBytes, const QString &notAnObject,
                                                   QString &error)
{
    if (const auto refused = JsonLimits::check(data, JsonLimits::kMaxDepth, maxBytes)) {
        error = *refused;
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        error = tr("not valid JSON at byte %1: %2").arg(num(parseError.offset), parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        error = notAnObject;
        return std::nullopt;
    }
    return doc.object();
}

QString JsonFields::joined(const QString &place, const QString &what)
{
    return place.isEmpty() ? what : place + QStringLiteral(": ") + what;
}

QStringList JsonFields::warningsIn(const QString &sourceName) const
{
    QStringList out;
    for (const QString &warning : warnings)
        out << QStringLiteral("%1: %2").arg(sourceName, warning);
    return out;
}

bool JsonFields::fail(const QString &place, const QString &what)
{
    error = joined(place, what);
    return false;
}

void JsonFields::ignoreUnknown(const QJsonObject &o, std::initializer_list<QStringView> known, const QString &place)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (std::find(known.begin(), known.end(), QStringView(it.key())) == known.end())
            warn(place, tr("unknown member \"%1\" is ignored").arg(it.key()));
    }
}

bool JsonFields::optionalString(const QJsonObject &o, QStringView key, QString &out, const QString &place)
{
    const QJsonValue v = o.value(key);
    if (!isGiven(v))
        return true;
    if (!v.isString())
        return fail(place, tr("\"%1\" must be a string").arg(key.toString()));
    out = v.toString();
    return true;
}

bool JsonFields::requiredString(const QJsonObject &o, QStringView key, QString &out, const QString &place)
{
    const QJsonValue v = o.value(key);
    if (!isGiven(v))
        return fail(place, tr("\"%1\" is missing").arg(key.toString()));
    if (!v.isString() || v.toString().trimmed().isEmpty())
        return fail(place, tr("\"%1\" must be a non-empty string").arg(key.toString()));
    out = v.toString();
    return true;
}

bool JsonFields::stringList(const QJsonObject &o, QStringView key, QStringList &out, const QString &place)
{
    const QJsonValue v = o.value(key);
    if (!isGiven(v))
        return true;
    if (!v.isArray())
        return fail(place, tr("\"%1\" must be an array of strings").arg(key.toString()));
    const QJsonArray array = v.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString() || array.at(i).toString().trimmed().isEmpty())
            return fail(place, tr("\"%1\"[%2] must be a non-empty string").arg(key.toString(), num(i)));
        out << array.at(i).toString();
    }
    return true;
}

bool JsonFields::wholeNumber(const QJsonObject &o, QStringView key, int &out, int minimum, int maximum,
                             const QString &place)
{
    const QJsonValue v = o.value(key);
    if (!isGiven(v))
        return fail(place, tr("\"%1\" is missing").arg(key.toString()));
    const double d = v.toDouble(-1.0);
    if (!v.isDouble() || d != std::floor(d) || d < minimum || d > maximum) {
        const QString range = maximum == std::numeric_limits<int>::max()
                                  ? tr("a whole number from %1").arg(num(minimum))
                                  : tr("a whole number from %1 to %2").arg(num(minimum), num(maximum));
        const QString actual = v.isDouble() ? QString::number(d) : tr("not a number");
        return fail(place, tr("\"%1\" must be %2 (it is %3)").arg(key.toString(), range, actual));
    }
    out = int(d);
    return true;
}

bool JsonFields::number(const QJsonObject &o, QStringView key, double &out, double minimum, double maximum,
                        const QString &place)
{
    const QJsonValue v = o.value(key);
    if (!isGiven(v))
        return true;
    const double d = v.toDouble();
    if (!v.isDouble() || !(d >= minimum && d <= maximum)) {
        const QString actual = v.isDouble() ? QString::number(d) : tr("not a number");
        return fail(place, tr("\"%1\" must be a number from %2 to %3 (it is %4)")
                               .arg(key.toString(), QString::number(minimum), QString::number(maximum), actual));
    }
    out = d;
    return true;
}

bool JsonFields::lonLat(const QJsonValue &value, QStringView key, QPointF &out, const QString &place)
{
    const QJsonArray pair = value.toArray();
    if (!value.isArray() || pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isDouble())
        return fail(place, tr("\"%1\" must be [longitude, latitude]").arg(key.toString()));
    const double lon = pair.at(0).toDouble(), lat = pair.at(1).toDouble();
    if (!ViewLimits::isLongitude(lon))
        return fail(place, tr("\"%1\": longitude %2 is outside [-180, 180]").arg(key.toString(), QString::number(lon)));
    if (!ViewLimits::isLatitude(lat))
        return fail(place, tr("\"%1\": latitude %2 is outside [-90, 90]").arg(key.toString(), QString::number(lat)));
    out = QPointF(lon, lat);
    return true;
}

bool JsonFields::sources(const QJsonObject &o, QStringView key, QList<Source> &out, const QString &place)
{
    const QJsonValue value = o.value(key);
    if (!isGiven(value))
        return true;
    if (!value.isArray()) {
        return fail(place, tr("\"%1\" must be an array of {\"title\", \"publisher\", \"url\", \"date\"}")
                               .arg(key.toString()));
    }
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        Source s;
        if (!source(array.at(i), s, joined(place, QStringLiteral("%1[%2]").arg(key.toString(), num(i)))))
            return false;
        out << s;
    }
    return true;
}

bool JsonFields::source(const QJsonValue &value, Source &out, const QString &place)
{
    if (!value.isObject())
        return fail(place, tr("must be an object {\"title\", \"publisher\", \"url\", \"date\"}"));
    const QJsonObject o = value.toObject();
    ignoreUnknown(o, {u"title", u"publisher", u"url", u"date"}, place);
    if (!requiredString(o, u"title", out.title, place) || !optionalString(o, u"publisher", out.publisher, place)
        || !optionalString(o, u"url", out.url, place))
        return false;
    const QJsonValue date = o.value(u"date");
    if (date.isDouble() && date.toDouble() == std::floor(date.toDouble())) {
        out.date = QString::number(date.toInteger()); // "date": 2025
        return true;
    }
    return optionalString(o, u"date", out.date, place);
}

} // namespace spheres
