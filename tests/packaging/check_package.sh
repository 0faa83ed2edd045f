#!/usr/bin/env bash
# tst_package: installs Spheres into a temporary DESTDIR, makes its Debian package with CPack into
# a temporary directory, and checks what the package holds and that its desktop files validate.
#   bash tests/packaging/check_package.sh BUILD_DIR SOURCE_DIR
# Leaves nothing behind but the install_manifest.txt `cmake --install` always writes; safe to run
# alongside other tests (everything else happens in its own mktemp directory).
set -euo pipefail

build=${1:?usage: check_package.sh BUILD_DIR SOURCE_DIR}
source=${2:?usage: check_package.sh BUILD_DIR SOURCE_DIR}
build=$(cd "$build" && pwd)
source=$(cd "$source" && pwd)

app_id=org.spheres.Spheres
mime_type=application/x-spheres-brief+json
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
die() {
  echo "FAIL: $*" >&2
  exit 1
}
pass() { echo "ok: $*"; }
# `begin` marks the start of a group of checks; `passed MESSAGE` says ok if none of them failed.
begin() { group_failures=$failures; }
passed() { ((failures > group_failures)) || pass "$*"; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/spheres-tst_package.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# --- Tools ------------------------------------------------------------------------------------
for tool in cmake:cmake cpack:cmake dpkg-deb:dpkg dpkg-shlibdeps:dpkg-dev dpkg-architecture:dpkg-dev file:file \
  desktop-file-validate:desktop-file-utils appstreamcli:appstream xmllint:libxml2-utils \
  update-mime-database:shared-mime-info lintian:lintian hardening-check:devscripts; do
  command -v "${tool%%:*}" >/dev/null ||
    die "${tool%%:*} not found: install the Debian package ${tool#*:} (packaging/setup.sh does)"
done
[[ -f $build/CPackConfig.cmake ]] || die "$build/CPackConfig.cmake missing: is packaging/ configured?"
[[ -f $build/app/spheres ]] || die "$build/app/spheres missing: build first"

# --- cmake --install into a DESTDIR -----------------------------------------------------------
mime_icon=application-x-spheres-brief+json
icon_sizes=(16 32 48 64 128 256)
# Debian's place for a package's private plugins: /usr/lib/<multiarch>/<package>/.
gdal_module=usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)/spheres/spheres-gdal.so
installed=(
  usr/bin/spheres
  $gdal_module
  usr/share/man/man1/spheres.1.gz
  usr/share/applications/$app_id.desktop
  usr/share/metainfo/$app_id.metainfo.xml
  usr/share/icons/hicolor/scalable/apps/$app_id.svg
  usr/share/icons/hicolor/scalable/mimetypes/$mime_icon.svg
  usr/share/mime/packages/$app_id.xml
  usr/share/spheres/screenshots/window.png
  usr/share/spheres/screenshots/central-asia.png
  usr/share/doc/spheres/copyright
  usr/share/doc/spheres/changelog.gz
  usr/share/lintian/overrides/spheres
)
for size in "${icon_sizes[@]}"; do
  installed+=("usr/share/icons/hicolor/${size}x$size/apps/$app_id.png"
    "usr/share/icons/hicolor/${size}x$size/mimetypes/$mime_icon.png")
done
if ! DESTDIR="$tmp/destdir" cmake --install "$build" --prefix /usr >"$tmp/install.log" 2>&1; then
  cat "$tmp/install.log" >&2
  die "cmake --install failed"
fi
begin
for f in "${installed[@]}"; do
  [[ -f $tmp/destdir/$f ]] || fail "cmake --install did not install /$f"
done
[[ -x $tmp/destdir/usr/bin/spheres ]] || fail "cmake --install: /usr/bin/spheres is not executable"
passed "cmake --install"

# --- cpack -G DEB, into its own directory ------------------------------------------------------
# -B moves both the package and CPack's _CPack_Packages staging area out of the build directory.
if ! (cd "$tmp" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$tmp/cpack") \
  >"$tmp/cpack.log" 2>&1; then
  cat "$tmp/cpack.log" >&2
  die "cpack -G DEB failed"
fi
shopt -s nullglob
debs=("$tmp"/cpack/spheres_*.deb)
shopt -u nullglob
((${#debs[@]} == 1)) || { cat "$tmp/cpack.log" >&2; die "expected one spheres_*.deb, found: ${debs[*]:-none}"; }
deb=${debs[0]}
pass "cpack -G DEB: $(basename "$deb")"

# --- The package's contents --------------------------------------------------------------------
dpkg-deb -c "$deb" >"$tmp/contents" || die "dpkg-deb -c cannot read $deb"
begin
for f in "${installed[@]}"; do
  awk -v f="./$f" '$NF == f { found = 1 } END { exit !found }' "$tmp/contents" || fail "the package lacks /$f"
done
grep -Eq '^-rwxr-xr-x .*[[:space:]]\./usr/bin/spheres$' "$tmp/contents" ||
  fail "/usr/bin/spheres is not mode 0755 in the package: $(grep 'usr/bin/spheres' "$tmp/contents")"
if grep -Eq '[[:space:]]\./usr/local/|[[:space:]]\./(tmp|root|home)/' "$tmp/contents"; then
  fail "the package installs outside /usr: $(grep -E '\./(usr/local|tmp|root|home)/' "$tmp/contents")"
fi
passed "dpkg-deb -c: $(grep -vc '/$' "$tmp/contents") files"

field() { dpkg-deb -f "$deb" "$1"; }
begin
[[ $(field Package) == spheres ]] || fail "Package is '$(field Package)', not spheres"
[[ $(field Section) == science ]] || fail "Section is '$(field Section)', not science"
[[ $(field Maintainer) =~ ^[^\<]+\ \<[^@\>]+@[^\>]+\>$ ]] || fail "Maintainer is not 'Name <address>': '$(field Maintainer)'"
[[ -z $(field Homepage) ]] || fail "Homepage '$(field Homepage)': there is no web site"
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
[[ -n $version && $(field Version) == "$version" ]] ||
  fail "Version is '$(field Version)', the project's is '$version'"
depends=$(field Depends)
[[ $depends == *libqt6widgets6* ]] ||
  fail "Depends does not mention libqt6widgets6 (dpkg-shlibdeps not run?): '$depends'"
[[ $depends == *libc6* ]] || fail "Depends does not mention libc6: '$depends'"
# Users' vector files are read through GDAL (libgdal32 on Debian 12, libgdalNN elsewhere).
[[ $depends =~ libgdal[0-9]+ ]] || fail "Depends does not mention the GDAL library: '$depends'"
[[ -n $(field Description) ]] || fail "the package has no Description"
passed "dpkg-deb -f: Depends: $depends"

# --- The files as packaged ---------------------------------------------------------------------
root=$tmp/root
dpkg-deb -x "$deb" "$root" || die "dpkg-deb -x cannot extract $deb"
binary=$root/usr/bin/spheres
desktop=$root/usr/share/applications/$app_id.desktop
metainfo=$root/usr/share/metainfo/$app_id.metainfo.xml
icon=$root/usr/share/icons/hicolor/scalable/apps/$app_id.svg
mime=$root/usr/share/mime/packages/$app_id.xml

if [[ -f $binary ]]; then
  file -b "$binary" | grep -q '^ELF 64-bit LSB .*executable' ||
    fail "/usr/bin/spheres is not an ELF executable: $(file -b "$binary")"
  if command -v readelf >/dev/null && readelf -d "$binary" | grep -Eq 'R(UN)?PATH'; then
    fail "/usr/bin/spheres keeps an RPATH: $(readelf -d "$binary" | grep -E 'R(UN)?PATH')"
  fi
  # GDAL's hundred libraries are loaded with the module when a user's file needs them, not at start.
  if command -v readelf >/dev/null && readelf -d "$binary" | grep -q 'NEEDED.*libgdal'; then
    fail "/usr/bin/spheres links GDAL: it should load it through /$gdal_module"
  fi
fi
module=$root/$gdal_module
if [[ -f $module ]]; then
  file -b "$module" | grep -q '^ELF 64-bit LSB shared object' || fail "/$gdal_module is not a shared object: $(file -b "$module")"
  readelf -d "$module" | grep -q 'NEEDED.*libgdal' || fail "/$gdal_module does not link GDAL"
  nm -D --defined-only "$module" | grep -qw spheresVectorFormatReader || fail "/$gdal_module does not export its entry point"
  # The packaged program finds the packaged module: a CSV layer is read through it.
  printf 'name,lon,lat\nKashgar,75.99,39.47\n' >"$tmp/sites.csv"
  if [[ -f $binary ]] && ! out=$(QT_QPA_PLATFORM=offscreen "$binary" validate --layer "$tmp/sites.csv" \
    "$source/resources/briefs/china-russia.spheres.json" 2>&1); then
    fail "the packaged spheres cannot read a CSV layer through its GDAL module: $out"
  fi
fi

# desktop-file-validate exits 0 on warnings: only its hints are accepted.
if [[ -f $desktop ]]; then
  if ! out=$(desktop-file-validate "$desktop" 2>&1) || grep -Eq ': (error|warning):' <<<"$out"; then
    fail "desktop-file-validate: $out"
  else
    pass "desktop-file-validate${out:+ (hints only)}"
  fi
  grep -qx "Exec=spheres %f" "$desktop" || fail "the .desktop file does not say Exec=spheres %f"
  grep -qx "Icon=$app_id" "$desktop" || fail "the .desktop file's Icon is not $app_id"
  mime_types=$(sed -n 's/^MimeType=//p' "$desktop")
  grep -qxF "$mime_type" <<<"${mime_types//;/$'\n'}" || fail "the .desktop file lacks MimeType $mime_type"
fi

# appstreamcli exits non-zero on errors and warnings; its infos are not accepted either (pedantic
# notes are). --no-net: no URL checks.
if [[ -f $metainfo ]]; then
  if ! out=$(appstreamcli validate --no-net "$metainfo" 2>&1) || grep -q '^I:' <<<"$out"; then
    fail "appstreamcli validate: $out"
  else
    pass "appstreamcli validate --no-net"
  fi
  # The installed tree as a whole: the metainfo with the .desktop file it launches.
  if ! out=$(appstreamcli validate-tree --no-net "$root" 2>&1) || grep -q '^ *I:' <<<"$out"; then
    fail "appstreamcli validate-tree: $out"
  else
    pass "appstreamcli validate-tree --no-net"
  fi
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
    fail "the metainfo's launchable is not $app_id.desktop"
fi

if [[ -f $icon ]]; then
  if ! out=$(xmllint --noout "$icon" 2>&1); then fail "xmllint on the icon: $out"; fi
  grep -q 'viewBox="0 0 128 128"' "$icon" || fail "the icon's viewBox is not 0 0 128 128"
fi

if [[ -f $mime ]]; then
  if ! out=$(xmllint --noout "$mime" 2>&1); then
    fail "xmllint --noout on the MIME XML: $out"
  else
    pass "xmllint --noout"
  fi
  # What shared-mime-info makes of it: the glob and the parent type.
  mkdir -p "$tmp/mime/packages"
  cp "$mime" "$tmp/mime/packages/"
  # (XDG_DATA_HOME names $tmp only so that it does not note that $tmp is off the search path.)
  out=$(XDG_DATA_HOME=$tmp update-mime-database "$tmp/mime" 2>&1) || fail "update-mime-database failed: $out"
  [[ -z $out ]] || fail "update-mime-database: $out"
  grep -qx "[0-9]*:$mime_type:\*\.spheres\.json" "$tmp/mime/globs2" ||
    fail "shared-mime-info does not map *.spheres.json to $mime_type"
  grep -qx "$mime_type application/json" "$tmp/mime/subclasses" ||
    fail "shared-mime-info does not make $mime_type a sub-class of application/json"
fi

# --- Debian: man page, changelog, copyright ----------------------------------------------------
if [[ -f $root/usr/share/man/man1/spheres.1.gz ]]; then
  begin
  # The installed page is the program's own, so it cannot drift from --help.
  QT_QPA_PLATFORM=offscreen "$build/app/spheres" --manpage >"$tmp/expected.1" || fail "spheres --manpage failed"
  zcat "$root/usr/share/man/man1/spheres.1.gz" >"$tmp/spheres.1"
  cmp -s "$tmp/spheres.1" "$tmp/expected.1" || fail "the installed spheres.1 is not what spheres --manpage prints"
  for section in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS '"EXIT STATUS"' FILES ENVIRONMENT EXAMPLES; do
    grep -q "^\.SH $section" "$tmp/spheres.1" || fail "spheres.1 has no $section section"
  done
  for command in export link validate; do
    grep -q "^\.SS \"spheres $command\"" "$tmp/spheres.1" || fail "spheres.1 does not describe spheres $command"
  done
  if command -v groff >/dev/null; then
    out=$(groff -man -Tutf8 -ww -z "$tmp/spheres.1" 2>&1) || fail "groff cannot format spheres.1"
    [[ -z $out ]] || fail "groff warns about spheres.1: $out"
  fi
  passed "spheres.1: generated, every section and command"
fi
changelog=$root/usr/share/doc/spheres/changelog.gz
if [[ -f $changelog ]]; then
  begin
  first=$(zcat "$changelog" | head -1)
  [[ $first == "spheres ($(field Version)) "*"; urgency="* ]] || fail "the changelog's first entry is not this version: $first"
  zcat "$changelog" | grep -Eq '^ -- [^<]+ <[^>]+@[^>]+>  [A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9:]{8} [+-][0-9]{4}$' ||
    fail "the changelog has no well-formed trailer line"
  passed "changelog.gz: $first"
fi
copyright=$root/usr/share/doc/spheres/copyright
if [[ -f $copyright ]]; then
  begin
  head -1 "$copyright" | grep -qx 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' ||
    fail "copyright is not machine-readable (DEP-5): no Format line"
  # Every licence a Files paragraph names has its text in a stand-alone License paragraph.
  used=$(sed -n 's/^License: //p' "$copyright" | tr ' ' '\n' | grep -v '^and$' | sort -u)
  for licence in Expat ISC public-domain CC-BY-4.0; do
    grep -qx "$licence" <<<"$used" || fail "copyright does not cover $licence"
  done
  for licence in $used; do
    awk -v l="License: $licence" 'prev == "" && $0 == l { found = 1 } { prev = $0 } END { exit !found }' "$copyright" ||
      fail "copyright has no stand-alone text for the licence $licence"
  done
  grep -q 'Copyright 2013-2019 Michael Bostock\|2013-2019 Michael Bostock' "$copyright" || fail "copyright lacks world-atlas's ISC notice"
  passed "copyright: DEP-5, licences $(tr '\n' ' ' <<<"$used")"
fi

# --- Icons and screenshots -----------------------------------------------------------------------
begin
for size in "${icon_sizes[@]}"; do
  for png in "$root/usr/share/icons/hicolor/${size}x$size/apps/$app_id.png" \
    "$root/usr/share/icons/hicolor/${size}x$size/mimetypes/$mime_icon.png"; do
    [[ -f $png ]] || continue
    file -b "$png" | grep -q "^PNG image data, $size x $size, 8-bit/color RGBA" ||
      fail "${png#"$root"} is not a $size×$size RGBA PNG: $(file -b "$png")"
  done
done
for shot in window central-asia; do
  png=$root/usr/share/spheres/screenshots/$shot.png
  [[ -f $png ]] || continue
  file -b "$png" | grep -q '^PNG image data, 1600 x 1000' || fail "screenshot $shot is not 1600×1000: $(file -b "$png")"
  # A real picture of the map, not a blank window: a blank 1600×1000 PNG compresses to a few KB.
  (($(stat -c %s "$png") > 100000)) || fail "screenshot $shot is almost empty ($(stat -c %s "$png") bytes)"
done
passed "icons at ${icon_sizes[*]} px (application and brief type), screenshots"

# --- No placeholders ---------------------------------------------------------------------------------
if grep -rIl 'example\.org\|example\.com' "$root" >"$tmp/placeholders"; then
  fail "placeholder addresses in: $(tr '\n' ' ' <"$tmp/placeholders")"
fi
if [[ -f $metainfo ]]; then
  grep -q "<release version=\"$(field Version)\" date=\"[0-9-]*\"" "$metainfo" ||
    fail "the metainfo has no release entry for $(field Version)"
fi

# --- Hardening and lintian -----------------------------------------------------------------------------
if [[ -f $binary ]]; then
  # PIE, stack protector, RELRO and BIND_NOW must show in the binary. Three checks are left to the
  # flags, since no Debian 12 binary can pass them: fortify finds no *_chk call in code whose only
  # fortifiable calls are memcpy/memset of run-time sizes; glibc's Scrt1.o and crti.o carry no
  # IBT/SHSTK note, so the linker drops -fcf-protection's marking; stack-clash probes appear only
  # in frames over a page. That the build asks for all three is checked in build.ninja instead.
  for elf in "$binary" "$module"; do
    hardening-check "$elf" >"$tmp/hardening.log" 2>&1 || true
    if ! out=$(hardening-check --quiet --nofortify --nocfprotection "$elf" 2>&1); then
      fail "hardening-check: $out"
    else
      pass "hardening-check ${elf#"$root"}: $(sed -n 's/^ \([^:]*\): yes.*/\1/p' "$tmp/hardening.log" | paste -sd, -)"
    fi
  done
  for flag in -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fstack-clash-protection -fcf-protection '-z,relro' '-z,now'; do
    grep -q -- "$flag" "$build/build.ninja" || fail "the build does not use $flag"
  done
fi
# No errors and no warnings; what is overridden (usr/share/lintian/overrides/spheres) says why.
lintian --no-cfg --info "$deb" >"$tmp/lintian.log" 2>&1 || true
if grep -Eq '^[EW]: ' "$tmp/lintian.log"; then
  fail "lintian: $(grep -E '^[EW]: ' "$tmp/lintian.log")"
else
  pass "lintian: no errors or warnings ($(grep -c '^[IPX]: ' "$tmp/lintian.log") notes)"
fi

if ((failures > 0)); then
  echo "tst_package: $failures check(s) failed (package: $deb)" >&2
  exit 1
fi
echo "tst_package: all checks passed"
