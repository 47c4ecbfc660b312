#!/bin/sh
# Installs what is needed, builds Juesuan and runs every test.
set -eu
cd "$(dirname "$0")/.."

tools/install-deps.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build
meson test -C build --setup full --print-errorlogs
