#include "mainwindow.h"

#include "dialogs/alert.h"
#include "map/annotationeditor.h"
#include "appearance.h"
#include "atlas.h"
#include "document/autosave.h"
#include "basemapcredit.h"
#include "document/briefcontroller.h"
#include "document/briefdocument.h"
#include "briefio.h"
#include "charts/chartspanel.h"
#include "panels/contextpanel.h"
#include "document/documentactions.h"
#include "document/exportflow.h"
#include "geojsonreader.h"
#include "document/layerfiles.h"
#include "document/layerloadbar.h"
#include "panels/layerspanel.h"
#include "map/mapcanvas.h"
#include "map/mapstatus.h"
#include "membershipcomparison.h"
#include "panels/narrativepanel.h"
#include "present/presentationmode.h"
#include "projectioncatalog.h"
#include "panels/searchbox.h"
#include "map/timeslider.h"
#include "panels/viewspanel.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>

namespace spheres {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Spheres"));
    m_canvas = new MapCanvas;
    setCentralWidget(m_canvas);
    new MapStatus(m_canvas, statusBar());
    createPanels();
    createDocument();
    connectPanelsToTheMap();
    createMenus();
    setUpAccessibility();
    resize(1600, 1000);
    restoreSettings();
}

QDockWidget *MainWindow::addPanel(QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title);
    dock->setObjectName(objectName);
    dock->setWidget(panel);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createPanels()
{
    m_context = new ContextPanel;
    addPanel(m_context, tr("Context"), QStringLiteral("contextDock"), Qt::RightDockWidgetArea)->setMinimumWidth(280);
    m_layersPanel = new LayersPanel;
    addPanel(m_layersPanel, tr("Layers"), QStringLiteral("layersDock"), Qt::LeftDockWidgetArea);
    m_narrative = new NarrativePanel;
    QDockWidget *narrativeDock = addPanel(m_narrative, tr("Narrative"), QStringLiteral("narrativeDock"), Qt::RightDockWidgetArea);
    m_charts = new ChartsPanel;
    m_charts->setLazy(true);
    tabifyDockWidget(narrativeDock, addPanel(m_charts, tr("Charts"), QStringLiteral("chartsDock"), Qt::RightDockWidgetArea));
    narrativeDock->raise();

    m_timeSlider = new TimeSlider;
    m_search = new SearchBox;
    QToolBar *timeline = addToolBar(tr("Timeline"));
    timeline->setObjectName(QStringLiteral("timelineToolBar"));
    timeline->addWidget(m_timeSlider);
    timeline->addSeparator();
    timeline->addWidget(m_search);
}

// The brief as a document, and what edits it: its controller, actions, autosave, the
// annotation editor, the user's layer files and the saved views.
void MainWindow::createDocument()
{
    m_document = new BriefDocument(this);
    m_briefController = new BriefController(m_document, m_canvas, m_context, m_narrative, m_search, this);
    m_documentActions = new DocumentActions(m_document, this, this);
    m_autosave = new Autosave(m_document, this);
    connect(m_autosave, &Autosave::failed, this, [this](const QString &error) {
        statusBar()->showMessage(tr("The recovery copy could not be written: %1").arg(error));
    });
    connect(m_autosave, &Autosave::saved, this, [this] {
        if (statusBar()->currentMessage().startsWith(tr("The recovery copy could not be written: %1").arg(QString())))
            statusBar()->clearMessage();
    });
    m_annotationEditor = new AnnotationEditor(m_document, m_canvas, this);
    connect(m_document, &BriefDocument::briefReset, this,
            [this] { m_charts->setBrief(&m_document->brief(), &m_document->claimIndex()); });
    m_layerFiles = new LayerFiles(m_document, m_canvas->session(), this);
    connect(m_layerFiles, &LayerFiles::sourcesSwitchedOff, this, &MainWindow::layersChanged);
    connect(m_document, &BriefDocument::claimChanged, m_charts, &ChartsPanel::refresh);
    connect(m_document, &BriefDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &BriefDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &BriefDocument::briefReset, this, &MainWindow::updateTitle);
    m_viewsPanel = new ViewsPanel(m_document);
    addPanel(m_viewsPanel, tr("Views"), QStringLiteral("viewsDock"), Qt::LeftDockWidgetArea);
    connect(m_viewsPanel, &ViewsPanel::applyRequested, this, &MainWindow::applyView);
    connect(m_viewsPanel, &ViewsPanel::captureRequested, this, &MainWindow::captureView);
    m_presentation = new PresentationMode(this, m_canvas, m_document, m_briefController,
                                          [this](int index) { applyView(index); }, this);
    connect(m_context, &ContextPanel::editClaimRequested, this,
            [this](const QString &id) { m_briefController->editClaim(id, this); });
    statusBar()->addPermanentWidget(m_layerFiles->loadBar()); // after the map's figures
}

// The panels follow the map's selection, year and layers, and the map follows the panels.
void MainWindow::connectPanelsToTheMap()
{
    connect(m_canvas, &MapCanvas::selectionChanged, m_charts, &ChartsPanel::showRegion);
    connect(m_canvas, &MapCanvas::featureSelectionChanged, m_charts, &ChartsPanel::showFeature);
    connect(m_timeSlider, &TimeSlider::yearChanged, m_charts, &ChartsPanel::setYear);
    connect(m_charts, &ChartsPanel::featureClicked, m_canvas, &MapCanvas::selectFeature);
    connect(m_charts, &ChartsPanel::yearClicked, m_timeSlider, &TimeSlider::setYear);
    connect(m_canvas, &MapCanvas::selectionChanged, m_context, &ContextPanel::showRegion);
    connect(m_canvas, &MapCanvas::featureSelectionChanged, m_context, &ContextPanel::showFeature);
    connect(m_context, &ContextPanel::summaryChanged, m_canvas, &MapCanvas::setAccessibleSummary);
    connect(m_timeSlider, &TimeSlider::yearChanged, m_canvas, &MapCanvas::setYear);
    connect(m_canvas->session(), &MapSession::yearChanged, m_timeSlider, &TimeSlider::setYear); // a view shown
    connect(m_canvas->session(), &MapSession::layersChanged, this, &MainWindow::layersChanged);
    // A saved view sets every layer's visibility and opacity: the Layers panel shows them.
    connect(m_canvas->session(), &MapSession::layerSettingsChanged, this, &MainWindow::layersChanged);
    connect(m_timeSlider, &TimeSlider::yearChanged, m_context, &ContextPanel::setYear);
    connect(m_layersPanel, &LayersPanel::visibilityChanged, m_canvas, &MapCanvas::setLayerVisible);
    connect(m_layersPanel, &LayersPanel::opacityChanged, m_canvas, &MapCanvas::setLayerOpacity);
    connect(m_layersPanel, &LayersPanel::orderChanged, m_canvas, &MapCanvas::setLayerOrder);
    // After the canvas took the change: the membership chart follows the layer shown on top.
    connect(m_layersPanel, &LayersPanel::visibilityChanged, this, [this] { m_charts->setHiddenLayers(m_canvas->view().hiddenLayers); });
    connect(m_layersPanel, &LayersPanel::orderChanged, this, [this] { m_charts->setLayers(m_canvas->layers()); });
    connect(m_layersPanel, &LayersPanel::addLayerRequested, m_layerFiles, &LayerFiles::chooseFile);
    connect(m_layersPanel, &LayersPanel::styleRequested, m_layerFiles, &LayerFiles::chooseStyle);
}

MainWindow::~MainWindow() = default;

bool MainWindow::loadBaseMap()
{
    Atlas::Result result = Atlas::loadBuiltIn(Atlas::Detail::Coarse);
    if (!result.ok()) {
        Alert::critical(this, tr("Spheres"), tr("The base map could not be loaded:\n%1").arg(result.error));
        return false;
    }
    m_atlas = std::make_shared<const Atlas>(std::move(result.atlas));
    m_context->setAtlas(m_atlas);
    const QString lastProjection = QSettings().value(QStringLiteral("map/projection")).toString();
    m_canvas->setBaseMap(m_atlas, ProjectionCatalog::find(lastProjection) ? lastProjection
                                                                          : ProjectionCatalog::defaultPreset().projection.id());
    for (QAction *action : m_projectionGroup->actions())
        action->setChecked(action->data().toString() == m_canvas->scene()->projection().id());
    QStringList errors;
    m_canvas->setLayers(GeoJsonReader::readAllBuiltIn(errors));
    m_canvas->setYear(m_timeSlider->year());
    m_briefController->setAtlas(m_atlas);
    m_charts->setAtlas(m_atlas);
    m_charts->setYear(m_timeSlider->year());
    m_documentActions->setLinkingData(m_atlas, [this] { return m_canvas->layers(); });
    if (!errors.isEmpty())
        Alert::warning(this, tr("Spheres"), tr("Some layers could not be loaded:\n%1").arg(errors.join(u'\n')));
    return true;
}

void MainWindow::setUpAccessibility()
{
    // A dock names its panel for screen readers when the panel does not name itself.
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        if (dock->widget() && dock->widget()->accessibleName().isEmpty())
            dock->widget()->setAccessibleName(dock->windowTitle());
    // Tab goes round in reading order: the map, what is selected, the narrative and its charts,
    // the layers and views on the left, then the timeline and search. setTabOrder() moves a
    // widget with everything its focus proxy leads to, but ignores widgets that take no focus:
    // so each dock and the toolbar get their content as proxy and Tab focus (Tab never stops on
    // a widget that has a proxy; it goes on to what is inside).
    QList<QWidget *> order{m_canvas};
    for (const QString &name : {QStringLiteral("contextDock"), QStringLiteral("narrativeDock"), QStringLiteral("chartsDock"),
                                QStringLiteral("layersDock"), QStringLiteral("viewsDock"), QStringLiteral("timelineToolBar")}) {
        QWidget *unit = findChild<QWidget *>(name);
        const auto *dock = qobject_cast<QDockWidget *>(unit);
        unit->setFocusPolicy(Qt::TabFocus); // before the proxy, which would take the policy too
        unit->setFocusProxy(dock ? dock->widget() : m_timeSlider);
        order << unit;
    }
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order[i - 1], order[i]);
}

void MainWindow::stepRegion(int delta)
{
    if (!m_atlas)
        return;
    QStringList codes = m_canvas->view().highlightRegions;
    if (codes.isEmpty()) {
        QList<const Region *> regions;
        for (const Region &r : m_atlas->regions())
            regions << &r;
        std::sort(regions.begin(), regions.end(), [](const Region *a, const Region *b) {
            return QString::localeAwareCompare(a->name, b->name) < 0;
        });
        for (const Region *r : regions)
            codes << r->code;
    }
    if (codes.isEmpty())
        return;
    const int at = int(codes.indexOf(m_canvas->selectedRegion()));
    const int next = at < 0 ? (delta > 0 ? 0 : int(codes.size()) - 1) : int((at + delta + codes.size()) % codes.size());
    const QStringList keepLit = m_canvas->view().highlightRegions, keepFeatures = m_canvas->view().highlightFeatures,
                      keepGroups = m_canvas->view().highlightGroups;
    m_canvas->selectRegion(codes[next]);
    m_canvas->setHighlight(keepLit, keepFeatures, keepGroups); // stepping through a claim's regions keeps the claim lit
}

void MainWindow::applyView(int index)
{
    const Brief &brief = m_document->brief();
    if (index < 0 || index >= brief.views.size())
        return;
    const SavedView &view = brief.views[index];
    m_canvas->showView(view, brief);
    m_briefController->focusClaim(view.focusedClaim, false); // the narrative and context follow the focus
}

void MainWindow::captureView(int index)
{
    QList<SavedView> views = m_document->brief().views;
    const bool update = index >= 0 && index < views.size();
    SavedView view = m_canvas->session()->capture(update ? views[index].name : tr("View %1").arg(views.size() + 1));
    if (update) {
        view.caption = views[index].caption;
        view.charts = views[index].charts;
        views[index] = view;
    } else {
        views << view;
    }
    m_document->editViews(views, update ? tr("Update view") : tr("Add view"));
}

bool MainWindow::openDefaultBrief()
{
    BriefReader::Result result = BriefReader::readBuiltIn();
    if (!result.ok()) {
        Alert::warning(this, tr("Spheres"), tr("The sample brief could not be loaded:\n%1").arg(result.error));
        return false;
    }
    m_document->reset(std::move(result.brief), QString());
    return true;
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — Spheres").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_documentActions->maybeSave()) {
        event->ignore();
        return;
    }
    saveSettings();
    m_autosave->discard(); // a clean close leaves nothing to recover
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    // Back to this window: another window or program may have saved the brief meanwhile.
    if (event->type() == QEvent::ActivationChange && isActiveWindow())
        QMetaObject::invokeMethod(m_documentActions, &DocumentActions::checkDiskChanges, Qt::QueuedConnection);
    QMainWindow::changeEvent(event);
}

bool MainWindow::offerRecovery(const QString &path)
{
    for (const Autosave::Orphan &orphan : m_autosave->orphans(path)) {
        const QString name = orphan.originalPath.isEmpty() ? tr("an unsaved brief") : QFileInfo(orphan.originalPath).fileName();
        QMessageBox box(QMessageBox::Question, tr("Recover unsaved work?"),
                        tr("A Spheres window did not close properly. A copy of %1 with changes that were not "
                           "saved was kept (%2).\n\nRecover it?")
                            .arg(name, QLocale().toString(orphan.written, QLocale::ShortFormat)),
                        QMessageBox::Yes | QMessageBox::Discard | QMessageBox::Ignore, this);
        box.setTextFormat(Qt::PlainText);
        box.button(QMessageBox::Ignore)->setText(tr("Not now"));
        box.setDefaultButton(QMessageBox::Yes);
        const int answer = box.exec();
        if (answer == QMessageBox::Discard) {
            m_autosave->discard(orphan);
            continue;
        }
        if (answer != QMessageBox::Yes)
            continue; // kept for a later start
        if (const QString error = m_autosave->recover(orphan); !error.isEmpty()) {
            Alert::warning(this, tr("Recover"), tr("The copy could not be read:\n%1").arg(error));
            continue;
        }
        return true;
    }
    return false;
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (m_canvas->scene())
        settings.setValue(QStringLiteral("map/projection"), m_canvas->scene()->projection().id());
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::layersChanged()
{
    m_layersPanel->setLayers(m_canvas->layers(), m_canvas->view().hiddenLayers);
    m_context->setLayers(m_canvas->layers());
    m_charts->setLayers(m_canvas->layers());
    m_charts->setHiddenLayers(m_canvas->view().hiddenLayers);
}

QString MainWindow::addLayerFile(const QString &path, const QStringList &layerNames)
{
    return m_layerFiles->addFile(path, layerNames);
}

void MainWindow::loadLayerFile(const QString &path, const QStringList &layerNames)
{
    m_layerFiles->loadFile(path, layerNames);
}

UserLayerSync *MainWindow::userLayers() const { return m_layerFiles->userLayers(); }

LayerLoadBar *MainWindow::layerLoadBar() const { return m_layerFiles->loadBar(); }

} // namespace spheres
