// A user's layer of many small features, drawn from tiles simplified for the zoom: nothing
// vanishes, the picture matches the one drawn feature by feature, vertices thin out as the map
// zooms out, the simplified paths are kept per octave of zoom, SVG holds the layer, and clicks
// find features through the R-tree.
#include "atlas.h"
#include "dotpainter.h"
#include "exporter.h"
#include "layerdetail.h"
#include "projectedareas.h"
#include "maprenderer.h"
#include "projectioncatalog.h"
#include "scene.h"
#include "tiledlayerpainter.h"

#include <QPainter>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numbers>

using namespace spheres;
using namespace Qt::StringLiterals;

namespace {

/// A clockwise ring (Boost's orientation) of `vertices` round (lon, lat), `radius` degrees.
Ring circle(double lon, double lat, double radius, int vertices)
{
    Ring ring;
    for (int i = 0; i <= vertices; ++i) {
        const double a = -2 * std::numbers::pi * (i % vertices) / vertices;
        ring.push_back(Point(lon + radius * std::cos(a), lat + radius * std::sin(a)));
    }
    return ring;
}

/// A user's layer of `side`² squares of `size` degrees, one degree apart, from (60, 40), and a site.
std::shared_ptr<const Layer> parcels(int side, double size)
{
    Layer layer;
    layer.id = u"parcels"_s;
    layer.title = u"Parcels"_s;
    layer.kind = LayerKind::Generic;
    for (int i = 0; i < side * side; ++i) {
        const double lon = 60.0 + i % side, lat = 40.0 + i / side;
        Feature f;
        f.id = f.name = u"parcel-%1"_s.arg(i);
        Polygon square;
        square.outer() = {Point(lon, lat), Point(lon, lat + size), Point(lon + size, lat + size), Point(lon + size, lat), Point(lon, lat)};
        f.area.push_back(square);
        layer.features.push_back(f);
    }
    Feature site;
    site.id = site.name = u"site"_s;
    site.points.push_back(Point(60.5 + side, 40.5));
    layer.features.push_back(site);
    return std::make_shared<const Layer>(std::move(layer));
}

int channelDifference(QRgb a, QRgb b)
{
    return std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)), std::abs(qBlue(a) - qBlue(b))});
}

/// The largest difference of the two images in the 3×3 pixels round `pixel`.
int differenceNear(const QImage &a, const QImage &b, QPointF pixel)
{
    int most = 0;
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
            const QPoint p = pixel.toPoint() + QPoint(dx, dy);
            if (QRect(QPoint(0, 0), a.size()).contains(p))
                most = std::max(most, channelDifference(a.pixel(p), b.pixel(p)));
        }
    return most;
}

/// The map and its layers without labels, legend or credits, which would cover some features.
QImage mapOnly(const Scene &scene, const ViewState &view)
{
    QImage image(view.size, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    using Pass = MapRenderer::Pass;
    MapRenderer().render(painter, scene, view, MapRenderer::Passes(Pass::Background) | Pass::Land | Pass::Layers);
    return image;
}

double shoelaceArea(const QPainterPath &path)
{
    double sum = 0;
    for (const QPolygonF &ring : path.toSubpathPolygons())
        for (qsizetype i = 1; i < ring.size(); ++i)
            sum += ring[i - 1].x() * ring[i].y() - ring[i].x() * ring[i - 1].y();
    return std::abs(sum) / 2;
}

} // namespace

class TestLargeLayers : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyFeatureShows_data();
    void everyFeatureShows();
    void tilesDrawWhatFeaturesDraw();
    void verticesThinAsTheMapZoomsOut();
    void simplifiedPathsAreKeptPerOctave();
    void partialHighlightDrawsFeatureByFeature();
    void svgHoldsTheLayer();
    void clicksFindFeaturesThroughTheIndex();
    void dotPixelSpans_data();
    void dotPixelSpans();
    void pixelDotsLookLikeTheirPath_data();
    void pixelDotsLookLikeTheirPath();
    void areasAnswerAsTheirPaths_data();
    void areasAnswerAsTheirPaths();

private:
    ViewState viewOn(double metresPerPixel) const;
    std::shared_ptr<const Atlas> m_atlas;
    std::unique_ptr<Scene> m_scene;
};

void TestLargeLayers::initTestCase()
{
    Atlas::Result atlas = Atlas::loadBuiltIn(Atlas::Detail::Coarse);
    QVERIFY2(atlas.ok(), qPrintable(atlas.error));
    m_atlas = std::make_shared<const Atlas>(std::move(atlas.atlas));
    m_scene = std::make_unique<Scene>(m_atlas, ProjectionCatalog::defaultPreset().projection);
}

ViewState TestLargeLayers::viewOn(double metresPerPixel) const
{
    ViewState view;
    view.projectionId = m_scene->projection().id();
    view.centre = QPointF(70, 50);
    view.metresPerPixel = metresPerPixel;
    view.size = QSize(800, 600);
    return view;
}

void TestLargeLayers::everyFeatureShows_data()
{
    QTest::addColumn<double>("size");
    QTest::addColumn<double>("metresPerPixel");
    QTest::newRow("dots: under a pixel") << 0.005 << 6000.0;
    QTest::newRow("specks: two pixels") << 0.06 << 3000.0;
    QTest::newRow("outlines: twenty pixels") << 0.3 << 1500.0;
}

void TestLargeLayers::everyFeatureShows()
{
    QFETCH(double, size);
    QFETCH(double, metresPerPixel);
    const auto layer = parcels(20, size);
    m_scene->setLayers({layer});
    const ViewState view = viewOn(metresPerPixel);
    ViewState without = view;
    without.hiddenLayers << layer->id;
    const QImage with = mapOnly(*m_scene, view), bare = mapOnly(*m_scene, without);
    int inView = 0, shown = 0;
    for (const Feature &f : layer->features) {
        if (f.area.empty())
            continue;
        const Point &corner = f.area.front().outer().front();
        const auto pixel = m_scene->pixelOf(view, QPointF(corner.x() + size / 2, corner.y() + size / 2));
        QVERIFY(pixel);
        if (!QRectF(QPointF(2, 2), QSizeF(view.size) - QSizeF(4, 4)).contains(*pixel))
            continue;
        ++inView;
        if (differenceNear(with, bare, *pixel) > 20)
            ++shown;
    }
    QVERIFY2(inView > 100, qPrintable(QString::number(inView)));
    QCOMPARE(shown, inView); // none skipped, however small
}

void TestLargeLayers::tilesDrawWhatFeaturesDraw()
{
    const auto layer = parcels(20, 0.3);
    m_scene->setLayers({layer});
    const ViewState tiled = viewOn(1500);
    QVERIFY(TiledLayerPainter::applies(m_scene->layers().front(), tiled));
    ViewState oneByOne = tiled; // every feature lit by name: drawn one by one, all at full strength
    for (const Feature &f : layer->features)
        oneByOne.highlightFeatures << layer->id + u'/' + f.id;
    QVERIFY(!TiledLayerPainter::applies(m_scene->layers().front(), oneByOne));
    oneByOne.highlightRegions = QStringList(); // the land is not dimmed: only features are lit
    const MapRenderer renderer;
    ViewState tiledLit = tiled;
    tiledLit.highlightFeatures = QStringList{layer->id}; // the same land dimming, drawn from tiles
    QVERIFY(TiledLayerPainter::applies(m_scene->layers().front(), tiledLit));
    const QImage a = Exporter::renderImage(renderer, *m_scene, tiledLit), b = Exporter::renderImage(renderer, *m_scene, oneByOne);
    qint64 differing = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            differing += channelDifference(a.pixel(x, y), b.pixel(x, y)) > 48 ? 1 : 0;
    QVERIFY2(differing < a.width() * a.height() / 200, qPrintable(u"%1 pixels differ"_s.arg(differing)));
}

void TestLargeLayers::verticesThinAsTheMapZoomsOut()
{
    Layer layer;
    layer.id = u"round"_s;
    layer.kind = LayerKind::Generic;
    Feature f;
    f.id = u"disc"_s;
    Polygon disc;
    disc.outer() = circle(70, 50, 2.0, 2000);
    f.area.push_back(disc);
    layer.features.push_back(f);
    m_scene->setLayers({std::make_shared<const Layer>(layer)});
    const ProjectedLayer &pl = m_scene->layers().front();
    const double original = shoelaceArea(pl.areas.path(0));
    qsizetype coarseVertices = 0, fineVertices = 0;
    for (const double mpp : {20000.0, 200.0}) {
        const LayerDetail detail(pl, mpp);
        QCOMPARE(detail.tiles().size(), 1);
        const QPainterPath &fills = detail.tiles().front().fills;
        (mpp > 1000 ? coarseVertices : fineVertices) = fills.elementCount();
        QVERIFY2(std::abs(shoelaceArea(fills) - original) < 0.02 * original, qPrintable(u"at %1 m/px"_s.arg(mpp)));
    }
    QVERIFY2(coarseVertices < 120, qPrintable(QString::number(coarseVertices))); // ~22 px across: a few dozen vertices
    QVERIFY2(fineVertices > 4 * coarseVertices && fineVertices <= 2001, qPrintable(QString::number(fineVertices)));
}

void TestLargeLayers::simplifiedPathsAreKeptPerOctave()
{
    m_scene->setLayers({parcels(5, 0.3)});
    const ProjectedLayer &pl = m_scene->layers().front();
    const auto a = pl.detail->at(pl, 1100), b = pl.detail->at(pl, 1900), c = pl.detail->at(pl, 2100);
    QCOMPARE(a.get(), b.get()); // one octave: 1024–2048 m/px
    QVERIFY(a.get() != c.get());
    QCOMPARE(a->finestMetresPerPixel(), 1024.0);
    // A copy of the projected layer (a scene rebuilt with the same layers) shares the cache.
    m_scene->setLayers({pl.layer});
    QCOMPARE(m_scene->layers().front().detail->at(m_scene->layers().front(), 1500).get(), a.get());
}

void TestLargeLayers::partialHighlightDrawsFeatureByFeature()
{
    const auto layer = parcels(4, 0.3);
    m_scene->setLayers({layer});
    ViewState view = viewOn(1500);
    view.centre = QPointF(62, 41.5);
    view.highlightFeatures << u"parcels/parcel-3"_s;
    QVERIFY(!TiledLayerPainter::applies(m_scene->layers().front(), view));
    // The lit parcel is drawn stronger than the others.
    view.highlightRegions << u"KAZ"_s;
    const QImage image = Exporter::renderImage(MapRenderer(), *m_scene, view);
    ViewState bare = view;
    bare.hiddenLayers << layer->id;
    const QImage base = Exporter::renderImage(MapRenderer(), *m_scene, bare);
    const auto centre = [&](int i) { return *m_scene->pixelOf(view, QPointF(60.15 + i % 4, 40.15 + i / 4)); };
    QVERIFY(differenceNear(image, base, centre(3)) > differenceNear(image, base, centre(2)));
}

void TestLargeLayers::svgHoldsTheLayer()
{
    const auto layer = parcels(10, 0.3);
    m_scene->setLayers({layer});
    QTemporaryDir dir;
    const QString path = dir.filePath(u"large.svg"_s);
    ExportOptions options;
    options.format = ExportOptions::Format::Svg;
    options.showLegend = false;
    const ViewState view = viewOn(1500);
    const Exporter::Result result = Exporter::exportTo(MapRenderer(), *m_scene, view, options, path);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QSvgRenderer svg(path);
    QVERIFY(svg.isValid());
    QVERIFY(svg.elementExists(u"layer-parcels"_s));
    QImage drawn(svg.defaultSize(), QImage::Format_ARGB32_Premultiplied);
    drawn.fill(Qt::white);
    QPainter painter(&drawn);
    svg.render(&painter, u"layer-parcels"_s, svg.boundsOnElement(u"layer-parcels"_s));
    painter.end();
    // Every parcel is in the layer's group, where it belongs.
    QImage blank(drawn.size(), drawn.format());
    blank.fill(Qt::white);
    const QRectF group = svg.boundsOnElement(u"layer-parcels"_s);
    QVERIFY2(group.width() > 50 && group.height() > 50, qPrintable(u"%1x%2"_s.arg(group.width()).arg(group.height())));
    QVERIFY(drawn != blank);
}

void TestLargeLayers::clicksFindFeaturesThroughTheIndex()
{
    const auto layer = parcels(30, 0.5);
    m_scene->setLayers({layer});
    const ViewState view = viewOn(1500);
    for (const int i : {0, 17, 450, 899}) {
        const auto pixel = m_scene->pixelOf(view, QPointF(60.25 + i % 30, 40.25 + i / 30));
        QVERIFY(pixel);
        QCOMPARE(m_scene->featureAt(view, *pixel, 2.0), u"parcels/parcel-%1"_s.arg(i));
        // Between parcels, nothing within two pixels.
        const auto gap = m_scene->pixelOf(view, QPointF(60.75 + i % 30, 40.75 + i / 30));
        QCOMPARE(m_scene->featureAt(view, *gap, 2.0), QString());
    }
    const auto site = m_scene->pixelOf(view, QPointF(90.5, 40.5));
    QCOMPARE(m_scene->featureAt(view, *site + QPointF(2, 1)), u"parcels/site"_s);
    const auto [projected, index] = m_scene->findFeature(u"parcels/parcel-450"_s);
    QVERIFY(projected);
    QCOMPARE(index, 450);
}


void TestLargeLayers::dotPixelSpans_data()
{
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("end");
    QTest::newRow("two pixels' centres") << 0.2 << 2.0 << 0 << 2;
    QTest::newRow("one centre") << 0.6 << 1.6 << 1 << 2;
    QTest::newRow("no centre: the nearest pixel") << 0.6 << 1.4 << 1 << 2;
    QTest::newRow("centres on both edges: the far one") << 0.5 << 2.5 << 1 << 3;
    QTest::newRow("backwards (a flipped axis)") << 2.0 << 0.2 << 0 << 2;
    QTest::newRow("negative") << -3.4 << -1.6 << -3 << -2;
}

void TestLargeLayers::dotPixelSpans()
{
    QFETCH(double, from);
    QFETCH(double, to);
    int first = 0, end = 0;
    DotPainter::pixelSpan(from, to, first, end);
    QTEST(first, "first");
    QTEST(end, "end");
}

void TestLargeLayers::pixelDotsLookLikeTheirPath_data()
{
    QTest::addColumn<double>("metresPerPixel");
    QTest::addColumn<double>("centreShift"); ///< degrees: the grid of dots lands off the pixels
    QTest::addColumn<double>("pixelRatio");
    QTest::addColumn<double>("opacity");
    QTest::newRow("octave's finest") << 4096.0 << 0.0 << 1.0 << 1.0;
    QTest::newRow("mid-octave, shifted") << 6000.0 << 0.0123 << 1.0 << 1.0;
    QTest::newRow("octave's coarsest, shifted") << 8150.0 << 0.0371 << 1.0 << 1.0;
    QTest::newRow("high density screen") << 6000.0 << 0.0123 << 2.0 << 1.0;
    QTest::newRow("translucent layer") << 6000.0 << 0.0077 << 1.0 << 0.6;
}

/// Dots set as pixels against the same dots filled as a path of squares: the rasteriser rounds
/// a square's edges with more precision, so a dot may stand a pixel off; none further, and the
/// two cover as many pixels, within 5 %.
void TestLargeLayers::pixelDotsLookLikeTheirPath()
{
    QFETCH(double, metresPerPixel);
    QFETCH(double, centreShift);
    QFETCH(double, pixelRatio);
    QFETCH(double, opacity);
    const auto layer = parcels(30, 0.005);
    m_scene->setLayers({layer});
    ViewState view = viewOn(metresPerPixel);
    view.centre += QPointF(centreShift, centreShift / 2);
    view.layerOpacity.insert(layer->id, opacity);
    const ProjectedLayer &pl = m_scene->layers().front();
    QVERIFY(TiledLayerPainter::applies(pl, view));
    const MapRenderer renderer;
    const auto draw = [&](DotPainter::Method method) {
        QImage image(view.size * pixelRatio, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(pixelRatio);
        image.fill(QColor(240, 235, 220));
        QPainter painter(&image);
        TiledLayerPainter::paint(painter, pl, view, m_scene->worldToScreen(view), renderer.style().layers, method);
        return image;
    };
    const QImage pixels = draw(DotPainter::Method::Pixels), path = draw(DotPainter::Method::Path);
    const QRgb ground = QColor(240, 235, 220).rgba();
    const auto foundNear = [](const QImage &image, int x, int y, QRgb colour) { // within a pixel
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx)
                if (image.valid(x + dx, y + dy) && channelDifference(image.pixel(x + dx, y + dy), colour) <= 48)
                    return true;
        return false;
    };
    qint64 byPixels = 0, byPath = 0, misplaced = 0;
    for (int y = 0; y < path.height(); ++y)
        for (int x = 0; x < path.width(); ++x) {
            const QRgb a = pixels.pixel(x, y), b = path.pixel(x, y);
            byPixels += a != ground ? 1 : 0;
            byPath += b != ground ? 1 : 0;
            misplaced += !foundNear(path, x, y, a) || !foundNear(pixels, x, y, b) ? 1 : 0;
        }
    QVERIFY2(byPath > 500, qPrintable(QString::number(byPath))); // the dots are there
    QCOMPARE(misplaced, 0);
    QVERIFY2(std::abs(byPixels - byPath) <= byPath / 20, qPrintable(u"%1 pixels against %2"_s.arg(byPixels).arg(byPath)));
}

/// A layer's areas are kept as points, not paths: what a hit test, a legend and a frame ask of
/// them must be what the path they stand for answers. One feature is a square with a square
/// hole and a second, separate square.
void TestLargeLayers::areasAnswerAsTheirPaths_data()
{
    QTest::addColumn<QRectF>("rect");
    QTest::addColumn<bool>("meets");
    QTest::newRow("inside the outline") << QRectF(1, 1, 1, 1) << true;
    QTest::newRow("inside the hole") << QRectF(4.5, 4.5, 1, 1) << false;
    QTest::newRow("round the whole feature") << QRectF(-5, -5, 40, 40) << true;
    QTest::newRow("across one edge") << QRectF(-1, 3, 2, 1) << true;
    QTest::newRow("a thin strip across it, no vertex inside") << QRectF(-1, 0.5, 12, 0.1) << true;
    QTest::newRow("between the two squares") << QRectF(12, 2, 5, 5) << false;
    QTest::newRow("inside the second square") << QRectF(21, 21, 2, 2) << true;
    QTest::newRow("outside everything") << QRectF(40, 40, 3, 3) << false;
}

void TestLargeLayers::areasAnswerAsTheirPaths()
{
    QFETCH(QRectF, rect);
    QFETCH(bool, meets);
    const auto square = [](double x, double y, double side) {
        Ring r{{x, y}, {x, y + side}, {x + side, y + side}, {x + side, y}, {x, y}};
        return r;
    };
    Polygon holed;
    holed.outer() = square(0, 0, 10);
    holed.inners().push_back(square(3, 3, 4));
    Polygon second;
    second.outer() = square(20, 20, 5);
    ProjectedAreas areas;
    areas.append(MultiPolygon{});
    areas.append(MultiPolygon{holed, second});
    const ProjectedAreas joined = ProjectedAreas::joined({areas, areas}); // parts joined keep their places
    QCOMPARE(joined.size(), 4);
    QVERIFY(joined.isEmpty(0) && joined.isEmpty(2));
    QVERIFY(joined.bounds(0).isNull());
    QPainterPath path; // what the areas stand for, drawn ring by ring: each closed, holes odd-even
    for (const Ring *ring : {&holed.outer(), &holed.inners().front(), &second.outer()}) {
        path.moveTo(ring->front().x(), ring->front().y());
        for (size_t k = 1; k < ring->size(); ++k)
            path.lineTo((*ring)[k].x(), (*ring)[k].y());
        path.closeSubpath();
    }
    QCOMPARE(pathOfAreas(MultiPolygon{holed, second}), path);
    for (const int i : {1, 3}) {
        QCOMPARE(joined.path(i), path);
        QCOMPARE(joined.bounds(i), path.controlPointRect());
        QCOMPARE(joined.intersects(i, rect), meets);
        QCOMPARE(joined.intersects(i, rect), path.intersects(rect));
        QCOMPARE(joined.contains(i, rect.center()), path.contains(rect.center()));
    }
}

QTEST_MAIN(TestLargeLayers)
#include "tst_largelayers.moc"
