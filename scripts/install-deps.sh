#!/bin/sh
# install-deps.sh: install the Debian 12 packages Weerbaar needs to build, run and test.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs only what is missing. Uses sudo when not run as root.
# The list below is exactly what it installs; keep HACKING.md in step.
set -eu

PACKAGES="
build-essential
pkg-config
meson
ninja-build
gettext
libglib2.0-dev
libgtk-4-dev
libadwaita-1-dev
libsodium-dev
libsqlite3-dev
libnotify-dev
desktop-file-utils
appstream
appstream-util
xvfb
xauth
dbus-x11
at-spi2-core
gir1.2-atspi-2.0
python3
python3-gi
python3-pyatspi
python3-dogtail
python3-dbusmock
imagemagick
locales
tzdata
dbus
valgrind
"

if [ "${1:-}" = "--bench" ]; then
  PACKAGES="$PACKAGES libsqlcipher-dev"
fi
# make fuzz: clang with libFuzzer and the sanitizer runtimes.
if [ "${1:-}" = "--fuzz" ]; then
  PACKAGES="$PACKAGES clang libclang-rt-14-dev llvm"
fi

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -z "$missing" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
else
  SUDO="sudo"
fi

echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
# shellcheck disable=SC2086
$SUDO apt-get install -y --no-install-recommends $missing
