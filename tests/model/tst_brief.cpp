#include "atlas.h"
#include "briefio.h"
#include "claimfinder.h"
#include "geojsonreader.h"
#include "projectioncatalog.h"
#include "viewlimits.h"
#include "../hostilefiles.h"
#include "../support/fulldisk.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace spheres;
using namespace Qt::StringLiterals;

namespace spheres {
// QCOMPARE prints a Brief as the JSON it would be saved as.
char *toString(const Brief &brief) { return qstrdup(BriefWriter::toJson(brief).constData()); }
} // namespace spheres

namespace {

const Atlas &coarseAtlas()
{
    static const Atlas atlas = Atlas::loadBuiltIn(Atlas::Detail::Coarse).atlas;
    return atlas;
}

const QList<std::shared_ptr<const Layer>> &builtInLayers()
{
    static const QList<std::shared_ptr<const Layer>> layers = [] {
        QStringList errors;
        auto loaded = GeoJsonReader::readAllBuiltIn(errors);
        if (!errors.isEmpty())
            qWarning("%s", qPrintable(errors.join(u'\n')));
        return loaded;
    }();
    return layers;
}

const Brief &defaultBrief()
{
    static const Brief brief = BriefReader::readBuiltIn().brief;
    return brief;
}

/// The sentences of a paragraph, counted independently of the reader: the text has no
/// abbreviations, so every ". " ends a sentence.
QStringList sentencesOf(const QString &paragraph)
{
    QStringList parts = paragraph.split(QStringLiteral(". "));
    for (qsizetype i = 0; i + 1 < parts.size(); ++i)
        parts[i] += u'.';
    return parts;
}

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}

/// The one claim of the default brief whose text contains `phrase`.
const Claim *claimWith(const QString &phrase)
{
    const Claim *found = nullptr;
    for (const Claim &c : defaultBrief().claims) {
        if (c.text.contains(phrase)) {
            if (found)
                return nullptr; // ambiguous
            found = &c;
        }
    }
    return found;
}

/// A small valid brief with every field set, including text that needs escaping.
Brief fullBrief()
{
    Brief b;
    b.title = QStringLiteral("A \"quoted\" title \\ with a backslash");
    b.author = QStringLiteral("Zoë Ångström");
    b.date = QDate(2026, 11, 28);
    b.narrativeSource = QStringLiteral("test.txt (made up)");
    b.paragraphs = {QStringLiteral("China and Russia agree. Kazakhstan\u2019s leaders\tdisagree!"),
                    QStringLiteral("A line\nbreak and a control \u0001 character? Yes.")};

    Claim a;
    a.id = QStringLiteral("c1");
    a.paragraph = 0;
    a.sentence = 1;
    a.text = QStringLiteral("Kazakhstan\u2019s leaders\tdisagree!");
    a.stance = Stance::Rivalry;
    a.regions = {QStringLiteral("KAZ"), QStringLiteral("RUS")};
    a.groups = {QStringLiteral("central-asia")};
    a.features = {QStringLiteral("pipelines/cagp-a"), QStringLiteral("sco")};
    a.topics = {QStringLiteral("belt-and-road")};
    a.note = QStringLiteral("A note \u2014 with a dash.");
    a.noteSources = {Source{QStringLiteral("Title"), QStringLiteral("Publisher"), QStringLiteral("https://example.org/a?b=c&d"),
                            QStringLiteral("2025-01-02")},
                     Source{QStringLiteral("Only a title"), {}, {}, {}}};
    a.confidence = 0.35;
    a.cues = {QStringLiteral("disagree")};

    Claim b2;
    b2.id = QStringLiteral("c2");
    b2.paragraph = 1;
    b2.sentence = 0;
    b2.text = QStringLiteral("A line\nbreak and a control \u0001 character?");
    b2.stance = Stance::Cooperation;
    b2.topics = {QStringLiteral("energy")};
    b2.confidence = 0.0;

    Claim c;
    c.id = QStringLiteral("c3");
    c.paragraph = 1;
    c.sentence = 1;
    c.text = QStringLiteral("Yes.");
    c.stance = Stance::Context;
    c.regions = {QStringLiteral("CHN")};
    b.claims = {a, b2, c};

    b.layers = {LayerSetting{QStringLiteral("sco"), false, 0.25}, LayerSetting{QStringLiteral("pipelines"), true, 1.0}};

    SavedView v;
    v.name = QStringLiteral("Everything");
    v.caption = QStringLiteral("A caption, \"quoted\".");
    v.state.projectionId = QStringLiteral("eurasia-conic");
    v.state.centre = QPointF(123.456789012345, -33.3);
    v.state.metresPerPixel = 1234.5678;
    v.state.year = 1999;
    v.state.hiddenLayers = {QStringLiteral("contested"), QStringLiteral("pipelines")};
    v.state.selectedRegion = QStringLiteral("KAZ");
    v.focusedClaim = QStringLiteral("c1");
    v.state.hiddenAnnotations = {QStringLiteral("a2")};
    v.charts = {QStringLiteral("claims"), QStringLiteral("energy")}; // not in the panel's order: kept as it is

    SavedView w;
    w.name = QStringLiteral("Bare");
    w.state.projectionId = QStringLiteral("world-pacific");
    w.state.centre = QPointF(-180, 90);
    w.state.metresPerPixel = ViewLimits::kMinMetresPerPixel;
    w.state.year = 2100;
    b.views = {v, w};

    Annotation callout;
    callout.id = QStringLiteral("a1");
    callout.text = QStringLiteral("Power of Siberia crosses the Amur\nhere \"quoted\"");
    callout.anchor = QPointF(127.53, 50.257);
    callout.textOffset = QPointF(-40.5, 12.25);
    callout.colour = QStringLiteral("#0072b2");
    callout.textSize = 14;
    Annotation arrow;
    arrow.id = QStringLiteral("a2");
    arrow.kind = Annotation::Kind::Arrow;
    arrow.tail = QPointF(62.1, 37.6);
    arrow.anchor = QPointF(80.4, 44.2);
    Annotation pin;
    pin.id = QStringLiteral("a3");
    pin.kind = Annotation::Kind::Pin;
    pin.anchor = QPointF(-180, -90);
    Annotation area;
    area.id = QStringLiteral("a4");
    area.kind = Annotation::Kind::Area;
    area.text = QStringLiteral("Spratly Islands");
    area.points = {QPointF(111.5, 7.5), QPointF(117.0, 7.5), QPointF(117.0, 12.0), QPointF(111.5, 12.0)};
    Annotation region;
    region.id = QStringLiteral("a5");
    region.kind = Annotation::Kind::Region;
    region.region = QStringLiteral("MNG");
    b.annotations = {callout, arrow, pin, area, region};
    return b;
}

/// A brief around `members` (JSON text, may be empty) with two paragraphs of 2 and 1 sentences.
QByteArray briefWith(const char *members)
{
    QByteArray out = R"({"schemaVersion": 1, "narrative": {"paragraphs": ["One. Two.", "Three."]})";
    if (*members)
        out += QByteArray(", ") + members;
    return out + '}';
}

const char *goodClaim = R"({"id": "c1", "paragraph": 0, "sentence": 1, "text": "Two.", "stance": "context"})";
const char *goodView =
    R"({"name": "Overview", "projection": "eurasia", "centre": [95, 45], "metresPerPixel": 5200, "year": 2026})";

} // namespace

class TestBrief : public QObject
{
    Q_OBJECT
private slots:
    void roundTripInMemory();
    void roundTripThroughFile();
    void viewChartsSurviveSaveAndLoad_data();
    void viewChartsSurviveSaveAndLoad();
    void unknownChartNamesTheFile();
    void writerIsStableAndOrdered();
    void writerLeavesOutEmptyOptionals();
    void viewStateExtrasAreNotSaved();
    void minimalBriefReads();

    void defaultBriefLoads();
    void defaultBriefIsAsWritten();
    void defaultBriefHasEverySentence();
    void defaultBriefClaimsHaveStanceAndLinks();
    void defaultBriefReferencesResolve();
    void defaultBriefLinks_data();
    void defaultBriefLinks();
    void defaultBriefNotes_data();
    void defaultBriefNotes();
    void defaultBriefStoryboard();
    void claimsAboutFindsCentralAsia();

    void unknownReferencesAreReported();
    void malformedBriefIsRejected_data();
    void malformedBriefIsRejected();
    void futureSchemaIsRefused();
    void unknownMembersWarn();
    void textNotInParagraphWarns();
    void claimsOnLongSentences_data();
    void claimsOnLongSentences();
    void absurdScaleIsBroughtIntoRange_data();
    void absurdScaleIsBroughtIntoRange();
    void dangledFocusedClaimWarns();
    void oversizedInputIsRefused();
    void tooManyClaimsAreRefused();
    void overlongStringIsRefused();
    void missingFileIsNamed();

    void saveIntoMissingDirectoryFails();
    void saveIntoReadOnlyDirectoryFails();
    void saveRefusesWhatWouldNotReadBack();
    void saveOnAFullDiskKeepsTheOldFile_data();
    void saveOnAFullDiskKeepsTheOldFile();
};

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

// --- The default brief ------------------------------------------------------------------------

void TestBrief::defaultBriefLoads()
{
    const BriefReader::Result r = BriefReader::readBuiltIn();
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(u'\n')));
    QCOMPARE(r.brief.title, QStringLiteral("China and Russia: cooperation and rivalry"));
    QCOMPARE(r.brief.author, QStringLiteral("Spheres sample brief"));
    QCOMPARE(r.brief.date, QDate(2026, 11, 28));
    QVERIFY(r.brief.narrativeSource.startsWith(u"china-russia.txt"));
    QCOMPARE(r.brief.paragraphs.size(), 7);
    QCOMPARE(r.brief.layers.size(), 3);
    for (const LayerSetting &l : r.brief.layers) {
        QVERIFY2(l.visible && l.opacity == 1.0, qPrintable(l.id));
        QVERIFY(GeoJsonReader::builtInIds().contains(l.id));
    }
}

void TestBrief::defaultBriefIsAsWritten()
{
    // The shipped file is exactly what BriefWriter writes, so that edits saved from Spheres diff cleanly.
    QFile file(QStringLiteral(":/briefs/china-russia.spheres.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray shipped = file.readAll();
    const QByteArray written = BriefWriter::toJson(defaultBrief());
    if (shipped != written) {
        const QString path = QDir::temp().filePath(QStringLiteral("china-russia.spheres.json"));
        QFile out(path);
        if (out.open(QIODevice::WriteOnly))
            out.write(written);
        QFAIL(qPrintable(QStringLiteral("the shipped brief is not in the writer's form; see %1").arg(path)));
    }
}

void TestBrief::defaultBriefHasEverySentence()
{
    const Brief &brief = defaultBrief();
    int n = 0;
    for (qsizetype p = 0; p < brief.paragraphs.size(); ++p) {
        const QStringList sentences = sentencesOf(brief.paragraphs[p]);
        for (qsizetype s = 0; s < sentences.size(); ++s) {
            QVERIFY2(n < brief.claims.size(), qPrintable(sentences[s]));
            const Claim &c = brief.claims[n];
            ++n;
            QCOMPARE(c.id, QStringLiteral("c%1").arg(n));
            QCOMPARE(c.paragraph, int(p));
            QCOMPARE(c.sentence, int(s));
            QCOMPARE(c.text, sentences[s]);
        }
    }
    QCOMPARE(brief.claims.size(), n);
    QCOMPARE(n, 19);
}

void TestBrief::defaultBriefClaimsHaveStanceAndLinks()
{
    QSet<QString> stances;
    for (const Claim &c : defaultBrief().claims) {
        const char *id = qPrintable(c.id);
        QVERIFY2(!stanceKey(c.stance).isEmpty(), id);
        stances.insert(stanceKey(c.stance));
        QVERIFY2(!c.regions.isEmpty() || !c.groups.isEmpty() || !c.features.isEmpty() || !c.topics.isEmpty(), id);
        QCOMPARE(c.confidence, 1.0); // checked by hand
        QVERIFY2(!c.cues.isEmpty(), id);
        for (const QString &cue : c.cues)
            QVERIFY2(c.text.contains(cue, Qt::CaseInsensitive), qPrintable(c.id + QStringLiteral(": ") + cue));
        for (const Source &s : c.noteSources) {
            QVERIFY2(!c.note.isEmpty(), id);
            QVERIFY2(!s.title.isEmpty() && !s.publisher.isEmpty() && !s.date.isEmpty(), id);
            QVERIFY2(s.url.startsWith(u"https://") || s.url.startsWith(u"http://"), qPrintable(s.url));
        }
    }
    QCOMPARE(stances.size(), 3);
}

void TestBrief::defaultBriefReferencesResolve()
{
    QCOMPARE(builtInLayers().size(), 4); // sco, contested, pipelines, sites
    const QStringList unknown = BriefReader::unknownReferences(defaultBrief(), coarseAtlas(), builtInLayers());
    QVERIFY2(unknown.isEmpty(), qPrintable(unknown.join(u'\n')));
}

void TestBrief::defaultBriefLinks_data()
{
    QTest::addColumn<QString>("phrase");
    QTest::addColumn<QString>("stance");
    QTest::addColumn<QStringList>("regions");
    QTest::addColumn<QStringList>("groups");
    QTest::addColumn<QStringList>("features");
    QTest::addColumn<QStringList>("topics");
    QTest::newRow("Central Asia") << "Central Asia" << "rivalry"
                                  << strings({"CHN", "RUS", "KAZ", "KGZ", "TJK", "TKM", "UZB"})
                                  << strings({"central-asia"}) << QStringList() << QStringList();
    QTest::newRow("South China Sea") << "South China Sea" << "rivalry"
                                     << strings({"CHN", "RUS", "VNM", "PHL", "MYS", "BRN", "TWN"}) << QStringList()
                                     << strings({"contested/nine-dash-line", "contested/spratly-islands",
                                                    "contested/paracel-islands", "contested/scarborough-shoal"})
                                     << QStringList();
    QTest::newRow("SCO and BRI") << "Shanghai Cooperation Organization" << "cooperation"
                                 << strings({"CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB"}) << QStringList()
                                 << strings({"sco"}) << strings({"belt-and-road"});
    QTest::newRow("Asia-Pacific") << "Asia-Pacific" << "rivalry" << strings({"CHN", "RUS"})
                                  << strings({"asia-pacific"}) << strings({"contested"}) << QStringList();
    QTest::newRow("pipelines") << "construction of pipelines" << "cooperation" << strings({"CHN", "RUS"})
                               << QStringList()
                               << strings({"pipelines/power-of-siberia", "pipelines/espo-daqing-spur",
                                              "pipelines/far-eastern-route", "pipelines/power-of-siberia-2"})
                               << strings({"energy"});
    QTest::newRow("United States") << "opposition to the United States" << "cooperation"
                                   << strings({"CHN", "RUS", "USA"}) << QStringList() << QStringList() << QStringList();
    QTest::newRow("implications") << "implications for the rest of the world" << "context" << strings({"CHN", "RUS"})
                                  << QStringList() << QStringList() << QStringList();
}

void TestBrief::defaultBriefLinks()
{
    QFETCH(QString, phrase);
    QFETCH(QString, stance);
    QFETCH(QStringList, regions);
    QFETCH(QStringList, groups);
    QFETCH(QStringList, features);
    QFETCH(QStringList, topics);
    const Claim *c = claimWith(phrase);
    QVERIFY2(c, qPrintable(phrase));
    QCOMPARE(stanceKey(c->stance), stance);
    // At least these links (a claim may link more).
    for (const QString &r : regions)
        QVERIFY2(c->regions.contains(r), qPrintable(c->id + QStringLiteral(": ") + r));
    for (const QString &g : groups)
        QVERIFY2(c->groups.contains(g), qPrintable(c->id + QStringLiteral(": ") + g));
    for (const QString &f : features)
        QVERIFY2(c->features.contains(f), qPrintable(c->id + QStringLiteral(": ") + f));
    for (const QString &t : topics)
        QVERIFY2(c->topics.contains(t), qPrintable(c->id + QStringLiteral(": ") + t));
}

void TestBrief::defaultBriefNotes_data()
{
    QTest::addColumn<QString>("phrase");
    QTest::addColumn<QString>("noteMentions");
    QTest::newRow("exporters") << "major exporters of oil and gas" << "largest importer";
    QTest::newRow("alliance") << "main drivers of the China-Russia alliance" << "no formal alliance";
    QTest::newRow("SCO founders") << "Shanghai Cooperation Organization" << "six states";
    QTest::newRow("BRI") << "Belt and Road Initiative" << "Chinese initiative launched in 2013";
    QTest::newRow("military") << "joint military" << "Vostok 2018";
}

void TestBrief::defaultBriefNotes()
{
    QFETCH(QString, phrase);
    QFETCH(QString, noteMentions);
    const Claim *c = claimWith(phrase);
    QVERIFY2(c, qPrintable(phrase));
    QVERIFY2(c->note.contains(noteMentions), qPrintable(c->id + QStringLiteral(": ") + c->note));
    QVERIFY2(!c->noteSources.isEmpty(), qPrintable(c->id));
    QVERIFY2(c->note.contains(u"As of "), qPrintable(c->id));
}

void TestBrief::defaultBriefStoryboard()
{
    const Brief &brief = defaultBrief();
    QVERIFY(brief.views.size() >= 6 && brief.views.size() <= 7);
    QStringList names;
    for (const SavedView &v : brief.views) {
        names << v.name;
        const char *name = qPrintable(v.name);
        QVERIFY2(!v.caption.isEmpty(), name);
        QVERIFY2(ProjectionCatalog::find(v.state.projectionId), name);
        QVERIFY2(v.focusedClaim.isEmpty() || brief.claim(v.focusedClaim), name);
    }
    QCOMPARE(names.first(), QStringLiteral("Overview"));
    QCOMPARE(names.last(), QStringLiteral("Outlook"));
    const auto view = [&brief](const QString &name) -> const SavedView * {
        for (const SavedView &v : brief.views)
            if (v.name == name)
                return &v;
        return nullptr;
    };
    const SavedView *overview = view(QStringLiteral("Overview"));
    QVERIFY(overview);
    QCOMPARE(overview->state.metresPerPixel, 5200.0);

    const SavedView *energy = view(QStringLiteral("Energy corridors"));
    QVERIFY(energy);
    QCOMPARE(energy->state.year, 2026);
    QVERIFY(!energy->state.hiddenLayers.contains(QStringLiteral("pipelines")));
    QCOMPARE(energy->state.centre, QPointF(110, 50));

    const SavedView *sco = view(QStringLiteral("SCO enlargement"));
    QVERIFY(sco);
    QCOMPARE(sco->state.year, 2024);
    // Each chart on the view it belongs to: capacity with the corridors, membership with the
    // enlargement, the balance of claims with the outlook.
    QVERIFY(energy->charts.contains(QStringLiteral("energy")));
    QCOMPARE(sco->charts, QStringList{QStringLiteral("sco")});
    QVERIFY(view(QStringLiteral("Outlook")) && view(QStringLiteral("Outlook"))->charts.contains(QStringLiteral("claims")));
    QVERIFY(overview->charts.isEmpty());

    const SavedView *scs = view(QStringLiteral("South China Sea"));
    QVERIFY(scs);
    QCOMPARE(scs->state.centre, QPointF(114, 12));
    QCOMPARE(scs->state.metresPerPixel, 1200.0);
    QVERIFY(claimWith(QStringLiteral("South China Sea")));
    QCOMPARE(scs->focusedClaim, claimWith(QStringLiteral("South China Sea"))->id);

    // The storyboard's annotations: each shown on some view, and only where it belongs.
    QVERIFY(brief.annotations.size() >= 4);
    for (const Annotation &a : brief.annotations) {
        const bool somewhere = std::any_of(brief.views.begin(), brief.views.end(), [&](const SavedView &v) {
            return !v.state.hiddenAnnotations.contains(a.id);
        });
        QVERIFY2(somewhere, qPrintable(a.id));
    }
    QCOMPARE(overview->state.hiddenAnnotations.size(), brief.annotations.size()); // the overview stays clean
    const auto shows = [&brief](const SavedView *v, const QString &words) {
        for (const Annotation &a : brief.annotations)
            if (a.text.contains(words))
                return !v->state.hiddenAnnotations.contains(a.id);
        return false;
    };
    QVERIFY(shows(scs, QStringLiteral("Scarborough Shoal")));
    QVERIFY(!shows(energy, QStringLiteral("Scarborough Shoal")));
    QVERIFY(shows(energy, QStringLiteral("Power of Siberia crosses the Amur")));

    const SavedView *ca = view(QStringLiteral("Central Asia"));
    QVERIFY(ca);
    QCOMPARE(ca->state.centre, QPointF(68, 43));
    QCOMPARE(ca->state.selectedRegion, QStringLiteral("KAZ"));
}

void TestBrief::claimsAboutFindsCentralAsia()
{
    // The context panel showed Kazakhstan a claim linked only to "central-asia" and the printed
    // pack left it out; both now ask ClaimFinder.
    QVERIFY(coarseAtlas().group(QStringLiteral("central-asia"))->members.contains(u"KAZ"_s));
    Brief brief = defaultBrief();
    Claim viaGroup;
    viaGroup.id = u"c-group"_s;
    viaGroup.text = u"Beijing's loans reach across the steppe."_s;
    viaGroup.groups = {u"central-asia"_s};
    brief.claims << viaGroup;
    const Claim *group = brief.claim(viaGroup.id);
    const ClaimFinder finder(brief, &coarseAtlas());
    const QList<const Claim *> aboutKaz = finder.aboutRegion(QStringLiteral("KAZ"));
    QVERIFY(aboutKaz.contains(group));
    QVERIFY(aboutKaz.contains(brief.claim(u"c14"_s))); // linked directly
    // Without the atlas, only the direct links count.
    QVERIFY(!ClaimFinder(brief, nullptr).aboutRegion(QStringLiteral("KAZ")).contains(group));
    // And not for a region the narrative never touches.
    QVERIFY(finder.aboutRegion(QStringLiteral("BRA")).isEmpty());
    // A view of Kazakhstan (as the briefing pack prints it) says what the panel says...
    SavedView view;
    view.state.selectedRegion = QStringLiteral("KAZ");
    QCOMPARE(finder.aboutView(view), aboutKaz);
    // ...with its focused claim first, once.
    view.focusedClaim = viaGroup.id;
    QCOMPARE(finder.aboutView(view).first(), group);
    QCOMPARE(finder.aboutView(view).count(group), 1);
    QCOMPARE(finder.aboutView(view).size(), aboutKaz.size());
    // A feature's claims: the feature itself or its whole layer.
    for (const Claim *c : finder.aboutFeature(u"contested/senkaku"_s))
        QVERIFY(c->features.contains(u"contested"_s) || c->features.contains(u"contested/senkaku"_s));
    QVERIFY(finder.aboutFeature(u"contested/senkaku"_s).contains(brief.claim(u"c10"_s)));
}

// --- Validation -------------------------------------------------------------------------------

void TestBrief::unknownReferencesAreReported()
{
    Brief b = fullBrief();
    b.claims[1].regions = {QStringLiteral("CHN"), QStringLiteral("XYZ")};
    b.claims[1].groups = {QStringLiteral("atlantis")};
    b.claims[1].features = {QStringLiteral("pipelines/south-stream"), QStringLiteral("nato"), QStringLiteral("sco"),
                            QStringLiteral("contested/kuril-islands")};
    b.layers << LayerSetting{QStringLiteral("railways"), true, 1.0};
    b.views[0].state.selectedRegion = QStringLiteral("QQQ");
    b.views[0].state.hiddenLayers << QStringLiteral("roads");
    const QStringList unknown = BriefReader::unknownReferences(b, coarseAtlas(), builtInLayers());
    QCOMPARE(unknown, (QStringList{QStringLiteral("claims[1] (c2): unknown region \"XYZ\""),
                                   QStringLiteral("claims[1] (c2): unknown region group \"atlantis\""),
                                   QStringLiteral("claims[1] (c2): unknown feature \"pipelines/south-stream\""),
                                   QStringLiteral("claims[1] (c2): unknown layer \"nato\""),
                                   QStringLiteral("layers[2]: unknown layer \"railways\""),
                                   QStringLiteral("views[0] (Everything): unknown region \"QQQ\""),
                                   QStringLiteral("views[0] (Everything): unknown layer \"roads\"")}));
}

void TestBrief::malformedBriefIsRejected_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected");
    const QByteArray claim(goodClaim), view(goodView);
    const auto claims = [](const QByteArray &c) { return briefWith(("\"claims\": [" + c + "]").constData()); };
    const auto views = [](const QByteArray &v) { return briefWith(("\"views\": [" + v + "]").constData()); };
    const auto withClaim = [&](const char *from, const char *to) {
        return claims(QByteArray(claim).replace(from, to));
    };
    const auto withView = [&](const char *from, const char *to) { return views(QByteArray(view).replace(from, to)); };

    QTest::newRow("not JSON") << QByteArray(R"({"schemaVersion": 1,)") << "broken.json: not valid JSON at byte ";
    QTest::newRow("top level array") << QByteArray("[]") << "broken.json: not a Spheres brief (the top level is not an object)";
    QTest::newRow("no schemaVersion") << QByteArray(R"({"title": "x"})") << "broken.json: \"schemaVersion\" is missing";
    QTest::newRow("schemaVersion 0") << QByteArray(R"({"schemaVersion": 0})")
                                     << "broken.json: \"schemaVersion\" must be a whole number from 1 (it is 0)";
    QTest::newRow("schemaVersion 1.5") << QByteArray(R"({"schemaVersion": 1.5})")
                                       << "\"schemaVersion\" must be a whole number from 1 (it is 1.5)";
    QTest::newRow("schemaVersion string") << QByteArray(R"({"schemaVersion": "1"})")
                                          << "\"schemaVersion\" must be a whole number from 1 (it is not a number)";
    QTest::newRow("title not a string") << QByteArray(R"({"schemaVersion": 1, "title": 3})")
                                        << "broken.json: \"title\" must be a string";
    QTest::newRow("bad date") << QByteArray(R"({"schemaVersion": 1, "date": "28.11.2026"})")
                              << "broken.json: \"date\" must be a date \"YYYY-MM-DD\" (it is \"28.11.2026\")";
    QTest::newRow("impossible date") << QByteArray(R"({"schemaVersion": 1, "date": "2026-02-30"})")
                                     << "\"date\" must be a date";
    QTest::newRow("narrative not object") << briefWith("").replace(R"({"paragraphs": ["One. Two.", "Three."]})", "[]")
                                          << "broken.json: narrative: must be an object";
    QTest::newRow("paragraph not string") << briefWith("").replace(R"("Three.")", "3")
                                          << "broken.json: narrative: \"paragraphs\"[1] must be a string";
    QTest::newRow("claims not array") << briefWith(R"("claims": {})") << "broken.json: \"claims\" must be an array";
    QTest::newRow("claim not object") << claims("3") << "broken.json: claims[0]: must be an object";
    QTest::newRow("claim without id") << withClaim(R"("id": "c1", )", "") << "broken.json: claims[0]: \"id\" is missing";
    QTest::newRow("stance") << claims(claim + ", " + QByteArray(claim).replace("c1", "c2").replace("context", "friendly"))
                            << "broken.json: claims[1] (c2): \"stance\" must be one of cooperation, rivalry, context (it is \"friendly\")";
    QTest::newRow("stance missing") << withClaim(R"(, "stance": "context")", "")
                                    << "broken.json: claims[0] (c1): \"stance\" must be one of cooperation, rivalry, context (missing)";
    QTest::newRow("paragraph out of range")
        << withClaim(R"("paragraph": 0)", R"("paragraph": 2)")
        << "broken.json: claims[0] (c1): \"paragraph\" is 2, but the last paragraph of the narrative is 1";
    QTest::newRow("paragraph negative") << withClaim(R"("paragraph": 0)", R"("paragraph": -1)")
                                        << "broken.json: claims[0] (c1): \"paragraph\" must be a whole number from 0 (it is -1)";
    QTest::newRow("sentence out of range")
        << withClaim(R"("paragraph": 0, "sentence": 1)", R"("paragraph": 1, "sentence": 1)")
        << "broken.json: claims[0] (c1): \"sentence\" is 1, but the last sentence of paragraph 1 is 0";
    QTest::newRow("sentence fractional") << withClaim(R"("sentence": 1)", R"("sentence": 0.5)")
                                         << "claims[0] (c1): \"sentence\" must be a whole number from 0 (it is 0.5)";
    QTest::newRow("no narrative") << QByteArray(R"({"schemaVersion": 1, "claims": [)") + claim + "]}"
                                  << "broken.json: claims[0] (c1): \"paragraph\" is 0, but the narrative has no paragraphs";
    QTest::newRow("text missing") << withClaim(R"("text": "Two.", )", "") << "broken.json: claims[0] (c1): \"text\" is missing";
    QTest::newRow("duplicate ids") << claims(claim + ", " + claim)
                                   << "broken.json: claims[1] (c1): the id is used before, by claims[0]";
    QTest::newRow("confidence above 1") << withClaim("}", R"(, "confidence": 1.5})")
                                        << "broken.json: claims[0] (c1): \"confidence\" must be a number from 0 to 1 (it is 1.5)";
    QTest::newRow("confidence negative") << withClaim("}", R"(, "confidence": -0.1})")
                                         << "claims[0] (c1): \"confidence\" must be a number from 0 to 1 (it is -0.1)";
    QTest::newRow("regions not strings") << withClaim("}", R"(, "regions": ["CHN", 7]})")
                                         << "broken.json: claims[0] (c1): \"regions\"[1] must be a non-empty string";
    QTest::newRow("features not array") << withClaim("}", R"(, "features": "sco"})")
                                        << "broken.json: claims[0] (c1): \"features\" must be an array of strings";
    QTest::newRow("note not string") << withClaim("}", R"(, "note": ["x"]})")
                                     << "broken.json: claims[0] (c1): \"note\" must be a string";
    QTest::newRow("source without title") << withClaim("}", R"(, "noteSources": [{"url": "https://example.org"}]})")
                                          << "broken.json: claims[0] (c1): noteSources[0]: \"title\" is missing";
    QTest::newRow("layers not array") << briefWith(R"("layers": "sco")") << "broken.json: \"layers\" must be an array";
    QTest::newRow("layer without id") << briefWith(R"("layers": [{"visible": true}])") << "broken.json: layers[0]: \"id\" is missing";
    QTest::newRow("opacity above 1") << briefWith(R"("layers": [{"id": "sco", "opacity": 1.2}])")
                                     << "broken.json: layers[0] (sco): \"opacity\" must be a number from 0 to 1 (it is 1.2)";
    QTest::newRow("opacity negative") << briefWith(R"("layers": [{"id": "sco", "opacity": -0.5}])")
                                      << "broken.json: layers[0] (sco): \"opacity\" must be a number from 0 to 1 (it is -0.5)";
    QTest::newRow("visible not bool") << briefWith(R"("layers": [{"id": "sco", "visible": 1}])")
                                      << "broken.json: layers[0] (sco): \"visible\" must be true or false";
    QTest::newRow("duplicate layer") << briefWith(R"("layers": [{"id": "sco"}, {"id": "sco"}])")
                                     << "broken.json: layers[1] (sco): the layer is listed before, at layers[0]";
    QTest::newRow("view without name") << withView(R"("name": "Overview", )", "") << "broken.json: views[0]: \"name\" is missing";
    QTest::newRow("year too early") << withView(R"("year": 2026)", R"("year": 1700)")
                                    << "broken.json: views[0] (Overview): \"year\" must be a whole number from 1800 to 2100 (it is 1700)";
    QTest::newRow("year too late") << withView(R"("year": 2026)", R"("year": 2101)")
                                   << "broken.json: views[0] (Overview): \"year\" must be a whole number from 1800 to 2100 (it is 2101)";
    QTest::newRow("year missing") << withView(R"(, "year": 2026)", "") << "broken.json: views[0] (Overview): \"year\" is missing";
    QTest::newRow("metresPerPixel zero") << withView(R"("metresPerPixel": 5200)", R"("metresPerPixel": 0)")
                                         << "broken.json: views[0] (Overview): \"metresPerPixel\" must be a number greater than 0 (it is 0)";
    QTest::newRow("metresPerPixel negative") << withView(R"("metresPerPixel": 5200)", R"("metresPerPixel": -3)")
                                             << "views[0] (Overview): \"metresPerPixel\" must be a number greater than 0 (it is -3)";
    QTest::newRow("longitude") << withView("[95, 45]", "[190, 45]")
                               << "broken.json: views[0] (Overview): \"centre\": longitude 190 is outside [-180, 180]";
    QTest::newRow("latitude") << withView("[95, 45]", "[95, -91]")
                              << "broken.json: views[0] (Overview): \"centre\": latitude -91 is outside [-90, 90]";
    QTest::newRow("centre shape") << withView("[95, 45]", "[95]")
                                  << "broken.json: views[0] (Overview): \"centre\" must be [longitude, latitude]";
    QTest::newRow("centre not numbers") << withView("[95, 45]", R"(["95E", "45N"])")
                                        << "broken.json: views[0] (Overview): \"centre\" must be [longitude, latitude]";
    QTest::newRow("unknown projection") << withView(R"("eurasia")", R"("mercator")")
                                        << "broken.json: views[0] (Overview): \"projection\" must be one of eurasia, ";
    QTest::newRow("hiddenLayers") << withView("}", R"(, "hiddenLayers": [""]})")
                                  << "broken.json: views[0] (Overview): \"hiddenLayers\"[0] must be a non-empty string";
    QTest::newRow("unknown chart") << withView("}", R"(, "charts": ["energy", "pie"]})")
                                   << "broken.json: views[0] (Overview): \"charts\": \"pie\" is not a chart; choose from energy, sco, claims";
    QTest::newRow("chart twice") << withView("}", R"(, "charts": ["sco", "sco"]})")
                                 << "broken.json: views[0] (Overview): \"charts\": \"sco\" is listed twice";
    QTest::newRow("charts not an array") << withView("}", R"(, "charts": "energy"})")
                                         << "broken.json: views[0] (Overview): \"charts\" must be an array of strings";

    const QByteArray callout(R"({"id": "a1", "kind": "callout", "text": "Here", "anchor": [127.5, 50.3]})");
    const auto withAnnotation = [&](const char *from, const char *to) {
        return briefWith(("\"annotations\": [" + QByteArray(callout).replace(from, to) + "]").constData());
    };
    QTest::newRow("annotations not an array") << briefWith(R"("annotations": {})") << "broken.json: \"annotations\" must be an array";
    QTest::newRow("annotation not an object") << briefWith(R"("annotations": [3])")
                                              << "broken.json: annotations[0]: must be an object";
    QTest::newRow("annotation kind") << withAnnotation(R"("callout")", R"("bubble")")
                                     << "annotations[0] (a1): \"kind\" must be callout, arrow, pin, area or region (it is \"bubble\")";
    QTest::newRow("callout without text") << withAnnotation(R"("Here")", R"("  ")")
                                          << "annotations[0] (a1): a callout needs a \"text\"";
    QTest::newRow("anchor longitude") << withAnnotation("[127.5, 50.3]", "[227.5, 50.3]")
                                      << "annotations[0] (a1): \"anchor\": longitude 227.5 is outside [-180, 180]";
    QTest::newRow("anchor missing") << withAnnotation(R"(, "anchor": [127.5, 50.3])", "")
                                    << "annotations[0] (a1): \"anchor\" must be [longitude, latitude]";
    QTest::newRow("arrow without tail") << withAnnotation(R"("callout")", R"("arrow")")
                                        << "annotations[0] (a1): \"tail\" must be [longitude, latitude]";
    QTest::newRow("area of two points")
        << briefWith(R"("annotations": [{"id": "a1", "kind": "area", "points": [[1, 2], [3, 4]]}])")
        << "annotations[0] (a1): \"points\" must be an array of 3 to 10000 [longitude, latitude] pairs";
    QTest::newRow("area point out of range")
        << briefWith(R"("annotations": [{"id": "a1", "kind": "area", "points": [[1, 2], [3, 4], [5, 95]]}])")
        << "annotations[0] (a1): \"points[2]\": latitude 95 is outside [-90, 90]";
    QTest::newRow("region without code") << briefWith(R"("annotations": [{"id": "a1", "kind": "region"}])")
                                         << "annotations[0] (a1): \"region\" is missing";
    QTest::newRow("colour") << withAnnotation("}", R"(, "colour": "red"})")
                            << "annotations[0] (a1): \"colour\" must be \"#rrggbb\" (it is \"red\")";
    QTest::newRow("text size") << withAnnotation("}", R"(, "textSize": 500})")
                               << "annotations[0] (a1): \"textSize\" must be a number from 6 to 72 (it is 500)";
    QTest::newRow("text offset") << withAnnotation("}", R"(, "textOffset": [1e9, 0]})")
                                 << "annotations[0] (a1): \"textOffset\" must be [x, y] in pixels, each from -2000 to 2000";
    QTest::newRow("duplicate annotation")
        << briefWith(("\"annotations\": [" + callout + ", " + callout + "]").constData())
        << "annotations[1] (a1): the id is used before, by annotations[0]";
}

void TestBrief::malformedBriefIsRejected()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    const BriefReader::Result r = BriefReader::read(data, QStringLiteral("broken.json"));
    QVERIFY2(!r.ok(), data.constData());
    QVERIFY2(r.error.startsWith(u"broken.json: "), qPrintable(r.error));
    QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    QCOMPARE(r.brief, Brief());
    QVERIFY(r.warnings.isEmpty());
}

void TestBrief::futureSchemaIsRefused()
{
    // Nothing else is looked at: a newer file may differ in every other respect.
    const BriefReader::Result r =
        BriefReader::read(R"({"schemaVersion": 7, "claims": "a new shape"})", QStringLiteral("brief.json"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error, QStringLiteral("brief.json: written by a newer Spheres (schema 7); this version reads schema 1"));
}

void TestBrief::unknownMembersWarn()
{
    const QByteArray data = briefWith((R"("colour": "red", "claims": [)" + QByteArray(goodClaim).replace("}", R"(, "regoins": ["CHN"]})")
                                       + "]")
                                          .constData());
    const BriefReader::Result r = BriefReader::read(data, QStringLiteral("brief.json"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.warnings, (QStringList{QStringLiteral("brief.json: unknown member \"colour\" is ignored"),
                                      QStringLiteral("brief.json: claims[0] (c1): unknown member \"regoins\" is ignored")}));
}

void TestBrief::textNotInParagraphWarns()
{
    const QByteArray data = briefWith(("\"claims\": [" + QByteArray(goodClaim).replace("Two.", "Four.") + "]").constData());
    const BriefReader::Result r = BriefReader::read(data, QStringLiteral("brief.json"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.warnings, QStringList{QStringLiteral("brief.json: claims[0] (c1): the text is not in paragraph 0 of the narrative")});
}

void TestBrief::claimsOnLongSentences_data()
{
    QTest::addColumn<int>("paragraphs");
    QTest::addColumn<int>("claims");
    QTest::addColumn<int>("quoteLength");
    QTest::addColumn<bool>("quoted"); // each claim's text is in its paragraph
    // Small versions of the files that took minutes (spheres_bench --hostile times the large ones).
    QTest::newRow("a quote of repetitive text, not in the paragraph") << 1 << 20 << 20'000 << false;
    QTest::newRow("one word, many claims") << 3 << 600 << 1 << false;
    QTest::newRow("the quote is in the paragraph") << 2 << 20 << 20'000 << true;
}

void TestBrief::claimsOnLongSentences()
{
    QFETCH(int, paragraphs);
    QFETCH(int, claims);
    QFETCH(int, quoteLength);
    QFETCH(bool, quoted);
    QByteArray data = hostile::briefWithLongSentences(paragraphs, claims, 20'000, quoteLength);
    if (quoted)
        data.replace("\"text\": \"Another ", "\"text\": \"");
    const BriefReader::Result r = BriefReader::read(data, QStringLiteral("long.json"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.brief.claims.size(), claims);
    QCOMPARE(r.warnings.size(), quoted ? 0 : claims);
    if (!quoted) {
        QCOMPARE(r.warnings.last(), u"long.json: claims[%1] (c%1): the text is not in paragraph %2 of the narrative"_s
                                        .arg(claims - 1).arg((claims - 1) % paragraphs));
    }
    // Each paragraph is one sentence: a claim on its second is still refused.
    data.replace("\"sentence\": 0", "\"sentence\": 1");
    QCOMPARE(BriefReader::read(data, QStringLiteral("long.json")).error,
             u"long.json: claims[0] (c0): \"sentence\" is 1, but the last sentence of paragraph 0 is 0"_s);
}

void TestBrief::absurdScaleIsBroughtIntoRange_data()
{
    QTest::addColumn<QByteArray>("scale");
    QTest::addColumn<double>("drawnAt");
    QTest::addColumn<QString>("warning"); // empty: none
    const QString where = u"brief.json: views[0] (Overview): "_s;
    QTest::newRow("1e-300") << QByteArray("1e-300") << ViewLimits::kMinMetresPerPixel
                            << where + u"\"metresPerPixel\" 1e-300 is outside [10, 1e+07]; the view is drawn at 10"_s;
    QTest::newRow("5e-324 (the smallest double)") << QByteArray("5e-324") << ViewLimits::kMinMetresPerPixel
                                                  << where + u"\"metresPerPixel\" 4.94066e-324 is outside [10, 1e+07]; the view is drawn at 10"_s;
    QTest::newRow("9.99") << QByteArray("9.99") << ViewLimits::kMinMetresPerPixel
                          << where + u"\"metresPerPixel\" 9.99 is outside [10, 1e+07]; the view is drawn at 10"_s;
    QTest::newRow("1e300") << QByteArray("1e300") << ViewLimits::kMaxMetresPerPixel
                           << where + u"\"metresPerPixel\" 1e+300 is outside [10, 1e+07]; the view is drawn at 1e+07"_s;
    QTest::newRow("the finest allowed") << QByteArray("10") << 10.0 << QString();
    QTest::newRow("the coarsest allowed") << QByteArray("1e7") << 1e7 << QString();
}

void TestBrief::absurdScaleIsBroughtIntoRange()
{
    QFETCH(QByteArray, scale);
    QFETCH(double, drawnAt);
    QFETCH(QString, warning);
    const QByteArray view = QByteArray(goodView).replace("5200", scale);
    const BriefReader::Result r = BriefReader::read(briefWith(("\"views\": [" + view + "]").constData()), u"brief.json"_s);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.brief.views.front().state.metresPerPixel, drawnAt);
    QCOMPARE(r.warnings, warning.isEmpty() ? QStringList() : QStringList{warning});
}

void TestBrief::dangledFocusedClaimWarns()
{
    const QByteArray data = briefWith(("\"views\": [" + QByteArray(goodView).replace("}", R"(, "focusedClaim": "c9"})") + "]").constData());
    const BriefReader::Result r = BriefReader::read(data, QStringLiteral("brief.json"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.brief.views[0].focusedClaim, QStringLiteral("c9")); // kept, so that nothing is lost on saving
    QCOMPARE(r.warnings,
             QStringList{QStringLiteral("brief.json: views[0] (Overview): \"focusedClaim\" \"c9\" is not a claim of this brief")});
}

void TestBrief::oversizedInputIsRefused()
{
    const QByteArray big(BriefReader::kMaxFileBytes + 1, ' ');
    const BriefReader::Result r = BriefReader::read(big, QStringLiteral("huge.json"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error, QStringLiteral("huge.json: the file is larger than 16 MiB"));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("huge.spheres.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(BriefReader::kMaxFileBytes + 1)); // sparse
    file.close();
    const BriefReader::Result f = BriefReader::readFile(path);
    QCOMPARE(f.error, path + QStringLiteral(": the file is larger than 16 MiB"));
}

void TestBrief::tooManyClaimsAreRefused()
{
    const auto withClaims = [](int n) {
        QByteArray data = R"({"schemaVersion": 1, "narrative": {"paragraphs": ["A."]}, "claims": [)";
        for (int i = 1; i <= n; ++i) {
            if (i > 1)
                data += ',';
            data += R"({"id": "c)" + QByteArray::number(i) + R"(", "paragraph": 0, "sentence": 0, "text": "A.", "stance": "context"})";
        }
        return data + "]}";
    };
    const BriefReader::Result atLimit = BriefReader::read(withClaims(int(BriefReader::kMaxClaims)), QStringLiteral("many.json"));
    QVERIFY2(atLimit.ok(), qPrintable(atLimit.error));
    QCOMPARE(atLimit.brief.claims.size(), BriefReader::kMaxClaims);

    const BriefReader::Result over = BriefReader::read(withClaims(int(BriefReader::kMaxClaims) + 1), QStringLiteral("many.json"));
    QVERIFY(!over.ok());
    QCOMPARE(over.error, QStringLiteral("many.json: the brief has 10001 claims; Spheres reads at most 10000"));
}

void TestBrief::overlongStringIsRefused()
{
    const auto withTitle = [](qsizetype length) {
        return R"({"schemaVersion": 1, "title": ")" + QByteArray(length, 'x') + "\"}";
    };
    const BriefReader::Result atLimit = BriefReader::read(withTitle(BriefReader::kMaxStringLength), QStringLiteral("long.json"));
    QVERIFY2(atLimit.ok(), qPrintable(atLimit.error));

    const BriefReader::Result over = BriefReader::read(withTitle(BriefReader::kMaxStringLength + 1), QStringLiteral("long.json"));
    QCOMPARE(over.error, QStringLiteral("long.json: title: a string is longer than 100000 characters"));

    const QByteArray deep = briefWith(("\"claims\": [" + QByteArray(goodClaim) + ", "
                                       + QByteArray(goodClaim).replace("c1", "c2").replace("}", ", \"note\": \"" + QByteArray(100'001, 'y') + "\"}")
                                       + "]")
                                          .constData());
    const BriefReader::Result nested = BriefReader::read(deep, QStringLiteral("long.json"));
    QCOMPARE(nested.error, QStringLiteral("long.json: claims[1].note: a string is longer than 100000 characters"));
}

void TestBrief::missingFileIsNamed()
{
    const BriefReader::Result r = BriefReader::readFile(QStringLiteral("/nonexistent/mine.spheres.json"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(u"/nonexistent/mine.spheres.json: "), qPrintable(r.error));
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
#include "tst_brief.moc"
