// Hostile input: what a malicious or broken file can do to the readers of untrusted files
// (TopoJSON, GeoJSON, briefs). Every attack is either refused with a message naming the file, or
// read correctly; none may crash, hang or take unbounded memory. The fuzz targets in tests/fuzz/
// look for the attacks not listed here; each crash they find becomes a row.
#include "briefio.h"
#include "geojsonreader.h"
#include "jsonlimits.h"
#include "sentencesplitter.h"
#include "topojsonreader.h"

#include "../hostilefiles.h"

#include <QSet>
#include <QTest>

using namespace spheres;
using namespace Qt::StringLiterals;

namespace {

const QString kSource = QStringLiteral("hostile.json");

/// A small valid document of each kind with two slots: @NAME@ (a JSON value where a string is
/// expected) and @NUM@ (a JSON value where a number from 0 to 1 is expected).
QByteArray templateFor(const QString &reader)
{
    if (reader == u"topojson")
        return R"({"type":"Topology","arcs":[[[0,0],[@NUM@,0],[1,1],[0,1],[0,0]]],"objects":{"countries":)"
               R"({"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0]],"properties":{"name":@NAME@}}]}}})";
    if (reader == u"geojson")
        return R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":@NAME@},)"
               R"("geometry":{"type":"Polygon","coordinates":[[[0,0],[@NUM@,0],[1,1],[0,0]]]}}]})";
    return R"({"schemaVersion":1,"title":@NAME@,"narrative":{"paragraphs":["One. Two."]},"claims":[)"
           R"({"id":"c1","paragraph":0,"sentence":0,"text":"One.","stance":"context","confidence":@NUM@}]})";
}

QByteArray document(const QString &reader, const QByteArray &name = "\"x\"", const QByteArray &number = "1")
{
    QByteArray out = templateFor(reader);
    out.replace("@NAME@", name);
    out.replace("@NUM@", number);
    return out;
}

/// A document whose @NAME@ slot holds arrays nested so that the deepest is `depth` deep in all.
QByteArray nestedTo(const QString &reader, int depth)
{
    const QByteArray t = templateFor(reader);
    const QByteArray before = t.left(t.indexOf("@NAME@"));
    const int slotDepth = int(before.count('[') + before.count('{') - before.count(']') - before.count('}'));
    const int n = depth - slotDepth;
    // Not under "name" or "title", which must be strings: under a member nobody reads.
    return document(reader, "\"x\",\"nested\":" + QByteArray(n, '[') + QByteArray(n, ']'));
}

qint64 maxBytes(const QString &reader)
{
    if (reader == u"topojson")
        return JsonLimits::kTopoJsonMaxBytes;
    return reader == u"geojson" ? GeoJsonReader::kMaxFileBytes : BriefReader::kMaxFileBytes;
}

/// Reads with the named reader; returns the error (empty on success). A brief that was read must
/// also survive BriefWriter's round trip unchanged.
QString readWith(const QString &reader, const QByteArray &data)
{
    if (reader == u"topojson")
        return TopoJsonReader::read(data, QStringLiteral("countries"), kSource).error;
    if (reader == u"geojson")
        return GeoJsonReader::read(data, kSource).error;
    const BriefReader::Result first = BriefReader::read(data, kSource);
    if (!first.ok())
        return first.error;
    const BriefReader::Result second = BriefReader::read(BriefWriter::toJson(first.brief), kSource);
    if (!second.ok())
        return QStringLiteral("round trip: ") + second.error;
    if (!(second.brief == first.brief))
        return QStringLiteral("round trip: the brief read back differs");
    return {};
}

/// A topology whose one arc of 10,000 positions is used 2,001 times by one ring: 65 KB of file,
/// 20 million points once decoded.
QByteArray reusedArcTopology(int arcLength, int uses)
{
    QByteArray arc = "[[0,0]";
    for (int i = 1; i < arcLength; ++i)
        arc += ",[1,0]";
    arc += "]";
    QByteArray ring = "0";
    for (int i = 1; i < uses; ++i)
        ring += ",0";
    return R"({"type":"Topology","transform":{"scale":[0.0001,0.0001],"translate":[0,0]},"arcs":[)" + arc
           + R"(],"objects":{"countries":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[)" + ring
           + "]]}]}}}";
}

} // namespace

class TestHostileInput : public QObject
{
    Q_OBJECT

private slots:
    void refused_data();
    void refused();
    void accepted_data();
    void accepted();
    void depthScan_data();
    void depthScan();
    void duplicateIdsAreRenamedUniquely_data();
    void duplicateIdsAreRenamedUniquely();
    void unclosedMarkdownIsSplit_data();
    void unclosedMarkdownIsSplit();
};

void TestHostileInput::refused_data()
{
    QTest::addColumn<QString>("reader");
    QTest::addColumn<QByteArray>("data"); // empty: built in refused() (too large for a data row)
    QTest::addColumn<QString>("attack");
    QTest::addColumn<QString>("message");

    const QString nested = QStringLiteral("arrays and objects are nested more than 512 deep");
    for (const QString &reader : {QStringLiteral("topojson"), QStringLiteral("geojson"), QStringLiteral("brief")}) {
        const auto row = [&](const char *attack) -> QTestData & {
            return QTest::addRow("%s: %s", qPrintable(reader), attack) << reader;
        };
        row("100k nested arrays") << QByteArray(100'000, '[') + QByteArray(100'000, ']') << QString() << nested;
        row("100k unclosed arrays") << QByteArray(100'000, '[') << QString() << nested;
        row("100k nested objects") << QByteArray("{\"a\":").repeated(100'000) + "1" + QByteArray(100'000, '}')
                                   << QString() << nested;
        row("513 deep in a member") << nestedTo(reader, 513) << QString() << nested;
        row("oversized file") << QByteArray() << QStringLiteral("oversized") << QStringLiteral("the file is larger than");
        row("NaN token") << document(reader, "\"x\"", "NaN") << QString() << QStringLiteral("illegal number");
        row("Infinity token") << document(reader, "\"x\"", "-Infinity") << QString() << QStringLiteral("illegal number");
        row("number beyond double") << document(reader, "\"x\"", "1e400") << QString() << QStringLiteral("illegal number");
        row("truncated") << document(reader).chopped(7) << QString() << QStringLiteral("not valid JSON at byte");
        row("invalid UTF-8") << document(reader, "\"\xff\xfe\"") << QString() << QStringLiteral("not valid JSON at byte");
    }
    QTest::addRow("topojson: 20M positions from one reused arc")
        << QStringLiteral("topojson") << reusedArcTopology(10'000, 2'001) << QString()
        << QStringLiteral("the topology decodes to more than 20000000 positions");
    QTest::addRow("topojson: delta overflow times scale 0 (NaN)")
        << QStringLiteral("topojson")
        << QByteArray(R"({"type":"Topology","transform":{"scale":[0,0],"translate":[0,0]},)"
                      R"("arcs":[[[1.7e308,1.7e308],[1.7e308,1.7e308],[0,0],[0,0]]],"objects":{"countries":)"
                      R"({"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0]]}]}}})")
        << QString() << QStringLiteral("arc 0 has a position outside longitude/latitude range");
    QTest::addRow("topojson: negative arc index out of range")
        << QStringLiteral("topojson") << document(QStringLiteral("topojson")).replace("[[0]]", "[[-100]]") << QString()
        << QStringLiteral("arc index -100 is out of range (the topology has 1 arcs)");
    QTest::addRow("topojson: arc index 2^63")
        << QStringLiteral("topojson") << document(QStringLiteral("topojson")).replace("[[0]]", "[[9223372036854775808]]")
        << QString() << QStringLiteral("is out of range");
    QTest::addRow("brief: 10^6-character string")
        << QStringLiteral("brief") << document(QStringLiteral("brief"), '"' + QByteArray(1'000'000, 'x') + '"')
        << QString() << QStringLiteral("title: a string is longer than 100000 characters");
    QTest::addRow("brief: 10^6-character member name")
        << QStringLiteral("brief")
        << QByteArray("{\"schemaVersion\":1,\"") + QByteArray(1'000'000, 'k') + "\":1}" << QString()
        << QStringLiteral("a string is longer than 100000 characters");
    QTest::addRow("geojson: a ring winding round the globe 560 times")
        << QStringLiteral("geojson") << hostile::geoJsonWindingRing(1'200) << QString()
        << QStringLiteral("features[0] (w): geometry.coordinates[0]: the ring winds round the globe (across 203830° of "
                          "longitude); a ring may go round it at most once");
    QTest::addRow("geojson: a ring round the pole three times")
        << QStringLiteral("geojson")
        << QByteArray(R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon",)"
                      R"("coordinates":[[[0,-80],[120,-80],[-120,-80],[0,-80],[120,-80],[-120,-80],[0,-80],[120,-80],)"
                      R"([-120,-80],[0,-80]]]}}]})")
        << QString() << QStringLiteral("the ring winds round the globe (across 1080° of longitude)");
    QTest::addRow("brief: 10,001 claims")
        << QStringLiteral("brief")
        << QByteArray("{\"schemaVersion\":1,\"claims\":[{}") + QByteArray(",{}").repeated(10'000) + "]}" << QString()
        << QStringLiteral("the brief has 10001 claims; Spheres reads at most 10000");
}

void TestHostileInput::refused()
{
    QFETCH(QString, reader);
    QFETCH(QByteArray, data);
    QFETCH(QString, attack);
    QFETCH(QString, message);
    if (attack == u"oversized") {
        // A valid document padded, inside a string, to one byte over the limit.
        const QByteArray small = document(reader, "\"\"");
        data = document(reader, '"' + QByteArray(maxBytes(reader) + 1 - small.size(), 'x') + '"');
        QCOMPARE(data.size(), maxBytes(reader) + 1);
    }
    const QString error = readWith(reader, data);
    QVERIFY2(error.startsWith(kSource + QStringLiteral(": ")), qPrintable(error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestHostileInput::accepted_data()
{
    QTest::addColumn<QString>("reader");
    QTest::addColumn<QByteArray>("data");

    for (const QString &reader : {QStringLiteral("topojson"), QStringLiteral("geojson"), QStringLiteral("brief")}) {
        const auto row = [&](const char *attack) -> QTestData & {
            return QTest::addRow("%s: %s", qPrintable(reader), attack) << reader;
        };
        row("512 deep in a member") << nestedTo(reader, 512);
        row("brackets inside strings") << document(reader, '"' + QByteArray(2000, '[') + QByteArray(2000, '{') + "\\\"[\"");
        row("control characters") << document(reader, "\"a\x01\x1f\t\x7f\\u0000\\u0007\\b\\f b\"");
        row("unicode") << document(reader, "\"日本 Ελλάδα \\ud83d\\ude00 \\u00e9\"");
        row("lone surrogates") << document(reader, "\"\\ud800 \\udfff\"");
        row("smallest double") << document(reader, "\"x\"", reader == u"brief" ? "4.9e-324" : "1e-320");
    }
    QTest::addRow("topojson: 10^6-character name") << QStringLiteral("topojson")
                                                   << document(QStringLiteral("topojson"), '"' + QByteArray(1'000'000, 'x') + '"');
    QTest::addRow("geojson: 10^6-character name") << QStringLiteral("geojson")
                                                  << document(QStringLiteral("geojson"), '"' + QByteArray(1'000'000, 'x') + '"');
    QTest::addRow("geojson: a ring round the pole")
        << QStringLiteral("geojson")
        << QByteArray(R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon",)"
                      R"("coordinates":[[[0,-80],[120,-80],[-120,-80],[0,-80]]]}}]})");
    QTest::addRow("geojson: a ring across the antimeridian")
        << QStringLiteral("geojson")
        << QByteArray(R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon",)"
                      R"("coordinates":[[[170,10],[-170,10],[-170,20],[170,20],[170,10]]]}}]})");
    QTest::addRow("topojson: arc reused just under the limit")
        << QStringLiteral("topojson") << reusedArcTopology(1'000, 100);
    QTest::addRow("brief: claim ids that differ only in a lone surrogate")
        << QStringLiteral("brief")
        << QByteArray(R"({"schemaVersion":1,"narrative":{"paragraphs":["One. Two."]},"claims":[)"
                      R"({"id":"\ud800","paragraph":0,"sentence":0,"text":"One.","stance":"context"},)"
                      R"({"id":"\ud801","paragraph":0,"sentence":1,"text":"Two.","stance":"context"}],)"
                      R"("layers":[{"id":"\udc00"},{"id":"\udc01"}]})");
}

void TestHostileInput::accepted()
{
    QFETCH(QString, reader);
    QFETCH(QByteArray, data);
    const QString error = readWith(reader, data);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestHostileInput::depthScan_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("refused");
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("3 deep") << QByteArray("[[{}]]") << false;
    QTest::newRow("4 deep") << QByteArray("[[{\"a\":[]}]]") << true;
    QTest::newRow("brackets in a string") << QByteArray(R"(["[[[[{{{{"])") << false;
    QTest::newRow("escaped quote in a string") << QByteArray(R"(["\"[[[[", 1])") << false;
    QTest::newRow("escaped backslash ends the string") << QByteArray(R"(["\\", [[[[]]]]])") << true;
    QTest::newRow("unbalanced closers") << QByteArray("]]]]]]]][[[") << false;
    QTest::newRow("unterminated string") << QByteArray("[\"[[[[[[") << false;
    QTest::newRow("trailing backslash") << QByteArray("[\"\\") << false;
}

void TestHostileInput::depthScan()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, refused);
    const auto result = JsonLimits::check(data, 3, 100);
    QCOMPARE(result.has_value(), refused);
    if (refused)
        QVERIFY2(result->startsWith(QStringLiteral("arrays and objects are nested more than 3 deep (at byte ")),
                 qPrintable(*result));
    const auto tooLarge = JsonLimits::check(QByteArray(101, ' '), 3, 100);
    QVERIFY(tooLarge);
    QCOMPARE(*tooLarge, QStringLiteral("the file is larger than 100 bytes"));
}

void TestHostileInput::duplicateIdsAreRenamedUniquely_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QStringList>("ids"); // expected, in order; empty: "same", "same-2", … for every feature
    QTest::newRow("2,000 features of one id") << hostile::geoJsonWithDuplicateIds(2'000) << QStringList();
    const auto layer = [](const QStringList &ids) {
        QByteArray out = R"({"type":"FeatureCollection","features":[)";
        for (qsizetype i = 0; i < ids.size(); ++i)
            out += QByteArray(i ? "," : "") + R"({"type":"Feature","id":")" + ids[i].toUtf8() + R"(","geometry":null})";
        return out + "]}";
    };
    QTest::newRow("ids that look renamed")
        << layer({u"a"_s, u"a-2"_s, u"a"_s, u"a-4"_s, u"a"_s, u"a"_s, u"a-3"_s})
        << QStringList{u"a"_s, u"a-2"_s, u"a-3"_s, u"a-4"_s, u"a-5"_s, u"a-6"_s, u"a-3-2"_s};
    QTest::newRow("renamed twice over") << layer({u"b"_s, u"b"_s, u"b-2"_s, u"b-2"_s})
                                        << QStringList{u"b"_s, u"b-2"_s, u"b-2-2"_s, u"b-2-3"_s};
}

void TestHostileInput::duplicateIdsAreRenamedUniquely()
{
    QFETCH(QByteArray, data);
    QFETCH(QStringList, ids);
    const GeoJsonReader::Result r = GeoJsonReader::read(data, kSource);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QStringList actual;
    for (const Feature &f : r.layer.features)
        actual << f.id;
    if (ids.isEmpty()) {
        ids << u"same"_s;
        for (qsizetype n = 2; n <= actual.size(); ++n)
            ids << u"same-%1"_s.arg(n);
    }
    QCOMPARE(actual, ids);
    QCOMPARE(QSet<QString>(actual.begin(), actual.end()).size(), actual.size());
    qsizetype renamed = 0;
    for (const QString &warning : r.warnings)
        renamed += warning.contains(u"the id is used before; renamed"_s) ? 1 : 0;
    QCOMPARE(renamed, r.warnings.size());
}

void TestHostileInput::unclosedMarkdownIsSplit_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("paragraphs");
    // Openers that are never closed stay as they are; closed ones are still stripped.
    QTest::newRow("unclosed openers") << u"*a __b [c [^d [e](f _g end."_s << QStringList{u"*a __b [c [^d [e](f _g end."_s};
    QTest::newRow("closed after unclosed") << u"*a *b* [c [d](u) __e __f__ _g _h_"_s << QStringList{u"*a b [c d __e f _g h"_s};
    QTest::newRow("quote markers") << u"> > > - Quoted."_s << QStringList{u"Quoted."_s};
    QTest::newRow("heading, closing hashes") << u"## Title ##"_s << QStringList{u"Title"_s};
    QTest::newRow("heading of hashes only") << u"# ##"_s << QStringList{};
    QTest::newRow("heading in a quote") << u"> # Title # #"_s << QStringList{u"Title #"_s};
    const QString many = hostile::narrativeWithUnmatchedMarkdown(6'000);
    QTest::newRow("6,000 unclosed openers behind 1,500 quote markers")
        << many << QStringList{many.mid(many.indexOf(u"*a"_s)).simplified()};
}

void TestHostileInput::unclosedMarkdownIsSplit()
{
    QFETCH(QString, text);
    QFETCH(QStringList, paragraphs);
    QCOMPARE(SentenceSplitter::paragraphs(text), paragraphs);
}

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
