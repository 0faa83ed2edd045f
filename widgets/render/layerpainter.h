#pragma once

#include "layer.h"
#include "mapstyle.h"
#include "pipelinestatus.h"
#include "projectedlayer.h"

#include <QCoreApplication>
#include <QColor>
#include <QHash>
#include <QList>
#include <QPainterPath>
#include <QPen>
#include <QPolygonF>

#include <array>
#include <memory>

class QPainter;

namespace spheres {

class Projection;
class Scene;
struct ViewState;

/// How each layer looks, its colours from the map's LayerStyle: colour-blind safe, and status
/// told by line style (operating solid, under construction dashed, planned dotted, suspended
/// dash-dot), never by colour alone. Contested zones: see ZonePainter.
class LayerPainter
{
    Q_DECLARE_TR_FUNCTIONS(LayerPainter)

public:
    /// A line's statuses in the order the Layers panel and the legend list them.
    static constexpr const auto &kLineStatuses = PipelineStatuses::kWords;
    /// Symbols of point features: the shape tells the kind (LNG plant a square, military base
    /// a triangle, port a diamond, anything else a circle), a hollow symbol a site that is only
    /// planned or under construction.
    static void paintSymbol(QPainter &painter, QPointF centre, const QString &kind, bool hollow, double scale,
                            const LayerStyle &style, const QColor &fill = QColor());
    /// The symbol's radius in pixels at `scale`: what a click on it must hit.
    static double symbolRadius(double scale) { return 5.5 * scale; }
    /// Whether a site in `status` is drawn hollow.
    static bool isHollow(const QString &status);
    /// The site symbols `view` shows, top layer first: what is drawn last and hit first.
    struct SiteSymbol
    {
        const ProjectedLayer *layer;
        int feature;
        QPointF pixel; ///< the symbol's centre on screen
        QString status;
    };
    static QList<SiteSymbol> siteSymbols(const Scene &scene, const ViewState &view, const QTransform &toScreen);
    /// Those of one layer, in the order it draws them.
    static QList<SiteSymbol> siteSymbols(const ProjectedLayer &layer, const ViewState &view, const QTransform &toScreen);
    /// The lines `view` draws (pipelines, claim lines of shown layers in its year), as screen
    /// polylines through `toScreen`, clipped to nothing but the picture's neighbourhood: what
    /// labels keep clear of.
    static QList<QPolygonF> drawnLines(const Scene &scene, const ViewState &view, const QTransform &toScreen);

    /// The fill of a membership layer's status: the layer's own palette (LayerStyle::blocPalettes)
    /// where it has one, the shared member/observer/partner colours otherwise.
    static QColor membershipColour(const Layer &layer, const QString &status, const LayerStyle &style);
    static QColor membershipColour(const QString &status, const LayerStyle &style);
    /// Pixels (at style scale 1) a pipeline is drawn to the left of its route: gas and oil lines
    /// that share a corridor (Power of Siberia beside ESPO) are drawn side by side, not one
    /// hidden under the other. Well under the map's accuracy at the scales it is drawn at.
    static double parallelOffset(const Feature &feature);
    /// parallelOffset() for the lines of a pipelines layer; 0 for any other line (claim lines).
    static double drawnOffset(const Layer &layer, const Feature &feature);
    static QPen pipelinePen(const QString &commodity, const QString &status, double scale, const LayerStyle &style);

    /// Fill colours of regions coloured by visible membership layers in the view's year,
    /// blended over the style's land so that they can replace the land fill. Several membership
    /// layers shown at once (the SCO and a Russia-led bloc): each is laid over the ones below it
    /// in drawing order, at its status colour's alpha times the layer's opacity, so a state in
    /// both shows a colour neither gives alone and a state in one keeps that one's colour.
    static QHash<QString, QColor> regionFills(const Scene &scene, const ViewState &view, const MapStyle &style);
    /// The same, coloured by these membership layers only (ids; drawn in the scene's order).
    static QHash<QString, QColor> regionFills(const Scene &scene, const ViewState &view, const MapStyle &style,
                                              const QStringList &layers);
    /// The membership layers `view` shows, bottom to top.
    static QStringList shownMembershipLayers(const Scene &scene, const ViewState &view);
    /// An area a membership colour must not reach as the colour of the state that holds it.
    struct HeldZoneFill
    {
        QPainterPath area; ///< projected metres
        QColor fill;       ///< what the area takes instead
    };
    /// The de facto / de jure rule for membership colours: inside a contested zone in the view's
    /// year, the administrator's fill gives way to the fill the claimants share (or the plain
    /// land when they differ): a territory never takes the colour of a state that merely holds
    /// it. Keyed by administrator; zones of hidden layers count too, since the rule is about the
    /// land's colour, not about what the zones layer shows.
    static QMultiHash<QString, HeldZoneFill> heldZoneFills(const Scene &scene, const ViewState &view,
                                                          const QHash<QString, QColor> &fills, const QColor &land);
    /// Draws a layer's zones, lines and sites as `view` shows them (membership layers colour the
    /// land instead: see LandPainter).
    static void paintLayer(QPainter &painter, const ProjectedLayer &layer, const ViewState &view,
                           const QTransform &toScreen, const LayerStyle &style);
    /// A site's kind ("lng", "military-base", "port"): its symbol's shape.
    static QString siteKind(const Feature &feature) { return feature.properties.value(QStringLiteral("kind")).toString(); }

private:
    static void paintFeature(QPainter &painter, const ProjectedLayer &layer, int feature, const QString &status,
                             const QTransform &t, double scale, const LayerStyle &style);
    static void paintGeneric(QPainter &painter, const ProjectedLayer &layer, int feature, const QTransform &t,
                             double scale, const LayerStyle &style);
    /// The casing under a selected or hovered feature's lines and outline.
    static void paintCasing(QPainter &painter, const ProjectedLayer &layer, int feature, bool selected,
                            const QTransform &t, double scale, const LayerStyle &style);
    static void paintSites(QPainter &painter, const ProjectedLayer &layer, const ViewState &view, const QTransform &t,
                           const LayerStyle &style);
};

} // namespace spheres
