#pragma once

#include "annotation.h"

#include <QLineF>
#include <QList>
#include <QPainterPath>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QString>

class QPainter;

namespace spheres {

class Scene;
struct MapStyle;
struct ViewState;

/// An annotation laid out for one frame: where its parts fall, in logical pixels.
struct PlacedAnnotation
{
    Annotation annotation;
    QPointF anchor;      ///< callout and pin point, arrow head
    QPointF tail;        ///< arrow tail
    QPainterPath shape;  ///< an area's or region's outline; an arrow's line
    QRectF textBox;      ///< where the (wrapped) text goes; empty without text
    QRectF marker;       ///< a pin's head and point
    QRectF bounds() const;
    /// A callout's line from its anchor to its text box; null without one (no text, or the
    /// anchor inside the box).
    QLineF leader() const;
};

/// The part of an annotation under the pointer, for the editor: what a drag moves.
struct AnnotationHit
{
    enum class Part { None, Body, Anchor, Tail, Text };
    QString id;
    Part part = Part::None;
    explicit operator bool() const { return part != Part::None; }
};

/// Lays out and paints the user's annotations over the map. Text boxes without a position of
/// their own are placed where they cover no label, no other annotation and stay on screen, if
/// such a place exists near their anchor; long text wraps. The same layout serves painting and
/// the editor's hit tests, so what is clicked is what is drawn.
class AnnotationPainter
{
public:
    /// Annotations of `annotations` that `view` shows and the projection can place, in drawing
    /// order. `obstacles` (label boxes) are avoided by automatic text boxes.
    static QList<PlacedAnnotation> layout(const QList<Annotation> &annotations, const Scene &scene,
                                          const ViewState &view, const MapStyle &style, const QList<QRectF> &obstacles);
    static void paint(QPainter &painter, const QList<PlacedAnnotation> &placed, const ViewState &view,
                      const MapStyle &style);
    /// The arrows' lines of `annotations` that `view` shows, as screen polylines: known before
    /// the labels, which keep clear of them (the text boxes are laid out after the labels).
    static QList<QPolygonF> arrowLines(const QList<Annotation> &annotations, const Scene &scene, const ViewState &view);
    /// The boxes whose place the annotations fix whatever the labels do: an arrow's text, a
    /// callout's or pin's text moved by hand, a pin's head. The labels keep clear of them.
    static QList<QRectF> fixedBoxes(const QList<Annotation> &annotations, const Scene &scene, const ViewState &view,
                                    const MapStyle &style);
    /// The topmost annotation part within `tolerance` pixels of `pixel`: what is drawn (a text
    /// box, a leader line, an anchor, an outline), never the empty map between those parts.
    static AnnotationHit hitTest(const QList<PlacedAnnotation> &placed, QPointF pixel, double tolerance = 6.0);

    /// Widest a text box grows before its text wraps, in pixels at style scale 1.
    static constexpr double kWrapWidth = 220.0;
};

} // namespace spheres
