#include "polylabel.h"

#include <boost/geometry/algorithms/envelope.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <queue>
#include <vector>

namespace spheres {

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

namespace {

/// The signed distance from a point to a polygon's outline, answered from a grid of its edges:
/// only the edges that cross the point's row decide inside or out, and only those in the cells
/// nearest the point can be the nearest edge. Each edge that is looked at is measured exactly as
/// a scan of them all would measure it, so the answer is the same number, found in a fraction of
/// the time (a search measures a few thousand points against outlines of thousands of edges).
class OutlineDistance
{
public:
    /// `box` holds every point that will be asked about.
    OutlineDistance(const Polygon &polygon, const Box &box)
        : m_x0(box.min_corner().x()), m_y0(box.min_corner().y())
    {
        addRing(polygon.outer());
        for (const Ring &hole : polygon.inners())
            addRing(hole);
        m_columns = m_rows = std::clamp(int(std::sqrt(double(m_edges.size()) / 2)), 1, 256);
        m_cellWidth = std::max((box.max_corner().x() - m_x0) / m_columns, 1e-9);
        m_cellHeight = std::max((box.max_corner().y() - m_y0) / m_rows, 1e-9);
        m_cells.resize(size_t(m_columns) * size_t(m_rows));
        m_bands.resize(size_t(m_rows));
        m_seen.assign(m_edges.size(), 0);
        for (int e = 0; e < int(m_edges.size()); ++e) {
            const Point &a = m_edges[size_t(e)].a, &b = m_edges[size_t(e)].b;
            const int c0 = column(std::min(a.x(), b.x())), c1 = column(std::max(a.x(), b.x()));
            const int r0 = row(std::min(a.y(), b.y())), r1 = row(std::max(a.y(), b.y()));
            for (int r = r0; r <= r1; ++r) {
                m_bands[size_t(r)].push_back(e);
                for (int c = c0; c <= c1; ++c)
                    m_cells[size_t(r) * size_t(m_columns) + size_t(c)].push_back(e);
            }
        }
    }

    /// Positive inside.
    double operator()(const Point &p)
    {
        bool inside = false;
        for (const int e : m_bands[size_t(row(p.y()))]) { // an edge crosses p's row only if it is in p's band
            const Point &a = m_edges[size_t(e)].a, &b = m_edges[size_t(e)].b;
            if ((a.y() > p.y()) != (b.y() > p.y()) && p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x())
                inside = !inside;
        }
        return (inside ? 1.0 : -1.0) * std::sqrt(nearestSquared(p));
    }

private:
    struct Edge
    {
        Point a, b;
    };

    void addRing(const Ring &ring)
    {
        for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
            m_edges.push_back({ring[i], ring[j]});
    }

    int column(double x) const { return std::clamp(int(std::floor((x - m_x0) / m_cellWidth)), 0, m_columns - 1); }
    int row(double y) const { return std::clamp(int(std::floor((y - m_y0) / m_cellHeight)), 0, m_rows - 1); }

    /// Cells in growing squares round p's until no edge outside the square can be nearer than
    /// the nearest found; a margin far above rounding keeps an edge at the square's rim in play.
    double nearestSquared(const Point &p)
    {
        ++m_stamp;
        double best = INFINITY;
        const int pc = column(p.x()), pr = row(p.y());
        for (int k = 0;; ++k) {
            const int c0 = pc - k, c1 = pc + k, r0 = pr - k, r1 = pr + k;
            for (int r = std::max(r0, 0); r <= std::min(r1, m_rows - 1); ++r)
                for (int c = std::max(c0, 0); c <= std::min(c1, m_columns - 1); ++c) {
                    if (r != r0 && r != r1 && c != c0 && c != c1)
                        continue; // inside the square: done at a smaller k
                    for (const int e : m_cells[size_t(r) * size_t(m_columns) + size_t(c)])
                        if (m_seen[size_t(e)] != m_stamp) {
                            m_seen[size_t(e)] = m_stamp;
                            best = std::min(best, segmentDistanceSquared(p, m_edges[size_t(e)].a, m_edges[size_t(e)].b));
                        }
                }
            // The nearest an edge beyond the square can be: the way out through a side that
            // has cells beyond it.
            double reach = INFINITY;
            if (c0 > 0)
                reach = std::min(reach, p.x() - (m_x0 + c0 * m_cellWidth));
            if (c1 < m_columns - 1)
                reach = std::min(reach, m_x0 + (c1 + 1) * m_cellWidth - p.x());
            if (r0 > 0)
                reach = std::min(reach, p.y() - (m_y0 + r0 * m_cellHeight));
            if (r1 < m_rows - 1)
                reach = std::min(reach, m_y0 + (r1 + 1) * m_cellHeight - p.y());
            if (reach == INFINITY)
                return best; // every cell seen
            if (reach > 0 && reach * reach > best * (1 + 1e-6) + 1e-6)
                return best;
        }
    }

    double m_x0, m_y0, m_cellWidth = 1, m_cellHeight = 1;
    int m_columns = 1, m_rows = 1;
    std::vector<Edge> m_edges;
    std::vector<std::vector<int>> m_cells, m_bands;
    std::vector<unsigned> m_seen;
    unsigned m_stamp = 0;
};

struct Cell
{
    Cell(Point c, double half, const SignedDistance &distance)
        : centre(c), h(half), d(distance(c)), max(d + h * std::sqrt(2.0)) {}
    Point centre;
    double h, d, max;
};

} // namespace

Point poleOfInaccessibility(const Polygon &polygon, double precision)
{
    return poleOfInaccessibility(polygon, precision, [&polygon](const Box &searchBox) -> SignedDistance {
        return [distance = std::make_shared<OutlineDistance>(polygon, searchBox)](const Point &p) { return (*distance)(p); };
    });
}

Point poleOfInaccessibility(const Polygon &polygon, double precision,
                            const std::function<SignedDistance(const Box &searchBox)> &distanceWithin)
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
    // The first cells' centres may lie up to half a cell beyond the outline's box.
    const SignedDistance distance = distanceWithin(Box(Point(box.min_corner().x() - cellSize, box.min_corner().y() - cellSize),
                                                       Point(box.max_corner().x() + cellSize, box.max_corner().y() + cellSize)));
    auto less = [](const Cell &a, const Cell &b) { return a.max < b.max; };
    std::priority_queue<Cell, std::vector<Cell>, decltype(less)> queue(less);
    const double h = cellSize / 2;
    for (double x = box.min_corner().x(); x < box.max_corner().x(); x += cellSize)
        for (double y = box.min_corner().y(); y < box.max_corner().y(); y += cellSize)
            queue.emplace(Point(x + h, y + h), h, distance);

    Cell best(Point((box.min_corner().x() + box.max_corner().x()) / 2, (box.min_corner().y() + box.max_corner().y()) / 2),
              0, distance);
    int budget = 4000; // bounds the search on huge, ragged outlines
    while (!queue.empty() && budget-- > 0) {
        const Cell cell = queue.top();
        queue.pop();
        if (cell.d > best.d)
            best = cell;
        if (cell.max - best.d <= precision)
            continue;
        const double q = cell.h / 2;
        queue.emplace(Point(cell.centre.x() - q, cell.centre.y() - q), q, distance);
        queue.emplace(Point(cell.centre.x() + q, cell.centre.y() - q), q, distance);
        queue.emplace(Point(cell.centre.x() - q, cell.centre.y() + q), q, distance);
        queue.emplace(Point(cell.centre.x() + q, cell.centre.y() + q), q, distance);
    }
    return best.centre;
}

} // namespace spheres
