#include "symbolsprites.h"

#include "maprenderer.h"

#include <QHash>
#include <QPaintEngine>
#include <QPainter>

#include <cmath>

namespace spheres {

namespace {

/// Symbols are drawn at a quarter-pixel's precision: four sprites a symbol each way.
constexpr int kPhases = 4;
constexpr qsizetype kMaxSprites = 2000;

} // namespace

void SymbolSprites::paint(QPainter &painter, QPointF centre, const QString &key, double reach, const Draw &draw)
{
    if (!painter.paintEngine() || painter.paintEngine()->type() != QPaintEngine::Raster) {
        draw(painter, centre);
        return;
    }
    thread_local QHash<QString, QImage> sprites;
    const qreal dpr = MapRenderer::pixelRatio(painter);
    const double pad = std::ceil(reach) + 1;
    const QPointF corner = centre - QPointF(pad, pad);
    const QPointF snapped(std::floor(corner.x() * dpr) / dpr, std::floor(corner.y() * dpr) / dpr);
    const int phaseX = int((corner.x() - snapped.x()) * dpr * kPhases), phaseY = int((corner.y() - snapped.y()) * dpr * kPhases);
    const QString spriteKey = QStringLiteral("%1|%2|%3|%4").arg(key).arg(dpr).arg(phaseX).arg(phaseY);
    auto it = sprites.constFind(spriteKey);
    if (it == sprites.constEnd()) {
        const int side = int(std::ceil(2 * pad * dpr)) + 1;
        QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(dpr);
        image.fill(Qt::transparent);
        QPainter p(&image);
        draw(p, QPointF(pad, pad) + QPointF(phaseX, phaseY) / (kPhases * dpr));
        p.end();
        if (sprites.size() > kMaxSprites)
            sprites.clear();
        it = sprites.insert(spriteKey, image);
    }
    painter.drawImage(snapped, *it);
}

} // namespace spheres
