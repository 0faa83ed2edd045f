#include "projectedareas.h"

#include <algorithm>
#include <limits>

namespace spheres {

namespace {

/// Liang–Barsky: whether the segment from `a` to `b` has a point in `r` (edges included).
bool segmentMeets(QPointF a, QPointF b, const QRectF &r)
{
    double t0 = 0.0, t1 = 1.0;
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const auto clip = [&](double p, double q) { // p·t ≤ q
        if (p == 0.0)
            return q >= 0.0;
        const double t = q / p;
        if (p < 0.0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        return t0 <= t1;
    };
    return clip(-dx, a.x() - r.left()) && clip(dx, r.right() - a.x()) && clip(-dy, a.y() - r.top()) &&
           clip(dy, r.bottom() - a.y());
}

} // namespace

void ProjectedAreas::append(const MultiPolygon &shape)
{
    const auto addRing = [this](const Ring &ring) {
        if (ring.empty())
            return; // cut away by the horizon: nothing to draw or to click
        for (const Point &p : ring)
            m_points.emplace_back(p.x(), p.y());
        m_ringEnds.push_back(qint32(m_points.size()));
    };
    for (const Polygon &polygon : shape) {
        addRing(polygon.outer());
        for (const Ring &hole : polygon.inners())
            addRing(hole);
    }
    m_featureEnds.push_back(qint32(m_ringEnds.size()));
}

ProjectedAreas ProjectedAreas::joined(const std::vector<ProjectedAreas> &parts)
{
    ProjectedAreas out;
    qsizetype points = 0, rings = 0, features = 0;
    for (const ProjectedAreas &part : parts) {
        points += part.m_points.size();
        rings += part.m_ringEnds.size();
        features += part.m_featureEnds.size();
    }
    out.m_points.reserve(points); // once: a hundred thousand features' points are megabytes
    out.m_ringEnds.reserve(rings);
    out.m_featureEnds.reserve(features);
    for (const ProjectedAreas &part : parts) {
        const qint32 pointsBefore = qint32(out.m_points.size()), ringsBefore = qint32(out.m_ringEnds.size());
        out.m_points.append(part.m_points);
        for (const qint32 end : part.m_ringEnds)
            out.m_ringEnds.push_back(pointsBefore + end);
        for (const qint32 end : part.m_featureEnds)
            out.m_featureEnds.push_back(ringsBefore + end);
    }
    return out;
}

QPainterPath ProjectedAreas::path(qsizetype i) const
{
    QPainterPath path;
    const qint32 first = firstRing(i), last = m_featureEnds[i];
    if (first == last)
        return path;
    const qint32 from = first == 0 ? 0 : m_ringEnds[first - 1];
    path.reserve(int(m_ringEnds[last - 1] - from + (last - first)));
    forEachRing(i, [&path](RingPoints ring) {
        if (ring.empty())
            return;
        path.moveTo(ring.front());
        for (size_t k = 1; k < ring.size(); ++k)
            path.lineTo(ring[k]);
        path.closeSubpath();
    });
    return path;
}

QRectF ProjectedAreas::bounds(qsizetype i) const
{
    if (isEmpty(i))
        return {};
    double left = std::numeric_limits<double>::max(), top = left, right = -left, bottom = -left;
    forEachRing(i, [&](RingPoints ring) {
        for (const QPointF &p : ring) {
            left = std::min(left, p.x());
            right = std::max(right, p.x());
            top = std::min(top, p.y());
            bottom = std::max(bottom, p.y());
        }
    });
    return left > right ? QRectF() : QRectF(QPointF(left, top), QPointF(right, bottom));
}

bool ProjectedAreas::contains(qsizetype i, QPointF p) const
{
    bool inside = false; // odd-even: every edge the ray to the right crosses flips it
    forEachRing(i, [&](RingPoints ring) {
        for (size_t k = 1; k < ring.size(); ++k) {
            const QPointF &a = ring[k - 1], &b = ring[k];
            if ((a.y() > p.y()) != (b.y() > p.y()) && p.x() < a.x() + (p.y() - a.y()) * (b.x() - a.x()) / (b.y() - a.y()))
                inside = !inside;
        }
    });
    return inside;
}

bool ProjectedAreas::intersects(qsizetype i, const QRectF &rect) const
{
    const QRectF r = rect.normalized(), b = bounds(i);
    if (b.isNull() || b.left() > r.right() || b.right() < r.left() || b.top() > r.bottom() || b.bottom() < r.top())
        return false;
    if (contains(i, r.center()))
        return true;
    bool meets = false; // an outline in the rectangle, or crossing it
    forEachRing(i, [&](RingPoints ring) {
        for (size_t k = 1; k < ring.size() && !meets; ++k)
            meets = segmentMeets(ring[k - 1], ring[k], r);
    });
    return meets;
}

} // namespace spheres
