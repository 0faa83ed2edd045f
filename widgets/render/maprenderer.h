#pragma once

#include "mapstyle.h"

#include <QHash>
#include <QImage>
#include <QPainterPath>
#include <QPointF>

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
    /// Each visible region's outline in pixels for this frame, computed once for every pass.
    static QList<QPainterPath> regionPaths(const Scene &scene, const ViewState &view, const QTransform &t);
    void drawLand(QPainter &painter, const Scene &scene, const ViewState &view, const QList<QPainterPath> &paths) const;
    void drawSelection(QPainter &painter, const Scene &scene, const ViewState &view,
                       const QList<QPainterPath> &paths) const;
    void drawLabels(QPainter &painter, const Scene &scene, const ViewState &view, const QTransform &t) const;
    void drawCredits(QPainter &painter, const ViewState &view) const;
    void drawLegend(QPainter &painter, const Scene &scene, const ViewState &view) const;
    void drawHaloText(QPainter &painter, QPointF baseline, const QString &text, const QFont &font, const QColor &colour,
                      double haloWidth) const;

    MapStyle m_style;
    /// Rendered labels (text with halo) for raster devices, where stroking a glyph outline
    /// each frame costs more than the rest of the map; vector devices get real text paths.
    mutable QHash<QString, QImage> m_labelImages;
};

} // namespace spheres
