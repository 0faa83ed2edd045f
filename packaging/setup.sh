#!/usr/bin/env bash
# Installs the Debian 12 packages Spheres needs to build, test and run. Idempotent: quiet and
# quick when everything is already there; uses sudo when not run as root.
set -euo pipefail

packages=(
  cmake ninja-build g++ ccache pkg-config
  qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev-tools
  # qt6-charts-dev does not depend on it, but Qt6ChartsConfig.cmake needs Qt6OpenGL
  libqt6opengl6-dev
  libgl1-mesa-dev libboost-dev
  # PNG files written with libpng itself (widgets/render/pngencoder.cpp)
  libpng-dev
  # users' own vector data (GeoPackage, Shapefile, KML, FlatGeobuf, CSV) through GDAL/OGR
  libgdal-dev
  fonts-dejavu-core
  # packaging (CPack's dpkg-shlibdeps, gzip for the man page and changelog) and tst_package's
  # validators: lintian, hardening-check (devscripts) and groff for the man page
  dpkg-dev file gzip desktop-file-utils appstream libxml2-utils shared-mime-info
  lintian devscripts groff-base
  # the tests read the briefing pack's pages back as text (pdftotext)
  poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
((${#missing[@]} == 0)) && exit 0

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "setup.sh: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "setup.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
