#include "viewstate.h"

#include <QTest>

#include <functional>

using namespace spheres;

/// The view's four parts: what a saved view keeps and drops is decided by part, and the scale
/// follows the output's resolution.
class TestViewState : public QObject
{
    Q_OBJECT
private slots:
    void savedViewKeepsOrDrops_data();
    void savedViewKeepsOrDrops();
    void pictureDropsOnlyThePointer();
    void scaleDenominator_data();
    void scaleDenominator();
};

namespace {

using Edit = std::function<void(ViewState &)>;

} // namespace

Q_DECLARE_METATYPE(Edit)

void TestViewState::savedViewKeepsOrDrops_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<bool>("kept");
    QTest::newRow("camera: projection") << Edit([](ViewState &v) { v.projectionId = QStringLiteral("ortho-asia"); }) << true;
    QTest::newRow("camera: centre") << Edit([](ViewState &v) { v.centre = {100, 40}; }) << true;
    QTest::newRow("camera: scale") << Edit([](ViewState &v) { v.metresPerPixel = 1234; }) << true;
    QTest::newRow("content: year") << Edit([](ViewState &v) { v.year = 2001; }) << true;
    QTest::newRow("content: hidden layer") << Edit([](ViewState &v) { v.hiddenLayers = {QStringLiteral("pipelines")}; }) << true;
    QTest::newRow("content: opacity") << Edit([](ViewState &v) { v.layerOpacity.insert(QStringLiteral("sco"), 0.5); }) << true;
    QTest::newRow("content: legend corner") << Edit([](ViewState &v) { v.legendCorner = ViewState::Corner::TopRight; }) << true;
    QTest::newRow("selection: region") << Edit([](ViewState &v) { v.selectedRegion = QStringLiteral("KAZ"); }) << true;
    QTest::newRow("selection: feature") << Edit([](ViewState &v) { v.selectedFeature = QStringLiteral("pipelines/tapi"); }) << true;
    QTest::newRow("pointer: region") << Edit([](ViewState &v) { v.hoveredRegion = QStringLiteral("MNG"); }) << false;
    QTest::newRow("pointer: feature") << Edit([](ViewState &v) { v.hoveredFeature = QStringLiteral("pipelines/tapi"); }) << false;
    QTest::newRow("claim lighting") << Edit([](ViewState &v) { v.highlightRegions = {QStringLiteral("CHN")}; }) << false;
    QTest::newRow("claim's groups") << Edit([](ViewState &v) { v.highlightGroups = {QStringLiteral("central-asia")}; }) << false;
    QTest::newRow("output: size") << Edit([](ViewState &v) { v.size = {800, 600}; }) << false;
    QTest::newRow("output: type scale") << Edit([](ViewState &v) { v.styleScale = 2; }) << false;
    QTest::newRow("output: resolution") << Edit([](ViewState &v) { v.dpi = 300; }) << false;
}

void TestViewState::savedViewKeepsOrDrops()
{
    QFETCH(Edit, edit);
    QFETCH(bool, kept);
    ViewState edited;
    edit(edited);
    QVERIFY(!(edited == ViewState()));
    QCOMPARE(edited.savable() == edited, kept);
    QCOMPARE(edited.savable() == ViewState(), !kept);
}

void TestViewState::pictureDropsOnlyThePointer()
{
    ViewState view;
    view.selectedRegion = QStringLiteral("KAZ");
    view.hoveredRegion = QStringLiteral("MNG");
    view.hoveredFeature = QStringLiteral("pipelines/tapi");
    view.highlightRegions = {QStringLiteral("CHN")};
    view.size = {800, 600};
    const ViewState picture = view.withoutPointer();
    QVERIFY(picture.hoveredRegion.isEmpty() && picture.hoveredFeature.isEmpty());
    ViewState expected = view;
    expected.interaction().clearPointer();
    QVERIFY(picture == expected);
    QCOMPARE(picture.selectedRegion, QStringLiteral("KAZ"));
    QCOMPARE(picture.highlightRegions, QStringList{QStringLiteral("CHN")});
    QVERIFY(picture.output() == view.output());
}

void TestViewState::scaleDenominator_data()
{
    QTest::addColumn<double>("metresPerPixel");
    QTest::addColumn<double>("dpi");
    QTest::addColumn<double>("denominator");
    // One screen pixel (1/96 inch) showing 5 km: 5000 m / 0.000264583 m.
    QTest::newRow("screen, 5 km a pixel") << 5000.0 << 96.0 << 18897637.8;
    QTest::newRow("300 DPI page, 5 km a pixel") << 5000.0 << 300.0 << 59055118.1;
    QTest::newRow("screen, 1 m a pixel") << 1.0 << 96.0 << 3779.527559;
    QTest::newRow("72 DPI, 254 m a pixel") << 254.0 << 72.0 << 720000.0;
}

void TestViewState::scaleDenominator()
{
    QFETCH(double, metresPerPixel);
    QFETCH(double, dpi);
    QFETCH(double, denominator);
    ViewState view;
    view.metresPerPixel = metresPerPixel;
    view.dpi = dpi;
    QVERIFY2(qAbs(view.scaleDenominator() - denominator) < denominator * 1e-8,
             qPrintable(QString::number(view.scaleDenominator(), 'f', 3)));
}

QTEST_GUILESS_MAIN(TestViewState)
#include "tst_viewstate.moc"
