#pragma once
// Annotations the render tests place on the map.
#include "annotation.h"

#include <QPointF>
#include <QString>

namespace spheres::testing {

/// A callout with `text` at the lon/lat `lonLat`.
inline Annotation callout(const QString &id, QPointF lonLat, const QString &text)
{
    Annotation a;
    a.id = id;
    a.text = text;
    a.anchor = lonLat;
    return a;
}

} // namespace spheres::testing
