import CIECore
import CIEData
import Foundation

/// What `cie policy lint` and `cie policy test` check in a package that reads (Docs/PolicyFormat.md, "Checking a
/// package"). Every problem is a diagnostic at its place in `policy.yaml`.
public enum PackageChecks {
    static func t(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }

    /// Region codes a package names (its jurisdiction, groups, zones, series, exceptions) that the region table
    /// has never had. The reader runs it on packages from disk, and the build on the built-ins.
    static func regionProblems(_ references: [RegionReference], file: String, regions: RegionTable) -> [Diagnostic] {
        references.compactMap { ref in
            guard regions.index(code: ref.code) == nil else { return nil }
            let near: [String] = regions.suggestions(for: ref.code).map { regions.describeWithProvince($0) }
            let zh = near.isEmpty ? "" : "（是否指 " + near.joined(separator: "、") + "？）"
            let en = near.isEmpty ? "" : " (did you mean " + near.joined(separator: " or ") + "?)"
            return Diagnostic(file: file, line: ref.line, column: ref.column, t(
                ref.what.zh + "：区划代码 " + ref.code + " 不在区划表中（1981—2024 年的全部代码）" + zh + "；用 cie regions --all 查找",
                ref.what.en + ": the division code " + ref.code + " is not in the region table (every code of 1981–2024)" + en + "; find it with cie regions --all"))
        }
    }

    // MARK: Lint

    /// Declarations, quotations against the package's own text, coverage of the worked examples, placeholders and
    /// drafts. Errors make `policy lint` fail; warnings are printed.
    public static func lint(_ package: PolicyPackage) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let file = package.manifest
        func problem(_ key: String, _ text: LocalizedText, _ severity: Diagnostic.Severity = .error) {
            let p = package.place(key)
            out.append(Diagnostic(file: file, line: p.line, column: p.column, text, severity: severity))
        }

        // Ids: one prefix, PREFIX-NN.
        let ids = package.targets.map(\.id)
        if ids.isEmpty { problem("number", t("策略包没有任何目标：在 targets 下声明", "the package declares no target: declare them under targets")) }
        var prefixes: [String: String] = [:]
        for target in package.targets {
            if !NameShape.isTargetID(target.id) {
                problem("target:\(target.id)", t("目标 id 写作“前缀-两位数”，如 SC-01（这里是 \(target.id)）", "target ids look like SC-01 (a prefix and two digits), not \(target.id)"))
            } else if let p = target.id.split(separator: "-").first.map(String.init), prefixes[p] == nil {
                prefixes[p] = target.id
            }
            if let b = target.baseline, let d = target.deadline, b >= d {
                problem("target:\(target.id)", t("\(target.id) 的基期 \(b) 不在截止年 \(d) 之前", "\(target.id): the baseline \(b) is not before the deadline \(d)"))
            }
            if target.isDraft {
                problem("target:\(target.id)", t("\(target.id) 是草拟的（draft: true）：核对原文和条件，补上达标、未达标和数据不足的示例，然后删去 draft；或删去该目标",
                                                  "\(target.id) is a draft (draft: true): check it against the text and its condition, add examples that show it met, not met and without data, then remove draft; or remove the target"))
            }
        }
        if prefixes.count > 1 {
            let list = prefixes.sorted { $0.key < $1.key }.map { "\($0.key)（\($0.value)）" }.joined(separator: "、")
            problem("target:\(package.targets[0].id)", t("目标 id 用了多个前缀：\(list)：一个策略包用一个前缀", "target ids use several prefixes: \(list): a package uses one"))
        }

        // Quotations against the package's own copy of the document, whitespace aside (texts extracted from PDFs break
        // lines inside sentences).
        let text = package.text
        let flat = unspaced(text)
        func quoted(_ s: String) -> Bool { flat.contains(unspaced(s)) }
        // A placeholder is reported as one (below), not also as a misquotation.
        if !package.document.number.isEmpty, !package.document.number.contains(placeholder), !quoted(package.document.number) {
            problem("number", t("文号“\(package.document.number)”不在文件正文中：核对文号，或换用正确的正文", "the document number “\(package.document.number)” is not in the document's text: check it, or the text"))
        }
        for target in package.targets where !target.original.contains(placeholder) && !quoted(target.original) {
            problem("original:\(target.id)", t("\(target.id) 的原文不在文件正文中：逐字照抄正文的句子（含标点）；“\(excerpt(target.original))”",
                                                "the original sentence of \(target.id) is not in the document's text: copy the sentence exactly, punctuation included; “\(excerpt(target.original))”"))
        }
        for reviewer in package.reviewers {
            for quote in quotations(in: reviewer.source.zh) where !quoted(quote) {
                problem("source:\(reviewer.id)", t("审查器 \(reviewer.id) 引用的“\(excerpt(quote))”不在文件正文中：逐字照抄", "the reviewer \(reviewer.id) quotes “\(excerpt(quote))”, which is not in the document's text: copy it exactly"))
            }
        }

        // Coverage: each target shows met, failing and no data (a draft's one problem is that it is a draft: its
        // message asks for the examples too).
        for target in package.targets where !target.isDraft {
            let statuses = Set(target.examples.flatMap { $0.expect.map(\.1) })
            var missing: [String] = []
            if !statuses.contains(.met) { missing.append("met") }
            if statuses.isDisjoint(with: [.notMet, .offTrack]) { missing.append("not_met") }
            if !statuses.contains(.noData) { missing.append("no_data") }
            if !missing.isEmpty {
                problem("target:\(target.id)", t("\(target.id) 的示例中没有结果为 \(missing.joined(separator: "、")) 的：每个目标的示例要覆盖达标、未达标和数据不足",
                                                  "no worked example of \(target.id) gives \(missing.joined(separator: ", ")): each target's examples show it met, not met and without data"))
            }
        }

        // Placeholders the scaffold left.
        if let bytes = package.files.read("policy.yaml") {
            let yaml = String(decoding: bytes, as: UTF8.self)
            for (n, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard let r = line.range(of: placeholder) else { continue }
                let column = line[..<r.lowerBound].count + 1
                out.append(Diagnostic(file: file, line: n + 1, column: column, t("占位符 \(placeholder) 尚未替换：按文件原文填写", "a placeholder (\(placeholder)) is left: fill it in from the document")))
            }
        }
        if text.contains(placeholder) {
            out.append(Diagnostic(file: package.files.display(package.textPath), line: 1, column: 1, t(
                "文件正文仍是占位：把文件的全文放在这里", "the document's text is still a placeholder: put the document's full text here")))
        }
        return out.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// What `cie policy new` writes where the author has to fill in.
    public static let placeholder = "TODO"

    /// A text without its spaces and line breaks (full-width spaces too).
    static func unspaced(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }

    static func excerpt(_ s: String) -> String {
        s.count <= 40 ? s : String(s.prefix(40)) + "…"
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

    // MARK: Worked examples

    /// One worked example's outcome.
    public struct ExampleOutcome: Sendable {
        public var target: String
        public var title: LocalizedText
        /// Each failure as a diagnostic at the example.
        public var failures: [Diagnostic]
        public var passed: Bool { failures.isEmpty }
    }

    /// The catalogue a package evaluates with: the shipped indicators and its own.
    public static func catalogue(for package: PolicyPackage) -> IndicatorCatalogue {
        var catalogue = IndicatorCatalogue.shipped
        for indicator in package.indicators { catalogue.add(indicator) }
        return catalogue
    }

    /// Evaluates every worked example and compares each region's status with the one it expects.
    public static func runExamples(_ package: PolicyPackage) -> [ExampleOutcome] {
        var out: [ExampleOutcome] = []
        for target in package.targets {
            for (k, example) in target.examples.enumerated() {
                let where_ = package.place("example:\(target.id):\(k)")
                func failure(_ text: LocalizedText) -> Diagnostic {
                    Diagnostic(file: package.manifest, line: where_.line, column: where_.column, text)
                }
                var failures: [Diagnostic] = []
                var loader = DataLoader(regions: BuiltinRegions.table, catalogue: catalogue(for: package), store: DataStore())
                var loaded = true
                for data in package.exampleFiles[target.id]?[k] ?? [] {
                    if case .failure(let f) = loader.load(bytes: data.bytes, name: package.files.display(data.name)) {
                        failures += f.diagnostics.filter { $0.severity == .error }
                        loaded = false
                    }
                }
                if !example.csv.isEmpty, case .failure(let f) = loader.load(bytes: Array(example.csv.utf8), name: "\(package.manifest):\(where_.line) (csv)") {
                    failures += f.diagnostics.filter { $0.severity == .error }
                    loaded = false
                }
                if loaded {
                    let context = EvaluationContext(regions: loader.regions, catalogue: loader.catalogue, store: loader.store)
                    let results = Evaluator(context: context, policy: package).evaluate(target, year: example.year)
                    for (region, expected) in example.expect {
                        guard let unit = context.regions.resolve(region, year: example.year).unit else {
                            failures.append(failure(t("\(target.id) 示例“\(example.title.zh)”：不认识地区 \(region)", "\(target.id) example “\(example.title.en)”: \(region) is not a known region")))
                            continue
                        }
                        guard let r = results.first(where: { $0.region == unit }) else {
                            failures.append(failure(t("\(target.id) 示例“\(example.title.zh)”：\(region) 没有结果（不是该目标评价的单位）",
                                                      "\(target.id) example “\(example.title.en)”: no result for \(region) (not a unit the target evaluates)")))
                            continue
                        }
                        if r.status != expected {
                            failures.append(failure(t("\(target.id) 示例“\(example.title.zh)”（\(example.year) 年）：\(region) 为 \(r.status.rawValue)，应为 \(expected.rawValue)——\(r.detail.zh)",
                                                      "\(target.id) example “\(example.title.en)” (\(example.year)): \(region) is \(r.status.rawValue), expected \(expected.rawValue) — \(r.detail.en)")))
                        }
                    }
                }
                out.append(ExampleOutcome(target: target.id, title: example.title, failures: failures))
            }
        }
        return out
    }
}
