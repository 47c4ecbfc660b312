#!/usr/bin/env python3
"""juesuan-cli consolidate: a department's report from its units' (issue 13 part 4).

Usage: check-consolidate.py JUESUAN_CLI
Prints TAP.  Figures are compared through `paths` and `paths --computed`
as Decimal (never a float).
"""
import collections, json, os, shutil, sqlite3, subprocess, sys, tempfile
from decimal import Decimal
from checklib import CLI, ENV, TMP, test, run, must, fresh, sample, table, main

ENV.pop("JUESUAN_CHANGE_THRESHOLD", None)
EVALUATIONS = ("dept_eval", "special_funds")


def two_copies():
    a, b = sample("a.juesuan"), sample("b.juesuan")
    out = fresh("dept.juesuan")
    rc, text, err = run("consolidate", out, a, b)
    must(rc == 0, err)
    return a, b, out, text


@test
def two_copies_double_every_amount():
    a, b, out, text = two_copies()
    must("2 units consolidated (department: %s)" % a in text, text)
    s, c = table("paths", a), table("paths", out)
    doubled = 0
    for p, (t, v) in s.items():
        if p.startswith(EVALUATIONS) or t not in ("amount", "integer") or v == "" or p == "profile.year":
            continue
        must(Decimal(c[p][1]) == 2 * Decimal(v), "%s: %s, the sample %s" % (p, c[p][1], v))
        doubled += 1
    must(doubled > 200, doubled)
    must(c["profile.year"][1] == "2024" and c["profile.name"] == s["profile.name"], c["profile.year"])
    # every share and percentage kept, every computed amount doubled
    sc, cc = table("paths", "--computed", a), table("paths", "--computed", out)
    kept = 0
    for p, (t, v) in sc.items():
        if p.startswith(EVALUATIONS):
            continue
        if t == "percent":
            must(cc[p] == (t, v), "%s: %s, the sample %s" % (p, cc[p], v))
            kept += 1
        elif t == "amount" and v[:1] in "-0123456789":
            must(Decimal(cc[p][1]) == 2 * Decimal(v), "%s: %s, the sample %s" % (p, cc[p], v))
    must(kept > 50, kept)
    must(sc["three_public.total.change_pct"][1] == "62.24" == cc["three_public.total.change_pct"][1],
         "the seed's +62.24% kept")


@test
def evaluations_listed_under_each_unit():
    a, b, out, _ = two_copies()
    s, c = table("paths", a), table("paths", out)
    names = [c["special_funds[%d].project_name" % i][1] for i in range(17)]
    must(names[:8] == names[8:16] == [s["special_funds[%d].project_name" % i][1] for i in range(8)],
         names)
    must("special_funds[17].project_name" not in c, "8 + 8 + 1 attachment")
    must(names[16] == "遂宁市科学技术局 department-wide self-evaluation (attachment)", names[16])
    # the department's own evaluation, not a sum
    must(c["dept_eval.funds_total"] == s["dept_eval.funds_total"], c["dept_eval.funds_total"])
    # the attachment scores what b's evaluation scored
    sc, cc = table("paths", "--computed", a), table("paths", "--computed", out)
    must(cc["special_funds[16].score"] == sc["dept_eval.score"], (cc["special_funds[16].score"],
                                                                 sc["dept_eval.score"]))


@test
def findings_each_expected():
    a, b, out, _ = two_copies()
    rc, text, _ = run("validate", "--format", "json", out)
    got = collections.Counter((f["rule"], f["path"]) for f in json.loads(text) if f["rule"] != "W-MISSING")
    expected = collections.Counter()
    # the sample's own findings on the tables and the department's evaluation:
    # shares and completion rates are kept, so the same rows (招商引资 27.40% …)
    for rule, path in [("H-CLASSIFICATION-UNVERIFIED", "functional"),
                       ("W-COMPLETION-LOW", "functional[0].actual"),
                       ("W-COMPLETION-LOW", "functional[8].actual"),
                       ("W-COMPLETION-LOW", "functional[11].actual"),
                       ("W-INDICATOR-MISSED", "dept_eval.indicators[8].actual"),
                       ("H-QUALITATIVE-NUMBER", "dept_eval.indicators[1].nature"),
                       ("H-QUALITATIVE-NUMBER", "dept_eval.indicators[3].nature"),
                       ("H-QUALITATIVE-NUMBER", "dept_eval.indicators[4].nature"),
                       ("H-QUALITATIVE-NUMBER", "dept_eval.indicators[10].nature"),
                       ("H-INDICATOR-UNGRADED", "dept_eval.indicators[0].grade"),
                       # the department's evaluation (714.87, its own) against the summed
                       # accounts (1417.54): the sample has it too (708.77)
                       ("W-CROSS-DEPT-BASIC", "dept_eval.basic_actual"),
                       # new: its budget executed 1447.01 against the summed 2894.02
                       ("W-CROSS-DEPT-EXECUTED", "dept_eval.budget_executed")]:
        expected[(rule, path)] += 1
    # each unit's special funds carry their findings: [0..7] a's, [8..15] b's
    for off in (0, 8):
        for rule, path in [("E-WEIGHT-TOTAL", "special_funds[%d].indicators" % (2 + off)),
                           ("W-TEMPLATE-DIFFERS", "special_funds[%d].template_total" % (6 + off)),
                           ("W-INDICATOR-NOT-NUMERIC", "special_funds[%d].indicators[5].actual" % (4 + off)),
                           ("H-INDICATOR-UNGRADED", "special_funds[%d].indicators[4].grade" % (0 + off)),
                           ("H-INDICATOR-UNGRADED", "special_funds[%d].indicators[4].grade" % (1 + off)),
                           ("H-INDICATOR-UNGRADED", "special_funds[%d].indicators[3].grade" % (2 + off)),
                           ("H-INDICATOR-UNGRADED", "special_funds[%d].indicators[3].grade" % (3 + off)),
                           ("H-INDICATOR-UNGRADED", "special_funds[%d].indicators[3].grade" % (5 + off))]:
            expected[(rule, path)] += 1
        # a unit's fund executed its own money; the functional row paying it is now
        # the sum of both units' rows (科技奖励 195.00 ≠ 390.00 …)
        for i in (1, 2, 5, 6):
            expected[("W-CROSS-FUND-FUNCTIONAL", "special_funds[%d].funds_executed" % (i + off))] += 1
    # b's department-wide evaluation, kept as an attachment, keeps its findings
    for rule, path in [("W-INDICATOR-MISSED", "special_funds[16].indicators[8].actual"),
                       ("H-QUALITATIVE-NUMBER", "special_funds[16].indicators[1].nature"),
                       ("H-QUALITATIVE-NUMBER", "special_funds[16].indicators[3].nature"),
                       ("H-QUALITATIVE-NUMBER", "special_funds[16].indicators[4].nature"),
                       ("H-QUALITATIVE-NUMBER", "special_funds[16].indicators[10].nature"),
                       ("H-INDICATOR-UNGRADED", "special_funds[16].indicators[0].grade")]:
        expected[(rule, path)] += 1
    must(got == expected, "unexpected: %s; missing: %s" % (sorted((got - expected).elements()),
                                                           sorted((expected - got).elements())))
    # no balance or sum is broken by the sums: every E- finding is 附件4's weights
    must(sorted(r for r, _ in got.elements() if r.startswith("E-")) == ["E-WEIGHT-TOTAL"] * 2, got)


@test
def provenance_names_each_units_figure():
    a, b, out, _ = two_copies()
    rc, text, err = run("provenance", out, "income.general_budget")
    must(rc == 0, err)
    must(sorted(text.splitlines()) == sorted(["income.general_budget\t%s\t1447.01" % a,
                                              "income.general_budget\t%s\t1447.01" % b]), text)
    rc, text, _ = run("provenance", out)
    must("functional[0].actual\t%s\t1.37" % b in text, text[:400])
    rc, _, err = run("provenance", a)
    must(rc == 1 and "not a consolidation" in err, err)


@test
def refused_with_the_reason():
    a = sample("a.juesuan")
    for what, setup, words in (
            ("year", ("profile.year", "2023"), "different years"),
            ("template", ("profile.template", "national"), "different templates")):
        b = sample("b.juesuan")
        must(run("set", b, *setup)[0] == 0, what)
        out = fresh("dept.juesuan")
        rc, _, err = run("consolidate", out, a, b)
        must(rc == 1 and words in err and b in err, "%s: %s" % (what, err))
        must(not os.path.exists(out), "nothing written")
    b = sample("b.juesuan")
    db = sqlite3.connect(b)
    db.execute("UPDATE field SET value = '48o' WHERE path = 'other.operating_cost'")
    db.commit()
    db.close()
    out = fresh("dept.juesuan")
    rc, _, err = run("consolidate", out, a, b)
    must(rc == 1 and "other.operating_cost" in err and "48o" in err, err)
    must(not os.path.exists(out), "nothing written")


@test
def flows_between_units_eliminated_on_request():
    a, b = sample("a.juesuan"), sample("b.juesuan")
    must(run("set", a, "expenditure.affiliated_subsidy", "100")[0] == 0, "a")
    must(run("set", b, "income.superior_subsidy", "100")[0] == 0, "b")
    out = fresh("dept.juesuan")
    must(run("consolidate", out, a, b)[0] == 0, "plain")
    c = table("paths", out)
    must(c["expenditure.affiliated_subsidy"][1] == "100.00" and
         c["income.superior_subsidy"][1] == "100.00", "off by default")
    out = fresh("dept2.juesuan")
    rc, text, err = run("consolidate", "--eliminate", out, a, b)
    must(rc == 0, err)
    must("expenditure.affiliated_subsidy and income.superior_subsidy: 100.00 eliminated from each"
         in text, text)
    c = table("paths", out)
    must(c["expenditure.affiliated_subsidy"][1] == "0.00" and
         c["income.superior_subsidy"][1] == "0.00", (c["expenditure.affiliated_subsidy"],
                                                     c["income.superior_subsidy"]))


@test
def elimination_keeps_the_accounts_columns_tied_to_the_overview():
    """表1's 上级补助收入 / 对附属单位补助支出 lines and 表2/表3's columns lose the
    same amount, also when payer and receiver book the flow under different 项."""
    a, b = sample("a.juesuan"), sample("b.juesuan")
    for f, sets in ((a, (("expenditure.affiliated_subsidy", "100"),
                         ("accounts[1].exp_affiliated", "60"),
                         ("accounts[2].exp_affiliated", "40"))),
                    (b, (("income.superior_subsidy", "100"),
                         ("accounts[1].income_superior", "30"),
                         ("accounts[5].income_superior", "70")))):
        for path, value in sets:
            rc, _, err = run("set", f, path, value)
            must(rc == 0, err)
    for f in (a, b):
        rc, text, _ = run("validate", f)
        must("E-TIE-INCOME-COLUMNS" not in text and "E-TIE-EXPENDITURE-COLUMNS" not in text,
             "each unit's columns tie to its lines: " + text[:2000])
    out = fresh("dept3.juesuan")
    rc, text, err = run("consolidate", "--eliminate", out, a, b)
    must(rc == 0, err)
    # the same 项 first (行政运行: 30 of 60 against 30), the rest from the rows holding it
    for line in ("expenditure.affiliated_subsidy and income.superior_subsidy: 100.00 eliminated "
                 "from each",
                 "accounts[1].exp_affiliated and accounts[1].income_superior: 30.00 eliminated "
                 "from each",
                 "accounts[1].exp_affiliated: 30.00 eliminated (the other side is in another row)",
                 "accounts[2].exp_affiliated: 40.00 eliminated (the other side is in another row)",
                 "accounts[5].income_superior: 70.00 eliminated (the other side is in another "
                 "row)"):
        must(line in text, line + "\n" + text)
    c = table("paths", out)
    for p in ("expenditure.affiliated_subsidy", "income.superior_subsidy",
              "accounts[1].exp_affiliated", "accounts[2].exp_affiliated",
              "accounts[1].income_superior", "accounts[5].income_superior"):
        must(c[p][1] == "0.00", (p, c[p]))
    rc, text, _ = run("validate", out)
    must("E-TIE-INCOME-COLUMNS" not in text and "E-TIE-EXPENDITURE-COLUMNS" not in text,
         "the consolidated columns still tie to the lines: " + text[:3000])


@test
def reconsolidating_keeps_the_departments_own_texts():
    a, b, out, _ = two_copies()
    must(run("set", out, "profile.duties", "部门汇总后自己写的职责")[0] == 0, "own text")
    must(run("explain", out, "W-CROSS-DEPT-EXECUTED", "dept_eval.budget_executed",
             "汇总数含下属单位")[0] == 0, "explain")
    must(run("set", b, "income.other", "5")[0] == 0, "resubmission")
    rc, text, err = run("consolidate", out, a, b)
    must(rc == 0 and "consolidated again" in text, err + text)
    c = table("paths", out)
    must(c["profile.duties"][1] == "部门汇总后自己写的职责", c["profile.duties"])
    must(c["income.other"][1] == "5.00", c["income.other"])
    rc, text, _ = run("validate", "--explained", out)
    must("[explained: 汇总数含下属单位]" in text, "the explanation is kept")
    # a file that is not a consolidation is never replaced
    other = sample("other.juesuan")
    before = open(other, "rb").read()
    rc, _, err = run("consolidate", other, a, b)
    must(rc == 1 and "not a consolidation" in err, err)
    must(open(other, "rb").read() == before, "untouched")


def economic_table(name, rows):
    path = os.path.join(TMP, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("code,name,level,parent\n" + "".join(r + "\n" for r in rows))
    return path


@test
def economic_classification_is_the_departments_own():
    # the units' economic tables differ: neither is read, as the functional
    # ones are not — a new consolidation has none, a rebuilt one keeps its own
    a, b = sample("ea.juesuan"), sample("eb.juesuan")
    ta = economic_table("ea.csv", ["307,债务利息及费用支出,1,", "30799,其他债务利息及费用支出,2,307"])
    tb = economic_table("eb.csv", ["399,其他支出,1,", "39999,其他支出,2,399"])
    must(run("classification", "import", "--economic", ta, a)[0] == 0, "a")
    must(run("classification", "import", "--economic", tb, b)[0] == 0, "b")
    out = fresh("edept.juesuan")
    rc, text, err = run("consolidate", out, a, b)
    must(rc == 0, err)
    # (neither code is in the built-in table)
    for code in ("30799", "39999"):
        rc, _, err = run("add", "--code", code, out, "economic")
        must(rc != 0 and "built-in economic classification" in err, code + ": " + err)
    own = economic_table("edept.csv", ["309,资本性支出（基本建设）,1,", "30999,其他基本建设支出,2,309"])
    must(run("classification", "import", "--economic", own, out)[0] == 0, "own")
    must(run("set", b, "income.other", "5")[0] == 0, "resubmission")
    rc, text, err = run("consolidate", out, a, b)
    must(rc == 0 and "consolidated again" in text, err + text)
    must(table("paths", out)["income.other"][1] == "5.00", "rebuilt")
    rc, added, err = run("add", "--code", "30999", out, "economic")
    must(rc == 0 and added.startswith("economic["), "the department's own table kept: " + err)
    rc, _, err = run("add", "--code", "30799", out, "economic")
    must(rc != 0 and "not in the report's economic classification" in err, err)


@test
def three_units():
    a, b, c3 = sample("a.juesuan"), sample("b.juesuan"), sample("c.juesuan")
    out = fresh("three.juesuan")
    rc, text, err = run("consolidate", "--department", b, out, a, b, c3)
    must(rc == 0 and "3 units consolidated (department: %s)" % b in text, err + text)
    c = table("paths", out)
    must(c["income.general_budget"][1] == "4341.03", c["income.general_budget"])
    must(c["profile.staff.in_service"][1] == "87", c["profile.staff.in_service"])


@test
def table_marked_empty_only_when_every_unit_marks_it():
    a, b = sample("ma.juesuan"), sample("mb.juesuan")
    for f in (a, b):
        must(run("empty", f, "表11", "无国有资本经营预算收支")[0] == 0, "mark")
    must(run("empty", a, "表10", "本单位无政府性基金收支")[0] == 0, "mark")
    # the other unit has government-fund figures
    must(run("set", b, "gov_fund.income", "2")[0] == 0 and run("set", b, "gov_fund.expenditure", "2")[0] == 0, "set")
    out = fresh("marks.juesuan")
    rc, text, err = run("consolidate", out, a, b)
    must(rc == 0, err)
    rc, marks, _ = run("empty", out)
    must("state_capital" in marks and "gov_fund" not in marks, marks)
    rc, findings, _ = run("validate", out)
    must("E-EMPTY-TABLE-FIGURES" not in findings, findings)


sys.exit(main())
