#pragma once

#include <QFont>
#include <QList>
#include <QPointF>
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

/// Chooses which region labels to show: each at its region's pole of inaccessibility, only
/// when the region is big enough on screen to hold it, larger regions first, never two that
/// overlap, nor one over a box in `taken`. Zooming in makes regions bigger, so more labels appear.
class LabelPlacer
{
public:
    static QList<PlacedLabel> place(const SceneLevel &level, const QTransform &toScreen, const ViewState &view,
                                    const MapStyle &style, const QList<QRectF> &taken = {});
    /// Names of the site symbols in the picture, beside their symbol (right, left, above or
    /// below, whichever is free first), never over another label or symbol; a name that finds
    /// no room is left out (a click on its symbol still names it). A site in several places is
    /// named once, at the first place with room.
    static QList<PlacedLabel> placeSites(const Scene &scene, const QTransform &toScreen, const ViewState &view,
                                         const MapStyle &style);
    /// Every label the map shows: the sites' first, then the regions' around them.
    static QList<PlacedLabel> placeAll(const Scene &scene, const QTransform &toScreen, const ViewState &view,
                                       const MapStyle &style);
};

} // namespace spheres
