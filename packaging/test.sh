#!/usr/bin/env bash
# Builds Spheres and runs the whole test suite headless.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${SPHERES_BUILD_DIR:-$here/build}
"$here/packaging/build.sh"
cd "$build"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)"
