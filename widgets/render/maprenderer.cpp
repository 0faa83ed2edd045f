#include "maprenderer.h"
#include "legendpainter.h"

#include "basemapcredit.h"
#include "labelplacer.h"
#include "layerpainter.h"
#include "polylinestroker.h"
#include "scene.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>
#include <QSet>

#include <cmath>

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

/// Pens are cosmetic: paths are already in pixels, and the raster engine strokes cosmetic
/// pens several times faster.
QPen pen(const QColor &colour, double width)
{
    QPen p(colour, width);
    p.setJoinStyle(Qt::RoundJoin);
    p.setCapStyle(Qt::RoundCap);
    p.setCosmetic(true);
    return p;
}

QPainterPath haloPath(QPointF baseline, const QString &text, const QFont &font)
{
    QPainterPath path;
    path.addText(baseline, font, text);
    return path;
}

} // namespace

qreal MapRenderer::pixelRatio(const QPainter &painter)
{
    const QTransform t = painter.deviceTransform(); // logical to device pixels, the device's ratio included
    return std::max(1.0, std::hypot(t.m11(), t.m12()));
}

/// Text with a light halo so that it reads over any fill.
void MapRenderer::drawHaloText(QPainter &painter, QPointF baseline, const QString &text, const QFont &font,
                               const QColor &colour, double haloWidth) const
{
    const bool raster = painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster;
    if (!raster) {
        // Vector devices: the halo is a stroked outline, the text real text, so that it stays
        // selectable and searchable in an SVG or PDF. SVG text has no letter spacing: drop it
        // from both, or the halo would run ahead of the letters.
        QFont textFont = font;
        if (painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::SVG)
            textFont.setLetterSpacing(QFont::PercentageSpacing, 100);
        painter.strokePath(haloPath(baseline, text, textFont), pen(m_style.labelHalo, haloWidth));
        painter.save();
        painter.setFont(textFont);
        painter.setPen(colour);
        painter.drawText(baseline, text);
        painter.restore();
        return;
    }
    const qreal dpr = pixelRatio(painter);
    const QFontMetricsF metrics(font);
    const double pad = std::ceil(haloWidth) + 1;
    const QString key = QStringLiteral("%1|%2|%3|%4|%5").arg(text, font.key(), colour.name(QColor::HexArgb)).arg(haloWidth).arg(dpr);
    auto it = m_labelImages.constFind(key);
    if (it == m_labelImages.constEnd()) {
        const QSizeF size(metrics.horizontalAdvance(text) + 2 * pad, metrics.height() + 2 * pad);
        QImage image((size * dpr).toSize() + QSize(1, 1), QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(dpr);
        image.fill(Qt::transparent);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        const QPainterPath path = haloPath(QPointF(pad, pad + metrics.ascent()), text, font);
        p.strokePath(path, pen(m_style.labelHalo, haloWidth));
        p.fillPath(path, colour);
        p.end();
        if (m_labelImages.size() > 4000)
            m_labelImages.clear();
        it = m_labelImages.insert(key, image);
    }
    painter.drawImage(QPointF(baseline.x() - pad, baseline.y() - metrics.ascent() - pad), *it);
}

MapRenderer MapRenderer::withoutCaches() const
{
    MapRenderer copy = *this;
    copy.m_layout = FrameLayout();
    copy.m_labelImages.clear();
    copy.m_regionPaths = RegionPaths();
    return copy;
}

void MapRenderer::render(QPainter &painter, const Scene &scene, const ViewState &view, Passes passes) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.setClipRect(QRectF(QPointF(0, 0), QSizeF(view.size)));
    const QTransform t = scene.worldToScreen(view);
    if (passes & Pass::Background)
        drawBackground(painter, scene, view, t);
    const QList<QPainterPath> paths =
        passes & (Pass::Land | Pass::Selection) ? regionPaths(scene, view, t) : QList<QPainterPath>();
    if (passes & Pass::Land)
        drawLand(painter, scene, view, paths);
    if (passes & Pass::Layers)
        LayerPainter::paint(painter, scene, view, t, m_style);
    if (passes & Pass::Selection)
        drawSelection(painter, scene, view, paths);
    if (passes & (Pass::Labels | Pass::Annotations | Pass::Legend)) {
        FrameLayout &layout = layoutFor(scene, view);
        if (passes & Pass::Labels)
            drawLabels(painter, view, layout.labels());
        if (passes & Pass::Annotations && !m_annotations.isEmpty())
            AnnotationPainter::paint(painter, layout.annotations(), view, m_style);
        if (passes & Pass::Legend)
            LegendPainter::paint(painter, layout.legend(), view, m_style);
    }
    if (passes & Pass::Credits)
        drawCredits(painter, view);
    painter.restore();
}

void MapRenderer::drawBackground(QPainter &painter, const Scene &scene, const ViewState &view,
                                 const QTransform &t) const
{
    const QRectF viewport(QPointF(0, 0), QSizeF(view.size));
    const QRectF visible = t.inverted().mapRect(viewport);
    if (scene.globe().contains(visible)) { // zoomed in, no edge of the world in sight: filling a
        painter.fillRect(viewport, m_style.ocean); // globe thousands of pixels wide costs milliseconds
    } else {
        painter.fillRect(viewport, m_style.space);
        painter.fillPath(t.map(scene.globe()), m_style.ocean);
    }
    painter.setPen(pen(m_style.graticule, m_style.graticuleWidth * view.styleScale));
    painter.setBrush(Qt::NoBrush);
    for (const QPainterPath &line : scene.graticule())
        if (line.controlPointRect().intersects(visible))
            painter.drawPath(t.map(line));
}

QList<QPainterPath> MapRenderer::regionPaths(const Scene &scene, const ViewState &view, const QTransform &t) const
{
    const SceneLevel &level = scene.levelFor(view.metresPerPixel);
    // The level is known by its bounds' buffer: held here, no other level can get its address.
    if (m_regionPaths.levelBounds.constData() == level.bounds().constData() && !level.bounds().isEmpty() &&
        m_regionPaths.transform == t && m_regionPaths.size == view.size)
        return m_regionPaths.paths;
    const QRectF visible = t.inverted().mapRect(QRectF(QPointF(0, 0), QSizeF(view.size)));
    QList<QPainterPath> paths(level.bounds().size());
    for (int i = 0; i < paths.size(); ++i)
        if (level.bounds()[i].intersects(visible))
            paths[i] = level.screenPath(i, t);
    m_regionPaths = {level.bounds(), t, view.size, paths};
    return paths;
}

void MapRenderer::drawLand(QPainter &painter, const Scene &scene, const ViewState &view,
                           const QList<QPainterPath> &paths) const
{
    const QList<Region> &regions = scene.levelFor(view.metresPerPixel).atlas().regions();
    // Membership layers colour the land itself (opaque, pre-blended): no second fill pass.
    const QHash<QString, QColor> fills = LayerPainter::regionFills(scene, view, m_style);
    const auto held = LayerPainter::heldZoneFills(scene, view, fills, m_style.land);
    const QTransform toScreen = scene.worldToScreen(view);
    // Fills without antialiasing: every outline is then stroked with it, which hides the
    // fills' stair-steps and costs far less than antialiased fills.
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    for (int i = 0; i < regions.size(); ++i) {
        if (paths[i].isEmpty())
            continue;
        QColor fill = fills.value(regions[i].code, m_style.land);
        if (view.isHighlighting() && !view.highlightRegions.contains(regions[i].code))
            fill = dimmed(fill, m_style.land);
        if (regions[i].code == view.hoveredRegion)
            fill = fill.darker(106);
        painter.setBrush(fill);
        painter.drawPath(paths[i]);
        for (auto it = held.constFind(regions[i].code); it != held.cend() && it.key() == regions[i].code; ++it) {
            QColor zoneFill = it->fill; // the holder's colour gives way inside the zone it holds
            if (view.isHighlighting() && !view.highlightRegions.contains(regions[i].code))
                zoneFill = dimmed(zoneFill, m_style.land);
            painter.save();
            painter.setClipPath(toScreen.map(it->area), Qt::IntersectClip);
            painter.setBrush(zoneFill);
            painter.drawPath(paths[i]);
            painter.restore();
        }
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(pen(m_style.border, m_style.borderWidth * view.styleScale));
    for (const QPainterPath &path : paths)
        if (!path.isEmpty())
            painter.drawPath(path);
    // Between two states of one colour a grey hairline vanishes: coloured states get a light
    // border, as choropleth atlases draw them.
    painter.setPen(pen(m_style.thematicBorder, m_style.thematicBorderWidth * view.styleScale));
    for (int i = 0; i < regions.size(); ++i)
        if (!paths[i].isEmpty() && fills.contains(regions[i].code))
            painter.drawPath(paths[i]);
}

void MapRenderer::drawSelection(QPainter &painter, const Scene &scene, const ViewState &view,
                                const QList<QPainterPath> &paths) const
{
    const QList<Region> &regions = scene.levelFor(view.metresPerPixel).atlas().regions();
    // The claim in focus: a colour no layer uses, on a light casing, so that outlined coasts never
    // read as pipelines. Members lit only through a group named as a setting get the group's
    // outline instead (drawGroupSettings).
    QSet<QString> viaGroup;
    for (const QString &id : view.highlightGroups)
        if (const RegionGroup *g = scene.coarse().atlas().group(id))
            viaGroup.unite(QSet<QString>(g->members.begin(), g->members.end()));
    const QPen casing = pen(m_style.focusCasing, m_style.selectionWidth * 1.6 * view.styleScale);
    const QPen focusPen = pen(m_style.focusOutline, m_style.selectionWidth * 0.8 * view.styleScale);
    for (const QPen &p : {casing, focusPen})
        for (int i = 0; i < regions.size(); ++i)
            if (!paths[i].isEmpty() && view.highlightRegions.contains(regions[i].code) && !viaGroup.contains(regions[i].code))
                PolylineStroker::stroke(painter, paths[i], p);
    drawGroupSettings(painter, scene, view, paths);
    if (view.selectedRegion.isEmpty())
        return;
    const int i = scene.levelFor(view.metresPerPixel).atlas().indexOf(view.selectedRegion);
    if (i < 0 || paths[i].isEmpty())
        return;
    painter.setRenderHint(QPainter::Antialiasing, false); // the outline below covers the edge
    painter.fillPath(paths[i], m_style.selectionFill);
    painter.setRenderHint(QPainter::Antialiasing, true);
    PolylineStroker::stroke(painter, paths[i], pen(m_style.selectionOutline, m_style.selectionWidth * view.styleScale));
}

void MapRenderer::drawGroupSettings(QPainter &painter, const Scene &scene, const ViewState &view,
                                    const QList<QPainterPath> &paths) const
{
    const Atlas &atlas = scene.levelFor(view.metresPerPixel).atlas();
    for (const QString &id : view.highlightGroups) {
        const RegionGroup *group = atlas.group(id);
        if (!group)
            continue;
        QPainterPath members;
        members.setFillRule(Qt::WindingFill);
        for (const QString &code : group->members)
            if (const int i = atlas.indexOf(code); i >= 0 && !paths[i].isEmpty())
                members.addPath(paths[i]);
        if (members.isEmpty())
            continue;
        // One outline round the whole: the borders between members are no part of the setting.
        const QPainterPath outline = members.simplified();
        QPen groupPen = pen(m_style.groupOutline, m_style.selectionWidth * view.styleScale);
        groupPen.setDashPattern({4, 2});
        painter.save();
        painter.setBrush(Qt::NoBrush);
        painter.setPen(groupPen);
        painter.drawPath(outline);
        painter.restore();
        QFont font(m_style.fontFamily);
        font.setPixelSize(int(std::lround(m_style.labelPointSize * 1.3 * view.styleScale)));
        font.setBold(true);
        font.setItalic(true);
        const QRectF box = outline.boundingRect().intersected(QRectF(QPointF(0, 0), QSizeF(view.size)));
        const double textWidth = QFontMetricsF(font).horizontalAdvance(group->name);
        const QPointF baseline(std::clamp(box.center().x() - textWidth / 2, 2.0, std::max(2.0, view.size.width() - textWidth - 2)),
                               std::max(box.top() - 4 * view.styleScale, QFontMetricsF(font).ascent() + 2));
        drawHaloText(painter, baseline, group->name, font, m_style.groupOutline, 3.0 * view.styleScale);
    }
}

void MapRenderer::drawLabels(QPainter &painter, const ViewState &view, const QList<PlacedLabel> &labels) const
{
    for (const PlacedLabel &label : labels)
        drawHaloText(painter, label.baseline, label.text, label.font, m_style.label, 3.0 * view.styleScale);
}

FrameLayout &MapRenderer::layoutFor(const Scene &scene, const ViewState &view) const
{
    m_layout.prepare(scene, view, {m_style, m_annotations, m_legendKeepClear, m_layoutRevision});
    return m_layout;
}

QList<PlacedLabel> MapRenderer::labels(const Scene &scene, const ViewState &view) const
{
    return layoutFor(scene, view).labels();
}

QList<PlacedAnnotation> MapRenderer::annotationLayout(const Scene &scene, const ViewState &view) const
{
    return layoutFor(scene, view).annotations();
}

LegendPainter::Layout MapRenderer::legendLayout(const Scene &scene, const ViewState &view) const
{
    return layoutFor(scene, view).legend();
}

void MapRenderer::drawCredits(QPainter &painter, const ViewState &view) const
{
    QFont font(m_style.fontFamily);
    font.setPixelSize(std::max(1, int(std::lround(9 * view.styleScale))));
    const QString text = BaseMapCredit::sentence();
    const QFontMetricsF metrics(font);
    const double margin = 6 * view.styleScale;
    const QPointF baseline(view.size.width() - margin - metrics.horizontalAdvance(text),
                           view.size.height() - margin - metrics.descent());
    drawHaloText(painter, baseline, text, font, m_style.credit, 3.0 * view.styleScale);
}

} // namespace spheres
