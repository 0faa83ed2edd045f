#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>

class QColor;
class QPainter;
class QTransform;

namespace spheres {

/// Draws a large layer's dots (features under a pixel, each a square `side` metres across, in
/// one colour) as a fill of their squares without antialiasing draws them. On a raster device
/// their pixels are set in one image, drawn at once: a hundred thousand squares cost the
/// rasteriser a hundred milliseconds as a path, and a few as pixels.
class DotPainter
{
public:
    enum class Method {
        Pixels, ///< raster devices whose painter only translates: the pixels, set directly
        Path,   ///< any device: one path of squares, filled
    };

    /// Paints `dots` (lists of centres, in metres) through `toScreen` (metres to the painter's
    /// coordinates: scale and translation only) within `area`, in the painter's coordinates.
    /// Pixels fall back to Path where they cannot be set directly (vector devices, rotation, scale).
    static void paint(QPainter &painter, const QList<const QList<QPointF> *> &dots, double side, const QTransform &toScreen,
                      const QRectF &area, const QColor &colour, Method method);

    /// The pixels a square from `from` to `to` (device pixels) fills: those whose centres it
    /// holds (one on the near edge out, on the far edge in), as the
    /// rasteriser fills an aliased path; at least one each way, never none.
    static void pixelSpan(double from, double to, int &first, int &end);

private:
    static bool canSetPixels(const QPainter &painter);
    static void paintPixels(QPainter &painter, const QList<const QList<QPointF> *> &dots, double side, const QTransform &toScreen,
                            const QRectF &area, const QColor &colour);
};

} // namespace spheres
