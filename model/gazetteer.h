#pragma once

#include "atlas.h"
#include "layer.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace spheres {

/// What a name in a text stands for.
struct LinkTarget
{
    enum class Kind { Region, Group, Feature, Topic };
    Kind kind = Kind::Region;
    QString id; ///< region code, group id, "layer/feature" or a whole layer ("sco"), topic ("belt-and-road")

    bool operator==(const LinkTarget &) const = default;
};

/// One place in a text that names a target. A name that stands for several targets ("South
/// China Sea": four zones) gives one mention per target, all with the same text and offset.
struct Mention
{
    LinkTarget target;
    QString text;   ///< as it stands in the text, possessive included: "China’s", "the US"
    int offset = 0; ///< in UTF-16 code units from the start of the text
    int length = 0;

    bool operator==(const Mention &) const = default;
};

/// Surface forms of the regions and groups of an Atlas, of the features of thematic layers and of
/// a few topics, and a matcher that finds them in text.
///
/// Forms: region names, aliases and demonyms (with plurals: "Russians"), "the …" forms of
/// acronyms and of plural or "United …" names ("the US", "the Philippines"); group names and
/// aliases with "the …"; names of line and zone features taken from their display names
/// ("Power of Siberia 2 / Soyuz Vostok (planned)" gives both names); a curated table of
/// organisations, variants and topics ("SCO", "South China Sea", "Belt and Road"); and names
/// that must link nothing ("Indian Ocean", "Latin America"). Below the atlas's own names come
/// the vendored place table (resources/gazetteer/places.tsv: names, spellings, demonyms and
/// capitals from world-countries, big cities from GeoNames) and the curated metonyms (seats of
/// government, state companies, combining forms such as "Sino-", group adjectives).
///
/// Matching runs left to right, longest form first, on word boundaries (a hyphen is one:
/// "US-led", "China-Russia"; a combining form such as "Sino-" needs the rest of its word); a
/// country name that is also a given name followed by an unknown capitalised word is a person
/// ("Jordan Peterson"); "'s" and "’s" after a form belong to the mention. Forms match
/// case-sensitively (so "US" never matches "us", "Georgia" not "georgia"), except the first
/// letter of a leading "the" and forms of two or more words without an acronym, which match
/// case-insensitively ("south china sea"). Names inside a pipeline's name still link their
/// regions ("Kazakhstan–China oil pipeline"); names inside other forms do not ("South China
/// Sea" does not link China).
class Gazetteer
{
public:
    Gazetteer() = default;
    /// `layers` as GeoJsonReader::readAllBuiltIn gives them; curated forms whose features are
    /// not among them are left out.
    Gazetteer(const Atlas &atlas, const QList<std::shared_ptr<const Layer>> &layers);

    /// Every mention in `text`, ordered by offset.
    QList<Mention> find(const QString &text) const;
    /// The targets of one surface form exactly as given ("the US", "Chinese"); empty when none.
    QList<LinkTarget> lookup(const QString &form) const;
    /// Every surface form that links `target`, in no particular order.
    QStringList surfaceForms(const LinkTarget &target) const;
    /// Region codes of the group with `id`; empty when there is none.
    QStringList groupMembers(const QString &groupId) const { return m_groupMembers.value(groupId); }
    /// Claimants of a zone feature ("contested/spratly-islands"); empty for other targets.
    QStringList claimants(const QString &featureId) const { return m_claimants.value(featureId); }
    /// Members of a membership layer ("sco") in the year it began; empty for other ids.
    QStringList foundingMembers(const QString &layerId) const { return m_foundingMembers.value(layerId); }
    /// Number of surface forms.
    int size() const { return int(m_entries.size()); }

private:
    enum class Origin { Blocker, Place, Derived, Curated, Alias, Name };
    struct Entry
    {
        QString form;              ///< normalised: straight apostrophes, ASCII hyphens
        QList<LinkTarget> targets; ///< empty: a name that links nothing ("Indian Ocean")
        Origin origin = Origin::Name;
        bool caseInsensitive = false;
        bool leadingThe = false;
        bool transparent = false;  ///< names inside it still link regions and groups
    };

    void addRegions(const Atlas &atlas);
    void addGroups(const Atlas &atlas);
    void addFeatures(const QList<std::shared_ptr<const Layer>> &layers);
    void noteClaimantsAndFounders(const QList<std::shared_ptr<const Layer>> &layers);
    void addCurated(const QList<std::shared_ptr<const Layer>> &layers);
    void add(const QString &form, const LinkTarget &target, Origin origin, bool transparent = false);
    void addBlocker(const QString &form);
    void addPlaceTable(const QString &resource, const Atlas &atlas);
    void index();
    bool matchesAt(const QString &text, qsizetype pos, const Entry &entry) const;
    bool longerMatchAt(const QString &text, qsizetype pos, qsizetype end) const;
    bool isGivenName(const QString &text, qsizetype pos, const Entry &entry) const;

    QList<Entry> m_entries;
    QHash<QString, int> m_byForm;        ///< normalised form -> index into m_entries
    QHash<QChar, QList<int>> m_byFirst;  ///< case-folded first letter -> entries, longest first
    QHash<QString, QStringList> m_groupMembers;
    QHash<QString, QStringList> m_claimants;
    QHash<QString, QStringList> m_foundingMembers;
};

} // namespace spheres
