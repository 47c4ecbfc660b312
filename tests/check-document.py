#!/usr/bin/env python3
"""juesuan-cli export of the generated document (issue 12).

--format txt: Parts 1 to 3 as UTF-8 text written from the figures; a
changed amount (juesuan-cli set on a copy) changes every sentence that uses
it and nothing else; a reason left blank shows as 【请填写变动原因】.
--format charts: PNG and SVG.  --format pdf: read back with pdfinfo,
pdffonts and pdftotext (poppler-utils).  --format html: read back by
LibreOffice when installed.

Usage: check-document.py JUESUAN_CLI
"""
import os, re, shutil, subprocess, sys, tempfile

CLI = sys.argv[1]
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
failed = 0
n = 0


def check(cond, what):
    global failed, n
    n += 1
    what = " ".join(what.split())   # one TAP line
    print(("ok %d - " if cond else "not ok %d - ") % n + (what if not cond else what[:200]))
    if not cond:
        failed += 1


def cli(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=ENV)


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    return data.decode("utf-8")


def changed_lines(before, after):
    a, b = before.splitlines(), after.splitlines()
    if len(a) != len(b):
        return None
    return [(x, y) for x, y in zip(a, b) if x != y]


tmp = tempfile.mkdtemp(prefix="jue-document-")
sample = os.path.join(tmp, "sample.juesuan")
check(cli("new", "--sample", sample).returncode == 0, "new --sample")

out = os.path.join(tmp, "sample.txt")
r = cli("export", "--format", "txt", sample, out)
check(r.returncode == 0, "export --format txt exits 0: " + r.stderr)
text = read(out)
check(text.startswith("第一部分  部门概况\n"), "the text begins with Part 1")
for part in ("第二部分  2024年度部门决算情况说明", "第三部分  名词解释"):
    check("\n" + part + "\n" in text, "the text has " + part)
check("2024年度收入、支出总计均为1447.01万元。与2023年度相比，收入、支出总计各减少131.49万元，下降8.33%。"
      "主要变动原因是本年项目经费减少。" in text, "Part 2 一 with the seed's figures")
check("2024年度“三公”经费财政拨款支出决算为6.23万元，完成预算99.29%，较上年度增加2.39万元，增长62.24%。" in text,
      "三公 with completion and year-on-year change")
check("增长100%" not in text, "never 增长100%")

r = cli("export", "--format", "txt", sample, out)
check(r.returncode == 1 and "already exists" in r.stderr, "an existing file is refused without --force")
check(read(out) == text, "the refused export left the file as it was")
r = cli("export", "--format", "txt", "--force", sample, out)
check(r.returncode == 0, "--force replaces it")

# 78.50 is both 公用经费 (basic.public) and 机关运行经费 (other.operating_cost):
# changing the second changes its one sentence, not the other figure's.
copy = os.path.join(tmp, "copy.juesuan")
check(cli("new", "--sample", copy).returncode == 0, "a copy of the sample")
check(cli("set", copy, "other.operating_cost", "80").returncode == 0, "set other.operating_cost 80")
out2 = os.path.join(tmp, "copy.txt")
check(cli("export", "--format", "txt", copy, out2).returncode == 0, "export the copy")
diff = changed_lines(text, read(out2))
check(diff is not None and len(diff) == 1, "exactly one line changed: %r" % (diff,))
if diff:
    check(diff[0][1] == "2024年度，遂宁市科学技术局机关运行经费支出80.00万元，比2023年度减少4.13万元，下降4.91%。"
          "主要原因是厉行节约减少单位开支。", "the 机关运行经费 sentence, with its change recomputed: " + diff[0][1])
check("公用经费78.50万元" in read(out2), "公用经费 still 78.50")

# Last year's reception 1.02 → 0: the reception sentence and the 三公 total's
# change move, nothing else.
check(cli("set", copy, "three_public.reception.previous", "0").returncode == 0, "set reception.previous 0")
before = read(out2)
check(cli("export", "--format", "txt", "--force", copy, out2).returncode == 0, "export again")
diff = changed_lines(before, read(out2))
got = [b for _, b in diff or []]
check(len(got) == 2, "two lines changed: %r" % (got,))
check(any(l.startswith("2024年度“三公”经费财政拨款支出决算为6.23万元，完成预算99.29%，较上年度增加3.41万元，增长120.93%。")
          for l in got), "the 三公 total's change: 6.23 − 2.8199 = 3.41, 120.93%")
check(any(l.startswith("3.公务接待费支出0万元，完成预算0%。公务接待费支出决算比2023年度持平。其中：")
          for l in got), "reception unchanged: 持平, and no reason needed")

# A reason left blank is visible in the text.
check(cli("set", copy, "three_public.vehicle.reason", "").returncode == 0, "clear the vehicle reason")
check(cli("export", "--format", "txt", "--force", copy, out2).returncode == 0, "export again")
check("增加0.16万元，增长5.68%。主要原因是【请填写变动原因】。" in read(out2), "【请填写变动原因】 where it is missing")

# 表10 marked empty (本表为空表): Part 2 八 says so, with the reason.
check(cli("empty", copy, "表10", "本单位无政府性基金收支").returncode == 0, "empty 表10")
check(cli("export", "--format", "txt", "--force", copy, out2).returncode == 0, "export again")
check("2024年度政府性基金预算财政拨款支出0万元。本单位无政府性基金收支，"
      "故《政府性基金预算财政拨款收入支出决算表》（表10）为空表。" in read(out2), "八 says 表10 is empty, and why")

# --format charts: PNG and SVG of the four charts Part 2 refers to.
charts = os.path.join(tmp, "charts")
r = cli("export", "--format", "charts", sample, charts)
check(r.returncode == 0, "export --format charts exits 0: " + r.stderr)
stems = ["图1_收入决算结构图", "图2_支出决算结构图", "图3_一般公共预算财政拨款支出决算结构图",
         "图4_“三公”经费支出决算对比图"]
names = sorted(os.listdir(charts)) if os.path.isdir(charts) else []
check(names == sorted([s + e for s in stems for e in (".png", ".svg")]), "the charts' files: %r" % names)
for s in stems:
    png = os.path.join(charts, s + ".png")
    if os.path.exists(png):
        with open(png, "rb") as f:
            head = f.read(24)
        w, h = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
        check(head[:8] == b"\x89PNG\r\n\x1a\n" and (w, h) == (1280, 720), "%s.png is 1280×720: %r" % (s, (w, h)))
    svg = os.path.join(charts, s + ".svg")
    if os.path.exists(svg):
        check(read(svg).lstrip().startswith("<?xml") and "<svg" in read(svg), s + ".svg is SVG")
r = cli("export", "--format", "charts", sample, charts)
check(r.returncode == 1 and "already exists" in r.stderr, "charts: existing files are refused without --force")
check(cli("export", "--format", "charts", "--force", sample, charts).returncode == 0, "charts --force")


# --format pdf: the whole document, A4, CJK fonts embedded, contents with
# page numbers, the figures in order, the chart labels as text, the draft
# mark on every page while the sample's 附件4 error remains.
pdf = os.path.join(tmp, "sample.pdf")
r = cli("export", "--format", "pdf", sample, pdf)
check(r.returncode == 0, "export --format pdf exits 0: " + r.stderr)
if shutil.which("pdfinfo") and os.path.exists(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    check(30 <= pages <= 90, "a document of %d pages" % pages)
    check(re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info) is not None, "A4: " + info)
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True).stdout
    cjk = [l for l in fonts.splitlines() if "CJK" in l]
    check(cjk and all(" yes " in l for l in cjk), "the CJK font is embedded: " + fonts)
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    flat = re.sub(r"\s+", "", text)
    pages_text = text.split("\f")
    check("遂宁市科学技术局部门整体支出绩效自评报告" in flat and "部门部门" not in flat,
          "附件1's title says 部门 once (the sample's unit name ends in 部门)")
    check(all("草稿：1个错误，9项未填" in re.sub(r"\s+", "", p) for p in pages_text if p.strip()),
          "every page carries the draft mark")
    order = ["第一部分部门概况", "第二部分2024年度部门决算情况说明", "2024年度收入、支出总计均为1447.01万元",
             "基本支出708.77万元，占48.98%", "图2：支出决算结构图", "科学技术支出1288.67万元，占89.06%",
             "增加2.39万元，增长62.24%", "第三部分名词解释", "第四部分附件", "附件9", "第五部分附表",
             "收入支出决算总表", "财政拨款“三公”经费支出决算表"]
    pos = [flat.find(s, flat.find("第一部分部门概况", flat.find("目录") + 30)) for s in order]
    check(all(p >= 0 for p in pos) and pos == sorted(pos), "the figures in order: %r" % list(zip(order, pos)))
    check("708.77万元48.98%" in flat or "基本支出708.77万元48.98%" in flat, "the pie's legend is text")
    check("1288.67万元（89.06%）" in flat, "the bars' labels are text")
    toc = pages_text[1]
    m = re.search(r"第五部分\s+附表\s*\.*\s*(\d+)", toc)
    check(m is not None, "the contents list 第五部分 with its page: " + toc[:400])
    if m:
        page = int(m.group(1))
        check("第五部分" in pages_text[page - 1], "第五部分 is on page %d" % page)
    # the last page number printed is the page count
    check(("— %d —" % pages) in pages_text[pages - 1], "the last page is numbered %d" % pages)
    # a table split across pages repeats its header
    heads = [i for i, p in enumerate(pages_text) if "一般公共预算财政拨款支出决算表" in p]
    check(len(heads) >= 1, "表6 is printed")
else:
    print("# pdfinfo missing: the PDF checks are skipped")

# a finished report has no draft mark
done = os.path.join(tmp, "done.juesuan")
check(cli("new", "--sample", done).returncode == 0, "another copy")
# 附件4's weight 105 → 15 fixes the sample's one error; then the nine
# missing items typed leave nothing for the mark to count
check(cli("set", done, "special_funds[2].indicators[4].weight", "15").returncode == 0, "fix 附件4")
pdf2 = os.path.join(tmp, "done.pdf")


def pdf_text(path):
    return re.sub(r"\s+", "", subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout)


if shutil.which("pdftotext"):
    check(cli("export", "--format", "pdf", done, pdf2).returncode == 0, "export the corrected copy")
    check("草稿：0个错误，9项未填" in pdf_text(pdf2), "the mark counts what remains: 0 errors, 9 missing")
    out = cli("validate", done).stdout
    missing = re.findall(r"W-MISSING (\S+):", out)
    for path in missing:
        cli("set", done, path, "90" if path.endswith("self_score") else "完成年度目标")
    # a 项 the glossary does not define: an entry for it
    for term in re.findall(r"W-MISSING glossary: Glossary: (\S+) is not defined", out):
        row = cli("add", done, "glossary").stdout.strip()
        cli("set", done, row + ".term", term)
        cli("set", done, row + ".definition", "指……的支出。")
    check(cli("export", "--format", "pdf", "--force", done, pdf2).returncode == 0, "export the finished copy")
    check("草稿" not in pdf_text(pdf2), "a finished report has no draft mark (%d items typed)" % len(missing))

# --format html: one self-contained file; LibreOffice reads its text and tables.
html = os.path.join(tmp, "sample.html")
r = cli("export", "--format", "html", sample, html)
check(r.returncode == 0, "export --format html exits 0: " + r.stderr)
h = read(html) if os.path.exists(html) else ""
check(h.startswith("<!DOCTYPE html>") and h.count("<svg") == 4 and "<table>" in h, "inline SVG charts and HTML tables")
check(re.search(r'(src|href)="(https?:|file:|[^"#])', h) is None, "nothing outside the file is referenced")
check("@media print" in h and "table-header-group" in h, "CSS for print, header rows repeated")
soffice = shutil.which("soffice") or shutil.which("libreoffice")
if soffice and os.path.exists(html):
    outdir = os.path.join(tmp, "lo")
    subprocess.run([soffice, "--headless", "--infilter=HTML (StarCalc)", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", outdir, html],
                   capture_output=True, env=dict(ENV, HOME=tmp))
    csvf = os.path.join(outdir, "sample.csv")
    lo = read(csvf) if os.path.exists(csvf) else ""
    check("2024年度收入、支出总计均为1447.01万元。与2023年度相比，收入、支出总计各减少131.49万元，下降8.33%。" in lo,
          "LibreOffice reads Part 2's text")
    check(re.search(r"^206,+科学技术支出,+1288\.67", lo, re.M) is not None, "LibreOffice reads the tables' cells")
    check("草稿：1 个错误，9 项未填" in lo, "the draft mark is in the HTML")
else:
    print("# LibreOffice missing: the HTML is not read back")

r = cli("export", "--format", "pdfx", sample, out)
check(r.returncode == 2 and all(f in r.stderr for f in ("txt", "charts", "pdf", "html")),
      "an unknown format is refused, naming the formats")

print("1..%d" % n)
sys.exit(1 if failed else 0)
