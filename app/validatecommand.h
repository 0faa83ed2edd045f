#pragma once

#include <QStringList>

namespace spheres {

/// `spheres validate BRIEF [--layer FILE]...`: reads a brief and checks that its links resolve
/// against the built-in base map and layers (and any extra GeoJSON layers given). Prints
/// "BRIEF: OK (N claims, M views)" to stdout, warnings and errors to stderr. `arguments` starts
/// with the program name, "validate" removed. Returns 0 (valid, perhaps with warnings), 1 (the
/// brief has errors or the built-in data cannot be loaded) or 2 (bad command line).
int runValidateCommand(const QStringList &arguments);

} // namespace spheres
