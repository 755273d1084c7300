#!/usr/bin/env python3
"""Writes Samples/weihai/weihai_2015_2020.csv (deterministic; all values made up)."""
import sys
from fractions import Fraction as F
import os
ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = "示例数据（虚构）"
U = ["371002", "371003", "371082", "371083", "371071", "371072"]  # 371073 临港区: no data at all
YEARS = range(2015, 2021)
rows = []
def add(region, year, ind, value, unit="", note=""):
    rows.append((region, year, ind, value, unit, note))
def lerp(a, b, k):  # k = 0..5
    return a + (b - a) * F(k, 5)
def fmt(x):
    x = F(x)
    if x.denominator == 1: return str(x.numerator)
    return f"{float(x):.4f}".rstrip("0").rstrip(".")

# gdp (万元) 2015 -> 2020 and industrial R&D intensity (%) 2015 -> 2020 (WH-02)
gdp = {"371002": (2_400_000, 3_200_000), "371003": (1_500_000, 2_000_000), "371082": (3_000_000, 4_000_000),
       "371083": (1_200_000, 1_600_000), "371071": (1_600_000, 2_400_000), "371072": (1_400_000, 2_000_000)}
inten = {"371002": (F(120, 100), F(175, 100)), "371003": (F(1), F(150, 100)), "371082": (F(140, 100), F(175, 100)),
         "371083": (F(110, 100), F(170, 100)), "371071": (F(2), F(3)), "371072": (F(150, 100), F(185, 100))}
for c in U:
    for k, y in enumerate(YEARS):
        g = int(lerp(*gdp[c], k) // 10000 * 10000)
        if not (c == "371083" and y == 2015):  # 乳山市: no GDP for 2015 -> WH-02 no_data
            add(c, y, "gdp", g, "万元")
        i = lerp(*inten[c], k)
        add(c, y, "above_scale_industrial_rd_expenditure", fmt(g * i / 100), "万元")
# hitech_output_share (WH-03)
share = {"371002": (45, 51), "371003": (38, 43), "371082": (42, F(455, 10)), "371083": (30, 33), "371071": (60, 67), "371072": (50, None)}
for c in U:
    a, b = share[c]
    for k, y in enumerate(YEARS):
        if b is None and y == 2020: continue
        add(c, y, "hitech_output_share", fmt(lerp(a, b if b is not None else a + 5, k)), "%")
# hitech_enterprises (WH-04), st_enterprises (WH-05)
he = {"371002": (62, 131), "371003": (35, 70), "371082": (48, 90), "371083": (18, 40), "371071": (85, 178), "371072": (40, 75)}
se = {"371002": (150, 310), "371003": (90, 185), "371082": (120, 230), "371083": (None, 160), "371071": (200, 420), "371072": (100, 210)}
for c in U:
    for k, y in enumerate(YEARS):
        add(c, y, "hitech_enterprises", int(lerp(*he[c], k)), "家")
        a, b = se[c]
        if a is None and y < 2017: continue  # 乳山市: st_enterprises only from 2017 -> WH-05 no_data
        add(c, y, "st_enterprises", int(lerp(a if a is not None else 100, b, k)), "家")
# WH-01 national innovative county: 荣成市 designated in 2020
for c in U:
    for y in YEARS:
        add(c, y, "national_innovative_county", "是" if (c == "371082" and y == 2020) else "否")
# WH-06 city-level contribution rate
for k, y in enumerate(YEARS):
    add("371000", y, "st_progress_contribution", fmt(lerp(57, F(638, 10), k)), "%")
# 2020 stocks and flows by unit
tct = {"371002": "9亿元", "371003": "5亿元", "371082": "8亿元", "371083": "3亿元", "371071": "7.5亿元", "371072": "3亿元"}
tct2019 = {"371002": "8亿元", "371003": "4.5亿元", "371082": "7亿元", "371083": "2.5亿元", "371071": "6亿元", "371072": "2.5亿元"}
plat = {"371002": 95, "371003": 55, "371082": 75, "371083": 35, "371071": 52, "371072": 12}
nat = {"371002": 9, "371003": 4, "371082": 6, "371083": 2, "371071": 8, "371072": 2}
inc = {"371002": 14, "371003": 7, "371082": 10, "371083": None, "371071": 12, "371072": 5}
tti = {"371002": 30, "371003": 18, "371082": 22, "371083": 10, "371071": 14, "371072": 2}
tms = {"371002": 2, "371003": 1, "371082": 1, "371083": 0, "371071": 1, "371072": None}
sc = {"371002": 250, "371003": 230, "371082": 255, "371083": 200, "371071": 30, "371072": 20}
meet = {"371002": (1, 2), "371003": (1, 1), "371082": (2, 0), "371083": (None, 1), "371071": (1, 1), "371072": (0, 1)}
fund = {"371002": 1800, "371003": 1200, "371082": 3000, "371083": 900, "371071": 1500, "371072": 600}
subs = {"371002": 800, "371003": 400, "371082": 1200, "371083": 300, "371071": 900, "371072": 250}
towns = {"371002": (1, 1), "371003": (0, 0), "371082": (1, 1), "371083": (0, 1), "371071": (0, 0), "371072": (0, 0)}
for c in U:
    add(c, 2019, "tech_contract_turnover", tct2019[c])
    add(c, 2020, "tech_contract_turnover", tct[c])
    add(c, 2020, "innovation_platforms_provincial_plus", plat[c], "个")
    add(c, 2020, "innovation_platforms_national", nat[c], "个")
    if inc[c] is not None: add(c, 2020, "incubators", inc[c], "个")
    add(c, 2020, "tech_transfer_institutions", tti[c], "个")
    if tms[c] is not None: add(c, 2020, "tech_market_service_institutions", tms[c], "个")
    add(c, 2020, "science_commissioners", sc[c], "人")
    for y, v in zip((2019, 2020), meet[c]):
        if v is not None: add(c, y, "st_consultation_meetings", v, "次")
    add(c, 2020, "county_st_special_fund", fund[c], "万元")
    add(c, 2020, "enterprise_rd_subsidies", subs[c], "万元")
    for y, v in zip((2019, 2020), towns[c]):
        add(c, y, "national_innovative_towns", v, "个")
for y, v in ((2018, 32), (2019, 41), (2020, 52)):
    add("371000", y, "agri_hitech_enterprises", v, "家")
add("371000", 2020, "tech_brokers", '"1,000"', "人", "千分位写法")
# WH-17 星创天地 and 农科驿站 by unit, 2020 (indicators the Weihai package declares): 荣成市 none -> not_met; 乳山市 not given -> no_data
bases = {"371002": (2, 1), "371003": (1, 0), "371082": (0, 0), "371071": (1, 0), "371072": (0, 1)}
for c, (b, s) in bases.items():
    add(c, 2020, "star_innovation_bases", b, "个")
    add(c, 2020, "agri_science_stations", s, "个")
# WH-18 the city's S&T management training course: once in 2019 and in 2020 -> met
for y in (2019, 2020):
    add("371000", y, "st_management_training_courses", 1, "次")
# loader cases: zones and units by name
def rename(region, year, ind, new):
    for i, r in enumerate(rows):
        if r[0] == region and r[1] == year and r[2] == ind:
            rows[i] = (new,) + r[1:]; return
    raise SystemExit(f"no row {region} {year} {ind}")
rename("371071", 2020, "tech_contract_turnover", "威海高新区")
rename("371072", 2020, "tech_contract_turnover", "威海经开区")
rename("371082", 2020, "national_innovative_county", "荣成市")
with open(f"{ROOT}/Samples/weihai/weihai_2015_2020.csv", "w", encoding="utf-8", newline="\n") as out:
    out.write("region,year,indicator,value,unit,source,note\n")
    for r in rows:
        out.write(",".join([str(r[0]), str(r[1]), r[2], str(r[3]), r[4], SRC, r[5]]) + "\n")
print(len(rows), "rows", file=sys.stderr)
