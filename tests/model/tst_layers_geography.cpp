// Pipelines and contested zones: where they lie, when, and who claims them.

#include "tst_layers.h"

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
    QVERIFY2(!f->details().claimants.isEmpty(), qPrintable(id));
    const bool heldByAnother = std::any_of(f->details().administeredBy.cbegin(), f->details().administeredBy.cend(),
                                           [&](const QString &code) { return !f->details().claimants.contains(code); });
    QVERIFY2(f->details().claimants.size() >= 2 || heldByAnother, qPrintable(f->details().claimants.join(u' ')));
    for (const QString &code : f->details().claimants)
        QVERIFY2(coarseAtlas().region(code), qPrintable(QStringLiteral("claimant ") + code));
    for (const QString &code : f->details().administeredBy)
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
    QCOMPARE(f->details().claimants, claimants);
    QCOMPARE(f->details().administeredBy, administeredBy);
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
    QVERIFY2(f->details().note.contains(u"error") || f->details().note.contains(u"approximate"), qPrintable(f->details().note));
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
        QVERIFY2(zone->details().claimants.contains(t.to) && zone->details().claimants.contains(t.from), qPrintable(t.id));
        QVERIFY2(zone->details().administeredBy.contains(t.from), qPrintable(t.id));
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
        QVERIFY2(!f.details().sources.isEmpty(), name);
        for (const Source &s : f.details().sources) {
            QVERIFY2(!s.title.isEmpty() && !s.publisher.isEmpty(), name);
            // A date: a year at least ("2025", "2014-03-27").
            QVERIFY2(QRegularExpression(u"^(19|20)\\d\\d(-\\d\\d(-\\d\\d)?)?$"_s).match(s.date).hasMatch(),
                     qPrintable(f.id + u": "_s + s.date));
        }
        // A section names the line it belongs to, which the layer holds.
        if (const QString whole = f.properties.value(u"sectionOf"_s).toString(); !whole.isEmpty())
            QVERIFY2(whole != f.id && builtIn(layer).feature(whole), name);
        QVERIFY2(!f.details().periods.isEmpty(), name);
        for (qsizetype i = 1; i < f.details().periods.size(); ++i) // never overlapping, in order
            QVERIFY2(f.details().periods[i - 1].until && *f.details().periods[i - 1].until <= f.details().periods[i].since, name);
    }
}
