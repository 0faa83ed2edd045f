// Malformed and user-supplied GeoJSON: refused with the place named, or read as drawn.

#include "tst_layers.h"

void TestLayers::malformedInputIsRejected_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected"); // the place and what is wrong

    QTest::newRow("empty") << QByteArray() << "not valid JSON at byte 0";
    QTest::newRow("not JSON") << QByteArray(R"({"type":"FeatureCollection","features":[{)") << "not valid JSON at byte 41";
    QTest::newRow("top level is an array") << QByteArray("[1, 2]") << "not a GeoJSON FeatureCollection or Feature";
    QTest::newRow("a TopoJSON file") << QByteArray(R"({"type":"Topology","objects":{}})")
                                     << "not a GeoJSON FeatureCollection or Feature (\"type\" is \"Topology\")";
    QTest::newRow("no type") << QByteArray(R"({"features":[]})") << "(it has no \"type\")";
    QTest::newRow("features not an array") << QByteArray(R"({"type":"FeatureCollection","features":{}})")
                                           << "\"features\" must be an array";
    QTest::newRow("member is not a Feature")
        << QByteArray(R"({"type":"FeatureCollection","features":[{"type":"Point","coordinates":[0,0]}]})")
        << "features[0] (feature-1) is not a Feature";
    QTest::newRow("id is an object") << QByteArray(R"({"type":"FeatureCollection","features":[{"type":"Feature","id":{},"geometry":null}]})")
                                     << "features[0]: \"id\" must be a string or a number";
    QTest::newRow("no geometry member")
        << QByteArray(R"({"type":"FeatureCollection","features":[{"type":"Feature","id":"g","properties":{}}]})")
        << "features[0] (g) has no \"geometry\"";

    // Coordinates
    QTest::newRow("coordinate is a string") << collection(R"({"type":"LineString","coordinates":[[0,0],["1",2]]})")
                                            << "features[1] (bad): geometry.coordinates[1][0] is not a number";
    QTest::newRow("longitude out of range") << collection(R"({"type":"LineString","coordinates":[[0,0],[200,10]]})")
                                            << "features[1] (bad): geometry.coordinates[1]: longitude 200 is outside [-180, 180]";
    QTest::newRow("latitude out of range") << collection(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,91],[0,0]]]})")
                                           << "features[1] (bad): geometry.coordinates[0][2]: latitude 91 is outside [-90, 90]";
    QTest::newRow("position without latitude") << collection(R"({"type":"LineString","coordinates":[[0,0],[1]]})")
                                               << "geometry.coordinates[1] needs a longitude and a latitude";
    QTest::newRow("line of one position") << collection(R"({"type":"LineString","coordinates":[[0,0]]})")
                                          << "geometry.coordinates has 1 positions; a LineString needs at least 2";
    QTest::newRow("ring not closed") << collection(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]})")
                                     << "geometry.coordinates[0]: the ring is not closed";
    QTest::newRow("unknown geometry type") << collection(R"({"type":"Circle","coordinates":[0,0],"radius":5})")
                                           << "features[1] (bad): geometry: unknown geometry type \"Circle\"";
    QTest::newRow("geometry without type") << collection(R"({"coordinates":[0,0]})") << "features[1] (bad): geometry has no \"type\"";
    QTest::newRow("coordinates missing") << collection(R"({"type":"LineString"})") << "geometry.coordinates must be an array";
    QTest::newRow("line nested too deeply") << collection(R"({"type":"LineString","coordinates":[[[0,0],[1,1]]]})")
                                            << "features[1] (bad): geometry.coordinates[0]: coordinates are nested deeper than a LineString allows";
    QTest::newRow("polygon nested too deeply")
        << collection(R"({"type":"Polygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]]})")
        << "geometry.coordinates[0][0]: coordinates are nested deeper than a Polygon allows";
    QTest::newRow("point nested too deeply") << collection(R"({"type":"Point","coordinates":[[0,0]]})")
                                             << "features[1] (bad): geometry.coordinates: coordinates are nested deeper than a Point allows";
    QTest::newRow("point without latitude") << collection(R"({"type":"Point","coordinates":[74.8]})")
                                            << "features[1] (bad): geometry.coordinates needs a longitude and a latitude";
    QTest::newRow("point latitude out of range") << collection(R"({"type":"Point","coordinates":[43,100]})")
                                                 << "features[1] (bad): geometry.coordinates: latitude 100 is outside [-90, 90]";
    QTest::newRow("point coordinates an object") << collection(R"({"type":"Point","coordinates":{"lon":1,"lat":2}})")
                                                 << "features[1] (bad): geometry.coordinates must be an array";
    QTest::newRow("point coordinate is a string") << collection(R"({"type":"Point","coordinates":[62.3,"25.1"]})")
                                                  << "features[1] (bad): geometry.coordinates[1] is not a number";
    QTest::newRow("multipoint not nested enough") << collection(R"({"type":"MultiPoint","coordinates":[68.8,38.6]})")
                                                  << "features[1] (bad): geometry.coordinates[0] is not a position";
    QTest::newRow("multipoint longitude out of range")
        << collection(R"({"type":"MultiPoint","coordinates":[[68.8,38.6],[-181,37.8]]})")
        << "features[1] (bad): geometry.coordinates[1]: longitude -181 is outside [-180, 180]";
    QTest::newRow("multipoint nested too deeply") << collection(R"({"type":"MultiPoint","coordinates":[[[68.8,38.6]]]})")
                                                  << "features[1] (bad): geometry.coordinates[0]: coordinates are nested deeper than a MultiPoint allows";
    QTest::newRow("multipolygon not nested enough")
        << collection(R"({"type":"MultiPolygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]})")
        << "geometry.coordinates[0][0][0] is not a position";
    QTest::newRow("inside a GeometryCollection")
        << collection(R"({"type":"GeometryCollection","geometries":[{"type":"LineString","coordinates":[[0,0],[1,1]]},{"type":"LineString","coordinates":[[0,0],[0,-95]]}]})")
        << "features[1] (bad): geometry.geometries[1].coordinates[1]: latitude -95 is outside";

    // Periods
    QTest::newRow("until equals since") << withPeriods(R"([{"since":2010,"until":2010,"status":"x"}])")
                                        << "features[1] (bad): periods[0]: \"until\" (2010, exclusive) must be after \"since\" (2010)";
    QTest::newRow("until before since") << withPeriods(R"([{"since":2010,"until":2005,"status":"x"}])")
                                        << "periods[0]: \"until\" (2005, exclusive) must be after \"since\" (2010)";
    QTest::newRow("overlapping periods")
        << withPeriods(R"([{"since":2000,"until":2010,"status":"a"},{"since":2005,"status":"b"}])")
        << "features[1] (bad): periods[1] (since 2005) overlaps periods[0] (until 2010)";
    QTest::newRow("open period followed by another")
        << withPeriods(R"([{"since":2000,"status":"a"},{"since":2005,"status":"b"}])") << "periods[1] (since 2005) overlaps periods[0] (until open-ended)";
    QTest::newRow("periods out of order")
        << withPeriods(R"([{"since":2010,"until":2012,"status":"a"},{"since":2000,"until":2005,"status":"b"}])")
        << "periods[1] (since 2000) comes before periods[0] (since 2010)";
    QTest::newRow("since is a string") << withPeriods(R"([{"since":"2010","status":"a"}])")
                                       << "periods[0]: \"since\" must be a whole number from 1800 to 2100 (it is not a number)";
    QTest::newRow("since is a fraction") << withPeriods(R"([{"since":2010.5,"status":"a"}])") << "periods[0]: \"since\" must be a whole number from 1800 to 2100 (it is 2010.5)";
    QTest::newRow("since too early") << withPeriods(R"([{"since":1700,"status":"a"}])") << "periods[0]: \"since\" must be a whole number from 1800 to 2100 (it is 1700)";
    QTest::newRow("until too late") << withPeriods(R"([{"since":2000,"until":3000,"status":"a"}])") << "periods[0]: \"until\" must be a whole number from 1800 to 2100 (it is 3000)";
    QTest::newRow("no status") << withPeriods(R"([{"since":2000}])") << "periods[0]: \"status\" is missing";
    QTest::newRow("period not an object") << withPeriods("[2000]") << "periods[0] must be an object";
    QTest::newRow("periods empty") << withPeriods("[]") << "\"periods\" must be a non-empty array";

    // Other properties
    QTest::newRow("name is a number") << collection("null", R"({"name":5})") << "features[1] (bad): \"name\" must be a string";
    QTest::newRow("sources not an array") << collection("null", R"({"sources":"UN"})") << "features[1] (bad): \"sources\" must be an array";
    QTest::newRow("source url is a number") << collection("null", R"({"sources":[{"title":"t","url":5}]})")
                                            << "features[1] (bad): sources[0]: \"url\" must be a string";
    QTest::newRow("claimants not codes") << collection("null", R"({"claimants":["CHN",7]})")
                                         << "features[1] (bad): \"claimants\"[1] must be a non-empty string";
    QTest::newRow("properties an array") << collection("null", "[]") << "features[1] (bad): \"properties\" must be an object or null";

    // Our "spheres" member
    QTest::newRow("unknown kind")
        << QByteArray(R"({"type":"FeatureCollection","spheres":{"id":"x","title":"X","kind":"dots"},"features":[]})")
        << "\"spheres\".kind must be \"lines\", \"membership\", \"zones\", \"sites\" or \"generic\" (it is \"dots\")";
    QTest::newRow("no title")
        << QByteArray(R"({"type":"FeatureCollection","spheres":{"id":"x","kind":"lines"},"features":[]})")
        << "\"spheres\" needs a non-empty \"id\" and \"title\"";
    QTest::newRow("bad asOf")
        << QByteArray(R"({"type":"FeatureCollection","spheres":{"id":"x","title":"X","kind":"lines","asOf":"last year"},"features":[]})")
        << "\"spheres\".asOf must be a date";
    QTest::newRow("membership without iso3")
        << QByteArray(R"({"type":"FeatureCollection","spheres":{"id":"x","title":"X","kind":"membership"},)"
                      R"("features":[{"type":"Feature","id":"m","geometry":null,"properties":{"periods":[{"since":2001,"status":"member"}]}}]})")
        << "features[0] (m): a membership feature needs \"iso3\"";
}

void TestLayers::malformedInputIsRejected()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    const GeoJsonReader::Result r = GeoJsonReader::read(data, QStringLiteral("broken.geojson"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(u"broken.geojson: "), qPrintable(r.error));
    QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    QVERIFY(r.layer.features.isEmpty());
}

void TestLayers::oversizedInputIsRefused()
{
    QByteArray big(GeoJsonReader::kMaxFileBytes + 1, ' ');
    const GeoJsonReader::Result r = GeoJsonReader::read(big, QStringLiteral("huge.geojson"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(u"huge.geojson: ") && r.error.contains(u"larger than 64 MiB"), qPrintable(r.error));
}

void TestLayers::tooManyCoordinatesAreRefused()
{
    // One line of 5 000 001 positions (about 30 MB of JSON).
    const qint64 n = GeoJsonReader::kMaxCoordinates + 1;
    QByteArray data;
    data.reserve(n * 6 + 200);
    data += R"({"type":"Feature","id":"long","geometry":{"type":"LineString","coordinates":[)";
    for (qint64 i = 0; i < n; ++i)
        data += i == 0 ? "[0,0]" : ",[0,0]";
    data += "]},\"properties\":{}}";
    const GeoJsonReader::Result r = GeoJsonReader::read(data, QStringLiteral("long.geojson"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(QStringLiteral("long.geojson: features[0] (long): ")), qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("more than 5000000 coordinates")), qPrintable(r.error));
}

void TestLayers::missingFileIsNamed()
{
    const GeoJsonReader::Result r = GeoJsonReader::readFile(QStringLiteral("/nonexistent/mine.geojson"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(u"/nonexistent/mine.geojson: "), qPrintable(r.error));
}

void TestLayers::userFileLoadsAsGeneric()
{
    // What a user exports from QGIS: no "spheres", no ids, properties of their own.
    const QByteArray data = R"({"type":"FeatureCollection","features":[
        {"type":"Feature","geometry":{"type":"LineString","coordinates":[[10,50],[11,51],[12,51.5]]},
         "properties":{"name":"A road","highway":"primary","lanes":2,"lit":true,"ref":null}},
        {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]},"properties":null},
        {"type":"Feature","id":7,"geometry":null,"properties":{"name":"Nowhere"}}]})";
    const GeoJsonReader::Result r = GeoJsonReader::read(data, QStringLiteral("/home/user/my roads.geojson"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(u'\n')));
    const Layer &layer = r.layer;
    QCOMPARE(layer.kind, LayerKind::Generic);
    QCOMPARE(layer.id, QStringLiteral("my roads"));
    QCOMPARE(layer.title, QStringLiteral("my roads"));
    QVERIFY(!layer.asOf.isValid());
    QCOMPARE(layer.features.size(), 3);
    const Feature &road = layer.features[0];
    QCOMPARE(road.id, QStringLiteral("feature-1"));
    QCOMPARE(road.name, QStringLiteral("A road"));
    QCOMPARE(road.lines.size(), size_t(1));
    QCOMPARE(road.lines[0].size(), size_t(3));
    QVERIFY(road.area.empty());
    QCOMPARE(road.properties.value(QStringLiteral("highway")).toString(), QStringLiteral("primary"));
    QCOMPARE(road.properties.value(QStringLiteral("lanes")).toInt(), 2);
    QCOMPARE(road.properties.value(QStringLiteral("lit")).toBool(), true);
    QVERIFY(road.properties.contains(QStringLiteral("ref")));
    QVERIFY(!road.properties.contains(QStringLiteral("name")));
    QVERIFY(road.details().sources.isEmpty());
    QVERIFY(road.details().periods.isEmpty());
    QVERIFY(road.existsIn(1800) && road.existsIn(2100));
    QCOMPARE(road.statusIn(2020), std::optional<QString>(QString()));
    const Feature &square = layer.features[1];
    QCOMPARE(square.id, QStringLiteral("feature-2"));
    QCOMPARE(square.name, QStringLiteral("feature-2"));
    QCOMPARE(bg::area(square.area), 1.0); // counter-clockwise in the file, corrected
    QCOMPARE(layer.features[2].id, QStringLiteral("7"));
    QCOMPARE(layer.feature(QStringLiteral("feature-2")), &layer.features[1]);
    QCOMPARE(layer.feature(QStringLiteral("feature-9")), nullptr);
}

void TestLayers::singleFeatureLoads()
{
    const QByteArray data = R"({"type":"Feature","id":"solo","geometry":{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[2,2],[3,3]]]},"properties":{"name":"Solo"}})";
    const GeoJsonReader::Result r = GeoJsonReader::read(data, QStringLiteral("solo.geojson"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.layer.kind, LayerKind::Generic);
    QCOMPARE(r.layer.features.size(), 1);
    QCOMPARE(r.layer.features[0].id, QStringLiteral("solo"));
    QCOMPARE(r.layer.features[0].lines.size(), size_t(2));
}

void TestLayers::lineAcrossAntimeridianIsSplit()
{
    // Eastward from Chukotka to Alaska: the longitude jumps from +179 to -179.
    const QByteArray data = R"({"type":"FeatureCollection","features":[{"type":"Feature","id":"cable",
        "geometry":{"type":"LineString","coordinates":[[170,60],[179,61],[-179,63],[-170,64]]},"properties":{}}]})";
    const GeoJsonReader::Result r = GeoJsonReader::read(data, QStringLiteral("cable.geojson"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    const MultiLineString &lines = r.layer.features[0].lines;
    QCOMPARE(lines.size(), size_t(2));
    // Both halves reach the edge of the map, where the line crosses it (halfway: 62°N).
    QCOMPARE(lines[0].front().x(), 170.0);
    QCOMPARE(lines[0].back().x(), 180.0);
    QCOMPARE(lines[0].back().y(), 62.0);
    QCOMPARE(lines[1].front().x(), -180.0);
    QCOMPARE(lines[1].front().y(), 62.0);
    QCOMPARE(lines[1].back().x(), -170.0);
    for (const LineString &part : lines)
        for (size_t i = 1; i < part.size(); ++i)
            QVERIFY(std::abs(part[i].x() - part[i - 1].x()) <= 180.0);
}

void TestLayers::polygonAcrossAntimeridianIsCut()
{
    const QByteArray data = R"({"type":"FeatureCollection","features":[{"type":"Feature","id":"fiji",
        "geometry":{"type":"Polygon","coordinates":[[[170,-20],[-170,-20],[-170,-10],[170,-10],[170,-20]]]},"properties":{}}]})";
    const GeoJsonReader::Result r = GeoJsonReader::read(data, QStringLiteral("fiji.geojson"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(u'\n')));
    const MultiPolygon &area = r.layer.features[0].area;
    QCOMPARE(area.size(), size_t(2));
    QCOMPARE(bg::area(area), 200.0);
}

void TestLayers::pointsAreRead_data()
{
    QTest::addColumn<QByteArray>("geometry");
    QTest::addColumn<QList<QPointF>>("points");
    QTest::addColumn<int>("lines");
    QTest::newRow("Point") << QByteArray(R"({"type":"Point","coordinates":[74.846,42.853]})")
                           << QList<QPointF>{{74.846, 42.853}} << 0;
    QTest::newRow("Point with an elevation") << QByteArray(R"({"type":"Point","coordinates":[43.06,11.59,12]})")
                                             << QList<QPointF>{{43.06, 11.59}} << 0;
    QTest::newRow("MultiPoint") << QByteArray(R"({"type":"MultiPoint","coordinates":[[68.77,38.56],[68.78,37.835]]})")
                                << QList<QPointF>{{68.77, 38.56}, {68.78, 37.835}} << 0;
    QTest::newRow("empty MultiPoint") << QByteArray(R"({"type":"MultiPoint","coordinates":[]})") << QList<QPointF>{} << 0;
    QTest::newRow("on the antimeridian") << QByteArray(R"({"type":"Point","coordinates":[180,-16.5]})")
                                         << QList<QPointF>{{180, -16.5}} << 0;
    QTest::newRow("in a GeometryCollection with a line")
        << QByteArray(R"({"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[116.4,39.9]},)"
                      R"({"type":"LineString","coordinates":[[116,39],[117,40]]}]})")
        << QList<QPointF>{{116.4, 39.9}} << 1;
}

void TestLayers::pointsAreRead()
{
    QFETCH(QByteArray, geometry);
    QFETCH(QList<QPointF>, points);
    QFETCH(int, lines);
    const QByteArray data = R"({"type":"FeatureCollection","features":[{"type":"Feature","id":"site","geometry":)" + geometry
                            + R"(,"properties":{}}]})";
    const GeoJsonReader::Result r = GeoJsonReader::read(data, QStringLiteral("points.geojson"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(u'\n')));
    QCOMPARE(r.layer.features.size(), 1);
    const Feature &f = r.layer.features[0];
    QCOMPARE(f.points.size(), size_t(points.size()));
    for (qsizetype i = 0; i < points.size(); ++i) {
        QCOMPARE(f.points[size_t(i)].x(), points[i].x());
        QCOMPARE(f.points[size_t(i)].y(), points[i].y());
    }
    QCOMPARE(f.lines.size(), size_t(lines));
}

void TestLayers::zeroAreaPolygonIsLeftOut()
{
    // A ring that goes out and back along one line: no area, nothing to draw.
    const QByteArray data = R"({"type":"FeatureCollection","features":[
        {"type":"Feature","id":"flat","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[2,2],[1,1],[0,0]]]},"properties":{}},
        {"type":"Feature","id":"bowtie","geometry":{"type":"Polygon","coordinates":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]},"properties":{}},
        {"type":"Feature","id":"fine","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]},"properties":{}}]})";
    const GeoJsonReader::Result r = GeoJsonReader::read(data, QStringLiteral("shapes.geojson"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QStringList ids;
    for (const Feature &f : r.layer.features)
        ids << f.id;
    QVERIFY2(!ids.contains(QStringLiteral("flat")), qPrintable(ids.join(u' ')));
    QVERIFY(ids.contains(QStringLiteral("fine")));
    bool named = false;
    for (const QString &w : r.warnings)
        named |= w.startsWith(u"shapes.geojson: features[0] (flat): ");
    QVERIFY2(named, qPrintable(r.warnings.join(u'\n')));
    // The self-intersecting bow tie is either repaired or kept with a warning, never silently.
    if (ids.contains(QStringLiteral("bowtie"))) {
        bool warned = false;
        for (const QString &w : r.warnings)
            warned |= w.contains(u"(bowtie)");
        QVERIFY2(warned, qPrintable(r.warnings.join(u'\n')));
    }
}

void TestLayers::duplicateIdsAreMadeUnique()
{
    const QByteArray data = R"({"type":"FeatureCollection","features":[
        {"type":"Feature","id":"a","geometry":null,"properties":{}},
        {"type":"Feature","id":"a","geometry":null,"properties":{}}]})";
    const GeoJsonReader::Result r = GeoJsonReader::read(data, QStringLiteral("dup.geojson"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.layer.features[1].id, QStringLiteral("a-2"));
    QCOMPARE(r.warnings.size(), 1);
    QVERIFY2(r.warnings[0].startsWith(u"dup.geojson: features[1] (a): "), qPrintable(r.warnings[0]));
}

void TestLayers::periodsDecideStatus()
{
    Feature f;
    f.editDetails().periods = {{2000, 2005, QStringLiteral("planned")}, {2008, std::nullopt, QStringLiteral("operating")}};
    QVERIFY(!f.existsIn(1999));
    QCOMPARE(f.statusIn(2000), std::optional<QString>(QStringLiteral("planned")));
    QCOMPARE(f.statusIn(2004), std::optional<QString>(QStringLiteral("planned")));
    QVERIFY(!f.existsIn(2005)); // until is exclusive; a gap until 2008
    QCOMPARE(f.statusIn(2008), std::optional<QString>(QStringLiteral("operating")));
    QCOMPARE(f.statusIn(2100), std::optional<QString>(QStringLiteral("operating")));
    QVERIFY(f.details().periods[0].contains(2004) && !f.details().periods[0].contains(2005));
}
