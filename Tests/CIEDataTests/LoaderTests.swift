import CIECore
@testable import CIEData
import Foundation
import Testing

func makeLoader() -> DataLoader { DataLoader(regions: BuiltinRegions.table, catalogue: IndicatorCatalogue(), store: DataStore()) }

extension DataLoader {
    mutating func load(_ text: String, name: String = "t.csv") -> Result<LoadedFile, LoadFailure> { load(bytes: Array(text.utf8), name: name) }
    func value(_ region: String, _ indicator: String, _ year: Int) -> Double? {
        guard let r = regions.index(code: region), let i = catalogue.lookup(indicator) else { return nil }
        return store.value(i, r, year)
    }
}

/// A load into a fresh loader, for tests that only look at the result.
func loadOnce(_ text: String) -> Result<LoadedFile, LoadFailure> {
    var loader = makeLoader()
    return loader.load(text)
}

func loadOnce(bytes: [UInt8], name: String, settings: LoadSettings = LoadSettings()) -> Result<LoadedFile, LoadFailure> {
    var loader = makeLoader()
    return loader.load(bytes: bytes, name: name, settings: settings)
}

/// Loads `text` from a file on disk, opened as `load` opens a large file: by its first `head` bytes, the rest read
/// as it comes (`FileBytes.rest`; with `ParallelCSV.minimumBytes` at 0, every file). The file is named `name`
/// in what the load says, as a load of bytes is.
func loadFromDisk(_ text: String, name: String = "t.csv", into loader: inout DataLoader, head: Int = 256,
                  settings: LoadSettings = LoadSettings()) throws -> Result<LoadedFile, LoadFailure> {
    try loadFromDisk(bytes: Array(text.utf8), name: name, into: &loader, head: head, settings: settings)
}

func loadFromDisk(bytes: [UInt8], name: String = "t.csv", into loader: inout DataLoader, head: Int = 256,
                  settings: LoadSettings = LoadSettings()) throws -> Result<LoadedFile, LoadFailure> {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cie-disk-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    // The path is in the file's own problems and in messages that name an earlier place of it.
    func named(_ ds: [Diagnostic]) -> [Diagnostic] {
        ds.map {
            var d = $0
            if d.file == path { d.file = name }
            d.text = LocalizedText(zh: d.text.zh.replacingOccurrences(of: path, with: name), en: d.text.en.replacingOccurrences(of: path, with: name))
            return d
        }
    }
    switch LoadTuning.with(headBytes: head, { loader.load(paths: [path], settings: settings) }) {
    case .success(let files):
        var file = files[0]
        file.path = name
        file.diagnostics = named(file.diagnostics)
        return .success(file)
    case .failure(let f): return .failure(LoadFailure(named(f.diagnostics), columns: f.columns))
    }
}

func diagnostics(_ r: Result<LoadedFile, LoadFailure>) -> [Diagnostic] {
    if case .failure(let f) = r { return f.diagnostics }
    return []
}

@Suite struct LoaderErrorTests {
    /// Each bad input gives an error at the right line and column, and loads nothing.
    @Test(arguments: [
        ("region,year,indicator,value\n630121,2020,gdp,1,2\n", 2, 19, "ragged row"),
        ("region,year,indicator,value\n630121,2020,gdp,1\n\"630123,2020,gdp,2\n", 3, 1, "unbalanced quote"),
        ("region,year,indicator,value\n630121,2020,gdp,abc\n", 2, 17, "cannot read"),
        ("region,year,indicator,value\n大通镇,2020,gdp,1\n", 2, 1, "大通回族土族自治县 (630121, 青海省)"),
        ("region,year,indicator,value\n玉树,2020,gdp,1\n", 2, 1, "玉树市 (632701, 青海省)"),
        ("region,year,indicator,value\n630121,1899,gdp,1\n", 2, 8, "out of range"),
        ("region,year,indicator,value\n630121,二〇二〇,gdp,1\n", 2, 8, "not a year"),
        ("region,year,indicator,value\n630121,2020,science_literacy_rate,5家\n", 2, 35, "wrong unit"),
        ("region,year,indicator,value\n630121,2020,incubators,-1\n", 2, 24, "negative count"),
        ("region,year,indicator,value\n630121,2020,gdp,inf\n", 2, 17, "NaN or infinity"),
        ("region,year,indicator,value\n630121,2020,science_literacy_rat,4\n", 2, 13, "did you mean science_literacy_rate"),
        ("region,year,indicator,value,unit\n630121,2020,gdp,4,斤\n", 2, 19, "unknown unit"),
        ("foo,bar\n1,2\n", 1, 1, "unrecognised header"),
        ("region,year,indicator,value\n630121,2020,gdp,\"" + String(repeating: "9", count: 5000) + "\"\n", 2, 17, "longer than"),
        ("region,year,indicator,value\n630121,2020,gdp,4\"5\n", 2, 18, "stray quote"),
    ] as [(String, Int, Int, String)])
    func badInput(text: String, line: Int, column: Int, message: String) {
        var loader = makeLoader()
        let d = diagnostics(loader.load(text))
        #expect(d.contains { $0.line == line && $0.column == column && $0.message.contains(message) }, "\(d)")
        #expect(loader.store.isEmpty, "nothing loaded")
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        var loader = makeLoader()
        let d = diagnostics(loader.load("region,year,indicator,value\nX,2020,gdp,1\n630121,3000,gdp,1\n630121,2020,gdp,zz\n630123,2020,gdp,5\n"))
        #expect(d.map(\.line) == [2, 3, 4])
        #expect(d.first!.description.hasPrefix("t.csv:2:1: error: unknown region"))
    }

    @Test func aStrayQuoteSkipsItsLineAndLaterProblemsAreStillReported() {
        var loader = makeLoader()
        let d = diagnostics(loader.load("region,year,indicator,value\n630121,2020,gdp,4\"5\n630121,2020,incubators,x\n"))
        #expect(d.map(\.line) == [2, 3])
    }

    @Test func aDecimalCommaIsRefusedNotReadAsThousands() {
        var loader = makeLoader()
        #expect(diagnostics(loader.load("region,year,indicator,value\n630121,2020,science_literacy_rate,\"4,5\"\n")).first?.message.contains("cannot read") == true)
        #expect(diagnostics(loader.load("region,year,indicator,value\n630121,2020,gdp,\"1,5000\"\n")).count == 1)
    }

    @Test func countsAreWholeNumbers() {
        var loader = makeLoader()
        #expect(diagnostics(loader.load("region,year,indicator,value\n630121,2020,incubators,1.5\n")).first?.message.contains("whole number") == true)
    }

    /// 1.62 × 10⁴ is 16200.000000000002 in binary: still the whole number 16,200.
    @Test func countsWrittenInTenThousandsAreWholeAfterConversion() throws {
        var loader = makeLoader()
        _ = try loader.load("region,year,indicator,value\n330000,2020,instrument_sharing_times,1.62万台次\n330000,2021,instrument_sharing_times,1.63万\n").get()
        #expect(loader.value("330000", "instrument_sharing_times", 2020) == 16200)
        #expect(loader.value("330000", "instrument_sharing_times", 2021) == 16300)
    }

    @Test func hostileJSONNumbersAndEscapesAreErrorsNotCrashes() {
        var loader = makeLoader()
        for text in ["{\"observations\": [{\"region\": \"630121\", \"year\": 2020, \"indicator\": \"gdp\", \"value\": 1e400}]}",
                     "{\"observations\": [{\"region\": \"630121\", \"year\": 1e19, \"indicator\": \"gdp\", \"value\": 1}]}",
                     "{\"observations\": [{\"region\": \"630121\\uD800\\u0041\", \"year\": 2020, \"indicator\": \"gdp\", \"value\": 1}]}"] {
            #expect(!diagnostics(loader.load(text, name: "h.json")).isEmpty, "\(text)")
        }
    }

    @Test func minifiedJSONLoadsInLinearTime() throws {
        var loader = makeLoader()
        let items = (0..<20_000).map { "{\"region\":\"630121\",\"year\":\(1950 + $0 % 150),\"indicator\":\"c\($0 / 150)\",\"value\":\($0)}" }
        let text = "{\"observations\":[" + items.joined(separator: ",") + "]}"
        let f = try loader.load(text, name: "m.json").get()
        #expect(f.observations == 20_000)
    }

    @Test func conflictingDuplicatesNameBothPlaces() {
        var loader = makeLoader()
        let d = diagnostics(loader.load("region,year,indicator,value\n630121,2020,gdp,1\n大通县,2020,gdp,2\n630121,2020,gdp,1\n"))
        #expect(d.count == 1)
        #expect(d[0].line == 3 && d[0].message.contains("t.csv:2:17"))
    }

    @Test func aConflictWithAnEarlierFileNamesThatFileAndLeavesTheStoreAsItWas() throws {
        var loader = makeLoader()
        _ = try loader.load("region,year,indicator,value\n630121,2020,gdp,1\n", name: "first.csv").get()
        let d = diagnostics(loader.load("region,year,indicator,value\n630123,2020,gdp,7\n630121,2020,gdp,2\n", name: "second.csv"))
        #expect(d.count == 1 && d[0].message.contains("first.csv:2:17"))
        #expect(loader.value("630123", "gdp", 2020) == nil, "the whole second file was refused")
        #expect(loader.value("630121", "gdp", 2020) == 1)
    }

    @Test func emptyBinaryAndUndecodableFiles() {
        var loader = makeLoader()
        #expect(diagnostics(loader.load(bytes: [], name: "e.csv")).first?.message.contains("empty file") == true)
        #expect(diagnostics(loader.load(bytes: [0x0D, 0x0A, 0x20], name: "e.csv")).first?.message.contains("empty file") == true)
        #expect(diagnostics(loader.load(bytes: Array("region,year\n".utf8) + [0, 1, 2], name: "b.csv")).first?.message.contains("binary") == true)
        let headerOnly = diagnostics(loader.load("region,year,indicator,value\n"))
        #expect(headerOnly.first?.line == 2 && headerOnly.first?.message.contains("header only") == true)
    }

    @Test(arguments: [
        ("{\"observations\": [", 1, 19, "ends"),
        ("{\"observations\": [{\"region\": \"630121\", \"year\": 2020, \"indicator\": \"gdp\", \"value\": 1},]}", 1, 86, "unexpected"),
        ("{\"observations\": [\n  {\"region\": \"630121\", \"year\": 2020, \"indicator\": \"gdp\", \"value\": \"x\"}]}", 2, 67, "cannot read"),
        ("{\"observations\": [\n  {\"region\": \"nowhere\", \"year\": 2020, \"indicator\": \"gdp\", \"value\": 1}]}", 2, 14, "unknown region"),
        ("[1, 2]", 1, 1, "must be an object"),
    ] as [(String, Int, Int, String)])
    func malformedJSON(text: String, line: Int, column: Int, message: String) {
        var loader = makeLoader()
        let d = diagnostics(loader.load(text, name: "d.json"))
        #expect(d.contains { $0.line == line && $0.column == column && $0.message.contains(message) }, "\(d)")
    }
}

@Suite struct LoaderTests {
    @Test func longCSVWithChineseHeadersBOMAndCRLF() throws {
        var loader = makeLoader()
        let text = "\u{FEFF}地区,年份,指标,数值,单位\r\n大通县,2020年,具备基本科学素质的公民比例,４.８％,\r\n湟中县,2018,财政科技投入,0.35,亿元\r\n"
        let f = try loader.load(text).get()
        #expect(f.encoding == .utf8BOM && f.kind == .longCSV && f.observations == 2)
        #expect(loader.value("630121", "science_literacy_rate", 2020) == 4.8)
        #expect(loader.value("630106", "fiscal_st_expenditure", 2018) == 3500, "the old name 湟中县 resolves to 湟中区")
    }

    @Test func codesOfOtherYearsResolveToTheirUnit() throws {
        var loader = makeLoader()
        // Codes of 2018 in 2018, and today's codes for 2018: one unit each, its series continuous.
        _ = try loader.load("region,year,indicator,value\n630122,2018,gdp,1\n632321,2018,gdp,2\n220381,2018,gdp,3\n630106,2017,gdp,5\n").get()
        #expect(loader.value("630106", "gdp", 2018) == 1)
        #expect(loader.value("630106", "gdp", 2017) == 5)
        #expect(loader.value("632301", "gdp", 2018) == 2)
        #expect(loader.value("220184", "gdp", 2018) == 3)
    }

    @Test func gb18030IsDecodedAndSaid() throws {
        var loader = makeLoader()
        // "地区,年份,指标,数值\n大通县,2020,gdp,5\n" in GB18030.
        let gbk: [UInt8] = [0xB5, 0xD8, 0xC7, 0xF8, 0x2C, 0xC4, 0xEA, 0xB7, 0xDD, 0x2C, 0xD6, 0xB8, 0xB1, 0xEA, 0x2C, 0xCA, 0xFD, 0xD6, 0xB5, 0x0A,
                            0xB4, 0xF3, 0xCD, 0xA8, 0xCF, 0xD8, 0x2C, 0x32, 0x30, 0x32, 0x30, 0x2C, 0x67, 0x64, 0x70, 0x2C, 0x35, 0x0A]
        let f = try loader.load(bytes: gbk, name: "g.csv").get()
        #expect(f.encoding == .gb18030)
        #expect(loader.value("630121", "gdp", 2020) == 5)
    }

    @Test func wideCSVWithUnitsInBracketsAndEmptyCells() throws {
        var loader = makeLoader()
        let text = "地区,年份,R&D经费支出(万元),财政科技投入（亿元）,国家创新型县(市、区),户籍人口（人）,GDP增速\n大通县,2020,120,0.5,否,450000,\n湟源县,2020,,1.2,是,,6.5\n"
        let f = try loader.load(text).get()
        #expect(f.kind == .wideCSV)
        #expect(loader.value("630121", "rd_expenditure", 2020) == 120)
        #expect(loader.value("630123", "rd_expenditure", 2020) == nil)
        #expect(loader.value("630123", "fiscal_st_expenditure", 2020) == 12000)
        #expect(loader.value("630123", "national_innovative_county", 2020) == 1)
        // 户籍人口 is a yearbook name of the catalogue's registered_population; GDP增速 is no catalogue name.
        #expect(f.customIndicators == ["GDP增速"])
        #expect(loader.value("630121", "registered_population", 2020) == 450_000)
    }

    @Test func wideKeyColumnsAreNotIndicatorsAndUnnamedEmptyColumnsAreFine() throws {
        var loader = makeLoader()
        let f = try loader.load("地区,代码,年份,单位,孵化器,,\n大通县,630121,2020,个,3,,\n").get()
        #expect(f.customIndicators.isEmpty && f.observations == 1)
        let d = diagnostics(loader.load("地区,年份,gdp,\n湟源县,2020,1,9\n"))
        #expect(d.first?.line == 2 && d.first?.column == 12 && d.first?.message.contains("no name") == true)
    }

    @Test func areaRowsMayCountFlaggedUnitsAndMingCountsPeople() throws {
        var loader = makeLoader()
        _ = try loader.load("region,year,indicator,value\n630000,2020,national_innovative_county,2\n630000,2020,st_personnel_to_grassroots,300名\n").get()
        #expect(loader.value("630000", "national_innovative_county", 2020) == 2)
        #expect(loader.value("630000", "st_personnel_to_grassroots", 2020) == 300)
        #expect(!diagnostics(loader.load("region,year,indicator,value\n630121,2020,national_innovative_county,2\n")).isEmpty, "a unit's flag is 0 or 1")
    }

    @Test func aWideColumnNamedTwiceIsAnError() {
        var loader = makeLoader()
        let d = diagnostics(loader.load("region,year,gdp,地区生产总值\n630121,2020,1,1\n"))
        #expect(d.first?.line == 1 && d.first?.message.contains("repeats gdp") == true)
    }

    @Test func regionsCSVAddsUnitsWithoutCodesAndGroups() throws {
        var loader = makeLoader()
        let f = try loader.load("code,name,prefecture,type,groups\nWH-ZB,威海综合保税区,威海市,功能区,开发区;威海\n630121,大通,西宁市,县,试点\n").get()
        #expect(f.kind == .regionsCSV && f.regionsAdded == 1)
        let zb = try #require(loader.regions.index(code: "WH-ZB"))
        #expect(loader.regions[zb].type == .zone && loader.regions[zb].groups == ["开发区", "威海"])
        #expect(loader.regions[loader.regions.index(code: "630121")!].groups == ["试点"])
        _ = try loader.load("region,year,indicator,value\n威海综合保税区,2020,incubators,3\n").get()
        #expect(loader.value("WH-ZB", "incubators", 2020) == 3)
        let bad = diagnostics(loader.load("code,name,prefecture,type\nX1,某区,火星市,区\nX2,某区,威海市,城堡\n"))
        #expect(bad.map(\.line) == [2, 3])
    }

    @Test func jsonWithRegionsAndObservations() throws {
        var loader = makeLoader()
        let text = """
            {"regions": [{"code": "WH-NH", "name": "南海新区", "prefecture": "371000", "type": "zone", "groups": ["威海"]}],
             "observations": [{"region": "WH-NH", "year": 2020, "indicator": "incubators", "value": 2},
                              {"region": 630121, "year": "2020", "indicator": "科技进步贡献率", "value": "55%"},
                              {"region": "630121", "year": 2020, "indicator": "gdp", "value": 3.5, "unit": "亿元"},
                              {"region": "630121", "year": 2020, "indicator": "st_service_center", "value": true},
                              {"region": "630123", "year": 2020, "indicator": "gdp", "value": null}]}
            """
        let f = try loader.load(text, name: "d.json").get()
        #expect(f.kind == .json && f.observations == 4 && f.regionsAdded == 1)
        #expect(loader.value("WH-NH", "incubators", 2020) == 2)
        #expect(loader.value("630121", "gdp", 2020) == 35000)
        #expect(loader.value("630121", "st_service_center", 2020) == 1)
    }

    /// Writes the files into a fresh temporary folder, runs `body` with their paths (in the order given), then removes it.
    func withFiles(_ files: [(String, String)], _ body: ([String]) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cie-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let paths = files.map { dir.appendingPathComponent($0.0).path }
        for (path, (_, text)) in zip(paths, files) where !text.isEmpty { try text.write(toFile: path, atomically: true, encoding: .utf8) }
        try body(paths)
    }

    @Test func regionsFilesLoadFirstWhateverTheOrder() throws {
        try withFiles([("data.csv", "region,year,indicator,value\n南海新区,2020,incubators,2\n"),
                       ("regions.csv", "code,name,prefecture,type\nWH-NH,南海新区,威海市,zone\n")]) { paths in
            var loader = makeLoader()
            _ = try loader.load(paths: paths).get()
            #expect(loader.value("WH-NH", "incubators", 2020) == 2)
        }
    }

    @Test func loadingSeveralFilesIsAllOrNothing() throws {
        // The third file is not written: it does not exist.
        try withFiles([("good.csv", "region,year,indicator,value\n630121,2020,gdp,1\n"),
                       ("bad.csv", "region,year,indicator,value\n630121,2020,gdp,x\n"), ("none.csv", "")]) { paths in
            var loader = makeLoader()
            guard case .failure(let f) = loader.load(paths: paths) else {
                Issue.record("expected a failure")
                return
            }
            #expect(f.diagnostics.count == 2)
            #expect(f.diagnostics.last!.description.contains("no such file"))
            #expect(loader.store.isEmpty)
        }
    }

    /// A directory is refused with a message, not a crash (the regions-header sniff used to trap on it).
    @Test func aDirectoryIsRefusedWithAMessage() {
        var loader = makeLoader()
        let d = diagnostics(loader.load(paths: [FileManager.default.temporaryDirectory.path]).map { $0[0] })
        #expect(d.count == 1 && d.first?.message.contains("is a directory") == true)
    }
}

@Suite struct GeneratedFilesTests {
    @Test func theGeneratedTableIsFreshWhenTheSourcesArePresent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shared = root.deletingLastPathComponent().appendingPathComponent("shared/data")
        // The yearbook samples are made from the repository's own files; the rest from ../shared/data when it is there.
        let sources = FileManager.default.fileExists(atPath: shared.path)
        for script in ["make_yearbook_samples.py"] + (sources ? ["generate_regions.py", "generate_east_asian_width.py", "make_qinghai_samples.py"] : []) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["python3", root.appendingPathComponent("Scripts/\(script)").path, "--check"]
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "\(script) --check: the generated file is stale; run it and commit the result")
        }
    }
}
