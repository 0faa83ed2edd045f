#include "membershipcomparison.h"

#include "geojsonreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <set>

namespace spheres {

namespace {

QStringList stringsOf(const QJsonValue &value, bool &ok)
{
    QStringList out;
    ok = value.isArray();
    for (const QJsonValue &v : value.toArray()) {
        ok = ok && v.isString() && !v.toString().isEmpty();
        out << v.toString();
    }
    return out;
}

std::optional<MembershipComparison::Side> readSide(const QJsonObject &object, const QString &key, QString &error)
{
    const QJsonObject side = object.value(key).toObject();
    MembershipComparison::Side out;
    out.label = side.value(u"label").toString();
    bool layersOk = false, statusesOk = false;
    out.layers = stringsOf(side.value(u"layers"), layersOk);
    out.statuses = stringsOf(side.value(u"statuses"), statusesOk);
    if (out.label.isEmpty())
        error = MembershipComparison::tr("\"%1\".label must be a non-empty string").arg(key);
    else if (!layersOk || out.layers.isEmpty())
        error = MembershipComparison::tr("\"%1\".layers must be a non-empty array of layer ids").arg(key);
    else if (!statusesOk || out.statuses.isEmpty())
        error = MembershipComparison::tr("\"%1\".statuses must be a non-empty array of statuses").arg(key);
    else
        return out;
    return std::nullopt;
}

/// What one source layer says of a state: "CSTO: member 1992–1998, 2006–2011".
QString historyIn(const Layer &layer, const Feature &f)
{
    QStringList parts;
    for (const Period &p : f.details().periods)
        parts << (p.until ? QStringLiteral("%1 %2–%3").arg(p.status).arg(p.since).arg(*p.until - 1)
                          : QStringLiteral("%1 since %2").arg(p.status).arg(p.since));
    return QStringLiteral("%1: %2").arg(layer.shortName(), parts.join(QStringLiteral(", ")));
}

} // namespace

std::optional<MembershipComparison::Definition> MembershipComparison::readDefinition(const QByteArray &json,
                                                                                     const QString &sourceName,
                                                                                     QString &error)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    auto fail = [&](const QString &what) {
        error = QStringLiteral("%1: %2").arg(sourceName, what);
        return std::nullopt;
    };
    if (parse.error != QJsonParseError::NoError)
        return fail(tr("not JSON at byte %1 (%2)").arg(parse.offset).arg(parse.errorString()));
    if (!doc.isObject())
        return fail(tr("the file must hold a JSON object"));
    const QJsonObject o = doc.object();
    Definition d;
    d.id = o.value(u"id").toString();
    d.title = o.value(u"title").toString();
    d.description = o.value(u"description").toString();
    if (d.id.isEmpty() || d.title.isEmpty())
        return fail(tr("\"id\" and \"title\" must be non-empty strings"));
    QString sideError;
    const auto first = readSide(o, QStringLiteral("first"), sideError);
    const auto second = first ? readSide(o, QStringLiteral("second"), sideError) : std::nullopt;
    if (!first || !second)
        return fail(sideError);
    if (first->label == second->label)
        return fail(tr("the two sides must have different labels"));
    d.first = *first;
    d.second = *second;
    return d;
}

namespace {

using Side = MembershipComparison::Side;

/// One source layer's word on one state, on the first side or the second.
struct Entry
{
    const Layer *layer;
    const Feature *feature;
    bool first; ///< on the first side, else the second
};

/// What the source layers list, gathered by state.
struct Listings
{
    QStringList states; // ISO3 codes, in the order the source layers first list them
    QHash<QString, QList<Entry>> byState;
    QStringList otherStatuses; // statuses that count on neither side, as the sources use them
    QDate asOf;                // as new as the newest source
};

Listings gather(const MembershipComparison::Definition &d, const QList<std::shared_ptr<const Layer>> &sources)
{
    Listings out;
    for (const Side *side : {&d.first, &d.second})
        for (const QString &id : side->layers) {
            const auto it = std::find_if(sources.begin(), sources.end(), [&id](const auto &l) { return l && l->id == id; });
            if (it == sources.end())
                continue;
            const Layer &layer = **it;
            if (layer.asOf.isValid() && (!out.asOf.isValid() || layer.asOf > out.asOf))
                out.asOf = layer.asOf;
            for (const Feature &f : layer.features) {
                const QString &iso3 = f.details().iso3;
                if (iso3.isEmpty())
                    continue;
                if (!out.byState.contains(iso3))
                    out.states << iso3;
                out.byState[iso3] << Entry{&layer, &f, side == &d.first};
                for (const Period &p : f.details().periods)
                    if (!side->statuses.contains(p.status) && !out.otherStatuses.contains(p.status))
                        out.otherStatuses << p.status;
            }
        }
    return out;
}

/// The state's combined status between each two years a source status begins or ends.
QList<Period> comparedPeriods(const MembershipComparison::Definition &d, const QList<Entry> &entries)
{
    std::set<int> edges;
    for (const Entry &e : entries)
        for (const Period &p : e.feature->details().periods) {
            edges.insert(p.since);
            if (p.until)
                edges.insert(*p.until);
        }
    const Side *sides[] = {&d.first, &d.second};
    QList<Period> periods;
    for (auto edge = edges.begin(); edge != edges.end(); ++edge) {
        const int year = *edge;
        bool listed = false, in[2] = {false, false};
        for (const Entry &e : entries)
            if (const auto status = e.feature->statusIn(year)) {
                listed = true;
                const int side = e.first ? 0 : 1;
                in[side] = in[side] || sides[side]->statuses.contains(*status);
            }
        const auto next = std::next(edge);
        const std::optional<int> until = next == edges.end() ? std::nullopt : std::optional<int>(*next);
        if (!listed)
            continue;
        const QString status = in[0] && in[1] ? MembershipComparison::both()
                             : in[0]          ? MembershipComparison::only(d.first)
                             : in[1]          ? MembershipComparison::only(d.second)
                                              : MembershipComparison::neither();
        if (!periods.isEmpty() && periods.back().status == status && periods.back().until == year)
            periods.back().until = until; // the same combination goes on
        else
            periods << Period{year, until, status};
    }
    return periods;
}

} // namespace

Layer MembershipComparison::derive(const Definition &d, const QList<std::shared_ptr<const Layer>> &sources)
{
    Layer out;
    out.id = d.id;
    out.title = d.title;
    out.description = d.description;
    out.kind = LayerKind::Membership;
    out.derivedFrom = d.first.layers + d.second.layers;
    const Listings listings = gather(d, sources);
    out.asOf = listings.asOf;
    for (const QString &code : listings.states) {
        const QList<Entry> &entries = listings.byState[code];
        Feature f;
        f.id = out.id + u'-' + code;
        f.name = entries.front().feature->name;
        FeatureDetails &details = f.editDetails();
        details.iso3 = code;
        details.description = tr("%1: membership of the %2 compared with membership of the %3.")
                            .arg(f.name, d.first.label, d.second.label);
        QStringList history;
        for (const Entry &e : entries) {
            history << historyIn(*e.layer, *e.feature);
            for (const Source &s : e.feature->details().sources)
                if (!details.sources.contains(s))
                    details.sources << s;
        }
        details.note = history.join(QStringLiteral("; ")) + u'.';
        details.periods = comparedPeriods(d, entries);
        if (!details.periods.isEmpty())
            out.features << f;
    }
    out.legend = {{both(), tr("Member of both %1 and %2").arg(d.first.label, d.second.label)},
                  {only(d.first), tr("%1 member only").arg(d.first.label)},
                  {only(d.second), tr("%1 member only").arg(d.second.label)},
                  {neither(), listings.otherStatuses.isEmpty() ? tr("Member of neither")
                                                               : tr("Neither (%1)").arg(listings.otherStatuses.join(QStringLiteral(", ")))}};
    return out;
}

QStringList MembershipComparison::builtInIds() { return {QStringLiteral("sco-russia-blocs")}; }

MembershipComparison::Result MembershipComparison::readBuiltIn(const QString &id)
{
    Result result;
    const QString name = id + QStringLiteral(".comparison.json");
    if (!builtInIds().contains(id)) {
        result.error = tr("there is no built-in comparison \"%1\"").arg(id);
        return result;
    }
    QFile file(QStringLiteral(":/layers/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("%1: %2").arg(name, file.errorString());
        return result;
    }
    const auto definition = readDefinition(file.readAll(), name, result.error);
    if (!definition)
        return result;
    QList<std::shared_ptr<const Layer>> sources;
    for (const QString &layerId : definition->first.layers + definition->second.layers) {
        GeoJsonReader::Result source = GeoJsonReader::readBuiltIn(layerId);
        if (!source.ok()) {
            result.error = QStringLiteral("%1: %2").arg(name, source.error);
            return result;
        }
        sources << std::make_shared<const Layer>(std::move(source.layer));
    }
    result.layer = derive(*definition, sources);
    result.sourceLayers = definition->first.layers + definition->second.layers;
    return result;
}

} // namespace spheres
