#pragma once

#include <QColor>
#include <QList>
#include <QPainterPath>
#include <QPen>
#include <QPolygonF>

class QPainter;

namespace spheres {

/// Strokes polylines that are already in pixels. Qt's raster engine strokes a path by
/// outlining it (joins, dashes) and filling the outline with its antialiasing rasterizer, which
/// costs milliseconds for a country's outline; straight lines with flat or square caps take a
/// far faster route (one rasterized quad each). So on raster devices a wide pen's path goes out
/// as separate lines, dashes cut here; vector devices (SVG, PDF) get the path and pen unchanged.
class PolylineStroker
{
public:
    /// Strokes `path` (lines only, no curves) with `pen`, as strokePath() would.
    static void stroke(QPainter &painter, const QPainterPath &path, const QPen &pen);
    /// `path`'s polylines moved `distance` to their left (negative: right), corners mitred
    /// (bevelled where sharper than 60°): parallel lines that share a route drawn side by side.
    static QPainterPath offset(const QPainterPath &path, qreal distance);
    static QPolygonF offset(const QPolygonF &line, qreal distance);
    /// Strokes `path` in dashes that take `colours` in turn (dash, gap: in pixels), on every device.
    static void strokeInTurns(QPainter &painter, const QPainterPath &path, const QPen &pen, const QList<QColor> &colours,
                              double dash, double gap);

    /// The dashes of `path` cut by `pattern` (on, off, on, … in pixels), as polylines; dash i
    /// goes into list i % `turns`. Only dashes inside `visible` are kept (cut at its edge), and
    /// the work is bounded by the length inside it plus the number of segments.
    static QList<QList<QPolygonF>> dashes(const QPainterPath &path, const QList<qreal> &pattern, const QRectF &visible,
                                          int turns = 1);
};

} // namespace spheres
