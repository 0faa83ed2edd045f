#include "dotpainter.h"

#include "pixelratio.h"

#include <QColor>
#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QTransform>

#include <algorithm>
#include <cmath>

namespace spheres {

void DotPainter::pixelSpan(double from, double to, int &first, int &end)
{
    if (to < from)
        std::swap(from, to);
    // A centre on the near edge is left out and one on the far edge taken, as the rasteriser does.
    first = int(std::floor(from + 0.5));
    end = std::max(first + 1, int(std::floor(to + 0.5)));
}

bool DotPainter::canSetPixels(const QPainter &painter)
{
    return painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster
           && painter.worldTransform().type() <= QTransform::TxTranslate;
}

void DotPainter::paint(QPainter &painter, const QList<const QList<QPointF> *> &dots, double side, const QTransform &toScreen,
                       const QRectF &area, const QColor &colour, Method method)
{
    if (dots.isEmpty())
        return;
    if (method == Method::Pixels && canSetPixels(painter)) {
        paintPixels(painter, dots, side, toScreen, area, colour);
        return;
    }
    QPainterPath squares;
    squares.setFillRule(Qt::WindingFill);
    const QPointF half(side / 2, side / 2);
    for (const QList<QPointF> *list : dots)
        for (const QPointF &c : *list)
            squares.addRect(toScreen.mapRect(QRectF(c - half, c + half)));
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillPath(squares, colour);
    painter.restore();
}

void DotPainter::paintPixels(QPainter &painter, const QList<const QList<QPointF> *> &dots, double side, const QTransform &toScreen,
                             const QRectF &area, const QColor &colour)
{
    const qreal ratio = pixelRatio(painter);
    // Metres to device pixels: the painter only translates, the device scales by its ratio.
    const QTransform toDevice = toScreen * painter.worldTransform() * QTransform::fromScale(ratio, ratio);
    const double sx = toDevice.m11(), sy = toDevice.m22(), dx = toDevice.dx(), dy = toDevice.dy();
    const double hx = std::abs(sx) * side / 2, hy = std::abs(sy) * side / 2;
    QRectF spread; // of the dots' centres, so that the image is no larger than they need
    bool any = false;
    for (const QList<QPointF> *list : dots)
        for (const QPointF &c : *list) {
            const QPointF p(c.x() * sx + dx, c.y() * sy + dy);
            spread = any ? QRectF(QPointF(std::min(spread.left(), p.x()), std::min(spread.top(), p.y())),
                                  QPointF(std::max(spread.right(), p.x()), std::max(spread.bottom(), p.y())))
                         : QRectF(p, p);
            any = true;
        }
    const QRect region = (painter.worldTransform() * QTransform::fromScale(ratio, ratio)).mapRect(area).toAlignedRect()
                         & spread.adjusted(-hx - 1, -hy - 1, hx + 1, hy + 1).toAlignedRect();
    if (!any || region.isEmpty())
        return;
    QImage image(region.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    const QRgb pixel = qPremultiply(colour.rgba());
    for (const QList<QPointF> *list : dots)
        for (const QPointF &c : *list) {
            const double x = c.x() * sx + dx - region.left(), y = c.y() * sy + dy - region.top();
            int x0, x1, y0, y1;
            pixelSpan(x - hx, x + hx, x0, x1);
            pixelSpan(y - hy, y + hy, y0, y1);
            x0 = std::max(x0, 0), y0 = std::max(y0, 0);
            x1 = std::min(x1, image.width()), y1 = std::min(y1, image.height());
            for (int row = y0; row < y1; ++row)
                std::fill_n(reinterpret_cast<QRgb *>(image.scanLine(row)) + x0, std::max(0, x1 - x0), pixel);
        }
    image.setDevicePixelRatio(ratio);
    painter.save();
    painter.resetTransform(); // logical pixels, which the device scales by its ratio
    painter.drawImage(QPointF(region.topLeft()) / ratio, image);
    painter.restore();
}

} // namespace spheres
