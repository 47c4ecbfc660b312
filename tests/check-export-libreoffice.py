#!/usr/bin/env python3
"""The CSV export as LibreOffice Calc reads it: Chinese intact, amounts as
numbers, no cell run as a formula.  Converts exported files to .xlsx with
`soffice --headless` and reads the sheet XML with zipfile.

Skips (exit 77) when LibreOffice is not installed (Debian package:
libreoffice-calc-nogui).

Headless conversion shows no Text Import dialog, so the character set is
given as the dialog would preselect it for a file with a UTF-8 BOM (its
sniffing code picks UTF-8 when it reads the 3-byte BOM): filter option 76 =
UTF-8.  Without it, headless conversion assumes a Western 8-bit character
set whatever the BOM says.

Usage: check-export-libreoffice.py JUESUAN_CLI
"""
import os, re, shutil, subprocess, sys, tempfile, zipfile
import xml.etree.ElementTree as ET

CLI = sys.argv[1]
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

soffice = shutil.which("soffice") or shutil.which("libreoffice")
if soffice is None:
    print("SKIP: LibreOffice not found (apt: libreoffice-calc-nogui)")
    sys.exit(77)


def must(cond, what):
    if not cond:
        print("FAIL: " + what)
        sys.exit(1)


def cli(*args):
    p = subprocess.run([CLI, *args], capture_output=True, text=True, env=ENV)
    must(p.returncode == 0, " ".join(args) + ": " + p.stderr)


def convert(tmp, paths):
    out = os.path.join(tmp, "xlsx")
    profile = "file://" + os.path.join(tmp, "profile")
    subprocess.run([soffice, "-env:UserInstallation=" + profile, "--headless",
                    "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", out,
                    *paths], capture_output=True, env=ENV, check=True)
    return out


def sheet(path):
    """{cell ref: (type, value, has formula)} with shared strings resolved."""
    z = zipfile.ZipFile(path)
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(NS + "si"):
            strings.append("".join(t.text or "" for t in si.iter(NS + "t")))
    cells = {}
    for c in ET.fromstring(z.read("xl/worksheets/sheet1.xml")).iter(NS + "c"):
        t = c.get("t", "n")
        v = c.find(NS + "v")
        value = None if v is None else v.text
        if t == "s" and value is not None:
            value = strings[int(value)]
        cells[c.get("r")] = (t, value, c.find(NS + "f") is not None)
    return cells


def row_of(cells, col, text):
    for ref, (_, value, _) in cells.items():
        if re.fullmatch(col + r"\d+", ref) and value == text:
            return ref[len(col):]
    must(False, "no cell %r in column %s" % (text, col))


def main():
    tmp = tempfile.mkdtemp(prefix="jue-lo-")
    try:
        report = os.path.join(tmp, "s.juesuan")
        cli("new", "--sample", report)
        cli("set", report, "profile.preparer", '=HYPERLINK("http://x","点")')
        cli("set", report, "profile.structure", "@SUM(A1)")
        cli("set", report, "overview.change_reason", "-本年项目经费减少")
        cli("set", report, "functional[0].xiang_name", "+招商引资")
        d = os.path.join(tmp, "csv")
        cli("export", "--format", "csv", report, d)
        control = os.path.join(tmp, "control.csv")
        with open(control, "wb") as f:
            f.write("\ufeff项目,内容\r\n未加保护,=1+1\r\n".encode())
        names = ["01_收入支出决算总表", "05_一般公共预算财政拨款支出决算表", "10_部门概况"]
        out = convert(tmp, [os.path.join(d, n + ".csv") for n in names] + [control])

        # the control shows that this LibreOffice runs an unguarded =1+1
        c = sheet(os.path.join(out, "control.xlsx"))
        must(c["B2"][2], "control: LibreOffice did not make =1+1 a formula; the test proves nothing")

        sheets = {n: sheet(os.path.join(out, n + ".xlsx")) for n in names}
        for n, cells in sheets.items():
            formulas = [r for r, (_, _, f) in cells.items() if f]
            must(not formulas, n + ": formulas in " + ", ".join(formulas))
        t01 = sheets[names[0]]
        must(t01["A1"] == ("s", "项目", False), "header: %r" % (t01["A1"],))
        r = row_of(t01, "A", "一、一般公共预算财政拨款收入")
        must(t01["B" + r][:2] == ("n", "1447.01"), "1447.01 is a number: %r" % (t01["B" + r],))
        r = row_of(t01, "A", "收入总计")
        must(t01["D" + r][:2] == ("n", "-131.49"), "-131.49 is a number: %r" % (t01["D" + r],))
        must(t01["E" + r][:2] == ("n", "-8.33"), "-8.33 is a number")
        must(t01["F" + r][:2] == ("s", "'-本年项目经费减少"), "guarded text: %r" % (t01["F" + r],))
        t05 = sheets[names[1]]
        r = row_of(t05, "D", "行政运行")
        must(t05["G" + r][:2] == ("n", "95.03"), "95.03 is a number")
        must(t05["A" + row_of(t05, "D", "一般行政管理事务")][1] == "2060102", "code digits intact")
        must(t05["D" + row_of(t05, "C", "商贸事务")][:2] == ("s", "'+招商引资"), "+ guarded")
        t10 = sheets[names[2]]
        must(t10["B" + row_of(t10, "A", "填报人")][:2] == ("s", "'=HYPERLINK(\"http://x\",\"点\")"),
             "= guarded")
        must(t10["B" + row_of(t10, "A", "机构设置")][:2] == ("s", "'@SUM(A1)"), "@ guarded")
        must(t10["B" + row_of(t10, "A", "年度")][:2] == ("n", "2024"), "a count is a number")
        print("ok: LibreOffice reads Chinese, numbers as numbers, no formulas")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


main()
