@testable import CIEData
@testable import CIEReport
import Foundation
import FoundationXML
import Testing

/// The workbooks the writer makes, read back with cie's own reader (`Workbook`, `ZipArchive` of CIEData) and, where it
/// is installed, by LibreOffice.
@Suite struct XLSXWriterTests {
    static let longName = String(repeating: "长", count: 40)

    /// A workbook of the cases that matter: Chinese text, numbers, a gap in a row, a text with markup characters and
    /// a line break, sheet names Excel refuses, two sheets of one name.
    static let sample = XLSXWorkbook(sheets: [
        Sheet(name: "指标", rows: [
            [.text("地区"), .text("值"), .text("说明"), .text("年份")],
            [.text("大通回族土族自治县"), .number(4.5), .empty, .number(3)],
            [.text("湟源县"), .number(1_234_567.891), .text("a<&>\"b\n第二行"), .number(-0.25)],
        ]),
        Sheet(name: "a/b:c*d?e[f]g\\h", rows: [[.text("汇总"), .number(2)], [.text("合计"), .number(7)]], headerRows: 0),
        Sheet(name: longName, rows: [[.text("x")], [.number(1)]]),
        Sheet(name: "数据", rows: [[.text("first")]]),
        Sheet(name: "数据", rows: [[.text("second")]]),
        Sheet(name: "Bob's data", rows: [[.text("a"), .text("b")], [.number(1), .number(2)]]),
    ])

    static let sampleRows = [["地区", "值", "说明", "年份"], ["大通回族土族自治县", "4.5", "", "3"], ["湟源县", "1234567.891", "a<&>\"b 第二行", "-0.25"]]

    /// A part of an archive, through the reader's ZIP code (which checks its CRC-32).
    static func part(_ name: String, of bytes: [UInt8]) throws -> String {
        let archive = try #require(ZipArchive(bytes), "not a ZIP archive")
        let member = try #require(archive.members[name], "no \(name) among \(archive.members.keys.sorted())")
        let data = try #require(archive.extract(member), "\(name) does not inflate to its size and CRC-32")
        return String(decoding: data, as: UTF8.self)
    }

    @Test func readsBackThroughCIEsOwnReader() throws {
        let book = try Workbook(bytes: Self.sample.bytes())
        #expect(book.sheets.map(\.name) == ["指标", "a_b_c_d_e_f_g_h", String(repeating: "长", count: 31), "数据", "数据 (2)", "Bob's data"])
        #expect(try book.rows(of: book.sheet(named: "指标")) == Self.sampleRows)
        #expect(try book.rows(of: book.sheet(named: "a_b_c_d_e_f_g_h")) == [["汇总", "2"], ["合计", "7"]])
        #expect(try book.rows(of: book.sheet(named: String(repeating: "长", count: 31))) == [["x"], ["1"]])
        #expect(try book.rows(of: book.sheet(named: "数据")) == [["first"]])
        #expect(try book.rows(of: book.sheet(named: "数据 (2)")) == [["second"]])
    }

    /// What the loader makes of it: the numbers are numbers (the CSV form has them bare, not quoted as text).
    @Test func numbersAreWrittenAsNumbers() throws {
        let xml = try Self.part("xl/worksheets/sheet1.xml", of: Self.sample.bytes())
        #expect(xml.contains(#"<c r="B2"><v>4.5</v></c>"#))
        #expect(xml.contains(#"<c r="D2"><v>3</v></c>"#))
        #expect(xml.contains(#"<c r="B3"><v>1234567.891</v></c>"#))
        #expect(xml.contains(#"<c r="D3"><v>-0.25</v></c>"#))
        #expect(!xml.contains(#"r="C2""#), "an empty cell is left out")
        #expect(xml.contains(#"<c r="A2" t="inlineStr"><is><t xml:space="preserve">大通回族土族自治县</t></is></c>"#))
        #expect(xml.contains(#"<c r="C3" s="2" t="inlineStr"><is><t xml:space="preserve">a&lt;&amp;&gt;&quot;b"#), "a line break wraps")
    }

    @Test func numbersRoundTripInTheirShortestForm() {
        func text(_ d: Double) -> String {
            var out: [UInt8] = []
            XLSXWorkbook.appendNumber(d, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        let cases: [(Double, String)] = [
            (3, "3"), (-0.25, "-0.25"), (4.5, "4.5"), (1_234_567.891, "1234567.891"), (0, "0"), (-0.0, "0"), (0.1 + 0.2, "0.30000000000000004"),
            (1e-5, "1E-5"), (1e20, "1E20"), (1e15, "1000000000000000"), (-123_456_789_012, "-123456789012"), (2.5e-300, "2.5E-300"),
            (.greatestFiniteMagnitude, "1.7976931348623157E308"),
        ]
        for (value, written) in cases {
            #expect(text(value) == written)
            #expect(Double(text(value)) == value, "\(value) does not round-trip")
        }
        // NaN and infinity are no number Excel holds: the cell is left empty.
        let book = XLSXWorkbook(sheets: [Sheet(name: "s", rows: [[.number(.nan), .number(.infinity), .number(-.infinity), .number(1)]], headerRows: 0)])
        let xml = XLSXWorkbook.worksheet(book.sheets[0], selected: true)
        #expect(String(decoding: xml, as: UTF8.self).contains(#"<sheetData><row r="1"><c r="D1"><v>1</v></c></row></sheetData>"#))
    }

    /// Every part is well-formed XML, whatever the text holds: markup characters escaped, characters XML 1.0 forbids
    /// dropped, a carriage return kept as a reference.
    @Test func everyPartIsWellFormedXML() throws {
        let nasty = "a\u{0}b\u{1}c\u{8}d\u{B}e\u{C}f\u{1F}g\u{FFFE}h\u{FFFF}i\tj\r\nk<&>\"'l\u{7F}\u{85}"
        let book = XLSXWorkbook(sheets: Self.sample.sheets + [
            // The reader reads a line break in a cell as a space: the row after it is still the next row.
            Sheet(name: "x&y<z>\"\u{1}", rows: [[.number(1), .number(2)], [.text(nasty), .text("]]>")], [.number(3), .number(4)]]),
        ])
        let bytes = try book.bytes()
        let archive = try #require(ZipArchive(bytes))
        #expect(archive.members.count == 5 + book.sheets.count)
        for (name, member) in archive.members.sorted(by: { $0.key < $1.key }) {
            let data = try #require(archive.extract(member), "\(name)")
            let parser = XMLParser(data: Data(data))
            #expect(parser.parse(), "\(name) is not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        }
        let read = try Workbook(bytes: bytes)
        let sheet = try read.sheet(named: "x&y<z>\"")
        #expect(try read.rows(of: sheet) == [["1", "2"], ["abcdefghi\tj k<&>\"'l\u{7F}\u{85}", "]]>"], ["3", "4"]])
        let xml = try Self.part("xl/worksheets/sheet\(book.sheets.count).xml", of: bytes)
        #expect(xml.contains("i\tj&#13;\nk&lt;&amp;&gt;&quot;'l"))
    }

    @Test func sheetNamesFollowExcelsRules() {
        let names = XLSXWorkbook.sheetNames([
            "a/b:c*d?e[f]g\\h", String(repeating: "x", count: 40), String(repeating: "x", count: 40), "", "  ", "'quoted'",
            "Sheet", "sheet", "History", "数据", "数据", "数据", String(repeating: "😀", count: 20),
        ])
        #expect(names == [
            "a_b_c_d_e_f_g_h", String(repeating: "x", count: 31), String(repeating: "x", count: 27) + " (2)", "Sheet4", "Sheet5", "quoted",
            "Sheet", "sheet (2)", "History (2)", "数据", "数据 (2)", "数据 (3)", String(repeating: "😀", count: 15),
        ])
        for name in names { #expect(name.utf16.count <= 31) }
    }

    @Test func headersAreBoldFrozenAndFiltered() throws {
        let bytes = try Self.sample.bytes()
        let sheet1 = try Self.part("xl/worksheets/sheet1.xml", of: bytes)
        #expect(sheet1.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet1.contains(#"<autoFilter ref="A1:D3"/>"#))
        #expect(sheet1.contains(#"<c r="A1" s="1" t="inlineStr">"#))
        #expect(sheet1.contains(#"<dimension ref="A1:D3"/>"#))
        // A summary sheet: none of that.
        let sheet2 = try Self.part("xl/worksheets/sheet2.xml", of: bytes)
        #expect(!sheet2.contains("<pane") && !sheet2.contains("<autoFilter") && !sheet2.contains(#" s="1""#))
        let workbook = try Self.part("xl/workbook.xml", of: bytes)
        #expect(workbook.contains(#"<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'指标'!$A$1:$D$3</definedName>"#))
        #expect(workbook.contains(#"<definedName name="_xlnm._FilterDatabase" localSheetId="5" hidden="1">'Bob''s data'!$A$1:$B$2</definedName>"#))
        #expect(!workbook.contains(#"localSheetId="1""#))

        // Two header rows: both bold, the pane below the second, the filter on it.
        let two = XLSXWorkbook(sheets: [Sheet(name: "t", rows: [
            [.text("2020年县域主要指标")], [.text("地区"), .text("值"), .text("单位")], [.text("a"), .number(1), .text("个")], [.text("b"), .number(2)],
        ], headerRows: 2)])
        let xml = try Self.part("xl/worksheets/sheet1.xml", of: two.bytes())
        #expect(xml.contains(#"<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>"#))
        #expect(xml.contains(#"<autoFilter ref="A2:C4"/>"#))
        #expect(xml.contains(#"<c r="A1" s="1""#) && xml.contains(#"<c r="C2" s="1""#) && xml.contains(#"<c r="A3" t="inlineStr""#))
        #expect(try Self.part("xl/workbook.xml", of: two.bytes()).contains("'t'!$A$2:$C$4"))
    }

    /// Widths in Excel's unit (a digit): the widest line by display width (a Chinese character two) + 2, within 6…60;
    /// a header with the filter's button two more.
    @Test func columnWidthsFitTheContent() throws {
        let sheet = Sheet(name: "w", rows: [
            [.text("地区"), .text("值"), .text("x"), .text("说明"), .text("多行")],
            [.text("大通回族土族自治县"), .number(1_234_567.891), .empty, .text(String(repeating: "很长的说明", count: 20)), .text("第一行\n第二行较长一些")],
            [.text("湟源县"), .number(-0.25), .number(1), .empty, .empty],
        ])
        let xml = String(decoding: XLSXWorkbook.worksheet(sheet, selected: true), as: UTF8.self)
        #expect(xml.contains(#"<cols><col min="1" max="1" width="20" customWidth="1"/><col min="2" max="2" width="13" customWidth="1"/>"#
            + #"<col min="3" max="3" width="6" customWidth="1"/><col min="4" max="4" width="60" customWidth="1"/>"#
            + #"<col min="5" max="5" width="16" customWidth="1"/></cols>"#))
        let years = Sheet(name: "y", rows: [[.text("年份"), .text("年份")], [.number(2020), .number(2020)]])
        #expect(String(decoding: XLSXWorkbook.worksheet(years, selected: true), as: UTF8.self).contains(#"<col min="1" max="1" width="8" customWidth="1"/>"#))
        let summary = Sheet(name: "y", rows: years.rows, headerRows: 0)
        #expect(String(decoding: XLSXWorkbook.worksheet(summary, selected: true), as: UTF8.self).contains(#"<col min="1" max="1" width="6" customWidth="1"/>"#))
    }

    /// References past Z (AA, AZ, BA …), as the reader numbers columns.
    @Test func wideRowsReadBack() throws {
        let row = (0..<800).map { SheetCell.number(Double($0)) }
        let book = try Workbook(bytes: XLSXWorkbook(sheets: [Sheet(name: "wide", rows: [row, row], headerRows: 0)]).bytes())
        #expect(try book.rows(of: book.sheets[0]) == [row, row].map { $0.indices.map(String.init) })
        for c in [0, 25, 26, 51, 52, 701, 702, 16_383] { #expect(XLSXWorkbook.columnLetters(c) == Workbook.columnLetters(c)) }
    }

    @Test func sameSheetsMakeTheSameBytes() throws {
        #expect(try Self.sample.bytes() == (try Self.sample.bytes()))
        // No sheet: Excel opens no such workbook, so it has an empty one.
        #expect((try? Workbook(bytes: XLSXWorkbook(sheets: []).bytes()).sheets.map(\.name)) == ["Sheet1"])
    }

    // MARK: The ZIP archive

    @Test func repetitiveMembersAreDeflated() throws {
        let rows: [[SheetCell]] = [[.text("地区"), .text("指标"), .text("值")]]
            + (0..<5000).map { [.text("大通回族土族自治县"), .text("地区生产总值"), .number(Double($0) * 1.5)] }
        let bytes = try XLSXWorkbook(sheets: [Sheet(name: "大", rows: rows)]).bytes()
        let archive = try #require(ZipArchive(bytes))
        let member = try #require(archive.members["xl/worksheets/sheet1.xml"])
        #expect(member.method == 8)
        #expect(member.size > 500_000)
        #expect(bytes.count * 8 < Int(member.size), "\(bytes.count) bytes for \(member.size) of XML")
        // Every member inflates and matches its CRC-32.
        for (name, m) in archive.members { #expect(archive.extract(m) != nil, "\(name)") }
        let book = try Workbook(bytes: bytes)
        #expect(try book.rows(of: book.sheets[0]).count == 5001)
    }

    @Test func zipMembersStoredWhenDeflateDoesNotShrinkThem() throws {
        var random = SystemRandomNumberGenerator()
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
        var zip = ZipWriter()
        try zip.add("噪声/noise.bin", noise)
        try zip.add("empty", [])
        try zip.add("text.txt", Array(String(repeating: "县域创新", count: 1000).utf8))
        let bytes = try zip.archive()
        let archive = try #require(ZipArchive(bytes))
        let stored = try #require(archive.members["噪声/noise.bin"])
        #expect(stored.method == 0 && stored.compressedSize == 4096)
        #expect(archive.extract(stored) == noise)
        #expect(archive.members["empty"].map { $0.method == 0 && $0.size == 0 } == true)
        #expect(archive.members["empty"].flatMap(archive.extract) == [])
        let text = try #require(archive.members["text.txt"])
        #expect(text.method == 8 && text.compressedSize < 200)
        // The first local header: version 2.0, UTF-8 names (bit 11), stored, 00:00 on 1980-01-01.
        #expect(Array(bytes[0..<14]) == [0x50, 0x4B, 0x03, 0x04, 20, 0, 0x00, 0x08, 0, 0, 0, 0, 0x21, 0])
    }

    @Test func zipRefusesMoreMembersThanItsEndRecordCounts() throws {
        var zip = ZipWriter()
        for i in 0..<ZipWriter.maximumMembers { try zip.add("\(i)", []) }
        #expect(throws: ZipWriter.Problem.tooManyMembers) { try zip.add("one more", []) }
        let archive = try #require(ZipArchive(try zip.archive()))
        #expect(archive.members.count == 65_534)
    }

    /// 10,000 rows × 16 columns, as a national report's results: the size and the time, printed (not asserted).
    @Test func aNationalSheetIsQuickToWrite() throws {
        let header: [SheetCell] = (0..<16).map { .text("指标\($0 + 1)") }
        let rows: [[SheetCell]] = [header] + (0..<10_000).map { r in
            (0..<16).map { c -> SheetCell in
                switch c {
                case 0: .text("第\(r % 2900)县")
                case 1: .text(["达标", "未达标", "无数据"][r % 3])
                case 2, 3: .text("地区生产总值（亿元）")
                case 15: r % 7 == 0 ? .empty : .text("说明\(r)")
                default: .number(Double(r * c) / 7)
                }
            }
        }
        let book = XLSXWorkbook(sheets: [Sheet(name: "结果", rows: rows)])
        let clock = ContinuousClock()
        var bytes: [UInt8] = []
        let elapsed = clock.measure { bytes = (try? book.bytes()) ?? [] }
        print("XLSXWriter: 10,000 rows × 16 columns: \(bytes.count) bytes in \(elapsed)")
        let read = try Workbook(bytes: bytes)
        let back = try read.rows(of: read.sheets[0], limit: 9)
        #expect(try Self.part("xl/worksheets/sheet1.xml", of: bytes).hasSuffix(#"</row></sheetData><autoFilter ref="A1:P10001"/></worksheet>"#))
        #expect(back[2].prefix(3) == ["第1县", "未达标", "地区生产总值（亿元）"])
        #expect(back[8][4] == "4", "7 × 4 / 7")
    }


    // MARK: LibreOffice

    /// LibreOffice reads the workbook: its CSV export of the first sheet holds the Chinese text and the numbers; its
    /// own .xlsx export keeps the auto-filter and reads back; and, through UNO where python3-uno is installed, each
    /// sheet's pane is frozen below its headers, the headers are bold and the filter covers the table. (A headless
    /// `--convert-to` writes no view settings whatever it read, so only a loaded document shows the frozen pane.)
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CIE_NO_LIBREOFFICE"] != "1", "CIE_NO_LIBREOFFICE=1"))
    func libreOfficeOpensTheWorkbook() throws {
        guard let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Issue.record("LibreOffice is not installed: apt-get install libreoffice-calc-nogui (or set CIE_NO_LIBREOFFICE=1 to skip this test)")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cie-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("样例.xlsx")
        try Data(Self.sample.bytes()).write(to: file)
        // A profile of its own: LibreOffice runs one instance per profile, and a second run would hand its work to
        // the first (or wait on its lock).
        let profile = "-env:UserInstallation=" + dir.appendingPathComponent("profile").absoluteString
        func convert(_ filter: String, into out: URL) throws {
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            _ = try Self.run(soffice, [profile, "--headless", "--norestore", "--convert-to", filter, "--outdir", out.path, file.path], log: dir.appendingPathComponent("soffice.log"))
        }

        // 44: comma, 34: double quote, 76: UTF-8 (without it the Chinese is written as ?), 1: from line 1.
        try convert("csv:Text - txt - csv (StarCalc):44,34,76,1", into: dir.appendingPathComponent("csv"))
        let csv = try String(contentsOf: dir.appendingPathComponent("csv/样例.csv"), encoding: .utf8)
        var reader = CSVReader(FileBytes(Array(csv.utf8)))
        var row = CSVRow(line: 0, fields: [])
        var rows: [[String]] = []
        while try reader.next(into: &row) { rows.append(row.fields.map { reader.string($0) }) }
        // LibreOffice keeps the line break the cell holds (cie's reader reads it as a space, keeping rows as rows).
        #expect(rows == Self.sampleRows.map { $0.map { $0.replacingOccurrences(of: "b 第二行", with: "b\n第二行") } }, "LibreOffice's CSV:\n\(csv)")

        try convert("xlsx", into: dir.appendingPathComponent("xlsx"))
        let again = Array(try Data(contentsOf: dir.appendingPathComponent("xlsx/样例.xlsx")))
        #expect(try Self.part("xl/worksheets/sheet1.xml", of: again).contains(#"<autoFilter ref="A1:D3""#))
        let book = try Workbook(bytes: again)
        #expect(book.sheets.map(\.name) == ["指标", "a_b_c_d_e_f_g_h", String(repeating: "长", count: 31), "数据", "数据 (2)", "Bob's data"])
        #expect(try book.rows(of: book.sheets[0]) == Self.sampleRows)

        // The view, through UNO.
        let script = dir.appendingPathComponent("view.py")
        try Self.viewScript.write(to: script, atomically: true, encoding: .utf8)
        let python = "/usr/bin/python3"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            print("XLSXWriterTests: no \(python): the frozen panes are not checked (apt-get install python3-uno)")
            return
        }
        let output = try Self.run(python, [script.path, soffice, profile, "cie-xlsx-\(UUID().uuidString)", file.path], log: dir.appendingPathComponent("python.log"), quiet: true)
        if output.contains("No module named 'uno'") {
            print("XLSXWriterTests: python3-uno is not installed: the frozen panes are not checked (apt-get install python3-uno)")
            return
        }
        struct View: Decodable, Equatable { var name: String; var frozenRows: Int; var filter: [Int]?; var boldA1: Bool }
        let json = try #require(output.split(separator: "\n").last(where: { $0.hasPrefix("[") }), "UNO:\n\(output)")
        let views = try JSONDecoder().decode([View].self, from: Data(json.utf8))
        #expect(views == [
            View(name: "指标", frozenRows: 1, filter: [0, 0, 3, 2], boldA1: true),
            View(name: "a_b_c_d_e_f_g_h", frozenRows: 0, filter: nil, boldA1: false),
            View(name: String(repeating: "长", count: 31), frozenRows: 1, filter: [0, 0, 0, 1], boldA1: true),
            View(name: "数据", frozenRows: 1, filter: [0, 0, 0, 0], boldA1: true),
            View(name: "数据 (2)", frozenRows: 1, filter: [0, 0, 0, 0], boldA1: true),
            View(name: "Bob's data", frozenRows: 1, filter: [0, 0, 1, 1], boldA1: true),
        ])
    }

    /// Starts LibreOffice on a pipe of its own, loads the workbook hidden, and prints each sheet's view as JSON:
    /// the rows frozen, the auto-filter's range (column, row, column, row), whether A1 is bold.
    static let viewScript = #"""
        import json, subprocess, sys, time
        import uno
        from com.sun.star.beans import PropertyValue
        soffice, profile, pipe, path = sys.argv[1:5]
        office = subprocess.Popen([soffice, profile, "--headless", "--norestore", "--invisible", f"--accept=pipe,name={pipe};urp;"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        desktop = None
        try:
            local = uno.getComponentContext()
            resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
            for attempt in range(150):
                try:
                    context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                    break
                except Exception:
                    if attempt == 149 or office.poll() is not None:
                        raise
                    time.sleep(0.2)
            desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            hidden = PropertyValue()
            hidden.Name, hidden.Value = "Hidden", True
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (hidden,))
            view, filters, sheets = doc.getCurrentController(), doc.getPropertyValue("UnnamedDatabaseRanges"), []
            for i in range(doc.Sheets.Count):
                sheet = doc.Sheets.getByIndex(i)
                view.setActiveSheet(sheet)
                area = None
                if filters.hasByTable(i) and filters.getByTable(i).AutoFilter:
                    a = filters.getByTable(i).DataArea
                    area = [a.StartColumn, a.StartRow, a.EndColumn, a.EndRow]
                sheets.append({"name": sheet.Name, "frozenRows": view.SplitRow if view.hasFrozenPanes() else 0, "filter": area,
                               "boldA1": sheet.getCellByPosition(0, 0).CharWeight > 100})
            doc.close(True)
            print(json.dumps(sheets, ensure_ascii=False), flush=True)
        finally:
            try:
                desktop.terminate()
            except Exception:
                pass
            try:
                office.wait(timeout=20)
            except Exception:
                office.kill()
        """#

    /// Runs a program, killed after 60 s; its output (stdout and stderr, in `log`) returned, and shown when it
    /// fails unless `quiet`.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], log: URL, quiet: Bool = false) throws -> String {
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        let command = ([executable] + arguments).joined(separator: " ")
        if done.wait(timeout: .now() + 60) == .timedOut {
            process.terminate()
            if done.wait(timeout: .now() + 5) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                _ = done.wait(timeout: .now() + 5)
            }
            Issue.record("\(command) did not finish in 60 s: killed")
        }
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        if !quiet || !text.contains("No module named 'uno'") {
            #expect(process.terminationStatus == 0, "\(command) exited with \(process.terminationStatus):\n\(text)")
        }
        return text
    }
}

@Suite struct XLSXGridTests {
    /// A sheet past Excel's grid is refused with what to write instead, not written as a file Excel cannot open.
    @Test func aSheetPastExcelsGridIsRefused() {
        let wide = XLSXWorkbook(sheets: [Sheet(name: "宽", rows: [Array(repeating: .number(1), count: XLSXWorkbook.maxColumns + 1)])])
        #expect { try wide.bytes() } throws: { ($0 as? FormatError)?.message.zh.contains(".csv") == true }
        let fits = XLSXWorkbook(sheets: [Sheet(name: "宽", rows: [Array(repeating: .number(1), count: XLSXWorkbook.maxColumns)])])
        #expect((try? fits.bytes())?.isEmpty == false)
    }
}
