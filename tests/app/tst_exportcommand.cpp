#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestExportCommand : public QObject
{
    Q_OBJECT
private slots:
    void exportsPng();
    void badOptionsAreRefused_data();
    void badOptionsAreRefused();

private:
    struct Run
    {
        int exitCode;
        QString err;
    };
    Run run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(SPHERES_BINARY), QStringList{QStringLiteral("export")} + args);
        if (!p.waitForFinished(60000))
            return {-1, QStringLiteral("timeout")};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
    }
    QTemporaryDir m_dir;
};

void TestExportCommand::exportsPng()
{
    const QString out = m_dir.filePath(QStringLiteral("ca.png"));
    const Run r = run({QStringLiteral("--out"), out, QStringLiteral("--size"), QStringLiteral("1280x720"),
                       QStringLiteral("--center"), QStringLiteral("68,43"), QStringLiteral("--scale"), QStringLiteral("12M"),
                       QStringLiteral("--select"), QStringLiteral("kaz")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QImage image(out);
    QCOMPARE(image.size(), QSize(1280, 720));
    // Kazakhstan is selected and centred: the centre pixel is not the plain land colour.
    QVERIFY(image.pixelColor(640, 360) != QColor(0xf4, 0xf1, 0xea));
}

void TestExportCommand::badOptionsAreRefused_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    const QString out = QStringLiteral("/tmp/spheres-never.png");
    QTest::newRow("no out") << QStringList{} << u"--out is required"_s;
    QTest::newRow("bad size") << QStringList{u"--out"_s, out, u"--size"_s, u"big"_s} << u"--size \"big\""_s;
    QTest::newRow("zero size") << QStringList{u"--out"_s, out, u"--size"_s, u"0x100"_s} << u"--size"_s;
    QTest::newRow("huge size") << QStringList{u"--out"_s, out, u"--size"_s, u"40000x100"_s} << u"32767"_s;
    QTest::newRow("projection") << QStringList{u"--out"_s, out, u"--projection"_s, u"mercator2"_s} << u"--projection \"mercator2\" is unknown"_s;
    QTest::newRow("center") << QStringList{u"--out"_s, out, u"--center"_s, u"200,10"_s} << u"--center"_s;
    QTest::newRow("scale") << QStringList{u"--out"_s, out, u"--scale"_s, u"tiny"_s} << u"--scale"_s;
    QTest::newRow("select") << QStringList{u"--out"_s, out, u"--select"_s, u"XYZ"_s} << u"--select \"XYZ\""_s;
    QTest::newRow("format") << QStringList{u"--out"_s, u"/tmp/map.bmp"_s} << u"only .png"_s;
    QTest::newRow("unknown option") << QStringList{u"--out"_s, out, u"--frobnicate"_s} << u"frobnicate"_s;
}

void TestExportCommand::badOptionsAreRefused()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    const Run r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/spheres-never.png")));
}

QTEST_GUILESS_MAIN(TestExportCommand)
#include "tst_exportcommand.moc"
