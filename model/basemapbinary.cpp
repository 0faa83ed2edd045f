#include "basemapbinary.h"

#include "antimeridian.h"
#include "jsonlimits.h"

#include <QResource>
#include <QtEndian>

#include <cmath>
#include <cstring>

namespace spheres {

namespace {

constexpr char kMagic[8] = {'S', 'P', 'H', 'B', 'M', 'A', 'P', '\0'};
// The range of what TopoJsonReader returns, in units of the binary: its positions' latitudes
// (decodeArcs), and longitudes as far as a ring may stay unwrapped (a hole round a pole is not cut
// at ±180, and may start a turn away from its exterior).
constexpr qint64 kMaxX = qint64((180.5 + antimeridian::kMaxUnwrappedSpan) * BaseMapBinary::kUnitsPerDegree);
constexpr qint64 kMaxY = qint64(90.5 * BaseMapBinary::kUnitsPerDegree);
// Smallest bytes a ring, a polygon and a point take: what a count is checked against.
constexpr qsizetype kMinRingBytes = 4, kMinPolygonBytes = 4, kMinPointBytes = 2;

void putU32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void putU64(QByteArray &out, quint64 value)
{
    char bytes[8];
    qToLittleEndian(value, bytes);
    out.append(bytes, 8);
}

void putVarint(QByteArray &out, qint64 value)
{
    quint64 zigzag = (quint64(value) << 1) ^ quint64(value >> 63);
    for (; zigzag >= 0x80; zigzag >>= 7)
        out.append(char(zigzag | 0x80));
    out.append(char(zigzag));
}

void putString(QByteArray &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    putU32(out, quint32(utf8.size()));
    out.append(utf8);
}

void putRing(QByteArray &out, const Ring &ring)
{
    putU32(out, quint32(ring.size()));
    qint64 x = 0, y = 0;
    for (const Point &p : ring) {
        const qint64 qx = std::llround(p.x() * BaseMapBinary::kUnitsPerDegree);
        const qint64 qy = std::llround(p.y() * BaseMapBinary::kUnitsPerDegree);
        putVarint(out, qx - x);
        putVarint(out, qy - y);
        x = qx;
        y = qy;
    }
}

/// Reads forward through the bytes; every read checks the bytes left and says false at the end.
class Cursor
{
public:
    explicit Cursor(QByteArrayView data) : m_data(reinterpret_cast<const uchar *>(data.data())), m_size(data.size()) {}

    qsizetype at() const { return m_at; }
    qsizetype left() const { return m_size - m_at; }

    bool u32(quint32 &out)
    {
        if (left() < 4)
            return false;
        out = qFromLittleEndian<quint32>(m_data + m_at);
        m_at += 4;
        return true;
    }
    /// A count of items of at least `minBytes` each, refused when the bytes left cannot hold them.
    bool count(quint32 &out, qsizetype minBytes) { return u32(out) && qint64(out) * minBytes <= left(); }
    bool string(QString &out)
    {
        quint32 bytes = 0;
        if (!count(bytes, 1))
            return false;
        out = QString::fromUtf8(reinterpret_cast<const char *>(m_data + m_at), qsizetype(bytes));
        m_at += bytes;
        return true;
    }
    /// A zigzag varint of at most 64 bits (ten bytes).
    bool varint(qint64 &out)
    {
        quint64 zigzag = 0;
        for (int shift = 0; shift < 64 && m_at < m_size; shift += 7) {
            const uchar byte = m_data[m_at++];
            zigzag |= quint64(byte & 0x7f) << shift;
            if (!(byte & 0x80)) {
                out = qint64(zigzag >> 1) ^ -qint64(zigzag & 1);
                return true;
            }
        }
        return false;
    }

private:
    const uchar *m_data;
    qsizetype m_size;
    qsizetype m_at = 0;
};

bool readRing(Cursor &in, Ring &ring, QString &what)
{
    quint32 points = 0;
    if (!in.count(points, kMinPointBytes))
        return false;
    ring.reserve(points);
    qint64 x = 0, y = 0;
    for (quint32 i = 0; i < points; ++i) {
        qint64 dx = 0, dy = 0;
        if (!in.varint(dx) || !in.varint(dy))
            return false;
        x += dx;
        y += dy;
        if (x < -kMaxX || x > kMaxX || y < -kMaxY || y > kMaxY) {
            what = BaseMapBinary::tr("a position outside longitude/latitude range");
            return false;
        }
        ring.emplace_back(double(x) / BaseMapBinary::kUnitsPerDegree, double(y) / BaseMapBinary::kUnitsPerDegree);
    }
    return true;
}

bool readUnit(Cursor &in, TopoJsonUnit &unit, QString &what)
{
    quint32 polygons = 0;
    if (!in.string(unit.name) || !in.string(unit.id) || !in.count(polygons, kMinPolygonBytes))
        return false;
    unit.shape.resize(polygons);
    for (Polygon &polygon : unit.shape) {
        quint32 rings = 0;
        if (!in.count(rings, kMinRingBytes) || rings == 0 || !readRing(in, polygon.outer(), what))
            return false;
        polygon.inners().resize(rings - 1);
        for (Ring &inner : polygon.inners())
            if (!readRing(in, inner, what))
                return false;
    }
    return true;
}

} // namespace

QByteArray BaseMapBinary::encode(const QList<TopoJsonUnit> &units)
{
    QByteArray body;
    for (const TopoJsonUnit &unit : units) {
        putString(body, unit.name);
        putString(body, unit.id);
        putU32(body, quint32(unit.shape.size()));
        for (const Polygon &polygon : unit.shape) {
            putU32(body, quint32(1 + polygon.inners().size()));
            putRing(body, polygon.outer());
            for (const Ring &inner : polygon.inners())
                putRing(body, inner);
        }
    }
    QByteArray out(kMagic, sizeof kMagic);
    putU32(out, kVersion);
    putU32(out, quint32(units.size()));
    putU64(out, quint64(body.size()));
    return out + body;
}

TopoJsonReader::Result BaseMapBinary::decode(QByteArrayView data, const QString &sourceName)
{
    TopoJsonReader::Result result;
    auto fail = [&](const QString &what) {
        result.error = QStringLiteral("%1: %2").arg(sourceName, what);
        result.units.clear();
        return result;
    };
    if (data.size() < kHeaderBytes || std::memcmp(data.data(), kMagic, sizeof kMagic) != 0)
        return fail(tr("not a Spheres base map (its first bytes are not \"SPHBMAP\")"));
    const auto *header = reinterpret_cast<const uchar *>(data.data()) + sizeof kMagic;
    if (const quint32 version = qFromLittleEndian<quint32>(header); version != kVersion)
        return fail(tr("base map format version %1, this Spheres reads version %2").arg(version).arg(kVersion));
    const quint32 unitCount = qFromLittleEndian<quint32>(header + 4);
    const quint64 bodyBytes = qFromLittleEndian<quint64>(header + 8);
    if (bodyBytes != quint64(data.size() - kHeaderBytes))
        return fail(tr("the header announces %1 bytes of data, the file has %2: truncated or damaged")
                        .arg(bodyBytes).arg(data.size() - kHeaderBytes));
    Cursor in(data.sliced(kHeaderBytes));
    if (unitCount > quint64(in.left()))
        return fail(tr("the header announces %1 units, more than the data can hold").arg(unitCount));
    result.units.resize(unitCount);
    for (quint32 i = 0; i < unitCount; ++i) {
        QString what;
        if (!readUnit(in, result.units[i], what))
            return fail(tr("unit %1 (%2): %3 at byte %4")
                            .arg(i).arg(result.units[i].name, what.isEmpty() ? tr("damaged data") : what)
                            .arg(kHeaderBytes + in.at()));
    }
    if (in.left() != 0)
        return fail(tr("%1 bytes left over after the last unit").arg(in.left()));
    return result;
}

TopoJsonReader::Result BaseMapBinary::readFile(const QString &path)
{
    if (const QResource resource(path); resource.isValid() && resource.compressionAlgorithm() == QResource::NoCompression)
        return decode(QByteArrayView(resource.data(), resource.size()), path);
    TopoJsonReader::Result result;
    const auto data = JsonLimits::readFile(path, JsonLimits::kTopoJsonMaxBytes, result.error);
    return data ? decode(*data, path) : result;
}

} // namespace spheres
