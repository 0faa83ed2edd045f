#pragma once

#include <QFont>
#include <QList>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QTransform>

namespace spheres {

class Scene;
class SceneLevel;
struct MapStyle;
struct ViewState;

struct PlacedLabel
{
    QString text;
    QPointF baseline; ///< where the text starts (left, baseline), logical pixels
    QFont font;
    QRectF box;       ///< the space the label takes
};

/// Chooses which region labels to show: each at its region's pole of inaccessibility, or near
/// it inside the region where that keeps the name off a line, only when the region is big
/// enough on screen to hold it (a small state in smaller type), larger regions first, never two
/// that overlap, nor one over a box in `taken`. Zooming in makes regions bigger, so more labels
/// appear. `lines` (screen polylines: pipelines, arrows) are kept clear of where a place off
/// them exists; where none does, the name still goes at its anchor, over the line with its halo.
class LabelPlacer
{
public:
    static QList<PlacedLabel> place(const SceneLevel &level, const QTransform &toScreen, const ViewState &view,
                                    const MapStyle &style, const QList<QRectF> &taken = {},
                                    const QList<QPolygonF> &lines = {});
    /// Names of the site symbols in the picture, beside their symbol (right, left, above, below
    /// or at a corner, whichever is free first), never over another label, a symbol, a box in
    /// `taken` or any of `lines`; a name that finds no such room is left out (a click on its
    /// symbol still names it). A site in several places is named once, at the first place with
    /// room. A layer with more than 400 sites in the picture is left unnamed.
    static QList<PlacedLabel> placeSites(const Scene &scene, const QTransform &toScreen, const ViewState &view,
                                         const MapStyle &style, const QList<QPolygonF> &lines = {},
                                         const QList<QRectF> &taken = {});
    /// Every label the map shows: the regions' first, then the sites' around them, off the
    /// lines the view draws and off `moreLines` (the annotations' arrows), never over a box in
    /// `taken` (the annotations' fixed text boxes).
    static QList<PlacedLabel> placeAll(const Scene &scene, const QTransform &toScreen, const ViewState &view,
                                       const MapStyle &style, const QList<QPolygonF> &moreLines = {},
                                       const QList<QRectF> &taken = {});
    /// Whether `box` touches any of `lines`.
    static bool crossesAny(const QRectF &box, const QList<QPolygonF> &lines);
};

} // namespace spheres
