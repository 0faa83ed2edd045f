#include "contextpanel.h"
#include "labelplacer.h"
#include "layerspanel.h"
#include "layerpainter.h"
#include "layerchoicedialog.h"
#include "mainwindow.h"
#include "mapcanvas.h"
#include "membershipcomparison.h"
#include "searchbox.h"
#include "timeslider.h"

#include <QApplication>
#include <QListWidget>
#include <QMenuBar>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QMouseEvent>
#include <QSet>
#include <QTest>
#include <QTreeWidget>

using namespace spheres;
using namespace Qt::StringLiterals;

namespace {

void sendMouse(QWidget *w, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, pos, w->mapToGlobal(pos), type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton,
                      buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &event);
}

/// The widget painted into an image of `ratio` device pixels per logical pixel.
QImage renderAt(QWidget *w, qreal ratio)
{
    QImage image(w->size() * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::white);
    w->render(&image);
    return image;
}

/// The mean difference of two images of the same size inside `box`, per pixel and channel (0–255).
double meanDifference(const QImage &a, const QImage &b, const QRect &box)
{
    const QImage x = a.copy(box).convertToFormat(QImage::Format_RGB888), y = b.copy(box).convertToFormat(QImage::Format_RGB888);
    double sum = 0;
    for (int row = 0; row < x.height(); ++row)
        for (int i = 0; i < x.width() * 3; ++i)
            sum += std::abs(int(x.constScanLine(row)[i]) - int(y.constScanLine(row)[i]));
    return sum / (x.width() * x.height() * 3);
}

/// How much of `image` inside `box` (device pixels) is finer than half its resolution: the mean
/// difference from the image taken down to half size and back up. An image that was painted at
/// half the resolution and scaled up has little such detail.
double fineDetail(const QImage &image, const QRect &box)
{
    const QImage crop = image.copy(box).convertToFormat(QImage::Format_Grayscale8);
    const QImage coarse = crop.scaled(crop.size() / 2, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                              .scaled(crop.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    double sum = 0;
    for (int y = 0; y < crop.height(); ++y)
        for (int x = 0; x < crop.width(); ++x)
            sum += std::abs(int(crop.constScanLine(y)[x]) - int(coarse.constScanLine(y)[x]));
    return sum / (crop.width() * crop.height());
}

} // namespace

class TestMapCanvas : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void clickSelectsRegion_data();
    void clickSelectsRegion();
    void escapeClearsSelection();
    void dragPans();
    void wheelZoomsAboutCursor();
    void zoomingInLoadsFineDetail();
    void projectionChangeKeepsSelection();
    void clickOnPipelineShowsItsFacts();
    void clickOnSiteShowsItsFactsInItsPeriod();
    void regionPanelListsLayerFacts();
    void timelineRedrawsAsOfYear();
    void hiddenLayerIsNotClickable();
    void addLayerFile();
    void addCsvLayerShowsAttributesAsText();
    void layerChoiceStartsAllTicked();
    void addBuiltInBlocLayer();
    void addingTheComparisonHidesItsSources();
    void mapFollowsThePalette_data();
    void mapFollowsThePalette();
    void paintsFineDetailAtPixelRatio2();
    void legendFoldsOnAClickAndMovesOnADrag_data();
    void legendFoldsOnAClickAndMovesOnADrag();
    void clickPicksTheLineDrawnThere();

private:
    MapCanvas *canvas() const { return m_window->canvas(); }
    QPointF pixelOf(QPointF lonLat) const { return *canvas()->scene()->pixelOf(canvas()->view(), lonLat); }
    const Layer *builtIn(const QString &id) const
    {
        for (const auto &layer : canvas()->layers())
            if (layer->id == id)
                return layer.get();
        return nullptr;
    }
    std::unique_ptr<MainWindow> m_window;
};

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
    for (const LayerPainter::Swatch &s : LayerPainter::swatchesFor(csto))
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
    for (const LayerPainter::Swatch &s : LayerPainter::legend(*canvas()->scene(), canvas()->view(), canvas()->renderer().style()))
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
#include "tst_mapcanvas.moc"
