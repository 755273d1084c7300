import CIECore
import Foundation

/// The kind of a data file, recognised from its header (and `.json` from its content), never its name.
public enum FileKind: String, Sendable {
    case longCSV = "long CSV"
    case wideCSV = "wide CSV"
    case regionsCSV = "regions CSV"
    case json = "JSON"
}

/// What one file added.
public struct LoadedFile: Sendable {
    public var path: String
    public var kind: FileKind
    public var encoding: TextEncoding
    public var observations: Int
    public var regionsAdded: Int
    public var customIndicators: [String]
    public var years: ClosedRange<Int>?
    public var diagnostics: [Diagnostic]
}

/// Loads data files into copies of the region table, catalogue and store. A call that finds any error
/// changes nothing: the caller keeps its own values until it takes the loader's.
public struct DataLoader: Sendable {
    public private(set) var regions: RegionTable
    public private(set) var catalogue: IndicatorCatalogue
    public private(set) var store: DataStore
    public static let years = 1949...2100

    public init(regions: RegionTable, catalogue: IndicatorCatalogue, store: DataStore) {
        self.regions = regions
        self.catalogue = catalogue
        self.store = store
    }

    /// Loads every file, or none: on any error the loader is left as it was and every problem is returned.
    public mutating func load(paths: [String]) -> Result<[LoadedFile], LoadFailure> {
        var copy = self
        var loaded: [LoadedFile] = []
        var problems: [Diagnostic] = []
        // Regions files first, so that data files of the same load can name the units they declare.
        let ordered = paths.filter { DataLoader.looksLikeRegionsFile($0) } + paths.filter { !DataLoader.looksLikeRegionsFile($0) }
        for path in ordered {
            if Cancellation.isRequested {
                problems.append(Diagnostic(file: path, line: 0, column: 0, "interrupted (Ctrl-C) before this file: nothing was loaded; load again to finish"))
                break
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                var isDir: ObjCBool = false
                let why = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
                    ? (isDir.boolValue ? "is a directory: name a file in it" : "cannot be read: check its permissions")
                    : "no such file: check the path (relative paths start from \(FileManager.default.currentDirectoryPath))"
                problems.append(Diagnostic(file: path, line: 0, column: 0, why))
                continue
            }
            switch copy.load(bytes: [UInt8](data), name: path) {
            case .success(let file): loaded.append(file)
            case .failure(let f): problems += f.diagnostics
            }
        }
        if problems.contains(where: { $0.severity == .error }) { return .failure(LoadFailure(problems)) }
        self = copy
        return .success(loaded)
    }

    /// Whether the file's header is that of a regions CSV (code, name, and no region or year column).
    static func looksLikeRegionsFile(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = [UInt8](handle.readData(ofLength: 4096))
        let firstLine = head.split(separator: 0x0A, maxSplits: 1, omittingEmptySubsequences: false).first.map(Array.init) ?? []
        guard case .success(let (bytes, _)) = TextDecoding.decode(firstLine, file: path) else { return false }
        let roles = String(decoding: bytes, as: UTF8.self).split(separator: ",").compactMap { Role.of(String($0).trimmingSpaces()) }
        return roles.contains(.code) && roles.contains(.name) && !roles.contains(.region) && !roles.contains(.year)
    }

    /// Loads one file's bytes; on failure nothing is changed.
    public mutating func load(bytes raw: [UInt8], name: String) -> Result<LoadedFile, LoadFailure> {
        let bytes: [UInt8], encoding: TextEncoding
        switch TextDecoding.decode(raw, file: name) {
        case .success(let r): (bytes, encoding) = r
        case .failure(let f): return .failure(f)
        }
        var parse = FileParse(file: name, bytes: bytes, regions: regions, catalogue: catalogue)
        let kind = parse.run()
        var diagnostics = parse.diagnostics
        var observations = parse.deduplicated()
        diagnostics += parse.duplicateDiagnostics
        for (o, origin, old) in store.conflicts(with: observations) {
            diagnostics.append(Diagnostic(
                file: name, line: Int(o.line), column: Int(o.column),
                "\(parse.regions.describe(o.region)) \(o.year) \(parse.catalogue[o.indicator].id) is \(formatNumber(o.value)) here but \(formatNumber(old)) was already loaded from \(origin): correct one of them, or start a new session without the other file"))
        }
        if diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics.sort { ($0.line, $0.column) < ($1.line, $1.column) }
            return .failure(LoadFailure(diagnostics))
        }
        if kind == .regionsCSV { observations = [] }
        regions = parse.regions
        catalogue = parse.catalogue
        store.insert(observations, from: name, regionCount: regions.count, indicatorCount: catalogue.count)
        let years = observations.isEmpty ? nil : (Int(observations.map(\.year).min()!)...Int(observations.map(\.year).max()!))
        return .success(LoadedFile(path: name, kind: kind ?? .longCSV, encoding: encoding, observations: observations.count,
                                   regionsAdded: parse.regionsAdded, customIndicators: parse.customIndicators, years: years,
                                   diagnostics: diagnostics))
    }
}

/// Header names each column role answers to (lower-cased, spaces dropped).
enum Role: CaseIterable {
    case region, year, indicator, value, unit, source, note, code, name, prefecture, type, groups

    var names: [String] {
        switch self {
        case .region: ["region", "地区", "地区名称", "单位名称", "行政区划", "区县", "县（市、区）", "县(市、区)"]
        case .year: ["year", "年份", "年度", "年"]
        case .indicator: ["indicator", "指标", "指标名称", "指标代码"]
        case .value: ["value", "数值", "值", "指标值"]
        case .unit: ["unit", "单位", "计量单位"]
        case .source: ["source", "来源", "数据来源"]
        case .note: ["note", "备注", "说明"]
        case .code: ["code", "代码", "区划代码", "行政区划代码"]
        case .name: ["name", "名称"]
        case .prefecture: ["prefecture", "所属地市", "上级", "地市", "市（州、盟）", "市(州、盟)"]
        case .type: ["type", "类型"]
        case .groups: ["groups", "分组", "组"]
        }
    }

    static func of(_ header: String) -> Role? {
        let k = IndicatorCatalogue.key(header)
        return allCases.first { $0.names.contains { IndicatorCatalogue.key($0) == k } }
    }
}

/// The parse of one file against copies of the tables.
struct FileParse {
    let file: String
    let bytes: [UInt8]
    var regions: RegionTable
    var catalogue: IndicatorCatalogue
    var diagnostics: [Diagnostic] = []
    var duplicateDiagnostics: [Diagnostic] = []
    var observations: [Observation] = []
    var customIndicators: [String] = []
    var regionsAdded = 0
    var dataRows = 0
    private var regionCache: [String: RegionMatch] = [:]
    private var indicatorCache: [String: IndicatorIndex?] = [:]

    init(file: String, bytes: [UInt8], regions: RegionTable, catalogue: IndicatorCatalogue) {
        self.file = file
        self.bytes = bytes
        self.regions = regions
        self.catalogue = catalogue
    }

    mutating func error(_ line: Int, _ column: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, message))
    }

    /// Parses the file; returns its kind (nil when the header was not recognised).
    mutating func run() -> FileKind? {
        if let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }), first == 0x7B || first == 0x5B {
            json()
            return .json
        }
        var reader = CSVReader(bytes: bytes)
        do {
            guard let header = try reader.next() else {
                error(1, 1, "empty file: it holds no header and no data")
                return nil
            }
            let names = header.fields.map { reader.string($0) }
            var roles: [Role: Int] = [:]
            for (i, n) in names.enumerated() {
                if let r = Role.of(n), roles[r] == nil { roles[r] = i }
            }
            if let c = roles[.code], let n = roles[.name], roles[.region] == nil, roles[.year] == nil {
                try regionsFile(&reader, header: header, code: c, name: n, prefecture: roles[.prefecture], type: roles[.type], groups: roles[.groups])
                requireRows(after: header)
                return .regionsCSV
            }
            let region = roles[.region] ?? roles[.code]
            guard let region, let year = roles[.year] else {
                error(header.line, 1, "unrecognised header \(names.joined(separator: ",")): a long CSV needs region,year,indicator,value (地区,年份,指标,数值); a wide CSV region,year and a column per indicator; a regions CSV code,name,prefecture,type")
                return nil
            }
            if let ind = roles[.indicator], let value = roles[.value] {
                try longFile(&reader, header: header, region: region, year: year, indicator: ind, value: value, unit: roles[.unit])
                requireRows(after: header)
                return .longCSV
            }
            try wideFile(&reader, header: header, names: names, region: region, year: year)
            requireRows(after: header)
            return .wideCSV
        } catch let i as Interrupted {
            error(i.line, 1, "interrupted (Ctrl-C) while reading this line: nothing was loaded; load the file again to finish")
            return nil
        } catch let p as CSVReader.Problem {
            for skipped in reader.drainSkipped() { report(skipped) }
            report(p)
            return nil
        } catch {
            return nil
        }
    }

    mutating func report(_ p: CSVReader.Problem) {
        switch p {
        case .unbalancedQuote(let line, let column):
            error(line, column, "unbalanced quote: the quote opened here never closes; close it or remove it")
        case .strayQuote(let line, let column):
            error(line, column, "stray quote inside a field: quote the whole field and double inner quotes (\"\")")
        case .fieldTooLong(let line, let column, let n):
            error(line, column, "field of \(n) bytes is longer than \(CSVReader.maxFieldBytes): is a quote or line break missing?")
        }
    }

    /// A CSV with a header and no rows is refused: it is almost always the wrong sheet or an export that failed.
    mutating func requireRows(after header: CSVRow) {
        if dataRows == 0, diagnostics.isEmpty {
            error(header.line + 1, 1, "no data rows: the file has a header only; check that the right sheet was exported")
        }
    }

    // MARK: Resolution

    mutating func region(_ text: String, line: Int, column: Int) -> RegionIndex? {
        let match: RegionMatch
        if let m = regionCache[text] {
            match = m
        } else {
            match = regions.resolve(text)
            regionCache[text] = match
        }
        switch match {
        case .found(let i): return i
        case .ambiguous(let hits):
            error(line, column, "ambiguous region “\(text)”: it names \(hits.map { regions.describe($0) }.joined(separator: ", ")); write the code instead")
        case .unknown(let suggestions):
            let hint = suggestions.isEmpty ? "use the 6-digit code, or declare it in a regions CSV (code,name,prefecture,type)"
                : "did you mean " + suggestions.map { regions.describe($0) }.joined(separator: " or ") + "?"
            error(line, column, "unknown region “\(text)”: \(hint)")
        }
        return nil
    }

    /// A catalogue indicator; a custom one for a name far from every catalogue name; nil (with an error) for a near miss.
    mutating func indicator(_ text: String, unit: WrittenUnit?, line: Int, column: Int) -> IndicatorIndex? {
        if let cached = indicatorCache[text] {
            if cached == nil { nearMiss(text, line: line, column: column) }
            return cached
        }
        if let i = catalogue.lookup(text) {
            indicatorCache[text] = i
            return i
        }
        if isNearMiss(text) {
            indicatorCache[text] = .some(nil)
            nearMiss(text, line: line, column: column)
            return nil
        }
        let (u, kind): (MeasureUnit, IndicatorKind) = switch unit?.base {
        case "元"?: (.wanYuan, .amount)
        case "%"?: (.percent, .ratio)
        case let b?: (MeasureUnit(rawValue: b) ?? .none, .count)
        case nil: unit?.multiplier ?? 1 != 1 ? (.wanYuan, .amount) : (.none, .ratio)
        }
        let i = catalogue.add(Indicator(text, zh: text, en: text, unit: u, kind: kind, custom: true))
        customIndicators.append(text)
        indicatorCache[text] = i
        return i
    }

    func isNearMiss(_ text: String) -> Bool {
        let k = IndicatorCatalogue.key(text)
        for ind in catalogue.indicators where !ind.isCustom {
            for n in [ind.id, ind.name.zh] + ind.aliases {
                let other = IndicatorCatalogue.key(n)
                let d = editDistance(k, other)
                if d > 0, Double(d) / Double(max(k.unicodeScalars.count, other.unicodeScalars.count)) <= 0.25 { return true }
            }
        }
        return false
    }

    mutating func nearMiss(_ text: String, line: Int, column: Int) {
        let s = catalogue.suggestions(for: text)
        error(line, column, "unknown indicator “\(text)”: did you mean \(s.joined(separator: " or "))? (a name far from every catalogue name loads as a custom indicator)")
    }

    mutating func year(_ text: String, line: Int, column: Int) -> Int? {
        var s = ValueParser.normalize(text)
        if s.hasSuffix("年") { s.removeLast() }
        guard let y = Int(s) else {
            error(line, column, "year “\(text)” is not a year: write it as 2020 or 2020年")
            return nil
        }
        guard DataLoader.years.contains(y) else {
            error(line, column, "year \(y) is out of range \(DataLoader.years.lowerBound)–\(DataLoader.years.upperBound): check the column")
            return nil
        }
        return y
    }

    mutating func value(_ text: String, indicator: IndicatorIndex, declared: WrittenUnit?, region: RegionIndex?, line: Int, column: Int) -> Double? {
        let ind = catalogue[indicator]
        let forArea = region.map { !regions[$0].type.isUnit } ?? false
        do {
            let parsed = try ValueParser.parse(text)
            guard var v = try UnitConversion.convert(parsed, to: ind, declared: declared, forArea: forArea) else { return nil }
            // 1.62万 is 16200 but converts to 16200.000000000002: a count within the comparison tolerance of a whole number is that number.
            if ind.kind == .count, Tolerance.equal(v, v.rounded()) { v = v.rounded() }
            if v < 0, ind.kind != .ratio {
                error(line, column, "negative \(ind.kind == .amount ? "amount" : "count") \(text) for \(ind.name.zh) (\(ind.id)): it cannot be below 0")
                return nil
            }
            if ind.kind == .count, !ind.isCustom, v != v.rounded() {
                error(line, column, "\(text) is not a whole number, but \(ind.name.zh) (\(ind.id)) counts \(ind.unit.rawValue): give a whole number")
                return nil
            }
            return v
        } catch let p as ValueProblem {
            switch p {
            case .notFinite: error(line, column, "“\(text)” is NaN or infinity: give a finite number, or leave the cell empty for a missing value")
            case .unparsable: error(line, column, "cannot read “\(text)” as a value of \(ind.name.zh) (\(ind.id)): write a number with an optional unit (4.5%, 35亿元), a flag (是/否), or leave it empty")
            }
        } catch let m as UnitMismatch {
            error(line, column, m.message)
        } catch {}
        return nil
    }

    mutating func unit(_ text: String, line: Int, column: Int) -> WrittenUnit?? {
        let t = text.trimmingSpaces()
        if t.isEmpty { return .some(nil) }
        guard let u = WrittenUnit.parse(t) else {
            error(line, column, "unknown unit “\(t)”: use 元, 万元, 亿元, %, 个, 家, 人, 台次, 批次 or 次")
            return nil
        }
        return .some(u)
    }

    mutating func add(_ region: RegionIndex, _ indicator: IndicatorIndex, _ year: Int, _ value: Double, line: Int, column: Int) {
        observations.append(Observation(region: region, indicator: indicator, year: year, value: value, line: line, column: column))
    }

    /// Thrown out of the row loop when the user presses Ctrl-C.
    struct Interrupted: Error { var line: Int }

    /// The next record whose width matches the header's; a ragged one is reported and skipped.
    mutating func nextRow(_ reader: inout CSVReader, width: Int) throws -> CSVRow? {
        defer { for p in reader.drainSkipped() { report(p) } }
        while let row = try reader.next() {
            dataRows += 1
            if dataRows & 0xFFF == 0, Cancellation.isRequested { throw Interrupted(line: row.line) }
            if row.fields.count == width { return row }
            // Excel's trailing commas: extra fields that are all empty are fine.
            if row.fields.count > width, row.fields[width...].allSatisfy({ $0.end == $0.start }) { return row }
            let column = row.fields.count > width ? row.fields[width].column : (row.fields.last?.column ?? 1)
            error(row.line, column, "ragged row: \(row.fields.count) fields where the header has \(width); add or remove commas (quote a value that contains one)")
        }
        return nil
    }

    /// The region and year of a data row (each nil, with an error, when it cannot be read).
    mutating func regionAndYear(_ row: CSVRow, _ reader: CSVReader, region rc: Int, year yc: Int) -> (RegionIndex?, Int?) {
        let f = row.fields
        return (region(reader.string(f[rc]), line: row.line, column: f[rc].column), year(reader.string(f[yc]), line: row.line, column: f[yc].column))
    }

    // MARK: File kinds

    mutating func longFile(_ reader: inout CSVReader, header: CSVRow, region rc: Int, year yc: Int, indicator ic: Int, value vc: Int, unit uc: Int?) throws {
        let width = header.fields.count
        while let row = try nextRow(&reader, width: width) {
            let f = row.fields
            let (r, y) = regionAndYear(row, reader, region: rc, year: yc)
            var declared: WrittenUnit? = nil
            if let uc {
                guard let u = unit(reader.string(f[uc]), line: row.line, column: f[uc].column) else { continue }
                declared = u
            }
            let i = indicator(reader.string(f[ic]), unit: declared ?? unitOfCell(reader.string(f[vc])), line: row.line, column: f[ic].column)
            guard let i else { continue }
            let v = value(reader.string(f[vc]), indicator: i, declared: declared, region: r, line: row.line, column: f[vc].column)
            if let r, let y, let v { add(r, i, y, v, line: row.line, column: f[vc].column) }
        }
    }

    func unitOfCell(_ text: String) -> WrittenUnit? {
        if case .number(_, let u)? = try? ValueParser.parse(text) { return u }
        return nil
    }

    /// Splits `R&D经费支出(万元)` into the name and the unit; a bracket that holds no unit stays in the name.
    static func splitHeader(_ text: String) -> (String, WrittenUnit?) {
        let t = text.trimmingSpaces()
        for (open, close) in [("(", ")"), ("（", "）"), ("[", "]"), ("【", "】")] where t.hasSuffix(close) {
            guard let o = t.range(of: open, options: .backwards) else { continue }
            let inside = String(t[o.upperBound..<t.index(before: t.endIndex)])
            if let u = WrittenUnit.parse(inside) { return (String(t[..<o.lowerBound]).trimmingSpaces(), u) }
        }
        return (t, nil)
    }

    mutating func wideFile(_ reader: inout CSVReader, header: CSVRow, names: [String], region rc: Int, year yc: Int) throws {
        var columns: [(Int, IndicatorIndex, WrittenUnit?)] = []
        var seen: [IndicatorIndex: Int] = [:]
        var unnamed: [Int] = []
        for (c, raw) in names.enumerated() where c != rc && c != yc {
            // Key and annotation columns (代码, 名称, 单位, 来源, 备注 …) are not indicators.
            if Role.of(raw) != nil { continue }
            let column = header.fields[c].column
            if raw.isEmpty {
                unnamed.append(c)  // Excel's unnamed trailing columns: fine while their cells are empty
                continue
            }
            var (name, unit) = FileParse.splitHeader(raw)
            if catalogue.lookup(name) == nil, catalogue.lookup(raw) != nil { (name, unit) = (raw, nil) }
            guard let i = indicator(name, unit: unit, line: header.line, column: column) else { continue }
            if let other = seen[i] {
                error(header.line, column, "column “\(raw)” repeats \(catalogue[i].id), already in column \(other + 1): keep one")
                continue
            }
            seen[i] = c
            columns.append((c, i, unit))
        }
        let width = header.fields.count
        while let row = try nextRow(&reader, width: width) {
            let f = row.fields
            let (r, y) = regionAndYear(row, reader, region: rc, year: yc)
            for c in unnamed where c < f.count && f[c].end > f[c].start {
                error(row.line, f[c].column, "a value in column \(c + 1), which has no name: name the indicator in the header, or delete the value")
            }
            for (c, i, unit) in columns {
                let v = value(reader.string(f[c]), indicator: i, declared: unit, region: r, line: row.line, column: f[c].column)
                if let r, let y, let v { add(r, i, y, v, line: row.line, column: f[c].column) }
            }
        }
    }

    mutating func regionsFile(_ reader: inout CSVReader, header: CSVRow, code cc: Int, name nc: Int, prefecture pc: Int?, type tc: Int?, groups gc: Int?) throws {
        let width = header.fields.count
        while let row = try nextRow(&reader, width: width) {
            let f = row.fields
            declareRegion(code: reader.string(f[cc]), name: reader.string(f[nc]),
                          prefecture: pc.map { (reader.string(f[$0]), f[$0].column) },
                          type: tc.map { (reader.string(f[$0]), f[$0].column) },
                          groups: gc.map { reader.string(f[$0]) } ?? "", line: row.line, column: f[cc].column)
        }
    }

    mutating func declareRegion(code: String, name: String, prefecture: (String, Int)?, type: (String, Int)?, groups: String, line: Int, column: Int) {
        let groupList = groups.split(whereSeparator: { $0 == ";" || $0 == "；" }).map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        guard !code.isEmpty else {
            error(line, column, "a region needs a code: give the official code, or one of your own for a unit without one")
            return
        }
        if let known = regions.index(code: code) {
            regions.restate(known, name: name.isEmpty ? nil : name, groups: groupList)
            return
        }
        guard !name.isEmpty else {
            error(line, column, "new region \(code) needs a name")
            return
        }
        guard let (ptext, pcol) = prefecture, !ptext.isEmpty else {
            error(line, column, "new region \(code) \(name) needs a prefecture (code or name) to belong to")
            return
        }
        guard let (ttext, tcol) = type, let t = RegionType(parsing: ttext), t.isUnit else {
            error(line, type?.1 ?? column, "type “\(type?.0 ?? "")” of \(name) is not one of district, county, city, banner, zone (区, 县, 市, 旗, 功能区)")
            return
        }
        guard let p = region(ptext, line: line, column: pcol) else { return }
        guard !regions[p].type.isUnit else {
            error(line, pcol, "\(regions.describe(p)) is a county-level unit, not a prefecture: name the prefecture \(name) belongs to")
            return
        }
        _ = tcol
        regions.add(Region(code: code, name: name, type: t, parent: p, groups: groupList, isUserDefined: true))
        regionsAdded += 1
        regionCache = [:]
    }

    mutating func json() {
        var reader = JSONReader(bytes)
        let doc: JSONNode
        do {
            doc = try reader.document()
        } catch {
            self.error(error.line, error.column, error.message)
            return
        }
        guard case .object = doc.value else {
            error(doc.line, doc.column, "the JSON must be an object {\"regions\": [...], \"observations\": [...]}")
            return
        }
        func text(_ n: JSONNode?) -> String? {
            switch n?.value {
            case .string(let s)?: s
            case .number(let d)?: d.isFinite && abs(d) < 1e15 && d == d.rounded() ? String(Int(d)) : String(d)
            case .bool(let b)?: b ? "true" : "false"
            case .null?: ""
            default: nil
            }
        }
        if let rs = doc["regions"] {
            guard case .array(let items) = rs.value else {
                error(rs.line, rs.column, "\"regions\" must be an array of {code, name, prefecture, type}")
                return
            }
            for item in items {
                let groups: String
                if case .array(let gs)? = item["groups"]?.value { groups = gs.compactMap { text($0) }.joined(separator: ";") } else { groups = text(item["groups"]) ?? "" }
                declareRegion(code: text(item["code"]) ?? "", name: text(item["name"]) ?? "",
                              prefecture: text(item["prefecture"]).map { ($0, item["prefecture"]!.column) },
                              type: text(item["type"]).map { ($0, item["type"]!.column) }, groups: groups, line: item.line, column: item.column)
            }
        }
        guard let obs = doc["observations"] else {
            if doc["regions"] == nil { error(doc.line, doc.column, "the JSON has neither \"regions\" nor \"observations\"") }
            return
        }
        guard case .array(let items) = obs.value else {
            error(obs.line, obs.column, "\"observations\" must be an array of {region, year, indicator, value, unit?}")
            return
        }
        for item in items {
            guard case .object = item.value else {
                error(item.line, item.column, "an observation must be an object {region, year, indicator, value}")
                continue
            }
            var fieldsOK = true
            for key in ["region", "year", "indicator"] where text(item[key]) == nil || text(item[key])!.isEmpty {
                error(item.line, item.column, "observation without \"\(key)\"")
                fieldsOK = false
            }
            guard fieldsOK else { continue }
            let r = region(text(item["region"])!, line: item["region"]!.line, column: item["region"]!.column)
            let y = year(text(item["year"])!, line: item["year"]!.line, column: item["year"]!.column)
            var declared: WrittenUnit? = nil
            if let u = text(item["unit"]) {
                guard let parsed = unit(u, line: item["unit"]!.line, column: item["unit"]!.column) else { continue }
                declared = parsed
            }
            let valueNode = item["value"]
            let valueText = text(valueNode) ?? ""
            guard let i = indicator(text(item["indicator"])!, unit: declared ?? unitOfCell(valueText), line: item["indicator"]!.line, column: item["indicator"]!.column) else { continue }
            let v = value(valueText, indicator: i, declared: declared, region: r, line: valueNode?.line ?? item.line, column: valueNode?.column ?? item.column)
            if let r, let y, let v { add(r, i, y, v, line: valueNode?.line ?? item.line, column: valueNode?.column ?? item.column) }
        }
    }

    // MARK: Duplicates

    /// The observations without repeats; a repeat with a different value is reported, naming both places.
    mutating func deduplicated() -> [Observation] {
        guard observations.count > 1 else { return observations }
        @inline(__always) func key(_ o: Observation) -> UInt64 {
            UInt64(UInt32(bitPattern: o.region)) << 40 | UInt64(UInt32(bitPattern: o.indicator)) << 16 | UInt64(UInt16(bitPattern: o.year))
        }
        let order = observations.indices.sorted { (key(observations[$0]), $0) < (key(observations[$1]), $1) }
        var keep = [Bool](repeating: true, count: observations.count)
        var first = order[0]
        for n in 1..<order.count {
            let j = order[n]
            let (a, b) = (observations[first], observations[j])
            if key(a) == key(b) {
                keep[j] = false
                if !Tolerance.equal(a.value, b.value) {
                    duplicateDiagnostics.append(Diagnostic(
                        file: file, line: Int(b.line), column: Int(b.column),
                        "\(regions.describe(b.region)) \(b.year) \(catalogue[b.indicator].id) is given twice with different values: \(formatNumber(b.value)) here, \(formatNumber(a.value)) at \(file):\(a.line):\(a.column); keep one"))
                }
            } else {
                first = j
            }
        }
        return observations.indices.filter { keep[$0] }.map { observations[$0] }
    }
}
