#pragma once

#include "layerlegend.h"
#include "layerpainter.h"
#include "viewstate.h"

#include <QList>
#include <QRectF>

class QPainter;

namespace spheres {

class Scene;
struct MapStyle;

/// The map's legend: compact, in the order of the Layers panel (top layer first), with each
/// layer's classes in the order its legend defines them (stable from year to year), in the
/// view's corner or, where annotations stand there, the first corner clear of them. Folded to
/// its title line when the view says so.
class LegendPainter
{
public:
    struct Layout
    {
        QRectF box;                     ///< empty: nothing to show
        QList<LegendSwatch> entries;
        QList<QPointF> places;          ///< each entry's swatch top left, relative to the box
        double row = 0, swatchWidth = 0, cellSwatchWidth = 0;
        double scale = 1; ///< of its type and swatches: the view's style scale, or less on a small picture
    };

    /// The most of a picture's width and height the legend takes: beyond, its type shrinks.
    static constexpr double kMaxWidthShare = 0.3, kMaxHeightShare = 0.36;
    /// Pictures less tall than this (thumbnail slides) let the legend's type shrink further.
    static constexpr int kSmallPicture = 540;
    /// The legend's scale in a picture of `picture` pixels: `styleScale`, or less where the
    /// legend, `natural` pixels at `styleScale`, would take more than its share of the picture.
    static double scaleFor(QSizeF natural, double styleScale, QSize picture);

    /// Where the legend of `view` goes and what it holds; `avoid` are boxes it should keep clear
    /// of. Large type (presenting, a big export) makes it no larger than its share of the picture.
    static Layout layout(const Scene &scene, const ViewState &view, const MapStyle &style, const QList<QRectF> &avoid);
    static void paint(QPainter &painter, const Layout &layout, const ViewState &view, const MapStyle &style);
    /// The corner nearest to `pixel` in a picture of `size`: where a dragged legend lands.
    static ViewState::Corner nearestCorner(QPointF pixel, QSize size);
    /// "Legend — 2026"
    static QString title(int year);

private:
    /// The legend's content at scale `k`, its box at the origin.
    static Layout layoutAt(const Scene &scene, const ViewState &view, const MapStyle &style, double k);
};

} // namespace spheres
