#pragma once

#include <QImage>
#include <QPointF>
#include <QString>

#include <functional>

class QPainter;

namespace spheres {

/// Map symbols drawn once into small images, then copied: on a raster device ten thousand site
/// symbols cost ten thousand image copies instead of ten thousand antialiased outlines and
/// halos. Vector devices (SVG, PDF) always get the symbol itself. One cache per thread.
class SymbolSprites
{
public:
    using Draw = std::function<void(QPainter &painter, QPointF centre)>;
    /// Paints the symbol `key` (everything that changes its look: shape, colours, scale),
    /// reaching `reach` logical pixels round its centre, at `centre`: from the cache on raster
    /// devices, drawn by `draw` otherwise (and once, into the cache).
    static void paint(QPainter &painter, QPointF centre, const QString &key, double reach, const Draw &draw);
};

} // namespace spheres
