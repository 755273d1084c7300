import CIECore
import CIEData
import CIEBuiltinPolicies
import CIEPolicyFormat
import CIEReport
import Foundation

/// A command failed: the message says what to do next, in both languages; `code` is the process exit code it maps to.
public struct CommandError: Error, CustomStringConvertible {
    public var text: LocalizedText
    public var code: Int32
    /// What the error makes of a script's exit code: 1 (a command failed), or 2 where going on would be a silent pass
    /// (nothing loaded for the policy: a monthly job must not read "nobody failed").
    public var scriptCode: Int32 = 1
    public init(_ text: LocalizedText, code: Int32 = 2) {
        self.text = text
        self.code = code
    }
    public init(zh: String, en: String, code: Int32 = 2) {
        self.init(LocalizedText(zh: zh, en: en), code: code)
    }
    public var description: String { text.en }

    /// The same error, and a script that meets it exits 2.
    var failingTheScript: CommandError {
        var e = self
        e.scriptCode = 2
        return e
    }
}

/// Everything a CLI run or a REPL session holds: regions, catalogue, loaded values, the current policy, settings.
/// Commands read and change it; nothing in it touches the terminal.
public final class Session {
    /// The national table, read on first use (a session that never names a region, `echo quit | cie`, never reads it).
    public lazy var regions: RegionTable = BuiltinRegions.table
    public var catalogue = IndicatorCatalogue.shipped
    public var store = DataStore()
    public var loadedFiles: [LoadedFile] = []
    /// The current policy. Its package's indicators join the catalogue when it is chosen (and stay: values loaded
    /// under them keep their meaning when another policy is chosen).
    public var policy: PolicyPackage? {
        didSet {
            for i in policy?.indicators ?? [] where !declared.contains(where: { $0.id == i.id }) { declared.append(i) }
            for i in policy?.indicators ?? [] { catalogue.declare(i) }
        }
    }
    /// Indicators the packages used so far declared: a rebuilt catalogue (`unload`, `reload`) keeps them.
    private var declared: [Indicator] = []
    /// No load notices (`--quiet`): the "已载入…" lines and their notes.
    public var quiet = false
    /// The terminal's width in the REPL: tables fit it (their last column cut with …). nil in scripts and pipes.
    public var width: Int?
    /// The interpreter running this session's lines, for `source`.
    weak var interpreter: Interpreter?
    /// The policy packages: built in, from the search folders, `--policy-file` and `load-policy`. Built on first use,
    /// so a session that names no policy reads no package.
    public lazy var policies: PolicyCatalogue = makeCatalogue()
    public var language: Language = .zh
    public var color = false
    public var format = "table"
    public var year: Int?
    /// The last result, for `export`.
    public var last: Report?
    /// The folders of the packages loaded from disk (`--policy-file`, `load-policy`): their files are inputs too.
    var loadedPackageFolders: [String] = []
    /// The last `check`, which `expect` tests (a later `rank` or `show` does not replace it).
    public var lastCheck: CheckReport?
    /// Set by `quit`; the REPL and scripts stop after the command.
    public var quitRequested = false
    /// Whether commands run inside the REPL or a script (hints then name session commands, not options).
    public var inSession = false
    /// The folder of the script file running, if any: a relative path it names that is not found from the working
    /// directory is looked for there.
    public var scriptDirectory: String?

    /// A path a command reads: `~` expanded; a relative path missing from the working directory is taken from the
    /// running script's folder when it is there.
    public func inputPath(_ path: String) -> String {
        let expanded = expandingTilde(path)
        guard let dir = scriptDirectory, !expanded.hasPrefix("/"), !FileManager.default.fileExists(atPath: expanded) else { return expanded }
        let beside = joinPath(dir, expanded)
        return FileManager.default.fileExists(atPath: beside) ? beside : expanded
    }

    /// A hint in the words of where the user is: `--data FILE` on the command line, `load FILE` in a session.
    func hint(cli: String, session: String) -> String { inSession ? session : cli }
    /// Where results go (stdout) and where messages and diagnostics go (stderr).
    public var out: (String) -> Void
    public var err: (String) -> Void

    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        self.out = out
        self.err = err
    }

    public var context: EvaluationContext { EvaluationContext(regions: regions, catalogue: catalogue, store: store) }

    /// Loads files all or nothing; on failure the session is unchanged and every problem is printed.
    public func load(_ paths: [String], settings: LoadSettings = LoadSettings(), quiet: Bool = false) throws {
        var loader = DataLoader(regions: regions, catalogue: catalogue, store: store, preferredArea: preferredArea)
        let requests = try paths.map(inputPath).map { ($0, try self.settings(for: $0, given: settings)) }
        try take(&loader, loader.load(requests), quiet: quiet)
    }

    /// How to read a file: the options given, over its mapping file (`FILE.cie-map.yaml`) when there is one.
    public func settings(for path: String, given: LoadSettings) throws -> LoadSettings {
        let mapping = MappingFile.path(for: path)
        guard FileManager.default.fileExists(atPath: mapping) else { return given }
        switch MappingFile.read(mapping) {
        case .failure(let f):
            for d in f.diagnostics { err(d.render(language)) }
            throw CommandError(zh: "映射文件 \(mapping) 有 \(f.errorCount) 个错误：一个数值也没有载入；修正后再载入",
                               en: "the mapping file \(mapping) has \(f.errorCount) error\(f.errorCount == 1 ? "" : "s"): nothing was loaded; fix it and load again")
        case .success(var s):
            if let y = given.year { s.year = y }
            s.columns.merge(given.columns) { _, cli in cli }
            s.skipColumns += given.skipColumns.filter { !s.skipColumns.contains($0) }
            return s
        }
    }

    /// The session loaded again from scratch with these files (paths as loaded): `unload` and `reload`. All or
    /// nothing, as a load: on any problem the session keeps what it had.
    public func rebuild(with files: [LoadedFile]) throws {
        var base = IndicatorCatalogue.shipped
        for i in declared { base.declare(i) }
        var loader = DataLoader(regions: BuiltinRegions.table, catalogue: base, store: DataStore(), preferredArea: preferredArea)
        let result = loader.load(files.map { ($0.path, $0.settings) })
        if case .success = result {
            // Index-bound results of the old store mean nothing in the new one.
            last = nil
            lastCheck = nil
            loadedFiles = []
        }
        try take(&loader, result, quiet: quiet, replacing: true)
    }

    private func take(_ loader: inout DataLoader, _ result: Result<[LoadedFile], LoadFailure>, quiet: Bool, replacing: Bool = false) throws {
        switch result {
        case .failure(let f):
            if Cancellation.isRequested {
                throw CommandError(zh: "载入已中断（Ctrl-C）：一个数值也没有载入；再次载入这些文件即可", en: "load interrupted (Ctrl-C): nothing was loaded; load the files again to finish")
            }
            var files: [String] = []
            for d in f.diagnostics where !files.contains(d.file) { files.append(d.file) }
            for file in files {
                report(f.diagnostics.filter { $0.file == file }, limit: Session.problemsShown, file: file)
            }
            throw CommandError(zh: "\(f.errorCount) 个错误：一个数值也没有载入；修正以上各行后再载入",
                               en: "\(f.errorCount) error\(f.errorCount == 1 ? "" : "s"): nothing was loaded; fix the lines above and load again")
        case .success(let files):
            regions = loader.regions
            catalogue = loader.catalogue
            store = loader.store
            loadedFiles += files
            if !quiet && !self.quiet {
                for f in files {
                    err(describe(f))
                    // Notes: former codes and names read as their unit, names the file's context decided. A national
                    // file has hundreds: the first few, and where to see them all.
                    for d in f.diagnostics.prefix(Session.notesShown) { err(d.render(language)) }
                    if f.diagnostics.count > Session.notesShown {
                        let more = f.diagnostics.count - Session.notesShown
                        err(language == .zh ? "……另有 \(more) 条同类说明（validate \(f.path) 列出全部）"
                                            : "… and \(more) more notes like these (`validate \(f.path)` lists them all)")
                    }
                }
            }
        }
    }

    /// Problems printed for one file before the rest are counted (`validate FILE --all` prints them all).
    static let problemsShown = 20

    /// A file's problems on stderr: the first `limit`, then how many more and where to see them.
    func report(_ diagnostics: [Diagnostic], limit: Int?, file: String) {
        // Errors first when not all fit: the notes (former codes read as their unit) can wait.
        let errors = diagnostics.filter { $0.severity == .error }
        var ordered = diagnostics
        if let limit, diagnostics.count > limit { ordered = errors + diagnostics.filter { $0.severity != .error } }
        let shown = limit.map { ordered.prefix($0) } ?? ordered[...]
        for d in shown { err(d.render(language)) }
        let more = diagnostics.count - shown.count
        guard more > 0 else { return }
        err(language == .zh ? "……共 \(diagnostics.count) 条（错误 \(errors.count) 个），以上只列出前 \(shown.count) 条：validate \(file) --all 列出全部，--format csv 写成表格"
                            : "… \(diagnostics.count) in all (\(errors.count) errors), the first \(shown.count) above: `validate \(file) --all` lists them all, --format csv as a table")
    }

    /// Notes a load prints for one file; `validate` prints them all.
    static let notesShown = 5

    /// The line a load prints for a file, in the session's language.
    func describe(_ f: LoadedFile, checkedOnly: Bool = false) -> String {
        var s = Session.describe(f, language, checkedOnly: checkedOnly)
        let zh = language == .zh
        if !f.rejects.isEmpty {
            s += zh ? "；\(Display.grouped(Double(f.rows), decimals: 0)) 行载入，\(Display.grouped(Double(f.rejects.count), decimals: 0)) 行被拒（rejects 查看）"
                    : "; \(Display.grouped(Double(f.rows), decimals: 0)) rows loaded, \(Display.grouped(Double(f.rejects.count), decimals: 0)) rejected (see `rejects`)"
        }
        if f.outsideRows > 0, let area = f.settings.within {
            s += zh ? "；\(Display.grouped(Double(f.outsideRows), decimals: 0)) 行不在\(regions[area].name)，未载入" : "; \(Display.grouped(Double(f.outsideRows), decimals: 0)) rows outside \(regions[area].name) skipped"
        }
        return s
    }

    static func describe(_ f: LoadedFile, _ language: Language, checkedOnly: Bool = false) -> String {
        var s = language == .zh
            ? "\(checkedOnly ? "通过" : "已载入") \(f.path)：\(f.kindLabel.zh)\(f.sheet == nil ? "，" + f.encoding.rawValue : "")，\(f.observations) 个数值"
            : "\(checkedOnly ? "ok" : "loaded") \(f.path): \(f.kindLabel.en)\(f.sheet == nil ? ", " + f.encoding.rawValue : ""), \(f.observations) values"
        if let y = f.years {
            let span = y.lowerBound == y.upperBound ? "\(y.lowerBound)" : (language == .zh ? "\(y.lowerBound)—\(y.upperBound)" : "\(y.lowerBound)–\(y.upperBound)")
            s += language == .zh ? "，\(span) 年" : ", \(span)"
        }
        if f.regionsAdded > 0 { s += language == .zh ? "，新增 \(f.regionsAdded) 个地区" : ", \(f.regionsAdded) regions added" }
        if f.encoding == .gb18030 { s += language == .zh ? "（已按 GB18030/GBK 解码）" : " (decoded from GB18030/GBK)" }
        if let sheet = f.sheet {
            s += language == .zh ? "；工作表 \(sheet)" + (f.sheets.count > 1 ? "（共 \(f.sheets.count) 个：\(f.sheets.joined(separator: "、"))；--sheet 选择）" : "")
                                 : "; sheet \(sheet)" + (f.sheets.count > 1 ? " (of \(f.sheets.count): \(f.sheets.joined(separator: ", ")); --sheet chooses)" : "")
        }
        if let m = f.settings.mappingFile { s += language == .zh ? "；按映射文件 \(m)" : "; mapped by \(m)" }
        if !f.customIndicators.isEmpty {
            let shown = f.customIndicators.prefix(8).joined(separator: language == .zh ? "、" : ", ")
            let more = f.customIndicators.count > 8 ? (language == .zh ? " 等 \(f.customIndicators.count) 个（indicators 列出全部）" : " … \(f.customIndicators.count) in all (see `indicators`)") : ""
            s += (language == .zh ? "；自定义指标：" : "; custom indicators: ") + shown + more
        }
        return s
    }

    private func makeCatalogue() -> PolicyCatalogue {
        let catalogue = PolicyCatalogue.builtin()
        let problems = catalogue.addSearchFolders(PolicyCatalogue.searchFolders())
        if !problems.isEmpty {
            for d in problems { err(d.render(language)) }
            let files = Set(problems.map(\.file)).sorted().joined(separator: language == .zh ? "、" : ", ")
            err(language == .zh ? "以上策略包未载入（\(files)）：修正后重试（cie policy lint 路径 可检查）；其余策略包照常可用"
                                : "the packages above were not loaded (\(files)): fix them (cie policy lint PATH checks one); the others are available")
        }
        return catalogue
    }

    /// Reads the package in a folder (`--policy-file`, `load-policy`) into the catalogue; on any problem it prints every
    /// one and adds nothing.
    @discardableResult
    public func loadPolicy(_ path: String) throws -> PolicyPackage {
        do {
            let package = try policies.add(path: inputPath(path), origin: .file(path))
            loadedPackageFolders.append(inputPath(path))
            return package
        } catch let failure {
            for d in failure.diagnostics { err(d.render(language)) }
            let n = failure.diagnostics.filter { $0.severity == .error }.count
            throw CommandError(zh: "\(n) 个错误：策略包 \(path) 未载入；修正以上各行后再载入（cie policy lint \(path) 可检查）",
                               en: "\(n) error\(n == 1 ? "" : "s"): the package \(path) was not loaded; fix the lines above and load it again (cie policy lint \(path) checks it)")
        }
    }

    /// A package of the catalogue, read (a built-in one is read on first use).
    func package(_ entry: PolicyCatalogue.Entry) throws -> PolicyPackage {
        do {
            return try policies.package(entry)
        } catch let failure {
            for d in failure.diagnostics { err(d.render(language)) }
            throw CommandError(zh: "策略包 \(entry.root) 无法读取：按以上各行修正", en: "the package \(entry.root) does not read: fix the lines above")
        }
    }

    /// Every package of the catalogue, read: `policies`, and a target looked up across them.
    public func allPackages() throws -> [PolicyPackage] {
        try policies.sortedEntries.map(package)
    }

    /// The policy named, else the current one, else an error that says how to pick one.
    public func resolvePolicy(_ name: String?) throws -> PolicyPackage {
        if let name {
            guard let entry = policies.entry(named: name) else {
                let ids = policies.ids
                // The nearest ids only (qinhai → qinghai, not weihai as well).
                let distances = ids.map { ($0, editDistance($0, name.lowercased())) }.filter { $0.1 <= 3 }
                let best = distances.map(\.1).min()
                let near = distances.filter { $0.1 == best }.map(\.0)
                throw CommandError(
                    zh: "未知的政策“\(name)”" + (near.isEmpty ? "" : "（是否指 \(near.joined(separator: " 或 "))？）")
                        + "：\(hint(cli: "cie policies", session: "policies")) 列出全部（\(ids.joined(separator: "、"))）；自己的策略包用 \(hint(cli: "--policy-file 路径", session: "load-policy 路径")) 载入",
                    en: "unknown policy “\(name)”" + (near.isEmpty ? "" : ": did you mean \(near.joined(separator: " or "))?")
                        + " (\(hint(cli: "run `cie policies`", session: "type `policies`")) for the list: \(ids.joined(separator: ", ")); a package of your own loads with \(hint(cli: "--policy-file PATH", session: "load-policy PATH")))")
            }
            return try package(entry)
        }
        if let policy { return policy }
        throw CommandError(zh: "未选择政策：\(hint(cli: "用 --policy P 指定", session: "先输入 use P"))（\(policies.ids.joined(separator: "、"))）",
                           en: "no policy chosen: \(hint(cli: "pass --policy P", session: "type `use P`")) (\(policies.ids.joined(separator: ", ")))")
    }

    /// The evaluation year of a policy and why: the one given (`--year`, `set year`), else the latest year in which
    /// the policy's jurisdiction has a value of an indicator its targets read — not the latest year of any loaded
    /// data. No value at all for the jurisdiction in that year is an error, never an empty pass.
    public func policyYear(_ policy: PolicyPackage, given: Int?) throws -> (year: Int, why: LocalizedText) {
        let evaluator = Evaluator(context: context, policy: policy)
        let place = policy.name
        var (year, why): (Int, LocalizedText)
        if let y = given ?? self.year {
            year = try evaluationYear(y)
            why = given != nil ? LocalizedText(zh: "\(y) 年（--year）", en: "\(y) (--year)") : LocalizedText(zh: "\(y) 年（set year）", en: "\(y) (set year)")
            guard evaluator.hasData(in: y) else {
                let latest = evaluator.latestYearWithData()
                throw CommandError(
                    zh: "\(place.zh)在 \(y) 年没有数据（其目标的指标一个值也没有）" + (latest.map { "：有数据的最近一年是 \($0) 年，用 --year \($0)" } ?? "：载入它的数据（\(hint(cli: "--data 文件", session: "load 文件"))）"),
                    en: "no data for \(place.en) in \(y) (no value of its targets' indicators)" + (latest.map { ": the latest year with data is \($0); use --year \($0)" } ?? ": load its data (\(hint(cli: "--data FILE", session: "load FILE")))")).failingTheScript
            }
        } else {
            guard !store.isEmpty else { throw noDataLoaded.failingTheScript }
            guard let (y, later, values) = evaluator.defaultYear() else {
                throw CommandError(zh: "载入的数据中没有\(place.zh)的数值（或没有其目标所用的指标）：载入\(place.zh)的数据（\(hint(cli: "--data 文件", session: "load 文件"))）",
                                   en: "the loaded data has no values for \(place.en) (or none of its targets' indicators): load its data (\(hint(cli: "--data FILE", session: "load FILE")))").failingTheScript
            }
            year = y
            why = LocalizedText(zh: "\(y) 年：\(place.zh)有数据的最近一年", en: "\(y): the latest year with data for \(place.en)")
            if let next = later.last {
                let list = later.map { (zh: "\($0.year) 年只有 \($0.values) 个", en: "\($0.year) has only \($0.values)") }
                why = LocalizedText(
                    zh: "\(y) 年：\(place.zh)数据较全的最近一年（\(values) 个数值；" + list.map(\.zh).joined(separator: "，") + "，要评估它用 \(hint(cli: "--year \(next.year)", session: "check --year \(next.year)"))）",
                    en: "\(y): the latest year with fairly complete data for \(place.en) (\(values) values; " + list.map(\.en).joined(separator: ", ")
                        + "; for it, \(hint(cli: "--year \(next.year)", session: "check --year \(next.year)")))")
            }
        }
        let passed = Set(policy.targets.compactMap(\.deadline).filter { $0 < year }).sorted()
        if let d = passed.last {
            why = LocalizedText(zh: why.zh + "；截止年 \(passed.map(String.init).joined(separator: "、")) 年已过，结果按 \(year) 年评估（看截止年：\(hint(cli: "--year \(d)", session: "check --year \(d) 或 set year \(d)"))）",
                                en: why.en + "; the deadline \(passed.map(String.init).joined(separator: ", ")) has passed, results are for \(year) (for the deadline year: \(hint(cli: "--year \(d)", session: "check --year \(d) or set year \(d)")))")
        }
        return (year, why)
    }

    /// The evaluation year: the one given, else the setting, else the latest year in the data.
    public func evaluationYear(_ given: Int?) throws -> Int {
        if let y = given ?? year {
            guard DataLoader.years.contains(y) else {
                throw CommandError(zh: "年份 \(y) 超出范围 \(DataLoader.years.lowerBound)—\(DataLoader.years.upperBound)：请给出如 \(store.latestYear ?? 2020) 的年份",
                                   en: "year \(y) is out of range \(DataLoader.years.lowerBound)–\(DataLoader.years.upperBound): give a year such as \(store.latestYear ?? 2020)")
            }
            return y
        }
        guard let y = store.latestYear else {
            throw noDataLoaded
        }
        return y
    }

    /// Nothing is loaded yet: what to do, as the place the user is in says it.
    var noDataLoaded: CommandError {
        CommandError(zh: "尚未载入数据：" + hint(cli: "用 --data 文件 载入（如 --data Samples/qinghai/qinghai_2016_2020.csv）",
                                               session: "先用 load 文件 载入（如 load Samples/qinghai/qinghai_2016_2020.csv）"),
                     en: "no data loaded: " + hint(cli: "pass --data FILE (e.g. --data Samples/qinghai/qinghai_2016_2020.csv)",
                                                  session: "load a file first (e.g. load Samples/qinghai/qinghai_2016_2020.csv)"))
    }

    /// The jurisdiction of the current policy, which names typed in a session prefer.
    var preferredArea: RegionIndex? { policy.flatMap { regions.index(code: $0.document.jurisdictionCode) } }

    /// A province or prefecture typed in a command (`regions --province`, `load --province`): a region as
    /// `resolveRegion` reads it, refused when it is a county-level unit.
    func resolveArea(_ text: String, year: Int? = nil) throws -> RegionIndex {
        let a = try resolveRegion(text, year: year)
        guard !regions[a].type.isUnit else {
            throw CommandError(zh: "\(regions.describe(a)) 是县级单位，不是地级或省份：--province 和 --prefecture 需要一个地区",
                               en: "\(regions.describe(a)) is a county-level unit: --province and --prefecture take an area")
        }
        return a
    }

    /// A region typed in a command (`check 大通`, `show 湟中县`): a name several units share means the one in the
    /// current policy's jurisdiction, else the one with data; a former name is today's unit (or the unit of `year`).
    public func resolveRegion(_ text: String, year: Int? = nil) throws -> RegionIndex {
        switch regions.resolve(text, year: year) {
        case .found(let i, _): return i
        case .ambiguous(let hits):
            if let area = preferredArea {
                let inside = hits.filter { regions.isWithin($0, area, in: year) }
                if inside.count == 1 { return inside[0] }
            }
            // Else the one with data: a unit with values, or an area whose units have some.
            let withData = hits.filter { h in
                store.hasData(h) || (!regions[h].type.isUnit && regions.units(under: h).contains { store.hasData($0) })
            }
            if withData.count == 1 { return withData[0] }
            let names = hits.prefix(8).map { regions.describeWithProvince($0, in: year) }
            throw CommandError(zh: "地区“\(text)”有歧义：\(names.joined(separator: "、"))；请用代码，或在名称前加省份或地级",
                               en: "ambiguous region “\(text)”: it names \(names.joined(separator: ", ")); use the code, or put the province or prefecture in front")
        case .unknown:
            let s = regions.suggestions(for: text, preferring: preferredArea)
            let names = s.map { regions.describeWithProvince($0) }
            throw CommandError(zh: "未知地区“\(text)”" + (s.isEmpty ? "：请用 6 位代码或全称" : "：是否指 \(names.joined(separator: " 或 "))？"),
                               en: "unknown region “\(text)”" + (s.isEmpty ? ": use its 6-digit code or full name" : ": did you mean \(names.joined(separator: " or "))?"))
        case .notInUse(let y, let units):
            let why = regions.explainNotInUse(text, year: y, units: units)
            throw CommandError(zh: "地区“\(text)”在 \(y) 年不存在：\(why.zh)", en: "region “\(text)” did not exist in \(y): \(why.en)")
        case .outside(_, let units):
            return units[0]
        }
    }

    /// The format of a result: the output file's extension decides (`r.html` is HTML); a `--format` that contradicts
    /// it is an error; without a known extension, the format given, else the session's.
    public func formatter(_ name: String?, output: String? = nil) throws -> any ReportFormatter {
        let ext = output.map(fileExtension) ?? ""
        if let byExtension = Formatters.forExtension(ext) {
            if let name, let given = Formatters.named(name), given.id != byExtension.id {
                throw CommandError(zh: "--format \(given.id) 与文件 \(output!) 的扩展名 .\(ext)（\(byExtension.id)）矛盾：去掉 --format，或把文件名改为相应扩展名",
                                   en: "--format \(given.id) contradicts the extension .\(ext) (\(byExtension.id)) of \(output!): drop --format, or rename the file")
            }
            if name == nil || Formatters.named(name!) != nil { return byExtension }
        }
        let id = name ?? format
        guard let f = Formatters.named(id) else { throw unknownFormat(id) }
        return f
    }

    func unknownFormat(_ id: String) -> CommandError {
        let near = didYouMean(id, Formatters.all.map(\.id))
        return CommandError(zh: "未知的格式“\(id)”" + near.zh + "：可用 \(Formatters.idList(.zh))", en: "unknown format “\(id)”" + near.en + ": use one of \(Formatters.idList(.en))")
    }

    public var formatOptions: FormatOptions { FormatOptions(language: language, color: color, width: width) }

    /// Where the numbers come from, for the reports that say it: the loaded files, the time (`SOURCE_DATE_EPOCH` when
    /// set, for reproducible files), the version.
    var reportSource: ReportSource {
        let environment = ProcessInfo.processInfo.environment
        let date = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init).map { Date(timeIntervalSince1970: $0) } ?? Date()
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return ReportSource(files: loadedFiles.map { ReportSource.File(path: $0.path, kind: $0.kindLabel, values: $0.observations, years: $0.years) },
                            generated: f.string(from: date), version: CIEVersion.string)
    }

    /// Renders a result and writes it: to `out` when no path is given (a format that writes files only is refused),
    /// else to the file, safely (`SafeFile`). Remembers it for `export`. A file that was loaded in this session is not
    /// overwritten without `force`.
    public func emit(_ report: Report, as formatter: any ReportFormatter, to path: String?, force: Bool = false) throws {
        last = report
        let report = report.with(source: reportSource)
        do {
            guard let path else {
                let text = try formatter.text(report, formatOptions)
                // `out` ends the text with a "\n" of its own: a CSV's last line keeps its "\r\n" ("\r\n" is one Character).
                out(text.last == "\r\n" ? String(text.dropLast()) + "\r" : text.last == "\n" ? String(text.dropLast()) : text)
                return
            }
            let target = expandingTilde(path)
            if !force, let input = loadedFiles.first(where: { SafeFile.same($0.path, target) }) {
                throw CommandError(zh: "\(path) 是本会话载入的数据文件（\(input.path)），不覆盖它：换一个文件名，或加 --force",
                                   en: "\(path) is a data file loaded in this session (\(input.path)); it is not overwritten: choose another name, or add --force")
            }
            if !force, let package = loadedPackageFolders.first(where: { SafeFile.isInside(target, $0) }) {
                throw CommandError(zh: "\(path) 在本会话载入的策略包 \(package) 里，不覆盖它：换一个文件夹，或加 --force",
                                   en: "\(path) is inside the policy package \(package) loaded in this session; it is not overwritten: choose another folder, or add --force")
            }
            let bytes = try formatter.file(report, FormatOptions(language: language, color: false))
            do {
                try SafeFile.write(bytes, to: target)
            } catch let e as SafeFile.Failure {
                throw CommandError(zh: "无法写入 \(path)：\(errnoText(e.code, .zh))；\(e.advice.zh)；原文件（若有）未被改动",
                                   en: "cannot write \(path): \(errnoText(e.code, .en)); \(e.advice.en); any existing file is left as it was")
            }
        } catch let e as FormatError {
            throw CommandError(e.message)
        }
        err(language == .zh ? "已写入 \(path!)" : "wrote \(path!)")
    }
}

/// A path's extension, lower-case, without the dot ("" for none). By hand: Foundation's `pathExtension` traps on some
/// one-character paths on Linux.
func fileExtension(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return name[name.index(after: dot)...].lowercased()
}

/// `~/x` → `$HOME/x`, for paths typed in the REPL (no shell expands them there); other paths unchanged.
func expandingTilde(_ path: String) -> String {
    guard path == "~" || path.hasPrefix("~/") else { return path }
    let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
    return home + path.dropFirst()
}

/// The folder a path is in (`Samples/qinghai/monthly.cie` → `Samples/qinghai`, `monthly.cie` → `.`). By hand: on
/// Linux, Foundation's `deletingLastPathComponent` traps on some one-character paths such as `-`.
func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}

/// `folder/name`, without doubling the slash.
func joinPath(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
}

extension PolicyCatalogue {
    /// The catalogue of the packages built into cie (Samples/*/, embedded by Plugins/EmbedPolicies).
    public static func builtin() -> PolicyCatalogue {
        PolicyCatalogue(builtin: BuiltinPolicies.packages.map {
            PolicyCatalogue.Builtin(root: $0.root, id: $0.id, names: $0.names, jurisdiction: $0.jurisdiction, files: $0.files)
        })
    }
}
