import CIECore
@testable import CIEData
import Foundation
import Testing
import ZIPFoundation

/// An .xlsx built part by part (ZIPFoundation's writer), so that each test says exactly what the workbook holds.
func workbook(sheets: [(name: String, xml: String)], sharedStrings: [String] = [], styles: String? = nil, compressed: Bool = true) throws -> [UInt8] {
    let archive = try Archive(data: Data(), accessMode: .create)
    func add(_ path: String, _ text: String) throws {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compressed ? .deflate : .none) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    let sheetList = sheets.enumerated().map { i, s in "<sheet name=\"\(s.name)\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>" }.joined()
    try add("xl/workbook.xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\(sheetList)</sheets></workbook>
        """)
    let rels = sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
    try add("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>")
    for (i, s) in sheets.enumerated() {
        try add("xl/worksheets/sheet\(i + 1).xml", "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\(s.xml)</worksheet>")
    }
    if !sharedStrings.isEmpty {
        let items = sharedStrings.map { "<si><t>\($0.replacingOccurrences(of: "&", with: "&amp;"))</t></si>" }.joined()
        try add("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(sharedStrings.count)\">\(items)</sst>")
    }
    if let styles { try add("xl/styles.xml", styles) }
    return Array(try #require(archive.data))
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
        let book = try Workbook(data: Data(try workbook(sheets: [("s", sheet)], sharedStrings: ["R&D"], styles: styles)))
        #expect(try book.rows(of: book.sheets[0]) == [["R&D", "x & y", "TRUE", "1.5E3", "2020-01-01", "1500"]])
        #expect(Workbook.isDateFormat("yyyy\"年\"m\"月\"") && !Workbook.isDateFormat("0.00%") && !Workbook.isDateFormat("[Red]0.0"))
    }

    @Test func mergedHeaderCellsNameEveryColumnTheySpan() throws {
        // 财政科技投入 spans two columns; the unit row under it makes them distinct (亿元 and 万元 of one indicator would be
        // a repeat), so a merged header with a units row reads as both, here tested on the rows themselves.
        let rows = [["i:地区", "i:年份", "i:规模以上工业企业", ""], ["i:大通县", "n:2020", "n:3", ""]]
        let book = try Workbook(data: Data(try workbook(sheets: [("s", sheetXML(rows, merges: ["C1:D1"]))])))
        #expect(try book.rows(of: book.sheets[0])[0] == ["地区", "年份", "规模以上工业企业", "规模以上工业企业"])
    }

    @Test func aSheetIsChosenByNameAndAMissingOneListsTheOthers() throws {
        let data = [["i:地区", "i:年份", "i:gdp"], ["i:大通县", "n:2020", "n:7"]]
        let other = [["i:地区", "i:年份", "i:gdp"], ["i:湟源县", "n:2020", "n:9"]]
        let bytes = try workbook(sheets: [("县市", sheetXML(data)), ("乡镇", sheetXML(other))], compressed: false)
        var loader = makeLoader()
        let f = try loader.load(bytes: bytes, name: "b.xlsx", settings: LoadSettings(sheet: "乡镇")).get()
        #expect(f.sheet == "乡镇" && loader.value("630123", "gdp", 2020) == 9 && loader.value("630121", "gdp", 2020) == nil)
        let d = diagnostics(loadOnce(bytes: bytes, name: "b.xlsx", settings: LoadSettings(sheet: "街道")))
        #expect(d.count == 1 && d[0].text.zh.contains("没有工作表“街道”：有 县市、乡镇"))
    }

    @Test(arguments: [
        ("a zip cut short", Array([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00] as [UInt8])),
        ("an archive without a workbook part", [] as [UInt8]),
    ])
    func aCorruptWorkbookIsOneClearError(name: String, bytes: [UInt8]) throws {
        var data = bytes
        if data.isEmpty {
            let archive = try Archive(data: Data(), accessMode: .create)
            let text = Data("hello".utf8)
            try archive.addEntry(with: "readme.txt", type: .file, uncompressedSize: Int64(text.count)) { p, s in text.subdata(in: Int(p)..<Int(p) + s) }
            data = Array(try #require(archive.data))
        }
        let d = diagnostics(loadOnce(bytes: data, name: "bad.xlsx"))
        #expect(d.count == 1 && d[0].file == "bad.xlsx", "\(name)")
        #expect(d[0].text.zh.contains("工作簿") && d[0].text.zh.contains("另存为"), "\(name): \(d)")
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
