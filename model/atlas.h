#pragma once

#include "geometry.h"
#include "topojsonreader.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace spheres {

/// One Natural Earth admin-0 unit.
struct Region
{
    QString code;          ///< ISO 3166-1 alpha-3, or Natural Earth's ADM0_A3 where ISO has none
    bool isoCode = true;   ///< false for our own (Natural Earth) codes: Kosovo KOS, Somaliland SOL, …
    QString name;          ///< display name
    QStringList aliases;   ///< other names a text may use ("PRC", "the United States")
    QStringList demonyms;  ///< "Chinese", "Kazakh"
    MultiPolygon shape;    ///< lon/lat, cut at ±180
};

/// A named set of regions ("Central Asia").
struct RegionGroup
{
    QString id;
    QString name;
    QStringList aliases;
    QStringList members; ///< region codes
    QString note;
};

/// The base map at one level of detail: every region with its code, names and geometry.
class Atlas
{
    Q_DECLARE_TR_FUNCTIONS(Atlas)

public:
    enum class Detail { Coarse, Fine }; ///< Natural Earth 1:50m and 1:10m

    struct Result;
    /// Loads the base map compiled into the program: the countries as the build decoded them
    /// from the vendored TopoJSON (BaseMapBinary), with the built-in region and sovereignty tables.
    static Result loadBuiltIn(Detail detail);
    /// Loads a TopoJSON file of countries with the region table `regionsJsonPath`, then moves
    /// the areas listed in `sovereigntyJsonPath` (when given) from their holder to their
    /// sovereign: see SovereigntyTable for the de facto / de jure policy.
    /// `checks`: TopoJsonReader::Checks (Full for a file from elsewhere).
    static Result load(const QString &topoJsonPath, const QString &regionsJsonPath, Detail detail,
                       const QString &sovereigntyJsonPath = QString(), TopoJsonReader::Checks checks = TopoJsonReader::Checks::Full);

    Detail detail() const { return m_detail; }
    const QList<Region> &regions() const { return m_regions; }
    const QList<RegionGroup> &groups() const { return m_groups; }
    /// Index into regions() of the region with `code`, or -1.
    int indexOf(const QString &code) const { return m_indexByCode.value(code, -1); }
    const Region *region(const QString &code) const;
    const RegionGroup *group(const QString &id) const;
    /// The groups `code` belongs to.
    QList<const RegionGroup *> groupsContaining(const QString &code) const;
    /// `regions` plus every member of `groups`, each once, in that order.
    QStringList expanded(const QStringList &regions, const QStringList &groups) const;

private:
    /// The atlas of the decoded `topo` (read from `countriesPath`) and the region table.
    static Result assemble(TopoJsonReader::Result topo, const QString &countriesPath, const QString &regionsJsonPath,
                           Detail detail, const QString &sovereigntyJsonPath);

    Detail m_detail = Detail::Coarse;
    QList<Region> m_regions;
    QList<RegionGroup> m_groups;
    QHash<QString, int> m_indexByCode;
};

struct Atlas::Result
{
    Atlas atlas;
    QString error; ///< names the file and what is wrong; empty on success
    QStringList warnings;
    bool ok() const { return error.isEmpty(); }
};

} // namespace spheres
