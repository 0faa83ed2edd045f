#!/usr/bin/env bash
# Configures and builds Spheres into ./build (or $SPHERES_BUILD_DIR).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${SPHERES_BUILD_DIR:-$here/build}
"$here/packaging/setup.sh"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --parallel "$(nproc)"
