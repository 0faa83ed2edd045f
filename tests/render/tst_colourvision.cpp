#include "atlas.h"
#include "colourvision.h"
#include "exporter.h"
#include "layerpainter.h"
#include "mapstyle.h"
#include "maprenderer.h"
#include "projectioncatalog.h"
#include "scene.h"

#include <QTest>

using namespace spheres;

namespace {

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
    void greyscaleMapHasNoColour();
};

void TestColourVision::palettesStayDistinguishable_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QColor>("a");
    QTest::addColumn<QColor>("b");
    const QColor land = MapStyle::standard().land, ocean = MapStyle::standard().ocean;
    const QColor member = over(land, LayerPainter::membershipColour(QStringLiteral("member")));
    const QColor observer = over(land, LayerPainter::membershipColour(QStringLiteral("observer")));
    const QColor partner = over(land, LayerPainter::membershipColour(QStringLiteral("partner")));
    const QColor gas = LayerPainter::pipelinePen(QStringLiteral("gas"), QStringLiteral("operating"), 1).color();
    const QColor oil = LayerPainter::pipelinePen(QStringLiteral("oil"), QStringLiteral("operating"), 1).color();
    // Pairs that appear side by side on the map in some year.
    const QList<std::tuple<const char *, QColor, QColor>> pairs = {
        {"land/ocean", land, ocean},        {"member/non-member", member, land}, {"member/observer", member, observer},
        {"member/partner", member, partner}, {"observer/partner", observer, partner}, {"gas/oil", gas, oil},
        {"gas/member", gas, member},        {"oil/member", oil, member}};
    for (ColourVision::Mode mode : {ColourVision::Mode::Normal, ColourVision::Mode::Protanopia, ColourVision::Mode::Deuteranopia,
                                    ColourVision::Mode::Tritanopia, ColourVision::Mode::Greyscale})
        for (const auto &[name, a, b] : pairs)
            QTest::addRow("%s %s", qPrintable(ColourVision::name(mode).section(u' ', 0, 0)), name) << int(mode) << a << b;
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

void TestColourVision::greyscaleMapHasNoColour()
{
    Atlas::Result r = Atlas::loadBuiltIn(Atlas::Detail::Coarse);
    const ProjectionPreset &preset = ProjectionCatalog::defaultPreset();
    const Scene scene(std::make_shared<Atlas>(std::move(r.atlas)), preset.projection);
    ViewState view = framedView(preset.projection, preset.homeExtent, QSize(640, 360));
    view.selectedRegion = QStringLiteral("CHN");
    QImage image = Exporter::renderImage(MapRenderer(), scene, view);
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
