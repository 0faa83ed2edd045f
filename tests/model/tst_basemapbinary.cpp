// The base map the program embeds (BaseMapBinary, written at build time by basemapcompiler) holds
// what TopoJsonReader reads from the vendored TopoJSON, and a damaged binary is refused.
#include "atlas.h"
#include "basemapbinary.h"
#include "topojsonreader.h"

#include <QFile>
#include <QResource>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace spheres;
using namespace Qt::StringLiterals;

namespace {

// Half a unit of the binary's grid, and a little for the division back to degrees.
constexpr double kTolerance = 0.5 / BaseMapBinary::kUnitsPerDegree + 1e-12;

QString sourceFile(const QString &name) { return QStringLiteral(SPHERES_BASE_MAP_DIR "/") + name; }

QByteArray builtInBytes(const QString &path)
{
    const QResource resource(path);
    return QByteArray(reinterpret_cast<const char *>(resource.data()), resource.size());
}

/// Empty when `a` and `b` are the same rings within the binary's grid; what differs otherwise.
QString ringDifference(const Ring &a, const Ring &b)
{
    if (a.size() != b.size())
        return u"%1 points against %2"_s.arg(a.size()).arg(b.size());
    for (size_t i = 0; i < a.size(); ++i)
        if (std::abs(a[i].x() - b[i].x()) > kTolerance || std::abs(a[i].y() - b[i].y()) > kTolerance)
            return u"point %1 is (%2, %3) against (%4, %5)"_s.arg(i).arg(a[i].x(), 0, 'g', 17).arg(a[i].y(), 0, 'g', 17)
                .arg(b[i].x(), 0, 'g', 17).arg(b[i].y(), 0, 'g', 17);
    return {};
}

QString shapeDifference(const MultiPolygon &a, const MultiPolygon &b)
{
    if (a.size() != b.size())
        return u"%1 polygons against %2"_s.arg(a.size()).arg(b.size());
    for (size_t p = 0; p < a.size(); ++p) {
        if (a[p].inners().size() != b[p].inners().size())
            return u"polygon %1 has %2 holes against %3"_s.arg(p).arg(a[p].inners().size()).arg(b[p].inners().size());
        if (const QString d = ringDifference(a[p].outer(), b[p].outer()); !d.isEmpty())
            return u"polygon %1, outer ring: %2"_s.arg(p).arg(d);
        for (size_t h = 0; h < a[p].inners().size(); ++h)
            if (const QString d = ringDifference(a[p].inners()[h], b[p].inners()[h]); !d.isEmpty())
                return u"polygon %1, hole %2: %3"_s.arg(p).arg(h).arg(d);
    }
    return {};
}

void setU32(QByteArray &data, qsizetype at, quint32 value) { qToLittleEndian(value, data.data() + at); }

/// The header's byte count set to what `data` now holds after it.
QByteArray withHeaderSize(QByteArray data)
{
    qToLittleEndian(quint64(data.size() - BaseMapBinary::kHeaderBytes), data.data() + 16);
    return data;
}

TopoJsonUnit squareWithHole()
{
    TopoJsonUnit unit;
    unit.name = u"Côte d'Ivoire"_s;
    unit.id = u"384"_s;
    Polygon square;
    square.outer() = Ring{{-180, -90}, {-180, 90}, {180, 90}, {180, -90}, {-180, -90}};
    square.inners().push_back(Ring{{0.123456789, 0}, {1, 0}, {1, 1}, {0.123456789, 0}});
    unit.shape.push_back(square);
    return unit;
}

} // namespace

class TestBaseMapBinary : public QObject
{
    Q_OBJECT
private slots:
    void builtInIsStoredUncompressed_data();
    void builtInIsStoredUncompressed();
    void unitsEqualTheTopoJsons_data();
    void unitsEqualTheTopoJsons();
    void atlasEqualsTheTopoJsonAtlas_data();
    void atlasEqualsTheTopoJsonAtlas();
    void roundTripKeepsNamesHolesAndEdges();
    void damagedBinaryIsRefused_data();
    void damagedBinaryIsRefused();
    void damagedFileIsNamed();
};

void TestBaseMapBinary::builtInIsStoredUncompressed_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("50m") << u":/basemap/countries-50m.bin"_s;
    QTest::newRow("10m") << u":/basemap/countries-10m.bin"_s;
}

void TestBaseMapBinary::builtInIsStoredUncompressed()
{
    // Read in place at every start: a compressed resource would be inflated into a copy first.
    QFETCH(QString, path);
    const QResource resource(path);
    QVERIFY(resource.isValid());
    QCOMPARE(resource.compressionAlgorithm(), QResource::NoCompression);
    QVERIFY(resource.size() > BaseMapBinary::kHeaderBytes);
}

void TestBaseMapBinary::unitsEqualTheTopoJsons_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("binary");
    QTest::addColumn<int>("units");
    QTest::newRow("50m") << sourceFile(u"countries-50m.json"_s) << u":/basemap/countries-50m.bin"_s << 241;
    QTest::newRow("10m") << sourceFile(u"countries-10m.json"_s) << u":/basemap/countries-10m.bin"_s << 255;
}

void TestBaseMapBinary::unitsEqualTheTopoJsons()
{
    QFETCH(QString, json);
    QFETCH(QString, binary);
    QFETCH(int, units);
    const TopoJsonReader::Result read = TopoJsonReader::readFile(json, u"countries"_s, TopoJsonReader::Checks::Shipped);
    QVERIFY2(read.ok(), qPrintable(read.error));
    const TopoJsonReader::Result built = BaseMapBinary::readFile(binary);
    QVERIFY2(built.ok(), qPrintable(built.error));
    QCOMPARE(built.units.size(), units);
    QCOMPARE(built.units.size(), read.units.size());
    for (qsizetype i = 0; i < read.units.size(); ++i) {
        QCOMPARE(built.units[i].name, read.units[i].name);
        QCOMPARE(built.units[i].id, read.units[i].id);
        const QString difference = shapeDifference(built.units[i].shape, read.units[i].shape);
        QVERIFY2(difference.isEmpty(), qPrintable(read.units[i].name + u": "_s + difference));
    }
}

void TestBaseMapBinary::atlasEqualsTheTopoJsonAtlas_data()
{
    QTest::addColumn<int>("detail");
    QTest::addColumn<QString>("json");
    QTest::newRow("50m") << int(Atlas::Detail::Coarse) << sourceFile(u"countries-50m.json"_s);
    QTest::newRow("10m") << int(Atlas::Detail::Fine) << sourceFile(u"countries-10m.json"_s);
}

void TestBaseMapBinary::atlasEqualsTheTopoJsonAtlas()
{
    // The whole load, sovereignty transfers included, gives the atlas the TopoJSON gives.
    QFETCH(int, detail);
    QFETCH(QString, json);
    const Atlas::Result fromJson = Atlas::load(json, u":/basemap/regions.json"_s, Atlas::Detail(detail),
                                               u":/basemap/sovereignty.json"_s, TopoJsonReader::Checks::Shipped);
    QVERIFY2(fromJson.ok(), qPrintable(fromJson.error));
    const Atlas::Result builtIn = Atlas::loadBuiltIn(Atlas::Detail(detail));
    QVERIFY2(builtIn.ok(), qPrintable(builtIn.error));
    QCOMPARE(builtIn.warnings, fromJson.warnings);
    QCOMPARE(builtIn.atlas.regions().size(), fromJson.atlas.regions().size());
    QCOMPARE(builtIn.atlas.groups().size(), fromJson.atlas.groups().size());
    for (qsizetype i = 0; i < fromJson.atlas.regions().size(); ++i) {
        const Region &a = builtIn.atlas.regions()[i], &b = fromJson.atlas.regions()[i];
        QCOMPARE(a.code, b.code);
        QCOMPARE(a.name, b.name);
        const QString difference = shapeDifference(a.shape, b.shape);
        QVERIFY2(difference.isEmpty(), qPrintable(b.code + u": "_s + difference));
    }
}

void TestBaseMapBinary::roundTripKeepsNamesHolesAndEdges()
{
    TopoJsonUnit unnamed;
    const QList<TopoJsonUnit> units{squareWithHole(), unnamed};
    const TopoJsonReader::Result back = BaseMapBinary::decode(BaseMapBinary::encode(units), u"test"_s);
    QVERIFY2(back.ok(), qPrintable(back.error));
    QCOMPARE(back.units.size(), 2);
    QCOMPARE(back.units[0].name, units[0].name);
    QCOMPARE(back.units[0].id, units[0].id);
    QVERIFY2(shapeDifference(back.units[0].shape, units[0].shape).isEmpty(),
             qPrintable(shapeDifference(back.units[0].shape, units[0].shape)));
    // The antimeridian and the poles come back exactly: the cut rings are drawn against them.
    QCOMPARE(back.units[0].shape[0].outer()[0].x(), -180.0);
    QCOMPARE(back.units[0].shape[0].outer()[1].y(), 90.0);
    QVERIFY(back.units[1].name.isEmpty() && back.units[1].shape.empty());
}

void TestBaseMapBinary::damagedBinaryIsRefused_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected");
    const QByteArray good = builtInBytes(u":/basemap/countries-50m.bin"_s);
    QVERIFY(good.size() > 1000);
    QTest::newRow("empty") << QByteArray() << "not a Spheres base map";
    QTest::newRow("shorter than its header") << good.left(20) << "not a Spheres base map";
    QTest::newRow("a JSON file") << QByteArray(R"({"type":"Topology"})") << "not a Spheres base map";
    QByteArray otherVersion = good;
    setU32(otherVersion, 8, BaseMapBinary::kVersion + 1);
    QTest::newRow("another version") << otherVersion << u"format version %1"_s.arg(BaseMapBinary::kVersion + 1);
    QTest::newRow("truncated") << good.left(good.size() / 2) << "truncated or damaged";
    QTest::newRow("truncated, header mended") << withHeaderSize(good.left(good.size() / 2)) << "damaged data at byte";
    QTest::newRow("bytes left over") << withHeaderSize(good + QByteArray(3, '\0')) << "3 bytes left over";
    QByteArray manyUnits = good;
    setU32(manyUnits, 12, 0xffffffffu);
    QTest::newRow("impossible unit count") << manyUnits << "more than the data can hold";
    // The first unit's name and id, then its polygon count, its first ring count and point count.
    const qsizetype nameBytes = qFromLittleEndian<quint32>(good.constData() + 24);
    const qsizetype idBytes = qFromLittleEndian<quint32>(good.constData() + 28 + nameBytes);
    const qsizetype polygonsAt = 32 + nameBytes + idBytes;
    for (const auto &[what, at] : {std::pair{"impossible polygon count", polygonsAt},
                                   std::pair{"impossible ring count", polygonsAt + 4},
                                   std::pair{"impossible point count", polygonsAt + 8}}) {
        QByteArray huge = good;
        setU32(huge, at, 0x7fffffffu);
        QTest::newRow(what) << huge << "damaged data at byte";
    }
    QByteArray noRings = good;
    setU32(noRings, polygonsAt + 4, 0);
    QTest::newRow("polygon without rings") << noRings << "damaged data";
    for (const auto &[what, position] : {std::pair{"latitude beyond a pole", Point(1, 95)},
                                         std::pair{"longitude beyond any unwrapped ring", Point(1000, 0)}}) {
        TopoJsonUnit outside = squareWithHole();
        outside.shape[0].inners()[0][1] = position;
        QTest::newRow(what) << BaseMapBinary::encode({outside}) << "a position outside longitude/latitude range";
    }
    // Header, name, id, polygon, ring and point counts, then a varint whose bytes all say "more".
    const TopoJsonUnit square = squareWithHole();
    const qsizetype firstPoint = BaseMapBinary::kHeaderBytes + 8 + square.name.toUtf8().size() + square.id.toUtf8().size() + 12;
    const QByteArray endless = withHeaderSize(BaseMapBinary::encode({square}).left(firstPoint) + QByteArray(8, '\xff'));
    QTest::newRow("varint that never ends") << endless << "damaged data";
}

void TestBaseMapBinary::damagedBinaryIsRefused()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    const TopoJsonReader::Result r = BaseMapBinary::decode(data, u"broken.bin"_s);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(u"broken.bin: "_s), qPrintable(r.error));
    QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    QVERIFY(r.units.isEmpty());
}

void TestBaseMapBinary::damagedFileIsNamed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"countries.bin"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(builtInBytes(u":/basemap/countries-50m.bin"_s).left(5000));
    file.close();
    const TopoJsonReader::Result truncated = BaseMapBinary::readFile(path);
    QVERIFY(!truncated.ok());
    QVERIFY2(truncated.error.startsWith(path + u": "_s) && truncated.error.contains(u"truncated"_s),
             qPrintable(truncated.error));
    const TopoJsonReader::Result missing = BaseMapBinary::readFile(dir.filePath(u"missing.bin"_s));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error.startsWith(dir.filePath(u"missing.bin"_s)), qPrintable(missing.error));
}

QTEST_GUILESS_MAIN(TestBaseMapBinary)
#include "tst_basemapbinary.moc"
