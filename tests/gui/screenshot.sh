#!/bin/sh
# Screenshots of juesuan on the built-in sample, for docs/screenshots/.
# Builds nothing: takes the built (or installed) juesuan and juesuan-cli.
#
#   tests/gui/screenshot.sh [BUILDDIR] [OUTDIR]
#
# Each shot runs the program on its own virtual X server
# (xvfb-run -s '-screen 0 1400x900x24'), waits for it to settle and
# captures the root window with ImageMagick's import, cropped to the
# window.  Needs: xvfb, xauth, imagemagick (and xdotool, if present, to move
# the pointer out of the way).
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/build}
out=${2:-$src/docs/screenshots}
wait=${JUESUAN_SHOT_WAIT:-6}

juesuan=$build/app/gui/juesuan
cli=$build/app/cli/juesuan-cli
[ -x "$juesuan" ] || juesuan=$(command -v juesuan)
[ -x "$cli" ] || cli=$(command -v juesuan-cli)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
"$cli" new --sample "$tmp/sample.juesuan" >/dev/null

# shot LANG SECTION FILE
shot () {
  cat > "$tmp/run.sh" <<SCRIPT
#!/bin/sh
LANG=$1 LC_ALL=$1 GSETTINGS_BACKEND=memory GSK_RENDERER=cairo GTK_A11Y=none \
GSETTINGS_SCHEMA_DIR="$build/resources" "$juesuan" --section "$2" "$tmp/sample.juesuan" &
pid=\$!
sleep $wait
# the pointer away from the window, so no tooltip covers it
command -v xdotool >/dev/null && xdotool mousemove 1399 899 && sleep 1
import -window root -crop 1280x860+0+0 +repage "$tmp/shot.png"
kill \$pid
SCRIPT
  chmod +x "$tmp/run.sh"
  xvfb-run -a -s '-screen 0 1400x900x24' "$tmp/run.sh" 2>/dev/null
  # 256 colours keep the file small and the text sharp
  convert "$tmp/shot.png" -colors 256 "PNG8:$out/$3"
  echo "$out/$3"
}

shot zh_CN.UTF-8 income-expenditure window-zh_CN.png
shot C.UTF-8 income-expenditure window-en.png
shot zh_CN.UTF-8 functional functional-zh_CN.png
shot zh_CN.UTF-8 "special_funds[2].indicators" special-fund-zh_CN.png
shot zh_CN.UTF-8 findings findings-zh_CN.png
