// The briefing pack's one list of sources: numbers given at first citation and kept, and the
// compact ranges a page cites them by.
#include "sourcenumbering.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace spheres;

class TestSourceNumbering : public QObject
{
    Q_OBJECT

private slots:
    void rangesAreCompact_data();
    void rangesAreCompact();
    void numbersAreKeptAcrossPages();
    void describeJoinsThePartsASourceHas_data();
    void describeJoinsThePartsASourceHas();
};

void TestSourceNumbering::rangesAreCompact_data()
{
    QTest::addColumn<QList<int>>("numbers");
    QTest::addColumn<QString>("expected");
    QTest::newRow("none") << QList<int>{} << QString();
    QTest::newRow("one") << QList<int>{4} << u"4"_s;
    QTest::newRow("a run of two stays two") << QList<int>{7, 8} << u"7, 8"_s;
    QTest::newRow("a run of three is a range") << QList<int>{1, 2, 3} << u"1–3"_s;
    QTest::newRow("mixed") << QList<int>{1, 2, 3, 5, 7, 8, 10, 11, 12, 13} << u"1–3, 5, 7, 8, 10–13"_s;
}

void TestSourceNumbering::rangesAreCompact()
{
    QFETCH(QList<int>, numbers);
    QFETCH(QString, expected);
    QCOMPARE(SourceNumbering::ranges(numbers), expected);
}

void TestSourceNumbering::numbersAreKeptAcrossPages()
{
    const Source a{u"A"_s, {}, {}, {}}, b{u"B"_s, {}, {}, {}}, c{u"C"_s, {}, {}, {}};
    SourceNumbering numbering;
    QCOMPARE(numbering.cite({a, b}), (QList<int>{1, 2}));
    // A later page cites an old source by its old number, a new one by the next, in ascending order.
    QCOMPARE(numbering.cite({c, a, a}), (QList<int>{1, 3}));
    QCOMPARE(numbering.cite({}), QList<int>{});
    QCOMPARE(numbering.sources(), (QList<Source>{a, b, c}));
}

void TestSourceNumbering::describeJoinsThePartsASourceHas_data()
{
    QTest::addColumn<Source>("source");
    QTest::addColumn<QString>("expected");
    QTest::newRow("all") << Source{u"Gas deal"_s, u"Reuters"_s, u"https://example.org/x"_s, u"2024-05-07"_s}
                         << u"Gas deal, Reuters, 2024-05-07. https://example.org/x"_s;
    QTest::newRow("title only") << Source{u"Gas deal"_s, {}, {}, {}} << u"Gas deal"_s;
    QTest::newRow("no publisher") << Source{u"Gas deal"_s, {}, u"https://example.org/x"_s, u"2024"_s}
                                  << u"Gas deal, 2024. https://example.org/x"_s;
}

void TestSourceNumbering::describeJoinsThePartsASourceHas()
{
    QFETCH(Source, source);
    QFETCH(QString, expected);
    QCOMPARE(SourceNumbering::describe(source), expected);
}

QTEST_GUILESS_MAIN(TestSourceNumbering)
#include "tst_sourcenumbering.moc"
