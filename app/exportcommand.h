#pragma once

#include "exportrequest.h"

#include <QStringList>

namespace spheres {

/// `spheres export --out map.png|svg|pdf [--format F] [--size WxH | --preset 1080p|4k|a4|letter]
/// [--dpi N] [--projection ID] [--center LON,LAT] [--scale N] [--select CODE] [--year YYYY]
/// [--title T] [--subtitle S] [--no-legend] [--no-credits] [--no-scale-bar]`: renders the map
/// without a window, through the window's renderer, with a title, legend, scale bar and credits.
/// `spheres export BRIEF --view NAME | --all-views [--no-charts]` exports saved views; all of
/// them to a PDF make a briefing pack, with a page of each view's charts unless --no-charts.
/// Needs a QApplication (the charts are widgets), which may use the offscreen platform.
/// Returns the process exit code (ExitCode); problems are printed to stderr naming the option.
int runExportCommand(const QStringList &arguments);

/// Exports what `request` asks for: reads the base map and the users' layers, then writes the
/// picture, or the briefing pack or numbered PNGs of every view. Returns the exit code
/// (ExitCode); problems are printed to stderr. The process's last step: the map data it read is
/// left for the process's end to reclaim (leaveAtExit).
int runExport(const ExportRequest &request);

} // namespace spheres
