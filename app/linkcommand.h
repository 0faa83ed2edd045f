#pragma once

#include <QStringList>

namespace spheres {

/// `spheres link NARRATIVE (--json | -o BRIEF) [--title TEXT] [--author NAME]`: runs the narrative
/// linker over a plain-text or Markdown file ("-" for standard input) and prints its claims as
/// JSON or writes them as a new brief. `arguments` starts with the program name, "link" removed.
/// Returns the process exit code: 0, 2 for bad input (the message on stderr names the file or
/// option), 1 when the built-in data cannot be loaded.
int runLinkCommand(const QStringList &arguments);

} // namespace spheres
