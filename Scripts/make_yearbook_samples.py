#!/usr/bin/env python3
"""Writes each module's sample as a statistical office publishes it (Samples/<id>/<id>_yearbook_<year>.csv and .xlsx):
a 中国县域统计年鉴-style table of the latest sample year with a title, an English/Chinese header (Area, Province, the
yearbook's names), a units row (地区生产总值 in 亿元), a section row per prefecture, county names with province
labels, a remark, a note and a source; the workbook holds the same table under a merged title, after a sheet of notes.
The values are the module's own made-up sample values, so loading either beside the long sample conflicts nowhere.

    python3 Scripts/make_yearbook_samples.py [--check]
"""
import csv, io, os, re, sys, zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODULES = {  # id: (sample file, province short name)
    "qinghai": ("qinghai_2016_2020.csv", "青海"),
    "zhejiang": ("zhejiang_2018_2022.csv", "浙江"),
    "weihai": ("weihai_2015_2020.csv", "山东"),
    "inner-mongolia": ("inner-mongolia_2018_2020.csv", "内蒙古"),
    "jilin": ("jilin_2017_2020.csv", "吉林"),
}
# Catalogue indicator → (the name a yearbook prints, the unit it prints in, the factor from the catalogue's unit).
YEARBOOK = [
    ("gdp", "地区生产总值", "亿元", 1e-4),
    ("rd_expenditure", "R&D经费支出", "万元", 1),
    ("fiscal_st_expenditure", "科学技术支出", "万元", 1),
    ("above_scale_industrial_enterprises", "规模以上工业企业单位数", "个", 1),
    ("hitech_enterprises", "高新技术企业数", "家", 1),
    ("science_literacy_rate", "具备基本科学素质的公民比例", "%", 1),
    ("incubators", "科技企业孵化器、众创空间", "个", 1),
    ("science_commissioners", "科技特派员", "人", 1),
    ("commissioner_workstations", "科技特派员工作站", "个", 1),
    ("village_network_coverage", "村级网络覆盖率", "%", 1),
]

table = open(f"{ROOT}/Sources/CIEData/RegionTable+Generated.swift", encoding="utf-8").read()
records = [l.split("\t") for l in table.splitlines() if re.match(r"^\d+\t\d{6}\t", l)]


def alive(f, year):
    return (not f[4] or int(f[4]) <= year) and (not f[5] or year < int(f[5]))


def record(code, year):
    return next((f for f in records if f[1] == code and alive(f, year)), None)


def unit_record(unit, year):
    return next((f for f in records if f[0] == unit and alive(f, year)), None)


def catalogue_value(text, unit):
    """A sample cell in the catalogue's unit (万元 for amounts); None for what is no plain number (flags, blanks)."""
    t = "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in text).replace(",", "").strip()
    factor = {"亿元": 1e4, "万元": 1, "元": 1e-4}
    for suffix, f in factor.items():
        if t.endswith(suffix):
            return float(t[: -len(suffix)]) * f if re.fullmatch(r"-?\d+(\.\d+)?", t[: -len(suffix)]) else None
    if not re.fullmatch(r"-?\d+(\.\d+)?", t.rstrip("%")):
        return None
    return float(t.rstrip("%")) * factor.get(unit, 1)


def number(v):
    text = f"{v:.6f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def build(module):
    sample, province = MODULES[module]
    rows = list(csv.DictReader(open(f"{ROOT}/Samples/{module}/{sample}", encoding="utf-8-sig")))
    year = max(int(r["year"]) for r in rows)
    values = {}
    for r in rows:
        if int(r["year"]) == year and (v := catalogue_value(r["value"], r.get("unit", ""))) is not None:
            values[(r["region"], r["indicator"])] = v
    units = sorted({code for code, _ in values if (rec := record(code, year)) and rec[3] in ("district", "county", "city", "banner", "zone")})
    columns = [c for c in YEARBOOK if any((u, c[0]) in values for u in units)]
    assert len(columns) >= 2, (module, columns)
    by_prefecture = {}
    for u in units:
        parent = unit_record(record(u, year)[6], year)
        by_prefecture.setdefault((parent[1], parent[2]) if parent else ("", ""), []).append(u)
    title = f"{year}年{province}县域主要社会经济指标"
    header = ["Area", "Province"] + [name for _, name, _, _ in columns]
    unit_row = ["Unit", ""] + [unit for _, _, unit, _ in columns]
    body = []  # rows of (text or number) cells
    for (pcode, pname), members in sorted(by_prefecture.items()):
        if pname and not pcode.endswith("0000"):
            body.append([pname, ""] + [""] * len(columns))
        for u in members:
            cells = [record(u, year)[2], province]
            for ind, _, _, factor in columns:
                v = values.get((u, ind))
                cells.append("" if v is None else number(v * factor))
            body.append(cells)
    notes = [["Remark", "示例数据（虚构），数值与长表样例相同"], ["注：地区生产总值按当年价格计算，单位为亿元。"],
             ["资料来源：cie 示例数据（Scripts/make_yearbook_samples.py 生成）"]]
    return year, title, header, unit_row, body, notes


def write_csv(year, title, header, unit_row, body, notes):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow([title])
    w.writerow([])
    for row in [header, unit_row] + body + notes:
        w.writerow(row)
    return out.getvalue().encode("utf-8")


def column_letters(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def write_xlsx(year, title, header, unit_row, body, notes):
    strings, index = [], {}

    def sid(text):
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return index[text]

    def sheet(rows, merges=()):
        xml = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
        for r, row in enumerate(rows, 1):
            if not any(c != "" for c in row):
                continue
            xml.append(f'<row r="{r}">')
            for c, cell in enumerate(row):
                ref = f"{column_letters(c)}{r}"
                if cell == "":
                    continue
                if re.fullmatch(r"-?\d+(\.\d+)?", cell) and c >= 2:
                    xml.append(f'<c r="{ref}"><v>{cell}</v></c>')
                else:
                    xml.append(f'<c r="{ref}" t="s"><v>{sid(cell)}</v></c>')
            xml.append("</row>")
        xml.append("</sheetData>")
        if merges:
            xml.append(f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>")
        xml.append("</worksheet>")
        return "".join(xml)

    width = len(header)
    about = sheet([["本工作簿为 cie 的示例数据（虚构）。"], ["数据在工作表“县市”。"]])
    data = sheet([[title] + [""] * (width - 1), [], header, unit_row] + body + notes, merges=[f"A1:{column_letters(width - 1)}1"])
    shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              f'count="{len(strings)}" uniqueCount="{len(strings)}">' + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="说明" sheetId="1" r:id="rId1"/>'
        '<sheet name="县市" sheetId="2" r:id="rId2"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": about,
        "xl/worksheets/sheet2.xml": data,
    }
    parts["xl/sharedStrings.xml"] = shared  # after both sheets registered their strings
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))  # fixed: the file is the same on every run
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    return out.getvalue()


def main():
    check = "--check" in sys.argv
    stale = []
    for module in MODULES:
        built = build(module)
        year = built[0]
        for ext, data in (("csv", write_csv(*built)), ("xlsx", write_xlsx(*built))):
            path = f"{ROOT}/Samples/{module}/{module}_yearbook_{year}.{ext}"
            if check:
                if not os.path.exists(path) or open(path, "rb").read() != data:
                    stale.append(path)
            else:
                open(path, "wb").write(data)
                print("wrote", os.path.relpath(path, ROOT), file=sys.stderr)
    if stale:
        sys.exit("stale (run make samples): " + ", ".join(stale))


if __name__ == "__main__":
    main()
