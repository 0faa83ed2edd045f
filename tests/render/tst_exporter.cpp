// The exported map: size, projections, layers by year, blocs and contested zones.

#include "tst_exporter.h"

void TestExporter::initTestCase()
{
    Atlas::Result r = Atlas::loadBuiltIn(Atlas::Detail::Coarse);
    QVERIFY2(r.ok(), qPrintable(r.error));
    m_scene = std::make_unique<Scene>(std::make_shared<Atlas>(std::move(r.atlas)), ProjectionCatalog::defaultPreset().projection);
}

void TestExporter::pngHasSizeAndMap_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1080p") << QSize(1920, 1080);
    QTest::newRow("small") << QSize(640, 480);
    QTest::newRow("4K") << QSize(3840, 2160);
}

void TestExporter::pngHasSizeAndMap()
{
    QFETCH(QSize, size);
    const ProjectionPreset &preset = ProjectionCatalog::defaultPreset();
    const ViewState view = framedView(preset.projection, preset.homeExtent, size);
    const QString path = m_dir.filePath(QStringLiteral("map-%1.png").arg(size.width()));
    const Exporter::Result result = Exporter::exportPng(MapRenderer(), *m_scene, view, path);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QImage image(path);
    QCOMPARE(image.size(), size);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 20, "the picture is blank or nearly so");
    const MapStyle &style = MapStyle::standard();
    const QPointF beijing = *m_scene->pixelOf(view, {116.40, 39.90});
    QVERIFY(near(image.pixelColor(beijing.toPoint()), style.land));
    const QPointF bayOfBengal = *m_scene->pixelOf(view, {88.0, 14.0});
    QVERIFY(near(image.pixelColor(bayOfBengal.toPoint()), style.ocean));
}

void TestExporter::everyProjectionFillsLandAndSea_data()
{
    QTest::addColumn<QString>("projection");
    QTest::addColumn<QString>("format");
    for (const QString &id : ProjectionCatalog::ids())
        for (const QString &format : {u"png"_s, u"svg"_s})
            QTest::newRow(qPrintable(id + u' ' + format)) << id << format;
}

void TestExporter::everyProjectionFillsLandAndSea()
{
    // A conic map once dropped the points it could not project near the south pole, and
    // Antarctica's ring closed across the whole map: no sea, no land tone, no choropleth.
    QFETCH(QString, projection);
    QFETCH(QString, format);
    Atlas::Result r = Atlas::loadBuiltIn(Atlas::Detail::Coarse);
    const ProjectionPreset &preset = *ProjectionCatalog::find(projection);
    const Scene scene(std::make_shared<Atlas>(std::move(r.atlas)), preset.projection);
    const ViewState view = framedView(preset.projection, preset.homeExtent, QSize(800, 500));
    QImage image;
    if (format == u"png") {
        image = Exporter::renderImage(MapRenderer(), scene, view);
    } else {
        ExportOptions options;
        options.format = ExportOptions::Format::Svg;
        options.pixelSize = view.size;
        options.showLegend = options.showScaleBar = options.showCredits = false;
        QSvgRenderer svg(Exporter::svgDocument(MapRenderer(), scene, options.fitted(view), options));
        QVERIFY(svg.isValid());
        image = QImage(view.size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        svg.render(&painter);
    }
    const MapStyle &style = MapStyle::standard();
    const QPointF beijing = *scene.pixelOf(view, {116.40, 39.90});
    QVERIFY2(near(image.pixelColor(beijing.toPoint()), style.land), "no land tone in Beijing");
    const QPointF bayOfBengal = *scene.pixelOf(view, {88.0, 14.0});
    QVERIFY2(near(image.pixelColor(bayOfBengal.toPoint()), style.ocean), "no sea in the Bay of Bengal");
}

void TestExporter::selectionIsPainted()
{
    const ProjectionPreset &preset = ProjectionCatalog::defaultPreset();
    ViewState view = framedView(preset.projection, preset.homeExtent, QSize(1280, 720));
    view.selectedRegion = QStringLiteral("CHN");
    const QImage image = Exporter::renderImage(MapRenderer(), *m_scene, view);
    const MapStyle &style = MapStyle::standard();
    const QColor expected = QColor::fromRgbF(
        style.land.redF() * (1 - style.selectionFill.alphaF()) + style.selectionFill.redF() * style.selectionFill.alphaF(),
        style.land.greenF() * (1 - style.selectionFill.alphaF()) + style.selectionFill.greenF() * style.selectionFill.alphaF(),
        style.land.blueF() * (1 - style.selectionFill.alphaF()) + style.selectionFill.blueF() * style.selectionFill.alphaF());
    QVERIFY(near(image.pixelColor(m_scene->pixelOf(view, {116.40, 39.90})->toPoint()), expected));
    QVERIFY(near(image.pixelColor(m_scene->pixelOf(view, {37.62, 55.75})->toPoint()), style.land)); // Moscow: not selected
}

void TestExporter::noAntimeridianBands()
{
    // Drawn naively, rings crossing ±180° put bands across the map at 65–71°N. In an Asia-Pacific
    // centred world map the seas at those latitudes, and the Bering Sea, must stay sea.
    Atlas::Result r = Atlas::loadBuiltIn(Atlas::Detail::Coarse);
    const ProjectionPreset &preset = *ProjectionCatalog::find(QStringLiteral("world-pacific"));
    const Scene scene(std::make_shared<Atlas>(std::move(r.atlas)), preset.projection);
    const ViewState view = framedView(preset.projection, preset.homeExtent, QSize(1600, 900));
    const QImage image = Exporter::renderImage(MapRenderer(), scene, view);
    for (const QPointF &sea : {QPointF(3.0, 69.5), QPointF(-163.0, 73.5), QPointF(-179.5, 57.5), QPointF(-15.0, 67.8)}) {
        const QPoint p = scene.pixelOf(view, sea)->toPoint();
        QVERIFY2(near(image.pixelColor(p), MapStyle::standard().ocean), qPrintable(QStringLiteral("%1,%2").arg(sea.x()).arg(sea.y())));
    }
    // And Russia is one shape across 180°: a click on either side of it finds Russia.
    QCOMPARE(scene.regionAt(view, *scene.pixelOf(view, {178.0, 66.0})), QStringLiteral("RUS"));
    QCOMPARE(scene.regionAt(view, *scene.pixelOf(view, {-176.0, 66.5})), QStringLiteral("RUS"));
}

void TestExporter::layersFollowTheYear_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<QPointF>("place");
    QTest::addColumn<bool>("tinted");
    QTest::newRow("Kazakhstan 1995") << 1995 << QPointF(71.43, 51.13) << false;
    QTest::newRow("Kazakhstan 2001") << 2001 << QPointF(71.43, 51.13) << true;
    QTest::newRow("Iran 2020 (observer)") << 2020 << QPointF(53.0, 33.0) << true;
    QTest::newRow("Belarus 2005") << 2005 << QPointF(25.6, 52.6) << false;
    QTest::newRow("Belarus 2024") << 2024 << QPointF(25.6, 52.6) << true;
}

void TestExporter::layersFollowTheYear()
{
    QFETCH(int, year);
    QFETCH(QPointF, place);
    QFETCH(bool, tinted);
    QStringList errors;
    m_scene->setLayers(GeoJsonReader::readAllBuiltIn(errors));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    const ProjectionPreset &preset = ProjectionCatalog::defaultPreset();
    ViewState view = framedView(preset.projection, preset.homeExtent, QSize(1280, 720));
    view.year = year;
    const QImage image = Exporter::renderImage(MapRenderer(), *m_scene, view);
    const bool plainLand = near(image.pixelColor(m_scene->pixelOf(view, place)->toPoint()), MapStyle::standard().land);
    QCOMPARE(!plainLand, tinted);
    view.hiddenLayers << QStringLiteral("sco");
    const QImage hidden = Exporter::renderImage(MapRenderer(), *m_scene, view);
    QVERIFY(near(hidden.pixelColor(m_scene->pixelOf(view, place)->toPoint()), MapStyle::standard().land));
    m_scene->setLayers({});
}

void TestExporter::heldAreasTakeNoHoldersColour_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<QPointF>("place");
    QTest::addColumn<bool>("scoColoured");
    // Crimea is Ukraine's on the base map (resources/basemap/sovereignty.json): never SCO.
    QTest::newRow("Simferopol 2010") << 2010 << QPointF(34.10, 44.95) << false;
    QTest::newRow("Simferopol 2024") << 2024 << QPointF(34.10, 44.95) << false;
    QTest::newRow("Sevastopol 2010") << 2010 << QPointF(33.60, 44.55) << false;
    QTest::newRow("Kerch peninsula 2020") << 2020 << QPointF(35.90, 45.25) << false;
    // Zones whose holder is a member and a claimant is not: the holder's colour gives way.
    QTest::newRow("Iturup 2024 (held by Russia, claimed by Japan)") << 2024 << QPointF(147.90, 45.05) << false;
    QTest::newRow("Aksai Chin 2010 (India an observer)") << 2010 << QPointF(79.30, 35.20) << false;
    // …but where every claimant shares the status, the area takes it.
    QTest::newRow("Aksai Chin 2020 (both members)") << 2020 << QPointF(79.30, 35.20) << true;
    QTest::newRow("Moscow 2024") << 2024 << QPointF(37.62, 55.75) << true;
    QTest::newRow("Taman peninsula 2024") << 2024 << QPointF(37.20, 45.20) << true;
}

void TestExporter::heldAreasTakeNoHoldersColour()
{
    QFETCH(int, year);
    QFETCH(QPointF, place);
    QFETCH(bool, scoColoured);
    QStringList errors;
    m_scene->setLayers(GeoJsonReader::readAllBuiltIn(errors));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    ViewState view;
    view.centre = place;
    view.metresPerPixel = 3000;
    view.size = QSize(800, 800); // the legend and credits keep to the corners
    view.year = year;
    view.hiddenLayers = QStringList{QStringLiteral("contested"), QStringLiteral("pipelines")}; // the rule holds with the zones hidden
    const QImage image = Exporter::renderImage(MapRenderer(), *m_scene, view);
    const QColor at = image.pixelColor(m_scene->pixelOf(view, place)->toPoint());
    QCOMPARE(!near(at, MapStyle::standard().land), scoColoured);
    m_scene->setLayers({});
}

void TestExporter::legendListsOnlyVisibleEntries()
{
    QStringList errors;
    m_scene->setLayers(GeoJsonReader::readAllBuiltIn(errors));
    ViewState view;
    view.year = 2010;
    QStringList labels;
    for (const auto &swatch : LayerLegend::legend(*m_scene, view))
        labels << swatch.label;
    QVERIFY(labels.contains(QStringLiteral("SCO member")));
    QVERIFY(labels.contains(QStringLiteral("SCO observer")));
    QVERIFY(!labels.contains(QStringLiteral("SCO partner"))); // the category exists from 2025
    view.hiddenLayers = QStringList{QStringLiteral("sco"), QStringLiteral("contested"), QStringLiteral("sites")};
    labels.clear();
    for (const auto &swatch : LayerLegend::legend(*m_scene, view))
        labels << swatch.label;
    QVERIFY(!labels.isEmpty());
    for (const QString &label : labels)
        QVERIFY2(label.contains(QStringLiteral("pipeline")), qPrintable(label));
    m_scene->setLayers({});
}

void TestExporter::comparisonOfBlocsIsDrawn_data()
{
    QTest::addColumn<QPointF>("place");
    QTest::addColumn<int>("year");
    QTest::addColumn<QString>("status"); // empty: plain land
    QTest::newRow("Kazakhstan 2024") << QPointF(71.43, 51.13) << 2024 << u"both"_s;
    QTest::newRow("Uzbekistan 2010") << QPointF(64.0, 41.8) << 2010 << u"both"_s;
    QTest::newRow("Uzbekistan 2013") << QPointF(64.0, 41.8) << 2013 << u"SCO only"_s;
    QTest::newRow("Armenia 2024") << QPointF(43.95, 40.85) << 2024 << u"CSTO or EAEU only"_s;
    QTest::newRow("Iran 2024") << QPointF(48.5, 34.5) << 2024 << u"SCO only"_s;
    QTest::newRow("Iran 2020") << QPointF(48.5, 34.5) << 2020 << u"neither"_s;
    QTest::newRow("Mongolia 1995") << QPointF(100.0, 47.0) << 1995 << QString();
}

void TestExporter::comparisonOfBlocsIsDrawn()
{
    QFETCH(QPointF, place);
    QFETCH(int, year);
    QFETCH(QString, status);
    const MembershipComparison::Result blocs = MembershipComparison::readBuiltIn(u"sco-russia-blocs"_s);
    QVERIFY2(blocs.ok(), qPrintable(blocs.error));
    QStringList errors;
    auto layers = GeoJsonReader::readAllBuiltIn(errors);
    layers << std::make_shared<const Layer>(blocs.layer);
    m_scene->setLayers(layers);
    ViewState view;
    view.centre = place;
    view.metresPerPixel = 3000;
    view.size = QSize(800, 800);
    view.year = year;
    view.hiddenLayers = QStringList{u"sco"_s, u"contested"_s, u"pipelines"_s}; // the comparison alone colours the land
    const MapStyle &style = MapStyle::standard();
    const QColor tint = status.isEmpty() ? QColor(Qt::transparent)
                                         : LayerPainter::membershipColour(blocs.layer, status, style.layers);
    const double a = tint.alphaF();
    const QColor expected = QColor::fromRgbF(style.land.redF() * (1 - a) + tint.redF() * a,
                                             style.land.greenF() * (1 - a) + tint.greenF() * a,
                                             style.land.blueF() * (1 - a) + tint.blueF() * a);
    const QPoint at = m_scene->pixelOf(view, place)->toPoint();
    // The picture the window and a PNG show…
    const QImage image = Exporter::renderImage(MapRenderer(), *m_scene, view);
    QVERIFY2(near(image.pixelColor(at), expected), qPrintable(image.pixelColor(at).name() + u" for "_s + expected.name()));
    // …and an SVG, drawn back.
    ExportOptions options;
    options.format = ExportOptions::Format::Svg;
    options.pixelSize = view.size;
    const QString path = m_dir.filePath(u"blocs.svg"_s);
    const Exporter::Result result = Exporter::exportTo(MapRenderer(), *m_scene, view, options, path);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QSvgRenderer svg(readAll(path));
    QImage back(view.size, QImage::Format_ARGB32_Premultiplied);
    back.fill(Qt::white);
    QPainter painter(&back);
    svg.render(&painter);
    painter.end();
    QVERIFY2(near(back.pixelColor(at), expected), qPrintable(back.pixelColor(at).name() + u" for "_s + expected.name()));
    m_scene->setLayers({});
}

void TestExporter::comparisonLegendHasAnEntryPerCombination()
{
    const MembershipComparison::Result blocs = MembershipComparison::readBuiltIn(u"sco-russia-blocs"_s);
    QVERIFY2(blocs.ok(), qPrintable(blocs.error));
    m_scene->setLayers({std::make_shared<const Layer>(blocs.layer)});
    ViewState view = homeView(QSize(1280, 720));
    view.year = 2024;
    QStringList labels;
    QSet<QRgb> fills;
    for (const auto &swatch : LayerLegend::legend(*m_scene, view)) {
        labels << swatch.label;
        fills.insert(swatch.fill.rgba());
    }
    QCOMPARE(labels, (QStringList{u"Member of both SCO and CSTO or EAEU"_s, u"SCO member only"_s, u"CSTO or EAEU member only"_s,
                                  blocs.layer.legend.last().label}));
    QCOMPARE(fills.size(), 4);
    // Before the SCO: no state is in both, and the legend says only what the map shows.
    view.year = 1995;
    labels.clear();
    for (const auto &swatch : LayerLegend::legend(*m_scene, view))
        labels << swatch.label;
    QCOMPARE(labels, QStringList{u"CSTO or EAEU member only"_s});
    m_scene->setLayers({});
}

void TestExporter::blocsHaveColoursOfTheirOwn()
{
    // Each bloc's members in a colour of its own, on the map and in its legend entry.
    QHash<QRgb, QString> seen;
    for (const QString &id : QStringList{u"sco"_s} + GeoJsonReader::optionalIds()) {
        const GeoJsonReader::Result r = GeoJsonReader::readBuiltIn(id);
        QVERIFY2(r.ok(), qPrintable(r.error));
        m_scene->setLayers({std::make_shared<const Layer>(r.layer)});
        ViewState view = homeView(QSize(1280, 720));
        view.year = 2024;
        const QList<LegendSwatch> legend = LayerLegend::legend(*m_scene, view);
        QVERIFY(!legend.isEmpty());
        QCOMPARE(legend.front().label, r.layer.shortName() + u" member"_s);
        const QRgb member = legend.front().fill.rgba();
        QVERIFY2(!seen.contains(member), qPrintable(id + u" looks like "_s + seen.value(member)));
        seen.insert(member, id);
        const QPointF moscow(37.62, 55.75); // a member of every one of them
        view.centre = moscow;
        view.metresPerPixel = 3000;
        view.size = QSize(800, 800);
        const QImage image = Exporter::renderImage(MapRenderer(), *m_scene, view);
        const QColor fill = LayerPainter::regionFills(*m_scene, view, MapStyle::standard()).value(u"RUS"_s);
        QVERIFY2(near(image.pixelColor(m_scene->pixelOf(view, moscow)->toPoint()), fill), qPrintable(id));
    }
    m_scene->setLayers({});
}

void TestExporter::zoneShowsEachClaimant_data()
{
    QTest::addColumn<QStringList>("claimants");
    QTest::addColumn<QStringList>("names"); ///< of the claimants, in the same order
    QTest::newRow("India, Pakistan") << QStringList{u"IND"_s, u"PAK"_s} << QStringList{u"India"_s, u"Pakistan"_s};
    QTest::newRow("China, Taiwan") << QStringList{u"CHN"_s, u"TWN"_s} << QStringList{u"China"_s, u"Taiwan"_s};
    QTest::newRow("Russia, Japan") << QStringList{u"RUS"_s, u"JPN"_s} << QStringList{u"Russia"_s, u"Japan"_s};
    QTest::newRow("codes without a colour") << QStringList{u"FRA"_s, u"DEU"_s} << QStringList{u"France"_s, u"Germany"_s};
}

void TestExporter::zoneShowsEachClaimant()
{
    QFETCH(QStringList, claimants);
    QFETCH(QStringList, names);
    const QByteArray geojson = QStringLiteral(R"({"type": "FeatureCollection",
        "spheres": {"id": "test-zones", "kind": "zones", "title": "Test zones", "legend": [{"key": "disputed", "label": "Disputed"}]},
        "features": [{"type": "Feature", "id": "z", "properties": {"name": "Z", "claimants": ["%1"], "administeredBy": ["%2"]},
                      "geometry": {"type": "Polygon", "coordinates": [[[75, 30], [85, 30], [85, 40], [75, 40], [75, 30]]]}}]})")
                                   .arg(claimants.join(u"\", \""_s), claimants.first())
                                   .toUtf8();
    const GeoJsonReader::Result read = GeoJsonReader::read(geojson, u"test.geojson"_s);
    QVERIFY2(read.ok(), qPrintable(read.error));
    m_scene->setLayers({std::make_shared<Layer>(read.layer)});
    const ProjectionPreset &preset = ProjectionCatalog::defaultPreset();
    const ViewState view = framedView(preset.projection, QRectF(74, 29, 12, 12), QSize(400, 400));
    QImage image(view.size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        MapRenderer().render(painter, *m_scene, view, MapRenderer::Pass::Layers);
    }
    const LayerStyle &style = MapStyle::standard().layers;
    QCOMPARE(QSet<QRgb>({style.claimant(claimants[0]).rgb(), style.claimant(claimants[1]).rgb()}).size(), 2);
    // Each claimant's stripes cross the zone: many pixels in its very colour.
    for (const QString &code : claimants) {
        int count = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                count += near(image.pixelColor(x, y), style.claimant(code), 12) ? 1 : 0;
        QVERIFY2(count > 500, qPrintable(u"%1: %2 pixels"_s.arg(code).arg(count)));
    }
    // The legend names both claimants, in their colours.
    QStringList legend;
    for (const LegendSwatch &swatch : LayerLegend::legend(*m_scene, view))
        if (swatch.cell) {
            legend << swatch.label;
            QCOMPARE(swatch.stripes, QList<QColor>{style.claimant(claimants.value(names.indexOf(swatch.label)))});
        }
    std::sort(names.begin(), names.end()); // listed by name
    QCOMPARE(legend, names);
    m_scene->setLayers({});
}

void TestExporter::legendListsClaimantsInView_data()
{
    QTest::addColumn<QPointF>("centre");
    QTest::addColumn<double>("metresPerPixel");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");
    QTest::newRow("South China Sea") << QPointF(114, 12) << 1200.0
                                     << QStringList{u"China"_s, u"Vietnam"_s, u"Philippines"_s, u"Brunei"_s}
                                     << QStringList{u"India"_s, u"Pakistan"_s, u"Russia"_s, u"South Korea"_s};
    QTest::newRow("Kashmir") << QPointF(78, 34) << 1500.0 << QStringList{u"India"_s, u"Pakistan"_s, u"China"_s}
                             << QStringList{u"Vietnam"_s, u"Japan"_s, u"Brunei"_s};
    QTest::newRow("Europe, no zone") << QPointF(10, 50) << 1500.0 << QStringList{} << QStringList{u"China"_s, u"India"_s};
}

void TestExporter::legendListsClaimantsInView()
{
    QFETCH(QPointF, centre);
    QFETCH(double, metresPerPixel);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    loadLayers();
    ViewState view = homeView(QSize(1920, 1080));
    view.centre = centre;
    view.metresPerPixel = metresPerPixel;
    QStringList labels, claimants;
    for (const LegendSwatch &swatch : LayerLegend::legend(*m_scene, view))
        (swatch.cell ? claimants : labels) << swatch.label;
    for (const QString &name : present)
        QVERIFY2(claimants.contains(name), qPrintable(claimants.join(u", ")));
    for (const QString &name : absent)
        QVERIFY2(!claimants.contains(name), qPrintable(name));
    QCOMPARE(labels.contains(u"Contested zone (stripes: claimants; outline: administrator)"_s), !present.isEmpty());
    m_scene->setLayers({});
}

void TestExporter::loadLayers()
{
    QStringList errors;
    m_scene->setLayers(GeoJsonReader::readAllBuiltIn(errors));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
}

ViewState TestExporter::homeView(QSize size) const
{
    const ProjectionPreset &preset = ProjectionCatalog::defaultPreset();
    return framedView(preset.projection, preset.homeExtent, size);
}

QTEST_MAIN(TestExporter)
