#include "internallink.h"

#include <array>
#include <utility>

namespace spheres {

namespace {

constexpr QLatin1StringView kScheme("spheres:");
constexpr std::array<std::pair<InternalLink::Kind, QLatin1StringView>, 5> kKinds{{
    {InternalLink::Kind::Claim, QLatin1StringView("claim/")},
    {InternalLink::Kind::Region, QLatin1StringView("region/")},
    {InternalLink::Kind::Feature, QLatin1StringView("feature/")},
    {InternalLink::Kind::EditClaim, QLatin1StringView("edit/")},
    {InternalLink::Kind::MoreClaims, QLatin1StringView("more/")},
}};

} // namespace

QString InternalLink::href(Kind kind, const QString &id)
{
    for (const auto &[k, prefix] : kKinds)
        if (k == kind)
            return kScheme + prefix + QString::fromLatin1(QUrl::toPercentEncoding(id));
    return {};
}

std::optional<InternalLink::Target> InternalLink::parse(const QString &link)
{
    if (!link.startsWith(kScheme))
        return std::nullopt;
    const QStringView rest = QStringView(link).mid(kScheme.size());
    for (const auto &[kind, prefix] : kKinds)
        if (rest.startsWith(prefix))
            return Target{kind, QUrl::fromPercentEncoding(rest.mid(prefix.size()).toLatin1())};
    return std::nullopt;
}

} // namespace spheres
