#include "polylabel.h"

#include <boost/geometry/algorithms/envelope.hpp>

#include <algorithm>
#include <cmath>
#include <queue>

namespace spheres {

namespace {

double segmentDistanceSquared(const Point &p, const Point &a, const Point &b)
{
    double x = a.x(), y = a.y();
    double dx = b.x() - x, dy = b.y() - y;
    if (dx != 0 || dy != 0) {
        const double t = ((p.x() - x) * dx + (p.y() - y) * dy) / (dx * dx + dy * dy);
        if (t > 1) {
            x = b.x();
            y = b.y();
        } else if (t > 0) {
            x += dx * t;
            y += dy * t;
        }
    }
    dx = p.x() - x;
    dy = p.y() - y;
    return dx * dx + dy * dy;
}

void accumulate(const Point &p, const Ring &ring, bool &inside, double &minSq)
{
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const Point &a = ring[i], &b = ring[j];
        if ((a.y() > p.y()) != (b.y() > p.y()) && p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x())
            inside = !inside;
        minSq = std::min(minSq, segmentDistanceSquared(p, a, b));
    }
}

/// Signed distance from p to the polygon's outline: positive inside.
double signedDistance(const Point &p, const Polygon &polygon)
{
    bool inside = false;
    double minSq = INFINITY;
    accumulate(p, polygon.outer(), inside, minSq);
    for (const Ring &hole : polygon.inners())
        accumulate(p, hole, inside, minSq);
    return (inside ? 1.0 : -1.0) * std::sqrt(minSq);
}

struct Cell
{
    Cell(Point c, double half, const Polygon &polygon)
        : centre(c), h(half), d(signedDistance(c, polygon)), max(d + h * std::sqrt(2.0)) {}
    Point centre;
    double h, d, max;
};

} // namespace

Point poleOfInaccessibility(const Polygon &polygon, double precision)
{
    if (polygon.outer().size() < 4)
        return polygon.outer().empty() ? Point(0, 0) : polygon.outer().front();
    Box box;
    bg::envelope(polygon.outer(), box);
    const double width = box.max_corner().x() - box.min_corner().x();
    const double height = box.max_corner().y() - box.min_corner().y();
    const double cellSize = std::min(width, height);
    if (cellSize <= 0)
        return box.min_corner();
    auto less = [](const Cell &a, const Cell &b) { return a.max < b.max; };
    std::priority_queue<Cell, std::vector<Cell>, decltype(less)> queue(less);
    const double h = cellSize / 2;
    for (double x = box.min_corner().x(); x < box.max_corner().x(); x += cellSize)
        for (double y = box.min_corner().y(); y < box.max_corner().y(); y += cellSize)
            queue.emplace(Point(x + h, y + h), h, polygon);

    Cell best(Point((box.min_corner().x() + box.max_corner().x()) / 2, (box.min_corner().y() + box.max_corner().y()) / 2),
              0, polygon);
    int budget = 4000; // bounds the search on huge, ragged outlines
    while (!queue.empty() && budget-- > 0) {
        const Cell cell = queue.top();
        queue.pop();
        if (cell.d > best.d)
            best = cell;
        if (cell.max - best.d <= precision)
            continue;
        const double q = cell.h / 2;
        queue.emplace(Point(cell.centre.x() - q, cell.centre.y() - q), q, polygon);
        queue.emplace(Point(cell.centre.x() + q, cell.centre.y() - q), q, polygon);
        queue.emplace(Point(cell.centre.x() - q, cell.centre.y() + q), q, polygon);
        queue.emplace(Point(cell.centre.x() + q, cell.centre.y() + q), q, polygon);
    }
    return best.centre;
}

} // namespace spheres
