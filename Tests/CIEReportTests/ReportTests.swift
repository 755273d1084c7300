import CIECore
@testable import CIEReport
import Foundation
import Testing

@Suite struct DisplayWidthTests {
    @Test func chineseAndFullWidthTakeTwoColumns() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("大通县") == 6)
        #expect(DisplayWidth.of("４．５％") == 8)
        #expect(DisplayWidth.of("４.５％") == 7)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("—") == 1)
        #expect(DisplayWidth.pad("县", to: 4) == "县  ")
        #expect(DisplayWidth.truncate("大通回族土族自治县", to: 7) == "大通回…")
    }

    @Test func tableColumnsLineUpWithChineseText() {
        let text = TableFormatter.render(header: ["地区", "值"], rows: [["大通回族土族自治县", "1"], ["城东区", "22"], ["abc", "3"]], lastUnpadded: false)
        let lines = text.split(separator: "\n").map(String.init)
        // The second column starts at the same display column on every line: 18 (the widest name) + 2.
        let rows = [("地区", "值"), ("大通回族土族自治县", "1"), ("城东区", "22"), ("abc", "3")]
        for (line, (_, value)) in zip(lines.filter { !$0.hasPrefix("─") }, rows) {
            #expect(DisplayWidth.of(line) - DisplayWidth.of(value) == 20, "\(line)")
        }
    }

    /// On a terminal no line wraps: the detail is cut first, then the widest text column; numbers stay whole.
    @Test func tablesFitTheTerminalWidth() {
        let header = ["目标", "地区", "代码", "观测值", "要求", "说明"]
        let rows = [["QH-02", "河南蒙古族自治县", "632324", "1234567.89", "较 2015 年翻一番（≥ 2 倍）以上", String(repeating: "截止年 2020 年：达标。", count: 8)],
                    ["QH-06", "城东区", "630102", "4.80", "≥ 4.5", ""]]
        let wide = TableFormatter.render(header: header, rows: rows, rightAligned: [3])
        #expect(wide.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max()! > 150)
        for width in [120, 90, 70] {
            let lines = TableFormatter.render(header: header, rows: rows, rightAligned: [3], width: width).split(separator: "\n").map(String.init)
            #expect(lines.allSatisfy { DisplayWidth.of($0) < width }, "\(width): \(lines)")
            #expect(lines[2].contains("1234567.89") && lines[2].contains("632324"))
            #expect(lines[2].hasSuffix("…"))
        }
        // At 70 columns the detail is down to 12 and the requirement is cut too; the region keeps at least 8 columns.
        let narrow = TableFormatter.render(header: header, rows: rows, rightAligned: [3], width: 70).split(separator: "\n").map(String.init)
        #expect(narrow[2].contains("较 2015") && !narrow[2].contains("以上"))
        #expect(narrow[2].contains("河南蒙古"))
    }
}

@Suite struct FormatterTests {
    func report() -> CheckReport {
        var regions = RegionTable()
        let p = regions.add(Region(code: "630000", name: "青海省", type: .province, parent: nil))
        let c = regions.add(Region(code: "630121", name: "大通回族土族自治县", type: .county, parent: p))
        let results = [
            TargetResult(target: "QH-06", region: c, scope: .county, status: .met, observed: 4.8, required: LocalizedText("≥ 4.5"), unit: .percent,
                         deadline: 2020, strength: .binding, detail: LocalizedText(zh: "说明, 含逗号", en: "a \"quoted\" detail"), gap: 0.3),
            TargetResult(target: "QH-08", region: p, scope: .jurisdiction, status: .noData, observed: nil, required: LocalizedText("每年 ≥ 300"), unit: .ren,
                         deadline: 2020, strength: .binding, detail: LocalizedText("缺少数据")),
        ]
        struct P: PolicyModule {
            var id: String { "qinghai" }
            var name: LocalizedText { LocalizedText(zh: "青海省", en: "Qinghai") }
            var document: PolicyDocument { PolicyDocument(number: "青政办〔2018〕6号", title: "t", issuer: "i", issued: "2018", status: .inForce, jurisdictionCode: "630000") }
            var targets: [Target] { [] }
        }
        return CheckReport(policy: P(), year: 2020, results: results, regions: regions)
    }

    @Test func jsonHasSpecsShape() throws {
        let text = try JSONFormatter().text(.check(report()), FormatOptions())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let policy = try #require(object["policy"] as? [String: Any])
        #expect(policy["id"] as? String == "qinghai" && policy["document"] as? String == "青政办〔2018〕6号" && policy["status"] as? String == "in_force")
        #expect(object["year"] as? Int == 2020)
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.count == 2)
        let first = results[0]
        for key in ["target", "region", "scope", "status", "observed", "required", "unit", "deadline", "strength", "detail"] {
            #expect(first[key] != nil, "missing \(key)")
        }
        #expect((first["region"] as? [String: String]) == ["code": "630121", "name": "大通回族土族自治县"])
        #expect(first["observed"] as? Double == 4.8)
        #expect(first["gap"] as? Double == 0.3)
        #expect(results[1]["observed"] is NSNull)
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["met": 1, "not_met": 0, "on_track": 0, "off_track": 0, "no_data": 1, "not_applicable": 0, "error": 0])
    }

    @Test func csvOpensInExcel() throws {
        let text = try CSVFormatter().text(.check(report()), FormatOptions())
        // No BOM in the text for standard output; a file gets one, so Excel on Chinese Windows reads UTF-8, not GBK.
        #expect(text.hasPrefix("目标,代码,地区,"))
        #expect(text.contains("\r\n"))
        #expect(text.contains("\"说明, 含逗号\""))
        let en = try CSVFormatter().text(.check(report()), FormatOptions(language: .en))
        #expect(en.contains("\"a \"\"quoted\"\" detail\""))
        let file = try CSVFormatter().file(.check(report()), FormatOptions())
        #expect(file.prefix(3) == [0xEF, 0xBB, 0xBF] && Array(file.dropFirst(3)) == Array(text.utf8))
    }

    @Test func tableColoursOnlyWhenAsked() throws {
        let plain = try TableFormatter().text(.check(report()), FormatOptions(color: false))
        #expect(!plain.contains("\u{1B}["))
        #expect(plain.contains("达标") && plain.hasSuffix("（青海省 青政办〔2018〕6号，2020 年）\n"))
        #expect(plain.contains("共 2 项：达标 1，数据不足 1"))
        let colored = try TableFormatter().text(.check(report()), FormatOptions(color: true))
        #expect(colored.contains("\u{1B}[32m"))
        let en = try TableFormatter().text(.check(report()), FormatOptions(language: .en))
        #expect(en.contains("met") && en.contains("2 results: met 1, no data 1"))
    }

    @Test func everyFormatIsRegisteredAndEscapes() throws {
        #expect(Formatters.all.map(\.id) == ["table", "json", "csv", "markdown", "html", "junit", "xlsx"])
        #expect(Formatters.named("md")?.id == "markdown" && Formatters.named("xml")?.id == "junit")
        #expect(Formatters.forExtension("HTML")?.id == "html" && Formatters.forExtension("xlsx")?.id == "xlsx")
        let html = try HTMLFormatter().text(.check(report()), FormatOptions(language: .en))
        #expect(html.contains("&quot;quoted&quot;"))
        #expect(html.contains("<html lang=\"en\">"))
        #expect(try HTMLFormatter().text(.check(report()), FormatOptions()).contains("<html lang=\"zh-CN\">"))
        let junit = try JUnitFormatter().text(.check(report()), FormatOptions())
        #expect(junit.contains("tests=\"2\"") && junit.contains("<skipped"))
        #expect(try MarkdownFormatter().text(.check(report()), FormatOptions()).contains("| QH-06 | 大通回族土族自治县 |"))
    }

    /// Every format takes every kind of result, or refuses it with a message saying what to use: never a crash, and
    /// no command has to know which format can do what.
    @Test func everyFormatTakesEveryKindOrSaysWhatToUse() throws {
        var listing = Listing(keys: ["region", "value", "bar"], header: ["地区", "值", ""], cells: [["城东区", .number(4.5, shown: "4.50"), "████"]], rightAligned: [1])
        listing.tableOnly = [2]
        listing.title = "标题"
        let kinds: [Report] = [.check(report()), .listing(listing), .policy(PolicyReport(check: report(), reviews: []))]
        for f in Formatters.all {
            for kind in kinds {
                do {
                    let bytes = try f.file(kind, FormatOptions())
                    #expect(!bytes.isEmpty, "\(f.id)")
                } catch let e as FormatError {
                    // The message names what to use instead: another format, or a file.
                    let names = Formatters.all.filter { $0.id != f.id }.flatMap { [$0.id] + $0.extensions.map { "." + $0 } } + ["--output"]
                    #expect(names.contains { e.message.zh.contains($0) && e.message.en.contains($0) }, "\(f.id): \(e.message.zh)")
                }
            }
        }
        // The pictures of a list are for the terminal; the data formats carry the numbers.
        let csv = try CSVFormatter().text(.listing(listing), FormatOptions())
        #expect(csv == "地区,值\r\n城东区,4.5\r\n")
        #expect(try TableFormatter().text(.listing(listing), FormatOptions()).contains("████"))
        #expect(throws: FormatError.self) { try XLSXFormatter().text(.check(report()), FormatOptions()) }
        #expect(throws: FormatError.self) { try JUnitFormatter().text(.listing(listing), FormatOptions()) }
        #expect(throws: FormatError.self) { try CSVFormatter().text(.policy(PolicyReport(check: report(), reviews: [])), FormatOptions()) }
    }

    @Test func sparklinesAndBars() {
        #expect(TextChart.sparkline([1, 2, 3, nil, 8]) == "▁▂▃ █")
        #expect(TextChart.sparkline([5, 5]) == "▄▄")
        #expect(TextChart.sparkline([nil, nil]) == "  ")
        #expect(TextChart.bar(10, max: 10, width: 4) == "████")
        #expect(TextChart.bar(5, max: 10, width: 4) == "██")
        #expect(TextChart.bar(1, max: 10, width: 4) == "▍" && TextChart.bar(0, max: 10, width: 4) == "" && TextChart.bar(-3, max: 10, width: 4) == "")
    }

    /// Every unit with the same large value and no requirement line: the scale is widened, not divided by zero (it
    /// looped for ever, or trapped on NaN).
    @Test func chartsOfEqualValuesHaveAScale() throws {
        for value in [3_000_000.0, 20_000_000, 0, -5] {
            var regions = RegionTable()
            let p = regions.add(Region(code: "220000", name: "吉林省", type: .province, parent: nil))
            let units = (0..<3).map { regions.add(Region(code: "22010\($0)", name: "县\($0)", type: .county, parent: p)) }
            let results = units.map { u in
                TargetResult(target: "JL-03", region: u, scope: .county, status: .met, observed: value, required: LocalizedText("有"), unit: .wanYuan,
                             deadline: 2020, strength: .binding, detail: LocalizedText(""))
            }
            struct P: PolicyModule {
                var id: String { "jilin" }
                var name: LocalizedText { LocalizedText(zh: "吉林省", en: "Jilin") }
                var document: PolicyDocument { PolicyDocument(number: "吉政办发〔2019〕1号", title: "t", issuer: "i", issued: "2019", status: .inForce, jurisdictionCode: "220000") }
                var targets: [Target] { [] }
            }
            let html = try HTMLFormatter().text(.check(CheckReport(policy: P(), year: 2020, results: results, regions: regions)), FormatOptions())
            for bad in ["=\"nan", "=\"-nan", "=\"inf", "=\"-inf"] { #expect(!html.contains(bad), "\(value)") }
            #expect(html.contains("<svg"))
        }
    }

    /// 8. Exports cannot be turned against their readers: a CSV text a spreadsheet would run (=, +, -, @) is written
    /// inert, numbers stay numbers; Markdown shows HTML as text.
    @Test func exportsDoNotCarryFormulasOrHTML() throws {
        let listing = Listing(keys: ["region", "value", "note"], header: ["地区", "值", "说明"],
                              cells: [["=HYPERLINK(\"http://x\",\"点击\")", .number(-0.25, shown: "-0.25"), "@SUM(A1)"], ["<script>alert(1)</script>", .number(1, shown: "1"), "+1"]])
        let csv = try CSVFormatter().text(.listing(listing), FormatOptions())
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\",-0.25,'@SUM(A1)\r\n"), "\(csv)")
        #expect(csv.contains(",'+1\r\n"))
        let md = try MarkdownFormatter().text(.listing(listing), FormatOptions())
        #expect(!md.contains("<script>") && md.contains("\\<script\\>"), "\(md)")
    }

    /// 4. A table shows a name's control characters as escapes and aligns the columns on what it shows.
    @Test func tablesShowControlCharactersAsEscapes() {
        let text = TableFormatter.render(header: ["地区", "值"], rows: [["恶意\u{1B}]0;x\u{07}县", "1"], ["城东区", "22"]], lastUnpadded: false)
        #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[2].hasPrefix("恶意\\e]0;x\\x07县") && DisplayWidth.of(lines[2]) - 1 == DisplayWidth.of(lines[3]) - 2, "\(lines)")
    }
}
