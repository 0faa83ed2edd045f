#pragma once

#include <QStringList>

namespace spheres {

/// `spheres export --out map.png [--size WxH] [--projection ID] [--center LON,LAT]
/// [--scale N] [--select CODE]`: renders the map without a window, through the window's renderer.
/// Returns the process exit code; problems are printed to stderr naming the option.
int runExportCommand(const QStringList &arguments);

} // namespace spheres
