#!/usr/bin/env python3
"""Evaluate Qinghai's targets (青政办〔2018〕6号, QH-01 … QH-12) as an analyst would without cie: the baselines
of cie's benchmark.

    python3 Benchmarks/baseline_qinghai.py DIR [--format long|wide|json] [--engine duckdb|polars]
                                               [--year Y] [--threads N] [--csv PATH] [--compare CIE_CSV]

Loads one of the files Benchmarks/generate.py writes into DIR, as long observations (region, year,
indicator, value):
  * long: national_long.csv; wide: national_wide.csv, one column per indicator, unpivoted; json:
    national.json, {"observations": [{region, year, indicator, value}, …]}, unnested;
  * with --engine duckdb (the default), by DuckDB's readers (read_csv with explicit types, read_json);
    with --engine polars, by polars' (read_csv, read_json), the frame then handed to DuckDB through
    Arrow. The evaluation is the same SQL either way (it takes DuckDB about 0.07 s at 1×): the polars
    baseline measures polars' readers.
Then takes the units of Qinghai (codes 63xxxx) and their prefectures from DIR/regions.csv, and
evaluates every target in SQL for the evaluation year (default: the latest year in the data). One row
per (target, region), with a status in cie's vocabulary: met, not_met, on_track, off_track, no_data,
not_applicable.

The SQL follows TARGETS.md and Sources/CIEPolicyQinghai/QinghaiPolicy.swift, and reproduces the
rules of Sources/CIECore/Evaluator.swift that matter for these targets:
  * comparisons allow a relative tolerance of 1e-9;
  * a missing count or amount of a unit lies in [0, ∞) and a missing flag in [0, 1], so a sum over
    units with gaps is an interval [known sum, upper bound]: "≥ x" is met when the known sum reaches
    x, not met when the upper bound stays below x, else no data (QH-01, QH-03, QH-05, QH-08);
  * a missing percentage is simply unknown (QH-06, QH-07);
  * before the deadline (2020), an unmet "≥ x" is on_track when the progress ratio (average annual
    change since the earliest earlier year with data, over the change needed to reach x by the
    deadline) is ≥ 0.95, off_track otherwise, no_data without an earlier year; unmet exists, range
    and share conditions are off_track; path conditions (QH-08 every year since 2018, QH-09 never
    decreasing since 2017, no deadline) are met / not_met / no_data, and not_applicable up to the
    baseline year (QH-08 is judged from 2018 itself);
  * QH-09 judges consecutive known years: a fall decides not_met even when another year is missing.

With --compare, reads `cie check --policy qinghai --format csv` output of the same data and year and
reports how many (target, region) statuses agree, listing the disagreements.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

import duckdb

DEADLINE = 2020
STATUSES = ["met", "not_met", "on_track", "off_track", "no_data", "not_applicable"]

# (statement, its parameters) in order; DuckDB binds parameters one statement at a time.
SETUP = [
    ("CREATE MACRO ge(v, x) AS v >= x - 1e-9 * greatest(abs(x), abs(v))", ()),  # Tolerance.atLeast
    ("""CREATE TABLE units AS
        SELECT code, prefecture FROM read_csv($regions, header = true, delim = ',', quote = '"',
            columns = {'code': 'VARCHAR', 'name': 'VARCHAR', 'prefecture': 'VARCHAR', 'type': 'VARCHAR'})
        WHERE code LIKE '63%'""", ("regions",)),
]

FILES = {"long": "national_long.csv", "wide": "national_wide.csv", "json": "national.json"}

# The observations, as DuckDB reads each format.
DUCKDB_OBS = {
    "long": """CREATE TABLE obs AS
        SELECT * FROM read_csv($path, header = true, delim = ',', quote = '"',
            columns = {'region': 'VARCHAR', 'year': 'INTEGER', 'indicator': 'VARCHAR', 'value': 'DOUBLE'})""",
    "wide": """CREATE TABLE obs AS
        SELECT region, year, indicator, value::DOUBLE AS value FROM (
            UNPIVOT (SELECT * FROM read_csv($path, header = true, types = {'region': 'VARCHAR', 'year': 'INTEGER'},
                                            auto_type_candidates = ['DOUBLE', 'VARCHAR']))
            ON COLUMNS(* EXCLUDE (region, year)) INTO NAME indicator VALUE value)""",
    "json": """CREATE TABLE obs AS
        SELECT o.region::VARCHAR AS region, o.year::INTEGER AS year, o.indicator::VARCHAR AS indicator, o.value::DOUBLE AS value
        FROM (SELECT unnest(observations) AS o FROM read_json($path, maximum_object_size = 2147483647))""",
}


def load_observations(con, fmt: str, engine: str, path: Path) -> None:
    """The table obs(region, year, indicator, value) from the file, by the engine's reader."""
    if engine == "duckdb":
        con.execute(DUCKDB_OBS[fmt], {"path": str(path)})
        return
    import polars as pl
    if fmt == "long":
        frame = pl.read_csv(path, schema_overrides={"region": pl.Utf8, "year": pl.Int32, "indicator": pl.Utf8, "value": pl.Float64})
    elif fmt == "wide":
        frame = pl.read_csv(path, schema_overrides={"region": pl.Utf8, "year": pl.Int32}, infer_schema_length=10000)
        frame = (frame.with_columns(pl.exclude("region", "year").cast(pl.Float64))
                 .unpivot(index=["region", "year"], variable_name="indicator", value_name="value")
                 .drop_nulls("value"))
    else:
        frame = pl.read_json(path).explode("observations").unnest("observations")
    con.register("frame", frame)
    con.execute("""CREATE TABLE obs AS SELECT region::VARCHAR AS region, year::INTEGER AS year,
                   indicator::VARCHAR AS indicator, value::DOUBLE AS value FROM frame""")
    con.unregister("frame")


PARAMS = [
    ("""CREATE TABLE params AS
        SELECT coalesce($year::INTEGER, max(year)) AS y, min(year) AS first_year, $deadline::INTEGER AS deadline
        FROM obs""", ("year", "deadline")),
    # Qinghai's values (units only), the only rows the targets read.
    ("CREATE TABLE qh AS SELECT o.* FROM obs o SEMI JOIN units u ON o.region = u.code", ()),
]


def run(con: duckdb.DuckDBPyConnection, statements: list, values: dict) -> None:
    for sql, names in statements:
        con.execute(sql, {n: values[n] for n in names} if names else None)

EVALUATE = r"""
WITH p AS (SELECT * FROM params),

-- QH-02, QH-06, QH-07 (≥ x) and QH-10, QH-11, QH-12 (exists: flag ≥ 1), per county.
spec(target, indicator, x, kind) AS (VALUES
    ('QH-02', 'incubators', 1.0, 'at_least'),
    ('QH-06', 'science_literacy_rate', 4.5, 'at_least'),
    ('QH-07', 'st_progress_contribution', 55.0, 'at_least'),
    ('QH-10', 'innovation_leading_group', 1.0, 'exists'),
    ('QH-11', 'st_management_agency', 1.0, 'exists'),
    ('QH-12', 'st_service_center', 1.0, 'exists')),
now AS (
    SELECT s.target, s.x, s.kind, u.code, o.value AS vy
    FROM spec s CROSS JOIN units u CROSS JOIN p
    LEFT JOIN qh o ON o.region = u.code AND o.indicator = s.indicator AND o.year = p.y),
-- The earliest earlier year with a value: the progress baseline when a target names none.
first_value AS (
    SELECT s.target, o.region AS code, min(o.year) AS b, arg_min(o.value, o.year) AS vb
    FROM spec s JOIN qh o ON o.indicator = s.indicator CROSS JOIN p
    WHERE o.year >= p.first_year AND o.year < p.y
    GROUP BY ALL),
threshold_results AS (
    SELECT n.target, n.code AS region_code,
        CASE
            WHEN n.vy IS NULL THEN 'no_data'
            WHEN ge(n.vy, n.x) THEN 'met'
            WHEN p.y >= p.deadline THEN 'not_met'
            WHEN n.kind = 'exists' THEN 'off_track'
            WHEN f.b IS NULL THEN 'no_data'                                   -- needs two years
            WHEN (n.x - f.vb) / (p.deadline - f.b) <= 0 THEN 'off_track'      -- met once, fallen back
            WHEN ((n.vy - f.vb) / (p.y - f.b)) / ((n.x - f.vb) / (p.deadline - f.b)) >= 0.95 THEN 'on_track'
            ELSE 'off_track'
        END AS status
    FROM now n CROSS JOIN p LEFT JOIN first_value f USING (target, code)),

-- Values of the evaluation year, one column per indicator the other targets read.
cur AS (
    SELECT u.code, u.prefecture,
        max(o.value) FILTER (o.indicator = 'innovation_pilot_county') AS pilot,
        max(o.value) FILTER (o.indicator = 'innovation_pilot_towns') AS towns,
        max(o.value) FILTER (o.indicator = 'provincial_hitech_zones') AS hitech_zones,
        max(o.value) FILTER (o.indicator = 'provincial_agri_parks') AS agri_parks
    FROM units u CROSS JOIN p
    LEFT JOIN qh o ON o.region = u.code AND o.year = p.y
    GROUP BY ALL),

-- QH-04: pilot counties only (filter flag; unknown flag is no data), towns in 1…3 (met at ≥ 1).
qh04 AS (
    SELECT 'QH-04' AS target, c.code AS region_code,
        CASE
            WHEN c.pilot IS NULL THEN 'no_data'
            WHEN c.pilot < 0.5 THEN 'not_applicable'
            WHEN c.towns IS NULL THEN 'no_data'
            WHEN ge(c.towns, 1) THEN 'met'
            WHEN p.y >= p.deadline THEN 'not_met'
            ELSE 'off_track'
        END AS status
    FROM cur c CROSS JOIN p),

-- QH-03: per prefecture, the number of pilot counties in 1…2 (met at ≥ 1); a missing flag adds [0, 1].
qh03 AS (
    SELECT 'QH-03' AS target, c.prefecture AS region_code,
        CASE
            WHEN ge(coalesce(sum(c.pilot), 0), 1) THEN 'met'
            WHEN ge(coalesce(sum(c.pilot), 0) + count(*) - count(c.pilot), 1) THEN 'no_data'
            WHEN any_value(p.y) >= any_value(p.deadline) THEN 'not_met'
            ELSE 'off_track'
        END AS status
    FROM cur c CROSS JOIN p
    GROUP BY c.prefecture),

-- QH-01: share of units with hitech_zones + agri_parks ≥ 1 is ≥ 70%; a unit with a part missing and
-- the known part below 1 is undecided, so the share is an interval.
qh01_units AS (
    SELECT
        ge(coalesce(hitech_zones, 0) + coalesce(agri_parks, 0), 1) AS yes,
        NOT ge(coalesce(hitech_zones, 0) + coalesce(agri_parks, 0), 1)
            AND (hitech_zones IS NULL OR agri_parks IS NULL) AS unknown
    FROM cur),
qh01 AS (
    SELECT 'QH-01' AS target, '630000' AS region_code,
        CASE
            WHEN ge(count(*) FILTER (yes)::DOUBLE / count(*) * 100, 70) THEN 'met'
            WHEN ge(count(*) FILTER (yes OR unknown)::DOUBLE / count(*) * 100, 70) THEN 'no_data'
            WHEN any_value(p.y) >= any_value(p.deadline) THEN 'not_met'
            ELSE 'off_track'
        END AS status
    FROM qh01_units CROSS JOIN p),

-- QH-05: national innovative counties (flags) + national innovative towns (counts) ≥ 1 over the
-- province, as an interval per year; before the deadline an exact total is projected.
qh05_years AS (
    SELECT y.year,
        coalesce(sum(o.value), 0) AS lo,
        count(*) FILTER (i.indicator = 'national_innovative_county' AND o.value IS NULL) AS missing_flags,
        count(*) FILTER (i.indicator = 'national_innovative_towns' AND o.value IS NULL) AS missing_counts
    FROM p CROSS JOIN generate_series(p.first_year, p.y) AS y(year) CROSS JOIN units u
    CROSS JOIN (VALUES ('national_innovative_county'), ('national_innovative_towns')) AS i(indicator)
    LEFT JOIN qh o ON o.region = u.code AND o.year = y.year AND o.indicator = i.indicator
    GROUP BY y.year),
qh05_base AS (
    SELECT min(q.year) AS b, arg_min(q.lo, q.year) AS vb
    FROM qh05_years q CROSS JOIN p
    WHERE q.year < p.y AND q.missing_flags = 0 AND q.missing_counts = 0),
qh05 AS (
    SELECT 'QH-05' AS target, '630000' AS region_code,
        CASE
            WHEN ge(q.lo, 1) THEN 'met'
            WHEN q.missing_counts > 0 OR ge(q.lo + q.missing_flags, 1) THEN 'no_data'
            WHEN p.y >= p.deadline THEN 'not_met'
            WHEN b.b IS NULL THEN 'no_data'
            WHEN (1 - b.vb) / (p.deadline - b.b) <= 0 THEN 'off_track'
            WHEN ((q.lo - b.vb) / (p.y - b.b)) / ((1 - b.vb) / (p.deadline - b.b)) >= 0.95 THEN 'on_track'
            ELSE 'off_track'
        END AS status
    FROM qh05_years q CROSS JOIN p CROSS JOIN qh05_base b
    WHERE q.year = p.y),

-- QH-08: the province's st_personnel_to_grassroots ≥ 300 in every year since 2018 (sum of units;
-- a missing unit leaves the year open unless the known units already reach 300).
qh08_years AS (
    SELECT y.year, coalesce(sum(o.value), 0) AS lo, count(*) - count(o.value) AS missing
    FROM p CROSS JOIN generate_series(2018, greatest(2018, p.y)) AS y(year) CROSS JOIN units u
    LEFT JOIN qh o ON o.region = u.code AND o.year = y.year AND o.indicator = 'st_personnel_to_grassroots'
    GROUP BY y.year),
qh08 AS (
    SELECT 'QH-08' AS target, '630000' AS region_code,
        CASE
            WHEN any_value(p.y) < 2018 THEN 'not_applicable'
            WHEN bool_or(missing = 0 AND NOT ge(lo, 300)) THEN 'not_met'
            WHEN bool_or(NOT ge(lo, 300)) THEN 'no_data'
            ELSE 'met'
        END AS status
    FROM qh08_years CROSS JOIN p),

-- QH-09: fiscal_st_expenditure never below the year before, 2017 … y (no deadline).
qh09_cells AS (
    SELECT u.code, y.year, o.value
    FROM p CROSS JOIN generate_series(2017, greatest(2017, p.y)) AS y(year) CROSS JOIN units u
    LEFT JOIN qh o ON o.region = u.code AND o.year = y.year AND o.indicator = 'fiscal_st_expenditure'),
qh09_steps AS (
    SELECT code, value,
        lag(value) OVER (PARTITION BY code ORDER BY year) AS before,
        year > 2017 AND value IS NOT NULL AND lag(value) OVER (PARTITION BY code ORDER BY year) IS NOT NULL
            AND NOT ge(value, lag(value) OVER (PARTITION BY code ORDER BY year)) AS fell
    FROM qh09_cells),
qh09 AS (
    SELECT 'QH-09' AS target, code AS region_code,
        CASE
            WHEN any_value(p.y) <= 2017 THEN 'not_applicable'
            WHEN bool_or(fell) THEN 'not_met'
            WHEN count(*) > count(value) THEN 'no_data'
            ELSE 'met'
        END AS status
    FROM qh09_steps CROSS JOIN p
    GROUP BY code)

SELECT target, region_code, status FROM (
    SELECT * FROM qh01 UNION ALL SELECT * FROM threshold_results UNION ALL SELECT * FROM qh03
    UNION ALL SELECT * FROM qh04 UNION ALL SELECT * FROM qh05 UNION ALL SELECT * FROM qh08
    UNION ALL SELECT * FROM qh09)
ORDER BY target, region_code
"""


def read_cie_csv(path: Path) -> dict[tuple[str, str], str]:
    """(target, region code) → status from `cie check --format csv` (Chinese or English header)."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    status = next(i for i, h in enumerate(header) if h in ("status", "状态"))
    return {(r[0], r[1]): r[status] for r in rows[1:] if r}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dir", type=Path, help="directory with regions.csv and the national files")
    parser.add_argument("--format", choices=sorted(FILES), default="long", help="the file to load (default: long)")
    parser.add_argument("--engine", choices=["duckdb", "polars"], default="duckdb", help="whose readers load it (default: duckdb)")
    parser.add_argument("--year", type=int, help="evaluation year (default: the latest year in the data)")
    parser.add_argument("--threads", type=int, help="DuckDB threads (default: DuckDB's choice)")
    parser.add_argument("--csv", type=Path, help="write target,region_code,status here")
    parser.add_argument("--compare", type=Path, metavar="CIE_CSV",
                        help="output of `cie check --policy qinghai --format csv` on the same data and year")
    args = parser.parse_args(argv)

    data_path, regions_path = args.dir / FILES[args.format], args.dir / "regions.csv"
    for p in (data_path, regions_path):
        if not p.exists():
            parser.error(f"{p} does not exist (write it with Benchmarks/generate.py)")

    con = duckdb.connect()
    if args.threads:
        con.execute(f"SET threads = {int(args.threads)}")
    t0 = time.perf_counter()
    load_observations(con, args.format, args.engine, data_path)
    run(con, SETUP, {"regions": str(regions_path)})
    t1 = time.perf_counter()
    run(con, PARAMS, {"year": args.year, "deadline": DEADLINE})
    rows = con.execute(EVALUATE).fetchall()
    t2 = time.perf_counter()

    year, loaded = con.execute("SELECT y, (SELECT count(*) FROM obs) FROM params").fetchone()
    counts = Counter(s for _, _, s in rows)
    engine = f"DuckDB {duckdb.__version__}" if args.engine == "duckdb" else f"polars {__import__('polars').__version__} (evaluated by DuckDB {duckdb.__version__})"
    print(f"{engine}: {loaded:,} observations from {data_path} loaded in {t1 - t0:.2f} s; "
          f"Qinghai evaluated for {year} in {t2 - t1:.2f} s")
    print("  ".join(f"{s} {counts[s]}" for s in STATUSES if counts[s]) + f"  — {len(rows)} results")

    if args.csv:
        with open(args.csv, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["target", "region_code", "status"])
            w.writerows(rows)
        print(f"wrote {args.csv}")

    if args.compare:
        theirs = read_cie_csv(args.compare)
        ours = {(t, r): s for t, r, s in rows}
        keys = sorted(set(ours) | set(theirs))
        agree = sum(1 for k in keys if ours.get(k) == theirs.get(k))
        print(f"agreement with cie: {agree} of {len(keys)} (target, region) results")
        kinds = Counter((k[0], theirs.get(k, "—"), ours.get(k, "—")) for k in keys if ours.get(k) != theirs.get(k))
        for (target, cie_status, duck_status), n in sorted(kinds.items()):
            print(f"  {target}: cie {cie_status}, DuckDB {duck_status}: {n}")
        return 0 if agree == len(keys) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
