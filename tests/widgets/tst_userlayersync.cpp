// The window keeps a brief's user layers: adding a file or styling a layer is an undoable edit of
// the brief, saved with paths relative to it and opened again with it; a file gone missing is
// named and stays in the brief, and the rest opens.
#include "dialogs/attributestyledialog.h"
#include "document/briefdocument.h"
#include "briefio.h"
#include "briefuserlayers.h"
#include "classcolours.h"
#include "panels/contextpanel.h"
#include "panels/layerspanel.h"
#include "mainwindow.h"
#include "map/mapcanvas.h"
#include "mapsession.h"
#include "mapstyle.h"
#include "document/userlayersync.h"

#include <QComboBox>
#include <QFile>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include "../support/squareslayer.h"

using namespace spheres;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kSquares = spheres::test::squaresGeoJson();
using spheres::test::writeFile;

} // namespace

class TestUserLayerSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void addedLayerIsSavedRelativeAndReopens();
    void undoTakesTheLayerAway();
    void styleByFieldRecoloursAndIsUndone();
    void missingFileIsNamedAndKept();
    void dialogOffersClassesOnlyForNumbers_data();
    void dialogOffersClassesOnlyForNumbers();

private:
    const Layer *layer(const QString &id) const
    {
        for (const auto &l : m_window->canvas()->layers())
            if (l->id == id)
                return l.get();
        return nullptr;
    }
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestUserLayerSync::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"SpheresTest"_s);
}

void TestUserLayerSync::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(writeFile(m_dir->filePath(u"data/squares.geojson"_s), kSquares));
    m_window = std::make_unique<MainWindow>();
    QVERIFY(m_window->loadBaseMap());
}

void TestUserLayerSync::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestUserLayerSync::addedLayerIsSavedRelativeAndReopens()
{
    BriefDocument *document = m_window->document();
    const QString file = m_dir->filePath(u"data/squares.geojson"_s);
    QVERIFY2(m_window->addLayerFile(file).isEmpty(), qPrintable(m_window->addLayerFile(file)));
    QVERIFY(layer(u"squares"_s));
    QVERIFY(document->isModified()); // an edit of the brief: closing asks to save it
    QCOMPARE(document->brief().userLayers.size(), 1);
    QCOMPARE(document->brief().userLayers.front().path, QDir::cleanPath(file)); // absolute while unsaved

    const QString briefPath = m_dir->filePath(u"briefs/b.spheres.json"_s);
    QDir().mkpath(QFileInfo(briefPath).absolutePath());
    QVERIFY(document->saveAs(briefPath).isEmpty());
    QFile saved(briefPath);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray json = saved.readAll();
    QVERIFY2(json.contains(R"("path": "../data/squares.geojson")"), json.constData());
    QCOMPARE(document->brief().userLayers.front().path, QDir::cleanPath(file)); // memory stays absolute

    // A new window opens the brief with its layer.
    m_window = std::make_unique<MainWindow>();
    QVERIFY(m_window->loadBaseMap());
    QVERIFY(!layer(u"squares"_s));
    QVERIFY(m_window->document()->open(briefPath).isEmpty());
    QVERIFY(m_window->userLayers()->problems().isEmpty());
    QVERIFY(layer(u"squares"_s));
    QCOMPARE(layer(u"squares"_s)->features.size(), 2);
    // Another brief without it takes it off the map.
    QVERIFY(m_window->openDefaultBrief());
    QVERIFY(!layer(u"squares"_s));
}

void TestUserLayerSync::undoTakesTheLayerAway()
{
    const int before = int(m_window->canvas()->layers().size());
    QVERIFY(m_window->addLayerFile(m_dir->filePath(u"data/squares.geojson"_s)).isEmpty());
    QCOMPARE(int(m_window->canvas()->layers().size()), before + 1);
    m_window->document()->undoStack()->undo();
    QCOMPARE(int(m_window->canvas()->layers().size()), before);
    QVERIFY(m_window->document()->brief().userLayers.isEmpty());
    m_window->document()->undoStack()->redo();
    QVERIFY(layer(u"squares"_s));
    // Adding it again is refused, naming the file.
    const QString again = m_window->addLayerFile(m_dir->filePath(u"data/squares.geojson"_s));
    QVERIFY2(again.contains(u"squares.geojson"_s) && again.contains(u"already open"_s), qPrintable(again));
    QCOMPARE(m_window->document()->brief().userLayers.size(), 1);
}

void TestUserLayerSync::styleByFieldRecoloursAndIsUndone()
{
    QVERIFY(m_window->addLayerFile(m_dir->filePath(u"data/squares.geojson"_s)).isEmpty());
    std::shared_ptr<const Layer> plain; // held: the map lets go of it once restyled
    for (const auto &l : m_window->canvas()->layers())
        if (l->id == u"squares"_s)
            plain = l;
    QVERIFY(plain && !plain->classes);
    QVERIFY(!m_window->userLayers()->setStyle(u"sco"_s, {u"kind"_s})); // not a user's layer
    QVERIFY(m_window->userLayers()->setStyle(u"squares"_s, {u"kind"_s}));
    const Layer *styled = layer(u"squares"_s);
    QVERIFY(styled && styled->classes);
    QCOMPARE(styled->classes->labels, (QStringList{u"farm"_s, u"mine"_s}));
    QVERIFY(styled->features.isSharedWith(plain->features)); // recoloured, not read again
    QCOMPARE(m_window->document()->brief().userLayers.front().style, AttributeStyle{u"kind"_s});
    // The Layers panel lists the classes under the layer.
    const LegendSwatch first = LayerLegend::swatchesFor(*styled).front();
    QCOMPARE(first.label, u"farm"_s);
    QCOMPARE(first.fill, MapStyle::standard().layers.categoryPalette.front());
    m_window->document()->undoStack()->undo();
    QVERIFY(!layer(u"squares"_s)->classes);
    QVERIFY(!m_window->document()->brief().userLayers.front().style.isSet());
}

void TestUserLayerSync::missingFileIsNamedAndKept()
{
    // A brief naming a file that is gone, and one that is there.
    const QString briefPath = m_dir->filePath(u"b.spheres.json"_s);
    Brief brief = BriefReader::readBuiltIn().brief;
    brief.userLayers << UserLayerSource{u"data/gone.gpkg"_s, {}, {}} << UserLayerSource{u"data/squares.geojson"_s, {}, {u"pop"_s}};
    QVERIFY(BriefWriter::save(brief, briefPath).isEmpty());
    BriefDocument document;
    MapSession session;
    UserLayerSync sync(&document, &session);
    QSignalSpy problems(&sync, &UserLayerSync::problemsFound);
    QVERIFY(document.open(briefPath).isEmpty()); // the brief opens
    QCOMPARE(document.brief().claims.size(), brief.claims.size());
    QCOMPARE(problems.size(), 1);
    const QString message = problems.front().front().toString();
    for (const QString &part : {briefPath, u"userLayers[0]"_s, u"gone.gpkg"_s, u"no such file"_s})
        QVERIFY2(message.contains(part), qPrintable(part + u" not in: "_s + message));
    QCOMPARE(session.layers().size(), 1); // the other layer is there
    QCOMPARE(session.layers().front()->id, u"squares"_s);
    QVERIFY(session.layers().front()->classes);
    // Saving keeps the missing one: the file may come back.
    QVERIFY(document.saveAs(briefPath).isEmpty());
    const BriefReader::Result again = BriefReader::readFile(briefPath);
    QCOMPARE(again.brief.userLayers.size(), 2);
    QCOMPARE(again.brief.userLayers.front().path, u"data/gone.gpkg"_s);
}

void TestUserLayerSync::dialogOffersClassesOnlyForNumbers_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("numeric");
    QTest::newRow("text") << u"kind"_s << false;
    QTest::newRow("number") << u"pop"_s << true;
}

void TestUserLayerSync::dialogOffersClassesOnlyForNumbers()
{
    QFETCH(QString, field);
    QFETCH(bool, numeric);
    QVERIFY(m_window->addLayerFile(m_dir->filePath(u"data/squares.geojson"_s)).isEmpty());
    AttributeStyleDialog dialog(*layer(u"squares"_s));
    QCOMPARE(dialog.fieldBox()->count(), 3); // none, kind, pop
    dialog.fieldBox()->setCurrentIndex(dialog.fieldBox()->findData(field));
    auto *methods = qobject_cast<QStandardItemModel *>(dialog.methodBox()->model());
    QCOMPARE(methods->item(1)->isEnabled(), numeric); // quantiles
    QCOMPARE(methods->item(2)->isEnabled(), numeric); // equal intervals
    if (numeric) {
        dialog.methodBox()->setCurrentIndex(1);
        dialog.classesBox()->setValue(3);
        QVERIFY(dialog.classesBox()->isEnabled());
    }
    const AttributeStyle chosen = dialog.style();
    QCOMPARE(chosen.field, field);
    QCOMPARE(chosen.method, numeric ? AttributeStyle::Method::Quantiles : AttributeStyle::Method::Categories);
    QVERIFY(m_window->userLayers()->setStyle(u"squares"_s, chosen));
    QCOMPARE(layer(u"squares"_s)->classes->labels.size(), numeric ? 1 : 2); // two values make one numeric class
    // Opened again, the dialog shows the layer's style.
    AttributeStyleDialog reopened(*layer(u"squares"_s));
    QCOMPARE(reopened.style(), chosen);
}

QTEST_MAIN(TestUserLayerSync)
#include "tst_userlayersync.moc"
