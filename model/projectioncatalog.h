#pragma once

#include "projection.h"

#include <QCoreApplication>
#include <QList>
#include <QRectF>

namespace spheres {

/// The projections Spheres offers, each with the lon/lat extent it frames by default.
/// The default frames Eurasia and the Asia-Pacific in Lambert azimuthal equal-area centred at
/// 95°E 45°N: areas stay true (Russia is not inflated as in Mercator) and the South China Sea
/// is barely distorted; the conic and the two world projections are alternatives.
struct ProjectionPreset
{
    Projection projection;
    QRectF homeExtent; ///< lon/lat: x = west, y = south, width/height in degrees
};

class ProjectionCatalog
{
    Q_DECLARE_TR_FUNCTIONS(ProjectionCatalog)

public:
    static const QList<ProjectionPreset> &presets();
    static const ProjectionPreset *find(const QString &id);
    static const ProjectionPreset &defaultPreset();
    static QStringList ids();
};

} // namespace spheres
