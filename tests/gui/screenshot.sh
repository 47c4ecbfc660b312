#!/bin/sh
# Screenshots of juesuan on the built-in sample, for docs/screenshots/.
# Builds nothing: takes the built (or installed) juesuan and juesuan-cli.
#
#   tests/gui/screenshot.sh [BUILDDIR] [OUTDIR]
#       the pictures of docs/screenshots/
#   tests/gui/screenshot.sh [--lang LANG] [--size WxH] [--review] [--no-file]
#                           [--keys KEYS] --section SECTION --out FILE [BUILDDIR]
#       one picture: a section (or field path) in a language (default
#       zh_CN.UTF-8) at a window size (default 1280x860); --review opens
#       the sample for review, --no-file shows the start page, --keys
#       types xdotool keys (e.g. F1) before the picture is taken
#
# Each shot runs the program on its own virtual X server
# (xvfb-run -s '-screen 0 1400x900x24'), waits for it to settle and
# captures the root window with ImageMagick's import, cropped to the
# window.  Needs: xvfb, xauth, imagemagick (and xdotool, if present, to move
# the pointer out of the way and to type --keys).
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
wait=${JUESUAN_SHOT_WAIT:-6}
lang=zh_CN.UTF-8
size=1280x860
review=
nofile=
keys=
section=
file=
while [ $# -gt 0 ]; do
  case $1 in
    --lang) lang=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --review) review=--review; shift ;;
    --no-file) nofile=1; shift ;;
    --keys) keys=$2; shift 2 ;;
    --section) section=$2; shift 2 ;;
    --out) file=$2; shift 2 ;;
    *) break ;;
  esac
done
build=${1:-$src/build}
out=${2:-$src/docs/screenshots}

juesuan=$build/app/gui/juesuan
cli=$build/app/cli/juesuan-cli
[ -x "$juesuan" ] || juesuan=$(command -v juesuan)
[ -x "$cli" ] || cli=$(command -v juesuan-cli)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$cli" new --sample "$tmp/sample.juesuan" >/dev/null

# shot LANG SECTION FILE: FILE is a path, or a name in OUTDIR
shot () {
  case $3 in */*) target=$3 ;; *) mkdir -p "$out"; target=$out/$3 ;; esac
  width=${size%x*}
  height=${size#*x}
  if [ -n "$nofile" ]; then args=; else args="$review --section $2 $tmp/sample.juesuan"; fi
  cat > "$tmp/run.sh" <<SCRIPT
#!/bin/sh
LANG=$1 LC_ALL=$1 GSETTINGS_BACKEND=memory GSK_RENDERER=cairo GTK_A11Y=none \
GSETTINGS_SCHEMA_DIR="$build/resources" "$juesuan" $args &
pid=\$!
sleep $wait
# the window opens at the default size (1280x860); another needs xdotool
if [ "$size" != 1280x860 ]; then
  xdotool search --onlyvisible --class juesuan windowsize --sync $width $height
  sleep 2
fi
# the pointer away from the window, so no tooltip covers it
command -v xdotool >/dev/null && xdotool mousemove 1399 899 && sleep 1
if [ -n "$keys" ]; then xdotool key $keys; sleep 2; fi
import -window root -crop ${width}x${height}+0+0 +repage "$tmp/shot.png"
kill \$pid
SCRIPT
  chmod +x "$tmp/run.sh"
  xvfb-run -a -s '-screen 0 1400x900x24' "$tmp/run.sh" 2>/dev/null
  # 256 colours keep the file small and the text sharp
  convert "$tmp/shot.png" -colors 256 "PNG8:$target"
  echo "$target"
}

if [ -n "$section$nofile" ]; then
  [ -n "$file" ] || { echo "screenshot.sh: --out FILE is needed with --section" >&2; exit 2; }
  shot "$lang" "${section:-profile}" "$file"
  exit 0
fi

shot zh_CN.UTF-8 income-expenditure window-zh_CN.png
shot C.UTF-8 income-expenditure window-en.png
shot zh_CN.UTF-8 functional functional-zh_CN.png
shot zh_CN.UTF-8 "special_funds[2].indicators" special-fund-zh_CN.png
shot zh_CN.UTF-8 findings findings-zh_CN.png
