#!/usr/bin/env python3
"""Generate Sources/CIEData/RegionTable+Generated.swift from the official division codes.

Sources (see ../shared/data/PROVENANCE.md and Docs/Regions.md):
  admin_codes_mca_county_2018_2024.csv  民政部《中华人民共和国县级以上行政区划代码》, status at 31 Dec of 2018…2024
  admin_codes_nbs_statistical_county_2023.csv  国家统计局《2023年统计用区划代码》 (functional zones, codes ..71–..79)

The table holds today's units (the 2024 list), their prefectures and provinces, the statistical
functional zones, short names (大通县 for 大通回族土族自治县), and every code and name in use since 2018
resolved to today's unit (湟中县 630122 → 湟中区 630106).

Usage: Scripts/generate_regions.py [--data DIR] [--check]
  --check  exit 1 if the generated file on disk is not what this script would write.
"""
import argparse
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "Sources", "CIEData", "RegionTable+Generated.swift")

# Every province-level unit, so a module for any province (`new-policy --region 130000`) has its jurisdiction
# in the table; its counties come from a regions file until the data here covers them. Codes and names of
# GB/T 2260 / 民政部《中华人民共和国县级以上行政区划代码》 (unchanged at province level since 重庆市 in 1997).
PROVINCES = {
    "110000": ("北京市", "北京"), "120000": ("天津市", "天津"), "130000": ("河北省", "河北"), "140000": ("山西省", "山西"),
    "150000": ("内蒙古自治区", "内蒙古"), "210000": ("辽宁省", "辽宁"), "220000": ("吉林省", "吉林"),
    "230000": ("黑龙江省", "黑龙江"), "310000": ("上海市", "上海"), "320000": ("江苏省", "江苏"), "330000": ("浙江省", "浙江"),
    "340000": ("安徽省", "安徽"), "350000": ("福建省", "福建"), "360000": ("江西省", "江西"), "370000": ("山东省", "山东"),
    "410000": ("河南省", "河南"), "420000": ("湖北省", "湖北"), "430000": ("湖南省", "湖南"), "440000": ("广东省", "广东"),
    "450000": ("广西壮族自治区", "广西"), "460000": ("海南省", "海南"), "500000": ("重庆市", "重庆"), "510000": ("四川省", "四川"),
    "520000": ("贵州省", "贵州"), "530000": ("云南省", "云南"), "540000": ("西藏自治区", "西藏"), "610000": ("陕西省", "陕西"),
    "620000": ("甘肃省", "甘肃"), "630000": ("青海省", "青海"), "640000": ("宁夏回族自治区", "宁夏"),
    "650000": ("新疆维吾尔自治区", "新疆"),
}

# Ethnic names that autonomous counties and banners carry; stripped to form the short name.
ETHNIC = ["撒拉族", "蒙古族", "朝鲜族", "达斡尔族", "鄂温克族", "回族", "土族", "藏族", "满族", "畲族", "鄂伦春"]

# Abolished units whose territory went to a unit with another name, which name matching cannot find.
# 2021 杭州 district adjustment (国务院批复, announced 2021-04): 江干区 merged into 上城区, 下城区 into 拱墅区.
SUCCESSORS = {"330104": "330102", "330103": "330105"}

# Names in local use for Weihai's functional zones (the policy names them 高区, 经区, 临港区).
ZONE_ALIASES = {
    "371071": ["威海高新区", "高区", "火炬高技术产业开发区"],
    "371072": ["威海经济技术开发区", "经区", "威海经开区"],
    "371073": ["临港区", "临港经济技术开发区"],
}


def unit_type(name, code, zone):
    if zone:
        return "zone"
    if name.endswith("旗"):
        return "banner"
    if name.endswith("县"):
        return "county"
    if name.endswith("市"):
        return "city"
    if name.endswith("区"):
        return "district"
    raise SystemExit(f"cannot type {code} {name}")


def strip_ethnic(stem):
    """大通回族土族 → 大通: drop ethnic names from the end, as long as something is left."""
    changed = True
    while changed:
        changed = False
        for e in ETHNIC:
            if stem.endswith(e) and len(stem) > len(e):
                stem = stem[: -len(e)]
                changed = True
    return stem


def short_names(name, kind):
    """大通回族土族自治县 → 大通县, 大通; 湟源县 → 湟源; 鄂伦春自治旗 → 鄂伦春旗."""
    out = []
    suffix = name[-1]
    stem = name[:-1]
    if stem.endswith("自治"):
        stem = stem[: -len("自治")]
        stem = strip_ethnic(stem)
        if stem.endswith("族") and stem in ETHNIC:  # 鄂温克族自治旗 → 鄂温克旗
            stem = stem[:-1]
        if len(stem) >= 2:
            out.append(stem + suffix)
    if kind in ("zone",):
        return out
    if len(stem) >= 2 and stem + suffix != name or (len(stem) >= 2 and not name.endswith("自治" + suffix)):
        out.append(stem)
    return [s for s in dict.fromkeys(out) if s != name]


def prefecture_short(name):
    out = []
    for suffix in ("自治州", "市", "盟"):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            if suffix == "自治州":
                stem = strip_ethnic(stem)
                out.append(stem + "州")
            out.append(stem)
            break
    return [s for s in dict.fromkeys(out) if s != name]


def stem(name):
    return name[:-1]


def build(data_dir):
    with open(os.path.join(data_dir, "admin_codes_mca_county_2018_2024.csv"), encoding="utf-8") as f:
        history = list(csv.DictReader(f))
    with open(os.path.join(data_dir, "admin_codes_nbs_statistical_county_2023.csv"), encoding="utf-8") as f:
        nbs = list(csv.DictReader(f))
    latest = max(int(r["year"]) for r in history)
    current = {r["code"]: r for r in history if int(r["year"]) == latest}
    prefectures = {}
    for r in history:
        if int(r["year"]) == latest or r["prefecture_code"] not in prefectures:
            prefectures[r["prefecture_code"]] = (r["prefecture_name"], r["province_code"])
    # Prefectures keep their latest name.
    for r in current.values():
        prefectures[r["prefecture_code"]] = (r["prefecture_name"], r["province_code"])

    zones = {}
    for r in nbs:
        if r["code"] in current:
            continue
        zones[r["code"]] = {"name": r["name"], "prefecture_code": r["prefecture_code"] + "00"}

    former_codes = {c: [] for c in current}
    former_names = {c: [] for c in current}
    notes = []
    seen = set()
    for r in sorted(history, key=lambda r: (r["year"], r["code"])):
        code, name = r["code"], r["name"]
        if (code, name) in seen:
            continue
        seen.add((code, name))
        if code in current and current[code]["name"] == name:
            continue
        if code in current:
            succ = code
        elif code in SUCCESSORS:
            succ = SUCCESSORS[code]
        else:
            same_stem = [c for c, cr in current.items() if c[:2] == code[:2] and stem(cr["name"]) == stem(name)]
            if len(same_stem) != 1:
                raise SystemExit(f"no successor for {code} {name}: {same_stem}")
            succ = same_stem[0]
        if code != succ and code not in former_codes[succ]:
            former_codes[succ].append(code)
        if name != current[succ]["name"] and name not in former_names[succ]:
            former_names[succ].append(name)
        notes.append(f"{r['year']}: {code} {name} → {succ} {current[succ]['name']}")

    rows = []
    for code, (name, short) in PROVINCES.items():
        rows.append((code, name, "province", "", [short], []))
    for code in sorted(prefectures):
        name, province = prefectures[code]
        rows.append((code, name, "prefecture", province, prefecture_short(name), []))
    for code in sorted(list(current) + list(zones)):
        if code in current:
            r = current[code]
            kind = unit_type(r["name"], code, False)
            aliases = short_names(r["name"], kind) + former_names[code]
            for old in former_names[code]:
                aliases += [a for a in short_names(old, unit_type(old, code, False)) if a not in aliases]
            rows.append((code, r["name"], kind, r["prefecture_code"], aliases, former_codes[code]))
        else:
            z = zones[code]
            rows.append((code, z["name"], "zone", z["prefecture_code"], ZONE_ALIASES.get(code, []), []))
    # Drop a short name that is another unit's full name (it would shadow nothing, but it misleads completion).
    full = {r[1] for r in rows}
    rows = [(c, n, k, p, [a for a in dict.fromkeys(al) if a not in full or a in (n,)], fc) for c, n, k, p, al, fc in rows]
    return rows, notes, latest


def render(rows, notes, latest):
    lines = [
        "// Generated by Scripts/generate_regions.py — do not edit by hand; run `make regions` instead.",
        "// Sources: 民政部《中华人民共和国县级以上行政区划代码》 2018–%d (status at 31 December of each year)," % latest,
        "// and 国家统计局《2023年统计用区划代码》 for the functional zones (codes ending 71–79, and 632857).",
        "// Every province-level unit is listed (GB/T 2260); counties only for the five jurisdictions of the data.",
        "// Republished as CSV in ../shared/data (see its PROVENANCE.md and Docs/Regions.md).",
        "//",
        "// Codes and names in use since 2018, resolved to today's unit:",
    ]
    lines += ["//   " + n for n in notes]
    lines += [
        "",
        "extension BuiltinRegions {",
        "    /// Tab-separated: code, name, type, parent code, aliases (;-separated), former codes (;-separated).",
        "    static let tsv = \"\"\"",
    ]
    for code, name, kind, parent, aliases, former in rows:
        lines.append("\t".join([code, name, kind, parent, ";".join(aliases), ";".join(former)]))
    lines += ["\"\"\"", "", "    static let latestYear = %d" % latest, "}", ""]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    text = render(*build(args.data))
    if args.check:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                print(f"{OUT} is stale: run Scripts/generate_regions.py", file=sys.stderr)
                sys.exit(1)
        return
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {OUT}: {len(text.splitlines())} lines")


if __name__ == "__main__":
    main()
