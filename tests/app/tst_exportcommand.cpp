#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "../support/fulldisk.h"
#include "../support/pdftext.h"

using namespace Qt::StringLiterals;

class TestExportCommand : public QObject
{
    Q_OBJECT
private slots:
    void briefingPackHasAPagePerView_data();
    void briefingPackHasAPagePerView();
    void numberedPngSeries();
    void namedViewOfABrief_data();
    void namedViewOfABrief();
    void exportsPng();
    void pngIsCompressed();
    void exportsEachFormat_data();
    void exportsEachFormat();
    void badOptionsAreRefused_data();
    void badOptionsAreRefused();
    void fullDiskFailsAndKeepsTheOldFiles_data();
    void fullDiskFailsAndKeepsTheOldFiles();

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
        // A briefing pack of twenty pages takes minutes under the sanitizers: a generous bound, not a target.
        if (!p.waitForFinished(240000))
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

void TestExportCommand::pngIsCompressed()
{
    // Uncompressed, a 1080p map is 8.3 MB; zlib level 1 makes it about 0.7 MB at the same speed.
    const QString out = m_dir.filePath(QStringLiteral("1080p.png"));
    const Run r = run({QStringLiteral("--out"), out, QStringLiteral("--preset"), QStringLiteral("1080p")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(QImage(out).size(), QSize(1920, 1080));
    QVERIFY2(QFileInfo(out).size() < 2'500'000, qPrintable(QString::number(QFileInfo(out).size())));
}

void TestExportCommand::exportsEachFormat_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QSize>("pngSize"); // PNG only
    QTest::addColumn<QStringList>("contains");
    QTest::addColumn<QStringList>("lacks");
    QTest::newRow("svg with title, 2010, no legend")
        << u"map.svg"_s
        << QStringList{u"--size"_s, u"1280x720"_s, u"--title"_s, u"Spheres & pipes"_s, u"--subtitle"_s,
                       u"As of 2010"_s, u"--year"_s, u"2010"_s, u"--no-legend"_s}
        << QSize() << QStringList{u"<g id=\"layer-pipelines\""_s, u"Spheres &amp; pipes"_s, u"As of 2010"_s, u"km<"_s}
        << QStringList{u"<g id=\"legend\""_s};
    QTest::newRow("svg with an explicit format, no credits, no scale bar")
        << u"plain.svg"_s
        << QStringList{u"--format"_s, u"SVG"_s, u"--size"_s, u"800x600"_s, u"--no-credits"_s, u"--no-scale-bar"_s}
        << QSize() << QStringList{u"Base map: Natural Earth"_s, u"<g id=\"legend\""_s}
        << QStringList{u"Sources:"_s, u"km<"_s};
    QTest::newRow("pdf letter at 150 dpi") << u"map.pdf"_s
                                          << QStringList{u"--preset"_s, u"letter"_s, u"--dpi"_s, u"150"_s}
                                          << QSize() << QStringList{u"%PDF-"_s} << QStringList{};
    QTest::newRow("png preset 1080p") << u"map.png"_s << QStringList{u"--preset"_s, u"1080p"_s} << QSize(1920, 1080)
                                      << QStringList{} << QStringList{};
    QTest::newRow("png a4 at 72 dpi") << u"a4.png"_s << QStringList{u"--preset"_s, u"A4"_s, u"--dpi"_s, u"72"_s}
                                      << QSize(842, 595) << QStringList{} << QStringList{};
    // Portrait: the dialog's presets, from the same list.
    QTest::newRow("png preset 1080p-portrait") << u"tall.png"_s << QStringList{u"--preset"_s, u"1080p-portrait"_s}
                                               << QSize(1080, 1920) << QStringList{} << QStringList{};
    QTest::newRow("png a4-portrait at 72 dpi") << u"a4p.png"_s
                                               << QStringList{u"--preset"_s, u"a4-portrait"_s, u"--dpi"_s, u"72"_s}
                                               << QSize(595, 842) << QStringList{} << QStringList{};
    QTest::newRow("pdf letter-portrait") << u"letterp.pdf"_s << QStringList{u"--preset"_s, u"Letter-Portrait"_s, u"--dpi"_s, u"72"_s}
                                         << QSize() << QStringList{u"/MediaBox [0 0 612.000000 792.000000]"_s} << QStringList{};
    // A brief's map is titled with the brief's title, not the file's name.
    QTest::newRow("svg of a brief")
        << u"brief.svg"_s << QStringList{QStringLiteral(SPHERES_SAMPLE_BRIEF), u"--size"_s, u"800x500"_s} << QSize()
        << QStringList{u"<title>China and Russia: cooperation and rivalry</title>"_s} << QStringList{u"<title>china-russia"_s};
}

void TestExportCommand::exportsEachFormat()
{
    QFETCH(QString, file);
    QFETCH(QStringList, args);
    QFETCH(QSize, pngSize);
    QFETCH(QStringList, contains);
    QFETCH(QStringList, lacks);
    const QString out = m_dir.filePath(file);
    const Run r = run(QStringList{u"--out"_s, out} + args);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    if (pngSize.isValid())
        QCOMPARE(QImage(out).size(), pngSize);
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromLatin1(f.readAll()); // Latin-1: byte for byte, whatever the file
    for (const QString &needle : contains)
        QVERIFY2(text.contains(needle), qPrintable(needle));
    for (const QString &needle : lacks)
        QVERIFY2(!text.contains(needle), qPrintable(needle));
    if (file.endsWith(u".pdf"_s))
        QCOMPARE(text.count(u"/Type /Page"_s) - text.count(u"/Type /Pages"_s), 1);
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
    // Numbers that parse but are no view: each is refused naming the option and its range.
    const QString scaleRange = u"is not a scale denominator from 37796 to 37795275590 (at 96 DPI)"_s;
    for (const QString &value : {u"nan"_s, u"NaN"_s, u"inf"_s, u"-inf"_s, u"-1"_s, u"0"_s, u"1e-300"_s, u"1:1e-300"_s,
                                 u"1e300"_s, u"1000"_s})
        QTest::newRow(qPrintable(u"scale "_s + value)) << QStringList{u"--out"_s, out, u"--scale"_s, value}
                                                       << u"--scale \"%1\" %2"_s.arg(value, scaleRange);
    QTest::newRow("scale at 1200 DPI") << QStringList{u"--out"_s, out, u"--dpi"_s, u"1200"_s, u"--scale"_s, u"100k"_s}
                                       << u"--scale \"100k\" is not a scale denominator from 472441 to"_s;
    const QString centreRange = u"longitude from -180 to 180, latitude from -90 to 90"_s;
    for (const QString &value : {u"nan,nan"_s, u"0,nan"_s, u"inf,0"_s, u"200,0"_s, u"0,-91"_s, u"-180.5,0"_s})
        QTest::newRow(qPrintable(u"center "_s + value)) << QStringList{u"--out"_s, out, u"--center"_s, value}
                                                        << u"--center \"%1\" is not longitude,latitude in degrees, %2"_s.arg(value, centreRange);
    for (const QString &value : {u"nanxnan"_s, u"0x0"_s, u"1920x0"_s, u"99999x10"_s, u"-5x10"_s})
        QTest::newRow(qPrintable(u"size "_s + value)) << QStringList{u"--out"_s, out, u"--size"_s, value}
                                                      << u"--size \"%1\" is not a size like 1920x1080, from 1x1 to 32767x32767"_s.arg(value);
    for (const QString &value : {u"nan"_s, u"inf"_s, u"-1"_s, u"1e-300"_s, u"71"_s, u"1201"_s})
        QTest::newRow(qPrintable(u"dpi "_s + value)) << QStringList{u"--out"_s, out, u"--dpi"_s, value}
                                                     << u"--dpi \"%1\" is not a number from 72 to 1200"_s.arg(value);
    QTest::newRow("select") << QStringList{u"--out"_s, out, u"--select"_s, u"XYZ"_s} << u"--select \"XYZ\""_s;
    QTest::newRow("format") << QStringList{u"--out"_s, u"/tmp/map.bmp"_s} << u"only .png, .svg and .pdf"_s;
    QTest::newRow("no extension") << QStringList{u"--out"_s, u"/tmp/map"_s, u"--format"_s, u"png"_s} << u"--out \"/tmp/map\""_s;
    QTest::newRow("unknown format") << QStringList{u"--out"_s, out, u"--format"_s, u"bmp"_s} << u"--format \"bmp\" is unknown"_s;
    QTest::newRow("format mismatch") << QStringList{u"--out"_s, out, u"--format"_s, u"svg"_s}
                                     << u"--format svg does not match --out"_s;
    QTest::newRow("dpi too low") << QStringList{u"--out"_s, out, u"--dpi"_s, u"10"_s} << u"--dpi \"10\""_s;
    QTest::newRow("dpi too high") << QStringList{u"--out"_s, out, u"--dpi"_s, u"2400"_s} << u"72 to 1200"_s;
    QTest::newRow("dpi not a number") << QStringList{u"--out"_s, out, u"--dpi"_s, u"high"_s} << u"--dpi \"high\""_s;
    QTest::newRow("unknown preset") << QStringList{u"--out"_s, out, u"--preset"_s, u"8k"_s} << u"--preset \"8k\" is unknown"_s;
    QTest::newRow("preset and size") << QStringList{u"--out"_s, out, u"--preset"_s, u"4k"_s, u"--size"_s, u"800x600"_s}
                                     << u"--preset and --size"_s;
    QTest::newRow("too much memory") << QStringList{u"--out"_s, out, u"--size"_s, u"25000x20000"_s}
                                     << u"--size: the picture size 25000×20000 needs more than 1.6 GB"_s;
    QTest::newRow("pdf page too big") << QStringList{u"--out"_s, u"/tmp/spheres-never.pdf"_s, u"--size"_s,
                                                     u"20000x1000"_s, u"--dpi"_s, u"72"_s}
                                      << u"--size: the page"_s;
    QTest::newRow("year") << QStringList{u"--out"_s, out, u"--year"_s, u"MMXX"_s} << u"--year \"MMXX\""_s;
    QTest::newRow("year out of range") << QStringList{u"--out"_s, out, u"--year"_s, u"1500"_s} << u"--year \"1500\""_s;
    // The years a brief may keep: a picture of 2150 could not be saved as a view.
    QTest::newRow("year past a brief's") << QStringList{u"--out"_s, out, u"--year"_s, u"2101"_s}
                                         << u"--year \"2101\" is not a year from 1800 to 2100"_s;
    QTest::newRow("title without value") << QStringList{u"--out"_s, out, u"--title"_s} << u"title"_s;
    QTest::newRow("unknown option") << QStringList{u"--out"_s, out, u"--frobnicate"_s} << u"frobnicate"_s;
    QTest::newRow("no charts of one map") << QStringList{u"--out"_s, out, u"--no-charts"_s}
                                          << u"--no-charts goes with --all-views"_s;
}

void TestExportCommand::badOptionsAreRefused()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    const Run r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/spheres-never.png")));
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/spheres-never.pdf")));
}

void TestExportCommand::briefingPackHasAPagePerView_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("pages");
    QTest::addColumn<bool>("charts");
    // The sample brief's storyboard: six views, four of them with charts (energy corridors, SCO
    // enlargement, Central Asia, outlook), each on a page after its view's, then the pack's
    // numbered sources; at least that many pages, and more where a view's text or the sources
    // flow onto continuation pages.
    QTest::newRow("with the views' charts") << QStringList{} << 11 << true;
    QTest::newRow("--no-charts") << QStringList{u"--no-charts"_s} << 7 << false;
}

void TestExportCommand::briefingPackHasAPagePerView()
{
    QFETCH(QStringList, extra);
    QFETCH(int, pages);
    QFETCH(bool, charts);
    const QString out = m_dir.filePath(QStringLiteral("pack.pdf"));
    const Run r = run(QStringList{QStringLiteral(SPHERES_SAMPLE_BRIEF), QStringLiteral("--all-views"), QStringLiteral("--preset"),
                                  QStringLiteral("a4"), QStringLiteral("--out"), out} + extra);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile pdf(out);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    const int written = int(bytes.count("/Type /Page")) - int(bytes.count("/Type /Pages"));
    QVERIFY2(written >= pages, qPrintable(QString::number(written)));

    const std::optional<QString> pageText = pdfText(out);
    if (!pageText)
        QSKIP("pdftotext (poppler-utils) is not installed: the charts' text is not checked");
    QVERIFY(!pageText->isEmpty());
    const QString &text = *pageText;
    // The charts' own titles, as text: drawn as vectors, for each view's year and selection.
    for (const QString &title : {u"Gas pipelines in 2026"_s, u"Oil pipelines in 2026"_s,
                                 u"SCO in 2024: member 10"_s,
                                 u"Stance of the claims about Kazakhstan"_s, u"Stance of every claim in the brief"_s,
                                 u"· 2 / 6 · charts"_s})
        QVERIFY2(text.contains(title) == charts, qPrintable(title));
    // The sources are listed once, at the end; every page beyond the views', the charts' and the
    // first of the sources continues a view's text or the list.
    QVERIFY(text.contains(u"China and Russia: cooperation and rivalry · sources"_s));
    QCOMPARE(int(text.count(u"(continued)"_s)), written - pages);
}

void TestExportCommand::numberedPngSeries()
{
    const QString out = m_dir.filePath(QStringLiteral("story.png"));
    const Run r = run({QStringLiteral(SPHERES_SAMPLE_BRIEF), QStringLiteral("--all-views"), QStringLiteral("--size"),
                       QStringLiteral("800x450"), QStringLiteral("--out"), out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (int i = 1; i <= 6; ++i) {
        const QImage image(m_dir.filePath(QStringLiteral("story-%1.png").arg(i, 2, 10, QLatin1Char('0'))));
        QCOMPARE(image.size(), QSize(800, 450));
    }
}

void TestExportCommand::namedViewOfABrief_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");
    const QString brief = QStringLiteral(SPHERES_SAMPLE_BRIEF);
    const QString out = QStringLiteral("/tmp/spheres-view-test.pdf");
    QTest::newRow("named view") << QStringList{brief, QStringLiteral("--view"), QStringLiteral("Central Asia"), QStringLiteral("--out"), out} << 0 << QString();
    QTest::newRow("case-insensitive") << QStringList{brief, QStringLiteral("--view"), QStringLiteral("south china sea"), QStringLiteral("--out"), out} << 0 << QString();
    QTest::newRow("unknown view") << QStringList{brief, QStringLiteral("--view"), QStringLiteral("Mars"), QStringLiteral("--out"), out} << 1 << QStringLiteral("its views are: Overview");
    QTest::newRow("no brief") << QStringList{QStringLiteral("--view"), QStringLiteral("Overview"), QStringLiteral("--out"), out} << 2 << QStringLiteral("need a brief file");
    QTest::newRow("bad brief") << QStringList{QStringLiteral("/nonexistent/brief.json"), QStringLiteral("--all-views"), QStringLiteral("--out"), out} << 1 << QStringLiteral("/nonexistent/brief.json");
    QTest::newRow("pack page too small") << QStringList{brief, QStringLiteral("--all-views"), QStringLiteral("--size"), QStringLiteral("64x40"),
                                                        QStringLiteral("--dpi"), QStringLiteral("72"), QStringLiteral("--out"), out}
                                         << 1 << QStringLiteral("/tmp/spheres-view-test.pdf: a briefing pack needs pages of at least 3 inches");
    QTest::newRow("svg pack") << QStringList{brief, QStringLiteral("--all-views"), QStringLiteral("--out"), QStringLiteral("/tmp/spheres-pack.svg")} << 2 << QStringLiteral("not SVG");
}

void TestExportCommand::namedViewOfABrief()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    QFile::remove(QStringLiteral("/tmp/spheres-view-test.pdf"));
    const Run r = run(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    QCOMPARE(QFile::exists(QStringLiteral("/tmp/spheres-view-test.pdf")), exitCode == 0);
}

void TestExportCommand::fullDiskFailsAndKeepsTheOldFiles_data()
{
    QTest::addColumn<QStringList>("args"); // --out is added, in the full disk
    QTest::addColumn<QString>("out");
    QTest::addColumn<QStringList>("files"); // there from an earlier export
    const QString brief = QStringLiteral(SPHERES_SAMPLE_BRIEF);
    const QStringList small{u"--size"_s, u"64x40"_s, u"--dpi"_s, u"72"_s}; // fits in Qt's write buffer
    QTest::newRow("png") << small << u"map.png"_s << QStringList{u"map.png"_s};
    QTest::newRow("svg") << small << u"map.svg"_s << QStringList{u"map.svg"_s};
    QTest::newRow("pdf") << small << u"map.pdf"_s << QStringList{u"map.pdf"_s};
    // A pack's page holds its text (3 inches a side at least); at 72 DPI the sample's pack is short.
    QTest::newRow("briefing pack") << QStringList{brief, u"--all-views"_s, u"--no-charts"_s, u"--preset"_s, u"a4"_s, u"--dpi"_s, u"72"_s}
                                   << u"pack.pdf"_s
                                   << QStringList{u"pack.pdf"_s};
    QTest::newRow("numbered png") << QStringList{brief, u"--all-views"_s} + small << u"story.png"_s
                                  << QStringList{u"story-01.png"_s, u"story-02.png"_s};
}

void TestExportCommand::fullDiskFailsAndKeepsTheOldFiles()
{
    QFETCH(QStringList, args);
    QFETCH(QString, out);
    QFETCH(QStringList, files);
    FullDisk disk;
    SPHERES_REQUIRE_FULL_DISK(disk);
    for (const QString &file : files)
        QVERIFY(disk.put(file, "the good old " + file.toUtf8()));
    QVERIFY(disk.fill());
    const Run r = run(args + QStringList{u"--out"_s, disk.filePath(out)});
    QVERIFY2(r.exitCode != 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(disk.path()) && r.err.contains(u"No space left on device"_s), qPrintable(r.err));
    for (const QString &file : files) {
        QFile f(disk.filePath(file));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), "the good old " + file.toUtf8());
    }
    QCOMPARE(disk.entries(), files); // and no temporary file
}

QTEST_GUILESS_MAIN(TestExportCommand)
#include "tst_exportcommand.moc"
