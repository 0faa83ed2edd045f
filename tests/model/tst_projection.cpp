#include "projectioncatalog.h"
#include "viewstate.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

using namespace spheres;

class TestProjection : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void projectsToKnownCoordinates_data();
    void projectsToKnownCoordinates();
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

void TestProjection::projectsToKnownCoordinates_data()
{
    // Reference values from PROJ 9.1.1 (proj_trans with each preset's own definition), so that a
    // wrong parameter, axis order or unit fails here, which a round trip alone cannot show.
    QTest::addColumn<QString>("id");
    QTest::addColumn<QPointF>("lonLat");
    QTest::addColumn<QPointF>("metres");
    QTest::newRow("eurasia: Beijing") << u"eurasia"_s << QPointF(116.407400, 39.904200) << QPointF(1806997.384, -330591.492);
    QTest::newRow("eurasia: Moscow") << u"eurasia"_s << QPointF(37.617300, 55.755800) << QPointF(-3196339.029, 2487103.909);
    QTest::newRow("eurasia: Astana") << u"eurasia"_s << QPointF(71.449100, 51.169400) << QPointF(-1618850.109, 929911.243);
    QTest::newRow("eurasia: Tokyo") << u"eurasia"_s << QPointF(139.691700, 35.689500) << QPointF(3822625.126, 28319.804);
    QTest::newRow("eurasia: New Delhi") << u"eurasia"_s << QPointF(77.209000, 28.613900) << QPointF(-1742493.138, -1634308.488);
    QTest::newRow("eurasia-conic: Beijing") << u"eurasia-conic"_s << QPointF(116.407400, 39.904200) << QPointF(1708269.473, -300721.462);
    QTest::newRow("eurasia-conic: Moscow") << u"eurasia-conic"_s << QPointF(37.617300, 55.755800) << QPointF(-3140465.403, 2317441.525);
    QTest::newRow("eurasia-conic: Astana") << u"eurasia-conic"_s << QPointF(71.449100, 51.169400) << QPointF(-1529694.848, 873722.610);
    QTest::newRow("eurasia-conic: Tokyo") << u"eurasia-conic"_s << QPointF(139.691700, 35.689500) << QPointF(3659044.876, 83071.143);
    QTest::newRow("eurasia-conic: New Delhi") << u"eurasia-conic"_s << QPointF(77.209000, 28.613900) << QPointF(-1692697.079, -1544408.009);
    QTest::newRow("world: Beijing") << u"world"_s << QPointF(116.407400, 39.904200) << QPointF(10400768.350, 4485546.411);
    QTest::newRow("world: Moscow") << u"world"_s << QPointF(37.617300, 55.755800) << QPointF(3075549.599, 6215005.808);
    QTest::newRow("world: Astana") << u"world"_s << QPointF(71.449100, 51.169400) << QPointF(6018582.524, 5726582.483);
    QTest::newRow("world: Tokyo") << u"world"_s << QPointF(139.691700, 35.689500) << QPointF(12697400.599, 4012481.711);
    QTest::newRow("world: New Delhi") << u"world"_s << QPointF(77.209000, 28.613900) << QPointF(7185254.788, 3214828.624);
    QTest::newRow("world-pacific: Beijing") << u"world-pacific"_s << QPointF(116.407400, 39.904200) << QPointF(-2923051.979, 4261401.295);
    QTest::newRow("world-pacific: Moscow") << u"world-pacific"_s << QPointF(37.617300, 55.755800) << QPointF(-8799397.356, 5907953.418);
    QTest::newRow("world-pacific: Astana") << u"world-pacific"_s << QPointF(71.449100, 51.169400) << QPointF(-6379758.423, 5441488.056);
    QTest::newRow("world-pacific: Tokyo") << u"world-pacific"_s << QPointF(139.691700, 35.689500) << QPointF(-914466.844, 3812714.496);
    QTest::newRow("world-pacific: New Delhi") << u"world-pacific"_s << QPointF(77.209000, 28.613900) << QPointF(-6622463.516, 3056870.581);
}

void TestProjection::projectsToKnownCoordinates()
{
    QFETCH(QString, id);
    QFETCH(QPointF, lonLat);
    QFETCH(QPointF, metres);
    const ProjectionPreset *preset = ProjectionCatalog::find(id);
    QVERIFY(preset);
    const std::optional<QPointF> xy = preset->projection.forward(lonLat);
    QVERIFY(xy);
    // Within a metre: the map is drawn at hundreds of metres a pixel at the closest.
    QVERIFY2(std::abs(xy->x() - metres.x()) < 1.0 && std::abs(xy->y() - metres.y()) < 1.0,
             qPrintable(u"(%1, %2) instead of (%3, %4)"_s.arg(xy->x(), 0, 'f', 3).arg(xy->y(), 0, 'f', 3)
                            .arg(metres.x(), 0, 'f', 3).arg(metres.y(), 0, 'f', 3)));
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
