#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace spheres {

/// The links the panels build to the brief's own things: `spheres:claim/<id>` and so on, the id
/// percent-encoded, so that an id from a file (quotes, angle brackets, colons, `%1`) can neither
/// leave the attribute it stands in nor be read back as another kind of link.
class InternalLink
{
public:
    /// MoreClaims: the rest of a long list of claims of one stance (id: the stance's key).
    enum class Kind { Claim, Region, Feature, EditClaim, MoreClaims };
    struct Target
    {
        Kind kind;
        QString id;
    };

    /// The link, safe in any HTML attribute as it is (only letters, digits and `-._~%:/`).
    static QString href(Kind kind, const QString &id);
    static QUrl url(Kind kind, const QString &id) { return QUrl(href(kind, id)); }
    /// What `link` points to, or nothing when it is not one of ours.
    static std::optional<Target> parse(const QString &link);
    static std::optional<Target> parse(const QUrl &url) { return parse(QString::fromLatin1(url.toEncoded())); }
};

} // namespace spheres
