#pragma once

#include <QMainWindow>

#include <memory>

class QActionGroup;
class QDockWidget;
class QMenu;

namespace spheres {

class AnnotationEditor;
class Atlas;
class Autosave;
class BriefController;
class ChartsPanel;
class BriefDocument;
class ContextPanel;
class DocumentActions;
class NarrativePanel;
class PresentationMode;
class ViewsPanel;
class SearchBox;
class LayersPanel;
class LayerFiles;
class LayerLoadBar;
class MapCanvas;
class TimeSlider;
class UserLayerSync;

/// Assembles the canvas, the docks, the menus and the status bar; behaviour lives in them.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Loads the built-in base map; shows a message and returns false if it cannot.
    bool loadBaseMap();
    MapCanvas *canvas() const { return m_canvas; }
    ContextPanel *contextPanel() const { return m_context; }
    LayersPanel *layersPanel() const { return m_layersPanel; }
    NarrativePanel *narrativePanel() const { return m_narrative; }
    BriefDocument *document() const { return m_document; }
    BriefController *briefController() const { return m_briefController; }
    DocumentActions *documentActions() const { return m_documentActions; }
    SearchBox *searchBox() const { return m_search; }
    ViewsPanel *viewsPanel() const { return m_viewsPanel; }
    ChartsPanel *chartsPanel() const { return m_charts; }
    PresentationMode *presentation() const { return m_presentation; }
    AnnotationEditor *annotationEditor() const { return m_annotationEditor; }
    /// The brief's user layers on the map (File > Add layer, Style by field).
    UserLayerSync *userLayers() const;
    /// Restores every part of the map state a saved view holds, easing the camera there.
    void applyView(int index);
    /// Saves the current map state as a view: appended when `index` is -1, else replacing it.
    void captureView(int index);
    /// Selects the next (+1) or previous (−1) region: of the lit claim, or of all by name.
    void stepRegion(int delta);
    /// Opens the brief shipped with Spheres (China–Russia), as an unsaved brief.
    bool openDefaultBrief();
    /// After a crash: offers the recovery copies left by windows that are gone (only those of
    /// `path`, when a brief file is being opened); true when one was recovered.
    bool offerRecovery(const QString &path = QString());
    Autosave *autosave() const { return m_autosave; }
    TimeSlider *timeSlider() const { return m_timeSlider; }
    /// Adds a user's vector file (GeoJSON, GeoPackage, Shapefile, KML, FlatGeobuf, GeoJSONSeq,
    /// CSV) as layers: the named layers of a multi-layer file, all of them when none are named.
    /// Returns the error messages (naming the file), or empty.
    QString addLayerFile(const QString &path, const QStringList &layerNames = {});
    /// Loads a user's vector file in the background, with progress and Cancel in the status
    /// bar; the layers are added when it is read (errors shown then). See addLayerFile().
    void loadLayerFile(const QString &path, const QStringList &layerNames = {});
    LayerLoadBar *layerLoadBar() const;

private:
    void createPanels();
    QDockWidget *addPanel(QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area);
    void createDocument();
    void connectPanelsToTheMap();
    void createMenus();
    void createFileMenu();
    void createEditMenu();
    QMenu *createViewMenu();
    void addColourVisionMenu(QMenu *view);
    void addProjectionMenu(QMenu *view);
    void createAnnotateMenu();
    void createPresentMenu();
    void createHelpMenu();
    void setUpAccessibility();
    void layersChanged();
    void updateTitle();
    void saveSettings() const;
    void restoreSettings();
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

    MapCanvas *m_canvas = nullptr;
    ContextPanel *m_context = nullptr;
    LayersPanel *m_layersPanel = nullptr;
    TimeSlider *m_timeSlider = nullptr;
    NarrativePanel *m_narrative = nullptr;
    SearchBox *m_search = nullptr;
    BriefDocument *m_document = nullptr;
    BriefController *m_briefController = nullptr;
    DocumentActions *m_documentActions = nullptr;
    ViewsPanel *m_viewsPanel = nullptr;
    ChartsPanel *m_charts = nullptr;
    Autosave *m_autosave = nullptr;
    PresentationMode *m_presentation = nullptr;
    AnnotationEditor *m_annotationEditor = nullptr;
    LayerFiles *m_layerFiles = nullptr;
    QActionGroup *m_projectionGroup = nullptr;
    std::shared_ptr<const Atlas> m_atlas;
};

} // namespace spheres
