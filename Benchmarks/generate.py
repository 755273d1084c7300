#!/usr/bin/env python3
"""Write a deterministic, national-scale synthetic data set for benchmarking cie.

    python3 Benchmarks/generate.py --scale 1 --out /tmp/cie-bench            # all three formats
    python3 Benchmarks/generate.py --scale 0.1 --out /tmp/small --formats long

What it writes in DIR (UTF-8 without BOM, LF line ends):

  regions.csv        code,name,prefecture,type: every unit of the data set. The 301 real county-level
                     units of the five shipped jurisdictions (青海, 浙江, 内蒙古, 吉林, 威海), with their
                     official code, name and prefecture, plus synthetic units spread over the other
                     26 province-level units in proportion to their real county counts. A synthetic
                     unit has the code PP + pseudo-prefecture 51–99 (not 90) + 2 digits, the province
                     PP0000 as its prefecture and a name such as 冀测试县0001.
  national_long.csv  region,year,indicator,value; 2005–2024, 50 indicators (the 48 catalogue
                     indicators that are not derived, plus 2 custom ones), ordered by region code,
                     year and indicator id. About 2% of the cells are missing (row omitted).
  national_wide.csv  region,year and one column per indicator; the same values, empty when missing.
  national.json      {"observations": [...]}, one observation a line; the same values.

Scale S gives round(2844 × S) units (2,844 is China's number of county-level units): 0.1 → 284,
1 → 2,844, 3 → 8,532. Units come from one fixed ordering: Qinghai's 44 units first (every scale
keeps them, so the Qinghai targets always see the whole province), then the other 257 real units
spread evenly among the first 2,543 synthetic ones, then more synthetic ones. A smaller scale is
a prefix of a larger one, and a unit's values do not depend on the scale.

The values are synthetic, not statistics: no county publishes these 50 series for 2005–2024, and
a benchmark needs a complete, large and reproducible input. They are shaped to be plausible for
each indicator's kind and unit (flags 0/1 that switch on once; percentages with 2 decimals that
trend over the years; amounts in 万元 with 2 decimals that grow; whole counts), and to give the
Qinghai targets a mix of results. Only the region codes and names of the five jurisdictions are
real; they come from ../shared/data/admin_codes_mca_county_2023.csv (source and licence in
../shared/data/PROVENANCE.md: 民政部 county-level codes, status at 2023-12-31, CC0).

Deterministic on any machine: every random draw comes from SplitMix64 seeded by a fixed hash of
(unit code, indicator id, year), and the values use only +, −, ×, ÷ and sqrt on doubles (all
correctly rounded under IEEE 754), never Python's hash() or random module. Standard library only.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MCA_FILE = ROOT.parent / "shared" / "data" / "admin_codes_mca_county_2023.csv"

YEARS = list(range(2005, 2025))
NATIONAL_UNITS = 2844  # county-level units of China at the end of 2023
MISSING_PER_65536 = 1311  # 2.0% of cells are missing
MASK = (1 << 64) - 1

# Province-level units outside the five jurisdictions: code, short name, real county-level count
# (approximately, 2023; Shandong without Weihai's four). Only the proportions matter.
PROVINCES = [
    ("11", "京", 16), ("12", "津", 16), ("13", "冀", 167), ("14", "晋", 117), ("21", "辽", 100),
    ("23", "黑", 121), ("31", "沪", 16), ("32", "苏", 95), ("34", "皖", 104), ("35", "闽", 84),
    ("36", "赣", 100), ("37", "鲁", 132), ("41", "豫", 157), ("42", "鄂", 103), ("43", "湘", 122),
    ("44", "粤", 122), ("45", "桂", 111), ("46", "琼", 25), ("50", "渝", 38), ("51", "川", 183),
    ("52", "黔", 88), ("53", "滇", 129), ("54", "藏", 74), ("61", "陕", 107), ("62", "甘", 86),
    ("64", "宁", 22), ("65", "新", 107),
]
MUNICIPALITIES = {"11", "12", "31", "50"}
UNITS_PER_PSEUDO_PREFECTURE = 40
# 51–99 stays clear of real prefecture codes; 90 is the real 省直辖 code of several provinces.
PSEUDO_PREFECTURES = [p for p in range(51, 100) if p != 90]
TYPE_CHAR = {"district": "区", "county": "县", "city": "市", "banner": "旗"}


# --------------------------------------------------------------------------------------------
# Deterministic randomness
# --------------------------------------------------------------------------------------------

def mix64(z: int) -> int:
    """The SplitMix64 finaliser: a bijection on 64-bit integers that scatters every input bit."""
    z = (z + 0x9E3779B97F4A7C15) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def fnv1a64(text: str) -> int:
    h = 0xCBF29CE484222325
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & MASK
    return h


class Stream:
    """A SplitMix64 sequence for one (unit, indicator, purpose)."""

    __slots__ = ("state",)

    def __init__(self, *keys: int) -> None:
        s = 0x5EED_C1E0_2018_0006
        for k in keys:
            s = mix64(s ^ (k & MASK))
        self.state = s

    def next(self) -> int:
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self, lo: float = 0.0, hi: float = 1.0) -> float:
        return lo + (hi - lo) * ((self.next() >> 11) / 9007199254740992.0)

    def below(self, n: int) -> int:
        return self.next() % n

    def choice(self, weights: list[float]) -> int:
        x = self.uniform(0.0, sum(weights))
        for i, w in enumerate(weights):
            x -= w
            if x < 0:
                return i
        return len(weights) - 1


# --------------------------------------------------------------------------------------------
# Units
# --------------------------------------------------------------------------------------------

def real_units() -> list[tuple[str, str, str, str]]:
    """The 301 MCA units of the five jurisdictions: (code, name, prefecture code, type)."""
    with open(MCA_FILE, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = []
    for r in rows:
        name = r["name"]
        kind = {"区": "district", "市": "city", "旗": "banner"}.get(name[-1], "county")
        out.append((r["code"], name, r["prefecture_code"], kind))
    return out


def synthetic_units(n: int) -> list[tuple[str, str, str, str]]:
    """The first n synthetic units, provinces picked by Sainte-Laguë so every prefix is proportional."""
    taken = [0] * len(PROVINCES)
    out = []
    for _ in range(n):
        best = max(range(len(PROVINCES)), key=lambda i: (PROVINCES[i][2] / (2 * taken[i] + 1), -i))
        code2, short, _ = PROVINCES[best]
        k = taken[best]
        taken[best] += 1
        prefecture = PSEUDO_PREFECTURES[k // UNITS_PER_PSEUDO_PREFECTURE]
        code = f"{code2}{prefecture:02d}{k % UNITS_PER_PSEUDO_PREFECTURE + 1:02d}"
        s = Stream(int(code), 0x7E)
        if code2 in MUNICIPALITIES:
            kind = ["district", "county"][s.choice([85, 15])]
        else:
            kind = ["district", "county", "city", "banner"][s.choice([30, 50, 15, 5])]
        out.append((code, f"{short}测试{TYPE_CHAR[kind]}{k + 1:04d}", f"{code2}0000", kind))
    return out


def select_units(count: int) -> list[tuple[str, str, str, str]]:
    """The first `count` units of the fixed ordering (see the module docstring)."""
    real = real_units()
    qinghai = [u for u in real if u[0].startswith("63")]
    others = sorted((u for u in real if not u[0].startswith("63")), key=lambda u: mix64(int(u[0])))
    synthetic_at_1 = NATIONAL_UNITS - len(real)
    count = max(count, len(qinghai))
    synthetic = synthetic_units(max(0, count - len(real)) if count > NATIONAL_UNITS else synthetic_at_1)
    # Merge: the real ones spread evenly among the first 2,543 synthetic ones.
    merged: list[tuple[str, str, str, str]] = []
    block = len(others) + synthetic_at_1
    ri = si = 0
    for k in range(block):
        if (k + 1) * len(others) // block > k * len(others) // block:
            merged.append(others[ri])
            ri += 1
        else:
            merged.append(synthetic[si])
            si += 1
    merged += synthetic[si:]
    return qinghai + merged[: count - len(qinghai)]


# --------------------------------------------------------------------------------------------
# Indicators and their value models
# --------------------------------------------------------------------------------------------
# Models (parameters per indicator):
#   amount  base 万元, growth range, relative noise      grows compound, 2 decimals
#   shareof of, start % range, slope %/year, noise       a share of another amount, 2 decimals
#   fiscal  base, growth range                           grows; some units cut it in some years
#   count   base, size exponent, growth range, noise     whole numbers
#   partof  of, start share range, slope, noise          a whole-number part of another count
#   steps   weights of 0,1,2…, first and last year       facilities set up one by one
#   flag    probability, first and last year             0, then 1 from the year it is set up
#   pilot   (innovation_pilot_county's towns)            0 unless the unit is a pilot
#   pct     start range, slope range, noise, cap         a percentage, 2 decimals

M = {
    "gdp": ("amount", 350000.0, (0.03, 0.11), 0.02),
    "rd_expenditure": ("shareof", "gdp", (0.10, 1.20), (0.0, 0.06), 0.05),
    "fiscal_st_expenditure": ("fiscal", 600.0, (0.0, 0.14)),
    "county_st_special_fund": ("amount", 150.0, (0.02, 0.12), 0.10),
    "st_progress_contribution": ("pct", (15.0, 40.0), (0.5, 2.6), 0.8, 90.0),
    "science_literacy_rate": ("pct", (0.5, 2.5), (0.05, 0.32), 0.08, 20.0),
    "provincial_hitech_zones": ("steps", [50, 40, 10], 2006, 2023),
    "provincial_agri_parks": ("steps", [55, 40, 5], 2008, 2022),
    "national_agri_hitech_zones": ("steps", [97, 3], 2018, 2024),
    "incubators": ("steps", [12, 20, 20, 20, 12, 10, 6], 2010, 2024),
    "innovation_service_platforms": ("steps", [10, 15, 15, 15, 15, 10, 10, 5, 5], 2012, 2024),
    "innovation_pilot_county": ("flag", 0.22, 2017, 2019),
    "innovation_pilot_towns": ("pilot", [15, 35, 30, 10, 10]),
    "national_innovative_county": ("flag", 0.03, 2018, 2023),
    "national_innovative_towns": ("steps", [95, 5], 2018, 2024),
    "st_personnel_to_grassroots": ("count", 8.0, 0.5, (0.0, 0.04), 0.30),
    "science_commissioners": ("count", 25.0, 0.5, (0.02, 0.10), 0.15),
    "hitech_enterprises": ("count", 6.0, 1.0, (0.05, 0.18), 0.15),
    "st_smes": ("count", 15.0, 1.0, (0.05, 0.20), 0.15),
    "st_enterprises": ("count", 25.0, 1.0, (0.04, 0.16), 0.12),
    "agri_hitech_enterprises": ("count", 1.5, 0.75, (0.03, 0.15), 0.30),
    "above_scale_industrial_enterprises": ("count", 60.0, 1.0, (0.0, 0.06), 0.05),
    "above_scale_with_rd_activity": ("partof", "above_scale_industrial_enterprises", (0.05, 0.30), (0.0, 0.015), 0.05),
    "above_scale_with_rd_institution": ("partof", "above_scale_industrial_enterprises", (0.02, 0.15), (0.0, 0.008), 0.05),
    "above_scale_with_invention_patent": ("partof", "above_scale_industrial_enterprises", (0.02, 0.20), (0.0, 0.010), 0.05),
    "above_scale_industrial_rd_expenditure": ("shareof", "gdp", (0.05, 0.80), (0.0, 0.04), 0.06),
    "hitech_output_share": ("pct", (2.0, 30.0), (0.0, 1.8), 1.5, 95.0),
    "industry_innovation_complexes": ("steps", [60, 30, 10], 2017, 2024),
    "innovation_vouchers_used": ("amount", 40.0, (0.05, 0.20), 0.30),
    "instrument_sharing_times": ("count", 120.0, 1.0, (0.03, 0.15), 0.30),
    "lab_service_batches": ("count", 30.0, 1.0, (0.03, 0.12), 0.30),
    "tech_contract_turnover": ("amount", 2000.0, (0.05, 0.20), 0.30),
    "innovation_platforms_provincial_plus": ("steps", [10, 12, 14, 14, 12, 10, 8, 8, 6, 4, 2], 2006, 2024),
    "innovation_platforms_national": ("steps", [70, 25, 5], 2008, 2024),
    "tech_transfer_institutions": ("steps", [30, 40, 20, 10], 2010, 2024),
    "tech_market_service_institutions": ("steps", [45, 45, 10], 2010, 2024),
    "tech_brokers": ("count", 5.0, 0.75, (0.05, 0.20), 0.20),
    "tech_transfer_center": ("flag", 0.50, 2012, 2023),
    "innovation_leading_group": ("flag", 0.85, 2016, 2023),
    "st_management_agency": ("flag", 0.90, 2000, 2021),
    "st_service_center": ("flag", 0.55, 2010, 2024),
    "commissioner_workstations": ("steps", [15, 20, 20, 20, 15, 10], 2010, 2024),
    "village_network_coverage": ("pct", (20.0, 70.0), (1.0, 5.0), 1.0, 100.0),
    "characteristic_industrial_clusters": ("steps", [20, 30, 25, 15, 10], 2008, 2024),
    "innovation_special_fund": ("flag", 0.60, 2015, 2022),
    "st_consultation_meetings": ("count", 2.0, 0.0, (0.0, 0.05), 0.50),
    "major_industrial_county": ("flag", 0.15, 2010, 2020),
    "enterprise_rd_subsidies": ("amount", 80.0, (0.05, 0.18), 0.30),
    # Custom indicators (not in the catalogue; their names are far from every catalogue name).
    "forest_cover_rate": ("pct", (5.0, 60.0), (0.0, 0.5), 0.3, 80.0),
    "registered_trademarks": ("count", 300.0, 1.0, (0.08, 0.20), 0.10),
}
# Models that depend on another indicator come after it.
ORDER = sorted(M, key=lambda i: 1 if M[i][0] in ("shareof", "partof", "pilot") else 0)
INDICATORS = sorted(M)  # file order: by id
INDICATOR_KEYS = {i: fnv1a64(i) for i in M}
N_YEARS = len(YEARS)


def power(x: float, exponent: float) -> float:
    """x ** exponent for exponents 0, 0.5, 0.75 and 1 through sqrt, which IEEE 754 rounds correctly (pow need not)."""
    root = math.sqrt(x)
    return {0.0: 1.0, 0.5: root, 0.75: root * math.sqrt(root), 1.0: x}[exponent]


def unit_series(code: str) -> dict[str, list]:
    """All 50 series of one unit as lists of numbers (before formatting and missing cells)."""
    u = int(code)
    size_stream = Stream(u, 0x51CE)
    size = (0.3 + 1.7 * size_stream.uniform()) * (0.3 + 1.7 * size_stream.uniform())
    out: dict[str, list] = {}
    for ind in ORDER:
        spec = M[ind]
        model = spec[0]
        s = Stream(u, INDICATOR_KEYS[ind], 0xA11)
        if model == "amount":
            _, base, (glo, ghi), noise = spec
            g = 1.0 + s.uniform(glo, ghi)
            level = base * size * s.uniform(0.7, 1.3)
            vals = []
            for _ in YEARS:
                vals.append(level * (1.0 + s.uniform(-noise, noise)))
                level *= g
            out[ind] = vals
        elif model == "shareof":
            _, of, (alo, ahi), (blo, bhi), noise = spec
            a, b = s.uniform(alo, ahi), s.uniform(blo, bhi)
            out[ind] = [out[of][t] * (a + b * t) / 100.0 * (1.0 + s.uniform(-noise, noise)) for t in range(N_YEARS)]
        elif model == "fiscal":
            _, base, (glo, ghi) = spec
            g = s.uniform(glo, ghi)
            steady = s.uniform() < 0.55
            level = base * size * s.uniform(0.6, 1.4)
            vals = []
            for _ in YEARS:
                vals.append(level)
                shock = s.uniform(0.0, 0.06) if steady else s.uniform(-0.10, 0.06)
                level *= 1.0 + g + shock
            out[ind] = vals
        elif model == "count":
            _, base, exponent, (glo, ghi), noise = spec
            g = 1.0 + s.uniform(glo, ghi)
            level = base * power(size, exponent) * s.uniform(0.5, 1.5)
            vals = []
            for _ in YEARS:
                vals.append(int(max(0.0, level * (1.0 + s.uniform(-noise, noise))) + 0.5))
                level *= g
            out[ind] = vals
        elif model == "partof":
            _, of, (alo, ahi), (blo, bhi), noise = spec
            a, b = s.uniform(alo, ahi), s.uniform(blo, bhi)
            out[ind] = [int(out[of][t] * min(1.0, max(0.0, (a + b * t) * (1.0 + s.uniform(-noise, noise)))) + 0.5)
                        for t in range(N_YEARS)]
        elif model == "steps":
            _, weights, y0, y1 = spec
            n = s.choice(weights)
            starts = sorted(y0 + s.below(y1 - y0 + 1) for _ in range(n))
            out[ind] = [sum(1 for a in starts if a <= y) for y in YEARS]
        elif model == "flag":
            _, p, y0, y1 = spec
            adopted = s.uniform() < p
            start = y0 + s.below(y1 - y0 + 1)
            out[ind] = [1 if adopted and y >= start else 0 for y in YEARS]
        elif model == "pilot":
            _, weights = spec
            pilot = out["innovation_pilot_county"]
            n = s.choice(weights)
            first = next((t for t in range(N_YEARS) if pilot[t]), None)
            if first is None:
                out[ind] = [0] * N_YEARS
            else:
                starts = sorted(first + s.below(max(1, N_YEARS - first - 1)) for _ in range(n))
                out[ind] = [sum(1 for a in starts if a <= t) if pilot[t] else 0 for t in range(N_YEARS)]
        elif model == "pct":
            _, (alo, ahi), (blo, bhi), noise, cap = spec
            a, b = s.uniform(alo, ahi), s.uniform(blo, bhi)
            out[ind] = [min(cap, max(0.0, a + b * t + s.uniform(-noise, noise))) for t in range(N_YEARS)]
        else:
            raise AssertionError(model)
    return out


def formatter(ind: str):
    model = M[ind][0]
    if model in ("amount", "shareof", "fiscal", "pct"):
        return lambda v: f"{v:.2f}"
    return str


FORMATTERS = {i: formatter(i) for i in INDICATORS}


def unit_grid(code: str) -> list[list]:
    """Formatted values, [year][indicator in file order]; None where the cell is missing."""
    series = unit_series(code)
    u = int(code)
    grid = []
    for t, y in enumerate(YEARS):
        row = []
        for ind in INDICATORS:
            if mix64(mix64(u * 0x10001 + y) ^ INDICATOR_KEYS[ind]) & 0xFFFF < MISSING_PER_65536:
                row.append(None)
            else:
                row.append(FORMATTERS[ind](series[ind][t]))
        grid.append(row)
    return grid


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------

class Out:
    """A file written in large chunks; counts rows and bytes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = open(path, "w", encoding="utf-8", newline="\n")
        self.parts: list[str] = []
        self.rows = 0

    def add(self, text: str, rows: int = 0) -> None:
        self.parts.append(text)
        self.rows += rows
        if len(self.parts) >= 256:
            self.flush()

    def flush(self) -> None:
        self.file.write("".join(self.parts))
        self.parts = []

    def close(self) -> int:
        self.flush()
        self.file.close()
        return self.path.stat().st_size


def generate(scale: float, out_dir: Path, formats: set[str]) -> None:
    started = time.monotonic()
    units = sorted(select_units(round(NATIONAL_UNITS * scale)))
    out_dir.mkdir(parents=True, exist_ok=True)
    files: list[Out] = []

    regions = Out(out_dir / "regions.csv")
    regions.add("code,name,prefecture,type\n")
    regions.add("".join(f"{c},{n},{p},{k}\n" for c, n, p, k in units), len(units))
    files.append(regions)

    long = wide = js = None
    if "long" in formats:
        long = Out(out_dir / "national_long.csv")
        long.add("region,year,indicator,value\n")
        files.append(long)
    if "wide" in formats:
        wide = Out(out_dir / "national_wide.csv")
        wide.add("region,year," + ",".join(INDICATORS) + "\n")
        files.append(wide)
    if "json" in formats:
        js = Out(out_dir / "national.json")
        js.add('{"observations": [\n')
        files.append(js)
    first_json = True

    for code, *_ in units:
        grid = unit_grid(code)
        for t, y in enumerate(YEARS):
            row = grid[t]
            present = [(ind, v) for ind, v in zip(INDICATORS, row) if v is not None]
            if long is not None:
                prefix = f"{code},{y},"
                long.add("".join(f"{prefix}{ind},{v}\n" for ind, v in present), len(present))
            if wide is not None:
                wide.add(f"{code},{y}," + ",".join("" if v is None else v for v in row) + "\n", 1)
            if js is not None and present:
                head = f'{{"region": "{code}", "year": {y}, "indicator": "'
                text = ",\n".join(f'{head}{ind}", "value": {v}}}' for ind, v in present)
                js.add(text if first_json else ",\n" + text, len(present))
                first_json = False
    if js is not None:
        js.add("\n]}\n")

    sizes = [f.close() for f in files]
    elapsed = time.monotonic() - started
    print(f"scale {scale:g}: {len(units):,} units, {len(YEARS)} years ({YEARS[0]}–{YEARS[-1]}), {len(INDICATORS)} indicators")
    for f, size in zip(files, sizes):
        what = "units" if f is regions else ("unit-years" if f is wide else "observations")
        print(f"  {f.path}  {f.rows:,} {what}  {size:,} bytes")
    print(f"  written in {elapsed:.1f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0,
                        help="units = round(2844 × SCALE), at least Qinghai's 44 (0.1, 1 or 3; default 1)")
    parser.add_argument("--out", type=Path, required=True, help="directory to write into (created if needed)")
    parser.add_argument("--formats", default="long,wide,json",
                        help="comma-separated subset of long,wide,json (default: all three); regions.csv is always written")
    args = parser.parse_args(argv)
    formats = {f.strip() for f in args.formats.split(",") if f.strip()}
    unknown = formats - {"long", "wide", "json"}
    if unknown or not formats:
        parser.error(f"--formats takes long, wide and json; got {args.formats!r}")
    if args.scale <= 0:
        parser.error("--scale must be positive")
    if not MCA_FILE.exists():
        parser.error(f"cannot find the region codes at {MCA_FILE}")
    generate(args.scale, args.out, formats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
