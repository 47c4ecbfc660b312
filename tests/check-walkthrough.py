#!/usr/bin/env python3
"""juesuan-cli as an accountant and a reviewer use it (session 5's trial):
what trying it found, each as the user notices it.

Usage: check-walkthrough.py JUESUAN_CLI
Prints TAP.
"""
import hashlib, os, re, shutil, subprocess, sys, zipfile
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


@test
def a_web_page_named_xls_is_not_a_workbook():
    """The “.xls” many finance systems export is an HTML table: import said
    its first line was not a CSV table's title (a .xlsx holding text went
    to the CSV reader); now it says what the file is and what to do, for a
    new report and --into (exit 1 for both; --into gave 2, which says the
    report cannot be opened), and nothing is created or changed."""
    page = fresh("报表.xls")
    with open(page, "w", encoding="utf-8") as f:
        f.write("\ufeff <html><head><meta charset=\"utf-8\"></head><body><table>"
                "<tr><td>收入支出决算总表</td></tr></table></body></html>\n")
    text = fresh("tables.XLSX")
    with open(text, "w", encoding="utf-8") as f:
        f.write("收入支出决算总表,,\n项目,金额,\n")
    new = fresh("new.juesuan")
    for source, why in [(page, "网页（HTML）"), (text, "不是 Excel 工作簿（.xlsx 或 .xls）")]:
        rc, out, err = run("import", source, new, env=ZH)
        must(rc == 1 and err.startswith("juesuan-cli: " + source) and why in err, err)
        must(not os.path.exists(new), "a report was created")
    report = sample("into.juesuan")
    before = digest(report)
    rc, out, err = run("import", "--into", report, page, env=ZH)
    must(rc == 1 and "网页（HTML）" in err and "另存为" in err, "%d %s" % (rc, err))
    must(digest(report) == before, "the report changed")


@test
def summary_workbook_prints_on_one_page_across():
    """validate --summary --format xlsx of a reviewer's folder printed on
    three pages side by side (five columns, six, then the reason a file
    cannot be opened alone): it is set to A4 landscape, one page wide,
    the headings repeated on every page, the reason wrapped.  With
    LibreOffice: 32 submissions print on one page."""
    folder = os.path.join(TMP, "folder")
    os.makedirs(folder, exist_ok=True)
    for i in range(31):
        sample(os.path.join("folder", "unit%02d.juesuan" % i))
    with open(os.path.join(folder, "truncated.juesuan"), "wb") as f:
        with open(os.path.join(folder, "unit00.juesuan"), "rb") as g:
            f.write(g.read()[:50000])
    out = fresh("summary.xlsx")
    rc, _, err = run("validate", "--summary", "--format", "xlsx", "--output", out, folder)
    must(rc == 2 and os.path.exists(out), err)
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
        book = z.read("xl/workbook.xml").decode("utf-8")
    setup = re.search(r"<pageSetup [^>]*>", sheet)
    must(setup is not None, "no page setup: " + sheet[:300])
    for attr in ('orientation="landscape"', 'paperSize="9"', 'fitToHeight="0"'):
        must(attr in setup.group(0), setup.group(0))
    must('fitToPage="1"' in sheet, "not fitted to the page")
    must("_xlnm.Print_Titles" in book and "$1:$1" in book, "headings not repeated: " + book)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return
    pdf_dir = os.path.join(TMP, "pdf")
    os.makedirs(pdf_dir, exist_ok=True)
    subprocess.run([soffice, "--headless", "-env:UserInstallation=file://" + TMP + "/lo",
                    "--convert-to", "pdf", "--outdir", pdf_dir, out],
                   capture_output=True, env=ENV, timeout=600)
    pdf = os.path.join(pdf_dir, "summary.pdf")
    must(os.path.exists(pdf), "LibreOffice wrote no PDF")
    with open(pdf, "rb") as f:
        pages = len(re.findall(rb"/Type\s*/Page[^s]", f.read()))
    must(pages == 1, "the summary prints on %d pages" % pages)


@test
def export_to_a_missing_folder_says_so():
    """export --format pdf to a folder that is not there said “error while
    writing to output stream”; xlsx printed libxlsxwriter's [ERROR] line
    and “Usually a permissions error”; a folder given as the file was
    “already exists”, with advice to --force it.  Each now names the
    folder and what is wrong (exit 1), and nothing is written."""
    report = sample("export.juesuan")
    missing = os.path.join(TMP, "no-such-folder")
    for fmt, name in [("pdf", "决算.pdf"), ("xlsx", "决算.xlsx"), ("html", "决算.html"),
                      ("txt", "决算.txt")]:
        target = os.path.join(missing, name)
        rc, out, err = run("export", "--format", fmt, report, target, env=ZH)
        must(rc == 1 and err == "juesuan-cli: 无法写入 %s：文件夹 %s 不存在\n" % (target, missing),
             "%s: %d %r" % (fmt, rc, err))
    rc, out, err = run("export", "--format", "csv", "--single", os.path.join(missing, "a.csv"),
                       report, env=ZH)
    must(rc == 1 and "不存在" in err, err)
    rc, out, err = run("export", "--format", "pdf", report, TMP, env=ZH)
    must(rc == 1 and err == "juesuan-cli: %s 是文件夹：请给出要在其中写入的文件名\n" % TMP, err)
    must(not os.path.exists(missing), "a folder was created")


if __name__ == "__main__":
    sys.exit(main())
