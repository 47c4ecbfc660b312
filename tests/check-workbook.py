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


def export_xlsx(report, name):
    out = os.path.join(TMP, name)
    code, _, err = run("export", "--format", "xlsx", "--force", report, out)
    must(code == 0, f"export {report}: {err}")
    return out


def sheet_cells(workbook):
    """{sheet name: {cell: text}} of an .xlsx (shared strings resolved)."""
    import zipfile
    import xml.etree.ElementTree as ET
    m = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    r = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    z = zipfile.ZipFile(workbook)
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(m + "si"):
            strings.append("".join(t.text or "" for t in si.iter(m + "t")))
    rels = {e.get("Id"): e.get("Target")
            for e in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    out = {}
    for sh in ET.fromstring(z.read("xl/workbook.xml")).iter(m + "sheet"):
        target = rels[sh.get(r + "id")].lstrip("/")
        x = ET.fromstring(z.read(target if target.startswith("xl/") else "xl/" + target))
        cells = {}
        for c in x.iter(m + "c"):
            v = c.find(m + "v")
            text = v.text if v is not None else ""
            if c.get("t") == "s" and text:
                text = strings[int(text)]
            elif c.get("t") == "inlineStr":
                text = "".join(t.text or "" for t in c.iter(m + "t"))
            if text:
                cells[c.get("r")] = text
        out[sh.get("name")] = cells
    return out


def table_sheets(workbook, n_tables):
    sheets = sheet_cells(workbook)
    return {k: sheets[k] for k in list(sheets)[:n_tables]}


def national_report():
    """The sample on the national template, with 表6 lines by economic code
    and a government-fund row, so every table of the nine has rows."""
    target = os.path.join(TMP, "national.juesuan")
    if os.path.exists(target):
        os.unlink(target)
    must(run("new", "--sample", target)[0] == 0, "new --sample")
    sets = [("profile.template", "national")]
    econ = [("301", "工资福利支出", None), ("30101", "基本工资", "300.00"),
            ("30102", "津贴补贴", "330.27"), ("302", "商品和服务支出", None),
            ("30201", "办公费", "70.52"), ("30231", "公务用车运行维护费", "2.98"),
            ("310", "资本性支出", "5.00")]
    for i, (code, name, actual) in enumerate(econ):
        must(run("add", target, "economic")[0] == 0, "add economic")
        sets += [(f"economic[{i}].code", code), (f"economic[{i}].name", name)]
        if actual:
            sets.append((f"economic[{i}].actual", actual))
    must(run("add", target, "gov_fund.rows")[0] == 0, "add fund row")
    sets += [("gov_fund.rows[0].code", "2296002"), ("gov_fund.rows[0].name", "用于社会福利的彩票公益金支出"),
             ("gov_fund.rows[0].carried_in", "1.00"), ("gov_fund.rows[0].income", "2.00"),
             ("gov_fund.rows[0].actual", "2.50"), ("gov_fund.rows[0].basic", "0.00"),
             ("gov_fund.rows[0].project", "2.50"), ("gov_fund.rows[0].carried_out", "0.50"),
             ("gov_fund.carried_in", "1.00"), ("gov_fund.income", "2.00"),
             ("gov_fund.expenditure", "2.50"), ("gov_fund.carried_out", "0.50")]
    for path, value in sets:
        code, _, err = run("set", target, path, value)
        must(code == 0, f"set {path}: {err}")
    return target


def export_published(report, name):
    out = os.path.join(TMP, name)
    code, _, err = run("export", "--format", "csv", "--published", "--force", report, out)
    must(code == 0, f"export --published {report}: {err}")
    return out


def round_trip(report, n_tables, resave=None, published=False):
    """export → (LibreOffice re-save) → import into a copy of the report:
    identical in every field; import as a new report: its tables print
    the same cells.  published: through the published tables as CSV."""
    if published:
        workbook = export_published(report, os.path.basename(report) + ".published")
    else:
        workbook = export_xlsx(report, os.path.basename(report) + ".xlsx")
    if resave is not None:
        workbook = resave(workbook)
    copy = os.path.join(TMP, "copy-" + os.path.basename(report))
    shutil.copy(report, copy)
    # Change some figures first: the import must put every one back.
    for path in ("three_public.abroad.actual", "accounts[1].exp_basic", "functional[4].project"):
        must(run("set", copy, path, "9")[0] == 0, "set")
    code, out, err = run("import", "--into", copy, workbook)
    must(code == 0, f"import --into ({workbook}): {err}")
    must(paths(copy) == paths(report), f"{workbook} imported into the report changes it")
    fresh = imported(workbook, "fresh-" + os.path.basename(report))
    # The tables print the year in their titles and the department in
    # 编制单位: a new report from them has both.
    for path in ("profile.year", "profile.name"):
        want_v, got_v = run("get", report, path)[1].strip(), run("get", fresh, path)[1].strip()
        must(want_v != "" and got_v == want_v,
             f"{workbook} as a new report: {path} is “{got_v}”, not “{want_v}”")
    again = export_xlsx(fresh, "again-" + os.path.basename(report) + ".xlsx")
    want = table_sheets(export_xlsx(report, "want.xlsx"), n_tables)
    got = table_sheets(again, n_tables)
    for sheet in want:
        if want[sheet] != got.get(sheet):
            diff = sorted(set(want[sheet].items()) ^ set((got.get(sheet) or {}).items()))
            raise AssertionError(f"{workbook} as a new report prints {sheet} otherwise: {diff[:6]}")


def libreoffice_resave(fmt):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")

    def resave(workbook):
        out = os.path.join(TMP, "lo-" + fmt)
        os.makedirs(out, exist_ok=True)
        subprocess.run([soffice, "-env:UserInstallation=file://" + TMP + "/profile", "--headless",
                        "--convert-to", fmt, "--outdir", out, workbook],
                       check=True, capture_output=True, env=ENV)
        return os.path.join(out, os.path.splitext(os.path.basename(workbook))[0] + "." + fmt)
    return resave if soffice else None


@test
def round_trip_sample_sichuan():
    sample = os.path.join(TMP, "sample.juesuan")
    if not os.path.exists(sample):
        must(run("new", "--sample", sample)[0] == 0, "new --sample")
    round_trip(sample, 13)


@test
def round_trip_national():
    round_trip(national_report(), 9)


@test
def round_trip_resaved_by_libreoffice():
    if libreoffice_resave("xls") is None:
        return "SKIP LibreOffice not installed"
    sample = os.path.join(TMP, "sample.juesuan")
    if not os.path.exists(sample):
        must(run("new", "--sample", sample)[0] == 0, "new --sample")
    # A workbook LibreOffice saved again (a second .xlsx writer), and as .xls.
    for fmt in ("xlsx", "xls"):
        round_trip(sample, 13, libreoffice_resave(fmt))
    round_trip(national_report(), 9, libreoffice_resave("xls"))


@test
def published_csv_round_trip():
    sample = os.path.join(TMP, "sample.juesuan")
    if not os.path.exists(sample):
        must(run("new", "--sample", sample)[0] == 0, "new --sample")
    round_trip(sample, 13, published=True)
    round_trip(national_report(), 9, published=True)
    # Laid out as printed: number top right, title, 编制单位 and 单位, the
    # two-row header, then the rows; exact amounts, codes bare.
    folder = export_published(sample, "layout")
    names = sorted(os.listdir(folder))
    must(len(names) == 13 and names[0] == "01_表1_收入支出决算总表.csv"
         and names[12] == "13_表13_财政拨款“三公”经费支出决算表.csv", f"file names: {names}")
    with open(os.path.join(folder, names[1]), encoding="utf-8-sig", newline="") as f:
        lines = f.read().split("\r\n")
    must(lines[0] == ",,,,,,,,表2" and lines[1].startswith("2024年度收入决算表,")
         and lines[2].startswith("编制单位：遂宁市科学技术局,") and "单位：万元" in lines[2]
         and lines[3].startswith("项目,,本年收入合计,财政拨款收入,")
         and lines[4].startswith("科目编码,科目名称,")
         and lines[5] == ",合计,1447.01,1447.01,0.00,0.00,0.00,0.00,0.00", "\n".join(lines[:6]))
    must("2210201,住房公积金,44.33,44.33," in "\n".join(lines), "codes bare")
    with open(os.path.join(folder, names[12]), encoding="utf-8-sig") as f:
        must("6.2746,3.25,3.0046,0.00,3.0046,0.02,6.23" in f.read(), "exact amounts")


def published_variant(folder, variant):
    """A copy of a folder of the published tables as another program might
    save it: moved (the files in reverse order, so the sheets come in
    another order), titled (two rows above each title), yuan (单位：元,
    every amount ×10000; codes and 行次 are whole numbers, amounts are
    not)."""
    from decimal import Decimal
    out = folder + "-" + variant
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    names = sorted(os.listdir(folder))
    for i, name in enumerate(names):
        with open(os.path.join(folder, name), encoding="utf-8-sig", newline="") as f:
            lines = f.read().split("\r\n")
        if variant == "titled":
            lines = ["附件3", "", *lines]
        if variant == "yuan":
            conv = []
            for line in lines:
                cells = line.split(",")
                cells = [str((Decimal(c) * 10000).quantize(Decimal("0.01")))
                         if "." in c and c.replace(".", "", 1).lstrip("-").isdigit() else c
                         for c in cells]
                conv.append(",".join(cells).replace("单位：万元", "单位：元"))
            lines = conv
        target = name if variant != "moved" else f"{len(names) - i:02d}_{name}"
        with open(os.path.join(out, target), "w", encoding="utf-8-sig", newline="") as f:
            f.write("\r\n".join(lines))
    return out


@test
def published_variants_import_the_same():
    # The sample's own tables, moved, with title rows above, in 元: the
    # same report.
    sample = os.path.join(TMP, "sample.juesuan")
    if not os.path.exists(sample):
        must(run("new", "--sample", sample)[0] == 0, "new --sample")
    folder = export_published(sample, "variants")
    for variant in ("moved", "titled", "yuan"):
        source = published_variant(folder, variant)
        copy = os.path.join(TMP, "variant.juesuan")
        shutil.copy(sample, copy)
        must(run("set", copy, "accounts[3].exp_basic", "1")[0] == 0, "set")
        code, out, err = run("import", "--into", copy, source)
        must(code == 0, f"{variant}: {err}")
        must(("(in yuan)" in out) == (variant == "yuan"), f"{variant}: {out}")
        must(paths(copy) == paths(sample), f"the {variant} tables import to another report")
    # 收入支出决算总表's 类 line that is not what 支出决算表's rows add up to:
    # refused, naming the cell and both figures.
    bad = folder + "-bad-class"
    shutil.rmtree(bad, ignore_errors=True)
    shutil.copytree(folder, bad)
    first = os.path.join(bad, sorted(os.listdir(bad))[0])
    with open(first, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    must(",科学技术支出,14,1288.67" in text, "表1 prints the 类 line")
    with open(first, "w", encoding="utf-8-sig", newline="") as f:
        f.write(text.replace(",科学技术支出,14,1288.67", ",科学技术支出,14,1288.00"))
    code, out, err = run("import", "--into", copy, bad)
    must(code == 1 and "F7" in err and "1288.00" in err and "1288.67" in err
         and "科学技术支出" in err, err)


@test
def year_and_department_read_back():
    """The year from a title (2024年度收入支出决算总表) or from the 编制单位
    row (编制单位：X 2024年度), the department from 编制单位: into a new
    report, and into a report whose profile has none; a typed one stays."""
    sample = os.path.join(TMP, "sample.juesuan")
    if not os.path.exists(sample):
        must(run("new", "--sample", sample)[0] == 0, "new --sample")
    workbook = export_xlsx(sample, "year.xlsx")
    target = os.path.join(TMP, "blank-profile.juesuan")
    shutil.copy(sample, target)
    for path in ("profile.year", "profile.name"):
        must(run("set", target, path, "")[0] == 0, "set")
    code, out, err = run("import", "--into", target, workbook)
    must(code == 0, err)
    must(run("get", target, "profile.year")[1].strip() == "2024", "year filled by --into")
    must(run("get", target, "profile.name")[1].strip() == "遂宁市科学技术局", "name filled")
    must(run("set", target, "profile.year", "2023")[0] == 0, "set")
    must(run("import", "--into", target, workbook)[0] == 0, "import")
    must(run("get", target, "profile.year")[1].strip() == "2023", "a typed year is kept")
    # The year printed in the 编制单位 row, not in the titles.
    folder = export_published(sample, "unit-row-year")
    for name in os.listdir(folder):
        with open(os.path.join(folder, name), encoding="utf-8-sig", newline="") as f:
            text = f.read()
        must("2024年度" in text, f"{name} prints the year")
        text = text.replace("2024年度", "").replace("编制单位：遂宁市科学技术局",
                                                     "编制单位：遂宁市科学技术局 2024年度")
        with open(os.path.join(folder, name), "w", encoding="utf-8-sig", newline="") as f:
            f.write(text)
    fresh = imported(folder, "unit-row-year.juesuan")
    must(run("get", fresh, "profile.year")[1].strip() == "2024", "year from 编制单位 row")
    must(run("get", fresh, "profile.name")[1].strip() == "遂宁市科学技术局",
         "name without the year: " + run("get", fresh, "profile.name")[1])


@test
def sichuan_detail_table_read():
    """Sichuan 表5 财政拨款支出决算明细表 mixes the rows of the general-budget,
    government-fund and state-capital lists: read from the sample's own
    export, each row checked against its list's own table; a figure that
    differs is refused naming the sheet, the cell and both figures; a row
    none of those tables prints is refused; a workbook without it still
    imports."""
    sample = os.path.join(TMP, "sample.juesuan")
    if not os.path.exists(sample):
        must(run("new", "--sample", sample)[0] == 0, "new --sample")
    folder = export_published(sample, "detail")
    detail = "05_表5_财政拨款支出决算明细表.csv"
    code, out, err = run("import", "--into", shutil.copy(sample, os.path.join(TMP, "d.juesuan")),
                         folder)
    must(code == 0 and "财政拨款支出决算明细表: sheet “05_表5_" in out, out + err)
    with open(os.path.join(folder, detail), encoding="utf-8-sig", newline="") as f:
        text = f.read()
    lines = text.split("\r\n")
    must(lines[11] == ",行政运行,329.53,329.53,0.00"
         and lines[13] == ",其他科学技术管理事务支出,46.74,46.74,0.00", "\n".join(lines[:14]))

    def variant(name, old, new):
        out_dir = folder + "-" + name
        shutil.rmtree(out_dir, ignore_errors=True)
        shutil.copytree(folder, out_dir)
        with open(os.path.join(out_dir, detail), "w", encoding="utf-8-sig", newline="") as f:
            f.write(text.replace(old, new))
        return out_dir

    # 0.10 moved between two 项 of one 款: every subtotal of 表5 still adds
    # up, but 行政运行 no longer agrees with 一般公共预算财政拨款支出决算表.
    moved = variant("moved", ",行政运行,329.53,329.53,0.00\r\n2060102,一般行政管理事务,7.46,"
                             "0.01,7.45\r\n,其他科学技术管理事务支出,46.74,46.74,",
                    ",行政运行,329.63,329.63,0.00\r\n2060102,一般行政管理事务,7.46,"
                    "0.01,7.45\r\n,其他科学技术管理事务支出,46.64,46.64,")
    target = os.path.join(TMP, "detail-bad.juesuan")
    shutil.copy(sample, target)
    before = paths(target)
    for env in (ENV, ZH):
        code, out, err = run("import", "--into", target, moved, env=env)
        must(code == 1 and "05_表5_" in err and "C12" in err and "329.63" in err
             and "329.53" in err and "06_表6_" in err, err)
    must(paths(target) == before, "nothing written on refusal")
    if os.path.exists(os.path.join(TMP, "detail-new.juesuan")):
        os.unlink(os.path.join(TMP, "detail-new.juesuan"))
    code, out, err = run("import", moved, os.path.join(TMP, "detail-new.juesuan"))
    must(code == 1 and "C12" in err and "329.63" in err, err)
    # A row that no table by fund prints.
    extra = variant("extra", ",其他科学技术支出,195.00,0.00,195.00\r\n,科技奖励,",
                    ",其他科学技术支出,195.00,0.00,195.00\r\n,科技大奖,")
    code, out, err = run("import", "--into", target, extra)
    must(code == 1 and "科技大奖" in err and "05_表5_" in err
         and "一般公共预算财政拨款支出决算表" in err, err)
    # Without 表5: read as before.
    missing = variant("missing", "", "")
    os.unlink(os.path.join(missing, detail))
    code, out, err = run("import", "--into", target, missing)
    must(code == 0 and "“05_表5_" not in out and "“06_表6_" in out, out + err)
    must(paths(target) == before, "the same report without 表5")


@test
def into_existing_keeps_texts():
    target = os.path.join(TMP, "into.juesuan")
    if os.path.exists(target):
        os.unlink(target)
    must(run("new", "--sample", target)[0] == 0, "new --sample")
    must(run("set", target, "profile.template", "national")[0] == 0, "set")
    must(run("set", target, "overview.change_reason", "原因不变")[0] == 0, "set text")
    code, out, err = run("import", "--into", target, os.path.join(DATA, "yuan.xlsx"))
    must(code == 0, err)
    code, out, err = run("get", target, "overview.change_reason")
    must(out.strip() == "原因不变", "texts kept: " + out)
    code, out, err = run("get", target, "economic[3].code")
    must(out.strip() == "30231", "the workbook's rows: " + out)
    # A refused workbook changes nothing.
    must(run("set", target, "three_public.abroad.actual", "9")[0] == 0, "set")
    snapshot = paths(target)
    code, out, err = run("import", "--into", target, os.path.join(DATA, "bad-cell.xlsx"))
    must(code == 1 and "J7" in err, err)
    must(paths(target) == snapshot, "nothing changed on refusal")
    # A Sichuan report is read by the Sichuan tables: the national
    # workbook is refused, naming a table it lacks.
    must(run("set", target, "profile.template", "sichuan")[0] == 0, "set")
    code, out, err = run("import", "--into", target, os.path.join(DATA, "report.xlsx"))
    must(code == 1 and "明细表" in err, err)


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
