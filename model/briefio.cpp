#include "briefio.h"

#include "atomicfile.h"

#include "jsonlimits.h"
#include "projectioncatalog.h"
#include "viewlimits.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <vector>

namespace spheres {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text) { return QCoreApplication::translate("BriefReader", text); }
QString trWriter(const char *text) { return QCoreApplication::translate("BriefWriter", text); }

QString num(qint64 n) { return QString::number(n); }

constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2100;
const QString kBuiltInName = QStringLiteral("china-russia.spheres.json");

QString joined(const QString &place, const QString &what) { return place.isEmpty() ? what : place + QStringLiteral(": ") + what; }

/// The number of sentences in a paragraph: text ends a sentence at ".", "!" or "?" (and any closing
/// quotes or brackets) followed by white space. Abbreviations would count as extra sentences, which
/// only makes the range check more lenient; it never refuses a claim that points at real text.
int sentenceCount(const QString &paragraph)
{
    const QString text = paragraph.trimmed();
    if (text.isEmpty())
        return 0;
    static const QString closers = QStringLiteral("\"')]\u2019\u201D");
    int count = 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != u'.' && c != u'!' && c != u'?')
            continue;
        qsizetype j = i + 1;
        while (j < text.size() && closers.contains(text.at(j)))
            ++j;
        if (j < text.size() && text.at(j).isSpace()) {
            ++count;
            i = j;
        }
    }
    return count;
}

/// Whether `needle` occurs in `haystack` (both UTF-8). glibc's memmem is linear in the worst case
/// (two-way); QString::contains is not: its Boyer–Moore search costs length × length on a long
/// quote of repetitive text, minutes for a brief of long sentences. UTF-8 is self-synchronising,
/// so a match is always at a character boundary (lone surrogates, which UTF-8 cannot carry, may
/// match one another: at worst a warning less).
bool containsUtf8(const QByteArray &haystack, const QByteArray &needle)
{
    return needle.isEmpty() || memmem(haystack.constData(), size_t(haystack.size()), needle.constData(), size_t(needle.size()));
}

/// Finds the first string (value or member name) longer than the limit; on failure `path` holds
/// where it is ("claims[3].text"). Done once over the whole document, before anything is read, so
/// that no reader below has to think about it.
bool hasOverlongString(const QJsonValue &value, QString &path)
{
    if (value.isString())
        return value.toString().size() > BriefReader::kMaxStringLength;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (hasOverlongString(array.at(i), path)) {
                path.prepend(QStringLiteral("[%1]").arg(i));
                return true;
            }
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key().size() > BriefReader::kMaxStringLength) {
                path = tr(" (a member name)"); // a place of its own, after the object's
                return true;
            }
            if (hasOverlongString(it.value(), path)) {
                path.prepend(u'.' + it.key());
                return true;
            }
        }
    }
    return false;
}

/// Reads one document. Messages are "place: what"; read() puts the file name in front.
class Reader
{
public:
    QString error;
    QStringList warnings;

    bool readBrief(const QJsonObject &top, Brief &brief);

private:
    bool fail(const QString &place, const QString &what)
    {
        error = joined(place, what);
        return false;
    }
    void ignoreUnknown(const QJsonObject &o, std::initializer_list<QStringView> known, const QString &place);
    /// Per paragraph, worked out once: any number of claims may point at the same long paragraph.
    int sentencesOf(const Brief &brief, int paragraph);
    const QByteArray &utf8Of(const Brief &brief, int paragraph);
    QHash<int, int> m_sentenceCounts;
    QHash<int, QByteArray> m_utf8;

    bool optionalString(const QJsonObject &o, QStringView key, QString &out, const QString &place);
    bool requiredString(const QJsonObject &o, QStringView key, QString &out, const QString &place);
    bool stringList(const QJsonObject &o, QStringView key, QStringList &out, const QString &place);
    bool wholeNumber(const QJsonObject &o, QStringView key, int &out, int minimum, int maximum, const QString &place);
    bool fraction(const QJsonObject &o, QStringView key, double &out, const QString &place);
    /// A required [longitude, latitude] pair in range.
    bool lonLat(const QJsonValue &v, QStringView key, QPointF &out, const QString &place);
    /// An optional number in [minimum, maximum]; the default stands when it is missing.
    bool number(const QJsonObject &o, QStringView key, double &out, double minimum, double maximum, const QString &place);

    bool readNarrative(const QJsonValue &value, Brief &brief);
    bool readSources(const QJsonValue &value, QList<Source> &out, const QString &place);
    bool readClaim(const QJsonValue &value, qsizetype index, const Brief &brief, Claim &claim);
    bool readLayer(const QJsonValue &value, qsizetype index, LayerSetting &layer);
    bool readView(const QJsonValue &value, qsizetype index, SavedView &view);
    bool readAnnotation(const QJsonValue &value, qsizetype index, Annotation &annotation);
};

void Reader::ignoreUnknown(const QJsonObject &o, std::initializer_list<QStringView> known, const QString &place)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (std::find(known.begin(), known.end(), QStringView(it.key())) == known.end())
            warnings << joined(place, tr("unknown member \"%1\" is ignored").arg(it.key()));
    }
}

int Reader::sentencesOf(const Brief &brief, int paragraph)
{
    auto it = m_sentenceCounts.constFind(paragraph);
    if (it == m_sentenceCounts.constEnd())
        it = m_sentenceCounts.insert(paragraph, sentenceCount(brief.paragraphs.at(paragraph)));
    return *it;
}

const QByteArray &Reader::utf8Of(const Brief &brief, int paragraph)
{
    auto it = m_utf8.constFind(paragraph);
    if (it == m_utf8.constEnd())
        it = m_utf8.insert(paragraph, brief.paragraphs.at(paragraph).toUtf8());
    return *it;
}

bool Reader::optionalString(const QJsonObject &o, QStringView key, QString &out, const QString &place)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString())
        return fail(place, tr("\"%1\" must be a string").arg(key.toString()));
    out = v.toString();
    return true;
}

bool Reader::requiredString(const QJsonObject &o, QStringView key, QString &out, const QString &place)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return fail(place, tr("\"%1\" is missing").arg(key.toString()));
    if (!v.isString() || v.toString().trimmed().isEmpty())
        return fail(place, tr("\"%1\" must be a non-empty string").arg(key.toString()));
    out = v.toString();
    return true;
}

bool Reader::stringList(const QJsonObject &o, QStringView key, QStringList &out, const QString &place)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
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

bool Reader::wholeNumber(const QJsonObject &o, QStringView key, int &out, int minimum, int maximum,
                         const QString &place)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
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

bool Reader::fraction(const QJsonObject &o, QStringView key, double &out, const QString &place)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return true; // the default stands
    const double d = v.toDouble();
    if (!v.isDouble() || !(d >= 0.0 && d <= 1.0)) {
        const QString actual = v.isDouble() ? QString::number(d) : tr("not a number");
        return fail(place, tr("\"%1\" must be a number from 0 to 1 (it is %2)").arg(key.toString(), actual));
    }
    out = d;
    return true;
}

bool Reader::lonLat(const QJsonValue &v, QStringView key, QPointF &out, const QString &place)
{
    const QJsonArray pair = v.toArray();
    if (!v.isArray() || pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isDouble())
        return fail(place, tr("\"%1\" must be [longitude, latitude]").arg(key.toString()));
    const double lon = pair.at(0).toDouble(), lat = pair.at(1).toDouble();
    if (!ViewLimits::isLongitude(lon))
        return fail(place, tr("\"%1\": longitude %2 is outside [-180, 180]").arg(key.toString(), QString::number(lon)));
    if (!ViewLimits::isLatitude(lat))
        return fail(place, tr("\"%1\": latitude %2 is outside [-90, 90]").arg(key.toString(), QString::number(lat)));
    out = QPointF(lon, lat);
    return true;
}

bool Reader::number(const QJsonObject &o, QStringView key, double &out, double minimum, double maximum,
                    const QString &place)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
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

bool Reader::readNarrative(const QJsonValue &value, Brief &brief)
{
    const QString place = QStringLiteral("narrative");
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isObject())
        return fail(place, tr("must be an object {\"source\", \"paragraphs\"}"));
    const QJsonObject o = value.toObject();
    ignoreUnknown(o, {u"source", u"paragraphs"}, place);
    if (!optionalString(o, u"source", brief.narrativeSource, place))
        return false;
    const QJsonValue paragraphs = o.value(u"paragraphs");
    if (paragraphs.isUndefined() || paragraphs.isNull())
        return true;
    if (!paragraphs.isArray())
        return fail(place, tr("\"paragraphs\" must be an array of strings"));
    const QJsonArray array = paragraphs.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString())
            return fail(place, tr("\"paragraphs\"[%1] must be a string").arg(i));
        brief.paragraphs << array.at(i).toString();
    }
    return true;
}

bool Reader::readSources(const QJsonValue &value, QList<Source> &out, const QString &place)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isArray())
        return fail(place, tr("\"noteSources\" must be an array of {\"title\", \"publisher\", \"url\", \"date\"}"));
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("%1: noteSources[%2]").arg(place, num(i));
        if (!array.at(i).isObject())
            return fail(where, tr("must be an object {\"title\", \"publisher\", \"url\", \"date\"}"));
        const QJsonObject o = array.at(i).toObject();
        ignoreUnknown(o, {u"title", u"publisher", u"url", u"date"}, where);
        Source s;
        if (!requiredString(o, u"title", s.title, where) || !optionalString(o, u"publisher", s.publisher, where)
            || !optionalString(o, u"url", s.url, where))
            return false;
        const QJsonValue date = o.value(u"date");
        if (date.isDouble() && date.toDouble() == std::floor(date.toDouble()))
            s.date = QString::number(date.toInteger()); // "date": 2025
        else if (!optionalString(o, u"date", s.date, where))
            return false;
        out << s;
    }
    return true;
}

bool Reader::readClaim(const QJsonValue &value, qsizetype index, const Brief &brief, Claim &claim)
{
    QString place = QStringLiteral("claims[%1]").arg(index);
    if (!value.isObject())
        return fail(place, tr("must be an object {\"id\", \"paragraph\", \"sentence\", \"text\", \"stance\", …}"));
    const QJsonObject o = value.toObject();
    if (!requiredString(o, u"id", claim.id, place))
        return false;
    place = QStringLiteral("claims[%1] (%2)").arg(num(index), claim.id);
    ignoreUnknown(o,
                  {u"id", u"paragraph", u"sentence", u"text", u"stance", u"regions", u"groups", u"features", u"topics",
                   u"note", u"noteSources", u"confidence", u"cues"},
                  place);

    if (!wholeNumber(o, u"paragraph", claim.paragraph, 0, std::numeric_limits<int>::max(), place)
        || !wholeNumber(o, u"sentence", claim.sentence, 0, std::numeric_limits<int>::max(), place))
        return false;
    if (brief.paragraphs.isEmpty())
        return fail(place, tr("\"paragraph\" is %1, but the narrative has no paragraphs").arg(num(claim.paragraph)));
    if (claim.paragraph >= brief.paragraphs.size()) {
        return fail(place, tr("\"paragraph\" is %1, but the last paragraph of the narrative is %2")
                               .arg(num(claim.paragraph), num(brief.paragraphs.size() - 1)));
    }
    const int sentences = sentencesOf(brief, claim.paragraph);
    if (sentences == 0)
        return fail(place, tr("\"paragraph\" is %1, but that paragraph is empty").arg(num(claim.paragraph)));
    if (claim.sentence >= sentences) {
        return fail(place, tr("\"sentence\" is %1, but the last sentence of paragraph %2 is %3")
                               .arg(num(claim.sentence), num(claim.paragraph), num(sentences - 1)));
    }
    if (!requiredString(o, u"text", claim.text, place))
        return false;
    // The narrative may have been edited after the claims were made: worth saying, not refusing.
    if (!containsUtf8(utf8Of(brief, claim.paragraph), claim.text.toUtf8()))
        warnings << joined(place, tr("the text is not in paragraph %1 of the narrative").arg(claim.paragraph));

    const QJsonValue stance = o.value(u"stance");
    const std::optional<Stance> parsed = stanceFromKey(stance.toString());
    if (!stance.isString() || !parsed) {
        const QString actual = stance.isUndefined() ? tr("missing")
                               : stance.isString()  ? tr("it is \"%1\"").arg(stance.toString())
                                                    : tr("it is not a string");
        return fail(place, tr("\"stance\" must be one of cooperation, rivalry, context (%1)").arg(actual));
    }
    claim.stance = *parsed;

    return stringList(o, u"regions", claim.regions, place) && stringList(o, u"groups", claim.groups, place)
           && stringList(o, u"features", claim.features, place) && stringList(o, u"topics", claim.topics, place)
           && optionalString(o, u"note", claim.note, place)
           && readSources(o.value(u"noteSources"), claim.noteSources, place)
           && fraction(o, u"confidence", claim.confidence, place) && stringList(o, u"cues", claim.cues, place);
}

bool Reader::readLayer(const QJsonValue &value, qsizetype index, LayerSetting &layer)
{
    QString place = QStringLiteral("layers[%1]").arg(index);
    if (!value.isObject())
        return fail(place, tr("must be an object {\"id\", \"visible\", \"opacity\"}"));
    const QJsonObject o = value.toObject();
    if (!requiredString(o, u"id", layer.id, place))
        return false;
    place = QStringLiteral("layers[%1] (%2)").arg(num(index), layer.id);
    ignoreUnknown(o, {u"id", u"visible", u"opacity"}, place);
    const QJsonValue visible = o.value(u"visible");
    if (!visible.isUndefined() && !visible.isNull()) {
        if (!visible.isBool())
            return fail(place, tr("\"visible\" must be true or false"));
        layer.visible = visible.toBool();
    }
    return fraction(o, u"opacity", layer.opacity, place);
}

bool Reader::readView(const QJsonValue &value, qsizetype index, SavedView &view)
{
    QString place = QStringLiteral("views[%1]").arg(index);
    if (!value.isObject())
        return fail(place, tr("must be an object {\"name\", \"caption\", \"projection\", \"centre\", …}"));
    const QJsonObject o = value.toObject();
    if (!requiredString(o, u"name", view.name, place))
        return false;
    place = QStringLiteral("views[%1] (%2)").arg(num(index), view.name);
    ignoreUnknown(o,
                  {u"name", u"caption", u"projection", u"centre", u"metresPerPixel", u"year", u"hiddenLayers",
                   u"layerOpacity", u"selectedRegion", u"selectedFeature", u"focusedClaim", u"hiddenAnnotations", u"charts",
                   u"legend"},
                  place);
    ViewState &state = view.state;
    if (!optionalString(o, u"caption", view.caption, place) || !requiredString(o, u"projection", state.projectionId, place))
        return false;
    // Unlike regions, the projections are part of the program: a view in an unknown one cannot be drawn.
    if (!ProjectionCatalog::find(state.projectionId)) {
        return fail(place, tr("\"projection\" must be one of %1 (it is \"%2\")")
                               .arg(ProjectionCatalog::ids().join(QStringLiteral(", ")), state.projectionId));
    }

    if (!lonLat(o.value(u"centre"), u"centre", state.centre, place))
        return false;

    const QJsonValue scale = o.value(u"metresPerPixel");
    if (!scale.isDouble() || !(scale.toDouble() > 0.0) || !std::isfinite(scale.toDouble())) {
        const QString actual = scale.isDouble() ? QString::number(scale.toDouble()) : tr("not a number");
        return fail(place, tr("\"metresPerPixel\" must be a number greater than 0 (it is %1)").arg(actual));
    }
    state.metresPerPixel = ViewLimits::clampedScale(scale.toDouble());
    // A scale out of range is a typo or a hostile file, not a reason to lose the brief: drawn in range.
    if (state.metresPerPixel != scale.toDouble()) {
        warnings << joined(place, tr("\"metresPerPixel\" %1 is outside [%2, %3]; the view is drawn at %4")
                                      .arg(QString::number(scale.toDouble()), QString::number(ViewLimits::kMinMetresPerPixel),
                                           QString::number(ViewLimits::kMaxMetresPerPixel),
                                           QString::number(state.metresPerPixel)));
    }

    const QJsonValue opacity = o.value(u"layerOpacity");
    if (!opacity.isUndefined()) {
        if (!opacity.isObject())
            return fail(place, tr("\"layerOpacity\" must be an object of layer id → opacity"));
        const QJsonObject byLayer = opacity.toObject();
        for (auto it = byLayer.begin(); it != byLayer.end(); ++it) {
            const double value = it.value().toDouble(-1.0);
            if (!it.value().isDouble() || value < 0.0 || value > 1.0)
                return fail(place, tr("\"layerOpacity\": \"%1\" must be a number from 0 to 1").arg(it.key()));
            state.layerOpacity.insert(it.key(), value);
        }
    }
    if (const QJsonValue legend = o.value(u"legend"); !legend.isUndefined()) {
        const QJsonObject l = legend.toObject();
        const auto corner = cornerNamed(l.value(u"corner").toString(u"bottom-left"_s));
        if (!legend.isObject() || !corner || (l.contains(u"collapsed") && !l.value(u"collapsed").isBool()))
            return fail(place, tr("\"legend\" must be {\"corner\": \"bottom-left\", \"bottom-right\", \"top-left\" or "
                                  "\"top-right\", \"collapsed\": true or false}"));
        state.legendCorner = *corner;
        state.legendCollapsed = l.value(u"collapsed").toBool(false);
    }
    // Unlike layers, the charts are part of the program: an unknown id is a typo or a newer file.
    if (!stringList(o, u"charts", view.charts, place))
        return false;
    for (const QString &id : std::as_const(view.charts)) {
        if (!SavedView::isChartId(id)) {
            QStringList known;
            for (QStringView k : SavedView::kChartIds)
                known << k.toString();
            return fail(place, tr("\"charts\": \"%1\" is not a chart; choose from %2").arg(id, known.join(QStringLiteral(", "))));
        }
        if (view.charts.count(id) > 1)
            return fail(place, tr("\"charts\": \"%1\" is listed twice").arg(id));
    }
    return wholeNumber(o, u"year", state.year, kMinYear, kMaxYear, place)
           && stringList(o, u"hiddenLayers", state.hiddenLayers, place)
           && stringList(o, u"hiddenAnnotations", state.hiddenAnnotations, place)
           && optionalString(o, u"selectedRegion", state.selectedRegion, place)
           && optionalString(o, u"selectedFeature", state.selectedFeature, place)
           && optionalString(o, u"focusedClaim", view.focusedClaim, place);
}

bool Reader::readAnnotation(const QJsonValue &value, qsizetype index, Annotation &a)
{
    QString place = QStringLiteral("annotations[%1]").arg(index);
    if (!value.isObject())
        return fail(place, tr("must be an object {\"id\", \"kind\", \"text\", \"anchor\", …}"));
    const QJsonObject o = value.toObject();
    if (!requiredString(o, u"id", a.id, place))
        return false;
    place = QStringLiteral("annotations[%1] (%2)").arg(num(index), a.id);
    ignoreUnknown(o,
                  {u"id", u"kind", u"text", u"anchor", u"tail", u"points", u"region", u"textOffset", u"colour",
                   u"textSize"},
                  place);
    QString kind;
    if (!requiredString(o, u"kind", kind, place))
        return false;
    const auto parsedKind = Annotation::kindFromKey(kind);
    if (!parsedKind)
        return fail(place, tr("\"kind\" must be callout, arrow, pin, area or region (it is \"%1\")").arg(kind));
    a.kind = *parsedKind;
    if (!optionalString(o, u"text", a.text, place))
        return false;

    switch (a.kind) {
    case Annotation::Kind::Callout:
        if (a.text.trimmed().isEmpty())
            return fail(place, tr("a callout needs a \"text\""));
        [[fallthrough]];
    case Annotation::Kind::Pin:
        if (!lonLat(o.value(u"anchor"), u"anchor", a.anchor, place))
            return false;
        break;
    case Annotation::Kind::Arrow:
        if (!lonLat(o.value(u"tail"), u"tail", a.tail, place) || !lonLat(o.value(u"anchor"), u"anchor", a.anchor, place))
            return false;
        break;
    case Annotation::Kind::Area: {
        const QJsonArray points = o.value(u"points").toArray();
        if (!o.value(u"points").isArray() || points.size() < 3 || points.size() > BriefReader::kMaxAreaPoints) {
            return fail(place, tr("\"points\" must be an array of 3 to %1 [longitude, latitude] pairs")
                                   .arg(num(BriefReader::kMaxAreaPoints)));
        }
        for (qsizetype i = 0; i < points.size(); ++i) {
            QPointF p;
            if (!lonLat(points.at(i), QStringLiteral("points[%1]").arg(i), p, place))
                return false;
            a.points << p;
        }
        break;
    }
    case Annotation::Kind::Region:
        if (!requiredString(o, u"region", a.region, place))
            return false;
        break;
    }

    const QJsonValue offset = o.value(u"textOffset");
    if (!offset.isUndefined() && !offset.isNull()) {
        const QJsonArray pair = offset.toArray();
        constexpr double kFar = 2000.0; // pixels: further than any screen from its anchor
        if (!offset.isArray() || pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isDouble()
            || !(std::abs(pair.at(0).toDouble()) <= kFar) || !(std::abs(pair.at(1).toDouble()) <= kFar))
            return fail(place, tr("\"textOffset\" must be [x, y] in pixels, each from -2000 to 2000"));
        a.textOffset = QPointF(pair.at(0).toDouble(), pair.at(1).toDouble());
    }
    QString colour;
    if (!optionalString(o, u"colour", colour, place))
        return false;
    if (!colour.isEmpty()) {
        static const QRegularExpression hex(QStringLiteral("^#[0-9a-fA-F]{6}$"));
        if (!hex.match(colour).hasMatch())
            return fail(place, tr("\"colour\" must be \"#rrggbb\" (it is \"%1\")").arg(colour));
        a.colour = colour.toLower();
    }
    return number(o, u"textSize", a.textSize, 6.0, 72.0, place);
}

bool Reader::readBrief(const QJsonObject &top, Brief &brief)
{
    // The version first: a newer file may look different in every other respect.
    const QJsonValue version = top.value(u"schemaVersion");
    if (version.isUndefined() || version.isNull()) {
        return fail({}, tr("\"schemaVersion\" is missing; this is not a Spheres brief (this version reads schema %1)")
                            .arg(Brief::kSchemaVersion));
    }
    const double v = version.toDouble(-1.0);
    if (!version.isDouble() || v != std::floor(v) || v < 1) {
        const QString actual = version.isDouble() ? QString::number(v) : tr("not a number");
        return fail({}, tr("\"schemaVersion\" must be a whole number from 1 (it is %1)").arg(actual));
    }
    if (v > Brief::kSchemaVersion) {
        return fail({}, tr("written by a newer Spheres (schema %1); this version reads schema %2")
                            .arg(QString::number(v), num(Brief::kSchemaVersion)));
    }

    ignoreUnknown(top,
                  {u"schemaVersion", u"title", u"author", u"date", u"narrative", u"claims", u"layers", u"views",
                   u"annotations"},
                  {});
    if (!optionalString(top, u"title", brief.title, {}) || !optionalString(top, u"author", brief.author, {}))
        return false;
    QString date;
    if (!optionalString(top, u"date", date, {}))
        return false;
    if (!date.isEmpty()) {
        brief.date = QDate::fromString(date, Qt::ISODate);
        if (!brief.date.isValid() || date.size() != 10)
            return fail({}, tr("\"date\" must be a date \"YYYY-MM-DD\" (it is \"%1\")").arg(date));
    }
    if (!readNarrative(top.value(u"narrative"), brief))
        return false;

    const auto array = [&](QStringView key, QJsonArray &out) {
        const QJsonValue value = top.value(key);
        if (value.isUndefined() || value.isNull())
            return true;
        if (!value.isArray())
            return fail({}, tr("\"%1\" must be an array").arg(key.toString()));
        out = value.toArray();
        return true;
    };
    QJsonArray claims, layers, views, annotations;
    if (!array(u"claims", claims) || !array(u"layers", layers) || !array(u"views", views)
        || !array(u"annotations", annotations))
        return false;
    if (annotations.size() > BriefReader::kMaxAnnotations) {
        return fail({}, tr("the brief has %1 annotations; Spheres reads at most %2")
                            .arg(num(annotations.size()), num(BriefReader::kMaxAnnotations)));
    }
    if (claims.size() > BriefReader::kMaxClaims) {
        return fail({}, tr("the brief has %1 claims; Spheres reads at most %2")
                            .arg(num(claims.size()), num(BriefReader::kMaxClaims)));
    }

    QHash<QString, qsizetype> claimIndex;
    for (qsizetype i = 0; i < claims.size(); ++i) {
        Claim claim;
        if (!readClaim(claims.at(i), i, brief, claim))
            return false;
        if (claimIndex.contains(claim.id)) {
            return fail(QStringLiteral("claims[%1] (%2)").arg(num(i), claim.id),
                        tr("the id is used before, by claims[%1]").arg(claimIndex.value(claim.id)));
        }
        claimIndex.insert(claim.id, i);
        brief.claims << claim;
    }

    QHash<QString, qsizetype> layerIndex;
    for (qsizetype i = 0; i < layers.size(); ++i) {
        LayerSetting layer;
        if (!readLayer(layers.at(i), i, layer))
            return false;
        if (layerIndex.contains(layer.id)) {
            return fail(QStringLiteral("layers[%1] (%2)").arg(num(i), layer.id),
                        tr("the layer is listed before, at layers[%1]").arg(layerIndex.value(layer.id)));
        }
        layerIndex.insert(layer.id, i);
        brief.layers << layer;
    }

    QHash<QString, qsizetype> annotationIndex;
    for (qsizetype i = 0; i < annotations.size(); ++i) {
        Annotation annotation;
        if (!readAnnotation(annotations.at(i), i, annotation))
            return false;
        if (annotationIndex.contains(annotation.id)) {
            return fail(QStringLiteral("annotations[%1] (%2)").arg(num(i), annotation.id),
                        tr("the id is used before, by annotations[%1]").arg(annotationIndex.value(annotation.id)));
        }
        annotationIndex.insert(annotation.id, i);
        brief.annotations << annotation;
    }

    for (qsizetype i = 0; i < views.size(); ++i) {
        SavedView view;
        if (!readView(views.at(i), i, view))
            return false;
        if (!view.focusedClaim.isEmpty() && !claimIndex.contains(view.focusedClaim)) {
            warnings << tr("views[%1] (%2): \"focusedClaim\" \"%3\" is not a claim of this brief")
                            .arg(num(i), view.name, view.focusedClaim);
        }
        for (const QString &id : std::as_const(view.state.hiddenAnnotations)) {
            if (!annotationIndex.contains(id)) {
                warnings << tr("views[%1] (%2): \"hiddenAnnotations\" names \"%3\", which is not an annotation of this brief")
                                .arg(num(i), view.name, id);
            }
        }
        brief.views << view;
    }
    return true;
}

// --- Writing -------------------------------------------------------------------------------------

void appendEscaped(const QByteArray &utf8, QByteArray &out);

/// A JSON value whose object members keep the order they were added in (QJsonObject sorts them).
struct Node
{
    enum class Kind { Scalar, Array, Object };
    Kind kind = Kind::Scalar;
    QByteArray scalar;          ///< encoded JSON text
    std::vector<QString> keys;  ///< Object: member names, parallel to `children`
    std::vector<Node> children; ///< Array items or Object values

    static Node string(const QString &s);
    static Node number(double d);
    static Node boolean(bool b) { return raw(b ? "true" : "false"); }
    static Node raw(const QByteArray &text)
    {
        Node n;
        n.scalar = text;
        return n;
    }
    static Node array() { return container(Kind::Array); }
    static Node object() { return container(Kind::Object); }
    static Node strings(const QStringList &list)
    {
        Node n = array();
        for (const QString &s : list)
            n.children.push_back(string(s));
        return n;
    }
    static Node container(Kind kind)
    {
        Node n;
        n.kind = kind;
        return n;
    }

    Node &add(const QString &key, Node value)
    {
        keys.push_back(key);
        children.push_back(std::move(value));
        return *this;
    }
    Node &append(Node value)
    {
        children.push_back(std::move(value));
        return *this;
    }
};

Node Node::string(const QString &s) { return raw(BriefWriter::quoted(s)); }

/// Appends UTF-8 text as the inside of a JSON string.
void appendEscaped(const QByteArray &utf8, QByteArray &out)
{
    for (const char c : utf8) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (uchar(c) < 0x20)
                out += "\\u00" + QByteArray::number(uchar(c), 16).rightJustified(2, '0');
            else
                out += c; // UTF-8 bytes of non-ASCII characters are all >= 0x80
        }
    }
}

Node Node::number(double d)
{
    if (!std::isfinite(d))
        return raw("null"); // JSON has no NaN or infinity; the reader then refuses the member
    // The shortest text that reads back as the same double: 5200, 0.35, 1e-05.
    return raw(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
}

constexpr int kLineWidth = 100;
constexpr size_t kMaxInlineMembers = 3;

/// `[1, 2]` or `{"id": "sco", "visible": true}` when every child is a scalar or an empty
/// container; empty otherwise.
QByteArray inlineForm(const Node &node)
{
    QByteArray out = node.kind == Node::Kind::Array ? "[" : "{";
    for (size_t i = 0; i < node.children.size(); ++i) {
        const Node &child = node.children[i];
        if (child.kind != Node::Kind::Scalar && !child.children.empty())
            return {};
        if (i > 0)
            out += ", ";
        if (node.kind == Node::Kind::Object)
            out += Node::string(node.keys[i]).scalar + ": ";
        out += child.kind == Node::Kind::Scalar ? child.scalar : (child.kind == Node::Kind::Array ? "[]" : "{}");
    }
    out += node.kind == Node::Kind::Array ? "]" : "}";
    return out;
}

/// Short lists and small objects stay on one line; everything else gets one line per item, so
/// that an edit shows in a diff as the lines it changed.
void writeNode(const Node &node, int indent, int column, QByteArray &out)
{
    if (node.kind == Node::Kind::Scalar) {
        out += node.scalar;
        return;
    }
    const bool isArray = node.kind == Node::Kind::Array;
    if (node.children.empty()) {
        out += isArray ? "[]" : "{}";
        return;
    }
    if (isArray || (indent > 0 && node.children.size() <= kMaxInlineMembers)) {
        const QByteArray line = inlineForm(node);
        if (!line.isEmpty() && column + line.size() <= kLineWidth) {
            out += line;
            return;
        }
    }
    out += isArray ? "[\n" : "{\n";
    const QByteArray pad(indent + 2, ' ');
    for (size_t i = 0; i < node.children.size(); ++i) {
        out += pad;
        int childColumn = indent + 2;
        if (!isArray) {
            const QByteArray key = Node::string(node.keys[i]).scalar + ": ";
            out += key;
            childColumn += int(key.size());
        }
        writeNode(node.children[i], indent + 2, childColumn, out);
        out += i + 1 < node.children.size() ? ",\n" : "\n";
    }
    out += QByteArray(indent, ' ');
    out += isArray ? "]" : "}";
}

Node claimNode(const Claim &c)
{
    Node n = Node::object();
    n.add(QStringLiteral("id"), Node::string(c.id))
        .add(QStringLiteral("paragraph"), Node::number(c.paragraph))
        .add(QStringLiteral("sentence"), Node::number(c.sentence))
        .add(QStringLiteral("text"), Node::string(c.text))
        .add(QStringLiteral("stance"), Node::string(stanceKey(c.stance)));
    const auto list = [&n](const QString &key, const QStringList &values) {
        if (!values.isEmpty())
            n.add(key, Node::strings(values));
    };
    list(QStringLiteral("regions"), c.regions);
    list(QStringLiteral("groups"), c.groups);
    list(QStringLiteral("features"), c.features);
    list(QStringLiteral("topics"), c.topics);
    if (!c.note.isEmpty())
        n.add(QStringLiteral("note"), Node::string(c.note));
    if (!c.noteSources.isEmpty()) {
        Node sources = Node::array();
        for (const Source &s : c.noteSources) {
            Node source = Node::object();
            source.add(QStringLiteral("title"), Node::string(s.title));
            if (!s.publisher.isEmpty())
                source.add(QStringLiteral("publisher"), Node::string(s.publisher));
            if (!s.url.isEmpty())
                source.add(QStringLiteral("url"), Node::string(s.url));
            if (!s.date.isEmpty())
                source.add(QStringLiteral("date"), Node::string(s.date));
            sources.append(std::move(source));
        }
        n.add(QStringLiteral("noteSources"), std::move(sources));
    }
    n.add(QStringLiteral("confidence"), Node::number(c.confidence));
    list(QStringLiteral("cues"), c.cues);
    return n;
}

Node viewNode(const SavedView &v)
{
    // size, styleScale and hoveredRegion belong to the window or the export, not to the brief.
    const ViewState &s = v.state;
    Node n = Node::object();
    n.add(QStringLiteral("name"), Node::string(v.name));
    if (!v.caption.isEmpty())
        n.add(QStringLiteral("caption"), Node::string(v.caption));
    n.add(QStringLiteral("projection"), Node::string(s.projectionId))
        .add(QStringLiteral("centre"), Node::array().append(Node::number(s.centre.x())).append(Node::number(s.centre.y())))
        .add(QStringLiteral("metresPerPixel"), Node::number(s.metresPerPixel))
        .add(QStringLiteral("year"), Node::number(s.year));
    if (!s.hiddenLayers.isEmpty())
        n.add(QStringLiteral("hiddenLayers"), Node::strings(s.hiddenLayers));
    if (!s.layerOpacity.isEmpty()) {
        Node opacity = Node::object();
        QStringList ids = s.layerOpacity.keys();
        ids.sort(); // stable output: files diff cleanly
        for (const QString &id : ids)
            opacity.add(id, Node::number(s.layerOpacity.value(id)));
        n.add(QStringLiteral("layerOpacity"), std::move(opacity));
    }
    if (!s.selectedRegion.isEmpty())
        n.add(QStringLiteral("selectedRegion"), Node::string(s.selectedRegion));
    if (!s.selectedFeature.isEmpty())
        n.add(QStringLiteral("selectedFeature"), Node::string(s.selectedFeature));
    if (!v.focusedClaim.isEmpty())
        n.add(QStringLiteral("focusedClaim"), Node::string(v.focusedClaim));
    if (!v.charts.isEmpty())
        n.add(QStringLiteral("charts"), Node::strings(v.charts));
    if (!s.hiddenAnnotations.isEmpty())
        n.add(QStringLiteral("hiddenAnnotations"), Node::strings(s.hiddenAnnotations));
    if (s.legendCorner != ViewState().legendCorner || s.legendCollapsed) {
        Node legend = Node::object();
        legend.add(QStringLiteral("corner"), Node::string(cornerName(s.legendCorner)));
        if (s.legendCollapsed)
            legend.add(QStringLiteral("collapsed"), Node::boolean(true));
        n.add(QStringLiteral("legend"), std::move(legend));
    }
    return n;
}

Node lonLatNode(QPointF p) { return Node::array().append(Node::number(p.x())).append(Node::number(p.y())); }

Node annotationNode(const Annotation &a)
{
    Node n = Node::object();
    n.add(QStringLiteral("id"), Node::string(a.id)).add(QStringLiteral("kind"), Node::string(Annotation::kindKey(a.kind)));
    if (!a.text.isEmpty())
        n.add(QStringLiteral("text"), Node::string(a.text));
    switch (a.kind) {
    case Annotation::Kind::Callout:
    case Annotation::Kind::Pin: n.add(QStringLiteral("anchor"), lonLatNode(a.anchor)); break;
    case Annotation::Kind::Arrow:
        n.add(QStringLiteral("tail"), lonLatNode(a.tail)).add(QStringLiteral("anchor"), lonLatNode(a.anchor));
        break;
    case Annotation::Kind::Area: {
        Node points = Node::array();
        for (QPointF p : a.points)
            points.append(lonLatNode(p));
        n.add(QStringLiteral("points"), std::move(points));
        break;
    }
    case Annotation::Kind::Region: n.add(QStringLiteral("region"), Node::string(a.region)); break;
    }
    if (a.textOffset)
        n.add(QStringLiteral("textOffset"), lonLatNode(*a.textOffset));
    n.add(QStringLiteral("colour"), Node::string(a.colour))
        .add(QStringLiteral("textSize"), Node::number(a.textSize));
    return n;
}

} // namespace

BriefReader::Result BriefReader::read(const QByteArray &json, const QString &sourceName)
{
    Result result;
    const auto fail = [&](const QString &what) {
        result.error = QStringLiteral("%1: %2").arg(sourceName, what);
        result.warnings.clear();
        return result;
    };
    if (json.size() > kMaxFileBytes)
        return fail(tr("the file is larger than %1 MiB").arg(kMaxFileBytes / (1024 * 1024)));
    if (const auto refused = JsonLimits::check(json, JsonLimits::kMaxDepth, kMaxFileBytes))
        return fail(*refused);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(tr("not valid JSON at byte %1: %2").arg(num(parseError.offset), parseError.errorString()));
    if (!doc.isObject())
        return fail(tr("not a Spheres brief (the top level is not an object)"));
    const QJsonObject top = doc.object();
    QString path;
    if (hasOverlongString(top, path)) {
        if (path.startsWith(u'.'))
            path.remove(0, 1);
        path = path.trimmed();
        return fail(tr("%1: a string is longer than %2 characters").arg(path, num(kMaxStringLength)));
    }

    Reader reader;
    if (!reader.readBrief(top, result.brief)) {
        result.brief = Brief();
        return fail(reader.error);
    }
    for (const QString &warning : std::as_const(reader.warnings))
        result.warnings << QStringLiteral("%1: %2").arg(sourceName, warning);
    return result;
}

BriefReader::Result BriefReader::readFile(const QString &path)
{
    Result result;
    const auto data = JsonLimits::readFile(path, kMaxFileBytes, result.error);
    return data ? read(*data, path) : result;
}

BriefReader::Result BriefReader::readBuiltIn()
{
    QFile file(QStringLiteral(":/briefs/") + kBuiltInName);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.error = QStringLiteral("%1: %2").arg(kBuiltInName, file.errorString());
        return result;
    }
    return read(file.readAll(), kBuiltInName);
}

QStringList BriefReader::unknownReferences(const Brief &brief, const Atlas &atlas,
                                           const QList<std::shared_ptr<const Layer>> &layers)
{
    const auto findLayer = [&layers](const QString &id) -> const Layer * {
        for (const auto &layer : layers)
            if (layer && layer->id == id)
                return layer.get();
        return nullptr;
    };
    QStringList out;
    for (qsizetype i = 0; i < brief.claims.size(); ++i) {
        const Claim &c = brief.claims.at(i);
        const QString place = QStringLiteral("claims[%1] (%2)").arg(num(i), c.id);
        for (const QString &code : c.regions)
            if (!atlas.region(code))
                out << tr("%1: unknown region \"%2\"").arg(place, code);
        for (const QString &group : c.groups)
            if (!atlas.group(group))
                out << tr("%1: unknown region group \"%2\"").arg(place, group);
        for (const QString &ref : c.features) {
            const qsizetype slash = ref.indexOf(u'/');
            const QString layerId = slash < 0 ? ref : ref.left(slash);
            const Layer *layer = findLayer(layerId);
            if (!layer)
                out << tr("%1: unknown layer \"%2\"").arg(place, layerId);
            else if (slash >= 0 && !layer->feature(ref.mid(slash + 1)))
                out << tr("%1: unknown feature \"%2\"").arg(place, ref);
        }
    }
    for (qsizetype i = 0; i < brief.layers.size(); ++i) {
        const LayerSetting &l = brief.layers.at(i);
        if (!findLayer(l.id))
            out << tr("layers[%1]: unknown layer \"%2\"").arg(num(i), l.id);
    }
    for (qsizetype i = 0; i < brief.views.size(); ++i) {
        const SavedView &v = brief.views.at(i);
        const QString place = QStringLiteral("views[%1] (%2)").arg(num(i), v.name);
        if (!v.state.selectedRegion.isEmpty() && !atlas.region(v.state.selectedRegion))
            out << tr("%1: unknown region \"%2\"").arg(place, v.state.selectedRegion);
        for (const QString &id : v.state.hiddenLayers)
            if (!findLayer(id))
                out << tr("%1: unknown layer \"%2\"").arg(place, id);
    }
    for (qsizetype i = 0; i < brief.annotations.size(); ++i) {
        const Annotation &a = brief.annotations.at(i);
        if (a.kind == Annotation::Kind::Region && !atlas.region(a.region))
            out << tr("annotations[%1] (%2): unknown region \"%3\"").arg(num(i), a.id, a.region);
    }
    return out;
}

QByteArray BriefWriter::quoted(const QString &s)
{
    QByteArray out;
    out.reserve(s.size() + 2);
    out += '"';
    // A lone surrogate ("\ud800" is valid JSON) has no UTF-8 form: toUtf8() would write "?" and the
    // brief would not read back equal. It is written as the escape it was read from.
    qsizetype from = 0;
    for (qsizetype i = 0; i <= s.size(); ++i) {
        if (i < s.size()) {
            const QChar c = s.at(i);
            if (c.isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate()) {
                ++i;
                continue;
            }
            if (!c.isSurrogate())
                continue;
        }
        appendEscaped(QStringView(s).sliced(from, i - from).toUtf8(), out);
        if (i < s.size())
            out += "\\u" + QByteArray::number(s.at(i).unicode(), 16);
        from = i + 1;
    }
    out += '"';
    return out;
}

QByteArray BriefWriter::toJson(const Brief &brief)
{
    Node top = Node::object();
    top.add(QStringLiteral("schemaVersion"), Node::number(Brief::kSchemaVersion));
    if (!brief.title.isEmpty())
        top.add(QStringLiteral("title"), Node::string(brief.title));
    if (!brief.author.isEmpty())
        top.add(QStringLiteral("author"), Node::string(brief.author));
    if (brief.date.isValid())
        top.add(QStringLiteral("date"), Node::string(brief.date.toString(Qt::ISODate)));
    if (!brief.narrativeSource.isEmpty() || !brief.paragraphs.isEmpty()) {
        Node narrative = Node::object();
        if (!brief.narrativeSource.isEmpty())
            narrative.add(QStringLiteral("source"), Node::string(brief.narrativeSource));
        if (!brief.paragraphs.isEmpty())
            narrative.add(QStringLiteral("paragraphs"), Node::strings(brief.paragraphs));
        top.add(QStringLiteral("narrative"), std::move(narrative));
    }
    if (!brief.claims.isEmpty()) {
        Node claims = Node::array();
        for (const Claim &c : brief.claims)
            claims.append(claimNode(c));
        top.add(QStringLiteral("claims"), std::move(claims));
    }
    if (!brief.layers.isEmpty()) {
        Node layers = Node::array();
        for (const LayerSetting &l : brief.layers) {
            layers.append(Node::object()
                              .add(QStringLiteral("id"), Node::string(l.id))
                              .add(QStringLiteral("visible"), Node::boolean(l.visible))
                              .add(QStringLiteral("opacity"), Node::number(l.opacity)));
        }
        top.add(QStringLiteral("layers"), std::move(layers));
    }
    if (!brief.views.isEmpty()) {
        Node views = Node::array();
        for (const SavedView &v : brief.views)
            views.append(viewNode(v));
        top.add(QStringLiteral("views"), std::move(views));
    }
    if (!brief.annotations.isEmpty()) {
        Node annotations = Node::array();
        for (const Annotation &a : brief.annotations)
            annotations.append(annotationNode(a));
        top.add(QStringLiteral("annotations"), std::move(annotations));
    }
    QByteArray out;
    writeNode(top, 0, 0, out);
    out += '\n';
    return out;
}

QString BriefWriter::save(const Brief &brief, const QString &path, QByteArray *written)
{
    const QByteArray json = toJson(brief);
    // Refuse to write what could not be opened again: the user would lose the brief.
    const BriefReader::Result check = BriefReader::read(json, path);
    if (!check.ok()) {
        const QString reason = check.error.mid(path.size() + 2);
        return QStringLiteral("%1: %2").arg(path, trWriter("not saved, because it would not read back: %1").arg(reason));
    }
    const QString error = AtomicFile::save(path, json);
    if (error.isEmpty() && written)
        *written = json;
    return error;
}

} // namespace spheres
