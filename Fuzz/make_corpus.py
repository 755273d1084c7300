#!/usr/bin/env python3
"""Writes the seed corpora Fuzz/corpus/<harness>/seed-* from the samples, the tests' fixtures and known-bad inputs.

    python3 Fuzz/make_corpus.py            write (or rewrite) every seed-* file
    python3 Fuzz/make_corpus.py --check    fail when a seed-* file is missing or differs

Only seed-* files are written; the crash-* files a fuzzer found (Docs/Robustness.md) are kept as they are. Big samples
are cut at a line break (CUT bytes) so that the corpora stay small and each run is fast.
"""
import glob
import os
import re
import struct
import sys
import zipfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Fuzz", "corpus")
CUT = 3000


def read(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


def cut(b, limit=CUT):
    """The first lines of `b`, at most `limit` bytes (whole lines)."""
    if len(b) <= limit:
        return b
    end = b.rfind(b"\n", 0, limit)
    return b[: end + 1] if end > 0 else b[:limit]


def name(path):
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", path.replace("Samples/", "").replace("Tests/", "tests_"))


seeds = {h: {} for h in ["value", "csv", "json", "xlsx", "policy", "words", "commands", "draft"]}


def add(harness, label, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    seeds[harness]["seed-" + label] = data


# --- value: cells as the samples and the tests write them; `VALUE|UNIT` also reads UNIT as a column's unit.
cells = [
    "4.5", "-12.5", "0.07", "4800", "1.5e3", "1.2E-3", "-0", "00", ".5", "1.", "+3", "4,5", "3,000", "3，000", "1,234,567.5",
    "４.５％", "１２３", "４５００万元", "3亿元", "1.62万台次", "0.5亿", "12万元", "2400000", "300名", "３００名科技人员", "5家",
    "7个", "12项", "3所", "4座", "2批次", "9次", "1.63万", "55%", "2%", "是", "否", "有", "无", "yes", "no", "true", "false",
    "Y", "N", "-", "—", "——", "–", "−", "na", "N/A", "null", "…", "...", "", " ", "\u3000", "\u00a0", "nan", "inf", "-inf",
    "Infinity", "∞", "-∞", "#NUM!", "#DIV/0!", "1e308亿元", "1e400", "9" * 30, "123456789012345", "1234567890123456",
    "12345678901234567", "0.0000000000000000000001", "5斤", "5kg", "1e", "1e+", "2e-5%", "٣", "١٢", "Ⅻ", "5千元", "5千",
    "100|万元", "5|亿元", "2.5|%", "7|家", "3|人", "1|个", "12|元", "1e300|亿元", "4|台次", "0|", "1|千",
]
for k, c in enumerate(cells):
    add("value", "%03d" % k, c)

# --- csv: long, wide, regions, yearbook files, every encoding, the error cases of the loader's tests.
for path in sorted(glob.glob(os.path.join(ROOT, "Samples", "*", "*.csv"))):
    rel = os.path.relpath(path, ROOT)
    add("csv", name(rel), cut(read(rel)))
for path in sorted(glob.glob(os.path.join(ROOT, "Samples", "*", "examples", "*.csv"))
                   + glob.glob(os.path.join(ROOT, "Tests", "CIEEndToEndTests", "Fixtures", "*", "sample", "*.csv"))):
    rel = os.path.relpath(path, ROOT)
    add("csv", name(rel), read(rel))
header = "region,year,indicator,value\n"
bad_rows = [
    "630121,2020,gdp,1,2\n", "630121,2020,gdp,1\n\"630123,2020,gdp,2\n", "630121,2020,gdp,abc\n", "大通镇,2020,gdp,1\n",
    "玉树,2020,gdp,1\n", "630121,1899,gdp,1\n", "630121,二〇二〇,gdp,1\n", "630121,2020,science_literacy_rate,5家\n",
    "630121,2020,incubators,-1\n", "630121,2020,gdp,inf\n", "630121,2020,science_literacy_rat,4\n",
    "630121,2020,gdp,4\"5\n", "630121,2020,gdp,1\n大通县,2020,gdp,2\n630121,2020,gdp,1\n",
    "X,2020,gdp,1\n630121,3000,gdp,1\n630121,2020,gdp,zz\n630123,2020,gdp,5\n",
    "湟中县,2018,gdp,3亿元\n220105,1990,st_smes,168\n220105,2000,st_smes,408\n",
    "630121,2020,新指标甲,5\n630121,2021,新指标甲,6家\n",
    "城中区,2020,gdp,1\n630121,2020,gdp,2\n",
]
for k, rows in enumerate(bad_rows):
    add("csv", "loader_%02d.csv" % k, header + rows)
add("csv", "unit_unknown.csv", "region,year,indicator,value,unit\n630121,2020,gdp,4,斤\n")
add("csv", "header_unrecognised.csv", "foo,bar\n1,2\n")
add("csv", "field_too_long.csv", header + "630121,2020,gdp,\"" + "9" * 5000 + "\"\n")
add("csv", "empty.csv", b"")
add("csv", "blank.csv", b"\r\n ")
add("csv", "binary.csv", b"region,year\n\x00\x01\x02")
add("csv", "header_only.csv", header)
add("csv", "crlf_units.csv", "region,year,indicator,value\r\n330000,2020,instrument_sharing_times,1.62万台次\r\n330000,2021,instrument_sharing_times,1.63万\r\n")
add("csv", "wide_units.csv", "地区,年份,地区生产总值(亿元),企业数(家),备注\n大通回族土族自治县,2020,120.5,30,示例\n湟中区,2020,99,12,\n")
add("csv", "regions.csv", "code,name,prefecture,type,groups\nWH-NH,威海南海新区,371000,zone,威海\nQH-X1,某园区,630100,功能区,\n")
# The two-core path: a long CSV without quotes of more than 64 bytes (the harness lowers the threshold to 64).
codes = ["630102", "630103", "630104", "630105", "630106", "630121", "630123"]
lines = [header.strip()] + ["%s,%d,gdp,%d" % (codes[k % 7], 2000 + k % 20, k) for k in range(60)]
add("csv", "parallel_plain.csv", "\n".join(lines) + "\n")
add("csv", "parallel_crlf_conflicts.csv", "\r\n".join(lines + ["630121,2000,gdp,1", "630121,2019,gdp,3亿元", "大通镇,2020,gdp,1", "630121,2020,gdp"]) + "\r\n")
# Encodings: GBK (the sample), UTF-16 with BOM, UTF-8 with BOM.
wide = read("Samples/qinghai/qinghai_wide_2020.csv")[:600].decode("utf-8", "ignore")
add("csv", "utf16le.csv", b"\xff\xfe" + wide.encode("utf-16-le"))
add("csv", "utf16be.csv", b"\xfe\xff" + wide.encode("utf-16-be"))
add("csv", "bom_utf8.csv", b"\xef\xbb\xbf" + (header + "630121,2020,gdp,1\n").encode())
# Known bad: a GB18030 file that ends inside a four-byte sequence (81 30 81 of 81 30 81 30), and one in the middle.
gb = ("地区,年份,指标,数值\n大通回族土族自治县,2020,gdp,4.8\n").encode("gb18030")
add("csv", "gb18030_truncated_four_byte.csv", gb + "湟中区,2020,gdp,".encode("gb18030") + b"\x81\x30\x81")
add("csv", "gb18030_broken_four_byte.csv", gb + b"\x81\x30\x81\x0a" + "湟中区,2020,gdp,1\n".encode("gb18030"))
add("csv", "gb18030_four_byte.csv", gb + "𠀀区,2020,gdp,1\n".encode("gb18030"))
# Known bad: a first line over 4,096 bytes (a field longer than CSVReader.maxFieldBytes in the header).
add("csv", "first_line_over_4096.csv", "region,year,indicator," + "v" * 4200 + "\n630121,2020,gdp,1\n")
add("csv", "first_line_over_4096_unquoted_fields.csv", ",".join(["列%d" % k for k in range(900)]) + "\n" + ",".join(["1"] * 900) + "\n")

# --- json
json_seeds = [
    '{"observations": [{"region": "630121", "year": 2020, "indicator": "gdp", "value": 1e400}]}',
    '{"observations": [{"region": "630121", "year": 1e19, "indicator": "gdp", "value": 1}]}',
    '{"observations": [{"region": "630121\\uD800\\u0041", "year": 2020, "indicator": "gdp", "value": 1}]}',
    '{"observations": [{"region": "630121\\uD83D\\uDE00", "year": 2020, "indicator": "gdp", "value": 1}]}',
    '{"observations": [',
    '{"observations": [{"region": "630121", "year": 2020, "indicator": "gdp", "value": 1},]}',
    '{"observations": [\n  {"region": "630121", "year": 2020, "indicator": "gdp", "value": "x"}]}',
    '{"observations": [\n  {"region": "nowhere", "year": 2020, "indicator": "gdp", "value": 1}]}',
    '[1, 2]',
    '{"regions": [{"code": "WH-NH", "name": "南海新区", "prefecture": "371000", "type": "zone", "groups": ["威海"]}],\n'
    ' "observations": [{"region": "WH-NH", "year": 2020, "indicator": "incubators", "value": 2},\n'
    '                  {"region": 630121, "year": "2020", "indicator": "科技进步贡献率", "value": "55%"},\n'
    '                  {"region": "630121", "year": 2020, "indicator": "gdp", "value": 3.5, "unit": "亿元"},\n'
    '                  {"region": "630121", "year": 2020, "indicator": "st_service_center", "value": true},\n'
    '                  {"region": "630123", "year": 2020, "indicator": "gdp", "value": null}]}',
    '{"observations": [{"region": "NH01", "year": 2020, "indicator": "gdp", "value": 12.5},\n'
    '                  {"region": "630121", "year": 2020, "indicator": "gdp", "value": "3亿元"}],\n'
    ' "regions": [{"code": "NH01", "name": "南海新区", "prefecture": "371000", "type": "zone"}]}',
    '{"observations":[' + ",".join('{"region":"630121","year":%d,"indicator":"c%d","value":%d}' % (1950 + k % 150, k // 150, k) for k in range(40)) + ']}',
    '{"observations": [], "source": "x", "note": {"a": [1, 2, {"b": "\\"\\\\\\/\\b\\f\\n\\r\\t"}]}}',
    '{"observations": [{"region": "630121", "year": 2020, "indicator": "gdp", "value": -0.0e-0}], "extra": [[[[[]]]]]}',
    '{}', '', '   ', 'null', '{"observations": {}}', '{"observations": [1, "a", null, true]}',
]
for k, j in enumerate(json_seeds):
    add("json", "%02d.json" % k, j)
# Known bad: the 19 bytes of an out-of-bounds read in JSONReader.skipValue (an escape as the last byte).
add("json", "skipvalue_escape_at_end.json", b'{"observations":["\\')
assert len(seeds["json"]["seed-skipvalue_escape_at_end.json"]) == 19

# --- xlsx: the samples' workbooks as they are, and each as the harness's parts (sheet NUL strings NUL styles NUL
# workbook NUL rels), which the harness packs into a stored ZIP.
for path in sorted(glob.glob(os.path.join(ROOT, "Samples", "*", "*.xlsx"))):
    rel = os.path.relpath(path, ROOT)
    add("xlsx", name(rel), read(rel))
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        def part(n):
            return z.read(n) if n in names else b""
        # Each sheet as the harness's one sheet (the default workbook names it), with the book's strings and styles.
        for n in names:
            if n.startswith("xl/worksheets/sheet"):
                parts = [z.read(n), part("xl/sharedStrings.xml"), part("xl/styles.xml")]
                add("xlsx", name(rel) + "." + os.path.basename(n) + ".parts", b"\x00".join(parts))
sheet = ('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>地区</t></is></c><c r="B1" t="s"><v>0</v></c></row>'
         '<row r="2"><c r="A2" t="inlineStr"><is><t>大通回族土族自治县</t></is></c><c r="B2"><v>1.5E2</v></c><c r="C2" s="1"><v>44012</v></c>'
         '<c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c><c r="F2" t="str"><f>A1</f><v>x&amp;y&#x4e2d;</v></c></row>'
         '<row r="4"><c r="A4" t="inlineStr"><is><t>湟中区</t></is></c><c r="B4"><v>2</v></c></row></sheetData>'
         '<mergeCells count="1"><mergeCell ref="B1:C1"/></mergeCells></worksheet>')
strings = '<sst><si><t>地区生产总值(万元)</t></si><si><r><t>富</t></r><r><t>文本</t></r><rPh><t>ふ</t></rPh></si></sst>'
styles = '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>'
add("xlsx", "handmade.parts", "\x00".join([sheet, strings, styles]))
add("xlsx", "merge_reversed.parts", '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="C3:A1"/><mergeCell ref="XFD1048576:A1"/></mergeCells></worksheet>')

def stored_zip(members):
    out, directory = b"", b""
    for n, data in members:
        nb = n.encode()
        crc = zlib.crc32(data)
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0, crc, len(data), len(data), len(nb), 0) + nb + data
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 0, 0, 0, crc, len(data), len(data), len(nb), 0, 0, 0, 0, 0, offset) + nb
    return out + directory + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), len(out), 0)

# Known hostile archives: a member that claims 1 GiB, a directory pointing past the end, an unknown method.
tiny = stored_zip([("xl/workbook.xml", b"<workbook/>")])
add("xlsx", "zip_truncated", tiny[:-10])
claims = bytearray(stored_zip([("xl/workbook.xml", b"<workbook/>")]))
cd = claims.rfind(b"PK\x01\x02")
claims[cd + 24:cd + 28] = struct.pack("<I", 1 << 30)
add("xlsx", "zip_member_claims_1gib", bytes(claims))

# --- policy: the built-in packages, the end-to-end fixture, and the tests' minimal package.
for path in sorted(glob.glob(os.path.join(ROOT, "Samples", "*", "policy.yaml"))
                   + glob.glob(os.path.join(ROOT, "Tests", "CIEEndToEndTests", "Fixtures", "*", "policy.yaml"))):
    rel = os.path.relpath(path, ROOT)
    add("policy", name(rel), read(rel))
minimal = """format: 1
id: testland
name: {zh: 四川省, en: Sichuan}
document:
  number: ""
  title: 测试
  status: in_force
  jurisdiction: "510000"
  text: text.txt
targets:
  - id: SC-01
    title: {zh: 研发强度, en: R&D intensity}
    clause: 一
    original: 全县R&D经费投入强度达到2%以上
    scope: county
    condition: {at_least: rd_intensity, value: 2}
    deadline: 2020
    strength: binding
"""
add("policy", "minimal.yaml", minimal)
add("policy", "minimal_example.yaml", minimal + """    examples:
      - title: {zh: 达到, en: met}
        year: 2020
        csv: |
          region,year,indicator,value
          510121,2020,rd_intensity,2.5
        expect: {510121: met}
""")
add("policy", "anchors_and_tags.yaml", "a: &x [1, 2, *x]\nb: !!binary aGVsbG8=\nc: !custom {? complex : key}\n")
add("policy", "not_utf8.yaml", b"format: 1\nid: \xff\xfe\n")
add("policy", "empty.yaml", b"")

# --- draft: the five documents' texts (cut), the Sichuan excerpt, and a scraped form (GB18030, broken lines).
for path in sorted(glob.glob(os.path.join(ROOT, "Samples", "*", "text.txt"))
                   + glob.glob(os.path.join(ROOT, "Tests", "CIEEndToEndTests", "Fixtures", "*", "text.txt"))
                   + glob.glob(os.path.join(ROOT, "Tests", "CIEDraftTests", "Fixtures", "*.txt"))):
    rel = os.path.relpath(path, ROOT)
    add("draft", name(rel), cut(read(rel), 6000))

# --- words: the samples' scripts and command lists, and lines of the REPL's tests.
for path in sorted(glob.glob(os.path.join(ROOT, "Samples", "*", "*.cie")) + glob.glob(os.path.join(ROOT, "Samples", "*", "commands.txt"))
                   + glob.glob(os.path.join(ROOT, "Tests", "CIEEndToEndTests", "Fixtures", "*", "sample", "*.cie"))):
    rel = os.path.relpath(path, ROOT)
    add("words", name(rel), cut(read(rel), 2000))
lines = [
    'check --region "城中 区" --year 2020', "check 大通", "load 'a b.csv'; use zhejiang; check --status not_met",
    'explain QH-06 # a comment', 'rank science_literacy_rate --top 5 \\', 'show "unclosed', "set lang en",
    'check --yaer 2020', 'check --year', 'review evaluation --weights 人才引进=2 --excellent 10% --top 5', 'help check',
    'check --help', 'export "failing.csv" --force', "quit", "CH", "use 青", "check --policy qi", "regions --history 湟中区",
    'validate yearbook.csv --year 2020 --map \'企业数=hitech_enterprises\' --skip-column 备注', "report --output r.html",
    'a"b c"d \'e f\'', "#only a comment", "check \\\n--year 2020", "\t\r\n;;", 'load --lang=en x.csv', "expect 3",
]
for k, line in enumerate(lines):
    add("words", "line_%02d" % k, line)
# --- commands: the same lines and scripts (cut at 500 bytes, the harness's -max_len is 512).
for fname, data in list(seeds["words"].items()):
    seeds["commands"][fname] = cut(data, 500)


def main():
    check = "--check" in sys.argv
    stale = []
    total = 0
    for harness, files in seeds.items():
        folder = os.path.join(CORPUS, harness)
        os.makedirs(folder, exist_ok=True)
        for fname, data in files.items():
            path = os.path.join(folder, fname)
            total += len(data)
            if check:
                if not os.path.exists(path) or read(os.path.relpath(path, ROOT)) != data:
                    stale.append(os.path.relpath(path, ROOT))
            else:
                with open(path, "wb") as f:
                    f.write(data)
    if check and stale:
        print("stale seeds (run python3 Fuzz/make_corpus.py):\n  " + "\n  ".join(stale))
        sys.exit(1)
    print("%s %d seeds, %d bytes" % ("checked" if check else "wrote", sum(len(f) for f in seeds.values()), total))


main()
