#pragma once

#include "brief.h"
#include "claimindex.h"

#include <QList>
#include <QString>

#include <optional>

namespace spheres {

class Atlas;

/// The one answer to "which claims concern this?", for every view that asks it: the context
/// panel, the narrative's marks, presentation's claims card, the charts and the briefing pack.
/// A claim concerns a region when it links the region itself or a group the atlas puts the region
/// in ("central-asia" concerns Kazakhstan); it concerns a feature ("layer/feature") when it links
/// that feature or its whole layer. Claims come back in the brief's order, each once.
/// Answers come from a ClaimIndex: the owner's (built once per edit, so a click only looks up),
/// or, for a one-off question, one built here.
class ClaimFinder
{
public:
    /// `atlas` may be null: then only direct region links count. `index` (may be null) is used
    /// while it covers `brief`.
    ClaimFinder(const Brief &brief, const Atlas *atlas, const ClaimIndex *index = nullptr);
    ClaimFinder(const ClaimFinder &) = delete; // it may point into itself (its own index)
    ClaimFinder &operator=(const ClaimFinder &) = delete;

    QList<const Claim *> aboutRegion(const QString &code) const;
    QList<const Claim *> aboutFeature(const QString &featureRef) const;
    /// What a saved view is about: its focused claim first, then the claims about its selected
    /// region or feature.
    QList<const Claim *> aboutView(const SavedView &view) const;

private:
    /// The claims at the union of `lists` of positions, in the brief's order, each once.
    QList<const Claim *> claimsAt(const QList<const QList<int> *> &lists) const;

    const Brief &m_brief;
    const Atlas *m_atlas;
    std::optional<ClaimIndex> m_ownIndex;
    const ClaimIndex *m_index;
};

} // namespace spheres
