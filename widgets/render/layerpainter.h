#pragma once

#include "layer.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QPainterPath>
#include <QPen>

#include <memory>

class QPainter;

namespace spheres {

class Projection;
class Scene;
struct ViewState;

/// A thematic layer projected once for a projection: one path per feature, in metres.
struct ProjectedLayer
{
    std::shared_ptr<const Layer> layer;
    QList<QPainterPath> areas; ///< per feature (zones)
    QList<QPainterPath> lines; ///< per feature (pipelines, claim lines)
    QList<MultiPolygon> areaShapes;     ///< the same in projected metres, for hit tests
    QList<MultiLineString> lineShapes;

    ProjectedLayer(std::shared_ptr<const Layer> layer, const Projection &projection);
};

/// Projected polygons (metres or pixels) as one path, holes included.
QPainterPath pathOfAreas(const MultiPolygon &shape);

/// How each layer looks, chosen for colour-blind readers and greyscale print: colours from the
/// Okabe–Ito set, and status told by line style (operating solid, under construction dashed,
/// planned dotted, suspended dash-dot), never by colour alone.
class LayerPainter
{
public:
    struct Swatch
    {
        QString label;
        QColor fill;      ///< for areas
        QPen line;        ///< for lines; NoPen for areas
        bool hatched = false;
    };

    static QColor membershipColour(const QString &status);
    static QPen pipelinePen(const QString &commodity, const QString &status, double scale);

    /// Fill colours of regions coloured by visible membership layers in the view's year,
    /// blended over `land` so that they can replace the land fill.
    static QHash<QString, QColor> regionFills(const Scene &scene, const ViewState &view, const QColor &land);
    /// Draws the visible zones and lines of `view` (membership layers colour the land instead).
    static void paint(QPainter &painter, const Scene &scene, const ViewState &view, const QTransform &toScreen);
    static void paintGeneric(QPainter &painter, const ProjectedLayer &layer, int feature, const QTransform &t, double scale);
    /// All legend entries of a layer, whatever the year (for the layers panel).
    static QList<Swatch> swatchesFor(const Layer &layer);
    /// Paints a legend swatch (fill, hatching or a line sample) into `box`.
    static void paintSwatch(QPainter &painter, const QRectF &box, const Swatch &swatch);
    /// Legend entries of what is visible in `view` (only statuses that occur in its year).
    static QList<Swatch> legend(const Scene &scene, const ViewState &view);
};

} // namespace spheres
