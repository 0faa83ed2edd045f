#include "labelplacer.h"

#include "layerpainter.h"
#include "mapstyle.h"
#include "scene.h"

#include <QFontMetricsF>
#include <QHash>
#include <QSet>

#include <QLineF>

#include <boost/geometry/algorithms/covered_by.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <vector>

namespace spheres {

namespace {

struct Candidate
{
    int region;
    double screenArea;
};

/// A region's label type. Regions too small for it get `small` type: lighter and a step
/// smaller, as an atlas names a small state.
QFont fontFor(double screenArea, const ViewState &view, const MapStyle &style, bool small = false)
{
    QFont font(style.fontFamily);
    double size = style.labelPointSize;
    if (small)
        size *= 0.88;
    else if (screenArea > 60000)
        size *= 1.3;
    else if (screenArea > 15000)
        size *= 1.12;
    font.setPixelSize(std::max(1, int(std::lround(size * view.styleScale))));
    if (!small && screenArea > 60000) {
        font.setLetterSpacing(QFont::PercentageSpacing, 108);
        font.setWeight(QFont::DemiBold);
    }
    return font;
}

/// A name's width in `font`, remembered per thread: a pan places every label again at each
/// frame, and measuring a name shapes its text (a third of the placing).
double advanceOf(const QFont &font, const QFontMetricsF &metrics, const QString &text)
{
    thread_local QHash<QFont, QHash<QString, double>> widths; // by font, then text
    QHash<QString, double> &inFont = widths[font];
    if (inFont.size() > 4096)
        inFont.clear(); // names of a huge user layer: bounded, measured again
    const auto known = inFont.constFind(text);
    if (known != inFont.constEnd())
        return *known;
    return inFont.insert(text, metrics.horizontalAdvance(text)).value();
}

bool segmentTouches(const QLineF &segment, const QRectF &box)
{
    if (box.contains(segment.p1()) || box.contains(segment.p2()))
        return true;
    const QPointF corners[] = {box.topLeft(), box.topRight(), box.bottomRight(), box.bottomLeft()};
    for (int i = 0; i < 4; ++i)
        if (segment.intersects(QLineF(corners[i], corners[(i + 1) % 4]), nullptr) == QLineF::BoundedIntersection)
            return true;
    return false;
}

/// How much of a region a label's box may take: a label fills at most 1/1.6 of a region at its
/// full type; in small type it may spill over the borders a little (a narrow state), never
/// far (a speck of an island).
constexpr double kRoomFull = 1.6, kRoomSmall = 0.7;

/// Where a label may go, as fractions of its height (y) and width (x) from its anchor: the
/// anchor first, then just above and below it, then a little to each side, then further.
constexpr QPointF kShifts[] = {{0, 0},     {0, -0.8},   {0, 0.8},   {-0.3, 0},  {0.3, 0},    {0, -1.6},   {0, 1.6},
                               {-0.3, -0.8}, {0.3, 0.8}, {-0.6, 0}, {0.6, 0}, {0.6, -0.8}, {-0.6, 0.8}, {-0.6, -0.8}, {0.6, 0.8}};

/// The most sites of one layer in the picture that are named.
constexpr int kMaxNamedSites = 400;

/// The space each site symbol takes on screen.
QList<QRectF> symbolBoxes(const QList<LayerPainter::SiteSymbol> &symbols, const ViewState &view)
{
    const double r = LayerPainter::symbolRadius(view.styleScale);
    QList<QRectF> boxes;
    for (const LayerPainter::SiteSymbol &s : symbols)
        boxes << QRectF(s.pixel.x() - r, s.pixel.y() - r, 2 * r, 2 * r);
    return boxes;
}

/// Boxes on screen filed by the cells of a coarse grid over the picture that they cover:
/// whether a new box meets any of ten thousand site symbols costs a look into a few cells,
/// not at every box. The cells are a plain array (boxes past the picture go to its edge
/// cells), since filing ten thousand boxes by hash took a drag's frame 1.5 ms.
class BoxGrid
{
public:
    BoxGrid(QSize picture, const QList<QRectF> &boxes)
        : m_columns(std::clamp(picture.width() / kCell + 1, 1, kMaxCells)),
          m_rows(std::clamp(picture.height() / kCell + 1, 1, kMaxCells)),
          m_cellWidth(std::max(1.0, double(picture.width()) / m_columns)),
          m_cellHeight(std::max(1.0, double(picture.height()) / m_rows)), m_cells(size_t(m_columns * m_rows))
    {
        for (const QRectF &box : boxes)
            insert(box);
    }
    void insert(const QRectF &box)
    {
        const Cells c = cellsOf(box);
        for (int y = c.top; y <= c.bottom; ++y)
            for (int x = c.left; x <= c.right; ++x)
                m_cells[size_t(y * m_columns + x)].push_back(box);
    }
    bool intersectsAny(const QRectF &box) const
    {
        const Cells c = cellsOf(box);
        for (int y = c.top; y <= c.bottom; ++y)
            for (int x = c.left; x <= c.right; ++x)
                for (const QRectF &r : m_cells[size_t(y * m_columns + x)])
                    if (r.intersects(box))
                        return true;
        return false;
    }

private:
    static constexpr int kCell = 64, kMaxCells = 256;
    struct Cells
    {
        int left, top, right, bottom;
    };
    /// The cells `box` covers, those at the picture's edge standing for all beyond it.
    Cells cellsOf(const QRectF &box) const
    {
        const auto cellOf = [](double v, double size, int count) {
            const double cell = std::floor(v / size);
            return cell >= 0 ? int(std::min(cell, double(count - 1))) : 0; // NaN too goes to the edge
        };
        return {cellOf(box.left(), m_cellWidth, m_columns), cellOf(box.top(), m_cellHeight, m_rows),
                cellOf(box.right(), m_cellWidth, m_columns), cellOf(box.bottom(), m_cellHeight, m_rows)};
    }
    int m_columns, m_rows;
    double m_cellWidth, m_cellHeight;
    std::vector<std::vector<QRectF>> m_cells;
};

} // namespace

bool LabelPlacer::crossesAny(const QRectF &box, const QList<QPolygonF> &lines)
{
    for (const QPolygonF &line : lines) {
        // A level or upright line has an empty bounding rectangle, which intersects nothing.
        if (!line.boundingRect().adjusted(-1, -1, 1, 1).intersects(box))
            continue;
        for (qsizetype i = 1; i < line.size(); ++i)
            if (segmentTouches(QLineF(line[i - 1], line[i]), box))
                return true;
    }
    return false;
}

namespace {

/// The regions whose label anchor is in the picture, the selected one first, then the largest.
std::vector<Candidate> labelCandidates(const SceneLevel &level, const QTransform &toScreen, const ViewState &view)
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
    std::sort(candidates.begin(), candidates.end(), [&](const Candidate &a, const Candidate &b) {
        const bool aSel = level.atlas().regions()[a.region].code == view.selectedRegion;
        const bool bSel = level.atlas().regions()[b.region].code == view.selectedRegion;
        return aSel != bSel ? aSel : a.screenArea > b.screenArea;
    });
    return candidates;
}

/// Where region names go in one frame: each in the first place, near its anchor and inside it,
/// free of the names already placed and of what else is taken, and off every line if it can.
class RegionLabelSeats
{
public:
    RegionLabelSeats(const SceneLevel &level, const QTransform &toScreen, const ViewState &view, const MapStyle &style,
                     const QList<QRectF> &taken, const QList<QPolygonF> &lines)
        : m_level(level), m_toScreen(toScreen), m_toWorld(toScreen.inverted()), m_view(view), m_style(style),
          m_taken(view.size, taken), m_lines(lines)
    {}

    QList<PlacedLabel> place()
    {
        for (const Candidate &c : labelCandidates(m_level, m_toScreen, m_view))
            if (const auto label = seat(c))
                m_placed.push_back(*label);
        return m_placed;
    }

private:
    std::optional<PlacedLabel> seat(const Candidate &c) const
    {
        const Region &region = m_level.atlas().regions()[c.region];
        const bool isSelected = region.code == m_view.selectedRegion;
        std::optional<PlacedLabel> overLine; // the first place free of labels, if none is off the lines
        for (const bool small : {false, true}) {
            if (small && isSelected)
                break; // named in full type, whatever its size
            const QFont font = fontFor(c.screenArea, m_view, m_style, small);
            const QFontMetricsF metrics(font);
            if (!isSelected && c.screenArea < advanceOf(font, metrics, region.name) * metrics.height() * (small ? kRoomSmall : kRoomFull))
                continue; // the region cannot hold its name in this type at this zoom
            // A region that holds its full type keeps it, over a line if need be; only where
            // other names leave it no room at all does it try the smaller type.
            if (const auto chosen = seatIn(c.region, region.name, font, overLine))
                return chosen;
            if (overLine)
                return overLine;
        }
        return std::nullopt;
    }

    /// The first of the shifted places off every line, noting in `overLine` the unshifted one
    /// when it is free of labels but crosses a line.
    std::optional<PlacedLabel> seatIn(int regionIndex, const QString &name, const QFont &font,
                                      std::optional<PlacedLabel> &overLine) const
    {
        const ProjectedRegion &projected = m_level.projected().regions()[regionIndex];
        const QFontMetricsF metrics(font);
        const double w = advanceOf(font, metrics, name), h = metrics.height();
        const double gap = 4.0 * m_view.styleScale, lineClearance = 2.0 * m_view.styleScale;
        const QPointF anchor = m_toScreen.map(QPointF(projected.labelAnchor.x(), projected.labelAnchor.y()));
        const QRectF viewport(QPointF(0, 0), QSizeF(m_view.size));
        for (const QPointF shift : kShifts) {
            const QPointF centre = anchor + QPointF(shift.x() * w, shift.y() * h);
            const QRectF box(centre.x() - w / 2, centre.y() - h / 2, w, h);
            const QRectF padded = box.adjusted(-gap, -gap / 2, gap, gap / 2);
            const bool clashes = std::any_of(m_placed.begin(), m_placed.end(),
                                             [&](const PlacedLabel &p) { return p.box.intersects(padded); }) ||
                                 m_taken.intersectsAny(padded);
            if (clashes || !viewport.contains(box) || (!shift.isNull() && !inRegion(projected, centre)))
                continue;
            const PlacedLabel label{name, QPointF(box.left(), box.top() + metrics.ascent()), font, padded};
            if (!LabelPlacer::crossesAny(box.adjusted(-lineClearance, -lineClearance, lineClearance, lineClearance), m_lines))
                return label;
            if (!overLine && shift.isNull())
                overLine = label;
        }
        return std::nullopt;
    }

    bool inRegion(const ProjectedRegion &projected, QPointF pixel) const
    {
        const QPointF xy = m_toWorld.map(pixel);
        return boost::geometry::covered_by(Point(xy.x(), xy.y()), projected.shape);
    }

    const SceneLevel &m_level;
    const QTransform &m_toScreen;
    const QTransform m_toWorld;
    const ViewState &m_view;
    const MapStyle &m_style;
    const BoxGrid m_taken;
    const QList<QPolygonF> &m_lines;
    QList<PlacedLabel> m_placed;
};

} // namespace

QList<PlacedLabel> LabelPlacer::place(const SceneLevel &level, const QTransform &toScreen, const ViewState &view,
                                      const MapStyle &style, const QList<QRectF> &taken, const QList<QPolygonF> &lines)
{
    return RegionLabelSeats(level, toScreen, view, style, taken, lines).place();
}

QList<PlacedLabel> LabelPlacer::placeSites(const Scene &scene, const QTransform &toScreen, const ViewState &view,
                                           const MapStyle &style, const QList<QPolygonF> &lines,
                                           const QList<QRectF> &alsoTaken)
{
    const QList<LayerPainter::SiteSymbol> symbols = LayerPainter::siteSymbols(scene, view, toScreen);
    const double r = LayerPainter::symbolRadius(view.styleScale);
    BoxGrid taken(view.size, symbolBoxes(symbols, view) + alsoTaken); // no name covers a symbol or another name
    QFont font(style.fontFamily);
    font.setPixelSize(std::max(1, int(std::lround(style.labelPointSize * view.styleScale))));
    font.setWeight(QFont::DemiBold);
    const QFontMetricsF metrics(font);
    const QRectF viewport(QPointF(0, 0), QSizeF(view.size));
    const double gap = 3.0 * view.styleScale;
    QList<PlacedLabel> placed;
    QSet<std::pair<const ProjectedLayer *, int>> named; // a site in several places is named once
    // A layer with more sites in the picture than a map can name (a user's ten thousand points)
    // shows its symbols unnamed: names would bury each other and the map. Zoomed in, fewer
    // sites are in the picture and they are named; a click names any.
    QHash<const ProjectedLayer *, int> inPicture;
    for (const LayerPainter::SiteSymbol &s : symbols)
        ++inPicture[s.layer];
    for (const LayerPainter::SiteSymbol &s : symbols) {
        if (named.contains({s.layer, s.feature}) || inPicture.value(s.layer) > kMaxNamedSites)
            continue;
        const QString text = s.layer->layer->features[s.feature].name;
        const double w = advanceOf(font, metrics, text), h = metrics.height();
        const QPointF c = s.pixel;
        std::optional<QRectF> chosen; // free of labels and symbols, off every line
        // Right, left, above, below, then the corners: the diagonals often clear a line that
        // runs through the symbol on both sides.
        const double d = (r + gap) * 0.7;
        for (const QRectF &box : {QRectF(c.x() + r + gap, c.y() - h / 2, w, h), QRectF(c.x() - r - gap - w, c.y() - h / 2, w, h),
                                  QRectF(c.x() - w / 2, c.y() - r - gap - h, w, h), QRectF(c.x() - w / 2, c.y() + r + gap, w, h),
                                  QRectF(c.x() + d, c.y() - d - h, w, h), QRectF(c.x() + d, c.y() + d, w, h),
                                  QRectF(c.x() - d - w, c.y() - d - h, w, h), QRectF(c.x() - d - w, c.y() + d, w, h)}) {
            if (!viewport.contains(box) || taken.intersectsAny(box))
                continue;
            if (!crossesAny(box.adjusted(-gap / 2, -gap / 2, gap / 2, gap / 2), lines)) {
                chosen = box;
                break;
            }
        }
        // A site's name under a pipeline or an arrowhead cannot be read: rather none, as an
        // atlas leaves out a name it cannot set clear (the symbol, the legend and a click remain).
        if (!chosen)
            continue;
        const QRectF box = *chosen;
        placed.push_back({text, QPointF(box.left(), box.top() + metrics.ascent()), font, box});
        taken.insert(box);
        named.insert({s.layer, s.feature});
    }
    return placed;
}

QList<PlacedLabel> LabelPlacer::placeAll(const Scene &scene, const QTransform &toScreen, const ViewState &view,
                                         const MapStyle &style, const QList<QPolygonF> &moreLines, const QList<QRectF> &taken)
{
    const QList<QPolygonF> lines = LayerPainter::drawnLines(scene, view, toScreen) + moreLines;
    // The regions' names first, as an atlas ranks them: a small state keeps its name where a
    // site's long one would crowd it out. No name covers a site's symbol.
    const QList<QRectF> symbols = symbolBoxes(LayerPainter::siteSymbols(scene, view, toScreen), view);
    // Anchors come from the coarse level so that labels do not jump when the detail changes.
    QList<PlacedLabel> labels = place(scene.coarse(), toScreen, view, style, symbols + taken, lines);
    QList<QRectF> named = taken;
    for (const PlacedLabel &label : labels)
        named << label.box;
    labels += placeSites(scene, toScreen, view, style, lines, named);
    return labels;
}

} // namespace spheres
