// The brief's tests: one program, tst_brief, whose slots are defined by topic across
// tst_brief*.cpp so that no file grows past 500 lines.
#pragma once

#include "atlas.h"
#include "briefio.h"
#include "claimfinder.h"
#include "geojsonreader.h"
#include "projectioncatalog.h"
#include "viewlimits.h"
#include "../hostilefiles.h"
#include "../support/fulldisk.h"
#include "../support/atlases.h"

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
inline char *toString(const Brief &brief) { return qstrdup(BriefWriter::toJson(brief).constData()); }
} // namespace spheres

namespace {

using spheres::test::coarseAtlas;

inline const QList<std::shared_ptr<const Layer>> &builtInLayers()
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

inline const Brief &defaultBrief()
{
    static const Brief brief = BriefReader::readBuiltIn().brief;
    return brief;
}

/// The sentences of a paragraph, counted independently of the reader: the text has no
/// abbreviations, so every ". " ends a sentence.
inline QStringList sentencesOf(const QString &paragraph)
{
    QStringList parts = paragraph.split(QStringLiteral(". "));
    for (qsizetype i = 0; i + 1 < parts.size(); ++i)
        parts[i] += u'.';
    return parts;
}

inline QStringList strings(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}

/// The one claim of the default brief whose text contains `phrase`.
inline const Claim *claimWith(const QString &phrase)
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
inline Brief fullBrief()
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
inline QByteArray briefWith(const char *members)
{
    QByteArray out = R"({"schemaVersion": 1, "narrative": {"paragraphs": ["One. Two.", "Three."]})";
    if (*members)
        out += QByteArray(", ") + members;
    return out + '}';
}

constexpr const char *goodClaim = R"({"id": "c1", "paragraph": 0, "sentence": 1, "text": "Two.", "stance": "context"})";
constexpr const char *goodView =
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
