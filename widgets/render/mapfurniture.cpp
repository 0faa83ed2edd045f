#include "mapfurniture.h"

#include "basemapcredit.h"
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
/// The credits block's bounds: a share of the picture's width, and lines.
constexpr double kCreditsWidth = 0.34;
constexpr int kMaxLines = 3;

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
            if (f.details().sources.isEmpty() || !f.existsIn(view.year))
                continue; // a user's hundred thousand features cite nothing: no need to place them
            bool inView = pl.areas.bounds(i).intersects(visible) ||
                          pl.lines[i].controlPointRect().intersects(visible);
            if (!inView && !f.details().iso3.isEmpty()) { // membership: the region it colours
                const int region = level.atlas().indexOf(f.details().iso3);
                inView = region >= 0 && level.bounds()[region].intersects(visible);
            }
            if (!inView)
                continue;
            for (Source s : f.details().sources) {
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
    QStringList out{BaseMapCredit::name()};
    for (const QString &name : names) {
        QStringList list = years.value(name);
        std::sort(list.begin(), list.end());
        out << (list.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, list.join(QStringLiteral(", "))));
    }
    return out;
}

namespace {

/// The title panel's text blocks (title, subtitle, caption) and where they go.
struct TitleLayout
{
    struct Block { QString text; QFont font; QColor colour; double gapAfter; QRectF rect; };
    QList<Block> blocks;
    QRectF panel; ///< empty without any text
    double pad = 0, maxW = 0;
};

TitleLayout titleLayout(const ViewState &view, const ExportOptions &options, const MapStyle &style)
{
    TitleLayout t;
    if (options.title.isEmpty() && options.subtitle.isEmpty() && options.caption.isEmpty())
        return t;
    const double k = view.styleScale, margin = 16 * k;
    t.pad = 12 * k;
    t.maxW = std::min(view.size.width() * 0.5, 640 * k);
    t.blocks = {{options.title, font(style, 26 * k, QFont::DemiBold), QColor(0x22, 0x22, 0x22), 4 * k, {}},
                {options.subtitle, font(style, 15 * k), QColor(0x44, 0x44, 0x44), 8 * k, {}},
                {options.caption, font(style, 11.5 * k), style.credit, 0, {}}};
    double w = 0, h = 0;
    for (TitleLayout::Block &b : t.blocks) {
        if (b.text.isEmpty())
            continue;
        b.rect = QFontMetricsF(b.font).boundingRect(QRectF(0, 0, t.maxW, 1e6), kWrap, b.text);
        w = std::max(w, b.rect.width());
        h += b.rect.height() + b.gapAfter;
    }
    t.panel = QRectF(margin, margin, w + 2 * t.pad, h + 2 * t.pad);
    return t;
}

} // namespace

QRectF MapFurniture::titlePanel(const ViewState &view, const ExportOptions &options, const MapStyle &style)
{
    return titleLayout(view, options, style).panel;
}

QRectF MapFurniture::paintTitle(QPainter &painter, const ViewState &view, const ExportOptions &options,
                                const MapStyle &style)
{
    const TitleLayout t = titleLayout(view, options, style);
    if (t.panel.isEmpty())
        return {};
    const double k = view.styleScale;
    painter.setPen(QPen(kPanelEdge, k));
    painter.setBrush(kPanel);
    painter.drawRoundedRect(t.panel, 5 * k, 5 * k);
    double y = t.panel.top() + t.pad;
    for (const TitleLayout::Block &b : t.blocks) {
        if (b.text.isEmpty())
            continue;
        painter.setFont(b.font);
        painter.setPen(b.colour);
        painter.drawText(QRectF(t.panel.left() + t.pad, y, t.maxW, b.rect.height()), kWrap, b.text);
        y += b.rect.height() + b.gapAfter;
    }
    return t.panel;
}

MapFurniture::CreditsBlock MapFurniture::creditsBlock(const Scene &scene, const ViewState &view, const MapStyle &style)
{
    const double k = view.styleScale, margin = 8 * k, pad = 4 * k;
    QStringList entries = credits(scene, view);
    const QString base = entries.takeFirst();
    auto textOf = [&](int shown) {
        QString text = tr("Map data: %1").arg(base);
        if (shown > 0)
            text += tr(". Sources: %1").arg(entries.mid(0, shown).join(QStringLiteral("; ")));
        if (shown < entries.size())
            text += tr("; and %n more", nullptr, int(entries.size() - shown));
        return text + u'.';
    };
    // Small type that wraps, a corner's worth: at most a third of the width and kMaxLines
    // lines; beyond that the last sources give way to "and N more" (the SVG's description and
    // a briefing pack's pages list every source in full).
    const QFont small = font(style, 7 * k);
    const QFontMetricsF metrics(small);
    const double maxW = std::min(view.size.width() * kCreditsWidth, 520 * k) - 2 * pad;
    const double maxH = std::min(view.size.height() * 0.12, kMaxLines * metrics.lineSpacing() + 1);
    // An export asks twice (the legend keeps clear of the block, then it is painted), and with
    // many sources the search lays the text out once per source given up: the last answer is
    // kept for the same sources, type and room.
    struct Fit
    {
        QStringList entries;
        QString base, font;
        double maxW = 0, maxH = 0;
        int shown = -1;
    };
    thread_local Fit last;
    const QString fontKey = small.key();
    int shown = int(entries.size());
    QRectF r;
    if (last.shown >= 0 && last.entries == entries && last.base == base && last.font == fontKey && last.maxW == maxW &&
        last.maxH == maxH) {
        shown = last.shown;
        r = metrics.boundingRect(QRectF(0, 0, maxW, 1e6), kWrap, textOf(shown));
    } else {
        r = metrics.boundingRect(QRectF(0, 0, maxW, 1e6), kWrap, textOf(shown));
        while (shown > 0 && r.height() > maxH) {
            --shown;
            r = metrics.boundingRect(QRectF(0, 0, maxW, 1e6), kWrap, textOf(shown));
        }
        last = {entries, base, fontKey, maxW, maxH, shown};
    }
    CreditsBlock out;
    out.box = QRectF(view.size.width() - margin - r.width() - 2 * pad, view.size.height() - margin - r.height() - 2 * pad,
                     r.width() + 2 * pad, r.height() + 2 * pad);
    out.textBox = out.box.adjusted(pad, pad, -pad, -pad);
    out.text = textOf(shown);
    out.font = small;
    out.lines = int(std::lround(r.height() / metrics.lineSpacing()));
    return out;
}

QRectF MapFurniture::paintCredits(QPainter &painter, const Scene &scene, const ViewState &view, const MapStyle &style)
{
    const CreditsBlock block = creditsBlock(scene, view, style);
    const double k = view.styleScale;
    painter.setPen(Qt::NoPen);
    painter.setBrush(kPanel);
    painter.drawRoundedRect(block.box, 3 * k, 3 * k);
    painter.setFont(block.font);
    painter.setPen(style.credit);
    painter.drawText(block.textBox, kWrap, block.text);
    return block.box;
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
