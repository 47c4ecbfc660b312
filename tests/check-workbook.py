#!/usr/bin/env python3
"""juesuan-cli import of workbooks, end to end: a new report from a workbook,
--into an existing report (figures replaced, texts kept), the same report
from every variant of tests/data/workbooks, refusals naming sheet and cell
(in English and in Chinese), nothing written on refusal.  With LibreOffice
installed, the fixture is re-saved by LibreOffice now (.xlsx → .xlsx and
→ .xls, as a user's spreadsheet program would) and must import identical.

Usage: check-workbook.py JUESUAN_CLI SOURCE_ROOT
Prints TAP.
"""
import os, shutil, subprocess, sys, tempfile

CLI, ROOT = sys.argv[1], sys.argv[2]
DATA = os.path.join(ROOT, "tests", "data", "workbooks")
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
ZH = dict(ENV, LC_ALL="zh_CN.UTF-8", LANG="zh_CN.UTF-8", LANGUAGE="zh_CN")
TMP = tempfile.mkdtemp(prefix="jue-workbook-")
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


def paths(report):
    code, out, err = run("paths", report)
    must(code == 0, err)
    return out


def imported(workbook, name):
    target = os.path.join(TMP, name)
    if os.path.exists(target):
        os.unlink(target)
    code, out, err = run("import", workbook, target)
    must(code == 0, f"import {workbook}: {err}")
    return target


BASE = None


def base():
    global BASE
    if BASE is None:
        BASE = paths(imported(os.path.join(DATA, "report.xlsx"), "base.juesuan"))
    return BASE


@test
def new_report_from_workbook():
    target = os.path.join(TMP, "new.juesuan")
    code, out, err = run("import", os.path.join(DATA, "report.xlsx"), target)
    must(code == 0, err)
    must("“三公”经费支出决算表" in out and "表7" in out, "says where each table was: " + out)
    code, out, err = run("get", target, "three_public.vehicle.operation.budget")
    must(out.strip() == "3.0046", "exact figure: " + out)
    code, out, err = run("get", target, "profile.name")
    must(out.strip() == "遂宁市科学技术局", "编制单位 read: " + out)


@test
def variants_import_the_same():
    for name in ("report.xls", "moved.xlsx", "yuan.xlsx"):
        got = paths(imported(os.path.join(DATA, name), name + ".juesuan"))
        must(got == base(), f"{name} imports to another report than report.xlsx")


@test
def refused_names_sheet_and_cell():
    target = os.path.join(TMP, "bad.juesuan")
    code, out, err = run("import", os.path.join(DATA, "bad-cell.xlsx"), target)
    must(code == 1, f"exit {code}")
    must("“表7”" in err and "J7" in err and "1.2.3" in err, err)
    must(not os.path.exists(target), "no half report is left behind")
    code, out, err = run("import", os.path.join(DATA, "bad-cell.xlsx"), target, env=ZH)
    must("工作表" in err and "J7" in err, "in Chinese: " + err)
    code, out, err = run("import", os.path.join(DATA, "bad-total.xlsx"), target)
    must(code == 1 and "G7" in err and "6.33" in err and "6.23" in err, err)


@test
def into_existing_keeps_texts():
    target = os.path.join(TMP, "into.juesuan")
    if os.path.exists(target):
        os.unlink(target)
    must(run("new", "--sample", target)[0] == 0, "new --sample")
    must(run("set", target, "overview.change_reason", "原因不变")[0] == 0, "set text")
    # The sample leaves 表6's 30231 line blank; the workbook prints it.
    must(run("set", target, "basic.econ_vehicle_operation", "2.98")[0] == 0, "set")
    before = paths(target)
    must(run("set", target, "three_public.abroad.actual", "9")[0] == 0, "set")
    code, out, err = run("import", "--into", target, os.path.join(DATA, "yuan.xlsx"))
    must(code == 0, err)
    # The sample's figures are the workbook's: the import puts back 3.25 and
    # changes nothing else (texts, evaluations, the other sections).
    must(paths(target) == before, "the figures are the workbook's and everything else is kept")
    # A refused workbook changes nothing.
    must(run("set", target, "three_public.abroad.actual", "9")[0] == 0, "set")
    snapshot = paths(target)
    code, out, err = run("import", "--into", target, os.path.join(DATA, "bad-cell.xlsx"))
    must(code == 1 and "J7" in err, err)
    must(paths(target) == snapshot, "nothing changed on refusal")


@test
def not_a_workbook():
    fake = os.path.join(TMP, "fake.xlsx")
    with open(fake, "w") as f:
        f.write("not a workbook\n")
    code, out, err = run("import", fake, os.path.join(TMP, "fake.juesuan"))
    must(code == 1 and "fake.xlsx" in err, err)


@test
def resaved_by_libreoffice():
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return "SKIP LibreOffice not installed"
    out = os.path.join(TMP, "resaved")
    os.makedirs(out, exist_ok=True)
    src = os.path.join(out, "source.xlsx")
    shutil.copy(os.path.join(DATA, "report.xlsx"), src)
    for fmt in ("xls", "ods"):
        subprocess.run([soffice, "-env:UserInstallation=file://" + TMP + "/profile", "--headless",
                        "--convert-to", fmt, "--outdir", out, src],
                       check=True, capture_output=True, env=ENV)
    # .ods back to .xlsx: a second save by LibreOffice.
    again = os.path.join(out, "again")
    subprocess.run([soffice, "-env:UserInstallation=file://" + TMP + "/profile", "--headless",
                    "--convert-to", "xlsx", "--outdir", again, os.path.join(out, "source.ods")],
                   check=True, capture_output=True, env=ENV)
    for path in (os.path.join(out, "source.xls"), os.path.join(again, "source.xlsx")):
        got = paths(imported(path, os.path.basename(path) + ".resaved.juesuan"))
        must(got == base(), f"{path} (re-saved by LibreOffice) imports differently")


def main():
    print(f"1..{len(tests)}")
    failed = 0
    for i, fn in enumerate(tests, 1):
        try:
            note = fn()
            print(f"ok {i} {fn.__name__}" + (f" # {note}" if note else ""))
        except Exception as e:  # noqa: BLE001
            failed += 1
            print(f"not ok {i} {fn.__name__}: {e}")
    shutil.rmtree(TMP, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
