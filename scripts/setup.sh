#!/usr/bin/env bash
# Installs the Debian packages (scripts/packages.txt) and builds clause into build/.
# Usage: scripts/setup.sh   (uses sudo when not root)
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
packages=$(grep -v '^#' scripts/packages.txt | grep -v '^$' | tr '\n' ' ')
missing=$(dpkg-query -W -f='${Package} ${Status}\n' $packages 2>/dev/null | grep -v 'install ok installed' | cut -d' ' -f1 || true)
if [ -n "$missing" ] || ! dpkg-query -W $packages >/dev/null 2>&1; then
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $packages
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
