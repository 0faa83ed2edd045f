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

    m_context = new ContextPanel;
    auto *contextDock = new QDockWidget(tr("Context"));
    contextDock->setObjectName(QStringLiteral("contextDock"));
    contextDock->setWidget(m_context);
    contextDock->setMinimumWidth(280);
    addDockWidget(Qt::RightDockWidgetArea, contextDock);

    m_layersPanel = new LayersPanel;
    auto *layersDock = new QDockWidget(tr("Layers"));
    layersDock->setObjectName(QStringLiteral("layersDock"));
    layersDock->setWidget(m_layersPanel);
    addDockWidget(Qt::LeftDockWidgetArea, layersDock);

    m_narrative = new NarrativePanel;
    auto *narrativeDock = new QDockWidget(tr("Narrative"));
    narrativeDock->setObjectName(QStringLiteral("narrativeDock"));
    narrativeDock->setWidget(m_narrative);
    addDockWidget(Qt::RightDockWidgetArea, narrativeDock);

    m_charts = new ChartsPanel;
    m_charts->setLazy(true);
    auto *chartsDock = new QDockWidget(tr("Charts"));
    chartsDock->setObjectName(QStringLiteral("chartsDock"));
    chartsDock->setWidget(m_charts);
    addDockWidget(Qt::RightDockWidgetArea, chartsDock);
    tabifyDockWidget(narrativeDock, chartsDock);
    narrativeDock->raise();

    m_timeSlider = new TimeSlider;
    m_search = new SearchBox;
    QToolBar *timeline = addToolBar(tr("Timeline"));
    timeline->setObjectName(QStringLiteral("timelineToolBar"));
    timeline->addWidget(m_timeSlider);
    timeline->addSeparator();
    timeline->addWidget(m_search);

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
    connect(m_canvas, &MapCanvas::selectionChanged, m_charts, &ChartsPanel::showRegion);
    connect(m_canvas, &MapCanvas::featureSelectionChanged, m_charts, &ChartsPanel::showFeature);
    connect(m_timeSlider, &TimeSlider::yearChanged, m_charts, &ChartsPanel::setYear);
    connect(m_charts, &ChartsPanel::featureClicked, m_canvas, &MapCanvas::selectFeature);
    connect(m_charts, &ChartsPanel::yearClicked, m_timeSlider, &TimeSlider::setYear);
    connect(m_document, &BriefDocument::briefReset, this,
            [this] { m_charts->setBrief(&m_document->brief(), &m_document->claimIndex()); });
    m_layerFiles = new LayerFiles(m_document, m_canvas->session(), this);
    connect(m_layerFiles, &LayerFiles::sourcesSwitchedOff, this, &MainWindow::layersChanged);
    connect(m_document, &BriefDocument::claimChanged, m_charts, &ChartsPanel::refresh);
    connect(m_document, &BriefDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &BriefDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &BriefDocument::briefReset, this, &MainWindow::updateTitle);
    m_viewsPanel = new ViewsPanel(m_document);
    auto *viewsDock = new QDockWidget(tr("Views"));
    viewsDock->setObjectName(QStringLiteral("viewsDock"));
    viewsDock->setWidget(m_viewsPanel);
    addDockWidget(Qt::LeftDockWidgetArea, viewsDock);
    connect(m_viewsPanel, &ViewsPanel::applyRequested, this, &MainWindow::applyView);
    connect(m_viewsPanel, &ViewsPanel::captureRequested, this, &MainWindow::captureView);
    m_presentation = new PresentationMode(this, m_canvas, m_document, m_briefController,
                                          [this](int index) { applyView(index); }, this);
    connect(m_context, &ContextPanel::editClaimRequested, this,
            [this](const QString &id) { m_briefController->editClaim(id, this); });

    statusBar()->addPermanentWidget(m_layerFiles->loadBar()); // after the map's figures

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
    createMenus();
    setUpAccessibility();
    resize(1600, 1000);
    restoreSettings();
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

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_documentActions->openAction());
    file->addMenu(m_documentActions->recentMenu());
    file->addAction(m_documentActions->importAction());
    file->addAction(m_documentActions->relinkAction());
    file->addAction(tr("Open the &sample brief"), this, [this] {
        if (m_documentActions->maybeSave())
            openDefaultBrief();
    });
    file->addSeparator();
    file->addAction(m_documentActions->saveAction());
    file->addAction(m_documentActions->saveAsAction());
    file->addSeparator();
    file->addAction(tr("&Add layer…"), QKeySequence(tr("Ctrl+L")), m_layerFiles, &LayerFiles::chooseFile);
    QMenu *builtIn = file->addMenu(tr("Add &built-in layer"));
    for (const QString &id : GeoJsonReader::optionalIds()) {
        const QString title = GeoJsonReader::readBuiltIn(id).layer.title;
        builtIn->addAction(title.isEmpty() ? id : title, m_layerFiles, [this, id] { m_layerFiles->addBuiltIn(id); });
    }
    builtIn->addSeparator(); // derived from the layers above: what the organisations share
    for (const QString &id : MembershipComparison::builtInIds()) {
        builtIn->addAction(MembershipComparison::readBuiltIn(id).layer.title, m_layerFiles,
                           [this, id] { m_layerFiles->addComparison(id); });
    }
    QAction *exportAction = file->addAction(tr("&Export…"), this,
                                            [this] { ExportFlow::run(this, *m_canvas, m_document->brief(), m_atlas); });
    exportAction->setShortcut(QKeySequence(tr("Ctrl+E")));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("Edit the focused &claim…"), QKeySequence(tr("Ctrl+Shift+E")), this, [this] {
        m_briefController->editClaim(m_briefController->focusedClaim(), this);
    });
    QAction *linkMode = edit->addAction(tr("&Link by clicking on the map"));
    linkMode->setCheckable(true);
    linkMode->setToolTip(tr("While on, clicking a region or feature adds it to, or removes it from, the focused claim"));
    connect(linkMode, &QAction::toggled, this, [this](bool on) { m_briefController->setLinkMode(on); });
    edit->addSeparator();
    edit->addAction(tr("&Find…"), QKeySequence::Find, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Zoom &in"), QKeySequence::ZoomIn, m_canvas, &MapCanvas::zoomIn);
    view->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, m_canvas, &MapCanvas::zoomOut);
    view->addAction(tr("Zoom to &fit"), QKeySequence(tr("Ctrl+0")), m_canvas, &MapCanvas::zoomToFit);
    view->addAction(tr("&Clear selection"), m_canvas, &MapCanvas::clearSelection);
    // Keyboard ways through the selection: the narrative's claims in order, and the regions
    // (those of the focused claim, or all of them by name).
    view->addAction(tr("Next c&laim"), QKeySequence(tr("Alt+Down")), this, [this] { m_briefController->stepClaim(+1); });
    view->addAction(tr("Previous cla&im"), QKeySequence(tr("Alt+Up")), this, [this] { m_briefController->stepClaim(-1); });
    view->addAction(tr("Next &region"), QKeySequence(tr("Alt+Right")), this, [this] { stepRegion(+1); });
    view->addAction(tr("Previous re&gion"), QKeySequence(tr("Alt+Left")), this, [this] { stepRegion(-1); });
    QMenu *vision = view->addMenu(tr("Colour-vision &check"));
    auto *visionGroup = new QActionGroup(this);
    for (ColourVision::Mode mode : {ColourVision::Mode::Normal, ColourVision::Mode::Protanopia, ColourVision::Mode::Deuteranopia,
                                    ColourVision::Mode::Tritanopia, ColourVision::Mode::Greyscale}) {
        QAction *action = vision->addAction(ColourVision::name(mode));
        action->setCheckable(true);
        action->setChecked(mode == ColourVision::Mode::Normal);
        visionGroup->addAction(action);
        connect(action, &QAction::triggered, m_canvas, [this, mode] { m_canvas->setColourVision(mode); });
    }
    view->addMenu(Appearance::menu(view));
    QMenu *projections = view->addMenu(tr("&Projection"));
    m_projectionGroup = new QActionGroup(this);
    for (const ProjectionPreset &preset : ProjectionCatalog::presets()) {
        QAction *action = projections->addAction(preset.projection.title());
        action->setCheckable(true);
        action->setChecked(&preset == &ProjectionCatalog::defaultPreset());
        action->setData(preset.projection.id());
        m_projectionGroup->addAction(action);
    }
    connect(m_projectionGroup, &QActionGroup::triggered, this,
            [this](QAction *action) { m_canvas->setProjection(action->data().toString()); });

    QMenu *annotate = menuBar()->addMenu(tr("&Annotate"));
    QToolBar *annotateBar = addToolBar(tr("Annotate"));
    annotateBar->setObjectName(QStringLiteral("annotateToolBar"));
    annotateBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (QAction *tool : m_annotationEditor->toolActions()) {
        annotate->addAction(tool);
        annotateBar->addAction(tool);
    }
    annotate->addSeparator();
    annotate->addAction(m_annotationEditor->deleteAction());
    annotate->addMenu(m_annotationEditor->visibilityMenu());

    QMenu *present = menuBar()->addMenu(tr("&Present"));
    QAction *start = present->addAction(tr("&Present from the first view"), QKeySequence(Qt::Key_F5), this,
                                        [this] { m_presentation->enter(0); });
    present->addAction(tr("Present from the &selected view"), QKeySequence(tr("Shift+F5")), this,
                       [this] { m_presentation->enter(std::max(0, m_viewsPanel->currentIndex())); });
    present->addSeparator();
    present->addAction(tr("&Add the current map as a view"), QKeySequence(tr("Ctrl+Shift+V")), this, [this] { captureView(-1); });
    present->addAction(tr("&Next view"), QKeySequence(tr("Ctrl+]")), this, [this] {
        const int next = std::min(m_viewsPanel->currentIndex() + 1, int(m_document->brief().views.size()) - 1);
        m_viewsPanel->setCurrentIndex(next);
        applyView(next);
    });
    QToolBar *timeline = findChild<QToolBar *>(QStringLiteral("timelineToolBar"));
    timeline->insertAction(timeline->actions().value(0), start);
    start->setIcon(style()->standardIcon(QStyle::SP_ComputerIcon));
    start->setToolTip(tr("Present (F5)"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Spheres"), this, [this] {
        QMessageBox::about(this, tr("About Spheres"),
                           tr("<h3>Spheres %1</h3><p>An explorer of spheres of influence.</p><p>%2.</p>")
                               .arg(QApplication::applicationVersion(), BaseMapCredit::sentence().toHtmlEscaped()));
    });
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
