#include "slideoverlay.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace spheres {

namespace {

/// The slide's title panel: its fonts and boxes, one layout for drawing and for placing
/// what must stay clear of it. Sizes are those of a 1080-pixel-high screen, scaled by `k`.
struct TitleLayout
{
    QFont titleFont{QStringLiteral("DejaVu Sans")};
    QFont captionFont{QStringLiteral("DejaVu Sans")};
    QRectF titleBox, captionBox, panel;
    double pad = 0, panelWidth = 0, k = 1, margin = 0;
};

TitleLayout layoutFor(const PresentationOverlay &overlay, QSize size)
{
    TitleLayout t;
    t.k = size.height() / 1080.0;
    t.margin = 36 * t.k;
    t.panelWidth = std::min(size.width() * 0.46, 900 * t.k);
    t.titleFont.setPixelSize(std::max(1, int(46 * t.k)));
    t.titleFont.setWeight(QFont::DemiBold);
    t.captionFont.setPixelSize(std::max(1, int(26 * t.k)));
    t.titleBox = QFontMetricsF(t.titleFont).boundingRect(QRectF(0, 0, t.panelWidth, 1e6), Qt::TextWordWrap, overlay.title);
    t.captionBox = overlay.caption.isEmpty()
                       ? QRectF()
                       : QFontMetricsF(t.captionFont).boundingRect(QRectF(0, 0, t.panelWidth, 1e6), Qt::TextWordWrap, overlay.caption);
    t.pad = 22 * t.k;
    t.panel = QRectF(t.margin, t.margin, t.panelWidth + 2 * t.pad,
                     t.titleBox.height() + t.captionBox.height() + 2 * t.pad + (t.captionBox.isEmpty() ? 0 : 12 * t.k));
    return t;
}

} // namespace

QRectF SlideOverlay::titlePanel(const PresentationOverlay &overlay, QSize size) { return layoutFor(overlay, size).panel; }

void SlideOverlay::paint(QPainter &painter, const PresentationOverlay &overlay, QSize size)
{
    if (!overlay.active)
        return;
    if (overlay.blank.isValid()) {
        painter.fillRect(QRect(QPoint(0, 0), size), overlay.blank);
        return;
    }
    const TitleLayout t = layoutFor(overlay, size);
    const double k = t.k;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 232));
    painter.drawRoundedRect(t.panel, 10 * k, 10 * k);
    painter.setPen(QColor(0x1a, 0x1a, 0x1a));
    painter.setFont(t.titleFont);
    const QPointF text = t.panel.topLeft() + QPointF(t.pad, t.pad);
    painter.drawText(QRectF(text, QSizeF(t.panelWidth, t.titleBox.height())), Qt::TextWordWrap, overlay.title);
    painter.setFont(t.captionFont);
    painter.setPen(QColor(0x33, 0x33, 0x33));
    painter.drawText(QRectF(text + QPointF(0, t.titleBox.height() + 12 * k), QSizeF(t.panelWidth, t.captionBox.height())),
                     Qt::TextWordWrap, overlay.caption);
    if (!overlay.counter.isEmpty()) {
        painter.setPen(QColor(0x55, 0x55, 0x55));
        painter.drawText(QRectF(0, size.height() - t.margin - 40 * k, size.width() - t.margin, 40 * k),
                         Qt::AlignRight | Qt::AlignVCenter, overlay.counter);
    }
    painter.restore();
}

} // namespace spheres
