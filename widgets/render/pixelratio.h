#pragma once

#include <QtGlobal>

class QPainter;

namespace spheres {

/// Device pixels per logical pixel where `painter` draws: the device's ratio (2 on a HiDPI
/// screen) times any scale the painter adds (a widget rendered into a larger image). Raster
/// caches (halo text, sprites, tiles, dots, the window's frames) are made at this ratio so that
/// they stay as crisp as the vector drawing around them.
qreal pixelRatio(const QPainter &painter);

} // namespace spheres
