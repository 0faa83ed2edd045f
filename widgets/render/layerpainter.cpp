#include "layerpainter.h"

#include "classcolours.h"
#include "layerdetail.h"
#include "mapstyle.h"
#include "polylinestroker.h"
#include "scene.h"
#include "symbolsprites.h"
#include "tiledlayerpainter.h"
#include "viewstate.h"
#include "zonepainter.h"

#include <QCoreApplication>
#include <QPainter>

#include <algorithm>
#include <unordered_map>

namespace spheres {

namespace {

/// The sprite key of a site symbol, made once per look: a layer of ten thousand sites of a few
/// kinds makes a few strings, not ten thousand.
const QString &symbolKey(const QString &kind, const QColor &colour, const QColor &outline, bool hollow, double scale)
{
    struct Look
    {
        QString kind;
        QRgb colour, outline;
        bool hollow;
        double scale;
        bool operator==(const Look &) const = default;
    };
    struct LookHash
    {
        size_t operator()(const Look &l) const noexcept { return qHashMulti(0, l.kind, l.colour, l.outline, l.hollow, l.scale); }
    };
    thread_local std::unordered_map<Look, QString, LookHash> keys;
    const Look look{kind, colour.rgba(), outline.rgba(), hollow, scale};
    if (const auto it = keys.find(look); it != keys.end())
        return it->second;
    if (keys.size() > 256)
        keys.clear();
    return keys.emplace(look, QStringLiteral("site|%1|%2|%3|%4|%5")
                                  .arg(kind, colour.name(QColor::HexArgb), outline.name(QColor::HexArgb))
                                  .arg(hollow)
                                  .arg(scale))
        .first->second;
}



QPen cosmeticPen(const QColor &colour, double width)
{
    QPen pen(colour, width);
    pen.setCosmetic(true);
    return pen;
}


/// The features drawn one by one: every one whose bounds meet `visible`, ascending; in a layer
/// drawn from tiles, only the selected and the hovered one.
std::vector<int> drawnAlone(const ProjectedLayer &pl, const ViewState &view, const QRectF &visible, bool tiled)
{
    if (!tiled)
        return pl.featuresIn(visible);
    std::vector<int> out;
    const QString prefix = pl.layer->id + u'/';
    for (const QString &ref : {view.selectedFeature, view.hoveredFeature})
        if (const int i = ref.startsWith(prefix) ? pl.indexOf(ref.mid(prefix.size())) : -1;
            i >= 0 && std::find(out.begin(), out.end(), i) == out.end())
            out.push_back(i);
    return out;
}

} // namespace

QColor LayerPainter::membershipColour(const Layer &layer, const QString &status, const LayerStyle &style)
{
    const auto palette = style.blocPalettes.constFind(layer.id);
    if (palette == style.blocPalettes.cend() || palette->isEmpty())
        return membershipColour(status, style);
    const auto at = std::find_if(layer.legend.begin(), layer.legend.end(), [&status](const LegendEntry &e) { return e.key == status; });
    const qsizetype rank = at - layer.legend.begin(); // a status the legend lacks takes the palette's last colour
    return palette->at(std::min(rank, palette->size() - 1));
}

QColor LayerPainter::membershipColour(const QString &status, const LayerStyle &style)
{
    if (status == u"member")
        return style.member;
    if (status == u"observer")
        return style.observer;
    return style.partner; // dialogue partner, partner
}

QPen LayerPainter::pipelinePen(const QString &commodity, const QString &status, double scale, const LayerStyle &style)
{
    const bool gas = commodity == u"gas";
    QPen pen(gas ? style.gas : style.oil, (gas ? 2.6 : 2.2) * scale);
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::RoundJoin);
    pen.setCosmetic(true);
    switch (PipelineStatuses::fromString(status)) {
    case PipelineStatus::UnderConstruction: pen.setStyle(Qt::DashLine); break;
    case PipelineStatus::Planned: pen.setStyle(Qt::DotLine); break;
    case PipelineStatus::Suspended: pen.setStyle(Qt::DashDotLine); break;
    case PipelineStatus::Operating:
    case PipelineStatus::Other: break;
    }
    return pen;
}

/// A user's layer without our description: neutral teal areas, dark slate lines.
void LayerPainter::paintGeneric(QPainter &painter, const ProjectedLayer &pl, int i, const QTransform &t, double scale,
                                const LayerStyle &style)
{
    const QColor classColour = ClassColours::featureColour(*pl.layer, i, style); // invalid: plain
    if (!pl.areas.isEmpty(i)) {
        const QPainterPath area = LayerDetail::screenPath(pl.areas, i, t);
        painter.fillPath(area, classColour.isValid() ? classColour : style.genericFill);
        PolylineStroker::stroke(painter, area, cosmeticPen(style.genericOutline, 1.0 * scale));
    }
    if (!pl.lines[i].isEmpty())
        PolylineStroker::stroke(painter, LayerDetail::screenPath(pl.lines[i], t),
                                cosmeticPen(classColour.isValid() ? classColour : style.genericLine, 2.0 * scale));
}

void LayerPainter::paintFeature(QPainter &painter, const ProjectedLayer &pl, int i, const QString &status,
                                const QTransform &t, double scale, const LayerStyle &style)
{
    const Layer &layer = *pl.layer;
    if (layer.kind == LayerKind::Generic) {
        paintGeneric(painter, pl, i, t, scale, style);
        return;
    }
    const Feature &f = layer.features[i];
    if (!pl.areas.isEmpty(i))
        ZonePainter::paintArea(painter, LayerDetail::screenPath(pl.areas, i, t), f, style, scale, t.map(QPointF(0, 0)));
    if (pl.lines[i].isEmpty())
        return;
    const QPainterPath line = LayerDetail::screenPath(pl.lines[i], t);
    if (layer.kind != LayerKind::Lines) {
        ZonePainter::paintClaimLine(painter, line, f, style, scale);
        return;
    }
    const QPen pen = pipelinePen(f.properties.value(QStringLiteral("commodity")).toString(), status, scale, style);
    const QPainterPath drawn = PolylineStroker::offset(line, drawnOffset(layer, f) * scale);
    PolylineStroker::stroke(painter, drawn, cosmeticPen(style.lineHalo, pen.widthF() + 2.5 * scale));
    PolylineStroker::stroke(painter, drawn, pen);
}

double LayerPainter::drawnOffset(const Layer &layer, const Feature &feature)
{
    return layer.kind == LayerKind::Lines ? parallelOffset(feature) : 0.0;
}

double LayerPainter::parallelOffset(const Feature &feature)
{
    const QString commodity = feature.properties.value(QStringLiteral("commodity")).toString();
    return commodity == u"gas" ? 2.0 : commodity == u"oil" ? -2.0 : 0.0;
}

void LayerPainter::paintLayer(QPainter &painter, const ProjectedLayer &pl, const ViewState &view, const QTransform &t,
                              const LayerStyle &style)
{
    const double reach = 10 * view.styleScale * view.metresPerPixel; // of the widest pen, beyond a feature's bounds
    const QRectF visible =
        t.inverted().mapRect(QRectF(QPointF(0, 0), QSizeF(view.size))).adjusted(-reach, -reach, reach, reach);
    // A user's layer is drawn from its tiles, simplified for the zoom; only what is
    // selected or hovered in it is drawn again, feature by feature, over them.
    const bool tiled = TiledLayerPainter::applies(pl, view);
    if (tiled)
        TiledLayerPainter::paint(painter, pl, view, t, style);
    for (const int i : drawnAlone(pl, view, visible, tiled)) {
        const Feature &f = pl.layer->features[i];
        const auto status = f.statusIn(view.year);
        if (!status || !pl.meets(i, visible))
            continue;
        const QString ref = pl.layer->id + u'/' + f.id;
        const bool lit = !view.isHighlighting() || view.highlightFeatures.contains(ref) ||
                         view.highlightFeatures.contains(pl.layer->id);
        // Unlit features recede but stay legible: a claim about one line must not hide the others.
        painter.setOpacity(view.layerOpacity.value(pl.layer->id, 1.0) * (lit ? 1.0 : 0.55));
        if (ref == view.selectedFeature || ref == view.hoveredFeature)
            paintCasing(painter, pl, i, ref == view.selectedFeature, t, view.styleScale, style);
        paintFeature(painter, pl, i, *status, t, view.styleScale, style);
    }
    paintSites(painter, pl, view, t, style);
    painter.setOpacity(1.0);
}

void LayerPainter::paintCasing(QPainter &painter, const ProjectedLayer &pl, int i, bool selected, const QTransform &t,
                               double scale, const LayerStyle &style)
{
    QPen casing = mapPen(selected ? style.highlight : style.highlight.lighter(130), (selected ? 9.0 : 7.0) * scale);
    if (!pl.lines[i].isEmpty())
        PolylineStroker::stroke(painter,
                                PolylineStroker::offset(t.map(pl.lines[i]), drawnOffset(*pl.layer, pl.layer->features[i]) * scale),
                                casing);
    if (!pl.areas.isEmpty(i)) {
        casing.setWidthF(4.0 * scale);
        PolylineStroker::stroke(painter, t.map(pl.areas.path(i)), casing);
    }
}

bool LayerPainter::isHollow(const QString &status)
{
    return PipelineStatuses::isUnbuilt(PipelineStatuses::fromString(status));
}

void LayerPainter::paintSymbol(QPainter &painter, QPointF centre, const QString &kind, bool hollow, double scale,
                               const LayerStyle &style, const QColor &fill)
{
    const QColor colour = fill.isValid() ? fill : style.site; // a class's colour, when styled by a field
    const QString key = symbolKey(kind, colour, style.siteOutline, hollow, scale);
    SymbolSprites::paint(painter, centre, key, symbolRadius(scale) * 1.1 + 1.5 * scale, [&](QPainter &p, QPointF c) {
        const double r = symbolRadius(scale);
        QPainterPath shape;
        if (kind == u"lng-plant") {
            shape.addRect(QRectF(c.x() - r * 0.85, c.y() - r * 0.85, r * 1.7, r * 1.7));
        } else if (kind == u"military-base") {
            shape.addPolygon(QPolygonF{{c.x(), c.y() - r * 1.1}, {c.x() + r, c.y() + r * 0.75}, {c.x() - r, c.y() + r * 0.75}});
            shape.closeSubpath();
        } else if (kind == u"port") {
            shape.addPolygon(QPolygonF{{c.x(), c.y() - r}, {c.x() + r, c.y()}, {c.x(), c.y() + r}, {c.x() - r, c.y()}});
            shape.closeSubpath();
        } else {
            shape.addEllipse(c, r * 0.85, r * 0.85);
        }
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        p.strokePath(shape, cosmeticPen(style.siteOutline, 3.0 * scale)); // a halo over any fill
        p.fillPath(shape, hollow ? style.siteOutline : colour);
        p.strokePath(shape, cosmeticPen(fill.isValid() ? colour.darker(160) : style.site, 1.4 * scale));
        p.restore();
    });
}

QList<LayerPainter::SiteSymbol> LayerPainter::siteSymbols(const Scene &scene, const ViewState &view, const QTransform &t)
{
    QList<SiteSymbol> out;
    for (auto it = scene.layers().crbegin(); it != scene.layers().crend(); ++it)
        if (view.showsLayer(it->layer->id))
            out += siteSymbols(*it, view, t);
    return out;
}

QList<LayerPainter::SiteSymbol> LayerPainter::siteSymbols(const ProjectedLayer &pl, const ViewState &view, const QTransform &t)
{
    const double r = symbolRadius(view.styleScale);
    const QRectF viewport = QRectF(QPointF(0, 0), QSizeF(view.size)).adjusted(-r, -r, r, r);
    const QRectF inView = t.inverted().mapRect(viewport);
    QList<SiteSymbol> out;
    for (const int i : pl.sitesIn(inView)) {
        const auto status = pl.layer->features[i].statusIn(view.year);
        if (!status)
            continue; // a site exists only in its period
        for (const QPointF &xy : pl.points[i])
            if (const QPointF pixel = t.map(xy); viewport.contains(pixel))
                out.push_back({&pl, i, pixel, *status});
    }
    return out;
}

QList<QPolygonF> LayerPainter::drawnLines(const Scene &scene, const ViewState &view, const QTransform &t)
{
    const QRectF visible = t.inverted().mapRect(QRectF(QPointF(0, 0), QSizeF(view.size)));
    QList<QPolygonF> out;
    for (const ProjectedLayer &pl : scene.layers()) {
        const Layer &layer = *pl.layer;
        if (!view.showsLayer(layer.id) || layer.kind == LayerKind::Membership)
            continue;
        for (const int i : pl.linesIn(visible))
            if (!pl.lines[i].isEmpty() && layer.features[i].statusIn(view.year) && pl.meets(i, visible))
                out += t.map(pl.lines[i]).toSubpathPolygons();
    }
    return out;
}

/// Symbols go over every layer's areas and lines (the hit test takes them first, too), drawn
/// bottom to top so that the topmost symbol is the one a click picks.
void LayerPainter::paintSites(QPainter &painter, const ProjectedLayer &pl, const ViewState &view, const QTransform &t,
                              const LayerStyle &style)
{
    const QList<SiteSymbol> symbols = siteSymbols(pl, view, t);
    for (auto it = symbols.crbegin(); it != symbols.crend(); ++it) { // the first in the file on top: hit first
        const Layer &layer = *it->layer->layer;
        const Feature &f = layer.features[it->feature];
        // The feature's reference only when something is lit, selected or hovered: ten thousand
        // sites need no strings of their own otherwise.
        const bool named = view.isHighlighting() || !view.selectedFeature.isEmpty() || !view.hoveredFeature.isEmpty();
        const QString ref = named ? layer.id + u'/' + f.id : QString();
        const bool lit = !view.isHighlighting() || view.highlightFeatures.contains(ref) ||
                         view.highlightFeatures.contains(layer.id);
        painter.setOpacity(view.layerOpacity.value(layer.id, 1.0) * (lit ? 1.0 : 0.25));
        if (named && (ref == view.selectedFeature || ref == view.hoveredFeature)) {
            const bool selected = ref == view.selectedFeature;
            painter.save();
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(Qt::NoPen);
            painter.setBrush(selected ? style.highlight : style.highlight.lighter(130));
            const double r = symbolRadius(view.styleScale) + (selected ? 4.0 : 3.0) * view.styleScale;
            painter.drawEllipse(it->pixel, r, r);
            painter.restore();
        }
        paintSymbol(painter, it->pixel, siteKind(f), isHollow(it->status), view.styleScale, style,
                    ClassColours::featureColour(layer, it->feature, style));
    }
}

QStringList LayerPainter::shownMembershipLayers(const Scene &scene, const ViewState &view)
{
    QStringList ids;
    for (const ProjectedLayer &pl : scene.layers())
        if (pl.layer->kind == LayerKind::Membership && view.showsLayer(pl.layer->id))
            ids << pl.layer->id;
    return ids;
}

QHash<QString, QColor> LayerPainter::regionFills(const Scene &scene, const ViewState &view, const MapStyle &style)
{
    return regionFills(scene, view, style, shownMembershipLayers(scene, view));
}

QHash<QString, QColor> LayerPainter::regionFills(const Scene &scene, const ViewState &view, const MapStyle &style,
                                                 const QStringList &layers)
{
    QHash<QString, QColor> fills;
    for (const ProjectedLayer &pl : scene.layers()) {
        const Layer &layer = *pl.layer;
        if (layer.kind != LayerKind::Membership || !layers.contains(layer.id))
            continue;
        for (const Feature &f : layer.features) {
            const auto status = f.statusIn(view.year);
            if (!status)
                continue;
            const QColor over = membershipColour(layer, *status, style.layers);
            const QColor under = fills.value(f.details().iso3, style.land);
            const double a = over.alphaF() * view.layerOpacity.value(layer.id, 1.0);
            fills.insert(f.details().iso3, QColor::fromRgbF(under.redF() * (1 - a) + over.redF() * a,
                                                  under.greenF() * (1 - a) + over.greenF() * a,
                                                  under.blueF() * (1 - a) + over.blueF() * a));
        }
    }
    return fills;
}

QMultiHash<QString, LayerPainter::HeldZoneFill> LayerPainter::heldZoneFills(const Scene &scene, const ViewState &view,
                                                                          const QHash<QString, QColor> &fills,
                                                                          const QColor &land)
{
    QMultiHash<QString, HeldZoneFill> out;
    if (fills.isEmpty()) // no membership colour anywhere: nothing to take back
        return out;
    for (const ProjectedLayer &pl : scene.layers()) {
        if (pl.layer->kind != LayerKind::Zones)
            continue;
        for (int i = 0; i < pl.layer->features.size(); ++i) {
            const Feature &f = pl.layer->features[i];
            if (pl.areas.isEmpty(i) || f.details().claimants.isEmpty() || !f.existsIn(view.year))
                continue;
            QColor shared = fills.value(f.details().claimants.front(), land);
            for (const QString &code : f.details().claimants)
                if (fills.value(code, land) != shared)
                    shared = land;
            QPainterPath area; // made once, and only for a zone whose administrator's colour gives way
            for (const QString &code : f.details().administeredBy)
                if (fills.value(code, land) != shared) {
                    if (area.isEmpty())
                        area = pl.areas.path(i);
                    out.insert(code, {area, shared});
                }
        }
    }
    return out;
}

} // namespace spheres
