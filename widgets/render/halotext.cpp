#include "halotext.h"

#include "mapstyle.h"
#include "pixelratio.h"

#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace spheres {

namespace {

QPainterPath textPath(QPointF baseline, const QString &text, const QFont &font)
{
    QPainterPath path;
    path.addText(baseline, font, text);
    return path;
}

} // namespace

void HaloText::drawVector(QPainter &painter, QPointF baseline, const QString &text, const QFont &font,
                          const QColor &colour, double haloWidth) const
{
    // SVG text has no letter spacing: drop it from both, or the halo would run ahead of the letters.
    QFont textFont = font;
    if (painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::SVG)
        textFont.setLetterSpacing(QFont::PercentageSpacing, 100);
    painter.strokePath(textPath(baseline, text, textFont), mapPen(m_halo, haloWidth));
    painter.save();
    painter.setFont(textFont);
    painter.setPen(colour);
    painter.drawText(baseline, text);
    painter.restore();
}

void HaloText::draw(QPainter &painter, QPointF baseline, const QString &text, const QFont &font, const QColor &colour,
                    double haloWidth) const
{
    if (!painter.paintEngine() || painter.paintEngine()->type() != QPaintEngine::Raster) {
        drawVector(painter, baseline, text, font, colour, haloWidth);
        return;
    }
    const qreal dpr = pixelRatio(painter);
    const QFontMetricsF metrics(font);
    const double pad = std::ceil(haloWidth) + 1;
    const QString key = QStringLiteral("%1|%2|%3|%4|%5").arg(text, font.key(), colour.name(QColor::HexArgb)).arg(haloWidth).arg(dpr);
    auto it = m_images.constFind(key);
    if (it == m_images.constEnd()) {
        const QSizeF size(metrics.horizontalAdvance(text) + 2 * pad, metrics.height() + 2 * pad);
        QImage image((size * dpr).toSize() + QSize(1, 1), QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(dpr);
        image.fill(Qt::transparent);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        const QPainterPath path = textPath(QPointF(pad, pad + metrics.ascent()), text, font);
        p.strokePath(path, mapPen(m_halo, haloWidth));
        p.fillPath(path, colour);
        p.end();
        if (m_images.size() > 4000)
            m_images.clear();
        it = m_images.insert(key, image);
    }
    painter.drawImage(QPointF(baseline.x() - pad, baseline.y() - metrics.ascent() - pad), *it);
}

} // namespace spheres
