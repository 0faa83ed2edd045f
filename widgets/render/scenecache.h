#pragma once

#include "scene.h"

#include <map>
#include <memory>

namespace spheres {

/// A scene per projection over one base map and one set of layers, built when first asked
/// for, with the fine (1:10m) detail added when a view is zoomed in far enough to need it.
/// Exports of several views (a briefing pack) draw each in its own projection.
class SceneCache
{
public:
    SceneCache(std::shared_ptr<const Atlas> coarse, QList<std::shared_ptr<const Layer>> layers,
               std::shared_ptr<const Atlas> fine = nullptr);
    /// Loads the built-in base map and layers; returns an error, or empty.
    QString loadBuiltIn();
    SceneCache() = default;
    /// Adds layers over the others (users' layers, drawn on top); the scenes built already
    /// project only these.
    void addLayers(const QList<std::shared_ptr<const Layer>> &layers);

    const Atlas *coarse() const { return m_coarse.get(); }
    std::shared_ptr<const Atlas> coarseAtlas() const { return m_coarse; }
    const QList<std::shared_ptr<const Layer>> &layers() const { return m_layers; }
    /// The scene for `projectionId` (nullptr if unknown). `metresPerPixel` 0 means "any zoom":
    /// the fine detail is loaded then.
    Scene *sceneFor(const QString &projectionId, double metresPerPixel = 0.0);

private:
    std::shared_ptr<const Atlas> m_coarse, m_fine;
    QList<std::shared_ptr<const Layer>> m_layers;
    std::map<QString, std::unique_ptr<Scene>> m_scenes;
};

} // namespace spheres
