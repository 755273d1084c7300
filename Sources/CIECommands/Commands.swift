import ArgumentParser
import CIECore
import CIEData
import CIEPolicies
import CIEReport
import Foundation

extension Language: ExpressibleByArgument {}

/// Options valid for every command (SPEC.md, "Command line").
public struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("A data file to load (repeatable).", valueName: "FILE"))
    public var data: [String] = []
    @Option(help: ArgumentHelp("The policy module: id, Chinese or English name.", valueName: "P"))
    public var policy: String?
    @Option(help: "Label language: zh or en.")
    public var lang: Language?
    @Flag(name: .customLong("no-color"), help: "Never colour output (also NO_COLOR in the environment).")
    public var noColor = false
    public init() {}
}

/// The options of the commands that produce a report (`check`, `review`).
public struct ReportOptions: ParsableArguments {
    @Option(help: "The evaluation year (default: the latest year in the data).") public var year: Int?
    @Option(help: "table, json, csv, markdown, html or junit.") public var format: String?
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "PATH")) public var output: String?
    public init() {}

    /// The policy, formatter and evaluation year, each checked before any work is done.
    func prepare(_ session: Session, policy name: String?) throws -> (any PolicyModule, any ReportFormatter, Int) {
        (try session.resolvePolicy(name), try session.formatter(format), try session.evaluationYear(year))
    }
}

/// A command that runs against a session: the command line builds a fresh one, the REPL passes its own.
public protocol SessionCommand: ParsableCommand {
    var global: GlobalOptions { get }
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

extension SessionCommand {
    public mutating func run() throws {
        let session = Session(out: Output.line, err: Output.errorLine)
        session.color = Output.wantsColor
        let code: Int32
        do {
            try session.apply(global)
            code = try execute(in: session)
        } catch let e as CommandError {
            session.err("error: \(e.message)")
            throw ExitCode(e.code)
        }
        Output.flush()
        if let failure = Output.writeFailure, failure != EPIPE {
            session.err("error: cannot write the output: \(String(cString: strerror(failure))); check the disk, or use --output PATH")
            throw ExitCode(2)
        }
        if code != 0 { throw ExitCode(code) }
    }
}

extension Session {
    /// Applies global options: language, colour, policy, and loads `--data` files.
    public func apply(_ g: GlobalOptions) throws {
        if let l = g.lang { language = l }
        if g.noColor { color = false }
        if let p = g.policy { policy = try resolvePolicy(p) }
        if !g.data.isEmpty { try load(g.data) }
    }
}

/// SPEC.md's exit code of `check`: errors outrank verdicts; 1 for a failed binding or striving result; 3 when only data is missing.
public func checkExitCode(_ results: [TargetResult]) -> Int32 {
    if results.contains(where: { $0.status == .error }) { return 2 }
    let counted = results.filter { $0.strength.counts }
    if counted.contains(where: { $0.status.isFailure }) { return 1 }
    if counted.contains(where: { $0.status == .noData }) { return 3 }
    return 0
}

public struct CheckCommand: SessionCommand {
    public static let verdictCodes: Set<Int32> = [1, 3]
    public static let argumentKinds: [ArgumentKind] = [.region]
    public static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Evaluate a policy's targets on loaded data.",
        discussion: """
            Examples:
              cie check --policy qinghai --data Samples/qinghai/qinghai_2016_2020.csv
              cie check --policy 青海 --data Samples/qinghai/qinghai_2016_2020.csv --status not_met --format json
            Exit codes: 0 all binding/striving targets met or on track; 1 some not met or off track;
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
        let (policy, formatter, year) = try report.prepare(session, policy: global.policy)
        var selected = policy.targets
        if !targets.isEmpty {
            selected = try targets.map { id in
                guard let t = policy.target(id) else {
                    let near = policy.targets.map(\.id).filter { editDistance($0.lowercased(), id.lowercased()) <= 2 }
                    throw CommandError("\(policy.id) has no target “\(id)”" + (near.isEmpty ? "" : ": did you mean \(near.joined(separator: " or "))?")
                                       + " (\(session.hint(cli: "run `cie targets \(policy.id)`", session: "type `targets \(policy.id)`")))")
                }
                return t
            }
        }
        let wanted = try Set(statuses.map { s -> Status in
            guard let st = Status(parsing: s) else {
                throw CommandError("unknown status “\(s)”: use one of \(Status.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return st
        })
        let areas = try (regions + regionArguments).map { try session.resolveRegion($0, year: year) }
        let evaluator = Evaluator(context: session.context, policy: policy)
        var results = evaluator.evaluate(year: year, targets: selected)
        if Cancellation.isRequested { throw CommandError("check interrupted (Ctrl-C): nothing was printed", code: 130) }
        if !areas.isEmpty {
            results = results.filter { r in areas.contains { session.regions.isWithin(r.region, $0, in: year) } }
        }
        if !wanted.isEmpty { results = results.filter { wanted.contains($0.status) } }
        let checked = CheckReport(policy: policy, year: year, results: results, regions: session.regions, notes: evaluator.zoneNotes(year: year))
        session.last = .check(checked)
        session.lastCheck = checked
        try session.emit(formatter.format(checked, session.formatOptions), to: report.output)
        return checkExitCode(results)
    }
}

public struct ReviewCommand: SessionCommand {
    public static let argumentKinds: [ArgumentKind] = [.reviewer, .none]
    public static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Run a reviewer of a policy (compliance, scores, vetoes, funding).",
        discussion: """
            Every review prints its method. Evaluation reviewers take --weights, --top, --runs and --seed; Weihai's funding takes --pool.
            Examples:
              cie review --policy qinghai --data Samples/qinghai/qinghai_2016_2020.csv evaluation --weights talent=2 --top 5
              cie review --policy weihai --data Samples/weihai/weihai_2015_2020.csv funding
            """)
    @OptionGroup public var global: GlobalOptions
    @Argument(help: ArgumentHelp("The reviewer id (default: compliance).", valueName: "REVIEWER")) public var reviewer: String?
    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("Weights of an evaluation's dimensions, rescaled to sum to 1 (repeatable or comma-separated).", valueName: "DIM=W,…"))
    public var weights: [String] = []
    // `.unconditional`: a negative value (`--top -1`) is a value to refuse with a reason, not a missing one.
    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("The cut-off: below 1 a share of units (0.2 = top fifth), from 1 a number of units.", valueName: "N"))
    public var top: Double?
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Perturbed-weight runs of the rank stability analysis (default 1000; 0: none).", valueName: "N"))
    public var runs: Int?
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Seed of the stability analysis, for reproducible rank ranges (default 1).", valueName: "N"))
    public var seed: UInt64?
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("A sum to share out, in 万元 (Weihai funding's factor method).", valueName: "AMOUNT"))
    public var pool: Double?
    @OptionGroup public var report: ReportOptions
    public init() {}

    public mutating func validate() throws {
        _ = try ReviewCommand.parseWeights(weights)
        if let runs, runs < 0 || runs > 1_000_000 { throw ValidationError("--runs must be between 0 and 1000000, e.g. --runs 1000 (0 turns the analysis off)") }
        if let pool, !(pool >= 0 && pool.isFinite) { throw ValidationError("--pool must be a non-negative amount in 万元, e.g. --pool 2000") }
    }

    /// `a=1,b=2` and repeated `--weights a=1 --weights b=2` alike.
    static func parseWeights(_ items: [String]) throws -> [String: Double] {
        var out: [String: Double] = [:]
        for item in items.flatMap({ $0.split(separator: ",") }) {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let w = Double(parts[1]) else {
                throw ValidationError("--weights takes DIMENSION=WEIGHT pairs, e.g. --weights talent=2,organisation=1 (got “\(item)”)")
            }
            out[parts[0]] = w
        }
        return out
    }

    public func execute(in session: Session) throws -> Int32 {
        let (policy, formatter, year) = try report.prepare(session, policy: global.policy)
        let id = reviewer ?? "compliance"
        guard let r = policy.reviewer(id) else {
            throw CommandError("\(policy.id) has no reviewer “\(id)”: it has \(policy.allReviewers.map(\.id).joined(separator: ", "))")
        }
        // An option the reviewer does not use is refused, not silently ignored.
        let given: [(ReviewOptionKind, Bool)] = [(.weights, !weights.isEmpty), (.top, top != nil), (.runs, runs != nil), (.seed, seed != nil), (.pool, pool != nil)]
        let unused = given.filter { $0.1 && !r.accepts.contains($0.0) }.map { "--" + $0.0.rawValue }
        if !unused.isEmpty {
            let takes = r.accepts.isEmpty ? "takes none of them" : "takes " + ReviewOptionKind.allCases.filter(r.accepts.contains).map { "--" + $0.rawValue }.joined(separator: ", ")
            throw CommandError("\(r.id) does not use \(unused.joined(separator: ", ")): it \(takes); drop the option or choose another reviewer", code: 2)
        }
        let options = ReviewOptions(weights: try ReviewCommand.parseWeights(weights), top: top, runs: runs ?? 1000, seed: seed ?? 1, pool: pool)
        let review: Review
        do {
            review = try r.review(policy, context: session.context, year: year, options: options)
        } catch let e as ReviewError {
            throw CommandError("\(r.id): " + e.message(session.language))
        } catch {
            throw CommandError("reviewer \(r.id) failed: \(error)")
        }
        if Cancellation.isRequested { throw CommandError("review interrupted (Ctrl-C): nothing was printed", code: 130) }
        let reviewed = ReviewReport(policy: policy, review: review, regions: session.regions)
        session.last = .review(reviewed)
        try session.emit(formatter.format(reviewed, session.formatOptions), to: report.output)
        return 0
    }
}

public struct PoliciesCommand: SessionCommand {
    public static let configuration = CommandConfiguration(commandName: "policies", abstract: "List the registered policy modules.")
    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var list: ListOptions
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        let zh = session.language == .zh
        let rows = PolicyRegistry.modules.map { m in
            [m.id, m.name(session.language), m.document.citation, m.document.status.rawValue, String(m.targets.count),
             m.allReviewers.map(\.id).joined(separator: ", "), m.document.status == .draft ? (zh ? "征求意见稿" : "draft for comment") : ""]
        }
        let listing = Listing(keys: ["id", "name", "document", "status", "targets", "reviewers", "note"],
                              header: zh ? ["id", "名称", "文件", "状态", "目标数", "评审", "备注"] : ["id", "name", "document", "status", "targets", "reviewers", "note"],
                              rows: rows)
        try list.emit(listing, in: session)
        return 0
    }
}

public struct TargetsCommand: SessionCommand {
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
        let rows = policy.targets.map { t in
            [t.id, t.scope.rawValue, Describe.requirement(t)(l), t.deadline.map(String.init) ?? (l == .zh ? "每年" : "yearly"), t.strength.rawValue,
             t.clause, t.title(l)]
        }
        let listing = Listing(keys: ["id", "scope", "required", "deadline", "strength", "clause", "title"],
                              header: l == .zh ? ["目标", "范围", "要求", "期限", "强度", "条款", "内容"] : ["id", "scope", "required", "deadline", "strength", "clause", "title"],
                              rows: rows)
        let draftNote = policy.document.status != .draft ? nil
            : (l == .zh ? "注意：\(policy.name.zh) 模块依据的是征求意见稿。" : "Note: the \(policy.name.en) module encodes a draft for comment.")
        try list.emit(listing, in: session, title: draftNote)
        return 0
    }
}

public struct ExplainCommand: SessionCommand {
    public static let argumentKinds: [ArgumentKind] = [.target, .none]
    public static let configuration = CommandConfiguration(commandName: "explain", abstract: "Citation, original text, condition, scope and inputs of a target.",
                                                           discussion: "Example: cie explain QH-06")
    @OptionGroup public var global: GlobalOptions
    @Argument(help: ArgumentHelp("The target id (QH-06).", valueName: "TARGET")) public var target: String
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        let found: (any PolicyModule, Target)? = session.policy.flatMap { p in p.target(target).map { (p, $0) } } ?? PolicyRegistry.target(target)
        guard let (policy, t) = found else {
            let near = PolicyRegistry.targetIDs.filter { editDistance($0.lowercased(), target.lowercased()) <= 2 }
            throw CommandError("no target “\(target)”" + (near.isEmpty ? "" : ": did you mean \(near.joined(separator: " or "))?")
                               + " (\(session.hint(cli: "run `cie targets P`", session: "type `targets P`")) to list them)")
        }
        session.out(Explain.text(t, policy: policy, catalogue: session.catalogue, language: session.language))
        return 0
    }
}

public struct ValidateCommand: SessionCommand {
    public static let argumentKinds: [ArgumentKind] = [.file]
    public static let configuration = CommandConfiguration(commandName: "validate", abstract: "Load files, report every problem, load nothing.",
                                                           discussion: "Exit 0 when every file is clean, 2 when any has an error.")
    @OptionGroup public var global: GlobalOptions
    @Argument(help: ArgumentHelp("Files to check.", valueName: "FILE")) public var files: [String]
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        var loader = DataLoader(regions: session.regions, catalogue: session.catalogue, store: session.store, preferredArea: session.preferredArea)
        var failed = 0
        for path in files {
            switch loader.load(paths: [expandingTilde(path)]) {
            case .success(let loaded):
                for f in loaded {
                    session.out(Session.describe(f, session.language, checkedOnly: true))
                    for d in f.diagnostics { session.err(d.render(session.language)) }
                }
            case .failure(let f):
                failed += 1
                for d in f.diagnostics { session.err(d.render(session.language)) }
                session.err(session.language == .zh ? "\(path)：\(f.errorCount) 个错误" : "\(path): \(f.errorCount) error\(f.errorCount == 1 ? "" : "s")")
            }
        }
        return failed == 0 ? 0 : 2
    }
}
