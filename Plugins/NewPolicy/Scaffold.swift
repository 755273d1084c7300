import Foundation

/// The files of a new policy module, and the two edits that wire it in. Pure text work, kept apart from the plugin
/// entry point so that what it writes reads top to bottom.
enum Scaffold {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ message: String) { description = message }
    }

    static let usage = """
        usage: swift package --allow-writing-to-package-directory new-policy --id ID --name 中文名 --region CODE [--en NAME] [--prefix XX]
          --id      the module id, lower-case letters and digits (hebei); the Swift module becomes CIEPolicyHebei
          --name    the jurisdiction's Chinese name (河北省)
          --region  its 6-digit administrative code (130000); it must be in the region table (Docs/Regions.md)
          --en      its English name (default: the id, capitalised)
          --prefix  the target id prefix (default: the id's first two letters, upper-cased: HE-01)
        example: swift package --allow-writing-to-package-directory new-policy --id hebei --name 河北省 --region 130000
        """

    struct Spec {
        var id: String
        var name: String
        var region: String
        var regionName: String
        var english: String
        var prefix: String
        /// `Hebei` for `hebei`; `InnerMongolia` for `inner-mongolia`.
        var module: String

        /// How `use` compares ids: case and dashes ignored.
        static func key(_ s: String) -> String { s.lowercased().filter { $0.isLetter || $0.isNumber } }

        init(id: String?, name: String?, region: String?, english: String?, prefix: String?, root: URL) throws {
            guard let id, let name, let region else { throw Failure("--id, --name and --region are required\n\(Scaffold.usage)") }
            guard id.range(of: #"^[a-z][a-z0-9-]*$"#, options: .regularExpression) != nil else {
                throw Failure("--id must be lower-case letters, digits and dashes, starting with a letter (got “\(id)”), e.g. --id hebei")
            }
            guard region.range(of: #"^\d{6}$"#, options: .regularExpression) != nil else {
                throw Failure("--region must be a 6-digit administrative code (got “\(region)”), e.g. --region 130000")
            }
            guard !name.isEmpty else { throw Failure("--name must not be empty, e.g. --name 河北省") }
            // Names are written into Swift string literals: no quotes, backslashes or control characters.
            for (option, value) in [("--name", name), ("--en", english ?? "")] where value.contains(where: { $0 == "\"" || $0 == "\\" || $0.isNewline || ($0.asciiValue.map { $0 < 0x20 } ?? false) }) {
                throw Failure("\(option) may not contain quotes, backslashes or line breaks (got “\(value)”)")
            }
            self.id = id
            self.name = name
            self.region = region
            module = id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            self.english = english ?? module
            self.prefix = (prefix ?? String(id.filter(\.isLetter).prefix(2))).uppercased()
            guard self.prefix.range(of: #"^[A-Z]{2,4}$"#, options: .regularExpression) != nil else {
                throw Failure("--prefix must be 2–4 letters (got “\(self.prefix)”), e.g. --prefix HB")
            }
            let sources = root.appendingPathComponent("Sources")
            let existing = try Spec.moduleSources(in: sources)
            // An id must differ from every module's id and directory however it is written (`use` ignores case and dashes).
            let wanted = Spec.key(module)
            for (directory, text) in existing {
                var ids = [String(directory.dropFirst("CIEPolicy".count))]
                if let r = text.range(of: #"public let id = "[^"]+""#, options: .regularExpression) {
                    ids.append(String(text[r].dropFirst("public let id = \"".count).dropLast()))
                }
                if ids.contains(where: { Spec.key($0) == wanted }) {
                    throw Failure("a module with the id “\(id)” exists already (Sources/\(directory)): choose another --id, or edit that module")
                }
            }
            // The jurisdiction must be in the shipped region table, else nothing can be evaluated.
            let table = try String(contentsOf: sources.appendingPathComponent("CIEData/RegionTable+Generated.swift"), encoding: .utf8)
            // Records are `unit<TAB>code<TAB>name<TAB>…`; the jurisdiction is a unit in use today (no end year).
            let row = table.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
                .first { $0.count == 9 && $0[1] == Substring(region) && $0[5].isEmpty }
            guard let row else {
                throw Failure("\(region) is not in the region table (Sources/CIEData/RegionTable+Generated.swift): "
                    + "use a province code (130000) or a prefecture the table lists, or add the region first (Docs/Regions.md)")
            }
            regionName = String(row[2])
            // Target ids are global (`explain HE-01`): the prefix must be new.
            for (directory, text) in existing where text.contains("id: \"\(self.prefix)-") {
                throw Failure("the target prefix \(self.prefix) is used by \(directory): pass another, e.g. --prefix \(self.prefix.prefix(1))X")
            }
        }

        /// Each existing Sources/CIEPolicy* directory with the text of its Swift files, read once for the checks above.
        static func moduleSources(in sources: URL) throws -> [(directory: String, text: String)] {
            let fm = FileManager.default
            return try fm.contentsOfDirectory(atPath: sources.path).filter { $0.hasPrefix("CIEPolicy") }.sorted().map { directory in
                let dir = sources.appendingPathComponent(directory)
                let files = ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".swift") }.sorted()
                let text = files.map { (try? String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8)) ?? "" }.joined(separator: "\n")
                return (directory, text)
            }
        }
    }

    /// What `write` changed, so that a failure afterwards (the build) puts the package back as it was.
    struct Undo {
        var root: URL
        /// Directories the scaffold created (each new, so removing it removes only what was written).
        var directories: [String]
        var docs: String
        var manifest: String
        var registry: String

        func run() {
            let fm = FileManager.default
            for path in directories + [docs] { try? fm.removeItem(at: root.appendingPathComponent(path)) }
            try? Data(manifest.utf8).write(to: root.appendingPathComponent("Package.swift"))
            try? Data(registry.utf8).write(to: root.appendingPathComponent(Scaffold.registryPath))
        }
    }

    static let registryPath = "Sources/CIEPolicies/Registry+Generated.swift"

    /// Writes the files and the edits; returns the paths created, relative to the package, and how to undo it all.
    static func write(_ s: Spec, root: URL) throws -> (files: [String], undo: Undo) {
        let fm = FileManager.default
        let directories = ["Sources/CIEPolicy\(s.module)", "Tests/CIEPolicy\(s.module)Tests", "Samples/\(s.id)"]
        let docs = "Docs/policies/\(s.id).md"
        for path in directories + [docs] where fm.fileExists(atPath: root.appendingPathComponent(path).path) {
            throw Failure("\(path) exists already; nothing was written")
        }
        let files: [(String, String)] = [
            ("\(directories[0])/\(s.module)Policy.swift", module(s)),
            ("\(directories[1])/\(s.module)PolicyTests.swift", tests(s)),
            ("\(directories[2])/\(s.id)_sample.csv", sample(s)),
            ("\(directories[2])/README.md", sampleReadme(s)),
            ("\(directories[2])/commands.txt", commands(s)),
        ]
        // Read and check the manifest first: if its markers are gone, nothing is written.
        let manifestURL = root.appendingPathComponent("Package.swift")
        let original = try String(contentsOf: manifestURL, encoding: .utf8)
        guard let end = original.range(of: "    // new-policy: end") else {
            throw Failure("Package.swift has lost its `// new-policy: end` marker in policyModules; restore it (see Docs/WritingAProvinceModule.md)")
        }
        var package = original
        package.insert(contentsOf: "    \"\(s.module)\",\n", at: end.lowerBound)
        let undo = Undo(root: root, directories: directories, docs: docs, manifest: original,
                        registry: (try? String(contentsOf: root.appendingPathComponent(registryPath), encoding: .utf8)) ?? "")
        do {
            for (path, text) in files {
                let url = root.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            try Data(package.utf8).write(to: manifestURL)
            try Data(registry(modules(in: package)).utf8).write(to: root.appendingPathComponent(registryPath))
        } catch {
            undo.run()
            throw Failure("writing the module failed (\(error)); nothing was left behind")
        }
        return (files.map(\.0), undo)
    }

    /// The names between Package.swift's markers.
    static func modules(in package: String) -> [String] {
        guard let begin = package.range(of: "// new-policy: begin"), let end = package.range(of: "// new-policy: end") else { return [] }
        return package[begin.upperBound..<end.lowerBound].split(separator: "\n").compactMap { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("\"") else { return nil }
            return t.trimmingCharacters(in: CharacterSet(charactersIn: "\",")).trimmingCharacters(in: .whitespaces)
        }
    }

    static func registry(_ modules: [String]) -> String {
        let sorted = modules.sorted()
        return """
            // Generated by `swift package new-policy` from Package.swift's `policyModules`; do not edit by hand.
            // Each module CIEPolicy<Name> declares `public struct <Name>Policy: PolicyModule` with `public init()`.
            import CIECore
            \(sorted.map { "import CIEPolicy\($0)" }.joined(separator: "\n"))

            extension PolicyRegistry {
                static let generatedModules: [any PolicyModule] = [
            \(sorted.map { "        \($0)Policy()," }.joined(separator: "\n"))
                ]
            }

            """
    }

    static func module(_ s: Spec) -> String {
        """
        import CIECore

        /// \(s.name) — the document this module encodes (fill in `document` and replace the placeholder target).
        /// Docs/WritingAProvinceModule.md walks through declaring targets, worked examples and reviewers.
        public struct \(s.module)Policy: PolicyModule {
            public init() {}

            public let id = "\(s.id)"
            public let name = LocalizedText(zh: "\(s.name)", en: "\(s.english)")
            public let aliases: [String] = []
            public let document = PolicyDocument(
                number: "（文号待填）",
                title: "\(s.name)关于县域创新驱动发展的文件（标题待填）",
                issuer: "（发文机关待填）",
                issued: "（日期待填）",
                status: .inForce,
                jurisdictionCode: "\(s.region)",
                // The file of the document's text in ../shared/seeds/, once it is there; the tests then check every quotation.
                seed: nil)

            public var targets: [Target] { Self.declarations }

            static let declarations: [Target] = [
                // A placeholder showing the shape of a declaration; replace it with the document's first target.
                Target(
                    id: "\(s.prefix)-01", title: LocalizedText(zh: "高新技术企业达到1000家（示例目标）", en: "1,000 high-tech enterprises (placeholder)"),
                    clause: "（条款待填）", original: "（原文待填：照抄文件中的句子）",
                    scope: .jurisdiction, condition: .atLeast(.indicator("hitech_enterprises"), 1000),
                    deadline: 2025, strength: .binding,
                    reading: LocalizedText(zh: "示例目标，请替换为文件中的目标。", en: "A placeholder: replace it with the document's targets."),
                    examples: [
                        TargetExample(LocalizedText(zh: "全域 1000 家：恰在边界，达标", en: "1,000 for the jurisdiction: at the boundary, met"), year: 2025, csv: \"""
                            region,year,indicator,value
                            \(s.region),2025,hitech_enterprises,1000
                            \""", expect: [("\(s.region)", .met)]),
                        TargetExample(LocalizedText(zh: "全域 999 家：未达标", en: "999: not met"), year: 2025, csv: \"""
                            region,year,indicator,value
                            \(s.region),2025,hitech_enterprises,999
                            \""", expect: [("\(s.region)", .notMet)]),
                        TargetExample(LocalizedText(zh: "没有高新技术企业数：数据不足", en: "no count of high-tech enterprises: no data"), year: 2025, csv: \"""
                            region,year,indicator,value
                            \(s.region),2025,gdp,1000000
                            \""", expect: [("\(s.region)", .noData)]),
                    ]),
            ]
        }

        """
    }

    static func tests(_ s: Spec) -> String {
        """
        import CIECore
        import CIEPolicy\(s.module)
        import CIEPolicyTesting
        import Testing

        /// The checks every module runs (Docs/WritingAProvinceModule.md, "Testing a module"), and the sample's outcome.
        @Suite struct \(s.module)PolicyTests {
            let policy = \(s.module)Policy()

            @Test func declarationsAreWellFormed() {
                #expect(PolicyChecks.declarationProblems(policy) == [])
            }

            @Test func everyTargetHasWorkedExamplesMetNotMetAndNoData() {
                #expect(PolicyChecks.coverageProblems(policy) == [])
            }

            /// Runs once `document.seed` names the document's text in ../shared/seeds/.
            @Test func quotationsOccurInTheSeed() throws {
                if let problems = try PolicyChecks.quotationProblems(policy) { #expect(problems == []) }
            }

            @Test(arguments: \(s.module)Policy().targets.map(\\.id))
            func workedExamples(id: String) {
                #expect(PolicyChecks.exampleFailures(policy, target: id) == [])
            }

            /// Samples/\(s.id)/\(s.id)_sample.csv is designed so that \(s.prefix)-01 is met in 2025.
            @Test func sampleOutcome() throws {
                let context = try PolicyChecks.context(files: ["Samples/\(s.id)/\(s.id)_sample.csv"])
                let results = Evaluator(context: context, policy: policy).evaluate(year: 2025)
                #expect(results.map(\\.target) == ["\(s.prefix)-01"])
                #expect(results.first?.status == .met)
            }
        }

        """
    }

    static func sample(_ s: Spec) -> String {
        """
        region,year,indicator,value,unit,source,note
        \(s.region),2023,hitech_enterprises,850,家,示例数据（虚构）,
        \(s.region),2024,hitech_enterprises,960,家,示例数据（虚构）,
        \(s.region),2025,hitech_enterprises,1020,家,示例数据（虚构）,

        """
    }

    static func sampleReadme(_ s: Spec) -> String {
        """
        # \(s.name) sample (illustrative values)

        **The values are made up** (示例数据（虚构）): they exist to exercise the module, not to describe \(s.regionName).
        `\(s.id)_sample.csv` gives \(s.regionName) (\(s.region)) 850, 960 and 1,020 high-tech enterprises in 2023–2025, so the
        placeholder target \(s.prefix)-01 (≥ 1,000 by 2025) is met in 2025.

            cie check --policy \(s.id) --data Samples/\(s.id)/\(s.id)_sample.csv

        Replace it with a sample for the document's real targets, with real county names and codes
        (Docs/WritingAProvinceModule.md, "A sample"). `commands.txt` is run by the end-to-end tests.

        """
    }

    static func commands(_ s: Spec) -> String {
        """
        # One cie command a line, run from the package root by the end-to-end tests; `=> N` is the expected exit code.
        check --policy \(s.id) --data Samples/\(s.id)/\(s.id)_sample.csv => 0
        targets \(s.id) => 0
        explain \(s.prefix)-01 => 0

        """
    }
}
