// What the charts show: pipelines' energy, bloc membership, claims, and their link to the map.

#include "tst_charts.h"

void TestCharts::initTestCase()
{
    QStringList errors;
    m_layers = GeoJsonReader::readAllBuiltIn(errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    for (const auto &layer : m_layers) {
        if (layer->id == u"pipelines")
            m_pipelines = layer;
        if (layer->id == u"sco")
            m_sco = layer;
    }
    QVERIFY(m_pipelines && m_sco);
    Atlas::Result atlas = Atlas::loadBuiltIn(Atlas::Detail::Coarse);
    QVERIFY2(atlas.ok(), qPrintable(atlas.error));
    m_atlas = std::make_shared<const Atlas>(std::move(atlas.atlas));
    BriefReader::Result brief = BriefReader::readBuiltIn();
    QVERIFY2(brief.ok(), qPrintable(brief.error));
    m_brief = brief.brief;
    QVERIFY(!m_brief.claims.isEmpty());
}

void TestCharts::init()
{
    m_panel = std::make_unique<ChartsPanel>();
    m_panel->setAtlas(m_atlas);
    m_panel->setLayers(m_layers);
    m_panel->setBrief(&m_brief);
    m_panel->resize(900, 700);
}

void TestCharts::cleanup() { m_panel.reset(); }

void TestCharts::energyChartHasOneBarPerPipelineOfTheYear_data()
{
    QTest::addColumn<int>("year");
    for (int year : {2000, 2010, 2018, 2020, 2026})
        QTest::addRow("%d", year) << year;
}

void TestCharts::energyChartHasOneBarPerPipelineOfTheYear()
{
    QFETCH(int, year);
    m_panel->setYear(year);
    EnergyChart *chart = m_panel->energyChart();
    QStringList expected;
    for (const Feature &f : m_pipelines->features)
        if (f.existsIn(year) && !f.properties.contains(QStringLiteral("sectionOf")) && // sections: charted as their line
            f.properties.contains(QStringLiteral("capacity")))                          // no capacity: no bar
            expected << QStringLiteral("pipelines/") + f.id;
    QStringList shown = chart->shownFeatures(); // gas first, then oil
    shown.sort();
    expected.sort();
    QCOMPARE(shown, expected);
    int bars = 0;
    for (const char *commodity : EnergyChart::kCommodities) {
        const QString c = QString::fromLatin1(commodity);
        const QList<QBarSet *> sets = chart->series(c)->barSets();
        QVERIFY(chart->model(c)->rowCount() == 0 || !sets.isEmpty());
        for (QBarSet *set : sets)
            QCOMPARE(set->count(), chart->model(c)->rowCount()); // one category per pipeline
        bars += chart->model(c)->rowCount();
    }
    QCOMPARE(bars, expected.size());
    for (const QString &key : std::as_const(expected)) {
        const Feature *f = pipeline(key.section(u'/', 1));
        QVERIFY(f);
        QCOMPARE(chart->barValue(key).value_or(-1), capacityOf(*f));
    }
}

void TestCharts::powerOfSiberiaComesOnStreamBetween2018And2020()
{
    EnergyChart *chart = m_panel->energyChart();
    const QString pos = QStringLiteral("pipelines/power-of-siberia");
    const PipelineCapacityModel *gas = chart->model(QStringLiteral("gas"));
    auto operatingCapacity = [&] {
        // The operating bars are the first bar set (CapacitySetsModel::Operating, emphasised).
        const QBarSet *set = chart->series(QStringLiteral("gas"))->barSets().constFirst();
        double sum = 0;
        for (int i = 0; i < set->count(); ++i)
            sum += set->at(i);
        return sum;
    };
    m_panel->setYear(2013); // before construction began
    QVERIFY(!chart->shownFeatures().contains(pos));

    m_panel->setYear(2018); // under construction: a hatched bar, not operating
    QVERIFY(chart->shownFeatures().contains(pos));
    QCOMPARE(gas->index(gas->rowOf(pos), PipelineCapacityModel::Status).data().toString(), u"under construction");
    const double operating2018 = operatingCapacity();
    QCOMPARE(chart->series(QStringLiteral("gas"))->barSets().constFirst()->at(gas->rowOf(pos)), 0.0);

    m_panel->setYear(2019); // its first year; TurkStream, which opened in 2020, stays out of the difference
    QCOMPARE(gas->index(gas->rowOf(pos), PipelineCapacityModel::Status).data().toString(), u"operating");
    QCOMPARE(chart->series(QStringLiteral("gas"))->barSets().constFirst()->at(gas->rowOf(pos)), 38.0);
    QCOMPARE(operatingCapacity() - operating2018, capacityOf(*pipeline(QStringLiteral("power-of-siberia"))));
}

void TestCharts::gasAndOilAreApartWithTheirUnits()
{
    m_panel->setYear(2020);
    EnergyChart *chart = m_panel->energyChart();
    for (const char *commodity : EnergyChart::kCommodities) {
        const QString c = QString::fromLatin1(commodity);
        const PipelineCapacityModel *model = chart->model(c);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->index(row, PipelineCapacityModel::Commodity).data().toString(), c);
        const auto axes = chart->series(c)->attachedAxes();
        QStringList titles;
        for (const QAbstractAxis *axis : axes)
            titles << axis->titleText();
        QVERIFY2(titles.join(u' ').contains(c == u"gas" ? u"bcm/y" : u"Mt/y"), qPrintable(titles.join(u' ')));
    }
}

void TestCharts::kazakhstanEmphasisesItsPipelines()
{
    m_panel->setYear(2020);
    EnergyChart *chart = m_panel->energyChart();
    for (const QString &id : chart->shownFeatures())
        QVERIFY(chart->isEmphasised(id)); // nothing selected: nothing faded
    m_panel->showRegion(QStringLiteral("KAZ"));
    for (const char *id : {"cagp-a", "cagp-b", "cagp-c", "kazakhstan-china-oil"})
        QVERIFY2(chart->isEmphasised(QStringLiteral("pipelines/") + QLatin1String(id)), id);
    QVERIFY(!chart->isEmphasised(QStringLiteral("pipelines/power-of-siberia")));
    QVERIFY(!chart->isEmphasised(QStringLiteral("pipelines/espo-daqing-spur")));
    // Faded bars keep their length.
    QCOMPARE(chart->barValue(QStringLiteral("pipelines/power-of-siberia")).value_or(-1), 38.0);
    m_panel->clearSelection();
    QVERIFY(chart->isEmphasised(QStringLiteral("pipelines/power-of-siberia")));
}

void TestCharts::lazyChartsCatchUpWhenSeen()
{
    // The window's charts: hidden, they wait to be shown; shown, they follow one turn later.
    m_panel->setLazy(true);
    m_panel->setYear(2020);
    EnergyChart *chart = m_panel->energyChart();
    const QString powerOfSiberia = QStringLiteral("pipelines/power-of-siberia");
    m_panel->showRegion(QStringLiteral("KAZ"));
    QCoreApplication::processEvents();
    QVERIFY(chart->isEmphasised(powerOfSiberia)); // hidden: not followed yet
    m_panel->show();
    QVERIFY(!chart->isEmphasised(powerOfSiberia)); // shown: caught up at once
    m_panel->clearSelection();
    QVERIFY(!chart->isEmphasised(powerOfSiberia));
    QTRY_VERIFY(chart->isEmphasised(powerOfSiberia)); // the next turn of the event loop
}

void TestCharts::featureSelectionEmphasisesOneBar()
{
    m_panel->setYear(2020);
    m_panel->showFeature(QStringLiteral("pipelines/espo"));
    EnergyChart *chart = m_panel->energyChart();
    for (const QString &key : chart->shownFeatures())
        QCOMPARE(chart->isEmphasised(key), key == u"pipelines/espo");
}

void TestCharts::clickingABarSelectsItsPipeline()
{
    m_panel->setYear(2020);
    QSignalSpy spy(m_panel.get(), &ChartsPanel::featureClicked);
    EnergyChart *chart = m_panel->energyChart();
    const PipelineCapacityModel *oil = chart->model(QStringLiteral("oil"));
    const int row = oil->rowOf(QStringLiteral("pipelines/kazakhstan-china-oil"));
    QVERIFY(row >= 0);
    // What the series reports for a click on that bar.
    QHorizontalStackedBarSeries *series = chart->series(QStringLiteral("oil"));
    emit series->clicked(row, series->barSets().constFirst());
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.takeFirst().at(0).toString(), u"pipelines/kazakhstan-china-oil");
}

void TestCharts::scoMemberCounts()
{
    const MembershipTimelineModel *model = m_panel->membershipChart()->model();
    QCOMPARE(model->layer(), m_sco);
    QCOMPARE(model->firstYear(), 2001);
    QCOMPARE(model->lastYear(), 2035);
    QCOMPARE(model->statuses(), (QStringList{u"member"_s, u"observer"_s, u"dialogue partner"_s, u"partner"_s}));
    QCOMPARE(model->count(2001, u"member"_s), 6);
    QCOMPARE(model->count(2016, u"member"_s), 6);
    QCOMPARE(model->count(2017, u"member"_s), 8);
    QCOMPARE(model->count(2023, u"member"_s), 9);
    QCOMPARE(model->count(2024, u"member"_s), 10);
    QCOMPARE(model->count(2024, u"observer"_s), 2);          // Mongolia, Afghanistan
    QCOMPARE(model->count(2025, u"dialogue partner"_s), 0); // merged into "partner" at Tianjin
    QCOMPARE(model->count(2025, u"partner"_s), 17);
    // The lines are mapped from the model: one point per year, the same counts.
    QLineSeries *members = m_panel->membershipChart()->series(u"member"_s);
    QCOMPARE(members->count(), 2035 - 2001 + 1);
    QCOMPARE(members->at(model->rowOf(2024)), QPointF(2024, 10));
    QCOMPARE(members->at(model->rowOf(2017)), QPointF(2017, 8));
}

void TestCharts::membershipChartFollowsTheLayerOnTop_data()
{
    QTest::addColumn<QStringList>("hidden");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("count");
    // Bottom to top: the SCO, the map's other layers, the CSTO, the comparison.
    QTest::newRow("comparison on top: both in 2024") << QStringList{} << u"sco-russia-blocs"_s << u"both"_s << 2024 << 5;
    QTest::newRow("comparison: Uzbekistan out in 2012") << QStringList{} << u"sco-russia-blocs"_s << u"both"_s << 2012 << 4;
    QTest::newRow("comparison hidden: the CSTO") << QStringList{u"sco-russia-blocs"_s} << u"csto"_s << u"member"_s << 2024 << 5;
    QTest::newRow("CSTO frozen") << QStringList{u"sco-russia-blocs"_s} << u"csto"_s << u"frozen"_s << 2024 << 1;
    QTest::newRow("both hidden: the SCO") << QStringList{u"sco-russia-blocs"_s, u"csto"_s} << u"sco"_s << u"member"_s << 2024 << 10;
    QTest::newRow("all hidden: the top one") << QStringList{u"sco-russia-blocs"_s, u"csto"_s, u"sco"_s} << u"sco-russia-blocs"_s
                                             << u"SCO only"_s << 2024 << 5;
}

void TestCharts::membershipChartFollowsTheLayerOnTop()
{
    QFETCH(QStringList, hidden);
    QFETCH(QString, shown);
    QFETCH(QString, status);
    QFETCH(int, year);
    QFETCH(int, count);
    const GeoJsonReader::Result csto = GeoJsonReader::readBuiltIn(u"csto"_s);
    const MembershipComparison::Result blocs = MembershipComparison::readBuiltIn(u"sco-russia-blocs"_s);
    QVERIFY(csto.ok() && blocs.ok());
    m_panel->setLayers(m_layers + QList<std::shared_ptr<const Layer>>{std::make_shared<const Layer>(csto.layer),
                                                                      std::make_shared<const Layer>(blocs.layer)});
    m_panel->setHiddenLayers(hidden);
    m_panel->setYear(year);
    MembershipChart *chart = m_panel->membershipChart();
    QCOMPARE(m_panel->membershipLayer()->id, shown);
    QCOMPARE(chart->model()->count(year, status), count);
    // One line per status of that layer, named as its legend names it, in the map's colour.
    const Layer &layer = *m_panel->membershipLayer();
    QCOMPARE(chart->model()->statuses().size(), layer.legend.size());
    QLineSeries *line = chart->series(status);
    QVERIFY(line);
    QCOMPARE(line->at(chart->model()->rowOf(year)).y(), double(count));
    QColor mapColour = LayerPainter::membershipColour(layer, status, MapStyle::standard().layers);
    mapColour.setAlpha(255);
    QVERIFY2(std::abs(line->pen().color().hue() - mapColour.hue()) <= 2,
             qPrintable(line->pen().color().name() + u" for "_s + mapColour.name()));
    QVERIFY2(chart->views().constFirst()->chart()->title().contains(u"%1 %2"_s.arg(status).arg(count)),
             qPrintable(chart->views().constFirst()->chart()->title()));
}

void TestCharts::contextPanelGivesABlocsDatesAndSources_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<int>("year");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("Uzbekistan 2013")
        << u"UZB"_s << 2013
        << QStringList{u"Collective Security Treaty Organization: not associated in 2013"_s, u"1992–1998: member"_s,
                       u"2006–2011: member"_s, u"ITAR-TASS"_s, u"SCO and the Russia-led blocs compared: SCO only in 2013"_s,
                       u"CSTO: member 1992–1998, member 2006–2011"_s};
    QTest::newRow("Armenia 2024") << u"ARM"_s << 2024
                                  << QStringList{u"Collective Security Treaty Organization: frozen in 2024"_s,
                                                 u"since 2024: frozen"_s, u"Asbarez"_s,
                                                 u"SCO and the Russia-led blocs compared: CSTO or EAEU only in 2024"_s};
}

void TestCharts::contextPanelGivesABlocsDatesAndSources()
{
    QFETCH(QString, region);
    QFETCH(int, year);
    QFETCH(QStringList, expected);
    const GeoJsonReader::Result csto = GeoJsonReader::readBuiltIn(u"csto"_s);
    const MembershipComparison::Result blocs = MembershipComparison::readBuiltIn(u"sco-russia-blocs"_s);
    QVERIFY(csto.ok() && blocs.ok());
    ContextPanel panel;
    panel.setAtlas(m_atlas);
    panel.setLayers({std::make_shared<const Layer>(csto.layer), std::make_shared<const Layer>(blocs.layer)});
    panel.setYear(year);
    panel.showRegion(region);
    const QString text = panel.text();
    for (const QString &fragment : expected)
        QVERIFY2(text.contains(fragment), qPrintable(fragment + u" not in:\n"_s + text));
}

void TestCharts::scoCursorFollowsTheYear()
{
    m_panel->setYear(2017);
    QLineSeries *cursor = m_panel->membershipChart()->cursor();
    QCOMPARE(cursor->count(), 2);
    QCOMPARE(cursor->at(0).x(), 2017.0);
    QCOMPARE(cursor->at(1).x(), 2017.0);
    QVERIFY(cursor->at(1).y() >= 10);
    QVERIFY(m_panel->membershipChart()->views().constFirst()->chart()->title().contains(u"member 8"));
}

void TestCharts::clickingTheScoChartAsksForAYear()
{
    m_panel->showChart(m_panel->membershipChart());
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QSignalSpy spy(m_panel.get(), &ChartsPanel::yearClicked);
    QChartView *view = m_panel->membershipChart()->views().constFirst();
    QChart *chart = view->chart();
    const QPointF inChart = chart->mapToPosition(QPointF(2010, 3), m_panel->membershipChart()->series(u"member"_s));
    const QPoint pos = view->mapFromScene(chart->mapToScene(inChart));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, pos);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.takeFirst().at(0).toInt(), 2010);
    // Outside the plot: nothing.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(2, 2));
    QCOMPARE(spy.size(), 0);
}

void TestCharts::claimCountsFollowTheSelection()
{
    ClaimBalanceChart *chart = m_panel->claimBalanceChart();
    auto check = [&](const QList<const Claim *> &claims) {
        for (Stance s : ClaimBalanceModel::kStances) {
            const int expected = int(std::count_if(claims.begin(), claims.end(), [s](const Claim *c) { return c->stance == s; }));
            QCOMPARE(chart->model()->count(s), expected);
            QCOMPARE(chart->barValue(s), expected);
        }
    };
    // Nothing selected: the whole brief.
    QList<const Claim *> all;
    for (const Claim &c : m_brief.claims)
        all << &c;
    check(all);
    QCOMPARE(chart->model()->total(), m_brief.claims.size());

    m_panel->showRegion(QStringLiteral("KAZ"));
    const QList<const Claim *> aboutKaz = ClaimFinder(m_brief, m_atlas.get()).aboutRegion(QStringLiteral("KAZ"));
    QVERIFY(!aboutKaz.isEmpty());
    QVERIFY(aboutKaz.size() < m_brief.claims.size());
    check(aboutKaz);
    QCOMPARE(chart->subject(), u"Kazakhstan");

    m_panel->showFeature(QStringLiteral("pipelines/power-of-siberia"));
    QList<const Claim *> aboutPos;
    for (const Claim &c : m_brief.claims)
        if (c.features.contains(u"pipelines/power-of-siberia") || c.features.contains(u"pipelines"))
            aboutPos << &c;
    check(aboutPos);

    m_panel->clearSelection();
    check(all);
}

QTEST_MAIN(TestCharts)
