#include "pixelratio.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace spheres {

qreal pixelRatio(const QPainter &painter)
{
    const QTransform t = painter.deviceTransform(); // logical to device pixels, the device's ratio included
    return std::max(1.0, std::hypot(t.m11(), t.m12()));
}

} // namespace spheres
