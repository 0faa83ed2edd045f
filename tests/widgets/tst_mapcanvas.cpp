// Using the map: clicks, drags, zoom, the year, the palette and the legend.

#include "tst_mapcanvas.h"

void TestMapCanvas::init()
{
    m_window = std::make_unique<MainWindow>();
    QVERIFY(m_window->loadBaseMap());
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMapCanvas::cleanup() { m_window.reset(); }

void TestMapCanvas::clickSelectsRegion_data()
{
    QTest::addColumn<QPointF>("lonLat");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("name");
    QTest::newRow("Moscow") << QPointF(37.62, 55.75) << "RUS" << "Russia";
    QTest::newRow("Taiyuan") << QPointF(112.55, 37.87) << "CHN" << "China"; // Beijing has the East-Route gas line beside it
    QTest::newRow("Astana") << QPointF(71.43, 51.13) << "KAZ" << "Kazakhstan";
    QTest::newRow("Gobi") << QPointF(103.0, 45.5) << "MNG" << "Mongolia";
    QTest::newRow("Sea of Japan") << QPointF(134.0, 40.0) << "" << "";
}

void TestMapCanvas::clickSelectsRegion()
{
    QFETCH(QPointF, lonLat);
    QFETCH(QString, code);
    QFETCH(QString, name);
    QSignalSpy spy(canvas(), &MapCanvas::selectionChanged);
    if (code.isEmpty()) // make the empty click a change
        canvas()->selectRegion(QStringLiteral("FRA"));
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf(lonLat).toPoint());
    QCOMPARE(canvas()->selectedRegion(), code);
    QVERIFY(!spy.isEmpty());
    QCOMPARE(spy.last().first().toString(), code);
    QCOMPARE(m_window->contextPanel()->shownRegion(), code);
    if (!name.isEmpty())
        QVERIFY(m_window->contextPanel()->accessibleDescription().contains(name));
}

void TestMapCanvas::escapeClearsSelection()
{
    canvas()->selectRegion(QStringLiteral("CHN"));
    canvas()->setFocus();
    QTest::keyClick(canvas(), Qt::Key_Escape);
    QVERIFY(canvas()->selectedRegion().isEmpty());
    QVERIFY(m_window->contextPanel()->shownRegion().isEmpty());
}

void TestMapCanvas::dragPans()
{
    const QPointF start(600, 400);
    const QPointF beijingBefore = pixelOf({116.40, 39.90});
    sendMouse(canvas(), QEvent::MouseButtonPress, start, Qt::LeftButton);
    sendMouse(canvas(), QEvent::MouseMove, start + QPointF(50, 20), Qt::LeftButton);
    sendMouse(canvas(), QEvent::MouseMove, start + QPointF(120, 60), Qt::LeftButton);
    sendMouse(canvas(), QEvent::MouseButtonRelease, start + QPointF(120, 60), Qt::NoButton);
    const QPointF beijingAfter = pixelOf({116.40, 39.90});
    QVERIFY(std::abs(beijingAfter.x() - beijingBefore.x() - 120) < 1.0);
    QVERIFY(std::abs(beijingAfter.y() - beijingBefore.y() - 60) < 1.0);
    QVERIFY(canvas()->selectedRegion().isEmpty()); // a drag is not a click
}

void TestMapCanvas::aPanEndsOnTheMapAsRendered_data()
{
    QTest::addColumn<QList<int>>("keys"); // arrow keys pressed; none: a drag of `dragged`
    QTest::addColumn<QPointF>("dragged");
    QTest::newRow("a drag of 120 px") << QList<int>() << QPointF(120, 60);
    QTest::newRow("a drag past the frame's margin") << QList<int>() << QPointF(-420, 0);
    QTest::newRow("three presses of the right arrow") << QList<int>{Qt::Key_Right, Qt::Key_Right, Qt::Key_Right} << QPointF();
    QTest::newRow("up, then left") << QList<int>{Qt::Key_Up, Qt::Key_Left} << QPointF();
}

// A pan by the mouse or the arrow keys moves the picture it starts from while the next frame
// renders in the background; the still picture it ends on takes its ground from that frame.
// Whichever way, the map it settles on is the one a render of the view gives.
void TestMapCanvas::aPanEndsOnTheMapAsRendered()
{
    QFETCH(QList<int>, keys);
    QFETCH(QPointF, dragged);
    canvas()->selectRegion(QStringLiteral("KAZ"));
    const QPointF beijingBefore = pixelOf({116.40, 39.90});
    const QPointF start(600, 400);
    if (keys.isEmpty()) {
        sendMouse(canvas(), QEvent::MouseButtonPress, start, Qt::LeftButton);
        for (int step = 1; step <= 4; ++step) {
            sendMouse(canvas(), QEvent::MouseMove, start + dragged * step / 4, Qt::LeftButton);
            canvas()->repaint(); // as the screen paints between the mouse's moves
            QTest::qWait(20);
        }
        sendMouse(canvas(), QEvent::MouseButtonRelease, start + dragged, Qt::NoButton);
    } else {
        canvas()->setFocus();
        for (const int key : keys)
            QTest::keyClick(canvas(), Qt::Key(key));
    }
    QVERIFY(pixelOf({116.40, 39.90}) != beijingBefore);
    const QRect box(0, 0, canvas()->width(), canvas()->height());
    QTest::qWait(700); // past the keys' rest (300 ms): the pan has ended, and its frame may still land
    QTRY_VERIFY_WITH_TIMEOUT(meanDifference(renderAt(canvas(), 1), canvas()->grabMap(), box) < 0.5, 10000);
    QCOMPARE(canvas()->selectedRegion(), QStringLiteral("KAZ"));
}

void TestMapCanvas::wheelZoomsAboutCursor()
{
    const QPointF cursor = pixelOf({116.40, 39.90});
    const double before = canvas()->view().metresPerPixel;
    QWheelEvent wheel(cursor, canvas()->mapToGlobal(cursor), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(canvas(), &wheel);
    QVERIFY(canvas()->view().metresPerPixel < before * 0.7);
    const QPointF after = pixelOf({116.40, 39.90});
    QVERIFY2((after - cursor).manhattanLength() < 1.0, "the point under the cursor moved");
}

void TestMapCanvas::zoomingInLoadsFineDetail()
{
    QVERIFY(!canvas()->hasFineDetail());
    const QPointF scs = pixelOf({114.0, 12.0});
    for (int i = 0; i < 6; ++i)
        canvas()->zoomBy(1.6, scs);
    QTRY_VERIFY_WITH_TIMEOUT(canvas()->hasFineDetail(), 20000);
    // The Spratly Islands exist only in the 1:10m data.
    QCOMPARE(canvas()->scene()->levelFor(canvas()->view().metresPerPixel).atlas().detail(), Atlas::Detail::Fine);
}

void TestMapCanvas::projectionChangeKeepsSelection()
{
    canvas()->selectRegion(QStringLiteral("KAZ"));
    canvas()->setProjection(QStringLiteral("world"));
    QCOMPARE(canvas()->scene()->projection().id(), QStringLiteral("world"));
    QCOMPARE(canvas()->selectedRegion(), QStringLiteral("KAZ"));
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf({112.55, 37.87}).toPoint()); // Taiyuan: no line near
    QCOMPARE(canvas()->selectedRegion(), QStringLiteral("CHN"));
}

void TestMapCanvas::clickOnPipelineShowsItsFacts()
{
    const auto &layers = canvas()->layers();
    const auto pipelines = std::find_if(layers.begin(), layers.end(), [](const auto &l) { return l->id == QStringLiteral("pipelines"); });
    QVERIFY(pipelines != layers.end());
    const Feature *pos = (*pipelines)->feature(QStringLiteral("power-of-siberia"));
    QVERIFY(pos && !pos->lines.empty());
    const LineString &line = pos->lines.front();
    const Point mid = line[line.size() / 3];
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf({mid.x(), mid.y()}).toPoint());
    QCOMPARE(canvas()->selectedFeature(), QStringLiteral("pipelines/power-of-siberia"));
    QVERIFY(canvas()->selectedRegion().isEmpty());
    QCOMPARE(m_window->contextPanel()->shownFeature(), QStringLiteral("pipelines/power-of-siberia"));
    const QString text = m_window->contextPanel()->text();
    QVERIFY2(text.contains(QStringLiteral("Power of Siberia")) && text.contains(QStringLiteral("bcm/y")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Sources")), qPrintable(text));
}

void TestMapCanvas::clickOnSiteShowsItsFactsInItsPeriod()
{
    const Layer *sites = builtIn(QStringLiteral("sites"));
    QVERIFY(sites);
    const Feature *gwadar = sites->feature(QStringLiteral("gwadar-port"));
    QVERIFY(gwadar && gwadar->points.size() == 1);
    const QPointF place(gwadar->points.front().x(), gwadar->points.front().y());
    m_window->timeSlider()->setYear(2005); // before the port: a click there picks Pakistan
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf(place).toPoint());
    QVERIFY(canvas()->selectedFeature().isEmpty());
    m_window->timeSlider()->setYear(2020);
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf(place).toPoint());
    QCOMPARE(canvas()->selectedFeature(), QStringLiteral("sites/gwadar-port"));
    QCOMPARE(m_window->contextPanel()->shownFeature(), QStringLiteral("sites/gwadar-port"));
    const QString text = m_window->contextPanel()->text();
    for (const QString &expected : {QStringLiteral("Gwadar"), QStringLiteral("In 2020: operated by China"), QStringLiteral("Port"),
                                    QStringLiteral("Pakistan"), QStringLiteral("China Overseas Port Holding"),
                                    QStringLiteral("2007"), QStringLiteral("Sources"), QStringLiteral("The Nation")})
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in: ") + text));
}

void TestMapCanvas::regionPanelListsLayerFacts()
{
    canvas()->selectRegion(QStringLiteral("KAZ"));
    const QString text = m_window->contextPanel()->text();
    QVERIFY2(text.contains(QStringLiteral("member in 2026")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Kazakhstan–China oil pipeline")) || text.contains(QStringLiteral("Kazakhstan-China")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Line C")) || text.contains(QStringLiteral("line C")), qPrintable(text));
    canvas()->selectRegion(QStringLiteral("JPN"));
    QVERIFY2(m_window->contextPanel()->text().contains(QStringLiteral("claims")), qPrintable(m_window->contextPanel()->text()));
}

void TestMapCanvas::timelineRedrawsAsOfYear()
{
    canvas()->selectRegion(QStringLiteral("IRN"));
    m_window->timeSlider()->setYear(2020);
    QCOMPARE(canvas()->view().year, 2020);
    QVERIFY(m_window->contextPanel()->text().contains(QStringLiteral("observer in 2020")));
    m_window->timeSlider()->setYear(2024);
    QVERIFY(m_window->contextPanel()->text().contains(QStringLiteral("member in 2024")));
    // Power of Siberia is not clickable before it exists.
    m_window->timeSlider()->setYear(2005);
    const Feature *pos = builtIn(QStringLiteral("pipelines"))->feature(QStringLiteral("power-of-siberia"));
    QVERIFY(pos);
    const Point mid = pos->lines.front()[pos->lines.front().size() / 3];
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf({mid.x(), mid.y()}).toPoint());
    QVERIFY(canvas()->selectedFeature().isEmpty());
    // Play steps forward by itself.
    m_window->timeSlider()->setPlaying(true);
    QTRY_VERIFY_WITH_TIMEOUT(canvas()->view().year >= 2007, 5000);
    m_window->timeSlider()->setPlaying(false);
}

void TestMapCanvas::hiddenLayerIsNotClickable()
{
    canvas()->setLayerVisible(QStringLiteral("pipelines"), false);
    const Feature *pos = builtIn(QStringLiteral("pipelines"))->feature(QStringLiteral("power-of-siberia"));
    const Point mid = pos->lines.front()[pos->lines.front().size() / 3];
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf({mid.x(), mid.y()}).toPoint());
    QVERIFY(canvas()->selectedFeature().isEmpty());
    QCOMPARE(canvas()->selectedRegion(), QStringLiteral("RUS"));
}

void TestMapCanvas::mapFollowsThePalette_data()
{
    QTest::addColumn<QColor>("window");
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << QColor(0xef, 0xef, 0xef) << false;
    QTest::newRow("dark") << QColor(0x2b, 0x2b, 0x2b) << true;
    QTest::newRow("mid grey, dark side") << QColor(0x7e, 0x7e, 0x7e) << true;
}

void TestMapCanvas::mapFollowsThePalette()
{
    QFETCH(QColor, window);
    QFETCH(bool, dark);
    const QPalette before = QApplication::palette();
    QPalette palette = before;
    palette.setColor(QPalette::Window, window);
    QApplication::setPalette(palette); // as when the desktop switches to or from dark mode
    const MapStyle &expected = dark ? MapStyle::dark() : MapStyle::standard();
    QTRY_COMPARE(canvas()->renderer().style().isDark, dark); // the change reaches widgets as an event
    QVERIFY(!canvas()->exportRenderer().style().isDark); // exports stay light: they go on slides and paper
    const QImage map = canvas()->grabMap();
    QApplication::setPalette(before);
    QTRY_COMPARE(canvas()->renderer().style().isDark, false);
    // What is painted is that style: the sea and the land in its colours.
    auto near = [](QColor a, QColor b) { return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue()) <= 12; };
    QVERIFY(near(map.pixelColor(pixelOf({148.0, 53.0}).toPoint()), expected.ocean));  // Sea of Okhotsk (the legend covers the Bay of Bengal)
    QVERIFY(near(map.pixelColor(pixelOf({135.0, 35.5}).toPoint()), expected.land)); // Japan, no layer on it
}

void TestMapCanvas::legendFoldsOnAClickAndMovesOnADrag_data()
{
    QTest::addColumn<QPointF>("dropAt"); // fraction of the canvas; (-1, -1): a click, no drag
    QTest::addColumn<bool>("collapsed");
    QTest::addColumn<int>("corner");
    QTest::newRow("click folds") << QPointF(-1, -1) << true << int(ViewState::Corner::BottomLeft);
    QTest::newRow("drag to the top right") << QPointF(0.9, 0.1) << false << int(ViewState::Corner::TopRight);
    QTest::newRow("drag to the bottom right") << QPointF(0.8, 0.9) << false << int(ViewState::Corner::BottomRight);
    QTest::newRow("drag to the top left") << QPointF(0.1, 0.2) << false << int(ViewState::Corner::TopLeft);
}

void TestMapCanvas::legendFoldsOnAClickAndMovesOnADrag()
{
    // The legend took a quarter of a 1366×768 map and covered callouts: it folds to its title with
    // a click and goes to the corner it is dragged to; a saved view keeps both.
    QFETCH(QPointF, dropAt);
    QFETCH(bool, collapsed);
    QFETCH(int, corner);
    const QRectF box = canvas()->renderer().legendLayout(*canvas()->scene(), canvas()->view()).box;
    QVERIFY(!box.isEmpty());
    const QPoint from = box.center().toPoint();
    if (dropAt.x() < 0) {
        QTest::mouseClick(canvas(), Qt::LeftButton, {}, from);
    } else {
        const QPoint to(int(dropAt.x() * canvas()->width()), int(dropAt.y() * canvas()->height()));
        QTest::mousePress(canvas(), Qt::LeftButton, {}, from);
        QMouseEvent move(QEvent::MouseMove, QPointF(to), canvas()->mapToGlobal(QPointF(to)), Qt::NoButton, Qt::LeftButton, {});
        QApplication::sendEvent(canvas(), &move);
        QTest::mouseRelease(canvas(), Qt::LeftButton, {}, to);
    }
    QCOMPARE(canvas()->view().legendCollapsed, collapsed);
    QCOMPARE(int(canvas()->view().legendCorner), corner);
    QVERIFY(canvas()->view().selectedRegion.isEmpty()); // the click was the legend's, not the map's
    const QRectF after = canvas()->renderer().legendLayout(*canvas()->scene(), canvas()->view()).box;
    if (collapsed)
        QVERIFY(after.height() < box.height() / 3);
    else
        QVERIFY(!after.intersects(box) || corner == int(ViewState::Corner::BottomLeft));
}

void TestMapCanvas::clickPicksTheLineDrawnThere()
{
    // Power of Siberia runs along ESPO: drawn side by side (gas to the left of its route, oil to
    // the right), a click on each picks the one drawn there.
    const Scene &scene = *canvas()->scene();
    ViewState view = canvas()->view();
    view.centre = QPointF(124.0, 53.0);
    view.metresPerPixel = 2000;
    const auto espo = scene.findFeature(u"pipelines/espo"_s);
    QVERIFY(espo.first);
    QSet<QString> picked;
    for (const QPolygonF &line : QTransform(scene.worldToScreen(view)).map(espo.first->lines[espo.second]).toSubpathPolygons())
        for (qsizetype i = 1; i < line.size(); ++i) {
            const QPointF mid = (line[i - 1] + line[i]) / 2;
            if (!QRectF(QPointF(0, 0), QSizeF(view.size)).contains(mid))
                continue;
            const QPointF d = line[i] - line[i - 1];
            const double length = std::hypot(d.x(), d.y());
            if (length < 1)
                continue;
            const QPointF right(-d.y() / length, d.x() / length); // oil's side, where it is drawn
            picked << scene.featureAt(view, mid + right * 2.0);
        }
    QVERIFY2(picked.contains(u"pipelines/espo"_s), qPrintable(QStringList(picked.values()).join(u", ")));
}

QTEST_MAIN(TestMapCanvas)
