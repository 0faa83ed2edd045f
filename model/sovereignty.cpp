#include "sovereignty.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <boost/geometry/algorithms/correct.hpp>
#include <boost/geometry/algorithms/difference.hpp>
#include <boost/geometry/algorithms/envelope.hpp>
#include <boost/geometry/algorithms/intersection.hpp>
#include <boost/geometry/algorithms/intersects.hpp>
#include <boost/geometry/algorithms/within.hpp>
#include <boost/geometry/strategies/strategies.hpp>

#include <algorithm>
#include <cmath>

namespace spheres {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("SovereigntyTable", text); }

std::optional<Point> pointOf(const QJsonValue &value)
{
    const QJsonArray a = value.toArray();
    if (a.size() != 2 || !a[0].isDouble() || !a[1].isDouble())
        return std::nullopt;
    const double lon = a[0].toDouble(), lat = a[1].toDouble();
    if (!std::isfinite(lon) || !std::isfinite(lat) || std::abs(lon) > 180 || std::abs(lat) > 90)
        return std::nullopt;
    return Point(lon, lat);
}

Region *regionWith(QList<Region> &regions, const QString &code)
{
    for (Region &r : regions)
        if (r.code == code)
            return &r;
    return nullptr;
}

} // namespace

SovereigntyTable::Result SovereigntyTable::read(const QString &path)
{
    Result result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(1 << 20), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = tr("%1: not valid JSON at byte %2: %3").arg(path).arg(parseError.offset).arg(parseError.errorString());
        return result;
    }
    const QJsonArray entries = doc.object().value(u"transfers").toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject o = entries.at(i).toObject();
        SovereigntyTransfer t;
        t.id = o.value(u"id").toString();
        t.name = o.value(u"name").toString();
        t.from = o.value(u"from").toString();
        t.to = o.value(u"to").toString();
        t.zone = o.value(u"zone").toString();
        const auto fail = [&](const QString &what) {
            result.error = tr("%1: transfers[%2] (%3): %4").arg(path).arg(i).arg(t.id, what);
            result.transfers.clear();
        };
        if (t.id.isEmpty() || t.name.isEmpty() || t.from.isEmpty() || t.to.isEmpty() || t.from == t.to) {
            fail(tr("needs an \"id\", a \"name\" and two different region codes \"from\" and \"to\""));
            return result;
        }
        for (const QJsonValue &v : o.value(u"polygonsContaining").toArray()) {
            const auto p = pointOf(v);
            if (!p) {
                fail(tr("\"polygonsContaining\" holds something other than [lon, lat]"));
                return result;
            }
            t.polygonsContaining << *p;
        }
        for (const QJsonValue &v : o.value(u"area").toArray()) {
            const auto p = pointOf(v);
            if (!p) {
                fail(tr("\"area\" holds something other than [lon, lat]"));
                return result;
            }
            t.area.outer().push_back(*p);
        }
        if (!t.area.outer().empty()) {
            if (t.area.outer().size() < 4) {
                fail(tr("\"area\" needs a closed ring of at least four points"));
                return result;
            }
            bg::correct(t.area);
        }
        if (t.polygonsContaining.isEmpty() == t.area.outer().empty()) {
            fail(tr("needs either \"polygonsContaining\" or \"area\""));
            return result;
        }
        result.transfers << t;
    }
    return result;
}

QStringList SovereigntyTable::apply(const QList<SovereigntyTransfer> &transfers, QList<Region> &regions)
{
    QStringList problems;
    for (const SovereigntyTransfer &t : transfers) {
        Region *from = regionWith(regions, t.from);
        Region *to = regionWith(regions, t.to);
        if (!from || !to) {
            problems << tr("%1: region %2 or %3 is not in the base map").arg(t.id, t.from, t.to);
            continue;
        }
        MultiPolygon kept, moved;
        if (!t.polygonsContaining.isEmpty()) {
            for (const Polygon &p : from->shape) {
                const bool take = std::any_of(t.polygonsContaining.cbegin(), t.polygonsContaining.cend(),
                                              [&](const Point &q) { return bg::within(q, p); });
                (take ? moved : kept).push_back(p);
            }
        } else {
            const Box box = bg::return_envelope<Box>(t.area);
            for (const Polygon &p : from->shape) {
                if (!bg::intersects(bg::return_envelope<Box>(p), box)) {
                    kept.push_back(p);
                    continue;
                }
                MultiPolygon inside, outside;
                bg::intersection(p, t.area, inside);
                bg::difference(p, t.area, outside);
                moved.insert(moved.end(), inside.begin(), inside.end());
                kept.insert(kept.end(), outside.begin(), outside.end());
            }
        }
        if (moved.empty()) {
            problems << tr("%1: no part of %2 lies where the table says; the base map is unchanged there").arg(t.id, t.from);
            continue;
        }
        from->shape = std::move(kept);
        to->shape.insert(to->shape.end(), moved.begin(), moved.end());
    }
    return problems;
}

} // namespace spheres
