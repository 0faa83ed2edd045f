#include "legendpainter.h"

#include "mapstyle.h"
#include "scene.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace spheres {

namespace {

/// Claimants, named alone, share rows under the zone entry: this many to a row.
constexpr int kCellsPerRow = 4;

QFont legendFont(const MapStyle &style, double k, bool title)
{
    QFont font(style.fontFamily);
    font.setPixelSize(std::max(1, int(std::lround((title ? 11 : 10) * k))));
    if (title)
        font.setWeight(QFont::DemiBold);
    return font;
}

QRectF placed(QSizeF size, ViewState::Corner corner, QSize picture, double margin)
{
    const bool right = corner == ViewState::Corner::BottomRight || corner == ViewState::Corner::TopRight;
    const bool bottom = corner == ViewState::Corner::BottomLeft || corner == ViewState::Corner::BottomRight;
    const double x = right ? picture.width() - margin - size.width() : margin;
    const double y = bottom ? picture.height() - margin - size.height() : margin;
    return QRectF(QPointF(x, y), size);
}

} // namespace

QString LegendPainter::title(int year) { return QCoreApplication::translate("MapRenderer", "Legend — %1").arg(year); }

LegendPainter::Layout LegendPainter::layoutAt(const Scene &scene, const ViewState &view, const MapStyle &style, double k)
{
    Layout out;
    out.scale = k;
    out.entries = LayerLegend::legend(scene, view, style);
    if (out.entries.isEmpty())
        return out;
    const double pad = 8 * k;
    const QFontMetricsF metrics(legendFont(style, k, false)), titleMetrics(legendFont(style, k, true));
    out.row = metrics.height() + 3 * k;
    out.swatchWidth = 24 * k;
    out.cellSwatchWidth = 14 * k;
    double width = titleMetrics.horizontalAdvance(title(view.year) + QStringLiteral("  ▸")), cellWidth = 0;
    for (const LegendSwatch &e : std::as_const(out.entries)) {
        const double w = e.heading ? titleMetrics.horizontalAdvance(e.label) // a layer's name over its classes
                                   : (e.cell ? out.cellSwatchWidth : out.swatchWidth) + 6 * k + metrics.horizontalAdvance(e.label);
        (e.cell ? cellWidth : width) = std::max(e.cell ? cellWidth : width, w);
    }
    cellWidth += 8 * k;
    double y = titleMetrics.height() + 4 * k; // under the title
    int column = 0;
    for (const LegendSwatch &e : std::as_const(out.entries)) {
        if (e.cell && column > 0 && column < kCellsPerRow) {
            out.places << QPointF(column++ * cellWidth, y - out.row);
            width = std::max(width, column * cellWidth);
            continue;
        }
        out.places << QPointF(0, y);
        y += out.row;
        column = e.cell ? 1 : 0;
        if (e.cell)
            width = std::max(width, cellWidth);
    }
    const QSizeF size = view.legendCollapsed ? QSizeF(width + 2 * pad, titleMetrics.height() + 2 * pad)
                                             : QSizeF(width + 2 * pad, y + 2 * pad);
    out.box = QRectF(QPointF(0, 0), size);
    return out;
}

double LegendPainter::scaleFor(QSizeF natural, double styleScale, QSize picture)
{
    if (natural.isEmpty() || picture.isEmpty())
        return styleScale;
    const double fit = std::min(picture.width() * kMaxWidthShare / natural.width(),
                                picture.height() * kMaxHeightShare / natural.height()) * styleScale;
    // The least it shrinks to: type still legible on a screen; on a thumbnail-sized slide,
    // whose every word is small, half size rather than half the slide.
    const double floor = std::min(styleScale, picture.height() < kSmallPicture ? 0.5 : 0.85);
    return std::clamp(fit, floor, styleScale);
}

LegendPainter::Layout LegendPainter::layout(const Scene &scene, const ViewState &view, const MapStyle &style,
                                            const QList<QRectF> &avoid)
{
    // Sized unfolded, so that folding and unfolding keep the type's size.
    ViewState unfolded = view;
    unfolded.legendCollapsed = false;
    const QSizeF natural = layoutAt(scene, unfolded, style, view.styleScale).box.size();
    const double k = scaleFor(natural, view.styleScale, view.size);
    Layout out = layoutAt(scene, view, style, k);
    if (out.entries.isEmpty())
        return out;
    const QSizeF size = out.box.size();
    // The view's corner first, then the others: the first where nothing to avoid stands.
    QList<ViewState::Corner> corners{view.legendCorner, ViewState::Corner::BottomLeft, ViewState::Corner::TopRight,
                                     ViewState::Corner::BottomRight, ViewState::Corner::TopLeft};
    out.box = placed(size, view.legendCorner, view.size, 10 * k);
    for (ViewState::Corner corner : corners) {
        const QRectF box = placed(size, corner, view.size, 10 * k);
        if (std::none_of(avoid.begin(), avoid.end(), [&](const QRectF &r) { return r.intersects(box); })) {
            out.box = box;
            break;
        }
    }
    return out;
}

void LegendPainter::paint(QPainter &painter, const Layout &layout, const ViewState &view, const MapStyle &style)
{
    if (layout.box.isEmpty())
        return;
    const double k = layout.scale, pad = 8 * k;
    painter.save();
    painter.setPen(QPen(style.legendFrame, 1));
    painter.setBrush(style.legendBackground);
    painter.drawRoundedRect(layout.box, 4 * k, 4 * k);
    painter.setPen(style.label);
    const QFont titleFont = legendFont(style, k, true), font = legendFont(style, k, false);
    painter.setFont(titleFont);
    const QPointF origin = layout.box.topLeft() + QPointF(pad, pad);
    const double titleHeight = QFontMetricsF(titleFont).height();
    // Folded, the title says there is more: the window unfolds it with a click.
    const QString heading = view.legendCollapsed ? title(view.year) + QStringLiteral("  ▸") : title(view.year);
    painter.drawText(QRectF(origin, QSizeF(layout.box.width() - 2 * pad, titleHeight)), Qt::AlignVCenter | Qt::AlignLeft, heading);
    if (!view.legendCollapsed) {
        painter.setFont(font);
        for (qsizetype i = 0; i < layout.entries.size(); ++i) {
            const LegendSwatch &e = layout.entries[i];
            const QPointF at = origin + layout.places[i];
            if (e.heading) {
                painter.setFont(titleFont);
                painter.setPen(style.label);
                painter.drawText(QRectF(at, QSizeF(layout.box.right() - at.x(), layout.row)), Qt::AlignVCenter | Qt::AlignLeft,
                                 e.label);
                painter.setFont(font);
                continue;
            }
            const double swatchW = e.cell ? layout.cellSwatchWidth : layout.swatchWidth;
            const QRectF swatch(at.x(), at.y() + layout.row * 0.2, swatchW, layout.row * 0.6);
            LegendSwatch scaled = e;
            scaled.line.setWidthF(e.line.widthF() * k);
            LayerLegend::paintSwatch(painter, swatch, scaled, style);
            painter.setPen(style.label);
            painter.drawText(QRectF(swatch.right() + 6 * k, at.y(), layout.box.right() - swatch.right(), layout.row),
                             Qt::AlignVCenter | Qt::AlignLeft, e.label);
        }
    }
    painter.restore();
}

ViewState::Corner LegendPainter::nearestCorner(QPointF pixel, QSize size)
{
    const bool right = pixel.x() > size.width() / 2.0, bottom = pixel.y() > size.height() / 2.0;
    if (bottom)
        return right ? ViewState::Corner::BottomRight : ViewState::Corner::BottomLeft;
    return right ? ViewState::Corner::TopRight : ViewState::Corner::TopLeft;
}

} // namespace spheres
