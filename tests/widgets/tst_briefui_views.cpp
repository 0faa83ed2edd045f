// Views, presentation mode, the export dialog's preview and the default map's labels.

#include "tst_briefui.h"

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
    const QList<QDockWidget *> docks = m_window->findChildren<QDockWidget *>();
    const auto visibleDocks = [&docks] { return std::count_if(docks.begin(), docks.end(), [](QDockWidget *d) { return d->isVisible(); }); };
    const auto docksBefore = visibleDocks();
    const QSize mapBefore = m_window->canvas()->size();
    show->enter(0);
    QVERIFY(show->isActive());
    // The map is in the presentation's own full-screen window, without menus or docks; the
    // editor keeps its own.
    QWidget *presenting = m_window->canvas()->window();
    QVERIFY(presenting != m_window.get());
    QVERIFY(presenting->isFullScreen());
    QVERIFY(presenting->findChildren<QDockWidget *>().isEmpty() && presenting->findChildren<QMenuBar *>().isEmpty());
    QCOMPARE(visibleDocks(), docksBefore);
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
    QCOMPARE(m_window->centralWidget(), m_window->canvas()); // the map is back in the editor
    QVERIFY(!presenting->isVisible());
    QCOMPARE(visibleDocks(), docksBefore);
    QTRY_COMPARE(m_window->canvas()->size(), mapBefore); // and as large as it was
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
    MapCanvas *canvas = m_window->canvas();
    canvas->window()->showNormal(); // the presentation's window, sized as each screen would make it
    canvas->window()->resize(screen);
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
    const QList<PlacedLabel> labels = canvas->renderer().labels(scene, view); // what the window draws
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
