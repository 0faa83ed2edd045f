#include "claimfinder.h"

#include "atlas.h"
#include "featurekey.h"

namespace spheres {

ClaimFinder::ClaimFinder(const Brief &brief, const Atlas *atlas) : m_brief(brief), m_atlas(atlas) {}

QStringList ClaimFinder::groupsOf(const QString &code) const
{
    QStringList ids;
    if (m_atlas)
        for (const RegionGroup *g : m_atlas->groupsContaining(code))
            ids << g->id;
    return ids;
}

bool ClaimFinder::concernsRegion(const Claim &claim, const QString &code, const QStringList &groups) const
{
    if (claim.regions.contains(code))
        return true;
    return std::any_of(groups.begin(), groups.end(), [&claim](const QString &g) { return claim.groups.contains(g); });
}

bool ClaimFinder::concernsFeature(const Claim &claim, const QString &featureRef)
{
    return claim.features.contains(featureRef) || claim.features.contains(FeatureKey::fromString(featureRef).layer);
}

QList<const Claim *> ClaimFinder::aboutRegion(const QString &code) const
{
    QList<const Claim *> out;
    if (code.isEmpty())
        return out;
    const QStringList groups = groupsOf(code);
    for (const Claim &c : m_brief.claims)
        if (concernsRegion(c, code, groups))
            out << &c;
    return out;
}

QList<const Claim *> ClaimFinder::aboutFeature(const QString &featureRef) const
{
    QList<const Claim *> out;
    if (featureRef.isEmpty())
        return out;
    for (const Claim &c : m_brief.claims)
        if (concernsFeature(c, featureRef))
            out << &c;
    return out;
}

QList<const Claim *> ClaimFinder::aboutView(const SavedView &view) const
{
    QList<const Claim *> out;
    if (const Claim *focused = m_brief.claim(view.focusedClaim))
        out << focused;
    const QList<const Claim *> selected = !view.state.selectedRegion.isEmpty() ? aboutRegion(view.state.selectedRegion)
                                                                               : aboutFeature(view.state.selectedFeature);
    for (const Claim *c : selected)
        if (!out.contains(c))
            out << c;
    return out;
}

} // namespace spheres
