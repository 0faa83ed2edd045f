#include "annotationpainter.h"

#include "layerpainter.h"
#include "mapstyle.h"
#include "projectedatlas.h"
#include "scene.h"
#include "viewstate.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>

#include <boost/geometry/algorithms/correct.hpp>

#include <cmath>

namespace spheres {

namespace {

constexpr double kPad = 5.0;        // text box padding, pixels at scale 1
constexpr double kPinHeight = 22.0; // from the tip to the top of the head
constexpr double kPinRadius = 7.0;

QFont textFont(const Annotation &a, const MapStyle &style, double scale)
{
    QFont font(style.fontFamily);
    font.setPixelSize(std::max(1, int(std::lround(a.textSize * scale))));
    return font;
}

/// The size of `text` wrapped at the wrap width, padding included.
QSizeF textSize(const Annotation &a, const MapStyle &style, double scale)
{
    const QRectF r = QFontMetricsF(textFont(a, style, scale))
                         .boundingRect(QRectF(0, 0, AnnotationPainter::kWrapWidth * scale, 1e6),
                                       Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, a.text);
    return r.size() + QSizeF(2 * kPad * scale, 2 * kPad * scale);
}

double overlap(const QRectF &a, const QRectF &b)
{
    const QRectF i = a.intersected(b);
    return i.isValid() ? i.width() * i.height() : 0.0;
}

/// A box of `size` just off `core` in direction `dir` at `distance`: the corner or edge that
/// faces `core` is `distance` away, so the box never covers what it points at.
QRectF boxToward(QPointF core, QPointF dir, double distance, QSizeF size)
{
    const auto sign = [](double v) { return v > 1e-9 ? 1.0 : (v < -1e-9 ? -1.0 : 0.0); };
    const double len = std::hypot(dir.x(), dir.y());
    const QPointF unit = len > 0 ? dir / len : QPointF();
    const QPointF centre = core + unit * distance
                           + QPointF(sign(unit.x()) * size.width() / 2, sign(unit.y()) * size.height() / 2);
    return QRectF(centre - QPointF(size.width() / 2, size.height() / 2), size);
}

/// The candidate that covers the fewest obstacles and stays on screen; the first such in the
/// order of preference (north-east first, as map callouts conventionally sit).
QRectF bestBox(QPointF core, QSizeF size, const QList<double> &distances, const QRectF &viewport,
               const QList<QRectF> &obstacles)
{
    static const QList<QPointF> directions{{1, -1}, {-1, -1}, {1, 1}, {-1, 1}, {1, 0}, {-1, 0}, {0, -1}, {0, 1}};
    QRectF best;
    double bestScore = std::numeric_limits<double>::infinity();
    for (double distance : distances) {
        for (const QPointF &dir : directions) {
            const QRectF box = boxToward(core, distance > 0 ? dir : QPointF(), distance, size);
            double score = 4.0 * (box.width() * box.height() - overlap(box, viewport));
            for (const QRectF &o : obstacles)
                score += overlap(box, o);
            if (score < bestScore - 1e-6) {
                best = box;
                bestScore = score;
            }
            if (distance <= 0)
                break; // one candidate at the core itself
        }
        if (bestScore <= 0)
            break; // the nearest clear place wins
    }
    return best;
}

QRectF pinMarker(QPointF tip, double k)
{
    return QRectF(tip.x() - kPinRadius * k, tip.y() - kPinHeight * k, 2 * kPinRadius * k, kPinHeight * k);
}

QPainterPath pinPath(QPointF tip, double k)
{
    const double r = kPinRadius * k;
    const QPointF centre(tip.x(), tip.y() - kPinHeight * k + r);
    QPainterPath head;
    head.addEllipse(centre, r, r);
    QPainterPath point;
    point.addPolygon(QPolygonF{tip, centre + QPointF(-r * 0.8, r * 0.6), centre + QPointF(r * 0.8, r * 0.6), tip});
    return head.united(point);
}

/// An arrow's gently bent line: a straight arrow reads as a border or a route on a map.
QPainterPath arrowLine(QPointF tail, QPointF head)
{
    const QPointF d = head - tail;
    const QPointF control = (tail + head) / 2 + QPointF(-d.y(), d.x()) * 0.12;
    QPainterPath path(tail);
    path.quadTo(control, head);
    return path;
}

/// The point of `box`'s outline nearest to `p` (for a leader line).
QPointF nearestOnBox(const QRectF &box, QPointF p)
{
    return {std::clamp(p.x(), box.left(), box.right()), std::clamp(p.y(), box.top(), box.bottom())};
}

/// How far `p` is from the segment `line`, in pixels.
double distanceToSegment(const QLineF &line, QPointF p)
{
    const QPointF d = line.p2() - line.p1();
    const double lengthSquared = QPointF::dotProduct(d, d);
    const double t = lengthSquared > 0 ? std::clamp(QPointF::dotProduct(p - line.p1(), d) / lengthSquared, 0.0, 1.0) : 0.0;
    const QPointF nearest = line.p1() + t * d;
    return std::hypot(p.x() - nearest.x(), p.y() - nearest.y());
}

} // namespace

QList<QPolygonF> AnnotationPainter::arrowLines(const QList<Annotation> &annotations, const Scene &scene,
                                               const ViewState &view)
{
    QList<QPolygonF> out;
    for (const Annotation &a : annotations) {
        if (a.kind != Annotation::Kind::Arrow || view.hiddenAnnotations.contains(a.id))
            continue;
        const auto head = scene.pixelOf(view, a.anchor), tail = scene.pixelOf(view, a.tail);
        if (head && tail)
            out += arrowLine(*tail, *head).toSubpathPolygons();
    }
    return out;
}

QList<QRectF> AnnotationPainter::fixedBoxes(const QList<Annotation> &annotations, const Scene &scene,
                                            const ViewState &view, const MapStyle &style)
{
    QList<QRectF> boxes;
    for (const PlacedAnnotation &p : layout(annotations, scene, view, style, {})) {
        const Annotation &a = p.annotation;
        if (!p.textBox.isEmpty() && (a.kind == Annotation::Kind::Arrow || a.textOffset))
            boxes << p.textBox;
        if (!p.marker.isEmpty())
            boxes << p.marker;
    }
    return boxes;
}

QRectF PlacedAnnotation::bounds() const
{
    QRectF r = shape.isEmpty() ? QRectF(anchor, QSizeF(1, 1)) : shape.boundingRect().united(QRectF(anchor, QSizeF(1, 1)));
    if (!marker.isEmpty())
        r = r.united(marker);
    if (annotation.kind == Annotation::Kind::Arrow)
        r = r.united(QRectF(tail, QSizeF(1, 1)));
    return textBox.isEmpty() ? r : r.united(textBox);
}

QLineF PlacedAnnotation::leader() const
{
    if (annotation.kind != Annotation::Kind::Callout || textBox.isEmpty() || textBox.contains(anchor))
        return {};
    return {anchor, nearestOnBox(textBox, anchor)};
}

namespace {

/// Where an automatic text box is sought: around `core`, at these distances, nearest first.
struct TextSeat
{
    QPointF core;
    QList<double> distances;
};

/// Places an annotation's shape and anchor on screen; false when the view cannot show it. A
/// pin's head and a callout's dot go into `taken`, so that no text box covers them.
bool placeShape(PlacedAnnotation &p, TextSeat &seat, const Scene &scene, const ViewState &view, QList<QRectF> &taken)
{
    const Annotation &a = p.annotation;
    const double k = view.styleScale;
    switch (a.kind) {
    case Annotation::Kind::Callout:
    case Annotation::Kind::Pin: {
        const auto anchor = scene.pixelOf(view, a.anchor);
        if (!anchor)
            return false;
        p.anchor = *anchor;
        if (a.kind == Annotation::Kind::Pin) {
            seat = {p.anchor - QPointF(0, (kPinHeight - kPinRadius) * k), {(kPinRadius + 4) * k, 28 * k}};
            p.marker = pinMarker(p.anchor, k);
            taken << p.marker;
        } else {
            seat = {p.anchor, {30 * k, 60 * k, 100 * k}};
            taken << QRectF(p.anchor - QPointF(4 * k, 4 * k), QSizeF(8 * k, 8 * k));
        }
        return true;
    }
    case Annotation::Kind::Arrow: {
        const auto head = scene.pixelOf(view, a.anchor), tail = scene.pixelOf(view, a.tail);
        if (!head || !tail)
            return false;
        p.anchor = *head;
        p.tail = *tail;
        p.shape = arrowLine(p.tail, p.anchor);
        return true;
    }
    case Annotation::Kind::Area: {
        Polygon polygon;
        for (QPointF q : a.points)
            polygon.outer().emplace_back(q.x(), q.y());
        boost::geometry::correct(polygon);
        p.shape = scene.worldToScreen(view).map(pathOfAreas(projectShape(scene.projection(), MultiPolygon{polygon})));
        p.anchor = p.shape.boundingRect().center();
        seat = {p.anchor, {0, 40 * k}};
        return !p.shape.isEmpty();
    }
    case Annotation::Kind::Region: {
        const SceneLevel &level = scene.levelFor(view.metresPerPixel);
        const int i = level.atlas().indexOf(a.region);
        const int coarse = scene.coarse().atlas().indexOf(a.region);
        if (i < 0 || coarse < 0)
            return false;
        const QTransform t = scene.worldToScreen(view);
        p.shape = level.screenPath(i, t);
        const Point label = scene.coarse().projected().regions().at(coarse).labelAnchor;
        p.anchor = t.map(QPointF(label.x(), label.y()));
        seat = {p.anchor, {0, 40 * k}};
        return !p.shape.isEmpty();
    }
    }
    return false;
}

/// Where an annotation's text goes: behind an arrow's tail, where the user moved it, or the
/// nearest free place around its seat.
QRectF placeText(const PlacedAnnotation &p, const TextSeat &seat, QSizeF size, double k, const QRectF &viewport,
                 const QList<QRectF> &taken)
{
    const Annotation &a = p.annotation;
    if (a.kind == Annotation::Kind::Arrow) {
        // The text sits behind the tail, on the line's extension, away from what it points at.
        QPointF away = p.tail - p.anchor;
        const double len = std::hypot(away.x(), away.y());
        away = len > 0 ? away / len : QPointF(0, 1);
        const double reach = std::abs(away.x()) * size.width() / 2 + std::abs(away.y()) * size.height() / 2;
        const QPointF centre = p.tail + away * (reach + 6 * k);
        return QRectF(centre - QPointF(size.width() / 2, size.height() / 2), size);
    }
    if (a.textOffset && (a.kind == Annotation::Kind::Callout || a.kind == Annotation::Kind::Pin)) {
        const QPointF centre = p.anchor + *a.textOffset * k;
        return QRectF(centre - QPointF(size.width() / 2, size.height() / 2), size);
    }
    return bestBox(seat.core, size, seat.distances, viewport, taken);
}

// A highlighted region keeps the colour its layers give it: outlined, not washed over.
void paintOutline(QPainter &painter, const PlacedAnnotation &p, const QColor &colour, double k)
{
    const bool area = p.annotation.kind == Annotation::Kind::Area;
    QColor translucent = colour;
    translucent.setAlpha(0x40);
    painter.setBrush(area ? QBrush(translucent) : QBrush(Qt::NoBrush));
    QPen outline(colour, (area ? 2.0 : 2.5) * k);
    if (area)
        outline.setStyle(Qt::DashLine);
    outline.setJoinStyle(Qt::RoundJoin);
    painter.setPen(outline);
    painter.drawPath(p.shape);
}

void paintArrow(QPainter &painter, const PlacedAnnotation &p, const QColor &colour, const QColor &casing, double k)
{
    // A light casing under the line keeps it readable over any fill.
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(casing, 5.5 * k, Qt::SolidLine, Qt::RoundCap));
    painter.drawPath(p.shape);
    painter.setPen(QPen(colour, 2.5 * k, Qt::SolidLine, Qt::RoundCap));
    const double headLength = 13 * k;
    const double along = p.shape.length();
    // Stop the line short of the head, whose point then shows sharp.
    const double stop = along > headLength ? p.shape.percentAtLength(along - headLength * 0.7) : 0.0;
    QPainterPath line;
    const int steps = 32;
    for (int s = 0; s <= steps; ++s) {
        const QPointF q = p.shape.pointAtPercent(stop * s / steps);
        s == 0 ? line.moveTo(q) : line.lineTo(q);
    }
    painter.drawPath(line);
    const double angle = std::atan2(p.anchor.y() - p.shape.pointAtPercent(stop).y(),
                                    p.anchor.x() - p.shape.pointAtPercent(stop).x());
    const auto at = [&](double da, double r) {
        return p.anchor - QPointF(std::cos(angle + da) * r, std::sin(angle + da) * r);
    };
    const QPolygonF head{p.anchor, at(0.42, headLength), at(-0.42, headLength)};
    painter.setPen(QPen(casing, 1.2 * k));
    painter.setBrush(colour);
    painter.drawPolygon(head);
}

void paintPin(QPainter &painter, const PlacedAnnotation &p, const QColor &colour, const MapStyle &style, double k)
{
    painter.setPen(QPen(style.annotationCasing, 1.5 * k));
    painter.setBrush(colour);
    painter.drawPath(pinPath(p.anchor, k));
    painter.setPen(Qt::NoPen);
    painter.setBrush(style.annotationBox);
    painter.drawEllipse(p.anchor - QPointF(0, (kPinHeight - kPinRadius) * k), kPinRadius * 0.38 * k, kPinRadius * 0.38 * k);
}

void paintCallout(QPainter &painter, const PlacedAnnotation &p, const QColor &colour, const QColor &casing, double k)
{
    if (const QLineF leader = p.leader(); !leader.isNull()) {
        painter.setPen(QPen(casing, 4 * k, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(leader);
        painter.setPen(QPen(colour, 1.6 * k, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(leader);
    }
    painter.setPen(QPen(casing, 1.5 * k));
    painter.setBrush(colour);
    painter.drawEllipse(p.anchor, 3.5 * k, 3.5 * k);
}

void paintText(QPainter &painter, const PlacedAnnotation &p, const QColor &colour, const MapStyle &style, double k)
{
    painter.setPen(QPen(colour, 1.2 * k));
    painter.setBrush(style.annotationBox);
    painter.drawRoundedRect(p.textBox, 3 * k, 3 * k);
    painter.setFont(textFont(p.annotation, style, k));
    painter.setPen(style.annotationText);
    painter.drawText(p.textBox.adjusted(kPad * k, kPad * k, -kPad * k, -kPad * k),
                     Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, p.annotation.text);
}

} // namespace

QList<PlacedAnnotation> AnnotationPainter::layout(const QList<Annotation> &annotations, const Scene &scene,
                                                  const ViewState &view, const MapStyle &style,
                                                  const QList<QRectF> &obstacles)
{
    const double k = view.styleScale;
    const QRectF viewport(QPointF(0, 0), QSizeF(view.size));
    QList<QRectF> taken = obstacles;
    QList<PlacedAnnotation> out;
    for (const Annotation &a : annotations) {
        if (view.hiddenAnnotations.contains(a.id))
            continue;
        PlacedAnnotation p{a, {}, {}, {}, {}, {}};
        TextSeat seat;
        if (!placeShape(p, seat, scene, view, taken))
            continue;
        if (!a.text.trimmed().isEmpty()) {
            p.textBox = placeText(p, seat, textSize(a, style, k), k, viewport, taken);
            taken << p.textBox;
        }
        out << p;
    }
    return out;
}

void AnnotationPainter::paint(QPainter &painter, const QList<PlacedAnnotation> &placed, const ViewState &view,
                              const MapStyle &style)
{
    const double k = view.styleScale;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const PlacedAnnotation &p : placed) {
        const QColor colour(p.annotation.colour);
        switch (p.annotation.kind) {
        case Annotation::Kind::Area:
        case Annotation::Kind::Region: paintOutline(painter, p, colour, k); break;
        case Annotation::Kind::Arrow: paintArrow(painter, p, colour, style.annotationCasing, k); break;
        case Annotation::Kind::Pin: paintPin(painter, p, colour, style, k); break;
        case Annotation::Kind::Callout: paintCallout(painter, p, colour, style.annotationCasing, k); break;
        }
        if (!p.textBox.isEmpty())
            paintText(painter, p, colour, style, k);
    }
    painter.restore();
}

AnnotationHit AnnotationPainter::hitTest(const QList<PlacedAnnotation> &placed, QPointF pixel, double tolerance)
{
    const auto near = [&](QPointF a) { return std::hypot(a.x() - pixel.x(), a.y() - pixel.y()) <= tolerance + 2; };
    QPainterPathStroker stroker;
    stroker.setWidth(2 * tolerance);
    for (auto it = placed.crbegin(); it != placed.crend(); ++it) {
        const PlacedAnnotation &p = *it;
        const QString &id = p.annotation.id;
        if (p.textBox.adjusted(-2, -2, 2, 2).contains(pixel))
            return {id, AnnotationHit::Part::Text};
        switch (p.annotation.kind) {
        case Annotation::Kind::Callout:
            if (near(p.anchor))
                return {id, AnnotationHit::Part::Anchor};
            if (const QLineF leader = p.leader(); !leader.isNull() && distanceToSegment(leader, pixel) <= tolerance)
                return {id, AnnotationHit::Part::Body};
            break;
        case Annotation::Kind::Pin:
            if (near(p.anchor) || p.marker.adjusted(-2, -2, 2, 2).contains(pixel))
                return {id, AnnotationHit::Part::Anchor};
            break;
        case Annotation::Kind::Arrow:
            if (near(p.anchor))
                return {id, AnnotationHit::Part::Anchor};
            if (near(p.tail))
                return {id, AnnotationHit::Part::Tail};
            if (stroker.createStroke(p.shape).contains(pixel))
                return {id, AnnotationHit::Part::Body};
            break;
        case Annotation::Kind::Area:
        case Annotation::Kind::Region:
            // Only the outline: the inside stays clickable for the regions under it.
            if (p.shape.controlPointRect().adjusted(-tolerance, -tolerance, tolerance, tolerance).contains(pixel)
                && stroker.createStroke(p.shape).contains(pixel))
                return {id, AnnotationHit::Part::Body};
            break;
        }
    }
    return {};
}

} // namespace spheres
