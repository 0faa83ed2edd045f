// Editing and keeping work: undo, links, save, search, import, settings, autosave, crash
// recovery and files changed on disk.

#include "tst_briefui.h"

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
