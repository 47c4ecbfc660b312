#!/usr/bin/env python3
"""juesuan-cli export --format xlsx: the published tables as one workbook.

Reads the workbook's XML with zipfile (sheets in template order, frozen
header, A4 landscape, repeated header rows, merged headers, codes as text,
amounts as numbers formatted 0.00), then — when LibreOffice is installed —
converts every sheet to CSV with `soffice --headless` and reads the figures
back, and converts the workbook to PDF.

Usage: check-export-xlsx.py JUESUAN_CLI
"""
import csv, glob, os, re, shutil, subprocess, sys, tempfile, zipfile
import xml.etree.ElementTree as ET

CLI = sys.argv[1]
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RNS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
failed = 0
n = 0


def check(cond, what):
    global failed, n
    n += 1
    print(("ok %d - " if cond else "not ok %d - ") % n + what)
    if not cond:
        failed += 1


def cli(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=ENV)


NATIONAL = ["01_收入支出决算总表", "02_收入决算表", "03_支出决算表", "04_财政拨款收入支出决算总表",
            "05_一般公共预算财政拨款支出决算表", "06_一般公共预算财政拨款基本支出决算表",
            "07_一般公共预算财政拨款“三公”经费支出决算表",
            "08_政府性基金预算财政拨款收入支出决算表", "09_国有资本经营预算财政拨款支出决算表"]


def workbook_sheets(z):
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    return [(s.get("name"), "xl/" + target[s.get(RNS + "id")]) for s in wb.iter(NS + "sheet")], wb


def strings(z):
    out = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(NS + "si"):
            out.append("".join(t.text or "" for t in si.iter(NS + "t")))
    return out


def cells(z, member, shared):
    """{ref: (type, value)}"""
    out = {}
    for c in ET.fromstring(z.read(member)).iter(NS + "c"):
        t = c.get("t", "n")
        v = c.find(NS + "v")
        if v is None:
            continue
        out[c.get("r")] = (t, shared[int(v.text)] if t == "s" else v.text)
    return out


with tempfile.TemporaryDirectory() as tmp:
    report = os.path.join(tmp, "sample.juesuan")
    out = os.path.join(tmp, "tables.xlsx")
    check(cli("new", "--sample", report).returncode == 0, "sample report created")
    # the sample is a Sichuan report (profile.template, issue 11 part 1); these
    # checks are of the national set
    check(cli("set", report, "profile.template", "national").returncode == 0, "national template")
    # the government-fund table marked empty (本表为空表) with its reason
    check(cli("empty", report, "公开08表", "本单位无政府性基金收支").returncode == 0, "表8 marked empty")
    p = cli("export", "--format", "xlsx", report, out)
    check(p.returncode == 0 and os.path.exists(out), "export --format xlsx writes the workbook: " + p.stderr)

    p = cli("export", "--format", "xlsx", report, out)
    check(p.returncode != 0 and "already exists" in p.stderr, "an existing workbook is not replaced without --force")
    p = cli("export", "--format", "xlsx", "--force", report, out)
    check(p.returncode == 0, "--force replaces it")
    p = cli("export", "--format", "ods", report, out)
    check(p.returncode != 0 and "csv" in p.stderr and "xlsx" in p.stderr, "an unknown format is named: " + p.stderr.strip())
    check(not glob.glob(out + ".*.tmp"), "no temporary file is left beside it")

    z = zipfile.ZipFile(out)
    sheets, wb = workbook_sheets(z)
    names = [s for s, _ in sheets]
    check(names[:9] == NATIONAL, "the nine tables of the national template, in order: %s" % names[:9])
    check(names[9] == "13_部门整体支出绩效自评", "then the department evaluation")
    check(len(names) == 18 and all(s.startswith("14_") for s in names[10:]),
          "then the eight special-fund evaluations")
    check(all(len(s) <= 31 for s in names), "sheet names within Excel's 31 characters")
    titles = [d.text for d in wb.iter(NS + "definedName") if d.get("name") == "_xlnm.Print_Titles"]
    check(len(titles) >= 9, "header rows repeated on every printed page (%d sheets)" % len(titles))

    shared = strings(z)
    member = dict(sheets)
    s1 = z.read(member[NATIONAL[0]]).decode()
    check('state="frozen"' in s1, "the header is frozen")
    check('orientation="landscape"' in s1 and 'paperSize="9"' in s1, "A4 landscape")
    c1 = cells(z, member[NATIONAL[0]], shared)
    check(c1.get("B2") == ("s", "2024年度收入支出决算总表") or c1.get("A2") == ("s", "2024年度收入支出决算总表"),
          "title row: %s" % (c1.get("A2"),))
    check(c1.get("A3") == ("s", "编制单位：遂宁市科学技术局"), "编制单位 row")
    check(("s", "单位：万元") in c1.values(), "单位 row")
    check(c1.get("A6") == ("s", "一、一般公共预算财政拨款收入") and c1.get("C6") == ("n", "1447.01"),
          "first income line: a number, %s" % (c1.get("C6"),))

    s7 = z.read(member[NATIONAL[6]]).decode()
    merges = re.findall(r'<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"', s7)
    check("A4:F4" in merges and "G4:L4" in merges, "三公: 预算数 and 决算数 merged over six columns each: %s" % merges)
    check("C5:E5" in merges and "A5:A6" in merges, "三公: 公务用车购置及运行费 over three, 合计 down two rows")
    c7 = cells(z, member[NATIONAL[6]], shared)
    row7 = [c7.get(col + "7") for col in "ABCDEFGHIJKL"]
    check(all(v and v[0] == "n" for v in row7), "三公: one row of twelve numbers")
    check([v[1] for v in row7][6:] == ["6.23", "3.25", "2.98", "0", "2.98", "0"],
          "三公 决算数 as printed: %s" % [v[1] for v in row7][6:])

    styles = z.read("xl/styles.xml").decode()
    check('formatCode="0.00"' in styles, "amounts formatted 0.00")
    c5 = cells(z, member[NATIONAL[4]], shared)
    codes = [v for k, v in c5.items() if k.startswith("A") and v[1] == "206"]
    check(codes and codes[0][0] == "s", "codes are text, not numbers: %s" % codes)

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("# LibreOffice not found: the read-back is skipped (apt: libreoffice-calc-nogui)")
    else:
        profile = "file://" + os.path.join(tmp, "profile")
        conv = os.path.join(tmp, "csv")
        subprocess.run([soffice, "-env:UserInstallation=" + profile, "--headless", "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                        "--outdir", conv, out], capture_output=True, env=ENV)
        files = sorted(os.listdir(conv)) if os.path.isdir(conv) else []
        check(len(files) == 18, "LibreOffice reads 18 sheets: %d" % len(files))

        def table(stem):
            path = [f for f in files if f.endswith(stem + ".csv")]
            if not path:
                return []
            with open(os.path.join(conv, path[0]), encoding="utf-8") as f:
                return list(csv.reader(f))

        t1 = table(NATIONAL[0])
        lines = {r[0]: r[2] for r in t1 if len(r) > 2}
        right = {r[3]: r[5] for r in t1 if len(r) > 5}
        check(lines.get("一、一般公共预算财政拨款收入") == "1447.01" and lines.get("总计") == "1447.01",
              "表1 收入 read back: %s" % lines.get("总计"))
        check(right.get("科学技术支出") == "1288.67" and right.get("本年支出合计") == "1447.01",
              "表1 支出 by 类 read back")
        t7 = table(NATIONAL[6])
        check(t7 and t7[-1] == ["6.2746", "3.25", "3.0046", "0", "3.0046", "0.02",
                                "6.23", "3.25", "2.98", "0", "2.98", "0"],
              "表7 read back exact (预算 3.0046 is not rounded away): %s" % (t7[-1] if t7 else None))
        t5 = table(NATIONAL[4])
        total = [r for r in t5 if len(r) > 2 and r[1] == "合计"]
        check(total and total[0][2] == "1447.01", "表5 合计 read back")
        t8 = table(NATIONAL[7])
        check(any(r and r[0] == "本表为空表" for r in t8), "表8 prints 本表为空表")
        check(any(r and r[0] == "本单位无政府性基金收支" for r in t8), "表8 prints the reason")

        pdf_dir = os.path.join(tmp, "pdf")
        subprocess.run([soffice, "-env:UserInstallation=" + profile, "--headless", "--convert-to",
                        "pdf", "--outdir", pdf_dir, out], capture_output=True, env=ENV)
        pdf = os.path.join(pdf_dir, "tables.pdf")
        ok = os.path.exists(pdf) and open(pdf, "rb").read(5) == b"%PDF-"
        check(ok, "LibreOffice converts the workbook to PDF")

print("1..%d" % n)
sys.exit(1 if failed else 0)
