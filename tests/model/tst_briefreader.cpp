// One rule for each thing the readers of model/ check: a brief's sentence numbers follow the
// SentenceSplitter that the linker numbers them with, and a source is read by the same rule
// whether it is a claim's note source in a brief or a feature's source in a GeoJSON layer.

#include "briefio.h"
#include "geojsonreader.h"
#include "sentencesplitter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace spheres;
using namespace Qt::StringLiterals;

namespace {

/// A brief whose one paragraph is `paragraph`, with a claim on its sentence `sentence`.
QByteArray briefOnSentence(const QString &paragraph, int sentence)
{
    const QJsonObject claim{{u"id"_s, u"c1"_s}, {u"paragraph"_s, 0},          {u"sentence"_s, sentence},
                            {u"text"_s, u"x"_s}, {u"stance"_s, u"context"_s}};
    const QJsonObject brief{{u"schemaVersion"_s, 1},
                            {u"narrative"_s, QJsonObject{{u"paragraphs"_s, QJsonArray{paragraph}}}},
                            {u"claims"_s, QJsonArray{claim}}};
    return QJsonDocument(brief).toJson(QJsonDocument::Compact);
}

/// A brief whose one claim has `source` among its note sources.
QByteArray briefWithSource(const QJsonValue &source)
{
    const QJsonObject claim{{u"id"_s, u"c1"_s},          {u"paragraph"_s, 0},         {u"sentence"_s, 0},
                            {u"text"_s, u"One."_s},       {u"stance"_s, u"context"_s}, {u"noteSources"_s, QJsonArray{source}}};
    const QJsonObject brief{{u"schemaVersion"_s, 1},
                            {u"narrative"_s, QJsonObject{{u"paragraphs"_s, QJsonArray{u"One."_s}}}},
                            {u"claims"_s, QJsonArray{claim}}};
    return QJsonDocument(brief).toJson(QJsonDocument::Compact);
}

/// A layer whose one feature has `source` among its sources.
QByteArray layerWithSource(const QJsonValue &source)
{
    const QJsonObject feature{{u"type"_s, u"Feature"_s},
                              {u"id"_s, u"f1"_s},
                              {u"properties"_s, QJsonObject{{u"sources"_s, QJsonArray{source}}}},
                              {u"geometry"_s, QJsonValue::Null}};
    const QJsonObject layer{{u"type"_s, u"FeatureCollection"_s}, {u"features"_s, QJsonArray{feature}}};
    return QJsonDocument(layer).toJson(QJsonDocument::Compact);
}

} // namespace

class TestBriefReader : public QObject
{
    Q_OBJECT

private slots:
    void sentencesAreCountedAsTheLinkerSplitsThem_data();
    void sentencesAreCountedAsTheLinkerSplitsThem();
    void sourcesFollowOneRule_data();
    void sourcesFollowOneRule();
};

void TestBriefReader::sentencesAreCountedAsTheLinkerSplitsThem_data()
{
    QTest::addColumn<QString>("paragraph");
    QTest::addColumn<int>("sentences");
    // Where a naive count (every ". " ends a sentence) finds more sentences than the splitter.
    QTest::newRow("plain") << u"One. Two! Three?"_s << 3;
    QTest::newRow("titles") << u"Dr. Li met Mr. Putin in St. Petersburg. They signed."_s << 2;
    QTest::newRow("acronyms") << u"The U.S. and the E.U. object. Russia does not."_s << 2;
    QTest::newRow("lower case goes on") << u"It grew approx. tenfold, i.e. a lot. Then it fell."_s << 2;
    QTest::newRow("ellipsis") << u"It waited... Then it struck."_s << 1;
    QTest::newRow("quoted question") << u"“Why?” he asked. Nobody knew."_s << 2;
    QTest::newRow("blank") << u"   "_s << 0;
}

void TestBriefReader::sentencesAreCountedAsTheLinkerSplitsThem()
{
    QFETCH(QString, paragraph);
    QFETCH(int, sentences);
    QCOMPARE(SentenceSplitter::sentences(paragraph).size(), sentences);
    // The last sentence the linker could number is accepted…
    if (sentences > 0) {
        const BriefReader::Result last = BriefReader::read(briefOnSentence(paragraph, sentences - 1), u"b.json"_s);
        QVERIFY2(last.ok(), qPrintable(last.error));
    }
    // …and the one after it is refused, naming the last one there is.
    const BriefReader::Result after = BriefReader::read(briefOnSentence(paragraph, sentences), u"b.json"_s);
    QVERIFY(!after.ok());
    const QString expected = sentences == 0
                                 ? u"b.json: claims[0] (c1): \"paragraph\" is 0, but that paragraph is empty"_s
                                 : u"b.json: claims[0] (c1): \"sentence\" is %1, but the last sentence of paragraph 0 is %2"_s
                                       .arg(sentences)
                                       .arg(sentences - 1);
    QCOMPARE(after.error, expected);
}

void TestBriefReader::sourcesFollowOneRule_data()
{
    QTest::addColumn<QJsonValue>("source");
    QTest::addColumn<QString>("error");   ///< after the place of the source; empty: read
    QTest::addColumn<QString>("warning"); ///< after the place of the source; empty: none
    const auto source = [](std::initializer_list<std::pair<QString, QJsonValue>> members) {
        QJsonObject o;
        for (const auto &[key, value] : members)
            o.insert(key, value);
        return QJsonValue(o);
    };
    QTest::newRow("complete") << source({{u"title"_s, u"T"_s}, {u"publisher"_s, u"P"_s}, {u"url"_s, u"https://x.org"_s},
                                         {u"date"_s, u"2025-01-02"_s}})
                              << QString() << QString();
    QTest::newRow("a year as a number") << source({{u"title"_s, u"T"_s}, {u"date"_s, 2025}}) << QString() << QString();
    // The title is what a reader sees of a source: without one there is nothing to show.
    QTest::newRow("no title") << source({{u"url"_s, u"https://x.org"_s}}) << u"\"title\" is missing"_s << QString();
    QTest::newRow("blank title") << source({{u"title"_s, u"  "_s}}) << u"\"title\" must be a non-empty string"_s
                                 << QString();
    QTest::newRow("url a number") << source({{u"title"_s, u"T"_s}, {u"url"_s, 5}}) << u"\"url\" must be a string"_s
                                  << QString();
    QTest::newRow("date a fraction") << source({{u"title"_s, u"T"_s}, {u"date"_s, 2025.5}})
                                     << u"\"date\" must be a string"_s << QString();
    QTest::newRow("not an object") << QJsonValue(u"UN"_s)
                                   << u"must be an object {\"title\", \"publisher\", \"url\", \"date\"}"_s << QString();
    QTest::newRow("unknown member") << source({{u"title"_s, u"T"_s}, {u"author"_s, u"A"_s}}) << QString()
                                    << u"unknown member \"author\" is ignored"_s;
}

void TestBriefReader::sourcesFollowOneRule()
{
    QFETCH(QJsonValue, source);
    QFETCH(QString, error);
    QFETCH(QString, warning);
    const BriefReader::Result brief = BriefReader::read(briefWithSource(source), u"b.json"_s);
    const GeoJsonReader::Result layer = GeoJsonReader::read(layerWithSource(source), u"l.geojson"_s);
    const QString inBrief = u"b.json: claims[0] (c1): noteSources[0]: "_s;
    const QString inLayer = u"l.geojson: features[0] (f1): sources[0]: "_s;
    QCOMPARE(brief.error, error.isEmpty() ? QString() : inBrief + error);
    QCOMPARE(layer.error, error.isEmpty() ? QString() : inLayer + error);
    QCOMPARE(brief.warnings, warning.isEmpty() ? QStringList() : QStringList{inBrief + warning});
    QCOMPARE(layer.warnings, warning.isEmpty() ? QStringList() : QStringList{inLayer + warning});
    if (error.isEmpty())
        QVERIFY(brief.brief.claims.at(0).noteSources == layer.layer.features.at(0).details().sources);
}

QTEST_GUILESS_MAIN(TestBriefReader)
#include "tst_briefreader.moc"
