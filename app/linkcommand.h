#pragma once

#include "commandline.h"

#include <QStringList>

namespace spheres {

/// `spheres link`'s options and description.
CommandSpec linkCommandSpec();

/// `spheres link NARRATIVE (--json | -o BRIEF) [--title TEXT] [--author NAME]`: runs the narrative
/// linker over a plain-text or Markdown file ("-" for standard input) and prints its claims as
/// JSON or writes them as a new brief. `arguments` starts with the program name, "link" removed.
/// Returns ExitCode: Ok; Failed when the narrative cannot be read or is not text, the built-in
/// data cannot be loaded or the brief cannot be written (the message names the file); Usage.
int runLinkCommand(const QStringList &arguments);

} // namespace spheres
