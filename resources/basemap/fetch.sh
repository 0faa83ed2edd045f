#!/usr/bin/env bash
# Re-fetch (or, with --check, only verify) the vendored world-atlas base map.
#
#   ./fetch.sh          npm pack world-atlas@2.0.2 into a temp dir, verify the
#                       two files' sha256 sums, copy them next to this script.
#   ./fetch.sh --check  verify the vendored files' sha256 sums only; exits
#                       non-zero on a missing file or a mismatch.
#
# See NOTE.md beside this script for the source and licences.
set -euo pipefail

PACKAGE="world-atlas@2.0.2"
FILES=(countries-50m.json countries-10m.json)
declare -A SHA256=(
  [countries-50m.json]=04342cdc1e3016bcd7db1630de95684d67b79fe3c8c460321e87aef469502394
  [countries-10m.json]=3bc6f1d367a9bcec479841bae0e76092f512838411d0cef124e92eec4db45f79
)

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
  echo "usage: $0 [--check]" >&2
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d' ' -f1
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 "$1" | cut -d' ' -f1
  else
    echo "error: neither sha256sum nor shasum found" >&2
    exit 2
  fi
}

# verify DIR: check every file in FILES under DIR; report each; return 1 on any failure.
verify() {
  local dir="$1" f actual bad=0
  for f in "${FILES[@]}"; do
    if [[ ! -f "$dir/$f" ]]; then
      echo "MISSING  $dir/$f" >&2
      bad=1
      continue
    fi
    actual="$(sha256_of "$dir/$f")"
    if [[ "$actual" == "${SHA256[$f]}" ]]; then
      echo "OK       $f  $actual"
    else
      echo "MISMATCH $dir/$f" >&2
      echo "         expected ${SHA256[$f]}" >&2
      echo "         actual   $actual" >&2
      bad=1
    fi
  done
  return "$bad"
}

mode=fetch
case "${1-}" in
  "") ;;
  --check) mode=check ;;
  -h|--help) usage; exit 0 ;;
  *) usage; exit 2 ;;
esac
if [[ $# -gt 1 ]]; then usage; exit 2; fi

if [[ "$mode" == check ]]; then
  if verify "$HERE"; then
    echo "basemap: vendored files match the pinned sha256 sums"
    exit 0
  else
    echo "error: basemap check failed: vendored files in $HERE do not match the pinned sha256 sums of $PACKAGE; run $0 to re-fetch" >&2
    exit 1
  fi
fi

command -v npm >/dev/null 2>&1 || { echo "error: npm not found (needed to fetch $PACKAGE)" >&2; exit 2; }
command -v tar >/dev/null 2>&1 || { echo "error: tar not found" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "fetching $PACKAGE with npm pack into $tmp"
# npm checks the tarball against the registry's integrity hash itself.
(cd "$tmp" && npm pack --silent "$PACKAGE" >/dev/null)
shopt -s nullglob
tgz=("$tmp"/world-atlas-*.tgz)
shopt -u nullglob
if [[ ${#tgz[@]} -ne 1 ]]; then
  echo "error: npm pack did not produce exactly one world-atlas tarball in $tmp" >&2
  exit 1
fi
tar -xzf "${tgz[0]}" -C "$tmp"

if ! verify "$tmp/package"; then
  echo "error: downloaded $PACKAGE does not match the pinned sha256 sums; vendored files left untouched" >&2
  exit 1
fi

for f in "${FILES[@]}"; do
  cp "$tmp/package/$f" "$HERE/$f.tmp"
  mv -f "$HERE/$f.tmp" "$HERE/$f"
done
verify "$HERE" >/dev/null
echo "basemap: copied ${FILES[*]} from $PACKAGE into $HERE"
