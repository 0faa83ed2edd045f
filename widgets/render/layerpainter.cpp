#include "layerpainter.h"

#include "mapstyle.h"
#include "projectedatlas.h"
#include "scene.h"
#include "viewstate.h"

#include <QCoreApplication>
#include <QPainter>

namespace spheres {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("LayerPainter", text); }

QPainterPath pathOfLines(const MultiLineString &lines)
{
    QPainterPath path;
    for (const LineString &line : lines) {
        if (line.empty())
            continue;
        path.moveTo(line.front().x(), line.front().y());
        for (size_t i = 1; i < line.size(); ++i)
            path.lineTo(line[i].x(), line[i].y());
    }
    return path;
}


/// Lines densified to 0.5° so that long legs follow the projection's curves.
MultiLineString projectedLines(const Projection &projection, const MultiLineString &lonLat)
{
    MultiLineString out;
    for (const LineString &line : lonLat) {
        LineString dense;
        for (size_t i = 0; i < line.size(); ++i) {
            if (i > 0) {
                const Point &a = line[i - 1], &b = line[i];
                const int steps = int(std::max(std::abs(b.x() - a.x()), std::abs(b.y() - a.y())) / 0.5);
                for (int k = 1; k < steps; ++k)
                    dense.emplace_back(a.x() + (b.x() - a.x()) * k / steps, a.y() + (b.y() - a.y()) * k / steps);
            }
            dense.push_back(line[i]);
        }
        for (const LineString &part : projectLine(projection, dense))
            out.push_back(part);
    }
    return out;
}

bool isVisible(const ViewState &view, const Layer &layer) { return !view.hiddenLayers.contains(layer.id); }

const QColor kZone(0xcc, 0x79, 0xa7);      // Okabe–Ito reddish purple
const QColor kClaimLine(0xa0, 0x3c, 0x78);

} // namespace

QPainterPath pathOfAreas(const MultiPolygon &shape)
{
    QPainterPath path;
    for (const Polygon &p : shape) {
        auto add = [&path](const Ring &ring) {
            QPolygonF polygon;
            for (const Point &pt : ring)
                polygon << QPointF(pt.x(), pt.y());
            path.addPolygon(polygon);
            path.closeSubpath();
        };
        add(p.outer());
        for (const Ring &hole : p.inners())
            add(hole);
    }
    return path;
}

ProjectedLayer::ProjectedLayer(std::shared_ptr<const Layer> l, const Projection &projection) : layer(std::move(l))
{
    for (const Feature &f : layer->features) {
        areaShapes << projectShape(projection, f.area);
        lineShapes << projectedLines(projection, f.lines);
        areas << pathOfAreas(areaShapes.back());
        lines << pathOfLines(lineShapes.back());
    }
}

QColor LayerPainter::membershipColour(const QString &status)
{
    if (status == u"member")
        return QColor(0x00, 0x9e, 0x73, 0xb0);  // bluish green, the darkest fill: members stand out in greyscale
    if (status == u"observer")
        return QColor(0x56, 0xb4, 0xe9, 0x88);  // sky blue: between members and partners in greyscale
    return QColor(0xf0, 0xe4, 0x42, 0x99);      // yellow: dialogue partner, partner
}

QPen LayerPainter::pipelinePen(const QString &commodity, const QString &status, double scale)
{
    const bool gas = commodity == u"gas";
    QPen pen(gas ? QColor(0xd5, 0x5e, 0x00) : QColor(0x1a, 0x1a, 0x1a), (gas ? 2.6 : 2.2) * scale);
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::RoundJoin);
    pen.setCosmetic(true);
    if (status == u"under construction")
        pen.setStyle(Qt::DashLine);
    else if (status == u"planned")
        pen.setStyle(Qt::DotLine);
    else if (status == u"suspended")
        pen.setStyle(Qt::DashDotLine);
    return pen;
}

/// A user's layer without our description: neutral teal areas, dark slate lines.
void LayerPainter::paintGeneric(QPainter &painter, const ProjectedLayer &pl, int i, const QTransform &t, double scale)
{
    if (!pl.areas[i].isEmpty()) {
        const QPainterPath area = t.map(pl.areas[i]);
        painter.fillPath(area, QColor(0x00, 0x9e, 0x73, 0x50));
        QPen outline(QColor(0x00, 0x6e, 0x50), 1.0 * scale);
        outline.setCosmetic(true);
        painter.strokePath(area, outline);
    }
    if (!pl.lines[i].isEmpty()) {
        QPen line(QColor(0x33, 0x41, 0x55), 2.0 * scale);
        line.setCosmetic(true);
        painter.strokePath(t.map(pl.lines[i]), line);
    }
}

void LayerPainter::paint(QPainter &painter, const Scene &scene, const ViewState &view, const QTransform &t)
{
    const QColor highlight(0xe6, 0x9f, 0x00);
    for (const ProjectedLayer &pl : scene.layers()) {
        const Layer &layer = *pl.layer;
        if (!isVisible(view, layer))
            continue;
        painter.setOpacity(view.layerOpacity.value(layer.id, 1.0));
        for (int i = 0; i < layer.features.size(); ++i) {
            const Feature &f = layer.features[i];
            const auto status = f.statusIn(view.year);
            if (!status)
                continue;
            if (layer.kind == LayerKind::Membership)
                continue;
            const QString ref = layer.id + u'/' + f.id;
            const bool selected = ref == view.selectedFeature, hovered = ref == view.hoveredFeature;
            const bool lit = !view.isHighlighting() || view.highlightFeatures.contains(ref) ||
                             view.highlightFeatures.contains(layer.id);
            painter.setOpacity(view.layerOpacity.value(layer.id, 1.0) * (lit ? 1.0 : 0.25));
            if (selected || hovered) {
                QPen casing(selected ? highlight : highlight.lighter(130), (selected ? 9.0 : 7.0) * view.styleScale);
                casing.setCosmetic(true);
                casing.setCapStyle(Qt::RoundCap);
                casing.setJoinStyle(Qt::RoundJoin);
                if (!pl.lines[i].isEmpty())
                    painter.strokePath(t.map(pl.lines[i]), casing);
                if (!pl.areas[i].isEmpty()) {
                    casing.setWidthF(4.0 * view.styleScale);
                    painter.strokePath(t.map(pl.areas[i]), casing);
                }
            }
            if (layer.kind == LayerKind::Generic) {
                paintGeneric(painter, pl, i, t, view.styleScale);
                continue;
            }
            if (!pl.areas[i].isEmpty()) {
                const QPainterPath area = t.map(pl.areas[i]);
                painter.fillPath(area, QColor(kZone.red(), kZone.green(), kZone.blue(), 0x40));
                painter.fillPath(area, QBrush(kClaimLine, Qt::BDiagPattern));
                QPen outline(kClaimLine, 1.0 * view.styleScale, Qt::DashLine); // ≤ 1 px: Qt's fast cosmetic stroker
                outline.setCosmetic(true);
                painter.strokePath(area, outline);
            }
            if (!pl.lines[i].isEmpty()) {
                const QPainterPath line = t.map(pl.lines[i]);
                QPen pen = layer.kind == LayerKind::Lines
                               ? pipelinePen(f.properties.value(QStringLiteral("commodity")).toString(), *status, view.styleScale)
                               : QPen(kClaimLine, 2.0 * view.styleScale, Qt::DashLine);
                QPen halo(QColor(255, 255, 255, 200), pen.widthF() + 2.5 * view.styleScale);
                halo.setCosmetic(true);
                halo.setCapStyle(Qt::RoundCap);
                pen.setCosmetic(true);
                painter.strokePath(line, halo);
                painter.strokePath(line, pen);
            }
        }
    }
    painter.setOpacity(1.0);
}

QList<LayerPainter::Swatch> LayerPainter::swatchesFor(const Layer &layer)
{
    QList<Swatch> out;
    switch (layer.kind) {
    case LayerKind::Membership:
        for (const LegendEntry &e : layer.legend)
            out.push_back({e.label, membershipColour(e.key), QPen(Qt::NoPen), false});
        break;
    case LayerKind::Lines:
        for (const LegendEntry &e : layer.legend)
            out.push_back({e.label, QColor(), pipelinePen(e.key, QStringLiteral("operating"), 1.0), false});
        for (const char *status : {"operating", "under construction", "planned", "suspended"}) {
            QPen pen = pipelinePen(QStringLiteral("gas"), QString::fromLatin1(status), 1.0);
            pen.setColor(QColor(0x6b, 0x6b, 0x6b));
            out.push_back({QString::fromLatin1(status), QColor(), pen, false});
        }
        break;
    case LayerKind::Zones:
        for (const LegendEntry &e : layer.legend)
            out.push_back({e.label, QColor(kZone.red(), kZone.green(), kZone.blue(), 0x40), QPen(Qt::NoPen), true});
        break;
    case LayerKind::Generic:
        out.push_back({layer.title, QColor(0x00, 0x9e, 0x73, 0x50), QPen(Qt::NoPen), false});
        break;
    }
    return out;
}

void LayerPainter::paintSwatch(QPainter &painter, const QRectF &box, const Swatch &swatch)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    if (swatch.line.style() != Qt::NoPen) {
        painter.setPen(swatch.line);
        painter.drawLine(QPointF(box.left(), box.center().y()), QPointF(box.right(), box.center().y()));
    } else {
        painter.fillRect(box, MapStyle::standard().land); // translucent fills look as they do over land
        painter.fillRect(box, swatch.fill);
        if (swatch.hatched)
            painter.fillRect(box, QBrush(kClaimLine, Qt::BDiagPattern));
        painter.setPen(QPen(QColor(0, 0, 0, 60), 0));
        painter.setBrush(Qt::NoBrush); // the caller's brush (the legend box) would wash the swatch out
        painter.drawRect(box);
    }
    painter.restore();
}

QHash<QString, QColor> LayerPainter::regionFills(const Scene &scene, const ViewState &view, const QColor &land)
{
    QHash<QString, QColor> fills;
    for (const ProjectedLayer &pl : scene.layers()) {
        const Layer &layer = *pl.layer;
        if (layer.kind != LayerKind::Membership || !isVisible(view, layer))
            continue;
        for (const Feature &f : layer.features) {
            const auto status = f.statusIn(view.year);
            if (!status)
                continue;
            const QColor over = membershipColour(*status);
            const QColor under = fills.value(f.iso3, land);
            const double a = over.alphaF() * view.layerOpacity.value(layer.id, 1.0);
            fills.insert(f.iso3, QColor::fromRgbF(under.redF() * (1 - a) + over.redF() * a,
                                                  under.greenF() * (1 - a) + over.greenF() * a,
                                                  under.blueF() * (1 - a) + over.blueF() * a));
        }
    }
    return fills;
}

QList<LayerPainter::Swatch> LayerPainter::legend(const Scene &scene, const ViewState &view)
{
    QList<Swatch> out;
    for (const ProjectedLayer &pl : scene.layers()) {
        const Layer &layer = *pl.layer;
        if (!isVisible(view, layer))
            continue;
        QStringList seen; // "commodity|status" or status, in the order they first occur
        for (const Feature &f : layer.features) {
            const auto status = f.statusIn(view.year);
            if (!status)
                continue;
            const QString key = layer.kind == LayerKind::Lines
                                    ? f.properties.value(QStringLiteral("commodity")).toString() + u'|' + *status
                                    : *status;
            if (!seen.contains(key))
                seen << key;
        }
        std::sort(seen.begin(), seen.end());
        for (const QString &key : seen) {
            if (layer.kind == LayerKind::Membership) {
                out.push_back({tr("SCO %1").arg(key), membershipColour(key), QPen(Qt::NoPen), false});
            } else if (layer.kind == LayerKind::Lines) {
                const QStringList parts = key.split(u'|');
                const QString commodity = parts.value(0) == u"gas" ? tr("Gas pipeline") : tr("Oil pipeline");
                out.push_back({QStringLiteral("%1, %2").arg(commodity, parts.value(1)), QColor(),
                               pipelinePen(parts.value(0), parts.value(1), 1.0), false});
            } else if (layer.kind == LayerKind::Generic) {
                out.push_back({layer.title, QColor(0x00, 0x9e, 0x73, 0x50), QPen(Qt::NoPen), false});
                break;
            } else if (layer.kind == LayerKind::Zones) {
                out.push_back({tr("Contested zone / claim line"), QColor(kZone.red(), kZone.green(), kZone.blue(), 0x40),
                               QPen(Qt::NoPen), true});
                break;
            }
        }
    }
    return out;
}

} // namespace spheres
