import ArgumentParser
import CIECore
import CIEData
import CIEPolicyFormat
import CIEReport
import Foundation

// Commands that look at loaded data: `load`, `regions`, `indicators`, `show`, `rank`.
// `regions`, `indicators`, `show` and `rank` are also command-line subcommands (with --data).

/// The options of commands that print a list.
public struct ListOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Formatters.idList(.en) + ".", valueName: "F"), completion: .list(Formatters.all.map(\.id))) public var format: String?
    @Option(help: ArgumentHelp("Write to this file instead of standard output (the format from its extension).", valueName: "PATH"), completion: .file())
    public var output: String?
    @Flag(help: "Overwrite the --output file even if it was loaded as data in this session.") public var force = false
    public init() {}

    /// Writes a listing in the format asked for (and remembers it for `export`): a title and a footer go with it.
    func emit(_ listing: Listing, in session: Session, title: String? = nil, footer: String? = nil) throws {
        var listing = listing
        listing.title = title
        listing.footer = footer
        try session.emit(.listing(listing), as: session.formatter(format, output: output), to: output, force: force)
    }
}

public struct LoadCommand: SessionOnlyCommand {
    public static let argumentKinds: [ArgumentKind] = [.file]
    public static let configuration = CommandConfiguration(
        commandName: "load", abstract: "Load data files; a file with any error loads nothing.",
        discussion: """
            Formats: long CSV (region,year,indicator,value), wide CSV (a column per indicator), regions CSV, JSON, Excel
            workbooks (.xlsx); UTF-8 or GB18030. Yearbook layouts (titles, a units row, notes, sections, label columns) are
            recognised; --map, --skip-column or FILE.cie-map.yaml say what no rule can guess. See Docs/DataFormats.md.
            Examples:
              load Samples/qinghai/qinghai_2016_2020.csv
              load regions.csv data.csv
              load Samples/*/*.csv
            `~` and shell patterns (* ? [...]) are expanded; `files` lists what is loaded, `unload` and `reload` change it.
            """)
    @Argument(help: ArgumentHelp("Files to load.", valueName: "PATH")) public var paths: [String]
    @OptionGroup public var reading: ReadingOptions
    @Flag(help: "No load notices (as the global --quiet).") public var quiet = false
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        try session.load(expandingGlobs(paths), settings: reading.settings(in: session), quiet: quiet)
        return 0
    }
}

/// How to read files whose content does not say everything (`load`, `validate`); kept with each file for `reload`.
public struct ReadingOptions: ParsableArguments {
    @Option(name: .customLong("year"), help: ArgumentHelp("The year of a file without a year column (default: the year in its title).", valueName: "Y"))
    public var year: Int?
    @Option(name: .customLong("sheet"), help: ArgumentHelp("The sheet of an Excel workbook (default: the first that holds data).", valueName: "NAME"))
    public var sheet: String?
    @Option(name: .customLong("map"), help: ArgumentHelp("What a column is: HEADER=INDICATOR or HEADER=ROLE (region, year, province, prefecture, code, name, unit) (repeatable).", valueName: "HEADER=WHAT"))
    public var map: [String] = []
    @Option(name: .customLong("skip-column"), help: ArgumentHelp("A column to ignore (repeatable).", valueName: "HEADER"))
    public var skipColumns: [String] = []
    @Flag(name: .customLong("skip-bad-rows"), help: "Load the good rows and set the bad ones aside (see `rejects`).")
    public var skipBadRows = false
    @Flag(name: .customLong("only-jurisdiction"), help: "Keep only the rows of the current policy's jurisdiction; count the rest.")
    public var onlyJurisdiction = false
    @Option(name: .customLong("province"), help: ArgumentHelp("Keep only the rows of this province or prefecture; count the rest.", valueName: "P"))
    public var province: String?
    public init() {}

    func settings(in session: Session) throws -> LoadSettings {
        var columns: [String: String] = [:]
        for m in map {
            guard let eq = m.firstIndex(of: "="), case let from = String(m[..<eq]).trimmingSpaces(), case let to = String(m[m.index(after: eq)...]).trimmingSpaces(),
                  !from.isEmpty, !to.isEmpty else {
                throw CommandError(zh: "--map 应写作 列名=指标 或 列名=角色（如 --map 'GDP=gdp'、--map '县名=region'），不是“\(m)”",
                                   en: "--map takes HEADER=INDICATOR or HEADER=ROLE (--map 'GDP=gdp', --map '县名=region'), not “\(m)”")
            }
            columns[from] = to
        }
        var s = LoadSettings(year: year, sheet: sheet, columns: columns, skipColumns: skipColumns, skipBadRows: skipBadRows)
        if let province {
            s.within = try session.resolveArea(province)
        } else if onlyJurisdiction {
            guard let area = session.preferredArea else {
                throw CommandError(zh: "--only-jurisdiction 需要当前政策：先 use 政策（或用 --province 省份）",
                                   en: "--only-jurisdiction needs a current policy: `use POLICY` first (or give --province P)")
            }
            s.within = area
        }
        return s
    }
}

public struct RegionsCommand: GlobalOptionsCommand {
    public static let argumentKinds: [ArgumentKind] = [.none]
    public static let configuration = CommandConfiguration(
        commandName: "regions", abstract: "List units: code, name, prefecture, province, type, years, groups; or one unit's history.",
        discussion: """
            With data loaded, the units that have values (and those a regions file declared); with nothing loaded, or \
            with --all, every unit of the region table (every division of China 1981–2024 and the statistical zones).
            --year lists the units that existed in that year, with their codes and names of that year.
            Examples:
              regions
              regions --year 2018 --province 浙江省
              regions --prefecture 西宁市 --type district
              regions --history 湟中区
            """)
    @OptionGroup public var global: GlobalOptions
    @Option(help: ArgumentHelp("Only the units of this province.", valueName: "P")) public var province: String?
    @Option(help: ArgumentHelp("Only the units of this prefecture (or province).", valueName: "P")) public var prefecture: String?
    @Option(help: ArgumentHelp("Only this type: district, county, city, banner, zone (区, 县, 市, 旗, 功能区).", valueName: "T")) public var type: String?
    @Option(help: ArgumentHelp("Only the units that existed in this year, as they were named then.", valueName: "Y")) public var year: Int?
    @Option(help: ArgumentHelp("One unit's lifetime, names, codes, prefectures and changes, with the approving documents.", valueName: "CODE|NAME"))
    public var history: String?
    @Flag(help: "List every unit of the region table, not only those with data.") public var all = false
    @OptionGroup public var list: ListOptions
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        if let history { return try showHistory(history, in: session) }
        let table = session.regions
        let zh = session.language == .zh
        if let year, !DataLoader.years.contains(year) {
            throw CommandError(zh: "年份 \(year) 超出范围 \(DataLoader.years.lowerBound)—\(DataLoader.years.upperBound)",
                                  en: "year \(year) is out of range \(DataLoader.years.lowerBound)–\(DataLoader.years.upperBound)")
        }
        let areas = try [province, prefecture].compactMap { $0 }.map { try session.resolveArea($0, year: year) }
        let wantedType = try type.map { t -> RegionType in
            guard let rt = RegionType(parsing: t), rt.isUnit else {
                throw CommandError(zh: "未知的类型“\(t)”：可用 district、county、city、banner、zone（区、县、市、旗、功能区）",
                                   en: "unknown region type “\(t)”: use one of \(RegionType.allCases.filter(\.isUnit).map(\.rawValue).joined(separator: ", "))")
            }
            return rt
        }
        // With data: the units that have some (and those declared); with nothing loaded, or none of the units asked
        // for has data, the whole table (and it says so).
        let policy = session.policy
        let groupNames = policy.map { $0.groups.keys.sorted() } ?? []
        let context = policy.map { Evaluator(context: session.context, policy: $0).context }
        var administrative = 0, zones = 0, counted = 0
        func collect(wholeTable: Bool) -> [[Cell]] {
            var rows: [[Cell]] = []
            (administrative, zones, counted) = (0, 0, 0)
            for i in 0..<RegionIndex(table.count) {
                let r = table[i]
                guard r.type.isUnit, wholeTable || r.isUserDefined || session.store.hasData(i) else { continue }
                if let year, !r.exists(in: year) { continue }
                // Without a year, units abolished since are listed only with data, or with --all.
                if year == nil, r.until != nil, !all, !session.store.hasData(i), !r.isUserDefined { continue }
                if areas.contains(where: { !table.isWithin(i, $0, in: year) }) { continue }
                let record = r.nearestRecord(to: year)
                if let wantedType, record.type != wantedType { continue }
                let pref = table.prefecture(of: i, in: year).map { table[$0].nearestRecord(to: year).name } ?? ""
                let prov = table.province(of: i, in: year).map { table[$0].name } ?? ""
                var memberOf = r.groups + groupNames.filter { g in !r.groups.contains(g) && policy?.isMember(i, of: g, in: table, year: year) == true }
                var typeLabel = record.type.label(session.language)
                if record.type == .zone {
                    zones += 1
                    if let context {
                        let counts = context.zones.includes(r)
                        if counts { counted += 1 }
                        memberOf.append(counts ? (zh ? "计入本政策" : "counted by the policy") : (zh ? "不计入本政策" : "not counted by the policy"))
                    }
                    if !r.isUserDefined { typeLabel += zh ? "（统计用）" : " (statistical)" }
                } else {
                    administrative += 1
                }
                rows.append([.text(record.code), .text(record.name), .text(pref), .text(prov), .coded(id: record.type.rawValue, label: typeLabel), .text(r.span),
                             .text(memberOf.joined(separator: zh ? "、" : ", "))])
            }
            return rows
        }
        let nothingLoaded = session.store.isEmpty && !table.regions.contains(where: \.isUserDefined)
        var rows = collect(wholeTable: all || nothingLoaded)
        if !all, !nothingLoaded, rows.isEmpty, !areas.isEmpty || wantedType != nil || year != nil {
            rows = collect(wholeTable: true)
            if !rows.isEmpty {
                session.err(zh ? "（这些单位都没有载入的数据：列出地区表中的单位）" : "(none of these units has loaded data: listing the region table)")
            }
        } else if nothingLoaded, !all {
            session.err(zh ? "（未载入数据：列出地区表中的单位；--all 含已撤销的单位）" : "(nothing loaded: listing the region table; --all includes abolished units)")
        }
        if rows.isEmpty {
            throw CommandError(zh: "没有符合条件的单位：去掉一个筛选条件，或加 --all 查找整个地区表",
                                  en: "no unit matches: drop a filter, or add --all to search the whole region table")
        }
        let listing = Listing(keys: ["region_code", "region", "prefecture", "province", "type", "years", "groups"],
                              header: zh ? ["代码", "地区", "地级", "省份", "类型", "存续年份", "分组"]
                                  : ["code", "region", "prefecture", "province", "type", "years", "groups"], cells: rows)
        var footer = zh ? "共 \(rows.count) 个单位" : "\(rows.count) units"
        if zones > 0 {
            footer += zh ? "：\(administrative) 个县级行政区划，\(zones) 个功能区" : ": \(administrative) county-level divisions, \(zones) zones"
            if let p = policy {
                footer += zh ? "（\(p.id) 计入其中 \(counted) 个）" : " (\(p.id) counts \(counted) of them)"
            }
        }
        if let year { footer += zh ? "，\(year) 年" : ", \(year)" }
        try list.emit(listing, in: session, footer: footer)
        return 0
    }

    /// `regions --history 湟中区`: the records, the changes with their documents, where its area came from and went.
    func showHistory(_ text: String, in session: Session) throws -> Int32 {
        let table = session.regions
        let zh = session.language == .zh
        let u = try session.resolveRegion(text, year: year)
        let r = table[u]
        let changes = table.changes
        var lines: [String] = []
        let prov = table.province(of: u).map { table[$0].name } ?? ""
        lines.append("\(r.name) (\(r.code))" + (prov.isEmpty || prov == r.name ? "" : "，\(prov)"))
        let lifetime: String
        switch (r.from, r.until) {
        case (nil, nil): lifetime = zh ? "1981 年以前设立，今仍在用" : "in use since before 1981, and today"
        case (let f?, nil): lifetime = zh ? "\(f) 年设立，今仍在用" : "set up in \(f), in use today"
        case (nil, let e?): lifetime = zh ? "1981 年以前设立，\(e) 年撤销（最后一年 \(e - 1)）" : "in use since before 1981, abolished in \(e) (last year \(e - 1))"
        case (let f?, let e?): lifetime = zh ? "\(f) 年设立，\(e) 年撤销（最后一年 \(e - 1)）" : "set up in \(f), abolished in \(e) (last year \(e - 1))"
        }
        lines.append((zh ? "存续：" : "Lifetime: ") + lifetime)
        if r.isUserDefined { lines.append(zh ? "由地区 CSV 声明" : "declared by a regions CSV") }
        lines.append(zh ? "名称与代码：" : "Names and codes:")
        for rec in r.records {
            let parent = rec.parent.map { table[$0].nearestRecord(to: rec.until.map { $0 - 1 } ?? rec.from).name } ?? ""
            let years = rec.span.isEmpty ? (zh ? "全部年份" : "every year") : rec.span
            lines.append("  \(rec.code)  \(rec.name)  \(years)  \(parent)  \(rec.type.label(session.language))")
        }
        if let p = changes.predecessors(of: u, from: r.from) {
            lines.append((zh ? "设立自：" : "Set up from: ") + p.units.map { table.describe($0, in: p.year - 1) }.joined(separator: zh ? "、" : ", ")
                         + table.citation(p.document, zh: zh))
        }
        if let s = changes.successors(of: u, until: r.until) {
            lines.append((zh ? "区域划入：" : "Its area went to: ") + s.units.map { table.describe($0, in: s.year) }.joined(separator: zh ? "、" : ", ")
                         + table.citation(s.document, zh: zh))
        }
        for b in r.breakYears {
            lines.append(zh ? "序列中断：\(b) 年区域变更，此前年份的数值与此后不可比" : "Series break: its area changed in \(b); earlier values are not comparable with later ones")
        }
        var rows: [[String]] = []
        for e in changes.events(of: u) {
            let kind: String
            switch e.kind {
            case .rename: kind = zh ? "更名或改码" : "renamed or recoded"
            case .absorbed: kind = e.from == u ? (zh ? "撤销，区域划出" : "abolished, area out") : (zh ? "并入或部分并入" : "took in (part of) an abolished unit")
            case .transfer: kind = e.from == u ? (zh ? "部分区域划出" : "part of its area out") : (zh ? "部分区域划入" : "part of another's area in")
            }
            let doc = changes.document(e.document)
            rows.append([String(e.year), kind, "\(e.fromCode) \(table[e.from].nearestRecord(to: e.year - 1).name)",
                         "\(e.toCode) \(table[e.to].nearestRecord(to: e.year).name)", doc?.number ?? "", doc?.title ?? "", doc?.date ?? ""])
        }
        let listing = Listing(keys: ["year", "change", "from", "to", "number", "document", "date"],
                              header: zh ? ["年份", "变更", "原单位", "新单位", "文号", "文件", "日期"] : ["year", "change", "from", "to", "number", "document", "date"],
                              rows: rows)
        let footer = rows.isEmpty ? (zh ? "（1981 年以来无变更记录）" : "(no change since 1981)")
            : (zh ? "共 \(rows.count) 项变更" : "\(rows.count) change\(rows.count == 1 ? "" : "s")")
        try list.emit(listing, in: session, title: lines.joined(separator: "\n"), footer: footer)
        return 0
    }
}

public struct IndicatorsCommand: GlobalOptionsCommand {
    public static let configuration = CommandConfiguration(
        commandName: "indicators", abstract: "The indicator catalogue, with how many values are loaded for each.",
        discussion: "Examples:\n  indicators\n  indicators --loaded")
    @OptionGroup public var global: GlobalOptions
    @Flag(help: "Only indicators with loaded values.") public var loaded = false
    @OptionGroup public var list: ListOptions
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        let l = session.language
        var rows: [[Cell]] = []
        for i in 0..<IndicatorIndex(session.catalogue.count) {
            let ind = session.catalogue[i]
            let n = session.store.count(of: i)
            if loaded && n == 0 { continue }
            let how = ind.derivation != nil ? (l == .zh ? "派生" : "derived") : (ind.isCustom ? (l == .zh ? "自定义" : "custom") : "")
            rows.append([.text(ind.id), .text(ind.name(l)), .coded(id: ind.unit.rawValue, label: ind.unit.label(l)), .coded(id: ind.kind.rawValue, label: ind.kind.label(l)),
                         .integer(n), .text(how)])
        }
        if rows.isEmpty { throw CommandError(zh: "还没有任何指标有数值：先载入文件，或去掉 --loaded", en: "no indicator has loaded values: load a file first, or drop --loaded") }
        let listing = Listing(keys: ["id", "name", "unit", "kind", "values", "note"],
                              header: l == .zh ? ["id", "名称", "单位", "类型", "数值个数", "备注"] : ["id", "name", "unit", "kind", "values", "note"],
                              cells: rows, rightAligned: [4])
        try list.emit(listing, in: session)
        return 0
    }
}

extension Session {
    /// An indicator by id, Chinese name or alias, with did-you-mean.
    func resolveIndicator(_ text: String) throws -> IndicatorIndex {
        if let i = catalogue.lookup(text) { return i }
        let near = catalogue.suggestions(for: text)
        throw CommandError(zh: "未知的指标“\(text)”" + (near.isEmpty ? "" : "（是否指 \(near.joined(separator: "、"))？）") + "（\(hint(cli: "cie indicators", session: "indicators")) 列出全部）",
                           en: "unknown indicator “\(text)”" + (near.isEmpty ? "" : " (did you mean \(near.joined(separator: ", "))?)") + " (\(hint(cli: "run `cie indicators`", session: "type `indicators`")) for the list)")
    }

    func requireData() throws {
        if store.isEmpty { throw noDataLoaded }
    }
}

public struct ShowCommand: GlobalOptionsCommand {
    public static let argumentKinds: [ArgumentKind] = [.region, .indicator]
    public static let configuration = CommandConfiguration(
        commandName: "show", abstract: "A unit's values by year.",
        discussion: """
            An area (prefecture, province) shows the values given for it, else the sums of its units.
            Examples:
              show 大通
              show 630121 gdp rd_expenditure
            """)
    @OptionGroup public var global: GlobalOptions
    @Argument(help: ArgumentHelp("The unit: code, name or short name.", valueName: "REGION")) public var region: String
    @Argument(help: ArgumentHelp("Indicators to show (default: all with values).", valueName: "INDICATOR")) public var indicators: [String] = []
    @OptionGroup public var list: ListOptions
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        try session.requireData()
        let r = try session.resolveRegion(region)
        let wanted = try indicators.map { try session.resolveIndicator($0) }
        let context = session.context
        let years = session.store.years.map(Array.init) ?? []
        let l = session.language
        var rows: [[Cell]] = []
        var usedYears = Set<Int>()
        var table: [(IndicatorIndex, [Double?])] = []
        for i in wanted.isEmpty ? Array(0..<IndicatorIndex(session.catalogue.count)) : wanted {
            let values = years.map { context.value(i, r, $0) }
            if wanted.isEmpty && values.allSatisfy({ $0 == nil }) { continue }
            for (y, v) in zip(years, values) where v != nil { usedYears.insert(y) }
            table.append((i, values))
        }
        if table.isEmpty {
            throw CommandError(zh: "\(session.regions.describe(r)) 没有已载入的数值：核对名称，或载入它的数据", en: "\(session.regions.describe(r)) has no loaded values: check its name, or load its data")
        }
        let shown = years.enumerated().filter { usedYears.contains($0.element) || usedYears.isEmpty }
        for (i, values) in table {
            let ind = session.catalogue[i]
            let series = shown.map { values[$0.offset] }
            rows.append([.text(ind.id), .text(ind.name(l)), .text(ind.unit.label(l))] + series.map { Cell.value($0, unit: ind.unit) }
                        + [.text(TextChart.sparkline(series))])
        }
        let yearHeader = shown.map { String($0.element) }
        // A sparkline per indicator, on the terminal only (the data formats carry the numbers).
        var listing = Listing(keys: ["indicator", "name", "unit"] + yearHeader + ["trend"],
                              header: (l == .zh ? ["指标", "名称", "单位"] : ["indicator", "name", "unit"]) + yearHeader + [l == .zh ? "走势" : "trend"],
                              cells: rows, rightAligned: Set(3..<3 + yearHeader.count))
        listing.tableOnly = [3 + yearHeader.count]
        try list.emit(listing, in: session, title: session.regions.describe(r))
        return 0
    }
}

public struct RankCommand: GlobalOptionsCommand {
    public static let argumentKinds: [ArgumentKind] = [.indicator, .none]
    public static let configuration = CommandConfiguration(
        commandName: "rank", abstract: "Order units by an indicator in the year.",
        discussion: """
            Units are those of --prefecture, else of the current policy's jurisdiction, else all with data.
            Ties share a rank (1, 2, 2, 4). The year defaults to the latest with values for the indicator.
            Examples:
              rank science_literacy_rate --top 5
              rank 地区生产总值 --prefecture 海东市 --ascending
            """)
    @OptionGroup public var global: GlobalOptions
    @Argument(help: ArgumentHelp("The indicator: id or Chinese name.", valueName: "INDICATOR")) public var indicator: String
    @Option(help: ArgumentHelp("Show only the first N rows (the summary still counts them all).", valueName: "N")) public var top: Int?
    @Option(help: ArgumentHelp("Only the units of this prefecture.", valueName: "P")) public var prefecture: String?
    @Option(help: "The year (default: the latest with values).") public var year: Int?
    @Flag(help: "Smallest first.") public var ascending = false
    @OptionGroup public var list: ListOptions
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        if let top, top < 1 { throw CommandError(zh: "--top 至少为 1", en: "--top must be at least 1") }
        try session.requireData()
        let i = try session.resolveIndicator(indicator)
        let ind = session.catalogue[i]
        let table = session.regions
        let area: RegionIndex?
        if let prefecture { area = try session.resolveRegion(prefecture, year: year ?? session.year) }
        else if let p = global.policy != nil ? try session.resolvePolicy(global.policy) : session.policy {
            area = table.index(code: p.document.jurisdictionCode)
        }
        else { area = nil }
        // Within an area: its units of the year (functional zones as the current policy counts them, else only
        // with data); with no area: the units that have data.
        let policy = global.policy != nil ? try session.resolvePolicy(global.policy) : session.policy
        let context = policy.map { Evaluator(context: session.context, policy: $0).context } ?? session.context
        func units(_ year: Int) -> [RegionIndex] {
            guard let area else { return session.store.regionsWithData.filter { table[$0].type.isUnit && table.exists($0, in: year) } }
            return table.units(under: area, in: year).filter { u in
                table.type(of: u) != .zone || (policy.map { _ in context.zones.includes(table[u]) } ?? true) && (table[u].isUserDefined || session.store.hasData(u))
            }
        }
        let y: Int
        if let given = year ?? session.year {
            y = try session.evaluationYear(given)
        } else {
            let years = session.store.years.map(Array.init) ?? []
            guard let latest = years.last(where: { yr in units(yr).contains { context.value(i, $0, yr) != nil } }) else {
                throw CommandError(zh: "这些单位没有已载入的 \(ind.name.zh)（\(ind.id)）数值：载入它们，或换一个指标", en: "no values of \(ind.id) (\(ind.name.zh)) are loaded for these units: load them, or pick another indicator")
            }
            y = latest
        }
        let units = units(y)
        var valued: [(RegionIndex, Double)] = units.compactMap { u in context.value(i, u, y).map { (u, $0) } }
        let missing = units.count - valued.count
        guard !valued.isEmpty else {
            throw CommandError(zh: "\(y) 年没有任何单位有 \(ind.name.zh)（\(ind.id)）的数值：换一个 --year", en: "no unit has a value of \(ind.id) in \(y): try another --year")
        }
        valued.sort { a, b in
            a.1 != b.1 ? (ascending ? a.1 < b.1 : a.1 > b.1) : table[a.0].nearestRecord(to: y).code < table[b.0].nearestRecord(to: y).code
        }
        let l = session.language
        var rows: [[Cell]] = []
        var rank = 0
        // Bars on the terminal: in proportion to the largest value (none for values ≤ 0).
        let largest = valued.map { abs($0.1) }.max() ?? 0
        for (n, (u, v)) in valued.enumerated() {
            if n == 0 || !(Tolerance.atLeast(v, valued[n - 1].1) && Tolerance.atMost(v, valued[n - 1].1)) { rank = n + 1 }
            if let top, n >= top { break }
            let record = table[u].nearestRecord(to: y)
            rows.append([.integer(rank), .text(record.code), .text(record.name),
                         .text(table.prefecture(of: u, in: y).map { table[$0].nearestRecord(to: y).name } ?? ""), .value(v, unit: ind.unit),
                         .text(TextChart.bar(v, max: largest, width: 24))])
        }
        let unitLabel = ind.unit.label(l)
        // The same names as check's and review's region columns.
        var listing = Listing(keys: ["rank", "region_code", "region", "prefecture", "value", "bar"],
                              header: l == .zh ? ["名次", "代码", "地区", "地级", "\(ind.name.zh)(\(unitLabel))", ""]
                                  : ["rank", "region_code", "region", "prefecture", "\(ind.id) (\(unitLabel))", ""],
                              cells: rows, rightAligned: [0, 4])
        listing.tableOnly = [5]
        let scope = area.map { table[$0].name } ?? (l == .zh ? "已载入的单位" : "loaded units")
        let footer = l == .zh
            ? "\(y) 年，\(scope)：\(valued.count) 个单位有数值" + (missing > 0 ? "，\(missing) 个缺数值" : "")
            : "\(y), \(scope): \(valued.count) units with values" + (missing > 0 ? ", \(missing) without" : "")
        try list.emit(listing, in: session, footer: footer)
        return 0
    }
}
