#pragma once

#include "geometry.h"

#include <QList>
#include <QPainterPath>
#include <QPointF>
#include <QRectF>

#include <span>
#include <vector>

namespace spheres {

/// A layer's areas, projected: every feature's rings, closed, in one list of points. A
/// hundred thousand small parcels then cost their points, where a QPainterPath each cost
/// some 500 bytes and two allocations (a path makes room for 16 elements), fresh memory that
/// was a third of the time a large layer took to project. Paths are made when asked for.
class ProjectedAreas
{
public:
    using RingPoints = std::span<const QPointF>;

    /// Adds the next feature's area (empty for a feature without one).
    void append(const MultiPolygon &shape);
    /// `parts`' features, one part after the other.
    static ProjectedAreas joined(const std::vector<ProjectedAreas> &parts);
    void reserve(qsizetype features) { m_featureEnds.reserve(features); }

    qsizetype size() const { return m_featureEnds.size(); }
    bool isEmpty(qsizetype i) const { return firstRing(i) == m_featureEnds[i]; }
    /// Feature `i`'s rings: the outer ring of each polygon, then its holes.
    template<typename F>
    void forEachRing(qsizetype i, F f) const
    {
        for (qint32 r = firstRing(i); r < m_featureEnds[i]; ++r) {
            const qint32 from = r == 0 ? 0 : m_ringEnds[r - 1];
            f(RingPoints(m_points.constData() + from, size_t(m_ringEnds[r] - from)));
        }
    }
    /// Feature `i` as a path, each ring a closed subpath, filled odd-even (holes stay open).
    QPainterPath path(qsizetype i) const;
    /// The box round feature `i`'s points; a null one when it has none.
    QRectF bounds(qsizetype i) const;
    /// Whether `p` lies inside feature `i`, as its path fills (a hole is outside).
    bool contains(qsizetype i, QPointF p) const;
    /// Whether feature `i`'s area overlaps `rect`.
    bool intersects(qsizetype i, const QRectF &rect) const;

private:
    qint32 firstRing(qsizetype i) const { return i == 0 ? 0 : m_featureEnds[i - 1]; }

    QList<QPointF> m_points;
    QList<qint32> m_ringEnds;    ///< where each ring's points end in m_points
    QList<qint32> m_featureEnds; ///< where each feature's rings end in m_ringEnds
};

} // namespace spheres
