// A brief's round trip through the writer and reader, and saving it safely.

#include "tst_brief.h"

// --- Round trip -------------------------------------------------------------------------------

void TestBrief::roundTripInMemory()
{
    const Brief original = fullBrief();
    const QByteArray json = BriefWriter::toJson(original);
    const BriefReader::Result r = BriefReader::read(json, QStringLiteral("memory.json"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(u'\n')));
    QCOMPARE(r.brief, original);
    // Exactly equal, not only fuzzily: the shortest decimal form reads back as the same double.
    QCOMPARE(r.brief.views[0].state.centre.x(), 123.456789012345);
    QCOMPARE(r.brief.claims[0].confidence, 0.35);
}

void TestBrief::roundTripThroughFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("full.spheres.json"));
    const Brief original = fullBrief();
    const QString error = BriefWriter::save(original, path);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("full.spheres.json")});
    const BriefReader::Result r = BriefReader::readFile(path);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(u'\n')));
    QCOMPARE(r.brief, original);

    // Saving again over the file replaces it.
    Brief changed = original;
    changed.title = QStringLiteral("Changed");
    QVERIFY(BriefWriter::save(changed, path).isEmpty());
    QCOMPARE(BriefReader::readFile(path).brief, changed);
}

void TestBrief::viewChartsSurviveSaveAndLoad_data()
{
    QTest::addColumn<QStringList>("charts");
    QTest::newRow("none") << QStringList{};
    QTest::newRow("one") << QStringList{QStringLiteral("sco")};
    QTest::newRow("all, in another order")
        << QStringList{QStringLiteral("claims"), QStringLiteral("sco"), QStringLiteral("energy")};
}

void TestBrief::viewChartsSurviveSaveAndLoad()
{
    QFETCH(QStringList, charts);
    Brief original = fullBrief();
    original.views[1].charts = charts;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("charts.spheres.json"));
    QVERIFY(BriefWriter::save(original, path).isEmpty());
    const BriefReader::Result r = BriefReader::readFile(path);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(u'\n')));
    QCOMPARE(r.brief.views[1].charts, charts);
    QCOMPARE(r.brief, original);
    // No charts, no member: a brief without charts is written as before they existed.
    const QJsonObject bare = QJsonDocument::fromJson(BriefWriter::toJson(original)).object().value(u"views").toArray().at(1).toObject();
    QCOMPARE(bare.contains(u"charts"), !charts.isEmpty());
}

void TestBrief::unknownChartNamesTheFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("typo.spheres.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(briefWith(("\"views\": [" + QByteArray(goodView).replace("}", R"(, "charts": ["enrgy"]})") + "]").constData()));
    file.close();
    const BriefReader::Result r = BriefReader::readFile(path);
    QVERIFY(!r.ok());
    QCOMPARE(r.error, path + QStringLiteral(": views[0] (Overview): \"charts\": \"enrgy\" is not a chart; choose from energy, sco, claims"));
}

void TestBrief::writerIsStableAndOrdered()
{
    const QByteArray json = BriefWriter::toJson(fullBrief());
    QCOMPARE(BriefWriter::toJson(fullBrief()), json);
    QVERIFY(json.endsWith("}\n"));
    QVERIFY2(json.startsWith("{\n  \"schemaVersion\": 1,\n"), json.left(80).constData());
    // Members in the documented order, not QJsonObject's alphabetical one.
    const auto before = [&json](const char *a, const char *b) {
        const qsizetype i = json.indexOf(a), j = json.indexOf(b);
        return i >= 0 && j >= 0 && i < j;
    };
    QVERIFY(before("\"title\"", "\"author\""));
    QVERIFY(before("\"author\"", "\"date\""));
    QVERIFY(before("\"date\"", "\"narrative\""));
    QVERIFY(before("\"narrative\"", "\"claims\""));
    QVERIFY(before("\"claims\"", "\"layers\""));
    QVERIFY(before("\"layers\"", "\"views\""));
    QVERIFY(before("\"id\": \"c1\"", "\"paragraph\""));
    QVERIFY(before("\"stance\"", "\"regions\""));
    QVERIFY(before("\"noteSources\"", "\"confidence\""));
    QVERIFY(before("\"name\": \"Everything\"", "\"caption\""));
    QVERIFY(before("\"centre\"", "\"metresPerPixel\""));
    // Indented, one claim member per line; short lists stay on one line.
    QVERIFY(json.contains("\n      \"regions\": [\"KAZ\", \"RUS\"],\n"));
    QVERIFY(json.contains("\"centre\": [123.456789012345, -33.3]"));
    QVERIFY(json.contains("{\"id\": \"sco\", \"visible\": false, \"opacity\": 0.25}"));
    QVERIFY(json.contains("\"date\": \"2026-11-28\""));
    // Control characters escaped, other text as UTF-8.
    QVERIFY(json.contains("control \\u0001 character"));
    QVERIFY(json.contains("A line\\nbreak"));
    QVERIFY(json.contains("Zo\xc3\xab"));
}

void TestBrief::writerLeavesOutEmptyOptionals()
{
    const QByteArray json = BriefWriter::toJson(fullBrief());
    const QJsonObject top = QJsonDocument::fromJson(json).object();
    const QJsonObject c2 = top.value(u"claims").toArray().at(1).toObject();
    QCOMPARE(c2.keys(), (QStringList{QStringLiteral("confidence"), QStringLiteral("id"), QStringLiteral("paragraph"),
                                     QStringLiteral("sentence"), QStringLiteral("stance"), QStringLiteral("text"),
                                     QStringLiteral("topics")}));
    const QJsonObject bare = top.value(u"views").toArray().at(1).toObject();
    QCOMPARE(bare.keys(), (QStringList{QStringLiteral("centre"), QStringLiteral("metresPerPixel"), QStringLiteral("name"),
                                       QStringLiteral("projection"), QStringLiteral("year")}));
    const QJsonObject onlyTitle =
        top.value(u"claims").toArray().at(0).toObject().value(u"noteSources").toArray().at(1).toObject();
    QCOMPARE(onlyTitle.keys(), QStringList{QStringLiteral("title")});

    // An empty brief is just its version.
    QCOMPARE(BriefWriter::toJson(Brief()), QByteArray("{\n  \"schemaVersion\": 1\n}\n"));
}

void TestBrief::viewStateExtrasAreNotSaved()
{
    Brief b = fullBrief();
    b.views[0].state.size = QSize(3840, 2160);
    b.views[0].state.styleScale = 2.0;
    b.views[0].state.hoveredRegion = QStringLiteral("CHN");
    const QByteArray json = BriefWriter::toJson(b);
    QVERIFY(!json.contains("size") && !json.contains("styleScale") && !json.contains("hovered"));
    const BriefReader::Result r = BriefReader::read(json, QStringLiteral("memory.json"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.brief, fullBrief()); // the defaults again
}

void TestBrief::minimalBriefReads()
{
    const BriefReader::Result r = BriefReader::read(R"({"schemaVersion": 1})", QStringLiteral("min.json"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(r.warnings.isEmpty());
    QCOMPARE(r.brief, Brief());

    const QByteArray withDefaults = briefWith(
        R"("claims": [{"id": "c1", "paragraph": 0, "sentence": 1, "text": "Two.", "stance": "context"}], "layers": [{"id": "sco"}])");
    const BriefReader::Result d = BriefReader::read(withDefaults, QStringLiteral("min.json"));
    QVERIFY2(d.ok(), qPrintable(d.error));
    QCOMPARE(d.brief.claims.size(), 1);
    QCOMPARE(d.brief.claims[0].confidence, 1.0);
    QVERIFY(d.brief.claims[0].regions.isEmpty());
    QCOMPARE(d.brief.layers[0].visible, true);
    QCOMPARE(d.brief.layers[0].opacity, 1.0);
}

// --- Saving -----------------------------------------------------------------------------------

void TestBrief::saveIntoMissingDirectoryFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("missing/brief.spheres.json"));
    const QString error = BriefWriter::save(fullBrief(), path);
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
}

void TestBrief::saveIntoReadOnlyDirectoryFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    QString folder = dir.path();
    {
        // Root may write anywhere: then use /proc, where nobody can create files.
        QFile probe(dir.filePath(QStringLiteral("probe")));
        if (probe.open(QIODevice::WriteOnly)) {
            probe.close();
            probe.remove();
            folder = QStringLiteral("/proc");
        }
    }
    const QString path = folder + QStringLiteral("/brief.spheres.json");
    const QString error = BriefWriter::save(fullBrief(), path);
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
    QVERIFY(!QFileInfo::exists(path));
    if (folder == dir.path())
        QVERIFY(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

void TestBrief::saveRefusesWhatWouldNotReadBack()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("brief.spheres.json"));
    QVERIFY(BriefWriter::save(fullBrief(), path).isEmpty());
    QFile before(path);
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray original = before.readAll();
    before.close();

    Brief bad = fullBrief();
    bad.layers[0].opacity = 2.0;
    const QString error = BriefWriter::save(bad, path);
    QCOMPARE(error, path + QStringLiteral(": not saved, because it would not read back: layers[0] (sco): \"opacity\" must be a number from 0 to 1 (it is 2)"));
    // The old file is untouched, and no temporary file is left beside it.
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), original);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("brief.spheres.json")});
}

void TestBrief::saveOnAFullDiskKeepsTheOldFile_data()
{
    QTest::addColumn<Brief>("brief");
    // Below Qt's 16 KiB write buffer the disk fills during the last flush; above it, during a write.
    QTest::newRow("small brief") << fullBrief();
    Brief large = fullBrief();
    large.paragraphs << QString(40'000, u'x');
    QTest::newRow("large brief") << large;
}

void TestBrief::saveOnAFullDiskKeepsTheOldFile()
{
    QFETCH(Brief, brief);
    FullDisk disk;
    SPHERES_REQUIRE_FULL_DISK(disk);
    const QString path = disk.filePath(QStringLiteral("brief.spheres.json"));
    Brief old;
    old.title = QStringLiteral("The old brief");
    const QByteArray oldBytes = BriefWriter::toJson(old);
    QVERIFY(disk.put(QStringLiteral("brief.spheres.json"), oldBytes));
    QVERIFY(disk.fill());

    const QString error = BriefWriter::save(brief, path);
    QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("No space left on device")), qPrintable(error));
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), oldBytes);
    QCOMPARE(disk.entries(), QStringList{QStringLiteral("brief.spheres.json")}); // no temporary file left

    // With room again the same save succeeds: the failure was the disk's.
    QVERIFY(disk.release());
    QCOMPARE(BriefWriter::save(brief, path), QString());
    const BriefReader::Result reread = BriefReader::readFile(path);
    QVERIFY2(reread.ok(), qPrintable(reread.error));
    QCOMPARE(reread.brief, brief);
}

QTEST_GUILESS_MAIN(TestBrief)
