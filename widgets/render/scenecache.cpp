#include "scenecache.h"

#include "geojsonreader.h"
#include "projectioncatalog.h"

namespace spheres {

SceneCache::SceneCache(std::shared_ptr<const Atlas> coarse, QList<std::shared_ptr<const Layer>> layers,
                       std::shared_ptr<const Atlas> fine)
    : m_coarse(std::move(coarse)), m_fine(std::move(fine)), m_layers(std::move(layers))
{
}

QString SceneCache::loadBuiltIn()
{
    Atlas::Result coarse = Atlas::loadBuiltIn(Atlas::Detail::Coarse);
    if (!coarse.ok())
        return coarse.error;
    m_coarse = std::make_shared<Atlas>(std::move(coarse.atlas));
    QStringList errors;
    m_layers = GeoJsonReader::readAllBuiltIn(errors);
    m_scenes.clear();
    return errors.join(u'\n');
}

void SceneCache::addLayers(const QList<std::shared_ptr<const Layer>> &layers)
{
    m_layers << layers;
    for (const auto &[id, scene] : m_scenes)
        scene->setLayers(m_layers); // the layers it has keep their projected paths
}

Scene *SceneCache::sceneFor(const QString &projectionId, double metresPerPixel)
{
    const ProjectionPreset *preset = ProjectionCatalog::find(projectionId);
    if (!preset || !m_coarse)
        return nullptr;
    auto &scene = m_scenes[projectionId];
    if (!scene) {
        scene = std::make_unique<Scene>(m_coarse, preset->projection);
        scene->setLayers(m_layers);
    }
    if (!scene->hasFine() && metresPerPixel < Scene::kFineDetailBelow) {
        if (!m_fine) {
            Atlas::Result fine = Atlas::loadBuiltIn(Atlas::Detail::Fine);
            if (fine.ok())
                m_fine = std::make_shared<Atlas>(std::move(fine.atlas));
        }
        if (m_fine)
            scene->setFine(std::make_shared<SceneLevel>(m_fine, preset->projection));
    }
    return scene.get();
}

} // namespace spheres
