import CIECore
import CIEData
import Foundation

/// The checks every policy module's tests run (Docs/WritingAProvinceModule.md, "Testing a module").
/// Each returns the problems it found, one sentence each, so a test reads `#expect(problems.isEmpty, …)`
/// and a failure names the target and what to fix. Shared so that a new module gets them with no code.
public enum PolicyChecks {
    /// Loads a long CSV (as a worked example writes it) against the built-in regions and catalogue.
    public static func context(csv: String, name: String = "example.csv") throws -> EvaluationContext {
        try context { _ = try $0.load(bytes: Array(csv.utf8), name: name).get() }
    }

    /// Loads files of the package (a module's sample), paths relative to the package root.
    public static func context(files: [String]) throws -> EvaluationContext {
        try context { _ = try $0.load(paths: files.map { packageRoot.appendingPathComponent($0).path }).get() }
    }

    /// A fresh loader on the built-in regions and catalogue, given `load` to run, as an evaluation context.
    private static func context(_ load: (inout DataLoader) throws -> Void) throws -> EvaluationContext {
        var loader = DataLoader(regions: BuiltinRegions.table, catalogue: IndicatorCatalogue(), store: DataStore())
        try load(&loader)
        return EvaluationContext(regions: loader.regions, catalogue: loader.catalogue, store: loader.store)
    }

    /// Results keyed by target id, then region code: what a sample test asserts on (`results["QH-06"]?["630121"]`).
    public static func byTargetAndRegion(_ results: [TargetResult], in context: EvaluationContext) -> [String: [String: TargetResult]] {
        var out: [String: [String: TargetResult]] = [:]
        for r in results { out[r.target, default: [:]][context.regions[r.region].code] = r }
        return out
    }

    /// The package's root directory (this file is Sources/CIEPolicyTesting/PolicyChecks.swift).
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/seeds` next to the package, or `$CIE_SEEDS`; nil when neither exists (the quotation check is then skipped).
    public static var seedsDirectory: URL? {
        let candidates = [ProcessInfo.processInfo.environment["CIE_SEEDS"].map { URL(fileURLWithPath: $0) },
                          packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")]
        return candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Ids unique and shaped `PREFIX-NN` with one prefix; inputs in the catalogue; a title, clause and quotation
    /// for each; reviewer ids unique; groups the targets use declared by the module.
    public static func declarationProblems(_ policy: any PolicyModule) -> [String] {
        var problems: [String] = []
        let catalogue = IndicatorCatalogue()
        let ids = policy.targets.map(\.id)
        if ids.isEmpty { problems.append("\(policy.id) declares no target") }
        if Set(ids).count != ids.count { problems.append("\(policy.id): target ids repeat: \(ids)") }
        let prefixes = Set(ids.compactMap { $0.split(separator: "-").first.map(String.init) })
        if prefixes.count > 1 { problems.append("\(policy.id): targets use several prefixes \(prefixes.sorted())") }
        for t in policy.targets {
            if t.id.range(of: #"^[A-Z]+-\d{2,}$"#, options: .regularExpression) == nil { problems.append("\(t.id): ids look like QH-01") }
            if t.title.zh.isEmpty || t.title.en.isEmpty { problems.append("\(t.id): the title needs Chinese and English") }
            if t.clause.isEmpty || t.original.isEmpty { problems.append("\(t.id): give the clause and the original sentence") }
            for id in t.inputs where catalogue.lookup(id) == nil {
                problems.append("\(t.id) reads “\(id)”, which is not in the indicator catalogue (CIECore/Indicator.swift)")
            }
            if case .group(let g)? = t.filter, policy.groups[g] == nil {
                problems.append("\(t.id) filters on the group “\(g)”, which the module does not declare in `groups`")
            }
            if let b = t.baseline, let d = t.deadline, b >= d { problems.append("\(t.id): baseline \(b) is not before deadline \(d)") }
        }
        let reviewers = policy.allReviewers.map(\.id)
        if Set(reviewers).count != reviewers.count { problems.append("\(policy.id): reviewer ids repeat: \(reviewers)") }
        for (g, codes) in policy.groups {
            for c in codes where BuiltinRegions.table.index(code: c) == nil {
                problems.append("group “\(g)”: \(c) is not in the region table")
            }
        }
        return problems
    }

    /// Every target's worked examples together show it met, failing (not met or off track) and without data.
    public static func coverageProblems(_ policy: any PolicyModule) -> [String] {
        policy.targets.compactMap { t in
            let statuses = Set(t.examples.flatMap { $0.expect.map(\.1) })
            var missing: [String] = []
            if !statuses.contains(.met) { missing.append("met") }
            if statuses.isDisjoint(with: [.notMet, .offTrack]) { missing.append("not_met") }
            if !statuses.contains(.noData) { missing.append("no_data") }
            return missing.isEmpty ? nil : "\(t.id): no worked example gives \(missing.joined(separator: ", "))"
        }
    }

    /// Evaluates each worked example of a target and compares the statuses with those it promises.
    public static func exampleFailures(_ policy: any PolicyModule, target id: String) -> [String] {
        guard let t = policy.target(id) else { return ["\(policy.id) has no target \(id)"] }
        var failures: [String] = []
        for e in t.examples {
            let context: EvaluationContext
            do { context = try PolicyChecks.context(csv: e.csv) } catch {
                failures.append("\(id) “\(e.title.en)”: the example's CSV does not load: \(error)")
                continue
            }
            let results = Evaluator(context: context, policy: policy).evaluate(t, year: e.year)
            for (region, expected) in e.expect {
                guard let index = context.regions.resolve(region, year: e.year).unit else {
                    failures.append("\(id) “\(e.title.en)”: \(region) is not a known region")
                    continue
                }
                guard let r = results.first(where: { $0.region == index }) else {
                    failures.append("\(id) “\(e.title.en)”: no result for \(region)")
                    continue
                }
                if r.status != expected {
                    failures.append("\(id) “\(e.title.en)” (\(e.year)): \(region) is \(r.status.rawValue), expected \(expected.rawValue) — \(r.detail.en)")
                }
            }
        }
        return failures
    }

    /// Quotations (each target's original sentence, the document number, the quotations in reviewers' sources) that do not
    /// occur in the seed text. nil when the module names no seed or the seeds are not present.
    public static func quotationProblems(_ policy: any PolicyModule) throws -> [String]? {
        guard let seed = policy.document.seed, let directory = seedsDirectory else { return nil }
        let text = try String(contentsOf: directory.appendingPathComponent(seed), encoding: .utf8)
        var problems: [String] = []
        if !policy.document.number.isEmpty, !text.contains(policy.document.number) {
            problems.append("the document number \(policy.document.number) is not in \(seed)")
        }
        for t in policy.targets where !text.contains(t.original) {
            problems.append("\(t.id): “\(t.original)” is not in \(seed)")
        }
        for r in policy.reviewers {
            for quote in quotations(in: r.source.zh) where !text.contains(quote) {
                problems.append("reviewer \(r.id): “\(quote)” is not in \(seed)")
            }
        }
        return problems
    }

    /// The texts between “ and ” in a string.
    static func quotations(in s: String) -> [String] {
        var out: [String] = []
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "“"), let close = rest[open...].firstIndex(of: "”") {
            out.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return out
    }
}
