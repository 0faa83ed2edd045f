#pragma once

#include "dotpainter.h"
#include "mapstyle.h"

class QPainter;
class QTransform;

namespace spheres {

struct ProjectedLayer;
struct ViewState;

/// Draws a user's layer from its LayerDetail tiles: per tile, its fills at once without
/// antialiasing, their outlines at once with it (which hides the fills' stair-steps, as the land
/// does), the specks, and the lines, then all the dots at once. A hundred thousand parcels cost a few hundred calls.
/// Raster devices get the tiles through the painter's transform; vector devices (SVG, PDF) get
/// them in pixels, simplified for four times the picture's resolution, since they are zoomed.
class TiledLayerPainter
{
public:
    /// Whether `layer` can be drawn from tiles in `view`: a user's layer whose features exist
    /// in every year, with nothing lit alone (a claim about some of its features dims the rest,
    /// which is drawn feature by feature).
    static bool applies(const ProjectedLayer &layer, const ViewState &view);
    /// `dots`: how the features under a pixel are drawn (pixels where the device allows; a path
    /// to compare them with).
    static void paint(QPainter &painter, const ProjectedLayer &layer, const ViewState &view, const QTransform &toScreen,
                      const LayerStyle &style, DotPainter::Method dots = DotPainter::Method::Pixels);
};

} // namespace spheres
