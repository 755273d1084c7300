import ArgumentParser
import CIECore
import CIEData
import CIEPolicyFormat
import CIEReport
import Foundation

extension Language: ExpressibleByArgument {}

/// Options valid for every command (SPEC.md, "Command line").
public struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("A data file to load (repeatable).", valueName: "FILE"))
    public var data: [String] = []
    @Option(help: ArgumentHelp("The policy: id, Chinese or English name.", valueName: "P"))
    public var policy: String?
    @Option(name: .customLong("policy-file"), help: ArgumentHelp("A policy package folder to load (repeatable; Docs/PolicyFormat.md).", valueName: "PATH"))
    public var policyFiles: [String] = []
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
    func prepare(_ session: Session, policy name: String?) throws -> (PolicyPackage, any ReportFormatter, Int) {
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
    /// Applies global options: language, colour, policy packages, the policy (whose indicators the data may use),
    /// and loads `--data` files.
    public func apply(_ g: GlobalOptions) throws {
        if let l = g.lang { language = l }
        if g.noColor { color = false }
        for path in g.policyFiles { try loadPolicy(path) }
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
            Every review prints its method. A reviewer takes the options its kind declares (an evaluation --weights, --top,
            --runs and --seed; an allocation --pool); the generated docs list them, Tab completes them, and any other is refused.
            Examples:
              cie review --policy qinghai --data Samples/qinghai/qinghai_2016_2020.csv evaluation --weights talent=2 --top 5
              cie review --policy weihai --data Samples/weihai/weihai_2015_2020.csv funding --pool 2000
            """)
    @OptionGroup public var global: GlobalOptions
    @Argument(help: ArgumentHelp("The reviewer id (default: compliance).", valueName: "REVIEWER")) public var reviewer: String?
    @OptionGroup public var report: ReportOptions
    /// The reviewer's own options (`--weights talent=2`, `--pool 2000`), read against what its kind declares.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The reviewer's options (--weights, --top, --runs, --seed, --pool …).", valueName: "OPTIONS"))
    public var options: [String] = []
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        let (policy, formatter, year) = try report.prepare(session, policy: global.policy)
        let id = reviewer ?? "compliance"
        guard let r = policy.reviewer(id) else {
            throw CommandError("\(policy.id) has no reviewer “\(id)”: it has \(policy.allReviewers.map(\.id).joined(separator: ", "))")
        }
        // An option the reviewer does not take is refused, not silently ignored.
        let given: ReviewOptions
        do { given = try ReviewOptions.parse(options, for: r) } catch let e as ReviewError { throw CommandError(e.message(session.language)) }
        let review: Review
        do {
            review = try r.review(policy, context: session.context, year: year, options: given)
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
    public static let configuration = CommandConfiguration(
        commandName: "policies", abstract: "List the policy packages: built in, from --policy-file, $CIE_POLICY_PATH and $XDG_DATA_HOME/cie/policies.")
    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var list: ListOptions
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        let zh = session.language == .zh
        let rows = try session.allPackages().map { m in
            [m.id, m.name(session.language), m.document.jurisdictionCode, m.document.citation, m.document.status.rawValue, String(m.targets.count),
             m.allReviewers.map(\.id).joined(separator: ", "), m.origin.label(session.language),
             m.document.status == .draft ? (zh ? "征求意见稿" : "draft for comment") : ""]
        }
        let listing = Listing(keys: ["id", "name", "jurisdiction", "document", "status", "targets", "reviewers", "source", "note"],
                              header: zh ? ["id", "名称", "辖区", "文件", "状态", "目标数", "评审", "来源", "备注"]
                                         : ["id", "name", "jurisdiction", "document", "status", "targets", "reviewers", "source", "note"],
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
            [t.id, t.scope.rawValue, t.requirement(l), t.deadline.map(String.init) ?? (l == .zh ? "每年" : "yearly"), t.strength.rawValue,
             t.clause, t.title(l)]
        }
        let listing = Listing(keys: ["id", "scope", "required", "deadline", "strength", "clause", "title"],
                              header: l == .zh ? ["目标", "范围", "要求", "期限", "强度", "条款", "内容"] : ["id", "scope", "required", "deadline", "strength", "clause", "title"],
                              rows: rows)
        let draftNote = policy.document.status != .draft ? nil
            : (l == .zh ? "注意：\(policy.name.zh) 策略包依据的是征求意见稿。" : "Note: the \(policy.name.en) package encodes a draft for comment.")
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
        // The current policy's target, else the first package's that has it.
        var found: (PolicyPackage, Target)? = session.policy.flatMap { p in p.target(target).map { (p, $0) } }
        let all = found == nil ? try session.allPackages() : []
        if found == nil { found = all.lazy.compactMap { p in p.target(target).map { (p, $0) } }.first }
        guard let (policy, t) = found else {
            let ids = all.flatMap { $0.targets.map(\.id) }
            let near = ids.filter { editDistance($0.lowercased(), target.lowercased()) <= 2 }
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
            switch loader.load(paths: [session.inputPath(path)]) {
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
