// `spheres export` and `spheres validate` of a brief with users' layers: drawn and checked as the
// window draws them (styled by a field), and a file gone missing named with the brief and the path.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

/// Two squares in the Gobi (plain land on the map), one a farm, the other a mine.
const QByteArray kSquares = R"({"type":"FeatureCollection","features":[
  {"type":"Feature","id":"a","properties":{"name":"A","kind":"farm","pop":10},
   "geometry":{"type":"Polygon","coordinates":[[[96,44],[99,44],[99,47],[96,47],[96,44]]]}},
  {"type":"Feature","id":"b","properties":{"name":"B","kind":"mine","pop":90},
   "geometry":{"type":"Polygon","coordinates":[[[101,44],[104,44],[104,47],[101,47],[101,44]]]}}]})";

QByteArray briefJson(const QByteArray &path, const QByteArray &feature)
{
    return R"({"schemaVersion": 1, "title": "Layers",
  "narrative": {"paragraphs": ["The farm grows."]},
  "claims": [{"id": "c1", "paragraph": 0, "sentence": 0, "text": "The farm grows.", "stance": "context",
              "features": [")" + feature + R"("]}],
  "userLayers": [{"path": ")" + path + R"(", "style": {"field": "kind", "method": "categories"}}]})";
}

} // namespace

class TestBriefUserLayerCommands : public QObject
{
    Q_OBJECT
private slots:
    void validateChecksTheBriefsLayers_data();
    void validateChecksTheBriefsLayers();
    void exportDrawsTheClassesInTwoColours();
    void missingLayerIsNamedWithTheBrief_data();
    void missingLayerIsNamedWithTheBrief();

private:
    struct Run
    {
        int exitCode;
        QString out, err;
    };
    static Run run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(SPHERES_BINARY), args);
        if (!p.waitForFinished(240000)) // a bound for the sanitizers, not a target
            return {-1, {}, u"timeout"_s};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }
    QString write(const QString &name, const QByteArray &text)
    {
        QDir().mkpath(QFileInfo(m_dir.filePath(name)).absolutePath());
        QFile file(m_dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(text) == text.size() ? file.fileName() : QString();
    }
    QTemporaryDir m_dir;
};

void TestBriefUserLayerCommands::validateChecksTheBriefsLayers_data()
{
    QTest::addColumn<QByteArray>("feature");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("said");
    QTest::newRow("a feature of the brief's layer") << QByteArray("squares/a") << 0 << u"OK (1 claims, 0 views)"_s;
    QTest::newRow("the whole layer") << QByteArray("squares") << 0 << u"OK"_s;
    QTest::newRow("no such feature") << QByteArray("squares/zz") << 1 << u"unknown feature \"squares/zz\""_s;
}

void TestBriefUserLayerCommands::validateChecksTheBriefsLayers()
{
    QFETCH(QByteArray, feature);
    QFETCH(int, exitCode);
    QFETCH(QString, said);
    QVERIFY(!write(u"data/squares.geojson"_s, kSquares).isEmpty());
    const QString brief = write(u"briefs/b.spheres.json"_s, briefJson("../data/squares.geojson", feature));
    const Run r = run({u"validate"_s, brief});
    QVERIFY2(r.exitCode == exitCode, qPrintable(r.out + r.err));
    QVERIFY2((r.out + r.err).contains(said), qPrintable(r.out + r.err));
}

void TestBriefUserLayerCommands::exportDrawsTheClassesInTwoColours()
{
    QVERIFY(!write(u"data/squares.geojson"_s, kSquares).isEmpty());
    const QString brief = write(u"briefs/b.spheres.json"_s, briefJson("../data/squares.geojson", "squares/a"));
    const QString plainBrief = write(u"briefs/plain.spheres.json"_s, R"({"schemaVersion": 1, "title": "Layers"})");
    const QStringList view = {u"export"_s, u"--size"_s, u"640x360"_s, u"--center"_s, u"100,45"_s, u"--scale"_s, u"20M"_s,
                              u"--no-credits"_s, u"--no-legend"_s};
    const QString with = m_dir.filePath(u"with.png"_s), without = m_dir.filePath(u"without.png"_s);
    Run r = run(view + QStringList{brief, u"--out"_s, with});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = run(view + QStringList{plainBrief, u"--out"_s, without});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QImage a(without), b(with);
    QCOMPARE(a.size(), b.size());
    // The pixels the layer changed fall in two colours, one per class, far apart.
    QHash<QRgb, int> changed;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            if (a.pixel(x, y) != b.pixel(x, y))
                ++changed[b.pixel(x, y)];
    QList<std::pair<int, QRgb>> byCount;
    for (auto it = changed.cbegin(); it != changed.cend(); ++it)
        byCount.push_back({it.value(), it.key()});
    std::sort(byCount.rbegin(), byCount.rend());
    QVERIFY(byCount.size() >= 2);
    QVERIFY2(byCount[0].first > 300 && byCount[1].first > 300,
             qPrintable(u"%1 and %2 pixels"_s.arg(byCount[0].first).arg(byCount[1].first)));
    const QColor first = QColor::fromRgb(byCount[0].second), second = QColor::fromRgb(byCount[1].second);
    const int distance = std::abs(first.red() - second.red()) + std::abs(first.green() - second.green())
                         + std::abs(first.blue() - second.blue());
    QVERIFY2(distance > 60, qPrintable(first.name() + u" / "_s + second.name()));
}

void TestBriefUserLayerCommands::missingLayerIsNamedWithTheBrief_data()
{
    QTest::addColumn<QString>("command");
    QTest::newRow("validate") << u"validate"_s;
    QTest::newRow("export") << u"export"_s;
}

void TestBriefUserLayerCommands::missingLayerIsNamedWithTheBrief()
{
    QFETCH(QString, command);
    const QString brief = write(u"briefs/gone.spheres.json"_s, briefJson("../data/gone.gpkg", "squares/a"));
    QStringList args{command, brief};
    if (command == u"export")
        args << u"--out"_s << m_dir.filePath(u"gone.png"_s);
    const Run r = run(args);
    QCOMPARE(r.exitCode, 1);
    for (const QString &part : {brief, u"userLayers[0] (../data/gone.gpkg)"_s, u"no such file"_s})
        QVERIFY2(r.err.contains(part), qPrintable(part + u" not in: "_s + r.err));
    QVERIFY(!QFile::exists(m_dir.filePath(u"gone.png"_s)));
}

QTEST_GUILESS_MAIN(TestBriefUserLayerCommands)
#include "tst_briefuserlayercommands.moc"
