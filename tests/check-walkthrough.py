#!/usr/bin/env python3
"""juesuan-cli as an accountant and a reviewer use it (session 5's trial):
what trying it found, each as the user notices it.

Usage: check-walkthrough.py JUESUAN_CLI
Prints TAP.
"""
import hashlib, os, sys
from checklib import CLI, ENV, TMP, test, run, must, fresh, sample, table, main

ZH = dict(os.environ, LC_ALL="zh_CN.UTF-8", LANG="zh_CN.UTF-8", LANGUAGE="zh_CN")


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


@test
def counts_are_never_negative():
    """-3 staff, a year of -2024 or 2.5 vehicles is refused, naming the
    field and saying why (2.5 was "more than 6 decimal places", -3 was
    accepted); the file is unchanged.  A negative count already in a file
    opens, kept as typed and flagged."""
    f = sample("counts.juesuan")
    before = digest(f)
    for path, value, why in [
        ("profile.staff.in_service", "-3", "“-3”小于 0：数量或年度不能为负数"),
        ("profile.year", "－２０２４", "“－２０２４”小于 0"),
        ("other.assets.vehicles_other", "2.5", "“2.5”不是整数：带有小数"),
    ]:
        rc, out, err = run("set", f, path, value, env=ZH)
        must(rc == 1, "%s %s: exit %d, %s" % (path, value, rc, err))
        must(err.startswith("juesuan-cli: %s: " % path) and why in err, err)
        must(digest(f) == before, "the file changed")
    must(table("paths", f)["profile.staff.in_service"] == ("integer", "29"), "kept")
    # 0 is a count
    rc, _, err = run("set", f, "other.assets.vehicles_other", "0")
    must(rc == 0, err)


if __name__ == "__main__":
    sys.exit(main())
