#!/usr/bin/env python3
"""Write the Qinghai sample data sets in Samples/qinghai/ (illustrative, made-up values).

    python3 Scripts/make_qinghai_samples.py           # (re)write the samples
    python3 Scripts/make_qinghai_samples.py --check   # exit 1 if a file on disk differs

The numbers are invented (source column: 示例数据（虚构）). They are shaped so that the targets of
青政办〔2018〕6号 (QH-01 … QH-16, Samples/qinghai/policy.yaml) give a known mix of results in 2020; EXPECTED.md,
written by this script from the same tables, lists the designed outcomes.

Deterministic: fixed tables plus random.Random(2018); no clock, no environment. Standard library only.

Files:
  qinghai_2016_2020.csv  long CSV, UTF-8 without BOM, LF. The reference data set. Some values are
                         written the way Chinese statistics write them (亿元, 3,500, ４.８％), some
                         regions by full or short name, and 湟中区 as its old code 630122 before 2019.
  qinghai_wide_2020.csv  wide CSV for 2020, UTF-8 with BOM, CRLF, Chinese headers and full names.
  qinghai_2020_gbk.csv   long CSV, GB18030, CRLF, Chinese headers; ten counties, three indicators.
  EXPECTED.md            the designed results, for writing tests.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "Samples" / "qinghai"
SCRIPT = "Scripts/make_qinghai_samples.py"
SOURCE = "示例数据（虚构）"
YEARS = list(range(2016, 2021))
EVAL_YEAR = 2020

# --------------------------------------------------------------------------------------------
# Fixed tables
# --------------------------------------------------------------------------------------------

PREFECTURES = {
    "6301": "西宁市",
    "6302": "海东市",
    "6322": "海北藏族自治州",
    "6323": "黄南藏族自治州",
    "6325": "海南藏族自治州",
    "6326": "果洛藏族自治州",
    "6327": "玉树藏族自治州",
    "6328": "海西蒙古族藏族自治州",
}

# The 44 county-level units of Qinghai (MCA codes, status 2023-12-31; see
# /work/shared/data/admin_codes_mca_county_2023.csv). 632857 大柴旦 is an NBS-only unit: not here.
COUNTIES = [
    ("630102", "城东区"), ("630103", "城中区"), ("630104", "城西区"), ("630105", "城北区"),
    ("630106", "湟中区"), ("630121", "大通回族土族自治县"), ("630123", "湟源县"),
    ("630202", "乐都区"), ("630203", "平安区"), ("630222", "民和回族土族自治县"),
    ("630223", "互助土族自治县"), ("630224", "化隆回族自治县"), ("630225", "循化撒拉族自治县"),
    ("632221", "门源回族自治县"), ("632222", "祁连县"), ("632223", "海晏县"), ("632224", "刚察县"),
    ("632301", "同仁市"), ("632322", "尖扎县"), ("632323", "泽库县"), ("632324", "河南蒙古族自治县"),
    ("632521", "共和县"), ("632522", "同德县"), ("632523", "贵德县"), ("632524", "兴海县"),
    ("632525", "贵南县"),
    ("632621", "玛沁县"), ("632622", "班玛县"), ("632623", "甘德县"), ("632624", "达日县"),
    ("632625", "久治县"), ("632626", "玛多县"),
    ("632701", "玉树市"), ("632722", "杂多县"), ("632723", "称多县"), ("632724", "治多县"),
    ("632725", "囊谦县"), ("632726", "曲麻莱县"),
    ("632801", "格尔木市"), ("632802", "德令哈市"), ("632803", "茫崖市"), ("632821", "乌兰县"),
    ("632822", "都兰县"), ("632823", "天峻县"),
]
NAME = dict(COUNTIES)
CODES = [code for code, _ in COUNTIES]
assert len(CODES) == 44 and len(set(CODES)) == 44

PROVINCE = ("630000", "青海省")
# 湟中县 630122 became 湟中区 630106 in 2019 (MCA list of 2019-12-31); the long file uses the old
# code for the years before.
OLD_CODE = {"630106": ("630122", "湟中县", 2018)}  # current code -> (old code, old name, last year)
# Units set up within YEARS have no values before (茫崖市 632803: set up in 2018 from 海西州's 茫崖行委 and 冷湖行委,
# 民函〔2018〕48号; cie refuses values for a code before its first year).
FIRST_YEAR = {"632803": 2018}

INDICATORS = {
    # id: (Chinese name, unit)
    "gdp": ("地区生产总值", "万元"),
    "rd_expenditure": ("全社会研究与试验发展(R&D)经费支出", "万元"),
    "fiscal_st_expenditure": ("财政科技投入(支出)", "万元"),
    "science_literacy_rate": ("具备基本科学素质的公民比例", "%"),
    "st_progress_contribution": ("科技进步贡献率", "%"),
    "provincial_hitech_zones": ("省级高新技术产业开发区(高新园区)", "个"),
    "provincial_agri_parks": ("省级农业科技园区", "个"),
    "incubators": ("众创空间、创业园、星创天地、科技企业孵化器", "个"),
    "innovation_pilot_county": ("科技创新驱动试点县", ""),
    "innovation_pilot_towns": ("试点乡镇", "个"),
    "national_innovative_county": ("国家创新型县(市、区)", ""),
    "national_innovative_towns": ("国家创新型乡镇", "个"),
    "st_personnel_to_grassroots": ("当年引导到基层服务的科技人员", "人"),
    "science_commissioners": ("科技特派员", "人"),
    "innovation_leading_group": ("县域创新驱动发展领导小组及办公室", ""),
    "st_management_agency": ("县级科技管理机构", ""),
    "st_service_center": ("科技服务中心", ""),
    # Indicators the Qinghai package declares (Samples/qinghai/policy.yaml, `indicators`): QH-13 … QH-16.
    "online_st_service_window": ("科技服务线上窗口", ""),
    "offline_st_service_institution": ("科技服务线下机构", ""),
    "prefecture_fiscal_st_expenditure": ("市（州）本级财政科技投入", "万元"),
    "prefecture_leading_group": ("市（州）县域创新驱动发展领导小组及办公室", ""),
    "prefecture_st_management_agency": ("市（州）级科技管理机构", ""),
}

# Indicators given for every county and every year 2016–2020, in file order.
COUNTY_YEARLY = [
    "gdp", "rd_expenditure", "fiscal_st_expenditure", "science_literacy_rate",
    "st_progress_contribution", "incubators", "provincial_hitech_zones", "provincial_agri_parks",
    "science_commissioners", "innovation_leading_group", "st_management_agency", "st_service_center",
]

# --- QH-06 science_literacy_rate ≥ 4.5 % (2020) ---------------------------------------------
LITERACY_2020 = {  # designed values; the others are drawn from 4.60 … 6.00
    "632323": "4.21", "632324": "4.35", "632622": "4.12", "632623": "3.98",
    "632624": "4.05", "632722": "3.86", "632726": "4.3", "632224": "4.49",  # 8 below 4.5
    "632523": "4.5",  # exactly at the boundary: met
    "630121": "4.8",  # the SPEC's example (大通, 4.8, met), written ４.８％ by full name
}
LITERACY_MISSING_2020 = "632625"  # 久治县: 2016–2019 only -> no_data

# --- QH-07 st_progress_contribution ≥ 55 % (2020) -------------------------------------------
PROGRESS_2020 = {  # designed values; the others are drawn from 55.5 … 60.0
    "632323": "48.6", "632324": "50.2", "632622": "47.9", "632623": "46.5", "632624": "49.3",
    "632722": "45.8", "632724": "51.7", "632726": "52.4", "632725": "53.1", "630225": "54.2",
    "632522": "55",  # exactly at the boundary: met
}
PROGRESS_MISSING = "632626"  # 玛多县: no st_progress_contribution in any year -> no_data

# --- QH-02 incubators ≥ 1 (2020) -----------------------------------------------------------
NO_INCUBATOR = ["632623", "632624", "632726", "632823"]  # 0 in every year

# --- QH-01 share of counties with provincial_hitech_zones + provincial_agri_parks ≥ 1 ≥ 70 % --
HITECH_ZONE = {  # county -> first year with a provincial high-tech zone (value 1 from then on)
    "630106": 2016, "630121": 2017, "630202": 2018, "630203": 2016, "630223": 2019,
    "632521": 2019, "632801": 2016, "632802": 2018,
}
NO_CARRIER = [  # neither a zone nor an agricultural park in any year: 11 of 44, so 33/44 = 75 % have one
    "630102", "630103", "630104", "632323", "632622", "632623", "632624", "632625", "632722",
    "632726", "632823",
]

# --- QH-09 fiscal_st_expenditure nonDecreasing since 2017 -----------------------------------
FISCAL_DECLINE = {  # county -> the one year (2018–2020) whose value is below the year before
    "632722": 2018, "630203": 2019, "632821": 2020, "632801": 2020,
}
FISCAL_DECLINE_BEFORE_WINDOW = "632322"  # 尖扎县: 2017 < 2016 only (outside the window): met
FISCAL_FLAT = "632224"  # 刚察县: 2020 == 2019 (non-decreasing allows equality): met
# Values written in 亿元 in the long file (exact in 万元 × 10⁻⁴).
FISCAL_YI = {("632801", 2019): 5200, ("632801", 2020): 4865, ("632802", 2020): 3500}
# Values written with a thousands separator in the long file.
FISCAL_COMMA = [("630106", 2020), ("630105", 2019), ("630121", 2018), ("630202", 2017)]

# --- QH-10 … QH-12 flags -------------------------------------------------------------------
NO_LEADING_GROUP = "632724"  # 治多县: 否 in every year
NO_AGENCY = "632803"  # 茫崖市: 否 in every year
SERVICE_CENTER = [  # 是 in 2020: 22 of 44
    "630102", "630103", "630104", "630105", "630106", "630121", "630123",
    "630202", "630203", "630222", "630223", "630224", "630225",
    "632221", "632301", "632521", "632523", "632621", "632701", "632801", "632802", "632821",
]

# --- QH-03 / QH-04 pilot counties and towns (2018–2020) ------------------------------------
PILOT = {  # county -> first year as pilot county (stays a pilot)
    "630106": 2018, "630121": 2018,  # 西宁 2
    "630202": 2018, "630223": 2018, "630225": 2019,  # 海东 3: above plan, met
    "632221": 2018,  # 海北 1
    "632301": 2019,  # 黄南 1
    "632521": 2018, "632523": 2020,  # 海南 2
    # 果洛 0: not met
    "632701": 2018,  # 玉树 1
    "632801": 2018, "632802": 2019,  # 海西 2
}
PILOT_TOWNS_2020 = {
    "630106": 2, "630121": 3, "630202": 1, "630223": 2, "630225": 0, "632221": 1,
    "632301": 2, "632521": 4, "632523": 1, "632701": 1, "632801": 3, "632802": 2,
}

# --- QH-05 national innovative county / towns (2020 only) -----------------------------------
NATIONAL_COUNTY = "632801"  # 格尔木市 是; all others 否
NATIONAL_TOWNS = {"630223": 1}  # 互助 one town; all others 0

# --- QH-08 province row ----------------------------------------------------------------------
PERSONNEL = {2018: 320, 2019: 305, 2020: 298}

# --- QH-13 online window and offline institution, 2020 (二(七)) ------------------------------------
NO_ONLINE_WINDOW = ["632626"]                 # 玛多县: 否 -> not_met
NO_OFFLINE_INSTITUTION = ["632723", "632802"]  # 称多县, 德令哈市: 否 -> not_met
OFFLINE_MISSING = "632525"                    # 贵南县: not given -> no_data

# --- QH-14 … QH-16 the prefectures' own (市（州）本级) figures ----------------------------------------
# prefecture_fiscal_st_expenditure 2017–2020 (万元): rising, except 果洛州 (falls in 2019) and 玉树州 (no 2018).
PREFECTURE_FISCAL = {
    "630100": [5200, 5600, 5900, 6300], "630200": [3100, 3300, 3450, 3600], "632200": [1200, 1260, 1300, 1390],
    "632300": [980, 1010, 1010, 1080], "632500": [1500, 1580, 1650, 1700], "632600": [760, 820, 790, 850],
    "632700": [900, None, 1000, 1100], "632800": [2400, 2550, 2700, 2900],
}
NO_PREFECTURE_GROUP = "632300"    # 黄南州: 否 -> QH-15 not_met
PREFECTURE_AGENCY_MISSING = "632500"  # 海南州: not given -> QH-16 no_data

# --- How regions and values are written in some rows of the long file ------------------------
REGION_AS_NAME = {  # (code, year, indicator) -> what the region column says
    ("630121", 2020, "science_literacy_rate"): "大通回族土族自治县",
    ("630121", 2019, "gdp"): "大通县",
    ("630121", 2019, "rd_expenditure"): "大通县",
    ("630223", 2020, "gdp"): "互助土族自治县",
    ("630225", 2020, "incubators"): "循化县",
    ("630225", 2018, "fiscal_st_expenditure"): "循化撒拉族自治县",
    ("632801", 2017, "fiscal_st_expenditure"): "格尔木市",
    ("632221", 2020, "st_progress_contribution"): "门源县",
}
FULLWIDTH_PERCENT = [  # science_literacy_rate written ４.８％ with an empty unit column
    ("630121", 2020), ("630223", 2019), ("632521", 2020),
]
NOTES = {
    ("630203", 2019, "fiscal_st_expenditure"): "机构改革，部分支出划转",
    ("632821", 2020, "fiscal_st_expenditure"): "含上级转移支付, 不含基建",
    ("632224", 2020, "science_literacy_rate"): "抽样调查",
}

# GB18030 file: ten counties, 2020, three indicators (canonical units, same values).
GBK_COUNTIES = [
    "630121", "630203", "632224", "632323", "632522", "632523", "632521", "632701", "632821",
    "632822",
]
GBK_INDICATORS = ["science_literacy_rate", "st_progress_contribution", "fiscal_st_expenditure"]

# Wide file columns: (indicator, header as written).
WIDE_COLUMNS = [
    ("gdp", "地区生产总值(万元)"),
    ("rd_expenditure", "全社会研究与试验发展(R&D)经费支出（万元）"),
    ("fiscal_st_expenditure", "财政科技投入(支出)(万元)"),
    ("science_literacy_rate", "具备基本科学素质的公民比例(%)"),
    ("st_progress_contribution", "科技进步贡献率（%）"),
    ("incubators", "众创空间、创业园、星创天地、科技企业孵化器(个)"),
    ("provincial_hitech_zones", "省级高新技术产业开发区(高新园区)(个)"),
    ("provincial_agri_parks", "省级农业科技园区（个）"),
    ("science_commissioners", "科技特派员(人)"),
    ("innovation_leading_group", "县域创新驱动发展领导小组及办公室"),
    ("st_management_agency", "县级科技管理机构"),
    ("st_service_center", "科技服务中心"),
    ("innovation_pilot_county", "科技创新驱动试点县"),
    ("innovation_pilot_towns", "试点乡镇(个)"),
    ("national_innovative_county", "国家创新型县(市、区)"),
    ("national_innovative_towns", "国家创新型乡镇(个)"),
]

# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def prefecture_of(code: str) -> str:
    return code[:4]


def fmt(x: float, places: int) -> str:
    """A decimal with at most `places` places, no trailing zeros."""
    text = f"{x:.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def flag(value: bool) -> str:
    return "是" if value else "否"


def rising(rng: random.Random, start: float, end: float, places: int) -> list[str]:
    """Values for YEARS going from start to end in strictly rising steps, as text."""
    weights = [rng.uniform(0.6, 1.4) for _ in YEARS[1:]]
    total = sum(weights)
    values, v = [start], start
    for weight in weights:
        v += (end - start) * weight / total
        values.append(v)
    texts = [fmt(x, places) for x in values[:-1]] + [fmt(end, places)]
    assert all(float(a) < float(b) for a, b in zip(texts, texts[1:])), texts
    return texts


FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


# --------------------------------------------------------------------------------------------
# The data set: canonical values, data[(code, year, indicator)] = text in the indicator's unit
# --------------------------------------------------------------------------------------------


def build() -> dict[tuple[str, int, str], str]:
    rng = random.Random(2018)
    data: dict[tuple[str, int, str], str] = {}

    def put(code: str, year: int, indicator: str, value: str) -> None:
        key = (code, year, indicator)
        assert key not in data, key
        data[key] = value

    for code in CODES:
        pref = prefecture_of(code)
        urban = pref in ("6301", "6302") or code in ("632801", "632802")

        # GDP: 万元, growing 4–9 % a year.
        gdp = rng.uniform(600_000, 2_400_000) if urban else rng.uniform(60_000, 450_000)
        if code == "632801":
            gdp = 3_400_000.0
        gdps = []
        for _ in YEARS:
            gdps.append(round(gdp))
            gdp *= 1 + rng.uniform(0.04, 0.09)
        intensity = rng.uniform(0.002, 0.012) if urban else rng.uniform(0.0008, 0.005)
        for year, g in zip(YEARS, gdps):
            put(code, year, "gdp", str(g))
            rd = g * intensity * rng.uniform(0.92, 1.12)
            put(code, year, "rd_expenditure", fmt(rd, 1))

        # Fiscal S&T expenditure: 万元, rising 3–15 % a year except where designed otherwise.
        fiscal = rng.uniform(1_200, 4_000) if urban else rng.uniform(250, 1_500)
        values = []
        for year in YEARS:
            values.append(round(fiscal))
            fiscal *= 1 + rng.uniform(0.03, 0.15)
        by_year = dict(zip(YEARS, values))
        if code in FISCAL_DECLINE:
            y = FISCAL_DECLINE[code]
            by_year[y] = round(by_year[y - 1] * 0.94)
            for later in range(y + 1, YEARS[-1] + 1):  # back to rising after the one decline
                by_year[later] = max(by_year[later], round(by_year[later - 1] * 1.05))
        if code == FISCAL_DECLINE_BEFORE_WINDOW:
            by_year[2017] = round(by_year[2016] * 0.9)
        if code == FISCAL_FLAT:
            by_year[2020] = by_year[2019]
        for (c, y), v in FISCAL_YI.items():
            if c == code:
                by_year[y] = v
        if code == "632802":  # keep 德令哈 rising up to its 0.35 亿元 in 2020
            by_year[2019] = min(by_year[2019], 3_280)
            by_year[2018] = min(by_year[2018], 3_050)
            by_year[2017] = min(by_year[2017], 2_900)
            by_year[2016] = min(by_year[2016], 2_700)
        if code == "632801":
            by_year.update({2016: 4_120, 2017: 4_460, 2018: 4_910})
        for year in YEARS:
            put(code, year, "fiscal_st_expenditure", str(by_year[year]))

        # Science literacy: % (2 places), rising each year.
        if code in LITERACY_2020:
            end = float(LITERACY_2020[code])
        else:
            end = round(rng.uniform(4.60, 6.00), 2)
        series = rising(rng, max(3.0, end - rng.uniform(0.8, 1.6)), end, 2)
        for year, text in zip(YEARS, series):
            if year == 2020:
                text = LITERACY_2020.get(code, text)
                if code == LITERACY_MISSING_2020:
                    continue
            put(code, year, "science_literacy_rate", text)

        # S&T progress contribution: % (1 place), rising.
        if code != PROGRESS_MISSING:
            if code in PROGRESS_2020:
                end = float(PROGRESS_2020[code])
            else:
                end = round(rng.uniform(55.5, 60.0), 1)
            series = rising(rng, max(44.5, end - rng.uniform(2.0, 6.0)), end, 1)
            for year, text in zip(YEARS, series):
                if year == 2020:
                    text = PROGRESS_2020.get(code, text)
                put(code, year, "st_progress_contribution", text)

        # Incubators: count, non-decreasing.
        last = 0 if code in NO_INCUBATOR else rng.randint(1, 5)
        first = max(0, last - rng.randint(0, 3)) if last else 0
        steps = sorted(rng.randint(first, last) for _ in YEARS[1:-1])
        for year, v in zip(YEARS, [first, *steps, last]):
            put(code, year, "incubators", str(v))

        # Provincial high-tech zones (0–1) and agricultural parks (0–2).
        agri_last = 0 if code in NO_CARRIER else (rng.choice([0, 1, 1, 2]) if code in HITECH_ZONE else rng.choice([1, 1, 2]))
        agri_from = rng.randint(2016, 2020)
        for year in YEARS:
            zone = 1 if code in HITECH_ZONE and year >= HITECH_ZONE[code] else 0
            agri = agri_last if year >= agri_from else (min(agri_last, 1) if year >= agri_from - 1 and agri_last == 2 else 0)
            put(code, year, "provincial_hitech_zones", str(zone))
            put(code, year, "provincial_agri_parks", str(agri))

        # Science commissioners: people, non-decreasing.
        n = rng.randint(5, 25) if not urban else rng.randint(15, 45)
        for year in YEARS:
            put(code, year, "science_commissioners", str(n))
            n += rng.randint(0, 6)

        # Organisation flags.
        group_from = None if code == NO_LEADING_GROUP else rng.choice([2016, 2017, 2017, 2018, 2018, 2019])
        agency_from = None if code == NO_AGENCY else rng.choice([2016, 2016, 2016, 2017, 2018])
        center_from = rng.choice([2017, 2018, 2019, 2020]) if code in SERVICE_CENTER else None
        for year in YEARS:
            put(code, year, "innovation_leading_group", flag(group_from is not None and year >= group_from))
            put(code, year, "st_management_agency", flag(agency_from is not None and year >= agency_from))
            put(code, year, "st_service_center", flag(center_from is not None and year >= center_from))

        # Pilot counties and towns, 2018–2020.
        for year in (2018, 2019, 2020):
            pilot = code in PILOT and year >= PILOT[code]
            put(code, year, "innovation_pilot_county", flag(pilot))
            if pilot:
                towns = PILOT_TOWNS_2020[code]
                if year < 2020 and towns > 1:
                    towns = max(1, towns - (2020 - year))
                put(code, year, "innovation_pilot_towns", str(towns))

        # National innovative county and towns, 2020.
        put(code, 2020, "national_innovative_county", flag(code == NATIONAL_COUNTY))
        put(code, 2020, "national_innovative_towns", str(NATIONAL_TOWNS.get(code, 0)))

    for year, v in PERSONNEL.items():
        put(PROVINCE[0], year, "st_personnel_to_grassroots", str(v))

    # QH-13 … QH-16: fixed tables, after the random stream (the values above are what they always were).
    for code in CODES:
        put(code, EVAL_YEAR, "online_st_service_window", flag(code not in NO_ONLINE_WINDOW))
        if code != OFFLINE_MISSING:
            put(code, EVAL_YEAR, "offline_st_service_institution", flag(code not in NO_OFFLINE_INSTITUTION))
    for pref, values in PREFECTURE_FISCAL.items():
        for year, v in zip(range(2017, 2021), values):
            if v is not None:
                put(pref, year, "prefecture_fiscal_st_expenditure", str(v))
        put(pref, EVAL_YEAR, "prefecture_leading_group", flag(pref != NO_PREFECTURE_GROUP))
        if pref != PREFECTURE_AGENCY_MISSING:
            put(pref, EVAL_YEAR, "prefecture_st_management_agency", "是")
    # Generated for every year (so the random stream of the other units is what it always was), then dropped.
    return {k: v for k, v in data.items() if k[1] >= FIRST_YEAR.get(k[0], 0)}


# --------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------


def csv_text(rows: list[list[str]], line_end: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=line_end)
    writer.writerows(rows)
    return buffer.getvalue()


def indicator_order(indicator: str) -> int:
    return list(INDICATORS).index(indicator)


def long_rows(data: dict[tuple[str, int, str], str]) -> list[list[str]]:
    rows = [["region", "year", "indicator", "value", "unit", "source", "note"]]
    order = {code: i for i, code in enumerate([PROVINCE[0], *PREFECTURE_FISCAL, *CODES])}
    file_order = COUNTY_YEARLY + [i for i in INDICATORS if i not in COUNTY_YEARLY]
    keys = sorted(data, key=lambda k: (order[k[0]], k[1], file_order.index(k[2])))
    for code, year, indicator in keys:
        value = data[(code, year, indicator)]
        unit = INDICATORS[indicator][1]
        region = code
        if code in OLD_CODE and year <= OLD_CODE[code][2]:
            region = OLD_CODE[code][0]
        region = REGION_AS_NAME.get((code, year, indicator), region)
        if indicator == "fiscal_st_expenditure":
            if (code, year) in FISCAL_YI:
                value, unit = fmt(int(value) / 10_000, 4), "亿元"
            elif (code, year) in FISCAL_COMMA:
                assert int(value) >= 1000, (code, year, value)
                value = f"{int(value):,}"
        if indicator == "science_literacy_rate" and (code, year) in FULLWIDTH_PERCENT:
            value, unit = value.translate(FULLWIDTH) + "％", ""
        note = NOTES.get((code, year, indicator), "")
        rows.append([region, str(year), indicator, value, unit, SOURCE, note])
    return rows


def wide_rows(data: dict[tuple[str, int, str], str]) -> list[list[str]]:
    rows = [["地区", "年份", *[header for _, header in WIDE_COLUMNS]]]
    for code in CODES:
        cells = [data.get((code, EVAL_YEAR, indicator), "") for indicator, _ in WIDE_COLUMNS]
        rows.append([NAME[code], str(EVAL_YEAR), *cells])
    return rows


def gbk_rows(data: dict[tuple[str, int, str], str]) -> list[list[str]]:
    rows = [["地区", "年份", "指标", "数值", "单位"]]
    for code in GBK_COUNTIES:
        for indicator in GBK_INDICATORS:
            value = data.get((code, EVAL_YEAR, indicator))
            if value is None:
                continue
            name, unit = INDICATORS[indicator]
            rows.append([NAME[code], str(EVAL_YEAR), name, value, unit])
    return rows


# --------------------------------------------------------------------------------------------
# Self-check of the design, and EXPECTED.md
# --------------------------------------------------------------------------------------------


def num(data, code, year, indicator) -> float | None:
    text = data.get((code, year, indicator))
    return None if text is None else float(text)


def label(code: str) -> str:
    return f"{code} {NAME.get(code, PROVINCE[1])}"


def expected(data: dict[tuple[str, int, str], str]) -> str:
    y = EVAL_YEAR
    out: list[str] = []
    w = out.append

    # QH-01
    with_carrier = [c for c in CODES
                    if num(data, c, y, "provincial_hitech_zones") + num(data, c, y, "provincial_agri_parks") >= 1]
    without = [c for c in CODES if c not in with_carrier]
    share = len(with_carrier) / len(CODES)
    assert sorted(without) == sorted(NO_CARRIER) and share >= 0.70

    # QH-02
    no_incubator = [c for c in CODES if num(data, c, y, "incubators") < 1]
    assert no_incubator == NO_INCUBATOR

    # QH-03
    pilots_by_pref = {p: [c for c in CODES if prefecture_of(c) == p and data.get((c, y, "innovation_pilot_county")) == "是"]
                      for p in PREFECTURES}

    # QH-04
    pilot_towns = {c: int(data[(c, y, "innovation_pilot_towns")]) for p in pilots_by_pref.values() for c in p}

    # QH-05
    national = [c for c in CODES if data[(c, y, "national_innovative_county")] == "是"]
    towns = sum(int(data[(c, y, "national_innovative_towns")]) for c in CODES)

    # QH-06
    literacy_fail = [c for c in CODES if (v := num(data, c, y, "science_literacy_rate")) is not None and v < 4.5]
    literacy_none = [c for c in CODES if num(data, c, y, "science_literacy_rate") is None]
    assert len(literacy_fail) == 8 and literacy_none == [LITERACY_MISSING_2020]

    # QH-07
    progress_fail = [c for c in CODES if (v := num(data, c, y, "st_progress_contribution")) is not None and v < 55]
    progress_none = [c for c in CODES if num(data, c, y, "st_progress_contribution") is None]
    assert len(progress_fail) == 10 and progress_none == [PROGRESS_MISSING]

    # QH-09
    fiscal_fail = {}
    fiscal_new = [c for c in CODES if FIRST_YEAR.get(c, 0) > 2017]  # no comparable 2017 baseline: no_data
    for c in CODES:
        if c in fiscal_new:
            continue
        for t in range(2018, y + 1):
            if num(data, c, t, "fiscal_st_expenditure") < num(data, c, t - 1, "fiscal_st_expenditure"):
                fiscal_fail.setdefault(c, []).append(t)
    assert {c: v[0] for c, v in fiscal_fail.items()} == FISCAL_DECLINE and all(len(v) == 1 for v in fiscal_fail.values())

    # QH-10 … QH-12
    no_group = [c for c in CODES if data[(c, y, "innovation_leading_group")] == "否"]
    no_agency = [c for c in CODES if data[(c, y, "st_management_agency")] == "否"]
    no_center = [c for c in CODES if data[(c, y, "st_service_center")] == "否"]
    assert no_group == [NO_LEADING_GROUP] and no_agency == [NO_AGENCY] and len(no_center) == 22

    def fiscal_series(c: str) -> str:
        return ", ".join(f"{t}: {data[(c, t, 'fiscal_st_expenditure')]}" for t in YEARS if (c, t, 'fiscal_st_expenditure') in data)

    def item(text: str) -> None:
        w(f"  - {text}")

    w("# Qinghai samples: designed results for 2020")
    w("")
    w(f"Written by `{SCRIPT}`; do not edit by hand. All values are made up.")
    w("Policy `qinghai` (青政办〔2018〕6号), evaluation year 2020. Amounts in 万元, rates in %.")
    w("`qinghai_2016_2020.csv` is the reference. `qinghai_wide_2020.csv` (44 counties) and")
    w("`qinghai_2020_gbk.csv` (10 counties, 3 indicators) repeat its 2020 values exactly.")
    w("")
    w(f"- QH-01 share with provincial_hitech_zones + provincial_agri_parks ≥ 1 (≥ 70 %): met, "
      f"{len(with_carrier)}/44 = {share * 100:.0f} %")
    item(f"the {len(without)} without: " + ", ".join(label(c) for c in without))
    w("- QH-02 incubators ≥ 1")
    item("not_met (0 in every year): " + ", ".join(label(c) for c in no_incubator))
    item(f"met: the other {44 - len(no_incubator)}")
    w("- QH-03 pilot counties per prefecture, range 1…2")
    for p, members in pilots_by_pref.items():
        status = "not_met" if not members else ("met, above plan" if len(members) > 2 else "met")
        names = ", ".join(label(c) for c in members) or "none"
        item(f"{p}00 {PREFECTURES[p]}: {status}, {len(members)} ({names})")
    w("- QH-04 pilot towns per pilot county, range 1…3 (filter: innovation_pilot_county = 是)")
    item("not_met: 630225 循化撒拉族自治县 0")
    item("met, above plan: 632521 共和县 4")
    item("met: " + ", ".join(f"{label(c)} {n}" for c, n in pilot_towns.items() if c not in ("630225", "632521")))
    item(f"not_applicable: the other {44 - len(pilot_towns)} counties (not pilots in 2020)")
    w(f"- QH-05 national innovative counties + towns ≥ 1 (striving, 630000): met, "
      f"{len(national) + towns} = {len(national)} county ({', '.join(label(c) for c in national)}) "
      f"+ {towns} town (in 630223 互助土族自治县)")
    w("- QH-06 science_literacy_rate ≥ 4.5 %")
    item("not_met: " + ", ".join(f"{label(c)} {data[(c, y, 'science_literacy_rate')]}" for c in literacy_fail))
    item("met at the boundary: 632523 贵德县 4.5")
    item(f"no_data: {label(LITERACY_MISSING_2020)} (no 2020 value; 2019 is "
         f"{data[(LITERACY_MISSING_2020, 2019, 'science_literacy_rate')]})")
    item("met: 630121 大通回族土族自治县 4.8 (long file: region by full name, value `４.８％`, empty unit)")
    item(f"met: the other {44 - len(literacy_fail) - 3}")
    w("- QH-07 st_progress_contribution ≥ 55 %")
    item("not_met: " + ", ".join(f"{label(c)} {data[(c, y, 'st_progress_contribution')]}" for c in progress_fail))
    item("met at the boundary: 632522 同德县 55")
    item(f"no_data: {label(PROGRESS_MISSING)} (no value in any year)")
    item(f"met: the other {44 - len(progress_fail) - 2}")
    w("- QH-08 st_personnel_to_grassroots every year ≥ 300 since 2018 (region 630000)")
    item("not_met: " + ", ".join(f"{t}: {v}" for t, v in PERSONNEL.items()) + "; 2020 short by 2")
    w("- QH-09 fiscal_st_expenditure non-decreasing since 2017 (values in 万元, 2016…2020)")
    for c, v in fiscal_fail.items():
        item(f"not_met: {label(c)}, falls in {v[0]} ({fiscal_series(c)})")
    item(f"met, falls only 2016→2017, outside the window: {label(FISCAL_DECLINE_BEFORE_WINDOW)} "
         f"({fiscal_series(FISCAL_DECLINE_BEFORE_WINDOW)})")
    item(f"met, flat 2019→2020: {label(FISCAL_FLAT)} ({fiscal_series(FISCAL_FLAT)})")
    for c in fiscal_new:
        item(f"no_data: {label(c)}, set up in {FIRST_YEAR[c]}, after the 2017 baseline ({fiscal_series(c)})")
    item(f"met: the other {44 - len(fiscal_fail) - 2 - len(fiscal_new)}")
    item("written in 亿元 in the long file: " + ", ".join(
        f"{c} {t} `{fmt(v / 10_000, 4)}` (= {v})" for (c, t), v in FISCAL_YI.items()))
    item("written with a thousands separator (万元): " + ", ".join(
        f"{c} {t} `{int(data[(c, t, 'fiscal_st_expenditure')]):,}`" for c, t in FISCAL_COMMA))
    w("- QH-10 innovation_leading_group exists")
    item(f"not_met (否 in every year): {label(NO_LEADING_GROUP)}; met: the other 43")
    w("- QH-11 st_management_agency exists")
    item(f"not_met (否 in every year): {label(NO_AGENCY)}; met: the other 43")
    w("- QH-12 st_service_center exists (encouraged: advice, not a compliance failure)")
    item(f"met: {44 - len(no_center)}; not_met: {len(no_center)}: " + ", ".join(label(c) for c in no_center))
    no_window = [c for c in CODES if data[(c, y, "online_st_service_window")] == "否"
                 or data.get((c, y, "offline_st_service_institution")) == "否"]
    assert sorted(no_window) == sorted(NO_ONLINE_WINDOW + NO_OFFLINE_INSTITUTION)
    w("- QH-13 online_st_service_window and offline_st_service_institution both exist (2020)")
    item("not_met: " + ", ".join(label(c) for c in sorted(no_window)) + f"; no_data: {label(OFFLINE_MISSING)} (no offline value); "
         f"met: the other {44 - len(no_window) - 1}")
    falls = [p for p, v in PREFECTURE_FISCAL.items() if all(x is not None for x in v) and any(b < a for a, b in zip(v, v[1:]))]
    gaps = [p for p, v in PREFECTURE_FISCAL.items() if None in v]
    assert falls == ["632600"] and gaps == ["632700"]
    pname = {p + "00": n for p, n in PREFECTURES.items()}
    w("- QH-14 prefecture_fiscal_st_expenditure of each prefecture itself non-decreasing since 2017 (prefecture scope)")
    item(f"not_met: 632600 {pname['632600']} (falls in 2019); no_data: 632700 {pname['632700']} (no 2018); met: the other 6")
    w("- QH-15 prefecture_leading_group of each prefecture itself exists (prefecture scope)")
    item(f"not_met: {NO_PREFECTURE_GROUP} {pname[NO_PREFECTURE_GROUP]}; met: the other 7")
    w("- QH-16 prefecture_st_management_agency of each prefecture itself exists (prefecture scope)")
    item(f"no_data: {PREFECTURE_AGENCY_MISSING} {pname[PREFECTURE_AGENCY_MISSING]} (not given); met: the other 7")
    w("")
    w("Loader cases in the long file:")
    w("")
    w("- 湟中区: region `630122` (old code of 湟中县) for 2016–2018, `630106` for 2019–2020")
    w("- 同仁市: region `632301` in every year, though it was 同仁县 632321 until 2019 (the load notes the rename)")
    w("- 茫崖市 632803: no values before 2018, the year it was set up")
    w("- region by name: " + "; ".join(f"`{r}` ({c} {t} {i})" for (c, t, i), r in REGION_AS_NAME.items()))
    w("- science_literacy_rate as full-width `N.N％` with an empty unit: "
      + ", ".join(f"{c} {t}" for c, t in FULLWIDTH_PERCENT))
    w("- a quoted note with an ASCII comma: 632821 2020 fiscal_st_expenditure")
    w(f"- {len(data):,} data rows; no region-year-indicator is given twice")
    w("")
    return "\n".join(out)


# --------------------------------------------------------------------------------------------


def outputs() -> dict[str, bytes]:
    data = build()
    long_text = csv_text(long_rows(data), "\n")
    wide_text = csv_text(wide_rows(data), "\r\n")
    gbk_text = csv_text(gbk_rows(data), "\r\n")
    return {
        "qinghai_2016_2020.csv": long_text.encode("utf-8"),
        "qinghai_wide_2020.csv": b"\xef\xbb\xbf" + wide_text.encode("utf-8"),
        "qinghai_2020_gbk.csv": gbk_text.encode("gb18030"),
        "EXPECTED.md": expected(data).encode("utf-8"),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Write the Qinghai sample data sets.")
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if a file on disk differs from what would be written")
    args = parser.parse_args(argv)
    files = outputs()
    if args.check:
        stale = [name for name, content in files.items()
                 if not (OUT_DIR / name).exists() or (OUT_DIR / name).read_bytes() != content]
        for name in stale:
            print(f"{(OUT_DIR / name).relative_to(ROOT)}: out of date; run python3 {SCRIPT}", file=sys.stderr)
        return 1 if stale else 0
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (OUT_DIR / name).write_bytes(content)
        print(f"wrote {(OUT_DIR / name).relative_to(ROOT)} ({len(content)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
