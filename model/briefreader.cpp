#include "briefio.h"

#include "briefsections.h"
#include "jsonfields.h"
#include "jsonlimits.h"
#include "sentencesplitter.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <cstring>
#include <limits>

namespace spheres {

namespace {

QString num(qint64 n) { return QString::number(n); }

const QString kBuiltInName = QStringLiteral("china-russia.spheres.json");
constexpr int kNoLimit = std::numeric_limits<int>::max();

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
                path = BriefReader::tr(" (a member name)"); // a place of its own, after the object's
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

/// "claims[3] (c4)": the place of an item in messages.
QString itemPlace(const char *section, qsizetype index, const QString &id)
{
    return QStringLiteral("%1[%2] (%3)").arg(QLatin1StringView(section), num(index), id);
}

/// The arrays of a brief, as given (missing ones empty).
struct Sections
{
    QJsonArray claims, layers, views, annotations, userLayers;
};

/// Reads one document into a brief. Messages are "place: what"; BriefReader::read() puts the file
/// name in front.
/// Its messages are the reader's: without this, tr() here would be JsonFields'.
class BriefParser : public JsonFields
{
    Q_DECLARE_TR_FUNCTIONS(BriefReader)

public:
    bool readBrief(const QJsonObject &top, Brief &brief);

private:
    bool readVersion(const QJsonObject &top);
    bool readHeading(const QJsonObject &top, Brief &brief);
    bool readNarrative(const QJsonValue &value, Brief &brief);
    bool readSections(const QJsonObject &top, Sections &sections);
    bool readClaim(const QJsonValue &value, qsizetype index, const Brief &brief, Claim &claim);
    bool readClaimText(const QJsonObject &o, const Brief &brief, Claim &claim, const QString &place);
    bool readStance(const QJsonObject &o, Claim &claim, const QString &place);
    bool readLayer(const QJsonValue &value, qsizetype index, LayerSetting &layer);
    bool readViews(const QJsonArray &views, Brief &brief);
    bool readUserLayers(const QJsonArray &array, Brief &brief);
    /// Reads every item of `array` (brief section `section`) with `readItem`; an id used twice
    /// is refused with `usedBefore` ("… by claims[%1]").
    template<typename T, typename ReadItem>
    bool readUnique(const QJsonArray &array, const char *section, const QString &usedBefore, ReadItem readItem,
                    QList<T> &out);

    /// Per paragraph, worked out once: any number of claims may point at the same long paragraph.
    int sentencesOf(const Brief &brief, int paragraph);
    const QByteArray &utf8Of(const Brief &brief, int paragraph);
    QHash<int, int> m_sentenceCounts;
    QHash<int, QByteArray> m_utf8;
};

int BriefParser::sentencesOf(const Brief &brief, int paragraph)
{
    // The linker numbers sentences with SentenceSplitter; the reader counts them the same way.
    auto it = m_sentenceCounts.constFind(paragraph);
    if (it == m_sentenceCounts.constEnd())
        it = m_sentenceCounts.insert(paragraph, int(SentenceSplitter::sentences(brief.paragraphs.at(paragraph)).size()));
    return *it;
}

const QByteArray &BriefParser::utf8Of(const Brief &brief, int paragraph)
{
    auto it = m_utf8.constFind(paragraph);
    if (it == m_utf8.constEnd())
        it = m_utf8.insert(paragraph, brief.paragraphs.at(paragraph).toUtf8());
    return *it;
}

bool BriefParser::readVersion(const QJsonObject &top)
{
    // The version first: a newer file may look different in every other respect.
    if (!isGiven(top.value(u"schemaVersion"))) {
        return fail({}, tr("\"schemaVersion\" is missing; this is not a Spheres brief (this version reads schema %1)")
                            .arg(Brief::kSchemaVersion));
    }
    int version = 0;
    if (!wholeNumber(top, u"schemaVersion", version, 1, kNoLimit, {}))
        return false;
    if (version > Brief::kSchemaVersion) {
        return fail({}, tr("written by a newer Spheres (schema %1); this version reads schema %2")
                            .arg(num(version), num(Brief::kSchemaVersion)));
    }
    return true;
}

bool BriefParser::readHeading(const QJsonObject &top, Brief &brief)
{
    QString date;
    if (!optionalString(top, u"title", brief.title, {}) || !optionalString(top, u"author", brief.author, {})
        || !optionalString(top, u"date", date, {}))
        return false;
    if (date.isEmpty())
        return true;
    brief.date = QDate::fromString(date, Qt::ISODate);
    if (!brief.date.isValid() || date.size() != 10)
        return fail({}, tr("\"date\" must be a date \"YYYY-MM-DD\" (it is \"%1\")").arg(date));
    return true;
}

bool BriefParser::readNarrative(const QJsonValue &value, Brief &brief)
{
    const QString place = QStringLiteral("narrative");
    if (!isGiven(value))
        return true;
    if (!value.isObject())
        return fail(place, tr("must be an object {\"source\", \"paragraphs\"}"));
    const QJsonObject o = value.toObject();
    ignoreUnknown(o, {u"source", u"paragraphs"}, place);
    if (!optionalString(o, u"source", brief.narrativeSource, place))
        return false;
    const QJsonValue paragraphs = o.value(u"paragraphs");
    if (!isGiven(paragraphs))
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

bool BriefParser::readSections(const QJsonObject &top, Sections &sections)
{
    for (auto [key, out] : {std::pair{u"claims", &sections.claims}, std::pair{u"layers", &sections.layers},
                            std::pair{u"views", &sections.views}, std::pair{u"annotations", &sections.annotations},
                            std::pair{u"userLayers", &sections.userLayers}}) {
        const QJsonValue value = top.value(QStringView(key));
        if (!isGiven(value))
            continue;
        if (!value.isArray())
            return fail({}, tr("\"%1\" must be an array").arg(QStringView(key).toString()));
        *out = value.toArray();
    }
    if (sections.annotations.size() > BriefReader::kMaxAnnotations) {
        return fail({}, tr("the brief has %1 annotations; Spheres reads at most %2")
                            .arg(num(sections.annotations.size()), num(BriefReader::kMaxAnnotations)));
    }
    if (sections.userLayers.size() > BriefReader::kMaxUserLayers) {
        return fail({}, tr("the brief has %1 user layers; Spheres reads at most %2")
                            .arg(num(sections.userLayers.size()), num(BriefReader::kMaxUserLayers)));
    }
    if (sections.claims.size() > BriefReader::kMaxClaims) {
        return fail({}, tr("the brief has %1 claims; Spheres reads at most %2")
                            .arg(num(sections.claims.size()), num(BriefReader::kMaxClaims)));
    }
    return true;
}

bool BriefParser::readClaimText(const QJsonObject &o, const Brief &brief, Claim &claim, const QString &place)
{
    if (!wholeNumber(o, u"paragraph", claim.paragraph, 0, kNoLimit, place)
        || !wholeNumber(o, u"sentence", claim.sentence, 0, kNoLimit, place))
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
        warn(place, tr("the text is not in paragraph %1 of the narrative").arg(claim.paragraph));
    return true;
}

bool BriefParser::readStance(const QJsonObject &o, Claim &claim, const QString &place)
{
    const QJsonValue stance = o.value(u"stance");
    const std::optional<Stance> parsed = stanceFromKey(stance.toString());
    if (stance.isString() && parsed) {
        claim.stance = *parsed;
        return true;
    }
    const QString actual = stance.isUndefined() ? tr("missing")
                           : stance.isString()  ? tr("it is \"%1\"").arg(stance.toString())
                                                : tr("it is not a string");
    return fail(place, tr("\"stance\" must be one of cooperation, rivalry, context (%1)").arg(actual));
}

bool BriefParser::readClaim(const QJsonValue &value, qsizetype index, const Brief &brief, Claim &claim)
{
    if (!value.isObject()) {
        return fail(QStringLiteral("claims[%1]").arg(index),
                    tr("must be an object {\"id\", \"paragraph\", \"sentence\", \"text\", \"stance\", …}"));
    }
    const QJsonObject o = value.toObject();
    if (!requiredString(o, u"id", claim.id, QStringLiteral("claims[%1]").arg(index)))
        return false;
    const QString place = itemPlace("claims", index, claim.id);
    ignoreUnknown(o,
                  {u"id", u"paragraph", u"sentence", u"text", u"stance", u"regions", u"groups", u"features", u"topics",
                   u"note", u"noteSources", u"confidence", u"cues"},
                  place);
    return readClaimText(o, brief, claim, place) && readStance(o, claim, place)
           && stringList(o, u"regions", claim.regions, place) && stringList(o, u"groups", claim.groups, place)
           && stringList(o, u"features", claim.features, place) && stringList(o, u"topics", claim.topics, place)
           && optionalString(o, u"note", claim.note, place) && sources(o, u"noteSources", claim.noteSources, place)
           && number(o, u"confidence", claim.confidence, 0.0, 1.0, place) && stringList(o, u"cues", claim.cues, place);
}

bool BriefParser::readLayer(const QJsonValue &value, qsizetype index, LayerSetting &layer)
{
    if (!value.isObject())
        return fail(QStringLiteral("layers[%1]").arg(index), tr("must be an object {\"id\", \"visible\", \"opacity\"}"));
    const QJsonObject o = value.toObject();
    if (!requiredString(o, u"id", layer.id, QStringLiteral("layers[%1]").arg(index)))
        return false;
    const QString place = itemPlace("layers", index, layer.id);
    ignoreUnknown(o, {u"id", u"visible", u"opacity"}, place);
    const QJsonValue visible = o.value(u"visible");
    if (isGiven(visible)) {
        if (!visible.isBool())
            return fail(place, tr("\"visible\" must be true or false"));
        layer.visible = visible.toBool();
    }
    return number(o, u"opacity", layer.opacity, 0.0, 1.0, place);
}

template<typename T, typename ReadItem>
bool BriefParser::readUnique(const QJsonArray &array, const char *section, const QString &usedBefore, ReadItem readItem,
                             QList<T> &out)
{
    QHash<QString, qsizetype> indexOf;
    for (qsizetype i = 0; i < array.size(); ++i) {
        T item;
        if (!readItem(array.at(i), i, item))
            return false;
        if (const auto it = indexOf.constFind(item.id); it != indexOf.constEnd())
            return fail(itemPlace(section, i, item.id), usedBefore.arg(*it));
        indexOf.insert(item.id, i);
        out << item;
    }
    return true;
}

bool BriefParser::readViews(const QJsonArray &views, Brief &brief)
{
    // Sets, not Brief::claim(): a hostile file may name many ids in many views.
    QSet<QString> claims, annotations;
    for (const Claim &c : std::as_const(brief.claims))
        claims.insert(c.id);
    for (const Annotation &a : std::as_const(brief.annotations))
        annotations.insert(a.id);
    for (qsizetype i = 0; i < views.size(); ++i) {
        SavedView view;
        if (!BriefSections::readView(*this, views.at(i), i, view))
            return false;
        const QString place = itemPlace("views", i, view.name);
        if (!view.focusedClaim.isEmpty() && !claims.contains(view.focusedClaim))
            warn(place, tr("\"focusedClaim\" \"%1\" is not a claim of this brief").arg(view.focusedClaim));
        for (const QString &id : std::as_const(view.state.hiddenAnnotations)) {
            if (!annotations.contains(id))
                warn(place, tr("\"hiddenAnnotations\" names \"%1\", which is not an annotation of this brief").arg(id));
        }
        brief.views << view;
    }
    return true;
}

bool BriefParser::readBrief(const QJsonObject &top, Brief &brief)
{
    if (!readVersion(top))
        return false;
    ignoreUnknown(top,
                  {u"schemaVersion", u"title", u"author", u"date", u"narrative", u"claims", u"layers", u"views",
                   u"annotations", u"userLayers"},
                  {});
    Sections sections;
    if (!readHeading(top, brief) || !readNarrative(top.value(u"narrative"), brief) || !readSections(top, sections))
        return false;
    const auto claim = [&](const QJsonValue &v, qsizetype i, Claim &c) { return readClaim(v, i, brief, c); };
    const auto layer = [&](const QJsonValue &v, qsizetype i, LayerSetting &l) { return readLayer(v, i, l); };
    const auto annotation = [&](const QJsonValue &v, qsizetype i, Annotation &a) {
        return BriefSections::readAnnotation(*this, v, i, a);
    };
    return readUnique(sections.claims, "claims", tr("the id is used before, by claims[%1]"), claim, brief.claims)
           && readUnique(sections.layers, "layers", tr("the layer is listed before, at layers[%1]"), layer, brief.layers)
           && readUnique(sections.annotations, "annotations", tr("the id is used before, by annotations[%1]"), annotation,
                         brief.annotations)
           && readViews(sections.views, brief) && readUserLayers(sections.userLayers, brief);
}

bool BriefParser::readUserLayers(const QJsonArray &array, Brief &brief)
{
    for (qsizetype i = 0; i < array.size(); ++i) {
        UserLayerSource layer;
        if (!BriefSections::readUserLayer(*this, array.at(i), i, layer))
            return false;
        for (qsizetype j = 0; j < brief.userLayers.size(); ++j)
            if (brief.userLayers[j].path == layer.path && brief.userLayers[j].layerName == layer.layerName)
                return fail(itemPlace("userLayers", i, layer.path), tr("the same layer is listed before, at userLayers[%1]").arg(j));
        brief.userLayers << layer;
    }
    return true;
}

} // namespace

BriefReader::Result BriefReader::read(const QByteArray &json, const QString &sourceName)
{
    Result result;
    const auto fail = [&](const QString &what) {
        result.error = QStringLiteral("%1: %2").arg(sourceName, what);
        result.warnings.clear();
        result.brief = Brief();
        return result;
    };
    QString error;
    const auto top = JsonFields::parseObject(json, kMaxFileBytes,
                                             tr("not a Spheres brief (the top level is not an object)"), error);
    if (!top)
        return fail(error);
    QString path;
    if (hasOverlongString(*top, path)) {
        if (path.startsWith(u'.'))
            path.remove(0, 1);
        return fail(tr("%1: a string is longer than %2 characters").arg(path.trimmed(), num(kMaxStringLength)));
    }
    BriefParser parser;
    if (!parser.readBrief(*top, result.brief))
        return fail(parser.error);
    result.warnings = parser.warningsIn(sourceName);
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

namespace {

/// The layer of `layers` called `id`, or null.
const Layer *layerWithId(const QList<std::shared_ptr<const Layer>> &layers, const QString &id)
{
    for (const auto &layer : layers)
        if (layer && layer->id == id)
            return layer.get();
    return nullptr;
}

void claimReferences(const Claim &c, const QString &place, const Atlas &atlas,
                     const QList<std::shared_ptr<const Layer>> &layers, QStringList &out)
{
    for (const QString &code : c.regions)
        if (!atlas.region(code))
            out << BriefReader::tr("%1: unknown region \"%2\"").arg(place, code);
    for (const QString &group : c.groups)
        if (!atlas.group(group))
            out << BriefReader::tr("%1: unknown region group \"%2\"").arg(place, group);
    for (const QString &ref : c.features) {
        const qsizetype slash = ref.indexOf(u'/');
        const QString layerId = slash < 0 ? ref : ref.left(slash);
        const Layer *layer = layerWithId(layers, layerId);
        if (!layer)
            out << BriefReader::tr("%1: unknown layer \"%2\"").arg(place, layerId);
        else if (slash >= 0 && !layer->feature(ref.mid(slash + 1)))
            out << BriefReader::tr("%1: unknown feature \"%2\"").arg(place, ref);
    }
}

void viewReferences(const SavedView &v, const QString &place, const Atlas &atlas,
                    const QList<std::shared_ptr<const Layer>> &layers, QStringList &out)
{
    if (!v.state.selectedRegion.isEmpty() && !atlas.region(v.state.selectedRegion))
        out << BriefReader::tr("%1: unknown region \"%2\"").arg(place, v.state.selectedRegion);
    for (const QString &id : v.state.hiddenLayers)
        if (!layerWithId(layers, id))
            out << BriefReader::tr("%1: unknown layer \"%2\"").arg(place, id);
}

} // namespace

QStringList BriefReader::unknownReferences(const Brief &brief, const Atlas &atlas,
                                           const QList<std::shared_ptr<const Layer>> &layers)
{
    QStringList out;
    for (qsizetype i = 0; i < brief.claims.size(); ++i)
        claimReferences(brief.claims.at(i), itemPlace("claims", i, brief.claims.at(i).id), atlas, layers, out);
    for (qsizetype i = 0; i < brief.layers.size(); ++i) {
        if (!layerWithId(layers, brief.layers.at(i).id))
            out << tr("layers[%1]: unknown layer \"%2\"").arg(num(i), brief.layers.at(i).id);
    }
    for (qsizetype i = 0; i < brief.views.size(); ++i)
        viewReferences(brief.views.at(i), itemPlace("views", i, brief.views.at(i).name), atlas, layers, out);
    for (qsizetype i = 0; i < brief.annotations.size(); ++i) {
        const Annotation &a = brief.annotations.at(i);
        if (a.kind == Annotation::Kind::Region && !atlas.region(a.region))
            out << tr("annotations[%1] (%2): unknown region \"%3\"").arg(num(i), a.id, a.region);
    }
    return out;
}

} // namespace spheres
