#pragma once

#include "claim.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>

namespace spheres {

class Atlas;

/// The context panel's claims about its subject, as HTML: by stance (rivalry, cooperation,
/// context), direct claims before those that reach a region through a group, each a link to
/// its claim.
class ClaimList
{
    Q_DECLARE_TR_FUNCTIONS(ClaimList)

public:
    /// Claims listed per stance until the reader asks for all: a country of a 5,000-claim brief
    /// has hundreds, which nobody reads in a side panel and which took a click 50–100 ms to lay out.
    static constexpr int kShownPerStance = 12;

    /// `regionCode`: the region the list is about (empty for a feature), so that a claim that
    /// reaches it through a group says which. `opened`: the stances whose whole list is shown;
    /// the others end in a "Show all" link (InternalLink::Kind::MoreClaims).
    static QString html(const QList<const Claim *> &claims, const Atlas *atlas, const QString &regionCode,
                        const QSet<Stance> &opened);
    /// "3 claims: 2 cooperation, 1 rivalry" (spoken; the panel shows the claims themselves).
    static QString counts(const QList<const Claim *> &claims);
};

} // namespace spheres
