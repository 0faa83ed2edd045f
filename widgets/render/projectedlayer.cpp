#include "projectedlayer.h"

#include "layerdetail.h"
#include "projectedatlas.h"
#include "projection.h"

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

ProjectedLayer::ProjectedLayer(std::shared_ptr<const Layer> l, const Projection &projection) : layer(std::move(l)), projectionId(projection.id())
{
    const qsizetype n = layer->features.size();
    for (QList<QPainterPath> *list : {&areas, &lines})
        list->reserve(n);
    areaShapes.reserve(n);
    lineShapes.reserve(n);
    points.reserve(n);
    bounds.reserve(n);
    m_ids.reserve(n);
    for (const Feature &f : layer->features) {
        m_ids.insert(f.id, int(m_ids.size()));
        timeless = timeless && f.periods.isEmpty();
        areaShapes << (f.area.empty() ? MultiPolygon() : projectShape(projection, f.area));
        lineShapes << (f.lines.empty() ? MultiLineString() : projectedLines(projection, f.lines));
        areas << (areaShapes.back().empty() ? QPainterPath() : pathOfAreas(areaShapes.back()));
        lines << (lineShapes.back().empty() ? QPainterPath() : pathOfLines(lineShapes.back()));
        QList<QPointF> projected;
        QRectF pointBounds;
        for (const Point &p : f.points)
            if (const auto xy = projection.forward(QPointF(p.x(), p.y()))) {
                projected << *xy;
                pointBounds |= QRectF(*xy, QSizeF(1e-3, 1e-3)); // an empty rectangle would not unite
            }
        points << projected;
        bounds << (areas.back().controlPointRect() | lines.back().controlPointRect() | pointBounds);
    }
    index = std::make_shared<const BoxIndex>(bounds);
    detail = std::make_shared<LayerDetailCache>();
}

} // namespace spheres
