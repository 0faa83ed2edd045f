// The shipped layers, the SCO, the Russia-led blocs and BRICS, and their comparison.

#include "tst_layers.h"

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
        QVERIFY2(!f.details().description.isEmpty(), name);
        // Every fact we ship says where it comes from.
        QVERIFY2(!f.details().sources.isEmpty(), name);
        for (const Source &s : f.details().sources) {
            QVERIFY2(!s.title.isEmpty(), name);
            QVERIFY2(s.url.startsWith(u"https://") || s.url.startsWith(u"http://"), qPrintable(f.id + QStringLiteral(": ") + s.url));
        }
        // A valid time span, in order; the status is one the legend explains.
        QVERIFY2(!f.details().periods.isEmpty(), name);
        for (qsizetype i = 0; i < f.details().periods.size(); ++i) {
            const Period &p = f.details().periods[i];
            QVERIFY2(p.since >= 1800 && p.since <= 2100, name);
            QVERIFY2(!p.until || *p.until > p.since, name);
            QVERIFY2(!p.status.isEmpty(), name);
            if (i > 0) {
                QVERIFY2(f.details().periods[i - 1].until, name);
                QVERIFY2(*f.details().periods[i - 1].until <= p.since, name);
            }
        }
        switch (kind) {
        case LayerKind::Membership:
            QVERIFY2(f.details().iso3.size() == 3, name);
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
        QVERIFY2(coarseAtlas().region(f.details().iso3), qPrintable(f.id + QStringLiteral(": ") + f.details().iso3));
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
        codes << f->details().iso3;
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
                                 [&iso3](const Feature &f) { return f.details().iso3 == iso3; });
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
        QVERIFY2(coarseAtlas().region(f.details().iso3), qPrintable(f.id));
        for (const Period &p : f.details().periods)
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
    const auto it = std::find_if(layer.features.cbegin(), layer.features.cend(), [&iso3](const Feature &f) { return f.details().iso3 == iso3; });
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
        QVERIFY2(coarseAtlas().region(f.details().iso3), qPrintable(f.id));
        QVERIFY2(!f.details().periods.isEmpty(), qPrintable(f.id));
        for (qsizetype i = 1; i < f.details().periods.size(); ++i) // ordered, apart, and each a change
            QVERIFY2(f.details().periods[i - 1].until && *f.details().periods[i - 1].until <= f.details().periods[i].since &&
                         (*f.details().periods[i - 1].until < f.details().periods[i].since || f.details().periods[i - 1].status != f.details().periods[i].status),
                     qPrintable(f.id));
        // Every source of every state's entry in the three layers, and nothing else.
        QList<Source> expected;
        for (const QString &id : layer.derivedFrom)
            for (const Feature &source : builtIn(id).features)
                if (source.details().iso3 == f.details().iso3)
                    for (const Source &s : source.details().sources)
                        if (!expected.contains(s))
                            expected << s;
        QCOMPARE(f.details().sources, expected);
    }
    // The note gives the dates behind the combination.
    const auto uzb = std::find_if(layer.features.cbegin(), layer.features.cend(), [](const Feature &f) { return f.details().iso3 == u"UZB"; });
    QVERIFY(uzb != layer.features.cend());
    QVERIFY2(uzb->details().note.contains(u"CSTO: member 1992–1998, member 2006–2011"), qPrintable(uzb->details().note));
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
        f.editDetails().iso3 = iso3;
        f.name = iso3;
        f.editDetails().periods = std::move(periods);
        f.editDetails().sources = {Source{id, u"publisher"_s, u"https://example.org/"_s + id, u"2020"_s}};
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
    for (const Period &p : f.details().periods)
        got << u"%1-%2 %3"_s.arg(p.since).arg(p.until.value_or(0)).arg(p.status);
    QCOMPARE(got, (QStringList{u"2000-2005 A only"_s, u"2005-2010 both"_s, u"2010-2012 B only"_s, u"2012-0 neither"_s}));
    QCOMPARE(f.details().sources.size(), 3);
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
        if (f.details().iso3 == iso3)
            feature = &f;
    QVERIFY(feature);
    QCOMPARE(sco.feature(feature->id), feature);
    const auto actual = feature->statusIn(year);
    QCOMPARE(actual.value_or(QString()), status);
    QCOMPARE(feature->existsIn(year), !status.isEmpty());
    const QList<const Feature *> members = sco.membersIn(year, QStringLiteral("member"));
    QCOMPARE(members.contains(feature), status == u"member");
}

QTEST_GUILESS_MAIN(TestLayers)
