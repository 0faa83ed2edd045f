#pragma once

#include <QString>

namespace bench {

/// Issue 16's many claims: `spheres validate` of a brief of 5,000 claims as a whole process, and
/// in the window a click on a region to a filled context panel.
void claimsAtScale(bool quick, int runs);
/// `spheres export` of the default map at 1080p against the minimal Qt program, alternated.
void exportAgainstMinimal(bool quick, const QString &dir);

} // namespace bench
