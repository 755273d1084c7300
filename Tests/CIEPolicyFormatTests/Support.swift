import CIEBuiltinPolicies
import CIECore
import CIEData
import CIECommands
import CIEPolicyFormat
import Foundation
import Testing

/// The repository (this file is Tests/CIEPolicyFormatTests/Support.swift).
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built-in packages, read as a session reads them, and data loaded as a session loads it.
enum Builtin {
    /// A package by id or name, read from what the binary embeds (a catalogue per call: a catalogue is not shared).
    static func package(_ id: String) throws -> PolicyPackage {
        let catalogue = PolicyCatalogue.builtin()
        return try catalogue.package(try #require(catalogue.entry(named: id)))
    }

    /// Files of the repository (paths relative to it), loaded with the package's indicators.
    static func context(_ package: PolicyPackage, files: [String]) throws -> EvaluationContext {
        var loader = DataLoader(regions: BuiltinRegions.table, catalogue: PackageChecks.catalogue(for: package), store: DataStore())
        _ = try loader.load(paths: files.map { repository.appendingPathComponent($0).path }).get()
        return EvaluationContext(regions: loader.regions, catalogue: loader.catalogue, store: loader.store)
    }

    static func context(_ package: PolicyPackage, csv: String) throws -> EvaluationContext {
        var loader = DataLoader(regions: BuiltinRegions.table, catalogue: PackageChecks.catalogue(for: package), store: DataStore())
        _ = try loader.load(bytes: Array(csv.utf8), name: "test.csv").get()
        return EvaluationContext(regions: loader.regions, catalogue: loader.catalogue, store: loader.store)
    }

    /// Results by target id, then region code.
    static func results(_ package: PolicyPackage, _ context: EvaluationContext, year: Int) -> [String: [String: TargetResult]] {
        var out: [String: [String: TargetResult]] = [:]
        for r in Evaluator(context: context, policy: package).evaluate(year: year) { out[r.target, default: [:]][context.regions[r.region].code] = r }
        return out
    }

    /// A reviewer's rows by region code.
    static func rows(_ package: PolicyPackage, _ reviewer: String, _ context: EvaluationContext, year: Int, options: [String] = []) throws -> (Review, [String: ReviewRow]) {
        let r = try #require(package.reviewer(reviewer))
        let review = try r.review(package, context: context, year: year, options: try ReviewOptions.parse(options, for: r))
        #expect(!review.method.zh.isEmpty && !review.method.en.isEmpty, "every review prints its method")
        return (review, Dictionary(uniqueKeysWithValues: review.rows.map { (context.regions[$0.region].code, $0) }))
    }
}

/// Statuses of a target by region code.
func statuses(_ results: [String: [String: TargetResult]], _ target: String, _ status: Status) -> Set<String> {
    Set((results[target] ?? [:]).filter { $0.value.status == status }.map(\.key))
}

/// What every built-in package must be, as any package author's: it reads, lints clean, its worked examples pass.
@Suite struct EveryBuiltinPackageTests {
    static let ids = BuiltinPolicies.packages.map(\.id)

    @Test func thereAreBuiltinPackages() { #expect(Self.ids.count >= 5) }

    @Test(arguments: EveryBuiltinPackageTests.ids)
    func readsAndLintsClean(id: String) throws {
        let p = try Builtin.package(id)
        let lint = PackageChecks.lint(p)
        #expect(lint.isEmpty, "\(lint.map(\.description).joined(separator: "\n"))")
        #expect(p.targets.allSatisfy { $0.id.hasPrefix(p.targets[0].id.prefix(3)) })
    }

    @Test(arguments: EveryBuiltinPackageTests.ids)
    func workedExamplesPass(id: String) throws {
        let outcomes = PackageChecks.runExamples(try Builtin.package(id))
        #expect(!outcomes.isEmpty)
        for o in outcomes where !o.passed { Issue.record("\(o.failures.map(\.description).joined(separator: "\n"))") }
    }

    /// The package on disk (Samples/<id>) reads to what the binary embeds: the plugin embedded the current files.
    @Test(arguments: EveryBuiltinPackageTests.ids)
    func theEmbeddedCopyIsTheFolder(id: String) throws {
        let embedded = try #require(BuiltinPolicies.packages.first { $0.id == id })
        for (path, text) in embedded.files {
            let disk = try String(contentsOf: repository.appendingPathComponent(embedded.root).appendingPathComponent(path), encoding: .utf8)
            #expect(disk == text, "\(embedded.root)/\(path) differs from the embedded copy: rebuild")
        }
    }
}
