#include "polylinestroker.h"

#include <QLineF>
#include <QPaintEngine>
#include <QPainter>

#include <algorithm>
#include <numeric>
#include <optional>

namespace spheres {

namespace {

bool isRaster(const QPainter &painter)
{
    return painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster;
}

/// The subpaths of a path of lines; nullopt when it has curves.
std::optional<QList<QPolygonF>> polylines(const QPainterPath &path)
{
    QList<QPolygonF> out;
    for (int i = 0; i < path.elementCount(); ++i) {
        const QPainterPath::Element e = path.elementAt(i);
        if (e.isCurveTo())
            return std::nullopt;
        if (e.isMoveTo() || out.isEmpty())
            out.emplaceBack();
        out.last() << QPointF(e.x, e.y);
    }
    return out;
}

QPainterPath pathOf(const QList<QPolygonF> &polylines)
{
    QPainterPath path;
    for (const QPolygonF &line : polylines)
        path.addPolygon(line);
    return path;
}

/// Qt's fast route needs flat or square caps. Square caps fill the outside of each joint as a
/// join would, but paint the joint twice, which only an opaque pen hides.
QPen linePen(QPen pen, qreal opacity)
{
    const bool opaque = pen.color().alpha() == 255 && opacity >= 1.0;
    pen.setStyle(Qt::SolidLine);
    pen.setCapStyle(pen.capStyle() != Qt::FlatCap && opaque ? Qt::SquareCap : Qt::FlatCap);
    return pen;
}

/// Draws polylines as separate lines, leaving out those that cannot reach the clip.
void drawLines(QPainter &painter, const QList<QPolygonF> &polylines, const QPen &pen)
{
    const double reach = pen.widthF();
    const QRectF visible = painter.hasClipping() ? painter.clipBoundingRect().adjusted(-reach, -reach, reach, reach)
                                                 : QRectF(-1e9, -1e9, 2e9, 2e9);
    QList<QLineF> lines;
    for (const QPolygonF &line : polylines)
        for (qsizetype i = 1; i < line.size(); ++i) {
            const QPointF a = line[i - 1], b = line[i];
            if (std::max(a.x(), b.x()) < visible.left() || std::min(a.x(), b.x()) > visible.right() ||
                std::max(a.y(), b.y()) < visible.top() || std::min(a.y(), b.y()) > visible.bottom())
                continue;
            lines.append(QLineF(a, b));
        }
    painter.save();
    painter.setPen(linePen(pen, painter.opacity()));
    painter.setBrush(Qt::NoBrush);
    painter.drawLines(lines);
    painter.restore();
}

/// PolylineStroker::dashes() of polylines.
QList<QList<QPolygonF>> cut(const QList<QPolygonF> &lines, const QList<qreal> &pattern, int turns)
{
    QList<QList<QPolygonF>> out(std::max(1, turns));
    if (pattern.size() < 2 || std::accumulate(pattern.begin(), pattern.end(), 0.0) <= 0) {
        out.front() = lines;
        return out;
    }
    qsizetype count = 0; // dashes so far: the next one's turn
    for (const QPolygonF &line : lines) {
        // Each subpath starts the pattern afresh, as Qt's dasher does.
        qsizetype entry = 0;
        qreal left = pattern[0];
        bool on = true;
        QPolygonF dash{line.value(0)};
        for (qsizetype i = 1; i < line.size(); ++i) {
            const QPointF a = line[i - 1], b = line[i];
            const qreal length = QLineF(a, b).length();
            qreal at = 0;
            while (length - at > left) {
                at += left;
                const QPointF p = a + (b - a) * (at / length);
                if (on) {
                    dash << p;
                    out[count++ % out.size()] << dash;
                }
                dash = QPolygonF{p};
                on = !on;
                entry = (entry + 1) % pattern.size();
                left = pattern[entry];
            }
            left -= length - at;
            if (on)
                dash << b;
        }
        if (on && dash.size() > 1)
            out[count++ % out.size()] << dash;
    }
    return out;
}

/// Solid polylines: as lines where that is fast, else as one path.
void strokeSolid(QPainter &painter, const QList<QPolygonF> &polylines, const QPen &pen)
{
    if (isRaster(painter) && pen.widthF() > 1.0)
        drawLines(painter, polylines, pen);
    else
        painter.strokePath(pathOf(polylines), pen);
}

} // namespace

void PolylineStroker::stroke(QPainter &painter, const QPainterPath &path, const QPen &pen)
{
    // Cosmetic pens of a pixel or less already take a fast route (Qt's cosmetic stroker).
    const std::optional<QList<QPolygonF>> lines = isRaster(painter) && pen.widthF() > 1.0 && pen.style() != Qt::NoPen
                                                      ? polylines(path)
                                                      : std::nullopt;
    if (!lines) {
        painter.strokePath(path, pen);
        return;
    }
    if (pen.style() == Qt::SolidLine) {
        drawLines(painter, *lines, pen);
        return;
    }
    QList<qreal> pattern = pen.dashPattern(); // in pen widths
    for (qreal &length : pattern)
        length *= pen.widthF();
    drawLines(painter, cut(*lines, pattern, 1).front(), pen);
}

void PolylineStroker::strokeInTurns(QPainter &painter, const QPainterPath &path, const QPen &pen,
                                    const QList<QColor> &colours, double dash, double gap)
{
    if (colours.isEmpty())
        return;
    if (colours.size() == 1 && gap <= 0) { // one colour without gaps: a solid line
        QPen solid = pen;
        solid.setStyle(Qt::SolidLine);
        solid.setColor(colours.front());
        stroke(painter, path, solid);
        return;
    }
    const QList<QList<QPolygonF>> pieces = dashes(path, {dash, gap}, int(colours.size()));
    for (qsizetype i = 0; i < colours.size(); ++i) {
        QPen solid = pen;
        solid.setStyle(Qt::SolidLine);
        solid.setColor(colours[i]);
        strokeSolid(painter, pieces[i], solid);
    }
}

QList<QList<QPolygonF>> PolylineStroker::dashes(const QPainterPath &path, const QList<qreal> &pattern, int turns)
{
    const std::optional<QList<QPolygonF>> lines = polylines(path);
    return cut(lines ? *lines : path.toSubpathPolygons(), pattern, turns);
}

} // namespace spheres
