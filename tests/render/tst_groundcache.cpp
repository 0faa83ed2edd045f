// The window's ground cache: a frame whose background, land and layers have not changed blits
// them and draws the rest on top, and the picture is the one a full render gives; any change
// the ground shows (year, hover, a feature's selection, a layer, the scene, the style) draws it
// again.
#include "atlas.h"
#include "geojsonreader.h"
#include "groundcache.h"
#include "mapstyle.h"
#include "maprenderer.h"
#include "projectioncatalog.h"
#include "scene.h"

#include <QPainter>
#include <QTest>

#include <functional>

using namespace spheres;
using namespace Qt::StringLiterals;

namespace {

using Change = std::function<void(ViewState &, Scene &, MapRenderer &)>;

QImage blank(QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    return image;
}

/// The largest difference of any channel between the two images.
int largestDifference(const QImage &a, const QImage &b)
{
    int most = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            most = std::max({most, std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)), std::abs(qBlue(p) - qBlue(q))});
        }
    return most;
}

} // namespace

Q_DECLARE_METATYPE(Change)

class TestGroundCache : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void aSecondFrameReusesOrRedrawsTheGround_data();
    void aSecondFrameReusesOrRedrawsTheGround();

private:
    std::shared_ptr<const Atlas> m_atlas;
    QList<std::shared_ptr<const Layer>> m_layers;
    std::unique_ptr<Scene> m_scene;
    ViewState m_view;
};

void TestGroundCache::initTestCase()
{
    Atlas::Result atlas = Atlas::loadBuiltIn(Atlas::Detail::Coarse);
    QVERIFY2(atlas.ok(), qPrintable(atlas.error));
    m_atlas = std::make_shared<const Atlas>(std::move(atlas.atlas));
    for (const QString &id : {u"sco"_s, u"pipelines"_s}) {
        GeoJsonReader::Result layer = GeoJsonReader::readBuiltIn(id);
        QVERIFY2(layer.ok(), qPrintable(layer.error));
        m_layers << std::make_shared<const Layer>(std::move(layer.layer));
    }
}

void TestGroundCache::init()
{
    m_scene = std::make_unique<Scene>(m_atlas, ProjectionCatalog::defaultPreset().projection);
    m_scene->setLayers(m_layers);
    const ProjectionPreset &preset = ProjectionCatalog::defaultPreset();
    m_view = framedView(preset.projection, preset.homeExtent, QSize(640, 400));
    m_view.selectedRegion = u"KAZ"_s;
}

void TestGroundCache::aSecondFrameReusesOrRedrawsTheGround_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<bool>("redrawn");
    QTest::newRow("nothing") << Change([](ViewState &, Scene &, MapRenderer &) {}) << false;
    QTest::newRow("another region selected") << Change([](ViewState &v, Scene &, MapRenderer &) { v.selectedRegion = u"MNG"_s; }) << false;
    QTest::newRow("legend folded") << Change([](ViewState &v, Scene &, MapRenderer &) { v.legendCollapsed = true; }) << false;
    QTest::newRow("legend moved") << Change([](ViewState &v, Scene &, MapRenderer &) { v.legendCorner = ViewState::Corner::TopRight; }) << false;
    QTest::newRow("another year") << Change([](ViewState &v, Scene &, MapRenderer &) { v.year = 2001; }) << true;
    QTest::newRow("region hovered") << Change([](ViewState &v, Scene &, MapRenderer &) { v.hoveredRegion = u"CHN"_s; }) << true;
    QTest::newRow("pipeline selected")
        << Change([](ViewState &v, Scene &, MapRenderer &) { v.selectedFeature = u"pipelines/power-of-siberia"_s; }) << true;
    QTest::newRow("layer hidden") << Change([](ViewState &v, Scene &, MapRenderer &) { v.hiddenLayers = {u"sco"_s}; }) << true;
    QTest::newRow("claim lit") << Change([](ViewState &v, Scene &, MapRenderer &) { v.highlightRegions = {u"RUS"_s}; }) << true;
    QTest::newRow("panned") << Change([](ViewState &v, Scene &, MapRenderer &) { v.centre += QPointF(3, 0); }) << true;
    QTest::newRow("layers changed in the scene")
        << Change([this](ViewState &, Scene &s, MapRenderer &) { s.setLayers(m_layers.mid(0, 1)); }) << true;
    QTest::newRow("dark style") << Change([](ViewState &, Scene &, MapRenderer &r) { r.setStyle(MapStyle::dark()); }) << true;
}

void TestGroundCache::aSecondFrameReusesOrRedrawsTheGround()
{
    QFETCH(Change, change);
    QFETCH(bool, redrawn);
    MapRenderer renderer;
    GroundCache cache;
    QImage first = blank(m_view.size);
    {
        QPainter painter(&first);
        cache.paint(painter, renderer, *m_scene, m_view);
    }
    QVERIFY(cache.lastPaintRendered());
    change(m_view, *m_scene, renderer);
    QImage cached = blank(m_view.size), full = blank(m_view.size);
    {
        QPainter painter(&cached);
        cache.paint(painter, renderer, *m_scene, m_view);
    }
    QCOMPARE(cache.lastPaintRendered(), redrawn);
    {
        QPainter painter(&full);
        renderer.render(painter, *m_scene, m_view);
    }
    // The same picture as a render from scratch: a stale ground would differ in whole regions.
    QVERIFY2(largestDifference(cached, full) <= 2, qPrintable(QString::number(largestDifference(cached, full))));
}

QTEST_MAIN(TestGroundCache)
#include "tst_groundcache.moc"
