#pragma once

#include "mapframe.h"

namespace spheres {

struct ProjectedLayer;

/// One layer the map draws over the land (zones, lines, sites, a user's layer), as its own
/// group: its areas and lines, then its site symbols, all under the layers above it.
class ThematicLayerPainter : public MapLayerPainter
{
public:
    explicit ThematicLayerPainter(const ProjectedLayer &layer) : m_layer(layer) {}

    QString group() const override;
    QString label() const override;
    MapPass pass() const override { return MapPass::Layers; }
    void paint(QPainter &painter, const MapFrame &frame) const override;

private:
    const ProjectedLayer &m_layer;
};

} // namespace spheres
