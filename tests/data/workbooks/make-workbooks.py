#!/usr/bin/env python3
"""Writes the workbook fixtures of tests/check-workbook.py: published tables
(the national set of nine, resources/templates/national.ini) as flat
ODS (.fods, text), then converts each with LibreOffice, as a user's
spreadsheet program would save them:

    soffice --headless --convert-to xlsx  X.fods
    soffice --headless --convert-to xls   X.fods   (report only)

Run from anywhere:  python3 tests/data/workbooks/make-workbooks.py
The .fods are the sources; the .xlsx/.xls beside them are what this wrote.

The figures are the built-in sample's (遂宁市科学技术局 2024), in 万元:
"三公" budget 3.25 / 3.0046 (0 + 3.0046) / 0.02, actual 3.25 / 2.98 / 0.00.

Variants (each must import to the same report, or be refused):
  report     sheets 封面, 表1 … 表9; numbers; merged two/three-row headers;
             表2, 表3 and 表5 with the sample's seventeen 项 rows (coded), 表8
             printed empty (本表为空表), 表6 with 302's 款 rows 30231 and 30299
  moved      sheets in another order with a 目录 sheet listing every title,
             two rows above each title, numbers stored as text with
             thousands separators
  yuan       单位：元, every figure ×10000 (3.0046 万元 = 30046.00 元)
  blank      zeros left blank (a template that prints blank for zero)
  bad-cell   the “三公” 决算数 购置费 cell holds 1.2.3
  bad-total  the “三公” 决算数 合计 is 6.33 where its parts add to 6.23
  bad-subtotal  表5's 类 row 206 prints 300.00 where its 项 rows add to 1288.67
"""
import os, shutil, subprocess, sys, tempfile
from decimal import Decimal
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))


class Sheet:
    def __init__(self, name):
        self.name, self.cells, self.merges = name, {}, []

    def put(self, r, c, v, rows=1, cols=1):
        self.cells[(r, c)] = v
        if rows > 1 or cols > 1:
            self.merges.append((r, c, rows, cols))


class Num:
    """A number cell; text=True stores it as text with thousands separators."""
    def __init__(self, v, text=False):
        self.v, self.text = Decimal(v), text


def fmt(d):
    return f"{d:,}"


def cell_xml(v, rows=1, cols=1):
    span = ""
    if rows > 1 or cols > 1:
        span = f' table:number-rows-spanned="{rows}" table:number-columns-spanned="{cols}"'
    if v is None:
        return f"<table:table-cell{span}/>"
    if isinstance(v, Num):
        if v.text:
            return (f'<table:table-cell{span} office:value-type="string">'
                    f"<text:p>{fmt(v.v)}</text:p></table:table-cell>")
        return (f'<table:table-cell{span} office:value-type="float" office:value="{v.v}">'
                f"<text:p>{v.v}</text:p></table:table-cell>")
    return (f'<table:table-cell{span} office:value-type="string">'
            f"<text:p>{escape(v)}</text:p></table:table-cell>")


def sheet_xml(s):
    covered = set()
    for r, c, rows, cols in s.merges:
        for rr in range(r, r + rows):
            for cc in range(c, c + cols):
                if (rr, cc) != (r, c):
                    covered.add((rr, cc))
    spans = {(r, c): (rows, cols) for r, c, rows, cols in s.merges}
    keys = list(s.cells) + list(covered)
    nr = max(r for r, _ in keys) + 1
    nc = max(c for _, c in keys) + 1
    out = [f'<table:table table:name="{escape(s.name)}">']
    for r in range(nr):
        out.append("<table:table-row>")
        for c in range(nc):
            if (r, c) in covered:
                out.append("<table:covered-table-cell/>")
            else:
                rows, cols = spans.get((r, c), (1, 1))
                out.append(cell_xml(s.cells.get((r, c)), rows, cols))
        out.append("</table:table-row>")
    out.append("</table:table>")
    return "".join(out)


def fods(sheets):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" '
            'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
            "<office:body><office:spreadsheet>\n"
            + "\n".join(sheet_xml(s) for s in sheets)
            + "\n</office:spreadsheet></office:body></office:document>\n")


DEPT = "遂宁市科学技术局"


def amount(v, variant):
    d = Decimal(v)
    if variant == "yuan":
        d = d * 10000
    if d == 0 and variant == "blank":
        return None
    return Num(d, text=(variant in ("moved",)))


def head(s, variant, title, number, width):
    r = 0
    if variant == "moved":
        s.put(0, 0, "附件3")
        s.put(1, width - 1, number)
        r = 2
    s.put(r, 0, title, cols=width)
    s.put(r + 1, width - 1, number if variant != "moved" else None)
    s.put(r + 2, 0, "编制单位：" + DEPT, cols=3)
    s.put(r + 2, width - 1, "单位：元" if variant == "yuan" else "单位：万元")
    return r + 3


def class_lines():
    """(label, figure) per 类 of T5, numbered as printed: 一、一般公共服务支出 …"""
    numbers = "一二三四五六七八九十"
    items = [r for r in T5 if len(r) == 4]
    out = []
    for r in T5:
        if len(r[0]) == 3:
            v = sum(Decimal(i[2]) + Decimal(i[3]) for i in items if i[0].startswith(r[0]))
            out.append((f"{numbers[len(out)]}、{r[1]}", v))
    return out


def table1(variant):
    s = Sheet("表1")
    r = head(s, variant, "2024年度收入支出决算总表", "公开01表", 6)
    s.put(r, 0, "收入", cols=3)
    s.put(r, 3, "支出", cols=3)
    for i, h in enumerate(["项目", "行次", "金额", "项目", "行次", "金额"]):
        s.put(r + 1, i, h)
    s.put(r + 2, 0, "栏次"); s.put(r + 2, 2, "1"); s.put(r + 2, 3, "栏次"); s.put(r + 2, 5, "2")
    left = [("一、一般公共预算财政拨款收入", "1447.01"), ("二、政府性基金预算财政拨款收入", "0"),
            ("三、国有资本经营预算财政拨款收入", "0"), ("四、上级补助收入", "0"),
            ("五、事业收入", "0"), ("六、经营收入", "0"), ("七、附属单位上缴收入", "0"),
            ("八、其他收入", "0"), ("本年收入合计", "1447.01"), ("使用非财政拨款结余", "0"),
            ("年初结转和结余", "0"), ("总计", "1447.01")]
    # 支出 by 类: what the 项 rows of 表3 add up to
    right = [(label, str(v)) for label, v in class_lines()] + [
             (None, None), (None, None), (None, None),
             ("本年支出合计", "1447.01"), ("结余分配", "0"), ("年末结转和结余", "0"),
             ("总计", "1447.01")]
    for i, ((ll, lv), (rl, rv)) in enumerate(zip(left, right)):
        row = r + 3 + i
        s.put(row, 0, ll); s.put(row, 1, str(i + 1)); s.put(row, 2, amount(lv, variant))
        if rl:
            s.put(row, 3, rl); s.put(row, 4, str(i + 13)); s.put(row, 5, amount(rv, variant))
    return s


def table7(variant):
    s = Sheet("表7")
    r = head(s, variant, "2024年度一般公共预算财政拨款“三公”经费支出决算表", "公开07表", 12)
    for half, word in ((0, "预算数"), (6, "决算数")):
        s.put(r, half, word, cols=6)
        s.put(r + 1, half, "合计", rows=2)
        s.put(r + 1, half + 1, "因公出国（境）费", rows=2)
        s.put(r + 1, half + 2, "公务用车购置及运行费", cols=3)
        s.put(r + 2, half + 2, "小计"); s.put(r + 2, half + 3, "购置费"); s.put(r + 2, half + 4, "运行费")
        s.put(r + 1, half + 5, "公务接待费", rows=2)
    budget = ["6.2746", "3.25", "3.0046", "0", "3.0046", "0.02"]
    actual = ["6.33" if variant == "bad-total" else "6.23", "3.25", "2.98", "0", "2.98", "0"]
    for i, v in enumerate(budget + actual):
        s.put(r + 3, i, amount(v, variant))
    if variant == "bad-cell":
        s.put(r + 3, 9, "1.2.3")
    return s


def matrix(variant, name, title, number, columns, rows):
    """A 类/款/项 table: 项目 (科目编码, 科目名称) then columns (a "|" makes a
    two-row header), rows = [(code, name, values…)], code "合计" first."""
    width = 2 + len(columns)
    s = Sheet(name)
    r = head(s, variant, title, number, width)
    s.put(r, 0, "项目", cols=2)
    s.put(r + 1, 0, "科目编码"); s.put(r + 1, 1, "科目名称")
    c = 2
    groups = {}
    for col in columns:
        if "|" in col:
            top, bottom = col.split("|")
            groups.setdefault(top, []).append(c)
            s.put(r + 1, c, bottom)
        else:
            s.put(r, c, col, rows=2)
        c += 1
    for top, cs in groups.items():
        s.put(r, cs[0], top, cols=len(cs))
    r += 2
    for row in rows:
        if row[0] == "合计":
            s.put(r, 0, "合计", cols=2)
        elif row[0] == "note":
            s.put(r, 0, row[1], cols=width)
            r += 1
            continue
        else:
            s.put(r, 0, row[0]); s.put(r, 1, row[1])
        for j, v in enumerate(row[2:]):
            s.put(r, 2 + j, amount(v, variant))
        r += 1
    return s


# The sample's 一般公共预算 项 rows (functional[N]) with their codes, and
# a basic/project split that adds to the printed 708.77 / 738.24.
T5 = [
    ("201", "一般公共服务支出"), ("20113", "商贸事务"), ("2011308", "招商引资", "0", "1.37"),
    ("206", "科学技术支出"), ("20601", "科学技术管理事务"),
    ("2060101", "行政运行", "329.53", "0"), ("2060102", "一般行政管理事务", "7.46", "0"),
    ("2060199", "其他科学技术管理事务支出", "39.29", "7.45"),
    ("20602", "基础研究"), ("2060201", "机构运行", "175.52", "0"),
    ("2060208", "科技人才队伍建设", "0", "224.12"),
    ("20604", "技术研究与开发"), ("2060404", "科技成果转化与扩散", "0", "254.03"),
    ("20605", "科技条件与服务"), ("2060502", "技术创新服务体系", "0", "35.00"),
    ("20607", "科技交流与合作"), ("2060799", "其他科技交流与合作支出", "0", "21.27"),
    ("20699", "其他科学技术支出"), ("2069901", "科技奖励", "0", "195.00"),
    ("208", "社会保障和就业支出"), ("20805", "行政事业单位养老支出"),
    ("2080501", "行政单位离退休", "9.91", "0"), ("2080502", "事业单位离退休", "2.83", "0"),
    ("2080505", "机关事业单位基本养老保险缴费支出", "52.50", "0"),
    ("20808", "抚恤"), ("2080801", "死亡抚恤", "24.24", "0"),
    ("210", "卫生健康支出"), ("21011", "行政事业单位医疗"),
    ("2101101", "行政单位医疗", "13.03", "0"), ("2101102", "事业单位医疗", "10.13", "0"),
    ("221", "住房保障支出"), ("22102", "住房改革支出"), ("2210201", "住房公积金", "44.33", "0"),
]


def table5(variant):
    items = [r for r in T5 if len(r) == 4]
    def total(prefix, i):
        return sum(Decimal(r[2 + i]) for r in items if r[0].startswith(prefix))
    rows = [("合计", None, *(str(total("", 0) + total("", 1)), str(total("", 0)), str(total("", 1))))]
    for r in T5:
        if len(r) == 4:
            basic, project = Decimal(r[2]), Decimal(r[3])
            rows.append((r[0], r[1], str(basic + project), r[2], r[3]))
        else:
            b, p = total(r[0], 0), total(r[0], 1)
            rows.append((r[0], r[1], str(b + p), str(b), str(p)))
    if variant == "bad-subtotal":
        rows[4] = rows[4][:2] + ("300.00",) + rows[4][3:]   # 206 科学技术支出
    return matrix(variant, "表5", "2024年度一般公共预算财政拨款支出决算表", "公开05表",
                  ["本年支出|小计", "本年支出|基本支出", "本年支出|项目支出"], rows)


def t5_rows(values):
    """The 合计 row and T5's 类/款/项 rows, each with values(basic, project)
    (subtotals: of the 项 rows under them)."""
    items = [r for r in T5 if len(r) == 4]
    def total(prefix):
        return (sum(Decimal(r[2]) for r in items if r[0].startswith(prefix)),
                sum(Decimal(r[3]) for r in items if r[0].startswith(prefix)))
    rows = [("合计", None, *values(*total("")))]
    for r in T5:
        b, p = (Decimal(r[2]), Decimal(r[3])) if len(r) == 4 else total(r[0])
        rows.append((r[0], r[1], *values(b, p)))
    return rows


def table2(variant):
    # Every 项 is paid from appropriations (财政拨款收入).
    return matrix(variant, "表2", "2024年度收入决算表", "公开02表",
                  ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入",
                   "附属单位上缴收入", "其他收入"],
                  t5_rows(lambda b, p: (str(b + p), str(b + p), "0", "0", "0", "0", "0")))


def table3(variant):
    return matrix(variant, "表3", "2024年度支出决算表", "公开03表",
                  ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出",
                   "对附属单位补助支出"],
                  t5_rows(lambda b, p: (str(b + p), str(b), str(p), "0", "0", "0")))


def table8(variant):
    return matrix(variant, "表8", "2024年度政府性基金预算财政拨款收入支出决算表", "公开08表",
                  ["年初结转和结余", "本年收入", "本年支出|小计", "本年支出|基本支出",
                   "本年支出|项目支出", "年末结转和结余"],
                  [("note", "注：本单位2024年度无政府性基金预算财政拨款收入和支出，故本表为空表。")])


def table9(variant):
    return matrix(variant, "表9", "2024年度国有资本经营预算财政拨款支出决算表", "公开09表",
                  ["本年支出|合计", "本年支出|基本支出", "本年支出|项目支出"],
                  [("合计", None, "0", "0", "0")])


def table4(variant):
    s = Sheet("表4")
    r = head(s, variant, "2024年度财政拨款收入支出决算总表", "公开04表", 9)
    s.put(r, 0, "收入", cols=3)
    s.put(r, 3, "支出", cols=6)
    for i, h in enumerate(["项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款",
                           "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]):
        s.put(r + 1, i, h)
    left = [("一、一般公共预算财政拨款", "1447.01"), ("二、政府性基金预算财政拨款", "0"),
            ("三、国有资本经营预算财政拨款", "0"), (None, None),
            ("本年收入合计", "1447.01"), ("年初财政拨款结转和结余", "0"), ("总计", "1447.01")]
    right = [(label, [str(v), str(v), "0", "0"]) for label, v in class_lines()] + [
             ("本年支出合计", ["1447.01", "1447.01", "0", "0"]),
             ("年末财政拨款结转和结余", ["0", None, None, None]),
             ("总计", ["1447.01", None, None, None])]
    left += [(None, None)] * (len(right) - len(left))
    for i, ((ll, lv), (rl, rv)) in enumerate(zip(left, right)):
        row = r + 2 + i
        if ll:
            s.put(row, 0, ll); s.put(row, 1, str(i + 1)); s.put(row, 2, amount(lv, variant))
        s.put(row, 3, rl); s.put(row, 4, str(i + 20))
        for j, v in enumerate(rv):
            if v is not None:
                s.put(row, 5 + j, amount(v, variant))
    return s


def table6(variant):
    s = Sheet("表6")
    r = head(s, variant, "2024年度一般公共预算财政拨款基本支出决算表", "公开06表", 6)
    for half, word in ((0, "人员经费"), (3, "公用经费")):
        s.put(r, half, word, cols=3)
        s.put(r + 1, half, "科目编码"); s.put(r + 1, half + 1, "科目名称"); s.put(r + 1, half + 2, "决算数")
    people = [("301", "工资福利支出", "600.00"), ("303", "对个人和家庭的补助", "30.27")]
    public = [("302", "商品和服务支出", "75.50"), ("30231", "公务用车运行维护费", "2.98"),
              ("30299", "其他商品和服务支出", "72.52"), ("310", "资本性支出", "3.00")]
    for i in range(max(len(people), len(public))):
        row = r + 2 + i
        if i < len(people):
            code, name, v = people[i]
            s.put(row, 0, code); s.put(row, 1, name); s.put(row, 2, amount(v, variant))
        if i < len(public):
            code, name, v = public[i]
            s.put(row, 3, code); s.put(row, 4, name); s.put(row, 5, amount(v, variant))
    row = r + 2 + max(len(people), len(public))
    s.put(row, 0, "人员经费合计", cols=2); s.put(row, 2, amount("630.27", variant))
    s.put(row, 3, "公用经费合计", cols=2); s.put(row, 5, amount("78.50", variant))
    return s


def cover():
    s = Sheet("封面")
    s.put(0, 0, DEPT + "2024年度部门决算")
    return s


def contents():
    s = Sheet("目录")
    for i, t in enumerate(["收入支出决算总表", "收入决算表", "支出决算表",
                           "一般公共预算财政拨款“三公”经费支出决算表"]):
        s.put(i, 0, t)
    return s


def workbook(variant):
    if variant == "moved":
        return [table7(variant), contents(), table9(variant), table3(variant), table6(variant),
                table1(variant), table5(variant), table2(variant), table8(variant), table4(variant)]
    return [cover(), table1(variant), table2(variant), table3(variant), table4(variant),
            table5(variant), table6(variant), table7(variant), table8(variant), table9(variant)]


VARIANTS = ["report", "moved", "yuan", "blank", "bad-cell", "bad-total", "bad-subtotal"]


def main():
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    tmp = tempfile.mkdtemp()
    try:
        for v in VARIANTS:
            path = os.path.join(HERE, v + ".fods")
            with open(path, "w", encoding="utf-8") as f:
                f.write(fods(workbook(v)))
            if soffice is None:
                continue
            for fmt_ in (["xlsx", "xls"] if v == "report" else ["xlsx"]):
                subprocess.run([soffice, "-env:UserInstallation=file://" + tmp + "/profile",
                                "--headless", "--convert-to", fmt_, "--outdir", HERE, path],
                               check=True, capture_output=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if soffice is None:
        print("LibreOffice not found: wrote the .fods only", file=sys.stderr)


if __name__ == "__main__":
    main()
