#pragma once

#include <QString>

namespace spheres {

/// spheres(1) in roff, generated from the same CommandSpecs as every --help (the build runs
/// `spheres --manpage` and installs the result), plus the sections a help text has no room for:
/// exit status, files, environment and examples.
QString manPage(const QString &version, const QString &date);

} // namespace spheres
