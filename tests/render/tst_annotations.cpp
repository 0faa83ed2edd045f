#include "annotationpainter.h"
#include "atlas.h"
#include "exporter.h"
#include "exportoptions.h"
#include "labelplacer.h"
#include "maprenderer.h"
#include "projectioncatalog.h"
#include "scene.h"
#include "../support/annotations.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace spheres;
using spheres::testing::callout;
using namespace Qt::StringLiterals;

namespace {

Annotation ofKind(Annotation::Kind kind)
{
    Annotation a;
    a.id = u"a1"_s;
    a.kind = kind;
    a.text = u"Marked"_s;
    a.anchor = {104.0, 52.3};  // Irkutsk
    a.tail = {90.0, 60.0};
    a.points = {{100, 40}, {110, 40}, {110, 46}, {100, 46}};
    a.region = u"MNG"_s;
    return a;
}

/// How many pixels of `image` inside `box` are within `tolerance` of `colour`.
int pixelsLike(const QImage &image, const QRect &box, const QColor &colour, int tolerance = 40)
{
    int n = 0;
    const QRect r = box.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) + std::abs(c.blue() - colour.blue())
                <= tolerance)
                ++n;
        }
    return n;
}

} // namespace

class TestAnnotations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void eachKindIsDrawnAtItsPlace_data();
    void eachKindIsDrawnAtItsPlace();
    void anchorsStayPutThroughAProjectionChange_data();
    void anchorsStayPutThroughAProjectionChange();
    void calloutsAvoidEachOtherAndLabels();
    void manualTextPositionIsKept();
    void longTextWraps();
    void textFollowsTheStyleScale();
    void hiddenAnnotationsAreLeftOut();
    void hitTestFindsTheParts();
    void svgHasAnAnnotationsGroupWithTheText();

private:
    ViewState homeView(QSize size = {1280, 720}) const;
    std::shared_ptr<const Atlas> m_atlas;
    std::unique_ptr<Scene> m_scene;
    QTemporaryDir m_dir;
};

void TestAnnotations::initTestCase()
{
    Atlas::Result r = Atlas::loadBuiltIn(Atlas::Detail::Coarse);
    QVERIFY2(r.ok(), qPrintable(r.error));
    m_atlas = std::make_shared<const Atlas>(std::move(r.atlas));
    m_scene = std::make_unique<Scene>(m_atlas, ProjectionCatalog::defaultPreset().projection);
}

ViewState TestAnnotations::homeView(QSize size) const
{
    const ProjectionPreset &preset = ProjectionCatalog::defaultPreset();
    return framedView(preset.projection, preset.homeExtent, size);
}

void TestAnnotations::eachKindIsDrawnAtItsPlace_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("callout") << int(Annotation::Kind::Callout);
    QTest::newRow("arrow") << int(Annotation::Kind::Arrow);
    QTest::newRow("pin") << int(Annotation::Kind::Pin);
    QTest::newRow("area") << int(Annotation::Kind::Area);
    QTest::newRow("region") << int(Annotation::Kind::Region);
}

void TestAnnotations::eachKindIsDrawnAtItsPlace()
{
    QFETCH(int, kind);
    Annotation a = ofKind(Annotation::Kind(kind));
    a.colour = u"#cc79a7"_s; // reddish purple: in no map fill
    const ViewState view = homeView();
    MapRenderer plain, annotated;
    annotated.setAnnotations({a});
    QImage before(view.size, QImage::Format_ARGB32_Premultiplied), after(before);
    // Without the credit line, whose glyphs may differ by a shade once other text was drawn.
    const auto passes = MapRenderer::kAllPasses & ~MapRenderer::Passes(MapRenderer::Pass::Credits);
    {
        QPainter p(&before);
        plain.render(p, *m_scene, view, passes);
    }
    {
        QPainter p(&after);
        annotated.render(p, *m_scene, view, passes);
    }
    const QList<PlacedAnnotation> placed = annotated.annotationLayout(*m_scene, view);
    QCOMPARE(placed.size(), 1);
    // The mark's colour appears around where it belongs, and was not there before.
    const QRect around = placed[0].bounds().toAlignedRect().adjusted(-16, -16, 16, 16);
    const int was = pixelsLike(before, around, QColor(a.colour)), is = pixelsLike(after, around, QColor(a.colour));
    QVERIFY2(is > was + 20, qPrintable(u"%1 pixels of the colour, %2 before"_s.arg(is).arg(was)));
    // Nothing of it falls outside that place.
    int changedOutside = 0;
    for (int y = 0; y < after.height(); y += 2)
        for (int x = 0; x < after.width(); x += 2)
            if (!around.contains(x, y) && before.pixel(x, y) != after.pixel(x, y))
                ++changedOutside;
    QCOMPARE(changedOutside, 0);
    // The text is in its box.
    QVERIFY(!placed[0].textBox.isEmpty());
    QVERIFY(pixelsLike(after, placed[0].textBox.toAlignedRect(), QColor(0x1f, 0x1f, 0x1f), 60) > 10);
}

void TestAnnotations::anchorsStayPutThroughAProjectionChange_data()
{
    QTest::addColumn<QString>("projection");
    for (const ProjectionPreset &preset : ProjectionCatalog::presets())
        QTest::newRow(qPrintable(preset.projection.id())) << preset.projection.id();
}

void TestAnnotations::anchorsStayPutThroughAProjectionChange()
{
    QFETCH(QString, projection);
    const ProjectionPreset *preset = ProjectionCatalog::find(projection);
    QVERIFY(preset);
    const Scene scene(m_atlas, preset->projection);
    const ViewState view = framedView(preset->projection, preset->homeExtent, QSize(1600, 900));
    MapRenderer renderer;
    Annotation arrow = ofKind(Annotation::Kind::Arrow);
    arrow.id = u"a2"_s;
    renderer.setAnnotations({callout(u"a1"_s, {113.5, 52.03}, u"Chita"_s), arrow});
    const QList<PlacedAnnotation> placed = renderer.annotationLayout(scene, view);
    QCOMPARE(placed.size(), 2);
    // Read back through the inverse projection, each anchor is where it was put, on the ground.
    const auto at = [&](QPointF pixel) { return *scene.lonLatAt(view, pixel); };
    QVERIFY(std::abs(at(placed[0].anchor).x() - 113.5) < 1e-6 && std::abs(at(placed[0].anchor).y() - 52.03) < 1e-6);
    QVERIFY(std::abs(at(placed[1].anchor).x() - 104.0) < 1e-6 && std::abs(at(placed[1].anchor).y() - 52.3) < 1e-6);
    QVERIFY(std::abs(at(placed[1].tail).x() - 90.0) < 1e-6 && std::abs(at(placed[1].tail).y() - 60.0) < 1e-6);
    // Chita is in Russia, 250 km from the border: the anchor lands on Russia in every projection.
    QCOMPARE(scene.regionAt(view, placed[0].anchor), u"RUS"_s);
}

void TestAnnotations::calloutsAvoidEachOtherAndLabels()
{
    const ViewState view = homeView();
    MapRenderer renderer;
    // Three callouts on one spot: their boxes must not pile up.
    renderer.setAnnotations({callout(u"a1"_s, {100, 45}, u"First callout"_s), callout(u"a2"_s, {100, 45}, u"Second callout"_s),
                             callout(u"a3"_s, {100, 45}, u"Third callout"_s)});
    const QList<PlacedAnnotation> placed = renderer.annotationLayout(*m_scene, view);
    QCOMPARE(placed.size(), 3);
    for (int i = 0; i < 3; ++i)
        for (int j = i + 1; j < 3; ++j)
            QVERIFY2(!placed[i].textBox.intersects(placed[j].textBox), qPrintable(u"boxes %1 and %2 overlap"_s.arg(i).arg(j)));
    const QList<PlacedLabel> labels = LabelPlacer::place(m_scene->coarse(), m_scene->worldToScreen(view), view, renderer.style());
    QVERIFY(!labels.isEmpty());
    for (const PlacedAnnotation &p : placed) {
        QVERIFY(QRectF(QPointF(0, 0), QSizeF(view.size)).contains(p.textBox));
        for (const PlacedLabel &label : labels)
            QVERIFY2(!p.textBox.intersects(label.box), qPrintable(u"covers the label %1"_s.arg(label.text)));
    }
}

void TestAnnotations::manualTextPositionIsKept()
{
    const ViewState view = homeView();
    Annotation a = callout(u"a1"_s, {100, 45}, u"Here"_s);
    a.textOffset = QPointF(-150, 80);
    MapRenderer renderer;
    renderer.setAnnotations({a});
    const PlacedAnnotation p = renderer.annotationLayout(*m_scene, view).value(0);
    const QPointF offset = p.textBox.center() - p.anchor;
    QVERIFY(std::abs(offset.x() + 150) < 1e-6 && std::abs(offset.y() - 80) < 1e-6);
}

void TestAnnotations::longTextWraps()
{
    const ViewState view = homeView();
    const QString longText = u"The Power of Siberia pipeline crosses the Amur river here, between Blagoveshchensk and Heihe, "
                             u"and carries Russian gas into north-east China"_s;
    MapRenderer renderer;
    renderer.setAnnotations({callout(u"a1"_s, {100, 45}, longText), callout(u"a2"_s, {80, 60}, u"Short"_s)});
    const QList<PlacedAnnotation> placed = renderer.annotationLayout(*m_scene, view);
    QVERIFY(placed[0].textBox.width() <= AnnotationPainter::kWrapWidth + 12);
    QVERIFY2(placed[0].textBox.height() > 3 * placed[1].textBox.height(), "the long text is on several lines");
}

void TestAnnotations::textFollowsTheStyleScale()
{
    ViewState view = homeView();
    MapRenderer renderer;
    renderer.setAnnotations({callout(u"a1"_s, {100, 45}, u"Scaled text"_s)});
    const QRectF small = renderer.annotationLayout(*m_scene, view).value(0).textBox;
    view.styleScale = 2.0;
    const QRectF large = renderer.annotationLayout(*m_scene, view).value(0).textBox;
    QVERIFY2(large.height() > 1.8 * small.height() && large.width() > 1.8 * small.width(),
             "a 4K export's callout is not a 1080p callout with tiny text");
}

void TestAnnotations::hiddenAnnotationsAreLeftOut()
{
    ViewState view = homeView();
    MapRenderer renderer;
    renderer.setAnnotations({callout(u"a1"_s, {100, 45}, u"One"_s), callout(u"a2"_s, {80, 60}, u"Two"_s)});
    view.hiddenAnnotations = {u"a1"_s};
    const QList<PlacedAnnotation> placed = renderer.annotationLayout(*m_scene, view);
    QCOMPARE(placed.size(), 1);
    QCOMPARE(placed[0].annotation.id, u"a2"_s);
}

void TestAnnotations::hitTestFindsTheParts()
{
    const ViewState view = homeView();
    MapRenderer renderer;
    Annotation arrow = ofKind(Annotation::Kind::Arrow);
    arrow.id = u"a2"_s;
    arrow.text.clear();
    renderer.setAnnotations({callout(u"a1"_s, {120, 35}, u"A callout"_s), arrow});
    const QList<PlacedAnnotation> placed = renderer.annotationLayout(*m_scene, view);
    using Part = AnnotationHit::Part;
    const auto hit = [&](QPointF p) { return AnnotationPainter::hitTest(placed, p); };
    QCOMPARE(hit(placed[0].textBox.center()).part, Part::Text);
    QCOMPARE(hit(placed[0].textBox.center()).id, u"a1"_s);
    QCOMPARE(hit(placed[0].anchor).part, Part::Anchor);
    QCOMPARE(hit(placed[1].anchor).part, Part::Anchor);
    QCOMPARE(hit(placed[1].tail).part, Part::Tail);
    QCOMPARE(hit(placed[1].shape.pointAtPercent(0.5)).part, Part::Body);
    QCOMPARE(hit(placed[1].shape.pointAtPercent(0.5)).id, u"a2"_s);
    QVERIFY(!hit(QPointF(3, 3)));
}

void TestAnnotations::svgHasAnAnnotationsGroupWithTheText()
{
    MapRenderer renderer;
    renderer.setAnnotations({callout(u"a1"_s, {127.53, 50.26}, u"Blagoveshchensk crossing"_s)});
    ExportOptions options;
    options.format = ExportOptions::Format::Svg;
    options.pixelSize = QSize(1280, 720);
    const QString path = m_dir.filePath(u"annotated.svg"_s);
    const Exporter::Result result = Exporter::exportTo(renderer, *m_scene, homeView(), options, path);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    const qsizetype group = svg.indexOf("id=\"annotations\"");
    QVERIFY2(group > 0, "no annotations group");
    const qsizetype text = svg.indexOf("Blagoveshchensk crossing", group);
    QVERIFY2(text > group, "the annotation's text is not text in its group");
    QVERIFY(svg.indexOf("id=\"labels\"") < group); // drawn over the labels
}

QTEST_MAIN(TestAnnotations)
#include "tst_annotations.moc"
