// The main window's tests: one program, tst_briefui, whose slots are defined by topic across
// tst_briefui*.cpp so that no file grows past 500 lines.
#pragma once

#include "annotationpainter.h"
#include "document/autosave.h"
#include "charts/chartspanel.h"
#include "document/briefcontroller.h"
#include "document/briefdocument.h"
#include "briefio.h"
#include "panels/contextpanel.h"
#include "document/documentactions.h"
#include "dialogs/exportdialog.h"
#include "exporter.h"
#include "dialogs/exportpreview.h"
#include "labelplacer.h"
#include "layerpainter.h"
#include "maprenderer.h"
#include "scene.h"
#include "panels/internallink.h"
#include "panels/layerspanel.h"
#include "mainwindow.h"
#include "map/mapcanvas.h"
#include "panels/narrativepanel.h"
#include "present/presentationmode.h"
#include "panels/stancestyle.h"
#include "mapstyle.h"
#include "panels/claimscard.h"
#include "map/timeslider.h"
#include "panels/viewspanel.h"
#include "panels/searchbox.h"
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

namespace {

using spheres::test::contrast;

inline QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x2d));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    return p;
}

} // namespace

namespace {

/// A brief that names no file, to edit without a window.
inline Brief smallBrief(const QString &title)
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

inline void editNote(BriefDocument &document, const QString &note)
{
    Claim edited = document.brief().claims.first();
    edited.note = note;
    document.editClaim(edited, QStringLiteral("Edit"));
}

/// Writes a recovery copy as a window that crashed leaves it: the brief, the name of its file,
/// and a lock whose process is gone.
inline void leaveCrashedCopy(const QString &dir, const QString &id, const QString &originalPath, const QString &title)
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

inline QStringList orphanTitles(const QList<Autosave::Orphan> &orphans)
{
    QStringList titles;
    for (const Autosave::Orphan &o : orphans)
        titles << BriefReader::readFile(o.copyPath).brief.title;
    titles.sort();
    return titles;
}

} // namespace

namespace {

/// What a screen reader reads: the widget's accessible interface, not the widget's properties.
inline QString accessibleText(QWidget *widget, QAccessible::Text what)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
    return iface ? iface->text(what) : QString();
}

} // namespace

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
