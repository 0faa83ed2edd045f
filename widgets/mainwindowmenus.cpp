// The main window's menus and their toolbar buttons (the window's construction is in
// mainwindow.cpp).
#include "mainwindow.h"

#include "appearance.h"
#include "basemapcredit.h"
#include "colourvision.h"
#include "document/briefcontroller.h"
#include "document/briefdocument.h"
#include "document/documentactions.h"
#include "document/exportflow.h"
#include "document/layerfiles.h"
#include "geojsonreader.h"
#include "map/annotationeditor.h"
#include "map/mapcanvas.h"
#include "membershipcomparison.h"
#include "panels/searchbox.h"
#include "panels/viewspanel.h"
#include "present/presentationmode.h"
#include "projectioncatalog.h"

#include <QActionGroup>
#include <QApplication>
#include <QMenuBar>
#include <QMessageBox>
#include <QStyle>
#include <QToolBar>
#include <QUndoStack>

namespace spheres {

void MainWindow::createMenus()
{
    createFileMenu();
    createEditMenu();
    QMenu *view = createViewMenu();
    addColourVisionMenu(view);
    view->addMenu(Appearance::menu(view));
    addProjectionMenu(view);
    createAnnotateMenu();
    createPresentMenu();
    createHelpMenu();
}

void MainWindow::createFileMenu()
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
}

void MainWindow::createEditMenu()
{
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
}

QMenu *MainWindow::createViewMenu()
{
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
    return view;
}

void MainWindow::addColourVisionMenu(QMenu *view)
{
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
}

void MainWindow::addProjectionMenu(QMenu *view)
{
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
}

void MainWindow::createAnnotateMenu()
{
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
}

void MainWindow::createPresentMenu()
{
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
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Spheres"), this, [this] {
        QMessageBox::about(this, tr("About Spheres"),
                           tr("<h3>Spheres %1</h3><p>An explorer of spheres of influence.</p><p>%2.</p>")
                               .arg(QApplication::applicationVersion(), BaseMapCredit::sentence().toHtmlEscaped()));
    });
}

} // namespace spheres
