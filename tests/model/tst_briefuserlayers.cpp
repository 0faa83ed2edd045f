// A brief remembers its users' layers: each file's path relative to the brief, the layer of a
// multi-layer file and its style, read back equal; a missing, odd or oversized file is a message
// naming the brief, the path and the problem, and the brief's other layers still open.
#include "../support/vectorfixtures.h"

#include "attributeclassifier.h"
#include "briefio.h"
#include "briefuserlayers.h"
#include "geojsonreader.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include "../support/squareslayer.h"

using namespace spheres;
using namespace Qt::StringLiterals;

namespace {

using test::squaresGeoJson;
using test::writeFile;

/// Two layers in one GeoPackage: "roads" and "towns".
QString writeTwoLayerPackage(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    using namespace spheres::fixtures;
    return writeVectorFile("GPKG", path,
                           {FixtureLayer{u"roads"_s, 4326, wkbLineString, {{u"r1"_s, u"Road"_s, "LINESTRING (60 40, 70 45)", 3}}},
                            FixtureLayer{u"towns"_s, 4326, wkbPoint, {{u"t1"_s, u"Town"_s, "POINT (65 42)", 5000},
                                                                     {u"t2"_s, u"City"_s, "POINT (66 43)", 90000}}}});
}

} // namespace

class TestBriefUserLayers : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void saveAsElsewhereKeepsTheFiles();
    void unreadableLayersAreNamedAndTheRestOpens_data();
    void unreadableLayersAreNamedAndTheRestOpens();
    void malformedEntriesAreRefused_data();
    void malformedEntriesAreRefused();
};

void TestBriefUserLayers::roundTrip_data()
{
    QTest::addColumn<QString>("file");      // relative to the temporary folder
    QTest::addColumn<QString>("briefFile"); // likewise
    QTest::addColumn<QString>("layerName");
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("method");
    QTest::addColumn<int>("classes");
    QTest::addColumn<QString>("written"); // the path as the brief file says it
    QTest::addColumn<QString>("layerId");
    const int cat = int(AttributeStyle::Method::Categories), q = int(AttributeStyle::Method::Quantiles),
              eq = int(AttributeStyle::Method::EqualIntervals);
    QTest::newRow("beside the brief, plain") << u"squares.geojson"_s << u"brief.spheres.json"_s << QString() << QString()
                                            << cat << 5 << u"squares.geojson"_s << u"squares"_s;
    QTest::newRow("in a subfolder, by category") << u"data/squares.geojson"_s << u"brief.spheres.json"_s << QString()
                                                 << u"kind"_s << cat << 5 << u"data/squares.geojson"_s << u"squares"_s;
    QTest::newRow("in a parent folder, quantiles") << u"shared/squares.geojson"_s << u"briefs/b.spheres.json"_s << QString()
                                                   << u"pop"_s << q << 3 << u"../shared/squares.geojson"_s << u"squares"_s;
    QTest::newRow("a layer of a GeoPackage, equal intervals")
        << u"data/two.gpkg"_s << u"brief.spheres.json"_s << u"towns"_s << u"pop"_s << eq << 4 << u"data/two.gpkg"_s
        << u"two-towns"_s;
    QTest::newRow("a name with spaces and non-ASCII") << u"données/carré ü.geojson"_s << u"brief.spheres.json"_s
                                                      << QString() << u"kind"_s << cat << 5 << u"données/carré ü.geojson"_s
                                                      << u"carré ü"_s;
}

void TestBriefUserLayers::roundTrip()
{
    QFETCH(QString, file);
    QFETCH(QString, briefFile);
    QFETCH(QString, layerName);
    QFETCH(QString, field);
    QFETCH(int, method);
    QFETCH(int, classes);
    QFETCH(QString, written);
    QFETCH(QString, layerId);
    QTemporaryDir dir;
    const QString layerPath = dir.filePath(file), briefPath = dir.filePath(briefFile);
    if (file.endsWith(u".gpkg"_s)) {
        const QString error = writeTwoLayerPackage(layerPath);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    } else {
        QVERIFY(writeFile(layerPath, squaresGeoJson()));
    }
    QDir().mkpath(QFileInfo(briefPath).absolutePath());

    // What the window holds (absolute), saved as the window saves it (relative to the brief).
    Brief brief;
    brief.title = u"Layers"_s;
    brief.userLayers << UserLayerSource{layerPath, layerName, {field, AttributeStyle::Method(method), classes}};
    Brief saved = brief;
    BriefUserLayers::relativeAll(saved, briefPath);
    QCOMPARE(saved.userLayers.front().path, written);
    QVERIFY(BriefWriter::save(saved, briefPath).isEmpty());

    BriefReader::Result read = BriefReader::readFile(briefPath);
    QVERIFY2(read.ok(), qPrintable(read.error));
    QVERIFY2(read.warnings.isEmpty(), qPrintable(read.warnings.join(u'\n')));
    QCOMPARE(read.brief.userLayers, saved.userLayers); // the file says what was saved
    BriefUserLayers::resolveAll(read.brief, briefPath);
    QCOMPARE(read.brief.userLayers.front().path, QDir::cleanPath(layerPath));
    QCOMPARE(read.brief.userLayers.front().style, brief.userLayers.front().style);

    // And the layer itself opens, styled as the brief says.
    const BriefUserLayers::Loaded loaded = BriefUserLayers::load(saved, 0, briefPath);
    QVERIFY2(loaded.problem.isEmpty(), qPrintable(loaded.problem));
    QVERIFY(loaded.layer);
    QCOMPARE(loaded.layer->id, layerId);
    QCOMPARE(loaded.layer->style, brief.userLayers.front().style);
    QCOMPARE(bool(loaded.layer->classes), !field.isEmpty());
    if (loaded.layer->classes)
        QCOMPARE(loaded.layer->classes->featureClass.size(), loaded.layer->features.size());
}

void TestBriefUserLayers::saveAsElsewhereKeepsTheFiles()
{
    // The same brief saved in two folders names the same file from each.
    QTemporaryDir dir;
    const QString layerPath = dir.filePath(u"data/squares.geojson"_s);
    QVERIFY(writeFile(layerPath, squaresGeoJson()));
    Brief brief;
    brief.userLayers << UserLayerSource{layerPath, {}, {}};
    for (const QString &where : {u"a/b/c/brief.spheres.json"_s, u"brief.spheres.json"_s, u"data/brief.spheres.json"_s}) {
        const QString briefPath = dir.filePath(where);
        QDir().mkpath(QFileInfo(briefPath).absolutePath());
        Brief saved = brief;
        BriefUserLayers::relativeAll(saved, briefPath);
        QVERIFY2(QDir::isRelativePath(saved.userLayers.front().path), qPrintable(saved.userLayers.front().path));
        QVERIFY(BriefWriter::save(saved, briefPath).isEmpty());
        const BriefReader::Result read = BriefReader::readFile(briefPath);
        QVERIFY(read.ok());
        const BriefUserLayers::Loaded loaded = BriefUserLayers::load(read.brief, 0, briefPath);
        QVERIFY2(loaded.layer, qPrintable(loaded.problem));
        QCOMPARE(loaded.layer->features.size(), 2);
    }
}

void TestBriefUserLayers::unreadableLayersAreNamedAndTheRestOpens_data()
{
    QTest::addColumn<QString>("path"); // as the brief says it; "@big" and "@dir" are made by the test
    QTest::addColumn<QString>("problem");
    QTest::newRow("missing") << u"gone/nowhere.gpkg"_s << u"no such file"_s;
    QTest::newRow("a folder") << u"@dir"_s << u"not a regular file"_s;
    QTest::newRow("/dev/zero") << u"/dev/zero"_s << u"not a regular file"_s;
    QTest::newRow("a FIFO") << u"@fifo"_s << u"not a regular file"_s;
    QTest::newRow("too large, GeoJSON") << u"@big.geojson"_s << u"larger than"_s;
    QTest::newRow("too large, GeoPackage") << u"@big.gpkg"_s << u"larger than"_s;
    QTest::newRow("broken GeoJSON") << u"@broken.geojson"_s << u"broken.geojson"_s;
    QTest::newRow("no such layer") << u"@two.gpkg#rivers"_s << u"no layer \"rivers\""_s;
}

void TestBriefUserLayers::unreadableLayersAreNamedAndTheRestOpens()
{
    QFETCH(QString, path);
    QFETCH(QString, problem);
    QTemporaryDir dir;
    const QString briefPath = dir.filePath(u"brief.spheres.json"_s);
    QString layerName;
    if (path.startsWith(u'@')) {
        QString name = path.mid(1);
        if (name.contains(u'#')) {
            layerName = name.section(u'#', 1);
            name = name.section(u'#', 0, 0);
        }
        const QString file = dir.filePath(name);
        if (name == u"dir")
            QVERIFY(QDir().mkpath(file));
        else if (name == u"fifo")
            QVERIFY(QProcess::execute(u"mkfifo"_s, {file}) == 0);
        else if (name.startsWith(u"big")) { // sparse: large on paper, nothing on the disk
            QFile big(file);
            QVERIFY(big.open(QIODevice::WriteOnly) && big.resize(GeoJsonReader::kMaxFileBytes + 1));
        } else if (name.startsWith(u"broken"))
            QVERIFY(writeFile(file, "{\"type\": \"FeatureCollection\", \"features\": ["));
        else
            QVERIFY(writeTwoLayerPackage(file).isEmpty());
        path = name;
    }
    QVERIFY(writeFile(dir.filePath(u"ok.geojson"_s), squaresGeoJson()));
    Brief brief;
    brief.userLayers << UserLayerSource{path, layerName, {}} << UserLayerSource{u"ok.geojson"_s, {}, {u"kind"_s}};
    QVERIFY(BriefWriter::save(brief, briefPath).isEmpty()); // the entry is kept: saving never drops it
    const BriefReader::Result read = BriefReader::readFile(briefPath);
    QVERIFY2(read.ok(), qPrintable(read.error));
    const QList<BriefUserLayers::Loaded> loaded = BriefUserLayers::loadAll(read.brief, briefPath);
    QCOMPARE(loaded.size(), 2);
    QVERIFY(!loaded[0].layer);
    const QString message = loaded[0].problem;
    for (const QString &part : {briefPath, u"userLayers[0] ("_s + path + u')', problem})
        QVERIFY2(message.contains(part), qPrintable(part + u" not in: "_s + message));
    QVERIFY2(loaded[1].layer, qPrintable(loaded[1].problem)); // the others open all the same
    QCOMPARE(loaded[1].layer->id, u"ok"_s);
}

void TestBriefUserLayers::malformedEntriesAreRefused_data()
{
    QTest::addColumn<QByteArray>("userLayers");
    QTest::addColumn<QString>("error");
    QTest::newRow("not an array") << QByteArray(R"({"path": "a.gpkg"})") << u"\"userLayers\" must be an array"_s;
    QTest::newRow("no path") << QByteArray(R"([{"layer": "x"}])") << u"userLayers[0]: \"path\""_s;
    QTest::newRow("blank path") << QByteArray(R"([{"path": "  "}])") << u"userLayers[0]: \"path\""_s;
    QTest::newRow("unknown method") << QByteArray(R"([{"path": "a.gpkg", "style": {"field": "f", "method": "jenks"}}])")
                                    << u"userLayers[0] (a.gpkg).style: \"method\" must be one of"_s;
    QTest::newRow("too many classes") << QByteArray(R"([{"path": "a.gpkg", "style": {"field": "f", "method": "quantiles", "classes": 40}}])")
                                      << u"userLayers[0] (a.gpkg).style"_s;
    QTest::newRow("style without field") << QByteArray(R"([{"path": "a.gpkg", "style": {"method": "categories"}}])")
                                         << u"userLayers[0] (a.gpkg).style: \"field\""_s;
    QTest::newRow("listed twice") << QByteArray(R"([{"path": "a.gpkg"}, {"path": "a.gpkg"}])")
                                  << u"userLayers[1] (a.gpkg): the same layer is listed before, at userLayers[0]"_s;
    QByteArray many = "[";
    for (int i = 0; i <= BriefReader::kMaxUserLayers; ++i)
        many += (i ? "," : "") + QByteArray(R"({"path": "f)") + QByteArray::number(i) + R"(.gpkg"})";
    QTest::newRow("too many") << many + "]" << u"user layers; Spheres reads at most"_s;
}

void TestBriefUserLayers::malformedEntriesAreRefused()
{
    QFETCH(QByteArray, userLayers);
    QFETCH(QString, error);
    const QByteArray json = R"({"schemaVersion": 1, "userLayers": )" + userLayers + "}";
    const BriefReader::Result read = BriefReader::read(json, u"b.spheres.json"_s);
    QVERIFY(!read.ok());
    QVERIFY2(read.error.startsWith(u"b.spheres.json: "_s) && read.error.contains(error), qPrintable(read.error));
}

QTEST_GUILESS_MAIN(TestBriefUserLayers)
#include "tst_briefuserlayers.moc"
