#include "symbolsprites.h"

#include "pixelratio.h"

#include <QHash>
#include <QPaintEngine>
#include <QPainter>

#include <algorithm>
#include <array>
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
    // A symbol's sprites, one per phase, found by its key alone: ten thousand sites make no
    // key strings of their own.
    struct Phases
    {
        qreal dpr = 0;
        std::array<QImage, kPhases * kPhases> images;
    };
    thread_local QHash<QString, Phases> sprites;
    const qreal dpr = pixelRatio(painter);
    const double pad = std::ceil(reach) + 1;
    const QPointF corner = centre - QPointF(pad, pad);
    const QPointF snapped(std::floor(corner.x() * dpr) / dpr, std::floor(corner.y() * dpr) / dpr);
    const int phaseX = std::clamp(int((corner.x() - snapped.x()) * dpr * kPhases), 0, kPhases - 1);
    const int phaseY = std::clamp(int((corner.y() - snapped.y()) * dpr * kPhases), 0, kPhases - 1);
    auto it = sprites.find(key);
    if (it == sprites.end()) {
        if (sprites.size() > kMaxSprites / (kPhases * kPhases))
            sprites.clear();
        it = sprites.insert(key, Phases());
    }
    if (it->dpr != dpr)
        *it = Phases{dpr, {}};
    QImage &image = it->images[size_t(phaseY * kPhases + phaseX)];
    if (image.isNull()) {
        const int side = int(std::ceil(2 * pad * dpr)) + 1;
        image = QImage(side, side, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(dpr);
        image.fill(Qt::transparent);
        QPainter p(&image);
        draw(p, QPointF(pad, pad) + QPointF(phaseX, phaseY) / (kPhases * dpr));
    }
    painter.drawImage(snapped, image);
}

} // namespace spheres
