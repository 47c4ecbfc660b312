#!/usr/bin/env python3
"""juesuan-cli export of the generated document (issue 12).

--format txt: Parts 1 to 3 as UTF-8 text written from the figures; a
changed amount (juesuan-cli set on a copy) changes every sentence that uses
it and nothing else; a reason left blank shows as 【请填写变动原因】.

Usage: check-document.py JUESUAN_CLI
"""
import os, subprocess, sys, tempfile

CLI = sys.argv[1]
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
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

r = cli("export", "--format", "pdfx", sample, out)
check(r.returncode == 2 and "txt" in r.stderr and "charts" in r.stderr, "an unknown format is refused, naming the formats")

print("1..%d" % n)
sys.exit(1 if failed else 0)
