#pragma once

#include "annotation.h"
#include "annotationpainter.h"
#include "framelayout.h"
#include "labelplacer.h"
#include "halotext.h"
#include "legendpainter.h"
#include "mapframe.h"
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
/// with one MapLayerPainter per part, bottom to top: ocean and graticule, land, each layer,
/// selection, labels, annotations, legend, credit line.
class MapRenderer
{
public:
    explicit MapRenderer(MapStyle style = MapStyle::standard()) : m_style(std::move(style)), m_halo(m_style.labelHalo) {}

    using Pass = MapPass;
    using Passes = MapPasses;
    static constexpr Passes kAllPasses = Passes(0xff);
    /// The map's ground: what only a pan or a change of content moves, never a click. The window
    /// keeps it as pictures (GroundCache, FrameCache) and draws the passes above it on each paint.
    static constexpr Passes kGroundPasses = Passes(Pass::Background) | Pass::Land | Pass::Layers;
    /// How the land takes the membership layers' colours: blended into one fill per region
    /// (the screen, raster exports), or one painter per membership layer (the layered SVG).
    enum class Layering { Blended, Separate };

    void render(QPainter &painter, const Scene &scene, const ViewState &view, Passes passes = kAllPasses) const;
    /// A copy with the same style, annotations and revisions but none of this renderer's caches
    /// (placed labels, rendered halo text, region paths): what a render on another thread takes. The
    /// caches fill as a render draws, so two threads must never share them.
    MapRenderer withoutCaches() const;
    /// What render() runs for `passes`, bottom to top.
    MapLayerPainters painters(const Scene &scene, const ViewState &view, Passes passes = kAllPasses,
                              Layering layering = Layering::Blended) const;
    /// Runs one painter of `frame` the way render() does: antialiased, clipped to the map.
    static void paint(QPainter &painter, const MapFrame &frame, const MapLayerPainter &part);
    const MapStyle &style() const { return m_style; }
    void setStyle(MapStyle style)
    {
        m_style = std::move(style);
        m_halo.setHalo(m_style.labelHalo); // labels drawn in the old colours are dropped
        ++m_styleRevision;
        ++m_layoutRevision;
    }
    /// Changes with every setStyle: raster caches of this renderer's drawing key on it.
    quint64 styleRevision() const { return m_styleRevision; }

    /// The brief's annotations, drawn over the labels on every view that does not hide them.
    void setAnnotations(QList<Annotation> annotations)
    {
        m_annotations = std::move(annotations);
        ++m_layoutRevision;
    }
    const QList<Annotation> &annotations() const { return m_annotations; }
    /// The annotations as `view` shows them (for the editor's hit tests): the very layout render() paints.
    QList<PlacedAnnotation> annotationLayout(const Scene &scene, const ViewState &view) const;
    /// Where `view`'s legend goes and what it holds (the window's hit test uses the very box drawn).
    LegendPainter::Layout legendLayout(const Scene &scene, const ViewState &view) const;
    /// Boxes the legend keeps clear of besides the annotations: a slide's title panel.
    void setLegendKeepClear(QList<QRectF> boxes)
    {
        if (boxes != m_legendKeepClear)
            ++m_layoutRevision;
        m_legendKeepClear = std::move(boxes);
    }
    /// The labels the label pass draws: off the layers' lines, the annotations' arrows and their
    /// fixed text boxes.
    QList<PlacedLabel> labels(const Scene &scene, const ViewState &view) const;

private:
    friend class MapFrame;
    /// Each visible region's outline in pixels for this frame, computed once for every pass.
    /// Kept for the next frame at the same view: hover, selection and year change nothing in them.
    QList<QPainterPath> regionPaths(const Scene &scene, const ViewState &view, const QTransform &t) const;
    /// The frame's layout, placed for `view` (or kept from the last call at the same view).
    FrameLayout &layoutFor(const Scene &scene, const ViewState &view) const;

    MapStyle m_style;
    quint64 m_styleRevision = 0;
    QList<Annotation> m_annotations;
    QList<QRectF> m_legendKeepClear;
    quint64 m_layoutRevision = 0; ///< changes with the style, the annotations and the legend's keep-clear boxes
    mutable FrameLayout m_layout;
    HaloText m_halo;
    struct RegionPaths
    {
        QList<QRectF> levelBounds; ///< the level's, held so that their buffer stays alive as its key
        QTransform transform;
        QSize size;
        QList<QPainterPath> paths;
    };
    mutable RegionPaths m_regionPaths;
};

} // namespace spheres
