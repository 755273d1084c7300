import CIECore
import CIEData
import CIEPolicyFormat
import Testing

/// A package in memory: `policy.yaml` and a text holding the quoted sentence.
func package(_ yaml: String, text: String = "全县R&D经费投入强度达到2%以上。", extra: [String: String] = [:]) -> Result<PolicyPackage, PackageFailure> {
    var files = ["policy.yaml": yaml, "text.txt": text]
    for (k, v) in extra { files[k] = v }
    return PackageParser.parse(EmbeddedFiles(root: "pkg", files: files), origin: .file("pkg"), regions: BuiltinRegions.table)
}

/// The line and column (1-based) of the first occurrence of `token` in `text`, for asserting a diagnostic's place.
func place(of token: String, in text: String, after: String? = nil) -> (line: Int, column: Int) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var started = after == nil
    for (n, line) in lines.enumerated() {
        if !started, let a = after, line.contains(a) { started = true }
        guard started, let r = line.range(of: token) else { continue }
        return (n + 1, line[..<r.lowerBound].count + 1)
    }
    return (0, 0)
}

let minimal = """
    format: 1
    id: testland
    name: {zh: 四川省, en: Sichuan}
    document:
      number: ""
      title: 测试
      status: in_force
      jurisdiction: "510000"
      text: text.txt
    targets:
      - id: SC-01
        title: {zh: 研发强度, en: R&D intensity}
        clause: 一
        original: 全县R&D经费投入强度达到2%以上
        scope: county
        condition: {at_least: rd_intensity, value: 2}
        deadline: 2020
        strength: binding

    """

@Suite struct PackageParserTests {
    @Test func aMinimalPackageReads() throws {
        let p = try package(minimal).get()
        #expect(p.id == "testland" && p.targets.count == 1 && p.document.jurisdictionCode == "510000")
        #expect(p.targets[0].condition == .atLeast(.indicator("rd_intensity"), 2) && p.targets[0].deadline == 2020)
        #expect(p.text.contains("2%以上"))
    }

    /// Ten different mistakes: ten errors, each at its line and column, with "did you mean" for names; nothing loads.
    @Test func tenMistakesAreTenErrorsAtTheirPlaces() throws {
        let yaml = """
            format: 1
            id: testland
            name: {zh: 四川省, en: Sichuan}
            document: {number: "", title: 测试, status: in_force, jurisdiction: "510000", text: text.txt}
            groups:
              试点县: ["510122", "519999"]
            indicators:
              - {id: gdp, name: {zh: 生产总值, en: GDP}, kind: amount}
            targets:
              - id: SC-01
                title: {zh: 研发强度, en: R&D intensity}
                clause: 一
                original: 全县R&D经费投入强度达到2%以上
                scope: counti
                condition: {at_lest: rd_intensity, value: 2}
                deadline: 2020
                strength: binding
              - id: SC-02
                title: {zh: 研发强度二, en: R&D intensity 2}
                clause: 二
                scope: county
                filter: {group: 试点市}
                condition: {at_least: rd_intensty, value: 2}
                deadline: 2020
                strength: bindng
                examples:
                  - {title: {zh: 例, en: example}, year: 2020, csv: "region,year,indicator,value\\n510122,2020,rd_intensity,3\\n", expect: {"510122": mett}}
            reviewers:
              - {id: veto, kind: vetoo, name: {zh: 否决, en: veto}, source: {zh: 一, en: one}}

            """
        let failure = try #require(package(yaml).failureValue)
        let d = failure.diagnostics
        let expected: [(String, String?, String)] = [
            ("\"519999\"", nil, "519999"),
            ("gdp", "indicators:", "gdp"),
            ("counti", nil, "did you mean county"),
            ("at_lest", nil, "did you mean at_least"),
            ("- id: SC-02", nil, "original"),
            ("试点市", nil, "did you mean 试点县"),
            ("rd_intensty", nil, "did you mean rd_intensity"),
            ("bindng", nil, "did you mean binding"),
            ("mett", nil, "did you mean met"),
            ("vetoo", nil, "did you mean veto"),
        ]
        #expect(d.count == expected.count, "\(failure)")
        for (token, after, words) in expected {
            var at = place(of: token, in: yaml, after: after)
            if token.hasPrefix("- id:") { at.column += 2 }  // the mapping starts after the dash
            #expect(d.contains { $0.line == at.line && $0.column == at.column && $0.text.en.contains(words) },
                    "no error with “\(words)” at \(at.line):\(at.column): \(failure)")
        }
        #expect(d.allSatisfy { $0.file == "pkg/policy.yaml" && $0.severity == .error })
    }

    @Test func aSyntaxErrorIsOneErrorAtItsLine() throws {
        let yaml = minimal.replacingOccurrences(of: "clause: 一", with: "clause: [一")
        let failure = try #require(package(yaml).failureValue)
        #expect(failure.diagnostics.count == 1 && failure.diagnostics[0].text.en.contains("YAML syntax error"))
        #expect(failure.diagnostics[0].line >= place(of: "clause", in: yaml).line)
    }

    /// Fuzz/policy.swift found it (Fuzz/corpus/policy/crash-*): `{percent: a}` without `of:`, or `{share_of_total: x}`
    /// without `held_by:`, was reported as missing the key and then trapped. Now it is that one error, at its place.
    @Test(arguments: [("{percent: rd_intensity}", "“of”"), ("{share_of_total: gdp}", "“held_by”"), ("{share_of_total}", "“held_by”")])
    func aQuantityMissingAKeyIsAnError(quantity: String, missing: String) throws {
        let yaml = minimal.replacingOccurrences(of: "{at_least: rd_intensity, value: 2}", with: "{at_least: \(quantity), value: 2}")
        let failure = try #require(package(yaml).failureValue)
        let needs = try #require(failure.diagnostics.first { $0.text.en.contains("needs \(missing)") }, "\(failure.diagnostics)")
        #expect(needs.line == place(of: quantity, in: yaml).line && needs.column == place(of: quantity, in: yaml).column)
        #expect(needs.text.zh.contains("缺少\(missing)"))
    }

    @Test func anchorsAndAliasesAreRefused() throws {
        let yaml = minimal.replacingOccurrences(of: "clause: 一", with: "clause: &c 一\n    reading: *c")
        let failure = try #require(package(yaml).failureValue)
        #expect(failure.diagnostics.contains { $0.text.en.contains("anchors and aliases") })
    }

    @Test func aPackageMayAddIndicatorsButNotRedefineOne() throws {
        let yaml = minimal.replacingOccurrences(of: "targets:", with: """
            indicators:
              - {id: online_service_windows, name: {zh: 科技服务线上窗口, en: Online S&T service windows}, kind: count, unit: 个}
              - {id: my_gdp, name: {zh: 地区生产总值, en: GRP}, kind: amount}
            targets:
            """)
        let failure = try #require(package(yaml).failureValue)
        #expect(failure.diagnostics.count == 1 && failure.diagnostics[0].text.en.contains("地区生产总值 (gdp)"), "\(failure)")
        let fine = try package(yaml.replacingOccurrences(of: "\n  - {id: my_gdp, name: {zh: 地区生产总值, en: GRP}, kind: amount}", with: "")).get()
        #expect(fine.indicators.map(\.id) == ["online_service_windows"] && fine.indicators[0].unit == .ge)
    }

    @Test func aQuotedSentenceMissingFromTheTextFailsLint() throws {
        let p = try package(minimal, text: "另一份文件").get()
        let problems = PackageChecks.lint(p)
        #expect(problems.contains { $0.text.en.contains("SC-01") && $0.text.en.contains("not in the document's text") && $0.line == place(of: "original:", in: minimal).line })
        #expect(problems.contains { $0.text.en.contains("no worked example of SC-01 gives met, not_met, no_data") })
    }

    @Test func placeholdersAndDraftsFailLint() throws {
        let yaml = minimal.replacingOccurrences(of: "clause: 一", with: "clause: TODO 条款\n    draft: true")
        let problems = PackageChecks.lint(try package(yaml).get())
        #expect(problems.contains { $0.text.en.contains("placeholder") && $0.line == place(of: "TODO", in: yaml).line })
        #expect(problems.contains { $0.text.en.contains("is a draft") })
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
