#include "map/annotationeditor.h"
#include "document/briefdocument.h"
#include "briefio.h"
#include "mainwindow.h"
#include "map/mapcanvas.h"

#include <QAction>
#include <QApplication>
#include <QMouseEvent>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace spheres;
using namespace Qt::StringLiterals;

/// Putting annotations on the map and editing them, as a user does: tools, clicks, drags, keys.
class TestAnnotationEditor : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void calloutGoesWhereClicked();
    void undoAndRedoRestoreExactly();
    void draggingTheTextKeepsTheAnchor();
    void draggingTheAnchorMovesItOnTheGround();
    void arrowIsDrawnFromTailToHead();
    void areaClosesOnDoubleClick();
    void regionToolHighlightsTheClickedCountry();
    void pinWithoutTextIsAllowed();
    void doubleClickEditsTheText();
    void restyleChangesColourAndSize();
    void deleteKeyRemovesTheSelected();
    void escapeCancelsTheTool();
    void clicksBesideAnnotationsStillSelectRegions();
    void aCalloutIsClickedOnlyWhereItIsDrawn_data();
    void aCalloutIsClickedOnlyWhereItIsDrawn();
    void projectionChangeKeepsTheSpot_data();
    void projectionChangeKeepsTheSpot();
    void viewRemembersWhichAnnotationsShow();
    void annotationsSurviveSaveAndLoad();
    void presentingDoesNotEdit();

private:
    MapCanvas *canvas() const { return m_window->canvas(); }
    AnnotationEditor *editor() const { return m_window->annotationEditor(); }
    const QList<Annotation> &annotations() const { return m_window->document()->brief().annotations; }
    QPoint pixelOf(QPointF lonLat) const { return canvas()->scene()->pixelOf(canvas()->view(), lonLat)->toPoint(); }
    QPointF lonLatOf(QPointF pixel) const { return *canvas()->scene()->lonLatAt(canvas()->view(), pixel); }
    PlacedAnnotation placed(const QString &id) const
    {
        for (const PlacedAnnotation &p : canvas()->renderer().annotationLayout(*canvas()->scene(), canvas()->view()))
            if (p.annotation.id == id)
                return p;
        return {};
    }
    /// Adds a callout through the tool, answering its text prompt.
    QString addCallout(QPointF lonLat, const QString &text)
    {
        m_answer = text;
        editor()->setTool(AnnotationEditor::Tool::Callout);
        QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf(lonLat));
        return editor()->selected();
    }
    /// A drag as the mouse makes it: press, moves on the way, release.
    void drag(QPoint from, QPoint to)
    {
        const auto send = [this](QEvent::Type type, QPoint at, Qt::MouseButton button, Qt::MouseButtons buttons) {
            QMouseEvent event(type, at, canvas()->mapToGlobal(at), button, buttons, Qt::NoModifier);
            QApplication::sendEvent(canvas(), &event);
        };
        send(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
        for (int step = 1; step <= 4; ++step)
            send(QEvent::MouseMove, from + (to - from) * step / 4, Qt::NoButton, Qt::LeftButton);
        send(QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
    }
    static bool near(QPointF a, QPointF b, double degrees) { return std::abs(a.x() - b.x()) < degrees && std::abs(a.y() - b.y()) < degrees; }

    std::unique_ptr<MainWindow> m_window;
    std::optional<QString> m_answer;
    QStringList m_asked; ///< the current texts the prompt was shown with
};

void TestAnnotationEditor::init()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"SpheresTest"_s);
    QCoreApplication::setApplicationName(u"tst_annotationeditor"_s);
    m_window = std::make_unique<MainWindow>();
    QVERIFY(m_window->loadBaseMap());
    QVERIFY(m_window->openDefaultBrief());
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // The brief's own annotations out of the way: each test starts from none.
    m_window->document()->applyAnnotations({});
    m_window->document()->undoStack()->clear();
    m_answer = u"Text"_s;
    m_asked.clear();
    editor()->setAskText([this](const QString &, const QString &current) {
        m_asked << current;
        return m_answer;
    });
}

void TestAnnotationEditor::cleanup()
{
    m_window->document()->undoStack()->setClean();
    m_window.reset();
}

void TestAnnotationEditor::calloutGoesWhereClicked()
{
    const QPointF chita(113.5, 52.03);
    const QString id = addCallout(chita, u"Chita: the Trans-Siberian and ESPO meet"_s);
    QCOMPARE(annotations().size(), 1);
    const Annotation &a = annotations().first();
    QCOMPARE(a.id, id);
    QCOMPARE(a.kind, Annotation::Kind::Callout);
    QCOMPARE(a.text, u"Chita: the Trans-Siberian and ESPO meet"_s);
    // Within a pixel of the click, on the ground.
    QVERIFY2(near(a.anchor, chita, 0.25), qPrintable(u"%1, %2"_s.arg(a.anchor.x()).arg(a.anchor.y())));
    QVERIFY(m_window->document()->isModified());
    QCOMPARE(editor()->tool(), AnnotationEditor::Tool::Select); // one mark, then back to selecting
    // It is on the map.
    QVERIFY(!placed(id).textBox.isEmpty());
}

void TestAnnotationEditor::undoAndRedoRestoreExactly()
{
    addCallout({113.5, 52.03}, u"First"_s);
    const QList<Annotation> one = annotations();
    addCallout({90.0, 45.0}, u"Second"_s);
    const QList<Annotation> two = annotations();
    QCOMPARE(two.size(), 2);
    QUndoStack *undo = m_window->document()->undoStack();
    undo->undo();
    QCOMPARE(annotations(), one);
    QCOMPARE(canvas()->renderer().annotations(), one); // and the map shows it
    undo->undo();
    QVERIFY(annotations().isEmpty());
    undo->redo();
    undo->redo();
    QCOMPARE(annotations(), two);
    QCOMPARE(canvas()->renderer().annotations(), two);
}

void TestAnnotationEditor::draggingTheTextKeepsTheAnchor()
{
    const QString id = addCallout({113.5, 52.03}, u"Drag me"_s);
    const Annotation before = annotations().first();
    const PlacedAnnotation p = placed(id);
    const QPoint from = p.textBox.center().toPoint(), to = from + QPoint(60, 40);
    drag(from, to);
    const Annotation after = annotations().first();
    QCOMPARE(after.anchor, before.anchor);
    QVERIFY(after.textOffset.has_value());
    const PlacedAnnotation moved = placed(id);
    QVERIFY2(std::abs(moved.textBox.center().x() - p.textBox.center().x() - 60) < 1.5
                 && std::abs(moved.textBox.center().y() - p.textBox.center().y() - 40) < 1.5,
             "the text box follows the pointer");
    QVERIFY(canvas()->selectedRegion().isEmpty()); // the drag did not select the region below
    m_window->document()->undoStack()->undo();
    QCOMPARE(annotations().first(), before);
}

void TestAnnotationEditor::draggingTheAnchorMovesItOnTheGround()
{
    const QString id = addCallout({113.5, 52.03}, u"Anchor"_s);
    const QPoint from = placed(id).anchor.toPoint(), to = pixelOf({100.0, 45.0});
    drag(from, to);
    QVERIFY(near(annotations().first().anchor, {100.0, 45.0}, 0.1));
    QCOMPARE(m_window->document()->undoStack()->undoText(), u"Move annotation"_s);
}

void TestAnnotationEditor::arrowIsDrawnFromTailToHead()
{
    editor()->setTool(AnnotationEditor::Tool::Arrow);
    const QPoint tail = pixelOf({62.0, 37.6}), head = pixelOf({80.4, 44.2});
    drag(tail, head);
    QCOMPARE(annotations().size(), 1);
    const Annotation &a = annotations().first();
    QCOMPARE(a.kind, Annotation::Kind::Arrow);
    QVERIFY(near(a.tail, {62.0, 37.6}, 0.1));
    QVERIFY(near(a.anchor, {80.4, 44.2}, 0.1));
    // A click without a drag draws no arrow.
    editor()->setTool(AnnotationEditor::Tool::Arrow);
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, tail);
    QCOMPARE(annotations().size(), 1);
}

void TestAnnotationEditor::areaClosesOnDoubleClick()
{
    editor()->setTool(AnnotationEditor::Tool::Area);
    m_answer = u"Spratly Islands"_s;
    const QList<QPointF> corners{{111.5, 7.5}, {117.0, 7.5}, {117.0, 12.0}, {111.5, 12.0}};
    for (qsizetype i = 0; i + 1 < corners.size(); ++i)
        QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf(corners[i]));
    QTest::mouseDClick(canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf(corners.last()));
    QCOMPARE(annotations().size(), 1);
    const Annotation &a = annotations().first();
    QCOMPARE(a.kind, Annotation::Kind::Area);
    QCOMPARE(a.text, u"Spratly Islands"_s);
    QCOMPARE(a.points.size(), 4); // the double-click's own press added no corner twice
    for (qsizetype i = 0; i < corners.size(); ++i)
        QVERIFY(near(a.points[i], corners[i], 0.1));
}

void TestAnnotationEditor::regionToolHighlightsTheClickedCountry()
{
    editor()->setTool(AnnotationEditor::Tool::Region);
    m_answer = QString();
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf({103.0, 46.5})); // central Mongolia
    QCOMPARE(annotations().size(), 1);
    QCOMPARE(annotations().first().kind, Annotation::Kind::Region);
    QCOMPARE(annotations().first().region, u"MNG"_s);
    QVERIFY(!placed(annotations().first().id).shape.isEmpty());
}

void TestAnnotationEditor::pinWithoutTextIsAllowed()
{
    editor()->setTool(AnnotationEditor::Tool::Pin);
    m_answer = QString();
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf({131.9, 43.1}));
    QCOMPARE(annotations().size(), 1);
    QCOMPARE(annotations().first().kind, Annotation::Kind::Pin);
    // …but a callout without text is not placed, and cancelling places nothing.
    editor()->setTool(AnnotationEditor::Tool::Callout);
    m_answer = u"  "_s;
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf({100.0, 45.0}));
    editor()->setTool(AnnotationEditor::Tool::Pin);
    m_answer.reset();
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf({100.0, 45.0}));
    QCOMPARE(annotations().size(), 1);
}

void TestAnnotationEditor::doubleClickEditsTheText()
{
    const QString id = addCallout({113.5, 52.03}, u"Old text"_s);
    m_answer = u"New text"_s;
    QTest::mouseDClick(canvas(), Qt::LeftButton, Qt::NoModifier, placed(id).textBox.center().toPoint());
    QCOMPARE(m_asked.last(), u"Old text"_s); // the prompt showed the text to edit
    QCOMPARE(annotations().first().text, u"New text"_s);
    m_window->document()->undoStack()->undo();
    QCOMPARE(annotations().first().text, u"Old text"_s);
}

void TestAnnotationEditor::restyleChangesColourAndSize()
{
    const QString id = addCallout({113.5, 52.03}, u"Style me"_s);
    const QRectF small = placed(id).textBox;
    editor()->setColour(id, u"#0072b2"_s);
    editor()->setTextSize(id, 18);
    QCOMPARE(annotations().first().colour, u"#0072b2"_s);
    QCOMPARE(annotations().first().textSize, 18.0);
    QVERIFY(placed(id).textBox.height() > small.height() * 1.2);
    m_window->document()->undoStack()->undo();
    QCOMPARE(annotations().first().textSize, 11.0);
    QCOMPARE(annotations().first().colour, u"#0072b2"_s);
}

void TestAnnotationEditor::deleteKeyRemovesTheSelected()
{
    const QString id = addCallout({113.5, 52.03}, u"Delete me"_s);
    const QList<Annotation> before = annotations();
    QCOMPARE(editor()->selected(), id);
    canvas()->setFocus();
    QTest::keyClick(canvas(), Qt::Key_Delete);
    QVERIFY(annotations().isEmpty());
    QVERIFY(editor()->selected().isEmpty());
    m_window->document()->undoStack()->undo();
    QCOMPARE(annotations(), before);
}

void TestAnnotationEditor::escapeCancelsTheTool()
{
    editor()->setTool(AnnotationEditor::Tool::Area);
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf({100, 40}));
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf({110, 40}));
    canvas()->setFocus();
    QTest::keyClick(canvas(), Qt::Key_Escape);
    QCOMPARE(editor()->tool(), AnnotationEditor::Tool::Select);
    QVERIFY(annotations().isEmpty());
    QVERIFY(!m_window->document()->isModified());
}

void TestAnnotationEditor::clicksBesideAnnotationsStillSelectRegions()
{
    addCallout({113.5, 52.03}, u"Somewhere in Russia"_s);
    editor()->select({});
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf({68.0, 50.5})); // Ulytau region: no pipeline there
    QCOMPARE(canvas()->selectedRegion(), u"KAZ"_s);
    QVERIFY(editor()->selected().isEmpty());
}

void TestAnnotationEditor::aCalloutIsClickedOnlyWhereItIsDrawn_data()
{
    // Where the click lands, relative to a callout anchored in Sichuan whose text box stands up and
    // to the right of its anchor; whether that selects the callout (else the country beneath).
    QTest::addColumn<QString>("where");
    QTest::addColumn<bool>("selectsCallout");
    QTest::newRow("text box") << u"text"_s << true;
    QTest::newRow("anchor") << u"anchor"_s << true;
    QTest::newRow("on the leader line") << u"leader"_s << true;
    QTest::newRow("3 px beside the leader line") << u"beside leader"_s << true;
    QTest::newRow("box's corner under the text") << u"corner"_s << false;
    QTest::newRow("12 px beside the leader line") << u"off leader"_s << false;
}

void TestAnnotationEditor::aCalloutIsClickedOnlyWhereItIsDrawn()
{
    QFETCH(QString, where);
    QFETCH(bool, selectsCallout);
    const QString id = addCallout({101.0, 30.5}, u"Sichuan"_s);
    Annotation a = annotations().first();
    a.textOffset = QPointF(120, -90);
    m_window->document()->applyAnnotations({a});
    editor()->select({});
    canvas()->clearSelection();
    const PlacedAnnotation p = placed(id);
    const QLineF leader = p.leader();
    QVERIFY(!leader.isNull());
    QVERIFY(p.textBox.left() > p.anchor.x() + 60 && p.textBox.bottom() < p.anchor.y() - 50);
    const QPointF normal = QPointF(-leader.dy(), leader.dx()) / leader.length();
    QPointF at;
    if (where == u"text"_s)
        at = p.textBox.center();
    else if (where == u"anchor"_s)
        at = p.anchor;
    else if (where == u"leader"_s)
        at = leader.pointAt(0.5);
    else if (where == u"beside leader"_s)
        at = leader.pointAt(0.5) + 3 * normal;
    else if (where == u"off leader"_s)
        at = leader.pointAt(0.5) + 12 * normal;
    else // inside the bounding box of text and anchor, clear of both and of the line (over Chongqing)
        at = p.anchor + QPointF(40, -10);
    QVERIFY(p.bounds().contains(at));
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, at.toPoint());
    if (selectsCallout) {
        QCOMPARE(editor()->selected(), id);
        QVERIFY(canvas()->selectedRegion().isEmpty());
    } else {
        QVERIFY(editor()->selected().isEmpty());
        // The map selects what lies under the click: China, or a Chinese pipeline.
        QVERIFY2(canvas()->selectedRegion() == u"CHN"_s || canvas()->selectedFeature().startsWith(u"pipelines/"_s),
                 qPrintable(canvas()->selectedRegion() + canvas()->selectedFeature()));
    }
}

void TestAnnotationEditor::projectionChangeKeepsTheSpot_data()
{
    QTest::addColumn<QString>("projection");
    QTest::newRow("conic") << u"eurasia-conic"_s;
    QTest::newRow("world") << u"world"_s;
    QTest::newRow("pacific") << u"world-pacific"_s;
}

void TestAnnotationEditor::projectionChangeKeepsTheSpot()
{
    QFETCH(QString, projection);
    const QString id = addCallout({113.5, 52.03}, u"Chita"_s);
    const QPointF ground = annotations().first().anchor;
    canvas()->setProjection(projection);
    const PlacedAnnotation p = placed(id);
    QVERIFY(!p.textBox.isEmpty());
    QVERIFY(near(lonLatOf(p.anchor), ground, 1e-6));
    QCOMPARE(canvas()->scene()->regionAt(canvas()->view(), p.anchor), u"RUS"_s);
}

void TestAnnotationEditor::viewRemembersWhichAnnotationsShow()
{
    const QString shown = addCallout({113.5, 52.03}, u"Shown"_s);
    const QString hidden = addCallout({90.0, 45.0}, u"Hidden"_s);
    editor()->setShown(hidden, false);
    QVERIFY(placed(hidden).annotation.id.isEmpty());
    m_window->captureView(-1);
    const int index = int(m_window->document()->brief().views.size()) - 1;
    QCOMPARE(m_window->document()->brief().views[index].state.hiddenAnnotations, QStringList{hidden});
    editor()->setShown(hidden, true);
    QVERIFY(canvas()->view().hiddenAnnotations.isEmpty());
    m_window->applyView(index);
    QCOMPARE(canvas()->view().hiddenAnnotations, QStringList{hidden});
    QCOMPARE(placed(shown).annotation.id, shown);
    QVERIFY(placed(hidden).annotation.id.isEmpty());
}

void TestAnnotationEditor::annotationsSurviveSaveAndLoad()
{
    addCallout({113.5, 52.03}, u"Saved callout"_s);
    editor()->setTool(AnnotationEditor::Tool::Region);
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, pixelOf({103.0, 46.5}));
    const QList<Annotation> before = annotations();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"annotated.spheres.json"_s);
    QVERIFY(m_window->document()->saveAs(path).isEmpty());
    m_window->document()->applyAnnotations({});
    QVERIFY(m_window->document()->open(path).isEmpty());
    QCOMPARE(annotations(), before);
    QCOMPARE(canvas()->renderer().annotations(), before);
}

void TestAnnotationEditor::presentingDoesNotEdit()
{
    const QString id = addCallout({113.5, 52.03}, u"Presented"_s);
    editor()->select({});
    PresentationOverlay overlay;
    overlay.active = true;
    canvas()->setOverlay(overlay);
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, placed(id).textBox.center().toPoint());
    QVERIFY(editor()->selected().isEmpty());
}

QTEST_MAIN(TestAnnotationEditor)
#include "tst_annotationeditor.moc"
