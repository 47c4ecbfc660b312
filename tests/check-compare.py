#!/usr/bin/env python3
"""juesuan-cli compare and the change checks (issue 13 part 2).

Usage: check-compare.py JUESUAN_CLI
Prints TAP.
"""
import os, shutil, subprocess, sys, tempfile
from checklib import CLI, ENV, TMP, test, run, must, fresh, sample, table, main

ENV.pop("JUESUAN_CHANGE_THRESHOLD", None)


def rows(out):
    """label → the rest of its line, split on runs of 2+ spaces."""
    import re
    d = {}
    for line in out.splitlines()[2:]:
        cells = re.split(r"\s{2,}", line.strip())
        d[cells[0]] = cells[1:]
    return d


@test
def the_seeds_changes_with_their_reasons():
    f = fresh("2024.juesuan")
    must(run("new", "--sample", f)[0] == 0, "sample")
    rc, out, err = run("compare", f)
    must(rc == 0, err)
    r = rows(out)
    must(r["Income grand total"][:5] == ["1578.50", "1447.01", "-131.49", "-8.33%", "本年项目经费减少"],
         r["Income grand total"])
    must(r["“Three public” total"][:4] == ["3.84", "6.23", "+2.39", "+62.24%"], r["“Three public” total"])
    must(r["Overseas travel"][3] == "previous year was 0", r["Overseas travel"])
    must(r["Official reception"][:5] == ["1.02", "0.00", "-1.02", "-100.00%", "厉行节约减少公务接待开支"],
         r["Official reception"])
    must(r["Administrative operating cost"][:4] == ["84.13", "78.50", "-5.63", "-6.70%"],
         r["Administrative operating cost"])
    labels = list(r)
    must(labels[0] == "Income grand total", "the largest change first: %s" % labels)
    rc, out, _ = run("compare", "--sort", "percent", f)
    must(list(rows(out))[:2] == ["Overseas travel", "Official reception"],
         "from 0 first, then -100%%: %s" % list(rows(out))[:3])
    # the seed's reasons fit: no change warning
    rc, out, _ = run("validate", f)
    must("W-CHANGE-" not in out, out)


def year_2025():
    last = fresh("2024.juesuan")
    must(run("new", "--sample", last)[0] == 0, "sample")
    new = fresh("2025.juesuan")
    must(run("new", "--from", last, new)[0] == 0, "carry")
    for path, value in (("income.general_budget", "1600"),) + tuple(
            ("income." + x, "0") for x in ("gov_fund", "state_capital", "superior_subsidy",
                                           "business", "operating", "affiliated", "other",
                                           "non_fiscal_surplus_used", "carried_in")) + (
            ("three_public.abroad.actual", "0"), ("three_public.abroad.reason", ""),
            ("other.operating_cost", "80")):
        rc, _, err = run("set", new, path, value)
        must(rc == 0, err)
    return last, new


@test
def checks_on_the_2025_figures():
    last, new = year_2025()
    rc, out, _ = run("validate", new)
    # 1447.01 → 1600.00 (+10.57%) while the carried reason says 本年项目经费减少
    must("warning W-CHANGE-REASON-SIGN overview.change_reason: Income grand total rose by "
         "152.99 on last year (1447.01 → 1600.00), but its reason says “减少”" in out, out[:3000])
    # a “三公” item changed (3.25 → 0) and its reason was cleared
    must("warning W-CHANGE-NO-REASON three_public.abroad.reason: Overseas travel changed by "
         "-3.25" in out, out[:3000])
    # 78.50 → 80.00 is +1.50 万元, +1.91%: under both thresholds, no reason needed;
    # but its carried reason says 减少 where it rose
    must("W-CHANGE-NO-REASON other.operating_cost_reason" not in out, out[:3000])
    must("W-CHANGE-REASON-SIGN other.operating_cost_reason" in out, out[:3000])
    must(run("set", new, "other.operating_cost_reason", "")[0] == 0, "clear")
    rc, out, _ = run("validate", new)
    must("other.operating_cost_reason" not in out.replace("W-MISSING other.operating_cost_reason", ""),
         "a small change needs no reason by default")
    # the threshold is a setting: 1% or 1万元 makes it large
    env = dict(ENV, JUESUAN_CHANGE_THRESHOLD="1%,1")
    rc, out, _ = run("validate", new, env=env)
    must("warning W-CHANGE-NO-REASON other.operating_cost_reason: Administrative operating cost "
         "changed by 1.50" in out, out[:3000])


@test
def compare_two_years():
    last, new = year_2025()
    must(run("set", new, "overview.previous_income_total", "1500")[0] == 0, "stated")
    rc, out, err = run("compare", last, new)
    must(rc == 0, err)
    r = rows(out)
    inc = r["Income grand total"]
    must(inc[:4] == ["1447.01", "1600.00", "+152.99", "+10.57%"], inc)
    must("rose, but the reason says “减少”" in inc[-1], inc)
    must("this report's 上年 figure is 1500.00" in inc[-1], inc)
    ab = r["Overseas travel"]
    must(ab[:4] == ["3.25", "0.00", "-3.25", "-100.00%"] and ab[4] == "(none)", ab)
    must(ab[-1] == "large change, no reason", ab)
    # functional rows by code: 2060102 was 2024's, blank in 2025 so far
    fr = [k for k in r if k.startswith("2060102 ")]
    must(len(fr) == 1 and r[fr[0]][0] != "—" and r[fr[0]][1] == "—", (fr, r.get(fr[0] if fr else "")))
    # carried: the row's own 上年 figure is 2024's actual (no note)
    must(r[fr[0]][-1] in ("", "(none)"), r[fr[0]])
    rc, _, err = run("compare", "--threshold", "ten", last, new)
    must(rc == 2 and "ten" in err, err)
    rc, _, err = run("compare", last, os.path.join(TMP, "missing.juesuan"))
    must(rc == 2, err)


@test
def functional_rows_with_their_previous_figures_and_reasons():
    last, new = year_2025()
    # 行政运行 (functional[1], no code in the sample): 329.53 in 2024
    for path, value in (("functional[1].actual", "400"),
                        ("functional[1].reason", "新增人员，工资支出增加"),
                        ("functional[2].actual", "7.46"),
                        ("functional[3].actual", "20")):
        rc, _, err = run("set", new, path, value)
        must(rc == 0, err)
    for args in ((last, new), (new,)):
        rc, out, err = run("compare", *args)
        must(rc == 0, err)
        r = rows(out)
        row = r["行政运行"]
        must(row[:5] == ["329.53", "400.00", "+70.47", "+21.39%", "新增人员，工资支出增加"],
             (args, row))
        must(len(row) == 5, "a reason that fits: no note %s" % row)
        same = r["2060102 一般行政管理事务"]
        must(same[:4] == ["7.46", "7.46", "+0.00", "0.00%"] or same[:4] == ["7.46", "7.46", "0.00", "0.00%"],
             same)
        # 46.74 → 20: −57.21%, large, and the row has no reason
        o = r["其他科学技术管理事务支出"]
        must(o[:5] == ["46.74", "20.00", "-26.74", "-57.21%", "(none)"], o)
        must(o[-1] == "large change, no reason", o)
    # a reason that says the other direction
    must(run("set", new, "functional[1].reason", "人员减少")[0] == 0, "set")
    rc, out, _ = run("compare", new)
    must("rose, but the reason says “减少”" in rows(out)["行政运行"][-1], out)
    # a stated 上年 figure that is not last year's actual is named
    must(run("set", new, "functional[1].previous", "300")[0] == 0, "set")
    rc, out, _ = run("compare", last, new)
    row = rows(out)["行政运行"]
    must(row[0] == "329.53" and "this report's 上年 figure is 300.00" in row[-1], row)
    # against its own figures, the row's own 上年 figure
    rc, out, _ = run("compare", new)
    must(rows(out)["行政运行"][:3] == ["300.00", "400.00", "+100.00"], out)
    # the sample's rows have no 上年 figure: not listed against its own
    rc, out, _ = run("compare", last)
    must("行政运行" not in rows(out), out)


@test
def the_threshold_is_a_setting_of_the_report():
    last, new = year_2025()
    must(run("set", new, "other.operating_cost_reason", "")[0] == 0, "clear")
    # 78.50 → 80.00 (+1.91%, +1.50万元): small by default
    rc, out, _ = run("validate", new)
    must("W-CHANGE-NO-REASON other.operating_cost_reason" not in out, out[:3000])
    # the report's own threshold: 1% (amount left to the default)
    must(run("set", new, "profile.change_threshold_percent", "1")[0] == 0, "set")
    rc, out, _ = run("validate", new)
    must("warning W-CHANGE-NO-REASON other.operating_cost_reason: Administrative operating cost "
         "changed by 1.50" in out, out[:3000])
    # completeness asks the same rule: the reason is now a required item
    must("warning W-MISSING other.operating_cost_reason: Reason for the change is not filled in"
         in out, out[:3000])
    # the report's setting is over the environment's
    env = dict(ENV, JUESUAN_CHANGE_THRESHOLD="50%,100")
    rc, out2, _ = run("validate", new, env=env)
    must("W-CHANGE-NO-REASON other.operating_cost_reason" in out2, out2[:3000])
    # compare says it, and --threshold is over it for that run
    rc, out, _ = run("compare", last, new)
    must("(a large change: 1.00% or 10.00 万元)" in out.splitlines()[0], out.splitlines()[0])
    must(rows(out)["Administrative operating cost"][-1] == "large change, no reason",
         rows(out)["Administrative operating cost"])
    rc, out, _ = run("compare", "--threshold", "50%,100", last, new)
    must("(a large change: 50.00% or 100.00 万元)" in out.splitlines()[0], out.splitlines()[0])
    must("large change" not in " ".join(rows(out)["Administrative operating cost"]), out)
    # an amount threshold of 1万元 alone does it too
    must(run("set", new, "profile.change_threshold_percent", "")[0] == 0, "clear")
    must(run("set", new, "profile.change_threshold_amount", "1")[0] == 0, "set")
    rc, out, _ = run("validate", new)
    must("W-CHANGE-NO-REASON other.operating_cost_reason" in out, out[:3000])
    # a threshold that cannot be read is refused where it was typed; the file keeps its value
    before = open(new, "rb").read()
    rc, _, err = run("set", new, "profile.change_threshold_percent", "ten")
    must(rc == 1 and "profile.change_threshold_percent" in err and "ten" in err, err)
    must(open(new, "rb").read() == before, "nothing stored changed")
    # carried to next year with the report, and the department's in a consolidation
    nxt = fresh("2026.juesuan")
    must(run("new", "--from", new, nxt)[0] == 0, "carry")
    rc, out, _ = run("get", nxt, "profile.change_threshold_amount")
    must(out.strip() == "1.00", out)
    other = fresh("unit.juesuan")
    must(run("new", "--from", last, other)[0] == 0, "unit")
    must(run("set", other, "profile.change_threshold_amount", "7")[0] == 0, "unit threshold")
    dept = fresh("dept.juesuan")
    rc, _, err = run("consolidate", dept, new, other)
    must(rc == 0, err)
    rc, out, _ = run("get", dept, "profile.change_threshold_amount")
    must(out.strip() == "1.00", "the department's own, not a sum: " + out)


sys.exit(main())
