#include "atlas.h"
#include "colourvision.h"
#include "exporter.h"
#include "geojsonreader.h"
#include "layerpainter.h"
#include "membershipcomparison.h"
#include "mapstyle.h"
#include "maprenderer.h"
#include "projectioncatalog.h"
#include "scene.h"

#include <QTest>

#include <algorithm>

using namespace spheres;

namespace {

constexpr ColourVision::Mode kModes[] = {ColourVision::Mode::Normal, ColourVision::Mode::Protanopia,
                                         ColourVision::Mode::Deuteranopia, ColourVision::Mode::Tritanopia,
                                         ColourVision::Mode::Greyscale};

/// The shipped map styles, each checked alike.
QList<std::pair<const char *, const MapStyle *>> styles()
{
    return {{"light", &MapStyle::standard()}, {"dark", &MapStyle::dark()}};
}

QColor over(const QColor &base, const QColor &tint)
{
    const double a = tint.alphaF();
    return QColor::fromRgbF(base.redF() * (1 - a) + tint.redF() * a, base.greenF() * (1 - a) + tint.greenF() * a,
                            base.blueF() * (1 - a) + tint.blueF() * a);
}

} // namespace

/// The shipped palettes must stay readable for colour-blind readers and in greyscale print.
class TestColourVision : public QObject
{
    Q_OBJECT
private slots:
    void palettesStayDistinguishable_data();
    void palettesStayDistinguishable();
    void claimantsOfAZoneStayApart_data();
    void claimantsOfAZoneStayApart();
    void blocsNeverLookAlike_data();
    void blocsNeverLookAlike();
    void aBlocsStatusesStayApart_data();
    void aBlocsStatusesStayApart();
    void blackSeaClaimantsStayApart_data();
    void blackSeaClaimantsStayApart();
    void greyscaleMapHasNoColour_data();
    void greyscaleMapHasNoColour();
};

void TestColourVision::palettesStayDistinguishable_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QColor>("a");
    QTest::addColumn<QColor>("b");
    for (const auto &[styleName, style] : styles()) {
        const LayerStyle &layers = style->layers;
        const QColor land = style->land, ocean = style->ocean;
        const QColor member = over(land, LayerPainter::membershipColour(QStringLiteral("member"), layers));
        const QColor observer = over(land, LayerPainter::membershipColour(QStringLiteral("observer"), layers));
        const QColor partner = over(land, LayerPainter::membershipColour(QStringLiteral("partner"), layers));
        const QColor gas = LayerPainter::pipelinePen(QStringLiteral("gas"), QStringLiteral("operating"), 1, layers).color();
        const QColor oil = LayerPainter::pipelinePen(QStringLiteral("oil"), QStringLiteral("operating"), 1, layers).color();
        // Pairs that appear side by side on the map in some year; text over what it is written on.
        const QList<std::tuple<const char *, QColor, QColor>> pairs = {
            {"land/ocean", land, ocean},        {"member/non-member", member, land}, {"member/observer", member, observer},
            {"member/partner", member, partner}, {"observer/partner", observer, partner}, {"gas/oil", gas, oil},
            {"gas/member", gas, member},        {"oil/member", oil, member},          {"gas/land", gas, land},
            {"oil/land", oil, land},            {"label/halo", style->label, over(land, style->labelHalo)},
            {"selection/land", style->selectionOutline, land}};
        for (ColourVision::Mode mode : kModes)
            for (const auto &[name, a, b] : pairs)
                QTest::addRow("%s %s %s", styleName, qPrintable(ColourVision::name(mode).section(u' ', 0, 0)), name)
                    << int(mode) << a << b;
    }
}

void TestColourVision::palettesStayDistinguishable()
{
    QFETCH(int, mode);
    QFETCH(QColor, a);
    QFETCH(QColor, b);
    const auto m = ColourVision::Mode(mode);
    const double d = ColourVision::deltaE(ColourVision::simulate(a, m), ColourVision::simulate(b, m));
    qInfo("ΔE = %.1f", d);
    QVERIFY2(d >= 8.0, qPrintable(QStringLiteral("ΔE %1 between %2 and %3").arg(d, 0, 'f', 1).arg(a.name(), b.name())));
}

void TestColourVision::claimantsOfAZoneStayApart_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QColor>("a");
    QTest::addColumn<QColor>("b");
    QStringList errors;
    const QList<std::shared_ptr<const Layer>> layers = GeoJsonReader::readAllBuiltIn(errors);
    const auto zones = std::find_if(layers.begin(), layers.end(), [](const auto &l) { return l->kind == LayerKind::Zones; });
    QVERIFY2(zones != layers.end(), qPrintable(errors.join(u'\n')));
    // Greyscale is left out: six stripes cannot be six greys apart; their order still tells them.
    for (const auto &[styleName, style] : styles())
        for (const Feature &f : (*zones)->features)
            for (qsizetype i = 0; i < f.details().claimants.size(); ++i)
                for (qsizetype j = i + 1; j < f.details().claimants.size(); ++j)
                    for (ColourVision::Mode mode : kModes)
                        if (mode != ColourVision::Mode::Greyscale)
                            QTest::addRow("%s %s %s/%s %s", styleName, qPrintable(f.id), qPrintable(f.details().claimants[i]),
                                          qPrintable(f.details().claimants[j]), qPrintable(ColourVision::name(mode).section(u' ', 0, 0)))
                                << int(mode) << style->layers.claimant(f.details().claimants[i]) << style->layers.claimant(f.details().claimants[j]);
}

void TestColourVision::claimantsOfAZoneStayApart()
{
    QFETCH(int, mode);
    QFETCH(QColor, a);
    QFETCH(QColor, b);
    const auto m = ColourVision::Mode(mode);
    const double d = ColourVision::deltaE(ColourVision::simulate(a, m), ColourVision::simulate(b, m));
    QVERIFY2(d >= 20.0, qPrintable(QStringLiteral("ΔE %1 between %2 and %3").arg(d, 0, 'f', 1).arg(a.name(), b.name())));
}

namespace {

/// The organisations' layers and the comparison of blocs, as they ship.
const QList<std::shared_ptr<const Layer>> &membershipLayers()
{
    static const QList<std::shared_ptr<const Layer>> layers = [] {
        QList<std::shared_ptr<const Layer>> out;
        for (const QString &id : QStringList{QStringLiteral("sco")} + GeoJsonReader::optionalIds())
            out << std::make_shared<const Layer>(GeoJsonReader::readBuiltIn(id).layer);
        for (const QString &id : MembershipComparison::builtInIds())
            out << std::make_shared<const Layer>(MembershipComparison::readBuiltIn(id).layer);
        return out;
    }();
    return layers;
}

/// Each status's fill of `layer` over the style's land, as the map shows it.
QList<std::pair<QString, QColor>> fillsOf(const Layer &layer, const MapStyle &style)
{
    QList<std::pair<QString, QColor>> out;
    for (const LegendEntry &e : layer.legend)
        out.push_back({e.key, over(style.land, LayerPainter::membershipColour(layer, e.key, style.layers))});
    return out;
}

} // namespace

void TestColourVision::blocsNeverLookAlike_data()
{
    QTest::addColumn<QColor>("a");
    QTest::addColumn<QColor>("b");
    const auto &layers = membershipLayers();
    QCOMPARE(layers.size(), 6);
    for (const auto &[styleName, style] : styles())
        for (qsizetype i = 0; i < layers.size(); ++i)
            for (qsizetype j = i + 1; j < layers.size(); ++j) {
                if (!layers[i]->derivedFrom.isEmpty() || !layers[j]->derivedFrom.isEmpty())
                    continue; // the comparison is shown instead of its sources, not beside them
                for (const auto &[statusA, a] : fillsOf(*layers[i], *style))
                    for (const auto &[statusB, b] : fillsOf(*layers[j], *style))
                        QTest::addRow("%s %s %s/%s %s", styleName, qPrintable(layers[i]->id), qPrintable(statusA),
                                      qPrintable(layers[j]->id), qPrintable(statusB))
                            << a << b;
            }
}

void TestColourVision::blocsNeverLookAlike()
{
    QFETCH(QColor, a);
    QFETCH(QColor, b);
    const double d = ColourVision::deltaE(a, b);
    QVERIFY2(d >= 12.0, qPrintable(QStringLiteral("ΔE %1 between %2 and %3").arg(d, 0, 'f', 1).arg(a.name(), b.name())));
}

void TestColourVision::aBlocsStatusesStayApart_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QColor>("a");
    QTest::addColumn<QColor>("b");
    for (const auto &[styleName, style] : styles())
        for (const auto &layer : membershipLayers()) {
            const auto fills = fillsOf(*layer, *style);
            for (ColourVision::Mode mode : kModes) {
                const QByteArray modeName = ColourVision::name(mode).section(u' ', 0, 0).toUtf8();
                // Members against the land in every mode, greyscale print too.
                QTest::addRow("%s %s %s/land %s", styleName, qPrintable(layer->id), qPrintable(fills[0].first), modeName.constData())
                    << int(mode) << fills[0].second << style->land;
                if (mode == ColourVision::Mode::Greyscale)
                    continue; // four statuses cannot be four greys apart; the legend names them
                for (qsizetype i = 0; i < fills.size(); ++i)
                    for (qsizetype j = i + 1; j < fills.size(); ++j)
                        if (fills[i].second != fills[j].second) // dialogue partner and partner: one colour, never one year
                            QTest::addRow("%s %s %s/%s %s", styleName, qPrintable(layer->id), qPrintable(fills[i].first),
                                          qPrintable(fills[j].first), modeName.constData())
                                << int(mode) << fills[i].second << fills[j].second;
            }
        }
}

void TestColourVision::aBlocsStatusesStayApart()
{
    QFETCH(int, mode);
    QFETCH(QColor, a);
    QFETCH(QColor, b);
    const auto m = ColourVision::Mode(mode);
    const double d = ColourVision::deltaE(ColourVision::simulate(a, m), ColourVision::simulate(b, m));
    QVERIFY2(d >= 8.0, qPrintable(QStringLiteral("ΔE %1 between %2 and %3").arg(d, 0, 'f', 1).arg(a.name(), b.name())));
}

void TestColourVision::blackSeaClaimantsStayApart_data()
{
    // Ukraine's, Georgia's and Moldova's zones are seen together, with Russia holding them.
    QTest::addColumn<int>("mode");
    QTest::addColumn<QColor>("a");
    QTest::addColumn<QColor>("b");
    const QStringList codes{QStringLiteral("UKR"), QStringLiteral("GEO"), QStringLiteral("MDA"), QStringLiteral("RUS")};
    for (const auto &[styleName, style] : styles())
        for (qsizetype i = 0; i < codes.size(); ++i)
            for (qsizetype j = i + 1; j < codes.size(); ++j)
                for (ColourVision::Mode mode : kModes)
                    if (mode != ColourVision::Mode::Greyscale)
                        QTest::addRow("%s %s/%s %s", styleName, qPrintable(codes[i]), qPrintable(codes[j]),
                                      qPrintable(ColourVision::name(mode).section(u' ', 0, 0)))
                            << int(mode) << style->layers.claimant(codes[i]) << style->layers.claimant(codes[j]);
}

void TestColourVision::blackSeaClaimantsStayApart()
{
    QFETCH(int, mode);
    QFETCH(QColor, a);
    QFETCH(QColor, b);
    const auto m = ColourVision::Mode(mode);
    const double d = ColourVision::deltaE(ColourVision::simulate(a, m), ColourVision::simulate(b, m));
    QVERIFY2(d >= 20.0, qPrintable(QStringLiteral("ΔE %1 between %2 and %3").arg(d, 0, 'f', 1).arg(a.name(), b.name())));
}

void TestColourVision::greyscaleMapHasNoColour_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestColourVision::greyscaleMapHasNoColour()
{
    QFETCH(bool, dark);
    Atlas::Result r = Atlas::loadBuiltIn(Atlas::Detail::Coarse);
    const ProjectionPreset &preset = ProjectionCatalog::defaultPreset();
    const Scene scene(std::make_shared<Atlas>(std::move(r.atlas)), preset.projection);
    ViewState view = framedView(preset.projection, preset.homeExtent, QSize(640, 360));
    view.selectedRegion = QStringLiteral("CHN");
    QImage image = Exporter::renderImage(MapRenderer(dark ? MapStyle::dark() : MapStyle::standard()), scene, view);
    ColourVision::simulate(image, ColourVision::Mode::Greyscale);
    for (int y = 0; y < image.height(); y += 5)
        for (int x = 0; x < image.width(); x += 5) {
            const QColor c = image.pixelColor(x, y);
            QVERIFY(std::abs(c.red() - c.green()) <= 1 && std::abs(c.green() - c.blue()) <= 1);
        }
    // The selection still stands out from the land around it.
    const QColor china = image.pixelColor(scene.pixelOf(view, {105.0, 35.0})->toPoint());
    const QColor mongolia = image.pixelColor(scene.pixelOf(view, {103.0, 46.0})->toPoint());
    QVERIFY(ColourVision::deltaE(china, mongolia) > 5.0);
}

QTEST_MAIN(TestColourVision)
#include "tst_colourvision.moc"
