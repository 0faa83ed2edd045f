#include "labelplacer.h"

#include "mapstyle.h"
#include "scene.h"

#include <QFontMetricsF>

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

} // namespace

QList<PlacedLabel> LabelPlacer::place(const SceneLevel &level, const QTransform &toScreen, const ViewState &view,
                                      const MapStyle &style)
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
                                         [&](const PlacedLabel &p) { return p.box.intersects(padded); });
        if (clashes || !viewport.contains(box))
            continue;
        placed.push_back({text, QPointF(box.left(), box.top() + metrics.ascent()), font, padded});
    }
    return placed;
}

} // namespace spheres
