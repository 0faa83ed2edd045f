#include "tiledlayerpainter.h"

#include "layerdetail.h"
#include "projectedlayer.h"
#include "pixelratio.h"
#include "viewstate.h"

#include <QPaintEngine>
#include <QPainter>

namespace spheres {

bool TiledLayerPainter::applies(const ProjectedLayer &pl, const ViewState &view)
{
    const Layer &layer = *pl.layer;
    // Tiles hold one colour a layer: a layer styled by a field is drawn feature by feature.
    if (layer.kind != LayerKind::Generic || !pl.timeless || layer.style.isSet())
        return false;
    return !view.isHighlighting() || view.highlightFeatures.contains(layer.id);
}

void TiledLayerPainter::paint(QPainter &painter, const ProjectedLayer &pl, const ViewState &view, const QTransform &t,
                              const LayerStyle &style, DotPainter::Method dotMethod)
{
    const bool raster = painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster;
    const double ratio = raster ? pixelRatio(painter) : 4.0;
    const std::shared_ptr<const LayerDetail> detail = pl.detail->at(pl, view.metresPerPixel / ratio);
    const QRectF picture(QPointF(0, 0), QSizeF(view.size));
    const QRectF visible = t.inverted().mapRect(picture);
    QPen outline(style.genericOutline, 1.0 * view.styleScale);
    outline.setCosmetic(true);
    QPen line(style.genericLine, 2.0 * view.styleScale);
    line.setCosmetic(true);
    line.setCapStyle(Qt::RoundCap);
    line.setJoinStyle(Qt::RoundJoin);
    painter.save();
    painter.setOpacity(view.layerOpacity.value(pl.layer->id, 1.0));
    const QTransform world = painter.worldTransform();
    if (raster)
        painter.setTransform(t, true);
    const auto draw = [&](const QPainterPath &path) -> QPainterPath { return raster ? path : t.map(path); };
    QList<const QList<QPointF> *> dots; // drawn at once, after the tiles' outlines
    for (const LayerDetail::Tile &tile : detail->tiles()) {
        const QRectF &b = tile.bounds; // edges included: a level line's bounds have no height
        if (b.left() > visible.right() || b.right() < visible.left() || b.top() > visible.bottom() || b.bottom() < visible.top())
            continue;
        if (!tile.dots.isEmpty())
            dots << &tile.dots;
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(Qt::NoPen);
        if (!tile.fills.isEmpty()) {
            painter.setBrush(style.genericFill);
            painter.drawPath(draw(tile.fills));
        }
        if (!tile.specks.isEmpty()) {
            painter.setBrush(style.genericOutline);
            painter.drawPath(draw(tile.specks));
        }
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setBrush(Qt::NoBrush);
        if (!tile.fills.isEmpty()) {
            painter.setPen(outline);
            painter.drawPath(draw(tile.fills));
        }
        if (!tile.lines.isEmpty()) {
            painter.setPen(line);
            painter.drawPath(draw(tile.lines));
        }
    }
    painter.setWorldTransform(world);
    DotPainter::paint(painter, dots, detail->dotMetres(), t, picture, style.genericOutline, dotMethod);
    painter.restore();
}

} // namespace spheres
