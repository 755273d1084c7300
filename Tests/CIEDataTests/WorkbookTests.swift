import CIECore
@testable import CIEData
import Foundation
import Testing

/// A ZIP archive of stored members, written here so that a test says every byte of its workbook (deflated members
/// are the samples', written by Python's zipfile).
func zipArchive(_ members: [(name: String, bytes: [UInt8])]) -> [UInt8] {
    func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
    func le(_ v: Int, _ n: Int) -> [UInt8] { (0..<n).map { UInt8((v >> (8 * $0)) & 0xFF) } }
    var out: [UInt8] = [], directory: [UInt8] = []
    for (name, bytes) in members {
        let n = Array(name.utf8), crc = Int(crc32(bytes)), offset = out.count
        out += [0x50, 0x4B, 0x03, 0x04] + le(20, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(crc, 4) + le(bytes.count, 4) + le(bytes.count, 4) + le(n.count, 2) + le(0, 2) + n + bytes
        directory += [0x50, 0x4B, 0x01, 0x02] + le(20, 2) + le(20, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(crc, 4) + le(bytes.count, 4) + le(bytes.count, 4)
            + le(n.count, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(offset, 4) + n
    }
    let start = out.count
    out += directory + [0x50, 0x4B, 0x05, 0x06] + le(0, 2) + le(0, 2) + le(members.count, 2) + le(members.count, 2) + le(directory.count, 4) + le(start, 4) + le(0, 2)
    return out
}

/// An .xlsx built part by part, so that each test says exactly what the workbook holds.
func workbook(sheets: [(name: String, xml: String)], sharedStrings: [String] = [], styles: String? = nil) throws -> [UInt8] {
    var parts: [(name: String, bytes: [UInt8])] = []
    func add(_ path: String, _ text: String) { parts.append((path, Array(text.utf8))) }
    let sheetList = sheets.enumerated().map { i, s in "<sheet name=\"\(s.name)\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>" }.joined()
    add("xl/workbook.xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\(sheetList)</sheets></workbook>
        """)
    let rels = sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
    add("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>")
    for (i, s) in sheets.enumerated() {
        add("xl/worksheets/sheet\(i + 1).xml", "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\(s.xml)</worksheet>")
    }
    if !sharedStrings.isEmpty {
        let items = sharedStrings.map { "<si><t>\($0.replacingOccurrences(of: "&", with: "&amp;"))</t></si>" }.joined()
        add("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(sharedStrings.count)\">\(items)</sst>")
    }
    if let styles { add("xl/styles.xml", styles) }
    return zipArchive(parts)
}

/// A sheet's XML from rows of cells written as `s:3` (shared string 3), `n:12.5`, `i:text` (inline), `b:1`, `d:43831`
/// (a number in the date style 1).
func sheetXML(_ rows: [[String]], merges: [String] = []) -> String {
    var out = "<sheetData>"
    for (r, row) in rows.enumerated() {
        out += "<row r=\"\(r + 1)\">"
        for (c, cell) in row.enumerated() where !cell.isEmpty {
            let ref = Workbook.columnLetters(c) + String(r + 1)
            let kind = cell.prefix(1), value = String(cell.dropFirst(2))
            switch kind {
            case "s": out += "<c r=\"\(ref)\" t=\"s\"><v>\(value)</v></c>"
            case "i": out += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(value)</t></is></c>"
            case "b": out += "<c r=\"\(ref)\" t=\"b\"><v>\(value)</v></c>"
            case "d": out += "<c r=\"\(ref)\" s=\"1\"><v>\(value)</v></c>"
            default: out += "<c r=\"\(ref)\"><v>\(value)</v></c>"
            }
        }
        out += "</row>"
    }
    out += "</sheetData>"
    if !merges.isEmpty { out += "<mergeCells count=\"\(merges.count)\">" + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>" }
    return out
}

@Suite struct WorkbookTests {
    static let strings = ["2020年县域主要社会经济指标", "Area", "Province", "地区生产总值", "规模以上工业企业单位数", "Unit", "亿元", "个",
                          "大通回族土族自治县", "青海", "湟源县", "青海省", "Remark", "本表数据为示例"]

    /// The yearbook table of LayoutTests as a workbook, under a title merged across the columns.
    static func yearbook() throws -> [UInt8] {
        let rows = [["s:0"], [], ["s:1", "s:2", "s:3", "s:4"], ["s:5", "", "s:6", "s:7"],
                    ["s:8", "s:9", "n:123.4567", "n:45"], ["s:10", "s:11", "n:45.6789", "n:12"], ["s:12", "s:13"]]
        return try workbook(sheets: [("说明", "<sheetData/>"), ("县市", sheetXML(rows, merges: ["A1:D1"]))], sharedStrings: strings)
    }

    @Test func aYearbookWorkbookGivesTheSameValuesAsItsCSV() throws {
        var book = makeLoader()
        let f = try book.load(bytes: try Self.yearbook(), name: "y.xlsx").get()
        var csv = makeLoader()
        _ = try csv.load("2020年县域主要社会经济指标,,,\nArea,Province,地区生产总值,规模以上工业企业单位数\nUnit,,亿元,个\n大通回族土族自治县,青海,123.4567,45\n湟源县,青海省,45.6789,12\nRemark,本表数据为示例\n").get()
        for (code, indicator) in [("630121", "gdp"), ("630123", "gdp"), ("630121", "above_scale_industrial_enterprises")] {
            #expect(book.value(code, indicator, 2020) != nil && book.value(code, indicator, 2020) == csv.value(code, indicator, 2020))
        }
        #expect(book.value("630121", "gdp", 2020) == 1_234_567)
        // The first sheet holds nothing: the first that holds data is read, and the load says which.
        #expect(f.sheet == "县市" && f.sheets == ["说明", "县市"] && f.path == "y.xlsx")
        #expect(f.diagnostics.allSatisfy { $0.file == "y.xlsx[县市]" })
    }

    @Test func problemsNameTheSheetRowAndColumnLetter() throws {
        let rows = [["i:地区", "i:年份", "i:gdp", "i:hitech_enterprises"], ["i:大通县", "n:2020", "n:1", "n:2"], ["i:湟源县", "n:2020", "n:3", "n:2.5"]]
        let d = diagnostics(loadOnce(bytes: try workbook(sheets: [("数据", sheetXML(rows))]), name: "b.xlsx"))
        #expect(d.count == 1)
        #expect(d.first?.render(Language.en).hasPrefix("b.xlsx[数据]:3:D: error:") == true, "\(d)")
    }

    @Test func cellTypesReadAsTheirValues() throws {
        // Shared strings with an entity, inline strings, booleans, numbers as numbers, a date style, a formula's value.
        let styles = """
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts>
            <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>
            """
        let sheet = sheetXML([["s:0", "i:x &amp; y", "b:1", "n:1.5E3", "d:43831"]])
            .replacingOccurrences(of: "</row>", with: "<c r=\"F1\"><f>SUM(D1)</f><v>1500</v></c></row>")
        let book = try Workbook(bytes: try workbook(sheets: [("s", sheet)], sharedStrings: ["R&D"], styles: styles))
        #expect(try book.rows(of: book.sheets[0]) == [["R&D", "x & y", "TRUE", "1.5E3", "2020-01-01", "1500"]])
        #expect(Workbook.isDateFormat("yyyy\"年\"m\"月\"") && !Workbook.isDateFormat("0.00%") && !Workbook.isDateFormat("[Red]0.0"))
    }

    @Test func mergedHeaderCellsNameEveryColumnTheySpan() throws {
        // 财政科技投入 spans two columns; the unit row under it makes them distinct (亿元 and 万元 of one indicator would be
        // a repeat), so a merged header with a units row reads as both, here tested on the rows themselves.
        let rows = [["i:地区", "i:年份", "i:规模以上工业企业", ""], ["i:大通县", "n:2020", "n:3", ""]]
        let book = try Workbook(bytes: try workbook(sheets: [("s", sheetXML(rows, merges: ["C1:D1"]))]))
        #expect(try book.rows(of: book.sheets[0])[0] == ["地区", "年份", "规模以上工业企业", "规模以上工业企业"])
    }

    @Test func aSheetIsChosenByNameAndAMissingOneListsTheOthers() throws {
        let data = [["i:地区", "i:年份", "i:gdp"], ["i:大通县", "n:2020", "n:7"]]
        let other = [["i:地区", "i:年份", "i:gdp"], ["i:湟源县", "n:2020", "n:9"]]
        let bytes = try workbook(sheets: [("县市", sheetXML(data)), ("乡镇", sheetXML(other))])
        var loader = makeLoader()
        let f = try loader.load(bytes: bytes, name: "b.xlsx", settings: LoadSettings(sheet: "乡镇")).get()
        #expect(f.sheet == "乡镇" && loader.value("630123", "gdp", 2020) == 9 && loader.value("630121", "gdp", 2020) == nil)
        let d = diagnostics(loadOnce(bytes: bytes, name: "b.xlsx", settings: LoadSettings(sheet: "街道")))
        #expect(d.count == 1 && d[0].text.zh.contains("没有工作表“街道”：有 县市、乡镇"))
    }

    /// The samples' workbooks are deflated (Python's zipfile): one damaged byte in a member fails its inflate or CRC.
    static func damagedSample() throws -> [UInt8] {
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples/qinghai/qinghai_yearbook_2020.xlsx")))
        let sheet = try #require(ZipArchive(bytes)?.members["xl/worksheets/sheet2.xml"])
        #expect(sheet.method == 8)
        bytes[sheet.localHeader + 30 + "xl/worksheets/sheet2.xml".utf8.count + 40] ^= 0x5A
        return bytes
    }

    @Test(arguments: ["a zip cut short", "an archive without a workbook part", "a damaged member", "the end of a workbook cut off"])
    func aCorruptWorkbookIsOneClearError(name: String) throws {
        let good = try workbook(sheets: [("s", sheetXML([["i:地区", "i:年份", "i:gdp"], ["i:大通县", "n:2020", "n:7"]]))])
        let data: [UInt8] = switch name {
        case "a zip cut short": [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]
        case "an archive without a workbook part": zipArchive([("readme.txt", Array("hello".utf8))])
        case "a damaged member": try Self.damagedSample()
        default: Array(good.dropLast(30))
        }
        #expect(try loadOnce(bytes: good, name: "good.xlsx").get().observations == 1)
        let d = diagnostics(loadOnce(bytes: data, name: "bad.xlsx"))
        #expect(d.count == 1 && d[0].file == "bad.xlsx", "\(name)")
        #expect(d[0].text.zh.contains("工作簿") && d[0].text.zh.contains("另存为"), "\(name): \(d)")
    }

    /// A row or column number beyond Excel's grid is a damaged sheet, one error, not a billion empty lines.
    @Test(arguments: ["<row r=\"999999999\"><c r=\"A999999999\"><v>1</v></c></row>", "<row r=\"2\"><c r=\"XFE2\"><v>1</v></c></row>"])
    func cellsBeyondTheGridAreOneError(row: String) throws {
        let xml = "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>地区</t></is></c></row>\(row)</sheetData>"
        let d = diagnostics(loadOnce(bytes: try workbook(sheets: [("s", xml)]), name: "g.xlsx"))
        #expect(d.count == 1 && d[0].text.zh.contains("超出 Excel 的范围"), "\(d)")
    }

    @Test func theXMLScannerDecodesEntitiesAndSkipsWhatIsNotData() {
        var events: [String] = []
        XMLScanner.scan(Array("<?xml version=\"1.0\"?><!-- c --><x:a k='1&amp;2'><b/>t&#x4E2D;&#25991;<![CDATA[<raw>]]></x:a>".utf8)) { e in
            switch e {
            case .start(let n, let a): events.append("<\(n)\(a.map { " \($0.key)=\($0.value)" }.joined())>")
            case .end(let n): events.append("</\(n)>")
            case .text(let t): events.append(t)
            }
        }
        #expect(events == ["<a k=1&2>", "<b>", "</b>", "t中文", "<raw>", "</a>"])
    }
}

@Suite struct WorkbookLineBreakTests {
    /// A header cell with Alt+Enter (“地区生产总值⏎（万元）”) is one header, and a problem below it is reported at its own
    /// row of the sheet, not one further down.
    @Test func aLineBreakInACellKeepsRowsAsRows() throws {
        let sheet = """
            <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
            <row r="1"><c r="A1" t="inlineStr"><is><t>地区</t></is></c><c r="B1" t="inlineStr"><is><t>年份</t></is></c><c r="C1" t="inlineStr"><is><t xml:space="preserve">地区生产总值
            （万元）</t></is></c></row>\
            <row r="2"><c r="A2" t="inlineStr"><is><t>大通回族土族自治县</t></is></c><c r="B2"><v>2020</v></c><c r="C2"><v>1415436</v></c></row>\
            <row r="3"><c r="A3" t="inlineStr"><is><t>湟源县</t></is></c><c r="B3"><v>2020</v></c><c r="C3" t="inlineStr"><is><t>abc</t></is></c></row>\
            </sheetData></worksheet>
            """
        let book = try Workbook(bytes: workbook(sheets: [("数据", sheet)]))
        let rows = try book.rows(of: book.sheet(named: "数据"))
        #expect(rows.count == 3 && rows[0][2] == "地区生产总值 （万元）", "\(rows)")
        let d = diagnostics(loadOnce(bytes: try workbook(sheets: [("数据", sheet)]), name: "b.xlsx"))
        #expect(d.count == 1 && d.first?.render(Language.en).hasPrefix("b.xlsx[数据]:3:C: error:") == true, "\(d)")
    }
}
