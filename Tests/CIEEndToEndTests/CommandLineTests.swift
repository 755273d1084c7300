import Foundation
import Testing

let sample = "Samples/qinghai/qinghai_2016_2020.csv"

@Suite struct CheckCommandTests {
    @Test func jsonOnTheSampleHasSpecsShapeAndTheDesignedStatuses() throws {
        let r = try cie(["check", "--policy", "qinghai", "--data", sample, "--format", "json"])
        #expect(r.status == 1, "some binding targets are not met")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["policy", "year", "results", "summary"])
        #expect(object["year"] as? Int == 2020, "defaults to the latest year in the data")
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.count == 431, "44 units × 13 county targets, 8 prefectures × 4, the province × 5")
        let qh06 = results.first { $0["target"] as? String == "QH-06" && ($0["region"] as? [String: String])?["code"] == "632523" }
        #expect(qh06?["status"] as? String == "met")
        #expect(qh06?["observed"] as? Double == 4.5)
        #expect(qh06?["required"] as? String == "≥ 4.5")
        #expect(qh06?["scope"] as? String == "county" && qh06?["strength"] as? String == "binding" && qh06?["deadline"] as? Int == 2020)
        let summary = try #require(object["summary"] as? [String: Int])
        // 茫崖市 (set up in 2018) has no 2017 baseline for QH-09: no_data. QH-13 … QH-16 as Samples/qinghai/EXPECTED.md designs them.
        #expect(summary["met"] == 335 && summary["not_met"] == 58 && summary["no_data"] == 6 && summary["not_applicable"] == 32, "\(summary)")
        #expect(r.stderr.contains("2997"), "the load is reported on stderr, not stdout")
    }

    @Test func exitCodesFollowTheSpec() throws {
        #expect(try cie(["check", "--policy", "qinghai", "--data", sample, "--target", "QH-02", "--region", "西宁市"]).status == 0)
        #expect(try cie(["check", "--policy", "qinghai", "--data", sample, "--target", "QH-06"]).status == 1)
        #expect(try cie(["check", "--policy", "qinghai", "--data", sample, "--target", "QH-06", "--region", "久治县"]).status == 3)
        #expect(try cie(["check", "--policy", "qinghai", "--data", sample, "--target", "QH-12", "--region", "祁连县"]).status == 0,
                "an unmet encouraged target is advice")
        #expect(try cie(["check", "--policy", "qinghai", "--data", sample, "--year", "2019", "--target", "QH-06", "--status", "on_track", "--region", "630121"]).status == 0)
        let bad = try cie(["check", "--policy", "qinghai", "--data", sample, "--format", "yaml"])
        #expect(bad.status == 2 && bad.stderr.contains("未知的格式“yaml”"))
        let usage = try cie(["check", "--bogus"])
        #expect(usage.status == 2, "a usage error is 2, not ArgumentParser's 64")
        let noPolicy = try cie(["check", "--data", sample])
        #expect(noPolicy.status == 2 && noPolicy.stderr.contains("--policy"))
        let unknownPolicy = try cie(["check", "--policy", "qinhai", "--data", sample])
        #expect(unknownPolicy.status == 2 && unknownPolicy.stderr.contains("是否指 qinghai？"))
        let noData = try cie(["check", "--policy", "qinghai"])
        #expect(noData.status == 2 && noData.stderr.contains("--data"))
        let short = try cie(["check", "--policy", "qinghai", "--data", sample, "--target", "QH-6", "--region", "632523"])
        #expect(short.status == 0 && short.stdout.contains("QH-06"), "QH-6 finds QH-06")
        let typo = try cie(["check", "--policy", "qinghai", "--data", sample, "--target", "QH-66"])
        #expect(typo.status == 2 && typo.stderr.contains("QH-06"))
        for year in ["-9223372036854775807", "9223372036854775807", "100000"] {
            let r = try cie(["check", "--policy", "qinghai", "--data", sample, "--year=\(year)"])
            #expect(r.status == 2 && r.stderr.contains("超出范围"), "--year \(year)")
        }
    }

    @Test func badDataIsExit2WithPlacesAndNoResults() throws {
        let path = try temporaryFile("bad.csv", Array("region,year,indicator,value\n630121,2020,gdp,abc\n".utf8))
        let r = try cie(["check", "--policy", "qinghai", "--data", path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.csv:2:17: error: 无法把“abc”读作 地区生产总值（gdp）的值"))
        let en = try cie(["check", "--policy", "qinghai", "--data", path, "--lang", "en"])
        #expect(en.status == 2 && en.stderr.contains("bad.csv:2:17: error: cannot read “abc”"), "\(en.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func filtersAndLanguages() throws {
        let r = try cie(["check", "--policy", "青海", "--data", sample, "大通县", "--status", "达标", "--lang", "en"])
        #expect(r.stdout.contains("大通回族土族自治县") && r.stdout.contains("met"))
        #expect(!r.stdout.contains("湟源县"))
        #expect(r.stdout.contains("results: met"))
        #expect(!r.stdout.contains("\u{1B}["), "no escape codes into a pipe")
        let wrong = try cie(["check", "--policy", "qinghai", "--data", sample, "--status", "passed"])
        #expect(wrong.status == 2 && wrong.stderr.contains("not_met"))
        let ambiguous = try cie(["check", "--policy", "qinghai", "--data", sample, "--region", "玉树"])
        #expect(ambiguous.status == 2 && ambiguous.stderr.contains("632701") && ambiguous.stderr.contains("632700"))
    }

    @Test func outputToAFileWritesTheFormat() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cie-out-\(UUID()).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try cie(["check", "--policy", "qinghai", "--data", sample, "--format", "csv", "--output", path, "--target", "QH-08"])
        #expect(r.status == 1 && r.stdout.isEmpty)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: bytes, as: UTF8.self).contains("QH-08,630000,青海省"))
    }
}

@Suite struct OtherCommandTests {
    @Test func explainShowsClauseSentenceConditionScopeDeadlineAndInputs() throws {
        let r = try cie(["explain", "QH-06"])
        #expect(r.status == 0)
        for part in ["一(二)", "具备基本科学素质的公民比例达到４.５％以上", "science_literacy_rate", "≥ 4.5", "县级", "2020", "约束性", "%"] {
            #expect(r.stdout.contains(part), "explain lacks \(part)")
        }
        let en = try cie(["explain", "qh-09", "--lang", "en"])
        #expect(en.stdout.contains("Baseline: 2017") && en.stdout.contains("none: it must hold every year"))
        let missing = try cie(["explain", "QH-99"])
        #expect(missing.status == 2 && missing.stderr.contains("QH-09"))
    }

    @Test func policiesTargetsAndReview() throws {
        let policies = try cie(["policies", "--format", "json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(policies.stdout.utf8)) as? [[String: Any]]).map { $0.compactMapValues { $0 as? String } }
        let codes = list.compactMap { $0["jurisdiction"] }
        #expect(codes.count == list.count && codes == codes.sorted(), "in jurisdiction-code order (GB/T 2260)")
        #expect(list.last?["document"] == "青政办〔2018〕6号")
        #expect(list.first?["status"] == "draft" && list.first?["status_label"] == "征求意见稿", "the draft is marked, by id and label")
        let targets = try cie(["targets", "qinghai"])
        #expect(targets.status == 0 && (1...12).allSatisfy { targets.stdout.contains(String(format: "QH-%02d", $0)) })
        let review = try cie(["review", "--policy", "qinghai", "--data", sample, "--format", "json"])
        #expect(review.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(review.stdout.utf8)) as? [String: Any])
        #expect((object["reviewer"] as? [String: String])?["id"] == "compliance")
        #expect(object["method"] is String)
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 44)
        let zaduo = rows.first { ($0["region"] as? [String: String])?["code"] == "632722" }
        #expect(zaduo?["verdict"] as? String == "non_compliant")
        let unknown = try cie(["review", "--policy", "qinghai", "--data", sample, "funding"])
        #expect(unknown.status == 2 && unknown.stderr.contains("compliance"))
    }

    @Test func versionAndHelpExitZero() throws {
        #expect(try cie(["--version"]).stdout.contains("0.1"))
        let help = try cie(["--help"])
        #expect(help.status == 0 && help.stdout.contains("check"))
        #expect(try cie(["check", "--help"]).stdout.contains("--status"))
    }

    /// What `make install` puts in the shells' folders: each script knows the subcommands, completes --policy by asking
    /// cie (which answers with the packages' ids), and --format from the formatters.
    @Test func shellCompletionScriptsCompleteCommandsPoliciesAndFormats() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try cie(["--generate-completion-script", shell])
            #expect(script.status == 0, "\(shell): \(script.stderr)")
            for word in ["check", "review", "validate", "---completion", "markdown"] {
                #expect(script.stdout.contains(word), "the \(shell) script lacks \(word)")
            }
        }
        // As bash asks it: ---completion SUBCOMMAND -- OPTION WORD-INDEX CURSOR-INDEX WORDS…
        let policies = try cie(["---completion", "check", "--", "--policy", "3", "1", "cie", "check", "--policy", "q"])
        #expect(policies.stdout.split(separator: "\n") == ["qinghai"])
        let all = try cie(["---completion", "check", "--", "--policy", "3", "0", "cie", "check", "--policy", ""])
        #expect(Set(all.stdout.split(separator: "\n")) == ["inner-mongolia", "jilin", "qinghai", "weihai", "zhejiang"])
    }

    @Test func aClosedPipeEndsQuietly() throws {
        // `cie … | head -1`: the reader goes away; cie must not die of SIGPIPE.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "'\(cieBinary.path)' check --policy qinghai --data \(sample) | head -1 >/dev/null; echo ${PIPESTATUS:-0}"]
        p.currentDirectoryURL = packageRoot
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }
}

@Suite struct ValidateCommandTests {
    /// `validate` reports every kind of problem with its file and line, and exits 2.
    @Test(arguments: [
        ("ragged.csv", "region,year,indicator,value\n630121,2020,gdp,1,9\n", ":2:"),
        ("quote.csv", "region,year,indicator,value\n630121,2020,gdp,1\n\"630123,2020,gdp,2\n", ":3:1: error: 未闭合的引号"),
        ("value.csv", "region,year,indicator,value\n630121,2020,gdp,abc\n", ":2:17:"),
        ("region.csv", "region,year,indicator,value\n大通镇,2020,gdp,1\n", "大通回族土族自治县 (630121, 青海省)"),
        ("ambiguous.csv", "region,year,indicator,value\n通化,2020,gdp,1\n", "通化县 (220521, 吉林省)"),
        ("dup.csv", "region,year,indicator,value\n630121,2020,gdp,1\n630121,2020,gdp,2\n", "dup.csv:3:17: error: 大通回族土族自治县 (630121) 2020 年 gdp 给出了两个不同的值"),
        ("year.csv", "region,year,indicator,value\n630121,20200,gdp,1\n", "年份 20200 超出 1949—2100 的范围"),
        ("unit.csv", "region,year,indicator,value\n630121,2020,incubators,3元\n", "单位不符：该值的单位是“元”"),
        ("neg.csv", "region,year,indicator,value\n630121,2020,incubators,-3\n", "数量为负数 -3"),
        ("nan.csv", "region,year,indicator,value\n630121,2020,gdp,NaN\n", "是 NaN 或无穷大"),
        ("empty.csv", "", "empty.csv:1:1: error: 空文件"),
        ("bad.json", "{\"observations\": [}", "bad.json:1:19: error: JSON 格式错误"),
        ("long.csv", "region,year,indicator,value\n630121,2020,gdp," + String(repeating: "1", count: 10_000) + "\n", "超过上限 4096 字节"),
    ] as [(String, String, String)])
    func reportsProblem(name: String, text: String, expected: String) throws {
        let path = try temporaryFile(name, Array(text.utf8))
        let r = try cie(["validate", path])
        #expect(r.status == 2)
        #expect(r.stderr.contains(expected), "\(r.stderr)")
    }

    @Test func binaryFile() throws {
        let path = try temporaryFile("bin.csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        let r = try cie(["validate", path])
        #expect(r.status == 2 && r.stderr.contains("二进制文件"))
        let en = try cie(["validate", path, "--lang", "en"])
        #expect(en.status == 2 && en.stderr.contains("binary file"))
    }

    @Test func goodFilesInEveryEncodingPass() throws {
        let r = try cie(["validate", "Samples/qinghai/qinghai_2016_2020.csv", "Samples/qinghai/qinghai_wide_2020.csv", "Samples/qinghai/qinghai_2020_gbk.csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("GB18030") && r.stdout.contains("UTF-8 (BOM)"))
        let fullWidth = try temporaryFile("fw.csv", Array("\u{FEFF}地区,年份,指标,数值\r\n大通县,２０２０,具备基本科学素质的公民比例,４.５％\r\n".utf8))
        #expect(try cie(["validate", fullWidth]).status == 0)
    }
}

/// Every line of Samples/*/commands.txt runs through the built cie with its expected exit code.
@Suite struct SampleCommandTests {
    static let lines: [String] = {
        let samples = packageRoot.appendingPathComponent("Samples")
        let dirs = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
        return dirs.sorted().flatMap { d -> [String] in
            let text = (try? String(contentsOf: samples.appendingPathComponent(d).appendingPathComponent("commands.txt"), encoding: .utf8)) ?? ""
            return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        }
    }()

    @Test func thereAreSampleCommands() { #expect(SampleCommandTests.lines.count >= 10) }

    @Test(arguments: SampleCommandTests.lines)
    func sampleCommand(line: String) throws {
        let parts = line.components(separatedBy: " => ")
        let expected = try #require(Int32(parts[1]))
        let r = try cie(parts[0].split(separator: " ").map(String.init))
        #expect(r.status == expected, "\(line): \(r.stderr)")
        #expect(!r.stdout.isEmpty)
    }

    @Test func everySampleDataFileIsValid() throws {
        let samples = packageRoot.appendingPathComponent("Samples")
        let files = FileManager.default.enumerator(atPath: samples.path)!.compactMap { $0 as? String }
            .filter { ($0.hasSuffix(".csv") || $0.hasSuffix(".json") || $0.hasSuffix(".xlsx")) && !$0.contains("/examples/") }  // examples load together: policy test
        #expect(!files.isEmpty)
        for f in files {
            let r = try cie(["validate", "Samples/" + f])
            #expect(r.status == 0, "Samples/\(f): \(r.stderr)")
        }
    }
}

/// `review`'s options: refused with a reason when out of range or unused by the reviewer, never ignored or crashing.
@Suite struct ReviewOptionTests {
    let q = ["--policy", "qinghai", "--data", "Samples/qinghai/qinghai_2016_2020.csv"]

    @Test(arguments: [
        (["evaluation", "--excellent", "1e19"], "--excellent must be a share (such as 20%) or a number of units (such as 5), not “1e19”"),
        (["evaluation", "--excellent", "-1"], "--excellent"),
        (["evaluation", "--excellent", "150%"], "--excellent"),
        (["evaluation", "--runs", "-3"], "--runs"),
        (["evaluation", "--weights", "talnet=2"], "talent"),
        (["evaluation", "--weights", "talent"], "DIMENSION=WEIGHT"),
        (["evaluation", "--pool", "100"], "does not take --pool: it takes --weights, --excellent, --runs, --seed"),
        (["evaluation", "--excelent", "3"], "did you mean --excellent?"),
        (["evaluation", "--excellent"], "--excellent needs a value"),
        (["compliance", "--weights", "a=1"], "does not take --weights: it takes no options"),
        (["compliance", "--top", "0"], "--top must be at least 1 (the rows shown)"),
        (["compliance", "--top"], "error: Missing value for '--top <N>'"),
    ] as [([String], String)])
    func badOptionsAreUsageErrors(arguments: [String], message: String) throws {
        let r = try cie(["review"] + q + arguments + ["--lang", "en"])
        #expect(r.status == 2 && r.stderr.contains(message), "\(arguments): \(r.status) \(r.stderr)")
    }

    @Test func theSameSeedReproducesTheRanges() throws {
        let a = try cie(["review"] + q + ["evaluation", "--seed", "42", "--format", "csv"]).stdout
        let b = try cie(["review"] + q + ["evaluation", "--seed", "42", "--format", "csv"]).stdout
        #expect(a == b && a.contains("最好名次"))
    }
}

/// The Inner Mongolia module encodes a draft for comment: every listing and report says so, once.
@Suite struct DraftMarkingTests {
    let data = "Samples/inner-mongolia/inner-mongolia_2018_2020.csv"

    @Test func theDraftIsMarkedWhereverItIsListedOrReported() throws {
        let outputs = [
            try cie(["policies"]).stdout,
            try cie(["targets", "inner-mongolia"]).stdout,
            try cie(["explain", "IM-01"]).stdout,
            try cie(["check", "--policy", "inner-mongolia", "--data", data]).stdout,
            try cie(["check", "--policy", "inner-mongolia", "--data", data, "--format", "markdown"]).stdout,
            try cie(["check", "--policy", "inner-mongolia", "--data", data, "--format", "html"]).stdout,
            try cie(["review", "--policy", "inner-mongolia", "--data", data]).stdout,
            try cie(["review", "--policy", "inner-mongolia", "--data", data, "--format", "markdown"]).stdout,
        ]
        for (i, out) in outputs.enumerated() {
            #expect(out.contains("征求意见稿"), "output \(i) does not say it is a draft")
            #expect(!out.contains("征求意见稿）《") && !out.contains("（征求意见稿）（征求意见稿）"), "output \(i) says it twice")
        }
        #expect(try cie(["check", "--policy", "inner-mongolia", "--data", data, "--lang", "en"]).stdout.contains("draft for comment"))
        #expect(try cie(["check", "--policy", "inner-mongolia", "--data", data, "--format", "json"]).stdout.contains("\"status\": \"draft\""))
    }
}

/// Every folder of Samples/ with a policy.yaml is a built-in package (the EmbedPolicies plugin embeds them all), and
/// `cie policies` lists no other.
@Suite struct BuiltinPackageTests {
    @Test func everySamplePackageIsBuiltIn() throws {
        let samples = packageRoot.appendingPathComponent("Samples")
        let folders = try FileManager.default.contentsOfDirectory(atPath: samples.path)
            .filter { FileManager.default.fileExists(atPath: samples.appendingPathComponent($0).appendingPathComponent("policy.yaml").path) }
        #expect(folders.count >= 5)
        let listed = try cie(["policies", "--format", "csv", "--lang", "en"]).stdout.split(separator: "\r\n").dropFirst()
            .map { $0.split(separator: ",").map(String.init) }
        #expect(Set(listed.map { $0[0] }) == Set(folders), "the built-in packages and Samples/*/policy.yaml differ")
        #expect(listed.allSatisfy { $0.last == "built-in" }, "\(listed)")
    }
}

/// Docs/policies/*.md are what `make docs` generates from the declarations.
@Suite struct PolicyDocsFreshnessTests {
    @Test func generatedPolicyPagesAreFresh() throws {
        let policies = try cie(["policies", "--format", "csv"])
        let ids = policies.stdout.split(separator: "\r\n").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
        #expect(!ids.isEmpty)
        for id in ids {
            let generated = try cie(["generate-docs", id]).stdout
            let file = try String(contentsOf: packageRoot.appendingPathComponent("Docs/policies/\(id).md"), encoding: .utf8)
            #expect(generated == file, "Docs/policies/\(id).md is stale: run `make docs`")
        }
    }
}
