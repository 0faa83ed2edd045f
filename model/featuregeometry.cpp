#include "featuregeometry.h"

#include "antimeridian.h"

#include <boost/geometry/algorithms/area.hpp>
#include <boost/geometry/algorithms/correct.hpp>
#include <boost/geometry/algorithms/is_valid.hpp>

#include <QSemaphore>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <cmath>

namespace spheres {

namespace {

bool samePoint(const Point &a, const Point &b) { return a.x() == b.x() && a.y() == b.y(); }

/// Where consecutive points are more than 180° of longitude apart the line crosses the
/// antimeridian: a point is added on each side of it (at ±180, the latitude interpolated), so
/// that splitting there leaves both halves reaching the edge of the map.
LineString withEdgeCrossings(const std::vector<Point> &points)
{
    LineString out;
    for (size_t i = 0; i < points.size(); ++i) {
        const Point &b = points[i];
        if (i > 0) {
            const Point &a = points[i - 1];
            const double dx = b.x() - a.x();
            if (std::abs(dx) > 180.0) {
                const bool eastward = dx < 0; // 179 → -179 crosses +180 going east
                const double bx = b.x() + (eastward ? 360.0 : -360.0);
                const double edge = eastward ? 180.0 : -180.0;
                const double t = bx == a.x() ? 0.0 : (edge - a.x()) / (bx - a.x());
                const double lat = a.y() + t * (b.y() - a.y());
                const Point before(edge, lat), after(-edge, lat);
                if (!samePoint(before, a))
                    out.push_back(before);
                if (!samePoint(after, b))
                    out.push_back(after);
            }
        }
        out.push_back(b);
    }
    return out;
}

} // namespace

FeatureGeometry::Outcome FeatureGeometry::assign(const RawGeometry &raw, Feature &feature, QString &reason)
{
    feature.points.assign(raw.points.begin(), raw.points.end());
    for (const std::vector<Point> &line : raw.lines) {
        const MultiLineString split = antimeridian::splitAtJumps(withEdgeCrossings(line));
        feature.lines.insert(feature.lines.end(), split.begin(), split.end());
    }
    for (const RawGeometry::Polygon &polygon : raw.polygons) {
        MultiPolygon pieces = antimeridian::polygonFromRawRings(polygon);
        feature.area.insert(feature.area.end(), std::make_move_iterator(pieces.begin()), std::make_move_iterator(pieces.end()));
    }
    if (raw.polygons.empty())
        return Outcome::Valid;
    // The plain check, without the message: its text goes through an ostringstream, which costs
    // as much as the check itself. Only an outline that stays invalid is checked again for it.
    if (bg::is_valid(feature.area))
        return Outcome::Valid;
    bg::correct(feature.area);
    if (bg::is_valid(feature.area))
        return Outcome::Valid;
    std::string why;
    bg::is_valid(feature.area, why);
    reason = QString::fromStdString(why);
    return bg::area(feature.area) > 0 ? Outcome::Invalid : Outcome::NoArea;
}

void UniqueFeatureIds::reserve(qsizetype count) { m_taken.reserve(count); }

std::vector<FeatureGeometry::Assigned> FeatureGeometry::assignAll(const std::vector<RawGeometry> &raw, Feature *features)
{
    std::vector<Assigned> out(raw.size());
    constexpr size_t kChunk = 64; // features per task: a fraction of a millisecond of work
    const size_t chunks = (raw.size() + kChunk - 1) / kChunk;
    std::atomic<size_t> nextChunk{0};
    const auto work = [&] {
        for (size_t c; (c = nextChunk.fetch_add(1)) < chunks;)
            for (size_t i = c * kChunk; i < std::min(raw.size(), (c + 1) * kChunk); ++i)
                out[i].outcome = assign(raw[i], features[i], out[i].reason);
    };
    // Helpers only where a thread is free (tryStart): a pool busy with the caller itself, or
    // with other work, leaves the caller to do it all rather than wait.
    QSemaphore helpersDone;
    int helpers = 0;
    QThreadPool *pool = QThreadPool::globalInstance();
    for (int i = 1; i < pool->maxThreadCount() && size_t(helpers + 1) < chunks; ++i) {
        if (!pool->tryStart([&] {
                work();
                helpersDone.release();
            }))
            break;
        ++helpers;
    }
    work();
    helpersDone.acquire(helpers);
    return out;
}

QString UniqueFeatureIds::take(const QString &id)
{
    const qsizetype before = m_taken.size();
    m_taken.insert(id); // one look-up, not contains() then insert(): most ids are new
    if (m_taken.size() != before)
        return id;
    auto next = m_nextSuffix.find(id);
    if (next == m_nextSuffix.end())
        next = m_nextSuffix.insert(id, 2);
    int &n = *next;
    QString unique;
    while (m_taken.contains(unique = QStringLiteral("%1-%2").arg(id, QString::number(n))))
        ++n;
    ++n;
    m_taken.insert(unique);
    return unique;
}

} // namespace spheres
