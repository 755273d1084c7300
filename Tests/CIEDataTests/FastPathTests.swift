import CIECore
@testable import CIEData
import Foundation
import Testing

/// The per-cell fast paths (bytes, plain numbers, the byte table, large files, direct writes) must give exactly
/// what the general String path gives, and fall back to it for everything they do not recognise.
@Suite struct FastPathTests {
    @Test func plainNumbersAreExactlyWhatDoubleParsingGives() {
        var rng = SplitMix64(seed: 42)  // the same cases on every run
        for _ in 0..<100_000 {
            let digits = Int(rng.next() % 15) + 1
            var text = String(rng.next() % UInt64(pow(10, Double(min(digits, 15)))))
            let point = Int(rng.next() % 8)
            if point > 0, point < text.count { text.insert(".", at: text.index(text.endIndex, offsetBy: -point)) }
            if rng.next() % 4 == 0 { text = "-" + text }
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer { ValueParser.plainNumber($0.baseAddress!, $0.count) }
            #expect(fast?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    @Test(arguments: ["", "-", ".5", "1.", "1e3", "+1", "4.5%", " 4", "1,000", "１２", "1234567890123456", "1.2.3", "0x10", "--1"])
    func anythingElseTakesTheGeneralPath(text: String) {
        let bytes = Array(text.utf8)
        let fast = bytes.withUnsafeBufferPointer { $0.isEmpty ? nil : ValueParser.plainNumber($0.baseAddress!, $0.count) }
        #expect(fast == nil)
    }

    /// The same cells quoted (general path) and unquoted (fast path where it can) load to the same doubles.
    @Test func quotedAndUnquotedCellsLoadAlike() throws {
        let cells = ["4.8", "0.07", "-0", "007", "16200", "1.62万", "3500", "35亿元", "123456789012345", "1234567890123456.5", "4.5%", "1e3", "2.50"]
        let ids = ["science_literacy_rate", "gdp", "science_literacy_rate", "incubators", "incubators", "incubators", "gdp", "gdp",
                   "gdp", "gdp", "science_literacy_rate", "gdp", "science_literacy_rate"]
        func csv(quoted: Bool) -> String {
            "region,year,indicator,value\n" + zip(cells, ids).enumerated().map { n, c in
                "630121,\(2000 + n),\(c.1),\(quoted ? "\"\(c.0)\"" : c.0)"
            }.joined(separator: "\n") + "\n"
        }
        var plain = makeLoader(), quoted = makeLoader()
        _ = try plain.load(csv(quoted: false)).get()
        _ = try quoted.load(csv(quoted: true)).get()
        for (n, id) in ids.enumerated() {
            let a = plain.value("630121", id, 2000 + n), b = quoted.value("630121", id, 2000 + n)
            #expect(a != nil && a?.bitPattern == b?.bitPattern, "\(cells[n])")
        }
        #expect(plain.value("630121", "incubators", 2005) == 16200)
    }

    /// The UTF-8 check of a large text on two cores finds what one core finds: the first NUL, the first bad byte,
    /// whether a quote occurs, wherever they fall (either half, at the cut, in a character cut in two).
    @Test func theUTF8CheckOnTwoCoresFindsWhatOneFinds() {
        let line = Array("630121,2020,湟源县,4.5\n".utf8)
        var text: [UInt8] = []
        while text.count < 3 << 19 { text += line }
        let half = text.count / 2
        let cases: [(Int, UInt8)] = [(10, 0), (half + 5, 0), (half, 0xFF), (half - 1, 0xC3), (half + 1, 0x80), (text.count - 1, 0xE6),
                                     (100, 0x22), (half + 100, 0x22), (half - 2, 0xE6)]
        for (at, byte) in cases {
            var t = text
            t[at] = byte
            t.withUnsafeBufferPointer { b in
                let two = TextDecoding.scanUTF8(b), one = TextDecoding.scanOneCore(b)
                #expect(two.nul == one.nul && two.invalid == one.invalid && two.quote == one.quote, "byte \(byte) at \(at)")
            }
        }
        var both = text
        (both[half + 7], both[40]) = (0, 0xFF)
        both.withUnsafeBufferPointer { b in
            let two = TextDecoding.scanUTF8(b), one = TextDecoding.scanOneCore(b)
            #expect(two.nul == one.nul && two.invalid == one.invalid && (38...40).contains(one.invalid ?? -1), "the bad byte of the first half comes first")
        }
    }

    @Test func byteTableFindsWhatWasInsertedAcrossRehashes() {
        var table = ByteTable<Int32>()
        let keys = (0..<5000).map { "k\($0)" } + ["", "大通回族土族自治县", "630121", "630121 "]
        for (n, k) in keys.enumerated() {
            let b = Array(k.utf8)
            b.withUnsafeBufferPointer { p in
                let base = p.baseAddress ?? UnsafePointer(bitPattern: 1)!
                #expect(table.find(base, p.count) == nil)
                table.insert(base, p.count, Int32(n))
            }
        }
        for (n, k) in keys.enumerated() {
            let b = Array(k.utf8)
            let found = b.withUnsafeBufferPointer { table.find($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
            #expect(found == Int32(n), "\(k)")
        }
        #expect(table.count == keys.count)
    }

    /// A file of over a megabyte, read from disk: values and positions are exact.
    @Test func aLargeFileLoadsAndNamesPlacesExactly() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cie-fast-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines = ["region,year,indicator,value"]
        for n in 0..<60_000 { lines.append("630121,\(1950 + n % 150),custom_\(n / 150),\(n).25") }
        let good = dir.appendingPathComponent("big.csv")
        try (lines.joined(separator: "\n") + "\n").write(to: good, atomically: true, encoding: .utf8)
        #expect(try FileManager.default.attributesOfItem(atPath: good.path)[.size] as! Int >= 1 << 20)
        var loader = makeLoader()
        let f = try loader.load(paths: [good.path]).get()
        #expect(f.first?.observations == 60_000)
        #expect(loader.value("630121", "custom_399", 1950 + 59_999 % 150) == 59_999.25)
        #expect(loader.store.years == 1950...2099)

        // The same region, year and indicator twice, 60,000 lines apart, with different values: both places named.
        lines.append("630121,1950,custom_0,1")
        let bad = dir.appendingPathComponent("dup.csv")
        try (lines.joined(separator: "\n") + "\n").write(to: bad, atomically: true, encoding: .utf8)
        var other = makeLoader()
        let d = diagnostics(other.load(paths: [bad.path]).map { $0[0] })
        #expect(d.count == 1)
        #expect(d.first?.line == 60_002 && d.first?.column == 22)
        #expect(d.first?.message.contains("1 here, 0.25 at \(bad.path):2:22") == true)
        #expect(other.store.isEmpty)
    }

    /// Years arriving newest first and regions added later keep every value; the layout ends at the data's years.
    @Test func writesGrowTheLayoutInAnyOrder() {
        var store = DataStore()
        let file = store.addFile("t")
        for (n, y) in [2024, 2023, 2010, 1990, 2030].enumerated() {
            #expect(store.write(Double(n), 0, Int32(n * 7), y, file: file, line: UInt32(n + 2), column: 1, regionCount: 1, indicatorCount: 1) == nil)
        }
        let again = store.write(9, 0, 0, 2024, file: file, line: 9, column: 3, regionCount: 1, indicatorCount: 1)
        #expect(again?.value == 0 && again?.line == 2)
        store.trim()
        #expect(store.years == 1990...2030)
        for (n, y) in [2024, 2023, 2010, 1990, 2030].enumerated() { #expect(store.value(0, Int32(n * 7), y) == Double(n)) }
        #expect(store.hasData(28) && !store.hasData(27))
        #expect(store.count(of: 0) == 5)
    }

    /// A run of writes stops at the first taken cell and leaves it as it was; a copy of the store written in runs,
    /// growing rows and years as it goes, leaves the store it was copied from as it was (columns are shared until
    /// written, and a shared column is copied before its rows grow).
    @Test func runsStopAtATakenCellAndCopiesShareUntilWritten() {
        var store = DataStore()
        let file = store.addFile("t")
        #expect(store.write(1, 0, 0, 2020, file: file, line: 2, column: 1, regionCount: 1, indicatorCount: 1) == nil)
        var copy = store
        let run = [Observation(region: 2, indicator: 0, year: 2020, value: 5, line: 1, column: 3),
                   Observation(region: 0, indicator: 0, year: 2020, value: 7, line: 2, column: 3),
                   Observation(region: 3, indicator: 0, year: 2020, value: 8, line: 3, column: 3)]
        let r = run.withUnsafeBufferPointer { copy.write(run: $0, lineOffset: 10, file: file, regionCount: 4, indicatorCount: 1) }
        #expect(r.written == 1 && r.taken?.value == 1 && r.taken?.line == 2 && r.years == 2020...2020)
        #expect(copy.value(0, 2, 2020) == 5 && copy.origin(0, 2, 2020)?.line == 11 && copy.origin(0, 2, 2020)?.column == 3)
        #expect(copy.value(0, 0, 2020) == 1 && copy.value(0, 3, 2020) == nil && copy.count(of: 0) == 2)
        #expect(store.value(0, 2, 2020) == nil && store.count(of: 0) == 1)

        // 600 regions and 40 years, years out of order and a second indicator: the rows and years grow within runs.
        let before = copy
        var many: [Observation] = []
        for n in 0..<3000 {
            many.append(Observation(region: Int32(4 + n % 600), indicator: Int32(n % 2), year: [2020, 1990, 2029, 2005, 1981][n / 600],
                                    value: Double(n), line: n, column: 1))
        }
        let w = many.withUnsafeBufferPointer { copy.write(run: $0, lineOffset: 0, file: file, regionCount: 604, indicatorCount: 2) }
        #expect(w.written == 3000 && w.taken == nil && w.years == 1981...2029)
        for (n, o) in many.enumerated() { #expect(copy.value(o.indicator, o.region, Int(o.year)) == Double(n)) }
        #expect(copy.value(0, 2, 2020) == 5 && copy.value(0, 0, 2020) == 1 && copy.count(of: 0) == 1502 && copy.count(of: 1) == 1500)
        #expect(before.value(0, 4, 2020) == nil && before.count(of: 0) == 2 && before.count(of: 1) == 0 && before.value(0, 2, 2020) == 5)
    }

    /// A JSON file whose observations come before its regions still resolves the units it declares.
    @Test func jsonObservationsMayComeBeforeTheRegionsTheyName() throws {
        var loader = makeLoader()
        let json = """
        {"observations": [{"region": "NH01", "year": 2020, "indicator": "gdp", "value": 12.5},
                          {"region": "630121", "year": 2020, "indicator": "gdp", "value": "3亿元"}],
         "regions": [{"code": "NH01", "name": "南海新区", "prefecture": "371000", "type": "zone"}]}
        """
        let f = try loader.load(json, name: "t.json").get()
        #expect(f.observations == 2 && f.regionsAdded == 1)
        #expect(loader.value("NH01", "gdp", 2020) == 12.5)
        #expect(loader.value("630121", "gdp", 2020) == 30_000)
    }
}

/// Random rows, cut into blocks at every size from 40 to 240 bytes, read on two cores give what one pass gives: the
/// workers split fields eight bytes at a time, so every field boundary and non-ASCII byte falls at every place
/// of a word.
@Suite(.serialized) struct ParallelSplittingTests {
    @Test func randomRowsReadLikeOnePass() throws {
        var rng = SplitMix64(seed: 7)
        let regions = ["630121", "630123", "湟源县", "630102", "湟中县", "63012", "6301210", ""]
        let indicators = ["gdp", "incubators", "science_literacy_rate", "新指标", "gdp,", ""]
        let values = ["1", "-3", "12.5", "", "0.007", "3亿元", "1,2", "-", "１２", "123456789012"]
        var lines = ["region,year,indicator,value"]
        for _ in 0..<1500 {
            func pick(_ xs: [String]) -> String { xs[Int(rng.next() % UInt64(xs.count))] }
            let year = rng.next() % 10 == 0 ? "20x0" : String(2000 + rng.next() % 25)
            lines.append([pick(regions), year, pick(indicators), pick(values)].joined(separator: ","))
        }
        let text = lines.joined(separator: "\n") + "\n"
        var single = makeLoader()
        let b = diagnostics(single.load(text, name: "t.csv")).map(\.description)
        for block in stride(from: 40, through: 240, by: 40) {
            try LoadTuning.with(minimumBytes: 0, blockBytes: block) {
                var parallel = makeLoader(), disk = makeLoader()
                let a = diagnostics(parallel.load(text, name: "t.csv")).map(\.description)
                #expect(a == b, "blocks of \(block) bytes")
                // From disk, by a head of a few rows and then blocks of the rest (as a large file is read).
                let c = diagnostics(try loadFromDisk(text, into: &disk, head: 64 + block)).map(\.description)
                #expect(c == b, "from disk, blocks of \(block) bytes")
            }
        }
        #expect(b.count > 100, "the rows hold problems to report")
    }
}

/// Flat JSON observations, read from the bytes as a long CSV's rows are, give exactly what reading every item as a
/// tree gives: values, origins, every problem with its place, custom indicators in the same order, notes.
@Suite(.serialized) struct FlatJSONTests {
    /// Which items the flat reader takes: plain ones; everything else is the tree's.
    @Test func theFlatReaderTakesPlainItemsOnly() throws {
        let flat = [#"{"region": "630121", "year": 2020, "indicator": "gdp", "value": 12.5}"#,
                    #"{ "value" : null , "indicator":"新指标", "year":"2020年", "region":"湟中县"}"#,
                    #"{"region": "630121", "year": 2020, "indicator": "gdp", "value": "3亿元", "unit": "万元"}"#,
                    #"{"region": 630121, "year": 2020, "indicator": "gdp", "value": -7}"#]
        let tree = [#"{"region": "630121", "year": 2020, "indicator": "gdp"}"#,
                    #"{"region": "630121", "year": 2020, "indicator": "gdp", "value": 1e3}"#,
                    #"{"region": "630121", "year": 2020.0, "indicator": "gdp", "value": 1}"#,
                    #"{"region": "630121 ", "year": 2020, "indicator": "gdp", "value": 1}"#,
                    #"{"region": "\u0036", "year": 2020, "indicator": "gdp", "value": 1}"#,
                    #"{"region": "630121", "year": 2020, "indicator": "gdp", "value": true}"#,
                    #"{"region": "630121", "year": 2020, "indicator": "gdp", "value": 1, "note": ""}"#,
                    "{\"region\": \"630121\", \"year\": 2020,\n\"indicator\": \"gdp\", \"value\": 1}",
                    #"{"region": "630121", "region": "630121", "year": 2020, "indicator": "gdp", "value": 1}"#,
                    #"{"region": "　630121", "year": 2020, "indicator": "gdp", "value": 1}"#,
                    #"{"region": 0630121, "year": 2020, "indicator": "gdp", "value": 1}"#,
                    #"{"region": -0, "year": 2020, "indicator": "gdp", "value": 1}"#,
                    #"[]"#]
        let text = "[" + (flat + tree).joined(separator: ",\n ") + "]"
        var reader = JSONReader(FileBytes(Array(text.utf8)))
        var kinds: [String] = []
        var columns: [Int] = []
        try reader.forEachObservation(flat: { o, _, _ in
            kinds.append("flat")
            columns.append(o.fields[JSONReader.FlatObservation.value].column)
            return true
        }, tree: { _ in
            kinds.append("tree")
            return true
        })
        #expect(kinds == Array(repeating: "flat", count: flat.count) + Array(repeating: "tree", count: tree.count))
        #expect(columns == [66, 14, 66, 64], "the column of each value, in characters (the item starts in column 2)")
    }

    /// 600 items the flat reader takes (values of several kinds, a custom indicator, a unit's name, `null`)…
    static var flatItems: [String] {
        var items: [String] = []
        for n in 0..<600 {
            let region = ["\"630121\"", "\"330127\"", "\"湟源县\"", "330122"][n % 4]
            let indicator = ["gdp", "incubators", "science_literacy_rate", "新指标甲"][n / 4 % 4]
            let value = n % 7 == 0 ? "null" : n % 5 == 0 ? "\"\(n)\"" : n % 3 == 0 && indicator == "gdp" ? "\(n).25" : "\(n)"
            items.append(#"{"region": \#(region), "year": \#(1950 + n / 16), "indicator": "\#(indicator)", "value": \#(value)}"#)
        }
        return items
    }

    /// …and what the tree reads (and reports) instead: every kind of item the flat reader hands back. The first loads.
    static let treeItems = [
        #"{"region": "湟中县", "year": 2030, "indicator": "gdp", "value": "4亿元"}"#,  // a former name, a unit
        #"{"region": "630121", "year": 2019, "indicator": "gdp", "value": 1}"#,
        #"{"region": "630121", "year": 2019, "indicator": "gdp", "value": 2}"#,  // a conflict
        #"{"region": "大通镇", "year": 2020, "indicator": "gdp", "value": 1}"#,  // unknown region
        #"{"region": "630121", "year": 2020, "indicator": "gdp"}"#,  // no value
        #"{"region": "630121", "year": "2021年", "indicator": "gdp", "value": 5}"#,
        #"{"region": "630121", "year": 2022.0, "indicator": "gdp", "value": 5}"#,
        #"{"region": "630121", "year": 2023, "indicator": "gdp", "value": 1e3}"#,
        #"{"region": "630121", "year": 2023, "indicator": "incubators", "value": -3}"#,  // negative count
        #"{"region": " 630121 ", "year": 2024, "indicator": "gdp", "value": 5}"#,
        #"{"region": "630121", "year": 2024, "indicator": "\u0067dp", "value": 6}"#,  // an escape
        #"{"region": "630121", "year": 2025, "indicator": "gdp", "value": 7, "unit": "亿元"}"#,
        #"{"region": "630121", "year": 2025, "indicator": "incubators", "value": true}"#,
        #"{"region": "630121", "year": 2026, "indicator": "gdp", "value": 7, "note": "x"}"#,
        #"{"region": "630121", "year": 2026, "indicator": "gdp", "indicator": "incubators", "value": 7}"#,
        #"{"region": "630121", "year": 2027, "indicator": "", "value": 7}"#,  // empty indicator
        #"{"region": "630121", "province": "浙江省", "year": 2027, "indicator": "gdp", "value": 7}"#,
        "{\"region\": \"630121\",\n \"year\": 2028, \"indicator\": \"gdp\", \"value\": 8}",  // two lines
        #"{"region": 630121, "year": 2029, "indicator": "gdp", "value": 123456789012345678}"#,
        #"{"region": "630121", "year": 2029, "indicator": "incubators", "value": "1.2万"}"#,
        #"{"region": 0630121, "year": 2029, "indicator": "gdp", "value": 1}"#,  // a leading zero: the tree reads 630121
        #"{"region": "630121", "year": 2030, "indicator": "incubators", "value": -1.50}"#,  // quoted as written
        #"{"region": "630121", "year": 2030, "indicator": "incubators", "value": 2.50}"#,
        #"[1, 2]"#,
    ]

    @Test func flatObservationsReadLikeTheTree() throws {
        let items = FlatJSONTests.flatItems + FlatJSONTests.treeItems
        let text = "{\"observations\": [\n" + items.joined(separator: ",\n") + "\n]}\n"
        var flat = makeLoader(), tree = makeLoader()
        let a = diagnostics(flat.load(text, name: "t.json"))
        let b = LoadTuning.with(flatJSON: false) { diagnostics(tree.load(text, name: "t.json")) }
        #expect(a.count >= 8 && a == b, "\(a.map(\.description))\n\(b.map(\.description))")

        // Without the bad items both load, to the same values and origins.
        let good = "{\"observations\": [\n" + items.prefix(600).joined(separator: ",\n") + ",\n" + items[600] + "\n]}\n"
        flat = makeLoader()
        tree = makeLoader()
        let fa = try flat.load(good, name: "g.json").get()
        let fb = try LoadTuning.with(flatJSON: false) { try tree.load(good, name: "g.json").get() }
        #expect(fa.observations == fb.observations && fa.customIndicators == fb.customIndicators && fa.years == fb.years)
        #expect(fa.customIndicators == ["新指标甲"] && fa.observations > 500)
        #expect(fa.diagnostics == fb.diagnostics && fa.diagnostics.count == 1, "the note of 湟中县, once, at the same place")
        for code in ["630121", "330127", "630123", "330122", "630106"] {
            for r in flat.regions.units(code: code) {
                for id in ["gdp", "incubators", "science_literacy_rate", "新指标甲"] {
                    for year in 1950..<2031 {
                        let i = flat.catalogue.lookup(id)!
                        #expect(flat.store.value(i, r, year)?.bitPattern == tree.store.value(i, r, year)?.bitPattern)
                        #expect(flat.store.origin(i, r, year) == tree.store.origin(i, r, year))
                    }
                }
            }
        }
    }

    /// A "regions" member after the observations, even with its key written with an escape, is declared before
    /// the observations that name its units are read.
    @Test func regionsAfterTheObservationsAreDeclaredFirst() throws {
        for key in ["regions", #"regi\u006fns"#] {
            var loader = makeLoader()
            let json = #"{"observations": [{"region": "X1", "year": 2020, "indicator": "gdp", "value": 1}], "\#(key)": [{"code": "X1", "name": "新区", "prefecture": "630100", "type": "zone"}]}"#
            let f = try loader.load(json, name: "t.json").get()
            #expect(f.observations == 1 && loader.value("X1", "gdp", 2020) == 1, "\(key)")
        }
    }

    /// Malformed JSON is one error at the place found, however many observations before it were read in place.
    @Test func malformedJSONIsOneError() {
        let texts = [#"{"observations": [{"region": "大通镇", "year": 2020, "indicator": "gdp", "value": 1}, {"region": "630121", "year": 2020, "indicator": "gdp", "value": 1]}"#,
                     #"{"observations": [{"region": "湟中县", "year": 2020, "indicator": "gdp", "value": 1}], "x": }"#,
                     #"{"observations": [{"region": "大通镇", "year": 2020, "indicator": "gdp", "value": 1}, {"region" "630121"}], "regions": []}"#]
        for text in texts {
            let d = diagnostics(loadOnce(bytes: Array(text.utf8), name: "t.json"))
            #expect(d.count == 1 && d[0].render(.en).contains("malformed JSON"), "\(text): \(d.map { $0.render(.en) })")
        }
    }

    /// A JSON file keeps the rows of one jurisdiction as a CSV does, items read from the bytes and as trees alike.
    @Test(arguments: [true, false]) func aNationalJSONLoadsTheRowsOfOneJurisdiction(flat: Bool) throws {
        try LoadTuning.with(flatJSON: flat) {
            var loader = makeLoader()
            let zhejiang = try #require(loader.regions.index(code: "330000"))
            let text = #"{"observations": [{"region": "330421", "year": 2022, "indicator": "gdp", "value": 1}, {"region": "320583", "year": 2022, "indicator": "gdp", "value": 2}]}"#
            let f = try loader.load(bytes: Array(text.utf8), name: "n.json", settings: LoadSettings(within: zhejiang)).get()
            #expect(f.observations == 1 && f.outsideRows == 1)
            #expect(loader.value("330421", "gdp", 2022) == 1 && loader.value("320583", "gdp", 2022) == nil)
        }
    }
}

/// The two-core reader of long CSVs gives exactly what the single pass gives: values, origins, every problem with
/// its place, custom indicators in the same order. The same text with one quoted header field (which rules out
/// cutting it at line breaks) is read by the single pass. `fromDisk`: the file is read as a large file on disk is,
/// by its head and then a block at a time after it (`FileBytes.rest`).
@Suite(.serialized) struct ParallelLoadTests {
    @Test(arguments: [false, true]) func twoCoresReadLikeOnePass(fromDisk: Bool) throws {
        var lines = ["region,year,indicator,value"]
        for n in 0..<2400 {
            let region = ["630121", "330127", "湟源县", "330122"][n % 4]  // units in use since before 1981
            lines.append("\(region),\(1950 + n / 16),\(["gdp", "incubators", "science_literacy_rate", "新指标甲"][n / 4 % 4]),\(n % 7 == 0 ? "" : "\(n)")")
            if n % 500 == 1 { lines.append("") }  // blank lines still count
            // A code two units held in turn (二道河子区 1983–1994, 二道区 since 1995), and a former name (湟中县, 湟中区
            // since 2019) that counts towards a note: both on the fast path, span by span.
            if n % 24 == 0 { lines.append("220105,\(1983 + n / 24),st_smes,\(n)") }
            if n % 24 == 12 { lines.append("湟中县,\(1960 + n / 24),st_smes,\(n)") }
            if n == 1000 { lines.append("湟中县,2030,gdp,4亿元") }  // a former name on a row the single pass reads: counted once
            if n == 700 { lines.append("630121,2019,gdp,3亿元") }  // a unit: the single pass reads it
            if n == 900 { lines.append("630121,2019,gdp,1") }  // a conflict with the row above
            if n == 1200 { lines.append("大通镇,2020,gdp,1") }  // unknown region
            if n == 1500 {
                lines.append("630121,2020,gdp")  // ragged, and straight after it:
                lines.append("大通镇,2021,gdp,1")  // unknown region (reported once)
                lines.append(String(repeating: "6", count: 5000) + ",2021,gdp,1")  // a field too long (reported once)
            }
            if n == 1800 { lines.append("630121,2020年,incubators,4") }  // a year the single pass reads
            if n == 2100 { lines.append("630121,2020,incubators,-3") }  // negative count
        }
        let text = lines.joined(separator: "\r\n") + "\r\n"
        func twoCores(_ loader: inout DataLoader, _ text: String, name: String) throws -> Result<LoadedFile, LoadFailure> {
            try LoadTuning.with(minimumBytes: 0, blockBytes: 1000) {
                fromDisk ? try loadFromDisk(text, name: name, into: &loader) : loader.load(text, name: name)
            }
        }
        var parallel = makeLoader(), single = makeLoader()
        let a = diagnostics(try twoCores(&parallel, text, name: "t.csv"))
        let b = diagnostics(single.load(text.replacingOccurrences(of: "region,year", with: "\"region\",year"), name: "t.csv"))
        #expect(Set(a.map(\.description)).count == a.count, "no problem is reported twice")
        #expect(a.filter { $0.message.contains("大通镇") }.count == 2 && a.filter { $0.message.contains("longer than") }.count == 1)
        #expect(!a.isEmpty && a == b, "\(a.map(\.description))\n\(b.map(\.description))")
        let conflictLine = lines.firstIndex(of: "630121,2019,gdp,1")! + 1  // the row conflicting with the one above
        #expect(a.first?.line == conflictLine)

        // Without the bad rows both load, to the same values and origins.
        let good = lines.filter { !["3亿元", "大通镇", "gdp\r", ",-3", "2020年", "66666"].contains(where: $0.contains) && $0 != "630121,2019,gdp,1" && $0 != "630121,2020,gdp" }
        let goodText = good.joined(separator: "\n") + "\n"
        parallel = makeLoader()
        single = makeLoader()
        let fa = try twoCores(&parallel, goodText, name: "g.csv").get()
        let fb = try single.load(goodText.replacingOccurrences(of: "region,year", with: "\"region\",year"), name: "g.csv").get()
        #expect(fa.observations == fb.observations && fa.customIndicators == fb.customIndicators && fa.years == fb.years)
        #expect(fa.customIndicators == ["新指标甲"])
        #expect(fa.diagnostics == fb.diagnostics && fa.diagnostics.count == 1, "the note of 湟中县, once, at the same place")
        #expect(fa.diagnostics.first?.message.contains("(42 values)") == true, "湟中县 for 2019–2059 and once more in 2030: 42 values")
        let erdao = parallel.regions.units(code: "220105"), smes = parallel.catalogue.lookup("st_smes")!
        #expect(erdao.count == 2 && parallel.store.value(smes, erdao[0], 1990) == 168 && parallel.store.value(smes, erdao[1], 2000) == 408)
        for code in ["630121", "330127", "630123", "330122", "630106", "220105"] {
            for r in parallel.regions.units(code: code) {
                for id in ["gdp", "incubators", "science_literacy_rate", "新指标甲", "st_smes"] {
                    for year in 1950..<2100 {
                        let i = parallel.catalogue.lookup(id)!
                        #expect(parallel.store.value(i, r, year)?.bitPattern == single.store.value(i, r, year)?.bitPattern)
                        // (The same place: a file loaded from disk is named by its path.)
                        let (pa, pb) = (parallel.store.origin(i, r, year), single.store.origin(i, r, year))
                        #expect(pa?.line == pb?.line && pa?.column == pb?.column && (pa == nil) == (pb == nil))
                    }
                }
            }
        }
    }
}

/// A large file on disk is opened by its head and read a block at a time after it (`FileBytes.rest`): whatever the
/// head cannot decide, or a block's text check finds, is read from the whole file, so the load is the one a file
/// read whole gives.
@Suite(.serialized) struct FileReadAsItComesTests {
    /// `n` rows of three units in use since before 1981 (no former codes), each value once.
    static func rows(_ n: Int) -> [String] {
        (0..<n).map { "\(["630121", "330127", "330122"][$0 % 3]),\(1950 + $0 / 3),\(["gdp", "incubators"][$0 % 2]),\($0)" }
    }

    func withSmallBlocks<T>(_ body: () throws -> T) rethrows -> T {
        try LoadTuning.with(minimumBytes: 0, blockBytes: 200, body)
    }

    /// What reading the whole text in memory gives (values compared by the caller), and the problems, rendered.
    func inMemory(_ bytes: [UInt8]) -> (DataLoader, [String], TextEncoding?, Int?) {
        var loader = makeLoader()
        let r = loader.load(bytes: bytes, name: "t.csv")
        return (loader, diagnostics(r).map(\.description), try? r.get().encoding, try? r.get().observations)
    }

    /// A quote and a byte that is not UTF-8 (the file is GB18030), each past the head, are read whole; a plain long
    /// CSV, a JSON file and a NUL (the block that holds it says where) are read as they come. Either way the load is
    /// what reading the file whole gives, values and problems alike. (A wide CSV is read as it comes, as a long one is: `WideTwoCoresTests`; JSON's own
    /// cases: `JSONReadAsItComesTests`.)
    @Test(arguments: ["quote", "nul", "gb18030", "json", "plain"]) func whatTheHeadCannotDecideIsReadWhole(kind: String) throws {
        try withSmallBlocks {
            var lines = ["region,year,indicator,value"] + FileReadAsItComesTests.rows(300)
            var bytes: [UInt8]
            switch kind {
            case "quote":
                // A quoted field that holds a line break: a file with quotes cannot be cut at any line break.
                lines[250] = "630121,2090,gdp,\"7\""
                lines[251] = "\"330127\n\",2091,gdp,8"
            default: break
            }
            if kind == "json" {
                bytes = Array(("{\"observations\": [" + (0..<300).map { #"{"region": "\#(["630121", "330127"][$0 % 2])", "year": \#(1950 + $0 / 2), "indicator": "gdp", "value": \#($0)}"# }
                    .joined(separator: ",\n") + "]}").utf8)
            } else {
                bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
            }
            if kind == "nul" { bytes[bytes.count - 40] = 0 }
            // 大通县 in GB18030, in a row far past the head.
            if kind == "gb18030" { bytes += [0xB4, 0xF3, 0xCD, 0xA8, 0xCF, 0xD8] + Array(",2060,gdp,5\n".utf8) }
            let (whole, problems, encoding, observations) = inMemory(bytes)
            var disk = makeLoader()
            let r = try loadFromDisk(bytes: bytes, into: &disk)
            #expect(diagnostics(r).map(\.description) == problems)
            #expect((try? r.get().encoding) == encoding)
            #expect((try? r.get().observations) == observations && (kind == "nul" || (observations ?? 0) >= 300), "\(kind): \(String(describing: try? r.get().observations)), \(String(describing: observations))")
            for code in ["630121", "330127", "330122"] {
                for year in 1949...2100 {
                    for id in ["gdp", "incubators"] {
                        #expect(disk.value(code, id, year)?.bitPattern == whole.value(code, id, year)?.bitPattern)
                    }
                }
            }
            if kind == "gb18030" { #expect(disk.value("630121", "gdp", 2060) == 5 && encoding == .gb18030) }
            if kind == "nul" { #expect(problems.count == 1 && problems[0].contains("NUL")) }
            #expect(disk.filesReadWhole == (["quote", "gb18030"].contains(kind) ? 1 : 0), "\(kind)")
        }
    }

    /// A file that shrinks after its head was read is not loaded in part: the load fails, saying so.
    @Test func aFileThatShrinksWhileItIsReadIsAnError() throws {
        try withSmallBlocks {
            let text = (["region,year,indicator,value"] + FileReadAsItComesTests.rows(300)).joined(separator: "\n") + "\n"
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("cie-shrink-\(UUID().uuidString).csv").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let raw = try FileBytes.open(path, headFrom: 0, head: 256).get()
            #expect(raw.rest != nil && raw.bytes.count <= 256)
            #expect(truncate(path, off_t(text.utf8.count / 2)) == 0)
            var loader = makeLoader()
            let r = loader.load(raw, name: "t.csv")
            let ds = diagnostics(r)
            #expect(ds.count == 1 && ds.first?.message.contains("shrank") == true, "\(ds)")
            #expect(loader.value("630121", "gdp", 1990) == nil, "nothing is loaded")
        }
    }
}

/// A JSON file on disk opened by its head is read a block at a time as it comes (`JSONReader`'s feed), never held
/// whole: it loads to what the same bytes in memory load to, values, origins and problems alike, at every cut of its
/// blocks. What reading as it comes cannot decide is read whole, from the start.
@Suite(.serialized) struct JSONReadAsItComesTests {
    /// The text loaded from a file opened by a head of `head` bytes, its rest read in blocks of `block` bytes; how
    /// many times the load read the file again whole; and the text loaded from memory.
    func load(_ bytes: [UInt8], head: Int, block: Int) throws -> (disk: Result<LoadedFile, LoadFailure>, DataLoader, readWhole: Int,
                                                                   memory: Result<LoadedFile, LoadFailure>, DataLoader) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cie-json-\(UUID().uuidString).json").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let raw = try FileBytes.open(path, headFrom: 0, head: head).get()
        #expect(raw.rest != nil && raw.bytes.count <= head)
        var disk = makeLoader(), memory = makeLoader()
        let d = LoadTuning.with(blockBytes: block) { disk.load(raw, name: "t.json") }
        let m = memory.load(bytes: bytes, name: "t.json")
        return (d, disk, disk.filesReadWhole, m, memory)
    }

    func expectSame(_ bytes: [UInt8], readWhole: Int, _ what: String) throws {
        for (head, block) in [(256, 64), (300, 301), (1024, 4096)] {
            let (d, disk, whole, m, memory) = try load(bytes, head: head, block: block)
            let place = "\(what), a head of \(head) bytes, blocks of \(block)"
            #expect(diagnostics(d).map(\.description) == diagnostics(m).map(\.description), "\(place)")
            #expect(whole == readWhole, "\(place): read whole \(whole) times")
            if let a = try? d.get(), let b = try? m.get() {
                #expect(a.observations == b.observations && a.rows == b.rows && a.years == b.years && a.customIndicators == b.customIndicators
                        && a.diagnostics == b.diagnostics && a.kind == .json, "\(place)")
                #expect(storeDump(disk) == storeDump(memory), "\(place)")
            } else {
                #expect((try? d.get()) == nil && (try? m.get()) == nil, "\(place): both fail")
            }
        }
    }

    /// Units declared in `regions` (the head ends inside it), items of every kind, one of them over several lines.
    static func document(items: [String], regionsLast: Bool = false, key: String = "regions") -> String {
        let regions = "\"\(key)\": [\n" + (1...12).map { #"  {"code": "X\#($0)", "name": "新区\#($0)", "prefecture": "630100", "type": "zone"}"# }
            .joined(separator: ",\n") + "\n]"
        let declared = (1...12).map { #"{"region": "X\#($0)", "year": 2020, "indicator": "gdp", "value": \#($0)}"# }
        let spread = "{\n  \"region\": \"630121\",\n  \"year\": 2031,\n\n  \"indicator\": \"gdp\",\n  \"value\": 9\n}"
        let observations = "\"observations\": [\n" + (items + declared + [spread]).joined(separator: ",\n") + "\n]"
        return "{" + (regionsLast ? [observations, regions] : [regions, observations]).joined(separator: ",\n") + ",\n\"source\": \"测试\"}\n"
    }

    @Test func aFileThatLoadsIsReadAsItComes() throws {
        let text = JSONReadAsItComesTests.document(items: FlatJSONTests.flatItems + [FlatJSONTests.treeItems[0]])
        try expectSame(Array(text.utf8), readWhole: 0, "a file that loads")
        let (d, disk, _, _, _) = try load(Array(text.utf8), head: 256, block: 64)
        #expect(try d.get().observations > 500, "\(diagnostics(d))")
        #expect(disk.value("X3", "gdp", 2020) == 3)
        #expect(disk.value("630121", "gdp", 2031) == 9)
    }

    @Test func problemsAreThoseOfAWholeRead() throws {
        let text = JSONReadAsItComesTests.document(items: FlatJSONTests.flatItems + FlatJSONTests.treeItems)
        try expectSame(Array(text.utf8), readWhole: 0, "items with problems")
        #expect(try diagnostics(load(Array(text.utf8), head: 256, block: 64).disk).count >= 8)
    }

    /// A "regions" member after the observations (its key perhaps written with an escape) is declared before the
    /// observations are read: the file is read whole.
    @Test(arguments: ["regions", #"regi\u006fns"#]) func regionsAfterTheObservationsAreReadWhole(key: String) throws {
        let text = JSONReadAsItComesTests.document(items: FlatJSONTests.flatItems, regionsLast: true, key: key)
        try expectSame(Array(text.utf8), readWhole: 1, key)
        #expect(try load(Array(text.utf8), head: 256, block: 64).1.value("X3", "gdp", 2020) == 3)
    }

    /// A NUL, a byte that is not UTF-8 (GB18030 in a UTF-8 text) or malformed JSON past the head: the file is read
    /// whole, and says what a whole read says.
    @Test(arguments: ["nul", "gb18030", "malformed"]) func whatABlockCannotDecideIsReadWhole(kind: String) throws {
        var bytes = Array(JSONReadAsItComesTests.document(items: FlatJSONTests.flatItems).utf8)
        let at = bytes.count - 2000
        switch kind {
        case "nul": bytes[at] = 0
        case "gb18030":
            // "大通县" in GB18030, an indicator's name far past the head.
            let key = Array(#""indicator": ""#.utf8)
            let name = try #require((at..<bytes.count).first { bytes[$0...].starts(with: key) }) + key.count
            bytes.insert(contentsOf: [0xB4, 0xF3, 0xCD, 0xA8, 0xCF, 0xD8], at: name)
        default:
            let comma = try #require(bytes[at...].firstIndex(of: 0x2C))
            bytes.remove(at: comma)
        }
        try expectSame(bytes, readWhole: 1, kind)
        // One error, each: the NUL, the byte that is neither UTF-8 nor GB18030 (the text has UTF-8 Chinese), the comma.
        let ds = try diagnostics(load(bytes, head: 256, block: 64).disk)
        #expect(ds.count == 1 && ds[0].message.contains(["nul": "NUL", "gb18030": "not UTF-8", "malformed": "malformed JSON"][kind]!), "\(ds)")
    }

    /// A file that shrinks after its head was read is not loaded in part.
    @Test func aFileThatShrinksWhileItIsReadIsAnError() throws {
        let text = JSONReadAsItComesTests.document(items: FlatJSONTests.flatItems)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cie-json-shrink-\(UUID().uuidString).json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let raw = try FileBytes.open(path, headFrom: 0, head: 256).get()
        #expect(truncate(path, off_t(text.utf8.count / 2)) == 0)
        var loader = makeLoader()
        let ds = diagnostics(loader.load(raw, name: "t.json"))
        #expect(ds.contains { $0.message.contains("shrank") } && loader.filesReadWhole == 0, "\(ds)")
        #expect(loader.value("X3", "gdp", 2020) == nil, "nothing is loaded")
    }
}

/// Every value a loader holds, with its place: what two loads are compared by.
func storeDump(_ loader: DataLoader) -> [String] {
    var out: [String] = []
    for r in loader.store.regionsWithData {
        for i in 0..<loader.catalogue.count {
            let ind = IndicatorIndex(i)
            for y in loader.store.years(ind, r) {
                let o = loader.store.origin(ind, r, y)
                out.append("\(r) \(loader.catalogue[ind].id) \(y) \(loader.store.value(ind, r, y)?.bitPattern ?? 0) \(o?.line ?? 0):\(o?.column ?? 0)")
            }
        }
    }
    return out
}

/// A wide CSV read on two cores gives what one pass gives: values, origins, every problem with its place, notes. Its
/// rows are taken whole or left whole to the single pass, and a section row (which scopes the names below it) turns
/// the rest of the file over to one pass.
@Suite(.serialized) struct WideTwoCoresTests {
    /// Random rows of random cells, sections, a column without a name, units in the header and a units row.
    @Test(arguments: [false, true]) func randomRowsReadLikeOnePass(unitsRow: Bool) throws {
        var rng = SplitMix64(seed: unitsRow ? 11 : 12)
        // No name several units answer to: a file with one is read again in one pass, in the light of its other units.
        let regions = ["630121", "630123", "湟源县", "630102", "湟中县", "630122", "450202", "63012", "", "大通镇"]
        let sections = ["青海省", "广西壮族自治区", "西宁市", "柳州市"]
        let values = ["1", "-3", "12.5", "", "", "", "0.007", "3亿元", "-", "１２", "1e3", "2"]
        var lines = ["地区,年份,地区生产总值(亿元),incubators,science_literacy_rate,新指标,"]
        if unitsRow { lines.append(",,,个,%,万元,") }
        for n in 0..<1200 {
            func pick(_ xs: [String]) -> String { xs[Int(rng.next() % UInt64(xs.count))] }
            let year = rng.next() % 12 == 0 ? pick(["20x0", "", "2020年"]) : String(2000 + rng.next() % 25)
            switch rng.next() % 50 {
            case 0: lines.append("\(pick(sections)),,,,,,")  // a section row
            case 1: lines.append("\(pick(regions)),\(year),1,2")  // ragged
            case 2: lines.append("")
            case 3: lines.append("注：\(n)")
            default:
                let cells = (0..<4).map { _ in pick(values) } + [rng.next() % 40 == 0 ? "5" : ""]
                lines.append(([pick(regions), year] + cells).joined(separator: ","))
            }
        }
        let text = lines.joined(separator: "\n") + "\n"
        // A file that loads: sections, each with units in it, a year each (湟中县's former code 630122 in 2020 and
        // 2021, before any section, for its note), blank and note rows.
        let groups: [(section: String, units: [String])] = [
            ("广西壮族自治区", ["450202", "450205"]), ("青海省", ["630103", "630121", "湟源县"]), ("西宁市", ["630103", "城东区"])]
        var goodLines = [lines[0]] + (unitsRow ? [lines[1]] : [])
        for k in 0..<25 {
            let units = k < 2 ? ["630122", "630121", "630123"] : groups[Int(rng.next() % 3)].units
            if k >= 2 { goodLines.append(groups.first { $0.units == units }!.section + ",,,,,,") }
            for u in units {
                let cells = (0..<4).map { _ in ["1", "2", "0", "", "", "7"][Int(rng.next() % 6)] }
                goodLines.append(([u, String(k < 2 ? 2020 + k : 1993 + k)] + cells + [""]).joined(separator: ","))
                if rng.next() % 9 == 0 { goodLines.append(["", "注：\(k)"][Int(rng.next() % 2)]) }
            }
        }
        let good = goodLines.joined(separator: "\n") + "\n"
        var single = makeLoader()
        let b = diagnostics(single.load(text, name: "t.csv")).map(\.description)
        #expect(b.count > 50, "the rows hold problems to report")
        var goodSingle = makeLoader()
        let goodOnePass = try goodSingle.load(good, name: "t.csv").get()
        #expect(goodOnePass.observations > 100 && goodOnePass.diagnostics.count == 2, "\(goodOnePass.diagnostics)")
        for block in [48, 100, 333, 1000] {
            try LoadTuning.with(minimumBytes: 0, blockBytes: block) {
                var parallel = makeLoader(), disk = makeLoader()
                #expect(diagnostics(parallel.load(text, name: "t.csv")).map(\.description) == b, "blocks of \(block) bytes")
                #expect(diagnostics(try loadFromDisk(text, into: &disk, head: 64 + block)).map(\.description) == b, "from disk, blocks of \(block) bytes")
                var goodParallel = makeLoader(), goodDisk = makeLoader()
                let a = try goodParallel.load(good, name: "t.csv").get()
                let d = try loadFromDisk(good, into: &goodDisk, head: 64 + block).get()
                for f in [a, d] {
                    #expect(f.observations == goodOnePass.observations && f.rows == goodOnePass.rows && f.diagnostics == goodOnePass.diagnostics, "blocks of \(block) bytes")
                }
                #expect(storeDump(goodParallel) == storeDump(goodSingle) && storeDump(goodDisk) == storeDump(goodSingle), "blocks of \(block) bytes")
            }
        }
    }

    /// A section row past the first block scopes the names below it, in every block after it: 城中区 is Liuzhou's
    /// under 广西壮族自治区 and Xining's under 青海省, and a unit outside the section's area is an error, as in one pass.
    @Test(arguments: [false, true]) func aSectionRowScopesTheRestOfTheFile(outside: Bool) throws {
        var lines = ["地区,年份,gdp,incubators"]
        for n in 0..<30 { lines.append("630121,\(1995 + n),\(n),\(n * 2)") }
        // (With Excel's empty trailing field, which the single pass accepts, when a row outside follows.)
        lines.append(outside ? "广西壮族自治区,,,," : "广西壮族自治区,,,")
        for n in 0..<30 { lines.append("城中区,\(1995 + n),\(n + 1),") }
        if outside { lines.append("630121,2030,1,1") }  // 大通, in Qinghai
        lines.append("青海省,,,")
        for n in 0..<30 { lines.append("城中区,\(1995 + n),,\(n + 2)") }
        for n in 0..<30 { lines.append("630123,\(1995 + n),\(n + 3),") }
        let text = lines.joined(separator: "\n") + "\n"
        var parallel = makeLoader(), disk = makeLoader()
        let (a, d) = try LoadTuning.with(minimumBytes: 0, blockBytes: 150) {
            (parallel.load(text, name: "t.csv"), try loadFromDisk(text, into: &disk, head: 200))
        }
        var single = makeLoader()
        let b = single.load(text, name: "t.csv")
        #expect(diagnostics(a) == diagnostics(b) && diagnostics(d) == diagnostics(b))
        if outside {
            #expect(diagnostics(b).filter { $0.severity == .error }.map(\.line) == [lines.count - 61])
            return
        }
        #expect(try a.get().observations == 150 && a.get().observations == b.get().observations && d.get().observations == b.get().observations)
        #expect(storeDump(parallel) == storeDump(single) && storeDump(disk) == storeDump(single))
        #expect(parallel.value("450202", "gdp", 2024) == 30 && parallel.value("630103", "incubators", 2024) == 31)
        #expect(disk.value("450202", "gdp", 2000) == 6 && disk.value("630103", "incubators", 2000) == 7)
    }

    /// A row whose first cell with text, in a column before the key, makes it a note (`注：`) is no data on two
    /// cores as in one pass, in a long file and in a wide one; a cell that only looks like one (`S1`) is data.
    @Test(arguments: [false, true]) func aNoteInAColumnBeforeTheKeyIsNoData(wide: Bool) throws {
        var lines = [wide ? "备注,地区,年份,gdp" : "备注,region,year,indicator,value"]
        for n in 0..<60 {
            let note = ["", "注：估算", "S1", "资料来源：统计局", "", "Remarks"][n % 6]
            lines.append(wide ? "\(note),630121,\(1965 + n),\(n)" : "\(note),630121,\(1965 + n),gdp,\(n)")
        }
        let text = lines.joined(separator: "\n") + "\n"
        var parallel = makeLoader(), disk = makeLoader()
        let (ra, rd) = try LoadTuning.with(minimumBytes: 0, blockBytes: 400) {
            (parallel.load(text, name: "t.csv"), try loadFromDisk(text, into: &disk, head: 200))
        }
        #expect(diagnostics(ra).allSatisfy { $0.severity != .error } && diagnostics(rd).allSatisfy { $0.severity != .error }, "\(diagnostics(ra)) \(diagnostics(rd))")
        let a = try ra.get(), d = try rd.get()
        var single = makeLoader()
        let b = try single.load(text, name: "t.csv").get()
        #expect(b.observations == 30 && b.rows == 30, "\(b.observations) values, \(b.rows) rows")
        for f in [a, d] { #expect(f.observations == b.observations && f.rows == b.rows && f.diagnostics == b.diagnostics) }
        #expect(storeDump(parallel) == storeDump(single) && storeDump(disk) == storeDump(single))
    }

    /// Notes of former codes keep the file's order when a row the single pass reads (a value with a unit) comes
    /// before a row a worker reads, in one block: 密云区's code of 2015 in 2010, then 延庆区's.
    @Test(arguments: [false, true]) func formerCodesAreNotedInTheFilesOrder(wide: Bool) throws {
        // (A wide file's first row is read with its header, to look for units: the rows after it are the workers'.)
        let lines = wide ? ["region,year,gdp", "110101,2010,1", "110118,2010,5万元", "110119,2010,5"]
                         : ["region,year,indicator,value", "110101,2010,gdp,1", "110118,2010,gdp,5万元", "110119,2010,gdp,5"]
        let text = lines.joined(separator: "\n") + "\n"
        var parallel = makeLoader()
        let a = try LoadTuning.with(minimumBytes: 0, blockBytes: 4000) { try parallel.load(text, name: "t.csv").get() }
        var single = makeLoader()
        let b = try single.load(text, name: "t.csv").get()
        #expect(b.diagnostics.count == 2 && b.diagnostics[0].message.contains("110118") && b.diagnostics[1].message.contains("110119"), "\(b.diagnostics)")
        #expect(a.diagnostics == b.diagnostics, "\(a.diagnostics)")
    }

    /// A column's bad cells, spread over blocks, are one message after the first three, as in one pass; a file with
    /// a year given (`--year`) reads its rows on two cores too.
    @Test func badCellsAndAGivenYear() throws {
        // 300 units of 2020, by their codes of that year.
        let t = BuiltinRegions.table
        let codes = (0..<t.count).compactMap { i -> String? in
            let r = t[RegionIndex(i)]
            return r.type.isUnit ? r.record(in: 2020)?.code : nil
        }.prefix(300)
        #expect(codes.count == 300)
        var lines = ["地区,gdp,incubators"]
        for (n, code) in codes.enumerated() { lines.append("\(code),\(n % 37 == 0 ? "12x" : String(n)),\(n)") }
        let text = lines.joined(separator: "\n") + "\n"
        let settings = LoadSettings(year: 2020)
        var single = makeLoader()
        let b = diagnostics(single.load(bytes: Array(text.utf8), name: "t.csv", settings: settings)).map(\.description)
        #expect(b.count == 4 && b.first?.contains("has 9 values that cannot be read") == true, "\(b.joined(separator: "\n"))")
        let good = text.replacingOccurrences(of: "12x", with: "")
        var goodParallel = makeLoader(), goodDisk = makeLoader()
        try LoadTuning.with(minimumBytes: 0, blockBytes: 300) {
            var parallel = makeLoader(), disk = makeLoader()
            #expect(diagnostics(parallel.load(bytes: Array(text.utf8), name: "t.csv", settings: settings)).map(\.description) == b)
            #expect(diagnostics(try loadFromDisk(text, into: &disk, head: 400, settings: settings)).map(\.description) == b)
            _ = try goodParallel.load(bytes: Array(good.utf8), name: "t.csv", settings: settings).get()
            _ = try loadFromDisk(good, into: &goodDisk, head: 400, settings: settings).get()
        }
        var goodSingle = makeLoader()
        _ = try goodSingle.load(bytes: Array(good.utf8), name: "t.csv", settings: settings).get()
        #expect(storeDump(goodParallel) == storeDump(goodSingle) && storeDump(goodDisk) == storeDump(goodSingle))
        #expect(storeDump(goodParallel).count == 2 * 300 - 9)
    }
}
