#pragma once

#include "brief.h"

#include <QHash>
#include <QList>
#include <QString>

namespace spheres {

/// The claims of a brief by what they link: regions, groups and features (a feature link may be
/// a whole layer), each as positions in Brief::claims in the brief's order. Built once per edit
/// by whoever owns the brief (BriefDocument), so that ClaimFinder answers a click by looking up,
/// not by reading every claim. It describes the brief as it was when built: covers() tells
/// whether it still may be used.
class ClaimIndex
{
public:
    ClaimIndex() = default;
    explicit ClaimIndex(const Brief &brief);

    /// Whether the index was built from `brief` (this object) and the brief has as many claims
    /// as then. Owners rebuild on every edit; this catches an owner that forgot.
    bool covers(const Brief &brief) const { return &brief == m_brief && brief.claims.size() == m_claimCount; }

    /// Positions of the claims that link exactly this region code, group id or feature link
    /// ("layer/feature", or a whole layer "layer"), ascending.
    const QList<int> &linkingRegion(const QString &code) const { return find(m_regions, code); }
    const QList<int> &linkingGroup(const QString &id) const { return find(m_groups, id); }
    const QList<int> &linkingFeature(const QString &link) const { return find(m_features, link); }

private:
    static const QList<int> &find(const QHash<QString, QList<int>> &hash, const QString &key);

    const Brief *m_brief = nullptr;
    qsizetype m_claimCount = 0;
    QHash<QString, QList<int>> m_regions, m_groups, m_features;
};

} // namespace spheres
