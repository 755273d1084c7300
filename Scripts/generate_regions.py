#!/usr/bin/env python3
"""Generate Sources/CIEData/RegionTable+Generated.swift: every division of China 1981–2024, with lifetimes.

Sources (../shared/data/PROVENANCE.md §4–5, Docs/Regions.md):
  areacodes/codes.json     民政部《中华人民共和国县级以上行政区划代码》 1981–2024 as compiled by yescallop/areacodes
                           (CC0): every code with `start` (first year in use), `end` (first year no longer in use)
                           and `succ` (where its area went), each change pointing at the approving document
                           taken from the repository's yearly diff files (areacodes/diff/*.diff).
  areacodes/data/YYYY.txt  the yearly lists, used to check that the lifetimes reproduce every year's list.
  nbs2023/areas.csv        国家统计局《2023年统计用区划代码》 (WTFPL): the statistical-only units (functional zones
                           whose 5th–6th digits are 71–79, 大柴旦行政委员会 …), which are not divisions under GB/T 2260.

What the script derives:
  units     a chain of records (code, name) joined by one-to-one renames and recodes (湟中县 630122 → 湟中区 630106,
            公主岭市 220381 → 220184) is one unit, so its series continues; every other change ends the unit or
            creates a new one. Prefecture records, which areacodes gives without successors, are joined through
            their counties (海东地区 632100 → 海东市 630200).
  parents   a record's parent is the prefecture of its code's first four digits that was in use in its years, else its
            province (municipalities' districts, 省直辖县级行政单位).
  types     from the name (旗 banner, 县 county, 市 city, 区 district; 林区 and 特区 county); NBS-only codes are zones.
  names     short names (大通回族土族自治县 → 大通县, 大通; 海西蒙古族藏族自治州 → 海西州, 海西; 青海省 → 青海),
            marked as bare stems where they drop the suffix, which ranks them below full and suffixed names.
  events    renames (r), areas of abolished records going to other units (m: a merge or split) and transfers
            between living units (t: 划归), each with its year and document.
  breaks    the years a unit's series stops being comparable with the years before: it took in (part of) an
            abolished unit, having existed before; for a prefecture or province, a unit moved in or out (a rename
            across prefectures, or an abolished unit's area going to a unit of another area). Transfers between
            living units (划归) are boundary adjustments, and break nothing.

Usage: Scripts/generate_regions.py [--data DIR] [--check]
  --check  exit 1 if the generated file on disk is not what this script would write.
"""
import argparse
import collections
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "Sources", "CIEData", "RegionTable+Generated.swift")
FIRST_YEAR = 1981  # the first year of the tables: a record in use in 1981 may be older
LAST_YEAR = 2024

# Names in local use for Weihai's functional zones (the policy names them 高区, 经区, 临港区).
ZONE_ALIASES = {
    "371071": ["威海高新区", "高区", "火炬高技术产业开发区", "威海火炬高新区"],
    "371072": ["威海经开区", "经区", "威海经济开发区"],
    "371073": ["临港区", "威海临港经济开发区"],
}

# The 55 recognised minorities, as autonomous names write them (with 族, and the forms some names use without it),
# and 各族: stripped from the end of an autonomous unit's stem to form its short name.
ETHNIC = sorted(set(
    [e + "族" for e in "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 "
     "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 "
     "鄂伦春 赫哲 门巴 珞巴 基诺".split()]
    + ["蒙古", "哈萨克", "柯尔克孜", "塔吉克", "锡伯", "鄂伦春", "维吾尔", "各族"]), key=lambda e: (-len(e), e))


def level(code):
    return 1 if code % 10000 == 0 else (2 if code % 100 == 0 else 3)


def strip_ethnic(stem):
    """大通回族土族 → 大通: drop ethnic names from the end while two characters or more are left."""
    changed = True
    while changed:
        changed = False
        for e in ETHNIC:
            if stem.endswith(e) and len(stem) - len(e) >= 2:
                stem = stem[: -len(e)]
                changed = True
    return stem


def county_type(name):
    if name.endswith("旗"):
        return "banner"
    if name.endswith("县") or name.endswith("林区") or name.endswith("特区"):
        return "county"
    if name.endswith("市"):
        return "city"
    if name.endswith("区"):
        return "district"
    return "zone"  # 西沙群岛, 畹町镇: units in the lists that are none of the four


def county_aliases(name):
    """大通回族土族自治县 → 大通县, ~大通 (~ marks a bare stem); 湟源县 → ~湟源; 鄂伦春自治旗 → 鄂伦春旗."""
    out = []
    for suffix in ("自治县", "自治旗"):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            short = strip_ethnic(stem)
            if short == stem and stem.endswith("族") and len(stem) >= 3:
                short = stem[:-1]  # 鄂温克族自治旗 → 鄂温克旗
            out.append(short + suffix[-1])
            out.append("~" + short)
            return out
    for suffix in ("林区", "特区", "新区", "矿区", "县", "市", "区", "旗"):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            if len(stem) >= 2 and not (suffix == "旗" and stem[-1] in "左右中前后"):
                out.append("~" + stem)
            break
    return out


def prefecture_aliases(name):
    """海西蒙古族藏族自治州 → 海西州, ~海西; 西宁市 → ~西宁; 海东地区 → ~海东; 锡林郭勒盟 → ~锡林郭勒."""
    if name.endswith("自治州"):
        short = strip_ethnic(name[: -len("自治州")])
        return [short + "州", "~" + short]
    for suffix in ("地区", "市", "盟", "州"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return ["~" + name[: -len(suffix)]]
    return []


def province_aliases(name):
    """广西壮族自治区 → 广西; 北京市 → 北京; 香港特别行政区 → 香港. A province's short name is not a stem: it ranks
    with suffixed names, above the stems of prefectures and counties (吉林 is 吉林省 before 吉林市)."""
    for suffix in ("特别行政区", "自治区", "省", "市"):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            if suffix == "自治区":
                stem = strip_ethnic(stem) if stem != "内蒙古" else stem
            return [stem] if stem != name else []
    return []


ZONE_SHORT = [("高新技术产业开发区", "高新区"), ("高新技术产业园区", "高新区"), ("高新技术开发区", "高新区"),
              ("经济技术开发区", "经开区"), ("行政委员会", "行委"), ("管理区管委会", "管理区")]


def zone_aliases(code, name):
    out = list(ZONE_ALIASES.get(code, []))
    forms = [name]
    for prefix in ("河北", "山西", "内蒙古", "吉林", "安徽", "河南", "湖南"):
        if name.startswith(prefix) and len(name) > len(prefix) + 4:
            forms.append(name[len(prefix):])
    for f in list(forms):
        m = re.match(r"^(.{2,4}?)市(.+)$", f)
        if m and m.group(1)[-1] not in "城":
            forms.append(m.group(1) + m.group(2))
    for f in list(forms):
        for long, short in ZONE_SHORT:
            if f.endswith(long):
                forms.append(f[: -len(long)] + short)
                if short == "行委":
                    forms.append("~" + f[: -len(long)])
    out += [f for f in forms if f != name]
    return list(dict.fromkeys(out))


class Record:
    __slots__ = ("code", "name", "start", "end", "succ", "level", "unit", "parent", "type", "aliases", "index")

    def __init__(self, node):
        self.code = node["code"]
        self.name = node["name"]
        self.start = node["start"]
        self.end = node.get("end")
        self.succ = node.get("succ", [])
        self.level = level(self.code)
        self.unit = None
        self.parent = None

    def valid(self, year):
        return self.start <= year and (self.end is None or year < self.end)

    def years(self):
        return range(self.start, (self.end or LAST_YEAR + 1))


def first_heading(text):
    """The document a change description cites: its title, number (文号) and date (日期)."""
    lines = [l.strip() for l in text.split("\n")]
    title = lines[0].lstrip("#").strip() if lines else ""
    number = date = ""
    for l in lines[1:6]:
        if l.startswith("文号：") and not number:
            number = l[3:].strip()
        elif (l.startswith("日期：") or l.startswith("时间：")) and not date:
            date = l[3:].strip()
    if not lines or not lines[0].startswith("#"):
        title = re.split(r"[。；]", lines[0])[0][:60]
    return (title.replace("\t", " "), number.replace("\t", " "), date.replace("\t", " "))


def build(data_dir):
    with open(os.path.join(data_dir, "areacodes", "codes.json"), encoding="utf-8") as f:
        tree = json.load(f)
    records = []

    def walk(node):
        records.append(Record(node))
        for c in node.get("children", []):
            walk(c)

    for top in tree["items"]:
        walk(top)
    by_code = collections.defaultdict(list)
    for r in records:
        by_code[r.code].append(r)

    def at(code, year):
        hits = [r for r in by_code.get(code, []) if r.valid(year)]
        return hits[0] if len(hits) == 1 else None

    # Check the lifetimes against every year's list.
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        with open(os.path.join(data_dir, "areacodes", "data", f"{year}.txt"), encoding="utf-8") as f:
            listed = {int(l.split()[0]): l.split()[1] for l in f if l.strip()}
        alive = {r.code: r.name for r in records if r.valid(year)}
        if alive != listed:
            raise SystemExit(f"codes.json does not reproduce data/{year}.txt: {set(alive.items()) ^ set(listed.items())}")

    # Documents: descriptions[year][desc] of codes.json (the comments of diff/(year-1)-(year).diff).
    documents, doc_index = [], {}

    def document(year, desc):
        if desc is None:
            return -1
        key = (year, desc)
        if key not in doc_index:
            text = tree["descriptions"].get(str(year), [])
            if desc >= len(text):
                return -1
            doc_index[key] = len(documents)
            documents.append(first_heading(text[desc]))
        return doc_index[key]

    # Flows: where each record's area went. `m`: the record ended that year; `t`: it lives on (a transfer, 划归).
    flows = []
    for a in records:
        for s in a.succ:
            kind, year = ("t", s["time"]) if "time" in s else ("m", a.end)
            b = at(s["code"], year)
            if b is None or b is a:
                raise SystemExit(f"successor {s['code']} of {a.code} {a.name} not in use in {year}")
            flows.append([year, kind, a, b, document(year, s.get("desc"))])

    # Prefecture records are given without successors: follow their counties.
    def parent_record(r, year):
        if r.level == 1:
            return None
        if r.level == 3:
            p = at(r.code // 100 * 100, year)
            if p is not None:
                return p
        return at(r.code // 10000 * 10000, year)

    explicit = {id(f[2]) for f in flows if f[1] == "m"}
    for p in records:
        if p.level != 2 or p.end is None or id(p) in explicit:
            continue
        targets = collections.OrderedDict()
        for c in records:
            if c.level == 3 and c.valid(p.end - 1) and parent_record(c, p.end - 1) is p:
                outs = [f[3] for f in flows if f[2] is c and f[1] == "m"] if not c.valid(p.end) else [c]
                for b in outs:
                    q = parent_record(b, p.end)
                    if q is not None and q.level == 2:
                        targets[id(q)] = q
        for q in targets.values():
            flows.append([p.end, "m", p, q, -1])

    # Units: chains of one-to-one renames. a → b is a rename when a's area went wholly to b, b is new that year, and
    # no other record that ended then went into b.
    into = collections.defaultdict(list)
    for f in flows:
        if f[1] == "m":
            into[id(f[3])].append(f)
    outs = collections.defaultdict(list)
    for f in flows:
        if f[1] == "m":
            outs[id(f[2])].append(f)
    following = {}
    for a in records:
        fs = outs.get(id(a), [])
        if len(fs) == 1:
            b = fs[0][3]
            if b.start == a.end and len(into[id(b)]) == 1 and b.level == a.level:
                fs[0][1] = "r"
                following[id(a)] = b
    preceded = {id(b) for b in following.values()}
    chains = []
    for r in records:
        if id(r) in preceded:
            continue
        chain = [r]
        while id(chain[-1]) in following:
            chain.append(following[id(chain[-1])])
        chains.append(chain)

    # Statistical-only units of the NBS 2023 list.
    zones = []
    with open(os.path.join(data_dir, "nbs2023", "areas.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = int(row["code"])
            if code not in by_code:
                zones.append((code, row["name"], int(row["cityCode"]) * 100, int(row["provinceCode"]) * 10000))

    # Order: provinces, prefectures, county-level units, each by their latest code (then first year).
    def sort_key(chain):
        last = chain[-1]
        return (last.level, last.code, chain[0].start)

    chains.sort(key=sort_key)
    counties_end = sum(1 for c in chains if c[-1].level < 3)
    for u, chain in enumerate(chains):
        for r in chain:
            r.unit = u
    for r in records:
        if r.level == 1:
            r.type, r.aliases = "province", province_aliases(r.name)
        elif r.level == 2:
            r.type, r.aliases = "prefecture", prefecture_aliases(r.name)
        else:
            r.type = county_type(r.name)
            r.aliases = county_aliases(r.name) if r.type != "zone" else []
        if r.level > 1:
            parents = {parent_record(r, y).unit for y in r.years()}
            if len(parents) != 1:
                raise SystemExit(f"{r.code} {r.name} changes parent unit within its lifetime: {parents}")
            r.parent = parents.pop()

    # Series breaks, by unit.
    def areas(r, year):
        out = []
        p = parent_record(r, year)
        while p is not None:
            out.append(p.unit)
            p = parent_record(p, year)
        return out

    breaks = collections.defaultdict(set)
    for year, kind, a, b, _ in flows:
        if kind == "t":
            continue
        if kind == "m" and chains[b.unit][0].start < year:
            breaks[b.unit].add(year)
        for area in set(areas(a, year - 1)) ^ set(areas(b, year)):
            if any(r.valid(year - 1) for r in chains[area]) and any(r.valid(year) for r in chains[area]):
                breaks[area].add(year)

    rows = []
    for u, chain in enumerate(chains):
        for r in chain:
            rows.append((u, r.code, r.name, r.type, "" if r.start == FIRST_YEAR else r.start, r.end or "",
                         "" if r.parent is None else r.parent, r.aliases, sorted(breaks.get(u, ()))))
    unit_count = len(chains)
    zone_rows = []
    for i, (code, name, city, province) in enumerate(sorted(zones)):
        p = at(city, 2023) if at(city, 2023) is not None else at(province, 2023)
        zone_rows.append((unit_count + i, code, name, "zone", "", "", p.unit, zone_aliases(str(code), name), []))
    events = sorted((f[0], f[1], f[2].unit, f[2].code, f[3].unit, f[3].code, f[4]) for f in flows)
    stats = {
        "records": len(records), "units": unit_count + len(zone_rows), "zones": len(zone_rows),
        "county_records": sum(1 for r in records if r.level == 3),
        "county_2024": sum(1 for r in records if r.level == 3 and r.valid(2024)),
        "events": len(events), "documents": len(documents), "breaks": sum(len(v) for v in breaks.values()),
    }
    _ = counties_end
    return rows + zone_rows, events, documents, stats


def render(rows, events, documents, stats):
    def clean(s):
        s = str(s)
        if "\\" in s or '"""' in s or "\n" in s:
            raise SystemExit(f"cannot embed {s!r}")
        return s

    lines = [
        "// Generated by Scripts/generate_regions.py — do not edit by hand; run `make regions` instead.",
        "//",
        "// Every division of China 1981–%d with its lifetime, and the statistical-only units. Sources:" % LAST_YEAR,
        "//   民政部《中华人民共和国县级以上行政区划代码》, status at 31 December of each year 1981–%d, and the changes" % LAST_YEAR,
        "//   between years with their approving documents (民政部《县级以上行政区划变更情况》, 国务院公报), as compiled",
        "//   (CC0) by github.com/yescallop/areacodes: codes.json and diff/*.diff (../shared/data/areacodes);",
        "//   国家统计局《2023年统计用区划代码》 for the statistical-only units (functional zones, codes ..71–..79, and",
        "//   632857 大柴旦行政委员会), as republished (WTFPL) by github.com/modood/Administrative-divisions-of-China",
        "//   (../shared/data/nbs2023). See Docs/Regions.md.",
        "//",
        "// %(records)d records (%(county_records)d county-level, %(county_2024)d of them in use in 2024) in %(units)d units, "
        "%(zones)d of them statistical zones; %(events)d changes citing %(documents)d documents; %(breaks)d series breaks." % stats,
        "//",
        "// Stored as text in the binary and read on first use (BuiltinRegions.swift): one line per record, a unit's",
        "// records together and in time order, units in table order (provinces, prefectures, county-level units).",
        "",
        "extension BuiltinRegions {",
        "    /// unit, code, name, type, first year (empty: in use since 1981 or earlier), first year no longer in use",
        "    /// (empty: in use), parent unit, names (;-separated, `~` before a bare stem), years the unit's series broke.",
        "    static let records: StaticString = \"\"\"",
    ]
    for u, code, name, kind, start, end, parent, aliases, cuts in rows:
        lines.append("\t".join(clean(x) for x in (u, code, name, kind, start, end, parent, ";".join(aliases), ";".join(map(str, cuts)))))
    lines += [
        "\"\"\"",
        "",
        "    /// year, kind (r rename, m the area of an abolished record, t a transfer), from unit, from code, to unit,",
        "    /// to code, document (-1: none).",
        "    static let events: StaticString = \"\"\"",
    ]
    for e in events:
        lines.append("\t".join(clean(x) for x in e))
    lines += [
        "\"\"\"",
        "",
        "    /// title, number (文号), date: the documents events cite, by position.",
        "    static let documents: StaticString = \"\"\"",
    ]
    for d in documents:
        lines.append("\t".join(clean(x) for x in d))
    lines += ["\"\"\"", "}", ""]
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
    print(f"wrote {OUT}: {len(text.splitlines())} lines, {len(text.encode()) // 1024} KB")


if __name__ == "__main__":
    main()
