// ClaimIndex: the claims by what they link, built once per edit, so that a click asks ClaimFinder
// and gets its answer by looking up. The index must give exactly what reading every claim gives.
#include "atlas.h"
#include "briefio.h"
#include "claimfinder.h"
#include "claimindex.h"
#include "../support/atlases.h"

#include <QRandomGenerator>
#include <QTest>

using namespace spheres;
using namespace Qt::StringLiterals;

namespace {

using spheres::test::coarseAtlas;

/// The rule ClaimFinder states, by reading every claim: the answer the index must give.
QList<const Claim *> readEveryClaimAboutRegion(const Brief &brief, const QString &code)
{
    QStringList groups;
    for (const RegionGroup *g : coarseAtlas().groupsContaining(code))
        groups << g->id;
    QList<const Claim *> out;
    for (const Claim &c : brief.claims)
        if (c.regions.contains(code) || std::any_of(groups.begin(), groups.end(), [&c](const QString &g) { return c.groups.contains(g); }))
            out << &c;
    return out;
}

QList<const Claim *> readEveryClaimAboutFeature(const Brief &brief, const QString &ref)
{
    QList<const Claim *> out;
    for (const Claim &c : brief.claims)
        if (c.features.contains(ref) || c.features.contains(ref.section(u'/', 0, 0)))
            out << &c;
    return out;
}

/// `count` claims with links drawn from a few regions, groups and features (some repeated
/// within a claim), fixed by `seed`.
Brief generatedBrief(int count, quint32 seed)
{
    QRandomGenerator random(seed);
    const QStringList regions{u"KAZ"_s, u"CHN"_s, u"RUS"_s, u"UZB"_s, u"MNG"_s, u"IND"_s};
    const QStringList groups{u"central-asia"_s, u"sco-members"_s, u"nowhere"_s};
    const QStringList features{u"pipelines/power-of-siberia"_s, u"pipelines"_s, u"sco"_s, u"sites/gwadar"_s};
    const auto some = [&random](const QStringList &from) {
        QStringList out;
        for (int n = int(random.bounded(4)); n > 0; --n)
            out << from[int(random.bounded(int(from.size())))];
        return out;
    };
    Brief brief;
    brief.paragraphs << u"One."_s;
    for (int i = 0; i < count; ++i) {
        Claim c;
        c.id = u"c%1"_s.arg(i + 1);
        c.text = u"One."_s;
        c.regions = some(regions);
        c.groups = some(groups);
        c.features = some(features);
        brief.claims << c;
    }
    return brief;
}

} // namespace

class TestClaimIndex : public QObject
{
    Q_OBJECT

private slots:
    void answersAsReadingEveryClaim_data();
    void answersAsReadingEveryClaim();
    void kazakhstanThroughCentralAsia();
    void aStaleIndexIsNotUsed();
    void anEditedClaimIsFoundAfterTheRebuild();
};

void TestClaimIndex::answersAsReadingEveryClaim_data()
{
    QTest::addColumn<int>("claims");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("subject");
    for (int claims : {0, 1, 50, 5000}) {
        for (const QString &code : {u"KAZ"_s, u"CHN"_s, u"IND"_s, u"BRA"_s, QString()})
            QTest::addRow("%d claims, region %s", claims, qPrintable(code)) << claims << u"region"_s << code;
        for (const QString &ref : {u"pipelines/power-of-siberia"_s, u"pipelines/espo"_s, u"sco"_s, u"sco/KAZ"_s,
                                   u"sites/gwadar"_s, u"none/x"_s, QString()})
            QTest::addRow("%d claims, feature %s", claims, qPrintable(ref)) << claims << u"feature"_s << ref;
    }
}

void TestClaimIndex::answersAsReadingEveryClaim()
{
    QFETCH(int, claims);
    QFETCH(QString, kind);
    QFETCH(QString, subject);
    const Brief brief = generatedBrief(claims, 16);
    const ClaimIndex index(brief);
    QVERIFY(index.covers(brief));
    const ClaimFinder finder(brief, &coarseAtlas(), &index);
    const QList<const Claim *> expected = kind == u"region" ? readEveryClaimAboutRegion(brief, subject)
                                                            : readEveryClaimAboutFeature(brief, subject);
    const QList<const Claim *> found = kind == u"region" ? finder.aboutRegion(subject) : finder.aboutFeature(subject);
    QCOMPARE(found, subject.isEmpty() ? QList<const Claim *>{} : expected); // in the brief's order, each once
    // A finder without the owner's index answers alike.
    const ClaimFinder own(brief, &coarseAtlas());
    QCOMPARE(kind == u"region" ? own.aboutRegion(subject) : own.aboutFeature(subject), found);
}

void TestClaimIndex::kazakhstanThroughCentralAsia()
{
    // The claim linked only to "central-asia" concerns Kazakhstan, through the index too.
    BriefReader::Result sample = BriefReader::readBuiltIn();
    QVERIFY2(sample.ok(), qPrintable(sample.error));
    Brief brief = std::move(sample.brief);
    Claim viaGroup;
    viaGroup.id = u"c-group"_s;
    viaGroup.groups = {u"central-asia"_s};
    brief.claims << viaGroup;
    const ClaimIndex index(brief);
    const QList<const Claim *> aboutKaz = ClaimFinder(brief, &coarseAtlas(), &index).aboutRegion(u"KAZ"_s);
    QVERIFY(aboutKaz.contains(brief.claim(u"c-group"_s)));
    QVERIFY(aboutKaz.contains(brief.claim(u"c14"_s)));
    QCOMPARE(aboutKaz, readEveryClaimAboutRegion(brief, u"KAZ"_s));
    QVERIFY(!ClaimFinder(brief, nullptr, &index).aboutRegion(u"KAZ"_s).contains(brief.claim(u"c-group"_s)));
}

void TestClaimIndex::aStaleIndexIsNotUsed()
{
    Brief brief = generatedBrief(10, 3);
    const ClaimIndex index(brief);
    Claim added;
    added.id = u"new"_s;
    added.regions = {u"BRA"_s};
    brief.claims << added; // the owner forgot to rebuild
    QVERIFY(!index.covers(brief));
    const QList<const Claim *> found = ClaimFinder(brief, &coarseAtlas(), &index).aboutRegion(u"BRA"_s);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.front()->id, u"new"_s);
    const Brief other = brief;
    QVERIFY(!ClaimIndex(brief).covers(other)); // an index belongs to one brief
}

void TestClaimIndex::anEditedClaimIsFoundAfterTheRebuild()
{
    Brief brief = generatedBrief(100, 7);
    ClaimIndex index(brief);
    brief.claims[42].regions = {u"BRA"_s};
    index = ClaimIndex(brief); // what BriefDocument does on every edit
    const QList<const Claim *> found = ClaimFinder(brief, &coarseAtlas(), &index).aboutRegion(u"BRA"_s);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.front(), &brief.claims[42]);
}

QTEST_GUILESS_MAIN(TestClaimIndex)
#include "tst_claimindex.moc"
