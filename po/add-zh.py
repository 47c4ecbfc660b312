#!/usr/bin/env python3
"""Append zh_CN translations to po/zh_CN.po, safely while others do the same.

Usage: po/add-zh.py PAIRS.tsv     (lines: English msgid <TAB> Chinese msgstr;
                                   write \\n for a newline inside either)
       po/add-zh.py --missing     (print msgids of POTFILES that lack a translation)

Existing msgids are left alone (use --replace to overwrite their msgstr).
Plural entries: msgid<TAB>msgid_plural<TAB>msgstr[0].  Context: ctx\\x04msgid.
The file is locked while it is rewritten, and checked with msgfmt after.
"""
import fcntl, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PO = os.path.join(HERE, "zh_CN.po")


def esc(s):
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def unesc_arg(s):
    return s.replace("\\n", "\n").replace("\\t", "\t")


def existing_ids(text):
    ids = set()
    for m in re.finditer(r'^(?:msgctxt "((?:[^"\\]|\\.)*)"\n)?msgid ((?:"(?:[^"\\]|\\.)*"\n?)+)', text, re.M):
        parts = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(2))
        mid = "".join(parts)
        ctx = m.group(1)
        ids.add((ctx + "\x04" if ctx is not None else "") + mid)
    return ids


def missing():
    pot = tempfile.NamedTemporaryFile(suffix=".pot", delete=False).name
    root = os.path.dirname(HERE)
    files = [l.strip() for l in open(os.path.join(HERE, "POTFILES.in")) if l.strip() and not l.startswith("#")]
    cmd = ["xgettext", "--from-code=UTF-8", "-o", pot, "--keyword=_", "--keyword=N_",
           "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=g_dngettext:2,3",
           "--keyword=ngettext:1,2", "--add-comments=TRANSLATORS"] + files
    subprocess.run(cmd, cwd=root, check=True)
    out = subprocess.run(["msgmerge", "-q", "--no-fuzzy-matching", "-o", "-", PO, pot],
                         capture_output=True, text=True, check=True).stdout
    os.unlink(pot)
    stat = subprocess.run(["msgattrib", "--untranslated", "--no-obsolete", "-"], input=out,
                          capture_output=True, text=True).stdout
    for m in re.finditer(r'^msgid ((?:"(?:[^"\\]|\\.)*"\n?)+)', stat, re.M):
        mid = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))
        if mid:
            print(mid)


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "--missing":
        missing()
        return
    replace = "--replace" in sys.argv
    src = [a for a in sys.argv[1:] if a != "--replace"][0]
    pairs = []
    for line in open(src, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        pairs.append([unesc_arg(c) for c in cols])
    with open(PO, "r+", encoding="utf-8") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        text = f.read()
        have = existing_ids(text)
        added = 0
        for cols in pairs:
            mid = cols[0]
            ctx = None
            if "\x04" in mid:
                ctx, mid = mid.split("\x04", 1)
            key = (ctx + "\x04" if ctx else "") + mid
            if key in have:
                if not replace:
                    continue
                # drop the old entry
                pat = (r'\n(?:#[^\n]*\n)*' + (r'msgctxt "' + re.escape(esc(ctx)) + r'"\n' if ctx else '') +
                       r'msgid "' + re.escape(esc(mid)) + r'"\n(?:msgid_plural[^\n]*\n)?(?:msgstr[^\n]*\n)+')
                text = re.sub(pat, "\n", text, count=1)
            entry = "\n"
            if ctx:
                entry += 'msgctxt "%s"\n' % esc(ctx)
            entry += 'msgid "%s"\n' % esc(mid)
            if len(cols) == 3:
                entry += 'msgid_plural "%s"\nmsgstr[0] "%s"\n' % (esc(cols[1]), esc(cols[2]))
            else:
                entry += 'msgstr "%s"\n' % esc(cols[1])
            text = text.rstrip("\n") + "\n" + entry
            have.add(key)
            added += 1
        f.seek(0)
        f.write(text)
        f.truncate()
        fcntl.flock(f, fcntl.LOCK_UN)
    r = subprocess.run(["msgfmt", "--check", "-o", os.devnull, PO], capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        sys.exit(1)
    print("added %d" % added)


main()
