#pragma once

#include "attributestyle.h"
#include "geometry.h"

#include <QDate>
#include <QList>
#include <QSharedData>
#include <QSharedDataPointer>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <memory>
#include <optional>

namespace spheres {

/// Where a fact comes from.
struct Source
{
    QString title;
    QString publisher;
    QString url;
    QString date; ///< as the source gives it: "2025", "2009-05-07"

    bool operator==(const Source &) const = default;
};

/// A span of years in which a feature has one status. `until` is exclusive: a period
/// {2014, 2019, "under construction"} covers 2014 to 2018.
struct Period
{
    int since = 0;
    std::optional<int> until; ///< exclusive; open-ended when empty
    QString status;

    bool contains(int year) const { return year >= since && (!until || year < *until); }
};

/// What only some layers' features carry (membership, zones, our own sourced layers): kept apart
/// and shared between copies, so that a feature of a user's layer, which has none of it, costs
/// one pointer instead of seven empty fields.
struct FeatureDetails : QSharedData
{
    QString description;
    QString note;
    QList<Period> periods; ///< ordered, non-overlapping; empty: the feature exists in every year
    QList<Source> sources;
    QString iso3;           ///< membership layers: the region the feature colours
    QStringList claimants, administeredBy; ///< zones: region codes
};

/// One thing a layer draws or colours: a pipeline, a member state, a disputed area.
struct Feature
{
    QString id;          ///< the GeoJSON feature id, or "feature-N" (1-based) when the file has none
    QString name;        ///< properties.name, or the id when there is none
    QVariantMap properties; ///< all other properties, typed as JSON gives them (null is a null QVariant)
    MultiPolygon area;      ///< lon/lat, cut at ±180, orientation corrected
    MultiLineString lines;  ///< lon/lat, split where a line crosses ±180
    MultiPoint points;      ///< lon/lat: sites drawn as symbols (Point, MultiPoint)

    /// Description, note, periods, sources, iso3, claimants and administeredBy; all empty when unset.
    const FeatureDetails &details() const;
    /// The same to change: made on first use, copied first when another feature shares it.
    FeatureDetails &editDetails();
    void setDetails(FeatureDetails details) { m_details = new FeatureDetails(std::move(details)); }

    /// The status in `year`; nullopt when the feature does not exist that year. A feature
    /// without periods exists always, with an empty status.
    std::optional<QString> statusIn(int year) const;
    bool existsIn(int year) const { return statusIn(year).has_value(); }

private:
    QSharedDataPointer<FeatureDetails> m_details; ///< null: all empty
};

enum class LayerKind {
    Lines,      ///< lines coloured by a property (pipelines)
    Membership, ///< regions coloured by their status (a choropleth, no geometry of its own)
    Zones,      ///< areas and claim lines (contested territories)
    Sites,      ///< points drawn as a symbol for their properties.kind, with their name
    Generic,    ///< a user's GeoJSON file without our "spheres" member
};

struct LegendEntry
{
    QString key;   ///< a status or property value ("member", "gas")
    QString label; ///< display text
};

/// A thematic layer read from GeoJSON: its description and its features. A plain value type.
class Layer
{
public:
    QString id;
    QString title;
    QString description;
    LayerKind kind = LayerKind::Generic;
    QDate asOf; ///< when the data was last checked; invalid when unknown
    QList<LegendEntry> legend;
    QList<Feature> features;
    /// Ids of the layers a derived layer is computed from (MembershipComparison); empty for a
    /// layer read from a file.
    QStringList derivedFrom;
    /// How a user's layer is coloured by one of its fields (AttributeClassifier::styled); unset:
    /// drawn plain. `classes` holds what the style makes of the features, null while unset.
    AttributeStyle style;
    std::shared_ptr<const AttributeClasses> classes;

    /// How the map names the layer before a status ("SCO member", "CSTO frozen"): an id of
    /// letters only, five at most, is the organisation's acronym; otherwise the title.
    QString shortName() const;
    /// The feature with `id`, or nullptr. The pointer is valid while the layer is unchanged.
    const Feature *feature(const QString &id) const;
    /// Features whose status in `year` is `status`, in file order.
    QList<const Feature *> membersIn(int year, const QString &status) const;
};

} // namespace spheres
