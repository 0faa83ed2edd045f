// The context panel's claims about a region: a long list of one stance shows its first claims
// and a link to the rest; the link opens them all for that subject, and the next subject starts
// short again. The narrative panel marks the claims about the selection and frames the focused
// one over the text, without rewriting the document, and brings the focused claim into view.
#include "atlas.h"
#include "brief.h"
#include "panels/contextpanel.h"
#include "panels/internallink.h"
#include "panels/narrativepanel.h"

#include <QLabel>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QAbstractTextDocumentLayout>

using namespace spheres;
using namespace Qt::StringLiterals;

namespace {

/// `rivalry` rivalry claims and two cooperation claims about Kazakhstan, one to a paragraph.
Brief briefAboutKazakhstan(int rivalry)
{
    Brief brief;
    brief.title = u"Kazakhstan"_s;
    const auto add = [&brief](Stance stance) {
        Claim c;
        c.id = u"c%1"_s.arg(brief.claims.size() + 1);
        c.text = u"Claim number %1 is about Kazakhstan."_s.arg(brief.claims.size() + 1);
        c.paragraph = int(brief.paragraphs.size());
        c.stance = stance;
        c.regions = {u"KAZ"_s};
        brief.paragraphs << c.text;
        brief.claims << c;
    };
    for (int i = 0; i < rivalry; ++i)
        add(Stance::Rivalry);
    add(Stance::Cooperation);
    add(Stance::Cooperation);
    return brief;
}

/// `panel` showing `brief` at 400×300, as a reader sees it; false if it never showed.
bool showNarrative(NarrativePanel &panel, const Brief &brief)
{
    panel.resize(400, 300);
    panel.setBrief(&brief);
    panel.show();
    return QTest::qWaitForWindowExposed(&panel);
}

int claimsListed(const QString &text, const Brief &brief)
{
    int n = 0;
    for (const Claim &c : brief.claims)
        n += text.contains(c.text);
    return n;
}

} // namespace

class TestContextPanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void longListsOpenOnRequest_data();
    void longListsOpenOnRequest();
    void narrativeMarksOverTheText_data();
    void narrativeMarksOverTheText();
    void marksFollowTheReader_data();
    void marksFollowTheReader();
    void aFocusedClaimIsBroughtIntoView();

private:
    std::shared_ptr<const Atlas> m_atlas;
};

void TestContextPanel::initTestCase()
{
    Atlas::Result atlas = Atlas::loadBuiltIn(Atlas::Detail::Coarse);
    QVERIFY2(atlas.ok(), qPrintable(atlas.error));
    m_atlas = std::make_shared<const Atlas>(std::move(atlas.atlas));
}

void TestContextPanel::longListsOpenOnRequest_data()
{
    QTest::addColumn<int>("rivalry");
    QTest::addColumn<int>("listedAtFirst"); // of all the claims, cooperation's two included
    QTest::newRow("short list") << 5 << 7;
    QTest::newRow("just fits") << 12 << 14;
    QTest::newRow("one too many") << 13 << 14;
    QTest::newRow("hundreds") << 300 << 14;
}

void TestContextPanel::longListsOpenOnRequest()
{
    QFETCH(int, rivalry);
    QFETCH(int, listedAtFirst);
    const Brief brief = briefAboutKazakhstan(rivalry);
    ContextPanel panel;
    panel.setAtlas(m_atlas);
    panel.setBrief(&brief);
    panel.showRegion(u"KAZ"_s);
    QCOMPARE(claimsListed(panel.text(), brief), listedAtFirst);
    const QString more = u"Show all %1 rivalry claims"_s.arg(rivalry);
    QCOMPARE(panel.text().contains(more), rivalry > 12);
    QVERIFY(panel.text().contains(u"Claims in the narrative (%1)"_s.arg(rivalry + 2)));
    if (rivalry <= 12)
        return;
    // The link, as a click on it sends it.
    QLabel *body = nullptr;
    for (QLabel *label : panel.findChildren<QLabel *>())
        if (label->text().contains(InternalLink::href(InternalLink::Kind::MoreClaims, u"rivalry"_s)))
            body = label;
    QVERIFY(body);
    emit body->linkActivated(InternalLink::href(InternalLink::Kind::MoreClaims, u"rivalry"_s));
    QCOMPARE(claimsListed(panel.text(), brief), rivalry + 2);
    QVERIFY(!panel.text().contains(more));
    // The same subject refreshed keeps the list open; another subject, then back, starts short.
    panel.setYear(2020);
    QCOMPARE(claimsListed(panel.text(), brief), rivalry + 2);
    panel.showRegion(u"MNG"_s);
    panel.showRegion(u"KAZ"_s);
    QCOMPARE(claimsListed(panel.text(), brief), listedAtFirst);
}

void TestContextPanel::narrativeMarksOverTheText_data()
{
    QTest::addColumn<QStringList>("marked");
    QTest::addColumn<QString>("focused");
    QTest::addColumn<QStringList>("decorated"); // marks first, the focused claim last
    QTest::newRow("nothing") << QStringList() << QString() << QStringList();
    QTest::newRow("marks") << QStringList{u"c1"_s, u"c3"_s} << QString() << QStringList{u"c1"_s, u"c3"_s};
    QTest::newRow("focus") << QStringList() << u"c2"_s << QStringList{u"c2"_s};
    QTest::newRow("the focused claim is framed, not marked") << QStringList{u"c1"_s, u"c2"_s} << u"c2"_s
                                                            << QStringList{u"c1"_s, u"c2"_s};
    QTest::newRow("an unknown id is ignored") << QStringList{u"c1"_s, u"nope"_s} << u"nope"_s << QStringList{u"c1"_s};
}

void TestContextPanel::narrativeMarksOverTheText()
{
    QFETCH(QStringList, marked);
    QFETCH(QString, focused);
    QFETCH(QStringList, decorated);
    const Brief brief = briefAboutKazakhstan(3);
    NarrativePanel panel;
    QVERIFY(showNarrative(panel, brief));
    const QString html = panel.html();
    panel.setMarkedClaims(marked);
    panel.setFocusedClaim(focused);
    QCOMPARE(panel.decoratedClaims(), decorated);
    auto *browser = panel.findChild<QTextBrowser *>();
    QVERIFY(browser);
    QCOMPARE(browser->extraSelections().size(), decorated.size());
    // Drawn over the text: the document, and so its layout, is untouched.
    QCOMPARE(panel.html(), html);
    panel.setMarkedClaims({});
    panel.setFocusedClaim(QString());
    QVERIFY(panel.decoratedClaims().isEmpty());
    QVERIFY(browser->extraSelections().isEmpty());
}

void TestContextPanel::marksFollowTheReader_data()
{
    QTest::addColumn<double>("scrolledTo"); // a share of the scroll range
    QTest::newRow("top") << 0.0;
    QTest::newRow("middle") << 0.5;
    QTest::newRow("bottom") << 1.0;
}

// A long brief's marks are made near the text shown, and scrolling brings the next ones: every
// paragraph in view is marked, the far ones are not yet (Qt measures each mark it holds).
void TestContextPanel::marksFollowTheReader()
{
    QFETCH(double, scrolledTo);
    const Brief brief = briefAboutKazakhstan(400);
    NarrativePanel panel;
    QVERIFY(showNarrative(panel, brief));
    QStringList all;
    for (const Claim &c : brief.claims)
        all << c.id;
    panel.setMarkedClaims(all);
    QCOMPARE(panel.decoratedClaims(), all);
    auto *browser = panel.findChild<QTextBrowser *>();
    // The whole text laid out (Qt lays out beyond the first screen when idle).
    browser->document()->documentLayout()->blockBoundingRect(browser->document()->lastBlock());
    QScrollBar *bar = browser->verticalScrollBar();
    bar->setValue(int(bar->maximum() * scrolledTo));
    QSet<int> markedBlocks;
    for (const QTextEdit::ExtraSelection &mark : browser->extraSelections())
        markedBlocks << mark.cursor.block().blockNumber();
    QVERIFY2(markedBlocks.size() < brief.claims.size() / 4, qPrintable(QString::number(markedBlocks.size())));
    const int viewport = browser->viewport()->height();
    for (int y = 5; y < viewport; y += 10) {
        const int block = browser->cursorForPosition(QPoint(5, y)).blockNumber();
        QVERIFY2(block == 0 || markedBlocks.contains(block), qPrintable(u"block %1 at y %2"_s.arg(block).arg(y)));
    }
}

void TestContextPanel::aFocusedClaimIsBroughtIntoView()
{
    const Brief brief = briefAboutKazakhstan(80);
    NarrativePanel panel;
    QVERIFY(showNarrative(panel, brief));
    auto *browser = panel.findChild<QTextBrowser *>();
    QVERIFY(browser);
    QCOMPARE(browser->verticalScrollBar()->value(), 0);
    panel.setFocusedClaim(brief.claims.last().id);
    const int scrolled = browser->verticalScrollBar()->value();
    QVERIFY(scrolled > 0);
    // The last paragraph (block 0 is the title) lies between the first and last visible blocks.
    const int top = browser->cursorForPosition(QPoint(5, 5)).blockNumber();
    const int bottom = browser->cursorForPosition(QPoint(5, browser->viewport()->height() - 5)).blockNumber();
    QVERIFY2(top <= brief.paragraphs.size() && brief.paragraphs.size() <= bottom, qPrintable(u"%1–%2"_s.arg(top).arg(bottom)));
    // Focusing a claim already in view does not move the text.
    panel.setFocusedClaim(brief.claims[brief.claims.size() - 2].id);
    QCOMPARE(browser->verticalScrollBar()->value(), scrolled);
}

QTEST_MAIN(TestContextPanel)
#include "tst_contextpanel.moc"
