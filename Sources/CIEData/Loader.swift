import CIECore
import Foundation

/// The kind of a data file, recognised from its header (and `.json` from its content), never its name.
public enum FileKind: String, Sendable {
    case longCSV = "long CSV"
    case wideCSV = "wide CSV"
    case regionsCSV = "regions CSV"
    case json = "JSON"

    /// The kind as load summaries print it (the raw value is the English label).
    public var label: LocalizedText {
        switch self {
        case .longCSV: LocalizedText(zh: "长表 CSV", en: "long CSV")
        case .wideCSV: LocalizedText(zh: "宽表 CSV", en: "wide CSV")
        case .regionsCSV: LocalizedText(zh: "地区 CSV", en: "regions CSV")
        case .json: LocalizedText(zh: "JSON", en: "JSON")
        }
    }
}

/// How to read a file, for what its content cannot say (`load --year`, …); kept with the file, so that `reload` reads
/// it the same way.
public struct LoadSettings: Sendable, Equatable {
    /// The year of a file without a year column (else its title's year).
    public var year: Int?
    /// The sheet of a workbook to read (`--sheet`; else the first that holds data).
    public var sheet: String?
    /// Header → what the column is: an indicator (id or name) or a column role (region, year, province, prefecture,
    /// code, name, unit, note) — for what no rule can guess (`--map 'GDP=gdp'`, a `FILE.cie-map.yaml`).
    public var columns: [String: String]
    /// Headers of columns to ignore (`--skip-column`).
    public var skipColumns: [String]
    /// Where the mapping came from, when a file gave it (reported by the load).
    public var mappingFile: String?
    /// `--skip-bad-rows`: load the good rows, and keep the others with their places and reasons (DuckDB's
    /// `ignore_errors` with `store_rejects`). Off by default: a file with any error loads nothing.
    public var skipBadRows: Bool
    /// `--only-jurisdiction`, `--province P`: keep the rows of units in this area; the others are counted, not errors.
    public var within: RegionIndex?

    public init(year: Int? = nil, sheet: String? = nil, columns: [String: String] = [:], skipColumns: [String] = [], mappingFile: String? = nil,
                skipBadRows: Bool = false, within: RegionIndex? = nil) {
        self.year = year
        self.sheet = sheet
        self.columns = columns
        self.skipColumns = skipColumns
        self.mappingFile = mappingFile
        self.skipBadRows = skipBadRows
        self.within = within
    }
}

/// A row `--skip-bad-rows` set aside: where it is, what it held, and every problem it had.
public struct RejectedRow: Sendable, Equatable {
    public var file: String
    public var line: Int
    public var cells: [String]
    public var problems: [Diagnostic]
}

/// What a column of a file was read as (`validate` prints them, column by column).
public struct ColumnUse: Sendable, Equatable {
    public var column: Int
    public var header: String
    public var meaning: LocalizedText
    /// Given by `--map`, `--skip-column` or a mapping file, rather than recognised.
    public var mapped: Bool
}

/// What one file added.
public struct LoadedFile: Sendable {
    public var path: String
    public var settings = LoadSettings()
    public var kind: FileKind
    public var encoding: TextEncoding
    public var observations: Int
    public var regionsAdded: Int
    public var customIndicators: [String]
    public var years: ClosedRange<Int>?
    public var diagnostics: [Diagnostic]
    /// How each column was read (tables; empty for JSON).
    public var columns: [ColumnUse] = []
    /// Data rows read, and those set aside: rejected (`--skip-bad-rows`) or outside the area (`--only-jurisdiction`).
    public var rows = 0
    public var rejects: [RejectedRow] = []
    public var outsideRows = 0
    /// A workbook's sheets, and the one read.
    public var sheets: [String] = []
    public var sheet: String?

    /// What the file is, as loads and `files` say it: the kind of table, in a workbook when it was one.
    public var kindLabel: LocalizedText {
        sheet == nil ? kind.label : LocalizedText(zh: "Excel 工作簿（\(kind.label.zh.replacingOccurrences(of: " CSV", with: ""))）", en: "Excel workbook (\(kind.label.en.replacingOccurrences(of: " CSV", with: "")))")
    }
}

/// Loads data files into copies of the region table, catalogue and store. A call that finds any error
/// changes nothing: the caller keeps its own values until it takes the loader's.
public struct DataLoader: Sendable {
    public private(set) var regions: RegionTable
    public private(set) var catalogue: IndicatorCatalogue
    public private(set) var store: DataStore
    public static let years = 1949...2100
    /// An area whose units "did you mean" offers first (the current policy's jurisdiction). It never changes what
    /// a name resolves to: a file reads the same whatever policy is in use.
    public var preferredArea: RegionIndex?
    /// How many files opened by their head were read again whole (`loadWhole`): the tests check by it that a file
    /// that should be read as it comes is.
    private(set) var filesReadWhole = 0

    public init(regions: RegionTable, catalogue: IndicatorCatalogue, store: DataStore, preferredArea: RegionIndex? = nil) {
        self.regions = regions
        self.catalogue = catalogue
        self.store = store
        self.preferredArea = preferredArea
    }

    /// Loads every file, or none: on any error the loader is left as it was and every problem is returned.
    public mutating func load(paths: [String], settings: LoadSettings = LoadSettings()) -> Result<[LoadedFile], LoadFailure> {
        load(paths.map { ($0, settings) })
    }

    /// Loads every file, each read as its settings say, or none.
    public mutating func load(_ requests: [(path: String, settings: LoadSettings)]) -> Result<[LoadedFile], LoadFailure> {
        var copy = self
        var loaded: [LoadedFile] = []
        var problems: [Diagnostic] = []
        // Each file is opened once (a large one by its head, see `FileBytes.rest`). Regions files load first, so
        // that data files of the same load can name the units they declare.
        let opened = requests.map { r in
            let file = FileBytes.open(r.path, headFrom: ParallelCSV.minimumBytes)
            let isRegions = (try? file.get()).map { DataLoader.looksLikeRegionsFile($0, name: r.path) } ?? false
            return (path: r.path, settings: r.settings, file: file, isRegions: isRegions)
        }
        for (path, settings, opening, _) in opened.filter(\.isRegions) + opened.filter({ !$0.isRegions }) {
            if Cancellation.isRequested {
                problems.append(Diagnostic(file: path, line: 0, column: 0, LocalizedText(
                    zh: "载入此文件前已中断（Ctrl-C）：未载入任何数据；请重新载入以完成",
                    en: "interrupted (Ctrl-C) before this file: nothing was loaded; load again to finish")))
                break
            }
            let file: FileBytes
            switch opening {
            case .success(let f): file = f
            case .failure(let why):
                problems.append(Diagnostic(file: path, line: 0, column: 0, why.message))
                continue
            }
            switch copy.load(file, name: path, settings: settings) {
            case .success(let file): loaded.append(file)
            case .failure(let f): problems += f.diagnostics
            }
        }
        if problems.contains(where: { $0.severity == .error }) { return .failure(LoadFailure(problems)) }
        self = copy
        return .success(loaded)
    }

    /// Whether the file's header is that of a regions CSV (code, name, and no region or year column).
    /// Read by the header rule the parse uses (Layout.swift), on the first 16 KiB: titles skipped, quotes read as CSV.
    static func looksLikeRegionsFile(_ file: FileBytes, name: String) -> Bool {
        var head = Array(file.bytes.prefix(16384))
        if head.count == 16384, let lastBreak = head.lastIndex(of: 0x0A) { head.removeSubrange((lastBreak + 1)...) }
        guard case .success(let (bytes, _)) = TextDecoding.decode(head, file: name) else { return false }
        var reader = CSVReader(FileBytes(bytes))
        guard let found = try? FileParse.findHeader(&reader) else { return false }
        return FileParse.isRegionsHeader(FileParse.roles(found.names))
    }

    /// Loads one file's bytes; on failure nothing is changed.
    public mutating func load(bytes raw: [UInt8], name: String, settings: LoadSettings = LoadSettings()) -> Result<LoadedFile, LoadFailure> {
        load(FileBytes(raw), name: name, settings: settings)
    }

    /// The order a load reads files in: regions files first (validate reads them so too).
    public static func loadingOrder(_ paths: [String]) -> [String] {
        let regions = paths.filter { p in (try? FileBytes.open(p, headFrom: 0).get()).map { looksLikeRegionsFile($0, name: p) } ?? false }
        return regions + paths.filter { !regions.contains($0) }
    }

    /// Loads one file; on failure nothing is changed. Values are written straight into a copy of the store (no list
    /// of observations in between), which replaces the store only when the whole file is good.
    public mutating func load(_ raw: FileBytes, name: String, settings: LoadSettings = LoadSettings()) -> Result<LoadedFile, LoadFailure> {
        if raw.rest != nil {
            // A file opened by its head: UTF-8 text goes on to the parse, which reads the rest as it comes or asks
            // for the whole file; anything else (a workbook, GB18030, a problem to report) is read whole.
            guard !Workbook.isArchive(raw), case .success(let (file, encoding)) = TextDecoding.decode(raw, file: name), file.rest != nil else {
                return loadWhole(raw, name: name, settings: settings)
            }
            return load(text: file, encoding: encoding, path: name, shownAs: name, settings: settings)
        }
        if Workbook.isArchive(raw) { return loadWorkbook(raw, name: name, settings: settings) }
        let file: FileBytes, encoding: TextEncoding
        switch TextDecoding.decode(raw, file: name) {
        case .success(let r): (file, encoding) = r
        case .failure(let f): return .failure(f)
        }
        return load(text: file, encoding: encoding, path: name, shownAs: name, settings: settings)
    }

    /// A file opened by its head, read again whole and loaded from its start.
    mutating func loadWhole(_ file: FileBytes, name: String, settings: LoadSettings) -> Result<LoadedFile, LoadFailure> {
        filesReadWhole += 1
        return switch file.whole() {
        case .success(let whole): load(whole, name: name, settings: settings)
        case .failure(let why): .failure(LoadFailure([Diagnostic(file: name, line: 0, column: 0, why.message)]))
        }
    }

    /// A decoded table (a text file, or a workbook's sheet as CSV); `shownAs` names it in problems (`book.xlsx[县市]`).
    /// `sheet`: the text is a workbook's sheet, whose rows end at their last value (short rows are padded).
    mutating func load(text file: FileBytes, encoding: TextEncoding, path: String, shownAs name: String, settings: LoadSettings,
                       sheet: Bool = false) -> Result<LoadedFile, LoadFailure> {
        var parse = FileParse(file: name, source: file, regions: regions, catalogue: catalogue, store: store)
        parse.paddedRows = sheet
        parse.preferredArea = preferredArea
        parse.settings = settings
        var kind = parse.run()
        if parse.wantsWholeFile { return loadWhole(file, name: path, settings: settings) }
        // Names several units answer to (城中区: 西宁 and 柳州) are read again in the light of the file's other units:
        // a second pass decides them where exactly one candidate lies in a province the file's units are in.
        if parse.lookup.ambiguous > 0, !Cancellation.isRequested {
            let provinces = Set(parse.lookup.seen.compactMap { parse.regions.province(of: $0) })
            // The second pass reads in one pass, from the file's bytes in memory.
            if !provinces.isEmpty, file.rest != nil { return loadWhole(file, name: path, settings: settings) }
            if !provinces.isEmpty {
                var second = FileParse(file: name, source: file, regions: regions, catalogue: catalogue, store: store,
                                       context: provinces.sorted())
                second.preferredArea = preferredArea
                second.settings = settings
                second.paddedRows = sheet
                kind = second.run()
                parse = second
            }
        }
        var diagnostics = parse.diagnostics + parse.formerNotes()
        if diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics.sort { ($0.line, $0.column) < ($1.line, $1.column) }
            return .failure(LoadFailure(diagnostics, columns: parse.columnUses))
        }
        parse.store.trim()
        regions = parse.regions
        catalogue = parse.catalogue
        store = parse.store
        let years = parse.firstYear.map { $0...parse.lastYear! }
        return .success(LoadedFile(path: path, settings: settings, kind: kind ?? .longCSV, encoding: encoding, observations: parse.valuesRead,
                                   regionsAdded: parse.regionsAdded, customIndicators: parse.customIndicators, years: years,
                                   diagnostics: diagnostics, columns: parse.columnUses, rows: parse.dataRows - parse.rejects.count - parse.outsideRows,
                                   rejects: parse.rejects, outsideRows: parse.outsideRows))
    }
}

/// Header names each column role answers to (lower-cased, spaces dropped).
enum Role: CaseIterable {
    case region, year, indicator, value, unit, source, note, code, name, prefecture, province, type, groups, series, serial

    var names: [String] {
        switch self {
        case .region: ["region", "地区", "地区名称", "单位名称", "行政区划", "区县", "县（市、区）", "县(市、区)", "area", "county", "县（市）", "县(市)",
                       "县市", "县（市、区、旗）", "县(市、区、旗)", "县名"]
        case .year: ["year", "年份", "年度", "年"]
        case .indicator: ["indicator", "指标", "指标名称", "指标代码"]
        case .value: ["value", "数值", "值", "指标值"]
        case .unit: ["unit", "单位", "计量单位"]
        case .source: ["source", "来源", "数据来源"]
        case .note: ["note", "备注", "说明"]
        case .code: ["code", "代码", "区划代码", "行政区划代码"]
        case .name: ["name", "名称"]
        case .prefecture: ["prefecture", "parent", "所属地市", "上级", "地市", "地级", "地级市", "所属地级", "市（州、盟）", "市(州、盟)", "市（州）", "市(州)"]
        case .province: ["province", "省份", "省", "所属省份", "省（区、市）", "省(区、市)", "省区市"]
        case .type: ["type", "类型"]
        case .groups: ["groups", "分组", "组"]
        case .series: ["series", "序列"]
        case .serial: ["序号", "编号", "no", "no.", "#"]
        }
    }

    static func of(_ header: String) -> Role? { byKey[IndicatorCatalogue.key(header)] }

    /// Every role name's key, made once.
    static let byKey: [String: Role] = {
        var out: [String: Role] = [:]
        for role in allCases { for n in role.names where out[IndicatorCatalogue.key(n)] == nil { out[IndicatorCatalogue.key(n)] = role } }
        return out
    }()
}

/// Where a file's year comes from: a column, or one year for the whole file (`--year`, or its title's).
enum YearSource: Sendable {
    case column(Int)
    case fixed(Int)

    var column: Int? { if case .column(let c) = self { c } else { nil } }
    var fixed: Int? { if case .fixed(let y) = self { y } else { nil } }
}

/// The parse of one file against copies of the tables and the store.
struct FileParse {
    let file: String
    let source: FileBytes
    /// The bytes field offsets count from: `source.bytes`, read once (a class property read per cell costs an
    /// exclusivity check each time), or the block whose deferred rows a two-core load is reading.
    var bytes: UnsafeBufferPointer<UInt8>
    /// The two-core path read the rest of a file opened by its head (`FileBytes.rest`), every block of it checked.
    var readRest = false
    /// The file was opened by its head and this parse did not read the rest: it is not a long or wide CSV that two cores
    /// read, a block failed the text check, or the parse stopped at a problem that reading the whole file may put
    /// otherwise (a byte that is not UTF-8 further on comes first). The load reads the whole file from the start.
    var wantsWholeFile: Bool { source.rest != nil && !readRest }
    var regions: RegionTable
    var catalogue: IndicatorCatalogue
    /// A copy of the loaded values that this file's values are written into.
    var store: DataStore
    let fileID: UInt16
    var diagnostics: [Diagnostic] = []
    var customIndicators: [String] = []
    var regionsAdded = 0
    var dataRows = 0
    /// Values read from this file, repeats within it not counted (a value equal to one loaded before counts).
    var valuesRead = 0
    var firstYear: Int?
    var lastYear: Int?
    /// Caches and notes of region names (LoaderRegions.swift).
    var lookup = RegionLookup()
    /// The area "did you mean" prefers (`DataLoader.preferredArea`).
    var preferredArea: RegionIndex?
    /// `load --year`, `--map`, `--skip-column`.
    var settings = LoadSettings()
    /// A workbook's sheet: a row shorter than the header is padded with empty cells.
    var paddedRows = false
    /// Columns `--skip-column` (or a mapping) ignores.
    var skippedColumns: Set<Int> = []
    /// How each column was read, for `validate`.
    var columnUses: [ColumnUse] = []
    /// Where each column's use is in `columnUses`.
    var useIndex: [Int: Int] = [:]
    /// Rows `--skip-bad-rows` set aside, and rows outside `--only-jurisdiction`'s area.
    var rejects: [RejectedRow] = []
    var outsideRows = 0
    /// A row's values, held until the row is known to be good (`--skip-bad-rows`): indicator, value, column.
    var rowValues: [(IndicatorIndex, Double, Int)] = []
    /// A wide CSV's cells that could not be read, by column (one message per column past the first few).
    var badCells: [Int: Int] = [:]
    /// What the layout stages found (Layout.swift).
    var layout = LayoutNotes()
    /// The area of the last section row (a province or prefecture with no values), scoping the names below it.
    var section: RegionIndex?
    private var indicatorCache: [String: IndicatorIndex?] = [:]
    /// What a field's bytes resolved to, for the per-row path (only names that resolved cleanly are kept here).
    private var indicatorBytes = ByteTable<IndicatorIndex>()

    /// `context`: the areas of the file's units, for a second pass that decides names several units answer to.
    init(file: String, source: FileBytes, regions: RegionTable, catalogue: IndicatorCatalogue, store: DataStore, context: [RegionIndex] = []) {
        self.file = file
        self.source = source
        self.bytes = source.bytes
        self.regions = regions
        self.catalogue = catalogue
        self.store = store
        self.fileID = self.store.addFile(file)
        self.lookup.context = context
    }

    mutating func error(_ line: Int, _ column: Int, _ message: LocalizedText) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, message))
    }

    /// Ctrl-C in the middle of a file.
    static let interrupted = LocalizedText(
        zh: "读到此行时已中断（Ctrl-C）：未载入任何数据；请重新载入该文件以完成",
        en: "interrupted (Ctrl-C) while reading this line: nothing was loaded; load the file again to finish")

    /// Parses the file; returns its kind (nil when the header was not recognised).
    mutating func run() -> FileKind? {
        if let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }), first == 0x7B || first == 0x5B {
            json()
            return .json
        }
        var reader = CSVReader(source)
        do {
            guard let first = try reader.next() else {
                // Lines the reader set aside (a field longer than its limit) are the file's problem, not emptiness.
                let skipped = reader.drainSkipped()
                if skipped.isEmpty { error(1, 1, LocalizedText(zh: "空文件：既没有表头也没有数据", en: "empty file: it holds no header and no data")) }
                for p in skipped { report(p) }
                return nil
            }
            // Stage 1: the header, under any title rows (a year in a title is the file's year when it has no column).
            let found = try FileParse.findHeader(&reader, first: first)
            // A head that may end inside the header or its titles is no place to decide: the file is read whole.
            if source.rest != nil, reader.position.offset > bytes.count / 2 { throw WantsWholeFile() }
            guard let found else { return nil }
            let header = found.header
            let names = applyMapping(found.names, header: header)
            layout.titleLines = found.titles.map(\.line)
            for t in found.titles {
                if let y = FileParse.titleYear(t.names.joined(separator: " ")) {
                    layout.titleYear = (y, t.line)
                    break
                }
            }
            defer { if let note = layoutNote(header: header) { diagnostics.append(note) } }
            var roleNames = names
            for c in skippedColumns { roleNames[c] = "" }
            let roles = FileParse.roles(roleNames)
            useRoles(roles, names)
            if FileParse.isRegionsHeader(roles), let c = roles[.code], let n = roles[.name] {
                if source.rest != nil { throw WantsWholeFile() }
                try regionsFile(&reader, header: header, columns: RegionColumns(
                    code: c, name: n, prefecture: roles[.prefecture], type: roles[.type], groups: roles[.groups], series: roles[.series]))
                requireRows(after: header)
                return .regionsCSV
            }
            // A code is the key when there is one; a name beside it is a label that must agree with it.
            let region = roles[.code] ?? roles[.region] ?? roles[.name]
            let nameColumn = roles[.code] != nil ? roles[.region] ?? roles[.name] : nil
            let labels = LabelColumns(province: roles[.province], prefecture: roles[.prefecture], name: nameColumn)
            guard let region else {
                // The header as written, cut to a readable length (a 4,000-character line is not repeated whole).
                var shown = names.joined(separator: ",")
                if shown.count > 120 { shown = String(shown.prefix(120)) + "…" }
                error(header.line, 1, LocalizedText(
                    zh: "无法识别的表头 \(shown)：没有地区列；长表 CSV 需要 region,year,indicator,value（地区,年份,指标,数值）；宽表 CSV 需要 region 和每个指标一列；地区 CSV 需要 code,name,prefecture,type",
                    en: "unrecognised header \(shown): no region column; a long CSV needs region,year,indicator,value (地区,年份,指标,数值); a wide CSV region and a column per indicator; a regions CSV code,name,prefecture,type"))
                return nil
            }
            // The year: a column, else `--year`, else the title's.
            let year: YearSource
            if let c = roles[.year] {
                year = .column(c)
            } else if let y = settings.year {
                year = .fixed(y)
            } else if let (y, line) = layout.titleYear {
                year = .fixed(y)
                diagnostics.append(Diagnostic(file: file, line: line, column: 1, LocalizedText(
                    zh: "文件没有年份列：按标题中的年份 \(y) 年载入（用 --year 可指定其他年份）",
                    en: "no year column: the values are read as \(y), the year of the title (--year gives another)"), severity: .note))
            } else {
                let known = names.enumerated().compactMap { c, n in Role.of(n).map { _ in "\(n)（第 \(c + 1) 列）" } }
                let knownEN = names.enumerated().compactMap { c, n in Role.of(n).map { _ in "\(n) (column \(c + 1))" } }
                error(header.line, 1, LocalizedText(
                    zh: "没有年份列：请加一列 年份，或用 --year 2020 指定（已识别的列：\(known.joined(separator: "、"))）",
                    en: "no year column: add a 年份 (year) column or pass --year 2020 (columns recognised: \(knownEN.joined(separator: ", ")))"))
                return nil
            }
            if let ind = roles[.indicator], let value = roles[.value] {
                try longFile(&reader, header: header, region: region, year: year, indicator: ind, value: value, unit: roles[.unit], labels: labels)
                requireRows(after: header)
                return .longCSV
            }
            try wideFile(&reader, header: header, names: names, region: region, year: year, labels: labels)
            requireRows(after: header)
            return .wideCSV
        } catch let i as Interrupted {
            error(i.line, 1, FileParse.interrupted)
            return nil
        } catch is WantsWholeFile {
            return nil
        } catch let u as Unreadable {
            diagnostics.append(Diagnostic(file: file, line: 0, column: 0, u.why.message))
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
            error(line, column, LocalizedText(zh: "未闭合的引号：此处开始的引号没有闭合；补上或删去它",
                                              en: "unbalanced quote: the quote opened here never closes; close it or remove it"))
        case .strayQuote(let line, let column):
            error(line, column, LocalizedText(zh: "字段中有多余的引号：请给整个字段加引号，并把其中的引号写成两个（\"\"）",
                                              en: "stray quote inside a field: quote the whole field and double inner quotes (\"\")"))
        case .fieldTooLong(let line, let column, let n):
            error(line, column, LocalizedText(zh: "字段长 \(n) 字节，超过上限 \(CSVReader.maxFieldBytes) 字节：是否缺了引号或换行？",
                                              en: "field of \(n) bytes is longer than \(CSVReader.maxFieldBytes): is a quote or line break missing?"))
        }
    }

    /// A CSV with a header and no rows is refused: it is almost always the wrong sheet or an export that failed.
    mutating func requireRows(after header: CSVRow) {
        if dataRows == 0, diagnostics.isEmpty {
            error(header.line + 1, 1, LocalizedText(zh: "没有数据行：文件只有表头；请检查导出的是否为正确的工作表",
                                                    en: "no data rows: the file has a header only; check that the right sheet was exported"))
        }
    }

    // MARK: Resolution

    /// A catalogue indicator; a custom one for a name far from every catalogue name; nil (with an error) for a near miss.
    /// `unit` is asked only when a custom indicator is made (its unit decides the kind).
    mutating func indicator(_ text: String, unit: () -> WrittenUnit?, line: Int, column: Int) -> IndicatorIndex? {
        // An empty name is no indicator (JSON refuses the same record), never a custom one named "".
        if text.trimmingSpaces().isEmpty {
            error(line, column, LocalizedText(zh: "指标为空：请写指标的 id 或名称（indicators 列出目录）", en: "empty indicator: write the indicator's id or name (`indicators` lists the catalogue)"))
            return nil
        }
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
        let unit = unit()
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

    /// The most indicator columns a wide file may have (10,000; `CIE_MAX_COLUMNS` sets another).
    static var columnLimit: Int {
        ProcessInfo.processInfo.environment["CIE_MAX_COLUMNS"].flatMap(Int.init).map { max($0, 1) } ?? 10_000
    }

    /// Whether a name is within a quarter of its length of a catalogue name (a typo, not a new indicator). The
    /// catalogue's keys are made once per file, and a name whose length alone rules it out is not compared: a
    /// wide file of thousands of custom columns took seconds here.
    mutating func isNearMiss(_ text: String) -> Bool {
        if nearMissKeys == nil {
            nearMissKeys = catalogue.indicators.filter { !$0.isCustom }.flatMap { ind in
                ([ind.id, ind.name.zh] + ind.aliases).map { n in let k = IndicatorCatalogue.key(n); return (k, k.unicodeScalars.count) }
            }
        }
        let k = IndicatorCatalogue.key(text)
        let n = k.unicodeScalars.count
        for (other, m) in nearMissKeys! where Double(abs(n - m)) <= 0.25 * Double(max(n, m)) {
            let d = editDistance(k, other)
            if d > 0, Double(d) / Double(max(n, m)) <= 0.25 { return true }
        }
        return false
    }
    /// The catalogue's built-in names as keys, with their lengths, for `isNearMiss`.
    var nearMissKeys: [(String, Int)]?

    mutating func nearMiss(_ text: String, line: Int, column: Int) {
        let s = catalogue.suggestions(for: text)
        error(line, column, LocalizedText(
            zh: "未知指标“\(text)”：是否指 \(s.joined(separator: " 或 "))？（与目录中所有名称都相差较远的名称会作为自定义指标载入）",
            en: "unknown indicator “\(text)”: did you mean \(s.joined(separator: " or "))? (a name far from every catalogue name loads as a custom indicator)"))
    }

    mutating func year(_ text: String, line: Int, column: Int) -> Int? {
        var s = ValueParser.normalize(text)
        if s.hasSuffix("年") { s.removeLast() }
        guard let y = Int(s) else {
            error(line, column, LocalizedText(zh: "年份“\(text)”不是有效的年份：请写作 2020 或 2020年",
                                              en: "year “\(text)” is not a year: write it as 2020 or 2020年"))
            return nil
        }
        guard DataLoader.years.contains(y) else {
            error(line, column, LocalizedText(
                zh: "年份 \(y) 超出 \(DataLoader.years.lowerBound)—\(DataLoader.years.upperBound) 的范围：请检查该列",
                en: "year \(y) is out of range \(DataLoader.years.lowerBound)–\(DataLoader.years.upperBound): check the column"))
            return nil
        }
        return y
    }

    /// A cell's value in the indicator's unit; nil when it is missing or wrong (with an error).
    mutating func value(_ text: String, indicator: IndicatorIndex, declared: WrittenUnit?, region: RegionIndex?, line: Int, column: Int) -> Double? {
        let parsed: ParsedValue
        do {
            parsed = try ValueParser.parse(text)
        } catch {
            let ind = catalogue[indicator]
            switch error {
            case .notFinite: self.error(line, column, LocalizedText(
                zh: "“\(text)”是 NaN 或无穷大：请写有限的数值；缺失值请留空",
                en: "“\(text)” is NaN or infinity: give a finite number, or leave the cell empty for a missing value"))
            case .unparsable: self.error(line, column, LocalizedText(
                zh: "无法把“\(text)”读作 \(ind.name.zh)（\(ind.id)）的值：请写数值（可带单位，如 4.5%、35亿元）、是/否，或留空",
                en: "cannot read “\(text)” as a value of \(ind.name.zh) (\(ind.id)): write a number with an optional unit (4.5%, 35亿元), a flag (是/否), or leave it empty"))
            }
            return nil
        }
        return convert(parsed, indicator: indicator, declared: declared, region: region, line: line, column: column, text: { text })
    }

    /// A parsed cell converted to the indicator's unit and checked (never negative unless a ratio; a count whole).
    mutating func convert(_ parsed: ParsedValue, indicator: IndicatorIndex, declared: WrittenUnit?, region: RegionIndex?,
                          line: Int, column: Int, text: () -> String) -> Double? {
        let ind = catalogue[indicator]
        let forArea = region.map { !regions.type(of: $0).isUnit } ?? false
        do {
            guard var v = try UnitConversion.convert(parsed, to: ind, declared: declared, forArea: forArea) else { return nil }
            // 1.62万 is 16200 but converts to 16200.000000000002: a count within the comparison tolerance of a whole number is that number.
            if ind.kind == .count, Tolerance.equal(v, v.rounded()) { v = v.rounded() }
            if v < 0, ind.kind != .ratio {
                error(line, column, LocalizedText(
                    zh: "\(ind.name.zh)（\(ind.id)）的\(ind.kind == .amount ? "金额" : "数量")为负数 \(text())：不能小于 0",
                    en: "negative \(ind.kind == .amount ? "amount" : "count") \(text()) for \(ind.name.zh) (\(ind.id)): it cannot be below 0"))
                return nil
            }
            if ind.kind == .count, !ind.isCustom, v != v.rounded() {
                error(line, column, LocalizedText(
                    zh: "\(text()) 不是整数，但 \(ind.name.zh)（\(ind.id)）按\(ind.unit.rawValue)计数：请写整数",
                    en: "\(text()) is not a whole number, but \(ind.name.zh) (\(ind.id)) counts \(ind.unit.rawValue): give a whole number"))
                return nil
            }
            return v
        } catch {
            self.error(line, column, error.text)
            return nil
        }
    }

    mutating func unit(_ text: String, line: Int, column: Int) -> WrittenUnit?? {
        let t = text.trimmingSpaces()
        if t.isEmpty { return .some(nil) }
        guard let u = WrittenUnit.parse(t) else {
            error(line, column, LocalizedText(zh: "未知单位“\(t)”：请用 元、万元、亿元、%、个、家、人、台次、批次 或 次",
                                              en: "unknown unit “\(t)”: use 元, 万元, 亿元, %, 个, 家, 人, 台次, 批次 or 次"))
            return nil
        }
        return .some(u)
    }

    /// Writes a value into the store copy. A cell this file already filled is a repeat (an error when the values
    /// differ, naming both places); a cell an earlier file filled is a conflict when the values differ.
    mutating func add(_ region: RegionIndex, _ indicator: IndicatorIndex, _ year: Int, _ value: Double, line: Int, column: Int) {
        let taken = store.write(value, indicator, region, year, file: fileID, line: UInt32(clamping: line), column: UInt16(clamping: column),
                                regionCount: regions.count, indicatorCount: catalogue.count)
        if firstYear == nil || year < firstYear! { firstYear = year }
        if lastYear == nil || year > lastYear! { lastYear = year }
        guard let taken else {
            valuesRead += 1
            return
        }
        if Tolerance.equal(taken.value, value) {
            if taken.file != fileID { valuesRead += 1 }
            return
        }
        if taken.file == fileID {
            error(line, column, LocalizedText(
                zh: "\(regions.describe(region)) \(year) 年 \(catalogue[indicator].id) 给出了两个不同的值：此处为 \(formatNumber(value))，\(file):\(taken.line):\(taken.column) 处为 \(formatNumber(taken.value))；请保留其一",
                en: "\(regions.describe(region)) \(year) \(catalogue[indicator].id) is given twice with different values: \(formatNumber(value)) here, \(formatNumber(taken.value)) at \(file):\(taken.line):\(taken.column); keep one"))
        } else {
            error(line, column, LocalizedText(
                zh: "\(regions.describe(region)) \(year) 年 \(catalogue[indicator].id) 此处为 \(formatNumber(value))，但已从 \(taken.origin(in: store)) 载入 \(formatNumber(taken.value))：请更正其中之一；更正已载入的文件后用 reload 文件 重新载入（或先 unload 文件）",
                en: "\(regions.describe(region)) \(year) \(catalogue[indicator].id) is \(formatNumber(value)) here but \(formatNumber(taken.value)) was already loaded from \(taken.origin(in: store)): correct one of them; after correcting a loaded file, `reload FILE` it (or `unload FILE` first)"))
        }
    }

    /// Writes values resolved on the two-core path (a block's, between its deferred rows) in file order, as `add`
    /// writes each: their lines count from `lineBase`. Runs of free cells go to the store in one call; a cell found
    /// taken goes through `add`, which tells a repeat from a conflict.
    mutating func add(run: UnsafeBufferPointer<Observation>, lineBase: Int) {
        let regionCount = regions.count, indicatorCount = catalogue.count
        var from = 0
        while from < run.count {
            let r = store.write(run: UnsafeBufferPointer(rebasing: run[from...]), lineOffset: lineBase, file: fileID,
                                regionCount: regionCount, indicatorCount: indicatorCount)
            valuesRead += r.written
            if let ys = r.years {
                firstYear = min(firstYear ?? ys.lowerBound, ys.lowerBound)
                lastYear = max(lastYear ?? ys.upperBound, ys.upperBound)
            }
            from += r.written
            guard from < run.count else { return }
            let o = run[from]
            add(o.region, o.indicator, Int(o.year), o.value, line: lineBase + Int(o.line), column: Int(o.column))
            from += 1
        }
    }

    /// Thrown out of the row loop when the user presses Ctrl-C.
    struct Interrupted: Error { var line: Int }
    /// Thrown where a parse of a head finds that it cannot read the rest (see `wantsWholeFile`).
    struct WantsWholeFile: Error {}
    /// The rest of a file opened by its head could not be read.
    struct Unreadable: Error { var why: FileBytes.OpenError }

    /// Reads the next record whose width matches the header's into `row`; a ragged one is reported and skipped.
    mutating func nextRow(_ reader: inout CSVReader, width: Int, into row: inout CSVRow) throws -> Bool {
        defer { for p in reader.drainSkipped() { report(p) } }
        while try reader.next(into: &row) {
            if dataRows & 0xFFF == 0, Cancellation.isRequested { throw Interrupted(line: row.line) }
            // Stage 3: remark, note and source rows and rows of empty cells are no data.
            if isSkippable(row, reader) { continue }
            dataRows += 1
            let before = diagnostics.count
            if fits(&row, width: width) { return true }
            if settings.skipBadRows { settle(row, reader, since: before) }
        }
        return false
    }

    /// Whether a record has the header's width; a ragged one is reported.
    mutating func fits(_ row: inout CSVRow, width: Int) -> Bool {
        if row.fields.count == width { return true }
        if paddedRows, row.fields.count < width, let last = row.fields.last {
            while row.fields.count < width { row.fields.append(CSVField(start: last.end, end: last.end, column: last.column, quoted: false, hasEscapes: false)) }
            return true
        }
        // Excel's trailing commas: extra fields that are all empty are fine.
        if row.fields.count > width, row.fields[width...].allSatisfy({ $0.end == $0.start }) { return true }
        let column = row.fields.count > width ? row.fields[width].column : (row.fields.last?.column ?? 1)
        error(row.line, column, LocalizedText(
            zh: "列数不齐：此行有 \(row.fields.count) 个字段，表头有 \(width) 个；请增删逗号（含逗号的值请加引号）",
            en: "ragged row: \(row.fields.count) fields where the header has \(width); add or remove commas (quote a value that contains one)"))
        return false
    }

    // MARK: The per-cell path
    //
    // Every data cell of a CSV goes through these: they read the field's bytes in place and fall back to the
    // String path above (which also reports problems) only for what they do not recognise.

    /// The field's bytes, when it can be read as written (unquoted, or quoted without `""`).
    @inline(__always) func raw(_ f: CSVField) -> (UnsafePointer<UInt8>, Int)? {
        guard !f.hasEscapes, let base = bytes.baseAddress else { return nil }
        return (base + f.start, f.end - f.start)
    }

    mutating func indicator(_ f: CSVField, _ reader: CSVReader, unit: () -> WrittenUnit?, line: Int) -> IndicatorIndex? {
        if let (p, n) = raw(f), let i = indicatorBytes.find(p, n) { return i }
        let i = indicator(reader.string(f), unit: unit, line: line, column: f.column)
        if let i, let (p, n) = raw(f) { indicatorBytes.insert(p, n, i) }
        return i
    }

    mutating func year(_ f: CSVField, _ reader: CSVReader, line: Int) -> Int? {
        if !f.quoted, let base = bytes.baseAddress, let y = FileParse.plainYear(base + f.start, f.end - f.start) { return y }
        return year(reader.string(f), line: line, column: f.column)
    }

    /// Four ASCII digits within `DataLoader.years`; nil for anything else, which takes the String path.
    @inline(__always) static func plainYear(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        guard n == 4 else { return nil }
        var y = 0
        for k in 0..<4 {
            let d = Int(p[k]) &- 0x30
            if d < 0 || d > 9 { return nil }
            y = y * 10 + d
        }
        return DataLoader.years.contains(y) ? y : nil
    }

    /// `linear`: a column unit's conversion (`UnitConversion.linear`), so that a header's `(万元)` or `(亿元)` keeps the
    /// fast path.
    mutating func value(_ f: CSVField, _ reader: CSVReader, indicator: IndicatorIndex, declared: WrittenUnit?, linear: (multiply: Double, divide: Double)? = nil,
                        region: RegionIndex?, line: Int) -> Double? {
        if !f.quoted, let base = bytes.baseAddress {
            if f.end == f.start { return nil }  // an empty cell is a missing value
            if declared == nil || linear != nil, let v = ValueParser.plainNumber(base + f.start, f.end - f.start), let r = region,
               let checked = plainValue(v, indicator, linear: linear, forArea: !regions.type(of: r).isUnit) {
                return checked
            }
        }
        return value(reader.string(f), indicator: indicator, declared: declared, region: region, line: line, column: f.column)
    }

    /// What the per-cell path needs to know of an indicator: plain values, copied without the names and aliases
    /// (copying an `Indicator` per cell costs more than reading the cell).
    struct Traits: Sendable {
        var kind: IndicatorKind
        var isCustom: Bool
    }
    private var traits: [Traits] = []

    /// Brings the traits up to the catalogue (custom indicators are added as a file is read).
    mutating func refreshTraits() {
        if traits.count < catalogue.count { traits = catalogue.indicators.map { Traits(kind: $0.kind, isCustom: $0.isCustom) } }
    }

    var currentTraits: [Traits] { traits }

    /// A plain number without a unit (or in a column whose unit converts by `linear`), converted and checked as
    /// `convert` would; nil when it needs `convert` (which also reports what is wrong with it).
    @inline(__always) mutating func plainValue(_ v: Double, _ indicator: IndicatorIndex, linear: (multiply: Double, divide: Double)? = nil,
                                               forArea: Bool) -> Double? {
        if Int(indicator) >= traits.count { refreshTraits() }
        return FileParse.plainValue(v, traits[Int(indicator)], linear: linear, forArea: forArea)
    }

    @inline(__always) static func plainValue(_ number: Double, _ t: Traits, linear: (multiply: Double, divide: Double)? = nil, forArea: Bool) -> Double? {
        let v = linear.map { number * $0.multiply / $0.divide } ?? number
        guard v.isFinite else { return nil }  // an overflow after a column's unit: `convert` reports it
        switch t.kind {
        case .flag:
            // A flag is 0 or 1; for an area, how many of its units have it.
            guard v == 0 || v == 1 || (forArea && v >= 0 && v == v.rounded()) else { return nil }
            return v
        case .ratio:
            return v
        case .amount:
            return v >= 0 ? v : nil
        case .count:
            guard v >= 0 else { return nil }
            if v == v.rounded() { return v }
            if Tolerance.equal(v, v.rounded()) { return v.rounded() }
            return t.isCustom ? v : nil
        }
    }

    /// The unit written in a value cell (`35亿元`), which decides the kind of a new custom indicator.
    static func unitOfCell(_ text: String) -> WrittenUnit? {
        if case .number(_, let u)? = try? ValueParser.parse(text) { return u }
        return nil
    }

    // MARK: File kinds

    mutating func longFile(_ reader: inout CSVReader, header: CSVRow, region rc: Int, year: YearSource, indicator ic: Int, value vc: Int, unit uc: Int?,
                           labels: LabelColumns) throws {
        var columns = LongColumns(width: header.fields.count, region: rc, year: year.column ?? -1, indicator: ic, value: vc, unit: uc, labels: labels)
        columns.fixedYear = year.fixed
        // The two-core path reads region, year, indicator and value: a file with units or a year given is one pass's.
        if uc == nil, year.fixed == nil, readsOnTwoCores(after: reader, labels: labels) {
            try ParallelCSV.load(into: &self, reader: &reader, shape: .long(columns))
            return
        }
        if source.rest != nil { throw WantsWholeFile() }
        var row = CSVRow(line: 0, fields: [])
        row.fields.reserveCapacity(columns.width + 4)
        while try nextRow(&reader, width: columns.width, into: &row) {
            longRow(row, reader, columns)
        }
    }

    /// Whether the rows after the reader's place go to `ParallelCSV`: a large file without quotes, on a machine of
    /// two cores or more, whose rows need nothing the workers do not read (labels or a name column to check, rows
    /// set aside, an area to keep, the context of a second pass).
    func readsOnTwoCores(after reader: CSVReader, labels: LabelColumns) -> Bool {
        labels.isEmpty && labels.name == nil && !settings.skipBadRows && settings.within == nil && lookup.context.isEmpty && !source.mayHoldQuotes
            && source.remaining(after: reader.position.offset) >= ParallelCSV.minimumBytes && ProcessInfo.processInfo.activeProcessorCount > 1
    }

    /// Where a long CSV keeps what.
    struct LongColumns: Sendable {
        var width: Int
        var region: Int
        var year: Int
        var indicator: Int
        var value: Int
        var unit: Int?
        var labels = LabelColumns()
        /// The file's year when it has no year column (`year` is then -1).
        var fixedYear: Int?
    }

    /// One row of a long CSV.
    mutating func longRow(_ row: CSVRow, _ reader: CSVReader, _ c: LongColumns) {
        let before = diagnostics.count
        longRowValue(row, reader, c)
        // One value a row: a row with a problem wrote nothing, so setting it aside is all there is to do.
        if settings.skipBadRows { settle(row, reader, since: before) }
    }

    private mutating func longRowValue(_ row: CSVRow, _ reader: CSVReader, _ c: LongColumns) {
        let f = row.fields
        let y = c.fixedYear ?? year(f[c.year], reader, line: row.line)
        let area = c.labels.isEmpty ? nil : labelArea(row, reader, c.labels)
        let r = region(f[c.region], reader, year: y, within: area, line: row.line)
        if let n = c.labels.name, let r { checkName(f[n], reader, unit: r, year: y, line: row.line) }
        if let r, isOutside(r) { return }
        var declared: WrittenUnit? = nil
        if let uc = c.unit {
            guard let u = unit(reader.string(f[uc]), line: row.line, column: f[uc].column) else { return }
            declared = u
        }
        let cell = f[c.value]
        let i = indicator(f[c.indicator], reader, unit: { declared ?? FileParse.unitOfCell(reader.string(cell)) }, line: row.line)
        guard let i else { return }
        let v = value(cell, reader, indicator: i, declared: declared, region: r, line: row.line)
        if let r, let y, let v { add(r, i, y, v, line: row.line, column: cell.column) }
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

    mutating func wideFile(_ reader: inout CSVReader, header: CSVRow, names: [String], region rc: Int, year: YearSource, labels: LabelColumns) throws {
        let yc = year.column ?? -1
        let width = header.fields.count
        var row = CSVRow(line: 0, fields: [])
        row.fields.reserveCapacity(width + 4)
        // Stage 2: a units row under the header gives the units the header's brackets do not.
        let valueColumns = names.indices.filter { $0 != rc && $0 != yc && Role.of(names[$0]) == nil && !names[$0].isEmpty && !skippedColumns.contains($0) }
        // Each value column is an indicator with its own storage: a file of a million columns is refused at its
        // header, with the limit and how to raise it, rather than read until memory runs out.
        let limit = FileParse.columnLimit
        if valueColumns.count > limit {
            error(header.line, header.fields[valueColumns[limit]].column, LocalizedText(
                zh: "宽表有 \(valueColumns.count) 个指标列，超过上限 \(limit)：把文件拆成几份，或设置环境变量 CIE_MAX_COLUMNS 提高上限",
                en: "the wide file has \(valueColumns.count) indicator columns, more than the limit of \(limit): split the file, or set CIE_MAX_COLUMNS to raise the limit"))
            return
        }
        var units: [Int: WrittenUnit] = [:]
        var pending = false
        if try nextRow(&reader, width: width, into: &row) {
            if let u = FileParse.unitsRow(row.fields.map { reader.string($0) }, valueColumns: valueColumns) {
                units = u
                layout.unitsLine = row.line
                dataRows -= 1
            } else {
                pending = true
            }
        }
        var columns: [(Int, IndicatorIndex, WrittenUnit?, (multiply: Double, divide: Double)?)] = []
        var seen: [IndicatorIndex: Int] = [:]
        var unnamed: [Int] = []
        for (c, raw) in names.enumerated() where c != rc && c != yc && !skippedColumns.contains(c) {
            // Key and annotation columns (代码, 名称, 单位, 来源, 备注 …) are not indicators.
            if Role.of(raw) != nil { continue }
            let column = header.fields[c].column
            if raw.isEmpty {
                unnamed.append(c)  // Excel's unnamed trailing columns: fine while their cells are empty
                continue
            }
            var (name, unit) = FileParse.splitHeader(raw)
            if catalogue.lookup(name) == nil, catalogue.lookup(raw) != nil { (name, unit) = (raw, nil) }
            if unit == nil { unit = units[c] }
            guard let i = indicator(name, unit: { unit }, line: header.line, column: column) else { continue }
            if let other = seen[i] {
                error(header.line, column, LocalizedText(zh: "列“\(raw)”重复了 \(catalogue[i].id)（已在第 \(other + 1) 列）：请保留其一",
                                                         en: "column “\(raw)” repeats \(catalogue[i].id), already in column \(other + 1): keep one"))
                continue
            }
            seen[i] = c
            columns.append((c, i, unit, unit.flatMap { UnitConversion.linear($0, to: catalogue[i]) }))
            let ind = catalogue[i]
            // The unit the values are stored in, and the one they are written in when it differs (万人 → 人).
            let written = unit.flatMap { u in u.text == ind.unit.rawValue || (u.multiplier == 1 && u.base != "元") ? nil : u.text }
            let unitText = ind.unit == .none ? "" : "，" + (written.map { "\($0) → " } ?? "") + ind.unit.rawValue
            let unitTextEN = ind.unit == .none ? "" : ", " + (written.map { "\($0) → " } ?? "") + ind.unit.rawValue
            use(c, raw, ind.isCustom ? LocalizedText(zh: "自定义指标 \(ind.id)（\(ind.kind.label.zh)\(unitText)）", en: "custom indicator \(ind.id) (\(ind.kind.label.en)\(unitTextEN))")
                : LocalizedText(zh: "\(ind.id) \(ind.name.zh)（\(ind.kind.label.zh)\(unitText)）", en: "\(ind.id) \(ind.name.en) (\(ind.kind.label.en)\(unitTextEN))"))
        }
        // The columns as plain arrays: the per-cell loop indexes them, copying no tuple (a tuple with an optional
        // struct is copied through its value witness, which cost more than reading the cell).
        let wide = WideColumns(width: width, region: rc, year: yc, fixedYear: year.fixed, labels: labels, unnamed: unnamed,
                               value: columns.map(\.0), indicator: columns.map(\.1), unit: columns.map(\.2), linear: columns.map(\.3))
        // The row under the header that was read to look for units is the first data row.
        if pending { wideRow(row, reader, wide) }
        if section == nil, readsOnTwoCores(after: reader, labels: labels) {
            try ParallelCSV.load(into: &self, reader: &reader, shape: .wide(wide))
        } else {
            if source.rest != nil { throw WantsWholeFile() }
            while try nextRow(&reader, width: width, into: &row) { wideRow(row, reader, wide) }
        }
        for (c, n) in badCells.sorted(by: { $0.key < $1.key }) where n > FileParse.cellsShownPerColumn {
            let name = names[c]
            error(header.line, header.fields[c].column, LocalizedText(
                zh: "第 \(c + 1) 列“\(name)”共 \(n) 个值无法读取（以上只列出前 \(FileParse.cellsShownPerColumn) 个）：若这不是指标列，用 --skip-column '\(name)' 跳过，或用 --map '\(name)=…' 说明它是什么",
                en: "column \(c + 1) “\(name)” has \(n) values that cannot be read (the first \(FileParse.cellsShownPerColumn) are above): if it is no indicator, --skip-column '\(name)' ignores it, or --map '\(name)=…' says what it is"))
        }
    }

    /// Where a wide CSV keeps what: the key columns, and each indicator column with its unit.
    struct WideColumns: Sendable {
        var width: Int
        var region: Int
        /// -1 when the file's year is `fixedYear`.
        var year: Int
        var fixedYear: Int?
        var labels: LabelColumns
        /// Columns without a name, whose cells must be empty.
        var unnamed: [Int]
        /// The indicator columns, in the order of the file: column, indicator, the unit of the header or the units
        /// row, and its conversion when it is linear.
        var value: [Int]
        var indicator: [IndicatorIndex]
        var unit: [WrittenUnit?]
        var linear: [(multiply: Double, divide: Double)?]
    }

    /// One row of a wide CSV.
    mutating func wideRow(_ row: CSVRow, _ reader: CSVReader, _ c: WideColumns) {
        let before = diagnostics.count
        let f = row.fields
        // Stage 4: a section row (a province or prefecture, no values, often no year) scopes the names below it.
        if c.value.allSatisfy({ f[$0].end == f[$0].start }), let area = sectionArea(reader.string(f[c.region]), year: c.fixedYear) {
            section = area
            layout.sectionRows += 1
            dataRows -= 1
            return
        }
        let y = c.fixedYear ?? self.year(f[c.year], reader, line: row.line)
        let area = c.labels.isEmpty ? section : labelArea(row, reader, c.labels) ?? section
        let r = region(f[c.region], reader, year: y, within: area, line: row.line)
        if let n = c.labels.name, let r { checkName(f[n], reader, unit: r, year: y, line: row.line) }
        for u in c.unnamed where u < f.count && f[u].end > f[u].start {
            error(row.line, f[u].column, LocalizedText(
                zh: "第 \(u + 1) 列没有列名，却有数值：请在表头写明指标，或删去该值",
                en: "a value in column \(u + 1), which has no name: name the indicator in the header, or delete the value"))
        }
        if let r, isOutside(r) { return }
        // `--skip-bad-rows` holds the row's values until the row is known to be good, and keeps every cell's
        // message as a reason; else values are written at once and a bad column is one message.
        let holding = settings.skipBadRows
        if holding { rowValues.removeAll(keepingCapacity: true) }
        for k in c.value.indices {
            let column = c.value[k], i = c.indicator[k]
            let errors = diagnostics.count
            let v = value(f[column], reader, indicator: i, declared: c.unit[k], linear: c.linear[k], region: r, line: row.line)
            if holding {
                if r != nil, y != nil, let v { rowValues.append((i, v, f[column].column)) }
                continue
            }
            // One message per bad column: the first three cells, then a count at the header.
            if diagnostics.count > errors {
                badCells[column, default: 0] += 1
                if badCells[column]! > FileParse.cellsShownPerColumn { diagnostics.removeSubrange(errors...) }
            }
            if let r, let y, let v { add(r, i, y, v, line: row.line, column: f[column].column) }
        }
        if holding {
            if let r, let y { commit(row, reader, region: r, year: y, since: before) } else { settle(row, reader, since: before) }
        }
    }

    mutating func json() {
        var reader = JSONReader(source)
        // A flat observation is read as the row of a long CSV would be, by the same code: its fields are the bytes
        // of its values (region, year, indicator, value, unit), in the block the reader is in. Any other item is read
        // as a tree.
        var csv = CSVReader(source)
        var row = CSVRow(line: 0, fields: [])
        let plain = LongColumns(width: 4, region: 0, year: 1, indicator: 2, value: 3, unit: nil)
        var withUnit = plain
        withUnit.width = 5
        withUnit.unit = 4
        var stoppedByCtrlC = false
        // Where the problems and the notes stood when the observations began to be read.
        var readFrom: (diagnostics: Int, lookup: RegionLookup)?
        func observations(_ r: inout JSONReader) throws(JSONSyntaxError) {
            readFrom = (diagnostics.count, lookup)
            var interruptedAt: Int?
            func interrupted(_ line: Int) -> Bool {
                dataRows += 1
                guard dataRows & 0xFFF == 0, Cancellation.isRequested else { return false }
                interruptedAt = line
                return true
            }
            // --skip-bad-rows sets rows aside as a CSV's: JSON items are not, so they all take the tree's path.
            try r.forEachObservation(flatAllowed: !settings.skipBadRows, flat: { o, text, owner in
                if interrupted(o.line) { return false }
                if text.baseAddress != bytes.baseAddress {
                    bytes = text
                    csv = CSVReader(owner, bytes: text)
                }
                row.line = o.line
                row.fields = o.fields
                longRow(row, csv, o.hasUnit ? withUnit : plain)
                return true
            }, tree: { item in
                if interrupted(item.line) { return false }
                observation(item)
                return true
            })
            if let line = interruptedAt {
                stoppedByCtrlC = true
                throw JSONSyntaxError(line: line, column: 1, text: FileParse.interrupted)
            }
        }
        // The observations are read where they stand, in one pass, unless a "regions" member follows them: then they
        // are skipped and read after the regions they may name are declared. A national file holds millions of
        // them, too many to keep as a tree. A file opened by its head is read as it comes, a block at a time, never
        // held whole; when what it holds is not what a whole read would give in one pass (a "regions" member after the
        // observations, a block that fails the text check, malformed JSON, which a byte further on that is not UTF-8
        // would come before), `readRest` stays false and the load reads the whole file from the start.
        var readWhole = false
        defer {
            bytes = source.bytes
            if reader.readsAsItComes {
                switch reader.feedFailure {
                case nil: readRest = !readWhole
                case .check?: readRest = false
                case .read(.interrupted)?:
                    error(reader.line, 1, FileParse.interrupted)
                    readRest = true
                case .read(let why)?:
                    diagnostics.append(Diagnostic(file: file, line: 0, column: 0, why.message))
                    readRest = true
                }
            }
        }
        // Malformed JSON is one error at the place found (Docs/DataFormats.md), however many observations before it
        // were read: what they reported, and the notes they counted, are dropped (not after Ctrl-C, which reports
        // what it stopped).
        func malformed(_ e: JSONSyntaxError) {
            // A text read as it comes ends early where a block could not be read (reported as such), or is read whole.
            if reader.readsAsItComes, !stoppedByCtrlC {
                readWhole = true
                return
            }
            if !stoppedByCtrlC, let (before, saved) = readFrom {
                diagnostics.removeSubrange(before...)
                lookup = saved
            }
            error(e.line, e.column, e.text)
        }
        var regionsRead = false, regionsOK = true
        let doc: JSONNode
        let deferred: JSONReader.Deferred
        do {
            (doc, deferred) = try reader.document(deferring: "observations") { r, before throws(JSONSyntaxError) in
                guard !r.mayNameLater("regions") else { return false }
                if let rs = before.first(where: { $0.0 == "regions" })?.1 {
                    regionsRead = true
                    regionsOK = regions(rs)
                    guard regionsOK else { return false }
                }
                try observations(&r)
                return true
            }
        } catch {
            malformed(error)
            return
        }
        if reader.readsAsItComes, case .object(let members) = doc.value,
           let o = members.firstIndex(where: { $0.0 == "observations" }), members[(o + 1)...].contains(where: { $0.0 == "regions" }) {
            // The observations were read before the regions they may name (`mayNameLater` cannot look ahead).
            readWhole = true
            return
        }
        guard case .object = doc.value else {
            error(doc.line, doc.column, LocalizedText(zh: "JSON 必须是一个对象 {\"regions\": [...], \"observations\": [...]}",
                                                      en: "the JSON must be an object {\"regions\": [...], \"observations\": [...]}"))
            return
        }
        if !regionsRead, let rs = doc["regions"] { regionsOK = regions(rs) }
        guard regionsOK else { return }
        guard let obs = doc["observations"] else {
            if doc["regions"] == nil {
                error(doc.line, doc.column, LocalizedText(zh: "JSON 中既没有 \"regions\" 也没有 \"observations\"",
                                                          en: "the JSON has neither \"regions\" nor \"observations\""))
            }
            return
        }
        switch deferred {
        case .read: break
        case .none:
            error(obs.line, obs.column, LocalizedText(zh: "\"observations\" 必须是由 {region, year, indicator, value, unit?} 组成的数组",
                                                      en: "\"observations\" must be an array of {region, year, indicator, value, unit?}"))
        case .at(let position):
            reader.seek(position)
            do {
                try observations(&reader)
            } catch {
                malformed(error)
            }
        }
    }

    /// Declares the units of a JSON `regions` member; false when it is no array (reported).
    mutating func regions(_ rs: JSONNode) -> Bool {
        guard case .array(let items) = rs.value else {
            error(rs.line, rs.column, LocalizedText(zh: "\"regions\" 必须是由 {code, name, prefecture, type} 组成的数组",
                                                    en: "\"regions\" must be an array of {code, name, prefecture, type}"))
            return false
        }
        for item in items {
            let groups: String
            if case .array(let gs)? = item["groups"]?.value { groups = gs.compactMap { FileParse.text($0) }.joined(separator: ";") } else { groups = FileParse.text(item["groups"]) ?? "" }
            declareRegion(code: FileParse.text(item["code"]) ?? "", name: FileParse.text(item["name"]) ?? "",
                          prefecture: FileParse.text(item["prefecture"]).map { ($0, item["prefecture"]!.column) },
                          type: FileParse.text(item["type"]).map { ($0, item["type"]!.column) }, groups: groups,
                          series: FileParse.text(item["series"]).map { ($0, item["series"]!.column) }, line: item.line, column: item.column)
        }
        return true
    }

    /// A JSON scalar as the text a CSV cell would hold.
    static func text(_ n: JSONNode?) -> String? {
        switch n?.value {
        case .string(let s)?: s
        case .number(let d, _)?: d.isFinite && abs(d) < 1e15 && d == d.rounded() ? String(Int(d)) : String(d)
        case .bool(let b)?: b ? "true" : "false"
        case .null?: ""
        default: nil
        }
    }

    /// One item of a JSON `observations` array.
    mutating func observation(_ item: JSONNode) {
        guard case .object = item.value else {
            error(item.line, item.column, LocalizedText(zh: "每条观测记录必须是对象 {region, year, indicator, value}",
                                                        en: "an observation must be an object {region, year, indicator, value}"))
            return
        }
        var fieldsOK = true
        for key in ["region", "year", "indicator"] where FileParse.text(item[key]) == nil || FileParse.text(item[key])!.isEmpty {
            error(item.line, item.column, LocalizedText(zh: "观测记录缺少 \"\(key)\"", en: "observation without \"\(key)\""))
            fieldsOK = false
        }
        guard fieldsOK else { return }
        let y = year(FileParse.text(item["year"])!, line: item["year"]!.line, column: item["year"]!.column)
        // Labels, as a 省份 or 地级 column gives them in a CSV.
        var area: RegionIndex?
        for key in ["province", "prefecture"] {
            if let text = FileParse.text(item[key]), let a = label(text, line: item[key]!.line, column: item[key]!.column) { area = a }
        }
        let r = region(FileParse.text(item["region"])!, year: y, within: area, line: item["region"]!.line, column: item["region"]!.column)
        if let r, isOutside(r) { return }
        var declared: WrittenUnit? = nil
        if let u = FileParse.text(item["unit"]) {
            guard let parsed = unit(u, line: item["unit"]!.line, column: item["unit"]!.column) else { return }
            declared = parsed
        }
        let valueNode = item["value"]
        let (line, column) = (valueNode?.line ?? item.line, valueNode?.column ?? item.column)
        // The value as written (`-1.50`, not `-1.5`), as a CSV's cell and a flat observation quote it.
        let valueText = {
            if case .number(_, let written)? = valueNode?.value { return written }
            return FileParse.text(valueNode) ?? ""
        }
        guard let i = indicator(FileParse.text(item["indicator"])!, unit: { declared ?? FileParse.unitOfCell(valueText()) },
                                line: item["indicator"]!.line, column: item["indicator"]!.column) else { return }
        let v: Double?
        if case .number(let d, _)? = valueNode?.value, d.isFinite {
            // A JSON number is a plain number already: no need to print it and read it back.
            v = convert(.number(d, nil), indicator: i, declared: declared, region: r, line: line, column: column, text: valueText)
        } else {
            v = value(valueText(), indicator: i, declared: declared, region: r, line: line, column: column)
        }
        if let r, let y, let v { add(r, i, y, v, line: line, column: column) }
    }
}
