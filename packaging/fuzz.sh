#!/usr/bin/env bash
# A short fuzz run of the readers of untrusted files (tests/fuzz/): builds the libFuzzer targets
# with clang-14 and AddressSanitizer + UndefinedBehaviorSanitizer into ./build-fuzz (or
# $SPHERES_FUZZ_BUILD_DIR), runs each for N seconds (default 20) on a copy of its seed corpus and
# prints executions and exec/s per target. The readers get inputs of up to 1 MiB, so that work
# quadratic in the input's size shows as a timeout; fuzz_render (a brief read and its views drawn
# small) gets 256 KiB, 10 s and 1 GB, so that a view costing unbounded time or memory is a crash.
#
#     ./packaging/fuzz.sh [seconds]        # CI runs 10; a longer run: ./packaging/fuzz.sh 600
#
# A crash (or leak, sanitizer report, hang, too much memory: see limits_for) is saved as
# <build>/fuzz-artifacts/<target>-crash-… and makes the script fail at the end. Replay it with
# <build>/tests/fuzz/fuzz_<target> FILE; then add it to tests/fuzz/corpus/<target>/ and a row to
# tests/model/tst_hostileinput.cpp, and fix the reader. New inputs the fuzzer found interesting are
# left in <build>/fuzz-corpus/<target>/ (not in the repository's seed corpus).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${SPHERES_FUZZ_BUILD_DIR:-$here/build-fuzz}
seconds=${1:-20}
jobs=${SPHERES_JOBS:-$(nproc)}
[[ $seconds =~ ^[0-9]+$ && $seconds -gt 0 ]] || { echo "usage: $0 [seconds per target]" >&2; exit 2; }

"$here/packaging/setup.sh"
missing=()
for p in clang-14 libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=()
  [[ $(id -u) -ne 0 ]] && sudo=(sudo)
  echo "fuzz.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The sanitizer flags go to the whole build (the model and everything it links), coverage
# instrumentation (fuzzer-no-link) too; only the fuzz targets link libFuzzer (tests/fuzz/CMakeLists.txt).
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSPHERES_FUZZ=ON \
  -DCMAKE_CXX_COMPILER=clang++-14 \
  "-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined,fuzzer-no-link -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
  >/dev/null
targets=(topojson geojson brief render)
# -max_len, -timeout (s) and -rss_limit_mb of each target.
limits_for() {
  case $1 in
    render) echo 262144 10 1024 ;;
    *) echo 1048576 30 2048 ;;
  esac
}
cmake --build "$build" --parallel "$jobs" --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
artifacts=$build/fuzz-artifacts
mkdir -p "$artifacts"
failed=()
summary=()
for name in "${targets[@]}"; do
  corpus=$build/fuzz-corpus/$name
  rm -rf "$corpus"
  mkdir -p "$corpus"
  cp "$here/tests/fuzz/corpus/$name/"* "$corpus/"
  log=$build/fuzz-$name.log
  echo "fuzz.sh: fuzz_$name for ${seconds}s (log: $log)" >&2
  start=$SECONDS
  status=0
  read -r max_len timeout rss <<<"$(limits_for "$name")"
  "$build/tests/fuzz/fuzz_$name" -max_len="$max_len" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb="$rss" \
    -print_final_stats=1 -artifact_prefix="$artifacts/$name-" "$corpus" >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  result=ok
  if ((status != 0)); then
    result="FAILED (exit $status): $(grep -m1 -E '^==[0-9]+==|^SUMMARY|ERROR: libFuzzer' "$log" || true)"
    failed+=("$name")
  fi
  summary+=("$(printf '%-10s %5ss %12s execs %8s exec/s  corpus %4s  %s' "$name" $((SECONDS - start)) \
    "${execs:-?}" "${rate:-?}" "$(find "$corpus" -type f | wc -l)" "$result")")
done
printf '%s\n' "${summary[@]}"
if ((${#failed[@]})); then
  echo "fuzz.sh: crashes in ${failed[*]}; reproducers in $artifacts, logs in $build/fuzz-*.log" >&2
  exit 1
fi
