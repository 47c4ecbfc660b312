#!/usr/bin/env python3
"""juesuan-cli new --from: next year's report from last year's (issue 13 part 1).

Usage: check-carry.py JUESUAN_CLI
Prints TAP.  Everything is compared through `juesuan-cli paths` (exact 万元
texts, compared as Decimal: never a float).
"""
import os, shutil, subprocess, sys, tempfile
from decimal import Decimal
from checklib import CLI, ENV, TMP, test, run, must, fresh, sample, table, main


def paths(f):
    return table("paths", f)


# this year's 上年 field ← last year's figure (a field, or a sum of fields)
PREVIOUS = {
    "overview.previous_income_total":
        ["income." + x for x in ("general_budget", "gov_fund", "state_capital", "superior_subsidy",
                                 "business", "operating", "affiliated", "other",
                                 "non_fiscal_surplus_used", "carried_in")],
    "overview.previous_expenditure_total":
        ["expenditure." + x for x in ("basic", "project", "to_superior", "operating",
                                      "affiliated_subsidy", "surplus_distribution", "carried_out")],
    "appropriation.previous_total":
        ["appropriation." + x for x in ("expenditure_general_budget", "expenditure_gov_fund",
                                        "expenditure_state_capital", "carried_out")],
    "appropriation.previous_general_budget": ["appropriation.expenditure_general_budget"],
    "three_public.abroad.previous": ["three_public.abroad.actual"],
    "three_public.vehicle.previous": ["three_public.vehicle.actual"],
    "three_public.vehicle.purchase.previous": ["three_public.vehicle.purchase.actual"],
    "three_public.vehicle.operation.previous": ["three_public.vehicle.operation.actual"],
    "three_public.reception.previous": ["three_public.reception.actual"],
    "gov_fund.previous": ["gov_fund.expenditure"],
    "state_capital.previous": ["state_capital.expenditure"],
    "other.operating_cost_previous": ["other.operating_cost"],
}


def carried_sample():
    last = fresh("2024.juesuan")
    must(run("new", "--sample", last)[0] == 0, "sample")
    new = fresh("2025.juesuan")
    rc, out, err = run("new", "--from", last, new)
    must(rc == 0, err)
    return last, new, out


@test
def previous_year_figures_are_last_years_figures():
    last, new, out = carried_sample()
    must("the 2025 report" in out, out)
    a, b = paths(last), paths(new)
    must(b["profile.year"][1] == "2025", b["profile.year"])
    for field, sources in PREVIOUS.items():
        values = [a[s][1] for s in sources]
        must(any(values), "%s: the sample has %s" % (field, sources))
        want = sum(Decimal(v) for v in values if v)
        must(b[field][1] != "" and Decimal(b[field][1]) == want,
             "%s: %s, last year's %s = %s" % (field, b[field][1], sources, want))
    # the sample's own figures, as the seed prints them
    must(b["overview.previous_income_total"][1] == "1447.01", b["overview.previous_income_total"])
    must(b["three_public.abroad.previous"][1] == "3.25", b["three_public.abroad.previous"])
    must(b["other.operating_cost_previous"][1] == "78.50", b["other.operating_cost_previous"])


@test
def each_functional_rows_previous_figure_is_its_2024_actual():
    last, new, _ = carried_sample()
    a, b = paths(last), paths(new)
    n = sum(1 for p in a if p.startswith("functional[") and p.endswith("].code"))
    must(n == 17, "the sample's 17 rows: %d" % n)
    for i in range(n):
        row = "functional[%d]" % i
        must(b[row + ".code"] == a[row + ".code"], (row, a[row + ".code"], b[row + ".code"]))
        must(a[row + ".previous"][1] == "", "the sample prints no 上年 per row: %s" % row)
        must(b[row + ".previous"] == ("amount", a[row + ".actual"][1]),
             "%s (%s): 上年 %s, 2024 actual %s" % (row, a[row + ".code"][1], b[row + ".previous"],
                                                   a[row + ".actual"]))
        must(b[row + ".actual"][1] == "", "%s: this year's actual starts blank" % row)
    # 2060101 行政运行 329.53 is functional[1]
    must(b["functional[1].previous"][1] == "329.53", b["functional[1].previous"])
    # a row's reason is carried, marked, like every reason
    must(run("set", last, "functional[1].reason", "人员增加，支出增长")[0] == 0, "reason")
    new2 = fresh("2025r.juesuan")
    must(run("new", "--from", last, new2)[0] == 0, "carry again")
    must(paths(new2)["functional[1].reason"][1] == "人员增加，支出增长", "reason carried")
    must("functional[1].reason\t" in run("confirm", new2)[1], "a carried reason is marked")


@test
def no_2024_amount_left_as_a_2025_figure():
    last, new, _ = carried_sample()
    b = paths(new)
    left = [p for p, (t, v) in b.items() if t == "amount" and v != "" and p not in PREVIOUS
            and not (p.startswith("functional[") and p.endswith("].previous"))]
    must(not left, "amounts of this year must be blank: %s" % left[:10])
    for p, (t, v) in b.items():
        if t in ("percent", "integer", "date") and v != "":
            must(p in ("profile.year", "profile.subordinate_units", "profile.admin_units",
                       "profile.institution_units") or p.endswith(".weight") or
                 p.endswith(".template_total"), "a figure of 2024 left: %s = %s" % (p, v))
        if p.endswith("].actual") and ".indicators[" in p or (p.endswith("].target") and ".indicators[" in p):
            must(v == "", "indicator results are this year's: %s = %s" % (p, v))


@test
def profile_offices_glossary_and_evaluation_structure_kept():
    last, new, _ = carried_sample()
    a, b = paths(last), paths(new)
    kept = [p for p in a if p.startswith(("profile.name", "profile.duties", "profile.offices[",
                                          "glossary[", "dept_eval.tasks[", "functional["))
            or (".indicators[" in p and p.rsplit(".", 1)[1] in
                ("level1", "level2", "name", "nature", "unit", "weight"))]
    kept = [p for p in kept if a[p][0] != "amount"]
    must(len(kept) > 300, len(kept))
    for p in kept:
        must(b.get(p) == a[p], "%s: %s carried as %s" % (p, a[p], b.get(p)))
    must(sum(1 for p in b if p.startswith("special_funds[") and p.endswith("].project_name")) == 8,
         "the eight special funds")


@test
def carried_texts_marked_until_confirmed_or_edited():
    last, new, out = carried_sample()
    rc, listing, err = run("confirm", new)
    must(rc == 0, err)
    marked = [l.split("\t")[0] for l in listing.splitlines()]
    for p in ("profile.duties", "overview.change_reason", "three_public.abroad.reason",
              "dept_eval.target", "dept_eval.tasks[0].content", "dept_eval.sections[0].body",
              "special_funds[0].basis", "glossary[0].definition"):
        must(p in marked, "%s is marked carried: %s" % (p, marked[:20]))
    must("profile.name" not in marked and "dept_eval.indicators[0].name" not in marked,
         "names are structure, not prose")
    must("%u carried texts" % len(marked) in out, out)

    def progress():
        rc, o, _ = run("progress", new)
        return {l.split("\t")[0]: (int(l.split("\t")[1]), int(l.split("\t")[2]))
                for l in o.splitlines()}

    before = progress()
    rc, out, _ = run("validate", new)
    must("W-MISSING profile.duties: Duties was carried over from last year: confirm it or edit it"
         in out, out[:2000])
    # the same text set again is not an edit: still carried
    same = paths(new)["overview.change_reason"][1]
    must(run("set", new, "overview.change_reason", same)[0] == 0, "set same")
    must("overview.change_reason\t" in run("confirm", new)[1], "unchanged text stays carried")
    # editing clears the mark (a later process sees it: it is stored)
    must(run("set", new, "profile.duties", "新的职责")[0] == 0, "set")
    rc, listing, _ = run("confirm", new)
    must("profile.duties\t" not in listing, "edited: no longer carried")
    after_edit = progress()
    must(after_edit["profile"][0] == before["profile"][0] + 1, (before["profile"], after_edit["profile"]))
    # confirming as it stands clears it too
    must(run("confirm", new, "profile.structure")[0] == 0, "confirm")
    rc, listing, _ = run("confirm", new)
    must("profile.structure\t" not in listing, listing[:300])
    must(progress()["profile"][0] == before["profile"][0] + 2, progress()["profile"])
    rc, _, err = run("confirm", new, "profile.name")
    must(rc == 1 and "not a text carried" in err, err)
    # a mark travels with its row when rows move
    must(run("confirm", new, "glossary[1].definition")[0] == 0, "confirm glossary[1]")
    must(run("move", new, "glossary[1]", "0")[0] == 0, "move")
    rc, listing, _ = run("confirm", new)
    must("glossary[0].definition\t" not in listing and "glossary[1].definition\t" in listing,
         "the confirmed row moved to 0, the carried one to 1: " + listing[:600])
    # and everything at once
    must(run("confirm", new, "--all")[0] == 0, "--all")
    rc, listing, _ = run("confirm", new)
    must(listing == "", listing[:300])
    rc, out, _ = run("validate", new)
    must("carried over from last year" not in out, "no carried item left")


@test
def a_code_the_new_classification_lacks_is_flagged_on_its_row():
    last = fresh("2024c.juesuan")
    must(run("new", "--sample", last)[0] == 0, "sample")
    csvf = os.path.join(TMP, "2025-classification.csv")
    with open(csvf, "w", encoding="utf-8") as f:
        f.write("code,name,level,parent\n206,科学技术支出,1,\n20601,科学技术管理事务,2,206\n"
                "2060101,行政运行,3,20601\n")
    new = fresh("2025c.juesuan")
    rc, out, err = run("new", "--from", last, "--classification", csvf, new)
    must(rc == 0, err)
    must("functional[2]: code 2060102" in err, err)
    rc, out, _ = run("validate", new)
    must("warning W-CLASSIFICATION-CODE functional[2].code" in out, out[:3000])


@test
def the_new_years_economic_classification_is_loaded_and_checked():
    last = fresh("2024e.juesuan")
    must(run("new", "--sample", last)[0] == 0, "sample")
    # two lines of 表6 last year: 30101, and 30199 the new year's table lacks
    for i, (code, name) in enumerate([("30101", "基本工资"), ("30199", "其他工资福利支出")]):
        must(run("add", last, "economic")[0] == 0, "add")
        must(run("set", last, "economic[%d].code" % i, code)[0] == 0, "code")
        must(run("set", last, "economic[%d].name" % i, name)[0] == 0, "name")
        must(run("set", last, "economic[%d].actual" % i, "1")[0] == 0, "actual")
    # last year's own economic table is not carried: it is the year's parameter
    old = os.path.join(TMP, "2024-economic.csv")
    with open(old, "w", encoding="utf-8") as f:
        f.write("code,name,level,parent\n301,工资福利支出,1,\n30101,基本工资,2,301\n"
                "30199,其他工资福利支出,2,301\n")
    must(run("classification", "import", "--economic", old, last)[0] == 0, "import")
    plain = fresh("2025p.juesuan")
    rc, out, err = run("new", "--from", last, plain)
    must(rc == 0 and "economic[" not in err, err)
    rc, out, err = run("add", "--code", "30799", plain, "economic")
    must(rc != 0 and "built-in economic classification" in err, "no table carried: " + err)
    # the new year's table: loaded into the new report, a line it lacks named
    csvf = os.path.join(TMP, "2025-economic.csv")
    with open(csvf, "w", encoding="utf-8") as f:
        f.write("code,name,level,parent\n301,工资福利支出,1,\n30101,基本工资,2,301\n"
                "307,债务利息及费用支出,1,\n30799,其他债务利息及费用支出,2,307\n")
    new = fresh("2025e.juesuan")
    rc, out, err = run("new", "--from", last, "--economic-classification", csvf, new)
    must(rc == 0, err)
    must(new + ": economic[1]: code 30199 (其他工资福利支出) is not in the new year's economic "
         "classification; change the row's code or remove the row" in err, err)
    must("economic[0]" not in err, err)
    rc, out, _ = run("validate", new)
    must("warning W-ECONOMIC-CODE economic[1].code" in out, out[:3000])
    must("W-ECONOMIC-CODE economic[0].code" not in out, out[:3000])
    rc, out, err = run("add", "--code", "30799", new, "economic")
    must(rc == 0 and out.startswith("economic["), "the new year's table is in the file: " + err)
    # with the functional one too; a bad table refuses, nothing created
    both = fresh("2025b.juesuan")
    func = os.path.join(TMP, "2025-functional.csv")
    with open(func, "w", encoding="utf-8") as f:
        f.write("code,name,level,parent\n206,科学技术支出,1,\n20601,科学技术管理事务,2,206\n"
                "2060101,行政运行,3,20601\n")
    rc, out, err = run("new", "--from", last, "--classification", func,
                       "--economic-classification", csvf, both)
    must(rc == 0 and "functional[2]: code 2060102" in err and "economic[1]: code 30199" in err, err)
    bad = os.path.join(TMP, "2025-economic-bad.csv")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("code,name,level,parent\n301,工资福利支出,1,\n2060101,行政运行,3,20601\n")
    nothing = fresh("2025x.juesuan")
    rc, out, err = run("new", "--from", last, "--economic-classification", bad, nothing)
    must(rc == 1 and bad + ":3: code “2060101” is not a 3-digit 类 or 5-digit 款" in err
         and nothing + " was not created" in err, err)
    must(not os.path.exists(nothing), "nothing created")
    rc, _, err = run("new", "--economic-classification", csvf, nothing)
    must(rc == 2, "--economic-classification without --from is a usage error")


@test
def refuses_to_replace_and_unreadable_sources():
    last, new, _ = carried_sample()
    before = open(new, "rb").read()
    rc, _, err = run("new", "--from", last, new)
    must(rc == 1 and "already exists" in err, err)
    must(open(new, "rb").read() == before, "the existing file is untouched")
    text = os.path.join(TMP, "not-a-report.juesuan")
    open(text, "w").write("hello")
    rc, _, err = run("new", "--from", text, fresh("x.juesuan"))
    must(rc == 2 and "not a Juesuan report" in err, err)
    must(not os.path.exists(os.path.join(TMP, "x.juesuan")), "nothing created")


sys.exit(main())
