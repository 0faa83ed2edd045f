#pragma once

#include <QPointF>

namespace spheres {

/// The range of every parameter a view is drawn with, wherever the view comes from: a brief
/// (BriefReader), the command line (`spheres export`), the canvas's zoom and a presentation.
/// Outside it a picture is either meaningless or unbounded in cost: at 1e-300 metres per pixel
/// a country's outline is 1e300 pixels long.
struct ViewLimits
{
    /// Projected metres per pixel. At 10 the projected world (some 40,000 km) is 4 million
    /// pixels across, inside the 2^23 pixels Qt's rasterizer takes without clipping first, and
    /// far finer than the finest base map (1:10m); at 1e7 it is four pixels across. A saved
    /// view, a command line or a fit may ask for anything in between.
    static constexpr double kMinMetresPerPixel = 10.0;
    static constexpr double kMaxMetresPerPixel = 1e7;
    /// How far the canvas lets the user zoom out: the world a few hundred pixels across.
    static constexpr double kMaxZoomOutMetresPerPixel = 60'000.0;

    static constexpr double kMinLongitude = -180.0, kMaxLongitude = 180.0;
    static constexpr double kMinLatitude = -90.0, kMaxLatitude = 90.0;

    /// A picture's side in pixels: QPainter's raster engine cannot paint beyond 32767.
    static constexpr int kMinPixels = 1, kMaxPixels = 32767;
    static constexpr double kMinDpi = 72.0, kMaxDpi = 1200.0;

    /// False for NaN too.
    static constexpr bool isScale(double metresPerPixel)
    {
        return metresPerPixel >= kMinMetresPerPixel && metresPerPixel <= kMaxMetresPerPixel;
    }
    static constexpr bool isLongitude(double lon) { return lon >= kMinLongitude && lon <= kMaxLongitude; }
    static constexpr bool isLatitude(double lat) { return lat >= kMinLatitude && lat <= kMaxLatitude; }
    static constexpr bool isCentre(QPointF lonLat) { return isLongitude(lonLat.x()) && isLatitude(lonLat.y()); }
    static constexpr bool isDpi(double dpi) { return dpi >= kMinDpi && dpi <= kMaxDpi; }
    static constexpr bool isSide(qint64 pixels) { return pixels >= kMinPixels && pixels <= kMaxPixels; }
    /// `metresPerPixel` brought into range; NaN becomes the largest scale (the least work).
    static constexpr double clampedScale(double metresPerPixel)
    {
        return metresPerPixel >= kMinMetresPerPixel
                   ? (metresPerPixel <= kMaxMetresPerPixel ? metresPerPixel : kMaxMetresPerPixel)
                   : (metresPerPixel < kMinMetresPerPixel ? kMinMetresPerPixel : kMaxMetresPerPixel);
    }
};

} // namespace spheres
