#!/bin/sh
# Checks the shared-mime-info definition of application/x-juesuan:
#  - it is well-formed XML (xmllint, when installed);
#  - update-mime-database accepts it (into a private database, with the system's
#    freedesktop.org.xml next to it so application/vnd.sqlite3 exists);
#  - GIO, reading only that database, calls an SQLite file with
#    PRAGMA application_id=0x4A554553 application/x-juesuan by its content alone (no
#    extension), calls a plain SQLite file application/vnd.sqlite3, and a *.juesuan
#    name application/x-juesuan.
#
# Usage: check-mime.sh MIME_XML APP_ID

set -u

mime_xml=$1
app_id=$2
app_id_pragma=$((0x4A554553))   # "JUES" = 1247102291; JUE_APPLICATION_ID in app/core/jue-store.h

for tool in update-mime-database gio; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool not found (apt: shared-mime-info, libglib2.0-bin)"
        exit 77
    fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/juesuan-mime.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0
fail() { echo "FAIL: $*"; status=1; }

if command -v xmllint >/dev/null 2>&1; then
    xmllint --noout "$mime_xml" && echo "ok: xmllint" || fail "xmllint rejects $mime_xml"
else
    echo "note: xmllint not found (apt: libxml2-utils); not checking well-formedness separately"
fi

# --- a private MIME database -------------------------------------------------------
mkdir -p "$tmp/share/mime/packages" "$tmp/home"
freedesktop=
for d in $(echo "${XDG_DATA_DIRS:-/usr/local/share:/usr/share}:/usr/share" | tr ':' ' '); do
    if [ -f "$d/mime/packages/freedesktop.org.xml" ]; then
        freedesktop=$d/mime/packages/freedesktop.org.xml
        break
    fi
done
if [ -n "$freedesktop" ]; then
    cp "$freedesktop" "$tmp/share/mime/packages/"
else
    echo "note: freedesktop.org.xml not found; the SQLite parent type cannot be checked"
fi
cp "$mime_xml" "$tmp/share/mime/packages/$app_id.xml"

if ! update-mime-database "$tmp/share/mime" >"$tmp/update.log" 2>&1; then
    cat "$tmp/update.log"
    fail "update-mime-database rejects $mime_xml"
    exit 1
fi
# It only warns about unknown elements and attributes; those mean a typo in our file.
if grep -i "$app_id" "$tmp/update.log"; then
    fail "update-mime-database warns about $mime_xml"
fi

grep -qx 'application/x-juesuan' "$tmp/share/mime/types" \
    && echo "ok: application/x-juesuan is in the database" \
    || fail "application/x-juesuan is not in the compiled database"
grep -q '^[0-9]*:application/x-juesuan:\*\.juesuan' "$tmp/share/mime/globs2" \
    && echo "ok: glob *.juesuan" || fail "no glob *.juesuan in globs2"
if [ -n "$freedesktop" ]; then
    grep -qx 'application/x-juesuan application/vnd.sqlite3' "$tmp/share/mime/subclasses" \
        && echo "ok: sub-class of application/vnd.sqlite3" \
        || fail "application/x-juesuan is not a sub-class of application/vnd.sqlite3"
fi
# The magic file is binary; the header line of each rule is "[priority:type]".
grep -aq '^\[60:application/x-juesuan\]' "$tmp/share/mime/magic" \
    && echo "ok: magic rule with priority 60" || fail "no magic rule [60:application/x-juesuan]"

# --- sample files --------------------------------------------------------------------
make_db() {  # make_db FILE APPLICATION_ID
    if command -v sqlite3 >/dev/null 2>&1; then
        sqlite3 "$1" "PRAGMA application_id=$2; CREATE TABLE t (x);"
    else
        python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA application_id=%d" % int(sys.argv[2]))
c.execute("CREATE TABLE t (x)")
c.commit()' "$1" "$2"
    fi
}
mkdir -p "$tmp/files"
make_db "$tmp/files/report" "$app_id_pragma" || fail "cannot create an SQLite file"
make_db "$tmp/files/plain" 0 || fail "cannot create an SQLite file"
# 0x4A450553: one byte off from ours, to show the rule looks at all four bytes.
make_db "$tmp/files/near-miss" $((0x4A450553)) || fail "cannot create an SQLite file"
cp "$tmp/files/report" "$tmp/files/named.juesuan"

# The bytes the magic rule looks at, independent of any MIME implementation.
header=$(od -An -c -N 15 "$tmp/files/report" | tr -d ' \n')
[ "$header" = 'SQLiteformat3' ] && echo "ok: bytes 0-14 are \"SQLite format 3\"" \
    || fail "the SQLite header is \"$header\""
id_bytes=$(od -An -tx1 -j 68 -N 4 "$tmp/files/report" | tr -d ' \n')
[ "$id_bytes" = 4a554553 ] && echo "ok: bytes 68-71 are 4a 55 45 53" \
    || fail "PRAGMA application_id=$app_id_pragma wrote $id_bytes at offset 68, not 4a554553"

# --- detection through GIO, using only the private database -----------------------------
content_type() {
    env XDG_DATA_DIRS="$tmp/share" XDG_DATA_HOME="$tmp/home" GIO_USE_VFS=local \
        gio info -a standard::content-type "$1" 2>&1 \
        | sed -n 's/^ *standard::content-type: *//p'
}
expect_type() {  # expect_type FILE TYPE WHY
    got=$(content_type "$1")
    if [ "$got" = "$2" ]; then
        echo "ok: $(basename "$1") is $2 ($3)"
    else
        fail "$(basename "$1") is detected as '${got}', expected $2 ($3)"
    fi
}
expect_type "$tmp/files/report" application/x-juesuan "by content: SQLite header and application_id"
if [ -n "$freedesktop" ]; then
    expect_type "$tmp/files/plain" application/vnd.sqlite3 "an SQLite file of someone else"
    expect_type "$tmp/files/near-miss" application/vnd.sqlite3 "application_id 0x4A450553 is not ours"
fi
expect_type "$tmp/files/named.juesuan" application/x-juesuan "by the name *.juesuan"

[ $status -eq 0 ] && echo "OK: application/x-juesuan is defined and detected"
exit $status
