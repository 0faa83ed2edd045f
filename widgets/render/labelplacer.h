#pragma once

#include <QFont>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QTransform>

namespace spheres {

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
/// overlap. Zooming in makes regions bigger, so more labels appear.
class LabelPlacer
{
public:
    static QList<PlacedLabel> place(const SceneLevel &level, const QTransform &toScreen, const ViewState &view,
                                    const MapStyle &style);
};

} // namespace spheres
