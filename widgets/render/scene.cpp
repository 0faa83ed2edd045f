#include "scene.h"

#include "featurekey.h"
#include "polylinestroker.h"

#include <QLineF>
#include <QPolygonF>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

namespace spheres {

namespace {

double distanceToPolyline(std::span<const QPointF> line, QPointF p)
{
    double best = std::numeric_limits<double>::max();
    for (size_t i = 1; i < line.size(); ++i) {
        const QPointF a = line[i - 1], d = line[i] - a;
        const double lengthSquared = d.x() * d.x() + d.y() * d.y();
        const double t = lengthSquared > 0 ? std::clamp(QPointF::dotProduct(p - a, d) / lengthSquared, 0.0, 1.0) : 0.0;
        const QPointF q = a + d * t;
        best = std::min(best, std::hypot(p.x() - q.x(), p.y() - q.y()));
    }
    return best;
}

/// 0 inside `area` (its holes are outside it), else the distance to its outline, in its units.
double distanceToArea(const ProjectedAreas &areas, int i, QPointF p)
{
    if (areas.contains(i, p))
        return 0.0;
    double best = std::numeric_limits<double>::max();
    areas.forEachRing(i, [&](ProjectedAreas::RingPoints ring) { best = std::min(best, distanceToPolyline(ring, p)); });
    return best;
}

QList<QPolygonF> ringsOf(const MultiPolygon &shape)
{
    QList<QPolygonF> rings;
    auto addRing = [&rings](const Ring &ring) {
        QPolygonF polygon;
        polygon.reserve(qsizetype(ring.size()));
        for (const Point &p : ring)
            polygon << QPointF(p.x(), p.y());
        rings << polygon;
    };
    for (const Polygon &p : shape) {
        addRing(p.outer());
        for (const Ring &hole : p.inners())
            addRing(hole);
    }
    return rings;
}

QPainterPath pathOf(const QList<QPolygonF> &rings)
{
    QPainterPath path;
    for (const QPolygonF &ring : rings) {
        path.addPolygon(ring);
        path.closeSubpath();
    }
    return path;
}

QList<QPainterPath> graticuleFor(const Projection &projection)
{
    QList<QPainterPath> lines;
    auto add = [&](const LineString &lonLat) {
        for (const LineString &part : projectLine(projection, lonLat)) {
            QPainterPath path;
            path.moveTo(part.front().x(), part.front().y());
            for (size_t i = 1; i < part.size(); ++i)
                path.lineTo(part[i].x(), part[i].y());
            lines << path;
        }
    };
    const double west = projection.centralMeridian() - 180.0;
    for (int lon = -180; lon < 180; lon += 10) {
        LineString meridian;
        for (double lat = std::max(-80.0, projection.southernLimit()); lat <= 80.001; lat += 1)
            meridian.emplace_back(lon, lat);
        add(meridian);
    }
    for (int lat = -80; lat <= 80; lat += 10) {
        if (lat < projection.southernLimit())
            continue;
        LineString parallel;
        for (double lon = west + 1e-6; lon <= west + 360.0 - 1e-6; lon += 1)
            parallel.emplace_back(lon, lat);
        parallel.emplace_back(west + 360.0 - 1e-6, lat);
        add(parallel);
    }
    return lines;
}

/// The outline of the part of the sphere the projection shows: the whole sphere for those with
/// an edge, the horizon disc for azimuthal ones.
QPainterPath globeFor(const Projection &projection)
{
    QPainterPath path;
    if (const double r = projection.horizonRadius(); r > 0) {
        path.addEllipse(QPointF(0, 0), r, r);
        return path;
    }
    const double west = projection.centralMeridian() - 180.0 + 1e-7, east = west + 360.0 - 2e-7;
    const double south = std::max(-89.9, projection.southernLimit());
    QPolygonF outline;
    auto add = [&](double lon, double lat) {
        if (const auto xy = projection.forward(QPointF(lon, lat)))
            outline << *xy;
    };
    for (double lat = south; lat <= 89.9; lat += 0.5)
        add(west, lat);
    for (double lon = west; lon <= east; lon += 1)
        add(lon, 89.9);
    for (double lat = 89.9; lat >= south; lat -= 0.5)
        add(east, lat);
    for (double lon = east; lon >= west; lon -= 1)
        add(lon, south);
    path.addPolygon(outline);
    path.closeSubpath();
    return path;
}

} // namespace

SceneLevel::SceneLevel(std::shared_ptr<const Atlas> atlas, const Projection &projection)
    : m_atlas(std::move(atlas)), m_projected(*m_atlas, projection)
{
    m_paths.reserve(m_projected.regions().size());
    for (const ProjectedRegion &r : m_projected.regions()) {
        m_rings << ringsOf(r.shape);
        m_paths << pathOf(m_rings.back());
        m_bounds << QRectF(QPointF(r.bounds.min_corner().x(), r.bounds.min_corner().y()),
                           QPointF(r.bounds.max_corner().x(), r.bounds.max_corner().y()));
    }
}

QPainterPath SceneLevel::screenPath(int region, const QTransform &t, double tolerance) const
{
    QPainterPath path;
    const double sx = t.m11(), sy = t.m22(), dx = t.dx(), dy = t.dy(); // no rotation or shear
    QPolygonF screen;
    for (const QPolygonF &ring : m_rings[region]) {
        screen.clear();
        screen.reserve(ring.size());
        double minX = 1e300, maxX = -1e300, minY = 1e300, maxY = -1e300;
        for (const QPointF &p : ring) {
            const QPointF q(p.x() * sx + dx, p.y() * sy + dy);
            if (!screen.isEmpty() && std::abs(q.x() - screen.last().x()) + std::abs(q.y() - screen.last().y()) < tolerance)
                continue;
            screen << q;
            minX = std::min(minX, q.x());
            maxX = std::max(maxX, q.x());
            minY = std::min(minY, q.y());
            maxY = std::max(maxY, q.y());
        }
        if (screen.size() < 3 || (maxX - minX < 0.5 && maxY - minY < 0.5))
            continue;
        path.addPolygon(screen);
        path.closeSubpath();
    }
    return path;
}

Scene::Scene(std::shared_ptr<const Atlas> coarse, const Projection &projection)
    : m_coarse(std::make_shared<SceneLevel>(std::move(coarse), projection)),
      m_graticule(graticuleFor(projection)), m_globe(globeFor(projection))
{
}

void Scene::setLayers(const QList<std::shared_ptr<const Layer>> &layers, const QList<ProjectedLayer> &projected)
{
    QList<ProjectedLayer> ready = m_layers + projected, next;
    for (const auto &layer : layers) {
        // A layer kept, moved or restyled (the same features) keeps its projected paths.
        const auto done = std::find_if(ready.cbegin(), ready.cend(), [&](const ProjectedLayer &pl) {
            return pl.projectionId == projection().id() &&
                   (pl.layer == layer || (!layer->features.isEmpty() && pl.layer->features.isSharedWith(layer->features)));
        });
        next.push_back(done != ready.cend() ? *done : ProjectedLayer(layer, projection()));
        next.back().layer = layer;
    }
    m_layers = std::move(next);
    m_revision = nextRevision();
}

quint64 Scene::nextRevision()
{
    static std::atomic<quint64> last{0};
    return ++last;
}

const SceneLevel &Scene::levelFor(double metresPerPixel) const
{
    return (m_fine && metresPerPixel < kFineDetailBelow) ? *m_fine : *m_coarse;
}

QTransform Scene::worldToScreen(const ViewState &view) const
{
    const QPointF centre = projection().forward(view.centre).value_or(QPointF());
    const double k = 1.0 / view.metresPerPixel;
    QTransform t;
    t.translate(view.size.width() / 2.0, view.size.height() / 2.0);
    t.scale(k, -k);
    t.translate(-centre.x(), -centre.y());
    return t;
}

QString Scene::featureAt(const ViewState &view, QPointF pixel, double tolerance) const
{
    const QTransform toScreen = worldToScreen(view);
    const QPointF xy = toScreen.inverted().map(pixel);
    const auto around = [&](double pixels) { // the R-tree's query: a square of `pixels` round the click, in metres
        const QPointF reach(pixels * view.metresPerPixel, pixels * view.metresPerPixel);
        return QRectF(xy - reach, xy + reach);
    };
    // Site symbols are drawn over everything else: a click on one picks it, the topmost first
    // (top layer first, then in file order, as LayerPainter::siteSymbols lists them).
    const double symbolReach = std::max(tolerance, LayerPainter::symbolRadius(view.styleScale));
    for (auto it = m_layers.crbegin(); it != m_layers.crend(); ++it) {
        if (view.hiddenLayers.contains(it->layer->id))
            continue;
        for (const int i : it->sitesIn(around(symbolReach))) {
            if (!it->layer->features[i].existsIn(view.year))
                continue;
            for (const QPointF &site : it->points[i])
                if (QLineF(toScreen.map(site), pixel).length() <= symbolReach)
                    return FeatureKey{it->layer->id, it->layer->features[i].id}.toString();
        }
    }
    // Else the nearest feature within reach, measured to the line as drawn (pipelines side by
    // side); on a tie the one drawn on top: layers and features are visited top first.
    const QRectF reachBox(pixel - QPointF(tolerance, tolerance), pixel + QPointF(tolerance, tolerance));
    QString best;
    double bestDistance = tolerance; // pixels
    for (auto it = m_layers.crbegin(); it != m_layers.crend(); ++it) {
        const Layer &layer = *it->layer;
        if (view.hiddenLayers.contains(layer.id) || layer.kind == LayerKind::Membership)
            continue;
        const std::vector<int> near = it->featuresIn(around(tolerance + 8)); // lines are drawn up to 8 px off their route
        for (auto k = near.crbegin(); k != near.crend(); ++k) {
            const int i = *k;
            if (!layer.features[i].existsIn(view.year) || !toScreen.mapRect(it->bounds[i]).adjusted(-8, -8, 8, 8).intersects(reachBox))
                continue;
            double distance = std::numeric_limits<double>::max();
            if (!it->lines[i].isEmpty()) {
                const double offset = LayerPainter::drawnOffset(layer, layer.features[i]) * view.styleScale;
                for (const QPolygonF &line : toScreen.map(it->lines[i]).toSubpathPolygons()) {
                    const QPolygonF drawn = PolylineStroker::offset(line, offset);
                    distance = std::min(distance, distanceToPolyline({drawn.constData(), size_t(drawn.size())}, pixel));
                }
            }
            if (!it->areas.isEmpty(i))
                distance = std::min(distance, 2.0 * distanceToArea(it->areas, i, xy) / view.metresPerPixel);
            if (distance < bestDistance || (best.isEmpty() && distance <= tolerance)) {
                bestDistance = distance;
                best = FeatureKey{layer.id, layer.features[i].id}.toString();
            }
        }
    }
    return best;
}

std::pair<const ProjectedLayer *, int> Scene::findFeature(const QString &ref) const
{
    const FeatureKey key = FeatureKey::fromString(ref);
    if (key.isWholeLayer())
        return {nullptr, -1};
    for (const ProjectedLayer &pl : m_layers)
        if (pl.layer->id == key.layer)
            if (const int i = pl.indexOf(key.feature); i >= 0)
                return {&pl, i};
    return {nullptr, -1};
}

QString Scene::regionAt(const ViewState &view, QPointF pixel) const
{
    const QPointF xy = worldToScreen(view).inverted().map(pixel);
    const SceneLevel &level = levelFor(view.metresPerPixel);
    const int index = level.projected().regionAt(xy);
    return index < 0 ? QString() : level.atlas().regions()[index].code;
}

std::optional<QPointF> Scene::lonLatAt(const ViewState &view, QPointF pixel) const
{
    return projection().inverse(worldToScreen(view).inverted().map(pixel));
}

std::optional<QPointF> Scene::pixelOf(const ViewState &view, QPointF lonLat) const
{
    const auto xy = projection().forward(lonLat);
    if (!xy)
        return std::nullopt;
    return worldToScreen(view).map(*xy);
}

} // namespace spheres
