#!/usr/bin/env bash
# Builds Spheres with AddressSanitizer + UndefinedBehaviorSanitizer (SPHERES_SANITIZE=ON, GCC)
# into ./build-asan (or $SPHERES_ASAN_BUILD_DIR) and runs the tests there, headless. A leak, a
# memory error or undefined behaviour aborts the test it happens in, which then fails.
#
#     ./packaging/test-sanitized.sh          # the model and render tests and the fuzz corpora (CI)
#     ./packaging/test-sanitized.sh --all    # every test, widgets and app included (slower)
#
# The default scope keeps CI short: on 2 cores a sanitized build of everything takes several
# times as long as the plain build. The readers of untrusted files, the model and the renderer
# are all in it; --all adds the widgets and the command-line app.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${SPHERES_ASAN_BUILD_DIR:-$here/build-asan}
jobs=${SPHERES_JOBS:-$(nproc)}
scope=${1:-model}
[[ $scope == model || $scope == --all ]] || { echo "usage: $0 [--all]" >&2; exit 2; }

"$here/packaging/setup.sh"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSPHERES_SANITIZE=ON -DSPHERES_FUZZ=OFF >/dev/null

model_tests=(tst_topojsonreader tst_projection tst_layers tst_linker tst_brief tst_hostileinput tst_exporter tst_colourvision
             fuzz_topojson_replay fuzz_geojson_replay fuzz_brief_replay)
if [[ $scope == --all ]]; then
  cmake --build "$build" --parallel "$jobs"
  select=()
else
  cmake --build "$build" --parallel "$jobs" --target "${model_tests[@]}"
  select=(-R '^(tst_(topojsonreader|projection|layers|linker|brief|hostileinput|exporter|colourvision)|fuzz_[a-z]+_corpus)$')
fi

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export QT_QPA_PLATFORM=offscreen
cd "$build"
ctest --output-on-failure --parallel "$jobs" "${select[@]}"
