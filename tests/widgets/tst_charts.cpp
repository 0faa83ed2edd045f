#include "atlas.h"
#include "briefdocument.h"
#include "briefio.h"
#include "charts/chartprinter.h"
#include "charts/chartspanel.h"
#include "charts/claimbalancechart.h"
#include "charts/energychart.h"
#include "charts/membershipchart.h"
#include "charts/viewchartsmenu.h"
#include "contextpanel.h"
#include "exportdialog.h"
#include "claimbalancemodel.h"
#include "claimfinder.h"
#include "geojsonreader.h"
#include "membershipcomparison.h"
#include "membershiptimelinemodel.h"
#include "layerpainter.h"
#include "mapstyle.h"
#include "pipelinecapacitymodel.h"
#include "../support/fulldisk.h"

#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QHorizontalStackedBarSeries>
#include <QLineSeries>
#include <QPainter>
#include <QSet>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>

using namespace spheres;
using namespace Qt::StringLiterals;

class TestCharts : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void barNamesAreReadableInANarrowDock_data();
    void barNamesAreReadableInANarrowDock();
    void barNamesKeepTheirStrandAndStatus_data();
    void barNamesKeepTheirStrandAndStatus();
    void init();
    void cleanup();
    void energyChartHasOneBarPerPipelineOfTheYear_data();
    void energyChartHasOneBarPerPipelineOfTheYear();
    void powerOfSiberiaComesOnStreamBetween2018And2020();
    void gasAndOilAreApartWithTheirUnits();
    void kazakhstanEmphasisesItsPipelines();
    void lazyChartsCatchUpWhenSeen();
    void featureSelectionEmphasisesOneBar();
    void clickingABarSelectsItsPipeline();
    void scoMemberCounts();
    void membershipChartFollowsTheLayerOnTop_data();
    void membershipChartFollowsTheLayerOnTop();
    void contextPanelGivesABlocsDatesAndSources_data();
    void contextPanelGivesABlocsDatesAndSources();
    void scoCursorFollowsTheYear();
    void clickingTheScoChartAsksForAYear();
    void claimCountsFollowTheSelection();
    void pngExportIsNotBlank();
    void svgExportParses();
    void exportErrorNamesTheFile();
    void fullDiskKeepsTheOldImage_data();
    void fullDiskKeepsTheOldImage();
    void darkPaletteGivesADarkChart();
    void chartsDescribeWhatTheyShow_data();
    void chartsDescribeWhatTheyShow();
    void chartPrinterDrawsAViewsChart_data();
    void chartPrinterDrawsAViewsChart();
    void chartPrinterFollowsTheView();
    void viewChartsMenuEditsTheViewUndoably_data();
    void viewChartsMenuEditsTheViewUndoably();
    void exportDialogOffersChartsForAPdfPack_data();
    void exportDialogOffersChartsForAPdfPack();

private:
    const Feature *pipeline(const QString &id) const { return m_pipelines->feature(id); }
    static double capacityOf(const Feature &f)
    {
        return f.properties.value(QStringLiteral("capacity")).toMap().value(QStringLiteral("value")).toDouble();
    }

    QList<std::shared_ptr<const Layer>> m_layers;
    std::shared_ptr<const Layer> m_pipelines;
    std::shared_ptr<const Layer> m_sco;
    std::shared_ptr<const Atlas> m_atlas;
    Brief m_brief;
    std::unique_ptr<ChartsPanel> m_panel;
};

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

void TestCharts::pngExportIsNotBlank()
{
    m_panel->setYear(2020);
    m_panel->showRegion(QStringLiteral("KAZ"));
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QList<ChartWidget *> charts{m_panel->energyChart(), m_panel->membershipChart(), m_panel->claimBalanceChart()};
    for (ChartWidget *chart : charts) {
        m_panel->showChart(chart);
        const QString path = dir.filePath(QString::fromLatin1(chart->metaObject()->className()).section(u':', -1) + QStringLiteral(".png"));
        QCOMPARE(chart->exportTo(path), QString());
        QImage image(path);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), chart->size() * 2); // twice the device pixel ratio
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 16, qPrintable(QString::number(colours.size())));
        if (qEnvironmentVariableIsSet("SPHERES_KEEP_CHARTS")) // for a look by eye
            image.save(qEnvironmentVariable("SPHERES_KEEP_CHARTS") + u'/' + QFileInfo(path).fileName());
    }
}

void TestCharts::svgExportParses()
{
    m_panel->setYear(2020);
    QTemporaryDir dir;
    const QList<ChartWidget *> charts{m_panel->energyChart(), m_panel->membershipChart(), m_panel->claimBalanceChart()};
    for (ChartWidget *chart : charts) {
        const QString path = dir.filePath(QString::fromLatin1(chart->metaObject()->className()).section(u':', -1) + QStringLiteral(".svg"));
        QCOMPARE(chart->exportTo(path), QString());
        if (qEnvironmentVariableIsSet("SPHERES_KEEP_CHARTS"))
            QFile::copy(path, qEnvironmentVariable("SPHERES_KEEP_CHARTS") + u'/' + QFileInfo(path).fileName());
        QSvgRenderer svg(path);
        QVERIFY(svg.isValid());
        QVERIFY(!svg.defaultSize().isEmpty());
    }
}

void TestCharts::exportErrorNamesTheFile()
{
    const QString path = QStringLiteral("/nonexistent-dir/spheres/chart.png");
    const QString error = m_panel->energyChart()->exportTo(path);
    QVERIFY(error.contains(path));
    QVERIFY(!QFile::exists(path));
}

void TestCharts::fullDiskKeepsTheOldImage_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("png") << QStringLiteral("chart.png");
    QTest::newRow("svg") << QStringLiteral("chart.svg");
}

void TestCharts::fullDiskKeepsTheOldImage()
{
    QFETCH(QString, file);
    FullDisk disk;
    SPHERES_REQUIRE_FULL_DISK(disk);
    QVERIFY(disk.put(file, "the good old chart"));
    QVERIFY(disk.fill());
    ChartWidget *chart = m_panel->energyChart();
    chart->resize(80, 60); // small: the image fits in Qt's write buffer, whose last flush fails
    const QString path = disk.filePath(file);
    const QString error = chart->exportTo(path);
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("No space left on device")), qPrintable(error));
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), QByteArray("the good old chart"));
    QCOMPARE(disk.entries(), QStringList{file});
}

void TestCharts::darkPaletteGivesADarkChart()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    m_panel->setPalette(dark);
    EnergyChart *chart = m_panel->energyChart();
    QVERIFY(chart->isDark());
    QChart *qchart = chart->views().constFirst()->chart();
    QCOMPARE(qchart->theme(), QChart::ChartThemeDark);
    QVERIFY(qchart->backgroundBrush().color().lightness() < 64);
    QVERIFY(qchart->titleBrush().color().lightness() > 192);
    // The styling survived the theme: oil bars are light on dark, gas stays vermilion.
    QVERIFY(chart->series(QStringLiteral("oil"))->barSets().constFirst()->brush().color().lightness() > 128);
    QCOMPARE(chart->series(QStringLiteral("gas"))->barSets().constFirst()->brush().color().rgb(), QColor(0xd5, 0x5e, 0x00).rgb());
}

void TestCharts::chartsDescribeWhatTheyShow_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("feature");
    QTest::addColumn<QString>("emphasis"); // in the energy chart's name; empty: nothing emphasised
    QTest::addColumn<QString>("gasBar");   // in the gas chart's description
    QTest::addColumn<QString>("sco");      // in the SCO chart's description
    QTest::addColumn<QString>("claims");   // in the claims chart's name
    QTest::newRow("2026, nothing selected") << 2026 << QString() << QString() << QString()
                                            << QStringLiteral("Power of Siberia (Sila Sibiri): 38 bcm/y; Power of Siberia 2 / Soyuz Vostok (planned): 50 bcm/y;")
                                            << QStringLiteral("The cursor marks 2026:")
                                            << QStringLiteral("Stance of every claim in the brief");
    QTest::newRow("2018, under construction") << 2018 << QString() << QString() << QString()
                                              << QStringLiteral("Power of Siberia (Sila Sibiri) (under construction): 38 bcm/y")
                                              << QStringLiteral("The cursor marks 2018: member 8")
                                              << QStringLiteral("Stance of every claim in the brief");
    QTest::newRow("2026, Kazakhstan") << 2026 << QStringLiteral("KAZ") << QString()
                                      << QStringLiteral(", emphasised for Kazakhstan: 9")
                                      << QStringLiteral(", emphasised") << QStringLiteral("2001 to 2035")
                                      << QStringLiteral("Stance of the claims about Kazakhstan");
    QTest::newRow("2020, Power of Siberia") << 2020 << QString() << QStringLiteral("pipelines/power-of-siberia")
                                            << QStringLiteral(", emphasised for Power of Siberia (Sila Sibiri): 1")
                                            << QStringLiteral("Power of Siberia (Sila Sibiri): 38 bcm/y, emphasised")
                                            << QStringLiteral("The cursor marks 2020:")
                                            << QStringLiteral("Power of Siberia");
}

void TestCharts::chartsDescribeWhatTheyShow()
{
    QFETCH(int, year);
    QFETCH(QString, region);
    QFETCH(QString, feature);
    QFETCH(QString, emphasis);
    QFETCH(QString, gasBar);
    QFETCH(QString, sco);
    QFETCH(QString, claims);
    m_panel->setYear(2000); // then to the row's year: the descriptions follow changes
    if (!region.isEmpty())
        m_panel->showRegion(region);
    else if (!feature.isEmpty())
        m_panel->showFeature(feature);
    m_panel->setYear(year);

    EnergyChart *energy = m_panel->energyChart();
    const QString name = energy->accessibleName();
    QVERIFY2(name.startsWith(QStringLiteral("Pipeline capacity in %1, pipelines shown: %2").arg(year).arg(energy->shownFeatures().size())),
             qPrintable(name));
    if (emphasis.isEmpty())
        QVERIFY2(!name.contains(u"emphasised"), qPrintable(name));
    else
        QVERIFY2(name.contains(emphasis), qPrintable(name));
    // Each chart view is named by its visible title and described in words, bar by bar.
    for (QChartView *view : energy->views()) {
        QCOMPARE(view->accessibleName(), view->chart()->title());
        QVERIFY(!view->accessibleDescription().isEmpty());
    }
    const QString gas = energy->views().constFirst()->accessibleDescription();
    QVERIFY2(gas.startsWith(QStringLiteral("Gas pipelines in %1").arg(year)), qPrintable(gas));
    QVERIFY2(gas.contains(gasBar), qPrintable(gas));
    QVERIFY2(energy->accessibleDescription().contains(gas), qPrintable(energy->accessibleDescription()));

    QChartView *scoView = m_panel->membershipChart()->views().constFirst();
    QCOMPARE(scoView->accessibleName(), scoView->chart()->title());
    QVERIFY2(scoView->accessibleDescription().contains(sco), qPrintable(scoView->accessibleDescription()));
    QCOMPARE(m_panel->membershipChart()->accessibleName(), scoView->accessibleName());

    ClaimBalanceChart *balance = m_panel->claimBalanceChart();
    QVERIFY2(balance->accessibleName().contains(claims), qPrintable(balance->accessibleName()));
    const QString counts = QStringLiteral("%1 cooperation, %2 rivalry, %3 context")
                               .arg(balance->model()->count(Stance::Cooperation))
                               .arg(balance->model()->count(Stance::Rivalry))
                               .arg(balance->model()->count(Stance::Context));
    QVERIFY2(balance->accessibleDescription().contains(counts), qPrintable(balance->accessibleDescription()));
}

void TestCharts::chartPrinterDrawsAViewsChart_data()
{
    QTest::addColumn<QString>("chartId");
    QTest::addColumn<bool>("drawn");
    QTest::addColumn<bool>("darkWindow");
    QTest::newRow("energy") << QStringLiteral("energy") << true << false;
    QTest::newRow("sco") << QStringLiteral("sco") << true << false;
    QTest::newRow("claims") << QStringLiteral("claims") << true << false;
    QTest::newRow("claims, dark window") << QStringLiteral("claims") << true << true;
    QTest::newRow("unknown") << QStringLiteral("pie") << false << false;
}

void TestCharts::chartPrinterDrawsAViewsChart()
{
    QFETCH(QString, chartId);
    QFETCH(bool, drawn);
    QFETCH(bool, darkWindow);
    const QPalette before = QApplication::palette();
    if (darkWindow) {
        QPalette dark = before;
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
        dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        QApplication::setPalette(dark);
    }
    ChartPrinter printer(m_layers, m_atlas, m_brief);
    SavedView view;
    view.state.year = 2020;
    QImage image(900, 620, QImage::Format_ARGB32);
    image.fill(Qt::white);
    const QRect target(50, 40, 800, 540);
    QPainter painter(&image);
    QCOMPARE(printer.paint(painter, target, chartId, view), drawn);
    painter.end();
    QApplication::setPalette(before);

    QSet<QRgb> inside;
    int outside = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            if (target.contains(x, y))
                inside.insert(image.pixel(x, y));
            else if (image.pixelColor(x, y) != Qt::white)
                ++outside;
    QCOMPARE(outside, 0); // the chart stays in its rectangle
    if (!drawn) {
        QCOMPARE(inside.size(), 1);
        return;
    }
    QVERIFY2(inside.size() > 16, qPrintable(QString::number(inside.size())));
    // On white paper, whatever the window's theme: the chart's corner is its background.
    QVERIFY(image.pixelColor(target.topLeft() + QPoint(3, 3)).lightness() > 240);
}

void TestCharts::chartPrinterFollowsTheView()
{
    ChartPrinter printer(m_layers, m_atlas, m_brief);
    QImage image(600, 400, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    SavedView centralAsia;
    centralAsia.state.year = 2010;
    centralAsia.state.selectedRegion = QStringLiteral("KAZ");
    QVERIFY(printer.paint(painter, QRectF(0, 0, 600, 400), QStringLiteral("energy"), centralAsia));
    QCOMPARE(printer.panel()->energyChart()->year(), 2010);
    QCOMPARE(printer.panel()->membershipChart()->year(), 2010);
    QVERIFY(printer.panel()->energyChart()->emphasis().has_value());
    QCOMPARE(printer.panel()->claimBalanceChart()->subject(), u"Kazakhstan");
    // The chart was laid out at the target's width (a 96-DPI image: one pixel for one), and at
    // least its height: taller where its bars' names need it, then shrunk into the target.
    QCOMPARE(printer.panel()->energyChart()->width(), 600);
    QVERIFY(printer.panel()->energyChart()->height() >= 400);

    SavedView overview;
    overview.state.year = 2026;
    QVERIFY(printer.paint(painter, QRectF(0, 0, 300, 200), QStringLiteral("claims"), overview));
    QCOMPARE(printer.panel()->energyChart()->year(), 2026);
    QVERIFY(!printer.panel()->energyChart()->emphasis().has_value()); // nothing selected: nothing faded
    QCOMPARE(printer.panel()->claimBalanceChart()->subject(), QString());
    QCOMPARE(printer.panel()->claimBalanceChart()->model()->total(), m_brief.claims.size());
}

void TestCharts::viewChartsMenuEditsTheViewUndoably_data()
{
    QTest::addColumn<QString>("viewName");
    QTest::addColumn<QString>("chartId");
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::newRow("add to a view without charts") << QStringLiteral("Overview") << QStringLiteral("sco") << QStringList{}
                                                  << QStringList{QStringLiteral("sco")};
    QTest::newRow("add in the panel's order")
        << QStringLiteral("Outlook") << QStringLiteral("energy") << QStringList{QStringLiteral("claims")}
        << QStringList{QStringLiteral("energy"), QStringLiteral("claims")};
    QTest::newRow("remove") << QStringLiteral("Central Asia") << QStringLiteral("energy")
                            << QStringList{QStringLiteral("energy"), QStringLiteral("claims")}
                            << QStringList{QStringLiteral("claims")};
}

void TestCharts::viewChartsMenuEditsTheViewUndoably()
{
    QFETCH(QString, viewName);
    QFETCH(QString, chartId);
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    BriefDocument document;
    document.reset(m_brief, QString());
    int index = -1;
    for (int i = 0; i < document.brief().views.size(); ++i)
        if (document.brief().views[i].name == viewName)
            index = i;
    QVERIFY(index >= 0);
    QCOMPARE(document.brief().views[index].charts, before);

    ViewChartsMenu menu(&document, index);
    QCOMPARE(menu.actions().size(), int(SavedView::kChartIds.size()) + 1); // a heading and one item per chart
    QAction *action = menu.chartAction(chartId);
    QVERIFY(action && action->isCheckable());
    QCOMPARE(action->isChecked(), before.contains(chartId));
    QCOMPARE(action->text(), ChartsPanel::chartTitle(chartId));
    action->trigger();
    QCOMPARE(document.brief().views[index].charts, after);
    QVERIFY(document.isModified());
    QVERIFY2(document.undoStack()->undoText().contains(viewName), qPrintable(document.undoStack()->undoText()));
    document.undoStack()->undo();
    QCOMPARE(document.brief().views[index].charts, before);
    document.undoStack()->redo();
    QCOMPARE(document.brief().views[index].charts, after);
}

void TestCharts::exportDialogOffersChartsForAPdfPack_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("views");
    QTest::addColumn<bool>("offered");
    QTest::newRow("pdf") << int(ExportOptions::Format::Pdf) << 6 << true;
    QTest::newRow("png series") << int(ExportOptions::Format::Png) << 6 << false;
    QTest::newRow("svg") << int(ExportOptions::Format::Svg) << 6 << false;
    QTest::newRow("pdf of a brief without views") << int(ExportOptions::Format::Pdf) << 0 << false;
}

void TestCharts::exportDialogOffersChartsForAPdfPack()
{
    QFETCH(int, format);
    QFETCH(int, views);
    QFETCH(bool, offered);
    ExportDialog dialog(QStringLiteral("Brief"), views);
    QComboBox *formats = nullptr;
    for (QComboBox *box : dialog.findChildren<QComboBox *>())
        if (box->findData(int(ExportOptions::Format::Svg)) >= 0 && box->count() == 3)
            formats = box;
    QVERIFY(formats);
    formats->setCurrentIndex(formats->findData(format));
    QCheckBox *charts = nullptr;
    for (QCheckBox *box : dialog.findChildren<QCheckBox *>())
        if (box->text().contains(u"charts"))
            charts = box;
    QVERIFY(charts);
    QCOMPARE(charts->isEnabled(), offered);
    QCOMPARE(dialog.includesCharts(), offered); // on by default where it applies
    charts->setChecked(false);
    QVERIFY(!dialog.includesCharts());
}

void TestCharts::barNamesKeepTheirStrandAndStatus_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("width");
    QTest::addColumn<QString>("tail"); // the end of a name that must stay whole
    QTest::newRow("Line D building, narrow dock") << 2018 << 250 << u", Line D (under construction)"_s;
    QTest::newRow("Line D suspended, narrow dock") << 2024 << 250 << u", Line D (suspended)"_s;
    QTest::newRow("Line D suspended, dock") << 2024 << 320 << u", Line D (suspended)"_s;
    QTest::newRow("Line C, narrow dock") << 2024 << 250 << u", Line C"_s;
}

void TestCharts::barNamesKeepTheirStrandAndStatus()
{
    // "Central Asia–China, Line D (under construction)" in a narrow dock lost "Line D", the one
    // word that tells it from Lines A, B and C; the start of the name gives way instead.
    QFETCH(int, year);
    QFETCH(int, width);
    QFETCH(QString, tail);
    m_panel->setYear(year);
    m_panel->showChart(m_panel->energyChart());
    m_panel->resize(width, 700);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QCoreApplication::sendPostedEvents();
    const QStringList names = m_panel->energyChart()->barNames(u"gas"_s);
    QVERIFY2(std::any_of(names.begin(), names.end(), [&](const QString &n) { return n.endsWith(tail); }), qPrintable(names.join(u" | ")));
    m_panel->resize(900, 700);
}

void TestCharts::barNamesAreReadableInANarrowDock_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<QString>("commodity");
    QTest::addColumn<QString>("whole"); // a name shown whole, status included
    QTest::newRow("dock, gas, under construction") << 280 << u"gas"_s << u"Power of Siberia (under construction)"_s;
    QTest::newRow("dock, gas") << 280 << u"gas"_s << u"Central Asia–China, Line C"_s;
    QTest::newRow("dock, oil") << 280 << u"oil"_s << u"Kazakhstan–China"_s;
    QTest::newRow("wide, gas") << 700 << u"gas"_s << u"Bukhara–Tashkent–Bishkek–Almaty"_s;
}

void TestCharts::barNamesAreReadableInANarrowDock()
{
    // On the category axis, a 250-pixel dock showed every name as "…". Above the bars they take
    // the plot's width, without the "gas pipeline" the title already says.
    QFETCH(int, width);
    QFETCH(QString, commodity);
    QFETCH(QString, whole);
    m_panel->setYear(2018);
    m_panel->showChart(m_panel->energyChart());
    m_panel->resize(width, 700);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QCoreApplication::sendPostedEvents();
    const QStringList names = m_panel->energyChart()->barNames(commodity);
    QVERIFY(!names.isEmpty());
    QVERIFY2(names.contains(whole), qPrintable(names.join(u" | ")));
    for (const QString &name : names)
        QVERIFY2(name.size() >= 8 && !name.startsWith(u"…") && !name.contains(u"pipeline"), qPrintable(name));
    // Each chart keeps the height its names need; the dock scrolls instead of squeezing them.
    for (QChartView *view : m_panel->energyChart()->views())
        QVERIFY(view->height() >= view->minimumHeight());
    m_panel->resize(900, 700);
}

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
