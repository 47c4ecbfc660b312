#!/usr/bin/env python3
"""Chooses the amounts of the sample that the seed report does not print but
whose percentages it does print, and checks the sample file against them.

Every amount is a whole number of yuan (0.0001 万元).  A chosen amount must
round to the figure the seed prints (where it prints one) and reproduce each
printed percentage when computed exactly and rounded half up to 2 decimals,
as juesuan does (jue_ratio_centi).  Integer arithmetic only.

    python3 resources/sample/solve_budgets.py          # print the choices
    python3 resources/sample/solve_budgets.py --check  # and compare with the TSV

See NOTES.md for the reasoning behind each choice.
"""
import os
import sys

YUAN_PER_WAN = 10000


def wan(text):
    """'1447.01' (万元) → yuan, exactly."""
    whole, _, frac = text.partition('.')
    frac = (frac + '0000')[:4]
    assert len(text.partition('.')[2]) <= 4, text
    return int(whole) * YUAN_PER_WAN + int(frac)


def show(yuan):
    """yuan → 万元 with as many decimals as needed (at least 2)."""
    s = f'{yuan // YUAN_PER_WAN}.{yuan % YUAN_PER_WAN:04d}'
    return s[:-2] if s.endswith('00') else s


def ratio_centi(num, den):
    """num/den in hundredths of a percent, half up (jue_ratio_centi)."""
    neg = (num < 0) != (den < 0)
    num, den = abs(num), abs(den)
    q, r = divmod(num * 10000, den)
    if r >= den - r:
        q += 1
    return -q if neg else q


def display(yuan):
    """The printed 2-decimal 万元 figure, in hundredths of 万元 (half up)."""
    neg = yuan < 0
    q, r = divmod(abs(yuan), 100)
    if r >= 100 - r:
        q += 1
    return -q if neg else q


def pct(centi):
    return f'{centi // 100}.{centi % 100:02d}%'


# ---------------------------------------------------------------- functional
# 一般公共预算财政拨款支出决算具体情况: printed actual and completion rate
FUNCTIONAL = [
    ('招商引资', '1.37', 2740), ('行政运行', '329.53', 9503),
    ('一般行政管理事务', '7.46', 9987), ('其他科学技术管理事务支出', '46.74', 8864),
    ('机构运行', '175.52', 9966), ('科技人才队伍建设', '224.12', 9223),
    ('科技成果转化与扩散', '254.03', 10000), ('技术创新服务体系', '35.00', 10000),
    ('其他科技交流与合作支出', '21.27', 7089), ('科技奖励', '195.00', 10000),
    ('行政单位离退休', '9.91', 8558), ('事业单位离退休', '2.83', 6920),
    ('机关事业单位基本养老保险缴费支出', '52.50', 9518), ('死亡抚恤', '24.24', 10000),
    ('行政单位医疗', '13.03', 10000), ('事业单位医疗', '10.13', 9713),
    ('住房公积金', '44.33', 9335),
]
TOTAL_BUDGET = wan('1511.20')   # 附件1 调整后预算; 1447.01 / 1511.20 = 95.75%


def budgets_for(actual, centi):
    """Every whole-yuan budget B with ratio_centi(actual, B) == centi."""
    lo = actual * 20000 // (2 * centi + 1) - 2
    hi = actual * 20000 // (2 * centi - 1) + 2
    return [b for b in range(max(lo, 1), hi + 1) if ratio_centi(actual, b) == centi]


def solve_functional():
    """Budgets summing to exactly 1511.20 whose displayed (2-decimal) figures
    also sum to 1511.20, with as many as possible whole 0.01 万元 figures
    (cost 1 for each budget that is not), and at 100% rows the budget shown
    equal to the actual wherever the total allows (cost 3, and 1 when not
    exactly equal)."""
    cands = [budgets_for(wan(a), c) for _, a, c in FUNCTIONAL]
    states = {(0, 0): (0, [])}
    for i, c in enumerate(cands):
        actual, centi = wan(FUNCTIONAL[i][1]), FUNCTIONAL[i][2]
        rest_min = sum(min(x) for x in cands[i + 1:])
        rest_max = sum(max(x) for x in cands[i + 1:])
        nxt = {}
        for (s, ds), (cost, chosen) in states.items():
            for b in c:
                s2 = s + b
                if not (s2 + rest_min <= TOTAL_BUDGET <= s2 + rest_max):
                    continue
                cc = cost + (b % 100 != 0)
                if centi == 10000:
                    cc += 3 * (display(b) * 100 != actual) + (b != actual)
                key = (s2, ds + display(b))
                if key not in nxt or (cc, chosen + [b]) < nxt[key]:
                    nxt[key] = (cc, chosen + [b])
        states = nxt
    best = states[(TOTAL_BUDGET, display(TOTAL_BUDGET))]
    return best[1]


# ---------------------------------------------------------------- the rest
def only(values, what):
    assert values, 'no amount satisfies ' + what
    return values


def solve_others():
    c = {}
    # 三公: abroad 3.25 at 100% of budget; vehicles 2.98 at 99.18%; reception 0
    # of a positive budget; the whole 6.23 at 99.29%.
    c['three_public.abroad.budget'] = wan('3.25')
    vehicle = only(budgets_for(wan('2.98'), 9918), 'vehicles 99.18%')
    total = set(only(budgets_for(wan('6.23'), 9929), 'three public 99.29%'))
    # reception: the smallest whole-0.01 budget; then the middle vehicle budget
    # that closes the total
    fits = [(r, v) for r in range(100, 10000, 100) for v in vehicle
            if c['three_public.abroad.budget'] + v + r in total]
    r = min(f[0] for f in fits)
    vs = [v for rr, v in fits if rr == r]
    c['three_public.reception.budget'] = r
    c['three_public.vehicle.budget'] = vs[len(vs) // 2]
    # previous year: abroad 0 (增加3.25); reception 1.02 (减少1.02);
    # vehicles +0.16 / +5.68%; the whole +2.39 / +62.24%
    c['three_public.abroad.previous'] = 0
    c['three_public.reception.previous'] = wan('1.02')
    pv = [p for p in range(wan('2.70'), wan('2.98'))
          if display(p) == 282 and display(wan('2.98') - p) == 16
          and ratio_centi(wan('2.98') - p, p) == 568
          and display(wan('6.23') - p - wan('1.02')) == 239
          and ratio_centi(wan('6.23') - p - wan('1.02'), p + wan('1.02')) == 6224]
    c['three_public.vehicle.previous'] = only(pv, 'vehicles +5.68% and total +62.24%')[0]
    # 机关运行经费 78.5, previous 84.13: −5.63, −6.70%
    op = [p for p in range(wan('84.00'), wan('84.20'))
          if display(p) == 8413 and display(wan('78.5') - p) == -563
          and ratio_centi(wan('78.5') - p, p) == -670]
    op = only(op, 'operating cost −6.70%')
    c['other.operating_cost_previous'] = next(p for p in op if p % 10 == 0)
    # 附件1 项目支出: 763.40 printed, 732.14 executed = 95.90%; closest to
    # 1511.20 − 747.79 so that basic + project comes nearest the total
    pb = [b for b in budgets_for(wan('732.14'), 9590) if display(b) == 76340]
    c['dept_eval.project_budget'] = max(only(pb, '附件1 95.90%'))
    return c


def main():
    chosen = {}
    print('一般公共预算财政拨款支出 budgets (actual → rate):')
    for i, ((name, a, centi), b) in enumerate(zip(FUNCTIONAL, solve_functional())):
        assert ratio_centi(wan(a), b) == centi
        chosen[f'functional[{i}].budget'] = b
        print(f'  {name:<16} {show(b):>10} {a:>8} {pct(centi)}')
    total = sum(chosen.values())
    print(f'  total {show(total)}, actual 1447.01 → {pct(ratio_centi(wan("1447.01"), total))}')
    others = solve_others()
    chosen.update(others)
    for k, v in others.items():
        print(f'{k:<36} {show(v)}')
    if '--check' in sys.argv:
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'suining-kjj-2024.tsv')
        data = {}
        for line in open(path, encoding='utf-8'):
            line = line.rstrip('\n')
            if line and not line.startswith('#'):
                k, _, v = line.partition('\t')
                data[k] = v
        bad = [(k, data.get(k), show(v)) for k, v in chosen.items()
               if data.get(k) is None or wan(data[k]) != v]
        for k, have, want in bad:
            print(f'MISMATCH {k}: TSV has {have}, chosen {want}')
        print('TSV agrees' if not bad else f'{len(bad)} mismatches')
        sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
