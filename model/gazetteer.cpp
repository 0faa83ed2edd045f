#include "gazetteer.h"

#include "featurekey.h"
#include "gazetteerforms.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace spheres {

namespace {

using Kind = LinkTarget::Kind;

// Country names that are also given names: followed by a capitalised word ("Jordan Peterson",
// "Chad Smith", "Georgia Brown") they are a person's, unless that word is a name we know.
// Only names whose country reading rarely comes before a capitalised word ("Israel Defense
// Forces", "India Today" stay their states).
const QStringView kGivenNames[] = {u"Jordan", u"Chad", u"Georgia", u"Jersey", u"Jamaica"};

// Words that make a name take "the": "the United States", "the Russian Federation".
const QStringList kTheWords = {u"United"_s, u"Republic"_s, u"Kingdom"_s, u"Federation"_s, u"Union"_s,
                               u"Emirates"_s, u"States"_s, u"Islands"_s, u"Territories"_s, u"Territory"_s};

// Straight apostrophes, ASCII hyphens and spaces; one code unit for one, so offsets hold.
QString normalise(QString s)
{
    for (QChar &c : s) {
        switch (c.unicode()) {
        case 0x2019: case 0x2018: case 0x02BC: case 0x2032: c = u'\''; break;
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: c = u'-'; break;
        case 0x00A0: case 0x202F: c = u' '; break;
        default: break;
        }
    }
    return s;
}

bool isWordChar(QChar c) { return c.isLetterOrNumber(); }

bool startsWithThe(const QString &f) { return f.startsWith(u"the "_s) || f.startsWith(u"The "_s); }

// "US", "U.S.", "PRC", "BGR-TBA": two capitals or more and no small letter.
bool isAcronym(QStringView word)
{
    int upper = 0;
    for (QChar c : word) {
        if (c.isLower())
            return false;
        upper += c.isUpper();
    }
    return upper >= 2;
}

// Phrases of two or more words without an acronym are safe to match in any case.
bool matchesAnyCase(const QString &form)
{
    const QString rest = startsWithThe(form) ? form.mid(4) : form;
    const QStringList words = rest.split(u' ', Qt::SkipEmptyParts);
    return words.size() >= 2 && std::none_of(words.begin(), words.end(), [](const QString &w) { return isAcronym(w); });
}

bool takesThe(const QString &form)
{
    if (startsWithThe(form))
        return false;
    if (isAcronym(form))
        return true;
    const QStringList words = form.split(u' ');
    return words.size() >= 2 && std::any_of(words.begin(), words.end(), [](const QString &w) { return kTheWords.contains(w); });
}

// "Kazakh" -> "Kazakhs"; not "Chinese", "British", "French", "Swiss".
QString pluralDemonym(const QString &d)
{
    for (QStringView end : {u"s", u"sh", u"ch", u"ese", u"x", u"z"})
        if (d.endsWith(end))
            return {};
    return d + u's';
}

// The names a feature goes by, from its display name: "Power of Siberia 2 / Soyuz Vostok
// (planned)" -> "Power of Siberia 2", "Soyuz Vostok"; "Central Asia–China gas pipeline, Line A"
// -> that and "Central Asia-China gas pipeline". Lower-case notes in brackets are not names.
QStringList featureNames(const QString &displayName)
{
    const QString name = normalise(displayName).simplified();
    const qsizetype open = name.indexOf(u" ("_s);
    const QString main = open < 0 ? name : name.left(open);
    QString inBrackets;
    if (open >= 0) {
        const qsizetype close = name.indexOf(u')', open);
        inBrackets = name.mid(open + 2, close < 0 ? -1 : close - open - 2);
    }
    QStringList out;
    for (const QString &part : main.split(u" / "_s)) {
        out << part.trimmed();
        if (part.contains(u", "_s)) {
            out << part.section(u", "_s, 0, 0).trimmed();
            // "…, Line D": the strand's own name, when it is one (capitalised, not "eastern branch").
            if (const QString strand = part.section(u", "_s, 1).trimmed(); !strand.isEmpty() && strand.front().isUpper())
                out << strand;
        }
    }
    for (const QString &part : inBrackets.split(u" / "_s, Qt::SkipEmptyParts))
        if (const QString p = part.trimmed(); !p.isEmpty() && p.front().isUpper())
            out << p;
    out.removeIf([](const QString &s) { return s.size() < 3; });
    out.removeDuplicates();
    return out;
}

bool featureExists(const QList<std::shared_ptr<const Layer>> &layers, const QString &id)
{
    const FeatureKey key = FeatureKey::fromString(id);
    for (const auto &layer : layers)
        if (layer && layer->id == key.layer)
            return key.isWholeLayer() || layer->feature(key.feature);
    return false;
}

} // namespace

Gazetteer::Gazetteer(const Atlas &atlas, const QList<std::shared_ptr<const Layer>> &layers)
{
    addRegions(atlas);
    addGroups(atlas);
    addFeatures(layers);
    noteClaimantsAndFounders(layers);
    addPlaceTable(u":/gazetteer/metonyms.tsv"_s, atlas);
    addPlaceTable(u":/gazetteer/places.tsv"_s, atlas);
    addCurated(layers);
    for (QStringView b : namesThatAreNotPlaces())
        addBlocker(b.toString());
    index();
}

// Each state's name and aliases (with "the" where English puts it) and its demonyms.
void Gazetteer::addRegions(const Atlas &atlas)
{
    auto addWithThe = [this](const QString &form, const LinkTarget &t, Origin origin) {
        add(form, t, origin);
        if (takesThe(form))
            add(u"the "_s + form, t, origin);
    };
    for (const Region &r : atlas.regions()) {
        const LinkTarget t{Kind::Region, r.code};
        addWithThe(r.name, t, Origin::Name);
        for (const QString &a : r.aliases)
            addWithThe(a, t, Origin::Alias);
        for (const QString &d : r.demonyms) {
            add(d, t, Origin::Alias);
            if (const QString plural = pluralDemonym(d); !plural.isEmpty())
                add(plural, t, Origin::Alias);
        }
    }
}

void Gazetteer::addGroups(const Atlas &atlas)
{
    for (const RegionGroup &g : atlas.groups()) {
        const LinkTarget t{Kind::Group, g.id};
        m_groupMembers.insert(g.id, g.members);
        for (const QString &form : QStringList{g.name} + g.aliases) {
            add(form, t, form == g.name ? Origin::Name : Origin::Alias);
            if (!startsWithThe(form))
                add(u"the "_s + form, t, Origin::Alias);
        }
    }
}

// The names of the pipelines and contested zones.
void Gazetteer::addFeatures(const QList<std::shared_ptr<const Layer>> &layers)
{
    for (const auto &layer : layers) {
        if (!layer || (layer->kind != LayerKind::Lines && layer->kind != LayerKind::Zones))
            continue;
        const bool lines = layer->kind == LayerKind::Lines;
        for (const Feature &f : layer->features) {
            const LinkTarget t{Kind::Feature, FeatureKey{layer->id, f.id}.toString()};
            for (const QString &form : featureNames(f.name)) {
                // A zone named like one of its claimants ("Taiwan") leaves the name to the state.
                const QList<LinkTarget> existing = lookup(form);
                const bool claimantsName = std::any_of(existing.begin(), existing.end(), [&f](const LinkTarget &e) {
                    return e.kind == Kind::Region && f.details().claimants.contains(e.id);
                });
                if (!claimantsName)
                    add(form, t, Origin::Derived, lines);
            }
        }
    }
}

// A zone's claimants and an organisation's founding members, for the linker's rules.
void Gazetteer::noteClaimantsAndFounders(const QList<std::shared_ptr<const Layer>> &layers)
{
    for (const auto &layer : layers) {
        if (!layer)
            continue;
        if (layer->kind == LayerKind::Zones)
            for (const Feature &f : layer->features)
                m_claimants.insert(FeatureKey{layer->id, f.id}.toString(), f.details().claimants);
        if (layer->kind == LayerKind::Membership) {
            int first = std::numeric_limits<int>::max();
            for (const Feature &f : layer->features)
                if (!f.details().periods.isEmpty())
                    first = std::min(first, f.details().periods.front().since);
            QStringList founders;
            for (const Feature &f : layer->features)
                if (!f.details().periods.isEmpty() && f.details().periods.front().since == first && f.statusIn(first) == u"member"_s)
                    founders << f.details().iso3;
            m_foundingMembers.insert(layer->id, founders);
        }
    }
}

void Gazetteer::addCurated(const QList<std::shared_ptr<const Layer>> &layers)
{
    for (const CuratedForm &c : curatedForms()) {
        for (QStringView id : c.ids.split(u' ', Qt::SkipEmptyParts)) {
            if (c.kind == Kind::Feature && !featureExists(layers, id.toString()))
                continue;
            if (c.kind == Kind::Group && !m_groupMembers.contains(id.toString()))
                continue;
            if (c.kind == Kind::Topic && !lookup(c.form.toString()).isEmpty())
                continue; // a layer's feature of that name

            // Like a pipeline's display name, a curated pipeline name still links the regions in it.
            const bool lines = std::any_of(layers.begin(), layers.end(), [&id](const auto &layer) {
                return layer && layer->kind == LayerKind::Lines && layer->id == FeatureKey::fromString(id).layer;
            });
            add(c.form.toString(), {c.kind, id.toString()}, Origin::Curated, lines);
        }
    }
}

void Gazetteer::add(const QString &rawForm, const LinkTarget &target, Origin origin, bool transparent)
{
    const QString form = normalise(rawForm).simplified();
    if (form.size() < 2)
        return;
    const auto it = m_byForm.constFind(form);
    if (it == m_byForm.constEnd()) {
        m_byForm.insert(form, int(m_entries.size()));
        m_entries.push_back({form, {target}, origin, matchesAnyCase(form), startsWithThe(form), transparent});
        return;
    }
    Entry &e = m_entries[*it];
    if (e.targets.contains(target))
        return;
    // Two regions with one form: a region's own name beats another's alias; otherwise the first stays.
    const auto otherRegion = std::find_if(e.targets.begin(), e.targets.end(), [&target](const LinkTarget &t) {
        return t.kind == Kind::Region && target.kind == Kind::Region && t.id != target.id;
    });
    if (otherRegion != e.targets.end()) {
        if (origin > e.origin && origin >= Origin::Alias) {
            *otherRegion = target;
            e.origin = origin;
        }
        return;
    }
    e.targets << target;
    e.transparent = e.transparent && transparent;
}

// Rows "form<TAB>code[<TAB>kind]": a region code of the atlas or "group:<id>"; codes the atlas
// lacks are skipped. Demonyms also give their plural ("Turkmens").
void Gazetteer::addPlaceTable(const QString &resource, const Atlas &atlas)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        return;
    QSet<QString> codes;
    for (const Region &r : atlas.regions())
        codes.insert(r.code);
    for (const QByteArray &rawLine : file.readAll().split('\n')) {
        if (rawLine.isEmpty() || rawLine.startsWith('#'))
            continue;
        const QStringList cells = QString::fromUtf8(rawLine).split(u'\t');
        if (cells.size() < 2)
            continue;
        const QString &form = cells.at(0);
        const QString &code = cells.at(1);
        if (code.startsWith(u"group:"_s)) {
            if (m_groupMembers.contains(code.mid(6)))
                add(form, {Kind::Group, code.mid(6)}, Origin::Place);
            continue;
        }
        if (!codes.contains(code))
            continue;
        add(form, {Kind::Region, code}, Origin::Place);
        if (cells.size() > 2 && cells.at(2) == u"demonym"_s)
            if (const QString plural = pluralDemonym(form); !plural.isEmpty())
                add(plural, {Kind::Region, code}, Origin::Place);
    }
}

void Gazetteer::addBlocker(const QString &rawForm)
{
    const QString form = normalise(rawForm).simplified();
    if (m_byForm.contains(form))
        return; // a real name wins
    m_byForm.insert(form, int(m_entries.size()));
    m_entries.push_back({form, {}, Origin::Blocker, matchesAnyCase(form), startsWithThe(form), false});
}

void Gazetteer::index()
{
    m_byFirst.clear();
    for (int i = 0; i < m_entries.size(); ++i)
        m_byFirst[m_entries[i].form.front().toCaseFolded()] << i;
    for (QList<int> &list : m_byFirst)
        std::stable_sort(list.begin(), list.end(),
                         [this](int a, int b) { return m_entries[a].form.size() > m_entries[b].form.size(); });
}

bool Gazetteer::isGivenName(const QString &text, qsizetype pos, const Entry &entry) const
{
    if (std::find(std::begin(kGivenNames), std::end(kGivenNames), QStringView(entry.form)) == std::end(kGivenNames))
        return false;
    const qsizetype next = pos + entry.form.size() + 1;
    if (next >= text.size() || text.at(next - 1) != u' ' || !text.at(next).isUpper())
        return false;
    qsizetype wordEnd = next;
    while (wordEnd < text.size() && isWordChar(text.at(wordEnd)))
        ++wordEnd;
    return lookup(text.mid(next, wordEnd - next)).isEmpty() && !m_byForm.contains(text.mid(next, wordEnd - next));
}

bool Gazetteer::longerMatchAt(const QString &text, qsizetype pos, qsizetype end) const
{
    if (pos >= text.size())
        return false;
    const auto candidates = m_byFirst.constFind(text.at(pos).toCaseFolded());
    if (candidates == m_byFirst.constEnd())
        return false;
    for (int i : *candidates)
        if (pos + m_entries[i].form.size() > end && matchesAt(text, pos, m_entries[i]))
            return true;
    return false;
}

bool Gazetteer::matchesAt(const QString &text, qsizetype pos, const Entry &entry) const
{
    const qsizetype len = entry.form.size();
    if (pos + len > text.size())
        return false;
    for (qsizetype k = 0; k < len; ++k) {
        const QChar a = text.at(pos + k), b = entry.form.at(k);
        if (a == b)
            continue;
        if ((entry.caseInsensitive || (k == 0 && entry.leadingThe)) && a.toCaseFolded() == b.toCaseFolded())
            continue;
        return false;
    }
    // A combining form ("Sino-") is followed by the rest of its word.
    return entry.form.endsWith(u'-') || pos + len == text.size() || !isWordChar(text.at(pos + len));
}

QList<Mention> Gazetteer::find(const QString &original) const
{
    const QString text = normalise(original);
    const qsizetype n = text.size();
    auto isPlaceEntry = [](const Entry &e) {
        return std::all_of(e.targets.begin(), e.targets.end(),
                           [](const LinkTarget &t) { return t.kind == Kind::Region || t.kind == Kind::Group; });
    };
    QList<Mention> out;
    qsizetype opaqueUntil = 0, featureUntil = 0;
    for (qsizetype pos = 0; pos < n; ++pos) {
        if (pos < opaqueUntil || !isWordChar(text.at(pos)) || (pos > 0 && isWordChar(text.at(pos - 1))))
            continue;
        const auto candidates = m_byFirst.constFind(text.at(pos).toCaseFolded());
        if (candidates == m_byFirst.constEnd())
            continue;
        // Inside a pipeline's name only regions and groups are looked for.
        bool placesOnly = pos < featureUntil;
        for (int pass = 0; pass < 2; ++pass) {
            const Entry *found = nullptr;
            for (int i : *candidates) {
                const Entry &e = m_entries[i];
                if ((!placesOnly || isPlaceEntry(e)) && matchesAt(text, pos, e)) {
                    found = &e;
                    break;
                }
            }
            if (!found)
                break;
            qsizetype end = pos + found->form.size();
            // "The Central Asia-China pipeline": a longer name after "the" wins over "the Central Asia".
            if (found->leadingThe && !placesOnly && longerMatchAt(text, pos + 4, end)) {
                found = nullptr;
                break;
            }
            // Possessives belong to the mention: "China's", "Russia’s", "the Philippines'".
            if (text.mid(end, 2) == u"'s"_s && (end + 2 == n || !isWordChar(text.at(end + 2))))
                end += 2;
            else if (found->form.endsWith(u's') && end < n && text.at(end) == u'\''
                     && (end + 1 == n || !isWordChar(text.at(end + 1))))
                end += 1;
            if (isGivenName(text, pos, *found)) {
                opaqueUntil = end;
                break;
            }
            for (const LinkTarget &t : found->targets)
                out.push_back({t, original.mid(pos, end - pos), int(pos), int(end - pos)});
            if (found->transparent && !placesOnly) {
                featureUntil = std::max(featureUntil, end);
                placesOnly = true;
                continue; // and look for a region at the same place
            }
            opaqueUntil = end;
            break;
        }
    }
    return out;
}

QList<LinkTarget> Gazetteer::lookup(const QString &form) const
{
    const auto it = m_byForm.constFind(normalise(form).simplified());
    return it == m_byForm.constEnd() ? QList<LinkTarget>{} : m_entries[*it].targets;
}

QStringList Gazetteer::surfaceForms(const LinkTarget &target) const
{
    QStringList out;
    for (const Entry &e : m_entries)
        if (e.targets.contains(target))
            out << e.form;
    return out;
}

} // namespace spheres
