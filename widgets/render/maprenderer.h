#pragma once

#include "mapstyle.h"

class QPainter;

namespace spheres {

class Scene;
struct ViewState;

/// Paints a Scene as seen through a ViewState into any QPainter — widget, QImage, SVG or PDF —
/// in fixed passes: ocean and graticule, land, borders, selection, labels, credits.
class MapRenderer
{
public:
    explicit MapRenderer(MapStyle style = MapStyle::standard()) : m_style(std::move(style)) {}

    void render(QPainter &painter, const Scene &scene, const ViewState &view) const;
    const MapStyle &style() const { return m_style; }

private:
    void drawBackground(QPainter &painter, const Scene &scene, const ViewState &view, const QTransform &t) const;
    void drawLand(QPainter &painter, const Scene &scene, const ViewState &view, const QTransform &t) const;
    void drawSelection(QPainter &painter, const Scene &scene, const ViewState &view, const QTransform &t) const;
    void drawLabels(QPainter &painter, const Scene &scene, const ViewState &view, const QTransform &t) const;
    void drawCredits(QPainter &painter, const ViewState &view) const;

    MapStyle m_style;
};

} // namespace spheres
