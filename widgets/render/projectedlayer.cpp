#include "projectedlayer.h"

#include "layerdetail.h"
#include "projectedatlas.h"
#include "projection.h"

#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace spheres {

namespace {

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

} // namespace

QPainterPath pathOfAreas(const MultiPolygon &shape)
{
    QPainterPath path;
    for (const Polygon &p : shape) {
        auto add = [&path](const Ring &ring) {
            QPolygonF polygon;
            polygon.reserve(qsizetype(ring.size()));
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

namespace {

/// One feature, projected; its area goes to its chunk's areas.
struct ProjectedFeature
{
    MultiLineString lineShape;
    QPainterPath line;
    QList<QPointF> points;
    QRectF bounds;
};

ProjectedFeature project(const Feature &f, const Projection &projection, ProjectedAreas &areas)
{
    ProjectedFeature out;
    areas.append(f.area.empty() ? MultiPolygon() : projectShape(projection, f.area));
    if (!f.lines.empty())
        out.lineShape = projectedLines(projection, f.lines);
    if (!out.lineShape.empty())
        out.line = pathOfLines(out.lineShape);
    QRectF pointBounds;
    for (const Point &p : f.points)
        if (const auto xy = projection.forward(QPointF(p.x(), p.y()))) {
            out.points << *xy;
            pointBounds |= QRectF(*xy, QSizeF(1e-3, 1e-3)); // an empty rectangle would not unite
        }
    out.bounds = areas.bounds(areas.size() - 1) | out.line.controlPointRect() | pointBounds;
    return out;
}

/// A few thousand features, projected.
struct ProjectedChunk
{
    qsizetype start = 0;
    std::vector<ProjectedFeature> features;
    ProjectedAreas areas;
};

/// Features projected a few thousand at a time on every core: a user's hundred thousand
/// parcels take a fraction of the time on one.
std::vector<ProjectedChunk> projectAll(const QList<Feature> &features, const Projection &projection)
{
    constexpr qsizetype kChunk = 4096;
    std::vector<ProjectedChunk> chunks;
    for (qsizetype start = 0; start < features.size(); start += kChunk)
        chunks.push_back({start, {}, {}});
    const auto run = [&](ProjectedChunk &chunk) {
        const qsizetype end = std::min(chunk.start + kChunk, features.size());
        chunk.features.reserve(size_t(end - chunk.start));
        chunk.areas.reserve(end - chunk.start);
        for (qsizetype i = chunk.start; i < end; ++i)
            chunk.features.push_back(project(features[i], projection, chunk.areas));
    };
    if (chunks.size() > 1)
        QtConcurrent::blockingMap(chunks, run);
    else if (!chunks.empty())
        run(chunks.front());
    return chunks;
}

/// Each feature's place in the layer by its id.
QHash<QString, int> indexById(const QList<Feature> &features)
{
    QHash<QString, int> ids;
    ids.reserve(features.size());
    for (qsizetype i = 0; i < features.size(); ++i)
        ids.insert(features[i].id, int(i));
    return ids;
}

} // namespace

ProjectedLayer::ProjectedLayer(std::shared_ptr<const Layer> l, const Projection &projection)
    : layer(std::move(l)), projectionId(projection.id())
{
    const qsizetype n = layer->features.size();
    areas.reserve(n);
    lines.reserve(n);
    lineShapes.reserve(n);
    points.reserve(n);
    bounds.reserve(n);
    // A hundred thousand ids hashed on a thread of their own meanwhile (waiting for them runs
    // the task here if no thread has taken it).
    QFuture<QHash<QString, int>> ids = QtConcurrent::run(indexById, layer->features);
    for (ProjectedChunk &chunk : projectAll(layer->features, projection)) {
        areas.append(chunk.areas);
        for (ProjectedFeature &p : chunk.features) {
            lineShapes << std::move(p.lineShape);
            lines << std::move(p.line);
            points << std::move(p.points);
            bounds << p.bounds;
        }
    }
    for (const Feature &f : layer->features)
        timeless = timeless && f.details().periods.isEmpty();
    index = std::make_shared<const BoxIndex>(bounds);
    QList<QRectF> siteBounds(n), lineBounds(n); // null boxes are left out of an index
    for (qsizetype i = 0; i < n; ++i) {
        if (!points[i].isEmpty())
            siteBounds[i] = bounds[i];
        if (!lines[i].isEmpty())
            lineBounds[i] = bounds[i];
    }
    siteIndex = std::make_shared<const BoxIndex>(siteBounds);
    lineIndex = std::make_shared<const BoxIndex>(lineBounds);
    detail = std::make_shared<LayerDetailCache>();
    m_ids = ids.result();
}

bool ProjectedLayer::meets(int i, const QRectF &metres) const
{
    const QRectF &b = bounds[i];
    return b.left() <= metres.right() && metres.left() <= b.right() && b.top() <= metres.bottom() && metres.top() <= b.bottom();
}

bool ProjectedLayer::shows(int i, const QRectF &metres) const
{
    if (!meets(i, metres))
        return false;
    if (areas.intersects(i, metres))
        return true;
    for (const LineString &line : lineShapes[i])
        for (size_t k = 1; k < line.size(); ++k) {
            const Point &a = line[k - 1], &b = line[k];
            if (std::max(a.x(), b.x()) >= metres.left() && std::min(a.x(), b.x()) <= metres.right() &&
                std::max(a.y(), b.y()) >= metres.top() && std::min(a.y(), b.y()) <= metres.bottom())
                return true;
        }
    return false;
}

} // namespace spheres
