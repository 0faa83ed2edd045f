// Charts as output: image export, printing into a pack, the palette, their descriptions, the
// view's charts menu and readable bar names.

#include "tst_charts.h"

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
