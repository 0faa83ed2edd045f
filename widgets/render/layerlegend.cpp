#include "layerlegend.h"

#include "classcolours.h"
#include "layerpainter.h"
#include "projectedatlas.h"
#include "scene.h"
#include "viewstate.h"
#include "zonepainter.h"

#include <QPainter>

#include <algorithm>

namespace spheres {

namespace {

/// A membership status in the map legend: "SCO member", "CSTO frozen"; a derived layer's
/// classes name both sides, so they are its legend's own words.
QString membershipLabel(const Layer &layer, const QString &status)
{
    if (!layer.derivedFrom.isEmpty())
        for (const LegendEntry &e : layer.legend)
            if (e.key == status)
                return e.label;
    return LayerLegend::tr("%1 %2").arg(layer.shortName(), status);
}

/// A user's layer: its title beside a fill, or beside a symbol when it holds nothing but points.
LegendSwatch genericSwatch(const Layer &layer, const LayerStyle &style)
{
    const bool onlyPoints = std::all_of(layer.features.begin(), layer.features.end(), [](const Feature &f) {
        return f.area.empty() && f.lines.empty();
    }) && std::any_of(layer.features.begin(), layer.features.end(), [](const Feature &f) { return !f.points.empty(); });
    if (onlyPoints)
        return {layer.title, QColor(), QPen(Qt::NoPen), {}, {}, false, QStringLiteral("point")};
    return {layer.title, style.genericFill, QPen(Qt::NoPen), {}, {}};
}

/// A sites layer's legend entry: its label beside the symbol of its kind.
LegendSwatch siteSwatch(const LegendEntry &e)
{
    return {e.label, QColor(), QPen(Qt::NoPen), {}, {}, false, e.key};
}

QString regionName(const Scene &scene, const QString &code)
{
    const Region *region = scene.coarse().atlas().region(code);
    return region ? region->name : code;
}

} // namespace

QList<LegendSwatch> LayerLegend::swatchesFor(const Layer &layer, const MapStyle &mapStyle)
{
    const LayerStyle &style = mapStyle.layers;
    QList<LegendSwatch> out;
    switch (layer.kind) {
    case LayerKind::Membership:
        for (const LegendEntry &e : layer.legend)
            out.push_back({e.label, LayerPainter::membershipColour(layer, e.key, style), QPen(Qt::NoPen), {}, {}});
        break;
    case LayerKind::Lines:
        for (const LegendEntry &e : layer.legend)
            out.push_back({e.label, QColor(), LayerPainter::pipelinePen(e.key, QStringLiteral("operating"), 1.0, style), {}, {}});
        for (QStringView status : LayerPainter::kLineStatuses) {
            QPen pen = LayerPainter::pipelinePen(QStringLiteral("gas"), status.toString(), 1.0, style);
            pen.setColor(style.statusSample);
            out.push_back({status.toString(), QColor(), pen, {}, {}});
        }
        break;
    case LayerKind::Zones: {
        QStringList claimants; // every claimant's colour, in the order they first occur
        for (const Feature &f : layer.features)
            for (const QString &code : f.details().claimants)
                if (!claimants.contains(code))
                    claimants << code;
        for (const LegendEntry &e : layer.legend)
            out.push_back({e.label, style.zoneWash, QPen(Qt::NoPen), ZonePainter::coloursOf(claimants, style), {}});
        break;
    }
    case LayerKind::Sites:
        for (const LegendEntry &e : layer.legend)
            out.push_back(siteSwatch(e));
        break;
    case LayerKind::Generic:
        out += layer.classes ? ClassColours::legend(layer, style, false) : QList<LegendSwatch>{genericSwatch(layer, style)};
        break;
    }
    return out;
}

/// The kinds of the layer's sites in the view's year, in the legend's order, and what a hollow
/// symbol means when one is shown.
QList<LegendSwatch> LayerLegend::siteLegend(const Layer &layer, const ViewState &view)
{
    QStringList kinds;
    bool anyHollow = false;
    for (const Feature &f : layer.features)
        if (const auto status = f.statusIn(view.year); status && !f.points.empty()) {
            kinds << LayerPainter::siteKind(f);
            anyHollow = anyHollow || LayerPainter::isHollow(*status);
        }
    QList<LegendSwatch> out;
    for (const LegendEntry &e : layer.legend)
        if (kinds.contains(e.key))
            out.push_back(siteSwatch(e));
    if (anyHollow)
        out.push_back({tr("Site planned or under construction"), QColor(), QPen(Qt::NoPen), {}, {}, false, QString(), true});
    return out;
}

void LayerLegend::paintSwatch(QPainter &painter, const QRectF &box, const LegendSwatch &swatch, const MapStyle &style)
{
    if (swatch.heading)
        return;
    if (!swatch.symbol.isEmpty() || swatch.hollow) {
        LayerPainter::paintSymbol(painter, box.center(), swatch.symbol, swatch.hollow, box.height() / (2 * LayerPainter::symbolRadius(1.0)) * 0.9,
                    style.layers, swatch.fill);
        return;
    }
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    if (swatch.line.style() != Qt::NoPen) {
        painter.setPen(swatch.line);
        painter.drawLine(QPointF(box.left(), box.center().y()), QPointF(box.right(), box.center().y()));
    } else {
        painter.fillRect(box, style.land); // translucent fills look as they do over land
        painter.fillRect(box, swatch.fill);
        QPainterPath area;
        area.addRect(box);
        ZonePainter::paintStripes(painter, area, swatch.stripes, box.height() * 0.4, box.height() * 0.17, box.topLeft());
        const bool outlined = swatch.outline.isValid();
        painter.setPen(outlined ? QPen(swatch.outline, box.height() * 0.15) : QPen(style.legendFrame, 0));
        painter.setBrush(Qt::NoBrush); // the caller's brush (the legend box) would wash the swatch out
        painter.drawRect(box);
    }
    painter.restore();
}

/// The zones' entries: what stripes and outlines mean, then the claimants in the picture by name.
QList<LegendSwatch> LayerLegend::zoneLegend(const Scene &scene, const ViewState &view, const ProjectedLayer &pl,
                                                     const LayerStyle &style)
{
    const QTransform t = scene.worldToScreen(view);
    const QRectF visible = t.inverted().mapRect(QRectF(QPointF(0, 0), QSizeF(view.size)));
    QStringList claimants;
    bool any = false;
    for (int i = 0; i < pl.layer->features.size(); ++i) {
        const Feature &f = pl.layer->features[i];
        if (!f.existsIn(view.year) || !pl.shows(i, visible))
            continue;
        any = true;
        for (const QString &code : f.details().claimants)
            if (!claimants.contains(code))
                claimants << code;
    }
    if (!any)
        return {};
    QList<LegendSwatch> out{{tr("Contested zone (stripes: claimants; outline: administrator)"), style.zoneWash,
                       QPen(Qt::NoPen), {style.statusSample}, style.statusSample}};
    QList<std::pair<QString, QString>> named; // (name, code), listed by name
    for (const QString &code : claimants)
        named.push_back({regionName(scene, code), code});
    std::sort(named.begin(), named.end());
    for (const auto &[name, code] : named)
        out.push_back({name, style.zoneWash, QPen(Qt::NoPen), {style.claimant(code)}, {}, true});
    return out;
}

namespace {

/// The classes of a membership or lines layer present in the view's year ("member" or
/// "gas|operating"), in the order the layer's legend defines them (as the Layers panel lists
/// them), whatever the year: a class keeps its place while others come and go.
QStringList classesIn(const Layer &layer, int year)
{
    QStringList seen;
    for (const Feature &f : layer.features) {
        const auto status = f.statusIn(year);
        if (!status)
            continue;
        const QString key = layer.kind == LayerKind::Lines
                                ? f.properties.value(QStringLiteral("commodity")).toString() + u'|' + *status
                                : *status;
        if (!seen.contains(key))
            seen << key;
    }
    const auto rank = [&layer](const QString &key) {
        qsizetype r = 0;
        for (const QString &part : key.split(u'|')) {
            const auto at = std::find_if(layer.legend.begin(), layer.legend.end(),
                                         [&part](const LegendEntry &e) { return e.key == part; });
            const auto status = std::find(LayerPainter::kLineStatuses.begin(), LayerPainter::kLineStatuses.end(), part);
            r = r * 1000 + (at != layer.legend.end()                      ? at - layer.legend.begin()
                            : status != LayerPainter::kLineStatuses.end() ? status - LayerPainter::kLineStatuses.begin()
                                                                          : 999);
        }
        return r;
    };
    std::stable_sort(seen.begin(), seen.end(), [&](const QString &a, const QString &b) {
        const qsizetype ra = rank(a), rb = rank(b);
        return ra != rb ? ra < rb : a < b;
    });
    return seen;
}

} // namespace

QList<LegendSwatch> LayerLegend::classLegend(const Layer &layer, const ViewState &view, const LayerStyle &style)
{
    QList<LegendSwatch> out;
    for (const QString &key : classesIn(layer, view.year)) {
        if (layer.kind == LayerKind::Membership) {
            out.push_back({membershipLabel(layer, key), LayerPainter::membershipColour(layer, key, style), QPen(Qt::NoPen), {}, {}});
        } else {
            const QStringList parts = key.split(u'|');
            const QString commodity = parts.value(0) == u"gas" ? tr("Gas pipeline") : tr("Oil pipeline");
            out.push_back({QStringLiteral("%1, %2").arg(commodity, parts.value(1)), QColor(),
                           LayerPainter::pipelinePen(parts.value(0), parts.value(1), 1.0, style), {}, {}});
        }
    }
    return out;
}

QList<LegendSwatch> LayerLegend::legend(const Scene &scene, const ViewState &view, const MapStyle &mapStyle)
{
    const LayerStyle &style = mapStyle.layers;
    QList<LegendSwatch> out;
    // In the order of the Layers panel: the layer drawn on top first.
    for (auto it = scene.layers().crbegin(); it != scene.layers().crend(); ++it) {
        const Layer &layer = *it->layer;
        if (!view.showsLayer(layer.id))
            continue;
        switch (layer.kind) {
        case LayerKind::Zones: out += zoneLegend(scene, view, *it, style); break;
        case LayerKind::Sites: out += siteLegend(layer, view); break;
        case LayerKind::Generic:
            if (layer.classes)
                out += ClassColours::legend(layer, style, true);
            else if (std::any_of(layer.features.begin(), layer.features.end(), [&](const Feature &f) { return f.existsIn(view.year); }))
                out.push_back(genericSwatch(layer, style));
            break;
        default: out += classLegend(layer, view, style); break;
        }
    }
    return out;
}

} // namespace spheres
