#include "atlas.h"
#include "exporter.h"
#include "geojsonreader.h"
#include "layerpainter.h"
#include "maprenderer.h"
#include "projectioncatalog.h"
#include "scene.h"

#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace spheres;

namespace {

bool near(QColor a, QColor b, int tolerance = 6)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

class TestExporter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void pngHasSizeAndMap_data();
    void pngHasSizeAndMap();
    void selectionIsPainted();
    void noAntimeridianBands();
    void layersFollowTheYear_data();
    void layersFollowTheYear();
    void legendListsOnlyVisibleEntries();
    void absurdSizeIsRefused_data();
    void absurdSizeIsRefused();
    void unwritablePathIsNamed();

private:
    std::unique_ptr<Scene> m_scene;
    QTemporaryDir m_dir;
};

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

void TestExporter::legendListsOnlyVisibleEntries()
{
    QStringList errors;
    m_scene->setLayers(GeoJsonReader::readAllBuiltIn(errors));
    ViewState view;
    view.year = 2010;
    QStringList labels;
    for (const auto &swatch : LayerPainter::legend(*m_scene, view))
        labels << swatch.label;
    QVERIFY(labels.contains(QStringLiteral("SCO member")));
    QVERIFY(labels.contains(QStringLiteral("SCO observer")));
    QVERIFY(!labels.contains(QStringLiteral("SCO partner"))); // the category exists from 2025
    view.hiddenLayers = QStringList{QStringLiteral("sco"), QStringLiteral("contested")};
    labels.clear();
    for (const auto &swatch : LayerPainter::legend(*m_scene, view))
        labels << swatch.label;
    QVERIFY(!labels.isEmpty());
    for (const QString &label : labels)
        QVERIFY2(label.contains(QStringLiteral("pipeline")), qPrintable(label));
    m_scene->setLayers({});
}

void TestExporter::absurdSizeIsRefused_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("expected");
    QTest::newRow("too wide") << QSize(40000, 100) << "32767";
    QTest::newRow("empty") << QSize(0, 100) << "empty";
    QTest::newRow("too much memory") << QSize(30000, 30000) << "memory";
}

void TestExporter::absurdSizeIsRefused()
{
    QFETCH(QSize, size);
    QFETCH(QString, expected);
    ViewState view;
    view.projectionId = QStringLiteral("eurasia");
    view.size = size;
    const Exporter::Result result = Exporter::exportPng(MapRenderer(), *m_scene, view, m_dir.filePath(QStringLiteral("x.png")));
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(expected), qPrintable(result.error));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.png"))));
}

void TestExporter::unwritablePathIsNamed()
{
    ViewState view = framedView(ProjectionCatalog::defaultPreset().projection, ProjectionCatalog::defaultPreset().homeExtent,
                                QSize(320, 200));
    const QString path = QStringLiteral("/nonexistent-dir/map.png");
    const Exporter::Result result = Exporter::exportPng(MapRenderer(), *m_scene, view, path);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(path), qPrintable(result.error));
}

QTEST_MAIN(TestExporter)
#include "tst_exporter.moc"
