// The window's map, claims and panels: clicks, focus, colours, the keyboard and accessibility.

#include "tst_briefui.h"

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
