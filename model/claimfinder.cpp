#include "claimfinder.h"

#include "atlas.h"
#include "featurekey.h"

#include <algorithm>

namespace spheres {

ClaimFinder::ClaimFinder(const Brief &brief, const Atlas *atlas, const ClaimIndex *index)
    : m_brief(brief), m_atlas(atlas), m_index(index)
{
    if (!m_index || !m_index->covers(brief)) {
        m_ownIndex.emplace(brief);
        m_index = &*m_ownIndex;
    }
}

QList<const Claim *> ClaimFinder::claimsAt(const QList<const QList<int> *> &lists) const
{
    std::vector<int> positions;
    for (const QList<int> *list : lists)
        positions.insert(positions.end(), list->begin(), list->end());
    std::sort(positions.begin(), positions.end());
    positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
    QList<const Claim *> out;
    out.reserve(qsizetype(positions.size()));
    for (int i : positions)
        out << &m_brief.claims[i];
    return out;
}

QList<const Claim *> ClaimFinder::aboutRegion(const QString &code) const
{
    if (code.isEmpty())
        return {};
    QList<const QList<int> *> lists{&m_index->linkingRegion(code)};
    if (m_atlas)
        for (const RegionGroup *g : m_atlas->groupsContaining(code))
            lists << &m_index->linkingGroup(g->id);
    return claimsAt(lists);
}

QList<const Claim *> ClaimFinder::aboutFeature(const QString &featureRef) const
{
    if (featureRef.isEmpty())
        return {};
    const QString layerId = featureRef.section(u'/', 0, 0);
    return claimsAt({&m_index->linkingFeature(featureRef), &m_index->linkingFeature(layerId)});
}

QList<const Claim *> ClaimFinder::aboutView(const SavedView &view) const
{
    QList<const Claim *> out;
    if (const Claim *focused = m_brief.claim(view.focusedClaim))
        out << focused;
    const QList<const Claim *> selected = !view.state.selectedRegion.isEmpty() ? aboutRegion(view.state.selectedRegion)
                                                                               : aboutFeature(view.state.selectedFeature);
    for (const Claim *c : selected)
        if (c != out.value(0))
            out << c;
    return out;
}

} // namespace spheres
