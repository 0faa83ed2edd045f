#include "viewstate.h"

#include <array>

#include "projection.h"

#include <algorithm>
#include <limits>

namespace spheres {

namespace {
constexpr std::array<std::pair<ViewState::Corner, QStringView>, 4> kCornerNames{{
    {ViewState::Corner::BottomLeft, u"bottom-left"},
    {ViewState::Corner::BottomRight, u"bottom-right"},
    {ViewState::Corner::TopLeft, u"top-left"},
    {ViewState::Corner::TopRight, u"top-right"},
}};
} // namespace

void MapInteraction::clearPointer()
{
    hoveredRegion.clear();
    hoveredFeature.clear();
}

void MapInteraction::clearHighlight()
{
    highlightRegions.clear();
    highlightFeatures.clear();
    highlightGroups.clear();
}

ViewState ViewState::withoutPointer() const
{
    ViewState out = *this;
    out.clearPointer();
    return out;
}

ViewState ViewState::savable() const
{
    ViewState out = withoutPointer();
    out.clearHighlight();
    out.output() = MapOutput();
    return out;
}

QString cornerName(ViewState::Corner corner)
{
    for (const auto &[c, name] : kCornerNames)
        if (c == corner)
            return name.toString();
    return QString();
}

std::optional<ViewState::Corner> cornerNamed(QStringView name)
{
    for (const auto &[c, n] : kCornerNames)
        if (n == name)
            return c;
    return std::nullopt;
}

ViewState framedView(const Projection &projection, const QRectF &extent, QSize size, double marginFraction)
{
    ViewState view;
    view.projectionId = projection.id();
    view.size = size;
    // The extent's outline, densified, projected: its bounding box is what must fit.
    double minX = std::numeric_limits<double>::max(), minY = minX, maxX = -minX, maxY = -minX;
    const int steps = 64;
    for (int i = 0; i <= steps; ++i) {
        const double t = double(i) / steps;
        const QPointF samples[] = {{extent.left() + t * extent.width(), extent.top()},
                                   {extent.left() + t * extent.width(), extent.bottom()},
                                   {extent.left(), extent.top() + t * extent.height()},
                                   {extent.right(), extent.top() + t * extent.height()}};
        for (const QPointF &s : samples) {
            if (const auto xy = projection.forward(s)) {
                minX = std::min(minX, xy->x());
                maxX = std::max(maxX, xy->x());
                minY = std::min(minY, xy->y());
                maxY = std::max(maxY, xy->y());
            }
        }
    }
    if (minX > maxX || size.isEmpty())
        return view;
    const double usableW = size.width() * (1.0 - 2 * marginFraction);
    const double usableH = size.height() * (1.0 - 2 * marginFraction);
    view.metresPerPixel = std::max((maxX - minX) / usableW, (maxY - minY) / usableH);
    const QPointF mid((minX + maxX) / 2, (minY + maxY) / 2);
    view.centre = projection.inverse(mid).value_or(extent.center());
    return view;
}

} // namespace spheres
