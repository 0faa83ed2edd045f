#pragma once

#include <QCoreApplication>
#include <QString>

namespace spheres {

/// How Spheres credits its base map, worded once for every place that names it: the map's
/// credits block and corner credit, the SVG's description, the briefing pack and the About box.
/// (The base map is Natural Earth's admin-0 countries, public domain, as packaged by world-atlas.)
class BaseMapCredit
{
    Q_DECLARE_TR_FUNCTIONS(BaseMapCredit)

public:
    /// "Natural Earth": the first entry of a compact list of credits.
    static QString name() { return tr("Natural Earth"); }
    /// "Base map: Natural Earth (public domain), via world-atlas 2.0.2", without a full stop.
    static QString sentence() { return tr("Base map: %1 (public domain), via world-atlas 2.0.2").arg(name()); }
};

} // namespace spheres
