// The label anchors (model/polylabel.cpp): the search measures its cells against a grid of the
// outline's edges, and must find exactly the points a scan of every edge finds. Checked for
// every unit of the built-in base map in every shipped projection, against that scan.
#include "atlas.h"
#include "polylabel.h"
#include "projectedatlas.h"
#include "projectioncatalog.h"

#include <boost/geometry/algorithms/area.hpp>
#include <boost/geometry/algorithms/correct.hpp>
#include <boost/geometry/algorithms/envelope.hpp>
#include <boost/geometry/algorithms/within.hpp>
#include <boost/geometry/strategies/strategies.hpp>

#include <QTest>

#include <cmath>

using namespace spheres;

namespace {

/// The reference: the same cell search, measuring every point against every edge (as the
/// search was first written), instead of against the grid.
namespace scan {

double signedDistance(const Point &p, const Polygon &polygon)
{
    bool inside = false;
    double minSq = INFINITY;
    auto accumulate = [&](const Ring &ring) {
        for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const Point &a = ring[i], &b = ring[j];
            if ((a.y() > p.y()) != (b.y() > p.y()) && p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x())
                inside = !inside;
            minSq = std::min(minSq, segmentDistanceSquared(p, a, b));
        }
    };
    accumulate(polygon.outer());
    for (const Ring &hole : polygon.inners())
        accumulate(hole);
    return (inside ? 1.0 : -1.0) * std::sqrt(minSq);
}

Point poleOfInaccessibility(const Polygon &polygon, double precision)
{
    return spheres::poleOfInaccessibility(polygon, precision, [&polygon](const Box &) -> SignedDistance {
        return [&polygon](const Point &p) { return signedDistance(p, polygon); };
    });
}

} // namespace scan

/// A square with a square hole off centre and a notch: the pole lies in the thick part.
Polygon squareWithHole()
{
    Polygon p;
    p.outer() = {Point(0, 0), Point(0, 10), Point(10, 10), Point(10, 0), Point(6, 0), Point(5, 3), Point(4, 0), Point(0, 0)};
    p.inners().push_back({Point(1, 6), Point(3, 6), Point(3, 8), Point(1, 8), Point(1, 6)});
    bg::correct(p);
    return p;
}

} // namespace

class TestPolylabel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sameAnchorsAsAScanOfEveryEdge_data();
    void sameAnchorsAsAScanOfEveryEdge();
    void shapesByHand_data();
    void shapesByHand();

private:
    std::shared_ptr<const Atlas> m_coarse;
};

void TestPolylabel::initTestCase()
{
    Atlas::Result coarse = Atlas::loadBuiltIn(Atlas::Detail::Coarse);
    QVERIFY2(coarse.ok(), qPrintable(coarse.error));
    m_coarse = std::make_shared<const Atlas>(std::move(coarse.atlas));
}

void TestPolylabel::sameAnchorsAsAScanOfEveryEdge_data()
{
    QTest::addColumn<QString>("projection");
    for (const QString &id : ProjectionCatalog::ids())
        QTest::newRow(qPrintable(id)) << id;
}

void TestPolylabel::sameAnchorsAsAScanOfEveryEdge()
{
    QFETCH(QString, projection);
    const ProjectedAtlas projected(*m_coarse, ProjectionCatalog::find(projection)->projection);
    int compared = 0;
    for (int i = 0; i < projected.regions().size(); ++i) {
        const ProjectedRegion &r = projected.regions()[i];
        const Polygon *largest = nullptr;
        for (const Polygon &p : r.shape)
            if (bg::area(p) == r.largestPartArea)
                largest = &p;
        if (!largest)
            continue;
        const Point expected = scan::poleOfInaccessibility(*largest, std::sqrt(r.largestPartArea) / 50.0);
        const QByteArray unit = m_coarse->regions()[i].code.toUtf8();
        QVERIFY2(r.labelAnchor.x() == expected.x() && r.labelAnchor.y() == expected.y(), unit.constData());
        ++compared;
    }
    QVERIFY(compared > 150); // the units the projection shows, not a handful
}

void TestPolylabel::shapesByHand_data()
{
    QTest::addColumn<Polygon>("polygon");
    QTest::addColumn<double>("precision");
    Polygon triangle;
    triangle.outer() = {Point(0, 0), Point(0, 3), Point(4, 0), Point(0, 0)};
    bg::correct(triangle);
    Polygon sliver; // far longer than wide: one row of cells
    sliver.outer() = {Point(0, 0), Point(0, 0.01), Point(100, 0.01), Point(100, 0), Point(0, 0)};
    bg::correct(sliver);
    QTest::newRow("triangle") << triangle << 0.001;
    QTest::newRow("square with a hole and a notch") << squareWithHole() << 0.01;
    QTest::newRow("sliver") << sliver << 0.0001;
    QTest::newRow("coarse precision") << squareWithHole() << 1.0;
}

void TestPolylabel::shapesByHand()
{
    QFETCH(Polygon, polygon);
    QFETCH(double, precision);
    const Point found = poleOfInaccessibility(polygon, precision), expected = scan::poleOfInaccessibility(polygon, precision);
    QCOMPARE(found.x(), expected.x());
    QCOMPARE(found.y(), expected.y());
    QVERIFY(bg::within(found, polygon));
}

QTEST_GUILESS_MAIN(TestPolylabel)
#include "tst_polylabel.moc"
