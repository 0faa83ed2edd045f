#pragma once

#include "commandline.h"

#include <QStringList>

namespace spheres {

/// `spheres validate`'s options and description.
CommandSpec validateCommandSpec();

/// `spheres validate BRIEF [--layer FILE]...`: reads a brief and checks that its links resolve
/// against the built-in base map and layers (and any extra GeoJSON layers given). Prints
/// "BRIEF: OK (N claims, M views)" to stdout, warnings and errors to stderr. `arguments` starts
/// with the program name, "validate" removed. Returns ExitCode: Ok (valid, perhaps with warnings),
/// Failed (the brief has errors or the built-in data cannot be loaded) or Usage.
int runValidateCommand(const QStringList &arguments);

} // namespace spheres
