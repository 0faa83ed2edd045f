#pragma once

#include <QFlags>
#include <QList>
#include <QPainterPath>
#include <QString>
#include <QTransform>

#include <memory>
#include <optional>
#include <vector>

class QPainter;

namespace spheres {

class FrameLayout;
class HaloText;
class MapRenderer;
class Scene;
struct MapStyle;
struct ViewState;

/// The passes of a frame, bottom to top: a caller draws some alone (a cache of the ground) or
/// leaves some out (an export's legend, the one-line credit where fuller credits are drawn).
enum class MapPass { Background = 0x1, Land = 0x2, Layers = 0x4, Selection = 0x8, Labels = 0x10, Legend = 0x20,
                     Credits = 0x40, Annotations = 0x80 };
Q_DECLARE_FLAGS(MapPasses, MapPass)
Q_DECLARE_OPERATORS_FOR_FLAGS(MapPasses)

/// One frame: the scene seen through a view, and what every painter of the frame shares,
/// computed once when the first asks for it (each region's outline in pixels, the placed
/// labels, annotations and legend).
class MapFrame
{
public:
    MapFrame(const MapRenderer &renderer, const Scene &scene, const ViewState &view);

    const Scene &scene() const { return m_scene; }
    const ViewState &view() const { return m_view; }
    const MapStyle &style() const;
    /// Projected metres to pixels.
    const QTransform &toScreen() const { return m_toScreen; }
    /// Each region's outline in pixels, in the level's order; empty where out of sight.
    const QList<QPainterPath> &regionPaths() const;
    /// One region's outline in pixels, without making every region's when they are not made
    /// yet: what the selection needs on a pan's frame, where the land is not drawn.
    QPainterPath regionPath(int index) const;
    FrameLayout &layout() const;
    const HaloText &halo() const;

private:
    const MapRenderer &m_renderer;
    const Scene &m_scene;
    const ViewState &m_view;
    QTransform m_toScreen;
    mutable std::optional<QList<QPainterPath>> m_regionPaths;
};

/// One part of the map in its place in the drawing order: the ocean, the land, one layer, the
/// labels. A frame runs its painters bottom to top; the layered SVG gives each group its own
/// element, so that an editor hides a layer and sees what lies beneath.
class MapLayerPainter
{
public:
    virtual ~MapLayerPainter() = default;
    /// The SVG group the drawing goes into: painters of one group in a row share it.
    virtual QString group() const = 0;
    /// The group's name in an editor's list of layers.
    virtual QString label() const = 0;
    virtual MapPass pass() const = 0;
    /// Draws into `painter`, antialiased and clipped to the map; leaves its state as it was.
    virtual void paint(QPainter &painter, const MapFrame &frame) const = 0;
};

using MapLayerPainters = std::vector<std::unique_ptr<const MapLayerPainter>>;

} // namespace spheres
