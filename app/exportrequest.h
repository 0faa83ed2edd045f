#pragma once

#include "commandline.h"

#include "brief.h"
#include "exportoptions.h"
#include "viewstate.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace spheres {

struct ProjectionPreset;

/// The translation context of `spheres export`'s messages.
struct ExportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)
};

/// `spheres export`'s options and description (its --help and its part of the man page).
CommandSpec exportCommandSpec();

/// What `spheres export` is asked to do, every option read and checked: what runExport() needs,
/// and nothing of the command line.
struct ExportRequest
{
    QString outPath;
    ExportOptions options;                       ///< format, size, DPI, title and the picture's furniture
    ViewState view;                              ///< framed, centred, scaled and fitted to the output
    const ProjectionPreset *projection = nullptr; ///< the catalog's; the saved view's with --view
    std::optional<Brief> brief;                  ///< the brief named on the command line
    QString briefPath;
    std::optional<SavedView> savedView;          ///< --view: lit by its focused claim once the atlas is read
    bool allViews = false;
    bool charts = true;                          ///< with --all-views to a PDF: a page of each view's charts
    QStringList layerFiles;                      ///< --layer: users' files drawn over ours
};

/// What reading the command line came to: a request to run, or the exit code of a command that
/// is already over (its help printed, or its problem on stderr naming the option).
struct ParsedExport
{
    std::optional<ExportRequest> request;
    int exitCode = 0; ///< when there is no request
};

/// Reads `spheres export`'s arguments (the brief too, to check --view against its views).
ParsedExport parseExportCommand(const QStringList &arguments);

} // namespace spheres
