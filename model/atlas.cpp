#include "atlas.h"

#include "basemapbinary.h"
#include "jsonfields.h"
#include "jsonlimits.h"
#include "sovereignty.h"
#include "topojsonreader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace spheres {

namespace {

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out << v.toString();
    return out;
}

struct RegionTable
{
    QHash<QString, Region> byWorldAtlasName;
    QList<RegionGroup> groups;
};

std::optional<RegionTable> readRegionTable(const QString &path, QString &error)
{
    constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;
    const auto data = JsonLimits::readFile(path, kMaxFileBytes, error);
    if (!data)
        return std::nullopt;
    const auto doc = JsonFields::parseObject(*data, kMaxFileBytes, Atlas::tr("not a region table (the top level is not an object)"), error);
    if (!doc) {
        error = QStringLiteral("%1: %2").arg(path, error);
        return std::nullopt;
    }
    RegionTable table;
    const QJsonArray regions = doc->value(u"regions").toArray();
    for (qsizetype i = 0; i < regions.size(); ++i) {
        const QJsonObject o = regions.at(i).toObject();
        Region r;
        r.code = o.value(u"iso3").toString();
        r.isoCode = o.value(u"iso").toBool(true);
        r.name = o.value(u"name").toString();
        r.aliases = stringList(o.value(u"aliases"));
        r.demonyms = stringList(o.value(u"demonyms"));
        const QString key = o.value(u"worldAtlasName").toString();
        if (key.isEmpty() || r.code.size() != 3 || r.name.isEmpty()) {
            error = Atlas::tr("%1: regions[%2] needs \"worldAtlasName\", a three-letter \"iso3\" and a \"name\"").arg(path).arg(i);
            return std::nullopt;
        }
        table.byWorldAtlasName.insert(key, r);
    }
    for (const QJsonValue &v : doc->value(u"groups").toArray()) {
        const QJsonObject o = v.toObject();
        table.groups.push_back({o.value(u"id").toString(), o.value(u"name").toString(), stringList(o.value(u"aliases")),
                                stringList(o.value(u"members")), o.value(u"note").toString()});
    }
    return table;
}

} // namespace

Atlas::Result Atlas::loadBuiltIn(Detail detail)
{
    // The countries were decoded from the vendored TopoJSON at build time (BaseMapBinary).
    const QString countries = detail == Detail::Coarse ? QStringLiteral(":/basemap/countries-50m.bin")
                                                       : QStringLiteral(":/basemap/countries-10m.bin");
    return assemble(BaseMapBinary::readFile(countries), countries, QStringLiteral(":/basemap/regions.json"), detail,
                    QStringLiteral(":/basemap/sovereignty.json"));
}

Atlas::Result Atlas::load(const QString &topoJsonPath, const QString &regionsJsonPath, Detail detail,
                          const QString &sovereigntyJsonPath, TopoJsonReader::Checks checks)
{
    return assemble(TopoJsonReader::readFile(topoJsonPath, QStringLiteral("countries"), checks), topoJsonPath,
                    regionsJsonPath, detail, sovereigntyJsonPath);
}

Atlas::Result Atlas::assemble(TopoJsonReader::Result topo, const QString &countriesPath, const QString &regionsJsonPath,
                              Detail detail, const QString &sovereigntyJsonPath)
{
    Result result;
    const auto table = readRegionTable(regionsJsonPath, result.error);
    if (!table)
        return result;
    if (!topo.ok()) {
        result.error = topo.error;
        return result;
    }
    result.warnings = topo.warnings;
    Atlas &atlas = result.atlas;
    atlas.m_detail = detail;
    for (TopoJsonUnit &unit : topo.units) {
        auto it = table->byWorldAtlasName.constFind(unit.name);
        if (it == table->byWorldAtlasName.constEnd()) {
            result.warnings << Atlas::tr("%1: region \"%2\" is not in the region table %3; skipped")
                                   .arg(countriesPath, unit.name, regionsJsonPath);
            continue;
        }
        Region region = *it;
        region.shape = std::move(unit.shape);
        atlas.m_indexByCode.insert(region.code, int(atlas.m_regions.size()));
        atlas.m_regions.push_back(std::move(region));
    }
    atlas.m_groups = table->groups;
    if (!sovereigntyJsonPath.isEmpty()) {
        const SovereigntyTable::Result sovereignty = SovereigntyTable::read(sovereigntyJsonPath);
        if (!sovereignty.ok()) {
            result.error = sovereignty.error;
            return result;
        }
        for (const QString &problem : SovereigntyTable::apply(sovereignty.transfers, atlas.m_regions))
            result.warnings << QStringLiteral("%1: %2").arg(sovereigntyJsonPath, problem);
    }
    return result;
}

const Region *Atlas::region(const QString &code) const
{
    const int i = indexOf(code);
    return i < 0 ? nullptr : &m_regions[i];
}

QList<const RegionGroup *> Atlas::groupsContaining(const QString &code) const
{
    QList<const RegionGroup *> out;
    for (const RegionGroup &g : m_groups)
        if (g.members.contains(code))
            out << &g;
    return out;
}

QStringList Atlas::expanded(const QStringList &regions, const QStringList &groups) const
{
    QStringList out = regions;
    for (const QString &id : groups)
        if (const RegionGroup *g = group(id))
            for (const QString &member : g->members)
                if (!out.contains(member))
                    out << member;
    return out;
}

const RegionGroup *Atlas::group(const QString &id) const
{
    for (const RegionGroup &g : m_groups)
        if (g.id == id)
            return &g;
    return nullptr;
}

} // namespace spheres
