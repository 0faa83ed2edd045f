#!/usr/bin/env bash
# Builds Spheres with AddressSanitizer + UndefinedBehaviorSanitizer (SPHERES_SANITIZE=ON, GCC)
# into ./build-asan (or $SPHERES_ASAN_BUILD_DIR) and runs the whole test suite there, headless:
# the model, the renderer, the widgets, the command-line app and the fuzz seed corpora. A leak, a
# memory error or undefined behaviour aborts the test it happens in, which then fails.
#
#     ./packaging/test-sanitized.sh            # every test (CI; --all says the same)
#     ./packaging/test-sanitized.sh --model    # the model and render tests and the fuzz corpora only
#
# Four tests are left to the plain run (packaging/test.sh), as they test no code of ours for memory
# safety that the sanitized run does not test anyway: tst_package checks what `cmake --install` and
# CPack produce; spheres_bench_smoke times renders that the exporter and canvas tests run anyway;
# tst_exportcommand and tst_linkcommand start the program some forty times each to check what the
# command line prints and writes, while the code they reach (exporter, briefing pack, full disk,
# linker, brief writer) runs in-process under the sanitizers in tst_exporter, tst_linker,
# tst_briefwriter and tst_hostileinput, and the options' parsing in tst_commandline. Under the
# sanitizers they were the slowest two: 290 s and 251 s of a ctest run of 721 s on 2 cores.
#
# The build is -Og with line tables only (-g1): reports still name file and line, and it compiles
# in a third of the CPU time of RelWithDebInfo's -O2 -g (two thirds of -O1's; objects a third of
# the size) while the tests run only a little slower than at -O1. That keeps CI (.ci/run) well
# under its 20 minutes on 2 cores.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${SPHERES_ASAN_BUILD_DIR:-$here/build-asan}
jobs=${SPHERES_JOBS:-$(nproc)}
case ${1:---all} in
  --all) scope=all ;;
  --model) scope=model ;;
  *) echo "usage: $0 [--all | --model]" >&2; exit 2 ;;
esac

"$here/packaging/setup.sh"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-Og -g1 -DNDEBUG" \
  -DSPHERES_SANITIZE=ON -DSPHERES_FUZZ=OFF >/dev/null

model_tests=(tst_topojsonreader tst_projection tst_layers tst_linker tst_brief tst_hostileinput tst_exporter tst_colourvision
             fuzz_topojson_replay fuzz_geojson_replay fuzz_brief_replay fuzz_render_replay)
if [[ $scope == all ]]; then
  cmake --build "$build" --parallel "$jobs"
  select=(-E '^(spheres_bench(_hostile)?_smoke|tst_exportcommand|tst_linkcommand)$' -LE '^package$')
else
  cmake --build "$build" --parallel "$jobs" --target "${model_tests[@]}"
  select=(-R '^(tst_(topojsonreader|projection|layers|linker|brief|hostileinput|exporter|colourvision)|fuzz_[a-z]+_corpus)$')
fi

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export QT_QPA_PLATFORM=offscreen
cd "$build"
ctest --output-on-failure --parallel "$jobs" "${select[@]}"
