// The drag's frame cache: a drag past the held frame's margin is painted without a whole frame
// rendered on the painting thread; the frame rendered in the background lands and the picture is
// then the one a full render gives; a render the view has left (other than by its centre) is dropped.
#include "atlas.h"
#include "framecache.h"
#include "geojsonreader.h"
#include "groundcache.h"
#include "maprenderer.h"
#include "projectioncatalog.h"
#include "scene.h"

#include <QPainter>
#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace spheres;
using namespace Qt::StringLiterals;

namespace {

using Change = std::function<void(ViewState &)>;

/// The share of pixels where a channel differs by more than `tolerance`.
double differingShare(const QImage &a, const QImage &b, int tolerance)
{
    qsizetype differing = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            if (std::max({std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)), std::abs(qBlue(p) - qBlue(q))}) > tolerance)
                ++differing;
        }
    return double(differing) / (qsizetype(a.width()) * a.height());
}

} // namespace

Q_DECLARE_METATYPE(Change)

class TestFrameCache : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void aDragPastTheMarginNeverRendersHere_data();
    void aDragPastTheMarginNeverRendersHere();
    void aRenderTheViewHasLeftIsDropped_data();
    void aRenderTheViewHasLeftIsDropped();
    void aDragFromTheStillPictureRendersNothingHere_data();
    void aDragFromTheStillPictureRendersNothingHere();
    void aDragLeavesTheStillPictureItsGround_data();
    void aDragLeavesTheStillPictureItsGround();

private:
    /// `m_view` with its centre moved by `pixels` (screen axes).
    ViewState moved(QPointF pixels) const;
    QImage paint(FrameCache &cache, const ViewState &view) const;
    QImage direct(const ViewState &view) const;
    /// Paints `view` until the frames rendered for it have landed; then checks that the picture
    /// is the one a full render gives.
    void settleAndCompare(FrameCache &cache, const ViewState &view) const;

    std::shared_ptr<const Atlas> m_atlas;
    std::unique_ptr<Scene> m_scene;
    MapRenderer m_renderer;
    ViewState m_view;
};

void TestFrameCache::initTestCase()
{
    Atlas::Result atlas = Atlas::loadBuiltIn(Atlas::Detail::Coarse);
    QVERIFY2(atlas.ok(), qPrintable(atlas.error));
    m_atlas = std::make_shared<const Atlas>(std::move(atlas.atlas));
    QList<std::shared_ptr<const Layer>> layers;
    for (const QString &id : {u"sco"_s, u"pipelines"_s}) {
        GeoJsonReader::Result layer = GeoJsonReader::readBuiltIn(id);
        QVERIFY2(layer.ok(), qPrintable(layer.error));
        layers << std::make_shared<const Layer>(std::move(layer.layer));
    }
    const ProjectionPreset &preset = ProjectionCatalog::defaultPreset();
    m_scene = std::make_unique<Scene>(m_atlas, preset.projection);
    m_scene->setLayers(layers);
    m_view = framedView(preset.projection, preset.homeExtent, QSize(640, 400));
    m_view.metresPerPixel /= 2; // zoomed in: the world's edge is nowhere in sight
    m_view.selectedRegion = u"KAZ"_s;
}

ViewState TestFrameCache::moved(QPointF pixels) const
{
    ViewState view = m_view;
    const QPointF c = *m_scene->projection().forward(m_view.centre);
    view.centre = *m_scene->projection().inverse(c + QPointF(pixels.x(), -pixels.y()) * m_view.metresPerPixel);
    return view;
}

QImage TestFrameCache::paint(FrameCache &cache, const ViewState &view) const
{
    QImage image(view.size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    cache.paintPanned(painter, m_renderer, *m_scene, view);
    return image;
}

QImage TestFrameCache::direct(const ViewState &view) const
{
    QImage image(view.size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    m_renderer.render(painter, *m_scene, view);
    return image;
}

void TestFrameCache::settleAndCompare(FrameCache &cache, const ViewState &view) const
{
    QImage picture = paint(cache, view);
    for (int round = 0; round < 10 && (cache.lastPaint().awaiting || !cache.lastPaint().current); ++round) {
        QVERIFY(!cache.lastPaint().renderedHere);
        QTRY_VERIFY(!cache.isRendering()); // its frame lands, and is shown at the next paint
        picture = paint(cache, view);
    }
    QVERIFY(cache.lastPaint().current);
    QVERIFY(!cache.lastPaint().awaiting);
    QVERIFY(!cache.lastPaint().uncovered);
    // The same picture as a render from scratch: a stale or misplaced frame differs in whole regions.
    const double share = differingShare(picture, direct(view), 24);
    QVERIFY2(share < 0.002, qPrintable(QString::number(share)));
}

void TestFrameCache::aDragPastTheMarginNeverRendersHere_data()
{
    QTest::addColumn<QPointF>("step");
    QTest::addColumn<int>("steps");
    QTest::addColumn<bool>("edgeShows"); // a jump past the margin shows the frame's edge until the next lands
    QTest::newRow("10 px steps to the right, 600 px") << QPointF(10, 0) << 60 << false;
    QTest::newRow("10 px steps up and left, 400 px each way") << QPointF(-10, -10) << 40 << false;
    QTest::newRow("one jump of 400 px to the left") << QPointF(-400, 0) << 1 << true;
    QTest::newRow("two jumps of 300 px down") << QPointF(0, 300) << 2 << true;
}

void TestFrameCache::aDragPastTheMarginNeverRendersHere()
{
    QFETCH(QPointF, step);
    QFETCH(int, steps);
    QFETCH(bool, edgeShows);
    FrameCache cache;
    paint(cache, m_view);
    QVERIFY(cache.lastPaint().renderedHere); // the drag's first frame: nothing to move yet
    bool started = false, uncovered = false;
    for (int i = 1; i <= steps; ++i) {
        paint(cache, moved(step * i));
        QVERIFY2(!cache.lastPaint().renderedHere, qPrintable(u"step %1"_s.arg(i)));
        started |= cache.lastPaint().startedRender;
        uncovered |= cache.lastPaint().uncovered;
    }
    QVERIFY(started);
    if (edgeShows)
        QVERIFY(uncovered);
    settleAndCompare(cache, moved(step * steps));
}

void TestFrameCache::aRenderTheViewHasLeftIsDropped_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<bool>("dropped");
    QTest::newRow("only moved on") << Change([this](ViewState &v) { v.centre = moved({230, 0}).centre; }) << false;
    QTest::newRow("zoomed in") << Change([](ViewState &v) { v.metresPerPixel /= 1.5; }) << true;
    QTest::newRow("another year") << Change([](ViewState &v) { v.year = 2001; }) << true;
    QTest::newRow("a layer hidden") << Change([](ViewState &v) { v.hiddenLayers = {u"sco"_s}; }) << true;
    // The selection is drawn over the frame, as over the still picture's ground: a click keeps it.
    QTest::newRow("another region selected") << Change([](ViewState &v) { v.selectedRegion = u"MNG"_s; }) << false;
}

void TestFrameCache::aRenderTheViewHasLeftIsDropped()
{
    QFETCH(Change, change);
    QFETCH(bool, dropped);
    FrameCache cache;
    QSignalSpy landed(&cache, &FrameCache::frameLanded);
    paint(cache, m_view);
    const ViewState nearEdge = moved({200, 0});
    paint(cache, nearEdge);
    QVERIFY(cache.lastPaint().startedRender);
    ViewState changed = nearEdge;
    change(changed);
    QTRY_COMPARE(landed.count(), 1);
    paint(cache, changed);
    QVERIFY(!cache.lastPaint().renderedHere);
    // Dropped: the frame shown is still the first; taken: it is the one rendered at the edge.
    QCOMPARE(cache.heldView().centre == m_view.centre, dropped);
    QCOMPARE(cache.lastPaint().current, !dropped);
    settleAndCompare(cache, changed);
}

void TestFrameCache::aDragFromTheStillPictureRendersNothingHere_data()
{
    QTest::addColumn<QPointF>("step");
    QTest::addColumn<int>("steps");
    QTest::newRow("10 px steps to the right") << QPointF(10, 0) << 30;
    QTest::newRow("10 px steps down and left") << QPointF(-10, 10) << 20;
    QTest::newRow("one jump of 300 px up") << QPointF(0, -300) << 1;
}

/// The window's still picture keeps its ground (GroundCache): a drag starts by moving it, so
/// not even its first frame is rendered on the painting thread.
void TestFrameCache::aDragFromTheStillPictureRendersNothingHere()
{
    QFETCH(QPointF, step);
    QFETCH(int, steps);
    GroundCache ground;
    QImage still(m_view.size, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter painter(&still);
        ground.paint(painter, m_renderer, *m_scene, m_view);
    }
    FrameCache cache;
    cache.startFrom(ground.groundOf(m_renderer, *m_scene, m_view, 1.0), m_renderer, *m_scene, m_view);
    const QImage first = paint(cache, moved(step));
    QVERIFY(!cache.lastPaint().renderedHere);
    QVERIFY(cache.lastPaint().startedRender);
    QVERIFY(!cache.lastPaint().current);
    if (step.manhattanLength() < 50) // the still picture, moved: the same map a step aside
        QVERIFY2(differingShare(first.copy(QRect(40, 40, 560, 320)), direct(moved(step)).copy(QRect(40, 40, 560, 320)), 24) < 0.01,
                 "the first frame of the drag is not the still picture moved");
    for (int i = 2; i <= steps; ++i) {
        paint(cache, moved(step * i));
        QVERIFY2(!cache.lastPaint().renderedHere, qPrintable(u"step %1"_s.arg(i)));
    }
    settleAndCompare(cache, moved(step * steps));
}

void TestFrameCache::aDragLeavesTheStillPictureItsGround_data()
{
    QTest::addColumn<QPointF>("dragged");
    QTest::addColumn<double>("zoomedBy"); // then, before the still picture is painted
    QTest::addColumn<QString>("hovered"); // then, under the pointer
    QTest::addColumn<bool>("cut");        // whether the frame serves the still picture
    QTest::newRow("120 px to the right") << QPointF(120, 0) << 1.0 << QString() << true;
    QTest::newRow("90 px up and left") << QPointF(-90, -90) << 1.0 << QString() << true;
    QTest::newRow("600 px down, past the margin") << QPointF(0, 600) << 1.0 << QString() << true;
    QTest::newRow("zoomed in after the drag") << QPointF(120, 0) << 1.5 << QString() << false;
    // The hover lightens its region in the ground, which a pan's frames never show.
    QTest::newRow("a region hovered after the drag") << QPointF(120, 0) << 1.0 << u"KAZ"_s << false;
}

/// When a drag ends, the still picture takes its ground from the drag's frame rather than
/// rendering it again on the painting thread (130 ms with a large layer); it is the ground a
/// render gives, and a click on a region after it renders no ground either.
void TestFrameCache::aDragLeavesTheStillPictureItsGround()
{
    QFETCH(QPointF, dragged);
    QFETCH(double, zoomedBy);
    QFETCH(QString, hovered);
    QFETCH(bool, cut);
    FrameCache cache;
    paint(cache, m_view);
    ViewState released = moved(dragged);
    settleAndCompare(cache, released);
    released.metresPerPixel /= zoomedBy;
    released.hoveredRegion = hovered;
    const QImage ground = cache.groundFor(m_renderer, *m_scene, released, 1.0);
    QCOMPARE(!ground.isNull(), cut);
    if (!cut)
        return;
    QCOMPARE(ground.size(), released.size);
    GroundCache still;
    still.adopt(ground, m_renderer, *m_scene, released);
    ViewState clicked = released;
    clicked.selectedRegion = u"MNG"_s;
    QImage picture(released.size, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter painter(&picture);
        still.paint(painter, m_renderer, *m_scene, clicked);
    }
    QVERIFY(!still.lastPaintRendered());
    const double share = differingShare(picture, direct(clicked), 24);
    QVERIFY2(share < 0.002, qPrintable(QString::number(share)));
}

QTEST_MAIN(TestFrameCache)
#include "tst_framecache.moc"
