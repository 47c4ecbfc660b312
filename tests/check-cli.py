#!/usr/bin/env python3
"""juesuan-cli end to end: exit codes, messages, round trips, hostile files.

Usage: check-cli.py JUESUAN_CLI SOURCE_ROOT
Prints TAP.
"""
import os, shutil, sqlite3, subprocess, sys, tempfile

CLI, ROOT = sys.argv[1], sys.argv[2]
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
tests = []


def test(fn):
    tests.append(fn)
    return fn


def run(*args, env=ENV):
    p = subprocess.run([CLI, *args], capture_output=True, text=True, env=env)
    return p.returncode, p.stdout, p.stderr


def must(cond, what):
    if not cond:
        raise AssertionError(what)


def read(path):
    with open(path, "rb") as f:
        return f.read()


TMP = tempfile.mkdtemp(prefix="jue-cli-")


def fresh(name, sample=True):
    path = os.path.join(TMP, name)
    if os.path.exists(path):
        os.unlink(path)
    rc, out, err = run("new", *(["--sample"] if sample else []), path)
    must(rc == 0, "new failed: %s" % err)
    return path


@test
def new_info_get():
    f = fresh("a.juesuan")
    rc, out, err = run("info", f)
    must(rc == 0, err)
    must("Schema version\t7" in out, out)
    must("遂宁市科学技术局" in out and "2024" in out, out)
    rc, out, _ = run("get", f, "income.general_budget")
    must(rc == 0 and out == "1447.01\n", out)
    rc, out, err = run("new", f)
    must(rc == 1 and "already exists" in err, err)


@test
def set_get_round_trip_full_width():
    f = fresh("b.juesuan")
    for typed, stored in [("１，４４７．０２万元", "1447.02"), (" 14470300元 ", "1447.03"),
                          ("2.980012", "2.980012"), ("", "")]:
        rc, _, err = run("set", f, "income.general_budget", typed)
        must(rc == 0, err)
        rc, out, _ = run("get", f, "income.general_budget")
        must(out == stored + "\n", "%r → %r" % (typed, out))
    rc, _, _ = run("set", f, "special_funds[0].indicators[0].actual", "591，230")
    rc, out, _ = run("get", f, "special_funds[0].indicators[0].actual")
    must(out == "591，230\n", out)
    rc, _, _ = run("set", f, "profile.duties", "第一段\n第二段")
    rc, out, _ = run("paths", f)
    must("profile.duties\ttext\t第一段\\n第二段\n" in out, "multi-line text escaped in paths")


@test
def refused_value_exit_1_file_unchanged():
    f = fresh("c.juesuan")
    before = read(f)
    rc, _, err = run("set", f, "functional[1].actual", "329.5x")
    must(rc == 1, "exit %d" % rc)
    must("functional[1].actual" in err and "329.5x" in err, err)
    rc, _, err = run("set", f, "functional[99].actual", "1")
    must(rc == 1 and "functional[99].actual" in err, err)
    rc, _, err = run("set", f, "income.nonsense", "1")
    must(rc == 1 and "income.nonsense" in err, err)
    rc, _, err = run("get", f, "income.nonsense")
    must(rc == 1 and "income.nonsense" in err, err)
    rc, _, err = run("remove", f, "functional[17]")
    must(rc == 1, err)
    must(read(f) == before, "file changed by refused edits")


@test
def paths_types_and_values():
    f = fresh("d.juesuan")
    rc, out, _ = run("paths", f)
    must(rc == 0, "paths")
    lines = out.splitlines()
    types = {l.split("\t")[1] for l in lines}
    must(types == {"text", "amount", "integer", "percent", "choice", "date"}, types)
    d = {l.split("\t")[0]: l.split("\t", 2)[2] for l in lines}
    must(d["expenditure.basic"] == "708.77", d["expenditure.basic"])
    must(d["three_public.abroad.actual"] == "3.25", "abroad")
    must(d["profile.staff.in_service"] == "29", "staff")
    must(d["special_funds[2].indicators[4].weight"] == "105", "附件4 weight 105")
    # every path from `paths` reads back with get
    for path in ["functional[16].actual", "dept_eval.indicators[0].weight", "glossary[29].term"]:
        rc, out, _ = run("get", f, path)
        must(rc == 0 and out.rstrip("\n") == d[path], path)


@test
def lists_add_remove_move():
    f = fresh("e.juesuan", sample=False)
    for name in ["甲", "乙", "丙"]:
        rc, out, _ = run("add", f, "profile.offices")
        idx = out.strip()
        run("set", f, idx + ".name", name)
    rc, out, _ = run("move", f, "profile.offices[2]", "0")
    must(rc == 0, "move")
    rc, out, _ = run("remove", f, "profile.offices[1]")
    rc, out, _ = run("paths", f, "profile.offices")
    must(out == "profile.offices[0].name\ttext\t丙\nprofile.offices[1].name\ttext\t乙\n", out)
    rc, out, _ = run("add", f, "profile.offices", "1")
    must(out.strip() == "profile.offices[1]", out)


@test
def hostile_files_exit_2_unchanged():
    cases = {}
    p = os.path.join(TMP, "text.juesuan"); open(p, "w").write("不是数据库\n"); cases[p] = "not an SQLite database"
    p = os.path.join(TMP, "foreign.juesuan")
    db = sqlite3.connect(p); db.execute("create table t(x)"); db.commit(); db.close()
    cases[p] = "not a Juesuan report"
    p = fresh("newer.juesuan", sample=False)
    db = sqlite3.connect(p); db.execute("pragma user_version = 9"); db.commit(); db.close()
    cases[p] = "newer version"
    p = fresh("trigger.juesuan", sample=False)
    db = sqlite3.connect(p)
    db.execute("create trigger t after update on field begin select 1; end"); db.commit(); db.close()
    cases[p] = "trigger"
    p = fresh("trunc.juesuan")
    data = read(p); open(p, "wb").write(data[: len(data) // 3])
    cases[p] = "damaged"
    for path, says in cases.items():
        before = read(path)
        for cmd in (["info", path], ["show", path], ["paths", path], ["get", path, "profile.name"],
                    ["set", path, "profile.name", "x"]):
            rc, _, err = run(*cmd)
            must(rc == 2, "%s %s → exit %d (%s)" % (cmd[0], path, rc, err))
            must(says in err and path in err, err)
        must(read(path) == before, "%s changed" % path)
        must(not os.path.exists(path + "-journal"), "journal left")
    rc, _, err = run("info", os.path.join(TMP, "missing.juesuan"))
    must(rc == 2 and "missing.juesuan" in err, err)


@test
def read_commands_never_write():
    f = fresh("ro.juesuan")
    before = read(f)
    st = os.stat(f)
    for cmd in (["info", f], ["show", f], ["paths", f], ["get", f, "profile.name"]):
        must(run(*cmd)[0] == 0, cmd[0])
    must(read(f) == before and os.stat(f).st_mtime_ns == st.st_mtime_ns, "read-only command wrote")


@test
def show_lists_seed_numbers():
    f = fresh("show.juesuan")
    rc, out, _ = run("show", f)
    must(rc == 0, "show")
    for figure in ["1447.01 万元", "708.77 万元", "738.24 万元", "630.27 万元", "78.50 万元",
                   "3.25 万元", "2.98 万元", "329.53 万元", "195.00 万元", "550.34 万元",
                   "90.96", "99.45", "591，230", "满意"]:
        must(figure in out, "show lacks %s" % figure)
    zh = dict(ENV, LC_ALL="zh_CN.UTF-8", LANG="zh_CN.UTF-8")
    rc, out, _ = run("show", f, env=zh)
    must("一般公共预算财政拨款收入：1447.01 万元" in out, "Chinese labels in show")


@test
def usage_errors():
    rc, _, err = run()
    must(rc == 2, "no args")
    rc, _, err = run("frobnicate")
    must(rc == 2 and "frobnicate" in err, err)
    rc, _, err = run("set", "x.juesuan")
    must(rc == 2 and "Usage" in err, err)


@test
def field_paths_doc_in_step():
    rc, out, _ = run("schema")
    doc = open(os.path.join(ROOT, "docs", "field-paths.md"), encoding="utf-8").read()
    for line in out.splitlines():
        pattern, typ, label = line.split("\t")
        row = "| `%s` | %s | %s |" % (pattern, typ, label)
        must(row in doc, "docs/field-paths.md lacks: " + row)
    table = doc[doc.index("## Every field"):]
    must(table.count("\n| `") == len(out.splitlines()), "docs/field-paths.md lists removed paths")


@test
def empty_table_marked_listed_checked_exported():
    f = fresh("empty.juesuan")
    rc, out, err = run("empty", f, "表10", "本单位无政府性基金收支")
    must(rc == 0, err)
    rc, out, _ = run("empty", f)
    must(out == "表10\t政府性基金预算财政拨款收入支出决算表\tgov_fund\t本单位无政府性基金收支\n", out)
    # the path works too
    must(run("get", f, "empty_tables[0].table")[1] == "gov_fund\n", "get by path")
    rc, out, _ = run("validate", f)
    must("E-EMPTY-TABLE-FIGURES" not in out, out)
    # a figure in a table marked empty is an error naming the table and the figure
    must(run("set", f, "gov_fund.income", "3")[0] == 0, "set")
    rc, out, _ = run("validate", f)
    must(rc == 1 and f + ": error E-EMPTY-TABLE-FIGURES empty_tables[0].table: 表10 "
         "政府性基金预算财政拨款收入支出决算表 is marked empty (本表为空表) but holds figures: "
         "本年收入 of 合计 is 3.00" in out, out)
    must(run("set", f, "gov_fund.income", "0")[0] == 0, "set")
    # printed as the note and the reason
    d = os.path.join(TMP, "empty-published")
    shutil.rmtree(d, ignore_errors=True)
    rc, _, err = run("export", "--format", "csv", "--published", f, d)
    must(rc == 0, err)
    name = [n for n in os.listdir(d) if n.startswith("10_")][0]
    text = open(os.path.join(d, name), encoding="utf-8-sig", newline="").read()
    must("\r\n本表为空表," in text and "\r\n本单位无政府性基金收支," in text, text)
    # and read back from the published tables: the mark and its reason
    g = os.path.join(TMP, "empty-imported.juesuan")
    if os.path.exists(g):
        os.unlink(g)
    rc, _, err = run("import", d, g)
    must(rc == 0, err)
    must(run("empty", g)[1] == "表10\t政府性基金预算财政拨款收入支出决算表\tgov_fund\t本单位无政府性基金收支\n",
         run("empty", g)[1])
    # an unknown table: refused, named, the file unchanged
    before = read(f)
    rc, _, err = run("empty", f, "表99", "x")
    must(rc == 1 and "表99" in err, err)
    must(read(f) == before, "file changed on refusal")
    # cleared
    must(run("empty", "--clear", f, "gov_fund")[0] == 0, "clear")
    must(run("empty", f)[1] == "", "nothing listed after --clear")


@test
def empty_table_read_from_a_foreign_workbook():
    # a table printed with its reason in the same cell, as some units type it
    f = fresh("foreign.juesuan")
    d = os.path.join(TMP, "foreign-published")
    shutil.rmtree(d, ignore_errors=True)
    must(run("export", "--format", "csv", "--published", f, d)[0] == 0, "export")
    name = [n for n in os.listdir(d) if n.startswith("10_")][0]
    path = os.path.join(d, name)
    text = open(path, encoding="utf-8-sig", newline="").read()
    lines = text.split("\r\n")
    k = [i for i, l in enumerate(lines) if l.startswith(",合计,")][0]
    lines[k] = "本表为空表（本单位2024年度无政府性基金收支）" + "," * (lines[k].count(","))
    open(path, "w", encoding="utf-8-sig", newline="").write("\r\n".join(lines))
    g = os.path.join(TMP, "foreign-imported.juesuan")
    if os.path.exists(g):
        os.unlink(g)
    rc, _, err = run("import", d, g)
    must(rc == 0, err)
    rc, out, _ = run("empty", g)
    must(out == "表10\t政府性基金预算财政拨款收入支出决算表\tgov_fund\t本单位2024年度无政府性基金收支\n", out)


@test
def add_row_by_code():
    f = fresh("bycode.juesuan")
    rc, out, err = run("add", "--code", "2080599", f, "accounts")
    must(rc == 0 and out == "accounts[13]\n", (out, err))
    for field, want in (("code", "2080599"), ("class_name", "社会保障和就业支出"),
                        ("kuan_name", "行政事业单位养老支出"), ("xiang_name", "其他行政事业单位养老支出")):
        got = run("get", f, "accounts[13]." + field)[1]
        must(got == want + "\n", (field, got))
    must(run("get", f, "accounts[12].code")[1] == "2080505\n", "code order")
    # refused, the file unchanged: the same code, a 款 code, a list without codes
    before = read(f)
    rc, _, err = run("add", "--code", "2080599", f, "accounts")
    must(rc == 1 and "already has a row with the code 2080599: row 14" in err, err)
    rc, _, err = run("add", "--code", "20805", f, "functional")
    must(rc == 1 and "“20805” is not a code" in err and "7-digit" in err, err)
    rc, _, err = run("add", "--code", "301", f, "glossary")
    must(rc == 1 and "glossary" in err, err)
    must(read(f) == before, "file changed on refusal")
    rc, out, _ = run("add", "--code", "30101", f, "economic")
    must(rc == 0 and run("get", f, "economic[0].name")[1] == "基本工资\n", out)


print("1..%d" % len(tests))
failed = 0
for i, t in enumerate(tests, 1):
    try:
        t()
        print("ok %d %s" % (i, t.__name__))
    except Exception as e:  # noqa
        failed += 1
        print("not ok %d %s" % (i, t.__name__))
        for l in str(e).splitlines():
            print("# " + l)
if not failed:
    shutil.rmtree(TMP, ignore_errors=True)
sys.exit(1 if failed else 0)
