#include "annotationpainter.h"
#include "autosave.h"
#include "charts/chartspanel.h"
#include "briefcontroller.h"
#include "briefdocument.h"
#include "briefio.h"
#include "contextpanel.h"
#include "documentactions.h"
#include "exportdialog.h"
#include "exporter.h"
#include "exportpreview.h"
#include "labelplacer.h"
#include "layerpainter.h"
#include "maprenderer.h"
#include "scene.h"
#include "internallink.h"
#include "layerspanel.h"
#include "mainwindow.h"
#include "mapcanvas.h"
#include "narrativepanel.h"
#include "presentationmode.h"
#include "stancestyle.h"
#include "mapstyle.h"
#include "claimscard.h"
#include "timeslider.h"
#include "viewspanel.h"
#include "searchbox.h"
#include "../support/contrast.h"
#include "../support/fulldisk.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QComboBox>
#include <QFontMetricsF>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QDockWidget>
#include <QLockFile>
#include <QProcess>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>
#include <cmath>

using namespace spheres;
using namespace Qt::StringLiterals;

class TestBriefUi : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void defaultBriefOpens();
    void clickingKazakhstanListsTheCentralAsiaClaim();
    void clickAtSimferopolNamesUkraine_data();
    void clickAtSimferopolNamesUkraine();
    void claimsThroughAGroupSayWhichGroup();
    void focusingAClaimLightsItsRegions();
    void clickingASentenceFocusesItsClaim();
    void stanceColoursKeepTheirContrast_data();
    void stanceColoursKeepTheirContrast();
    void panelsFollowADarkPalette_data();
    void panelsFollowADarkPalette();
    void escapeLeavesNoStaleState_data();
    void escapeLeavesNoStaleState();
    void aNewSubjectOpensTheContextAtItsTop_data();
    void aNewSubjectOpensTheContextAtItsTop();
    void anotherBriefClearsTheContext();
    void editsUndoAndRedo();
    void linkByClickingEditsTheFocusedClaim();
    void saveReloadsEqual();
    void failedSaveKeepsTheBriefModified();
    void searchFindsRegionsFeaturesAndClaims_data();
    void searchFindsRegionsFeaturesAndClaims();
    void importNarrativeLinksClaims();
    void relinkKeepsTheUsersEdits();
    void viewRestoresEveryPartOfTheState();
    void viewSurvivesSaveAndLoad();
    void clickingAViewShowsIt();
    void captionTypedAfterAddIsTheNewViews();
    void presentationKeysStepThroughViews();
    void clickWhilePresentingShowsClaims_data();
    void clickWhilePresentingShowsClaims();
    void claimsCardFitsItsTextAndScrollsBeyond_data();
    void claimsCardFitsItsTextAndScrollsBeyond();
    void presentingLegendKeepsClearOfTheTitle_data();
    void presentingLegendKeepsClearOfTheTitle();
    void exportDialogPreviewsThePage_data();
    void exportDialogPreviewsThePage();
    void defaultMapLabelsSmallStatesOffLines_data();
    void defaultMapLabelsSmallStatesOffLines();
    void settingsRoundTrip();
    void hoveringAClaimPreviewsIt();
    void keyboardMovesThroughClaimsAndRegions();
    void recoveryAfterSimulatedCrash();
    void twoWindowsKeepTheirOwnCopies();
    void onlyCopiesOfGoneWindowsAreOffered();
    void copyIsWrittenShortlyAfterAnEdit();
    void copyIsWrittenWhileEditsKeepComing();
    void autosaveOnAFullDiskSaysSo();
    void saveOnAFullDiskKeepsTheBriefModified();
    void changedOnDiskIsNotOverwritten();
    void changedOnDiskIsOfferedOnFocus_data();
    void changedOnDiskIsOfferedOnFocus();
    void canvasDescribesTheSelection();
    void everyDockNamesItsPanel();
    void tabGoesFromTheMapThroughThePanels();

private:
    QString claimContaining(const QString &words) const
    {
        for (const Claim &c : m_window->document()->brief().claims)
            if (c.text.contains(words))
                return c.id;
        return {};
    }
    QPointF pixelOf(QPointF lonLat) const
    {
        return *m_window->canvas()->scene()->pixelOf(m_window->canvas()->view(), lonLat);
    }
    std::unique_ptr<MainWindow> m_window;
};

void TestBriefUi::init()
{
    QStandardPaths::setTestModeEnabled(true); // settings and autosaves go to a test location
    QCoreApplication::setOrganizationName(QStringLiteral("SpheresTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_briefui"));
    m_window = std::make_unique<MainWindow>();
    QVERIFY(m_window->loadBaseMap());
    QVERIFY(m_window->openDefaultBrief());
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestBriefUi::cleanup()
{
    m_window->document()->undoStack()->setClean(); // no "save changes?" question in tests
    m_window.reset();
}

void TestBriefUi::defaultBriefOpens()
{
    const Brief &brief = m_window->document()->brief();
    QCOMPARE(brief.claims.size(), 19);
    QVERIFY(!m_window->document()->isModified());
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("China and Russia")));
    QVERIFY(m_window->narrativePanel()->html().contains(InternalLink::href(InternalLink::Kind::Claim, QStringLiteral("c1"))));
}

void TestBriefUi::clickingKazakhstanListsTheCentralAsiaClaim()
{
    QTest::mouseClick(m_window->canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf({68.0, 50.5}).toPoint()); // Ulytau region: no pipeline there
    QCOMPARE(m_window->canvas()->selectedRegion(), QStringLiteral("KAZ"));
    const QString text = m_window->contextPanel()->text();
    QVERIFY2(text.contains(QStringLiteral("economic presence in Central Asia")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Rivalry")), qPrintable(text));
    // …and the narrative marks the sentence.
    const QString id = claimContaining(QStringLiteral("Central Asia"));
    QVERIFY(m_window->narrativePanel()->html().contains(InternalLink::href(InternalLink::Kind::Claim, id)));
}

void TestBriefUi::clickAtSimferopolNamesUkraine_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<bool>("zonesShown");
    QTest::addColumn<QString>("feature"); // what the click selects; empty: the region
    QTest::newRow("2010") << 2010 << true << QString();
    QTest::newRow("2024") << 2024 << true << QStringLiteral("contested/crimea");
    QTest::newRow("2024, zones hidden") << 2024 << false << QString();
}

void TestBriefUi::clickAtSimferopolNamesUkraine()
{
    // The base map is de jure: Crimea is Ukraine's, whoever holds it (resources/basemap/sovereignty.json).
    QFETCH(int, year);
    QFETCH(bool, zonesShown);
    QFETCH(QString, feature);
    m_window->timeSlider()->setYear(year);
    if (!zonesShown)
        m_window->canvas()->setLayerVisible(QStringLiteral("contested"), false);
    QTest::mouseClick(m_window->canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf({34.10, 44.95}).toPoint());
    const QString text = m_window->contextPanel()->text();
    if (feature.isEmpty()) {
        QCOMPARE(m_window->canvas()->selectedRegion(), QStringLiteral("UKR"));
        QVERIFY2(text.startsWith(QStringLiteral("Ukraine")), qPrintable(text));
    } else {
        QCOMPARE(m_window->canvas()->selectedFeature(), feature);
        QVERIFY2(QRegularExpression(QStringLiteral("Claimants\\s+Ukraine, Russia")).match(text).hasMatch(), qPrintable(text));
        QVERIFY2(QRegularExpression(QStringLiteral("Administered by\\s+Russia")).match(text).hasMatch(), qPrintable(text));
    }
    QVERIFY2(!text.contains(QStringLiteral("SCO member")), qPrintable(text));
}

void TestBriefUi::claimsThroughAGroupSayWhichGroup()
{
    // The territorial-disputes claim names the Asia-Pacific as its setting, not Japan.
    const QString id = claimContaining(QStringLiteral("Asia-Pacific region"));
    QVERIFY(!id.isEmpty());
    const Claim *c = m_window->document()->brief().claim(id);
    QVERIFY(c->groups.contains(QStringLiteral("asia-pacific")) && !c->regions.contains(QStringLiteral("JPN")));
    m_window->contextPanel()->showRegion(QStringLiteral("JPN"));
    const QString text = m_window->contextPanel()->text();
    QVERIFY2(text.contains(QStringLiteral("via Asia-Pacific")), qPrintable(text));
    // A claim that names the region directly says no "via".
    m_window->contextPanel()->showRegion(QStringLiteral("CHN"));
    QVERIFY2(!m_window->contextPanel()->text().contains(QStringLiteral("\u00B7 via ")), qPrintable(m_window->contextPanel()->text()));
}

void TestBriefUi::focusingAClaimLightsItsRegions()
{
    const QString id = claimContaining(QStringLiteral("Central Asia"));
    QVERIFY(!id.isEmpty());
    m_window->briefController()->focusClaim(id);
    const QStringList lit = m_window->canvas()->view().highlightRegions;
    for (const char *code : {"KAZ", "KGZ", "TJK", "TKM", "UZB"})
        QVERIFY2(lit.contains(QString::fromLatin1(code)), code);
    QVERIFY(!lit.contains(QStringLiteral("IND")));
    QCOMPARE(m_window->contextPanel()->shownClaim(), id);
    // The camera eases to frame them: Astana ends up well inside the view.
    QTRY_VERIFY_WITH_TIMEOUT(QRectF(m_window->canvas()->rect()).adjusted(50, 50, -50, -50).contains(pixelOf({71.4, 51.1})), 3000);
}

void TestBriefUi::clickingASentenceFocusesItsClaim()
{
    const QString id = claimContaining(QStringLiteral("South China Sea"));
    auto *browser = m_window->narrativePanel()->findChild<QTextBrowser *>();
    QVERIFY(browser);
    emit browser->anchorClicked(InternalLink::url(InternalLink::Kind::Claim, id));
    QCOMPARE(m_window->briefController()->focusedClaim(), id);
    QVERIFY(m_window->canvas()->view().highlightFeatures.contains(QStringLiteral("contested/spratly-islands")));
}

namespace {

using spheres::test::contrast;

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x2d));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    return p;
}

} // namespace

void TestBriefUi::stanceColoursKeepTheirContrast_data()
{
    QTest::addColumn<int>("stance");
    QTest::addColumn<bool>("dark");
    for (const Stance s : {Stance::Cooperation, Stance::Rivalry, Stance::Context})
        for (const bool dark : {false, true})
            QTest::addRow("%s, %s", qPrintable(stanceLabel(s)), dark ? "dark" : "light") << int(s) << dark;
}

void TestBriefUi::stanceColoursKeepTheirContrast()
{
    QFETCH(int, stance);
    QFETCH(bool, dark);
    const Stance s = Stance(stance);
    const QColor base = dark ? darkPalette().color(QPalette::Base) : QColor(Qt::white);
    // A sentence's text on its tint, and a focused sentence's text on the stance colour: AA.
    QVERIFY2(contrast(StanceStyle::textOnTint(dark), StanceStyle::tint(s, dark)) >= 4.5, "text on tint");
    QVERIFY2(contrast(StanceStyle::textOnColour(s, dark), StanceStyle::colour(s, dark)) >= 4.5, "text on colour");
    // The stance word in its colour stands out from the panel.
    QVERIFY2(contrast(StanceStyle::colour(s, dark), base) >= 3.0, "stance colour on the panel");
    // The tint is a tint of the panel, not a block: close to its ground.
    QVERIFY2(contrast(StanceStyle::tint(s, dark), base) < 2.0, "tint near the panel's ground");
}

void TestBriefUi::panelsFollowADarkPalette_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestBriefUi::panelsFollowADarkPalette()
{
    QFETCH(bool, dark);
    if (dark)
        m_window->setPalette(darkPalette());
    // The narrative's tints are the palette's.
    const QString html = m_window->narrativePanel()->html();
    QVERIFY(html.contains(StanceStyle::tint(Stance::Cooperation, dark).name(), Qt::CaseInsensitive));
    QVERIFY(!html.contains(StanceStyle::tint(Stance::Cooperation, !dark).name(), Qt::CaseInsensitive));
    // The oil pipeline's swatch is drawn as the map draws the line: light on dark, dark on light.
    auto *tree = m_window->layersPanel()->findChild<QTreeWidget *>();
    QVERIFY(tree);
    const QList<QTreeWidgetItem *> found = tree->findItems(tr("Oil pipeline"), Qt::MatchStartsWith | Qt::MatchRecursive);
    QVERIFY(!found.isEmpty());
    const QImage swatch = found.first()->icon(0).pixmap(QSize(28, 14), 1.0).toImage();
    int lightest = 0, darkest = 255;
    for (int y = 0; y < swatch.height(); ++y)
        for (int x = 0; x < swatch.width(); ++x)
            if (const QColor c = swatch.pixelColor(x, y); c.alpha() > 200) {
                lightest = std::max(lightest, c.lightness());
                darkest = std::min(darkest, c.lightness());
            }
    if (dark)
        QVERIFY2(lightest > 180, qPrintable(QString::number(lightest)));
    else
        QVERIFY2(darkest < 60, qPrintable(QString::number(darkest)));
    // The map and its annotations follow the palette; exports stay light.
    const MapStyle &onScreen = m_window->canvas()->renderer().style();
    QCOMPARE(onScreen.isDark, dark);
    QVERIFY(contrast(onScreen.annotationText, onScreen.annotationBox) >= 7.0);
    QCOMPARE(onScreen.annotationBox.lightness() < 128, dark);
    QVERIFY(!m_window->canvas()->exportRenderer().style().isDark);
    QVERIFY(m_window->canvas()->exportRenderer().style().annotationBox.lightness() > 200);
}

void TestBriefUi::escapeLeavesNoStaleState_data()
{
    QTest::addColumn<QString>("subject"); // what is shown before Esc: "claim", "region" or "feature"
    QTest::newRow("focused claim") << QStringLiteral("claim");
    QTest::newRow("selected region") << QStringLiteral("region");
    QTest::newRow("selected feature") << QStringLiteral("feature");
}

void TestBriefUi::escapeLeavesNoStaleState()
{
    QFETCH(QString, subject);
    const QString id = claimContaining(QStringLiteral("Central Asia"));
    if (subject == QLatin1String("claim"))
        m_window->briefController()->focusClaim(id, false);
    else if (subject == QLatin1String("region"))
        m_window->canvas()->selectRegion(QStringLiteral("KAZ"));
    else
        m_window->canvas()->selectFeature(QStringLiteral("pipelines/power-of-siberia"));
    QVERIFY(!m_window->narrativePanel()->decoratedClaims().isEmpty());
    QVERIFY(m_window->contextPanel()->text() != ContextPanel().text());
    m_window->canvas()->setFocus();
    QTest::keyClick(m_window->canvas(), Qt::Key_Escape);
    QVERIFY(m_window->briefController()->focusedClaim().isEmpty());
    QVERIFY(m_window->contextPanel()->shownClaim().isEmpty());
    QCOMPARE(m_window->contextPanel()->text(), ContextPanel().text()); // the "nothing selected" help
    // The narrative is drawn as with nothing selected: no frame, no underline.
    NarrativePanel fresh;
    fresh.setBrief(&m_window->document()->brief());
    QCOMPARE(m_window->narrativePanel()->html(), fresh.html());
    QVERIFY(m_window->narrativePanel()->decoratedClaims().isEmpty());
}

void TestBriefUi::aNewSubjectOpensTheContextAtItsTop_data()
{
    QTest::addColumn<QString>("next"); // the subject shown after scrolling down the first
    QTest::newRow("another region") << QStringLiteral("region:RUS");
    QTest::newRow("a feature") << QStringLiteral("feature:pipelines/power-of-siberia");
    QTest::newRow("a claim") << QStringLiteral("claim");
}

void TestBriefUi::aNewSubjectOpensTheContextAtItsTop()
{
    QFETCH(QString, next);
    m_window->resize(1400, 500); // a short panel, so that China's long page scrolls
    ContextPanel *context = m_window->contextPanel();
    auto *scroll = context->findChild<QScrollArea *>();
    QVERIFY(scroll);
    m_window->canvas()->selectRegion(QStringLiteral("CHN"));
    QTRY_VERIFY(scroll->verticalScrollBar()->maximum() > 0);
    scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
    const int scrolled = scroll->verticalScrollBar()->value();
    QVERIFY(scrolled > 0);
    // The same subject refreshed (a new year) keeps the reader's place…
    m_window->timeSlider()->setYear(2020);
    QCOMPARE(scroll->verticalScrollBar()->value(), scrolled);
    // …a new one opens at its top.
    if (next.startsWith(u"region:"))
        m_window->canvas()->selectRegion(next.mid(7));
    else if (next.startsWith(u"feature:"))
        m_window->canvas()->selectFeature(next.mid(8));
    else
        m_window->briefController()->focusClaim(claimContaining(QStringLiteral("Central Asia")), false);
    QCOMPARE(scroll->verticalScrollBar()->value(), 0);
    QCoreApplication::processEvents(); // the layout settles on the new text
    QCOMPARE(scroll->verticalScrollBar()->value(), 0);
}

void TestBriefUi::anotherBriefClearsTheContext()
{
    m_window->briefController()->focusClaim(QStringLiteral("c2"), false);
    QCOMPARE(m_window->contextPanel()->shownClaim(), QStringLiteral("c2"));
    Brief other;
    other.title = QStringLiteral("Another brief");
    other.paragraphs = {QStringLiteral("Japan and Russia dispute the Kuril Islands.")};
    Claim c;
    c.id = QStringLiteral("c2"); // the same id as the claim shown, in another brief
    c.text = other.paragraphs.first();
    c.regions = {QStringLiteral("JPN"), QStringLiteral("RUS")};
    other.claims = {c};
    m_window->document()->reset(other, QString());
    QVERIFY(m_window->contextPanel()->shownClaim().isEmpty());
    QVERIFY2(!m_window->contextPanel()->text().contains(QStringLiteral("Kuril")), qPrintable(m_window->contextPanel()->text()));
    QCOMPARE(m_window->contextPanel()->text(), ContextPanel().text());
    QVERIFY(m_window->briefController()->focusedClaim().isEmpty());
    QVERIFY(!m_window->narrativePanel()->html().contains(QStringLiteral("font-weight:600")));
}

void TestBriefUi::editsUndoAndRedo()
{
    BriefDocument *doc = m_window->document();
    const Claim before = *doc->brief().claim(QStringLiteral("c1"));
    Claim after = before;
    after.stance = Stance::Rivalry;
    after.note = QStringLiteral("Checked.");
    doc->editClaim(after, QStringLiteral("Edit"));
    QCOMPARE(*doc->brief().claim(QStringLiteral("c1")), after);
    QVERIFY(doc->isModified());
    QVERIFY(m_window->isWindowModified());
    doc->undoStack()->undo();
    QCOMPARE(*doc->brief().claim(QStringLiteral("c1")), before);
    QVERIFY(!doc->isModified());
    doc->undoStack()->redo();
    QCOMPARE(*doc->brief().claim(QStringLiteral("c1")), after);
}

void TestBriefUi::linkByClickingEditsTheFocusedClaim()
{
    const QString id = claimContaining(QStringLiteral("South China Sea"));
    m_window->briefController()->focusClaim(id);
    QTRY_VERIFY(!m_window->canvas()->isMoving()); // the camera has framed the claim
    m_window->briefController()->setLinkMode(true);
    QVERIFY(!m_window->document()->brief().claim(id)->regions.contains(QStringLiteral("IDN")));
    QTest::mouseClick(m_window->canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf({113.9, -0.5}).toPoint()); // Borneo
    QVERIFY(m_window->document()->brief().claim(id)->regions.contains(QStringLiteral("IDN")));
    m_window->document()->undoStack()->undo();
    QVERIFY(!m_window->document()->brief().claim(id)->regions.contains(QStringLiteral("IDN")));
}

void TestBriefUi::saveReloadsEqual()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("brief.spheres.json"));
    Claim edited = *m_window->document()->brief().claim(QStringLiteral("c2"));
    edited.stance = Stance::Rivalry;
    m_window->document()->editClaim(edited, QStringLiteral("Edit"));
    QVERIFY(m_window->document()->saveAs(path).isEmpty());
    QVERIFY(!m_window->document()->isModified());
    const BriefReader::Result reread = BriefReader::readFile(path);
    QVERIFY2(reread.ok(), qPrintable(reread.error));
    QCOMPARE(reread.brief, m_window->document()->brief());
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("brief.spheres.json")));
}

void TestBriefUi::failedSaveKeepsTheBriefModified()
{
    Claim edited = *m_window->document()->brief().claim(QStringLiteral("c3"));
    edited.note = QStringLiteral("unsaved work");
    m_window->document()->editClaim(edited, QStringLiteral("Edit"));
    const QString error = m_window->document()->saveAs(QStringLiteral("/proc/spheres/brief.json"));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(QStringLiteral("/proc/spheres/brief.json")), qPrintable(error));
    QVERIFY(m_window->document()->isModified());
    QCOMPARE(m_window->document()->brief().claim(QStringLiteral("c3"))->note, QStringLiteral("unsaved work"));
}

void TestBriefUi::searchFindsRegionsFeaturesAndClaims_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("target");
    QTest::newRow("region") << "Kazakhstan" << int(SearchBox::Kind::Region) << "KAZ";
    QTest::newRow("alias") << "Russian Federation" << int(SearchBox::Kind::Region) << "RUS";
    QTest::newRow("group") << "Central Asia — group" << int(SearchBox::Kind::Group) << "central-asia";
    QTest::newRow("pipeline") << "Power of Siberia (Sila" << int(SearchBox::Kind::Feature) << "pipelines/power-of-siberia";
    QTest::newRow("claim words") << "assertiveness South China Sea" << int(SearchBox::Kind::Claim) << "";
}

void TestBriefUi::searchFindsRegionsFeaturesAndClaims()
{
    QFETCH(QString, typed);
    QFETCH(int, kind);
    QFETCH(QString, target);
    const auto entry = m_window->searchBox()->match(typed);
    QVERIFY2(entry, qPrintable(typed));
    QCOMPARE(int(entry->kind), kind);
    if (!target.isEmpty())
        QCOMPARE(entry->target, target);
    emit m_window->searchBox()->found(entry->kind, entry->target);
    if (entry->kind == SearchBox::Kind::Region)
        QCOMPARE(m_window->canvas()->selectedRegion(), entry->target);
    if (entry->kind == SearchBox::Kind::Claim)
        QCOMPARE(m_window->briefController()->focusedClaim(), entry->target);
}

void TestBriefUi::importNarrativeLinksClaims()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("weekly.md"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# Weekly note\n\nKazakhstan and China signed a new gas agreement. The U.S. watched closely.\n\n"
               "Tensions over the Kuril Islands persist between Japan and Russia.\n");
    file.close();
    QCOMPARE(m_window->documentActions()->importNarrative(path), QString());
    const Brief &brief = m_window->document()->brief();
    QVERIFY(brief.claims.size() >= 3);
    QVERIFY(m_window->document()->isModified());
    QVERIFY(m_window->document()->filePath().isEmpty());
    const auto gasDeal = std::find_if(brief.claims.begin(), brief.claims.end(),
                                      [](const Claim &c) { return c.text.startsWith(QStringLiteral("Kazakhstan and China")); });
    QVERIFY(gasDeal != brief.claims.end());
    QVERIFY(gasDeal->regions.contains(QStringLiteral("KAZ")) && gasDeal->regions.contains(QStringLiteral("CHN")));
    QCOMPARE(gasDeal->stance, Stance::Cooperation);
    const QString bad = dir.filePath(QStringLiteral("missing.txt"));
    QVERIFY(m_window->documentActions()->importNarrative(bad).contains(bad));
}

void TestBriefUi::relinkKeepsTheUsersEdits()
{
    // The user corrects the Central Asia claim of the default brief…
    const QString id = claimContaining(QStringLiteral("presence in Central Asia"));
    Claim edited = *m_window->document()->brief().claim(id);
    edited.regions = {QStringLiteral("CHN"), QStringLiteral("KAZ")};
    edited.note = QStringLiteral("checked by hand");
    m_window->document()->applyClaim(edited);
    // …then re-links the narrative with a sentence added at the end.
    QStringList paragraphs = m_window->document()->brief().paragraphs;
    paragraphs.last() += QStringLiteral(" Mongolia watches both.");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("edited.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(paragraphs.join(QStringLiteral("\n\n")).toUtf8());
    file.close();
    QCOMPARE(m_window->documentActions()->relinkNarrative(path), QString());
    const Brief &brief = m_window->document()->brief();
    QCOMPARE(brief.claims.size(), 20);
    QCOMPARE(brief.title, QStringLiteral("China and Russia: cooperation and rivalry"));
    const Claim *kept = brief.claim(id);
    QVERIFY(kept);
    QCOMPARE(kept->regions, (QStringList{QStringLiteral("CHN"), QStringLiteral("KAZ")}));
    QCOMPARE(kept->note, QStringLiteral("checked by hand"));
    QVERIFY(brief.claims.last().regions.contains(QStringLiteral("MNG")));
    QVERIFY(m_window->document()->isModified());
}

void TestBriefUi::viewRestoresEveryPartOfTheState()
{
    MapCanvas *canvas = m_window->canvas();
    canvas->setProjection(QStringLiteral("eurasia-conic"));
    m_window->timeSlider()->setYear(2012);
    canvas->setLayerVisible(QStringLiteral("contested"), false);
    canvas->setLayerOpacity(QStringLiteral("sco"), 0.5);
    canvas->zoomBy(2.0, canvas->rect().center());
    canvas->selectRegion(QStringLiteral("MNG"));
    const ViewState saved = canvas->view();
    m_window->captureView(-1);
    const int index = int(m_window->document()->brief().views.size()) - 1;
    QCOMPARE(m_window->document()->brief().views[index].state.year, 2012);

    canvas->setProjection(QStringLiteral("world"));
    m_window->timeSlider()->setYear(2030);
    canvas->setLayerVisible(QStringLiteral("contested"), true);
    canvas->setLayerOpacity(QStringLiteral("sco"), 1.0);
    canvas->selectRegion(QStringLiteral("FRA"));
    m_window->applyView(index);
    // The camera eases there: 900 ms, or longer on a slow (sanitized, busy) machine.
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(canvas->view().metresPerPixel - saved.metresPerPixel) / saved.metresPerPixel < 1e-6, 10000);
    const ViewState now = canvas->view();
    QCOMPARE(now.projectionId, QStringLiteral("eurasia-conic"));
    QCOMPARE(now.year, 2012);
    QCOMPARE(now.hiddenLayers, QStringList{QStringLiteral("contested")});
    QCOMPARE(now.layerOpacity.value(QStringLiteral("sco")), 0.5);
    QCOMPARE(now.selectedRegion, QStringLiteral("MNG"));
    QVERIFY(std::abs(now.metresPerPixel - saved.metresPerPixel) / saved.metresPerPixel < 1e-6);
    QVERIFY(std::abs(now.centre.x() - saved.centre.x()) < 1e-6 && std::abs(now.centre.y() - saved.centre.y()) < 1e-6);
    m_window->document()->undoStack()->undo(); // the view's addition is undoable
    QCOMPARE(int(m_window->document()->brief().views.size()), index);
}

void TestBriefUi::clickingAViewShowsIt()
{
    // A click only selected a view, a double-click renamed it, and only Enter showed it; and
    // "Update" then silently overwrote the view clicked with a map that was not it.
    auto *list = m_window->viewsPanel()->findChild<QListWidget *>();
    QVERIFY(list);
    QVERIFY(list->count() >= 3);
    const SavedView &target = m_window->document()->brief().views[2];
    const QRect cell = list->visualItemRect(list->item(2));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, cell.center());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->canvas()->view().year, target.state.year, 10000);
    QCOMPARE(m_window->canvas()->view().projectionId, target.state.projectionId);
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(m_window->canvas()->view().metresPerPixel - target.state.metresPerPixel) /
                                     target.state.metresPerPixel < 1e-6, 10000);
    // A second click on the view shown opens no editor: renaming is F2.
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, cell.center());
    QCoreApplication::processEvents();
    QVERIFY(!list->viewport()->findChild<QLineEdit *>());
    QCOMPARE(list->editTriggers(), QAbstractItemView::EditTriggers(QAbstractItemView::EditKeyPressed));
    // The Update button names the view it would replace.
    const QList<QPushButton *> buttons = m_window->viewsPanel()->findChildren<QPushButton *>();
    const auto it = std::find_if(buttons.begin(), buttons.end(), [](QPushButton *b) { return b->text() == u"Update"; });
    QVERIFY(it != buttons.end());
    QVERIFY2((*it)->toolTip().contains(target.name.toHtmlEscaped()), qPrintable((*it)->toolTip()));
}

void TestBriefUi::captionTypedAfterAddIsTheNewViews()
{
    const QList<SavedView> before = m_window->document()->brief().views;
    auto *list = m_window->viewsPanel()->findChild<QListWidget *>();
    list->setCurrentRow(0);
    const QList<QPushButton *> buttons = m_window->viewsPanel()->findChildren<QPushButton *>();
    const auto add = std::find_if(buttons.begin(), buttons.end(), [](QPushButton *b) { return b->text() == u"Add"; });
    QVERIFY(add != buttons.end());
    (*add)->click();
    auto *caption = m_window->viewsPanel()->findChild<QPlainTextEdit *>();
    QVERIFY(caption);
    QTRY_VERIFY(caption->hasFocus());
    QTest::keyClicks(caption, QStringLiteral("Where the pipelines cross"));
    const QList<SavedView> &after = m_window->document()->brief().views;
    QCOMPARE(after.size(), before.size() + 1);
    QCOMPARE(after.last().caption, QStringLiteral("Where the pipelines cross"));
    QCOMPARE(after.first().caption, before.first().caption); // the view selected before is untouched
}

void TestBriefUi::viewSurvivesSaveAndLoad()
{
    m_window->canvas()->setLayerOpacity(QStringLiteral("pipelines"), 0.7);
    m_window->canvas()->selectFeature(QStringLiteral("pipelines/espo"));
    m_window->captureView(-1);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("views.spheres.json"));
    QVERIFY(m_window->document()->saveAs(path).isEmpty());
    const BriefReader::Result reread = BriefReader::readFile(path);
    QVERIFY2(reread.ok(), qPrintable(reread.error));
    QCOMPARE(reread.brief.views, m_window->document()->brief().views);
    QCOMPARE(reread.brief.views.last().state.selectedFeature, QStringLiteral("pipelines/espo"));
}

void TestBriefUi::presentationKeysStepThroughViews()
{
    const QList<SavedView> &views = m_window->document()->brief().views;
    QVERIFY(views.size() >= 4);
    PresentationMode *show = m_window->presentation();
    show->enter(0);
    QVERIFY(show->isActive());
    QVERIFY(!m_window->menuBar()->isVisible());
    QCOMPARE(m_window->canvas()->overlay().title, views[0].name);
    auto press = [this](Qt::Key key) { QTest::keyClick(m_window->canvas(), key); };
    press(Qt::Key_Right);
    QCOMPARE(show->currentView(), 1);
    QCOMPARE(m_window->canvas()->overlay().title, views[1].name);
    press(Qt::Key_PageDown);
    QCOMPARE(show->currentView(), 2);
    press(Qt::Key_Space);
    QCOMPARE(show->currentView(), 3);
    press(Qt::Key_Left);
    press(Qt::Key_PageUp);
    QCOMPARE(show->currentView(), 1);
    press(Qt::Key_End);
    QCOMPARE(show->currentView(), int(views.size()) - 1);
    press(Qt::Key_Right); // stays on the last view
    QCOMPARE(show->currentView(), int(views.size()) - 1);
    press(Qt::Key_Home);
    QCOMPARE(show->currentView(), 0);
    press(Qt::Key_B);
    QCOMPARE(m_window->canvas()->overlay().blank, QColor(Qt::black));
    press(Qt::Key_W);
    QCOMPARE(m_window->canvas()->overlay().blank, QColor(Qt::white));
    press(Qt::Key_W);
    QVERIFY(!m_window->canvas()->overlay().blank.isValid());
    press(Qt::Key_Escape);
    QVERIFY(!show->isActive());
    QVERIFY(m_window->menuBar()->isVisible());
    QVERIFY(!m_window->canvas()->overlay().active);
}

void TestBriefUi::clickWhilePresentingShowsClaims_data()
{
    QTest::addColumn<QPointF>("lonLat"); // where the presenter clicks
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("name");   // the card's heading
    QTest::newRow("Kazakhstan, west of the centre") << QPointF(68.0, 50.5) << u"KAZ"_s << u"Kazakhstan"_s; // Ulytau: no pipeline
    QTest::newRow("China, east of the centre") << QPointF(111.0, 31.0) << u"CHN"_s << u"China"_s; // Hubei, clear of the legend
}

void TestBriefUi::clickWhilePresentingShowsClaims()
{
    QFETCH(QPointF, lonLat);
    QFETCH(QString, code);
    QFETCH(QString, name);
    m_window->presentation()->enter(0);
    MapCanvas *canvas = m_window->canvas();
    // The camera eases to the slide: click once it has arrived.
    QTRY_VERIFY_WITH_TIMEOUT(!canvas->isMoving(), 10000);
    const QPoint click = pixelOf(lonLat).toPoint();
    QVERIFY(canvas->rect().contains(click));
    QCOMPARE(canvas->scene()->regionAt(canvas->view(), click), code);
    QCOMPARE(canvas->scene()->featureAt(canvas->view(), click), QString());
    QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier, click);
    QCOMPARE(canvas->selectedRegion(), code);
    QVERIFY(!canvas->overlay().claims.isEmpty());
    QCOMPARE(canvas->view().highlightRegions, QStringList{code});
    const ClaimsCard *card = canvas->claimsCard();
    QVERIFY(card->isVisible());
    QCOMPARE(card->heading(), name);
    // The card stands on the other half of the screen, clear of the country, inside the screen.
    const QRect geometry = card->geometry();
    QVERIFY2(!geometry.contains(click), qPrintable(u"%1,%2 %3x%4"_s.arg(geometry.x()).arg(geometry.y()).arg(geometry.width()).arg(geometry.height())));
    if (click.x() < canvas->width() / 2)
        QVERIFY(geometry.left() > canvas->width() / 2);
    else
        QVERIFY(geometry.right() < canvas->width() / 2);
    QVERIFY(canvas->rect().contains(geometry));
    // Esc leaves, and the card goes with the slides.
    m_window->presentation()->leave();
    QVERIFY(!card->isVisible());
}

void TestBriefUi::claimsCardFitsItsTextAndScrollsBeyond_data()
{
    QTest::addColumn<int>("claims");
    QTest::addColumn<bool>("scrolls");
    QTest::newRow("one claim: a small card") << 1 << false;
    QTest::newRow("forty claims: the card scrolls") << 40 << true;
}

void TestBriefUi::claimsCardFitsItsTextAndScrollsBeyond()
{
    QFETCH(int, claims);
    QFETCH(bool, scrolls);
    m_window->presentation()->enter(0);
    MapCanvas *canvas = m_window->canvas();
    QTRY_VERIFY(!canvas->isMoving());
    canvas->selectRegion(u"KAZ"_s);
    PresentationOverlay overlay = canvas->overlay();
    overlay.claims.clear();
    for (int i = 0; i < claims; ++i)
        overlay.claims.push_back({u"+ Cooperation"_s, u"Kazakhstan and China signed agreement number %1 on gas supplies."_s.arg(i + 1)});
    canvas->setOverlay(overlay);
    const ClaimsCard *card = canvas->claimsCard();
    QVERIFY(card->isVisible());
    QTRY_COMPARE(card->scrolls(), scrolls);
    QVERIFY(canvas->rect().contains(card->geometry()));
    if (!scrolls)
        QVERIFY2(card->height() < canvas->height() / 3, qPrintable(QString::number(card->height())));
    m_window->presentation()->leave();
}

void TestBriefUi::presentingLegendKeepsClearOfTheTitle_data()
{
    QTest::addColumn<QSize>("screen");
    // A 480x270 slide: the window cannot be that small; tst_exporter's legendKeepsClearOfTheTitle
    // and the "slide" control image check the storyboard's pictures at that size.
    QTest::newRow("960x540") << QSize(960, 540);
    QTest::newRow("1366x768") << QSize(1366, 768);
    QTest::newRow("1600x1000") << QSize(1600, 1000);
}

void TestBriefUi::presentingLegendKeepsClearOfTheTitle()
{
    // Big type makes the legend no larger than its share of the slide, and it stands clear of
    // the title block, at a thumbnail's size as on a projector's.
    QFETCH(QSize, screen);
    m_window->presentation()->enter(0);
    m_window->resize(screen);
    MapCanvas *canvas = m_window->canvas();
    QTRY_COMPARE(canvas->size(), screen);
    canvas->setStyleScale(1.5); // what presenting sets on a 1080p screen
    canvas->grab();             // a frame: the legend is placed as it is drawn
    const QRectF title = canvas->overlayTitlePanel();
    QVERIFY(!title.isEmpty());
    const LegendPainter::Layout legend = canvas->renderer().legendLayout(*canvas->scene(), canvas->view());
    QVERIFY(!legend.box.isEmpty());
    const auto box = [](const QRectF &r) { return u"%1,%2 %3x%4"_s.arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height()); };
    QVERIFY2(!legend.box.intersects(title), qPrintable(u"legend %1, title %2"_s.arg(box(legend.box), box(title))));
    QVERIFY(QRectF(canvas->rect()).contains(legend.box));
    QVERIFY2(legend.scale <= 1.5, qPrintable(QString::number(legend.scale)));
    const bool atFloor = legend.scale <= (screen.height() < LegendPainter::kSmallPicture ? 0.5 : 0.85) + 1e-9;
    QVERIFY2(atFloor || legend.box.height() <= screen.height() * LegendPainter::kMaxHeightShare + 1, qPrintable(box(legend.box)));
    m_window->presentation()->leave();
}

void TestBriefUi::exportDialogPreviewsThePage_data()
{
    QTest::addColumn<int>("preset");
    QTest::addColumn<bool>("portrait");
    using P = ExportOptions::Preset;
    QTest::newRow("slides") << int(P::Hd1080) << false;
    QTest::newRow("portrait screen") << int(P::Hd1080Portrait) << true;
    QTest::newRow("A4 portrait") << int(P::A4Portrait) << true;
    QTest::newRow("Letter landscape") << int(P::Letter) << false;
}

void TestBriefUi::exportDialogPreviewsThePage()
{
    QFETCH(int, preset);
    QFETCH(bool, portrait);
    MapCanvas *canvas = m_window->canvas();
    const QString title = m_window->document()->brief().title;
    QVERIFY(!title.isEmpty());
    ExportDialog dialog(title, int(m_window->document()->brief().views.size()));
    QCOMPARE(dialog.options().title, title); // the brief's title, not its file's name
    const MapRenderer renderer = canvas->exportRenderer();
    dialog.setPreviewMap(renderer, canvas->scene(), canvas->view());
    QComboBox *presets = nullptr;
    for (QComboBox *box : dialog.findChildren<QComboBox *>())
        if (box->findData(int(ExportOptions::Preset::A4Portrait)) >= 0)
            presets = box;
    QVERIFY(presets);
    QCOMPARE(presets->count(), int(ExportOptions::presets().size()) + 1); // and Custom
    presets->setCurrentIndex(presets->findData(preset));
    const QImage picture = dialog.preview()->picture(QSize(400, 400));
    QVERIFY(!picture.isNull());
    const QSize page = dialog.options().outputSize();
    QCOMPARE(picture.height() > picture.width(), portrait);
    QVERIFY(std::abs(double(picture.width()) / picture.height() - double(page.width()) / page.height()) < 0.02);
    // The very page the export makes, scaled down: the same pixels, give or take smoothing.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"preview.png"_s);
    ExportOptions options = dialog.options();
    options.format = ExportOptions::Format::Png;
    QVERIFY(Exporter::exportTo(renderer, *canvas->scene(), canvas->view(), options, path).ok());
    const QImage exported = QImage(path).scaled(picture.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                                .convertToFormat(QImage::Format_ARGB32);
    const QImage shown = picture.convertToFormat(QImage::Format_ARGB32);
    double difference = 0;
    for (int y = 0; y < shown.height(); ++y)
        for (int x = 0; x < shown.width(); ++x) {
            const QColor a = shown.pixelColor(x, y), b = exported.pixelColor(x, y);
            difference += std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
        }
    difference /= 3.0 * shown.width() * shown.height();
    QVERIFY2(difference < 16, qPrintable(QString::number(difference))); // small type rasterises differently when scaled
    // A change of title is a change of the preview.
    const QImage before = dialog.preview()->picture(QSize(400, 400));
    for (QLineEdit *edit : dialog.findChildren<QLineEdit *>())
        if (edit->text() == title)
            edit->setText(u"Another title, rather longer than the first"_s);
    QVERIFY(dialog.preview()->picture(QSize(400, 400)) != before);
}

void TestBriefUi::defaultMapLabelsSmallStatesOffLines_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<bool>("offLines"); // clear of the pipelines and the brief's arrows
    QTest::addColumn<bool>("required"); // a state is named; a site's name may be left out where it cannot be set clear
    QTest::newRow("Uzbekistan") << u"Uzbekistan"_s << false << true;
    QTest::newRow("Tajikistan") << u"Tajikistan"_s << false << true;
    QTest::newRow("Kyrgyzstan, under the Khorgos arrow") << u"Kyrgyzstan"_s << true << true;
    QTest::newRow("Kant air base, by a pipeline and the arrow") << u"Kant air base"_s << true << false;
    QTest::newRow("201st base, under the arrow's text") << u"201st Russian military base (Dushanbe, Bokhtar)"_s << true << false;
}

void TestBriefUi::defaultMapLabelsSmallStatesOffLines()
{
    QFETCH(QString, label);
    QFETCH(bool, offLines);
    QFETCH(bool, required);
    m_window->resize(1600, 1000);
    MapCanvas *canvas = m_window->canvas();
    QTRY_VERIFY(canvas->width() > 900);
    canvas->grab();
    const Scene &scene = *canvas->scene();
    const ViewState &view = canvas->view();
    const QTransform t = scene.worldToScreen(view);
    const QList<QPolygonF> arrows = AnnotationPainter::arrowLines(canvas->renderer().annotations(), scene, view);
    QVERIFY(!arrows.isEmpty()); // the brief's arrow to Khorgos
    const QList<PlacedLabel> labels = canvas->renderer().labels(scene, view, t); // what the window draws
    QStringList names;
    for (const PlacedLabel &l : labels)
        names << l.text;
    const auto it = std::find_if(labels.begin(), labels.end(), [&](const PlacedLabel &l) { return l.text == label; });
    if (!required && it == labels.end())
        return;
    QVERIFY2(it != labels.end(), qPrintable(names.join(u", "_s)));
    // Nor under an annotation's text (the Khorgos arrow's text once covered the 201st base's name).
    for (const QRectF &box : AnnotationPainter::fixedBoxes(canvas->renderer().annotations(), scene, view, canvas->renderer().style()))
        QVERIFY2(!box.intersects(it->box), qPrintable(label));
    if (offLines) {
        const QFontMetricsF metrics(it->font);
        const QRectF text(it->baseline.x(), it->baseline.y() - metrics.ascent(), metrics.horizontalAdvance(it->text), metrics.height());
        QVERIFY(!LabelPlacer::crossesAny(text, LayerPainter::drawnLines(scene, view, t) + arrows));
    }
}

void TestBriefUi::hoveringAClaimPreviewsIt()
{
    const QString id = claimContaining(QStringLiteral("Central Asia"));
    auto *browser = m_window->narrativePanel()->findChild<QTextBrowser *>();
    const double before = m_window->canvas()->view().metresPerPixel;
    emit browser->highlighted(InternalLink::url(InternalLink::Kind::Claim, id));
    QVERIFY(m_window->canvas()->view().highlightRegions.contains(QStringLiteral("UZB")));
    QCOMPARE(m_window->canvas()->view().metresPerPixel, before); // a preview does not move the camera
    emit browser->highlighted(QUrl());
    QVERIFY(!m_window->canvas()->view().isHighlighting());
}

void TestBriefUi::keyboardMovesThroughClaimsAndRegions()
{
    BriefController *briefs = m_window->briefController();
    briefs->stepClaim(+1);
    QCOMPARE(briefs->focusedClaim(), QStringLiteral("c1"));
    briefs->stepClaim(+1);
    QCOMPARE(briefs->focusedClaim(), QStringLiteral("c2"));
    briefs->stepClaim(-1);
    briefs->stepClaim(-1); // wraps to the last claim
    QCOMPARE(briefs->focusedClaim(), m_window->document()->brief().claims.last().id);
    // Regions of the lit claim, in turn.
    briefs->focusClaim(claimContaining(QStringLiteral("Central Asia")), false);
    const QStringList lit = m_window->canvas()->view().highlightRegions;
    m_window->stepRegion(+1);
    QCOMPARE(m_window->canvas()->selectedRegion(), lit.first());
    m_window->stepRegion(+1);
    QCOMPARE(m_window->canvas()->selectedRegion(), lit.at(1));
    QCOMPARE(m_window->canvas()->view().highlightRegions, lit);
    QVERIFY(m_window->contextPanel()->accessibleDescription().contains(lit.at(1)));
}

void TestBriefUi::settingsRoundTrip()
{
    QSettings().clear();
    m_window->canvas()->setProjection(QStringLiteral("world-pacific"));
    m_window->resize(1234, 789);
    QVERIFY(m_window->close()); // unmodified: closes without asking, saving the settings
    MainWindow again;
    QVERIFY(again.loadBaseMap());
    QCOMPARE(again.canvas()->scene()->projection().id(), QStringLiteral("world-pacific"));
    QCOMPARE(again.size(), QSize(1234, 789));
    QSettings().clear();
}

namespace {

/// A brief that names no file, to edit without a window.
Brief smallBrief(const QString &title)
{
    Brief b;
    b.title = title;
    b.paragraphs << QStringLiteral("One sentence.");
    Claim c;
    c.id = QStringLiteral("c1");
    c.text = QStringLiteral("One sentence.");
    b.claims << c;
    return b;
}

void editNote(BriefDocument &document, const QString &note)
{
    Claim edited = document.brief().claims.first();
    edited.note = note;
    document.editClaim(edited, QStringLiteral("Edit"));
}

/// Writes a recovery copy as a window that crashed leaves it: the brief, the name of its file,
/// and a lock whose process is gone.
void leaveCrashedCopy(const QString &dir, const QString &id, const QString &originalPath, const QString &title)
{
    QVERIFY(BriefWriter::save(smallBrief(title), dir + u'/' + id + QStringLiteral(".spheres.json")).isEmpty());
    QFile meta(dir + u'/' + id + QStringLiteral(".meta.json"));
    QVERIFY(meta.open(QIODevice::WriteOnly));
    meta.write(QJsonDocument(QJsonObject{{QStringLiteral("originalPath"), originalPath}}).toJson());
    meta.close();
    // A real lock file, with the process id of a process that has ended.
    const QString lockPath = dir + u'/' + id + QStringLiteral(".lock");
    QByteArray content;
    {
        QLockFile lock(lockPath);
        QVERIFY(lock.lock());
        QFile file(lockPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        content = file.readAll();
    }
    QProcess ended;
    ended.start(QStringLiteral("true"), {});
    QVERIFY(ended.waitForStarted());
    const qint64 deadPid = ended.processId();
    QVERIFY(ended.waitForFinished());
    content = QByteArray::number(deadPid) + content.mid(content.indexOf('\n'));
    QFile file(lockPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

QStringList orphanTitles(const QList<Autosave::Orphan> &orphans)
{
    QStringList titles;
    for (const Autosave::Orphan &o : orphans)
        titles << BriefReader::readFile(o.copyPath).brief.title;
    titles.sort();
    return titles;
}

} // namespace

void TestBriefUi::recoveryAfterSimulatedCrash()
{
    QTemporaryDir dir;
    m_window->autosave()->setDirectory(dir.path());
    Claim edited = *m_window->document()->brief().claim(QStringLiteral("c4"));
    edited.note = QStringLiteral("Written just before the crash.");
    edited.stance = Stance::Context;
    m_window->document()->editClaim(edited, QStringLiteral("Edit"));
    QCOMPARE(m_window->autosave()->saveNow(), QString());
    QVERIFY(m_window->autosave()->hasCopy());
    QVERIFY(!m_window->autosave()->copyPath().startsWith(QDir::currentPath())); // not over the user's files
    QVERIFY(!Autosave::defaultDirectory().startsWith(QDir::currentPath()));
    m_window.reset(); // gone without a clean close: the copy stays, its lock goes

    m_window = std::make_unique<MainWindow>();
    m_window->autosave()->setDirectory(dir.path());
    QVERIFY(m_window->loadBaseMap());
    const QList<Autosave::Orphan> orphans = m_window->autosave()->orphans();
    QCOMPARE(orphans.size(), 1);
    QCOMPARE(m_window->autosave()->recover(orphans.first()), QString());
    QCOMPARE(*m_window->document()->brief().claim(QStringLiteral("c4")), edited);
    QVERIFY(m_window->document()->isModified());
    QVERIFY(m_window->autosave()->hasCopy()); // the recovered copy is this window's now
    QVERIFY(m_window->autosave()->orphans().isEmpty());
    m_window->autosave()->discard();
    QVERIFY(!m_window->autosave()->hasCopy());
    QVERIFY(QDir(dir.path()).isEmpty());
}

void TestBriefUi::twoWindowsKeepTheirOwnCopies()
{
    QTemporaryDir dir;
    BriefDocument first, second;
    first.reset(smallBrief(QStringLiteral("First")), QString());
    second.reset(smallBrief(QStringLiteral("Second")), QString());
    auto firstCopy = std::make_unique<Autosave>(&first);
    auto secondCopy = std::make_unique<Autosave>(&second);
    firstCopy->setDirectory(dir.path());
    secondCopy->setDirectory(dir.path());
    editNote(first, QStringLiteral("mine"));
    editNote(second, QStringLiteral("theirs"));
    QCOMPARE(firstCopy->saveNow(), QString());
    QCOMPARE(secondCopy->saveNow(), QString());
    QVERIFY(firstCopy->copyPath() != secondCopy->copyPath());
    // Each window's copy is live: neither offers the other's, nor does a third window.
    QVERIFY(firstCopy->orphans().isEmpty());
    QVERIFY(secondCopy->orphans().isEmpty());
    BriefDocument third;
    Autosave thirdCopy(&third);
    thirdCopy.setDirectory(dir.path());
    QVERIFY(thirdCopy.orphans().isEmpty());
    // A clean quit of the first removes its own copy only.
    firstCopy->discard();
    QVERIFY(!firstCopy->hasCopy());
    QVERIFY(secondCopy->hasCopy());
    QCOMPARE(BriefReader::readFile(secondCopy->copyPath()).brief.claims.first().note, QStringLiteral("theirs"));
    // Once the second window is gone (without a clean close) its copy is offered, and can be discarded.
    const QString secondPath = secondCopy->copyPath();
    secondCopy.reset();
    const QList<Autosave::Orphan> orphans = thirdCopy.orphans();
    QCOMPARE(orphans.size(), 1);
    QCOMPARE(orphans.first().copyPath, secondPath);
    thirdCopy.discard(orphans.first());
    QVERIFY(!QFile::exists(secondPath));
}

void TestBriefUi::onlyCopiesOfGoneWindowsAreOffered()
{
    QTemporaryDir dir;
    const QString asked = dir.filePath(QStringLiteral("asked.spheres.json"));
    leaveCrashedCopy(dir.path(), QStringLiteral("crashed-asked"), asked, QStringLiteral("Asked"));
    leaveCrashedCopy(dir.path(), QStringLiteral("crashed-other"), dir.filePath(QStringLiteral("other.spheres.json")),
                     QStringLiteral("Other"));
    leaveCrashedCopy(dir.path(), QStringLiteral("crashed-unsaved"), QString(), QStringLiteral("Unsaved"));
    // A window that is still open, with a copy of the same file: never offered.
    BriefDocument live;
    live.reset(smallBrief(QStringLiteral("Live")), asked);
    Autosave liveCopy(&live);
    liveCopy.setDirectory(dir.path());
    editNote(live, QStringLiteral("live"));
    QCOMPARE(liveCopy.saveNow(), QString());

    BriefDocument document;
    Autosave autosave(&document);
    autosave.setDirectory(dir.path());
    QCOMPARE(orphanTitles(autosave.orphans()), (QStringList{QStringLiteral("Asked"), QStringLiteral("Other"), QStringLiteral("Unsaved")}));
    // Opening a file: only its own copies are offered, so that the window opens what was asked for.
    const QList<Autosave::Orphan> ofAsked = autosave.orphans(asked);
    QCOMPARE(orphanTitles(ofAsked), QStringList{QStringLiteral("Asked")});
    QCOMPARE(autosave.recover(ofAsked.first()), QString());
    QCOMPARE(document.filePath(), asked);
    QCOMPARE(document.brief().title, QStringLiteral("Asked"));
    QVERIFY(document.isModified());
    QCOMPARE(orphanTitles(autosave.orphans()), (QStringList{QStringLiteral("Other"), QStringLiteral("Unsaved")}));
    QVERIFY(liveCopy.hasCopy());
}

void TestBriefUi::copyIsWrittenShortlyAfterAnEdit()
{
    // At most a few seconds of work are lost in a crash.
    QVERIFY(Autosave::kDelayMs <= 3000 && Autosave::kMaxDelayMs <= 15000);
    QTemporaryDir dir;
    BriefDocument document;
    document.reset(smallBrief(QStringLiteral("Edited")), QString());
    Autosave autosave(&document);
    autosave.setDirectory(dir.path());
    autosave.setDelays(100, 1000);
    QSignalSpy saved(&autosave, &Autosave::saved);
    editNote(document, QStringLiteral("first"));
    QVERIFY(!autosave.hasCopy()); // debounced: not at every key
    QTRY_VERIFY(autosave.hasCopy());
    QCOMPARE(BriefReader::readFile(autosave.copyPath()).brief, document.brief());
    editNote(document, QStringLiteral("second"));
    QTRY_COMPARE(BriefReader::readFile(autosave.copyPath()).brief.claims.first().note, QStringLiteral("second"));
    QCOMPARE(saved.size(), 2);
    // Saved: the copy goes.
    const QString path = dir.filePath(QStringLiteral("edited.spheres.json"));
    QCOMPARE(document.saveAs(path), QString());
    QVERIFY(!autosave.hasCopy());
}

void TestBriefUi::copyIsWrittenWhileEditsKeepComing()
{
    QTemporaryDir dir;
    BriefDocument document;
    document.reset(smallBrief(QStringLiteral("Busy")), QString());
    Autosave autosave(&document);
    autosave.setDirectory(dir.path());
    autosave.setDelays(300, 600);
    // An edit every 20 ms never leaves the 300 ms pause: the copy is written after 600 ms all the same.
    int edits = 0;
    QTimer typing;
    typing.setInterval(20);
    connect(&typing, &QTimer::timeout, &document, [&] { editNote(document, QString::number(++edits)); });
    typing.start();
    QTRY_VERIFY_WITH_TIMEOUT(autosave.hasCopy(), 5000);
    QVERIFY(typing.isActive());
    typing.stop();
    QVERIFY(BriefReader::readFile(autosave.copyPath()).ok());
}

void TestBriefUi::autosaveOnAFullDiskSaysSo()
{
    FullDisk disk;
    SPHERES_REQUIRE_FULL_DISK(disk);
    BriefDocument document;
    document.reset(smallBrief(QStringLiteral("Full")), QString());
    Autosave autosave(&document);
    autosave.setDirectory(disk.filePath(QStringLiteral("autosave")));
    autosave.setDelays(20, 100);
    editNote(document, QStringLiteral("kept"));
    QTRY_VERIFY(autosave.hasCopy());
    QFile copy(autosave.copyPath());
    QVERIFY(copy.open(QIODevice::ReadOnly));
    const QByteArray kept = copy.readAll();
    copy.close();

    QVERIFY(disk.fill());
    QSignalSpy failed(&autosave, &Autosave::failed);
    editNote(document, QStringLiteral("not kept"));
    QVERIFY(failed.wait(5000));
    const QString error = failed.first().first().toString();
    QVERIFY2(error.contains(autosave.copyPath()) && error.contains(QStringLiteral("No space left on device")), qPrintable(error));
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), kept); // the last good copy stays
    QVERIFY(document.isModified());
    QCOMPARE(document.brief().claims.first().note, QStringLiteral("not kept"));
}

void TestBriefUi::saveOnAFullDiskKeepsTheBriefModified()
{
    FullDisk disk;
    SPHERES_REQUIRE_FULL_DISK(disk);
    QTemporaryDir dir;
    m_window->autosave()->setDirectory(dir.path());
    QVERIFY(disk.put(QStringLiteral("brief.spheres.json"), "the good old brief"));
    QVERIFY(disk.fill());
    Claim edited = *m_window->document()->brief().claim(QStringLiteral("c2"));
    edited.note = QStringLiteral("unsaved work");
    m_window->document()->editClaim(edited, QStringLiteral("Edit"));
    QCOMPARE(m_window->autosave()->saveNow(), QString());

    const QString path = disk.filePath(QStringLiteral("brief.spheres.json"));
    const QString error = m_window->document()->saveAs(path);
    QVERIFY2(error.contains(path + QStringLiteral(": No space left on device")), qPrintable(error));
    QVERIFY(m_window->document()->isModified());
    QVERIFY(m_window->isWindowModified()); // the title keeps its "*"
    QVERIFY(m_window->document()->filePath() != path);
    QCOMPARE(*m_window->document()->brief().claim(QStringLiteral("c2")), edited);
    QVERIFY(m_window->autosave()->hasCopy()); // the recovery copy is not thrown away
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("the good old brief"));
}

void TestBriefUi::changedOnDiskIsNotOverwritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shared.spheres.json"));
    QCOMPARE(BriefWriter::save(smallBrief(QStringLiteral("Shared")), path), QString());
    // Another window has the same file open, and saves its changes.
    BriefDocument other;
    QCOMPARE(other.open(path), QString());
    QVERIFY(m_window->documentActions()->openFile(path));
    QVERIFY(!m_window->document()->changedOnDisk());
    editNote(other, QStringLiteral("theirs"));
    QCOMPARE(other.save(), QString());
    QVERIFY(m_window->document()->changedOnDisk());

    editNote(*m_window->document(), QStringLiteral("mine"));
    const QString error = m_window->document()->save();
    QVERIFY2(error.contains(path), qPrintable(error));
    QCOMPARE(BriefReader::readFile(path).brief.claims.first().note, QStringLiteral("theirs"));
    QVERIFY(m_window->document()->isModified());

    // Through the menu: asked first; Cancel keeps their file, Overwrite writes mine.
    QList<bool> asked;
    auto answer = DocumentActions::DiskChange::Cancel;
    m_window->documentActions()->setDiskChangePrompt([&](bool saving) {
        asked << saving;
        return answer;
    });
    QVERIFY(!m_window->documentActions()->save());
    QCOMPARE(asked, QList<bool>{true});
    QCOMPARE(BriefReader::readFile(path).brief.claims.first().note, QStringLiteral("theirs"));
    answer = DocumentActions::DiskChange::Overwrite;
    QVERIFY(m_window->documentActions()->save());
    QCOMPARE(asked.size(), 2);
    QCOMPARE(BriefReader::readFile(path).brief.claims.first().note, QStringLiteral("mine"));
    QVERIFY(!m_window->document()->isModified());
    // Saved here last: the next save does not ask.
    editNote(*m_window->document(), QStringLiteral("mine again"));
    QVERIFY(m_window->documentActions()->save());
    QCOMPARE(asked.size(), 2);
}

void TestBriefUi::changedOnDiskIsOfferedOnFocus_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<QString>("noteAfter");
    QTest::addColumn<bool>("modifiedAfter");
    QTest::newRow("reload") << int(DocumentActions::DiskChange::Reload) << QStringLiteral("theirs") << false;
    QTest::newRow("keep mine") << int(DocumentActions::DiskChange::KeepMine) << QStringLiteral("mine") << true;
}

void TestBriefUi::changedOnDiskIsOfferedOnFocus()
{
    QFETCH(int, answer);
    QFETCH(QString, noteAfter);
    QFETCH(bool, modifiedAfter);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shared.spheres.json"));
    QCOMPARE(BriefWriter::save(smallBrief(QStringLiteral("Shared")), path), QString());
    QVERIFY(m_window->documentActions()->openFile(path));
    int asked = 0;
    m_window->documentActions()->setDiskChangePrompt([&](bool saving) {
        ++asked;
        return saving ? DocumentActions::DiskChange::Cancel : DocumentActions::DiskChange(answer);
    });
    editNote(*m_window->document(), QStringLiteral("mine"));
    m_window->documentActions()->checkDiskChanges();
    QCOMPARE(asked, 0); // nothing changed on disk: nothing to ask

    BriefDocument other;
    QCOMPARE(other.open(path), QString());
    editNote(other, QStringLiteral("theirs"));
    QCOMPARE(other.save(), QString());
    // Away to another window and back: the window asks.
    QWidget elsewhere;
    elsewhere.show();
    elsewhere.activateWindow();
    QTRY_VERIFY(elsewhere.isActiveWindow());
    m_window->activateWindow();
    QTRY_COMPARE(asked, 1);
    QCOMPARE(m_window->document()->brief().claims.first().note, noteAfter);
    QCOMPARE(m_window->document()->isModified(), modifiedAfter);
    QVERIFY(!m_window->document()->changedOnDisk());
    // Answered once: not asked again, and a save after "keep mine" replaces their file.
    m_window->documentActions()->checkDiskChanges();
    QCOMPARE(asked, 1);
    if (modifiedAfter) {
        QVERIFY(m_window->documentActions()->save());
        QCOMPARE(asked, 1);
        QCOMPARE(BriefReader::readFile(path).brief.claims.first().note, QStringLiteral("mine"));
    }
}

namespace {

/// What a screen reader reads: the widget's accessible interface, not the widget's properties.
QString accessibleText(QWidget *widget, QAccessible::Text what)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
    return iface ? iface->text(what) : QString();
}

} // namespace

void TestBriefUi::canvasDescribesTheSelection()
{
    MapCanvas *canvas = m_window->canvas();
    QCOMPARE(accessibleText(canvas, QAccessible::Name), QStringLiteral("Map"));
    QVERIFY2(accessibleText(canvas, QAccessible::Description).startsWith(QStringLiteral("Nothing selected")),
             qPrintable(accessibleText(canvas, QAccessible::Description)));
    QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier, pixelOf({68.0, 50.5}).toPoint()); // Ulytau region: no pipeline there
    QCOMPARE(canvas->selectedRegion(), QStringLiteral("KAZ"));
    // What is selected and what it means: its SCO status in the year and its claims by stance.
    const QString description = accessibleText(canvas, QAccessible::Description);
    QCOMPARE(description, m_window->contextPanel()->summary());
    for (const char *words : {"Selected: Kazakhstan (KAZ).", "Shanghai Cooperation Organisation: member in 2026.", "claims: ",
                              "rivalry"})
        QVERIFY2(description.contains(QString::fromUtf8(words)), qPrintable(description));
    const int claims = int(m_window->briefController()->claimsAboutRegion(QStringLiteral("KAZ")).size());
    QVERIFY2(description.contains(QStringLiteral("%1 claims: ").arg(claims)), qPrintable(description));
    // A pipeline, a claim, then nothing again.
    canvas->selectFeature(QStringLiteral("pipelines/power-of-siberia"));
    QVERIFY2(accessibleText(canvas, QAccessible::Description).startsWith(QStringLiteral("Selected: Power of Siberia")),
             qPrintable(accessibleText(canvas, QAccessible::Description)));
    const QString id = claimContaining(QStringLiteral("Central Asia"));
    m_window->briefController()->focusClaim(id, false);
    QVERIFY2(accessibleText(canvas, QAccessible::Description).startsWith(QStringLiteral("Claim %1, Rivalry").arg(id)),
             qPrintable(accessibleText(canvas, QAccessible::Description)));
    canvas->selectRegion(QStringLiteral("MNG"));
    canvas->setFocus();
    QTest::keyClick(canvas, Qt::Key_Escape);
    QVERIFY(accessibleText(canvas, QAccessible::Description).startsWith(QStringLiteral("Nothing selected")));
}

void TestBriefUi::everyDockNamesItsPanel()
{
    const QList<QDockWidget *> docks = m_window->findChildren<QDockWidget *>();
    QVERIFY(docks.size() >= 4);
    for (QDockWidget *dock : docks)
        QVERIFY2(!accessibleText(dock->widget(), QAccessible::Name).isEmpty(), qPrintable(dock->objectName()));
    for (QWidget *w : std::initializer_list<QWidget *>{m_window->timeSlider(), m_window->searchBox()})
        QVERIFY2(!accessibleText(w, QAccessible::Name).isEmpty() && !accessibleText(w, QAccessible::Description).isEmpty(),
                 w->metaObject()->className());
    // No button is left nameless (arrow buttons have no text of their own).
    for (QAbstractButton *button : m_window->findChildren<QAbstractButton *>())
        if (button->isVisible() && button->focusPolicy() != Qt::NoFocus)
            QVERIFY2(!accessibleText(button, QAccessible::Name).isEmpty(), qPrintable(button->parentWidget()->objectName()));
}

void TestBriefUi::tabGoesFromTheMapThroughThePanels()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    MapCanvas *canvas = m_window->canvas();
    canvas->setFocus(Qt::OtherFocusReason);
    QCOMPARE(QApplication::focusWidget(), canvas);
    const QList<QWidget *> panels{canvas, m_window->contextPanel(), m_window->narrativePanel(), m_window->chartsPanel(),
                                  m_window->layersPanel(), m_window->viewsPanel(), m_window->timeSlider(), m_window->searchBox()};
    const QStringList names{QStringLiteral("map"), QStringLiteral("context"), QStringLiteral("narrative"), QStringLiteral("charts"),
                            QStringLiteral("layers"), QStringLiteral("views"), QStringLiteral("timeline"), QStringLiteral("search")};
    auto panelOf = [&](QWidget *w) {
        for (int i = 0; i < panels.size(); ++i)
            if (w == panels[i] || panels[i]->isAncestorOf(w))
                return names[i];
        return QStringLiteral("other: %1").arg(QString::fromLatin1(w ? w->metaObject()->className() : "none"));
    };
    QStringList visited{QStringLiteral("map")};
    for (int i = 0; i < 60 && (visited.size() == 1 || visited.last() != u"map"); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        if (const QString now = panelOf(QApplication::focusWidget()); now != visited.last())
            visited << now;
    }
    // In reading order, each panel once; the window's own widgets (the tabs of tabbed docks) may come between.
    visited.removeIf([](const QString &name) { return name.startsWith(u"other"); });
    const QString charts = m_window->chartsPanel()->isVisible() ? QStringLiteral("charts ") : QString();
    QCOMPARE(visited.join(u' '), QStringLiteral("map context narrative %1layers views timeline search map").arg(charts));
    // Shift+Tab goes back: from the context panel's first stop to the map.
    m_window->contextPanel()->setFocus(Qt::OtherFocusReason);
    QCOMPARE(panelOf(QApplication::focusWidget()), QStringLiteral("context"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
    QCOMPARE(QApplication::focusWidget(), canvas);
}

QTEST_MAIN(TestBriefUi)
#include "tst_briefui.moc"
