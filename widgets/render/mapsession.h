#pragma once

#include "scene.h"
#include "viewstate.h"

#include <QFutureWatcher>
#include <QObject>

#include <memory>

namespace spheres {

class Atlas;
struct Brief;
struct SavedView;

/// The map being looked at, without any widget: the base map and its scene in the current
/// projection (the fine detail loaded in the background when zoomed in), the thematic layers
/// (built-in and the user's), and the view: camera, year, layer settings, selection, hover,
/// focus and highlight. The canvas draws it and turns input into calls on it; the window,
/// presentation, search and the panels read it and follow its signals, so a layer added once
/// is known to all of them. Applying and capturing a saved view happen here and only here.
class MapSession : public QObject
{
    Q_OBJECT
public:
    explicit MapSession(QObject *parent = nullptr);
    ~MapSession() override;

    /// Shows `atlas` (the coarse base map) in the projection `projectionId`, framed on its home
    /// extent for the current size.
    void setBaseMap(std::shared_ptr<const Atlas> atlas, const QString &projectionId);
    /// Re-projects and frames the home extent (the selection is kept).
    void setProjection(const QString &projectionId);
    std::shared_ptr<const Atlas> atlas() const { return m_atlas; }
    const Scene *scene() const { return m_scene.get(); }
    /// True once the fine (1:10m) geometry is loaded for the current projection.
    bool hasFineDetail() const { return m_scene && m_scene->hasFine(); }

    /// Thematic layers, bottom to top.
    void setLayers(QList<std::shared_ptr<const Layer>> layers);
    /// Adds a layer on top; refuses (returns false) a layer whose id is already open.
    /// `projected`: the layer already projected (loaded in the background), taken when it was
    /// projected for the scene's projection.
    bool addLayer(std::shared_ptr<const Layer> layer, const QList<ProjectedLayer> &projected = {});
    const QList<std::shared_ptr<const Layer>> &layers() const { return m_layers; }
    bool hasLayer(const QString &id) const;
    void setLayerVisible(const QString &id, bool visible);
    void setLayerOpacity(const QString &id, double opacity);
    /// Every open layer's visibility and opacity at once (a layer not in `hidden` is shown, one
    /// not in `opacity` opaque): signals layerSettingsChanged and viewChanged once, if anything
    /// changed.
    void setLayerSettings(const QStringList &hidden, const QHash<QString, double> &opacity);
    /// Reorders the layers to `idsBottomToTop` (ids not listed keep their place at the top);
    /// signals sceneChanged, not layersChanged.
    void setLayerOrder(const QStringList &idsBottomToTop);

    const ViewState &view() const { return m_view; }
    void setYear(int year);
    /// The output's logical size (the canvas's, or an export's).
    void setSize(QSize size);
    void setCamera(QPointF centre, double metresPerPixel);
    void setStyleScale(double scale);
    void setLegend(ViewState::Corner corner, bool collapsed);
    void setHiddenAnnotations(const QStringList &ids);

    void selectRegion(const QString &code);
    /// Selects a layer feature ("layer/feature"); selecting one clears the other kind.
    void selectFeature(const QString &ref);
    /// Clears the selection, the highlight and the focused claim.
    void clearSelection();
    void setHovered(const QString &regionCode, const QString &featureRef);
    /// Lights up these regions and features and dims the rest (empty lists: nothing dimmed).
    void setHighlight(const QStringList &regions, const QStringList &features, const QStringList &groups = {});
    /// The claim in focus (its lighting is set with setHighlight, from the brief).
    void setFocusedClaim(const QString &id) { m_focusedClaim = id; }
    const QString &focusedClaim() const { return m_focusedClaim; }

    enum class Camera { Move, Keep };
    /// Shows a saved view of `brief`: projection, year, layers, selection, legend, annotations,
    /// its focused claim lit, and (with Camera::Move) its centre and scale. With Camera::Keep
    /// the caller moves the camera (the canvas eases to it). Signals viewChanged once.
    void applyView(const SavedView &view, const Brief &brief, Camera camera = Camera::Move);
    /// The current map as a saved view named `name` (window-only state left out).
    SavedView capture(const QString &name) const;

signals:
    /// The scene was rebuilt or refined (projection, fine detail, layers): repaint.
    void sceneChanged();
    void layersChanged();
    /// The layers' visibility and opacity were set all at once (setLayerSettings, a saved view),
    /// not by one of the per-layer setters: a list of them shows them again.
    void layerSettingsChanged();
    /// Camera, year, layer settings, legend, highlight or annotations changed: repaint.
    void viewChanged();
    void yearChanged(int year);
    void selectionChanged(const QString &code);
    void featureSelectionChanged(const QString &ref);
    /// clearSelection() ran (Esc, a new brief): whatever was focused or shown is over.
    void selectionCleared();
    void hoverChanged();

private:
    void replaceLayers(QList<std::shared_ptr<const Layer>> layers, const QList<ProjectedLayer> &projected);
    void loadFineDetailIfNeeded();
    void applyViewState(const SavedView &view, const Brief &brief, Camera camera);
    bool storeLayerVisible(const QString &id, bool visible);
    bool storeLayerOpacity(const QString &id, double opacity);
    /// Emits viewChanged, or only notes it while a saved view is being applied.
    void viewHasChanged();
    void onFineDetailLoaded();

    std::shared_ptr<const Atlas> m_atlas;
    std::shared_ptr<const Atlas> m_fineAtlas;
    QList<std::shared_ptr<const Layer>> m_layers;
    std::unique_ptr<Scene> m_scene;
    ViewState m_view;
    QString m_focusedClaim;
    bool m_applyingView = false;
    bool m_viewChangedLater = false;
    QFutureWatcher<std::shared_ptr<const SceneLevel>> m_fineLoader;
};

} // namespace spheres
