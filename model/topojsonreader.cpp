#include "topojsonreader.h"

#include "antimeridian.h"
#include "jsonfields.h"
#include "jsonlimits.h"

#include <boost/geometry/algorithms/is_valid.hpp>
#include <boost/geometry/algorithms/remove_spikes.hpp>

#include <algorithm>

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace spheres {

namespace {

using Arc = std::vector<Point>;


struct Transform
{
    double sx = 1, sy = 1, tx = 0, ty = 0;
    bool quantized = false;
};

QString tooManyPositions()
{
    return TopoJsonReader::tr("the topology decodes to more than %1 positions, more than Spheres can draw")
        .arg(JsonLimits::kTopoJsonMaxPositions);
}

/// Decodes every arc once; delta-encoded when the topology is quantized. `positionCount` counts
/// against JsonLimits::kTopoJsonMaxPositions.
std::optional<std::vector<Arc>> decodeArcs(const QJsonArray &arcs, const Transform &t, qint64 &positionCount,
                                           QString &error)
{
    std::vector<Arc> decoded;
    decoded.reserve(arcs.size());
    for (qsizetype i = 0; i < arcs.size(); ++i) {
        const QJsonArray positions = arcs.at(i).toArray();
        if (positions.isEmpty()) {
            error = TopoJsonReader::tr("arc %1 is empty or not an array").arg(i);
            return std::nullopt;
        }
        if ((positionCount += positions.size()) > JsonLimits::kTopoJsonMaxPositions) {
            error = tooManyPositions();
            return std::nullopt;
        }
        Arc arc;
        arc.reserve(positions.size());
        double x = 0, y = 0;
        for (const QJsonValue &v : positions) {
            const QJsonArray p = v.toArray();
            if (p.size() < 2 || !p.at(0).isDouble() || !p.at(1).isDouble()) {
                error = TopoJsonReader::tr("arc %1 has a position that is not a pair of numbers").arg(i);
                return std::nullopt;
            }
            if (t.quantized) {
                x += p.at(0).toDouble();
                y += p.at(1).toDouble();
                arc.emplace_back(x * t.sx + t.tx, y * t.sy + t.ty);
            } else {
                arc.emplace_back(p.at(0).toDouble(), p.at(1).toDouble());
            }
            const Point &last = arc.back();
            // Written so that NaN (say an overflow to infinity times a scale of 0) is refused too.
            if (!(last.x() >= -180.5 && last.x() <= 180.5 && last.y() >= -90.5 && last.y() <= 90.5)) {
                error = TopoJsonReader::tr("arc %1 has a position outside longitude/latitude range").arg(i);
                return std::nullopt;
            }
        }
        decoded.push_back(std::move(arc));
    }
    return decoded;
}

/// Joins arcs into a ring; ~i (negative) means arc i reversed. Shared end points appear once.
std::optional<std::vector<Point>> ringFromArcs(const QJsonArray &indices, const std::vector<Arc> &arcs,
                                               qint64 &positionCount, QString &error)
{
    std::vector<Point> ring;
    for (const QJsonValue &v : indices) {
        if (!v.isDouble()) {
            error = TopoJsonReader::tr("an arc index is not a number");
            return std::nullopt;
        }
        const qint64 raw = v.toInteger(-1 - qint64(arcs.size()) - 1);
        const bool reversed = raw < 0;
        const qint64 index = reversed ? ~raw : raw;
        if (index < 0 || index >= qint64(arcs.size())) {
            error = TopoJsonReader::tr("arc index %1 is out of range (the topology has %2 arcs)").arg(raw).arg(arcs.size());
            return std::nullopt;
        }
        const Arc &arc = arcs[size_t(index)];
        if ((positionCount += qint64(arc.size())) > JsonLimits::kTopoJsonMaxPositions) {
            error = tooManyPositions();
            return std::nullopt;
        }
        const size_t start = ring.empty() ? 0 : 1;
        if (reversed) {
            for (size_t k = start; k < arc.size(); ++k)
                ring.push_back(arc[arc.size() - 1 - k]);
        } else {
            ring.insert(ring.end(), arc.begin() + qsizetype(start), arc.end());
        }
    }
    return ring;
}

std::optional<MultiPolygon> decodePolygon(const QJsonArray &rings, const std::vector<Arc> &arcs, qint64 &positionCount,
                                          QString &error)
{
    std::vector<std::vector<Point>> raw;
    for (const QJsonValue &ringValue : rings) {
        if (!ringValue.isArray()) {
            error = TopoJsonReader::tr("a ring is not an array of arc indices");
            return std::nullopt;
        }
        auto ring = ringFromArcs(ringValue.toArray(), arcs, positionCount, error);
        if (!ring)
            return std::nullopt;
        raw.push_back(std::move(*ring));
    }
    return antimeridian::polygonFromRawRings(raw);
}

std::optional<MultiPolygon> decodeGeometry(const QJsonObject &geometry, const std::vector<Arc> &arcs,
                                           qint64 &positionCount, QString &error)
{
    const QString type = geometry.value(u"type").toString();
    const QJsonArray coordinates = geometry.value(u"arcs").toArray();
    if (type == u"Polygon")
        return decodePolygon(coordinates, arcs, positionCount, error);
    if (type == u"MultiPolygon") {
        MultiPolygon all;
        for (const QJsonValue &polygon : coordinates) {
            auto part = decodePolygon(polygon.toArray(), arcs, positionCount, error);
            if (!part)
                return std::nullopt;
            all.insert(all.end(), part->begin(), part->end());
        }
        return all;
    }
    if (type.isEmpty() || type == u"null")
        return MultiPolygon{};
    error = TopoJsonReader::tr("geometry type \"%1\" is not supported (expected Polygon or MultiPolygon)").arg(type);
    return std::nullopt;
}

/// Quantization leaves spikes (a point that goes out and straight back) and rings that
/// collapse to a line; both are safe to remove.
MultiPolygon repaired(MultiPolygon shape)
{
    bg::remove_spikes(shape);
    shape.erase(std::remove_if(shape.begin(), shape.end(), [](const Polygon &p) { return p.outer().size() < 4; }),
                shape.end());
    for (Polygon &p : shape)
        p.inners().erase(std::remove_if(p.inners().begin(), p.inners().end(), [](const Ring &r) { return r.size() < 4; }),
                         p.inners().end());
    return shape;
}

std::optional<Transform> readTransform(const QJsonObject &topology, QString &error)
{
    Transform t;
    if (!topology.contains(u"transform"))
        return t;
    const QJsonObject transform = topology.value(u"transform").toObject();
    const QJsonArray scale = transform.value(u"scale").toArray();
    const QJsonArray translate = transform.value(u"translate").toArray();
    if (scale.size() != 2 || translate.size() != 2) {
        error = TopoJsonReader::tr("\"transform\" needs \"scale\" and \"translate\" pairs");
        return std::nullopt;
    }
    t = {scale.at(0).toDouble(), scale.at(1).toDouble(), translate.at(0).toDouble(), translate.at(1).toDouble(), true};
    return t;
}

} // namespace

TopoJsonReader::Result TopoJsonReader::read(const QByteArray &data, const QString &objectName,
                                            const QString &sourceName, Checks checks)
{
    Result result;
    auto fail = [&](const QString &what) {
        result.error = QStringLiteral("%1: %2").arg(sourceName, what);
        result.units.clear();
        return result;
    };
    QString error;
    const auto parsed = JsonFields::parseObject(data, JsonLimits::kTopoJsonMaxBytes,
                                                tr("not a TopoJSON topology (the top level is not an object)"), error);
    if (!parsed)
        return fail(error);
    const QJsonObject &topology = *parsed;
    if (topology.value(u"type").toString() != u"Topology")
        return fail(tr("not a TopoJSON topology (\"type\" is not \"Topology\")"));
    const auto transform = readTransform(topology, error);
    if (!transform)
        return fail(error);
    qint64 positionCount = 0;
    const auto arcs = decodeArcs(topology.value(u"arcs").toArray(), *transform, positionCount, error);
    if (!arcs)
        return fail(error);
    const QJsonObject object = topology.value(u"objects").toObject().value(objectName).toObject();
    if (object.isEmpty())
        return fail(tr("the topology has no object \"%1\"").arg(objectName));
    const QJsonArray geometries = object.value(u"geometries").toArray();
    for (qsizetype i = 0; i < geometries.size(); ++i) {
        const QJsonObject geometry = geometries.at(i).toObject();
        TopoJsonUnit unit;
        unit.name = geometry.value(u"properties").toObject().value(u"name").toString();
        unit.id = geometry.value(u"id").toVariant().toString();
        auto shape = decodeGeometry(geometry, *arcs, positionCount, error);
        if (!shape)
            return fail(tr("geometry %1 (%2): %3").arg(i).arg(unit.name.isEmpty() ? tr("unnamed") : unit.name, error));
        unit.shape = repaired(std::move(*shape));
        std::string reason;
        if (checks == Checks::Full && !bg::is_valid(unit.shape, reason))
            result.warnings << tr("%1: geometry of %2 is not strictly valid (%3)")
                                   .arg(sourceName, unit.name, QString::fromStdString(reason));
        result.units.push_back(std::move(unit));
    }
    return result;
}

TopoJsonReader::Result TopoJsonReader::readFile(const QString &path, const QString &objectName, Checks checks)
{
    Result result;
    const auto data = JsonLimits::readFile(path, JsonLimits::kTopoJsonMaxBytes, result.error);
    return data ? read(*data, objectName, path, checks) : result;
}

} // namespace spheres
