#pragma once

#include "layer.h"

#include <QCoreApplication>
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace spheres {

/// A membership layer derived from others: for each state and year, whether it is a member on
/// one side (the China-led SCO), on the other (the Russia-led CSTO or EAEU), on both or on
/// neither. The result is a plain membership layer, so the map, its legend, the context panel
/// and the charts show it like any other; its periods and sources are the source layers'.
class MembershipComparison
{
    Q_DECLARE_TR_FUNCTIONS(MembershipComparison)

public:
    /// One side of the comparison: membership in any of `layers` in one of `statuses`.
    struct Side
    {
        QString label;       ///< "SCO", "CSTO or EAEU"
        QStringList layers;  ///< layer ids
        QStringList statuses; ///< what counts as belonging ("member")
    };
    /// What ":/layers/<id>.comparison.json" holds.
    struct Definition
    {
        QString id;
        QString title;
        QString description;
        Side first, second;
    };
    struct Result
    {
        Layer layer;
        QStringList sourceLayers; ///< the membership layers it is worked out from
        QString error; ///< "<file>: …"; empty on success
        bool ok() const { return error.isEmpty(); }
    };

    /// The statuses of a comparison layer, in legend order.
    static QString both() { return QStringLiteral("both"); }
    static QString only(const Side &side) { return side.label + QStringLiteral(" only"); }
    static QString neither() { return QStringLiteral("neither"); }

    /// Reads a definition; on failure returns nullopt and sets `error` naming the file and place.
    static std::optional<Definition> readDefinition(const QByteArray &json, const QString &sourceName, QString &error);
    /// The comparison of `sources` (which must hold the layers the definition names). A state
    /// is listed in a year when any of those layers lists it then; "neither" is a state listed
    /// without membership on either side (an observer, a partner, a frozen member).
    static Layer derive(const Definition &definition, const QList<std::shared_ptr<const Layer>> &sources);
    /// The comparisons that ship, derived from the built-in layers they name.
    static QStringList builtInIds();
    static Result readBuiltIn(const QString &id);
};

} // namespace spheres
