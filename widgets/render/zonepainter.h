#pragma once

#include "layer.h"

#include <QColor>
#include <QList>
#include <QPainterPath>
#include <QPointF>

class QPainter;

namespace spheres {

struct LayerStyle;

/// How contested zones and claim lines look: every claimant's colour in turn, as diagonal
/// stripes across an area or as the dashes of a claim line, so that overlapping claims stay
/// visible over the membership colours; an area's outline takes the colours of the states that
/// administer it.
class ZonePainter
{
public:
    /// An area in pixels: wash, claimants' stripes, administrators' outline. `anchor` is a
    /// pixel that moves with the map (the stripes stay put on the ground while panning).
    static void paintArea(QPainter &painter, const QPainterPath &area, const Feature &feature, const LayerStyle &style,
                          double scale, QPointF anchor);
    /// A claim line in pixels, its dashes in the claimants' colours in turn.
    static void paintClaimLine(QPainter &painter, const QPainterPath &line, const Feature &feature,
                               const LayerStyle &style, double scale);
    /// Diagonal stripes `spacing` pixels apart across `area`, taking `colours` in turn.
    static void paintStripes(QPainter &painter, const QPainterPath &area, const QList<QColor> &colours, double spacing,
                             double width, QPointF anchor);
    /// The colours of `codes` (claimants or administrators), in order.
    static QList<QColor> coloursOf(const QStringList &codes, const LayerStyle &style);
};

} // namespace spheres
