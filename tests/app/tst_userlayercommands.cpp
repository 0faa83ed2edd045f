// `spheres export --layer` and `spheres validate --layer` with users' files read through GDAL.
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestUserLayerCommands : public QObject
{
    Q_OBJECT
private slots:
    void exportDrawsTheLayer();
    void brokenLayerIsRefusedNamingTheFile_data();
    void brokenLayerIsRefusedNamingTheFile();
    void validateAcceptsTheFormats();

private:
    struct Run
    {
        int exitCode;
        QString err;
    };
    static Run run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(SPHERES_BINARY), args);
        if (!p.waitForFinished(240000)) // a bound for the sanitizers, not a target
            return {-1, u"timeout"_s};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
    }
    QString write(const QString &name, const QByteArray &text)
    {
        QFile file(m_dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(text) == text.size() ? file.fileName() : QString();
    }
    QTemporaryDir m_dir;
};

void TestUserLayerCommands::exportDrawsTheLayer()
{
    // A grid of events round (100, 45), in the Gobi, where the map is plain land.
    QByteArray csv = "id,name,lon,lat\n";
    for (int i = 0; i < 25; ++i)
        csv += "e" + QByteArray::number(i) + ",," + QByteArray::number(98 + i % 5) + ',' + QByteArray::number(43 + i / 5) + '\n';
    const QString layer = write(u"events.csv"_s, csv);
    QVERIFY(!layer.isEmpty());
    const QStringList view = {u"export"_s, u"--size"_s, u"640x360"_s, u"--center"_s, u"100,45"_s, u"--scale"_s, u"20M"_s,
                              u"--no-legend"_s, u"--no-credits"_s};
    const QString without = m_dir.filePath(u"without.png"_s), with = m_dir.filePath(u"with.png"_s);
    Run r = run(view + QStringList{u"--out"_s, without});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = run(view + QStringList{u"--layer"_s, layer, u"--out"_s, with});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err)); // a CSV's columns say lon/lat: no warning
    const QImage a(without), b(with);
    QCOMPARE(a.size(), b.size());
    int changed = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            changed += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
    QVERIFY2(changed > 25 * 20, qPrintable(u"%1 pixels changed"_s.arg(changed))); // 25 symbols, each many pixels
}

void TestUserLayerCommands::brokenLayerIsRefusedNamingTheFile_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("export, CSV without coordinates") << u"export"_s << u"places.csv"_s << QByteArray("place\nAstana\n");
    QTest::newRow("export, empty GeoPackage") << u"export"_s << u"empty.gpkg"_s << QByteArray();
    QTest::newRow("export, garbage Shapefile") << u"export"_s << u"bad.shp"_s << QByteArray(500, '\x01');
    QTest::newRow("validate, broken GeoJSON") << u"validate"_s << u"bad.geojson"_s << QByteArray("{");
}

void TestUserLayerCommands::brokenLayerIsRefusedNamingTheFile()
{
    QFETCH(QString, command);
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    const QString layer = write(name, content);
    QVERIFY(!layer.isEmpty());
    QStringList args = {command, u"--layer"_s, layer};
    args << (command == u"export" ? QStringList{u"--out"_s, m_dir.filePath(u"x.png"_s)} : QStringList{QStringLiteral(SPHERES_SAMPLE_BRIEF)});
    const Run r = run(args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"--layer: "_s + layer + u':'), qPrintable(r.err));
}

void TestUserLayerCommands::validateAcceptsTheFormats()
{
    const QString layer = write(u"sites.csv"_s, "name,latitude,longitude\nKant,42.85,74.85\n");
    const Run r = run({u"validate"_s, u"--layer"_s, layer, QStringLiteral(SPHERES_SAMPLE_BRIEF)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestUserLayerCommands)
#include "tst_userlayercommands.moc"
