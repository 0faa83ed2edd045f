#include "atlas.h"
#include "briefingpack.h"
#include "exporter.h"
#include "exportoptions.h"
#include "geojsonreader.h"
#include "layerpainter.h"
#include "mapfurniture.h"
#include "membershipcomparison.h"
#include "maprenderer.h"
#include "polylinestroker.h"
#include "projectioncatalog.h"
#include "safetext.h"
#include "scene.h"
#include "sourcenumbering.h"
#include "viewlimits.h"
#include "../support/fulldisk.h"
#include "../support/pdftext.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>

#include <numeric>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>
#include <functional>
#include <numbers>

using namespace spheres;
using namespace Qt::StringLiterals;

namespace {

bool near(QColor a, QColor b, int tolerance = 6)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The ids of an SVG's groups, and the text of its <text> elements by the id of the
/// outermost named group they are in.
struct SvgOutline
{
    QStringList groups;
    QHash<QString, QStringList> texts;
    QString error;
};

SvgOutline outline(const QByteArray &svg)
{
    SvgOutline out;
    QXmlStreamReader xml(svg);
    QString group;
    int depth = 0, groupDepth = -1;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            if (xml.name() == u"g" && groupDepth < 0 && xml.attributes().hasAttribute(u"id"_s)) {
                group = xml.attributes().value(u"id"_s).toString();
                groupDepth = depth;
                out.groups << group;
            } else if (xml.name() == u"text") {
                out.texts[group] << xml.readElementText(QXmlStreamReader::IncludeChildElements);
                --depth;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (depth == groupDepth) {
                groupDepth = -1;
                group.clear();
            }
            --depth;
        }
    }
    if (xml.hasError())
        out.error = xml.errorString();
    return out;
}

/// The bounding box of the pixels in which two pictures differ.
QRect difference(const QImage &a, const QImage &b)
{
    QRect box;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            if (!near(a.pixelColor(x, y), b.pixelColor(x, y), 2))
                box |= QRect(x, y, 1, 1);
    return box;
}


/// The length of `path`'s segments inside `rect`, by bisecting each segment against it.
double lengthInside(const QPainterPath &path, const QRectF &rect)
{
    const std::function<double(QPointF, QPointF, int)> inside = [&](QPointF a, QPointF b, int depth) -> double {
        if (!std::isfinite(a.x() + a.y() + b.x() + b.y()))
            return 0;
        const QRectF box = QRectF(a, b).normalized();
        if (box.right() < rect.left() || box.left() > rect.right() || box.bottom() < rect.top() || box.top() > rect.bottom())
            return 0;
        const double length = QLineF(a, b).length();
        if ((rect.contains(a) && rect.contains(b)) || depth > 1100)
            return length;
        const QPointF mid = (a + b) / 2;
        return inside(a, mid, depth + 1) + inside(mid, b, depth + 1);
    };
    double length = 0;
    for (const QPolygonF &line : path.toSubpathPolygons())
        for (qsizetype i = 1; i < line.size(); ++i)
            length += inside(line[i - 1], line[i], 0);
    return length;
}

qsizetype dashCount(const QList<QList<QPolygonF>> &lists)
{
    qsizetype n = 0;
    for (const QList<QPolygonF> &list : lists)
        n += list.size();
    return n;
}
} // namespace

class TestExporter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void pngHasSizeAndMap_data();
    void pngHasSizeAndMap();
    void everyProjectionFillsLandAndSea_data();
    void everyProjectionFillsLandAndSea();
    void selectionIsPainted();
    void noAntimeridianBands();
    void layersFollowTheYear_data();
    void layersFollowTheYear();
    void heldAreasTakeNoHoldersColour_data();
    void heldAreasTakeNoHoldersColour();
    void legendListsOnlyVisibleEntries();
    void comparisonOfBlocsIsDrawn_data();
    void comparisonOfBlocsIsDrawn();
    void comparisonLegendHasAnEntryPerCombination();
    void blocsHaveColoursOfTheirOwn();
    void zoneShowsEachClaimant_data();
    void zoneShowsEachClaimant();
    void legendListsClaimantsInView_data();
    void legendListsClaimantsInView();
    void fastStrokesLookLikeQts_data();
    void fastStrokesLookLikeQts();
    void dashesAreBoundedByTheVisibleLength_data();
    void dashesAreBoundedByTheVisibleLength();
    void dashesInsideAreAsIfAllWereVisible();
    void pipelinesAtTheFinestScaleCutFewDashes();
    void absurdSizeIsRefused_data();
    void absurdSizeIsRefused();
    void unwritablePathIsNamed();
    void styleScaleFollowsTheOutput_data();
    void styleScaleFollowsTheOutput();
    void eachFormatOpens_data();
    void eachFormatOpens();
    void fourKIsScaledUp();
    void exportedLegendListsVisibleEntries_data();
    void exportedLegendListsVisibleEntries();
    void creditsNameTheVisibleSources();
    void roundLengths_data();
    void roundLengths();
    void scaleBarMeasuresTheGround();
    void absurdOptionsAreRefused_data();
    void absurdOptionsAreRefused();
    void unwritablePathIsNamedInEveryFormat_data();
    void unwritablePathIsNamedInEveryFormat();
    void briefingPackDrawsTheViewsCharts_data();
    void briefingPackDrawsTheViewsCharts();
    void chartCellsShareTheArea_data();
    void chartCellsShareTheArea();
    void focusedClaimsGroupIsOutlinedAsOne_data();
    void focusedClaimsGroupIsOutlinedAsOne();
    void briefingPackNamesAClaimsGroups();
    void briefingPackListsTheClaimsOfASelectedRegionsGroups();
    void briefingPackFlowsLongTextOntoMorePages_data();
    void briefingPackFlowsLongTextOntoMorePages();
    void fullDiskKeepsTheOldFiles_data();
    void fullDiskKeepsTheOldFiles();
    void resultSaysHowAnExportEnded_data();
    void resultSaysHowAnExportEnded();
    void sitesShowInTheirPeriod_data();
    void sitesShowInTheirPeriod();
    void clickPicksTheSiteDrawnOnTop_data();
    void clickPicksTheSiteDrawnOnTop();
    void svgHasTheSitesGroupAndNames();
    void hostileTextStaysTextInSvg_data();
    void hostileTextStaysTextInSvg();
    void xmlDropsWhatXmlCannotHold_data();
    void xmlDropsWhatXmlCannotHold();
    void exportShowsTheCanvasGround_data();
    void exportShowsTheCanvasGround();
    void presetsHaveOneHome_data();
    void presetsHaveOneHome();
    void creditsTakeACorner_data();
    void creditsTakeACorner();
    void legendKeepsClearOfTheTitle_data();
    void legendKeepsClearOfTheTitle();

private:
    void loadLayers();
    ViewState homeView(QSize size) const;

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

void TestExporter::everyProjectionFillsLandAndSea_data()
{
    QTest::addColumn<QString>("projection");
    QTest::addColumn<QString>("format");
    for (const QString &id : ProjectionCatalog::ids())
        for (const QString &format : {u"png"_s, u"svg"_s})
            QTest::newRow(qPrintable(id + u' ' + format)) << id << format;
}

void TestExporter::everyProjectionFillsLandAndSea()
{
    // A conic map once dropped the points it could not project near the south pole, and
    // Antarctica's ring closed across the whole map: no sea, no land tone, no choropleth.
    QFETCH(QString, projection);
    QFETCH(QString, format);
    Atlas::Result r = Atlas::loadBuiltIn(Atlas::Detail::Coarse);
    const ProjectionPreset &preset = *ProjectionCatalog::find(projection);
    const Scene scene(std::make_shared<Atlas>(std::move(r.atlas)), preset.projection);
    const ViewState view = framedView(preset.projection, preset.homeExtent, QSize(800, 500));
    QImage image;
    if (format == u"png") {
        image = Exporter::renderImage(MapRenderer(), scene, view);
    } else {
        ExportOptions options;
        options.format = ExportOptions::Format::Svg;
        options.pixelSize = view.size;
        options.showLegend = options.showScaleBar = options.showCredits = false;
        QSvgRenderer svg(Exporter::svgDocument(MapRenderer(), scene, options.fitted(view), options));
        QVERIFY(svg.isValid());
        image = QImage(view.size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        svg.render(&painter);
    }
    const MapStyle &style = MapStyle::standard();
    const QPointF beijing = *scene.pixelOf(view, {116.40, 39.90});
    QVERIFY2(near(image.pixelColor(beijing.toPoint()), style.land), "no land tone in Beijing");
    const QPointF bayOfBengal = *scene.pixelOf(view, {88.0, 14.0});
    QVERIFY2(near(image.pixelColor(bayOfBengal.toPoint()), style.ocean), "no sea in the Bay of Bengal");
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

void TestExporter::heldAreasTakeNoHoldersColour_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<QPointF>("place");
    QTest::addColumn<bool>("scoColoured");
    // Crimea is Ukraine's on the base map (resources/basemap/sovereignty.json): never SCO.
    QTest::newRow("Simferopol 2010") << 2010 << QPointF(34.10, 44.95) << false;
    QTest::newRow("Simferopol 2024") << 2024 << QPointF(34.10, 44.95) << false;
    QTest::newRow("Sevastopol 2010") << 2010 << QPointF(33.60, 44.55) << false;
    QTest::newRow("Kerch peninsula 2020") << 2020 << QPointF(35.90, 45.25) << false;
    // Zones whose holder is a member and a claimant is not: the holder's colour gives way.
    QTest::newRow("Iturup 2024 (held by Russia, claimed by Japan)") << 2024 << QPointF(147.90, 45.05) << false;
    QTest::newRow("Aksai Chin 2010 (India an observer)") << 2010 << QPointF(79.30, 35.20) << false;
    // …but where every claimant shares the status, the area takes it.
    QTest::newRow("Aksai Chin 2020 (both members)") << 2020 << QPointF(79.30, 35.20) << true;
    QTest::newRow("Moscow 2024") << 2024 << QPointF(37.62, 55.75) << true;
    QTest::newRow("Taman peninsula 2024") << 2024 << QPointF(37.20, 45.20) << true;
}

void TestExporter::heldAreasTakeNoHoldersColour()
{
    QFETCH(int, year);
    QFETCH(QPointF, place);
    QFETCH(bool, scoColoured);
    QStringList errors;
    m_scene->setLayers(GeoJsonReader::readAllBuiltIn(errors));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    ViewState view;
    view.centre = place;
    view.metresPerPixel = 3000;
    view.size = QSize(800, 800); // the legend and credits keep to the corners
    view.year = year;
    view.hiddenLayers = QStringList{QStringLiteral("contested"), QStringLiteral("pipelines")}; // the rule holds with the zones hidden
    const QImage image = Exporter::renderImage(MapRenderer(), *m_scene, view);
    const QColor at = image.pixelColor(m_scene->pixelOf(view, place)->toPoint());
    QCOMPARE(!near(at, MapStyle::standard().land), scoColoured);
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
    view.hiddenLayers = QStringList{QStringLiteral("sco"), QStringLiteral("contested"), QStringLiteral("sites")};
    labels.clear();
    for (const auto &swatch : LayerPainter::legend(*m_scene, view))
        labels << swatch.label;
    QVERIFY(!labels.isEmpty());
    for (const QString &label : labels)
        QVERIFY2(label.contains(QStringLiteral("pipeline")), qPrintable(label));
    m_scene->setLayers({});
}

void TestExporter::comparisonOfBlocsIsDrawn_data()
{
    QTest::addColumn<QPointF>("place");
    QTest::addColumn<int>("year");
    QTest::addColumn<QString>("status"); // empty: plain land
    QTest::newRow("Kazakhstan 2024") << QPointF(71.43, 51.13) << 2024 << u"both"_s;
    QTest::newRow("Uzbekistan 2010") << QPointF(64.0, 41.8) << 2010 << u"both"_s;
    QTest::newRow("Uzbekistan 2013") << QPointF(64.0, 41.8) << 2013 << u"SCO only"_s;
    QTest::newRow("Armenia 2024") << QPointF(43.95, 40.85) << 2024 << u"CSTO or EAEU only"_s;
    QTest::newRow("Iran 2024") << QPointF(48.5, 34.5) << 2024 << u"SCO only"_s;
    QTest::newRow("Iran 2020") << QPointF(48.5, 34.5) << 2020 << u"neither"_s;
    QTest::newRow("Mongolia 1995") << QPointF(100.0, 47.0) << 1995 << QString();
}

void TestExporter::comparisonOfBlocsIsDrawn()
{
    QFETCH(QPointF, place);
    QFETCH(int, year);
    QFETCH(QString, status);
    const MembershipComparison::Result blocs = MembershipComparison::readBuiltIn(u"sco-russia-blocs"_s);
    QVERIFY2(blocs.ok(), qPrintable(blocs.error));
    QStringList errors;
    auto layers = GeoJsonReader::readAllBuiltIn(errors);
    layers << std::make_shared<const Layer>(blocs.layer);
    m_scene->setLayers(layers);
    ViewState view;
    view.centre = place;
    view.metresPerPixel = 3000;
    view.size = QSize(800, 800);
    view.year = year;
    view.hiddenLayers = QStringList{u"sco"_s, u"contested"_s, u"pipelines"_s}; // the comparison alone colours the land
    const MapStyle &style = MapStyle::standard();
    const QColor tint = status.isEmpty() ? QColor(Qt::transparent)
                                         : LayerPainter::membershipColour(blocs.layer, status, style.layers);
    const double a = tint.alphaF();
    const QColor expected = QColor::fromRgbF(style.land.redF() * (1 - a) + tint.redF() * a,
                                             style.land.greenF() * (1 - a) + tint.greenF() * a,
                                             style.land.blueF() * (1 - a) + tint.blueF() * a);
    const QPoint at = m_scene->pixelOf(view, place)->toPoint();
    // The picture the window and a PNG show…
    const QImage image = Exporter::renderImage(MapRenderer(), *m_scene, view);
    QVERIFY2(near(image.pixelColor(at), expected), qPrintable(image.pixelColor(at).name() + u" for "_s + expected.name()));
    // …and an SVG, drawn back.
    ExportOptions options;
    options.format = ExportOptions::Format::Svg;
    options.pixelSize = view.size;
    const QString path = m_dir.filePath(u"blocs.svg"_s);
    const Exporter::Result result = Exporter::exportTo(MapRenderer(), *m_scene, view, options, path);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QSvgRenderer svg(readAll(path));
    QImage back(view.size, QImage::Format_ARGB32_Premultiplied);
    back.fill(Qt::white);
    QPainter painter(&back);
    svg.render(&painter);
    painter.end();
    QVERIFY2(near(back.pixelColor(at), expected), qPrintable(back.pixelColor(at).name() + u" for "_s + expected.name()));
    m_scene->setLayers({});
}

void TestExporter::comparisonLegendHasAnEntryPerCombination()
{
    const MembershipComparison::Result blocs = MembershipComparison::readBuiltIn(u"sco-russia-blocs"_s);
    QVERIFY2(blocs.ok(), qPrintable(blocs.error));
    m_scene->setLayers({std::make_shared<const Layer>(blocs.layer)});
    ViewState view = homeView(QSize(1280, 720));
    view.year = 2024;
    QStringList labels;
    QSet<QRgb> fills;
    for (const auto &swatch : LayerPainter::legend(*m_scene, view)) {
        labels << swatch.label;
        fills.insert(swatch.fill.rgba());
    }
    QCOMPARE(labels, (QStringList{u"Member of both SCO and CSTO or EAEU"_s, u"SCO member only"_s, u"CSTO or EAEU member only"_s,
                                  blocs.layer.legend.last().label}));
    QCOMPARE(fills.size(), 4);
    // Before the SCO: no state is in both, and the legend says only what the map shows.
    view.year = 1995;
    labels.clear();
    for (const auto &swatch : LayerPainter::legend(*m_scene, view))
        labels << swatch.label;
    QCOMPARE(labels, QStringList{u"CSTO or EAEU member only"_s});
    m_scene->setLayers({});
}

void TestExporter::blocsHaveColoursOfTheirOwn()
{
    // Each bloc's members in a colour of its own, on the map and in its legend entry.
    QHash<QRgb, QString> seen;
    for (const QString &id : QStringList{u"sco"_s} + GeoJsonReader::optionalIds()) {
        const GeoJsonReader::Result r = GeoJsonReader::readBuiltIn(id);
        QVERIFY2(r.ok(), qPrintable(r.error));
        m_scene->setLayers({std::make_shared<const Layer>(r.layer)});
        ViewState view = homeView(QSize(1280, 720));
        view.year = 2024;
        const QList<LayerPainter::Swatch> legend = LayerPainter::legend(*m_scene, view);
        QVERIFY(!legend.isEmpty());
        QCOMPARE(legend.front().label, r.layer.shortName() + u" member"_s);
        const QRgb member = legend.front().fill.rgba();
        QVERIFY2(!seen.contains(member), qPrintable(id + u" looks like "_s + seen.value(member)));
        seen.insert(member, id);
        const QPointF moscow(37.62, 55.75); // a member of every one of them
        view.centre = moscow;
        view.metresPerPixel = 3000;
        view.size = QSize(800, 800);
        const QImage image = Exporter::renderImage(MapRenderer(), *m_scene, view);
        const QColor fill = LayerPainter::regionFills(*m_scene, view, MapStyle::standard()).value(u"RUS"_s);
        QVERIFY2(near(image.pixelColor(m_scene->pixelOf(view, moscow)->toPoint()), fill), qPrintable(id));
    }
    m_scene->setLayers({});
}

void TestExporter::zoneShowsEachClaimant_data()
{
    QTest::addColumn<QStringList>("claimants");
    QTest::addColumn<QStringList>("names"); ///< of the claimants, in the same order
    QTest::newRow("India, Pakistan") << QStringList{u"IND"_s, u"PAK"_s} << QStringList{u"India"_s, u"Pakistan"_s};
    QTest::newRow("China, Taiwan") << QStringList{u"CHN"_s, u"TWN"_s} << QStringList{u"China"_s, u"Taiwan"_s};
    QTest::newRow("Russia, Japan") << QStringList{u"RUS"_s, u"JPN"_s} << QStringList{u"Russia"_s, u"Japan"_s};
    QTest::newRow("codes without a colour") << QStringList{u"FRA"_s, u"DEU"_s} << QStringList{u"France"_s, u"Germany"_s};
}

void TestExporter::zoneShowsEachClaimant()
{
    QFETCH(QStringList, claimants);
    QFETCH(QStringList, names);
    const QByteArray geojson = QStringLiteral(R"({"type": "FeatureCollection",
        "spheres": {"id": "test-zones", "kind": "zones", "title": "Test zones", "legend": [{"key": "disputed", "label": "Disputed"}]},
        "features": [{"type": "Feature", "id": "z", "properties": {"name": "Z", "claimants": ["%1"], "administeredBy": ["%2"]},
                      "geometry": {"type": "Polygon", "coordinates": [[[75, 30], [85, 30], [85, 40], [75, 40], [75, 30]]]}}]})")
                                   .arg(claimants.join(u"\", \""_s), claimants.first())
                                   .toUtf8();
    const GeoJsonReader::Result read = GeoJsonReader::read(geojson, u"test.geojson"_s);
    QVERIFY2(read.ok(), qPrintable(read.error));
    m_scene->setLayers({std::make_shared<Layer>(read.layer)});
    const ProjectionPreset &preset = ProjectionCatalog::defaultPreset();
    const ViewState view = framedView(preset.projection, QRectF(74, 29, 12, 12), QSize(400, 400));
    QImage image(view.size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        MapRenderer().render(painter, *m_scene, view, MapRenderer::Pass::Layers);
    }
    const LayerStyle &style = MapStyle::standard().layers;
    QCOMPARE(QSet<QRgb>({style.claimant(claimants[0]).rgb(), style.claimant(claimants[1]).rgb()}).size(), 2);
    // Each claimant's stripes cross the zone: many pixels in its very colour.
    for (const QString &code : claimants) {
        int count = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                count += near(image.pixelColor(x, y), style.claimant(code), 12) ? 1 : 0;
        QVERIFY2(count > 500, qPrintable(u"%1: %2 pixels"_s.arg(code).arg(count)));
    }
    // The legend names both claimants, in their colours.
    QStringList legend;
    for (const LayerPainter::Swatch &swatch : LayerPainter::legend(*m_scene, view))
        if (swatch.cell) {
            legend << swatch.label;
            QCOMPARE(swatch.stripes, QList<QColor>{style.claimant(claimants.value(names.indexOf(swatch.label)))});
        }
    std::sort(names.begin(), names.end()); // listed by name
    QCOMPARE(legend, names);
    m_scene->setLayers({});
}

void TestExporter::legendListsClaimantsInView_data()
{
    QTest::addColumn<QPointF>("centre");
    QTest::addColumn<double>("metresPerPixel");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");
    QTest::newRow("South China Sea") << QPointF(114, 12) << 1200.0
                                     << QStringList{u"China"_s, u"Vietnam"_s, u"Philippines"_s, u"Brunei"_s}
                                     << QStringList{u"India"_s, u"Pakistan"_s, u"Russia"_s, u"South Korea"_s};
    QTest::newRow("Kashmir") << QPointF(78, 34) << 1500.0 << QStringList{u"India"_s, u"Pakistan"_s, u"China"_s}
                             << QStringList{u"Vietnam"_s, u"Japan"_s, u"Brunei"_s};
    QTest::newRow("Europe, no zone") << QPointF(10, 50) << 1500.0 << QStringList{} << QStringList{u"China"_s, u"India"_s};
}

void TestExporter::legendListsClaimantsInView()
{
    QFETCH(QPointF, centre);
    QFETCH(double, metresPerPixel);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    loadLayers();
    ViewState view = homeView(QSize(1920, 1080));
    view.centre = centre;
    view.metresPerPixel = metresPerPixel;
    QStringList labels, claimants;
    for (const LayerPainter::Swatch &swatch : LayerPainter::legend(*m_scene, view))
        (swatch.cell ? claimants : labels) << swatch.label;
    for (const QString &name : present)
        QVERIFY2(claimants.contains(name), qPrintable(claimants.join(u", ")));
    for (const QString &name : absent)
        QVERIFY2(!claimants.contains(name), qPrintable(name));
    QCOMPARE(labels.contains(u"Contested zone (stripes: claimants; outline: administrator)"_s), !present.isEmpty());
    m_scene->setLayers({});
}

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

void TestExporter::loadLayers()
{
    QStringList errors;
    m_scene->setLayers(GeoJsonReader::readAllBuiltIn(errors));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
}

ViewState TestExporter::homeView(QSize size) const
{
    const ProjectionPreset &preset = ProjectionCatalog::defaultPreset();
    return framedView(preset.projection, preset.homeExtent, size);
}

void TestExporter::styleScaleFollowsTheOutput_data()
{
    QTest::addColumn<int>("preset");
    QTest::addColumn<int>("format");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    using P = ExportOptions::Preset;
    using F = ExportOptions::Format;
    QTest::newRow("1080p png") << int(P::Hd1080) << int(F::Png) << QSize(1920, 1080) << 1.0;
    QTest::newRow("4K png") << int(P::Uhd4k) << int(F::Png) << QSize(3840, 2160) << 2.0;
    QTest::newRow("A4 pdf") << int(P::A4) << int(F::Pdf) << QSize(3508, 2480) << 300 / 96.0;
    QTest::newRow("Letter png") << int(P::Letter) << int(F::Png) << QSize(3300, 2550) << 300 / 96.0;
}

void TestExporter::styleScaleFollowsTheOutput()
{
    QFETCH(int, preset);
    QFETCH(int, format);
    QFETCH(QSize, size);
    QFETCH(double, scale);
    const ExportOptions options = ExportOptions::forPreset(ExportOptions::Preset(preset), ExportOptions::Format(format));
    QCOMPARE(options.outputSize(), size);
    QCOMPARE(options.styleScale(), scale);
    // The fitted view shows the same ground as a 1080p view of the same place, in a frame of
    // its proportions on paper of others.
    const ViewState view = options.fitted(homeView(QSize(1920, 1080)));
    const QSize frame = ExportOptions::mapFrame(QSize(1920, 1080), size).size();
    QCOMPARE(view.size, frame);
    QCOMPARE(view.styleScale, scale);
    QVERIFY(qFuzzyCompare(view.metresPerPixel * std::min(frame.width() / 1920.0, frame.height() / 1080.0),
                          homeView(QSize(1920, 1080)).metresPerPixel));
    ExportOptions small;
    small.pixelSize = QSize(640, 480);
    QCOMPARE(small.styleScale(), 1.0); // small pictures keep legible text
}

void TestExporter::eachFormatOpens_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QSize>("size");
    QTest::newRow("png") << u"map.png"_s << QSize(1600, 900);
    QTest::newRow("svg") << u"map.svg"_s << QSize(1600, 900);
    QTest::newRow("pdf") << u"map.pdf"_s << QSize(1600, 900);
    QTest::newRow("PDF upper case") << u"MAP.PDF"_s << QSize(1200, 800);
}

void TestExporter::eachFormatOpens()
{
    QFETCH(QString, file);
    QFETCH(QSize, size);
    loadLayers();
    ExportOptions options;
    options.format = *ExportOptions::formatOf(file);
    options.pixelSize = size;
    options.title = u"Spheres of influence"_s;
    options.subtitle = u"Eurasia, 2026"_s;
    options.caption = u"Membership, contested areas & pipelines as of the view's year."_s;
    const QString path = m_dir.filePath(file);
    const Exporter::Result result = Exporter::exportTo(MapRenderer(), *m_scene, homeView(size), options, path);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QByteArray bytes = readAll(path);
    switch (options.format) {
    case ExportOptions::Format::Png: {
        const QImage image = QImage::fromData(bytes, "png");
        QCOMPARE(image.size(), size);
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, "the picture is blank or nearly so");
        break;
    }
    case ExportOptions::Format::Svg: {
        QSvgRenderer svg(bytes);
        QVERIFY(svg.isValid());
        QCOMPARE(svg.viewBox(), QRect(QPoint(0, 0), size));
        const SvgOutline o = outline(bytes);
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.groups, (QStringList{u"basemap"_s, u"layer-sco"_s, u"layer-contested"_s, u"layer-pipelines"_s,
                                        u"layer-sites"_s, u"selection"_s, u"labels"_s, u"legend"_s, u"furniture"_s}));
        QVERIFY2(o.texts.value(u"labels"_s).contains(u"China"_s), qPrintable(o.texts.value(u"labels"_s).join(u", ")));
        QVERIFY(o.texts.value(u"furniture"_s).contains(u"Spheres of influence"_s));
        QVERIFY(bytes.contains("inkscape:label=\"Energy pipelines\""));
        // Drawn back, the SVG is a map, not a blank page.
        QImage back(size, QImage::Format_ARGB32_Premultiplied);
        back.fill(Qt::white);
        QPainter painter(&back);
        svg.render(&painter);
        painter.end();
        const QPointF beijing = *m_scene->pixelOf(homeView(size), {116.40, 39.90});
        QVERIFY(!near(back.pixelColor(beijing.toPoint()), Qt::white));
        // Vectors only: no raster caches (labels, stripes) leak into an SVG.
        QVERIFY(!bytes.contains("<image") && !bytes.contains("<pattern"));
        break;
    }
    case ExportOptions::Format::Pdf: {
        QVERIFY(bytes.startsWith("%PDF-"));
        const qsizetype pages = bytes.count("/Type /Page") - bytes.count("/Type /Pages");
        QCOMPARE(pages, qsizetype(1));
        QVERIFY(bytes.contains("/Title")); // in the Info dictionary
        break;
    }
    }
    m_scene->setLayers({});
}

void TestExporter::fourKIsScaledUp()
{
    loadLayers();
    const ViewState view = homeView(QSize(1920, 1080));
    // The legend's box is where a picture with the legend differs from one without.
    auto legendBox = [&](ExportOptions::Preset preset) {
        ExportOptions options = ExportOptions::forPreset(preset, ExportOptions::Format::Png);
        options.showCredits = options.showScaleBar = false;
        const QString with = m_dir.filePath(u"with.png"_s), without = m_dir.filePath(u"without.png"_s);
        const bool ok = Exporter::exportTo(MapRenderer(), *m_scene, view, options, with).ok();
        options.showLegend = false;
        return ok && Exporter::exportTo(MapRenderer(), *m_scene, view, options, without).ok()
                   ? difference(QImage(with), QImage(without))
                   : QRect();
    };
    const QRect hd = legendBox(ExportOptions::Preset::Hd1080), uhd = legendBox(ExportOptions::Preset::Uhd4k);
    QVERIFY2(hd.width() > 100 && hd.height() > 60, qPrintable(u"%1x%2"_s.arg(hd.width()).arg(hd.height())));
    for (const auto &[large, small] : {std::pair{uhd.width(), hd.width()}, std::pair{uhd.height(), hd.height()},
                                       std::pair{1080 * 2 - uhd.top(), 1080 - hd.top()}})
        QVERIFY2(std::abs(large - 2.0 * small) <= 0.06 * 2 * small, qPrintable(u"%1 vs %2"_s.arg(large).arg(small)));
    m_scene->setLayers({});
}

void TestExporter::exportedLegendListsVisibleEntries_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<QStringList>("hidden");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");
    QTest::newRow("2010") << 2010 << QStringList{} << QStringList{u"SCO member"_s, u"SCO observer"_s}
                          << QStringList{u"SCO partner"_s};
    QTest::newRow("2026") << 2026 << QStringList{} << QStringList{u"SCO member"_s, u"SCO partner"_s}
                          << QStringList{u"SCO observer"_s};
    QTest::newRow("pipelines only") << 2026 << QStringList{u"sco"_s, u"contested"_s} << QStringList{}
                                    << QStringList{u"SCO member"_s, u"Contested zone (stripes: claimants; outline: administrator)"_s,
                                                   u"Vietnam"_s};
    QTest::newRow("claimants") << 2026 << QStringList{} << QStringList{u"China"_s, u"Vietnam"_s} << QStringList{};
    // Sites: the kinds that exist in the year, and what a hollow symbol means while one is being built.
    QTest::newRow("sites 2002") << 2002 << QStringList{} << QStringList{}
                                << QStringList{u"LNG plant"_s, u"Military base"_s, u"Port"_s};
    QTest::newRow("sites 2005") << 2005 << QStringList{} << QStringList{u"LNG plant"_s, u"Military base"_s,
                                                                        u"Site planned or under construction"_s}
                                << QStringList{u"Port"_s};
    QTest::newRow("sites 2010") << 2010 << QStringList{} << QStringList{u"LNG plant"_s, u"Military base"_s, u"Port"_s}
                                << QStringList{u"Site planned or under construction"_s};
    QTest::newRow("sites hidden") << 2026 << QStringList{u"sites"_s} << QStringList{}
                                  << QStringList{u"LNG plant"_s, u"Military base"_s, u"Port"_s};
}

void TestExporter::exportedLegendListsVisibleEntries()
{
    QFETCH(int, year);
    QFETCH(QStringList, hidden);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    loadLayers();
    ViewState view = homeView(QSize(1280, 720));
    view.year = year;
    view.hiddenLayers = hidden;
    ExportOptions options;
    options.format = ExportOptions::Format::Svg;
    options.pixelSize = view.size;
    const SvgOutline o = outline(Exporter::svgDocument(MapRenderer(), *m_scene, options.fitted(view), options));
    const QStringList legend = o.texts.value(u"legend"_s);
    QVERIFY(!legend.isEmpty());
    for (const QString &entry : present)
        QVERIFY2(legend.contains(entry), qPrintable(entry));
    for (const QString &entry : absent)
        QVERIFY2(!legend.contains(entry), qPrintable(entry));
    for (const QString &layer : hidden)
        QVERIFY(!o.groups.contains(u"layer-"_s + layer));
    m_scene->setLayers({});
}

void TestExporter::creditsNameTheVisibleSources()
{
    loadLayers();
    ViewState view = homeView(QSize(1920, 1080));
    QStringList credits = MapFurniture::credits(*m_scene, view);
    QCOMPARE(credits.value(0), u"Natural Earth"_s);
    QCOMPARE(QSet<QString>(credits.begin(), credits.end()).size(), credits.size()); // deduplicated
    QVERIFY2(credits.join(u'\n').contains(u"Gazprom (2025)"_s), qPrintable(credits.join(u'\n')));
    const QList<Source> sources = MapFurniture::visibleSources(*m_scene, view);
    QVERIFY(std::any_of(sources.begin(), sources.end(), [](const Source &s) {
        return s.title == u"Power of Siberia" && s.publisher == u"Gazprom" && s.date == u"2025";
    }));
    QCOMPARE(QSet<QString>(credits.begin(), credits.end()).size(), credits.size());
    view.hiddenLayers << u"pipelines"_s;
    credits = MapFurniture::credits(*m_scene, view);
    QVERIFY(!credits.join(u'\n').contains(u"Gazprom"_s));
    view.hiddenLayers << u"sco"_s << u"contested"_s;
    QCOMPARE(MapFurniture::credits(*m_scene, view), QStringList{u"Natural Earth"_s});
    m_scene->setLayers({});
}

void TestExporter::roundLengths_data()
{
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("round");
    QTest::newRow("1234 m") << 1234.0 << 1000.0;
    QTest::newRow("2500 m") << 2500.0 << 2000.0;
    QTest::newRow("999 km") << 999e3 << 500e3;
    QTest::newRow("1000 km") << 1000e3 << 1000e3;
    QTest::newRow("73 m") << 73.0 << 50.0;
}

void TestExporter::roundLengths()
{
    QFETCH(double, max);
    QFETCH(double, round);
    QCOMPARE(MapFurniture::roundLength(max), round);
}

void TestExporter::scaleBarMeasuresTheGround()
{
    const ViewState view = homeView(QSize(1920, 1080));
    // LAEA keeps areas, and near its centre lengths too: the ground scale is close to metresPerPixel.
    const double ground = MapFurniture::groundMetresPerPixel(*m_scene, view);
    QVERIFY2(std::abs(ground / view.metresPerPixel - 1) < 0.1, qPrintable(QString::number(ground / view.metresPerPixel)));
    const MapFurniture::ScaleBar bar = MapFurniture::scaleBar(*m_scene, view, 180);
    QVERIFY(bar.pixels <= 180 && bar.pixels > 180 / 2.5 - 1);
    QCOMPARE(bar.label, u"%1 km"_s.arg(bar.metres / 1000));
    QCOMPARE(MapFurniture::roundLength(bar.metres), bar.metres);
}

void TestExporter::absurdOptionsAreRefused_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("dpi");
    QTest::addColumn<QString>("expected");
    QTest::newRow("png too wide") << u"x.png"_s << QSize(40000, 100) << 96.0 << u"32767"_s;
    QTest::newRow("png too much memory") << u"x.png"_s << QSize(30000, 30000) << 96.0 << u"memory"_s;
    QTest::newRow("png empty") << u"x.png"_s << QSize(0, 100) << 96.0 << u"empty"_s;
    QTest::newRow("svg empty") << u"x.svg"_s << QSize(100, 0) << 96.0 << u"empty"_s;
    QTest::newRow("pdf page too big") << u"x.pdf"_s << QSize(30000, 1000) << 72.0 << u"200 inches"_s;
    QTest::newRow("dpi too low") << u"x.pdf"_s << QSize(1000, 1000) << 10.0 << u"DPI"_s;
    QTest::newRow("dpi too high") << u"x.png"_s << QSize(1000, 1000) << 5000.0 << u"DPI"_s;
}

void TestExporter::absurdOptionsAreRefused()
{
    QFETCH(QString, file);
    QFETCH(QSize, size);
    QFETCH(double, dpi);
    QFETCH(QString, expected);
    ExportOptions options;
    options.format = *ExportOptions::formatOf(file);
    options.pixelSize = size;
    options.dpi = dpi;
    const Exporter::Result result =
        Exporter::exportTo(MapRenderer(), *m_scene, homeView(QSize(800, 600)), options, m_dir.filePath(file));
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(expected), qPrintable(result.error));
    QVERIFY(!QFile::exists(m_dir.filePath(file)));
}

void TestExporter::unwritablePathIsNamedInEveryFormat_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("png") << u"/nonexistent-dir/map.png"_s;
    QTest::newRow("svg") << u"/nonexistent-dir/map.svg"_s;
    QTest::newRow("pdf") << u"/nonexistent-dir/map.pdf"_s;
}

void TestExporter::unwritablePathIsNamedInEveryFormat()
{
    QFETCH(QString, path);
    ExportOptions options;
    options.format = *ExportOptions::formatOf(path);
    options.pixelSize = QSize(320, 200);
    const Exporter::Result result = Exporter::exportTo(MapRenderer(), *m_scene, homeView(QSize(320, 200)), options, path);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(path), qPrintable(result.error));
}

void TestExporter::briefingPackDrawsTheViewsCharts_data()
{
    QTest::addColumn<QStringList>("charts"); // per view, comma-separated
    QTest::addColumn<bool>("withPainter");
    QTest::addColumn<bool>("painterSucceeds");
    QTest::addColumn<int>("pages");
    QTest::addColumn<QStringList>("calls"); // "view/chart", in order
    QTest::newRow("no view has charts") << QStringList{QString(), QString()} << true << true << 2 << QStringList{};
    QTest::newRow("two charts on the first view")
        << QStringList{u"energy,claims"_s, QString()} << true << true << 3 << QStringList{u"First/energy"_s, u"First/claims"_s};
    QTest::newRow("a chart on each view")
        << QStringList{u"sco"_s, u"claims"_s} << true << true << 4 << QStringList{u"First/sco"_s, u"Second/claims"_s};
    QTest::newRow("three charts") << QStringList{QString(), u"energy,sco,claims"_s} << true << true << 3
                                  << QStringList{u"Second/energy"_s, u"Second/sco"_s, u"Second/claims"_s};
    QTest::newRow("charts left out") << QStringList{u"sco"_s, u"claims"_s} << false << true << 2 << QStringList{};
    QTest::newRow("a chart that cannot be drawn") << QStringList{u"sco"_s, QString()} << true << false << 3
                                                  << QStringList{u"First/sco"_s};
}

void TestExporter::briefingPackDrawsTheViewsCharts()
{
    QFETCH(QStringList, charts);
    QFETCH(bool, withPainter);
    QFETCH(bool, painterSucceeds);
    QFETCH(int, pages);
    QFETCH(QStringList, calls);
    Brief brief;
    brief.title = u"Pack"_s;
    for (int i = 0; i < charts.size(); ++i) {
        SavedView view;
        view.name = i == 0 ? u"First"_s : u"Second"_s;
        view.state = homeView(QSize(1600, 900));
        view.charts = charts[i].split(u',', Qt::SkipEmptyParts);
        brief.views << view;
    }
    ExportOptions options = ExportOptions::forPreset(ExportOptions::Preset::A4, ExportOptions::Format::Pdf);
    options.dpi = 100; // fast, and the page's size in pixels is not the points'

    // A stand-in for the widgets' charts: writes which chart it is, and records where.
    QStringList called;
    QList<QRectF> cells;
    QSize page;
    const BriefingPack::ChartPainter fake = [&](QPainter &painter, const QRectF &target, const QString &chartId,
                                                const SavedView &view) {
        called << view.name + u'/' + chartId;
        cells << target;
        page = QSize(painter.device()->width(), painter.device()->height());
        if (!painterSucceeds)
            return false;
        painter.setFont(QFont(u"DejaVu Sans"_s, 14));
        painter.drawText(target, Qt::AlignCenter, u"Stand-in chart %1 of %2"_s.arg(chartId, view.name));
        return true;
    };
    const QString path = m_dir.filePath(u"pack-%1.pdf"_s.arg(QString::fromUtf8(QTest::currentDataTag())).replace(u' ', u'-'));
    const Exporter::Result result = BriefingPack::exportPdf(
        MapRenderer(), [this](const QString &) { return m_scene.get(); }, brief, options, path, {},
        withPainter ? fake : BriefingPack::ChartPainter());
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QByteArray pdf = readAll(path);
    QCOMPARE(int(pdf.count("/Type /Page")) - int(pdf.count("/Type /Pages")), pages);
    QCOMPARE(called, calls);

    // The charts share the page below its heading, side by side or stacked, never overlapping.
    for (int i = 0; i < cells.size(); ++i) {
        QVERIFY(QRectF(QPointF(0, 0), QSizeF(page)).contains(cells[i]));
        QVERIFY(cells[i].top() > page.height() * 0.1);
        QVERIFY(cells[i].width() > page.width() * 0.3 && cells[i].height() > page.height() * 0.2);
        for (int j = 0; j < i; ++j)
            if (called[i].section(u'/', 0, 0) == called[j].section(u'/', 0, 0))
                QVERIFY(!cells[i].intersects(cells[j]));
    }

    const std::optional<QString> extracted = pdfText(path);
    if (!extracted)
        QSKIP("pdftotext (poppler-utils) is not installed: the pages' text is not checked");
    const QString text = *extracted;
    for (const QString &call : std::as_const(calls)) {
        const QString drawn = u"Stand-in chart %1 of %2"_s.arg(call.section(u'/', 1), call.section(u'/', 0, 0));
        QVERIFY2(text.contains(drawn) == painterSucceeds, qPrintable(drawn));
        // The charts page is headed by its view.
        QVERIFY(text.contains(u"%1 Pack · %2 / %3 · charts"_s.arg(call.section(u'/', 0, 0)).arg(call.startsWith(u"First") ? 1 : 2).arg(charts.size())));
    }
    QCOMPARE(text.contains(u"could not be drawn"_s), !painterSucceeds);
}

void TestExporter::briefingPackFlowsLongTextOntoMorePages_data()
{
    QTest::addColumn<int>("sources");
    QTest::addColumn<int>("noteSentences");
    QTest::addColumn<bool>("viewContinued");    // the view's text goes on over a page
    QTest::addColumn<bool>("sourcesContinued"); // the pack's list of sources takes more than a page
    QTest::newRow("fits under the map") << 3 << 2 << false << false;
    QTest::newRow("a long note") << 2 << 60 << true << false;
    QTest::newRow("many sources") << 150 << 3 << false << true;
    QTest::newRow("both") << 150 << 60 << true << true;
}

void TestExporter::focusedClaimsGroupIsOutlinedAsOne_data()
{
    QTest::addColumn<QString>("group");
    QTest::newRow("Central Asia") << u"central-asia"_s;
    QTest::newRow("South Caucasus") << u"south-caucasus"_s;
}

void TestExporter::focusedClaimsGroupIsOutlinedAsOne()
{
    // A claim about a group ("China's presence in Central Asia") shows the group as a setting:
    // one outline in the group's colour round its members, not one direct outline per member.
    QFETCH(QString, group);
    Brief brief;
    Claim claim;
    claim.id = u"c1"_s;
    claim.text = u"A claim set in a group."_s;
    claim.groups = {group};
    brief.claims << claim;
    SavedView view;
    view.state = homeView(QSize(1280, 720));
    view.focusedClaim = claim.id;
    const ViewState lit = BriefingPack::litState(brief, view, m_scene->coarse().atlas());
    QCOMPARE(lit.highlightGroups, QStringList{group});
    QVERIFY(!lit.highlightRegions.isEmpty()); // the members are lit
    ViewState asDirectLinks = lit;
    asDirectLinks.highlightGroups.clear();
    const MapStyle &style = MapStyle::standard();
    auto count = [](const QImage &image, const QColor &colour) {
        int n = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                n += near(image.pixelColor(x, y), colour, 10);
        return n;
    };
    const QImage asGroup = Exporter::renderImage(MapRenderer(), *m_scene, lit);
    const QImage asMembers = Exporter::renderImage(MapRenderer(), *m_scene, asDirectLinks);
    const int groupWith = count(asGroup, style.groupOutline), groupWithout = count(asMembers, style.groupOutline);
    const int directWith = count(asGroup, style.focusOutline), directWithout = count(asMembers, style.focusOutline);
    QVERIFY2(groupWith > groupWithout + 150, qPrintable(u"%1 %2"_s.arg(groupWith).arg(groupWithout)));
    QVERIFY2(directWith * 4 < directWithout, qPrintable(u"%1 %2"_s.arg(directWith).arg(directWithout)));
    // The group's name above its outline: the colour reaches above the members' northernmost
    // pixel, where no outline is.
    const Atlas &atlas = m_scene->coarse().atlas();
    double top = 1e9;
    for (const QString &code : atlas.group(group)->members)
        for (const Polygon &polygon : atlas.region(code)->shape)
            for (const auto &p : polygon.outer())
                if (const auto px = m_scene->pixelOf(lit, {p.x(), p.y()}))
                    top = std::min(top, px->y());
    int above = 0;
    for (int y = std::max(0, int(top) - 30); y < int(top) - 4; ++y)
        for (int x = 0; x < asGroup.width(); ++x)
            above += near(asGroup.pixelColor(x, y), style.groupOutline, 30);
    QVERIFY2(above > 10, qPrintable(QString::number(above)));
}

void TestExporter::briefingPackNamesAClaimsGroups()
{
    // The pack's text says what a claim is linked to, the group as a group.
    Brief brief;
    brief.title = u"Groups"_s;
    Claim claim;
    claim.id = u"c1"_s;
    claim.text = u"China's presence in Central Asia grows."_s;
    claim.regions = {u"CHN"_s};
    claim.groups = {u"central-asia"_s};
    brief.claims << claim;
    SavedView view;
    view.name = u"Setting"_s;
    view.state = homeView(QSize(1600, 900));
    view.focusedClaim = claim.id;
    brief.views << view;
    ExportOptions options = ExportOptions::forPreset(ExportOptions::Preset::A4, ExportOptions::Format::Pdf);
    options.dpi = 100;
    const QString path = m_dir.filePath(u"groups.pdf"_s);
    const Exporter::Result result = BriefingPack::exportPdf(MapRenderer(), [this](const QString &) { return m_scene.get(); },
                                                            brief, options, path, {}, {});
    QVERIFY2(result.ok(), qPrintable(result.error));
    const std::optional<QString> extracted = pdfText(path);
    if (!extracted)
        QSKIP("pdftotext (poppler-utils) is not installed: the pages' text is not checked");
    const QString text = *extracted;
    QVERIFY2(text.contains(u"Linked to: China; Central Asia (group)"_s), qPrintable(text));
}

void TestExporter::briefingPackListsTheClaimsOfASelectedRegionsGroups()
{
    // The pack left out a claim linked to "central-asia" on a view of Kazakhstan, which the
    // context panel shows: both now ask ClaimFinder.
    Brief brief;
    brief.title = u"Kazakhstan"_s;
    Claim direct, viaGroup, elsewhere;
    direct.id = u"c1"_s;
    direct.text = u"Astana balances its neighbours."_s;
    direct.regions = {u"KAZ"_s};
    viaGroup.id = u"c2"_s;
    viaGroup.text = u"Beijing's loans reach across the steppe."_s;
    viaGroup.groups = {u"central-asia"_s};
    elsewhere.id = u"c3"_s;
    elsewhere.text = u"Tokyo watches the strait."_s;
    elsewhere.regions = {u"JPN"_s};
    brief.claims << direct << viaGroup << elsewhere;
    SavedView view;
    view.name = u"Kazakhstan"_s;
    view.state = homeView(QSize(1600, 900));
    view.state.selectedRegion = u"KAZ"_s;
    brief.views << view;
    ExportOptions options = ExportOptions::forPreset(ExportOptions::Preset::A4, ExportOptions::Format::Pdf);
    options.dpi = 100;
    const QString path = m_dir.filePath(u"kazakhstan.pdf"_s);
    const Exporter::Result result = BriefingPack::exportPdf(MapRenderer(), [this](const QString &) { return m_scene.get(); },
                                                            brief, options, path, {}, {});
    QVERIFY2(result.ok(), qPrintable(result.error));
    const std::optional<QString> extracted = pdfText(path);
    if (!extracted)
        QSKIP("pdftotext (poppler-utils) is not installed: the pages' text is not checked");
    const QString text = *extracted;
    QVERIFY2(text.contains(direct.text), qPrintable(text));
    QVERIFY2(text.contains(viaGroup.text), qPrintable(text));
    QVERIFY2(!text.contains(elsewhere.text), qPrintable(text));
}

void TestExporter::briefingPackFlowsLongTextOntoMorePages()
{
    // The Sources were cut mid-line on five pages, and on one page the note was cut and the
    // Sources lost: every word must reach the paper, on continuation pages if need be.
    QFETCH(int, sources);
    QFETCH(int, noteSentences);
    QFETCH(bool, viewContinued);
    QFETCH(bool, sourcesContinued);
    Brief brief;
    brief.title = u"Flow"_s;
    Claim claim;
    claim.id = u"c1"_s;
    claim.text = u"A claim about the region."_s;
    for (int i = 1; i <= noteSentences; ++i)
        claim.note += u"Note sentence %1 explains the facts at some length. "_s.arg(i);
    claim.note += u"End of the note."_s;
    for (int i = 1; i <= sources; ++i)
        claim.noteSources << Source{u"Source title %1"_s.arg(i), u"Publisher"_s, u"https://example.org/%1"_s.arg(i), u"2024"_s};
    brief.claims << claim;
    SavedView view;
    view.name = u"Long"_s;
    view.state = homeView(QSize(1600, 900));
    view.focusedClaim = claim.id;
    brief.views << view;
    ExportOptions options = ExportOptions::forPreset(ExportOptions::Preset::A4, ExportOptions::Format::Pdf);
    options.dpi = 100;
    const QString path = m_dir.filePath(u"flow-%1-%2.pdf"_s.arg(sources).arg(noteSentences));
    const Exporter::Result result = BriefingPack::exportPdf(MapRenderer(), [this](const QString &) { return m_scene.get(); },
                                                            brief, options, path, {}, {});
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QByteArray pdf = readAll(path);
    const int pages = int(pdf.count("/Type /Page")) - int(pdf.count("/Type /Pages"));
    const std::optional<QString> extracted = pdfText(path);
    if (!extracted)
        QSKIP("pdftotext (poppler-utils) is not installed: the pages' text is not checked");
    QString text = *extracted;
    // The view's page and its continuations, then the pack's numbered sources, each cited once.
    const int viewPages = 1 + int(text.count(u"Long (continued)"_s)), sourcePages = 1 + int(text.count(u"Sources (continued)"_s));
    QCOMPARE(viewPages + sourcePages, pages);
    QCOMPARE(viewPages > 1, viewContinued);
    QCOMPARE(sourcePages > 1, sourcesContinued);
    QList<int> numbers(sources);
    std::iota(numbers.begin(), numbers.end(), 1);
    QVERIFY(QString(text).remove(u' ').contains(u"endofthepack:%1."_s.arg(SourceNumbering::ranges(numbers).remove(u' '))));
    // A paragraph may go on over a page's break: read it without the next page's heading.
    text.remove(QRegularExpression(u"\\s*(Long|Sources) \\(continued\\) Flow · (1 / 1|sources)\\s*"_s));
    text.replace(u"- "_s, u"-"_s).replace(u"// "_s, u"//"_s); // lines broken inside a word
    QVERIFY(text.contains(u"End of the note."_s));
    // Once each: a line clipped at a page's edge must not reach the text of both pages.
    QStringList twice;
    for (int i = 1; i <= sources; ++i)
        if (text.count(u"title %1,"_s.arg(i)) != 1)
            twice << u"source %1"_s.arg(i);
    for (int i = 1; i <= noteSentences; ++i)
        if (text.count(u"Note sentence %1 explains"_s.arg(i)) != 1)
            twice << u"note sentence %1"_s.arg(i);
    QVERIFY2(twice.isEmpty(), qPrintable(twice.join(u", "_s)));
}

void TestExporter::fullDiskKeepsTheOldFiles_data()
{
    QTest::addColumn<QString>("kind"); // "map" (one file) or "pack"
    QTest::addColumn<QString>("out");
    QTest::addColumn<QStringList>("files"); // the outputs, already there from an earlier export
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("partly"); // room for part of the file (half, at most the disk) rather than none
    // Small files fit in Qt's 16 KiB write buffer, whose last flush fails; a disk that fills
    // part-way through a larger file fails in that last flush too.
    const QSize small(64, 40), large(800, 600);
    QTest::newRow("png") << u"map"_s << u"map.png"_s << QStringList{u"map.png"_s} << small << false;
    QTest::newRow("png, partly full") << u"map"_s << u"map.png"_s << QStringList{u"map.png"_s} << large << true;
    QTest::newRow("svg") << u"map"_s << u"map.svg"_s << QStringList{u"map.svg"_s} << small << false;
    QTest::newRow("svg, partly full") << u"map"_s << u"map.svg"_s << QStringList{u"map.svg"_s} << small << true;
    QTest::newRow("pdf") << u"map"_s << u"map.pdf"_s << QStringList{u"map.pdf"_s} << small << false;
    QTest::newRow("pdf, partly full") << u"map"_s << u"map.pdf"_s << QStringList{u"map.pdf"_s} << small << true;
    const QSize packPage(216, 216); // the smallest page a pack takes at 72 DPI: 3 inches a side
    QTest::newRow("pdf briefing pack") << u"pack"_s << u"pack.pdf"_s << QStringList{u"pack.pdf"_s} << packPage << false;
    QTest::newRow("pdf briefing pack, partly full") << u"pack"_s << u"pack.pdf"_s << QStringList{u"pack.pdf"_s} << packPage << true;
    QTest::newRow("numbered png") << u"pack"_s << u"story.png"_s << QStringList{u"story-01.png"_s, u"story-02.png"_s}
                                  << small << false;
}

void TestExporter::fullDiskKeepsTheOldFiles()
{
    QFETCH(QString, kind);
    QFETCH(QString, out);
    QFETCH(QStringList, files);
    QFETCH(QSize, size);
    QFETCH(bool, partly);
    FullDisk disk;
    SPHERES_REQUIRE_FULL_DISK(disk);
    ExportOptions options;
    options.format = *ExportOptions::formatOf(out);
    options.pixelSize = size;
    options.dpi = 72;
    const auto exportTo = [&](const QString &path) {
        if (kind == u"map")
            return Exporter::exportTo(MapRenderer(), *m_scene, homeView(options.pixelSize), options, path);
        Brief brief;
        brief.title = u"Pack"_s;
        for (const char *name : {"First", "Second"}) {
            SavedView view;
            view.name = QString::fromLatin1(name);
            view.state = homeView(options.pixelSize);
            brief.views << view;
        }
        const auto sceneFor = [this](const QString &) { return m_scene.get(); };
        return options.format == ExportOptions::Format::Pdf
                   ? BriefingPack::exportPdf(MapRenderer(), sceneFor, brief, options, path, {})
                   : BriefingPack::exportPngSeries(MapRenderer(), sceneFor, brief, options, path, {});
    };
    qint64 room = 0;
    if (partly) {
        const QString reference = m_dir.filePath(u"reference-"_s + out);
        QVERIFY(exportTo(reference).ok());
        room = QFileInfo(reference).size() / 2;
        QVERIFY2(room >= 4096, "the file must be larger than a page for half of it to fit");
    }
    for (const QString &file : files)
        QVERIFY(disk.put(file, "the good old export of " + file.toUtf8()));
    QVERIFY(disk.fill());
    QVERIFY(disk.leave(room));

    const Exporter::Result result = exportTo(disk.filePath(out));
    QCOMPARE(result.status, Exporter::Result::Status::WriteFailed);
    QVERIFY2(result.error.contains(disk.path()), qPrintable(result.error));
    QVERIFY2(result.error.contains(u"No space left on device"_s), qPrintable(result.error));
    for (const QString &file : files)
        QCOMPARE(readAll(disk.filePath(file)), "the good old export of " + file.toUtf8());
    QCOMPARE(disk.entries(), files); // and no temporary file beside them
}

void TestExporter::resultSaysHowAnExportEnded_data()
{
    // The window tells a cancel (no alert, the old file kept) from a failure by the status.
    QTest::addColumn<QString>("out");
    QTest::addColumn<bool>("cancel");
    QTest::addColumn<double>("dpi");
    QTest::addColumn<int>("status");
    using Status = Exporter::Result::Status;
    QTest::newRow("pack") << u"pack.pdf"_s << false << 72.0 << int(Status::Success);
    QTest::newRow("pack cancelled") << u"pack.pdf"_s << true << 72.0 << int(Status::Cancelled);
    QTest::newRow("pictures cancelled") << u"story.png"_s << true << 72.0 << int(Status::Cancelled);
    QTest::newRow("resolution out of range") << u"story.png"_s << false << 1.0 << int(Status::BadOptions);
    QTest::newRow("pack page too small") << u"small.pdf"_s << false << 600.0 << int(Status::BadOptions);
}

void TestExporter::resultSaysHowAnExportEnded()
{
    QFETCH(QString, out);
    QFETCH(bool, cancel);
    QFETCH(double, dpi);
    QFETCH(int, status);
    ExportOptions options;
    options.format = *ExportOptions::formatOf(out);
    options.pixelSize = QSize(640, 400);
    options.dpi = dpi;
    Brief brief;
    brief.title = u"Status"_s;
    for (const char *name : {"First", "Second"}) {
        SavedView view;
        view.name = QString::fromLatin1(name);
        view.state = homeView(options.pixelSize);
        brief.views << view;
    }
    const QString path = m_dir.filePath(u"status-"_s + out);
    const auto sceneFor = [this](const QString &) { return m_scene.get(); };
    const BriefingPack::Progress progress = [cancel](int, int) { return !cancel; };
    const Exporter::Result result = options.format == ExportOptions::Format::Pdf
                                        ? BriefingPack::exportPdf(MapRenderer(), sceneFor, brief, options, path, progress)
                                        : BriefingPack::exportPngSeries(MapRenderer(), sceneFor, brief, options, path, progress);
    QCOMPARE(int(result.status), status);
    QCOMPARE(result.ok(), result.error.isEmpty());
    QCOMPARE(result.ok(), status == int(Exporter::Result::Status::Success));
}

void TestExporter::chartCellsShareTheArea_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QList<QRectF>>("cells");
    const QRectF area(10, 20, 510, 300);
    QTest::newRow("none") << 0 << QList<QRectF>{};
    QTest::newRow("one: all of it") << 1 << QList<QRectF>{area};
    QTest::newRow("two: side by side, the first wider")
        << 2 << QList<QRectF>{QRectF(10, 20, 300, 300), QRectF(320, 20, 200, 300)};
    QTest::newRow("three: the first wide, two stacked")
        << 3 << QList<QRectF>{QRectF(10, 20, 300, 300), QRectF(320, 20, 200, 145), QRectF(320, 175, 200, 145)};
}

void TestExporter::chartCellsShareTheArea()
{
    QFETCH(int, count);
    QFETCH(QList<QRectF>, cells);
    QCOMPARE(BriefingPack::chartCells(QRectF(10, 20, 510, 300), count, 10), cells);
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

void TestExporter::svgHasTheSitesGroupAndNames()
{
    loadLayers();
    ViewState view;
    view.centre = QPointF(72.0, 40.0); // Kant and the 201st base's two towns
    view.metresPerPixel = 2500;
    view.size = QSize(900, 700);
    view.year = 2024;
    ExportOptions options;
    options.format = ExportOptions::Format::Svg;
    options.pixelSize = view.size;
    const QByteArray svg = Exporter::svgDocument(MapRenderer(), *m_scene, options.fitted(view), options);
    m_scene->setLayers({});
    const SvgOutline o = outline(svg);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QVERIFY2(o.groups.contains(u"layer-sites"_s), qPrintable(o.groups.join(u", ")));
    QVERIFY(svg.contains("inkscape:label=\"Strategic sites\""));
    const QStringList labels = o.texts.value(u"labels"_s);
    for (const QString &name : {u"Kant air base"_s, u"201st Russian military base (Dushanbe, Bokhtar)"_s})
        QVERIFY2(labels.contains(name), qPrintable(labels.join(u", ")));
    QVERIFY2(o.texts.value(u"legend"_s).contains(u"Military base"_s), qPrintable(o.texts.value(u"legend"_s).join(u", ")));
}

void TestExporter::hostileTextStaysTextInSvg_data()
{
    QTest::addColumn<QString>("layerId");
    QTest::addColumn<QString>("layerTitle");
    QTest::addColumn<QString>("mapTitle");
    const QString controls = QString(QChar(0x01)) + QChar(0x0b) + QChar(0x1f) + QChar(0xfffe) + QChar(0xd800);
    QTest::newRow("markup in the id") << uR"id(x"/><svg onload="alert(1)">)id"_s << u"<script>alert(1)</script>"_s
                                      << u"</title><script>alert(2)</script>"_s;
    QTest::newRow("quotes") << u"p' onload='alert(1)"_s << uR"id(a" onload="b)id"_s << u"'\"&"_s;
    QTest::newRow("control characters") << (u"pipes"_s + controls) << (u"Pipe"_s + controls + u"lines"_s)
                                        << (u"Map"_s + controls + u" of Asia"_s);
    QTest::newRow("comment and CDATA ends") << u"x-->y]]>z"_s << u"<!-- ]]> -->"_s << u"]]><![CDATA[x"_s;
}

/// Ids, titles and labels from files reach the layered SVG as attribute values and text only: it
/// parses, no element or attribute comes from them, and characters XML cannot hold are dropped.
void TestExporter::hostileTextStaysTextInSvg()
{
    QFETCH(QString, layerId);
    QFETCH(QString, layerTitle);
    QFETCH(QString, mapTitle);
    QStringList errors;
    QList<std::shared_ptr<const Layer>> layers = GeoJsonReader::readAllBuiltIn(errors);
    QVERIFY(errors.isEmpty());
    auto hostile = std::make_shared<Layer>(*layers.constLast());
    hostile->id = layerId;
    hostile->title = layerTitle;
    layers.back() = hostile;
    m_scene->setLayers(layers);
    ViewState view = homeView(QSize(640, 360));
    ExportOptions options;
    options.format = ExportOptions::Format::Svg;
    options.pixelSize = view.size;
    options.title = mapTitle;
    const QByteArray svg = Exporter::svgDocument(MapRenderer(), *m_scene, options.fitted(view), options);
    m_scene->setLayers({});

    QXmlStreamReader xml(svg);
    QStringList groupIds, labels, titles;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        QVERIFY2(xml.name() != u"script", "a <script> element");
        for (const QXmlStreamAttribute &a : xml.attributes())
            QVERIFY2(!a.name().startsWith(u"on"), qPrintable(a.name().toString()));
        if (xml.name() == u"g" && xml.attributes().hasAttribute(u"inkscape:groupmode"_s)) {
            groupIds << xml.attributes().value(u"id"_s).toString();
            labels << xml.attributes().value(u"inkscape:label"_s).toString();
        } else if (xml.name() == u"title") {
            titles << xml.readElementText();
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(titles, QStringList{SafeText::xml(mapTitle)});
    QVERIFY2(labels.contains(SafeText::xml(layerTitle)), qPrintable(labels.join(u" | ")));
    const QString id = groupIds.value(labels.indexOf(SafeText::xml(layerTitle)));
    static const QRegularExpression xmlName(u"^[A-Za-z_][A-Za-z0-9_.-]*$"_s);
    QVERIFY2(xmlName.match(id).hasMatch(), qPrintable(id));
    QCOMPARE(QSet<QString>(groupIds.begin(), groupIds.end()).size(), groupIds.size());
    QVERIFY(QSvgRenderer(svg).isValid());
}

void TestExporter::xmlDropsWhatXmlCannotHold_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("kept");
    QTest::newRow("tab, line feed, return kept") << u"a\tb\nc\rd"_s << u"a\tb\nc\rd"_s;
    QTest::newRow("C0 controls dropped") << (QString(QChar(0x00)) + u"a"_s + QChar(0x08) + QChar(0x1b)) << u"a"_s;
    QTest::newRow("U+FFFE, U+FFFF dropped") << (u"a"_s + QChar(0xfffe) + QChar(0xffff) + u"b"_s) << u"ab"_s;
    QTest::newRow("lone surrogates dropped") << (QString(QChar(0xdc00)) + u"x"_s + QChar(0xd800)) << u"x"_s;
    QTest::newRow("pairs kept") << u"🗺 Ω"_s << u"🗺 Ω"_s;
}

void TestExporter::xmlDropsWhatXmlCannotHold()
{
    QFETCH(QString, text);
    QFETCH(QString, kept);
    QCOMPARE(SafeText::xml(text), kept);
    QCOMPARE(SafeText::html(u"<a href='x'>\"&"_s), u"&lt;a href=&#39;x&#39;&gt;&quot;&amp;"_s);
}


void TestExporter::exportShowsTheCanvasGround_data()
{
    QTest::addColumn<QSize>("canvas");
    QTest::addColumn<int>("preset");
    using P = ExportOptions::Preset;
    QTest::newRow("16:9 canvas, slides") << QSize(1600, 900) << int(P::Hd1080);
    QTest::newRow("squarish canvas, slides") << QSize(1000, 800) << int(P::Hd1080);
    QTest::newRow("wide canvas, slides") << QSize(1700, 700) << int(P::Hd1080);
    QTest::newRow("canvas, portrait screen") << QSize(1200, 800) << int(P::Hd1080Portrait);
    QTest::newRow("canvas, A4 portrait") << QSize(1200, 800) << int(P::A4Portrait);
    QTest::newRow("canvas, Letter landscape") << QSize(1200, 800) << int(P::Letter);
    QTest::newRow("canvas, 4K") << QSize(1366, 640) << int(P::Uhd4k);
}

void TestExporter::exportShowsTheCanvasGround()
{
    // What the screen shows, not more: a page of other proportions gets the canvas's ground in
    // a frame, with paper round it, rather than more of the world.
    QFETCH(QSize, canvas);
    QFETCH(int, preset);
    const ExportOptions options = ExportOptions::forPreset(ExportOptions::Preset(preset), ExportOptions::Format::Png);
    const ViewState screen = homeView(canvas);
    const QSize page = options.outputSize();
    const ViewState out = options.fitted(screen, page);
    const QRect frame = Exporter::frameOn(out, page);
    QVERIFY(QRect(QPoint(0, 0), page).contains(frame));
    const auto ground = [this](const ViewState &v) {
        return m_scene->worldToScreen(v).inverted().mapRect(QRectF(QPointF(0, 0), QSizeF(v.size)));
    };
    const QRectF shown = ground(screen), exported = ground(out);
    const double tolerance = 0.011 * std::max(shown.width(), shown.height()); // ExportOptions::mapFrame's percent
    const QString numbers = u"screen %1,%2 %3x%4; export %5,%6 %7x%8"_s.arg(shown.left()).arg(shown.top()).arg(shown.width())
                                .arg(shown.height()).arg(exported.left()).arg(exported.top()).arg(exported.width()).arg(exported.height());
    QVERIFY2(std::abs(shown.left() - exported.left()) < tolerance && std::abs(shown.right() - exported.right()) < tolerance &&
                 std::abs(shown.top() - exported.top()) < tolerance && std::abs(shown.bottom() - exported.bottom()) < tolerance,
             qPrintable(numbers));
    // The picture itself: the map inside the frame, plain paper beyond it.
    ExportOptions small = options;
    small.page = ExportOptions::Page::Pixels;
    small.pixelSize = page / 4;
    small.dpi = ExportOptions::kReferenceDpi;
    small.showLegend = small.showCredits = small.showScaleBar = false;
    const QString path = m_dir.filePath(u"ground-%1.png"_s.arg(QString::fromUtf8(QTest::currentDataTag())).replace(u' ', u'-'));
    QVERIFY(Exporter::exportTo(MapRenderer(), *m_scene, screen, small, path).ok());
    const QImage image(path);
    QCOMPARE(image.size(), small.pixelSize);
    const QRect smallFrame = Exporter::frameOn(small.fitted(screen), small.pixelSize);
    const QPoint centre = smallFrame.center();
    QVERIFY(image.pixelColor(centre) != QColor(Qt::white));
    if (smallFrame.left() > 4)
        QCOMPARE(image.pixelColor(smallFrame.left() / 2, centre.y()), QColor(Qt::white));
    if (smallFrame.top() > 4)
        QCOMPARE(image.pixelColor(centre.x(), smallFrame.top() / 2), QColor(Qt::white));
    if (smallFrame.size() == small.pixelSize) // the whole page is map, to its edges
        QVERIFY(image.pixelColor(2, centre.y()) != QColor(Qt::white));
}

void TestExporter::presetsHaveOneHome_data()
{
    QTest::addColumn<int>("preset");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QSize>("size");
    using P = ExportOptions::Preset;
    QTest::newRow("1080p") << int(P::Hd1080) << u"1080p"_s << QSize(1920, 1080);
    QTest::newRow("1080p portrait") << int(P::Hd1080Portrait) << u"1080p-portrait"_s << QSize(1080, 1920);
    QTest::newRow("4k") << int(P::Uhd4k) << u"4k"_s << QSize(3840, 2160);
    QTest::newRow("a4") << int(P::A4) << u"a4"_s << QSize(3508, 2480);
    QTest::newRow("a4 portrait") << int(P::A4Portrait) << u"a4-portrait"_s << QSize(2480, 3508);
    QTest::newRow("letter") << int(P::Letter) << u"letter"_s << QSize(3300, 2550);
    QTest::newRow("letter portrait") << int(P::LetterPortrait) << u"letter-portrait"_s << QSize(2550, 3300);
}

void TestExporter::presetsHaveOneHome()
{
    QFETCH(int, preset);
    QFETCH(QString, name);
    QFETCH(QSize, size);
    const auto p = ExportOptions::Preset(preset);
    QVERIFY(ExportOptions::presets().contains(p)); // listed, so the dialog and --preset offer it
    QCOMPARE(ExportOptions::presetName(p), name);
    QCOMPARE(ExportOptions::presetNamed(name.toUpper()), std::optional(p));
    const QString title = ExportOptions::presetTitle(p);
    QVERIFY(!title.isEmpty());
    QCOMPARE(title.contains(u"portrait"_s), name.contains(u"portrait"_s));
    const ExportOptions options = ExportOptions::forPreset(p, ExportOptions::Format::Pdf);
    QCOMPARE(options.outputSize(), size);
    // The PDF's page is the same way up as the picture.
    const QString path = m_dir.filePath(u"preset-%1.pdf"_s.arg(name));
    ExportOptions light = options;
    light.dpi = ExportOptions::kMinDpi; // the page's shape, not its detail
    QVERIFY(Exporter::exportTo(MapRenderer(), *m_scene, homeView(QSize(800, 600)), light, path).ok());
    const QByteArray pdf = readAll(path);
    static const QRegularExpression mediaBox(u"/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"_s);
    const auto m = mediaBox.match(QString::fromLatin1(pdf));
    QVERIFY(m.hasMatch());
    QCOMPARE(m.captured(1).toDouble() > m.captured(2).toDouble(), size.width() > size.height());
}

void TestExporter::creditsTakeACorner_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    QTest::newRow("1080p") << QSize(1920, 1080) << 1.0;
    QTest::newRow("portrait 1080p") << QSize(1080, 1920) << 1.0;
    QTest::newRow("A4 at 300 DPI") << QSize(3508, 2480) << 300 / 96.0;
    QTest::newRow("small") << QSize(640, 400) << 1.0;
}

void TestExporter::creditsTakeACorner()
{
    // Every layer shown, so that there are many sources: the block still takes a corner.
    QFETCH(QSize, size);
    QFETCH(double, scale);
    loadLayers();
    ViewState view = homeView(size);
    view.styleScale = scale;
    const MapFurniture::CreditsBlock block = MapFurniture::creditsBlock(*m_scene, view);
    QVERIFY(MapFurniture::credits(*m_scene, view).size() > 3);
    QVERIFY2(block.lines >= 1 && block.lines <= 3, qPrintable(block.text));
    QVERIFY2(block.box.width() <= size.width() * 0.34 + 1, qPrintable(u"%1 wide"_s.arg(block.box.width())));
    QVERIFY(block.box.height() <= size.height() * 0.12 + 8 * scale);
    QVERIFY(QRectF(QPointF(0, 0), QSizeF(size)).contains(block.box));
    QVERIFY(block.text.startsWith(u"Map data: Natural Earth"_s));
}

void TestExporter::legendKeepsClearOfTheTitle_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    QTest::newRow("thumbnail slide") << QSize(480, 270) << 1.0;
    QTest::newRow("half-size slide") << QSize(960, 540) << 1.0;
    QTest::newRow("slide, big type") << QSize(1920, 1080) << 1.5;
    QTest::newRow("portrait") << QSize(1080, 1920) << 1.0;
    QTest::newRow("A4") << QSize(3508, 2480) << 300 / 96.0;
}

void TestExporter::legendKeepsClearOfTheTitle()
{
    QFETCH(QSize, size);
    QFETCH(double, scale);
    loadLayers();
    ViewState view = homeView(size);
    view.styleScale = scale;
    ExportOptions options;
    options.title = u"Central Asia: Russia's security, China's money"_s;
    options.caption = u"Russia keeps the bases and the alliances; China builds the pipelines, roads and railways "
                      u"that tie the region's economies to its own."_s;
    const MapRenderer plain;
    MapRenderer renderer;
    renderer.setLegendKeepClear(Exporter::furnitureBoxes(*m_scene, view, options, renderer.style()));
    const LegendPainter::Layout legend = renderer.legendLayout(*m_scene, view);
    QVERIFY(!legend.box.isEmpty());
    const QRectF title = MapFurniture::titlePanel(view, options);
    QVERIFY(!title.isEmpty());
    QVERIFY2(!legend.box.intersects(title), qPrintable(u"legend %1,%2 %3x%4"_s.arg(legend.box.left()).arg(legend.box.top())
                                                         .arg(legend.box.width()).arg(legend.box.height())));
    QVERIFY(QRectF(QPointF(0, 0), QSizeF(size)).contains(legend.box));
    // No more than its share of the picture, unless its type is at its smallest already.
    const bool atFloor = legend.scale <= (size.height() < LegendPainter::kSmallPicture ? 0.5 : 0.85) + 1e-9;
    QVERIFY2(atFloor || legend.box.height() <= size.height() * LegendPainter::kMaxHeightShare + 1,
             qPrintable(u"%1 tall at scale %2"_s.arg(legend.box.height()).arg(legend.scale)));
    QVERIFY(legend.scale <= scale);
    QCOMPARE(plain.legendLayout(*m_scene, view).scale, legend.scale); // what it avoids moves it, never shrinks it
}

QTEST_MAIN(TestExporter)
#include "tst_exporter.moc"
