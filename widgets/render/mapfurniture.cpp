#include "mapfurniture.h"

#include "exportoptions.h"
#include "scene.h"
#include "viewstate.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace spheres {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("MapFurniture", text); }

constexpr double kEarthRadius = 6371008.8; // mean radius, metres
constexpr double kDegree = M_PI / 180.0;
const QColor kPanel(255, 255, 255, 215);
const QColor kPanelEdge(0, 0, 0, 40);

double greatCircle(QPointF a, QPointF b)
{
    const double dLat = (b.y() - a.y()) * kDegree, dLon = (b.x() - a.x()) * kDegree;
    const double h = std::sin(dLat / 2) * std::sin(dLat / 2) +
                     std::cos(a.y() * kDegree) * std::cos(b.y() * kDegree) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kEarthRadius * std::asin(std::min(1.0, std::sqrt(h)));
}

QFont font(const MapStyle &style, double pixels, QFont::Weight weight = QFont::Normal)
{
    QFont f(style.fontFamily);
    f.setPixelSize(std::max(1, int(std::lround(pixels))));
    f.setWeight(weight);
    return f;
}

constexpr int kWrap = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;

} // namespace

void MapFurniture::paint(QPainter &painter, const Scene &scene, const ViewState &view, const ExportOptions &options,
                         const MapStyle &style)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    paintTitle(painter, view, options, style);
    double bottom = view.size.height() - 8 * view.styleScale;
    if (options.showCredits)
        bottom = paintCredits(painter, scene, view, style).top() - 6 * view.styleScale;
    else // the renderer's one-line credit sits there
        bottom -= 14 * view.styleScale;
    if (options.showScaleBar)
        paintScaleBar(painter, scene, view, bottom, style);
    painter.restore();
}

double MapFurniture::roundLength(double maxMetres)
{
    if (!(maxMetres > 0))
        return 0;
    const double base = std::pow(10.0, std::floor(std::log10(maxMetres)));
    for (double m : {5.0, 2.0, 1.0})
        if (m * base <= maxMetres * (1 + 1e-9))
            return m * base;
    return base;
}

double MapFurniture::groundMetresPerPixel(const Scene &scene, const ViewState &view)
{
    const QPointF centre(view.size.width() / 2.0, view.size.height() / 2.0);
    const double half = std::max(1.0, std::min(50.0, view.size.width() / 4.0));
    const auto west = scene.lonLatAt(view, centre - QPointF(half, 0));
    const auto east = scene.lonLatAt(view, centre + QPointF(half, 0));
    if (!west || !east)
        return view.metresPerPixel;
    const double metres = greatCircle(*west, *east);
    return metres > 0 ? metres / (2 * half) : view.metresPerPixel;
}

MapFurniture::ScaleBar MapFurniture::scaleBar(const Scene &scene, const ViewState &view, double maxPixels)
{
    const double mpp = groundMetresPerPixel(scene, view);
    ScaleBar bar;
    bar.metres = roundLength(maxPixels * mpp);
    bar.pixels = bar.metres / mpp;
    bar.label = bar.metres >= 1000 ? tr("%1 km").arg(QString::number(bar.metres / 1000, 'g', 12))
                                   : tr("%1 m").arg(QString::number(bar.metres, 'g', 12));
    return bar;
}

QList<Source> MapFurniture::visibleSources(const Scene &scene, const ViewState &view)
{
    const QRectF visible = scene.worldToScreen(view).inverted().mapRect(QRectF(QPointF(0, 0), QSizeF(view.size)));
    const SceneLevel &level = scene.coarse();
    QList<Source> out;
    for (const ProjectedLayer &pl : scene.layers()) {
        const Layer &layer = *pl.layer;
        if (view.hiddenLayers.contains(layer.id))
            continue;
        for (int i = 0; i < layer.features.size(); ++i) {
            const Feature &f = layer.features[i];
            if (!f.existsIn(view.year))
                continue;
            bool inView = pl.areas[i].controlPointRect().intersects(visible) ||
                          pl.lines[i].controlPointRect().intersects(visible);
            if (!inView && !f.iso3.isEmpty()) { // membership: the region it colours
                const int region = level.atlas().indexOf(f.iso3);
                inView = region >= 0 && level.bounds()[region].intersects(visible);
            }
            if (!inView)
                continue;
            for (Source s : f.sources) {
                s.title = s.title.simplified();
                s.publisher = s.publisher.simplified();
                if (!out.contains(s))
                    out << s;
            }
        }
    }
    return out;
}

QStringList MapFurniture::credits(const Scene &scene, const ViewState &view)
{
    QStringList names;              // publishers, or titles without one, as they first occur
    QHash<QString, QStringList> years;
    for (const Source &s : visibleSources(scene, view)) {
        const QString name = s.publisher.isEmpty() ? s.title : s.publisher;
        if (name.isEmpty())
            continue;
        if (!names.contains(name))
            names << name;
        const QString year = s.date.left(4);
        QStringList &list = years[name];
        if (!year.isEmpty() && !list.contains(year))
            list << year;
    }
    QStringList out{tr("Natural Earth")};
    for (const QString &name : names) {
        QStringList list = years.value(name);
        std::sort(list.begin(), list.end());
        out << (list.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, list.join(QStringLiteral(", "))));
    }
    return out;
}

QRectF MapFurniture::paintTitle(QPainter &painter, const ViewState &view, const ExportOptions &options,
                                const MapStyle &style)
{
    if (options.title.isEmpty() && options.subtitle.isEmpty() && options.caption.isEmpty())
        return {};
    const double k = view.styleScale, margin = 16 * k, pad = 12 * k;
    const double maxW = std::min(view.size.width() * 0.5, 640 * k);
    struct Block { QString text; QFont font; QColor colour; double gapAfter; };
    const QList<Block> blocks{{options.title, font(style, 26 * k, QFont::DemiBold), QColor(0x22, 0x22, 0x22), 4 * k},
                              {options.subtitle, font(style, 15 * k), QColor(0x44, 0x44, 0x44), 8 * k},
                              {options.caption, font(style, 11.5 * k), style.credit, 0}};
    QList<QRectF> rects;
    double w = 0, h = 0;
    for (const Block &b : blocks) {
        if (b.text.isEmpty()) {
            rects << QRectF();
            continue;
        }
        const QRectF r = QFontMetricsF(b.font).boundingRect(QRectF(0, 0, maxW, 1e6), kWrap, b.text);
        rects << r;
        w = std::max(w, r.width());
        h += r.height() + b.gapAfter;
    }
    const QRectF panel(margin, margin, w + 2 * pad, h + 2 * pad);
    painter.setPen(QPen(kPanelEdge, k));
    painter.setBrush(kPanel);
    painter.drawRoundedRect(panel, 5 * k, 5 * k);
    double y = panel.top() + pad;
    for (int i = 0; i < blocks.size(); ++i) {
        if (blocks[i].text.isEmpty())
            continue;
        painter.setFont(blocks[i].font);
        painter.setPen(blocks[i].colour);
        painter.drawText(QRectF(panel.left() + pad, y, maxW, rects[i].height()), kWrap, blocks[i].text);
        y += rects[i].height() + blocks[i].gapAfter;
    }
    return panel;
}

QRectF MapFurniture::paintCredits(QPainter &painter, const Scene &scene, const ViewState &view, const MapStyle &style)
{
    const double k = view.styleScale, margin = 8 * k, pad = 5 * k;
    const double maxW = std::min(view.size.width() * 0.42, 720 * k) - 2 * pad;
    const double maxH = view.size.height() * 0.3;
    QStringList entries = credits(scene, view);
    const QString base = entries.takeFirst();
    auto textOf = [&](int shown) {
        QString text = tr("Map data: %1").arg(base);
        if (shown > 0)
            text += tr(". Sources: %1").arg(entries.mid(0, shown).join(QStringLiteral("; ")));
        if (shown < entries.size())
            text += QCoreApplication::translate("MapFurniture", "; and %n more", nullptr, int(entries.size() - shown));
        return text + u'.';
    };
    // Small type that wraps; when the block would cover too much of the map, the last
    // sources give way to "and N more".
    const QFont small = font(style, 7.5 * k);
    const QFontMetricsF metrics(small);
    int shown = int(entries.size());
    QRectF r = metrics.boundingRect(QRectF(0, 0, maxW, 1e6), kWrap, textOf(shown));
    while (shown > 0 && r.height() > maxH) {
        --shown;
        r = metrics.boundingRect(QRectF(0, 0, maxW, 1e6), kWrap, textOf(shown));
    }
    const QRectF block(view.size.width() - margin - r.width() - 2 * pad,
                       view.size.height() - margin - r.height() - 2 * pad, r.width() + 2 * pad, r.height() + 2 * pad);
    painter.setPen(Qt::NoPen);
    painter.setBrush(kPanel);
    painter.drawRoundedRect(block, 3 * k, 3 * k);
    painter.setFont(small);
    painter.setPen(style.credit);
    painter.drawText(block.adjusted(pad, pad, -pad, -pad), kWrap, textOf(shown));
    return block;
}

void MapFurniture::paintScaleBar(QPainter &painter, const Scene &scene, const ViewState &view, double bottom,
                                 const MapStyle &style)
{
    const double k = view.styleScale, margin = 8 * k, pad = 6 * k, barH = 5 * k;
    const ScaleBar bar = scaleBar(scene, view, std::min(180 * k, view.size.width() * 0.3));
    if (bar.pixels <= 0)
        return;
    const QFont labelFont = font(style, 10 * k);
    const QFontMetricsF metrics(labelFont);
    const double w = std::max(bar.pixels, metrics.horizontalAdvance(bar.label)) + 2 * pad;
    const double h = metrics.height() + 3 * k + barH + 2 * pad;
    const QRectF panel(view.size.width() - margin - w, bottom - h, w, h);
    painter.setPen(Qt::NoPen);
    painter.setBrush(kPanel);
    painter.drawRoundedRect(panel, 3 * k, 3 * k);
    const QRectF barRect(panel.right() - pad - bar.pixels, panel.bottom() - pad - barH, bar.pixels, barH);
    // Two halves, dark and light: the classic bar reads in greyscale print too.
    const QColor dark(0x33, 0x33, 0x33);
    painter.setBrush(dark);
    painter.drawRect(QRectF(barRect.left(), barRect.top(), barRect.width() / 2, barRect.height()));
    painter.setBrush(Qt::white);
    painter.drawRect(QRectF(barRect.center().x(), barRect.top(), barRect.width() / 2, barRect.height()));
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(dark, std::max(0.5, 0.8 * k)));
    painter.drawRect(barRect);
    painter.setFont(labelFont);
    painter.setPen(style.label);
    painter.drawText(QRectF(panel.left() + pad, panel.top() + pad, panel.width() - 2 * pad, metrics.height()),
                     Qt::AlignRight | Qt::AlignVCenter, bar.label);
}

} // namespace spheres
