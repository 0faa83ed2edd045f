#pragma once

#include "commandline.h"

#include <QList>
#include <QStringList>

namespace spheres {

/// A subcommand of `spheres`: what it accepts and how it runs.
struct Command
{
    CommandSpec (*spec)();
    int (*run)(const QStringList &arguments); ///< arguments: the program, then the command's own
    bool needsWidgets;                        ///< export draws Qt Charts widgets; link and validate need no GUI
};

/// Every subcommand, in the order `spheres --help` and the man page list them.
const QList<Command> &commands();
/// The command called `name`, or nullptr.
const Command *findCommand(const QString &name);
/// The command whose name is closest to a mistyped `name` ("exprot" → "export"), or nullptr.
const Command *nearestCommand(const QString &name);

} // namespace spheres
