#pragma once

#include "layer.h"
#include "mapstyle.h"
#include "projectedlayer.h"

#include <QCoreApplication>
#include <QColor>
#include <QList>
#include <QPen>

class QPainter;

namespace spheres {

class Scene;
struct ViewState;

/// One entry of the map's legend or of the Layers panel: a fill, stripes, a line sample or a
/// site's symbol beside its label.
struct LegendSwatch
{
    QString label;
    QColor fill;           ///< for areas
    QPen line;             ///< for lines; NoPen for areas
    QList<QColor> stripes; ///< zones: claimants' colours, striped over the fill
    QColor outline;        ///< zones: the outline's colour; invalid: a thin frame
    bool cell = false;     ///< a claimant, named alone: several to a row under the entry before
    QString symbol = {};   ///< sites: the kind whose symbol stands for the entry
    bool hollow = false;   ///< sites: the symbol of a site not yet in operation
    bool heading = false;  ///< a line of text naming the entries under it, without a swatch
};

/// What the legend and the Layers panel list for the layers, drawn as LayerPainter draws them.
class LayerLegend
{
    Q_DECLARE_TR_FUNCTIONS(LayerLegend)

public:
    /// All legend entries of a layer, whatever the year (for the layers panel).
    static QList<LegendSwatch> swatchesFor(const Layer &layer, const MapStyle &style = MapStyle::standard());
    /// Paints a legend swatch (fill, stripes or a line sample) into `box`.
    static void paintSwatch(QPainter &painter, const QRectF &box, const LegendSwatch &swatch,
                            const MapStyle &style = MapStyle::standard());
    /// Legend entries of what is visible in `view`: statuses that occur in its year, and the
    /// claimants of the contested zones in the picture.
    static QList<LegendSwatch> legend(const Scene &scene, const ViewState &view, const MapStyle &style = MapStyle::standard());

private:
    static QList<LegendSwatch> siteLegend(const Layer &layer, const ViewState &view);
    static QList<LegendSwatch> zoneLegend(const Scene &scene, const ViewState &view, const ProjectedLayer &layer,
                                          const LayerStyle &style);
    /// A membership or lines layer's classes in the view's year: a fill per status, a line
    /// sample per commodity and status.
    static QList<LegendSwatch> classLegend(const Layer &layer, const ViewState &view, const LayerStyle &style);
};

} // namespace spheres
