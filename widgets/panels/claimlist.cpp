#include "claimlist.h"

#include "atlas.h"
#include "internallink.h"
#include "safetext.h"
#include "stancestyle.h"

#include <algorithm>

namespace spheres {

QString ClaimList::html(const QList<const Claim *> &claims, const Atlas *atlas, const QString &regionCode,
                        const QSet<Stance> &opened)
{
    if (claims.isEmpty())
        return {};
    // The group through which a claim that does not name the region reaches it.
    auto viaGroup = [atlas, &regionCode](const Claim *c) -> QString {
        if (regionCode.isEmpty() || !atlas || c->regions.contains(regionCode))
            return {};
        for (const RegionGroup *g : atlas->groupsContaining(regionCode))
            if (c->groups.contains(g->id))
                return g->name;
        return {};
    };
    QString html = QStringLiteral("<h4 style='margin-bottom:2px'>%1</h4>").arg(tr("Claims in the narrative (%1)").arg(claims.size()));
    for (Stance stance : {Stance::Rivalry, Stance::Cooperation, Stance::Context}) {
        // Direct claims first, then those that reach the region through a group.
        QList<std::pair<const Claim *, QString>> listed;
        for (const Claim *c : claims)
            if (c->stance == stance)
                listed.append({c, viaGroup(c)});
        if (listed.isEmpty())
            continue;
        std::stable_partition(listed.begin(), listed.end(), [](const auto &entry) { return entry.second.isEmpty(); });
        html += QStringLiteral("<p style='margin:8px 0 2px 0; color:%1; font-weight:600'>%2 %3 (%4)</p>")
                    .arg(StanceStyle::colour(stance).name(), SafeText::html(StanceStyle::symbol(stance)), stanceLabel(stance))
                    .arg(listed.size());
        const qsizetype shown = opened.contains(stance) ? listed.size() : std::min<qsizetype>(listed.size(), kShownPerStance);
        for (qsizetype i = 0; i < shown; ++i) {
            const auto &[c, via] = listed[i];
            html += QStringLiteral("<p style='margin:3px 0 6px 8px'><a href='%1' style='color:#1a1a1a; text-decoration:none'>“%2”</a>"
                                   " <span style='color:gray'>¶%3%4</span></p>")
                        .arg(InternalLink::href(InternalLink::Kind::Claim, c->id), SafeText::html(c->text),
                             QString::number(c->paragraph + 1),
                             via.isEmpty() ? QString() : SafeText::html(tr(" · via %1").arg(via)));
        }
        if (shown < listed.size())
            html += QStringLiteral("<p style='margin:3px 0 6px 8px'><a href='%1'>%2</a></p>")
                        .arg(InternalLink::href(InternalLink::Kind::MoreClaims, stanceKey(stance)),
                             tr("Show all %1 %2 claims").arg(listed.size()).arg(stanceLabel(stance).toLower()));
    }
    return html;
}

QString ClaimList::counts(const QList<const Claim *> &claims)
{
    if (claims.isEmpty())
        return {};
    QStringList parts;
    for (Stance stance : {Stance::Cooperation, Stance::Rivalry, Stance::Context})
        if (const auto n = std::count_if(claims.begin(), claims.end(), [stance](const Claim *c) { return c->stance == stance; }))
            parts << QStringLiteral("%1 %2").arg(n).arg(stanceLabel(stance).toLower());
    return claims.size() == 1 ? tr("1 claim: %1").arg(parts.join(QString()))
                              : tr("%1 claims: %2").arg(claims.size()).arg(parts.join(QStringLiteral(", ")));
}

} // namespace spheres
