#!/bin/sh
# kill-window.sh [N] [BUILDDIR] — kills the window N times (default 30) with
# SIGKILL while it types into a report, under Xvfb, and reopens the report
# after each kill: the window must open it without an error dialog (its
# debug log says "error shown" for every dialog), validate must open it and
# SQLite's integrity_check must say ok.  Prints the figures.
# Needs xvfb, xdotool, sqlite3.
set -u
n=${1:-30}
build=${2:-build}
build=$(cd "$build" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/app/cli/juesuan-cli" new --sample "$tmp/r.juesuan" >/dev/null

cat > "$tmp/run.sh" <<SCRIPT
#!/bin/sh
export LANG=C.UTF-8 LC_ALL=C.UTF-8 GSETTINGS_BACKEND=memory GSK_RENDERER=cairo GTK_A11Y=none
export GSETTINGS_SCHEMA_DIR="$build/resources"
kills=0; journals=0; bad=0
i=0
while [ \$i -lt $n ]; do
  i=\$((i + 1))
  "$build/app/gui/juesuan" --section profile "$tmp/r.juesuan" 2>/dev/null &
  pid=\$!
  xdotool search --sync --onlyvisible --class juesuan >/dev/null 2>&1
  sleep 0.5
  # into the department name (the first field at the default size), then
  # type until killed
  xdotool mousemove 430 108 click 1 >/dev/null 2>&1; sleep 0.2
  xdotool key ctrl+a >/dev/null 2>&1
  xdotool type --delay 15 "单位名称改了又改abcdefghij0123456789单位名称改了又改" >/dev/null 2>&1 &
  typer=\$!
  sleep 0.\$(shuf -i 1-9 -n 1)
  kill -9 \$pid; wait \$pid 2>/dev/null
  kill \$typer 2>/dev/null; wait \$typer 2>/dev/null
  kills=\$((kills + 1))
  [ -e "$tmp/r.juesuan-journal" ] && journals=\$((journals + 1))
  # reopen: no error dialog, validate opens it, integrity ok
  G_MESSAGES_DEBUG=Juesuan JUESUAN_QUIT_AFTER_FIRST_FRAME=1 \
    "$build/app/gui/juesuan" "$tmp/r.juesuan" > "$tmp/log" 2>&1
  if grep -q "error shown" "$tmp/log"; then bad=\$((bad + 1)); grep "error shown" "$tmp/log"; fi
  "$build/app/cli/juesuan-cli" validate "$tmp/r.juesuan" >/dev/null 2>&1
  [ \$? -le 1 ] || { bad=\$((bad + 1)); echo "validate refused it after kill \$i"; }
  [ "\$(sqlite3 "$tmp/r.juesuan" 'pragma integrity_check')" = ok ] || { bad=\$((bad + 1)); echo "integrity after kill \$i"; }
done
"$build/app/cli/juesuan-cli" new --sample "$tmp/fresh.juesuan" >/dev/null
changed=\$(diff "\$("$build/app/cli/juesuan-cli" paths "$tmp/fresh.juesuan" > "$tmp/a"; echo "$tmp/a")" \
               "\$("$build/app/cli/juesuan-cli" paths "$tmp/r.juesuan" > "$tmp/b"; echo "$tmp/b")" | grep -c '^>')
echo "window kills: \$kills, journals left: \$journals, reopened without a message: \$((kills - bad)); fields typed into: \$changed"
[ \$bad -eq 0 ]
SCRIPT
chmod +x "$tmp/run.sh"
xvfb-run -a -s '-screen 0 1400x900x24' "$tmp/run.sh"
