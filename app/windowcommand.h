#pragma once

#include "commandline.h"

#include <QStringList>

namespace spheres {

/// `spheres [options] [brief]`: the window's own options, and the list of commands for --help.
CommandSpec windowCommandSpec();

/// What the command line asks of the window, checked before any display is opened.
struct WindowRequest
{
    enum class Action { OpenWindow, PrintHelp, PrintVersion, PrintManPage, Exit };
    Action action = Action::OpenWindow;
    QString briefPath; ///< empty: the recovered copy or the sample brief
    int exitCode = 0;  ///< for Action::Exit: the error was printed already
};

/// Parses `spheres`'s arguments when no command is named (argv as strings, argv[0] first). Qt's
/// own window options (-platform, -style, …) are accepted as QApplication takes them.
WindowRequest parseWindowArguments(const QStringList &arguments);

/// An empty string when a window can be opened; otherwise the one line that says why not.
QString missingDisplay(const QStringList &arguments);

/// While it lives (around the QApplication's construction), a platform plugin that cannot start
/// (DISPLAY names a server that is not there, say) exits the process with one clear line, exit
/// code 1, instead of Qt's abort and its advice to reinstall.
class PlatformStartGuard
{
public:
    PlatformStartGuard();
    ~PlatformStartGuard();
    PlatformStartGuard(const PlatformStartGuard &) = delete;
    PlatformStartGuard &operator=(const PlatformStartGuard &) = delete;
};

} // namespace spheres
