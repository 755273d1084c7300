import ArgumentParser
import CIECore
import CIEData
import CIEPolicyFormat
import CIEReport
import Foundation

extension Language: ExpressibleByArgument {}

/// Options valid for every command (SPEC.md, "Command line").
public struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("A data file to load (repeatable).", valueName: "FILE"), completion: .file())
    public var data: [String] = []
    @Option(help: ArgumentHelp("The policy: id, Chinese or English name.", valueName: "P"), completion: .custom(GlobalOptions.policyIDs))
    public var policy: String?
    @Option(name: .customLong("policy-file"), help: ArgumentHelp("A policy package folder to load (repeatable; Docs/PolicyFormat.md).", valueName: "PATH"),
            completion: .directory)
    public var policyFiles: [String] = []
    @Option(help: "Label language: zh or en.")
    public var lang: Language?
    @Flag(name: .customLong("no-color"), help: "Never colour output (also NO_COLOR in the environment).")
    public var noColor = false
    @Flag(help: "No load notices (the lines that say what each file loaded).")
    public var quiet = false
    public init() {}

    /// The options as plain values.
    public var startup: Startup {
        Startup(data: data, policy: policy, policyFiles: policyFiles, lang: lang, noColor: noColor, quiet: quiet)
    }

    /// The shells' completion of `--policy` (bash, zsh, fish call `cie ---completion`): the ids of the built-in packages
    /// and of those in the search folders, as `policies` lists them.
    @Sendable static func policyIDs(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let catalogue = PolicyCatalogue.builtin()
        _ = catalogue.addSearchFolders(PolicyCatalogue.searchFolders())
        return catalogue.sortedEntries.map(\.id).filter { $0.hasPrefix(prefix) }
    }
}

/// What the global options ask of a session, as plain values: with no arguments, cie starts from the defaults
/// without ArgumentParser (whose parse reflects over every command's type: a third of the start-up time).
public struct Startup: Sendable {
    public var data: [String] = []
    public var policy: String?
    public var policyFiles: [String] = []
    public var lang: Language?
    public var noColor = false
    public var quiet = false
    public init(data: [String] = [], policy: String? = nil, policyFiles: [String] = [], lang: Language? = nil, noColor: Bool = false, quiet: Bool = false) {
        (self.data, self.policy, self.policyFiles, self.lang, self.noColor, self.quiet) = (data, policy, policyFiles, lang, noColor, quiet)
    }
}

/// The options of the commands that produce a report (`check`, `review`).
public struct ReportOptions: ParsableArguments {
    @Option(help: "The evaluation year (default: the latest year with data for the policy's jurisdiction).") public var year: Int?
    @Option(help: ArgumentHelp(Formatters.idList(.en) + ".", valueName: "F"), completion: .list(Formatters.all.map(\.id))) public var format: String?
    @Option(help: ArgumentHelp("Write to this file instead of standard output (the format from its extension).", valueName: "PATH"), completion: .file())
    public var output: String?
    @Flag(help: "Overwrite the --output file even if it was loaded as data in this session.") public var force = false
    @Option(help: ArgumentHelp("Show only the first N rows (the summary still counts them all).", valueName: "N")) public var top: Int?
    public init() {}

    /// The policy, formatter and evaluation year (with why that year), each checked before any work is done.
    func prepare(_ session: Session, policy name: String?) throws -> (PolicyPackage, any ReportFormatter, (year: Int, why: LocalizedText)) {
        let policy = try session.resolvePolicy(name)
        let formatter = try session.formatter(format, output: output)
        if let top, top < 1 { throw CommandError(zh: "--top 至少为 1（显示的行数）", en: "--top must be at least 1 (the rows shown)") }
        return (policy, formatter, try session.policyYear(policy, given: year))
    }
}

/// A command that runs against a session: the command line builds a fresh one, the REPL passes its own.
public protocol SessionCommand: ParsableCommand {
    /// What the command's global options (`--lang`, `--data` …) ask of the session, for this command.
    var startup: Startup { get }
    /// Runs the command and returns its exit code (0 success); throws `CommandError` on failure.
    func execute(in session: Session) throws -> Int32
    /// What the positional arguments are, for completion (the last kind repeats for a list).
    static var argumentKinds: [ArgumentKind] { get }
    /// Exit codes that report a verdict rather than a failure (`check`'s 1 and 3): in the REPL and scripts the
    /// command still succeeded.
    static var verdictCodes: Set<Int32> { get }
}

extension SessionCommand {
    public static var verdictCodes: Set<Int32> { [] }
}

/// A command that takes the global options (every one with a command-line twin).
public protocol GlobalOptionsCommand: SessionCommand {
    var global: GlobalOptions { get }
}
extension GlobalOptionsCommand {
    public var startup: Startup { global.startup }
}

extension SessionCommand {
    public mutating func run() throws {
        let session = Session(out: Output.line, err: Output.errorLine)
        session.color = Output.wantsColor
        // Ctrl-C stops a load, a blocked open or an evaluation, and the command exits 130 (SPEC.md), not by a signal.
        Interrupts.install()
        let code: Int32
        do {
            try session.apply(startup)
            code = try execute(in: session)
        } catch let e as CommandError {
            session.err("error: " + e.text(session.language))
            throw ExitCode(Cancellation.isRequested ? 130 : e.code)
        }
        if Cancellation.isRequested { throw ExitCode(130) }
        Output.flush()
        if let failure = Output.writeFailure, failure != EPIPE {
            let why = errnoText(failure, session.language)
            session.err("error: " + (session.language == .zh ? "无法写出结果：\(why)；检查磁盘，或用 --output 路径" : "cannot write the output: \(why); check the disk, or use --output PATH"))
            throw ExitCode(2)
        }
        if code != 0 { throw ExitCode(code) }
    }
}

extension Session {
    /// Applies global options: language, colour, policy packages, the policy (whose indicators the data may use),
    /// and loads `--data` files.
    public func apply(_ g: Startup) throws {
        if let l = g.lang { language = l }
        if g.noColor { color = false }
        if g.quiet { quiet = true }
        for path in g.policyFiles { try loadPolicy(path) }
        if let p = g.policy { policy = try resolvePolicy(p) }
        if !g.data.isEmpty { try load(g.data) }
    }
}

/// " (did you mean A, B or C?)": at most three names, nearest first, those of `names` before those of `then`.
func didYouMean(_ word: String, _ names: [String], then more: [String] = []) -> LocalizedText {
    var near = nearestNames(word, among: names, limit: 3)
    if near.count < 3 { near += nearestNames(word, among: more.filter { !names.contains($0) }, limit: 3 - near.count) }
    guard !near.isEmpty else { return LocalizedText("") }
    return LocalizedText(zh: "（是否指 \(near.joined(separator: "、"))？）", en: " (did you mean \(near.joined(separator: ", "))?)")
}

/// The error for a status word that is none.
func unknownStatus(_ s: String) -> CommandError {
    let ids = Status.allCases.map(\.rawValue)
    let near = didYouMean(s, ids + Status.allCases.map(\.label.zh))
    return CommandError(zh: "未知的状态“\(s)”" + near.zh + "：可用 " + Status.allCases.map { "\($0.rawValue)（\($0.label.zh)）" }.joined(separator: "、"),
                        en: "unknown status “\(s)”" + near.en + ": use one of \(ids.joined(separator: ", "))")
}

/// SPEC.md's exit code of `check`: errors outrank verdicts; 1 for a failed binding or striving result; 3 when only data is missing.
public func checkExitCode(_ results: [TargetResult]) -> Int32 {
    if results.contains(where: { $0.status == .error }) { return 2 }
    let counted = results.filter { $0.strength.counts }
    if counted.contains(where: { $0.status.isFailure }) { return 1 }
    if counted.contains(where: { $0.status == .noData }) { return 3 }
    return 0
}

public struct CheckCommand: GlobalOptionsCommand {
    public static let verdictCodes: Set<Int32> = [1, 3]
    public static let argumentKinds: [ArgumentKind] = [.region]
    public static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Evaluate a policy's targets on loaded data.",
        discussion: """
            Examples:
              cie check --policy qinghai --data Samples/qinghai/qinghai_2016_2020.csv
              cie check --policy 青海 --data Samples/qinghai/qinghai_2016_2020.csv --status not_met --format json
            Exit codes: 0 all binding/striving targets met or on track; 1 some not met or off track; \
            3 none failed but some lack data; 2 bad input, usage or an error result.
            """)
    @OptionGroup public var global: GlobalOptions
    @Argument(help: ArgumentHelp("Regions to evaluate (code or name); none means all.", valueName: "REGION")) public var regionArguments: [String] = []
    @OptionGroup public var report: ReportOptions
    @Option(name: .customLong("region"), help: ArgumentHelp("Only this region, or the units of this prefecture (repeatable).", valueName: "R"))
    public var regions: [String] = []
    @Option(name: .customLong("target"), help: ArgumentHelp("Only this target (repeatable).", valueName: "T")) public var targets: [String] = []
    @Option(name: .customLong("status"), help: ArgumentHelp("Only results with this status (repeatable): met, not_met, on_track, off_track, no_data, not_applicable, error.", valueName: "S"))
    public var statuses: [String] = []
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        let (policy, formatter, (year, why)) = try report.prepare(session, policy: global.policy)
        var selected = policy.targets
        if !targets.isEmpty {
            selected = try targets.map { id in
                guard let t = policy.target(id) else {
                    let near = didYouMean(id, policy.targets.map(\.id))
                    throw CommandError(zh: "\(policy.id) 没有目标“\(id)”" + near.zh + "（\(session.hint(cli: "cie targets \(policy.id)", session: "targets \(policy.id)")) 列出全部）",
                                       en: "\(policy.id) has no target “\(id)”" + near.en + " (\(session.hint(cli: "run `cie targets \(policy.id)`", session: "type `targets \(policy.id)`")))")
                }
                return t
            }
        }
        let wanted = try Set(statuses.map { s -> Status in
            guard let st = Status(parsing: s) else { throw unknownStatus(s) }
            return st
        })
        let areas = try (regions + regionArguments).map { try session.resolveRegion($0, year: year) }
        let evaluator = Evaluator(context: session.context, policy: policy)
        var results = evaluator.evaluate(year: year, targets: selected)
        if Cancellation.isRequested { throw CommandError(zh: "check 已中断（Ctrl-C）：没有输出结果", en: "check interrupted (Ctrl-C): nothing was printed", code: 130) }
        if !areas.isEmpty {
            results = results.filter { r in areas.contains { session.regions.isWithin(r.region, $0, in: year) } }
        }
        let all = results.count
        if !wanted.isEmpty { results = results.filter { wanted.contains($0.status) } }
        var checked = CheckReport(policy: policy, year: year, results: results, regions: session.regions, notes: evaluator.zoneNotes(year: year))
        checked.yearNote = why
        if let top = report.top { checked.limit(to: top) }
        if results.count < all {
            let shown = wanted.sorted { $0.rawValue < $1.rawValue }
            checked.filterNote = LocalizedText(
                zh: "按 --status \(shown.map(\.label.zh).joined(separator: "、")) 列出 \(results.count) 项，筛去 \(all - results.count) 项（共 \(all) 项）",
                en: "--status \(shown.map(\.rawValue).joined(separator: ", ")) shows \(results.count) of \(all) results (\(all - results.count) filtered out)")
        }
        // The earlier years of the targets not yet due, for the formats that draw them (now, or on a later export).
        checked.history = session.history(evaluator, targets: selected, year: year)
        if Cancellation.isRequested { throw CommandError(zh: "check 已中断（Ctrl-C）：没有输出结果", en: "check interrupted (Ctrl-C): nothing was printed", code: 130) }
        session.lastCheck = checked
        try session.emit(.check(checked), as: formatter, to: report.output, force: report.force)
        return checkExitCode(results)
    }
}

extension Session {
    /// Each target's observed values in the years up to `year`, by unit code (as the evaluation year names the unit),
    /// for the targets not yet due: what a report draws against the path to the deadline. Stops at Ctrl-C.
    func history(_ evaluator: Evaluator, targets: [Target], year: Int) -> [String: TargetHistory] {
        guard let first = store.years?.lowerBound, first < year else { return [:] }
        let years = Array(first...year)
        var out: [String: TargetHistory] = [:]
        for t in targets where (t.deadline ?? 0) > year {
            var lines: [String: [Double?]] = [:]
            for (k, y) in years.enumerated() {
                if Cancellation.isRequested { return out }
                for r in evaluator.evaluate(t, year: y) {
                    let code = regions[r.region].nearestRecord(to: year).code
                    lines[code, default: Array(repeating: nil, count: years.count)][k] = r.observed
                }
            }
            out[t.id] = TargetHistory(years: years, lines: lines)
        }
        return out
    }
}

public struct ReviewCommand: GlobalOptionsCommand {
    public static let argumentKinds: [ArgumentKind] = [.reviewer, .none]
    public static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Run a reviewer of a policy (compliance, scores, vetoes, funding).",
        discussion: """
            Every review prints its method. A reviewer takes the options its kind declares (an evaluation --weights, \
            --excellent, --runs and --seed; an allocation --pool); the generated docs list them, Tab completes them, and any \
            other is refused. --top N shows the first N rows, as everywhere.
            Examples:
              cie review --policy qinghai --data Samples/qinghai/qinghai_2016_2020.csv evaluation --weights 人才引进=2 --excellent 10%
              cie review --policy weihai --data Samples/weihai/weihai_2015_2020.csv funding --pool 2000
            """)
    @OptionGroup public var global: GlobalOptions
    @Argument(help: ArgumentHelp("The reviewer id (default: compliance).", valueName: "REVIEWER")) public var reviewer: String?
    @OptionGroup public var report: ReportOptions
    /// The reviewer's own options (`--weights talent=2`, `--pool 2000`), read against what its kind declares.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The reviewer's options (--weights, --excellent, --runs, --seed, --pool …).", valueName: "OPTIONS"))
    public var options: [String] = []
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        let (policy, formatter, (year, why)) = try report.prepare(session, policy: global.policy)
        let id = reviewer ?? "compliance"
        guard let r = policy.reviewer(id) else {
            let ids = policy.allReviewers.map(\.id)
            let near = didYouMean(id, ids)
            throw CommandError(zh: "\(policy.id) 没有审查器“\(id)”" + near.zh + "：它有 \(ids.joined(separator: "、"))",
                               en: "\(policy.id) has no reviewer “\(id)”" + near.en + ": it has \(ids.joined(separator: ", "))")
        }
        // An option the reviewer does not take is refused, not silently ignored.
        let given: ReviewOptions
        do { given = try ReviewOptions.parse(options, for: r) } catch let e as ReviewError { throw CommandError(e.message) }
        let review: Review
        do {
            review = try r.review(policy, context: session.context, year: year, options: given)
        } catch let e as ReviewError {
            throw CommandError(zh: "\(r.id)：" + e.message.zh, en: "\(r.id): " + e.message.en)
        } catch {
            throw CommandError(zh: "审查器 \(r.id) 出错：\(error)", en: "reviewer \(r.id) failed: \(error)")
        }
        if Cancellation.isRequested { throw CommandError(zh: "review 已中断（Ctrl-C）：没有输出结果", en: "review interrupted (Ctrl-C): nothing was printed", code: 130) }
        var reviewed = ReviewReport(policy: policy, review: review, regions: session.regions, verdicts: r.verdicts + [.noData])
        reviewed.yearNote = why
        if let top = report.top { reviewed.limit(to: top) }
        try session.emit(.review(reviewed), as: formatter, to: report.output, force: report.force)
        return 0
    }
}

public struct ReportCommand: GlobalOptionsCommand {
    public static let argumentKinds: [ArgumentKind] = [.file, .none]
    public static let configuration = CommandConfiguration(
        commandName: "report", abstract: "A check and every reviewer of the policy in one file (.html .xlsx .md .json).",
        discussion: """
            The HTML report is one file: a summary, a heatmap of units × targets, each target's clause, sentence and \
            charts, the reviews; it prints on A4. The workbook has the sheets 摘要, 结果, one per reviewer, and 目标. \
            Reviewers run with their default options.
            Examples:
              report 青海_2020.html
              cie report --policy qinghai --data Samples/qinghai/qinghai_2016_2020.csv --output qinghai_2020.xlsx
            """)
    @OptionGroup public var global: GlobalOptions
    @Argument(help: ArgumentHelp("The file to write (the format from its extension).", valueName: "PATH"), completion: .file()) public var path: String?
    @Option(help: ArgumentHelp("The file to write (as PATH).", valueName: "PATH"), completion: .file()) public var output: String?
    @Option(help: "The evaluation year (default: the latest year with data for the policy's jurisdiction).") public var year: Int?
    @Flag(help: "Overwrite the file even if it was loaded as data in this session.") public var force = false
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        guard let file = path ?? output else {
            throw CommandError(zh: "report 要写入一个文件：\(session.hint(cli: "cie report --policy P --data 文件 --output 报告.html", session: "report 报告.html"))（.html、.xlsx、.md 或 .json）",
                               en: "report writes a file: \(session.hint(cli: "cie report --policy P --data FILE --output report.html", session: "report report.html")) (.html, .xlsx, .md or .json)")
        }
        if path != nil, output != nil, path != output {
            throw CommandError(zh: "给了两个文件（\(path!) 和 --output \(output!)）：只给一个", en: "two files given (\(path!) and --output \(output!)): give one")
        }
        let policy = try session.resolvePolicy(global.policy)
        guard let formatter = Formatters.forExtension(fileExtension(file)) else {
            throw CommandError(zh: "无法从“\(file)”看出格式：文件名以 \(Formatters.extensionList(.zh)) 结尾",
                               en: "cannot tell the format of “\(file)”: end the name with \(Formatters.extensionList(.en))")
        }
        let (year, why) = try session.policyYear(policy, given: year)
        let evaluator = Evaluator(context: session.context, policy: policy)
        var checked = CheckReport(policy: policy, year: year, results: evaluator.evaluate(year: year), regions: session.regions, notes: evaluator.zoneNotes(year: year))
        checked.yearNote = why
        checked.history = session.history(evaluator, targets: policy.targets, year: year)
        var reviews: [ReviewReport] = []
        var failed: [(name: LocalizedText, why: LocalizedText)] = []
        for r in policy.allReviewers {
            if Cancellation.isRequested { break }
            do {
                let review = try r.review(policy, context: session.context, year: year, options: ReviewOptions.parse([], for: r))
                var reviewed = ReviewReport(policy: policy, review: review, regions: session.regions, verdicts: r.verdicts + [.noData])
                reviewed.yearNote = why
                reviews.append(reviewed)
            } catch let e as ReviewError {
                failed.append((r.name, e.message))
            }
        }
        if Cancellation.isRequested { throw CommandError(zh: "report 已中断（Ctrl-C）：没有写入文件", en: "report interrupted (Ctrl-C): nothing was written", code: 130) }
        session.lastCheck = checked
        try session.emit(.policy(PolicyReport(check: checked, reviews: reviews, failedReviews: failed)), as: formatter, to: file, force: force)
        return 0
    }
}

public struct PoliciesCommand: GlobalOptionsCommand {
    public static let configuration = CommandConfiguration(
        commandName: "policies", abstract: "List the policy packages: built in, from --policy-file, $CIE_POLICY_PATH and $XDG_DATA_HOME/cie/policies.")
    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var list: ListOptions
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        let zh = session.language == .zh
        let rows = try session.allPackages().map { m -> [Cell] in
            [.text(m.id), .text(m.name(session.language)), .text(m.document.jurisdictionCode), .text(m.document.citation),
             .coded(id: m.document.status.rawValue, label: m.document.status.label(session.language)), .integer(m.targets.count),
             .text(m.allReviewers.map(\.id).joined(separator: zh ? "、" : ", ")), .text(m.origin.label(session.language))]
        }
        let listing = Listing(keys: ["id", "name", "jurisdiction", "document", "status", "targets", "reviewers", "source"],
                              header: zh ? ["id", "名称", "辖区", "文件", "状态", "目标数", "审查器", "来源"]
                                         : ["id", "name", "jurisdiction", "document", "status", "targets", "reviewers", "source"],
                              cells: rows, rightAligned: [5])
        try list.emit(listing, in: session)
        return 0
    }
}

public struct TargetsCommand: GlobalOptionsCommand {
    public static let argumentKinds: [ArgumentKind] = [.policy, .none]
    public static let configuration = CommandConfiguration(commandName: "targets", abstract: "List a policy's targets.",
                                                           discussion: "Example: cie targets qinghai")
    @OptionGroup public var global: GlobalOptions
    @Argument(help: ArgumentHelp("The policy (default: --policy, or the current one in the REPL).", valueName: "POLICY")) public var policyName: String?
    @OptionGroup public var list: ListOptions
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        let policy = try session.resolvePolicy(policyName ?? global.policy)
        let l = session.language
        let rows = policy.targets.map { t -> [Cell] in
            [.text(t.id), .coded(id: t.scope.rawValue, label: t.scope.label(l)), .text(t.requirement(l)),
             t.deadline.map(Cell.integer) ?? .none(shown: l == .zh ? "每年" : "yearly"),
             .coded(id: t.strength.rawValue, label: t.strength.label(l)), .text(t.clause), .text(t.title(l))]
        }
        let listing = Listing(keys: ["target", "scope", "required", "deadline", "strength", "clause", "title"],
                              header: l == .zh ? ["目标", "范围", "要求", "期限", "强度", "条款", "内容"] : ["target", "scope", "required", "deadline", "strength", "clause", "title"],
                              cells: rows)
        let draftNote = policy.document.status != .draft ? nil
            : (l == .zh ? "注意：\(policy.name.zh) 策略包依据的是征求意见稿。" : "Note: the \(policy.name.en) package encodes a draft for comment.")
        try list.emit(listing, in: session, title: draftNote)
        return 0
    }
}

public struct ExplainCommand: GlobalOptionsCommand {
    public static let argumentKinds: [ArgumentKind] = [.target, .none]
    public static let configuration = CommandConfiguration(commandName: "explain", abstract: "Citation, original text, condition, scope and inputs of a target.",
                                                           discussion: "Example: cie explain QH-06")
    @OptionGroup public var global: GlobalOptions
    @Argument(help: ArgumentHelp("The target id (QH-06).", valueName: "TARGET")) public var target: String
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        // The current policy's target, else the first package's that has it.
        var found: (PolicyPackage, Target)? = session.policy.flatMap { p in p.target(target).map { (p, $0) } }
        let all = found == nil ? try session.allPackages() : []
        if found == nil { found = all.lazy.compactMap { p in p.target(target).map { (p, $0) } }.first }
        guard let (policy, t) = found else {
            // The current policy's targets first: QH-99 in a Qinghai session is a typo of QH-09, not of WH-09.
            let near = didYouMean(target, session.policy.map { $0.targets.map(\.id) } ?? [], then: all.flatMap { $0.targets.map(\.id) })
            throw CommandError(zh: "没有目标“\(target)”" + near.zh + "（\(session.hint(cli: "cie targets P", session: "targets P")) 列出一个政策的目标）",
                               en: "no target “\(target)”" + near.en + " (\(session.hint(cli: "run `cie targets P`", session: "type `targets P`")) to list them)")
        }
        session.out(Explain.text(t, policy: policy, catalogue: session.catalogue, language: session.language))
        return 0
    }
}

public struct ValidateCommand: GlobalOptionsCommand {
    public static let argumentKinds: [ArgumentKind] = [.file]
    public static let configuration = CommandConfiguration(commandName: "validate", abstract: "Load files, report every problem, load nothing.",
                                                           discussion: "Exit 0 when every file is clean, 2 when any has an error.")
    @OptionGroup public var global: GlobalOptions
    @Argument(help: ArgumentHelp("Files to check.", valueName: "FILE")) public var files: [String]
    @OptionGroup public var reading: ReadingOptions
    @Flag(help: "Print every problem (default: the first 20 of each file).") public var all = false
    @OptionGroup public var list: ListOptions
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        var loader = DataLoader(regions: session.regions, catalogue: session.catalogue, store: session.store, preferredArea: session.preferredArea)
        var failed = 0
        var found: [Diagnostic] = []
        // With --format or --output, every problem as a table of its own (CSV, JSON …); else as messages.
        let listed = list.format != nil || list.output != nil
        let zh = session.language == .zh
        // Regions files first, as a load reads them: the data files may name the units they declare.
        let given = try reading.settings(in: session)
        for path in DataLoader.loadingOrder(files.map(session.inputPath)) {
            let result = loader.load([(path, try session.settings(for: path, given: given))])
            let (diagnostics, columns, file): ([Diagnostic], [ColumnUse], LoadedFile?) = switch result {
            case .success(let loaded): (loaded.flatMap(\.diagnostics), loaded.first?.columns ?? [], loaded.first)
            case .failure(let f): (f.diagnostics, f.columns, nil)
            }
            found += diagnostics
            if listed { continue }
            if let file { session.out(session.describe(file, checkedOnly: true)) }
            for c in columns.sorted(by: { $0.column < $1.column }) {
                session.out((zh ? "  第 \(c.column + 1) 列 " : "  column \(c.column + 1) ") + "\(c.header)：\(c.meaning(session.language))")
            }
            session.report(diagnostics, limit: all ? nil : Session.problemsShown, file: path)
            if case .failure(let f) = result {
                failed += 1
                session.err(zh ? "\(path)：\(f.errorCount) 个错误" : "\(path): \(f.errorCount) error\(f.errorCount == 1 ? "" : "s")")
            }
        }
        if listed {
            let rows: [[Cell]] = found.map { d in
                [.text(d.file), .integer(d.line), .integer(d.column), .text(d.severity.rawValue), .text(d.text(session.language))]
            }
            try list.emit(Listing(keys: ["file", "line", "column", "severity", "message"],
                                  header: zh ? ["文件", "行", "列", "级别", "问题"] : ["file", "line", "column", "severity", "message"],
                                  cells: rows, rightAligned: [1, 2]), in: session)
            failed = found.contains { $0.severity == .error } ? 1 : 0
        }
        return failed == 0 ? 0 : 2
    }
}
