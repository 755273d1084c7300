import CIECore
import CIEData
import CIEBuiltinPolicies
import CIEPolicyFormat
import CIEReport
import Foundation

/// A command failed: the message says what to do next; `code` is the process exit code it maps to.
public struct CommandError: Error, CustomStringConvertible {
    public var message: String
    public var code: Int32
    public init(_ message: String, code: Int32 = 2) {
        self.message = message
        self.code = code
    }
    public var description: String { message }
}

/// The last result, for `export` and `expect`.
public enum LastResult {
    case check(CheckReport)
    case review(ReviewReport)
    /// A list (`rank`, `show`, `regions`, `indicators`, `targets`, `policies`), exportable like a report.
    case listing(Listing)
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
        didSet { for i in policy?.indicators ?? [] { catalogue.declare(i) } }
    }
    /// The policy packages: built in, from the search folders, `--policy-file` and `load-policy`. Built on first use,
    /// so a session that names no policy reads no package.
    public lazy var policies: PolicyCatalogue = makeCatalogue()
    public var language: Language = .zh
    public var color = false
    public var format = "table"
    public var year: Int?
    public var last: LastResult?
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
    public func load(_ paths: [String], quiet: Bool = false) throws {
        var loader = DataLoader(regions: regions, catalogue: catalogue, store: store, preferredArea: preferredArea)
        switch loader.load(paths: paths.map(inputPath)) {
        case .failure(let f):
            if Cancellation.isRequested {
                throw CommandError("load interrupted (Ctrl-C): nothing was loaded; load the files again to finish")
            }
            for d in f.diagnostics { err(d.render(language)) }
            throw CommandError("\(f.errorCount) error\(f.errorCount == 1 ? "" : "s"): nothing was loaded; fix the lines above and load again")
        case .success(let files):
            regions = loader.regions
            catalogue = loader.catalogue
            store = loader.store
            loadedFiles += files
            if !quiet {
                for f in files {
                    err(Session.describe(f, language))
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

    /// Notes a load prints for one file; `validate` prints them all.
    static let notesShown = 5

    static func describe(_ f: LoadedFile, _ language: Language, checkedOnly: Bool = false) -> String {
        var s = language == .zh
            ? "\(checkedOnly ? "通过" : "已载入") \(f.path)：\(f.kind.rawValue)，\(f.encoding.rawValue)，\(f.observations) 个数值"
            : "\(checkedOnly ? "ok" : "loaded") \(f.path): \(f.kind.rawValue), \(f.encoding.rawValue), \(f.observations) values"
        if let y = f.years {
            let span = y.lowerBound == y.upperBound ? "\(y.lowerBound)" : (language == .zh ? "\(y.lowerBound)—\(y.upperBound)" : "\(y.lowerBound)–\(y.upperBound)")
            s += language == .zh ? "，\(span) 年" : ", \(span)"
        }
        if f.regionsAdded > 0 { s += language == .zh ? "，新增 \(f.regionsAdded) 个地区" : ", \(f.regionsAdded) regions added" }
        if f.encoding == .gb18030 { s += language == .zh ? "（已按 GB18030/GBK 解码）" : " (decoded from GB18030/GBK)" }
        if !f.customIndicators.isEmpty {
            let shown = f.customIndicators.prefix(8).joined(separator: ", ")
            let more = f.customIndicators.count > 8 ? (language == .zh ? " 等 \(f.customIndicators.count) 个（indicators 列出全部）" : " … \(f.customIndicators.count) in all (see `indicators`)") : ""
            s += (language == .zh ? "；自定义指标：" : "; custom indicators: ") + shown + more
        }
        return s
    }

    private func makeCatalogue() -> PolicyCatalogue {
        let catalogue = PolicyCatalogue(builtin: BuiltinPolicies.packages.map {
            PolicyCatalogue.Builtin(root: $0.root, id: $0.id, names: $0.names, jurisdiction: $0.jurisdiction, files: $0.files)
        })
        let problems = catalogue.addSearchFolders(PolicyCatalogue.searchFolders())
        if !problems.isEmpty {
            for d in problems { err(d.render(language)) }
            let files = Set(problems.map(\.file)).sorted().joined(separator: ", ")
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
            return try policies.add(path: inputPath(path), origin: .file(path))
        } catch let failure {
            for d in failure.diagnostics { err(d.render(language)) }
            let n = failure.diagnostics.filter { $0.severity == .error }.count
            throw CommandError(language == .zh ? "\(n) 个错误：策略包 \(path) 未载入；修正以上各行后再载入（cie policy lint \(path) 可检查）"
                                               : "\(n) error\(n == 1 ? "" : "s"): the package \(path) was not loaded; fix the lines above and load it again (cie policy lint \(path) checks it)")
        }
    }

    /// A package of the catalogue, read (a built-in one is read on first use).
    func package(_ entry: PolicyCatalogue.Entry) throws -> PolicyPackage {
        do {
            return try policies.package(entry)
        } catch let failure {
            for d in failure.diagnostics { err(d.render(language)) }
            throw CommandError(language == .zh ? "策略包 \(entry.root) 无法读取：按以上各行修正" : "the package \(entry.root) does not read: fix the lines above")
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
                let list = ids.joined(separator: ", ")
                if language == .zh {
                    throw CommandError("未知的政策“\(name)”" + (near.isEmpty ? "" : "（是否指 \(near.joined(separator: " 或 "))？）")
                                       + "：\(hint(cli: "cie policies", session: "policies")) 列出全部（\(list)）；自己的策略包用 \(hint(cli: "--policy-file 路径", session: "load-policy 路径")) 载入")
                }
                throw CommandError("unknown policy “\(name)”" + (near.isEmpty ? "" : ": did you mean \(near.joined(separator: " or "))?")
                                   + " (\(hint(cli: "run `cie policies`", session: "type `policies`")) for the list: \(list); a package of your own loads with \(hint(cli: "--policy-file PATH", session: "load-policy PATH")))")
            }
            return try package(entry)
        }
        if let policy { return policy }
        throw CommandError(language == .zh
            ? "未选择政策：\(hint(cli: "用 --policy P 指定", session: "先输入 use P")) （\(policies.ids.joined(separator: ", "))）"
            : "no policy chosen: \(hint(cli: "pass --policy P", session: "type `use P`")) (\(policies.ids.joined(separator: ", ")))")
    }

    /// The evaluation year: the one given, else the setting, else the latest year in the data.
    public func evaluationYear(_ given: Int?) throws -> Int {
        if let y = given ?? year {
            guard DataLoader.years.contains(y) else {
                throw CommandError("year \(y) is out of range \(DataLoader.years.lowerBound)–\(DataLoader.years.upperBound): give a year such as \(store.latestYear ?? 2020)")
            }
            return y
        }
        guard let y = store.latestYear else {
            throw CommandError("no data loaded: " + hint(cli: "pass --data FILE (e.g. --data Samples/qinghai/qinghai_2016_2020.csv)",
                                                         session: "load a file first (e.g. load Samples/qinghai/qinghai_2016_2020.csv)"))
        }
        return y
    }

    /// The jurisdiction of the current policy, which names typed in a session prefer.
    var preferredArea: RegionIndex? { policy.flatMap { regions.index(code: $0.document.jurisdictionCode) } }

    /// A region typed in a command (`check 大通`, `show 湟中县`): a name several units share means the one in the
    /// current policy's jurisdiction, else the one with data; a former name is today's unit (or the unit of `year`).
    public func resolveRegion(_ text: String, year: Int? = nil) throws -> RegionIndex {
        let zh = language == .zh
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
            throw CommandError(zh ? "地区“\(text)”有歧义：\(names.joined(separator: "、"))；请用代码，或在名称前加省份或地级"
                                  : "ambiguous region “\(text)”: it names \(names.joined(separator: ", ")); use the code, or put the province or prefecture in front")
        case .unknown:
            let s = regions.suggestions(for: text, preferring: preferredArea)
            let names = s.map { regions.describeWithProvince($0) }
            throw CommandError(zh ? "未知地区“\(text)”" + (s.isEmpty ? "：请用 6 位代码或全称" : "：是否指 \(names.joined(separator: " 或 "))？")
                                  : "unknown region “\(text)”" + (s.isEmpty ? ": use its 6-digit code or full name" : ": did you mean \(names.joined(separator: " or "))?"))
        case .notInUse(let y, let units):
            let why = regions.explainNotInUse(text, year: y, units: units)
            throw CommandError(zh ? "地区“\(text)”在 \(y) 年不存在：\(why.zh)" : "region “\(text)” did not exist in \(y): \(why.en)")
        case .outside(_, let units):
            return units[0]
        }
    }

    public func formatter(_ name: String?) throws -> any ReportFormatter {
        let id = name ?? format
        guard let f = Formatters.named(id) else {
            throw CommandError("unknown format “\(id)”: use one of \(Formatters.all.map(\.id).joined(separator: ", "))")
        }
        return f
    }

    public var formatOptions: FormatOptions { FormatOptions(language: language, color: color) }

    /// Writes text to a file, or to `out` when no path is given.
    public func emit(_ text: String, to path: String?) throws {
        guard let path else {
            // `out` ends the text with a line break of its own; "\r\n" is one Character, so this drops either ending.
            out(text.last == "\n" || text.last == "\r\n" ? String(text.dropLast()) : text)
            return
        }
        do {
            try text.write(toFile: expandingTilde(path), atomically: true, encoding: .utf8)
        } catch {
            var why = error.localizedDescription
            while why.hasSuffix(".") { why.removeLast() }
            throw CommandError("cannot write \(path): \(why); check that its folder exists and is writable")
        }
        err(language == .zh ? "已写入 \(path)" : "wrote \(path)")
    }
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
