// Style by attribute: a user's layer coloured by a text field (categories) or a numeric one
// (quantiles, equal intervals), each class in its colour on the map and with its entry in the
// legend of every output; the palettes stay apart for colour-blind readers.
#include "atlas.h"
#include "attributeclassifier.h"
#include "classcolours.h"
#include "colourvision.h"
#include "exporter.h"
#include "geojsonreader.h"
#include "layerlegend.h"
#include "layerpainter.h"
#include "legendpainter.h"
#include "mapstyle.h"
#include "maprenderer.h"
#include "projectioncatalog.h"
#include "scene.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace spheres;
using namespace Qt::StringLiterals;

namespace {

/// Six squares across Central Asia with a text field "kind" and a number "pop", and a seventh
/// with neither.
Layer squaresLayer()
{
    const QList<std::pair<QString, int>> values{{u"mine"_s, 5}, {u"farm"_s, 10}, {u"port"_s, 20},
                                                {u"farm"_s, 40}, {u"mine"_s, 80}, {u"Farm"_s, 160}};
    QJsonArray features;
    for (int i = 0; i <= values.size(); ++i) {
        const double lon = 56 + 8 * i, lat = 47;
        QJsonObject properties{{u"name"_s, u"Square %1"_s.arg(i)}};
        if (i < values.size()) {
            properties.insert(u"kind"_s, values[i].first);
            properties.insert(u"pop"_s, values[i].second);
        }
        const QJsonArray ring{QJsonArray{lon, lat}, QJsonArray{lon + 4, lat}, QJsonArray{lon + 4, lat + 4},
                              QJsonArray{lon, lat + 4}, QJsonArray{lon, lat}};
        features.append(QJsonObject{{u"type"_s, u"Feature"_s}, {u"id"_s, u"s%1"_s.arg(i)}, {u"properties"_s, properties},
                                    {u"geometry"_s, QJsonObject{{u"type"_s, u"Polygon"_s}, {u"coordinates"_s, QJsonArray{ring}}}}});
    }
    const QJsonObject collection{{u"type"_s, u"FeatureCollection"_s}, {u"features"_s, features}};
    GeoJsonReader::Result read = GeoJsonReader::read(QJsonDocument(collection).toJson(), u"squares.geojson"_s);
    return read.layer;
}

const std::shared_ptr<const Atlas> &coarseAtlas()
{
    static const auto atlas = std::make_shared<const Atlas>(Atlas::loadBuiltIn(Atlas::Detail::Coarse).atlas);
    return atlas;
}

QColor over(const QColor &base, const QColor &tint)
{
    const double a = tint.alphaF();
    return QColor::fromRgbF(base.redF() * (1 - a) + tint.redF() * a, base.greenF() * (1 - a) + tint.greenF() * a,
                            base.blueF() * (1 - a) + tint.blueF() * a);
}

/// The commonest colour of the 9×9 pixels around `at`: a label's glyph or an outline does not decide.
QColor commonestAround(const QImage &image, QPoint at)
{
    QHash<QRgb, int> counts;
    for (int dy = -4; dy <= 4; ++dy)
        for (int dx = -4; dx <= 4; ++dx)
            ++counts[image.pixel(at + QPoint(dx, dy))];
    return QColor::fromRgb(std::max_element(counts.begin(), counts.end()).key());
}

QStringList labelsOf(const QList<LegendSwatch> &swatches)
{
    QStringList out;
    for (const LegendSwatch &s : swatches)
        out << (s.heading ? u"# "_s : QString()) + s.label;
    return out;
}

constexpr ColourVision::Mode kModes[] = {ColourVision::Mode::Normal, ColourVision::Mode::Protanopia,
                                         ColourVision::Mode::Deuteranopia, ColourVision::Mode::Tritanopia,
                                         ColourVision::Mode::Greyscale};

} // namespace

class TestAttributeStyle : public QObject
{
    Q_OBJECT

private slots:
    void listsTheFields();
    void classifies_data();
    void classifies();
    void manyCategoriesShareOther();
    void featuresTakeTheirClassColour();
    void legendListsEveryClassInOrder();
    void twoClassesShowInTwoColoursOnAnExport();
    void svgAndPdfLegendsNameTheClasses();
    void categoryPaletteStaysApart_data();
    void categoryPaletteStaysApart();
    void sequentialClassesStayApart_data();
    void sequentialClassesStayApart();
    void classColoursStayApartFromTheMapsOwn_data();
    void classColoursStayApartFromTheMapsOwn();
};

void TestAttributeStyle::listsTheFields()
{
    const QList<AttributeClassifier::Field> fields = AttributeClassifier::fieldsOf(squaresLayer());
    QCOMPARE(fields.size(), 2);
    QCOMPARE(fields[0].name, u"kind"_s);
    QVERIFY(!fields[0].numeric);
    QCOMPARE(fields[0].distinct, 4); // mine, farm, port, Farm
    QCOMPARE(fields[1].name, u"pop"_s);
    QVERIFY(fields[1].numeric);
    QCOMPARE(fields[1].distinct, 6);
}

void TestAttributeStyle::classifies_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("method");
    QTest::addColumn<int>("classes");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QList<int>>("featureClass");
    QTest::newRow("categories of a text field")
        << u"kind"_s << int(AttributeStyle::Method::Categories) << 5 << QStringList{u"Farm"_s, u"farm"_s, u"mine"_s, u"port"_s}
        << QList<int>{2, 1, 3, 1, 2, 0, -1};
    QTest::newRow("categories of a numeric field, by number")
        << u"pop"_s << int(AttributeStyle::Method::Categories) << 5
        << QStringList{u"5"_s, u"10"_s, u"20"_s, u"40"_s, u"80"_s, u"160"_s} << QList<int>{0, 1, 2, 3, 4, 5, -1};
    QTest::newRow("quantiles, 3 classes") << u"pop"_s << int(AttributeStyle::Method::Quantiles) << 3
                                          << QStringList{u"5 – 20"_s, u"20 – 80"_s, u"80 – 160"_s}
                                          << QList<int>{0, 0, 1, 1, 2, 2, -1};
    QTest::newRow("equal intervals, 3 classes") << u"pop"_s << int(AttributeStyle::Method::EqualIntervals) << 3
                                                << QStringList{u"5 – 57"_s, u"57 – 108"_s, u"108 – 160"_s}
                                                << QList<int>{0, 0, 0, 0, 1, 2, -1};
    QTest::newRow("equal intervals, 5 classes") << u"pop"_s << int(AttributeStyle::Method::EqualIntervals) << 5
                                                << QStringList{u"5 – 36"_s, u"36 – 67"_s, u"67 – 98"_s, u"98 – 129"_s, u"129 – 160"_s}
                                                << QList<int>{0, 0, 0, 1, 2, 4, -1};
    QTest::newRow("numeric classes of a text field: no values") << u"kind"_s << int(AttributeStyle::Method::Quantiles) << 5
                                                                << QStringList{} << QList<int>{-1, -1, -1, -1, -1, -1, -1};
}

void TestAttributeStyle::classifies()
{
    QFETCH(QString, field);
    QFETCH(int, method);
    QFETCH(int, classes);
    QFETCH(QStringList, labels);
    QFETCH(QList<int>, featureClass);
    const Layer layer = AttributeClassifier::styled(squaresLayer(), {field, AttributeStyle::Method(method), classes});
    QVERIFY(layer.classes);
    QCOMPARE(layer.classes->labels, labels);
    QCOMPARE(layer.classes->featureClass, featureClass);
    QCOMPARE(layer.classes->withoutValue, int(featureClass.count(-1)));
    QCOMPARE(layer.classes->scale, method == int(AttributeStyle::Method::Categories) ? AttributeClasses::Scale::Qualitative
                                                                                     : AttributeClasses::Scale::Sequential);
    QVERIFY(!AttributeClassifier::styled(layer, {}).classes); // unset: plain again
}

void TestAttributeStyle::manyCategoriesShareOther()
{
    Layer layer;
    for (int i = 0; i < 20; ++i) {
        Feature f;
        f.id = u"f%1"_s.arg(i);
        f.properties.insert(u"v"_s, u"value %1"_s.arg(i < 10 ? i % 3 : i)); // 0, 1, 2 frequent; 10…19 once
        layer.features << f;
    }
    const AttributeClasses c = AttributeClassifier::classify(layer, {u"v"_s});
    QCOMPARE(c.labels.size(), AttributeClassifier::kMaxCategories);
    QCOMPARE(c.labels.mid(0, 3), (QStringList{u"value 0"_s, u"value 1"_s, u"value 10"_s}));
    QCOMPARE(c.labels.back(), u"Other (6 values)"_s);
    QCOMPARE(c.featureClass[0], 0);
    QCOMPARE(c.featureClass[19], AttributeClassifier::kMaxCategories - 1); // "value 19" falls in Other
}

void TestAttributeStyle::featuresTakeTheirClassColour()
{
    const LayerStyle &style = MapStyle::standard().layers;
    const Layer layer = AttributeClassifier::styled(squaresLayer(), {u"kind"_s});
    // Same class, same colour; another class, another colour; no value: the plain colour (invalid here).
    QCOMPARE(ClassColours::featureColour(layer, 1, style), ClassColours::featureColour(layer, 3, style));
    QCOMPARE(ClassColours::featureColour(layer, 1, style), style.categoryPalette[1]);
    QCOMPARE(ClassColours::featureColour(layer, 0, style), style.categoryPalette[2]);
    QVERIFY(ClassColours::featureColour(layer, 0, style) != ClassColours::featureColour(layer, 1, style));
    QVERIFY(!ClassColours::featureColour(layer, 6, style).isValid());
    QVERIFY(!ClassColours::featureColour(squaresLayer(), 0, style).isValid()); // plain layer
    // Numeric classes run from the ramp's lightest to its darkest.
    const Layer ranked = AttributeClassifier::styled(squaresLayer(), {u"pop"_s, AttributeStyle::Method::Quantiles, 3});
    QCOMPARE(ClassColours::featureColour(ranked, 0, style), style.sequentialPalette.front());
    QCOMPARE(ClassColours::featureColour(ranked, 5, style), style.sequentialPalette.back());
}

void TestAttributeStyle::legendListsEveryClassInOrder()
{
    const ProjectionPreset &preset = ProjectionCatalog::defaultPreset();
    Scene scene(coarseAtlas(), preset.projection);
    scene.setLayers({std::make_shared<const Layer>(
        AttributeClassifier::styled(squaresLayer(), {u"pop"_s, AttributeStyle::Method::Quantiles, 3}))});
    const ViewState view = framedView(preset.projection, preset.homeExtent, QSize(1280, 720));
    QCOMPARE(labelsOf(LayerLegend::legend(scene, view)),
             (QStringList{u"# squares — pop"_s, u"5 – 20"_s, u"20 – 80"_s, u"80 – 160"_s, u"No value"_s}));
    // The Layers panel lists the classes without the heading (the layer's row names it).
    QCOMPARE(labelsOf(LayerLegend::swatchesFor(*scene.layers().front().layer)),
             (QStringList{u"5 – 20"_s, u"20 – 80"_s, u"80 – 160"_s, u"No value"_s}));
    // The legend's layout makes room for every entry.
    const LegendPainter::Layout layout = LegendPainter::layout(scene, view, MapStyle::standard(), {});
    QCOMPARE(layout.entries.size(), 5);
    QVERIFY(!layout.box.isEmpty());
    QVERIFY(QRectF(QPointF(0, 0), QSizeF(view.size)).contains(layout.box));
}

void TestAttributeStyle::twoClassesShowInTwoColoursOnAnExport()
{
    const ProjectionPreset &preset = ProjectionCatalog::defaultPreset();
    Scene scene(coarseAtlas(), preset.projection);
    const Layer layer = AttributeClassifier::styled(squaresLayer(), {u"kind"_s});
    scene.setLayers({std::make_shared<const Layer>(layer)});
    ViewState view = framedView(preset.projection, preset.homeExtent, QSize(1280, 720));
    view.centre = QPointF(80, 48);
    view.metresPerPixel = 4000;
    const QImage image = Exporter::renderImage(MapRenderer(), scene, view);
    const MapStyle &style = MapStyle::standard();
    QList<QColor> seen;
    for (int i : {1, 0}) { // farm, mine
        const std::optional<QPointF> pixel = scene.pixelOf(view, QPointF(58 + 8 * i, 49));
        QVERIFY(pixel);
        const QColor drawn = commonestAround(image, pixel->toPoint());
        const QColor expected = over(style.land, ClassColours::featureColour(layer, i, style.layers));
        QVERIFY2(ColourVision::deltaE(drawn, expected) < 4.0,
                 qPrintable(u"square %1: drawn %2, expected %3"_s.arg(i).arg(drawn.name(), expected.name())));
        seen << drawn;
    }
    QVERIFY2(ColourVision::deltaE(seen[0], seen[1]) > 12.0, qPrintable(seen[0].name() + u" / "_s + seen[1].name()));
}

void TestAttributeStyle::svgAndPdfLegendsNameTheClasses()
{
    const ProjectionPreset &preset = ProjectionCatalog::defaultPreset();
    Scene scene(coarseAtlas(), preset.projection);
    scene.setLayers({std::make_shared<const Layer>(AttributeClassifier::styled(squaresLayer(), {u"kind"_s}))});
    const ViewState view = framedView(preset.projection, preset.homeExtent, QSize(1280, 720));
    QTemporaryDir dir;
    const QStringList labels{u"squares — kind"_s, u"Farm"_s, u"farm"_s, u"mine"_s, u"port"_s, u"No value"_s};
    ExportOptions svg;
    svg.format = ExportOptions::Format::Svg;
    const QString svgPath = dir.filePath(u"map.svg"_s);
    QVERIFY(Exporter::exportTo(MapRenderer(), scene, view, svg, svgPath).ok());
    QFile file(svgPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    qsizetype at = 0;
    for (const QString &label : labels) { // each once, in the legend's order
        const qsizetype next = text.indexOf(u'>' + label + u'<', at);
        QVERIFY2(next > at, qPrintable(label));
        at = next;
    }
    if (QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    ExportOptions pdf;
    pdf.format = ExportOptions::Format::Pdf;
    const QString pdfPath = dir.filePath(u"map.pdf"_s);
    QVERIFY(Exporter::exportTo(MapRenderer(), scene, view, pdf, pdfPath).ok());
    QProcess pdftotext;
    pdftotext.start(u"pdftotext"_s, {pdfPath, u"-"_s});
    QVERIFY(pdftotext.waitForFinished(60000));
    const QString pdfText = QString::fromUtf8(pdftotext.readAllStandardOutput()).simplified();
    for (const QString &label : labels)
        QVERIFY2(pdfText.contains(label), qPrintable(label + u" not in: "_s + pdfText));
}

void TestAttributeStyle::categoryPaletteStaysApart_data()
{
    // The palette rule of tst_colourvision, for up to eight categories side by side: each hue
    // apart from the others and from the land, over the land, to every reader. (Greyscale is
    // left out: eight hues cannot be eight greys apart; the legend names them.)
    QTest::addColumn<QColor>("a");
    QTest::addColumn<QColor>("b");
    QTest::addColumn<int>("mode");
    for (const MapStyle *style : {&MapStyle::standard(), &MapStyle::dark()}) {
        const QList<QColor> &palette = style->layers.categoryPalette;
        QCOMPARE(palette.size(), AttributeClassifier::kMaxCategories);
        for (ColourVision::Mode mode : kModes) {
            if (mode == ColourVision::Mode::Greyscale)
                continue;
            const QByteArray name = ColourVision::name(mode).section(u' ', 0, 0).toUtf8() + (style->isDark ? " dark" : "");
            for (qsizetype i = 0; i < palette.size(); ++i) {
                QTest::addRow("%s %s/land", name.constData(), qPrintable(palette[i].name()))
                    << over(style->land, palette[i]) << style->land << int(mode);
                for (qsizetype j = i + 1; j < palette.size(); ++j)
                    QTest::addRow("%s %s/%s", name.constData(), qPrintable(palette[i].name()), qPrintable(palette[j].name()))
                        << over(style->land, palette[i]) << over(style->land, palette[j]) << int(mode);
            }
        }
    }
}

void TestAttributeStyle::categoryPaletteStaysApart()
{
    QFETCH(QColor, a);
    QFETCH(QColor, b);
    QFETCH(int, mode);
    const auto m = ColourVision::Mode(mode);
    const double d = ColourVision::deltaE(ColourVision::simulate(a, m), ColourVision::simulate(b, m));
    QVERIFY2(d >= 12.0, qPrintable(u"ΔE %1 between %2 and %3"_s.arg(d, 0, 'f', 1).arg(a.name(), b.name())));
}

void TestAttributeStyle::sequentialClassesStayApart_data()
{
    // Neighbouring classes of 2 to 7, and the lightest against the land, in every mode and in
    // greyscale print: a ramp is read by its lightness.
    QTest::addColumn<QColor>("a");
    QTest::addColumn<QColor>("b");
    QTest::addColumn<int>("mode");
    const MapStyle &style = MapStyle::standard();
    for (int k = AttributeStyle::kMinClasses; k <= AttributeStyle::kMaxClasses; ++k)
        for (ColourVision::Mode mode : kModes) {
            const QByteArray name = ColourVision::name(mode).section(u' ', 0, 0).toUtf8();
            const auto colour = [&](int i) {
                return over(style.land, ClassColours::colourOf(AttributeClasses::Scale::Sequential, i, k, style.layers));
            };
            QTest::addRow("%d classes %s first/land", k, name.constData()) << colour(0) << style.land << int(mode);
            for (int i = 1; i < k; ++i)
                QTest::addRow("%d classes %s %d/%d", k, name.constData(), i - 1, i) << colour(i - 1) << colour(i) << int(mode);
        }
}

void TestAttributeStyle::sequentialClassesStayApart()
{
    QFETCH(QColor, a);
    QFETCH(QColor, b);
    QFETCH(int, mode);
    const auto m = ColourVision::Mode(mode);
    const double d = ColourVision::deltaE(ColourVision::simulate(a, m), ColourVision::simulate(b, m));
    QVERIFY2(d >= 8.0, qPrintable(u"ΔE %1 between %2 and %3"_s.arg(d, 0, 'f', 1).arg(a.name(), b.name())));
}

void TestAttributeStyle::classColoursStayApartFromTheMapsOwn_data()
{
    // A user's classes beside the SCO's members (its green once was a class's), observers and
    // partners, every bloc's statuses and a plain user's layer, over the land, in both styles.
    QTest::addColumn<QColor>("a");
    QTest::addColumn<QColor>("b");
    for (const MapStyle *style : {&MapStyle::standard(), &MapStyle::dark()}) {
        const LayerStyle &layers = style->layers;
        QList<std::pair<QString, QColor>> fixed;
        for (const char *status : {"member", "observer", "partner"})
            fixed << std::pair{QString::fromLatin1(status), LayerPainter::membershipColour(QString::fromLatin1(status), layers)};
        for (auto it = layers.blocPalettes.cbegin(); it != layers.blocPalettes.cend(); ++it)
            for (qsizetype i = 0; i < it->size(); ++i)
                fixed << std::pair{u"%1 %2"_s.arg(it.key()).arg(i), it->at(i)};
        fixed << std::pair{u"plain layer"_s, layers.genericFill};
        for (const auto &[palette, colours] : {std::pair{"category", &layers.categoryPalette}, std::pair{"sequential", &layers.sequentialPalette}})
            for (const QColor &colour : *colours)
                for (const auto &[name, own] : fixed)
                    QTest::addRow("%s %s %s/%s", style->isDark ? "dark" : "light", palette, qPrintable(colour.name()), qPrintable(name))
                        << over(style->land, colour) << over(style->land, own);
    }
}

void TestAttributeStyle::classColoursStayApartFromTheMapsOwn()
{
    QFETCH(QColor, a);
    QFETCH(QColor, b);
    const double d = ColourVision::deltaE(a, b);
    QVERIFY2(d >= 12.0, qPrintable(u"ΔE %1 between %2 and %3"_s.arg(d, 0, 'f', 1).arg(a.name(), b.name())));
}

QTEST_MAIN(TestAttributeStyle)
#include "tst_attributestyle.moc"
