// Layers on the canvas: adding files and built-in layers, and fine detail at a pixel ratio of 2.

#include "tst_mapcanvas.h"

void TestMapCanvas::addLayerFile()
{
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("broken.geojson"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"type\": \"FeatureCollection\", \"features\": [");
    f.close();
    const int before = int(canvas()->layers().size());
    const QString error = m_window->addLayerFile(bad);
    QVERIFY2(error.contains(bad), qPrintable(error));
    QCOMPARE(int(canvas()->layers().size()), before);
    const QString good = dir.filePath(QStringLiteral("ports.geojson"));
    QFile g(good);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Route"},
             "geometry":{"type":"LineString","coordinates":[[60,50],[80,45],[100,40]]}}]})");
    g.close();
    QVERIFY2(m_window->addLayerFile(good).isEmpty(), qPrintable(m_window->addLayerFile(good)));
    QCOMPARE(int(canvas()->layers().size()), before + 1);
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf({80.0, 45.0}).toPoint());
    QCOMPARE(canvas()->selectedFeature(), QStringLiteral("ports/feature-1"));
    // The added layer is searchable at once (only the window knew of it before the map session).
    const auto found = m_window->searchBox()->match(QStringLiteral("Route"));
    QVERIFY(found);
    QCOMPARE(found->kind, SearchBox::Kind::Feature);
    QCOMPARE(found->target, QStringLiteral("ports/feature-1"));
    // A second layer of the same id is refused, naming the file.
    const QString again = m_window->addLayerFile(good);
    QVERIFY2(again.contains(good) && again.contains(u"already open"_s), qPrintable(again));
}

void TestMapCanvas::addCsvLayerShowsAttributesAsText()
{
    // A CSV of events read through GDAL: points on the map, their columns in the context panel as
    // text (a column holding markup shows the markup's characters).
    QTemporaryDir dir;
    const QString path = dir.filePath(u"events.csv"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("id,name,lon,lat,kind,note2\nsummit,Astana summit,71.43,51.13,meeting,<b>bold</b>\n");
    f.close();
    const int before = int(canvas()->layers().size());
    QVERIFY2(m_window->addLayerFile(path).isEmpty(), qPrintable(m_window->addLayerFile(path)));
    QCOMPARE(int(canvas()->layers().size()), before + 1);
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf({71.43, 51.13}).toPoint());
    QCOMPARE(canvas()->selectedFeature(), u"events/summit"_s);
    QCOMPARE(m_window->contextPanel()->shownFeature(), u"events/summit"_s);
    const QString text = m_window->contextPanel()->text();
    for (const QString &expected : {u"kind"_s, u"meeting"_s, u"note2"_s, u"<b>bold</b>"_s})
        QVERIFY2(text.contains(expected), qPrintable(expected + u" not in: "_s + text));
    const auto found = m_window->searchBox()->match(u"Astana summit"_s);
    QVERIFY(found);
    QCOMPARE(found->target, u"events/summit"_s);
}

void TestMapCanvas::layerChoiceStartsAllTicked()
{
    LayerChoiceDialog dialog(u"city.gpkg"_s, {u"roads"_s, u"towns"_s, u"rivers"_s});
    QCOMPARE(dialog.chosenLayers(), QStringList({u"roads"_s, u"towns"_s, u"rivers"_s}));
    QListWidget *list = dialog.findChild<QListWidget *>();
    QVERIFY(list);
    list->item(1)->setCheckState(Qt::Unchecked);
    QCOMPARE(dialog.chosenLayers(), QStringList({u"roads"_s, u"rivers"_s}));
}

void TestMapCanvas::addingTheComparisonHidesItsSources()
{
    // Drawn over the SCO layer the comparison's colours blended with it and the legend listed
    // both: adding it switches its source layers off, and the Layers panel says so.
    const MembershipComparison::Result comparison = MembershipComparison::readBuiltIn(u"sco-russia-blocs"_s);
    QVERIFY2(comparison.ok(), qPrintable(comparison.error));
    QVERIFY(comparison.sourceLayers.contains(u"sco"_s));
    QAction *add = nullptr;
    for (QAction *action : m_window->menuBar()->findChildren<QAction *>())
        if (action->text() == comparison.layer.title)
            add = action;
    QVERIFY(add);
    QVERIFY(!canvas()->view().hiddenLayers.contains(u"sco"_s));
    add->trigger();
    QCOMPARE(canvas()->layers().last()->id, comparison.layer.id);
    QVERIFY(!canvas()->view().hiddenLayers.contains(comparison.layer.id));
    QVERIFY(canvas()->view().hiddenLayers.contains(u"sco"_s));
    const auto *tree = m_window->layersPanel()->findChild<QTreeWidget *>();
    QVERIFY(tree);
    int shown = 0;
    for (const auto &layer : canvas()->layers())
        if (layer->id == u"sco"_s)
            for (QTreeWidgetItem *item : tree->findItems(layer->title, Qt::MatchExactly)) {
                QCOMPARE(item->checkState(0), Qt::Unchecked);
                ++shown;
            }
    QCOMPARE(shown, 1);
    canvas()->setLayerVisible(u"sco"_s, true); // as the other tests expect the map
}

void TestMapCanvas::addBuiltInBlocLayer()
{
    // The CSTO is off the default map; File > Add built-in layer adds it to the map, the legend
    // and the context panel, dated by the slider.
    const int before = int(canvas()->layers().size());
    for (const auto &layer : canvas()->layers())
        QVERIFY(layer->id != u"csto");
    QAction *add = nullptr;
    for (QAction *action : m_window->menuBar()->findChildren<QAction *>())
        if (action->text() == QStringLiteral("Collective Security Treaty Organization"))
            add = action;
    QVERIFY(add);
    add->trigger();
    QCOMPARE(int(canvas()->layers().size()), before + 1);
    const Layer &csto = *canvas()->layers().last();
    QCOMPARE(csto.id, QStringLiteral("csto"));
    QStringList labels;
    for (const LegendSwatch &s : LayerLegend::swatchesFor(csto))
        labels << s.label;
    QVERIFY2(labels.contains(QStringLiteral("Participation frozen (from 2024)")), qPrintable(labels.join(u'|')));

    canvas()->selectRegion(QStringLiteral("ARM"));
    m_window->timeSlider()->setYear(2025);
    QVERIFY2(m_window->contextPanel()->text().contains(QStringLiteral("frozen in 2025")), qPrintable(m_window->contextPanel()->text()));
    canvas()->selectRegion(QStringLiteral("UZB"));
    m_window->timeSlider()->setYear(2013);
    QVERIFY2(m_window->contextPanel()->text().contains(QStringLiteral("Collective Security Treaty Organization: not associated in 2013")),
             qPrintable(m_window->contextPanel()->text()));
    // Shown, the layer colours its members and the map's legend names its statuses by the bloc;
    // hidden, it does not.
    m_window->timeSlider()->setYear(2025);
    QStringList mapLegend;
    for (const LegendSwatch &s : LayerLegend::legend(*canvas()->scene(), canvas()->view(), canvas()->renderer().style()))
        mapLegend << s.label;
    QVERIFY2(mapLegend.contains(QStringLiteral("CSTO frozen")) && mapLegend.contains(QStringLiteral("CSTO member")) &&
                 mapLegend.contains(QStringLiteral("SCO member")),
             qPrintable(mapLegend.join(u'|')));
    const auto fillOf = [this](const char *code) {
        return LayerPainter::regionFills(*canvas()->scene(), canvas()->view(), canvas()->renderer().style())
            .value(QString::fromLatin1(code));
    };
    const QColor armenia = fillOf("ARM"), china = fillOf("CHN"); // Armenia: in both; China: SCO only
    canvas()->setLayerVisible(QStringLiteral("csto"), false);
    QVERIFY(fillOf("ARM") != armenia);
    QCOMPARE(fillOf("CHN"), china);
}

void TestMapCanvas::paintsFineDetailAtPixelRatio2()
{
    // On a HiDPI screen (or grabbed for one) the map is painted at device resolution: its lines,
    // and its labels too, which come from an image cache that must be made at that resolution.
    // Sites shown: a drag frame places their names for the picture, not for its cached margin.
    QVERIFY(!canvas()->view().hiddenLayers.contains(QStringLiteral("sites")));
    QVERIFY(!LayerPainter::siteSymbols(*canvas()->scene(), canvas()->view(), canvas()->scene()->worldToScreen(canvas()->view())).isEmpty());
    const QList<PlacedLabel> labels = LabelPlacer::placeAll(*canvas()->scene(), canvas()->scene()->worldToScreen(canvas()->view()),
                                                            canvas()->view(), canvas()->renderer().style());
    QVERIFY(labels.size() >= 5);
    auto check = [&](const char *state) {
        const QImage sharp = renderAt(canvas(), 2);
        QCOMPARE(sharp.size(), canvas()->size() * 2);
        QCOMPARE(sharp.devicePixelRatio(), 2.0);
        const QImage upscaled = renderAt(canvas(), 1).scaled(sharp.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        // What the renderer paints straight into an image made for a HiDPI screen.
        QImage native(sharp.size(), QImage::Format_ARGB32_Premultiplied);
        native.setDevicePixelRatio(2);
        native.fill(Qt::white);
        {
            QPainter painter(&native);
            canvas()->renderer().render(painter, *canvas()->scene(), canvas()->view());
        }
        double detail = 0, upscaledDetail = 0, offNative = 0, upscaledOffNative = 0;
        for (const PlacedLabel &label : labels) {
            const QRect box = QRectF(label.box.topLeft() * 2, label.box.size() * 2).toAlignedRect() & sharp.rect();
            detail += fineDetail(sharp, box);
            upscaledDetail += fineDetail(upscaled, box);
            offNative += meanDifference(sharp, native, box);
            upscaledOffNative += meanDifference(upscaled, native, box);
        }
        const QString numbers = QStringLiteral("%1: fine detail %2 (upscaled 1x: %3), difference from native 2x %4 (upscaled 1x: %5)")
                                    .arg(QString::fromLatin1(state)).arg(detail).arg(upscaledDetail).arg(offNative).arg(upscaledOffNative);
        QVERIFY2(detail > 1.5 * upscaledDetail, qPrintable(numbers));
        QVERIFY2(offNative < 0.25 * upscaledOffNative, qPrintable(numbers)); // labels painted at 1x and scaled up fail this
    };
    check("still");
    // While a drag pans the map, it is a cached frame: made at the same resolution.
    const QPointF start(600, 400);
    sendMouse(canvas(), QEvent::MouseButtonPress, start, Qt::LeftButton);
    sendMouse(canvas(), QEvent::MouseMove, start + QPointF(10, 0), Qt::LeftButton);
    sendMouse(canvas(), QEvent::MouseMove, start, Qt::LeftButton); // back: the labels are where they were
    check("dragging");
    sendMouse(canvas(), QEvent::MouseButtonRelease, start, Qt::NoButton);
}
