#!/usr/bin/env bash
# Builds Spheres (packaging/build.sh) and makes its packages with CPack in the build directory:
# a Debian package (spheres_<version>_<arch>.deb) and a tarball. Prints the files produced.
#   ./packaging/package.sh && sudo apt install ./build/spheres_0.1.0_amd64.deb
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${SPHERES_BUILD_DIR:-$here/build}
"$here/packaging/build.sh"
cd "$build"
log=$(cpack -G "DEB;TGZ" 2>&1) || { printf '%s\n' "$log" >&2; echo "package.sh: cpack failed" >&2; exit 1; }
# CPack reports each file as "CPack: - package: <path> generated."
packages=$(printf '%s\n' "$log" | sed -n 's/^CPack: - package: \(.*\) generated\.$/\1/p')
[[ -n $packages ]] || { printf '%s\n' "$log" >&2; echo "package.sh: cpack produced no package" >&2; exit 1; }
printf '%s\n' "$packages"
