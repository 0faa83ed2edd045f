#include "layerdetail.h"

#include "projectedlayer.h"

#include <QHash>
#include <QMutexLocker>
#include <QTransform>

#include <cmath>

namespace spheres {

namespace {

/// Thresholds of LayerDetail's forms, in pixels at the octave's finest scale.
constexpr double kDotBelow = 1.0, kSpeckBelow = 3.0, kTolerance = 0.75, kTilePixels = 512;

/// Calls `ring(QPolygonF)` for each subpath of `path` (lines only: ours have no curves).
template<typename Ring>
void forEachSubpath(const QPainterPath &path, Ring ring)
{
    QPolygonF current;
    for (int i = 0; i < path.elementCount(); ++i) {
        const QPainterPath::Element e = path.elementAt(i);
        if (e.isMoveTo() && !current.isEmpty()) {
            ring(current);
            current.clear();
        }
        current << QPointF(e.x, e.y);
    }
    if (!current.isEmpty())
        ring(current);
}

bool closed(const QPolygonF &ring) { return ring.size() > 2 && ring.front() == ring.back(); }

} // namespace

int LayerDetail::octaveOf(double metresPerPixel) { return int(std::floor(std::log2(std::max(metresPerPixel, 1e-6)))); }

QPolygonF LayerDetail::thinned(std::span<const QPointF> ring, double tolerance)
{
    QPolygonF out;
    out.reserve(qsizetype(ring.size()));
    if (ring.size() < 3) {
        for (const QPointF &p : ring)
            out << p;
        return out;
    }
    const double t2 = tolerance * tolerance;
    out << ring.front();
    for (size_t i = 1; i + 1 < ring.size(); ++i) {
        const QPointF d = ring[i] - out.back();
        if (d.x() * d.x() + d.y() * d.y() >= t2)
            out << ring[i];
    }
    out << ring.back();
    return out;
}

namespace {

/// Adds `ring` through `t` (scale and translation only) to `out`, thinned to vertices at least
/// `tolerance` pixels apart, closed if it was.
void addScreenRing(QPainterPath &out, std::span<const QPointF> ring, const QTransform &t, double tolerance)
{
    const double sx = t.m11(), sy = t.m22(), dx = t.dx(), dy = t.dy(); // no rotation or shear
    QPolygonF screen;
    screen.reserve(qsizetype(ring.size()));
    for (const QPointF &p : ring)
        screen << QPointF(p.x() * sx + dx, p.y() * sy + dy);
    const bool isRing = closed(screen);
    QPolygonF kept = LayerDetail::thinned({screen.constData(), size_t(screen.size())}, tolerance);
    if (kept.size() < (isRing ? 4 : 2))
        kept = screen; // a speck of a zone stays as it is: small is not nothing
    out.addPolygon(kept);
    if (isRing)
        out.closeSubpath();
}

} // namespace

QPainterPath LayerDetail::screenPath(const QPainterPath &path, const QTransform &t, double tolerance)
{
    QPainterPath out;
    out.setFillRule(path.fillRule());
    forEachSubpath(path, [&](const QPolygonF &ring) { addScreenRing(out, {ring.constData(), size_t(ring.size())}, t, tolerance); });
    return out;
}

QPainterPath LayerDetail::screenPath(const ProjectedAreas &areas, qsizetype i, const QTransform &t, double tolerance)
{
    QPainterPath out; // odd-even, as ProjectedAreas::path()
    areas.forEachRing(i, [&](ProjectedAreas::RingPoints ring) { addScreenRing(out, ring, t, tolerance); });
    return out;
}

LayerDetail::LayerDetail(const ProjectedLayer &pl, double finest) : m_finest(finest)
{
    const double tileSize = kTilePixels * finest, tolerance = kTolerance * finest, dot = dotMetres();
    QHash<quint64, qsizetype> tileOf;
    const auto tileFor = [&](const QRectF &b) -> Tile & {
        const QPointF c = b.center();
        const quint64 key = (quint64(quint32(qint32(std::floor(c.x() / tileSize)))) << 32) |
                            quint32(qint32(std::floor(c.y() / tileSize)));
        auto it = tileOf.find(key);
        if (it == tileOf.end()) {
            it = tileOf.insert(key, m_tiles.size());
            m_tiles.push_back({});
            m_tiles.back().fills.setFillRule(Qt::WindingFill);
            m_tiles.back().specks.setFillRule(Qt::WindingFill);
        }
        Tile &tile = m_tiles[*it];
        tile.bounds |= b;
        return tile;
    };
    for (int i = 0; i < pl.bounds.size(); ++i) {
        const QRectF areaBounds = pl.areas.bounds(i);
        if (pl.areas.isEmpty(i) && pl.lines[i].isEmpty())
            continue; // points only: site symbols
        const QRectF b = areaBounds | pl.lines[i].controlPointRect();
        const double pixels = std::max(b.width(), b.height()) / finest;
        Tile &tile = tileFor(b);
        if (pixels < kDotBelow) {
            tile.dots.push_back(b.center());
            tile.bounds |= QRectF(b.center() - QPointF(dot / 2, dot / 2), QSizeF(dot, dot));
            continue;
        }
        QPainterPath &areas = pixels < kSpeckBelow ? tile.specks : tile.fills;
        bool drawn = false;
        pl.areas.forEachRing(i, [&](ProjectedAreas::RingPoints ring) {
            if (const QPolygonF kept = thinned(ring, tolerance); kept.size() >= 4) {
                areas.addPolygon(kept);
                areas.closeSubpath();
                drawn = true;
            }
        });
        if (!drawn && !pl.areas.isEmpty(i)) // thinned to nothing: its bounds keep its place
            tile.specks.addRect(areaBounds);
        forEachSubpath(pl.lines[i], [&](const QPolygonF &line) {
            tile.lines.addPolygon(thinned({line.constData(), size_t(line.size())}, tolerance));
        });
    }
}

std::shared_ptr<const LayerDetail> LayerDetailCache::at(const ProjectedLayer &layer, double metresPerPixel)
{
    const int octave = LayerDetail::octaveOf(metresPerPixel);
    QMutexLocker lock(&m_mutex);
    m_lastUse[octave] = ++m_uses;
    if (const auto it = m_octaves.find(octave); it != m_octaves.end())
        return it->second;
    auto detail = std::make_shared<const LayerDetail>(layer, std::ldexp(1.0, octave));
    m_octaves[octave] = detail;
    while (m_octaves.size() > kOctavesKept) { // forget the octave drawn longest ago
        const auto oldest = std::min_element(m_lastUse.begin(), m_lastUse.end(),
                                             [](const auto &a, const auto &b) { return a.second < b.second; });
        m_octaves.erase(oldest->first);
        m_lastUse.erase(oldest);
    }
    return detail;
}

} // namespace spheres
