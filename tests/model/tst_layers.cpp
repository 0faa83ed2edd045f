#include "atlas.h"
#include "geojsonreader.h"
#include "membershipcomparison.h"
#include "sovereignty.h"

#include <boost/geometry.hpp>

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace spheres;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(spheres::LayerKind)

namespace {

const Layer &builtIn(const QString &id)
{
    static QHash<QString, Layer> layers;
    if (!layers.contains(id))
        layers.insert(id, GeoJsonReader::readBuiltIn(id).layer);
    return layers[id];
}

const Atlas &coarseAtlas()
{
    static const Atlas atlas = Atlas::loadBuiltIn(Atlas::Detail::Coarse).atlas;
    return atlas;
}

const Atlas &fineAtlas()
{
    static const Atlas atlas = Atlas::loadBuiltIn(Atlas::Detail::Fine).atlas;
    return atlas;
}

QString describe(const Point &p) { return QStringLiteral("(%1, %2)").arg(p.x()).arg(p.y()); }

} // namespace

class TestLayers : public QObject
{
    Q_OBJECT
private slots:
    void shippedLayerLoads_data();
    void shippedLayerLoads();
    void builtInIdsAreDrawingOrder();
    void unknownBuiltInIsNamed();

    void scoCodesExistInBaseMap();
    void scoMemberCounts_data();
    void scoMemberCounts();
    void scoStatusOverTime_data();
    void scoStatusOverTime();
    void blocStatusOverTime_data();
    void blocStatusOverTime();
    void blocLegendsNameEveryStatus_data();
    void blocLegendsNameEveryStatus();
    void optionalLayersAreOffTheDefaultMap();
    void comparisonOfBlocs_data();
    void comparisonOfBlocs();
    void comparisonIsSourcedAndDated();
    void comparisonFollowsItsSources();
    void malformedComparisonIsNamed_data();
    void malformedComparisonIsNamed();

    void pipelineEndsLieInTheirCountries_data();
    void pipelineEndsLieInTheirCountries();
    void pipelineStatusOverTime_data();
    void pipelineStatusOverTime();

    void contestedZonesHaveClaimants_data();
    void contestedZonesHaveClaimants();
    void contestedRequiredZonesExist_data();
    void contestedRequiredZonesExist();
    void russiasZones_data();
    void russiasZones();
    void baseMapIsDeJure_data();
    void baseMapIsDeJure();
    void sovereigntyTransfersNameTheirZones();
    void everyPeriodAndFeatureIsSourced_data();
    void everyPeriodAndFeatureIsSourced();

    void malformedInputIsRejected_data();
    void malformedInputIsRejected();
    void oversizedInputIsRefused();
    void tooManyCoordinatesAreRefused();
    void missingFileIsNamed();
    void userFileLoadsAsGeneric();
    void singleFeatureLoads();
    void lineAcrossAntimeridianIsSplit();
    void polygonAcrossAntimeridianIsCut();
    void pointsAreRead_data();
    void pointsAreRead();
    void zeroAreaPolygonIsLeftOut();
    void duplicateIdsAreMadeUnique();
    void periodsDecideStatus();
};

// --- Shipped layers -------------------------------------------------------------------------

void TestLayers::shippedLayerLoads_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<LayerKind>("kind");
    QTest::newRow("sco") << "sco" << LayerKind::Membership;
    QTest::newRow("contested") << "contested" << LayerKind::Zones;
    QTest::newRow("pipelines") << "pipelines" << LayerKind::Lines;
    QTest::newRow("sites") << "sites" << LayerKind::Sites;
    for (const char *bloc : {"csto", "eaeu", "cis", "brics"})
        QTest::newRow(bloc) << QString::fromLatin1(bloc) << LayerKind::Membership;
}

void TestLayers::shippedLayerLoads()
{
    QFETCH(QString, id);
    QFETCH(LayerKind, kind);
    const GeoJsonReader::Result r = GeoJsonReader::readBuiltIn(id);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(u'\n')));
    const Layer &layer = r.layer;
    QCOMPARE(layer.id, id);
    QCOMPARE(layer.kind, kind);
    QVERIFY(!layer.title.isEmpty());
    QVERIFY(!layer.description.isEmpty());
    QVERIFY(layer.asOf.isValid());
    QVERIFY(!layer.legend.isEmpty());
    QVERIFY(!layer.features.isEmpty());
    QSet<QString> ids;
    for (const Feature &f : layer.features) {
        const char *name = qPrintable(f.id);
        QVERIFY2(!ids.contains(f.id), name);
        ids.insert(f.id);
        QVERIFY2(!f.name.isEmpty() && f.name != f.id, name);
        QVERIFY2(!f.description.isEmpty(), name);
        // Every fact we ship says where it comes from.
        QVERIFY2(!f.sources.isEmpty(), name);
        for (const Source &s : f.sources) {
            QVERIFY2(!s.title.isEmpty(), name);
            QVERIFY2(s.url.startsWith(u"https://") || s.url.startsWith(u"http://"), qPrintable(f.id + QStringLiteral(": ") + s.url));
        }
        // A valid time span, in order; the status is one the legend explains.
        QVERIFY2(!f.periods.isEmpty(), name);
        for (qsizetype i = 0; i < f.periods.size(); ++i) {
            const Period &p = f.periods[i];
            QVERIFY2(p.since >= 1800 && p.since <= 2100, name);
            QVERIFY2(!p.until || *p.until > p.since, name);
            QVERIFY2(!p.status.isEmpty(), name);
            if (i > 0) {
                QVERIFY2(f.periods[i - 1].until, name);
                QVERIFY2(*f.periods[i - 1].until <= p.since, name);
            }
        }
        switch (kind) {
        case LayerKind::Membership:
            QVERIFY2(f.iso3.size() == 3, name);
            QVERIFY2(f.area.empty() && f.lines.empty(), name);
            break;
        case LayerKind::Lines:
            QVERIFY2(!f.lines.empty(), name);
            break;
        case LayerKind::Zones:
            QVERIFY2(!f.area.empty() || !f.lines.empty(), name);
            break;
        case LayerKind::Sites: // a place, and a kind the legend explains
            QVERIFY2(!f.points.empty() && f.area.empty() && f.lines.empty(), name);
            QVERIFY2(std::any_of(layer.legend.begin(), layer.legend.end(),
                                 [&](const LegendEntry &e) { return e.key == f.properties.value(u"kind"_s).toString(); }),
                     name);
            break;
        case LayerKind::Generic:
            break;
        }
    }
}

void TestLayers::builtInIdsAreDrawingOrder()
{
    QCOMPARE(GeoJsonReader::builtInIds(),
             (QStringList{QStringLiteral("sco"), QStringLiteral("contested"), QStringLiteral("pipelines"),
                          QStringLiteral("sites")}));
}

void TestLayers::unknownBuiltInIsNamed()
{
    const GeoJsonReader::Result r = GeoJsonReader::readBuiltIn(QStringLiteral("nato"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(u"\"nato\""), qPrintable(r.error));
}

// --- SCO --------------------------------------------------------------------------------------

void TestLayers::scoCodesExistInBaseMap()
{
    const Layer &sco = builtIn(QStringLiteral("sco"));
    QVERIFY(!sco.features.isEmpty());
    for (const Feature &f : sco.features)
        QVERIFY2(coarseAtlas().region(f.iso3), qPrintable(f.id + QStringLiteral(": ") + f.iso3));
}

void TestLayers::scoMemberCounts_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("members");
    QTest::newRow("2000, before the SCO") << 2000 << 0;
    QTest::newRow("2001, founded") << 2001 << 6;
    QTest::newRow("2016") << 2016 << 6;
    QTest::newRow("2017, India and Pakistan") << 2017 << 8;
    QTest::newRow("2022") << 2022 << 8;
    QTest::newRow("2023, Iran") << 2023 << 9;
    QTest::newRow("2024, Belarus") << 2024 << 10;
}

void TestLayers::scoMemberCounts()
{
    QFETCH(int, year);
    QFETCH(int, members);
    const QList<const Feature *> found = builtIn(QStringLiteral("sco")).membersIn(year, QStringLiteral("member"));
    QStringList codes;
    for (const Feature *f : found)
        codes << f->iso3;
    QVERIFY2(found.size() == members, qPrintable(QStringLiteral("%1: %2").arg(year).arg(codes.join(u' '))));
}

void TestLayers::scoStatusOverTime_data()
{
    QTest::addColumn<QString>("iso3");
    QTest::addColumn<int>("year");
    QTest::addColumn<QString>("status"); // empty: not in the SCO that year
    QTest::newRow("Iran 2020 observer") << "IRN" << 2020 << "observer";
    QTest::newRow("Iran 2024 member") << "IRN" << 2024 << "member";
    QTest::newRow("India 2016 observer") << "IND" << 2016 << "observer";
    QTest::newRow("India 2017 member") << "IND" << 2017 << "member";
    QTest::newRow("India 2004 absent") << "IND" << 2004 << "";
    QTest::newRow("China 2001 member") << "CHN" << 2001 << "member";
}

// --- The Russia-led blocs and BRICS ------------------------------------------------------------

void TestLayers::blocStatusOverTime_data()
{
    QTest::addColumn<QString>("layer");
    QTest::addColumn<QString>("iso3");
    QTest::addColumn<int>("year");
    QTest::addColumn<QString>("status"); // empty: not in the bloc that year
    QTest::newRow("Uzbekistan CSTO 1995 treaty party") << "csto" << "UZB" << 1995 << "member";
    QTest::newRow("Uzbekistan CSTO 2000 out") << "csto" << "UZB" << 2000 << "";
    QTest::newRow("Uzbekistan CSTO 2010 member") << "csto" << "UZB" << 2010 << "member";
    QTest::newRow("Uzbekistan CSTO 2013 not") << "csto" << "UZB" << 2013 << "";
    QTest::newRow("Georgia CSTO 1998 member") << "csto" << "GEO" << 1998 << "member";
    QTest::newRow("Azerbaijan CSTO 1999 left") << "csto" << "AZE" << 1999 << "";
    QTest::newRow("Armenia CSTO 2023 member") << "csto" << "ARM" << 2023 << "member";
    QTest::newRow("Armenia CSTO 2025 frozen") << "csto" << "ARM" << 2025 << "frozen";
    QTest::newRow("Russia EAEU 2014 before the treaty") << "eaeu" << "RUS" << 2014 << "";
    QTest::newRow("Kyrgyzstan EAEU 2015 member") << "eaeu" << "KGZ" << 2015 << "member";
    QTest::newRow("Moldova EAEU 2017 nothing") << "eaeu" << "MDA" << 2017 << "";
    QTest::newRow("Moldova EAEU 2018 observer") << "eaeu" << "MDA" << 2018 << "observer";
    QTest::newRow("Cuba EAEU 2021 observer") << "eaeu" << "CUB" << 2021 << "observer";
    QTest::newRow("Iran EAEU 2025 observer") << "eaeu" << "IRN" << 2025 << "observer";
    QTest::newRow("Georgia CIS 2008 member") << "cis" << "GEO" << 2008 << "member";
    QTest::newRow("Georgia CIS 2010 gone") << "cis" << "GEO" << 2010 << "";
    QTest::newRow("Ukraine CIS 2010 participant") << "cis" << "UKR" << 2010 << "participant";
    QTest::newRow("Ukraine CIS 2019 gone") << "cis" << "UKR" << 2019 << "";
    QTest::newRow("Turkmenistan CIS 2004 member") << "cis" << "TKM" << 2004 << "member";
    QTest::newRow("Turkmenistan CIS 2006 associate") << "cis" << "TKM" << 2006 << "associate member";
    QTest::newRow("Iran BRICS 2023 invited, no member") << "brics" << "IRN" << 2023 << "invited";
    QTest::newRow("Iran BRICS 2024 member") << "brics" << "IRN" << 2024 << "member";
    QTest::newRow("South Africa BRICS 2010 no") << "brics" << "ZAF" << 2010 << "";
    QTest::newRow("South Africa BRICS 2011 member") << "brics" << "ZAF" << 2011 << "member";
    QTest::newRow("Indonesia BRICS 2024 no") << "brics" << "IDN" << 2024 << "";
    QTest::newRow("Indonesia BRICS 2025 member") << "brics" << "IDN" << 2025 << "member";
    QTest::newRow("Saudi Arabia BRICS 2025 invited, no member") << "brics" << "SAU" << 2025 << "invited";
    QTest::newRow("Argentina BRICS 2024 declined") << "brics" << "ARG" << 2024 << "";
    QTest::newRow("Kazakhstan BRICS 2025 partner") << "brics" << "KAZ" << 2025 << "partner";
}

void TestLayers::blocStatusOverTime()
{
    QFETCH(QString, layer);
    QFETCH(QString, iso3);
    QFETCH(int, year);
    QFETCH(QString, status);
    const Layer &bloc = builtIn(layer);
    const auto it = std::find_if(bloc.features.cbegin(), bloc.features.cend(),
                                 [&iso3](const Feature &f) { return f.iso3 == iso3; });
    QVERIFY2(it != bloc.features.cend(), qPrintable(iso3));
    QCOMPARE(it->statusIn(year).value_or(QString()), status);
    QVERIFY2(coarseAtlas().region(iso3), qPrintable(iso3));
}

void TestLayers::blocLegendsNameEveryStatus_data()
{
    QTest::addColumn<QString>("layer");
    for (const QString &id : GeoJsonReader::optionalIds())
        QTest::newRow(qPrintable(id)) << id;
}

void TestLayers::blocLegendsNameEveryStatus()
{
    QFETCH(QString, layer);
    const Layer &bloc = builtIn(layer);
    QSet<QString> keys;
    for (const LegendEntry &e : bloc.legend)
        keys.insert(e.key);
    for (const Feature &f : bloc.features) {
        QVERIFY2(coarseAtlas().region(f.iso3), qPrintable(f.id));
        for (const Period &p : f.periods)
            QVERIFY2(keys.contains(p.status), qPrintable(f.id + u": "_s + p.status));
    }
}

void TestLayers::optionalLayersAreOffTheDefaultMap()
{
    // The default map keeps the SCO as its one choropleth; the blocs are added by the user.
    for (const QString &id : GeoJsonReader::optionalIds()) {
        QVERIFY2(!GeoJsonReader::builtInIds().contains(id), qPrintable(id));
        QVERIFY2(GeoJsonReader::readBuiltIn(id).ok(), qPrintable(id));
    }
    QVERIFY(!GeoJsonReader::readBuiltIn(u"nato"_s).ok());
}

// --- The SCO compared with the Russia-led blocs ---------------------------------------------

namespace {

const Layer &comparison()
{
    static const Layer layer = MembershipComparison::readBuiltIn(u"sco-russia-blocs"_s).layer;
    return layer;
}

} // namespace

void TestLayers::comparisonOfBlocs_data()
{
    QTest::addColumn<QString>("iso3");
    QTest::addColumn<int>("year");
    QTest::addColumn<QString>("status"); // empty: the state is in none of the three layers that year
    const QString both = u"both"_s, sco = u"SCO only"_s, russia = u"CSTO or EAEU only"_s, neither = u"neither"_s;
    QTest::newRow("Kazakhstan 2024: SCO, CSTO and EAEU") << u"KAZ"_s << 2024 << both;
    QTest::newRow("Kyrgyzstan 1995: CSTO before the SCO") << u"KGZ"_s << 1995 << russia;
    QTest::newRow("Uzbekistan 2000: out of the treaty, no SCO yet") << u"UZB"_s << 2000 << QString();
    QTest::newRow("Uzbekistan 2003: SCO, out of the CSTO") << u"UZB"_s << 2003 << sco;
    QTest::newRow("Uzbekistan 2010: back in the CSTO") << u"UZB"_s << 2010 << both;
    QTest::newRow("Uzbekistan 2013: CSTO suspended in 2012") << u"UZB"_s << 2013 << sco;
    QTest::newRow("Uzbekistan 2024: EAEU observer is no member") << u"UZB"_s << 2024 << sco;
    QTest::newRow("Armenia 2013: CSTO") << u"ARM"_s << 2013 << russia;
    QTest::newRow("Armenia 2016: SCO dialogue partner is no member") << u"ARM"_s << 2016 << russia;
    QTest::newRow("Armenia 2024: CSTO frozen, EAEU member") << u"ARM"_s << 2024 << russia;
    QTest::newRow("Iran 2020: SCO observer") << u"IRN"_s << 2020 << neither;
    QTest::newRow("Iran 2024: SCO member, EAEU observer") << u"IRN"_s << 2024 << sco;
    QTest::newRow("Belarus 2023: SCO observer") << u"BLR"_s << 2023 << russia;
    QTest::newRow("Belarus 2024: SCO member") << u"BLR"_s << 2024 << both;
    QTest::newRow("Russia 2001") << u"RUS"_s << 2001 << both;
    QTest::newRow("China 2024") << u"CHN"_s << 2024 << sco;
    QTest::newRow("India 2016: SCO observer") << u"IND"_s << 2016 << neither;
    QTest::newRow("India 2017: SCO member") << u"IND"_s << 2017 << sco;
    QTest::newRow("Moldova 2019: EAEU observer") << u"MDA"_s << 2019 << neither;
    QTest::newRow("Georgia 1995: treaty party") << u"GEO"_s << 1995 << russia;
    QTest::newRow("Georgia 2005: left in 1999") << u"GEO"_s << 2005 << QString();
}

void TestLayers::comparisonOfBlocs()
{
    QFETCH(QString, iso3);
    QFETCH(int, year);
    QFETCH(QString, status);
    const Layer &layer = comparison();
    QCOMPARE(layer.kind, LayerKind::Membership);
    const auto it = std::find_if(layer.features.cbegin(), layer.features.cend(), [&iso3](const Feature &f) { return f.iso3 == iso3; });
    QVERIFY2(it != layer.features.cend(), qPrintable(iso3));
    QCOMPARE(it->statusIn(year).value_or(QString()), status);
}

void TestLayers::comparisonIsSourcedAndDated()
{
    const MembershipComparison::Result result = MembershipComparison::readBuiltIn(u"sco-russia-blocs"_s);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const Layer &layer = result.layer;
    QCOMPARE(layer.derivedFrom, (QStringList{u"sco"_s, u"csto"_s, u"eaeu"_s}));
    QCOMPARE(layer.asOf, builtIn(u"csto"_s).asOf); // the newest of its sources
    QStringList keys;
    for (const LegendEntry &e : layer.legend)
        keys << e.key;
    QCOMPARE(keys, (QStringList{u"both"_s, u"SCO only"_s, u"CSTO or EAEU only"_s, u"neither"_s}));
    for (const Feature &f : layer.features) {
        QVERIFY2(coarseAtlas().region(f.iso3), qPrintable(f.id));
        QVERIFY2(!f.periods.isEmpty(), qPrintable(f.id));
        for (qsizetype i = 1; i < f.periods.size(); ++i) // ordered, apart, and each a change
            QVERIFY2(f.periods[i - 1].until && *f.periods[i - 1].until <= f.periods[i].since &&
                         (*f.periods[i - 1].until < f.periods[i].since || f.periods[i - 1].status != f.periods[i].status),
                     qPrintable(f.id));
        // Every source of every state's entry in the three layers, and nothing else.
        QList<Source> expected;
        for (const QString &id : layer.derivedFrom)
            for (const Feature &source : builtIn(id).features)
                if (source.iso3 == f.iso3)
                    for (const Source &s : source.sources)
                        if (!expected.contains(s))
                            expected << s;
        QCOMPARE(f.sources, expected);
    }
    // The note gives the dates behind the combination.
    const auto uzb = std::find_if(layer.features.cbegin(), layer.features.cend(), [](const Feature &f) { return f.iso3 == u"UZB"; });
    QVERIFY(uzb != layer.features.cend());
    QVERIFY2(uzb->note.contains(u"CSTO: member 1992–1998, member 2006–2011"), qPrintable(uzb->note));
}

void TestLayers::comparisonFollowsItsSources()
{
    // Made-up layers: the combination comes from the periods, whatever the states.
    auto bloc = [](const QString &id, const QString &iso3, QList<Period> periods) {
        auto layer = std::make_shared<Layer>();
        layer->id = id;
        layer->kind = LayerKind::Membership;
        Feature f;
        f.id = id + u'-' + iso3;
        f.iso3 = iso3;
        f.name = iso3;
        f.periods = std::move(periods);
        f.sources = {Source{id, u"publisher"_s, u"https://example.org/"_s + id, u"2020"_s}};
        layer->features << f;
        return std::shared_ptr<const Layer>(layer);
    };
    MembershipComparison::Definition d{u"test"_s, u"A and B"_s, {}, {u"A"_s, {u"a"_s}, {u"member"_s}},
                                       {u"B"_s, {u"b"_s, u"c"_s}, {u"member"_s}}};
    const Layer layer = MembershipComparison::derive(
        d, {bloc(u"a"_s, u"XXX"_s, {{2000, 2010, u"member"_s}, {2010, std::nullopt, u"observer"_s}}),
            bloc(u"b"_s, u"XXX"_s, {{2005, 2008, u"member"_s}}), bloc(u"c"_s, u"XXX"_s, {{2007, 2012, u"member"_s}})});
    QCOMPARE(layer.features.size(), 1);
    const Feature &f = layer.features.front();
    QStringList got;
    for (const Period &p : f.periods)
        got << u"%1-%2 %3"_s.arg(p.since).arg(p.until.value_or(0)).arg(p.status);
    QCOMPARE(got, (QStringList{u"2000-2005 A only"_s, u"2005-2010 both"_s, u"2010-2012 B only"_s, u"2012-0 neither"_s}));
    QCOMPARE(f.sources.size(), 3);
    QVERIFY(layer.legend.last().label.contains(u"observer"));
}

void TestLayers::malformedComparisonIsNamed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("fragment");
    const QByteArray first = R"("first": {"label": "A", "layers": ["sco"], "statuses": ["member"]})";
    QTest::newRow("not JSON") << QByteArray("{") << u"not JSON"_s;
    QTest::newRow("an array") << QByteArray("[]") << u"object"_s;
    QTest::newRow("no id") << QByteArray(R"({"title": "t", )" + first + "}") << u"\"id\""_s;
    QTest::newRow("no second side") << QByteArray(R"({"id": "x", "title": "t", )" + first + "}") << u"\"second\".label"_s;
    QTest::newRow("layers not strings")
        << QByteArray(R"({"id": "x", "title": "t", )" + first +
                      R"(, "second": {"label": "B", "layers": [1], "statuses": ["member"]}})")
        << u"\"second\".layers"_s;
    QTest::newRow("same labels")
        << QByteArray(R"({"id": "x", "title": "t", )" + first +
                      R"(, "second": {"label": "A", "layers": ["csto"], "statuses": ["member"]}})")
        << u"different labels"_s;
}

void TestLayers::malformedComparisonIsNamed()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, fragment);
    QString error;
    QVERIFY(!MembershipComparison::readDefinition(json, u"blocs.comparison.json"_s, error));
    QVERIFY2(error.startsWith(u"blocs.comparison.json: "), qPrintable(error));
    QVERIFY2(error.contains(fragment), qPrintable(error));
}

void TestLayers::scoStatusOverTime()
{
    QFETCH(QString, iso3);
    QFETCH(int, year);
    QFETCH(QString, status);
    const Layer &sco = builtIn(QStringLiteral("sco"));
    const Feature *feature = nullptr;
    for (const Feature &f : sco.features)
        if (f.iso3 == iso3)
            feature = &f;
    QVERIFY(feature);
    QCOMPARE(sco.feature(feature->id), feature);
    const auto actual = feature->statusIn(year);
    QCOMPARE(actual.value_or(QString()), status);
    QCOMPARE(feature->existsIn(year), !status.isEmpty());
    const QList<const Feature *> members = sco.membersIn(year, QStringLiteral("member"));
    QCOMPARE(members.contains(feature), status == u"member");
}

// --- Pipelines --------------------------------------------------------------------------------

void TestLayers::pipelineEndsLieInTheirCountries_data()
{
    QTest::addColumn<QString>("id");
    for (const Feature &f : builtIn(QStringLiteral("pipelines")).features)
        QTest::newRow(qPrintable(f.id)) << f.id; // commissioned or not
}

void TestLayers::pipelineEndsLieInTheirCountries()
{
    QFETCH(QString, id);
    const Feature *f = builtIn(QStringLiteral("pipelines")).feature(id);
    QVERIFY(f);
    QVERIFY(!f->lines.empty() && !f->lines.front().empty() && !f->lines.back().empty());
    const QString from = f->properties.value(QStringLiteral("from")).toString();
    const QString to = f->properties.value(QStringLiteral("to")).toString();
    const Region *start = fineAtlas().region(from);
    const Region *end = fineAtlas().region(to);
    QVERIFY2(start, qPrintable(QStringLiteral("from: ") + from));
    QVERIFY2(end, qPrintable(QStringLiteral("to: ") + to));
    const Point first = f->lines.front().front();
    const Point last = f->lines.back().back();
    QVERIFY2(bg::within(first, start->shape), qPrintable(QStringLiteral("%1: first point %2 is not in %3").arg(id, describe(first), from)));
    QVERIFY2(bg::within(last, end->shape), qPrintable(QStringLiteral("%1: last point %2 is not in %3").arg(id, describe(last), to)));
    for (const QVariant &code : f->properties.value(QStringLiteral("countries")).toList())
        QVERIFY2(fineAtlas().region(code.toString()), qPrintable(id + QStringLiteral(": ") + code.toString()));
}

void TestLayers::pipelineStatusOverTime_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("year");
    QTest::addColumn<QString>("status"); // empty: does not exist that year
    QTest::newRow("Power of Siberia 2019") << "power-of-siberia" << 2019 << "operating";
    QTest::newRow("Power of Siberia 2013") << "power-of-siberia" << 2013 << "";
    QTest::newRow("Power of Siberia 2 2025") << "power-of-siberia-2" << 2025 << "planned";
    // Line D broke ground in Tajikistan in 2014; no works reported after 2020: suspended.
    QTest::newRow("CAGP Line D 2018") << "cagp-d" << 2018 << "under construction";
    QTest::newRow("CAGP Line D 2025") << "cagp-d" << 2025 << "suspended";
    // Section by section: each opens in its own year.
    QTest::newRow("ESPO-1 2010") << "espo" << 2010 << "operating";
    QTest::newRow("ESPO-2 2010 (crude by rail)") << "espo-2" << 2010 << "under construction";
    QTest::newRow("ESPO-2 2012") << "espo-2" << 2012 << "operating";
    QTest::newRow("Kovykta-Chayanda 2021") << "power-of-siberia-kovykta" << 2021 << "under construction";
    QTest::newRow("Kovykta-Chayanda 2022") << "power-of-siberia-kovykta" << 2022 << "operating";
    QTest::newRow("East Route middle 2020") << "east-route-middle" << 2020 << "operating";
    QTest::newRow("East Route south 2023") << "east-route-south" << 2023 << "under construction";
    QTest::newRow("East Route south 2024") << "east-route-south" << 2024 << "operating";
    QTest::newRow("Sakhalin-Khabarovsk-Vladivostok 2012") << "sakhalin-khabarovsk-vladivostok" << 2012 << "operating";
    QTest::newRow("Far Eastern branch 2012") << "far-eastern-route" << 2012 << "";
    QTest::newRow("Kenkiyak-Kumkol 2007") << "kenkiyak-kumkol" << 2007 << "under construction";
    QTest::newRow("Kazakhstan-China oil 2007") << "kazakhstan-china-oil" << 2007 << "operating";
}

void TestLayers::pipelineStatusOverTime()
{
    QFETCH(QString, id);
    QFETCH(int, year);
    QFETCH(QString, status);
    const Feature *f = builtIn(QStringLiteral("pipelines")).feature(id);
    QVERIFY2(f, qPrintable(id));
    QCOMPARE(f->existsIn(year), !status.isEmpty());
    QCOMPARE(f->statusIn(year).value_or(QString()), status);
}

// --- Contested zones --------------------------------------------------------------------------

void TestLayers::contestedZonesHaveClaimants_data()
{
    QTest::addColumn<QString>("id");
    for (const Feature &f : builtIn(QStringLiteral("contested")).features)
        QTest::newRow(qPrintable(f.id)) << f.id;
}

void TestLayers::contestedZonesHaveClaimants()
{
    QFETCH(QString, id);
    const Feature *f = builtIn(QStringLiteral("contested")).feature(id);
    QVERIFY(f);
    // Contested: two claimants, or one claimant that does not hold it (an occupied territory).
    QVERIFY2(!f->claimants.isEmpty(), qPrintable(id));
    const bool heldByAnother = std::any_of(f->administeredBy.cbegin(), f->administeredBy.cend(),
                                           [&](const QString &code) { return !f->claimants.contains(code); });
    QVERIFY2(f->claimants.size() >= 2 || heldByAnother, qPrintable(f->claimants.join(u' ')));
    for (const QString &code : f->claimants)
        QVERIFY2(coarseAtlas().region(code), qPrintable(QStringLiteral("claimant ") + code));
    for (const QString &code : f->administeredBy)
        QVERIFY2(coarseAtlas().region(code), qPrintable(QStringLiteral("administered by ") + code));
}

void TestLayers::contestedRequiredZonesExist_data()
{
    QTest::addColumn<QString>("id");
    for (const char *id : {"nine-dash-line", "spratly-islands", "paracel-islands", "scarborough-shoal", "senkaku-diaoyu",
                           "kuril-islands", "aksai-chin", "arunachal-pradesh", "kashmir", "taiwan", "crimea",
                           "donbas-2014", "occupied-ukraine-2022", "abkhazia", "south-ossetia", "transnistria",
                           "damansky-zhenbao", "bolshoi-ussuriysky"})
        QTest::newRow(id) << QString::fromLatin1(id);
}

void TestLayers::contestedRequiredZonesExist()
{
    QFETCH(QString, id);
    QVERIFY(builtIn(QStringLiteral("contested")).feature(id));
}

void TestLayers::russiasZones_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("claimants");
    QTest::addColumn<QStringList>("administeredBy");
    QTest::addColumn<int>("since");
    QTest::addColumn<int>("until"); // 0: still contested
    QTest::addColumn<QPointF>("inside");
    const QStringList ukrRus{u"UKR"_s, u"RUS"_s}, rus{u"RUS"_s}, chnRus{u"CHN"_s, u"RUS"_s};
    QTest::newRow("Crimea") << u"crimea"_s << ukrRus << rus << 2014 << 0 << QPointF(34.10, 44.95);
    QTest::newRow("Donbas 2014 line") << u"donbas-2014"_s << QStringList{u"UKR"_s} << rus << 2014 << 2022 << QPointF(37.80, 48.00);
    QTest::newRow("occupied Ukraine: Melitopol") << u"occupied-ukraine-2022"_s << ukrRus << rus << 2022 << 0 << QPointF(35.37, 46.85);
    QTest::newRow("occupied Ukraine: Luhansk") << u"occupied-ukraine-2022"_s << ukrRus << rus << 2022 << 0 << QPointF(39.30, 48.57);
    QTest::newRow("Abkhazia: Sukhumi") << u"abkhazia"_s << QStringList{u"GEO"_s} << rus << 2008 << 0 << QPointF(41.02, 43.00);
    QTest::newRow("South Ossetia: Tskhinvali") << u"south-ossetia"_s << QStringList{u"GEO"_s} << rus << 2008 << 0 << QPointF(43.96, 42.23);
    QTest::newRow("Transnistria: Tiraspol") << u"transnistria"_s << QStringList{u"MDA"_s} << rus << 1992 << 0 << QPointF(29.63, 46.84);
    QTest::newRow("Zhenbao") << u"damansky-zhenbao"_s << chnRus << QStringList{u"CHN"_s} << 1969 << 1991 << QPointF(133.85, 46.49);
    QTest::newRow("Bolshoi Ussuriysky") << u"bolshoi-ussuriysky"_s << chnRus << rus << 1929 << 2008 << QPointF(134.80, 48.36);
}

void TestLayers::russiasZones()
{
    QFETCH(QString, id);
    QFETCH(QStringList, claimants);
    QFETCH(QStringList, administeredBy);
    QFETCH(int, since);
    QFETCH(int, until);
    QFETCH(QPointF, inside);
    const Feature *f = builtIn(QStringLiteral("contested")).feature(id);
    QVERIFY2(f, qPrintable(id));
    QCOMPARE(f->claimants, claimants);
    QCOMPARE(f->administeredBy, administeredBy);
    QVERIFY(!f->existsIn(since - 1));
    QVERIFY(f->existsIn(since));
    if (until) {
        QVERIFY(f->existsIn(until - 1));
        QVERIFY(!f->existsIn(until));
    } else {
        QVERIFY(f->existsIn(2026));
    }
    QVERIFY2(bg::within(Point(inside.x(), inside.y()), f->area), qPrintable(id));
    // Occupied zones say how approximate their outline is and as of when.
    QVERIFY2(f->note.contains(u"error") || f->note.contains(u"approximate"), qPrintable(f->note));
}

void TestLayers::baseMapIsDeJure_data()
{
    QTest::addColumn<QPointF>("place");
    QTest::addColumn<QString>("region");
    QTest::newRow("Simferopol") << QPointF(34.10, 44.95) << u"UKR"_s;
    QTest::newRow("Sevastopol") << QPointF(33.60, 44.55) << u"UKR"_s;
    QTest::newRow("Kerch") << QPointF(36.40, 45.33) << u"UKR"_s;
    QTest::newRow("Taman") << QPointF(37.20, 45.20) << u"RUS"_s;
    QTest::newRow("Donetsk") << QPointF(37.80, 48.00) << u"UKR"_s;
    QTest::newRow("Sukhumi") << QPointF(41.10, 43.00) << u"GEO"_s;
    QTest::newRow("Tiraspol") << QPointF(29.63, 46.84) << u"MDA"_s;
    QTest::newRow("Bolshoi Ussuriysky, west") << QPointF(134.55, 48.36) << u"CHN"_s;
    QTest::newRow("Bolshoi Ussuriysky, east") << QPointF(134.90, 48.40) << u"RUS"_s;
    QTest::newRow("Khabarovsk") << QPointF(135.07, 48.48) << u"RUS"_s;
}

void TestLayers::baseMapIsDeJure()
{
    QFETCH(QPointF, place);
    QFETCH(QString, region);
    const Point p(place.x(), place.y());
    for (const Atlas *atlas : {&coarseAtlas(), &fineAtlas()}) {
        QStringList holders;
        for (const Region &r : atlas->regions())
            if (bg::within(p, r.shape))
                holders << r.code;
        QCOMPARE(holders, QStringList{region});
    }
}

void TestLayers::sovereigntyTransfersNameTheirZones()
{
    const SovereigntyTable::Result table = SovereigntyTable::read(u":/basemap/sovereignty.json"_s);
    QVERIFY2(table.ok(), qPrintable(table.error));
    QVERIFY(table.transfers.size() >= 2);
    for (const SovereigntyTransfer &t : table.transfers) {
        QVERIFY2(t.zone.startsWith(u"contested/"), qPrintable(t.id));
        const Feature *zone = builtIn(u"contested"_s).feature(t.zone.mid(10));
        QVERIFY2(zone, qPrintable(t.zone));
        QVERIFY2(zone->claimants.contains(t.to) && zone->claimants.contains(t.from), qPrintable(t.id));
        QVERIFY2(zone->administeredBy.contains(t.from), qPrintable(t.id));
    }
    // The table refuses what it cannot apply, naming the file and the entry.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"s.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"transfers":[{"id":"x","name":"X","from":"RUS","to":"UKR","polygonsContaining":[[1000,0]]}]})");
    file.close();
    const SovereigntyTable::Result bad = SovereigntyTable::read(path);
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error.contains(path) && bad.error.contains(u"transfers[0]"), qPrintable(bad.error));
}

void TestLayers::everyPeriodAndFeatureIsSourced_data()
{
    QTest::addColumn<QString>("layer");
    for (const QString &id : GeoJsonReader::builtInIds() + GeoJsonReader::optionalIds())
        QTest::newRow(qPrintable(id)) << id;
}

void TestLayers::everyPeriodAndFeatureIsSourced()
{
    QFETCH(QString, layer);
    for (const Feature &f : builtIn(layer).features) {
        const char *name = qPrintable(f.id);
        QVERIFY2(!f.sources.isEmpty(), name);
        for (const Source &s : f.sources) {
            QVERIFY2(!s.title.isEmpty() && !s.publisher.isEmpty(), name);
            // A date: a year at least ("2025", "2014-03-27").
            QVERIFY2(QRegularExpression(u"^(19|20)\\d\\d(-\\d\\d(-\\d\\d)?)?$"_s).match(s.date).hasMatch(),
                     qPrintable(f.id + u": "_s + s.date));
        }
        // A section names the line it belongs to, which the layer holds.
        if (const QString whole = f.properties.value(u"sectionOf"_s).toString(); !whole.isEmpty())
            QVERIFY2(whole != f.id && builtIn(layer).feature(whole), name);
        QVERIFY2(!f.periods.isEmpty(), name);
        for (qsizetype i = 1; i < f.periods.size(); ++i) // never overlapping, in order
            QVERIFY2(f.periods[i - 1].until && *f.periods[i - 1].until <= f.periods[i].since, name);
    }
}

// --- Malformed and user input -----------------------------------------------------------------

namespace {

/// A FeatureCollection with one feature whose geometry and properties are given as JSON text.
QByteArray collection(const char *geometry, const char *properties = "{}")
{
    return QByteArray(R"({"type":"FeatureCollection","features":[)"
                      R"({"type":"Feature","id":"ok","geometry":null,"properties":{}},)"
                      R"({"type":"Feature","id":"bad","geometry":)")
        + geometry + R"(,"properties":)" + properties + "}]}";
}

QByteArray withPeriods(const char *periods)
{
    return collection("null", (QByteArray(R"({"periods":)") + periods + "}").constData());
}

} // namespace

void TestLayers::malformedInputIsRejected_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected"); // the place and what is wrong

    QTest::newRow("empty") << QByteArray() << "not valid JSON at byte 0";
    QTest::newRow("not JSON") << QByteArray(R"({"type":"FeatureCollection","features":[{)") << "not valid JSON at byte 41";
    QTest::newRow("top level is an array") << QByteArray("[1, 2]") << "not a GeoJSON FeatureCollection or Feature";
    QTest::newRow("a TopoJSON file") << QByteArray(R"({"type":"Topology","objects":{}})")
                                     << "not a GeoJSON FeatureCollection or Feature (\"type\" is \"Topology\")";
    QTest::newRow("no type") << QByteArray(R"({"features":[]})") << "(it has no \"type\")";
    QTest::newRow("features not an array") << QByteArray(R"({"type":"FeatureCollection","features":{}})")
                                           << "\"features\" must be an array";
    QTest::newRow("member is not a Feature")
        << QByteArray(R"({"type":"FeatureCollection","features":[{"type":"Point","coordinates":[0,0]}]})")
        << "features[0] (feature-1) is not a Feature";
    QTest::newRow("id is an object") << QByteArray(R"({"type":"FeatureCollection","features":[{"type":"Feature","id":{},"geometry":null}]})")
                                     << "features[0]: \"id\" must be a string or a number";
    QTest::newRow("no geometry member")
        << QByteArray(R"({"type":"FeatureCollection","features":[{"type":"Feature","id":"g","properties":{}}]})")
        << "features[0] (g) has no \"geometry\"";

    // Coordinates
    QTest::newRow("coordinate is a string") << collection(R"({"type":"LineString","coordinates":[[0,0],["1",2]]})")
                                            << "features[1] (bad): geometry.coordinates[1][0] is not a number";
    QTest::newRow("longitude out of range") << collection(R"({"type":"LineString","coordinates":[[0,0],[200,10]]})")
                                            << "features[1] (bad): geometry.coordinates[1]: longitude 200 is outside [-180, 180]";
    QTest::newRow("latitude out of range") << collection(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,91],[0,0]]]})")
                                           << "features[1] (bad): geometry.coordinates[0][2]: latitude 91 is outside [-90, 90]";
    QTest::newRow("position without latitude") << collection(R"({"type":"LineString","coordinates":[[0,0],[1]]})")
                                               << "geometry.coordinates[1] needs a longitude and a latitude";
    QTest::newRow("line of one position") << collection(R"({"type":"LineString","coordinates":[[0,0]]})")
                                          << "geometry.coordinates has 1 positions; a LineString needs at least 2";
    QTest::newRow("ring not closed") << collection(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]})")
                                     << "geometry.coordinates[0]: the ring is not closed";
    QTest::newRow("unknown geometry type") << collection(R"({"type":"Circle","coordinates":[0,0],"radius":5})")
                                           << "features[1] (bad): geometry: unknown geometry type \"Circle\"";
    QTest::newRow("geometry without type") << collection(R"({"coordinates":[0,0]})") << "features[1] (bad): geometry has no \"type\"";
    QTest::newRow("coordinates missing") << collection(R"({"type":"LineString"})") << "geometry.coordinates must be an array";
    QTest::newRow("line nested too deeply") << collection(R"({"type":"LineString","coordinates":[[[0,0],[1,1]]]})")
                                            << "features[1] (bad): geometry.coordinates[0]: coordinates are nested deeper than a LineString allows";
    QTest::newRow("polygon nested too deeply")
        << collection(R"({"type":"Polygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]]})")
        << "geometry.coordinates[0][0]: coordinates are nested deeper than a Polygon allows";
    QTest::newRow("point nested too deeply") << collection(R"({"type":"Point","coordinates":[[0,0]]})")
                                             << "features[1] (bad): geometry.coordinates: coordinates are nested deeper than a Point allows";
    QTest::newRow("point without latitude") << collection(R"({"type":"Point","coordinates":[74.8]})")
                                            << "features[1] (bad): geometry.coordinates needs a longitude and a latitude";
    QTest::newRow("point latitude out of range") << collection(R"({"type":"Point","coordinates":[43,100]})")
                                                 << "features[1] (bad): geometry.coordinates: latitude 100 is outside [-90, 90]";
    QTest::newRow("point coordinates an object") << collection(R"({"type":"Point","coordinates":{"lon":1,"lat":2}})")
                                                 << "features[1] (bad): geometry.coordinates must be an array";
    QTest::newRow("point coordinate is a string") << collection(R"({"type":"Point","coordinates":[62.3,"25.1"]})")
                                                  << "features[1] (bad): geometry.coordinates[1] is not a number";
    QTest::newRow("multipoint not nested enough") << collection(R"({"type":"MultiPoint","coordinates":[68.8,38.6]})")
                                                  << "features[1] (bad): geometry.coordinates[0] is not a position";
    QTest::newRow("multipoint longitude out of range")
        << collection(R"({"type":"MultiPoint","coordinates":[[68.8,38.6],[-181,37.8]]})")
        << "features[1] (bad): geometry.coordinates[1]: longitude -181 is outside [-180, 180]";
    QTest::newRow("multipoint nested too deeply") << collection(R"({"type":"MultiPoint","coordinates":[[[68.8,38.6]]]})")
                                                  << "features[1] (bad): geometry.coordinates[0]: coordinates are nested deeper than a MultiPoint allows";
    QTest::newRow("multipolygon not nested enough")
        << collection(R"({"type":"MultiPolygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]})")
        << "geometry.coordinates[0][0][0] is not a position";
    QTest::newRow("inside a GeometryCollection")
        << collection(R"({"type":"GeometryCollection","geometries":[{"type":"LineString","coordinates":[[0,0],[1,1]]},{"type":"LineString","coordinates":[[0,0],[0,-95]]}]})")
        << "features[1] (bad): geometry.geometries[1].coordinates[1]: latitude -95 is outside";

    // Periods
    QTest::newRow("until equals since") << withPeriods(R"([{"since":2010,"until":2010,"status":"x"}])")
                                        << "features[1] (bad): periods[0]: \"until\" (2010, exclusive) must be after \"since\" (2010)";
    QTest::newRow("until before since") << withPeriods(R"([{"since":2010,"until":2005,"status":"x"}])")
                                        << "periods[0]: \"until\" (2005, exclusive) must be after \"since\" (2010)";
    QTest::newRow("overlapping periods")
        << withPeriods(R"([{"since":2000,"until":2010,"status":"a"},{"since":2005,"status":"b"}])")
        << "features[1] (bad): periods[1] (since 2005) overlaps periods[0] (until 2010)";
    QTest::newRow("open period followed by another")
        << withPeriods(R"([{"since":2000,"status":"a"},{"since":2005,"status":"b"}])") << "periods[1] (since 2005) overlaps periods[0] (until open-ended)";
    QTest::newRow("periods out of order")
        << withPeriods(R"([{"since":2010,"until":2012,"status":"a"},{"since":2000,"until":2005,"status":"b"}])")
        << "periods[1] (since 2000) comes before periods[0] (since 2010)";
    QTest::newRow("since is a string") << withPeriods(R"([{"since":"2010","status":"a"}])")
                                       << "periods[0]: \"since\" must be a whole number from 1800 to 2100 (it is not a number)";
    QTest::newRow("since is a fraction") << withPeriods(R"([{"since":2010.5,"status":"a"}])") << "periods[0]: \"since\" must be a whole number from 1800 to 2100 (it is 2010.5)";
    QTest::newRow("since too early") << withPeriods(R"([{"since":1700,"status":"a"}])") << "periods[0]: \"since\" must be a whole number from 1800 to 2100 (it is 1700)";
    QTest::newRow("until too late") << withPeriods(R"([{"since":2000,"until":3000,"status":"a"}])") << "periods[0]: \"until\" must be a whole number from 1800 to 2100 (it is 3000)";
    QTest::newRow("no status") << withPeriods(R"([{"since":2000}])") << "periods[0]: \"status\" is missing";
    QTest::newRow("period not an object") << withPeriods("[2000]") << "periods[0] must be an object";
    QTest::newRow("periods empty") << withPeriods("[]") << "\"periods\" must be a non-empty array";

    // Other properties
    QTest::newRow("name is a number") << collection("null", R"({"name":5})") << "features[1] (bad): \"name\" must be a string";
    QTest::newRow("sources not an array") << collection("null", R"({"sources":"UN"})") << "features[1] (bad): \"sources\" must be an array";
    QTest::newRow("source url is a number") << collection("null", R"({"sources":[{"title":"t","url":5}]})")
                                            << "features[1] (bad): sources[0]: \"url\" must be a string";
    QTest::newRow("claimants not codes") << collection("null", R"({"claimants":["CHN",7]})")
                                         << "features[1] (bad): \"claimants\"[1] must be a non-empty string";
    QTest::newRow("properties an array") << collection("null", "[]") << "features[1] (bad): \"properties\" must be an object or null";

    // Our "spheres" member
    QTest::newRow("unknown kind")
        << QByteArray(R"({"type":"FeatureCollection","spheres":{"id":"x","title":"X","kind":"dots"},"features":[]})")
        << "\"spheres\".kind must be \"lines\", \"membership\", \"zones\", \"sites\" or \"generic\" (it is \"dots\")";
    QTest::newRow("no title")
        << QByteArray(R"({"type":"FeatureCollection","spheres":{"id":"x","kind":"lines"},"features":[]})")
        << "\"spheres\" needs a non-empty \"id\" and \"title\"";
    QTest::newRow("bad asOf")
        << QByteArray(R"({"type":"FeatureCollection","spheres":{"id":"x","title":"X","kind":"lines","asOf":"last year"},"features":[]})")
        << "\"spheres\".asOf must be a date";
    QTest::newRow("membership without iso3")
        << QByteArray(R"({"type":"FeatureCollection","spheres":{"id":"x","title":"X","kind":"membership"},)"
                      R"("features":[{"type":"Feature","id":"m","geometry":null,"properties":{"periods":[{"since":2001,"status":"member"}]}}]})")
        << "features[0] (m): a membership feature needs \"iso3\"";
}

void TestLayers::malformedInputIsRejected()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    const GeoJsonReader::Result r = GeoJsonReader::read(data, QStringLiteral("broken.geojson"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(u"broken.geojson: "), qPrintable(r.error));
    QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    QVERIFY(r.layer.features.isEmpty());
}

void TestLayers::oversizedInputIsRefused()
{
    QByteArray big(GeoJsonReader::kMaxFileBytes + 1, ' ');
    const GeoJsonReader::Result r = GeoJsonReader::read(big, QStringLiteral("huge.geojson"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(u"huge.geojson: ") && r.error.contains(u"larger than 64 MiB"), qPrintable(r.error));
}

void TestLayers::tooManyCoordinatesAreRefused()
{
    // One line of 5 000 001 positions (about 30 MB of JSON).
    const qint64 n = GeoJsonReader::kMaxCoordinates + 1;
    QByteArray data;
    data.reserve(n * 6 + 200);
    data += R"({"type":"Feature","id":"long","geometry":{"type":"LineString","coordinates":[)";
    for (qint64 i = 0; i < n; ++i)
        data += i == 0 ? "[0,0]" : ",[0,0]";
    data += "]},\"properties\":{}}";
    const GeoJsonReader::Result r = GeoJsonReader::read(data, QStringLiteral("long.geojson"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(QStringLiteral("long.geojson: features[0] (long): ")), qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("more than 5000000 coordinates")), qPrintable(r.error));
}

void TestLayers::missingFileIsNamed()
{
    const GeoJsonReader::Result r = GeoJsonReader::readFile(QStringLiteral("/nonexistent/mine.geojson"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(u"/nonexistent/mine.geojson: "), qPrintable(r.error));
}

void TestLayers::userFileLoadsAsGeneric()
{
    // What a user exports from QGIS: no "spheres", no ids, properties of their own.
    const QByteArray data = R"({"type":"FeatureCollection","features":[
        {"type":"Feature","geometry":{"type":"LineString","coordinates":[[10,50],[11,51],[12,51.5]]},
         "properties":{"name":"A road","highway":"primary","lanes":2,"lit":true,"ref":null}},
        {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]},"properties":null},
        {"type":"Feature","id":7,"geometry":null,"properties":{"name":"Nowhere"}}]})";
    const GeoJsonReader::Result r = GeoJsonReader::read(data, QStringLiteral("/home/user/my roads.geojson"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(u'\n')));
    const Layer &layer = r.layer;
    QCOMPARE(layer.kind, LayerKind::Generic);
    QCOMPARE(layer.id, QStringLiteral("my roads"));
    QCOMPARE(layer.title, QStringLiteral("my roads"));
    QVERIFY(!layer.asOf.isValid());
    QCOMPARE(layer.features.size(), 3);
    const Feature &road = layer.features[0];
    QCOMPARE(road.id, QStringLiteral("feature-1"));
    QCOMPARE(road.name, QStringLiteral("A road"));
    QCOMPARE(road.lines.size(), size_t(1));
    QCOMPARE(road.lines[0].size(), size_t(3));
    QVERIFY(road.area.empty());
    QCOMPARE(road.properties.value(QStringLiteral("highway")).toString(), QStringLiteral("primary"));
    QCOMPARE(road.properties.value(QStringLiteral("lanes")).toInt(), 2);
    QCOMPARE(road.properties.value(QStringLiteral("lit")).toBool(), true);
    QVERIFY(road.properties.contains(QStringLiteral("ref")));
    QVERIFY(!road.properties.contains(QStringLiteral("name")));
    QVERIFY(road.sources.isEmpty());
    QVERIFY(road.periods.isEmpty());
    QVERIFY(road.existsIn(1800) && road.existsIn(2100));
    QCOMPARE(road.statusIn(2020), std::optional<QString>(QString()));
    const Feature &square = layer.features[1];
    QCOMPARE(square.id, QStringLiteral("feature-2"));
    QCOMPARE(square.name, QStringLiteral("feature-2"));
    QCOMPARE(bg::area(square.area), 1.0); // counter-clockwise in the file, corrected
    QCOMPARE(layer.features[2].id, QStringLiteral("7"));
    QCOMPARE(layer.feature(QStringLiteral("feature-2")), &layer.features[1]);
    QCOMPARE(layer.feature(QStringLiteral("feature-9")), nullptr);
}

void TestLayers::singleFeatureLoads()
{
    const QByteArray data = R"({"type":"Feature","id":"solo","geometry":{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[2,2],[3,3]]]},"properties":{"name":"Solo"}})";
    const GeoJsonReader::Result r = GeoJsonReader::read(data, QStringLiteral("solo.geojson"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.layer.kind, LayerKind::Generic);
    QCOMPARE(r.layer.features.size(), 1);
    QCOMPARE(r.layer.features[0].id, QStringLiteral("solo"));
    QCOMPARE(r.layer.features[0].lines.size(), size_t(2));
}

void TestLayers::lineAcrossAntimeridianIsSplit()
{
    // Eastward from Chukotka to Alaska: the longitude jumps from +179 to -179.
    const QByteArray data = R"({"type":"FeatureCollection","features":[{"type":"Feature","id":"cable",
        "geometry":{"type":"LineString","coordinates":[[170,60],[179,61],[-179,63],[-170,64]]},"properties":{}}]})";
    const GeoJsonReader::Result r = GeoJsonReader::read(data, QStringLiteral("cable.geojson"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    const MultiLineString &lines = r.layer.features[0].lines;
    QCOMPARE(lines.size(), size_t(2));
    // Both halves reach the edge of the map, where the line crosses it (halfway: 62°N).
    QCOMPARE(lines[0].front().x(), 170.0);
    QCOMPARE(lines[0].back().x(), 180.0);
    QCOMPARE(lines[0].back().y(), 62.0);
    QCOMPARE(lines[1].front().x(), -180.0);
    QCOMPARE(lines[1].front().y(), 62.0);
    QCOMPARE(lines[1].back().x(), -170.0);
    for (const LineString &part : lines)
        for (size_t i = 1; i < part.size(); ++i)
            QVERIFY(std::abs(part[i].x() - part[i - 1].x()) <= 180.0);
}

void TestLayers::polygonAcrossAntimeridianIsCut()
{
    const QByteArray data = R"({"type":"FeatureCollection","features":[{"type":"Feature","id":"fiji",
        "geometry":{"type":"Polygon","coordinates":[[[170,-20],[-170,-20],[-170,-10],[170,-10],[170,-20]]]},"properties":{}}]})";
    const GeoJsonReader::Result r = GeoJsonReader::read(data, QStringLiteral("fiji.geojson"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(u'\n')));
    const MultiPolygon &area = r.layer.features[0].area;
    QCOMPARE(area.size(), size_t(2));
    QCOMPARE(bg::area(area), 200.0);
}

void TestLayers::pointsAreRead_data()
{
    QTest::addColumn<QByteArray>("geometry");
    QTest::addColumn<QList<QPointF>>("points");
    QTest::addColumn<int>("lines");
    QTest::newRow("Point") << QByteArray(R"({"type":"Point","coordinates":[74.846,42.853]})")
                           << QList<QPointF>{{74.846, 42.853}} << 0;
    QTest::newRow("Point with an elevation") << QByteArray(R"({"type":"Point","coordinates":[43.06,11.59,12]})")
                                             << QList<QPointF>{{43.06, 11.59}} << 0;
    QTest::newRow("MultiPoint") << QByteArray(R"({"type":"MultiPoint","coordinates":[[68.77,38.56],[68.78,37.835]]})")
                                << QList<QPointF>{{68.77, 38.56}, {68.78, 37.835}} << 0;
    QTest::newRow("empty MultiPoint") << QByteArray(R"({"type":"MultiPoint","coordinates":[]})") << QList<QPointF>{} << 0;
    QTest::newRow("on the antimeridian") << QByteArray(R"({"type":"Point","coordinates":[180,-16.5]})")
                                         << QList<QPointF>{{180, -16.5}} << 0;
    QTest::newRow("in a GeometryCollection with a line")
        << QByteArray(R"({"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[116.4,39.9]},)"
                      R"({"type":"LineString","coordinates":[[116,39],[117,40]]}]})")
        << QList<QPointF>{{116.4, 39.9}} << 1;
}

void TestLayers::pointsAreRead()
{
    QFETCH(QByteArray, geometry);
    QFETCH(QList<QPointF>, points);
    QFETCH(int, lines);
    const QByteArray data = R"({"type":"FeatureCollection","features":[{"type":"Feature","id":"site","geometry":)" + geometry
                            + R"(,"properties":{}}]})";
    const GeoJsonReader::Result r = GeoJsonReader::read(data, QStringLiteral("points.geojson"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(u'\n')));
    QCOMPARE(r.layer.features.size(), 1);
    const Feature &f = r.layer.features[0];
    QCOMPARE(f.points.size(), size_t(points.size()));
    for (qsizetype i = 0; i < points.size(); ++i) {
        QCOMPARE(f.points[size_t(i)].x(), points[i].x());
        QCOMPARE(f.points[size_t(i)].y(), points[i].y());
    }
    QCOMPARE(f.lines.size(), size_t(lines));
}

void TestLayers::zeroAreaPolygonIsLeftOut()
{
    // A ring that goes out and back along one line: no area, nothing to draw.
    const QByteArray data = R"({"type":"FeatureCollection","features":[
        {"type":"Feature","id":"flat","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[2,2],[1,1],[0,0]]]},"properties":{}},
        {"type":"Feature","id":"bowtie","geometry":{"type":"Polygon","coordinates":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]},"properties":{}},
        {"type":"Feature","id":"fine","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]},"properties":{}}]})";
    const GeoJsonReader::Result r = GeoJsonReader::read(data, QStringLiteral("shapes.geojson"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QStringList ids;
    for (const Feature &f : r.layer.features)
        ids << f.id;
    QVERIFY2(!ids.contains(QStringLiteral("flat")), qPrintable(ids.join(u' ')));
    QVERIFY(ids.contains(QStringLiteral("fine")));
    bool named = false;
    for (const QString &w : r.warnings)
        named |= w.startsWith(u"shapes.geojson: features[0] (flat): ");
    QVERIFY2(named, qPrintable(r.warnings.join(u'\n')));
    // The self-intersecting bow tie is either repaired or kept with a warning, never silently.
    if (ids.contains(QStringLiteral("bowtie"))) {
        bool warned = false;
        for (const QString &w : r.warnings)
            warned |= w.contains(u"(bowtie)");
        QVERIFY2(warned, qPrintable(r.warnings.join(u'\n')));
    }
}

void TestLayers::duplicateIdsAreMadeUnique()
{
    const QByteArray data = R"({"type":"FeatureCollection","features":[
        {"type":"Feature","id":"a","geometry":null,"properties":{}},
        {"type":"Feature","id":"a","geometry":null,"properties":{}}]})";
    const GeoJsonReader::Result r = GeoJsonReader::read(data, QStringLiteral("dup.geojson"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.layer.features[1].id, QStringLiteral("a-2"));
    QCOMPARE(r.warnings.size(), 1);
    QVERIFY2(r.warnings[0].startsWith(u"dup.geojson: features[1] (a): "), qPrintable(r.warnings[0]));
}

void TestLayers::periodsDecideStatus()
{
    Feature f;
    f.periods = {{2000, 2005, QStringLiteral("planned")}, {2008, std::nullopt, QStringLiteral("operating")}};
    QVERIFY(!f.existsIn(1999));
    QCOMPARE(f.statusIn(2000), std::optional<QString>(QStringLiteral("planned")));
    QCOMPARE(f.statusIn(2004), std::optional<QString>(QStringLiteral("planned")));
    QVERIFY(!f.existsIn(2005)); // until is exclusive; a gap until 2008
    QCOMPARE(f.statusIn(2008), std::optional<QString>(QStringLiteral("operating")));
    QCOMPARE(f.statusIn(2100), std::optional<QString>(QStringLiteral("operating")));
    QVERIFY(f.periods[0].contains(2004) && !f.periods[0].contains(2005));
}

QTEST_GUILESS_MAIN(TestLayers)
#include "tst_layers.moc"
