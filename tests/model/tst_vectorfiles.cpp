// Users' vector files through GDAL: every format, reprojection, multi-layer files and hostile
// files. The fixtures are written with GDAL at run time (tests/support/vectorfixtures.h).
#include "../support/vectorfixtures.h"
#include "vectorfilereader.h"

#include <boost/geometry/algorithms/envelope.hpp>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace spheres;
using namespace spheres::fixtures;
using namespace Qt::StringLiterals;

namespace {

/// What a feature read back should be: its id and name, how many points, lines and polygons it
/// has, and its first position in lon/lat.
struct Expected
{
    QString id;
    QString name;
    int points = 0, lines = 0, polygons = 0;
    double lon = 0, lat = 0;
};

/// A point's or a line's first position; an area's south-west corner (writers may turn rings).
Point firstPosition(const Feature &f)
{
    if (!f.points.empty())
        return f.points.front();
    if (!f.lines.empty())
        return f.lines.front().front();
    return bg::return_envelope<bg::model::box<Point>>(f.area).min_corner();
}

/// EPSG:3857 (spherical Web Mercator) metres of a lon/lat position.
QByteArray mercatorPoint(double lon, double lat)
{
    constexpr double r = 6378137.0;
    const double x = r * lon * M_PI / 180.0, y = r * std::log(std::tan(M_PI / 4 + lat * M_PI / 360.0));
    return "POINT (" + QByteArray::number(x, 'f', 9) + ' ' + QByteArray::number(y, 'f', 9) + ')';
}

QString writeCsv(const QString &path, const QByteArray &text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return file.errorString();
    return {};
}

const QList<FixtureFeature> kMixed = {
    {u"a"_s, u"Kashgar"_s, "POINT (75.99 39.47)", 700000},
    {u"b"_s, u"Line"_s, "LINESTRING (70 40, 80 45, 90 42)", 0},
    {u"c"_s, u"Box"_s, "POLYGON ((100 30, 110 30, 110 40, 100 40, 100 30))", 0},
    {u"d"_s, u"Two boxes"_s, "MULTIPOLYGON (((60 10, 61 10, 61 11, 60 11, 60 10)), ((62 10, 63 10, 63 11, 62 11, 62 10)))", 0},
};
const QList<Expected> kMixedExpected = {
    {u"a"_s, u"Kashgar"_s, 1, 0, 0, 75.99, 39.47},
    {u"b"_s, u"Line"_s, 0, 1, 0, 70, 40},
    {u"c"_s, u"Box"_s, 0, 0, 1, 100, 30},
    {u"d"_s, u"Two boxes"_s, 0, 0, 2, 60, 10},
};

QString shapefileOfPolygons(const QString &dir, int epsg = 4326)
{
    const QString path = dir + u"/zones.shp"_s;
    const QString error = writeVectorFile("ESRI Shapefile", path,
                                          {{u"zones"_s, epsg, wkbPolygon, {kMixed[2], {u"e"_s, u"Other"_s, "POLYGON ((0 0, 5 0, 5 5, 0 5, 0 0))", 3}}}});
    return error.isEmpty() ? path : QString();
}

} // namespace

class TestVectorFiles : public QObject
{
    Q_OBJECT
private slots:
    void readsEachFormat_data();
    void readsEachFormat();
    void reprojectsToLonLat();
    void fileWithoutCrsIsTakenAsLonLat();
    void keepsAttributesAsProperties();
    void warnsInTheFilesOrder_data();
    void warnsInTheFilesOrder();
    void listsAndReadsLayersOfAMultiLayerFile();
    void geoJsonKeepsItsStrictReader();
    void refusesHostileFiles_data();
    void refusesHostileFiles();

private:
    QTemporaryDir m_dir;
};

void TestVectorFiles::readsEachFormat_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("driver"); ///< empty: CSV written as text
    QTest::addColumn<QList<Expected>>("expected");

    QTest::newRow("GeoPackage") << u"mixed.gpkg"_s << u"GPKG"_s << kMixedExpected;
    QTest::newRow("FlatGeobuf") << u"mixed.fgb"_s << u"FlatGeobuf"_s << kMixedExpected;
    QTest::newRow("GeoJSONSeq") << u"mixed.geojsons"_s << u"GeoJSONSeq"_s << kMixedExpected;
    QTest::newRow("KML") << u"mixed.kml"_s << u"LIBKML"_s << kMixedExpected;
    QTest::newRow("Shapefile") << u"zones.shp"_s << u"ESRI Shapefile"_s
                               << QList<Expected>{kMixedExpected[2], {u"e"_s, u"Other"_s, 0, 0, 1, 0, 0}};
    QTest::newRow("CSV") << u"events.csv"_s << QString()
                         << QList<Expected>{{u"e1"_s, u"Summit"_s, 1, 0, 0, 76.95, 43.25},
                                            {u"e2"_s, u"Drill"_s, 1, 0, 0, 131.9, 43.1}};
}

void TestVectorFiles::readsEachFormat()
{
    QFETCH(QString, file);
    QFETCH(QString, driver);
    QFETCH(QList<Expected>, expected);
    const QString path = m_dir.filePath(file);
    if (driver.isEmpty())
        QCOMPARE(writeCsv(path, "ID,Name,Latitude,Longitude,kind\ne1,Summit,43.25,76.95,meeting\ne2,Drill,43.1,131.9,exercise\n"),
                 QString());
    else if (driver == u"ESRI Shapefile")
        QVERIFY(!shapefileOfPolygons(m_dir.path()).isEmpty());
    else
        QCOMPARE(writeVectorFile(driver.toUtf8().constData(), path, {{u"mixed"_s, 4326, wkbUnknown, kMixed}}), QString());

    const VectorFileReader::Result result = VectorFileReader::readFile(path);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const Layer &layer = result.layer;
    QCOMPARE(layer.kind, LayerKind::Generic);
    QCOMPARE(layer.id, QFileInfo(file).completeBaseName());
    QCOMPARE(layer.features.size(), expected.size());
    for (const Expected &e : expected) { // FlatGeobuf's spatial index orders features along a curve
        const Feature *found = layer.feature(e.id);
        QVERIFY2(found, qPrintable(e.id));
        const Feature &f = *found;
        QCOMPARE(f.name, e.name);
        QCOMPARE(int(f.points.size()), e.points);
        QCOMPARE(int(f.lines.size()), e.lines);
        QCOMPARE(int(f.area.size()), e.polygons);
        QVERIFY(f.details().periods.isEmpty()); // exists in every year
        const Point p = firstPosition(f);
        QVERIFY2(std::abs(p.x() - e.lon) < 1e-6 && std::abs(p.y() - e.lat) < 1e-6,
                 qPrintable(u"%1: (%2, %3)"_s.arg(f.id).arg(p.x()).arg(p.y())));
    }
}

void TestVectorFiles::reprojectsToLonLat()
{
    const QString path = m_dir.filePath(u"mercator.gpkg"_s);
    QCOMPARE(writeVectorFile("GPKG", path,
                             {{u"sites"_s, 3857, wkbPoint,
                               {{u"vl"_s, u"Vladivostok"_s, mercatorPoint(131.885, 43.1155)},
                                {u"sv"_s, u"Sevastopol"_s, mercatorPoint(33.5254, 44.6166)},
                                {u"w"_s, u"West"_s, mercatorPoint(-170.25, -60.5)}}}}),
             QString());
    const VectorFileReader::Result result = VectorFileReader::readFile(path);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(u'\n')));
    const QList<std::pair<double, double>> lonLat = {{131.885, 43.1155}, {33.5254, 44.6166}, {-170.25, -60.5}};
    QCOMPARE(result.layer.features.size(), lonLat.size());
    for (qsizetype i = 0; i < lonLat.size(); ++i) {
        const Point p = result.layer.features[i].points.front();
        QVERIFY2(std::abs(p.x() - lonLat[i].first) < 1e-6 && std::abs(p.y() - lonLat[i].second) < 1e-6,
                 qPrintable(u"(%1, %2)"_s.arg(p.x(), 0, 'f', 9).arg(p.y(), 0, 'f', 9)));
    }
}

void TestVectorFiles::fileWithoutCrsIsTakenAsLonLat()
{
    QTemporaryDir dir;
    const QString path = shapefileOfPolygons(dir.path(), 0);
    QVERIFY(!path.isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(u"zones.prj"_s)));
    const VectorFileReader::Result result = VectorFileReader::readFile(path);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.layer.features.size(), 2);
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY(result.warnings.front().contains(path));
    QVERIFY(result.warnings.front().contains(u"longitude and latitude"_s));
}

void TestVectorFiles::keepsAttributesAsProperties()
{
    const QString path = m_dir.filePath(u"attributes.gpkg"_s);
    QCOMPARE(writeVectorFile("GPKG", path, {{u"towns"_s, 4326, wkbPoint, {kMixed[0]}}}), QString());
    const VectorFileReader::Result result = VectorFileReader::readFile(path);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const Feature &f = result.layer.features.front();
    QCOMPARE(f.properties.value(u"pop"_s), QVariant(qlonglong(700000)));
    QVERIFY(!f.properties.contains(u"name"_s)); // the feature's name, not a property
    QVERIFY(!f.properties.contains(u"id"_s));
}

void TestVectorFiles::warnsInTheFilesOrder_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("a few") << 30;
    QTest::newRow("more than are checked at once") << 9000;
}

/// Outlines are checked many at a time, on every core: what is said of them, the features left
/// out and the ids made unique still come in the file's order, as one feature after another.
void TestVectorFiles::warnsInTheFilesOrder()
{
    QFETCH(int, count);
    const auto kindOf = [](int i) { return i % 7 == 3 ? 'i' : i % 11 == 5 ? 'f' : 'v'; }; // invalid, flat, valid
    const auto idOf = [](int i) { return i % 13 == 0 ? u"dup"_s : u"f%1"_s.arg(i); };
    QList<FixtureFeature> features;
    for (int i = 0; i < count; ++i) {
        const QByteArray x = QByteArray::number(i % 100), y = QByteArray::number(i / 100 % 80);
        const QByteArray x1 = QByteArray::number(i % 100 + 0.5), y1 = QByteArray::number(i / 100 % 80 + 0.5);
        const QByteArray wkt = kindOf(i) == 'i'   ? "POLYGON ((" + x + ' ' + y + ", " + x1 + ' ' + y1 + ", " + x1 + ' ' + y + ", " + x + ' '
                                                      + QByteArray::number(i / 100 % 80 + 0.1) + ", " + x + ' ' + y + "))"
                               : kindOf(i) == 'f' ? "POLYGON ((" + x + ' ' + y + ", " + x1 + ' ' + y + ", " + x1 + "1 " + y + ", " + x + ' ' + y + "))"
                                                  : "POLYGON ((" + x + ' ' + y + ", " + x + ' ' + y1 + ", " + x1 + ' ' + y1 + ", " + x1 + ' ' + y
                                                        + ", " + x + ' ' + y + "))";
        features << FixtureFeature{idOf(i), u"Parcel %1"_s.arg(i), wkt};
    }
    const QString path = m_dir.filePath(u"order-%1.gpkg"_s.arg(count));
    QCOMPARE(writeVectorFile("GPKG", path, {{u"parcels"_s, 4326, wkbPolygon, features}}), QString());
    const VectorFileReader::Result result = VectorFileReader::readFile(path);
    QVERIFY2(result.ok(), qPrintable(result.error));

    QStringList expectedIds, expectedWarnings; // warnings up to the reason Boost gives
    int duplicates = 0;
    for (int i = 0; i < count; ++i) {
        const QString place = u"%1: layer \"parcels\", feature %2 (%3): "_s.arg(path).arg(i + 1).arg(idOf(i));
        if (kindOf(i) == 'f') {
            expectedWarnings << place + u"the outline has no area ("_s;
            continue;
        }
        if (kindOf(i) == 'i')
            expectedWarnings << place + u"the outline is not valid ("_s;
        QString id = idOf(i);
        if (id == u"dup" && duplicates++ > 0) {
            id = u"dup-%1"_s.arg(duplicates);
            expectedWarnings << place + u"the id is used before; renamed \"%1\""_s.arg(id);
        }
        expectedIds << id;
    }
    QStringList ids;
    for (const Feature &f : result.layer.features)
        ids << f.id;
    QCOMPARE(ids, expectedIds);
    QCOMPARE(result.warnings.size(), expectedWarnings.size());
    for (qsizetype i = 0; i < expectedWarnings.size(); ++i)
        QVERIFY2(result.warnings[i].startsWith(expectedWarnings[i]), qPrintable(result.warnings[i] + u" / "_s + expectedWarnings[i]));
}

void TestVectorFiles::listsAndReadsLayersOfAMultiLayerFile()
{
    const QString path = m_dir.filePath(u"city.gpkg"_s);
    QCOMPARE(writeVectorFile("GPKG", path,
                             {{u"roads"_s, 4326, wkbLineString, {kMixed[1]}},
                              {u"towns"_s, 4326, wkbPoint, {kMixed[0], {u"z"_s, u"Zed"_s, "POINT (1 2)"}}}}),
             QString());
    const VectorFileReader::Contents contents = VectorFileReader::listLayers(path);
    QVERIFY2(contents.ok(), qPrintable(contents.error));
    QCOMPARE(contents.layers, QStringList({u"roads"_s, u"towns"_s}));

    const VectorFileReader::Result towns = VectorFileReader::readFile(path, u"towns"_s);
    QVERIFY2(towns.ok(), qPrintable(towns.error));
    QCOMPARE(towns.layer.id, u"city-towns"_s);
    QCOMPARE(towns.layer.features.size(), 2);
    QCOMPARE(towns.layer.features[1].name, u"Zed"_s);

    const QList<VectorFileReader::Result> all = VectorFileReader::readAllLayers(path);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].layer.id, u"city-roads"_s);
    QCOMPARE(all[0].layer.features.front().lines.size(), size_t(1));

    const VectorFileReader::Result missing = VectorFileReader::readFile(path, u"rivers"_s);
    QVERIFY(!missing.ok());
    QVERIFY(missing.error.contains(path) && missing.error.contains(u"rivers"_s));
}

void TestVectorFiles::geoJsonKeepsItsStrictReader()
{
    const QString path = m_dir.filePath(u"broken.geojson"_s);
    QCOMPARE(writeCsv(path, R"({"type": "FeatureCollection", "features": [)"), QString());
    const VectorFileReader::Result result = VectorFileReader::readFile(path);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.startsWith(path + u": not valid JSON at byte"_s), qPrintable(result.error));
}

void TestVectorFiles::refusesHostileFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");

    QTest::newRow("truncated .shp") << u"truncated/zones.shp"_s << u"truncate"_s << QString();
    QTest::newRow(".shp without .shx") << u"noshx/zones.shp"_s << u"noshx"_s << u".shx"_s;
    QTest::newRow("CSV without coordinates") << u"nocoords.csv"_s << u"csv"_s << u"no longitude and latitude columns"_s;
    QTest::newRow("empty file") << u"empty.gpkg"_s << u"empty"_s << u"the file is empty"_s;
    QTest::newRow("not a vector file") << u"garbage.gpkg"_s << u"garbage"_s << QString();
    QTest::newRow("too many features") << u"many.gpkg"_s << u"features"_s << u"more than 10 features"_s;
    QTest::newRow("too many coordinates") << u"long.fgb"_s << u"coordinates"_s << u"more than 50 coordinates"_s;
    QTest::newRow("too large") << u"large.gpkg"_s << u"bytes"_s << u"larger than"_s;
    QTest::newRow("latitude out of range") << u"badlat.csv"_s << u"badlat"_s << u"feature 1 (x)"_s;
    QTest::newRow("no such file") << u"missing.kml"_s << u"missing"_s << u"no such file"_s;
}

void TestVectorFiles::refusesHostileFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, kind);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(file);
    QDir().mkpath(QFileInfo(path).path());
    VectorFileReader::Limits limits;
    QList<FixtureFeature> points;
    for (int i = 0; i < 20; ++i)
        points << FixtureFeature{u"p%1"_s.arg(i), QString(), "POINT (10 10)"};
    if (kind == u"truncate" || kind == u"noshx") {
        QVERIFY(!shapefileOfPolygons(QFileInfo(path).path()).isEmpty());
        QFile shp(path);
        if (kind == u"truncate")
            QVERIFY(shp.resize(shp.size() - 60)); // the second polygon's rings are cut
        else
            QVERIFY(QFile::remove(QFileInfo(path).path() + u"/zones.shx"_s));
    } else if (kind == u"csv") {
        QCOMPARE(writeCsv(path, "place,when\nAstana,2024\n"), QString());
    } else if (kind == u"badlat") {
        QCOMPARE(writeCsv(path, "id,lon,lat\nx,10,95\n"), QString());
    } else if (kind == u"empty") {
        QCOMPARE(writeCsv(path, ""), QString());
    } else if (kind == u"garbage") {
        QCOMPARE(writeCsv(path, QByteArray(4096, '\x7f')), QString());
    } else if (kind == u"features") {
        QCOMPARE(writeVectorFile("GPKG", path, {{u"p"_s, 4326, wkbPoint, points}}), QString());
        limits.maxFeatures = 10;
    } else if (kind == u"coordinates") {
        QByteArray line = "LINESTRING (";
        for (int i = 0; i < 60; ++i)
            line += (i ? ", " : "") + QByteArray::number(i) + " 1";
        QCOMPARE(writeVectorFile("FlatGeobuf", path, {{u"l"_s, 4326, wkbLineString, {{u"long"_s, QString(), line + ')'}}}}),
                 QString());
        limits.maxCoordinates = 50;
    } else if (kind == u"bytes") {
        QCOMPARE(writeVectorFile("GPKG", path, {{u"p"_s, 4326, wkbPoint, points}}), QString());
        limits.maxFileBytes = 1024;
    }

    const VectorFileReader::Result result = VectorFileReader::readFile(path, QString(), limits);
    QVERIFY2(!result.ok(), qPrintable(u"%1 features read"_s.arg(result.layer.features.size())));
    QVERIFY2(result.error.startsWith(path + u':'), qPrintable(result.error));
    QVERIFY2(result.error.contains(message), qPrintable(result.error));
    QVERIFY(result.layer.features.isEmpty());
    QVERIFY(!result.error.contains(u'\n'));
}

QTEST_GUILESS_MAIN(TestVectorFiles)
#include "tst_vectorfiles.moc"
