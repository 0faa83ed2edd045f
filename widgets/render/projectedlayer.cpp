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
    ProjectedAreas one; // one home for how rings become a path
    one.append(shape);
    return one.path(0);
}

namespace {

/// Where features' projections go: the layer's lists, sized beforehand, so that each thread
/// writes its own features' places and nothing is moved after.
struct ProjectedLists
{
    MultiLineString *lineShapes;
    QPainterPath *lines;
    QList<QPointF> *points;
    QRectF *bounds;
};

/// Feature `i`, projected: its area appended to `areas`, the rest into its places in `into`.
void project(const Feature &f, qsizetype i, const Projection &projection, ProjectedAreas &areas, const ProjectedLists &into)
{
    areas.append(f.area.empty() ? MultiPolygon() : projectShape(projection, f.area));
    if (!f.lines.empty())
        into.lineShapes[i] = projectedLines(projection, f.lines);
    if (!into.lineShapes[i].empty())
        into.lines[i] = pathOfLines(into.lineShapes[i]);
    QRectF pointBounds;
    for (const Point &p : f.points)
        if (const auto xy = projection.forward(QPointF(p.x(), p.y()))) {
            into.points[i] << *xy;
            pointBounds |= QRectF(*xy, QSizeF(1e-3, 1e-3)); // an empty rectangle would not unite
        }
    into.bounds[i] = areas.bounds(areas.size() - 1) | into.lines[i].controlPointRect() | pointBounds;
}

/// Features projected a few thousand at a time on every core: a user's hundred thousand
/// parcels take a fraction of the time on one. The areas come back a chunk each, in order.
std::vector<ProjectedAreas> projectAll(const QList<Feature> &features, const Projection &projection, const ProjectedLists &into)
{
    constexpr qsizetype kChunk = 4096;
    std::vector<ProjectedAreas> chunks(size_t((features.size() + kChunk - 1) / kChunk));
    const auto run = [&](ProjectedAreas &areas) {
        const qsizetype start = qsizetype(&areas - chunks.data()) * kChunk, end = std::min(start + kChunk, features.size());
        areas.reserve(end - start);
        for (qsizetype i = start; i < end; ++i)
            project(features[i], i, projection, areas, into);
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
    lineShapes.resize(n);
    lines.resize(n);
    points.resize(n);
    bounds.resize(n);
    // A hundred thousand ids hashed on a thread of their own meanwhile (waiting for them runs
    // the task here if no thread has taken it).
    QFuture<QHash<QString, int>> ids = QtConcurrent::run(indexById, layer->features);
    areas = ProjectedAreas::joined(
        projectAll(layer->features, projection, {lineShapes.data(), lines.data(), points.data(), bounds.data()}));
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
