#pragma once

#include "layerlegend.h"
#include "layerpainter.h"

#include <QColor>
#include <QCoreApplication>
#include <QList>

namespace spheres {

struct LayerStyle;

/// The colours of a user's layer styled by a field (Layer::classes): categories from the
/// qualitative palette, numeric classes from the sequential one (LayerStyle), and the legend
/// entries that name them. Every output (window, PNG, SVG, PDF) draws them through LayerPainter.
class ClassColours
{
    Q_DECLARE_TR_FUNCTIONS(ClassColours)

public:
    /// Class `index` of `count` classes on `scale`: qualitative classes take the palette in order,
    /// sequential ones are spread over the whole ramp, lightest first.
    static QColor colourOf(AttributeClasses::Scale scale, int index, int count, const LayerStyle &style);
    /// The colour of feature `feature` of `layer`; invalid when the layer is plain or the
    /// feature has no value (drawn in the plain colour).
    static QColor featureColour(const Layer &layer, int feature, const LayerStyle &style);
    /// One entry per class, in order, and "No value" last when some features lack one; with
    /// `heading`, first the layer and its field, for the map's legend. Empty for a plain layer.
    static QList<LegendSwatch> legend(const Layer &layer, const LayerStyle &style, bool heading);
};

} // namespace spheres
