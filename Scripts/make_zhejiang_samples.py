#!/usr/bin/env python3
"""Writes Samples/zhejiang/zhejiang_2018_2022.csv and EXPECTED.md (deterministic; all values made up)."""
import re, random, sys
from fractions import Fraction as F

import os
ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
tsv = open(f"{ROOT}/Sources/CIEData/RegionTable+Generated.swift", encoding="utf-8").read()
# The generated records: unit, code, name, type, from, until, parent unit, names (one line per record).
records = [l.split("\t") for l in tsv.splitlines() if re.match(r"^\d+\t\d{6}\t", l)]
unit_code = {}  # the latest code of each unit
for f in records:
    unit_code[f[0]] = f[1]
units = []  # (code, name, type, prefecture): the 90 county-level units of 2024
lifetime = {}  # code -> (first year, first year no longer in use); None where open
for f in records:
    if re.fullmatch(r"33\d{4}", f[1]) and f[3] in ("district", "county", "city"):
        lifetime[f[1]] = (int(f[4]) if f[4] else None, int(f[5]) if f[5] else None)
        if not f[5]:
            units.append((f[1], f[2], f[3], unit_code[f[6]]))
units.sort()
assert len(units) == 90, len(units)
YEARS = range(2018, 2023)

def exists(code, year):
    start, until = lifetime[code]
    return (start is None or year >= start) and (until is None or year < until)

# Units of 2018–2020 that are no more: 杭州's 下城区 and 江干区 (abolished in 2021, 浙政发〔2021〕7号). Their values come
# from a random stream of their own, so that every other unit's values stay what they were.
former = sorted((f[1], f[2], f[3], unit_code[f[6]]) for f in records
                if re.fullmatch(r"33\d{4}", f[1]) and f[3] in ("district", "county", "city") and f[5]
                and int(f[5]) > YEARS[0] and (not f[4] or int(f[4]) <= YEARS[-1]))
assert [c for c, *_ in former] == ["330103", "330104"], former
NAME = {c: n for c, n, _, _ in units + former}
proper = [c for c, _, t, _ in units if t in ("county", "city")]
districts = [c for c, _, t, _ in units if t == "district"]
assert len(proper) == 53
ACCEL = ["330127", "330324", "330326", "330327", "330328", "330329", "330723", "330727", "330802", "330803", "330881", "330822", "330824",
         "330825", "331022", "331023", "331024", "331102", "331181", "331121", "331125", "331126", "331122", "331123", "331124", "331127"]
SRC = "示例数据（虚构）"
rng = random.Random(20190221)
rows = []  # (region, year, indicator, value, unit, note)

def add(region, year, ind, value, unit="", note=""):
    rows.append((region, year, ind, value, unit, note))

def fmt(x):
    if isinstance(x, float):
        s = f"{x:.4f}".rstrip("0").rstrip(".")
        return s
    return str(x)

weights = {c: rng.randint(2, 12) for c, *_ in units}
old_rng = random.Random(2021)
weights.update({c: old_rng.randint(2, 12) for c, *_ in former})

def distribute(total, codes):
    """Split an integer total over codes in proportion to their weights (largest remainder), exactly."""
    w = sum(weights[c] for c in codes)
    raw = [(c, F(total * weights[c], w)) for c in codes]
    out = {c: int(v) for c, v in raw}
    rest = total - sum(out.values())
    for c, v in sorted(raw, key=lambda cv: -(cv[1] - int(cv[1])))[:rest]:
        out[c] += 1
    assert sum(out.values()) == total
    return out

# --- ZJ-01..04: province totals and the counties' share -------------------------------------------
hitech_total = {2018: 16000, 2019: 16900, 2020: 18000, 2021: 19300, 2022: 20500}
smes_total = {2018: 40000, 2019: 45000, 2020: 50000, 2021: 55000, 2022: 58800}
hitech_share = {2018: F(33), 2019: F(34), 2020: F(352, 10), 2021: F(36), 2022: F(365, 10)}
smes_share = {2018: F(26), 2019: F(27), 2020: F(28), 2021: F(275, 10), 2022: F(285, 10)}
shares = {}
for ind, totals, share in (("hitech_enterprises", hitech_total, hitech_share), ("st_smes", smes_total, smes_share)):
    for y in YEARS:
        t = totals[y]
        county_sum = int(round(share[y] * t / 100))
        # Over the units of the year: 龙港市 from 2019, 临平区 and 钱塘区 from 2021, 下城区 and 江干区 until 2020.
        vals = distribute(county_sum, [c for c in proper if exists(c, y)])
        vals.update(distribute(t - county_sum, [c for c in districts + [c for c, *_ in former] if exists(c, y)]))
        shares[(ind, y)] = F(county_sum * 100, t)
        written = {("hitech_enterprises", 2022): ("2.05万家", ""), ("st_smes", 2022): ("5.88万", "家")}.get((ind, y), (str(t), "家"))
        add("330000", y, ind, written[0], written[1])
        for c in sorted(vals):
            add(c, y, ind, vals[c], "家")

# --- ZJ-05..07: above-size industrial enterprises, 2020-2022 --------------------------------------
ZJ05_NOT = {"330127": F(97), "330922": F(90), "330803": F(98)}
NODATA_BREAKDOWN = "331126"  # 庆元县: no breakdown in 2022
zj05, zj06, zj07 = {}, {}, {}
for c, name, t, pref in units:
    n2022 = rng.randint(6, 90) * 10
    for y in (2020, 2021, 2022):
        n = n2022 - (2022 - y) * 10
        if exists(c, y):
            add(c, y, "above_scale_industrial_enterprises", n, "家")
        # R&D activity: 100% in 2022 except ZJ05_NOT; earlier years lower.
        p5 = ZJ05_NOT.get(c, F(100))
        p6 = F(100) if pref in ("330100", "330200", "330400") else F(70 + (weights[c] * 7) % 29)
        p7 = F(100) if pref == "330100" else F(40 + (weights[c] * 11) % 41)
        lag = 2022 - y
        def count(p, step):
            return int(n * (p - step * lag) / 100) if y < 2022 else int(n * p / 100)
        v5, v6, v7 = count(p5, 4), count(p6, 5), count(p7, 6)
        if (y == 2022 and c == NODATA_BREAKDOWN) or not exists(c, y):
            continue
        add(c, y, "above_scale_with_rd_activity", v5, "家")
        add(c, y, "above_scale_with_rd_institution", v6, "家")
        add(c, y, "above_scale_with_invention_patent", v7, "家")
        if y == 2022:
            zj05[c], zj06[c], zj07[c] = (v5 == n), (v6 == n), (v7 == n)

# --- ZJ-08: major industrial counties and provincial high-tech zones, 2022 -----------------------
MAJOR = ["330109", "330110", "330212", "330281", "330282", "330381", "330382", "330481", "330483", "330522", "330681", "330782",
         "330784", "331081", "331083"]
ZJ08_ZERO = {"330382", "331083"}
ZJ08_MISSING = "330784"
FLAG_MISSING = "330383"
for c, *_ in units:
    if c != FLAG_MISSING:
        add(c, 2022, "major_industrial_county", "是" if c in MAJOR else "否")
    if c != ZJ08_MISSING:
        add(c, 2022, "provincial_hitech_zones", 0 if c in ZJ08_ZERO else (1 + weights[c] % 3 if c in MAJOR else weights[c] % 2), "个")

# --- ZJ-09: industry innovation complexes by unit, 2022 (no province value, some units missing) ---
complex_missing = set(sorted(units, key=lambda u: weights[u[0]] * 7 % 13)[:8][i][0] for i in range(8))
complex_sum = 0
for c, *_ in units:
    if c in complex_missing:
        continue
    v = 3 + weights[c] % 3
    complex_sum += v
    add(c, 2022, "industry_innovation_complexes", v, "个")

# --- ZJ-10..12: province flows ---------------------------------------------------------------------
for y, v, u in ((2019, "3亿元", ""), (2020, "3.2亿元", ""), (2021, "3.05", "亿元"), (2022, "30000", "万元")):
    add("330000", y, "innovation_vouchers_used", v, u)
for y, v in ((2019, "1.5万台次"), (2020, "1.65万台次"), (2021, "1.45万台次"), (2022, "1.7万台次")):
    add("330000", y, "instrument_sharing_times", v)
for y, v in ((2019, "1万批次"), (2021, "1.1万批次"), (2022, "1.3万批次")):
    add("330000", y, "lab_service_batches", v)

# --- GDP, R&D, fiscal S&T (ZJ-13 and the veto reviewer) --------------------------------------------
ZJ13_FLAT = "330326"      # 平阳县: flat 2020 -> 2021
ZJ13_FALL22 = "330824"    # 开化县: falls in 2022 (and R&D intensity falls: veto case)
ZJ13_FALL19 = "331102"    # 莲都区: falls in 2019
ZJ13_MISSING = "331127"   # 景宁畲族自治县: no 2020 value
RD_FALL_ONLY = "330122"   # 桐庐县: R&D intensity falls in 2022, fiscal growth rises: no veto
BOTH_FALL_DISTRICT = "330106"  # 西湖区: both fall in 2022, but a district
fiscal = {}
for c, name, t, pref in units + former:
    r = rng if (c, name, t, pref) in units else old_rng
    gdp0 = r.randint(150, 2500) * 1000
    f0 = r.randint(20, 400) * 100
    intensity0 = F(r.randint(120, 320), 100)
    for k, y in enumerate(YEARS):
        gdp = int(gdp0 * (F(107, 100) ** k))
        inten = intensity0 + F(8, 100) * k
        if c in (ZJ13_FALL22, RD_FALL_ONLY, BOTH_FALL_DISTRICT) and y == 2022:
            inten = intensity0 + F(8, 100) * 3 - F(15, 100)
        rd = int(gdp * inten / 100)
        g = F(110, 100)
        if c == RD_FALL_ONLY and y == 2022:
            g = F(115, 100)
        f = f0 if k == 0 else int(fiscal[(c, y - 1)] * g)
        if c == ZJ13_FLAT and y == 2021:
            f = fiscal[(c, 2020)]
        if c == ZJ13_FALL19 and y == 2019:
            f = int(fiscal[(c, 2018)] * F(95, 100))
        if c in (ZJ13_FALL22, BOTH_FALL_DISTRICT) and y == 2022:
            f = int(fiscal[(c, 2021)] * F(97, 100))
        fiscal[(c, y)] = f
        if not exists(c, y):
            continue  # drawn all the same, so that the stream of the units after it is unchanged
        add(c, y, "gdp", gdp, "万元")
        add(c, y, "rd_expenditure", rd, "万元")
        if not (c == ZJ13_MISSING and y == 2020):
            add(c, y, "fiscal_st_expenditure", f, "万元")

# ZJ-14 众创空间 in each 县(市), 2022 (an indicator the Zhejiang package declares): a fixed table, after the random
# streams. 0 in three counties (not_met), none given for one (no_data); districts get a value too (not applicable).
MAKER_ZERO = ["330328", "331123", "330624"]
MAKER_MISSING = "330921"
for i, c in enumerate(sorted(proper + districts)):
    if c != MAKER_MISSING:
        add(c, 2022, "maker_spaces", 0 if c in MAKER_ZERO else 1 + i % 4, "个")

# A few loader cases: names instead of codes, 亿元 for an amount.
def rename(region, year, ind, new):
    for i, r in enumerate(rows):
        if r[0] == region and r[1] == year and r[2] == ind:
            rows[i] = (new,) + r[1:]
            return
    raise SystemExit(f"no row {region} {year} {ind}")
rename("330127", 2022, "fiscal_st_expenditure", "淳安县")
rename("331127", 2021, "fiscal_st_expenditure", "景宁县")
rename("330802", 2022, "above_scale_industrial_enterprises", "衢州市柯城区")
for i, r in enumerate(rows):
    if r[0] == "330782" and r[2] == "gdp" and r[1] == 2022:
        rows[i] = (r[0], r[1], r[2], fmt(float(F(r[3], 10000))), "亿元", "以亿元填报")

with open(f"{ROOT}/Samples/zhejiang/zhejiang_2018_2022.csv", "w", encoding="utf-8", newline="\n") as out:
    out.write("region,year,indicator,value,unit,source,note\n")
    for r in rows:
        out.write(",".join([str(r[0]), str(r[1]), r[2], str(r[3]), r[4], SRC, r[5]]) + "\n")

# --- outcomes for EXPECTED.md ---------------------------------------------------------------------------
def names(codes):
    return ", ".join(f"{c} {NAME[c]}" for c in sorted(codes))
accel_inc = []
for c in ACCEL:
    if c == ZJ13_MISSING:
        continue
    seq = [fiscal[(c, y)] for y in YEARS]
    if all(b > a for a, b in zip(seq, seq[1:])):
        accel_inc.append(c)
zj13_not = sorted(set(ACCEL) - set(accel_inc) - {ZJ13_MISSING})
print("ZJ-13 not met", zj13_not, file=sys.stderr)
assert zj13_not == sorted([ZJ13_FLAT, ZJ13_FALL22, ZJ13_FALL19])
for ind, sh in (("hitech_enterprises", hitech_share), ("st_smes", smes_share)):
    print(ind, [float(shares[(ind, y)]) for y in YEARS], file=sys.stderr)
zj05_not = sorted(c for c, ok in zj05.items() if not ok)
zj06_met = sorted(c for c, ok in zj06.items() if ok)
zj07_met = sorted(c for c, ok in zj07.items() if ok)
print("zj05 not", zj05_not, "zj06 met", len(zj06_met), "zj07 met", len(zj07_met), "complexes", complex_sum, file=sys.stderr)
share_line = lambda ind: " → ".join(f"{y}: {float(shares[(ind, y)]):.2f}%" for y in YEARS)
md = f"""# Zhejiang sample: designed results for 2022

Generated deterministically (`Scripts/make_zhejiang_samples.py`, `make samples`); the sample tests check the outcomes below.
**All values are made up** (source column `示例数据（虚构）`). Policy `zhejiang` (浙政办发〔2019〕11号), evaluation
year 2022 (the deadline). `zhejiang_2018_2022.csv`: the county-level units of 浙江省 in each year and the province
(330000), 2018–2022, {len(rows)} data rows. Amounts in 万元. The units are those of each year: 龙港市 (330383) from 2019,
临平区 (330113) and 钱塘区 (330114) from 2021, 下城区 (330103) and 江干区 (330104) in 2018–2020 (abolished in 2021);
90 units in 2022.

- ZJ-01 hitech_enterprises ≥ 20,000 (striving, 330000): met, 20,500 in 2022 (written `2.05万家`)
- ZJ-02 st_smes ≥ 60,000 (striving, 330000): not_met, 58,800 in 2022 (written `5.88万` with unit 家)
- ZJ-03 share of hitech_enterprises in the 53 counties/county-level cities rising every year since 2018 (striving): met,
  {share_line("hitech_enterprises")}
- ZJ-04 the same for st_smes: not_met, falls 2020→2021: {share_line("st_smes")}
- ZJ-05 above_scale_with_rd_activity / above_scale_industrial_enterprises = 100 % (encouraged, as ZJ-06 and ZJ-07: the sentence opens with 鼓励企业)
  - not_met: {names(zj05_not)}
  - no_data: {NODATA_BREAKDOWN} {NAME[NODATA_BREAKDOWN]} (no breakdown in 2022)
  - met (exactly 100 %): the other {90 - len(zj05_not) - 1}
- ZJ-06 … with an R&D institution = 100 %
  - met: the {len(zj06_met)} units of 杭州市, 宁波市 and 嘉兴市; no_data: {NODATA_BREAKDOWN} {NAME[NODATA_BREAKDOWN]}; not_met: the other {90 - len(zj06_met) - 1}
- ZJ-07 … with an invention patent = 100 %
  - met: the {len(zj07_met)} units of 杭州市; no_data: {NODATA_BREAKDOWN} {NAME[NODATA_BREAKDOWN]}; not_met: the other {90 - len(zj07_met) - 1}
- ZJ-08 provincial_hitech_zones ≥ 1 where major_industrial_county = 是 (striving)
  - major industrial counties (2022): {names(MAJOR)}
  - not_met (0 zones): {names(ZJ08_ZERO)}
  - no_data: {ZJ08_MISSING} {NAME[ZJ08_MISSING]} (no zones value); {FLAG_MISSING} {NAME[FLAG_MISSING]} (no major_industrial_county flag: cannot tell whether it applies)
  - met: the other {len(MAJOR) - 3}; not_applicable: the other {90 - len(MAJOR) - 1}
- ZJ-09 industry_innovation_complexes ≥ 300 (striving, 330000): met from the units: {complex_sum} over the {90 - len(complex_missing)} units with data
  (no province value; {len(complex_missing)} units have none: {names(complex_missing)})
- ZJ-10 innovation_vouchers_used every year ≥ 30,000 万元 since 2019: met; `3亿元`, `3.2亿元`, `3.05` 亿元, `30000` 万元 (2022 at the boundary)
- ZJ-11 instrument_sharing_times every year ≥ 15,000 since 2019: not_met; `1.5万台次`, `1.65万台次`, `1.45万台次` (2021 short), `1.7万台次`
- ZJ-12 lab_service_batches every year ≥ 10,000 since 2019: no_data; 2020 missing (`1万批次`, —, `1.1万批次`, `1.3万批次`)
- ZJ-14 maker_spaces ≥ 1 in each 县(市) (county proper; encouraged: the sentence opens with 鼓励)
  - not_met: {names(MAKER_ZERO)}; no_data: {MAKER_MISSING} {NAME[MAKER_MISSING]}; met: the other {53 - len(MAKER_ZERO) - 1}; not_applicable: the 37 districts
- ZJ-13 fiscal_st_expenditure rising every year since 2018, the 26 加快发展县 (encouraged: advice, not a failure)
  - not_met: {ZJ13_FLAT} {NAME[ZJ13_FLAT]} (flat 2020→2021), {ZJ13_FALL19} {NAME[ZJ13_FALL19]} (falls 2018→2019), {ZJ13_FALL22} {NAME[ZJ13_FALL22]} (falls 2021→2022)
  - no_data: {ZJ13_MISSING} {NAME[ZJ13_MISSING]} (no 2020 value)
  - met: the other {len(accel_inc)}; not_applicable: the 64 units not in the list

Evaluated in 2021 (`--year 2021`), before the deadline: ZJ-01 on_track (16,000 → 19,300 since 2018, +1,100 a year where
1,000 is needed), ZJ-02 on_track (40,000 → 55,000, +5,000 a year, ratio 1); ZJ-05…07 on_track or off_track from 2020 (the
first year of their data) to 2021 (ZJ-05: 330127 淳安县 off_track, ratio 0.73); ZJ-08 no_data (the flags are given for 2022
only); ZJ-13 330824 开化县 still met (its fall is in 2022). In 2020 ZJ-05…07 are no_data (one year of data: progress needs two).

For the `veto` reviewer (三(三), written separately): in 2022 {ZJ13_FALL22} {NAME[ZJ13_FALL22]} has both R&D intensity and
fiscal S&T growth lower than in 2021 (veto); {RD_FALL_ONLY} {NAME[RD_FALL_ONLY]} only R&D intensity (fiscal growth rises to
15 %: no veto); {BOTH_FALL_DISTRICT} {NAME[BOTH_FALL_DISTRICT]} both, but it is a district (the sentence names 县(市)).
{ZJ13_FLAT} {NAME[ZJ13_FLAT]}'s fiscal growth drops to 0 % in 2021 while its R&D intensity rises: no veto. Every other unit's R&D intensity rises every year.

Loader cases: region by name `淳安县` (330127 2022 fiscal_st_expenditure), `景宁县` (331127 2021 fiscal_st_expenditure),
`衢州市柯城区` (330802 2022 above_scale_industrial_enterprises); 义乌市 (330782) GDP 2022 in 亿元; counts written `2.05万家`,
`5.88万`; flows written `3亿元`, `1.5万台次`, `1万批次`.
"""
open(f"{ROOT}/Samples/zhejiang/EXPECTED.md", "w", encoding="utf-8").write(md)
