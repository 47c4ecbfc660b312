#!/bin/sh
# Installs the build into a temporary DESTDIR and checks that every file the desktop
# needs lands where it should.
#
# Usage: check-install.sh MESON BUILDDIR APP_ID GETTEXT_PACKAGE
#
# bin/juesuan (the GUI) is required only when the build defines a target named
# "juesuan", so the check keeps working in builds without the GUI.

set -u

meson=$1
builddir=$2
app_id=$3
domain=$4

tmp=$(mktemp -d "${TMPDIR:-/tmp}/juesuan-install.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# No --no-rebuild: `meson test --suite desktop` builds only what the selected tests use,
# so the programs may not be built yet; meson install builds them first.
if ! "$meson" install -C "$builddir" --destdir "$tmp/root" >"$tmp/install.log" 2>&1; then
    cat "$tmp/install.log"
    echo "FAIL: meson install --destdir failed"
    exit 1
fi

# Where things go, as configured (prefix, bindir, datadir and localedir can all be changed).
dirs=$("$meson" introspect "$builddir" --buildoptions | python3 -c '
import json, sys
opts = {o["name"]: o["value"] for o in json.load(sys.stdin)}
prefix = opts["prefix"]
for key in ("bindir", "datadir", "localedir"):
    value = opts[key]
    print(value if value.startswith("/") else prefix.rstrip("/") + "/" + value)
') || { echo "FAIL: meson introspect --buildoptions"; exit 1; }
bindir=$tmp/root$(echo "$dirs" | sed -n 1p)
datadir=$tmp/root$(echo "$dirs" | sed -n 2p)
localedir=$tmp/root$(echo "$dirs" | sed -n 3p)

has_gui=$("$meson" introspect "$builddir" --targets | python3 -c '
import json, sys
print("yes" if any(t["name"] == "juesuan" for t in json.load(sys.stdin)) else "no")
') || { echo "FAIL: meson introspect --targets"; exit 1; }

expected="
$bindir/juesuan-cli
$datadir/applications/$app_id.desktop
$datadir/metainfo/$app_id.metainfo.xml
$datadir/icons/hicolor/scalable/apps/$app_id.svg
$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg
$datadir/mime/packages/$app_id.xml
$datadir/glib-2.0/schemas/$app_id.gschema.xml
$localedir/zh_CN/LC_MESSAGES/$domain.mo
"
if [ "$has_gui" = yes ]; then
    expected="$bindir/juesuan
$expected"
else
    echo "note: the build has no target named juesuan (the GUI); not requiring bin/juesuan"
fi

status=0
for f in $expected; do
    rel=${f#"$tmp/root"}
    if [ -f "$f" ]; then
        echo "ok      $rel"
    else
        echo "MISSING $rel"
        status=1
    fi
done

for f in "$bindir/juesuan-cli" "$bindir/juesuan"; do
    if [ -f "$f" ] && [ ! -x "$f" ]; then
        echo "NOT EXECUTABLE ${f#"$tmp/root"}"
        status=1
    fi
done

# The installed .desktop and metainfo must be the merged ones, with Chinese in them.
for f in "$datadir/applications/$app_id.desktop" "$datadir/metainfo/$app_id.metainfo.xml"; do
    if [ -f "$f" ] && ! grep -q 'zh_CN' "$f"; then
        echo "NOT TRANSLATED ${f#"$tmp/root"} has no zh_CN strings"
        status=1
    fi
done

# AppStream's view of the installed tree: metainfo, its launchable .desktop file and icon
# must agree with each other.
if command -v appstreamcli >/dev/null 2>&1; then
    prefix_root=$tmp/root$(echo "$dirs" | sed -n 2p | sed 's,/share$,,')
    if appstreamcli validate-tree --no-net "$prefix_root" >"$tmp/tree.log" 2>&1; then
        echo "ok      appstreamcli validate-tree"
    else
        cat "$tmp/tree.log"
        echo "INVALID installed tree (appstreamcli validate-tree)"
        status=1
    fi
fi

if [ $status -ne 0 ]; then
    echo "FAIL: the installation is incomplete; installed files were:"
    (cd "$tmp/root" && find . -type f | sort)
else
    echo "OK: everything is installed"
fi
exit $status
