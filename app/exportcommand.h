#pragma once

#include <QStringList>

namespace spheres {

/// `spheres export --out map.png|svg|pdf [--format F] [--size WxH | --preset 1080p|4k|a4|letter]
/// [--dpi N] [--projection ID] [--center LON,LAT] [--scale N] [--select CODE] [--year YYYY]
/// [--title T] [--subtitle S] [--no-legend] [--no-credits] [--no-scale-bar]`: renders the map
/// without a window, through the window's renderer, with a title, legend, scale bar and credits.
/// Returns the process exit code; problems are printed to stderr naming the option.
int runExportCommand(const QStringList &arguments);

} // namespace spheres
