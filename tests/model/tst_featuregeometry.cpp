// What every reader of users' files makes of a feature's raw geometry (FeatureGeometry): valid
// outlines kept, wrongly wound ones corrected, invalid ones kept with Boost's reason, empty ones
// left out; and the ids a layer's features get (UniqueFeatureIds).
#include "antimeridian.h"
#include "featuregeometry.h"

#include <boost/geometry/algorithms/area.hpp>
#include <boost/geometry/strategies/cartesian/area.hpp>

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace spheres;

Q_DECLARE_METATYPE(spheres::RawGeometry)
Q_DECLARE_METATYPE(spheres::FeatureGeometry::Outcome)

class TestFeatureGeometry : public QObject
{
    Q_OBJECT

private slots:
    void outlines_data();
    void outlines();
    void idsStayUnique_data();
    void idsStayUnique();
    void ringSpansItsUnwrappedLongitudes_data();
    void ringSpansItsUnwrappedLongitudes();
};

namespace {

RawGeometry polygon(std::initializer_list<std::pair<double, double>> ring)
{
    RawGeometry raw;
    RawGeometry::Ring out;
    for (const auto &[x, y] : ring)
        out.emplace_back(x, y);
    raw.polygons.push_back({out});
    return raw;
}

} // namespace

void TestFeatureGeometry::outlines_data()
{
    using Outcome = FeatureGeometry::Outcome;
    QTest::addColumn<RawGeometry>("raw");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<QString>("reason"); ///< how Boost's reason starts; empty: none
    QTest::addColumn<double>("area");    ///< of the outline kept, in square degrees
    QTest::addColumn<int>("parts");

    QTest::newRow("clockwise square") << polygon({{0, 0}, {0, 1}, {1, 1}, {1, 0}, {0, 0}}) << Outcome::Valid << QString() << 1.0 << 1;
    QTest::newRow("anticlockwise: corrected") << polygon({{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}) << Outcome::Valid << QString()
                                              << 1.0 << 1;
    QTest::newRow("convex pentagon") << polygon({{30, 10}, {30.1, 10}, {30.1, 10.1}, {30.05, 10.13}, {30, 10.1}, {30, 10}})
                                     << Outcome::Valid << QString() << 0.0115 << 1;
    QTest::newRow("concave, with a repeated point")
        << polygon({{0, 0}, {2, 0}, {2, 0}, {2, 2}, {1, 1}, {0, 2}, {0, 0}}) << Outcome::Valid << QString() << 3.0 << 1;
    QTest::newRow("even bow tie: no area") << polygon({{0, 0}, {2, 2}, {2, 0}, {0, 2}, {0, 0}}) << Outcome::NoArea
                                           << u"Geometry has wrong orientation"_s << 0.0 << 1;
    QTest::newRow("uneven bow tie: kept, with the reason") << polygon({{0, 0}, {4, 4}, {4, 0}, {0, 1}, {0, 0}}) << Outcome::Invalid
                                                           << u"Geometry has invalid self-intersections"_s << 0.0 << 1;
    QTest::newRow("spike") << polygon({{0, 0}, {0, 1}, {1, 1}, {1, 0}, {2, 0}, {1, 0}, {0, 0}}) << Outcome::Invalid
                           << u"Geometry has spikes"_s << 1.0 << 1;
    QTest::newRow("flat: left out") << polygon({{0, 0}, {1, 0}, {2, 0}, {0, 0}}) << Outcome::NoArea << u"Geometry"_s << 0.0 << 1;
    RawGeometry across = polygon({{179, 0}, {-179, 0}, {-179, 1}, {179, 1}, {179, 0}});
    QTest::newRow("across the antimeridian: cut in two") << across << Outcome::Valid << QString() << 2.0 << 2;
    RawGeometry twoParts = polygon({{0, 0}, {0, 1}, {1, 1}, {1, 0}, {0, 0}});
    twoParts.polygons.push_back(polygon({{0.5, 0.5}, {0.5, 2}, {2, 2}, {2, 0.5}, {0.5, 0.5}}).polygons.front());
    QTest::newRow("overlapping parts") << twoParts << Outcome::Invalid << u"Geometry has"_s << 3.25 << 2;
    RawGeometry holed = polygon({{0, 0}, {0, 4}, {4, 4}, {4, 0}, {0, 0}});
    holed.polygons.front().push_back({{1, 1}, {2, 1}, {2, 2}, {1, 2}, {1, 1}});
    QTest::newRow("square with a hole") << holed << Outcome::Valid << QString() << 15.0 << 1;
}

void TestFeatureGeometry::outlines()
{
    QFETCH(RawGeometry, raw);
    QFETCH(FeatureGeometry::Outcome, outcome);
    QFETCH(QString, reason);
    QFETCH(double, area);
    QFETCH(int, parts);
    Feature feature;
    QString why;
    QCOMPARE(FeatureGeometry::assign(raw, feature, why), outcome);
    QVERIFY2(reason.isEmpty() ? why.isEmpty() : why.startsWith(reason), qPrintable(why));
    QCOMPARE(int(feature.area.size()), parts);
    if (outcome == FeatureGeometry::Outcome::Valid)
        QVERIFY(bg::area(feature.area) > 0); // wound as Boost expects
    if (area > 0)
        QVERIFY2(qAbs(std::abs(bg::area(feature.area)) - area) < 1e-9, qPrintable(QString::number(bg::area(feature.area))));
}

void TestFeatureGeometry::idsStayUnique_data()
{
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("all new") << QStringList{u"a"_s, u"b"_s} << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("repeated") << QStringList{u"a"_s, u"a"_s, u"a"_s} << QStringList{u"a"_s, u"a-2"_s, u"a-3"_s};
    QTest::newRow("a suffix already taken") << QStringList{u"a-2"_s, u"a"_s, u"a"_s, u"a"_s}
                                            << QStringList{u"a-2"_s, u"a"_s, u"a-3"_s, u"a-4"_s};
    QTest::newRow("a renamed id taken later") << QStringList{u"a"_s, u"a"_s, u"a-2"_s}
                                              << QStringList{u"a"_s, u"a-2"_s, u"a-2-2"_s};
    QTest::newRow("generated ids") << QStringList{u"feature-1"_s, u"feature-2"_s, u"feature-1"_s}
                                   << QStringList{u"feature-1"_s, u"feature-2"_s, u"feature-1-2"_s};
}

void TestFeatureGeometry::idsStayUnique()
{
    QFETCH(QStringList, ids);
    QFETCH(QStringList, expected);
    UniqueFeatureIds unique;
    QStringList taken;
    for (const QString &id : ids)
        taken << unique.take(id);
    QCOMPARE(taken, expected);
}

void TestFeatureGeometry::ringSpansItsUnwrappedLongitudes_data()
{
    QTest::addColumn<RawGeometry>("raw");
    QTest::addColumn<double>("span");
    QTest::newRow("ordinary") << polygon({{10, 0}, {10, 5}, {14, 5}, {14, 0}, {10, 0}}) << 4.0;
    QTest::newRow("across ±180") << polygon({{179, 0}, {-179, 0}, {-179, 1}, {179, 1}, {179, 0}}) << 2.0;
    QTest::newRow("round a pole") << polygon({{0, 80}, {90, 80}, {180, 80}, {-90, 80}, {0, 80}}) << 360.0;
    QTest::newRow("twice round") << polygon({{0, 80}, {120, 80}, {-120, 80}, {0, 80}, {120, 80}, {-120, 80}, {0, 80}}) << 720.0;
    QTest::newRow("repeated points") << polygon({{5, 0}, {5, 0}, {6, 1}, {6, 1}, {5, 0}}) << 1.0;
}

/// How far a ring reaches once its longitudes run on across ±180: what decides that a ring
/// winds round the globe more than once.
void TestFeatureGeometry::ringSpansItsUnwrappedLongitudes()
{
    QFETCH(RawGeometry, raw);
    QFETCH(double, span);
    QCOMPARE(antimeridian::unwrappedSpan(raw.polygons.front().front()), span);
}

QTEST_GUILESS_MAIN(TestFeatureGeometry)
#include "tst_featuregeometry.moc"
