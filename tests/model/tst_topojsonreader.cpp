#include "atlas.h"
#include "basemapbinary.h"
#include "geoarea.h"
#include "topojsonreader.h"

#include <boost/geometry.hpp>
#include <boost/geometry/algorithms/envelope.hpp>

#include <QRegularExpression>
#include <QTest>

using namespace spheres;
using namespace Qt::StringLiterals;

class TestTopoJsonReader : public QObject
{
    Q_OBJECT
private slots:
    void builtInAtlasLoads_data();
    void builtInAtlasLoads();
    void shippedBaseMapPassesTheFullChecks_data();
    void shippedBaseMapPassesTheFullChecks();
    void regionAreaOnEllipsoid_data();
    void regionAreaOnEllipsoid();
    void antarcticaReachesThePole_data();
    void antarcticaReachesThePole();
    void antimeridianIsCut_data();
    void antimeridianIsCut();
    void reversedArcsAndHoles();
    void ringAcrossAntimeridianIsSplit();
    void malformedInputIsRejected_data();
    void malformedInputIsRejected();
    void missingFileIsNamed();
};

void TestTopoJsonReader::builtInAtlasLoads_data()
{
    QTest::addColumn<int>("detail");
    QTest::addColumn<int>("regions");
    QTest::newRow("50m") << int(Atlas::Detail::Coarse) << 241;
    QTest::newRow("10m") << int(Atlas::Detail::Fine) << 255;
}

void TestTopoJsonReader::shippedBaseMapPassesTheFullChecks_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("builtIn");
    // Units whose quantized outlines touch themselves somewhere (Boost's strict validity): known,
    // drawn and hit-tested correctly. A new name here means the vendored data changed.
    QTest::addColumn<QStringList>("notStrictlyValid");
    QTest::newRow("50m") << QStringLiteral(SPHERES_BASE_MAP_DIR "/countries-50m.json") << u":/basemap/countries-50m.bin"_s << QStringList{};
    QTest::newRow("10m") << QStringLiteral(SPHERES_BASE_MAP_DIR "/countries-10m.json") << u":/basemap/countries-10m.bin"_s << QStringList{u"Indonesia"_s, u"Dhekelia"_s, u"India"_s, u"France"_s, u"Brazil"_s, u"Russia"_s, u"Germany"_s, u"Sweden"_s, u"Vietnam"_s, u"Luxembourg"_s, u"Greece"_s, u"Italy"_s, u"Croatia"_s, u"Saudi Arabia"_s, u"Cuba"_s, u"United States of America"_s, u"Canada"_s, u"Mexico"_s, u"Panama"_s, u"Japan"_s, u"Iceland"_s, u"Fr. Polynesia"_s, u"Kiribati"_s, u"Marshall Is."_s, u"Br. Indian Ocean Ter."_s, u"Maldives"_s};
}

void TestTopoJsonReader::shippedBaseMapPassesTheFullChecks()
{
    // The build decodes the base map without Boost's validity check (Checks::Shipped) into the
    // binary the program reads: this is where that check is made, once, for every unit.
    QFETCH(QString, path);
    QFETCH(QString, builtIn);
    QFETCH(QStringList, notStrictlyValid);
    const TopoJsonReader::Result full = TopoJsonReader::readFile(path, QStringLiteral("countries"));
    QVERIFY2(full.ok(), qPrintable(full.error));
    QStringList names;
    static const QRegularExpression unitName(u"geometry of (.+) is not strictly valid"_s);
    for (const QString &warning : full.warnings)
        if (const QRegularExpressionMatch m = unitName.match(warning); m.hasMatch())
            names << m.captured(1);
    QVERIFY2(names == notStrictlyValid, qPrintable(names.join(u", "_s)));
    QCOMPARE(full.warnings.size(), names.size());
    // What the program reads: the binary the build made of the file (BaseMapBinary), to 1e-7°.
    const TopoJsonReader::Result shipped = BaseMapBinary::readFile(builtIn);
    QVERIFY2(shipped.ok(), qPrintable(shipped.error));
    QCOMPARE(shipped.units.size(), full.units.size());
    QStringList shippedNames;
    for (const TopoJsonUnit &unit : shipped.units)
        if (!bg::is_valid(unit.shape))
            shippedNames << unit.name;
    QVERIFY2(shippedNames == notStrictlyValid, qPrintable(shippedNames.join(u", "_s)));
}

void TestTopoJsonReader::builtInAtlasLoads()
{
    QFETCH(int, detail);
    QFETCH(int, regions);
    const Atlas::Result result = Atlas::loadBuiltIn(Atlas::Detail(detail));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.atlas.regions().size(), regions);
    for (const Region &r : result.atlas.regions()) {
        // Vatican City is below the 1:10m quantization: its ring collapses to a line.
        QVERIFY2(!r.shape.empty() || r.code == QStringLiteral("VAT"), qPrintable(r.name));
        QCOMPARE(r.code.size(), 3);
    }
    QCOMPARE(result.atlas.region(QStringLiteral("CHN"))->name, QStringLiteral("China"));
    QVERIFY(!result.atlas.region(QStringLiteral("KOS"))->isoCode);
    const RegionGroup *centralAsia = result.atlas.group(QStringLiteral("central-asia"));
    QVERIFY(centralAsia);
    QCOMPARE(centralAsia->members.size(), 5);
}

void TestTopoJsonReader::regionAreaOnEllipsoid_data()
{
    QTest::addColumn<int>("detail");
    QTest::addColumn<QString>("code");
    QTest::addColumn<double>("minKm2");
    QTest::addColumn<double>("maxKm2");
    for (int d : {int(Atlas::Detail::Coarse), int(Atlas::Detail::Fine)}) {
        const char *tag = d == int(Atlas::Detail::Coarse) ? "50m" : "10m";
        QTest::addRow("%s China", tag) << d << "CHN" << 9.2e6 << 9.6e6;
        // 10m's longer coastline and its inland water give Russia about 3% more than 50m.
        QTest::addRow("%s Russia", tag) << d << "RUS" << 16.6e6 << (d == int(Atlas::Detail::Coarse) ? 17.2e6 : 17.7e6);
        QTest::addRow("%s Antarctica", tag) << d << "ATA" << 12.0e6 << 14.5e6;
        QTest::addRow("%s Fiji", tag) << d << "FJI" << 1.6e4 << 2.0e4;
        QTest::addRow("%s Kazakhstan", tag) << d << "KAZ" << 2.6e6 << 2.8e6;
    }
}

void TestTopoJsonReader::regionAreaOnEllipsoid()
{
    QFETCH(int, detail);
    QFETCH(QString, code);
    QFETCH(double, minKm2);
    QFETCH(double, maxKm2);
    static const Atlas coarse = Atlas::loadBuiltIn(Atlas::Detail::Coarse).atlas;
    static const Atlas fine = Atlas::loadBuiltIn(Atlas::Detail::Fine).atlas;
    const Atlas &atlas = detail == int(Atlas::Detail::Coarse) ? coarse : fine;
    const Region *region = atlas.region(code);
    QVERIFY(region);
    const double area = ellipsoidalAreaKm2(region->shape);
    QVERIFY2(area >= minKm2 && area <= maxKm2, qPrintable(QStringLiteral("%1: %2 km²").arg(code).arg(area, 0, 'f', 0)));
}

void TestTopoJsonReader::antarcticaReachesThePole_data()
{
    QTest::addColumn<int>("detail");
    QTest::newRow("50m") << int(Atlas::Detail::Coarse);
    QTest::newRow("10m") << int(Atlas::Detail::Fine);
}

void TestTopoJsonReader::antarcticaReachesThePole()
{
    // world-atlas closes Antarctica with a ring at 89.999°S: the land goes on to the pole, and
    // no hole lies outside its exterior (which made the unit invalid at 1:50m).
    QFETCH(int, detail);
    const Atlas atlas = Atlas::loadBuiltIn(Atlas::Detail(detail)).atlas;
    const Region *antarctica = atlas.region(u"ATA"_s);
    QVERIFY(antarctica);
    for (const double lon : {-179.5, -90.0, 0.0, 90.0, 179.5})
        QVERIFY2(bg::covered_by(Point(lon, -89.9995), antarctica->shape), qPrintable(QString::number(lon)));
    for (const Polygon &polygon : antarctica->shape) {
        Box exterior;
        bg::envelope(polygon.outer(), exterior);
        for (const Ring &hole : polygon.inners()) {
            Box box;
            bg::envelope(hole, box);
            QVERIFY2(bg::covered_by(box, exterior), "a hole outside its exterior");
        }
    }
}

void TestTopoJsonReader::antimeridianIsCut_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("Russia") << "RUS";
    QTest::newRow("Fiji") << "FJI";
}

void TestTopoJsonReader::antimeridianIsCut()
{
    QFETCH(QString, code);
    static const Atlas atlas = Atlas::loadBuiltIn(Atlas::Detail::Coarse).atlas;
    bool east = false, west = false;
    for (const Polygon &p : atlas.region(code)->shape) {
        Box box;
        bg::envelope(p, box);
        QVERIFY(box.min_corner().x() >= -180.0 && box.max_corner().x() <= 180.0);
        // No part may jump across the map: a part of Russia spans less than 180° of longitude.
        QVERIFY(box.max_corner().x() - box.min_corner().x() < 180.0);
        east |= box.max_corner().x() > 179.99;
        west |= box.min_corner().x() < -179.99;
    }
    QVERIFY2(east && west, "expected parts on both sides of the antimeridian");
}

void TestTopoJsonReader::reversedArcsAndHoles()
{
    // Two squares sharing an edge (arc 1, used reversed by the second) and a hole in the first.
    const QByteArray topo = R"({"type":"Topology","arcs":[
        [[10,0],[0,0],[0,10],[10,10]], [[10,10],[10,0]],
        [[10,0],[20,0],[20,10],[10,10]], [[2,2],[4,2],[4,4],[2,4],[2,2]]],
      "objects":{"countries":{"type":"GeometryCollection","geometries":[
        {"type":"Polygon","id":"1","properties":{"name":"A"},"arcs":[[0,1],[3]]},
        {"type":"Polygon","id":"2","properties":{"name":"B"},"arcs":[[2,-2]]}]}}})";
    const TopoJsonReader::Result r = TopoJsonReader::read(topo, QStringLiteral("countries"), QStringLiteral("test"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.units.size(), 2);
    QCOMPARE(r.units[0].shape.size(), size_t(1));
    QCOMPARE(r.units[0].shape[0].inners().size(), size_t(1));
    QCOMPARE(bg::area(r.units[0].shape), 100.0 - 4.0);
    QCOMPARE(r.units[1].shape[0].outer().size(), size_t(5)); // 4 + the reversed shared arc's far end
    QCOMPARE(bg::area(r.units[1].shape), 100.0);
    QVERIFY(r.warnings.isEmpty());
}

void TestTopoJsonReader::ringAcrossAntimeridianIsSplit()
{
    // A quantized square from 170°E to 170°W, stored as world-atlas does: longitudes jump.
    const QByteArray topo = R"({"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},
      "arcs":[[[170,60],[10,0],[-360,0],[10,0],[0,-10],[-10,0],[360,0],[-10,0],[0,10]]],
      "objects":{"countries":{"type":"GeometryCollection","geometries":[
        {"type":"Polygon","properties":{"name":"X"},"arcs":[[0]]}]}}})";
    const TopoJsonReader::Result r = TopoJsonReader::read(topo, QStringLiteral("countries"), QStringLiteral("test"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    const MultiPolygon &shape = r.units[0].shape;
    QCOMPARE(shape.size(), size_t(2));
    QCOMPARE(bg::area(shape), 200.0);
    for (const Polygon &p : shape) {
        Box box;
        bg::envelope(p, box);
        QCOMPARE(box.max_corner().x() - box.min_corner().x(), 10.0);
    }
}

void TestTopoJsonReader::malformedInputIsRejected_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray() << "not valid JSON";
    QTest::newRow("truncated") << QByteArray(R"({"type":"Topology","arcs":[[[0,0],[1)") << "not valid JSON at byte";
    QTest::newRow("not a topology") << QByteArray(R"({"type":"FeatureCollection"})") << "not a TopoJSON topology";
    QTest::newRow("no object") << QByteArray(R"({"type":"Topology","arcs":[],"objects":{}})") << "no object \"countries\"";
    QTest::newRow("bad arc index")
        << QByteArray(R"({"type":"Topology","arcs":[[[0,0],[1,0],[1,1],[0,0]]],"objects":{"countries":{"type":"GeometryCollection","geometries":[{"type":"Polygon","properties":{"name":"Z"},"arcs":[[7]]}]}}})")
        << "arc index 7 is out of range";
    QTest::newRow("bad position")
        << QByteArray(R"({"type":"Topology","arcs":[[[0,"x"]]],"objects":{"countries":{}}})") << "not a pair of numbers";
    QTest::newRow("out of range")
        << QByteArray(R"({"type":"Topology","arcs":[[[500,0]]],"objects":{"countries":{}}})") << "outside longitude/latitude";
    QTest::newRow("bad transform") << QByteArray(R"({"type":"Topology","transform":{"scale":[1]},"arcs":[],"objects":{}})")
                                   << "\"transform\" needs";
    QTest::newRow("unsupported type")
        << QByteArray(R"({"type":"Topology","arcs":[],"objects":{"countries":{"type":"GeometryCollection","geometries":[{"type":"Point","properties":{"name":"P"}}]}}})")
        << "\"Point\" is not supported";
}

void TestTopoJsonReader::malformedInputIsRejected()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    const TopoJsonReader::Result r = TopoJsonReader::read(data, QStringLiteral("countries"), QStringLiteral("broken.json"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(QStringLiteral("broken.json: ")), qPrintable(r.error));
    QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    QVERIFY(r.units.isEmpty());
}

void TestTopoJsonReader::missingFileIsNamed()
{
    const Atlas::Result r = Atlas::load(QStringLiteral("/nonexistent/countries.json"), QStringLiteral(":/basemap/regions.json"),
                                        Atlas::Detail::Coarse);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QStringLiteral("/nonexistent/countries.json")), qPrintable(r.error));
}

QTEST_GUILESS_MAIN(TestTopoJsonReader)
#include "tst_topojsonreader.moc"
