#include "classcolours.h"

#include "mapstyle.h"

#include <cmath>

namespace spheres {

namespace {

/// A layer of only points shows its classes as symbols, like its map.
bool onlyPoints(const Layer &layer)
{
    return std::all_of(layer.features.begin(), layer.features.end(),
                       [](const Feature &f) { return f.area.empty() && f.lines.empty(); });
}

LegendSwatch classSwatch(const QString &label, const QColor &colour, bool symbol)
{
    LegendSwatch swatch{label, colour, QPen(Qt::NoPen), {}, {}};
    if (symbol)
        swatch.symbol = QStringLiteral("point");
    return swatch;
}

} // namespace

QColor ClassColours::colourOf(AttributeClasses::Scale scale, int index, int count, const LayerStyle &style)
{
    const QList<QColor> &palette = scale == AttributeClasses::Scale::Qualitative ? style.categoryPalette
                                                                                 : style.sequentialPalette;
    if (palette.isEmpty() || index < 0)
        return {};
    if (scale == AttributeClasses::Scale::Qualitative || count <= 1)
        return palette.at(std::min<qsizetype>(index, palette.size() - 1));
    const double at = double(index) * double(palette.size() - 1) / double(count - 1);
    return palette.at(std::clamp<qsizetype>(qsizetype(std::floor(at + 0.5)), 0, palette.size() - 1));
}

QColor ClassColours::featureColour(const Layer &layer, int feature, const LayerStyle &style)
{
    if (!layer.classes || feature < 0 || feature >= layer.classes->featureClass.size())
        return {};
    const AttributeClasses &c = *layer.classes;
    return colourOf(c.scale, c.featureClass[feature], int(c.labels.size()), style);
}

QList<LegendSwatch> ClassColours::legend(const Layer &layer, const LayerStyle &style, bool heading)
{
    QList<LegendSwatch> out;
    if (!layer.classes)
        return out;
    const AttributeClasses &c = *layer.classes;
    const bool points = onlyPoints(layer);
    if (heading) {
        LegendSwatch title{tr("%1 — %2").arg(layer.title, layer.style.field), QColor(), QPen(Qt::NoPen), {}, {}};
        title.heading = true;
        out << title;
    }
    for (int i = 0; i < c.labels.size(); ++i)
        out << classSwatch(c.labels[i], colourOf(c.scale, i, int(c.labels.size()), style), points);
    if (c.withoutValue > 0)
        out << classSwatch(tr("No value"), points ? style.site : style.genericFill, points);
    return out;
}

} // namespace spheres
