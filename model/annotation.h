#pragma once

#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>

namespace spheres {

/// A mark the user puts on the map: a text callout with a leader line, an arrow, a pin, an area
/// drawn by hand, or a region highlighted. Every position is geographic (lon/lat), so that an
/// annotation stays on its spot through pan, zoom and a change of projection; only a callout's
/// text box is placed in pixels relative to its anchor, so that the text stays readable at
/// every scale.
struct Annotation
{
    enum class Kind { Callout, Arrow, Pin, Area, Region };

    QString id;                 ///< stable within a brief: "a1", "a2", …
    Kind kind = Kind::Callout;
    QString text;               ///< may be empty for arrows, pins, areas and regions; wraps when long
    QPointF anchor;             ///< lon/lat: what a callout or pin points at, an arrow's head
    QPointF tail;               ///< lon/lat: an arrow's tail (its text sits there)
    QList<QPointF> points;      ///< lon/lat: an area's outline (closed implicitly)
    QString region;             ///< a highlighted region's code
    /// A callout's or pin's text box centre relative to the anchor, in pixels at style scale 1.
    /// Absent: placed automatically, out of the way of labels and other annotations.
    std::optional<QPointF> textOffset;
    QString colour = QStringLiteral("#d55e00"); ///< "#rrggbb"; Okabe–Ito vermilion by default
    double textSize = 11.0;           ///< in pixels at style scale 1

    bool operator==(const Annotation &) const = default;

    /// Annotation colours offered in the editor: Okabe–Ito, which stays apart for colour-blind
    /// readers, plus near-black.
    static QStringList palette();
    static QString kindKey(Kind kind);                          ///< "callout", "arrow", …
    static std::optional<Kind> kindFromKey(const QString &key);
    /// Moves every geographic point by (dLon, dLat), clamped to the valid range.
    void translate(QPointF delta);
};

/// A fresh id for an annotation of `existing`: "a" followed by one more than the largest number used.
QString nextAnnotationId(const QList<Annotation> &existing);

} // namespace spheres
