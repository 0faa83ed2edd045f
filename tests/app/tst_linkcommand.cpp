#include <QDate>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "../support/fulldisk.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// The shipped sample narrative (china-russia.txt), embedded so the test needs nothing outside the repository.
const QByteArray kNarrative = R"txt(In recent years, the relationship between China and Russia has grown stronger than ever, with both countries showing a willingness to work together on a wide range of economic and geopolitical issues. This newfound closeness has raised concerns in some quarters about the impact that it may have on global stability.
One of the main drivers of the China-Russia alliance is their shared opposition to the United States. Both countries have expressed dissatisfaction with the US-led world order and have sought to challenge American dominance on the global stage. This has led to a number of joint military and economic ventures, including the creation of the Shanghai Cooperation Organization and the joint development of infrastructure projects such as the Belt and Road Initiative.
Another factor that has brought China and Russia closer together is their common interest in energy resources. Both countries are major exporters of oil and gas, and they have signed a number of agreements aimed at boosting energy cooperation. This has included the construction of pipelines and other infrastructure projects that enable them to trade energy more efficiently.
Despite their shared interests, however, there are also potential areas of conflict between China and Russia. One of the most significant is the issue of territorial disputes, particularly in the Asia-Pacific region. China’s assertiveness in the South China Sea and its claims to islands that are also claimed by other countries have raised concerns in Russia, which fears that Chinese expansionism could threaten its own territorial integrity.
Another potential area of conflict is the question of regional influence. Both China and Russia are seeking to expand their spheres of influence in their respective regions, and this could lead to competition between the two countries. For example, China’s increasing economic presence in Central Asia could potentially undermine Russia’s traditional influence in the region.
Despite these potential areas of conflict, however, the China-Russia alliance is likely to remain strong in the coming years. Both countries have a vested interest in working together, and they are likely to continue to do so as long as their shared interests outweigh their differences.
The growing closeness between China and Russia has important implications for the rest of the world. Some analysts have argued that the alliance could pose a challenge to the existing global order, particularly if it leads to greater cooperation between the two countries on military issues. Others have suggested that the China-Russia alliance could help to counterbalance US power, creating a more multipolar world in which multiple powers compete for influence.)txt";

constexpr qint64 kMaxNarrativeBytes = 8 * 1024 * 1024;

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out << v.toString();
    return out;
}

// The claim whose text contains `part`; an empty object when there is none.
QJsonObject claimWith(const QJsonArray &claims, const QString &part)
{
    for (const QJsonValue &c : claims)
        if (c.toObject().value("text"_L1).toString().contains(part))
            return c.toObject();
    return {};
}

bool containsAll(const QStringList &list, const QStringList &items)
{
    return std::all_of(items.begin(), items.end(), [&list](const QString &s) { return list.contains(s); });
}

} // namespace

class TestLinkCommand : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void printsClaimsAsJson();
    void outputMatchesGoldenFiles_data();
    void outputMatchesGoldenFiles();
    void readsStandardInput();
    void readsMarkdown();
    void writesABriefThatValidates();
    void fullDiskKeepsTheOldBrief();
    void updateKeepsEditedLinks();
    void badInputIsRefused_data();
    void badInputIsRefused();
    void validateReportsProblems_data();
    void validateReportsProblems();

private:
    struct Run
    {
        int exitCode;
        QByteArray out;
        QString err;
    };
    Run run(const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        p.start(QStringLiteral(SPHERES_BINARY), args);
        if (!p.waitForStarted(60000))
            return {-1, {}, u"not started"_s};
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            return {-1, {}, u"timeout"_s};
        if (p.exitStatus() != QProcess::NormalExit)
            return {-1, {}, u"crashed: "_s + QString::fromUtf8(p.readAllStandardError())};
        return {p.exitCode(), p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError())};
    }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    void write(const QString &name, const QByteArray &data)
    {
        QFile f(path(name));
        QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(f.errorString()));
        QCOMPARE(f.write(data), data.size());
    }
    // `spheres link … --json` parsed; fails the test when it does not succeed.
    QJsonObject linkJson(const QStringList &args, const QByteArray &input = {})
    {
        const Run r = run(QStringList{u"link"_s} + args + QStringList{u"--json"_s}, input);
        if (r.exitCode != 0) {
            qWarning("exit %d: %s", r.exitCode, qPrintable(r.err));
            return {};
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        if (error.error != QJsonParseError::NoError)
            qWarning("not JSON: %s", qPrintable(error.errorString()));
        return doc.object();
    }

    QTemporaryDir m_dir;
};

void TestLinkCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    write(u"china-russia.txt"_s, kNarrative);
}

void TestLinkCommand::printsClaimsAsJson()
{
    const QJsonObject doc = linkJson({path(u"china-russia.txt"_s)});
    QCOMPARE(doc.value("source"_L1).toString(), u"china-russia.txt"_s);
    const QJsonArray claims = doc.value("claims"_L1).toArray();
    QCOMPARE(claims.size(), 19);
    const QStringList stances = {u"cooperation"_s, u"rivalry"_s, u"context"_s};
    const QStringList keys = {u"id"_s,     u"paragraph"_s, u"sentence"_s, u"text"_s,     u"stance"_s, u"confidence"_s,
                              u"cues"_s,   u"regions"_s,   u"groups"_s,   u"features"_s, u"topics"_s};
    for (qsizetype i = 0; i < claims.size(); ++i) {
        const QJsonObject c = claims.at(i).toObject();
        QCOMPARE(c.keys().size(), keys.size());
        for (const QString &key : keys)
            QVERIFY2(c.contains(key), qPrintable(key));
        QCOMPARE(c.value("id"_L1).toString(), u"c%1"_s.arg(i + 1));
        QVERIFY2(stances.contains(c.value("stance"_L1).toString()), qPrintable(c.value("stance"_L1).toString()));
        const double confidence = c.value("confidence"_L1).toDouble(-1);
        QVERIFY(confidence >= 0 && confidence <= 1);
    }
    QCOMPARE(claims.at(0).toObject().value("paragraph"_L1).toInt(), 0);
    QCOMPARE(claims.at(18).toObject().value("paragraph"_L1).toInt(), 6);
    QCOMPARE(claims.at(18).toObject().value("sentence"_L1).toInt(), 2);

    const QJsonObject centralAsia = claimWith(claims, u"Central Asia"_s);
    QVERIFY(containsAll(strings(centralAsia.value("regions"_L1)), {u"KAZ"_s, u"KGZ"_s, u"TJK"_s, u"TKM"_s, u"UZB"_s}));
    const QJsonObject southChinaSea = claimWith(claims, u"South China Sea"_s);
    QVERIFY(strings(southChinaSea.value("features"_L1)).contains(u"contested/spratly-islands"_s));
    // The text keeps its typographic apostrophe: the output is UTF-8, not escaped ASCII.
    QVERIFY(southChinaSea.value("text"_L1).toString().startsWith(u"China\u2019s assertiveness"_s));
    const QJsonObject sco = claimWith(claims, u"Shanghai Cooperation Organization"_s);
    QVERIFY(strings(sco.value("features"_L1)).contains(u"sco"_s));
}

void TestLinkCommand::outputMatchesGoldenFiles_data()
{
    // What `spheres link --json` prints for two corpus narratives, byte for byte: a change of
    // links, stance, confidence, order or format shows here. When a change is meant, regenerate
    // with SPHERES_UPDATE_GOLDEN=1 QT_QPA_PLATFORM=offscreen ./build/tests/tst_linkcommand
    // and read the diff.
    QTest::addColumn<QString>("narrative");
    QTest::newRow("Central Asian gas") << u"01-central-asia-gas"_s;
    QTest::newRow("South China Sea") << u"07-south-china-sea"_s;
}

void TestLinkCommand::outputMatchesGoldenFiles()
{
    QFETCH(QString, narrative);
    const QString data = QStringLiteral(SPHERES_TEST_DATA);
    // The corpus file without its answers: the sentences of each paragraph, as an analyst wrote them.
    QFile annotated(data + u"/linker-corpus/"_s + narrative + u".txt"_s);
    QVERIFY(annotated.open(QIODevice::ReadOnly));
    QStringList paragraphs{QString()};
    for (const QString &raw : QString::fromUtf8(annotated.readAll()).split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.isEmpty() && !paragraphs.last().isEmpty())
            paragraphs << QString();
        else if (line.contains(u'|') && !line.startsWith(u'#') && !line.startsWith(u'@'))
            paragraphs.last() += (paragraphs.last().isEmpty() ? u""_s : u" "_s) + line.section(u'|', 1).trimmed();
    }
    write(narrative + u".txt"_s, paragraphs.join(u"\n\n"_s).toUtf8());
    const Run r = run({u"link"_s, path(narrative + u".txt"_s), u"--json"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile golden(data + u"/golden/link-"_s + narrative + u".json"_s);
    if (qEnvironmentVariableIsSet("SPHERES_UPDATE_GOLDEN")) {
        QVERIFY(golden.open(QIODevice::WriteOnly | QIODevice::Truncate));
        golden.write(r.out);
        QSKIP("golden file written");
    }
    QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(golden.fileName()));
    const QByteArray expected = golden.readAll();
    if (r.out != expected) {
        const QList<QByteArray> got = r.out.split('\n'), want = expected.split('\n');
        for (qsizetype i = 0; i < std::max(got.size(), want.size()); ++i)
            QVERIFY2(got.value(i) == want.value(i), qPrintable(u"line %1: %2\ninstead of: %3"_s.arg(i + 1)
                                                                  .arg(QString::fromUtf8(got.value(i)), QString::fromUtf8(want.value(i)))));
    }
}

void TestLinkCommand::readsStandardInput()
{
    const QJsonObject doc = linkJson({u"-"_s}, kNarrative);
    QCOMPARE(doc.value("source"_L1).toString(), u"stdin"_s);
    QCOMPARE(doc.value("claims"_L1).toArray().size(), 19);
}

void TestLinkCommand::readsMarkdown()
{
    write(u"notes.md"_s, "# China and Russia\n\n- **China\xE2\x80\x99s** ties with *Russia* grew stronger.\n"
                         "- The U.S. objected. Turkey's view differs.\n");
    const QJsonArray claims = linkJson({path(u"notes.md"_s)}).value("claims"_L1).toArray();
    // The opening heading is the brief's title, not a claim.
    QCOMPARE(claims.size(), 3);
    QCOMPARE(claims.at(0).toObject().value("text"_L1).toString(), u"China\u2019s ties with Russia grew stronger."_s);
    QCOMPARE(strings(claims.at(0).toObject().value("regions"_L1)), (QStringList{u"CHN"_s, u"RUS"_s}));
    QCOMPARE(strings(claims.at(2).toObject().value("regions"_L1)), QStringList{u"TUR"_s});
}

void TestLinkCommand::writesABriefThatValidates()
{
    const QString brief = path(u"china-russia.spheres.json"_s);
    const Run linked = run({u"link"_s, path(u"china-russia.txt"_s), u"-o"_s, brief, u"--author"_s, u"A. Analyst"_s});
    QVERIFY2(linked.exitCode == 0, qPrintable(linked.err));
    QVERIFY2(linked.err.contains(u"Wrote 19 claims to "_s + brief), qPrintable(linked.err));
    QVERIFY(linked.out.isEmpty());

    QFile file(brief);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(doc.value("title"_L1).toString(), u"china-russia"_s);
    QCOMPARE(doc.value("author"_L1).toString(), u"A. Analyst"_s);
    QCOMPARE(doc.value("date"_L1).toString(), QDate::currentDate().toString(Qt::ISODate));
    QCOMPARE(doc.value("narrative"_L1).toObject().value("source"_L1).toString(), u"china-russia.txt"_s);
    QCOMPARE(doc.value("narrative"_L1).toObject().value("paragraphs"_L1).toArray().size(), 7);
    QCOMPARE(doc.value("claims"_L1).toArray().size(), 19);
    QStringList layers;
    for (const QJsonValue &l : doc.value("layers"_L1).toArray()) {
        layers << l.toObject().value("id"_L1).toString();
        QVERIFY(l.toObject().value("visible"_L1).toBool());
    }
    QCOMPARE(layers, (QStringList{u"sco"_s, u"contested"_s, u"pipelines"_s, u"sites"_s}));
    QVERIFY(doc.value("views"_L1).toArray().isEmpty());

    const Run validated = run({u"validate"_s, brief});
    QVERIFY2(validated.exitCode == 0, qPrintable(validated.err));
    QCOMPARE(QString::fromUtf8(validated.out).trimmed(), brief + u": OK (19 claims, 0 views)"_s);
    QVERIFY2(validated.err.isEmpty(), qPrintable(validated.err));

    // --out again, with --title and from standard input: the old file is replaced.
    const Run again = run({u"link"_s, u"-"_s, u"--out"_s, brief, u"--title"_s, u"China and Russia"_s}, kNarrative);
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject second = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(second.value("title"_L1).toString(), u"China and Russia"_s);
    QVERIFY(!second.contains("author"_L1));
}

void TestLinkCommand::updateKeepsEditedLinks()
{
    write(u"update.md"_s, "# Energy notes\n\nChina and Russia signed a deal. India objected.\n");
    const QString brief = path(u"update.spheres.json"_s);
    QCOMPARE(run({u"link"_s, path(u"update.md"_s), u"-o"_s, brief}).exitCode, 0);
    QFile file(brief);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QCOMPARE(doc.value("title"_L1).toString(), u"Energy notes"_s); // the opening heading
    // The user edits the second claim's links by hand.
    QJsonArray claims = doc.value("claims"_L1).toArray();
    QJsonObject second = claims.at(1).toObject();
    QCOMPARE(second.value("text"_L1).toString(), u"India objected."_s);
    second.insert("regions"_L1, QJsonArray{u"IND"_s, u"PAK"_s});
    claims.replace(1, second);
    doc.insert("claims"_L1, claims);
    write(u"update.spheres.json"_s, QJsonDocument(doc).toJson());

    write(u"update.md"_s, "# Energy notes\n\nChina and Russia signed a deal. Japan watched. India objected.\n");
    const Run r = run({u"link"_s, path(u"update.md"_s), u"-o"_s, brief, u"--update"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray after = QJsonDocument::fromJson(file.readAll()).object().value("claims"_L1).toArray();
    QCOMPARE(after.size(), 3);
    QCOMPARE(strings(claimWith(after, u"India objected"_s).value("regions"_L1)), (QStringList{u"IND"_s, u"PAK"_s}));
    QCOMPARE(strings(claimWith(after, u"Japan watched"_s).value("regions"_L1)), QStringList{u"JPN"_s});

    // --update without --out, or with a brief that is not there, is refused.
    QCOMPARE(run({u"link"_s, path(u"update.md"_s), u"--json"_s, u"--update"_s}).exitCode, 2);
    QCOMPARE(run({u"link"_s, path(u"update.md"_s), u"-o"_s, path(u"missing.spheres.json"_s), u"--update"_s}).exitCode, 1);
}

void TestLinkCommand::fullDiskKeepsTheOldBrief()
{
    FullDisk disk;
    SPHERES_REQUIRE_FULL_DISK(disk);
    QVERIFY(disk.put(u"brief.spheres.json"_s, "the good old brief"));
    QVERIFY(disk.fill());
    const QString brief = disk.filePath(u"brief.spheres.json"_s);
    const Run r = run({u"link"_s, path(u"china-russia.txt"_s), u"-o"_s, brief});
    QVERIFY2(r.exitCode != 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(brief + u": No space left on device"_s), qPrintable(r.err));
    QVERIFY2(!r.err.contains(u"Wrote"_s), qPrintable(r.err));
    QFile file(brief);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("the good old brief"));
    QCOMPARE(disk.entries(), QStringList{u"brief.spheres.json"_s});
}

void TestLinkCommand::badInputIsRefused_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("exitCode"); // 1: the narrative or the output is the problem; 2: the command line

    write(u"empty.txt"_s, {});
    write(u"blank.md"_s, "\n   \n---\n\n");
    write(u"nul.txt"_s, QByteArray("China and Russia\0agree.", 23));
    write(u"latin1.txt"_s, "Caf\xE9 diplomacy between China and Russia.");
    write(u"huge.txt"_s, QByteArray(kMaxNarrativeBytes + 1, 'a'));
    write(u"locked.txt"_s, kNarrative);
    QFile::setPermissions(path(u"locked.txt"_s), QFileDevice::Permissions());
    QDir(m_dir.path()).mkdir(u"folder.txt"_s);

    const QString text = path(u"china-russia.txt"_s);
    const QString out = path(u"never.spheres.json"_s);
    const auto link = [](const QString &file) { return QStringList{u"link"_s, file, u"--json"_s}; };
    QTest::newRow("missing") << link(path(u"missing.txt"_s)) << QByteArray() << path(u"missing.txt"_s) + u": no such file"_s << 1;
    QTest::newRow("directory") << link(path(u"folder.txt"_s)) << QByteArray() << path(u"folder.txt"_s) << 1;
    QTest::newRow("unreadable") << link(path(u"locked.txt"_s)) << QByteArray() << path(u"locked.txt"_s) + u": cannot be read"_s << 1;
    QTest::newRow("empty") << link(path(u"empty.txt"_s)) << QByteArray() << path(u"empty.txt"_s) + u": no sentences"_s << 1;
    QTest::newRow("blank markdown") << link(path(u"blank.md"_s)) << QByteArray() << path(u"blank.md"_s) + u": no sentences"_s << 1;
    QTest::newRow("empty stdin") << link(u"-"_s) << QByteArray() << u"standard input: no sentences"_s << 1;
    QTest::newRow("NUL") << link(path(u"nul.txt"_s)) << QByteArray() << path(u"nul.txt"_s) + u": is a binary file"_s << 1;
    QTest::newRow("binary stdin") << link(u"-"_s) << QByteArray("\x7F" "ELF\0\0", 6) << u"standard input: is a binary file"_s << 1;
    QTest::newRow("not UTF-8") << link(path(u"latin1.txt"_s)) << QByteArray() << path(u"latin1.txt"_s) + u": is not UTF-8"_s << 1;
    QTest::newRow("over 8 MiB") << link(path(u"huge.txt"_s)) << QByteArray() << path(u"huge.txt"_s) + u": the file is larger than 8 MiB"_s << 1;
    QTest::newRow("over 8 MiB on stdin") << link(u"-"_s) << QByteArray(kMaxNarrativeBytes + 1, 'a')
                                         << u"standard input: the text is larger than 8 MiB"_s << 1;
    QTest::newRow("no --json or -o") << QStringList{u"link"_s, text} << QByteArray() << u"--json"_s << 2;
    QTest::newRow("--json and -o") << QStringList{u"link"_s, text, u"--json"_s, u"-o"_s, out} << QByteArray()
                                   << u"--json and --out"_s << 2;
    QTest::newRow("unwritable output") << QStringList{u"link"_s, text, u"-o"_s, u"/nonexistent-dir/brief.json"_s}
                                       << QByteArray() << u"/nonexistent-dir/brief.json"_s << 1;
    QTest::newRow("output onto input") << QStringList{u"link"_s, text, u"--out"_s, text} << QByteArray()
                                       << u"--out \"%1\""_s.arg(text) << 2;
    QTest::newRow("no file") << QStringList{u"link"_s, u"--json"_s} << QByteArray() << u"no narrative file"_s << 2;
    QTest::newRow("two files") << QStringList{u"link"_s, text, u"extra.txt"_s, u"--json"_s} << QByteArray() << u"extra.txt"_s << 2;
    QTest::newRow("unknown option") << QStringList{u"link"_s, text, u"--json"_s, u"--frobnicate"_s} << QByteArray()
                                    << u"frobnicate"_s << 2;
}

void TestLinkCommand::badInputIsRefused()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QFETCH(int, exitCode);
    if (QByteArrayView(QTest::currentDataTag()) == "unreadable" && QFile(path(u"locked.txt"_s)).open(QIODevice::ReadOnly))
        QSKIP("running with permission to read any file (root)");
    const Run r = run(args, input);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    QVERIFY2(r.out.isEmpty(), r.out.constData());
    QVERIFY(!QFile::exists(path(u"never.spheres.json"_s)));
    QVERIFY(QFile(path(u"china-russia.txt"_s)).size() == kNarrative.size());
}

void TestLinkCommand::validateReportsProblems_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("contents"); // empty: the file is not written
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expectedErr");
    QTest::addColumn<QString>("expectedOut");

    const QString unknownRegion = u"{\"schemaVersion\": 1, \"narrative\": {\"paragraphs\": [\"Atlantis and China met.\"]},"
                                  " \"claims\": [{\"id\": \"c1\", \"paragraph\": 0, \"sentence\": 0,"
                                  " \"text\": \"Atlantis and China met.\", \"stance\": \"context\","
                                  " \"regions\": [\"ATL\", \"CHN\"], \"features\": [\"pipelines/nowhere\"]}]}"_s;
    const QString withWarning = u"{\"schemaVersion\": 1, \"colour\": \"red\", \"views\": [{\"name\": \"Asia\","
                                " \"projection\": \"eurasia\", \"centre\": [95, 45], \"metresPerPixel\": 5200, \"year\": 2026}]}"_s;
    QTest::newRow("malformed") << u"broken.spheres.json"_s << QByteArray("{\"schemaVersion\": 1, \"claims\": [") << 1
                               << u"broken.spheres.json: not valid JSON"_s << QString();
    QTest::newRow("not a brief") << u"array.json"_s << QByteArray("[1, 2]") << 1 << u"array.json: not a Spheres brief"_s
                                 << QString();
    QTest::newRow("missing") << u"missing.spheres.json"_s << QByteArray() << 1 << u"missing.spheres.json"_s << QString();
    QTest::newRow("unknown links") << u"atlantis.spheres.json"_s << unknownRegion.toUtf8() << 1
                                   << u"atlantis.spheres.json: claims[0] (c1): unknown region \"ATL\""_s << QString();
    QTest::newRow("unknown feature") << u"atlantis.spheres.json"_s << unknownRegion.toUtf8() << 1
                                     << u"unknown feature \"pipelines/nowhere\""_s << QString();
    QTest::newRow("warning only") << u"warned.spheres.json"_s << withWarning.toUtf8() << 0
                                  << u"warning: "_s + path(u"warned.spheres.json"_s) << u"OK with 1 warning(s) (0 claims, 1 views)"_s;
}

void TestLinkCommand::validateReportsProblems()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, contents);
    QFETCH(int, exitCode);
    QFETCH(QString, expectedErr);
    QFETCH(QString, expectedOut);
    if (!contents.isEmpty())
        write(file, contents);
    const Run r = run({u"validate"_s, path(file)});
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(expectedErr), qPrintable(r.err));
    QVERIFY2(r.err.contains(path(file)), qPrintable(r.err));
    if (exitCode != 0)
        QVERIFY2(!r.out.contains("OK"), r.out.constData());
    QVERIFY2(QString::fromUtf8(r.out).contains(expectedOut), r.out.constData());
}

QTEST_GUILESS_MAIN(TestLinkCommand)
#include "tst_linkcommand.moc"
