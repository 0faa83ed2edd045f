#include "maprenderer.h"

#include "labelplacer.h"
#include "layerpainter.h"
#include "polylinestroker.h"
#include "scene.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>

#include <cmath>

namespace spheres {

namespace {

/// A colour faded towards `towards`: what is not part of the claim in focus recedes.
QColor dimmed(const QColor &c, const QColor &towards)
{
    constexpr double k = 0.6;
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

/// Where a legend entry goes: its x offset and its row (from 1).
struct LegendPlace
{
    double x;
    int row;
};

/// Claimants (cells) three to a row under their heading, so that a long list of them keeps the
/// legend short; every other entry on a row of its own.
QList<LegendPlace> legendPlaces(const QList<LayerPainter::Swatch> &entries, double cellWidth)
{
    constexpr int kCellsPerRow = 3;
    QList<LegendPlace> places;
    int row = 0, column = 0;
    for (const LayerPainter::Swatch &e : entries) {
        if (e.cell && column > 0 && column < kCellsPerRow) {
            places.push_back({column++ * cellWidth, row});
            continue;
        }
        places.push_back({0, ++row});
        column = e.cell ? 1 : 0;
    }
    return places;
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
    if (passes & Pass::Labels)
        drawLabels(painter, scene, view, t);
    if (passes & Pass::Annotations && !m_annotations.isEmpty())
        AnnotationPainter::paint(painter, annotationLayout(scene, view, t), view, m_style);
    if (passes & Pass::Legend)
        drawLegend(painter, scene, view);
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
            fill = dimmed(fill, m_style.space);
        if (regions[i].code == view.hoveredRegion)
            fill = fill.darker(106);
        painter.setBrush(fill);
        painter.drawPath(paths[i]);
        for (auto it = held.constFind(regions[i].code); it != held.cend() && it.key() == regions[i].code; ++it) {
            QColor zoneFill = it->fill; // the holder's colour gives way inside the zone it holds
            if (view.isHighlighting() && !view.highlightRegions.contains(regions[i].code))
                zoneFill = dimmed(zoneFill, m_style.space);
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
}

void MapRenderer::drawSelection(QPainter &painter, const Scene &scene, const ViewState &view,
                                const QList<QPainterPath> &paths) const
{
    const QList<Region> &regions = scene.levelFor(view.metresPerPixel).atlas().regions();
    const QPen highlightPen = pen(m_style.selectionOutline, m_style.selectionWidth * 0.8 * view.styleScale);
    for (int i = 0; i < regions.size(); ++i)
        if (!paths[i].isEmpty() && view.highlightRegions.contains(regions[i].code))
            PolylineStroker::stroke(painter, paths[i], highlightPen);
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

void MapRenderer::drawLabels(QPainter &painter, const Scene &scene, const ViewState &view, const QTransform &t) const
{
    for (const PlacedLabel &label : LabelPlacer::placeAll(scene, t, view, m_style))
        drawHaloText(painter, label.baseline, label.text, label.font, m_style.label, 3.0 * view.styleScale);
}

QList<PlacedAnnotation> MapRenderer::annotationLayout(const Scene &scene, const ViewState &view) const
{
    return annotationLayout(scene, view, scene.worldToScreen(view));
}

QList<PlacedAnnotation> MapRenderer::annotationLayout(const Scene &scene, const ViewState &view, const QTransform &t) const
{
    if (m_annotations.isEmpty())
        return {};
    // Text boxes keep clear of the labels: the same labels the label pass places.
    QList<QRectF> labelBoxes;
    for (const PlacedLabel &label : LabelPlacer::placeAll(scene, t, view, m_style))
        labelBoxes << label.box;
    return AnnotationPainter::layout(m_annotations, scene, view, m_style, labelBoxes);
}

void MapRenderer::drawLegend(QPainter &painter, const Scene &scene, const ViewState &view) const
{
    const QList<LayerPainter::Swatch> entries = LayerPainter::legend(scene, view, m_style);
    if (entries.isEmpty())
        return;
    const double k = view.styleScale;
    QFont font(m_style.fontFamily);
    font.setPixelSize(std::max(1, int(std::lround(11 * k))));
    QFont titleFont = font;
    titleFont.setWeight(QFont::DemiBold);
    const QFontMetricsF metrics(font);
    const double row = metrics.height() + 5 * k, swatchW = 28 * k, pad = 10 * k;
    double textW = QFontMetricsF(titleFont).horizontalAdvance(QCoreApplication::translate("MapRenderer", "Legend — %1").arg(view.year));
    double cellW = 0;
    for (const auto &e : entries) {
        const double w = swatchW + 8 * k + metrics.horizontalAdvance(e.label);
        double &widest = e.cell ? cellW : textW;
        widest = std::max(widest, w);
    }
    cellW += 12 * k; // between cells
    const QList<LegendPlace> places = legendPlaces(entries, cellW);
    for (qsizetype i = 0; i < entries.size(); ++i)
        if (entries[i].cell)
            textW = std::max(textW, places[i].x + cellW);
    const int rows = places.last().row;
    const QRectF box(pad, view.size.height() - pad - (rows + 1) * row - 2 * pad, textW + 2 * pad, (rows + 1) * row + 2 * pad);
    painter.setPen(QPen(m_style.legendFrame, 1));
    painter.setBrush(m_style.legendBackground);
    painter.drawRoundedRect(box, 4 * k, 4 * k);
    painter.setPen(m_style.label);
    painter.setFont(titleFont);
    painter.drawText(QRectF(box.left() + pad, box.top() + pad, textW, row), Qt::AlignVCenter | Qt::AlignLeft,
                     QCoreApplication::translate("MapRenderer", "Legend — %1").arg(view.year));
    painter.setFont(font);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const LayerPainter::Swatch &e = entries[i];
        const double y = box.top() + pad + places[i].row * row;
        const QRectF swatch(box.left() + pad + places[i].x, y + row * 0.2, swatchW, row * 0.6);
        LayerPainter::Swatch scaled = e;
        scaled.line.setWidthF(e.line.widthF() * k);
        LayerPainter::paintSwatch(painter, swatch, scaled, m_style);
        painter.setPen(m_style.label);
        painter.drawText(QRectF(swatch.right() + 8 * k, y, textW, row), Qt::AlignVCenter | Qt::AlignLeft, e.label);
    }
}

void MapRenderer::drawCredits(QPainter &painter, const ViewState &view) const
{
    QFont font(m_style.fontFamily);
    font.setPixelSize(std::max(1, int(std::lround(9 * view.styleScale))));
    const QString text = QCoreApplication::translate("MapRenderer", "Base map: Natural Earth (public domain), via world-atlas 2.0.2");
    const QFontMetricsF metrics(font);
    const double margin = 6 * view.styleScale;
    const QPointF baseline(view.size.width() - margin - metrics.horizontalAdvance(text),
                           view.size.height() - margin - metrics.descent());
    drawHaloText(painter, baseline, text, font, m_style.credit, 3.0 * view.styleScale);
}

} // namespace spheres
