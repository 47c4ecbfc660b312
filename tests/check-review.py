#!/usr/bin/env python3
"""juesuan-cli validate --summary: a reviewer's folder of submissions (issue 13).

Usage: check-review.py JUESUAN_CLI
Prints TAP.  A folder holds a good report, one with an error, an incomplete
(blank) one, a foreign SQLite database, a text file and a truncated report,
all named *.juesuan, and a notes.txt beside them.  Each is listed as it is;
every file stays byte-identical and nothing is created in the folder.
"""
import csv, hashlib, io, os, shutil, sqlite3, subprocess, sys, tempfile, zipfile
from checklib import CLI, ENV, TMP, test, run, must, fresh, sample, table, main

ZH = dict(os.environ, LC_ALL="zh_CN.UTF-8", LANG="zh_CN.UTF-8", LANGUAGE="zh_CN")


def snapshot(folder):
    """name → (sha256, size, mtime_ns) of every entry, hidden ones too."""
    out = {}
    for name in sorted(os.listdir(folder)):
        p = os.path.join(folder, name)
        st = os.lstat(p)
        with open(p, "rb") as f:
            out[name] = (hashlib.sha256(f.read()).hexdigest(), st.st_size, st.st_mtime_ns)
    return out


def make_folder():
    folder = os.path.join(TMP, "submissions")
    if os.path.exists(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    scratch = os.path.join(TMP, "scratch")
    os.makedirs(scratch, exist_ok=True)

    def sample(name):
        p = os.path.join(folder, name)
        rc, _, err = run("new", "--sample", p)
        must(rc == 0, err)
        return p

    sample("erroneous.juesuan")                      # the seed's 附件4 weights: 1 error
    good = sample("good.juesuan")
    must(run("set", good, "special_funds[2].indicators[4].weight", "15")[0] == 0, "fix")
    rc, _, err = run("new", os.path.join(folder, "incomplete.juesuan"))
    must(rc == 0, err)
    db = sqlite3.connect(os.path.join(folder, "foreign.juesuan"))
    db.execute("CREATE TABLE t (x)")
    db.execute("INSERT INTO t VALUES (1)")
    db.commit()
    db.close()
    with open(os.path.join(folder, "text.juesuan"), "w") as f:
        f.write("这不是决算报告\n")
    whole = os.path.join(scratch, "whole.juesuan")
    if os.path.exists(whole):
        os.unlink(whole)
    must(run("new", "--sample", whole)[0] == 0, "whole")
    data = open(whole, "rb").read()
    with open(os.path.join(folder, "truncated.juesuan"), "wb") as f:
        f.write(data[: len(data) // 2])
    with open(os.path.join(folder, "notes.txt"), "w") as f:
        f.write("not a submission")
    # the files are as old as a received mail: a write would show in mtime
    for name in os.listdir(folder):
        os.utime(os.path.join(folder, name), ns=(1_600_000_000_000_000_000,) * 2)
    return folder


def table_rows(out):
    lines = out.rstrip("\n").split("\n")
    return lines[0], {l.split()[0].rsplit("/", 1)[-1]: l for l in lines[1:]}


@test
def each_submission_listed_as_it_is():
    folder = make_folder()
    before = snapshot(folder)
    rc, out, err = run("validate", "--summary", folder)
    must(rc == 2, "a file that cannot be opened makes exit 2: %d %s" % (rc, err))
    head, rows = table_rows(out)
    must(set(rows) == {"erroneous.juesuan", "good.juesuan", "incomplete.juesuan",
                       "foreign.juesuan", "text.juesuan", "truncated.juesuan"}, sorted(rows))
    must("Department" in head and "Errors" in head and "Completeness" in head, head)
    e = rows["erroneous.juesuan"].split()
    # file, 遂宁市科学技术局, 2024, errors, unexplained warnings, 941/950, 99%, score, self, gap
    must(e[1] == "遂宁市科学技术局" and e[2] == "2024", e)
    must(e[3] == "1" and e[4] == "7", "1 error, 7 warnings of the checks: %s" % e)
    must(e[5] == "941/950" and e[6] == "99%", e)
    must(e[7] == "99.43" and e[8] == "90.96" and e[9] == "+8.47", e)
    g = rows["good.juesuan"].split()
    must(g[3] == "0", "the fixed copy has no error: %s" % g)
    i = rows["incomplete.juesuan"].split()
    must(i[1] == "—" and i[3] == "0" and i[6] == "0%", "a blank report: %s" % i)
    for name, words in (("foreign.juesuan", "not a Juesuan report"),
                        ("text.juesuan", "not a Juesuan report"),
                        ("truncated.juesuan", "")):
        must("cannot be opened:" in rows[name], rows[name])
        must(words in rows[name], rows[name])
    must("notes.txt" not in out, "only .juesuan files are submissions")
    must(snapshot(folder) == before, "every file byte-identical, nothing created")


@test
def sorted_by_what_needs_attention():
    folder = make_folder()
    before = snapshot(folder)
    rc, out, _ = run("validate", "--summary", "--sort", "errors", folder)
    order = [l.split()[0].rsplit("/", 1)[-1] for l in out.rstrip("\n").split("\n")[1:]]
    must(order[:3] == ["foreign.juesuan", "text.juesuan", "truncated.juesuan"],
         "what cannot be opened first: %s" % order)
    must(order[3] == "erroneous.juesuan", "then the most errors: %s" % order)
    rc, out, _ = run("validate", "--summary", "--sort=completeness", folder)
    order = [l.split()[0].rsplit("/", 1)[-1] for l in out.rstrip("\n").split("\n")[1:]]
    must(order[3] == "incomplete.juesuan", "the least complete first: %s" % order)
    rc, out, _ = run("validate", "--summary", "--sort", "file", "--reverse", folder)
    order = [l.split()[0].rsplit("/", 1)[-1] for l in out.rstrip("\n").split("\n")[1:]]
    must(order == sorted(order, reverse=True), order)
    rc, _, err = run("validate", "--summary", "--sort", "colour", folder)
    must(rc == 2 and "colour" in err, err)
    must(snapshot(folder) == before, "sorting wrote nothing")


@test
def csv_and_xlsx():
    folder = make_folder()
    before = snapshot(folder)
    raw = subprocess.run([CLI, "validate", "--summary", "--format", "csv", folder],
                         capture_output=True, env=ENV).stdout
    must(raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw, raw[:40])
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    must(rows[0][:4] == ["File", "Department", "Year", "Errors"] and
         rows[0][-1] == "Cannot be opened", rows[0])
    by = {os.path.basename(r[0]): r for r in rows[1:]}
    must(len(by) == 6, by.keys())
    must(by["erroneous.juesuan"][1:11] == ["遂宁市科学技术局", "2024", "1", "7", "941", "950",
                                           "99", "99.43", "90.96", "8.47"], by["erroneous.juesuan"])
    must(by["truncated.juesuan"][1] == "" and by["truncated.juesuan"][11] != "",
         by["truncated.juesuan"])
    out = os.path.join(TMP, "summary.xlsx")
    if os.path.exists(out):
        os.unlink(out)
    rc, _, err = run("validate", "--summary", "--format", "xlsx", "--output", out, folder)
    must(rc == 2 and os.path.exists(out), "xlsx written (exit 2 for the unopenable): " + err)
    z = zipfile.ZipFile(out)
    shared = z.read("xl/sharedStrings.xml").decode("utf-8")
    must("遂宁市科学技术局" in shared and "erroneous.juesuan" in shared, shared[:200])
    sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    import re
    nums = [float(v) for v in re.findall(r'<c r="[C-K]2" s="\d+"><v>([^<]+)</v>', sheet)]
    must(len(nums) == 9 and 941 in nums and any(abs(v - 99.43) < 1e-9 for v in nums),
         "numbers as numbers: %s" % nums)
    rc, _, err = run("validate", "--summary", "--format", "xlsx", "--output", out, folder)
    must(rc == 2 and "already exists" in err, "an existing output is not replaced: " + err)
    rc, _, err = run("validate", "--summary", "--format", "xlsx", folder)
    must(rc == 2 and "--output" in err, err)
    must(snapshot(folder) == before, "exports wrote nothing in the folder")


@test
def chinese_headings():
    folder = make_folder()
    rc, out, _ = run("validate", "--summary", folder, env=ZH)
    head = out.split("\n")[0]
    must("部门" in head and "错误" in head, head)
    must("无法打开" in out, out)


@test
def a_file_held_by_a_hot_journal_is_read_without_a_write():
    # a submission copied in mid-write: its hot journal beside it
    folder = make_folder()
    src = os.path.join(folder, "good.juesuan")
    journal = src + "-journal"
    db = sqlite3.connect(src, isolation_level=None)
    db.execute("PRAGMA journal_mode=DELETE")
    db.close()
    # make a real hot journal: start a write, copy file + journal, abandon
    scratch = os.path.join(TMP, "hot")
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    work = os.path.join(scratch, "w.juesuan")
    shutil.copy(src, work)
    db = sqlite3.connect(work, isolation_level=None)
    db.execute("BEGIN IMMEDIATE")
    db.execute("UPDATE field SET value = '1' WHERE path = 'income.other'")
    db.execute("PRAGMA cache_size=1")
    shutil.copy(work, src)
    must(os.path.exists(work + "-journal"), "a write in progress has its journal")
    shutil.copy(work + "-journal", journal)
    db.execute("ROLLBACK")
    db.close()
    before = snapshot(folder)
    rc, out, err = run("validate", "--summary", folder)
    _, rows = table_rows(out)
    must("good.juesuan" in rows, out)
    must(snapshot(folder) == before, "nothing written, the journal left for its owner")


sys.exit(main())
