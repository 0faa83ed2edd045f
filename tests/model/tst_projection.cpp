#include "projectioncatalog.h"
#include "viewstate.h"

#include <QTest>

using namespace spheres;

class TestProjection : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void defaultFramesEurasia();
    void horizonHidesTheFarSide();
    void invalidDefinition();
};

void TestProjection::roundTrip_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QPointF>("lonLat");
    const QList<std::pair<const char *, QPointF>> places = {
        {"Beijing", {116.40, 39.90}}, {"Moscow", {37.62, 55.75}}, {"Astana", {71.43, 51.13}},
        {"Spratly", {114.0, 10.0}}, {"Anadyr", {177.5, 64.7}}, {"Jakarta", {106.8, -6.2}}};
    for (const QString &id : ProjectionCatalog::ids())
        for (const auto &[name, point] : places)
            QTest::addRow("%s %s", qPrintable(id), name) << id << point;
}

void TestProjection::roundTrip()
{
    QFETCH(QString, id);
    QFETCH(QPointF, lonLat);
    const Projection &projection = ProjectionCatalog::find(id)->projection;
    QVERIFY(projection.isValid());
    const auto xy = projection.forward(lonLat);
    QVERIFY(xy);
    const auto back = projection.inverse(*xy);
    QVERIFY(back);
    QVERIFY2(std::abs(back->x() - lonLat.x()) < 1e-6 && std::abs(back->y() - lonLat.y()) < 1e-6,
             qPrintable(QStringLiteral("%1,%2").arg(back->x()).arg(back->y())));
}

void TestProjection::defaultFramesEurasia()
{
    const ProjectionPreset &preset = ProjectionCatalog::defaultPreset();
    QCOMPARE(preset.projection.id(), QStringLiteral("eurasia"));
    // The projection's centre maps to the origin, north is up.
    const auto centre = preset.projection.forward({95.0, 45.0});
    QVERIFY(centre && std::abs(centre->x()) < 1e-6 && std::abs(centre->y()) < 1e-6);
    QVERIFY(preset.projection.forward({95.0, 60.0})->y() > 0);
    const ViewState view = framedView(preset.projection, preset.homeExtent, QSize(1920, 1080));
    // Moscow, Beijing, Tokyo and Singapore are all inside the default frame.
    for (const QPointF &place : {QPointF(37.6, 55.8), QPointF(116.4, 39.9), QPointF(139.7, 35.7), QPointF(103.8, 1.35)}) {
        const QPointF c = *preset.projection.forward(view.centre);
        const QPointF p = *preset.projection.forward(place);
        QVERIFY(std::abs(p.x() - c.x()) / view.metresPerPixel < 960);
        QVERIFY(std::abs(p.y() - c.y()) / view.metresPerPixel < 540);
    }
}

void TestProjection::horizonHidesTheFarSide()
{
    const Projection &laea = ProjectionCatalog::defaultPreset().projection;
    QVERIFY(laea.horizonRadius() > 1.0e7 && laea.horizonRadius() < 1.2e7);
    QCOMPARE(ProjectionCatalog::find(QStringLiteral("world"))->projection.horizonRadius(), 0.0);
    QVERIFY(!laea.forward({-85.0, -45.0})); // the antipode cannot be shown
}

void TestProjection::invalidDefinition()
{
    const Projection bad(QStringLiteral("bad"), QStringLiteral("Bad"), QStringLiteral("+proj=nonsense"), 0, ProjectionShape::Cylindrical);
    QVERIFY(!bad.isValid());
    QVERIFY(!bad.forward({0, 0}));
}

QTEST_GUILESS_MAIN(TestProjection)
#include "tst_projection.moc"
