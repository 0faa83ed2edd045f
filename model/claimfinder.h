#pragma once

#include "brief.h"

#include <QList>
#include <QString>

namespace spheres {

class Atlas;

/// The one answer to "which claims concern this?", for every view that asks it: the context
/// panel, the narrative's marks, presentation's claims card, the charts and the briefing pack.
/// A claim concerns a region when it links the region itself or a group the atlas puts the region
/// in ("central-asia" concerns Kazakhstan); it concerns a feature ("layer/feature") when it links
/// that feature or its whole layer. Claims come back in the brief's order, each once.
class ClaimFinder
{
public:
    /// `atlas` may be null: then only direct region links count.
    ClaimFinder(const Brief &brief, const Atlas *atlas);

    QList<const Claim *> aboutRegion(const QString &code) const;
    QList<const Claim *> aboutFeature(const QString &featureRef) const;
    /// What a saved view is about: its focused claim first, then the claims about its selected
    /// region or feature.
    QList<const Claim *> aboutView(const SavedView &view) const;

private:
    bool concernsRegion(const Claim &claim, const QString &code, const QStringList &groups) const;
    static bool concernsFeature(const Claim &claim, const QString &featureRef);
    QStringList groupsOf(const QString &code) const;

    const Brief &m_brief;
    const Atlas *m_atlas;
};

} // namespace spheres
