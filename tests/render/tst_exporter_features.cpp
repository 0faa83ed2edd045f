// Lines and points on the exported map: fast strokes, dashes, pipelines and sites.

#include "tst_exporter.h"

void TestExporter::fastStrokesLookLikeQts_data()
{
    QTest::addColumn<QPen>("pen");
    auto pen = [](QColor colour, double width, Qt::PenStyle style, Qt::PenCapStyle cap) {
        QPen p(colour, width, style, cap, Qt::RoundJoin);
        p.setCosmetic(true);
        return p;
    };
    QTest::newRow("selection outline") << pen(QColor(0xb3, 0x5c, 0x00), 2.5, Qt::SolidLine, Qt::RoundCap);
    QTest::newRow("translucent halo") << pen(QColor(255, 255, 255, 200), 5.1, Qt::SolidLine, Qt::FlatCap);
    QTest::newRow("under construction") << pen(QColor(0xd5, 0x5e, 0x00), 2.6, Qt::DashLine, Qt::FlatCap);
    QTest::newRow("planned") << pen(QColor(0x1a, 0x1a, 0x1a), 2.2, Qt::DotLine, Qt::FlatCap);
    QTest::newRow("suspended") << pen(QColor(0x1a, 0x1a, 0x1a), 2.2, Qt::DashDotLine, Qt::FlatCap);
}

void TestExporter::fastStrokesLookLikeQts()
{
    QFETCH(QPen, pen);
    // A wavy line and a coastline-like ring, in pixels as the renderer strokes them.
    QPainterPath path;
    path.moveTo(20, 200);
    for (int x = 20; x <= 780; x += 3)
        path.lineTo(x, 200 + 60 * std::sin(x / 40.0));
    QPolygonF ring;
    for (int k = 0; k < 360; k += 2)
        ring << QPointF(400 + (120 + 15 * std::sin(k * 0.3)) * std::cos(k * std::numbers::pi / 180),
                        420 + (90 + 15 * std::sin(k * 0.3)) * std::sin(k * std::numbers::pi / 180));
    path.addPolygon(ring);
    path.closeSubpath();
    auto draw = [&](bool fast) {
        QImage image(800, 560, QImage::Format_ARGB32_Premultiplied);
        image.fill(QColor(0x4c, 0xb8, 0x98));
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        if (fast)
            PolylineStroker::stroke(painter, path, pen);
        else
            painter.strokePath(path, pen);
        return image;
    };
    const QImage qt = draw(false), fast = draw(true);
    int inked = 0, different = 0; // pixels Qt paints; pixels that differ clearly
    for (int y = 0; y < qt.height(); ++y)
        for (int x = 0; x < qt.width(); ++x) {
            inked += near(qt.pixelColor(x, y), QColor(0x4c, 0xb8, 0x98), 2) ? 0 : 1;
            different += near(qt.pixelColor(x, y), fast.pixelColor(x, y), 60) ? 0 : 1;
        }
    qInfo("%d of %d pixels differ", different, inked);
    QVERIFY(inked > 1000);
    QVERIFY2(different < inked / 20, qPrintable(u"%1 of %2 pixels differ"_s.arg(different).arg(inked)));
}

void TestExporter::dashesAreBoundedByTheVisibleLength_data()
{
    QTest::addColumn<QPainterPath>("path");
    QTest::addColumn<qsizetype>("segments"); // that reach the rectangle
    const auto line = [](QList<QPointF> points) {
        QPainterPath path;
        path.addPolygon(QPolygonF(points));
        return path;
    };
    QTest::newRow("a billion pixels across") << line({{-1e9, 50}, {1e9, 50}}) << qsizetype(1);
    QTest::newRow("in and out again") << line({{-1e9, 10}, {50, 10}, {50, 1e9}, {60, 1e9}, {60, 20}, {1e9, 20}})
                                      << qsizetype(4);
    QPainterPath zigzag; // 10,000 segments of a million pixels, all out of sight
    zigzag.moveTo(-1e6, -1e6);
    for (int i = 0; i < 10'000; ++i)
        zigzag.lineTo(i % 2 ? -1e6 : 1e6, -1e6 - i);
    QTest::newRow("zigzag out of sight") << zigzag << qsizetype(0);
    // What shows of it is below the precision of a double: nothing to dash, and no time spent.
    QTest::newRow("1e300 pixels") << line({{-1e300, 50}, {1e300, 50}, {1e300, -1e300}}) << qsizetype(0);
    QTest::newRow("not finite") << line({{0, 50}, {qInf(), 50}, {qQNaN(), 60}, {50, 60}}) << qsizetype(0);
}

void TestExporter::dashesAreBoundedByTheVisibleLength()
{
    QFETCH(QPainterPath, path);
    QFETCH(qsizetype, segments);
    const QRectF visible(0, 0, 100, 100);
    const QList<qreal> pattern{6, 4};
    const QList<QList<QPolygonF>> dashes = PolylineStroker::dashes(path, pattern, visible, 3);
    // A dash per cycle of the pattern along what is visible, plus one cut at each edge.
    const qsizetype bound = qsizetype(lengthInside(path, visible) / 10) + 2 * segments + 1;
    QVERIFY2(dashCount(dashes) <= bound, qPrintable(u"%1 dashes, at most %2"_s.arg(dashCount(dashes)).arg(bound)));
    if (segments > 0)
        QVERIFY(dashCount(dashes) >= bound / 2); // what is visible is still dashed
    const QRectF near = visible.adjusted(-1e-6, -1e-6, 1e-6, 1e-6);
    for (const QList<QPolygonF> &list : dashes)
        for (const QPolygonF &dash : list)
            for (const QPointF &p : dash)
                QVERIFY(near.contains(p));
}

void TestExporter::dashesInsideAreAsIfAllWereVisible()
{
    // A dash pattern that has run for a while before the line comes into sight: the dashes inside
    // start where they did when everything was cut, in the same turn (colour) as then.
    QPainterPath path;
    path.moveTo(-1503, 40);
    path.lineTo(97, 40);
    path.lineTo(97, 250);
    const QList<qreal> pattern{7, 3};
    const QRectF visible(0, 0, 100, 100);
    const auto all = PolylineStroker::dashes(path, pattern, QRectF(-1e4, -1e4, 2e4, 2e4), 3);
    const auto cut = PolylineStroker::dashes(path, pattern, visible, 3);
    qsizetype drawn = 0;
    for (int turn = 0; turn < 3; ++turn) {
        QList<QRectF> expected, actual;
        for (const QPolygonF &dash : all[turn]) {
            // Clipped by hand: QRectF::intersected() takes a dash along an axis (no height) for empty.
            const QRectF box = dash.boundingRect();
            const QRectF inside(QPointF(std::max(box.left(), visible.left()), std::max(box.top(), visible.top())),
                                QPointF(std::min(box.right(), visible.right()), std::min(box.bottom(), visible.bottom())));
            if (inside.width() >= 0 && inside.height() >= 0 && inside.width() + inside.height() > 1e-9)
                expected << inside; // a dash that only touches the edge is not drawn
        }
        for (const QPolygonF &dash : cut[turn])
            actual << dash.boundingRect();
        QCOMPARE(actual.size(), expected.size());
        drawn += actual.size();
        for (qsizetype i = 0; i < actual.size(); ++i) {
            QVERIFY2(std::abs(actual[i].left() - expected[i].left()) < 1e-6 && std::abs(actual[i].top() - expected[i].top()) < 1e-6
                         && std::abs(actual[i].right() - expected[i].right()) < 1e-6
                         && std::abs(actual[i].bottom() - expected[i].bottom()) < 1e-6,
                     qPrintable(u"turn %1, dash %2"_s.arg(turn).arg(i)));
        }
    }
    QVERIFY(drawn > 10); // along both segments in sight
}

void TestExporter::pipelinesAtTheFinestScaleCutFewDashes()
{
    // A saved view at the finest scale allowed, on a pipeline: its outline runs for hundreds of
    // thousands of pixels, of which a 320×240 picture shows a few hundred.
    loadLayers();
    const ProjectedLayer *pipelines = nullptr;
    for (const ProjectedLayer &pl : m_scene->layers())
        if (pl.layer->id == u"pipelines")
            pipelines = &pl;
    QVERIFY(pipelines);
    ViewState view = homeView(QSize(320, 240));
    view.metresPerPixel = ViewLimits::kMinMetresPerPixel;
    const QPainterPath &metres = pipelines->lines.front();
    view.centre = *m_scene->projection().inverse(metres.pointAtPercent(0.5));
    const QPainterPath pixels = m_scene->worldToScreen(view).map(metres);
    const QRectF visible = QRectF(QPointF(0, 0), QSizeF(view.size)).adjusted(-5, -5, 5, 5);
    const QList<qreal> pattern{8, 4};
    const qsizetype dashes = dashCount(PolylineStroker::dashes(pixels, pattern, visible));
    const double inside = lengthInside(pixels, visible);
    QVERIFY(inside > 100);
    QVERIFY2(pixels.length() / 12 > 100 * (inside / 12 + 10), "the test needs a line far longer than what shows");
    QVERIFY2(dashes <= inside / 12 + 10, qPrintable(u"%1 dashes for %2 px in sight"_s.arg(dashes).arg(inside)));
    // And the whole frame at that scale, dashed pipelines included, is drawn.
    QImage image(view.size, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    MapRenderer().render(painter, *m_scene, view);
    m_scene->setLayers({});
}

void TestExporter::sitesShowInTheirPeriod_data()
{
    QTest::addColumn<QPointF>("place");
    QTest::addColumn<int>("year");
    QTest::addColumn<QString>("symbol"); ///< "filled", "hollow" or "none"
    QTest::newRow("Djibouti base 2016") << QPointF(43.06, 11.59) << 2016 << u"none"_s;
    QTest::newRow("Djibouti base 2017") << QPointF(43.06, 11.59) << 2017 << u"filled"_s;
    QTest::newRow("Kant 2002") << QPointF(74.846, 42.853) << 2002 << u"none"_s;
    QTest::newRow("Kant 2003") << QPointF(74.846, 42.853) << 2003 << u"filled"_s;
    QTest::newRow("201st base, Bokhtar, 2003") << QPointF(68.78, 37.835) << 2003 << u"none"_s;
    QTest::newRow("201st base, Bokhtar, 2004") << QPointF(68.78, 37.835) << 2004 << u"filled"_s;
    QTest::newRow("Gwadar 2006") << QPointF(62.34, 25.11) << 2006 << u"none"_s;
    QTest::newRow("Gwadar 2013") << QPointF(62.34, 25.11) << 2013 << u"filled"_s;
    QTest::newRow("Yamal LNG 2012") << QPointF(72.06, 71.27) << 2012 << u"none"_s;
    QTest::newRow("Yamal LNG 2014 (under construction)") << QPointF(72.06, 71.27) << 2014 << u"hollow"_s;
    QTest::newRow("Yamal LNG 2018") << QPointF(72.06, 71.27) << 2018 << u"filled"_s;
    QTest::newRow("Sakhalin-2 LNG 2009") << QPointF(142.90, 46.62) << 2009 << u"filled"_s;
}

/// A site's symbol is drawn at its place in its period, hollow while it is built, and nowhere
/// near there outside its period.
void TestExporter::sitesShowInTheirPeriod()
{
    QFETCH(QPointF, place);
    QFETCH(int, year);
    QFETCH(QString, symbol);
    loadLayers();
    ViewState view;
    view.centre = place;
    view.metresPerPixel = 3000;
    view.size = QSize(800, 800);
    view.year = year;
    const QImage with = Exporter::renderImage(MapRenderer(), *m_scene, view);
    view.hiddenLayers << u"sites"_s;
    const QImage without = Exporter::renderImage(MapRenderer(), *m_scene, view);
    const QPoint at = m_scene->pixelOf(view, place)->toPoint();
    const QRect around(at - QPoint(8, 8), QSize(17, 17));
    const QRect changed = difference(with.copy(around), without.copy(around));
    const LayerStyle &style = MapStyle::standard().layers;
    if (symbol == u"none") {
        QVERIFY2(changed.isEmpty(), "a symbol outside the site's period");
    } else {
        QVERIFY2(!changed.isEmpty(), "no symbol at the site");
        const QColor centre = with.pixelColor(at);
        QVERIFY2(near(centre, symbol == u"filled" ? style.site : style.siteOutline, 12), qPrintable(centre.name()));
    }
    m_scene->setLayers({});
}

void TestExporter::clickPicksTheSiteDrawnOnTop_data()
{
    QTest::addColumn<QPointF>("place");
    QTest::addColumn<int>("year");
    QTest::addColumn<QString>("expected"); ///< the feature a click there picks
    // At 6 km a pixel the Bukhara–Tashkent–Bishkek–Almaty line passes within reach of Kant:
    // the symbol on top is what the click picks.
    QTest::newRow("Kant 2010") << QPointF(74.846, 42.853) << 2010 << u"sites/kant-air-base"_s;
    QTest::newRow("Kant 2002, before the base") << QPointF(74.846, 42.853) << 2002 << u"pipelines/bukhara-tashkent-bishkek-almaty"_s;
    QTest::newRow("Bokhtar, the MultiPoint's second place") << QPointF(68.78, 37.835) << 2010 << u"sites/russia-201st-base"_s;
    QTest::newRow("Djibouti 2020") << QPointF(43.06, 11.59) << 2020 << u"sites/pla-djibouti"_s;
    QTest::newRow("Djibouti 2015") << QPointF(43.06, 11.59) << 2015 << QString();
}

void TestExporter::clickPicksTheSiteDrawnOnTop()
{
    QFETCH(QPointF, place);
    QFETCH(int, year);
    QFETCH(QString, expected);
    loadLayers();
    ViewState view;
    view.centre = place;
    view.metresPerPixel = 6000;
    view.size = QSize(800, 800);
    view.year = year;
    const QPointF at = *m_scene->pixelOf(view, place);
    QCOMPARE(m_scene->featureAt(view, at + QPointF(1, -1)), expected);
    view.hiddenLayers << u"sites"_s; // a hidden layer's symbols take no clicks
    QVERIFY(!m_scene->featureAt(view, at).startsWith(u"sites/"));
    m_scene->setLayers({});
}
