#!/usr/bin/env python3
"""The reports as people open them (make check-reports, part of make test).

For every sample package: the HTML report parses as valid HTML5 (html5lib, strict: any parse error fails) with one
SVG per chart and nothing fetched from outside; the Excel workbook, converted by LibreOffice headless as a user's
LibreOffice would open it, holds in its 结果 sheet the same rows as the CSV export, Chinese intact, and the report's
workbook has every sheet it should.

Needs python3-html5lib and libreoffice-calc-nogui (.ci/run installs them).
Usage: check_reports.py CIE_BINARY
"""
import csv
import math
import os
import subprocess
import sys
import tempfile

import shutil

try:
    import html5lib
except ImportError:
    sys.exit("check-reports: html5lib is missing: apt-get install python3-html5lib (make deps installs it)")

SAMPLES = [
    ("qinghai", "Samples/qinghai/qinghai_2016_2020.csv"),
    ("zhejiang", "Samples/zhejiang/zhejiang_2018_2022.csv"),
    ("weihai", "Samples/weihai/weihai_2015_2020.csv"),
    ("inner-mongolia", "Samples/inner-mongolia/inner-mongolia_2018_2020.csv"),
    ("jilin", "Samples/jilin/jilin_2017_2020.csv"),
]
SVG = "{http://www.w3.org/2000/svg}"
XHTML = "{http://www.w3.org/1999/xhtml}"
failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message)


def cie(binary, *args):
    """Runs cie; `check` may exit 1 or 3 (its verdicts), anything else must succeed."""
    r = subprocess.run([binary, *args, "--quiet"], capture_output=True, text=True)
    if r.returncode != 0 and not (args[0] == "check" and r.returncode in (1, 3)):
        fail(f"cie {' '.join(args)} exited {r.returncode}: {r.stderr.strip()}")
    return r


def check_html(path, policy):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(text)
    except html5lib.html5parser.ParseError as e:
        fail(f"{path}: not valid HTML5: {e}")
        return
    root = tree
    if root.get("lang") != "zh-CN":
        fail(f"{path}: <html lang> is {root.get('lang')!r}, not zh-CN")
    svgs = list(root.iter(SVG + "svg"))
    figures = [e for e in root.iter(XHTML + "figure") if "chart" in (e.get("class") or "")]
    if len(svgs) != len(figures) + 1:
        fail(f"{path}: {len(svgs)} SVGs for {len(figures)} charts and the heatmap")
    for figure in figures:
        if len(list(figure.iter(SVG + "svg"))) != 1:
            fail(f"{path}: a chart figure without exactly one SVG")
    for e in root.iter():
        for attribute in ("src", "href", "xlink:href", "{http://www.w3.org/1999/xlink}href"):
            if e.get(attribute):
                fail(f"{path}: <{e.tag}> fetches {e.get(attribute)}")
    targets = [e for e in root.iter(XHTML + "details") if "target" in (e.get("class") or "")]
    if not targets:
        fail(f"{path}: no target sections")
    print(f"ok {policy}: HTML5 valid, {len(svgs)} SVGs, {len(targets)} targets")


def libreoffice_csv(xlsx, outdir):
    """Every sheet of the workbook as CSV (UTF-8, comma, as shown), by LibreOffice headless with a private profile."""
    profile = "file://" + os.path.join(outdir, "profile")
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", outdir, xlsx],
                   check=True, capture_output=True, timeout=120)
    stem = os.path.splitext(os.path.basename(xlsx))[0]
    sheets = {}
    for name in os.listdir(outdir):
        if name.startswith(stem + "-") and name.endswith(".csv"):
            with open(os.path.join(outdir, name), encoding="utf-8", newline="") as f:
                sheets[name[len(stem) + 1:-4]] = list(csv.reader(f))
    return sheets


def same_cell(a, b):
    if a == b:
        return True
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)


def same_rows(got, want, what):
    # LibreOffice writes no trailing empty cells; the CSV export writes every column.
    width = max(len(r) for r in want)
    got = [r + [""] * (width - len(r)) for r in got]
    if len(got) != len(want):
        fail(f"{what}: {len(got)} rows, the CSV has {len(want)}")
        return False
    for n, (g, w) in enumerate(zip(got, want)):
        if len(g) != len(w) or not all(same_cell(a, b) for a, b in zip(g, w)):
            fail(f"{what}: row {n + 1} differs:\n  workbook {g}\n  csv      {w}")
            return False
    return True


def main():
    binary = os.path.abspath(sys.argv[1])
    if not shutil.which("soffice"):
        sys.exit("check-reports: LibreOffice is missing: apt-get install libreoffice-calc-nogui (make deps installs it)")
    with tempfile.TemporaryDirectory() as tmp:
        for policy, data in SAMPLES:
            html = os.path.join(tmp, policy + ".html")
            if cie(binary, "report", "--policy", policy, "--data", data, "--output", html).returncode == 0:
                check_html(html, policy)
            results_csv, results_xlsx = os.path.join(tmp, policy + "-check.csv"), os.path.join(tmp, policy + "-check.xlsx")
            report_xlsx = os.path.join(tmp, policy + "-report.xlsx")
            cie(binary, "check", "--policy", policy, "--data", data, "--output", results_csv)
            cie(binary, "check", "--policy", policy, "--data", data, "--output", results_xlsx)
            cie(binary, "report", "--policy", policy, "--data", data, "--output", report_xlsx)
            with open(results_csv, encoding="utf-8-sig", newline="") as f:
                want = list(csv.reader(f))
            for xlsx in (results_xlsx, report_xlsx):
                out = os.path.join(tmp, os.path.basename(xlsx) + ".d")
                os.mkdir(out)
                sheets = libreoffice_csv(xlsx, out)
                if "结果" not in sheets or "摘要" not in sheets or "目标" not in sheets:
                    fail(f"{xlsx}: sheets {sorted(sheets)}")
                    continue
                if same_rows(sheets["结果"], want, f"{policy} {os.path.basename(xlsx)} 结果"):
                    print(f"ok {policy}: {os.path.basename(xlsx)} opens in LibreOffice, 结果 = the CSV ({len(want) - 1} rows), sheets {', '.join(sheets)}")
                if xlsx == report_xlsx and len(sheets) < 4:
                    fail(f"{xlsx}: no reviewer sheet ({sorted(sheets)})")
    if failures:
        print(f"check-reports: {len(failures)} problem(s)")
        sys.exit(1)
    print("check-reports: every sample's HTML report is valid HTML5 and its workbook opens in LibreOffice with the CSV's rows")


if __name__ == "__main__":
    main()
