#include "basemappainters.h"

#include "layerpainter.h"
#include "mapstyle.h"
#include "scene.h"
#include "viewstate.h"

#include <QPaintEngine>
#include <QPainter>

namespace spheres {

namespace {

/// A colour faded a little towards `towards`: what is not part of the claim in focus recedes,
/// but keeps its hue, so that every thematic class still reads (a member still looks a member).
QColor dimmed(const QColor &c, const QColor &towards)
{
    constexpr double k = 0.35;
    return QColor::fromRgbF(c.redF() * (1 - k) + towards.redF() * k, c.greenF() * (1 - k) + towards.greenF() * k,
                            c.blueF() * (1 - k) + towards.blueF() * k);
}

/// How the membership layers colour the land: each region's fill, and the zones inside a
/// region that take another colour than its holder's.
struct LandColours
{
    QHash<QString, QColor> fills;
    QMultiHash<QString, LayerPainter::HeldZoneFill> held;

    LandColours(const MapFrame &frame, const QStringList &colouredBy)
        : fills(LayerPainter::regionFills(frame.scene(), frame.view(), frame.style(), colouredBy)),
          held(LayerPainter::heldZoneFills(frame.scene(), frame.view(), fills, frame.style().land))
    {}

    bool sameFor(const QString &code, const LandColours &other) const
    {
        if (fills.value(code) != other.fills.value(code))
            return false;
        QList<QRgb> mine, theirs;
        for (auto it = held.constFind(code); it != held.cend() && it.key() == code; ++it)
            mine << it->fill.rgba();
        for (auto it = other.held.constFind(code); it != other.held.cend() && it.key() == code; ++it)
            theirs << it->fill.rgba();
        return mine == theirs;
    }
};

void fillRegion(QPainter &painter, const MapFrame &frame, const QString &code, const QPainterPath &path,
                const LandColours &colours)
{
    const ViewState &view = frame.view();
    const QColor land = frame.style().land;
    const bool receding = view.isHighlighting() && !view.highlightRegions.contains(code);
    QColor fill = colours.fills.value(code, land);
    if (receding)
        fill = dimmed(fill, land);
    if (code == view.hoveredRegion)
        fill = fill.darker(106);
    painter.setBrush(fill);
    painter.drawPath(path);
    // The holder's colour gives way inside the zone it holds. QSvgGenerator writes no clipping
    // (it would paint the whole holder in the zone's colour): an SVG gets the shapes' overlap.
    const bool svg = painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::SVG;
    for (auto it = colours.held.constFind(code); it != colours.held.cend() && it.key() == code; ++it) {
        const QPainterPath zone = frame.toScreen().map(it->area);
        painter.save();
        painter.setBrush(receding ? dimmed(it->fill, land) : it->fill);
        if (svg) {
            painter.drawPath(path.intersected(zone));
        } else {
            painter.setClipPath(zone, Qt::IntersectClip);
            painter.drawPath(path);
        }
        painter.restore();
    }
}

} // namespace

void OceanPainter::paint(QPainter &painter, const MapFrame &frame) const
{
    const MapStyle &style = frame.style();
    const QRectF viewport(QPointF(0, 0), QSizeF(frame.view().size));
    const QRectF visible = frame.toScreen().inverted().mapRect(viewport);
    if (frame.scene().globe().contains(visible)) { // zoomed in, no edge of the world in sight: filling a
        painter.fillRect(viewport, style.ocean);   // globe thousands of pixels wide costs milliseconds
    } else {
        painter.fillRect(viewport, style.space);
        painter.fillPath(frame.toScreen().map(frame.scene().globe()), style.ocean);
    }
    painter.setPen(mapPen(style.graticule, style.graticuleWidth * frame.view().styleScale));
    painter.setBrush(Qt::NoBrush);
    for (const QPainterPath &line : frame.scene().graticule())
        if (line.controlPointRect().intersects(visible))
            painter.drawPath(frame.toScreen().map(line));
}

LandPainter::LandPainter(const QString &layerId, QString layerTitle, QStringList below)
    : m_colouredBy(below + QStringList{layerId}), m_below(std::move(below)), m_layerId(layerId),
      m_layerTitle(std::move(layerTitle))
{}

void LandPainter::paint(QPainter &painter, const MapFrame &frame) const
{
    const QList<Region> &regions = frame.scene().levelFor(frame.view().metresPerPixel).atlas().regions();
    const QList<QPainterPath> &paths = frame.regionPaths();
    const LandColours colours(frame, m_colouredBy);
    const std::optional<LandColours> below = m_below ? std::optional<LandColours>(std::in_place, frame, *m_below) : std::nullopt;
    QList<int> drawn;
    for (int i = 0; i < regions.size(); ++i)
        if (!paths[i].isEmpty() && (!below || !colours.sameFor(regions[i].code, *below)))
            drawn << i;
    // Fills without antialiasing: every outline is then stroked with it, which hides the
    // fills' stair-steps and costs far less than antialiased fills.
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    for (const int i : drawn)
        fillRegion(painter, frame, regions[i].code, paths[i], colours);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
    const double scale = frame.view().styleScale;
    painter.setPen(mapPen(frame.style().border, frame.style().borderWidth * scale));
    for (const int i : drawn)
        painter.drawPath(paths[i]);
    // Between two states of one colour a grey hairline vanishes: coloured states get a light
    // border, as choropleth atlases draw them.
    painter.setPen(mapPen(frame.style().thematicBorder, frame.style().thematicBorderWidth * scale));
    for (const int i : drawn)
        if (colours.fills.contains(regions[i].code))
            painter.drawPath(paths[i]);
}

} // namespace spheres
