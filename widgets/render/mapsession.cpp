#include "mapsession.h"

#include "atlas.h"
#include "brief.h"
#include "briefingpack.h"
#include "projectioncatalog.h"
#include "viewlimits.h"

#include <QScopedValueRollback>
#include <QtConcurrent/QtConcurrentRun>

namespace spheres {

MapSession::MapSession(QObject *parent) : QObject(parent)
{
    connect(&m_fineLoader, &QFutureWatcherBase::finished, this, &MapSession::onFineDetailLoaded);
}

MapSession::~MapSession() { m_fineLoader.waitForFinished(); }

void MapSession::setBaseMap(std::shared_ptr<const Atlas> atlas, const QString &projectionId)
{
    m_atlas = std::move(atlas);
    setProjection(projectionId);
}

void MapSession::setProjection(const QString &projectionId)
{
    const ProjectionPreset *preset = ProjectionCatalog::find(projectionId);
    if (!preset || !m_atlas)
        return;
    m_fineLoader.waitForFinished();
    m_scene = std::make_unique<Scene>(m_atlas, preset->projection);
    m_scene->setLayers(m_layers);
    const ViewState framed = framedView(preset->projection, preset->homeExtent, m_view.size);
    m_view.projectionId = framed.projectionId;
    m_view.centre = framed.centre;
    m_view.metresPerPixel = framed.metresPerPixel;
    loadFineDetailIfNeeded();
    emit sceneChanged();
    viewHasChanged();
}

void MapSession::onFineDetailLoaded()
{
    const auto level = m_fineLoader.result();
    if (!level)
        return;
    if (!m_fineAtlas)
        m_fineAtlas = std::shared_ptr<const Atlas>(level, &level->atlas()); // reused by later projections
    if (m_scene && level->projected().projection().id() == m_scene->projection().id()) {
        m_scene->setFine(level);
        emit sceneChanged();
        viewHasChanged();
    }
}

void MapSession::loadFineDetailIfNeeded()
{
    if (!m_scene || m_scene->hasFine() || m_fineLoader.isRunning() || m_view.metresPerPixel >= Scene::kFineDetailBelow)
        return;
    const Projection projection = m_scene->projection();
    std::shared_ptr<const Atlas> fine = m_fineAtlas;
    m_fineLoader.setFuture(QtConcurrent::run([projection, fine]() mutable -> std::shared_ptr<const SceneLevel> {
        if (!fine) {
            Atlas::Result loaded = Atlas::loadBuiltIn(Atlas::Detail::Fine);
            if (!loaded.ok())
                return nullptr;
            fine = std::make_shared<const Atlas>(std::move(loaded.atlas));
        }
        return std::make_shared<const SceneLevel>(fine, projection);
    }));
}

void MapSession::setLayers(QList<std::shared_ptr<const Layer>> layers) { replaceLayers(std::move(layers), {}); }

void MapSession::replaceLayers(QList<std::shared_ptr<const Layer>> layers, const QList<ProjectedLayer> &projected)
{
    m_layers = std::move(layers);
    if (m_scene)
        m_scene->setLayers(m_layers, projected);
    emit layersChanged();
    emit sceneChanged();
}

bool MapSession::addLayer(std::shared_ptr<const Layer> layer, const QList<ProjectedLayer> &projected)
{
    if (!layer || hasLayer(layer->id))
        return false;
    QList<std::shared_ptr<const Layer>> layers = m_layers;
    layers << std::move(layer);
    replaceLayers(std::move(layers), projected);
    return true;
}

bool MapSession::hasLayer(const QString &id) const
{
    return std::any_of(m_layers.begin(), m_layers.end(), [&id](const auto &layer) { return layer->id == id; });
}

bool MapSession::storeLayerVisible(const QString &id, bool visible)
{
    if (m_view.hiddenLayers.contains(id) == !visible)
        return false;
    m_view.hiddenLayers.removeAll(id);
    if (!visible)
        m_view.hiddenLayers << id;
    return true;
}

bool MapSession::storeLayerOpacity(const QString &id, double opacity)
{
    if (m_view.layerOpacity.value(id, 1.0) == opacity)
        return false;
    m_view.layerOpacity.insert(id, opacity);
    return true;
}

void MapSession::setLayerVisible(const QString &id, bool visible)
{
    if (storeLayerVisible(id, visible))
        viewHasChanged();
}

void MapSession::setLayerOpacity(const QString &id, double opacity)
{
    if (storeLayerOpacity(id, opacity))
        viewHasChanged();
}

void MapSession::setLayerSettings(const QStringList &hidden, const QHash<QString, double> &opacity)
{
    bool changed = false;
    for (const auto &layer : m_layers) {
        changed = storeLayerVisible(layer->id, !hidden.contains(layer->id)) || changed;
        changed = storeLayerOpacity(layer->id, opacity.value(layer->id, 1.0)) || changed;
    }
    if (!changed)
        return;
    emit layerSettingsChanged();
    viewHasChanged();
}

void MapSession::setLayerOrder(const QStringList &idsBottomToTop)
{
    QList<std::shared_ptr<const Layer>> ordered;
    for (const QString &id : idsBottomToTop)
        for (const auto &layer : m_layers)
            if (layer->id == id)
                ordered << layer;
    for (const auto &layer : m_layers)
        if (!ordered.contains(layer))
            ordered << layer;
    if (ordered == m_layers)
        return;
    // The same layers in another order: the scene redraws, nobody needs to rebuild a list (the
    // Layers panel that asked already shows the order).
    m_layers = std::move(ordered);
    if (m_scene)
        m_scene->setLayers(m_layers);
    emit sceneChanged();
}

void MapSession::setYear(int year)
{
    if (year == m_view.year)
        return;
    m_view.year = year;
    emit yearChanged(year);
    viewHasChanged();
}

void MapSession::setSize(QSize size) { m_view.size = size; }

void MapSession::setCamera(QPointF centre, double metresPerPixel)
{
    m_view.centre = centre;
    m_view.metresPerPixel = ViewLimits::clampedScale(metresPerPixel); // a saved view or a fit may ask for anything
    loadFineDetailIfNeeded();
    viewHasChanged();
}

void MapSession::setStyleScale(double scale)
{
    m_view.styleScale = scale;
    viewHasChanged();
}

void MapSession::setLegend(ViewState::Corner corner, bool collapsed)
{
    if (m_view.legendCorner == corner && m_view.legendCollapsed == collapsed)
        return;
    m_view.legendCorner = corner;
    m_view.legendCollapsed = collapsed;
    viewHasChanged();
}

void MapSession::setHiddenAnnotations(const QStringList &ids)
{
    if (ids == m_view.hiddenAnnotations)
        return;
    m_view.hiddenAnnotations = ids;
    viewHasChanged();
}

void MapSession::selectRegion(const QString &code)
{
    if (!code.isEmpty())
        selectFeature(QString());
    if (code == m_view.selectedRegion)
        return;
    m_view.selectedRegion = code;
    emit selectionChanged(code);
    viewHasChanged();
}

void MapSession::selectFeature(const QString &ref)
{
    if (!ref.isEmpty())
        selectRegion(QString());
    if (ref == m_view.selectedFeature)
        return;
    m_view.selectedFeature = ref;
    emit featureSelectionChanged(ref);
    viewHasChanged();
}

void MapSession::clearSelection()
{
    selectRegion(QString());
    selectFeature(QString());
    setHighlight({}, {});
    m_focusedClaim.clear();
    emit selectionCleared();
}

void MapSession::setHovered(const QString &regionCode, const QString &featureRef)
{
    if (regionCode == m_view.hoveredRegion && featureRef == m_view.hoveredFeature)
        return;
    m_view.hoveredRegion = regionCode;
    m_view.hoveredFeature = featureRef;
    emit hoverChanged();
}

void MapSession::setHighlight(const QStringList &regions, const QStringList &features, const QStringList &groups)
{
    if (regions == m_view.highlightRegions && features == m_view.highlightFeatures && groups == m_view.highlightGroups)
        return;
    m_view.highlightRegions = regions;
    m_view.highlightFeatures = features;
    m_view.highlightGroups = groups;
    viewHasChanged();
}

void MapSession::applyView(const SavedView &view, const Brief &brief, Camera camera)
{
    m_viewChangedLater = false;
    {
        const QScopedValueRollback applying(m_applyingView, true);
        applyViewState(view, brief, camera);
    }
    if (m_viewChangedLater)
        emit viewChanged(); // once, whatever the view changed
}

void MapSession::applyViewState(const SavedView &view, const Brief &brief, Camera camera)
{
    const ViewState &v = view.state;
    if (m_scene && m_scene->projection().id() != v.projectionId)
        setProjection(v.projectionId);
    setYear(v.year);
    setLayerSettings(v.hiddenLayers, v.layerOpacity);
    clearSelection();
    if (!v.selectedRegion.isEmpty())
        selectRegion(v.selectedRegion);
    if (!v.selectedFeature.isEmpty())
        selectFeature(v.selectedFeature);
    if (m_atlas) {
        const ViewState lit = BriefingPack::litState(brief, view, *m_atlas);
        setHighlight(lit.highlightRegions, lit.highlightFeatures, lit.highlightGroups);
    }
    m_focusedClaim = brief.claim(view.focusedClaim) ? view.focusedClaim : QString();
    setHiddenAnnotations(v.hiddenAnnotations);
    setLegend(v.legendCorner, v.legendCollapsed);
    if (camera == Camera::Move)
        setCamera(v.centre, v.metresPerPixel);
}

void MapSession::viewHasChanged()
{
    if (m_applyingView)
        m_viewChangedLater = true;
    else
        emit viewChanged();
}

SavedView MapSession::capture(const QString &name) const
{
    SavedView view;
    view.name = name;
    view.state = m_view.savable();
    view.focusedClaim = m_focusedClaim;
    return view;
}

} // namespace spheres
