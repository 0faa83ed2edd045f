#pragma once

#include "annotation.h"
#include "annotationpainter.h"
#include "framelayout.h"
#include "labelplacer.h"
#include "legendpainter.h"
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

    /// The passes of render(), bottom to top: an export draws some alone (one SVG group each)
    /// or leaves some out (the legend, the one-line credit when it draws fuller credits).
    enum class Pass { Background = 0x1, Land = 0x2, Layers = 0x4, Selection = 0x8, Labels = 0x10, Legend = 0x20,
                      Credits = 0x40, Annotations = 0x80 };
    Q_DECLARE_FLAGS(Passes, Pass)
    static constexpr Passes kAllPasses = Passes(0xff);

    void render(QPainter &painter, const Scene &scene, const ViewState &view, Passes passes = kAllPasses) const;
    /// A copy with the same style, annotations and revisions but none of this renderer's caches
    /// (placed labels, label images, region paths): what a render on another thread takes. The
    /// caches fill as a render draws, so two threads must never share them.
    MapRenderer withoutCaches() const;
    const MapStyle &style() const { return m_style; }
    void setStyle(MapStyle style)
    {
        m_style = std::move(style);
        m_labelImages.clear(); // drawn in the old colours
        ++m_styleRevision;
        ++m_layoutRevision;
    }
    /// Changes with every setStyle: raster caches of this renderer's drawing key on it.
    quint64 styleRevision() const { return m_styleRevision; }
    /// Device pixels per logical pixel where `painter` draws: the device's ratio (2 on a HiDPI
    /// screen) times any scale the painter adds (a widget rendered into a larger image). Raster
    /// caches are made at this ratio so that they stay as crisp as the vector drawing around them.
    static qreal pixelRatio(const QPainter &painter);

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
    void drawBackground(QPainter &painter, const Scene &scene, const ViewState &view, const QTransform &t) const;
    /// Each visible region's outline in pixels for this frame, computed once for every pass.
    /// Kept for the next frame at the same view: hover, selection and year change nothing in them.
    QList<QPainterPath> regionPaths(const Scene &scene, const ViewState &view, const QTransform &t) const;
    void drawLand(QPainter &painter, const Scene &scene, const ViewState &view, const QList<QPainterPath> &paths) const;
    void drawSelection(QPainter &painter, const Scene &scene, const ViewState &view,
                       const QList<QPainterPath> &paths) const;
    /// The groups a focused claim names (ViewState::highlightGroups): one dashed outline round
    /// the members drawn, with the group's name above it.
    void drawGroupSettings(QPainter &painter, const Scene &scene, const ViewState &view,
                           const QList<QPainterPath> &paths) const;
    void drawLabels(QPainter &painter, const ViewState &view, const QList<PlacedLabel> &labels) const;
    void drawCredits(QPainter &painter, const ViewState &view) const;
    /// The frame's layout, placed for `view` (or kept from the last call at the same view).
    FrameLayout &layoutFor(const Scene &scene, const ViewState &view) const;
    void drawHaloText(QPainter &painter, QPointF baseline, const QString &text, const QFont &font, const QColor &colour,
                      double haloWidth) const;

    MapStyle m_style;
    quint64 m_styleRevision = 0;
    QList<Annotation> m_annotations;
    QList<QRectF> m_legendKeepClear;
    quint64 m_layoutRevision = 0; ///< changes with the style, the annotations and the legend's keep-clear boxes
    mutable FrameLayout m_layout;
    /// Rendered labels (text with halo) for raster devices, where stroking a glyph outline
    /// each frame costs more than the rest of the map; vector devices get real text paths.
    mutable QHash<QString, QImage> m_labelImages;
    struct RegionPaths
    {
        QList<QRectF> levelBounds; ///< the level's, held so that their buffer stays alive as its key
        QTransform transform;
        QSize size;
        QList<QPainterPath> paths;
    };
    mutable RegionPaths m_regionPaths;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(MapRenderer::Passes)

} // namespace spheres
