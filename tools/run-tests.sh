#!/bin/sh
# Installs what is needed, builds Juesuan and runs every test.
set -eu
cd "$(dirname "$0")/.."

tools/install-deps.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build
meson test -C build --setup full --print-errorlogs

# The sanitizer build (issue 10 part 7): the whole suite again under
# AddressSanitizer and UndefinedBehaviorSanitizer, GUI tests included (they
# draw with cairo, so no GL driver is loaded).
[ -f build-asan/build.ninja ] || meson setup build-asan -Db_sanitize=address,undefined
meson compile -C build-asan
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 meson test -C build-asan --print-errorlogs
