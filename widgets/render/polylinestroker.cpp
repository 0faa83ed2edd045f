#include "polylinestroker.h"

#include <QLineF>
#include <QPaintEngine>
#include <QPainter>

#include <algorithm>
#include <cmath>
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

/// What of the painter's device can be painted, in its logical coordinates, grown by `reach`.
QRectF visibleRect(const QPainter &painter, qreal reach)
{
    const QRectF visible = painter.hasClipping() ? painter.clipBoundingRect()
                                                 : painter.combinedTransform().inverted().mapRect(QRectF(painter.viewport()));
    return visible.adjusted(-reach, -reach, reach, reach);
}

/// Draws polylines as separate lines, leaving out those that cannot reach the visible part.
void drawLines(QPainter &painter, const QList<QPolygonF> &polylines, const QPen &pen)
{
    const QRectF visible = visibleRect(painter, pen.widthF());
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

/// The part [t0, t1] of the segment a→b inside `rect` (Liang–Barsky); nullopt when none is, or
/// when a coordinate is not finite.
std::optional<std::pair<qreal, qreal>> clipped(QPointF a, QPointF b, const QRectF &rect)
{
    qreal t0 = 0, t1 = 1;
    const qreal d[] = {b.x() - a.x(), b.y() - a.y()};
    const qreal from[] = {a.x(), a.y()};
    const qreal low[] = {rect.left(), rect.top()}, high[] = {rect.right(), rect.bottom()};
    for (int axis = 0; axis < 2; ++axis) {
        if (!std::isfinite(from[axis]) || !std::isfinite(d[axis]))
            return std::nullopt;
        if (d[axis] == 0) {
            if (from[axis] < low[axis] || from[axis] > high[axis])
                return std::nullopt;
            continue;
        }
        qreal enter = (low[axis] - from[axis]) / d[axis], leave = (high[axis] - from[axis]) / d[axis];
        if (enter > leave)
            std::swap(enter, leave);
        t0 = std::max(t0, enter);
        t1 = std::min(t1, leave);
        if (t0 > t1)
            return std::nullopt;
    }
    return std::pair{t0, t1};
}

/// Walks polylines through a dash pattern and keeps the dashes inside a rectangle. Outside it
/// only the pattern's phase moves on, whole cycles at a time, so the work is bounded by the
/// visible length and the number of segments, however long the lines are in pixels (a view at
/// an extreme scale makes a country's outline millions of pixels long).
class Dasher
{
public:
    Dasher(const QList<qreal> &pattern, int turns, const QRectF &visible)
        : m_pattern(pattern), m_visible(visible), m_out(std::max(1, turns))
    {
        // An odd pattern takes two rounds to come back to a dash at its start.
        const bool odd = pattern.size() % 2 != 0;
        m_cycle = std::accumulate(pattern.begin(), pattern.end(), 0.0) * (odd ? 2 : 1);
        m_dashesPerCycle = odd ? pattern.size() : pattern.size() / 2;
    }

    void add(const QPolygonF &line)
    {
        if (line.size() < 2)
            return;
        // Each subpath starts the pattern afresh, as Qt's dasher does.
        m_entry = 0;
        m_left = m_pattern[0];
        m_on = true;
        startDash();
        m_piece = QPolygonF{line[0]};
        for (qsizetype i = 1; i < line.size(); ++i) {
            const QPointF a = line[i - 1], b = line[i];
            const qreal length = QLineF(a, b).length();
            const auto inside = clipped(a, b, m_visible);
            if (!inside || !std::isfinite(length)) {
                skip(length, b);
                continue;
            }
            const auto at = [&](qreal t) { return a + (b - a) * t; };
            if (inside->first > 0)
                skip(length * inside->first, at(inside->first));
            walk(a, b, length, length * inside->first, length * inside->second);
            if (inside->second < 1)
                skip(length * (1 - inside->second), b);
        }
        flush();
    }

    QList<QList<QPolygonF>> result() const { return m_out; }

private:
    void startDash()
    {
        m_dash = m_next;
        m_next = (m_next + 1) % m_out.size();
    }
    void toggle()
    {
        m_on = !m_on;
        m_entry = (m_entry + 1) % m_pattern.size();
        m_left = m_pattern[m_entry];
        if (m_on)
            startDash();
    }
    void flush()
    {
        if (m_on && m_piece.size() > 1)
            m_out[m_dash] << m_piece;
        m_piece.clear();
    }
    /// Along a→b (of `length`) from distance `from` to `to`, cutting dashes.
    void walk(QPointF a, QPointF b, qreal length, qreal from, qreal to)
    {
        const auto point = [&](qreal d) { return length > 0 ? a + (b - a) * (d / length) : b; };
        qreal at = from;
        while (to - at > m_left) {
            at += m_left;
            const QPointF p = point(at);
            if (m_on)
                m_piece << p;
            flush();
            toggle();
            m_piece = QPolygonF{p};
        }
        m_left -= to - at;
        if (m_on)
            m_piece << point(to);
    }
    /// Moves the pattern on by `distance` without drawing, ending at `end`.
    void skip(qreal distance, QPointF end)
    {
        flush();
        if (std::isfinite(distance) && distance > m_left + m_cycle) {
            // A whole cycle brings the pattern back where it was, having started m_dashesPerCycle dashes.
            const double cycles = std::floor((distance - m_left) / m_cycle);
            distance -= cycles * m_cycle;
            m_next = (m_next + qsizetype(std::fmod(cycles * double(m_dashesPerCycle), double(m_out.size())))) % m_out.size();
        }
        if (std::isfinite(distance)) {
            while (distance > m_left) {
                distance -= m_left;
                toggle();
            }
            m_left -= distance;
        }
        m_piece = QPolygonF{end};
    }

    const QList<qreal> &m_pattern;
    const QRectF m_visible;
    QList<QList<QPolygonF>> m_out;
    qreal m_cycle = 0;
    qsizetype m_dashesPerCycle = 0;
    qsizetype m_entry = 0; ///< into the pattern
    qreal m_left = 0;      ///< of the current entry
    bool m_on = true;
    qsizetype m_dash = 0, m_next = 0; ///< the list of the dash being cut, and of the next
    QPolygonF m_piece;                ///< of the dash being cut, inside the rectangle
};

/// PolylineStroker::dashes() of polylines.
QList<QList<QPolygonF>> cut(const QList<QPolygonF> &lines, const QList<qreal> &pattern, const QRectF &visible, int turns)
{
    // A pattern that cannot advance (nothing but zeros, or a negative length) draws the lines whole.
    if (pattern.size() < 2 || std::accumulate(pattern.begin(), pattern.end(), 0.0) <= 0
        || std::any_of(pattern.begin(), pattern.end(), [](qreal length) { return !(length >= 0); })) {
        QList<QList<QPolygonF>> out(std::max(1, turns));
        out.front() = lines;
        return out;
    }
    Dasher dasher(pattern, turns, visible);
    for (const QPolygonF &line : lines)
        dasher.add(line);
    return dasher.result();
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
    drawLines(painter, cut(*lines, pattern, visibleRect(painter, pen.widthF()), 1).front(), pen);
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
    const QList<QList<QPolygonF>> pieces = dashes(path, {dash, gap}, visibleRect(painter, pen.widthF()), int(colours.size()));
    for (qsizetype i = 0; i < colours.size(); ++i) {
        QPen solid = pen;
        solid.setStyle(Qt::SolidLine);
        solid.setColor(colours[i]);
        strokeSolid(painter, pieces[i], solid);
    }
}

QList<QList<QPolygonF>> PolylineStroker::dashes(const QPainterPath &path, const QList<qreal> &pattern,
                                                const QRectF &visible, int turns)
{
    const std::optional<QList<QPolygonF>> lines = polylines(path);
    return cut(lines ? *lines : path.toSubpathPolygons(), pattern, visible, turns);
}

QPolygonF PolylineStroker::offset(const QPolygonF &line, qreal distance)
{
    QPolygonF out;
    out.reserve(line.size());
    const auto normal = [&](qsizetype i) { // of segment i → i+1, to its left (y down: screen)
        const QPointF d = line[i + 1] - line[i];
        const qreal length = std::hypot(d.x(), d.y());
        return length > 0 ? QPointF(d.y() / length, -d.x() / length) : QPointF();
    };
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QPointF before = i > 0 ? normal(i - 1) : QPointF(), after = i + 1 < line.size() ? normal(i) : QPointF();
        QPointF n = before + after;
        const qreal length = std::hypot(n.x(), n.y());
        if (length < 1e-9) {
            out << line[i] + (after.isNull() ? before : after) * distance;
            continue;
        }
        n /= length;
        // The mitre lengthens the offset at a corner by 1/cos(half the turn), at most twice.
        const QPointF one = after.isNull() ? before : after;
        const qreal cosHalf = std::max(0.5, n.x() * one.x() + n.y() * one.y());
        out << line[i] + n * (distance / cosHalf);
    }
    return out;
}

QPainterPath PolylineStroker::offset(const QPainterPath &path, qreal distance)
{
    QPainterPath out;
    for (const QPolygonF &line : path.toSubpathPolygons())
        if (line.size() > 1)
            out.addPolygon(offset(line, distance));
    return out;
}

} // namespace spheres
