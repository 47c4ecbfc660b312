#!/bin/sh
# Installs what is needed, builds Juesuan, creates the built-in sample
# (the 2024 report of 遂宁市科学技术局) and opens it in the application.
set -eu
cd "$(dirname "$0")/.."

tools/install-deps.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build

sample="${JUESUAN_SAMPLE:-$HOME/遂宁市科学技术局-2024.juesuan}"
[ -e "$sample" ] || build/app/cli/juesuan-cli new --sample "$sample"

if [ -x build/app/gui/juesuan ]; then
  exec build/app/gui/juesuan "$sample"
else
  exec build/app/cli/juesuan-cli show "$sample"
fi
