#include "labelplacer.h"

#include "layerpainter.h"
#include "mapstyle.h"
#include "scene.h"

#include <QFontMetricsF>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace spheres {

namespace {

struct Candidate
{
    int region;
    double screenArea;
};

QFont fontFor(double screenArea, const ViewState &view, const MapStyle &style)
{
    QFont font(style.fontFamily);
    double size = style.labelPointSize;
    if (screenArea > 60000)
        size *= 1.3;
    else if (screenArea > 15000)
        size *= 1.12;
    font.setPixelSize(std::max(1, int(std::lround(size * view.styleScale))));
    if (screenArea > 60000) {
        font.setLetterSpacing(QFont::PercentageSpacing, 108);
        font.setWeight(QFont::DemiBold);
    }
    return font;
}

/// The space each site symbol takes on screen.
QList<QRectF> symbolBoxes(const QList<LayerPainter::SiteSymbol> &symbols, const ViewState &view)
{
    const double r = LayerPainter::symbolRadius(view.styleScale);
    QList<QRectF> boxes;
    for (const LayerPainter::SiteSymbol &s : symbols)
        boxes << QRectF(s.pixel.x() - r, s.pixel.y() - r, 2 * r, 2 * r);
    return boxes;
}

} // namespace

QList<PlacedLabel> LabelPlacer::place(const SceneLevel &level, const QTransform &toScreen, const ViewState &view,
                                      const MapStyle &style, const QList<QRectF> &taken)
{
    const QList<ProjectedRegion> &regions = level.projected().regions();
    const double pixelArea = toScreen.m11() * toScreen.m11();
    const QRectF viewport(QPointF(0, 0), QSizeF(view.size));
    std::vector<Candidate> candidates;
    for (int i = 0; i < regions.size(); ++i) {
        if (regions[i].shape.empty())
            continue;
        const QPointF anchor = toScreen.map(QPointF(regions[i].labelAnchor.x(), regions[i].labelAnchor.y()));
        if (viewport.contains(anchor))
            candidates.push_back({i, regions[i].largestPartArea * pixelArea});
    }
    const QString &selected = view.selectedRegion;
    std::sort(candidates.begin(), candidates.end(), [&](const Candidate &a, const Candidate &b) {
        const bool aSel = level.atlas().regions()[a.region].code == selected;
        const bool bSel = level.atlas().regions()[b.region].code == selected;
        return aSel != bSel ? aSel : a.screenArea > b.screenArea;
    });

    QList<PlacedLabel> placed;
    const double gap = 4.0 * view.styleScale;
    for (const Candidate &c : candidates) {
        const Region &region = level.atlas().regions()[c.region];
        const QFont font = fontFor(c.screenArea, view, style);
        const QFontMetricsF metrics(font);
        const QString text = region.name;
        const double w = metrics.horizontalAdvance(text), h = metrics.height();
        const bool isSelected = region.code == selected;
        if (!isSelected && c.screenArea < w * h * 1.6)
            continue; // the region cannot hold its name at this zoom
        const QPointF anchor = toScreen.map(QPointF(regions[c.region].labelAnchor.x(), regions[c.region].labelAnchor.y()));
        const QRectF box(anchor.x() - w / 2, anchor.y() - h / 2, w, h);
        const QRectF padded = box.adjusted(-gap, -gap / 2, gap, gap / 2);
        const bool clashes = std::any_of(placed.begin(), placed.end(),
                                         [&](const PlacedLabel &p) { return p.box.intersects(padded); }) ||
                             std::any_of(taken.begin(), taken.end(), [&](const QRectF &r) { return r.intersects(padded); });
        if (clashes || !viewport.contains(box))
            continue;
        placed.push_back({text, QPointF(box.left(), box.top() + metrics.ascent()), font, padded});
    }
    return placed;
}

QList<PlacedLabel> LabelPlacer::placeSites(const Scene &scene, const QTransform &toScreen, const ViewState &view,
                                           const MapStyle &style)
{
    const QList<LayerPainter::SiteSymbol> symbols = LayerPainter::siteSymbols(scene, view, toScreen);
    const double r = LayerPainter::symbolRadius(view.styleScale);
    QList<QRectF> taken = symbolBoxes(symbols, view); // no name covers a symbol
    QFont font(style.fontFamily);
    font.setPixelSize(std::max(1, int(std::lround(style.labelPointSize * view.styleScale))));
    font.setWeight(QFont::DemiBold);
    const QFontMetricsF metrics(font);
    const QRectF viewport(QPointF(0, 0), QSizeF(view.size));
    const double gap = 3.0 * view.styleScale;
    QList<PlacedLabel> placed;
    QSet<std::pair<const ProjectedLayer *, int>> named; // a site in several places is named once
    for (const LayerPainter::SiteSymbol &s : symbols) {
        if (named.contains({s.layer, s.feature}))
            continue;
        const QString text = s.layer->layer->features[s.feature].name;
        const double w = metrics.horizontalAdvance(text), h = metrics.height();
        const QPointF c = s.pixel;
        for (const QRectF &box : {QRectF(c.x() + r + gap, c.y() - h / 2, w, h), QRectF(c.x() - r - gap - w, c.y() - h / 2, w, h),
                                  QRectF(c.x() - w / 2, c.y() - r - gap - h, w, h), QRectF(c.x() - w / 2, c.y() + r + gap, w, h)}) {
            const auto clashes = [&box](const QRectF &other) { return other.intersects(box); };
            if (!viewport.contains(box) || std::any_of(taken.begin(), taken.end(), clashes))
                continue;
            placed.push_back({text, QPointF(box.left(), box.top() + metrics.ascent()), font, box});
            taken << box;
            named.insert({s.layer, s.feature});
            break;
        }
    }
    return placed;
}

QList<PlacedLabel> LabelPlacer::placeAll(const Scene &scene, const QTransform &toScreen, const ViewState &view,
                                         const MapStyle &style)
{
    QList<PlacedLabel> labels = placeSites(scene, toScreen, view, style);
    QList<QRectF> taken = symbolBoxes(LayerPainter::siteSymbols(scene, view, toScreen), view);
    for (const PlacedLabel &label : labels)
        taken << label.box;
    // Anchors come from the coarse level so that labels do not jump when the detail changes.
    labels += place(scene.coarse(), toScreen, view, style, taken);
    return labels;
}

} // namespace spheres
