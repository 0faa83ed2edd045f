#pragma once

#include "layer.h"
#include "mapstyle.h"

#include <QCoreApplication>
#include <QFont>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

class QPainter;

namespace spheres {

class Scene;
struct ExportOptions;
struct ViewState;

/// What an exported map carries besides the map: a title panel (title, subtitle, caption) at
/// the top left, a scale bar and a credits block at the bottom right. Drawn into any QPainter
/// over a rendered view, with every size multiplied by the view's styleScale.
class MapFurniture
{
    Q_DECLARE_TR_FUNCTIONS(MapFurniture)

public:
    struct ScaleBar
    {
        double metres = 0; ///< a round length: 1, 2 or 5 × 10ⁿ m
        double pixels = 0; ///< its length in the picture
        QString label;     ///< "1000 km", "500 m"
    };

    /// Draws what `options` asks for over `view` (already sized for the output).
    static void paint(QPainter &painter, const Scene &scene, const ViewState &view, const ExportOptions &options,
                      const MapStyle &style = MapStyle::standard());

    /// The largest round length (1, 2 or 5 × 10ⁿ metres) not longer than `maxMetres`.
    static double roundLength(double maxMetres);
    /// Metres on the ground per pixel at the picture's centre, measured along a short east–west
    /// segment (the local scale; LAEA keeps areas, not lengths). metresPerPixel where the centre
    /// is off the globe.
    static double groundMetresPerPixel(const Scene &scene, const ViewState &view);
    /// The scale bar for `view`, at most `maxPixels` long.
    static ScaleBar scaleBar(const Scene &scene, const ViewState &view, double maxPixels);
    /// Every source of the features visible in the view (shown layers, the view's year, inside
    /// the picture), deduplicated, in the order they first occur.
    static QList<Source> visibleSources(const Scene &scene, const ViewState &view);
    /// Compact credits for small type: "Natural Earth", then the publishers of visibleSources()
    /// with the years of their sources, "Gazprom (2019, 2025)"; a source without a publisher
    /// by its title.
    static QStringList credits(const Scene &scene, const ViewState &view);
    /// The credits block in a picture's bottom right corner: a third of the width at most, and
    /// three lines of small type, the last sources summed up as "and N more" when they would
    /// take more.
    struct CreditsBlock
    {
        QRectF box, textBox;
        QString text;
        QFont font;
        int lines = 0;
    };
    /// The title panel's box in the top left corner (empty without title, subtitle or caption).
    static QRectF titlePanel(const ViewState &view, const ExportOptions &options, const MapStyle &style = MapStyle::standard());
    static CreditsBlock creditsBlock(const Scene &scene, const ViewState &view, const MapStyle &style = MapStyle::standard());

private:
    static QRectF paintTitle(QPainter &painter, const ViewState &view, const ExportOptions &options,
                             const MapStyle &style);
    /// Returns the block's rectangle, so that the scale bar can stand on it.
    static QRectF paintCredits(QPainter &painter, const Scene &scene, const ViewState &view, const MapStyle &style);
    static void paintScaleBar(QPainter &painter, const Scene &scene, const ViewState &view, double bottom,
                              const MapStyle &style);
};

} // namespace spheres
