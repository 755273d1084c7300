#!/usr/bin/env python3
"""`make bench`: cie at national scale, side by side with DuckDB and polars, on this machine, in one run.

    python3 Benchmarks/run.py [--runs N] [--scales 0.1,1,3] [--formats long,wide,json] [--write-doc] [--data DIR]

1. Generates the national datasets with Benchmarks/generate.py (deterministic; kept under
   .build/bench-data and made again only when the generator changes).
2. Runs the release builds of `cie` and `cie-bench` (make bench builds them first), the baselines of
   Benchmarks/baseline_qinghai.py (DuckDB's readers, polars' readers) and the C yardstick
   Benchmarks/csvref.c (compiled here with cc -O2 -march=native), and measures:
   - load throughput per format (cie-bench, in process);
   - evaluating every target of every package, and `check` in a session holding the national data
     (cie-bench, through the REPL's interpreter, output discarded);
   - end-to-end `cie check --policy qinghai` on each format at every scale against the DuckDB and the
     polars baselines on the same file: wall time and peak resident memory of each process (wait4's
     ru_maxrss, taken by Benchmarks/maxrss.c, which runs it). The three run in turn (cie, DuckDB, polars,
     cie, …), and each ratio is the median of the ratios of the runs side by side, so that a drift of the
     machine's speed moves both sides;
   - the long CSV against the C yardstick, in turn likewise;
   - start-up: `echo quit | cie` (to exit) against sqlite3 and the DuckDB CLI where installed, and
     `echo policies | cie` (to the first byte).
3. Prints a Markdown report with the ratios; --write-doc puts it in Docs/Performance.md between the
   `bench:begin` and `bench:end` markers.

Figures are medians of N runs after one warm-up run of each (files in the page cache).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".build" / "release"


def duckdb_cli():
    """The DuckDB CLI's own binary: the one PyPI's duckdb-cli package carries (its `duckdb` command is a Python
    script that starts it, which would time Python's start-up), else a `duckdb` on the PATH that is no script."""
    try:
        import duckdb_cli as package
        exe = Path(package.__file__).parent / "duckdb"
        if exe.is_file():
            return str(exe)
    except ImportError:
        pass
    exe = shutil.which("duckdb")
    if exe and Path(exe).read_bytes()[:4] == b"\x7fELF":
        return exe
    return None


def median(xs):
    s = sorted(xs)
    return s[len(s) // 2]


# Benchmarks/maxrss.c, compiled by main(): it runs each measured process, so that the process's peak memory is its
# own and not this harness's (see the program's comment).
MAXRSS = None


def peak_rss_mb(argv, stdin_data=None):
    """Wall time, peak RSS (MB) and exit code of one run, as Benchmarks/maxrss.c measures them."""
    p = subprocess.Popen([str(MAXRSS), *argv], stdin=subprocess.PIPE if stdin_data is not None else subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, err = p.communicate(stdin_data)
    wall, kib, code = err.split()[-3:]
    return float(wall), int(kib) / 1024, int(code)


def first_output_ms(argv, stdin_data):
    """Milliseconds from start to the first byte on stdout (or to exit when nothing is printed)."""
    t = time.perf_counter()
    p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    p.stdin.write(stdin_data)
    p.stdin.close()
    p.stdout.read(1)
    ms = (time.perf_counter() - t) * 1000
    p.stdout.read()
    p.wait()
    return ms


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    import duckdb
    import polars
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory": mem, "kernel": platform.release(),
        "os": platform.freedesktop_os_release().get("PRETTY_NAME", platform.system()) if hasattr(platform, "freedesktop_os_release") else platform.system(),
        "swift": swift[0] if swift else "?", "duckdb": duckdb.__version__, "polars": polars.__version__, "python": platform.python_version(),
    }


def interleaved(commands: dict, runs: int) -> dict:
    """Each command once to warm up, then `runs` rounds of each in turn. Per command: the median wall time,
    the largest peak memory and the exit code; per command after the first: the median of the ratios of the
    first's runs to its runs, round by round."""
    for argv in commands.values():
        peak_rss_mb(argv)
    rounds = [{name: peak_rss_mb(argv) for name, argv in commands.items()} for _ in range(runs)]
    first = next(iter(commands))
    out = {}
    for name in commands:
        out[name] = {"wall_s": median([r[name][0] for r in rounds]), "peak_mb": max(r[name][1] for r in rounds),
                     "exit": rounds[0][name][2]}
        if name != first:
            out[name]["ratio"] = median([r[first][0] / r[name][0] for r in rounds])
    return out


def dataset(scale: str, base: Path) -> Path:
    """The generated data for a scale, made again when generate.py changes."""
    gen = ROOT / "Benchmarks" / "generate.py"
    stamp = hashlib.sha256(gen.read_bytes()).hexdigest()[:16]
    out = base / f"scale-{scale}"
    marker = out / ".generator"
    if not (marker.exists() and marker.read_text() == stamp):
        print(f"generating scale {scale} into {out} …", file=sys.stderr)
        subprocess.run([sys.executable, str(gen), "--scale", scale, "--out", str(out)], check=True, stdout=sys.stderr)
        marker.write_text(stamp)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--scales", default="0.1,1,3")
    ap.add_argument("--formats", default="long,wide,json")
    ap.add_argument("--data", default=str(ROOT / ".build" / "bench-data"))
    ap.add_argument("--write-doc", action="store_true")
    args = ap.parse_args()
    for exe in ("cie", "cie-bench"):
        if not (BIN / exe).exists():
            sys.exit(f"{BIN / exe} is missing: run `make bench` (it builds the release binaries first)")
    base = Path(args.data)
    base.mkdir(parents=True, exist_ok=True)
    scales = args.scales.split(",")
    dirs = {s: dataset(s, base) for s in scales}
    main_dir = dirs.get("1") or dirs[scales[0]]
    cie, bench = str(BIN / "cie"), str(BIN / "cie-bench")
    csvref = base / "csvref"
    subprocess.run(["cc", "-O2", "-march=native", "-o", str(csvref), str(ROOT / "Benchmarks" / "csvref.c")], check=True)
    global MAXRSS
    MAXRSS = base / "maxrss"
    subprocess.run(["cc", "-O2", "-o", str(MAXRSS), str(ROOT / "Benchmarks" / "maxrss.c")], check=True)

    report = {"machine": machine(), "date": date.today().isoformat(), "runs": args.runs}

    # In process: loads, every target, REPL latency.
    print("cie-bench …", file=sys.stderr)
    out = subprocess.run([bench, str(main_dir), "--runs", str(args.runs)], check=True, capture_output=True, text=True).stdout
    report["inprocess"] = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    report["inprocess_scale"] = main_dir.name.removeprefix("scale-")

    # Whole processes at every scale and format: cie check against the DuckDB and polars baselines, in turn.
    baseline = [sys.executable, str(ROOT / "Benchmarks" / "baseline_qinghai.py")]
    files = {"long": "national_long.csv", "wide": "national_wide.csv", "json": "national.json"}
    report["scales"] = []
    for s in scales:
        d = dirs[s]
        rows = sum(1 for _ in open(d / "national_long.csv", "rb")) - 1
        entry = {"scale": s, "rows": rows, "formats": {}}
        for f in args.formats.split(","):
            print(f"scale {s}, {f}: cie, DuckDB, polars …", file=sys.stderr)
            measured = interleaved({
                "cie": [cie, "check", "--policy", "qinghai", "--data", str(d / "regions.csv"), "--data", str(d / files[f]), "--format", "csv"],
                "duckdb": baseline + [str(d), "--format", f, "--engine", "duckdb"],
                "polars": baseline + [str(d), "--format", f, "--engine", "polars"],
            }, args.runs)
            measured["bytes"] = (d / files[f]).stat().st_size
            entry["formats"][f] = measured
        # The C yardstick on the long CSV.
        print(f"scale {s}: cie against the C yardstick …", file=sys.stderr)
        entry["yardstick"] = interleaved({
            "cie": [cie, "check", "--policy", "qinghai", "--data", str(d / "regions.csv"), "--data", str(d / "national_long.csv"), "--format", "csv"],
            "c": [str(csvref), str(d / "national_long.csv")],
        }, args.runs)
        report["scales"].append(entry)

    # Start-up: to exit, against sqlite3 and the DuckDB CLI where they are installed; to the first byte of a listing.
    first_output_ms([cie], b"quit\n")
    report["quit_ms"] = median([first_output_ms([cie], b"quit\n") for _ in range(20)])
    report["policies_ms"] = median([first_output_ms([cie], b"policies\n") for _ in range(20)])
    report["startup_others"] = {}
    for name, exe in (("sqlite3", shutil.which("sqlite3")), ("DuckDB CLI", duckdb_cli())):
        if exe:
            first_output_ms([exe], b".quit\n")
            report["startup_others"][name] = median([first_output_ms([exe], b".quit\n") for _ in range(20)])
            version = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.split()
            report.setdefault("startup_versions", {})[name] = version[0] if version else "?"

    md = markdown(report)
    print(md)
    (base / "last-report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    if args.write_doc:
        doc = ROOT / "Docs" / "Performance.md"
        text = doc.read_text()
        begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
        if begin not in text or end not in text:
            sys.exit(f"{doc} has no {begin} … {end} markers")
        head, rest = text.split(begin, 1)
        _, tail = rest.split(end, 1)
        doc.write_text(head + begin + "\n" + md + "\n" + end + tail)
        print(f"wrote the results into {doc}", file=sys.stderr)


def markdown(r) -> str:
    m = r["machine"]
    lines = [f"Measured on {r['date']}: {m['cpu']}, {m['cores']} cores, {m['memory']}, {m['os']} (Linux {m['kernel']}); "
             f"{m['swift']}; DuckDB {m['duckdb']}, polars {m['polars']} (Python {m['python']}). "
             f"Medians of {r['runs']} runs of each, in turn, after a warm-up run of each.", ""]
    lines += ["### Against DuckDB and polars: load a file and evaluate Qinghai's targets (whole process)", "",
              "A ratio is cie's time (or peak memory) over the other's: below 1, cie is faster (or smaller).", "",
              "| format | scale | file | cie | DuckDB | polars | cie / DuckDB | cie / polars | cie peak | DuckDB peak | polars peak | memory / DuckDB | memory / polars |",
              "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    formats = list(r["scales"][0]["formats"]) if r["scales"] else []
    for f in formats:
        for e in r["scales"]:
            x = e["formats"][f]
            c, d, p = x["cie"], x["duckdb"], x["polars"]
            lines.append(f"| {f} | {e['scale']}× | {x['bytes'] / 1e6:.0f} MB | {c['wall_s']:.2f} s | {d['wall_s']:.2f} s | {p['wall_s']:.2f} s | "
                         f"**{d['ratio']:.2f}** | **{p['ratio']:.2f}** | {c['peak_mb']:.0f} MB | {d['peak_mb']:.0f} MB | {p['peak_mb']:.0f} MB | "
                         f"{c['peak_mb'] / d['peak_mb']:.2f} | {c['peak_mb'] / p['peak_mb']:.2f} |")
    lines += ["", "### The long CSV against the C yardstick (Benchmarks/csvref.c, one core, whole process)", "",
              "| scale | rows | cie | C | cie / C | cie peak | C peak | µs per row (cie) |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for e in r["scales"]:
        y = e["yardstick"]
        lines.append(f"| {e['scale']}× | {e['rows']:,} | {y['cie']['wall_s']:.3f} s | {y['c']['wall_s']:.3f} s | **{y['c']['ratio']:.2f}** | "
                     f"{y['cie']['peak_mb']:.0f} MB | {y['c']['peak_mb']:.0f} MB | {y['cie']['wall_s'] / e['rows'] * 1e6:.3f} |")
    lines += ["", f"### In process (cie-bench, national data at {r['inprocess_scale']}×)", "", "| measure | median | fastest | p90 | throughput |", "|---|---:|---:|---:|---|"]
    for s in r["inprocess"]:
        extra = ""
        if "mb_per_s" in s:
            extra = f"{s['mb_per_s']} MB/s, {int(s['values_per_s']) / 1e6:.1f} M values/s ({s['bytes'] / 1e6:.0f} MB)"
        elif "results" in s:
            extra = f"{s['packages']} packages, {s['targets']} targets, {s['results']} results"
        elif "units_loaded" in s:
            extra = f"{s['units_loaded']:,} units with data"
        lines.append(f"| {s['name']} | {s['median_ms']:.1f} ms | {s['min_ms']:.1f} ms | {s['p90_ms']:.1f} ms | {extra} |")
    versions = r.get("startup_versions", {})
    others = "".join(f"; `echo .quit | {name.split()[0].lower()}` ({name} {versions.get(name, '?')}): {ms:.1f} ms"
                     for name, ms in r["startup_others"].items())
    lines += ["", "### Start-up", "",
              f"- `echo quit | cie`: {r['quit_ms']:.1f} ms to exit (median of 20){others}.",
              f"- `echo policies | cie`: {r['policies_ms']:.1f} ms to the first byte of output (median of 20)."]
    if "DuckDB CLI" not in r["startup_others"]:
        lines.append("- The DuckDB CLI is not installed here (`pip install duckdb-cli` installs it), so it is not timed.")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
