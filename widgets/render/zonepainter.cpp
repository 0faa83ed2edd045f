#include "zonepainter.h"

#include "mapstyle.h"
#include "polylinestroker.h"

#include <QPainter>
#include <QVarLengthArray>

#include <algorithm>
#include <cmath>

namespace spheres {

namespace {

QPen cosmeticPen(const QColor &colour, double width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen(colour, width, style, Qt::FlatCap, Qt::RoundJoin);
    pen.setCosmetic(true);
    return pen;
}

/// Where the line x + y = c runs inside `rings` (even-odd, as the area is filled), as segments
/// appended to `out`: clipping the stripes here, not with a clip path, is several times faster
/// on raster devices and gives vector devices plain lines.
void stripeInside(const QList<QPolygonF> &rings, double c, QPainterPath &out)
{
    QVarLengthArray<double, 16> crossings; // x of each edge the line crosses
    for (const QPolygonF &ring : rings)
        for (qsizetype i = 0; i < ring.size(); ++i) {
            const QPointF p = ring[i], q = ring[(i + 1) % ring.size()];
            const double sp = p.x() + p.y() - c, sq = q.x() + q.y() - c;
            if ((sp < 0) == (sq < 0)) // half-open: a vertex on the line counts once
                continue;
            crossings.append(p.x() + (q.x() - p.x()) * sp / (sp - sq));
        }
    std::sort(crossings.begin(), crossings.end());
    for (qsizetype i = 0; i + 1 < crossings.size(); i += 2) {
        out.moveTo(crossings[i], c - crossings[i]);
        out.lineTo(crossings[i + 1], c - crossings[i + 1]);
    }
}

} // namespace

QList<QColor> ZonePainter::coloursOf(const QStringList &codes, const LayerStyle &style)
{
    QList<QColor> out;
    for (const QString &code : codes)
        out << style.claimant(code);
    return out;
}

void ZonePainter::paintStripes(QPainter &painter, const QPainterPath &area, const QList<QColor> &colours, double spacing,
                               double width, QPointF anchor)
{
    if (colours.isEmpty() || area.isEmpty())
        return;
    QRectF box = area.controlPointRect();
    if (painter.hasClipping())
        box &= painter.clipBoundingRect().adjusted(-width, -width, width, width);
    if (box.isEmpty())
        return;
    // Stripes x + y = c, every `step` from the anchor's, so that they stay put on the ground.
    const double step = spacing * std::sqrt(2.0), c0 = anchor.x() + anchor.y();
    const auto first = qint64(std::ceil((box.left() + box.top() - c0) / step));
    const auto last = qint64(std::floor((box.right() + box.bottom() - c0) / step));
    const QList<QPolygonF> rings = area.toSubpathPolygons();
    const auto turns = qint64(colours.size());
    QList<QPainterPath> sets(colours.size());
    for (qint64 j = first; j <= last; ++j)
        stripeInside(rings, c0 + double(j) * step, sets[qsizetype(((j % turns) + turns) % turns)]);
    for (qsizetype i = 0; i < colours.size(); ++i)
        PolylineStroker::stroke(painter, sets[i], cosmeticPen(colours[i], width));
}

void ZonePainter::paintArea(QPainter &painter, const QPainterPath &area, const Feature &feature, const LayerStyle &style,
                            double scale, QPointF anchor)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false); // the outline covers the edge; far cheaper
    painter.fillPath(area, style.zoneWash);
    painter.restore();
    const QList<QColor> claimants = coloursOf(feature.details().claimants, style);
    paintStripes(painter, area, claimants.isEmpty() ? QList<QColor>{style.claimLine} : claimants, 5.0 * scale,
                 2.0 * scale, anchor);
    const QList<QColor> administrators = coloursOf(feature.details().administeredBy, style);
    if (style.outlineCasing.alpha() > 0)
        PolylineStroker::stroke(painter, area, cosmeticPen(style.outlineCasing, 3.2 * scale));
    if (administrators.isEmpty()) // held by no one (or not said): the claim line's dashes
        PolylineStroker::stroke(painter, area, cosmeticPen(style.claimLine, 1.0 * scale, Qt::DashLine));
    else
        PolylineStroker::strokeInTurns(painter, area, cosmeticPen(Qt::black, 1.6 * scale), administrators, 6.0 * scale, 0.0);
}

void ZonePainter::paintClaimLine(QPainter &painter, const QPainterPath &line, const Feature &feature,
                                 const LayerStyle &style, double scale)
{
    const double width = 2.0 * scale;
    PolylineStroker::stroke(painter, line, cosmeticPen(style.claimHalo, width + 2.5 * scale));
    const QList<QColor> claimants = coloursOf(feature.details().claimants, style);
    PolylineStroker::strokeInTurns(painter, line, cosmeticPen(Qt::black, width),
                                   claimants.isEmpty() ? QList<QColor>{style.claimLine} : claimants, 4 * width, 2 * width);
}

} // namespace spheres
