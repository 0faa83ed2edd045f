#include "atlas.h"
#include "brief.h"
#include "briefio.h"
#include "geojsonreader.h"
#include "mapsession.h"
#include "projectioncatalog.h"

#include <QSignalSpy>
#include <QTest>

using namespace spheres;
using namespace Qt::StringLiterals;

/// The map session without any widget: what the canvas, the window, presentation and exports
/// rely on when they share one map.
class TestMapSession : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void addedLayerIsAnnounced();
    void applyAndCaptureRoundTrip_data();
    void applyAndCaptureRoundTrip();
    void applyViewLightsItsFocusedClaim_data();
    void applyViewLightsItsFocusedClaim();
    void captureLeavesOutWindowOnlyState();
    void selectionKindsExcludeEachOther();
    void clearSelectionEndsFocus();
    void yearIsAnnouncedOnce();
    void applyViewSignalsOnce_data();
    void applyViewSignalsOnce();

private:
    std::shared_ptr<const Atlas> m_atlas;
    QList<std::shared_ptr<const Layer>> m_layers;
    Brief m_brief;
    std::unique_ptr<MapSession> m_session;
};

void TestMapSession::initTestCase()
{
    Atlas::Result atlas = Atlas::loadBuiltIn(Atlas::Detail::Coarse);
    QVERIFY2(atlas.ok(), qPrintable(atlas.error));
    m_atlas = std::make_shared<const Atlas>(std::move(atlas.atlas));
    QStringList errors;
    m_layers = GeoJsonReader::readAllBuiltIn(errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    BriefReader::Result brief = BriefReader::readBuiltIn();
    QVERIFY2(brief.ok(), qPrintable(brief.error));
    m_brief = brief.brief;
}

void TestMapSession::init()
{
    m_session = std::make_unique<MapSession>();
    m_session->setSize(QSize(1200, 800));
    m_session->setBaseMap(m_atlas, ProjectionCatalog::defaultPreset().projection.id());
    m_session->setLayers(m_layers);
}

void TestMapSession::addedLayerIsAnnounced()
{
    QSignalSpy layersChanged(m_session.get(), &MapSession::layersChanged);
    Layer mine;
    mine.id = u"mine"_s;
    mine.title = u"My layer"_s;
    QVERIFY(m_session->addLayer(std::make_shared<const Layer>(mine)));
    QCOMPARE(layersChanged.size(), 1);
    QCOMPARE(m_session->layers().last()->id, u"mine"_s);
    QVERIFY(m_session->hasLayer(u"mine"_s));
    // Its scene knows it too: the canvas draws and hit-tests what the session holds.
    QCOMPARE(m_session->scene()->layers().size(), m_session->layers().size());
    // The same id twice is refused, and nothing changes.
    QVERIFY(!m_session->addLayer(std::make_shared<const Layer>(mine)));
    QCOMPARE(layersChanged.size(), 1);
}

void TestMapSession::applyAndCaptureRoundTrip_data()
{
    QTest::addColumn<QString>("viewName");
    for (const SavedView &view : m_brief.views)
        QTest::newRow(qPrintable(view.name)) << view.name;
}

void TestMapSession::applyAndCaptureRoundTrip()
{
    // Every saved view of the shipped brief comes back as it was saved: applying and capturing
    // are each written once, here, and undo each other.
    QFETCH(QString, viewName);
    const auto it = std::find_if(m_brief.views.begin(), m_brief.views.end(), [&](const SavedView &v) { return v.name == viewName; });
    QVERIFY(it != m_brief.views.end());
    SavedView saved = *it;
    for (const QString &id : saved.state.hiddenLayers) // ids of layers not on the map are not kept
        QVERIFY2(m_session->hasLayer(id), qPrintable(id));
    m_session->applyView(saved, m_brief);
    QCOMPARE(m_session->view().projectionId, saved.state.projectionId);
    SavedView captured = m_session->capture(saved.name);
    captured.caption = saved.caption;
    captured.charts = saved.charts;
    // Opacity of 1 is the default: a captured view may spell it out.
    for (auto o = captured.state.layerOpacity.begin(); o != captured.state.layerOpacity.end();)
        o = o.value() == 1.0 && !saved.state.layerOpacity.contains(o.key()) ? captured.state.layerOpacity.erase(o) : std::next(o);
    QCOMPARE(captured.state.year, saved.state.year);
    QCOMPARE(captured.state.selectedRegion, saved.state.selectedRegion);
    QCOMPARE(captured.state.selectedFeature, saved.state.selectedFeature);
    QCOMPARE(captured.focusedClaim, saved.focusedClaim);
    QCOMPARE(captured.state.hiddenLayers, saved.state.hiddenLayers);
    QCOMPARE(captured.state.centre, saved.state.centre);
    QCOMPARE(captured.state.metresPerPixel, saved.state.metresPerPixel);
    QCOMPARE(captured, saved);
}

void TestMapSession::applyViewLightsItsFocusedClaim_data()
{
    QTest::addColumn<QString>("claimText"); // a words of the claim
    QTest::addColumn<QString>("lit");       // a region it lights
    QTest::newRow("with a group") << u"presence in Central Asia"_s << u"UZB"_s;
    QTest::newRow("with a layer") << u"territorial disputes"_s << u"CHN"_s;
}

void TestMapSession::applyViewLightsItsFocusedClaim()
{
    QFETCH(QString, claimText);
    QFETCH(QString, lit);
    const auto claim = std::find_if(m_brief.claims.begin(), m_brief.claims.end(),
                                    [&](const Claim &c) { return c.text.contains(claimText); });
    QVERIFY(claim != m_brief.claims.end());
    SavedView view = m_brief.views.first();
    view.focusedClaim = claim->id;
    m_session->applyView(view, m_brief);
    QCOMPARE(m_session->focusedClaim(), claim->id);
    QVERIFY2(m_session->view().highlightRegions.contains(lit), qPrintable(m_session->view().highlightRegions.join(u',')));
    QCOMPARE(m_session->view().highlightFeatures, claim->features);
    // Another view without a focus puts the lights out.
    view.focusedClaim.clear();
    m_session->applyView(view, m_brief);
    QVERIFY(!m_session->view().isHighlighting());
    QVERIFY(m_session->focusedClaim().isEmpty());
}

void TestMapSession::captureLeavesOutWindowOnlyState()
{
    m_session->setHovered(u"MNG"_s, QString());
    m_session->setHighlight({u"KAZ"_s}, {u"pipelines"_s}, {u"central-asia"_s});
    m_session->setStyleScale(2.0);
    m_session->setSize(QSize(333, 222));
    m_session->selectRegion(u"KAZ"_s);
    const SavedView view = m_session->capture(u"Mine"_s);
    QCOMPARE(view.name, u"Mine"_s);
    QCOMPARE(view.state.selectedRegion, u"KAZ"_s); // the selection is part of a view
    QVERIFY(view.state.hoveredRegion.isEmpty());
    QVERIFY(!view.state.isHighlighting());
    QVERIFY(view.state.highlightGroups.isEmpty());
    QCOMPARE(view.state.styleScale, 1.0);
    QCOMPARE(view.state.size, ViewState().size);
}

void TestMapSession::selectionKindsExcludeEachOther()
{
    QSignalSpy regions(m_session.get(), &MapSession::selectionChanged);
    QSignalSpy features(m_session.get(), &MapSession::featureSelectionChanged);
    m_session->selectRegion(u"KAZ"_s);
    m_session->selectFeature(u"pipelines/power-of-siberia"_s);
    QVERIFY(m_session->view().selectedRegion.isEmpty());
    QCOMPARE(m_session->view().selectedFeature, u"pipelines/power-of-siberia"_s);
    m_session->selectRegion(u"CHN"_s);
    QVERIFY(m_session->view().selectedFeature.isEmpty());
    QCOMPARE(regions.size(), 3); // KAZ, cleared, CHN
    QCOMPARE(features.size(), 2);
}

void TestMapSession::clearSelectionEndsFocus()
{
    QSignalSpy cleared(m_session.get(), &MapSession::selectionCleared);
    m_session->selectRegion(u"KAZ"_s);
    m_session->setFocusedClaim(m_brief.claims.first().id);
    m_session->setHighlight({u"KAZ"_s}, {});
    m_session->clearSelection();
    QCOMPARE(cleared.size(), 1);
    QVERIFY(m_session->view().selectedRegion.isEmpty());
    QVERIFY(!m_session->view().isHighlighting());
    QVERIFY(m_session->focusedClaim().isEmpty());
}

void TestMapSession::yearIsAnnouncedOnce()
{
    QSignalSpy years(m_session.get(), &MapSession::yearChanged);
    m_session->setYear(2012);
    m_session->setYear(2012);
    QCOMPARE(years.size(), 1);
    QCOMPARE(years.first().first().toInt(), 2012);
    QCOMPARE(m_session->view().year, 2012);
}

void TestMapSession::applyViewSignalsOnce_data() { applyAndCaptureRoundTrip_data(); }

void TestMapSession::applyViewSignalsOnce()
{
    // A saved view sets year, layers, selection, highlight, legend and camera: one repaint's
    // worth of change, announced once; the layers' settings, when they change, once more.
    QFETCH(QString, viewName);
    const auto it = std::find_if(m_brief.views.begin(), m_brief.views.end(), [&](const SavedView &v) { return v.name == viewName; });
    QVERIFY(it != m_brief.views.end());
    const ViewState &before = m_session->view();
    const bool settingsDiffer = std::any_of(m_layers.begin(), m_layers.end(), [&](const auto &layer) {
        return before.hiddenLayers.contains(layer->id) != it->state.hiddenLayers.contains(layer->id)
               || before.layerOpacity.value(layer->id, 1.0) != it->state.layerOpacity.value(layer->id, 1.0);
    });
    QSignalSpy views(m_session.get(), &MapSession::viewChanged);
    QSignalSpy settings(m_session.get(), &MapSession::layerSettingsChanged);
    m_session->applyView(*it, m_brief);
    QCOMPARE(views.size(), 1);
    QCOMPARE(settings.size(), settingsDiffer ? 1 : 0);
    QCOMPARE(m_session->view().hiddenLayers, it->state.hiddenLayers);

    views.clear();
    settings.clear();
    m_session->applyView(*it, m_brief); // the same again: the layers are already set
    QVERIFY(views.size() <= 1);
    QCOMPARE(settings.size(), 0);

    // The per-layer setters (the Layers panel's own edits) are not a wholesale change.
    const auto shown = std::find_if(m_layers.begin(), m_layers.end(), [&](const auto &layer) {
        return !it->state.hiddenLayers.contains(layer->id) && it->state.layerOpacity.value(layer->id, 1.0) != 0.5;
    });
    QVERIFY(shown != m_layers.end());
    views.clear();
    m_session->setLayerVisible((*shown)->id, false);
    m_session->setLayerOpacity((*shown)->id, 0.5);
    QCOMPARE(views.size(), 2);
    QCOMPARE(settings.size(), 0);
}

QTEST_MAIN(TestMapSession)
#include "tst_mapsession.moc"
