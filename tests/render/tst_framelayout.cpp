// The frame's layout: labels, annotations and legend are placed once per view and shared by every
// pass and hit test, and placed again whenever anything they depend on changes.
#include "atlas.h"
#include "geojsonreader.h"
#include "maprenderer.h"
#include "projectioncatalog.h"
#include "scene.h"
#include "../support/annotations.h"

#include <QImage>
#include <QPainter>
#include <QTest>

#include <functional>

using namespace spheres;
using spheres::testing::callout;
using namespace Qt::StringLiterals;

namespace {

/// Whether two results share their data: the second is the first, kept, not placed again.
template<typename T>
bool isShared(const QList<T> &a, const QList<T> &b)
{
    return !a.isEmpty() && a.constData() == b.constData();
}

} // namespace

class TestFrameLayout : public QObject
{
    Q_OBJECT

    using Change = std::function<void(MapRenderer &, Scene &, ViewState &)>;

private slots:
    void initTestCase()
    {
        Atlas::Result r = Atlas::loadBuiltIn(Atlas::Detail::Coarse);
        QVERIFY2(r.ok(), qPrintable(r.error));
        m_atlas = std::make_shared<const Atlas>(std::move(r.atlas));
        const ProjectionPreset &preset = ProjectionCatalog::defaultPreset();
        m_home = framedView(preset.projection, preset.homeExtent, {1280, 720});
    }

    void placedOncePerView_data()
    {
        QTest::addColumn<Change>("change");
        QTest::addColumn<bool>("placedAgain");
        QTest::newRow("nothing") << Change([](MapRenderer &, Scene &, ViewState &) {}) << false;
        QTest::newRow("the pointer moves") << Change([](MapRenderer &, Scene &, ViewState &v) {
            v.hoveredRegion = u"KAZ"_s;
            v.hoveredFeature = u"pipelines/power-of-siberia"_s;
        }) << false;
        QTest::newRow("the year") << Change([](MapRenderer &, Scene &, ViewState &v) { v.year = 2001; }) << true;
        QTest::newRow("a pan") << Change([](MapRenderer &, Scene &, ViewState &v) { v.centre += QPointF(5, 0); }) << true;
        QTest::newRow("the selection") << Change([](MapRenderer &, Scene &, ViewState &v) { v.selectedRegion = u"MNG"_s; })
                                       << true;
        QTest::newRow("the annotations") << Change([](MapRenderer &r, Scene &, ViewState &) {
            r.setAnnotations({callout(u"b"_s, {87.6, 43.8}, u"Ürümqi"_s)});
        }) << true;
        QTest::newRow("the style") << Change([](MapRenderer &r, Scene &, ViewState &) { r.setStyle(MapStyle::standard()); })
                                   << true;
        QTest::newRow("the legend's keep-clear boxes") << Change([](MapRenderer &r, Scene &, ViewState &) {
            r.setLegendKeepClear({QRectF(0, 600, 400, 120)});
        }) << true;
        QTest::newRow("the scene's layers") << Change([](MapRenderer &, Scene &s, ViewState &) { s.setLayers({}); }) << true;
    }

    void placedOncePerView()
    {
        QFETCH(Change, change);
        QFETCH(bool, placedAgain);
        Scene scene(m_atlas, ProjectionCatalog::defaultPreset().projection);
        MapRenderer renderer;
        renderer.setAnnotations({callout(u"a"_s, {76.9, 43.2}, u"Almaty"_s)});
        ViewState view = m_home;
        QImage image(view.size, QImage::Format_ARGB32_Premultiplied);
        {
            QPainter p(&image);
            renderer.render(p, scene, view);
        }
        // What the frame drew is what the editor's and the legend's hit tests get, not a new placing.
        const QList<PlacedLabel> labels = renderer.labels(scene, view);
        const QList<PlacedAnnotation> annotations = renderer.annotationLayout(scene, view);
        QVERIFY(!labels.isEmpty());
        QCOMPARE(annotations.size(), 1);

        change(renderer, scene, view);
        QCOMPARE(!isShared(labels, renderer.labels(scene, view)), placedAgain);
        QCOMPARE(!isShared(annotations, renderer.annotationLayout(scene, view)), placedAgain);
    }

    // Placed again, the parts follow what changed: the legend leaves a box it must keep clear of,
    // and a label gives way to an annotation's fixed text.
    void placedAgainFollowsTheChange()
    {
        Scene scene(m_atlas, ProjectionCatalog::defaultPreset().projection);
        QStringList errors;
        scene.setLayers(GeoJsonReader::readAllBuiltIn(errors)); // the legend's entries
        MapRenderer renderer;
        const QRectF before = renderer.legendLayout(scene, m_home).box;
        QVERIFY(!before.isEmpty());
        renderer.setLegendKeepClear({before.adjusted(-4, -4, 4, 4)});
        QVERIFY(!renderer.legendLayout(scene, m_home).box.intersects(before));

        const auto named = [&](const QString &text) {
            for (const PlacedLabel &l : renderer.labels(scene, m_home))
                if (l.text == text)
                    return l;
            return PlacedLabel();
        };
        const PlacedLabel mongolia = named(u"Mongolia"_s);
        QVERIFY(!mongolia.text.isEmpty());
        Annotation pin = callout(u"p"_s, {0, 0}, u"Over the label"_s);
        pin.kind = Annotation::Kind::Pin;
        const std::optional<QPointF> lonLat = scene.lonLatAt(m_home, mongolia.box.center());
        QVERIFY(lonLat);
        pin.anchor = *lonLat;
        renderer.setAnnotations({pin});
        QVERIFY(named(u"Mongolia"_s).box != mongolia.box);
    }

    // A copied renderer (an export's) keeps a valid layout of its own.
    void aCopyPlacesWithItsOwnInputs()
    {
        Scene scene(m_atlas, ProjectionCatalog::defaultPreset().projection);
        auto original = std::make_unique<MapRenderer>();
        original->setAnnotations({callout(u"a"_s, {76.9, 43.2}, u"Almaty"_s)});
        QCOMPARE(original->annotationLayout(scene, m_home).size(), 1);
        MapRenderer copy = *original;
        original.reset();
        QCOMPARE(copy.annotationLayout(scene, m_home).size(), 1);
        copy.setAnnotations({});
        QVERIFY(copy.annotationLayout(scene, m_home).isEmpty());
    }

private:
    std::shared_ptr<const Atlas> m_atlas;
    ViewState m_home;
};

QTEST_MAIN(TestFrameLayout)
#include "tst_framelayout.moc"
