// File > Add layer reads a user's file in the background: the window keeps running its event
// loop, a progress bar moves, Cancel leaves no layer behind, a finished load is on the map and
// searchable, and a broken file still gets a message naming it.
#include "../support/vectorfixtures.h"

#include "document/layerloadbar.h"
#include "mainwindow.h"
#include "map/mapcanvas.h"
#include "panels/searchbox.h"

#include <QApplication>
#include <QMessageBox>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace spheres;
using namespace Qt::StringLiterals;

class TestLayerLoading : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cancelLeavesNoLayer_data();
    void cancelLeavesNoLayer();
    void finishedLoadIsOnTheMapAndSearchable();
    void brokenFileIsNamed();
    void secondLoadWaitsForTheFirst();

private:
    bool hasLayer(const QString &id) const;
    QTemporaryDir m_dir;
    QString m_parcels;
    std::unique_ptr<MainWindow> m_window;
};

void TestLayerLoading::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_parcels = m_dir.filePath(u"parcels.gpkg"_s);
    fixtures::FixtureLayer layer{u"parcels"_s, 4326, wkbPolygon, {}};
    for (int i = 0; i < 5000; ++i) { // enough for several progress reports (one per 1024 features)
        const QByteArray x = QByteArray::number(50.0 + (i % 100) * 0.5), y = QByteArray::number(30.0 + (i / 100) * 0.5);
        const QByteArray x2 = QByteArray::number(50.2 + (i % 100) * 0.5), y2 = QByteArray::number(30.2 + (i / 100) * 0.5);
        layer.features << fixtures::FixtureFeature{u"p%1"_s.arg(i), u"Parcel %1"_s.arg(i),
                                                   "POLYGON ((" + x + ' ' + y + ", " + x2 + ' ' + y + ", " + x2 + ' ' + y2 + ", " + x
                                                       + ' ' + y2 + ", " + x + ' ' + y + "))",
                                                   i};
    }
    const QString error = fixtures::writeVectorFile("GPKG", m_parcels, {layer});
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestLayerLoading::init()
{
    m_window = std::make_unique<MainWindow>();
    QVERIFY(m_window->loadBaseMap());
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestLayerLoading::cleanup() { m_window.reset(); }

bool TestLayerLoading::hasLayer(const QString &id) const { return m_window->canvas()->session()->hasLayer(id); }

void TestLayerLoading::cancelLeavesNoLayer_data()
{
    QTest::addColumn<bool>("afterFirstProgress");
    QTest::newRow("at once") << false;
    QTest::newRow("while reading") << true;
}

void TestLayerLoading::cancelLeavesNoLayer()
{
    QFETCH(bool, afterFirstProgress);
    LayerLoadBar *bar = m_window->layerLoadBar();
    QSignalSpy cancelled(bar, &LayerLoadBar::cancelled), finished(bar, &LayerLoadBar::finished);
    QSignalSpy progress(bar->loader(), &UserLayerLoader::progressChanged);
    const qsizetype before = m_window->canvas()->layers().size();
    m_window->loadLayerFile(m_parcels);
    QVERIFY(bar->isVisible()); // the progress bar and Cancel, in the status bar
    QVERIFY(!hasLayer(u"parcels"_s)); // nothing is added before the reading is over
    if (afterFirstProgress)
        QVERIFY(progress.wait(20000)); // the window's event loop runs while the file is read
    bar->cancel();
    QVERIFY(cancelled.wait(20000));
    QCOMPARE(finished.size(), 0);
    QVERIFY(!hasLayer(u"parcels"_s));
    QCOMPARE(m_window->canvas()->layers().size(), before);
    QVERIFY(!bar->isVisible());
    // The same file loads in full afterwards: nothing of the cancelled load stands in its way.
    m_window->loadLayerFile(m_parcels);
    QVERIFY(finished.wait(20000));
    QVERIFY(hasLayer(u"parcels"_s));
}

void TestLayerLoading::finishedLoadIsOnTheMapAndSearchable()
{
    LayerLoadBar *bar = m_window->layerLoadBar();
    QSignalSpy finished(bar, &LayerLoadBar::finished);
    QSignalSpy progress(bar->loader(), &UserLayerLoader::progressChanged);
    m_window->loadLayerFile(m_parcels);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.front().front().toString(), QString());
    QVERIFY(hasLayer(u"parcels"_s));
    // The file announced its 5000 features, and the bar counted towards them.
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(1).toLongLong(), 5000);
    QCOMPARE(bar->progressBar()->maximum(), 1000);
    // Projected in the background for the map's projection: the scene holds it, searchable at once.
    const Scene *scene = m_window->canvas()->session()->scene();
    QCOMPARE(scene->layers().last().layer->id, u"parcels"_s);
    QCOMPARE(scene->layers().last().projectionId, scene->projection().id());
    const auto found = m_window->searchBox()->match(u"Parcel 4321"_s);
    QVERIFY(found);
    QCOMPARE(found->kind, SearchBox::Kind::Feature);
    QCOMPARE(found->target, u"parcels/p4321"_s);
}

void TestLayerLoading::brokenFileIsNamed()
{
    const QString broken = m_dir.filePath(u"broken.gpkg"_s);
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("SQLite format 3\0 but nothing else", 34);
    file.close();
    QString shown;
    QTimer poll; // answers the message box once it is up
    connect(&poll, &QTimer::timeout, this, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            shown = box->text();
            box->accept();
        }
    });
    poll.start(20);
    QSignalSpy finished(m_window->layerLoadBar(), &LayerLoadBar::finished);
    m_window->loadLayerFile(broken);
    QVERIFY(finished.wait(20000));
    QVERIFY2(finished.front().front().toString().contains(broken), qPrintable(finished.front().front().toString()));
    QTRY_VERIFY(!shown.isEmpty());
    QVERIFY2(shown.contains(broken), qPrintable(shown));
    QVERIFY(!hasLayer(u"broken"_s));
}

void TestLayerLoading::secondLoadWaitsForTheFirst()
{
    LayerLoadBar *bar = m_window->layerLoadBar();
    QSignalSpy finished(bar, &LayerLoadBar::finished);
    const Projection &projection = m_window->canvas()->session()->scene()->projection();
    QVERIFY(bar->start(m_parcels, {}, projection));
    QVERIFY(!bar->start(m_parcels, {}, projection)); // one file at a time
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.size(), 1);
}

QTEST_MAIN(TestLayerLoading)
#include "tst_layerloading.moc"
