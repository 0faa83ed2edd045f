#include "claimindex.h"

namespace spheres {

namespace {

/// Adds claim `position` under each of `links`, once per link even when a claim repeats it.
void addLinks(QHash<QString, QList<int>> &hash, const QStringList &links, int position)
{
    for (const QString &link : links) {
        QList<int> &positions = hash[link];
        if (positions.isEmpty() || positions.back() != position)
            positions << position;
    }
}

} // namespace

ClaimIndex::ClaimIndex(const Brief &brief) : m_brief(&brief), m_claimCount(brief.claims.size())
{
    for (int i = 0; i < brief.claims.size(); ++i) {
        const Claim &c = brief.claims[i];
        addLinks(m_regions, c.regions, i);
        addLinks(m_groups, c.groups, i);
        addLinks(m_features, c.features, i);
    }
}

const QList<int> &ClaimIndex::find(const QHash<QString, QList<int>> &hash, const QString &key)
{
    static const QList<int> none;
    const auto it = hash.constFind(key);
    return it == hash.constEnd() ? none : *it;
}

} // namespace spheres
