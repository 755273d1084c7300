import Foundation
import Testing

/// Issue 13, “the analyst's day”: each problem a new user met, reproduced as they met it (a session on the command
/// line, a piped script), and what cie does now.
@Suite struct AnalystDayTests {
    /// Every bundled sample at once, as `load Samples/*/*.csv` gives them.
    static let allSamples = "load Samples/*/*.csv --quiet"

    func session(_ lines: [String], _ extra: [String] = []) throws -> Run {
        try cie(extra + ["-c", lines.joined(separator: "\n")])
    }

    // MARK: 1. Defaults that follow the policy

    /// With all five samples loaded, each policy evaluates the latest year of *its* jurisdiction's data.
    @Test func theYearFollowsThePolicysJurisdiction() throws {
        let r = try session([Self.allSamples, "use qinghai", "check --format json", "use zhejiang", "check --format json",
                             "use weihai", "review funding --format json"])
        let objects = r.stdout.components(separatedBy: "\n}\n").filter { $0.contains("{") }.map { $0 + "\n}" }
        let years = try objects.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["year"] as? Int }
        #expect(years == [2020, 2022, 2020], "\(r.stderr)")
        let table = try session([Self.allSamples, "use qinghai", "check 大通"])
        #expect(table.stdout.contains("2020 年：青海省有数据的最近一年"), "the summary says which year and why")
        #expect(!table.stdout.contains("数据不足"), "大通 has every value in 2020")
        // Weihai's funding in its own latest year: units get an amount, not all no_data.
        let funding = try session([Self.allSamples, "use weihai", "review funding --format csv"])
        let rows = funding.stdout.split(separator: "\r\n").dropFirst()
        #expect(!rows.isEmpty && rows.allSatisfy { !$0.contains(",no_data,") }, "\(funding.stdout.prefix(400))")
    }

    /// A file about other indicators (a 2023 list of prizes) does not move Zhejiang's year to 2023.
    @Test func unrelatedLaterDataDoesNotMoveTheYear() throws {
        let path = try temporaryFile("later.csv", Array("region,year,indicator,value\n330102,2023,population,50\n".utf8))
        let r = try session(["load Samples/zhejiang/zhejiang_2018_2022.csv \(path) --quiet", "use zhejiang", "check"])
        #expect(r.stdout.contains("2022 年") && !r.stdout.contains("2023 年），"), "\(r.stdout.suffix(300))")
        #expect(!r.stdout.contains("数据不足 3"), "not hundreds of rows without data")
    }

    /// Past a deadline, the summary says so and how to ask for the deadline year; one county's early figures for the
    /// next year do not make it the evaluation year.
    @Test func passedDeadlinesAreNamed() throws {
        let sample = try String(contentsOf: packageRoot.appendingPathComponent("Samples/qinghai/qinghai_2016_2020.csv"), encoding: .utf8)
        let lines = sample.split(separator: "\n").map(String.init)
        let next = lines.filter { $0.contains(",2020,") }.map { $0.replacingOccurrences(of: ",2020,", with: ",2021,") }
        let later = try temporaryFile("qinghai2021.csv", Array(([lines[0]] + next).joined(separator: "\n").utf8))
        let r = try session(["load Samples/qinghai/qinghai_2016_2020.csv \(later) --quiet", "use qinghai", "check --top 1"])
        #expect(r.stdout.contains("2021 年：青海省有数据的最近一年；截止年 2020 年已过") && r.stdout.contains("check --year 2020"), "\(r.stdout.suffix(400))")
        let inTime = try session(["load Samples/qinghai/qinghai_2016_2020.csv --quiet", "use qinghai", "check --top 1"])
        #expect(!inTime.stdout.contains("已过"), "no note when no deadline has passed")
        let early = try temporaryFile("qinghai2021-one.csv", Array("region,year,indicator,value\n630121,2021,incubators,3\n".utf8))
        let one = try session(["load Samples/qinghai/qinghai_2016_2020.csv \(early) --quiet", "use qinghai", "check --top 1"])
        #expect(one.stdout.contains("2020 年：青海省数据较全的最近一年") && one.stdout.contains("2021 年只有 1 个") && !one.stdout.contains("数据不足 4"),
                "\(one.stdout.suffix(300))")
    }

    // MARK: 2. No silent pass

    /// The monthly script with nothing loaded is an error with exit 2, not “（没有结果）共 0 项” and exit 0.
    @Test func anEmptySessionIsNeverAPass() throws {
        let r = try cie([], stdin: "use qinghai\nset year 2020\ncheck --status not_met\n")
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("<stdin>:3: error:") && r.stderr.contains("载入"), "\(r.stderr)")
        #expect(!r.stdout.contains("共 0 项"))
        // Data of another province: nothing for 青海省 in 2020 is an error too.
        let other = try session(["load Samples/jilin/jilin_2017_2020.csv --quiet", "use qinghai", "check"])
        #expect(other.status == 2 && other.stderr.contains("青海省"), "\(other.stderr)")
        // And on the command line.
        let cli = try cie(["check", "--policy", "qinghai", "--data", "Samples/jilin/jilin_2017_2020.csv", "--quiet"])
        #expect(cli.status == 2 && cli.stderr.contains("青海省") && cli.stdout.isEmpty, "\(cli.stderr)")
    }

    /// A `--status` filter that leaves nothing says how many it filtered out.
    @Test func anEmptyFilterSaysWhatItLeftOut() throws {
        let r = try cie(["check", "--policy", "qinghai", "--data", "Samples/qinghai/qinghai_2016_2020.csv", "--quiet", "--status", "error"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("（没有结果）") && r.stdout.contains("筛去 431 项（共 431 项）"), "\(r.stdout)")
    }

    // MARK: 3. One format rule

    @Test func theExtensionPicksTheFormat() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cie-format-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let base = ["check", "--policy", "qinghai", "--data", "Samples/qinghai/qinghai_2016_2020.csv", "--quiet"]
        for (name, starts) in [("r.html", "<!DOCTYPE html>"), ("r.csv", "\u{FEFF}目标,代码"), ("r.md", "# 青海省"), ("r.json", "{")] {
            let path = dir.appendingPathComponent(name).path
            let r = try cie(base + ["--output", path])
            #expect(r.status == 1 && r.stdout.isEmpty, "\(name): \(r.stderr)")
            // Bytes, not a String: decoding would hide the BOM.
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(bytes.starts(with: Data(starts.utf8)), "\(name) starts with \(String(decoding: bytes.prefix(40), as: UTF8.self))")
        }
        let clash = try cie(base + ["--output", dir.appendingPathComponent("x.html").path, "--format", "csv"])
        #expect(clash.status == 2 && clash.stderr.contains("x.html") && clash.stderr.contains("csv"), "\(clash.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.html").path))
    }

    // MARK: 4. Chinese throughout

    @Test func usageErrorsAnswerInTheSessionsLanguage() throws {
        let typo = try cie(["check", "--yaer", "2020"])
        #expect(typo.status == 2 && typo.stderr.contains("未知选项 --yaer（是否指 --year？）") && !typo.stderr.contains("Unknown"), "\(typo.stderr)")
        let missing = try cie(["explain"])
        #expect(missing.status == 2 && missing.stderr.contains("缺少参数 <TARGET>") && !missing.stderr.contains("Help:"), "\(missing.stderr)")
        let region = try cie(["check", "--policy", "qinghai", "--data", "Samples/qinghai/qinghai_2016_2020.csv", "--quiet", "不存在县"])
        #expect(region.status == 2 && region.stderr.contains("未知地区“不存在县”"), "\(region.stderr)")
        let english = try cie(["check", "--yaer", "2020", "--lang", "en"])
        #expect(english.stderr.hasPrefix("error: Unknown option '--yaer'"), "\(english.stderr)")
        let help = try cie(["check", "--help"])
        #expect(help.stdout.hasPrefix("cie check：") && help.stdout.contains("用法：cie check") && !help.stdout.contains("OVERVIEW"))
    }

    /// Verdicts, scopes, strengths and document status are labelled; CSV carries the label beside a stable id.
    @Test func labelsAreChineseAndIdsStayInTheirOwnColumns() throws {
        let compliance = try cie(["review", "--policy", "qinghai", "--data", "Samples/qinghai/qinghai_2016_2020.csv", "--quiet"])
        // The method names the ids beside their labels (合规（compliant）); the table has only the labels.
        let table = compliance.stdout.split(separator: "\n").filter { !$0.hasPrefix("方法：") }.joined(separator: "\n")
        for english in ["compliant", "non_compliant", "incomplete"] { #expect(!table.contains(english), "\(english)") }
        #expect(compliance.stdout.contains("合规") && compliance.stdout.contains("共 44 个单位"))
        let targets = try cie(["targets", "inner-mongolia"])
        #expect(targets.stdout.contains("约束性") && !targets.stdout.contains("binding") && !targets.stdout.contains("county"))
        let csv = try cie(["check", "--policy", "qinghai", "--data", "Samples/qinghai/qinghai_2016_2020.csv", "--quiet", "--format", "csv"])
        let header = csv.stdout.split(separator: "\r\n").first.map(String.init) ?? ""
        #expect(header.contains("状态,状态代码") && header.contains("范围,范围代码") && header.contains("强度,强度代码"), "\(header)")
        #expect(csv.stdout.contains(",未达标,not_met,"))
        let explain = try cie(["explain", "QH-06", "--lang", "en"])
        #expect(explain.stdout.contains("Strength: binding") && !explain.stdout.contains("binding (binding)"))
    }

    /// `--weights 人才引进=2`: a dimension by the name the tables show.
    @Test func reviewerOptionsTakeChineseNames() throws {
        let base = ["review", "--policy", "qinghai", "--data", "Samples/qinghai/qinghai_2016_2020.csv", "--quiet", "evaluation", "--runs", "0"]
        let chinese = try cie(base + ["--weights", "人才引进=2"])
        let id = try cie(base + ["--weights", "talent=2"])
        #expect(chinese.status == 0 && chinese.stdout == id.stdout, "\(chinese.stderr)")
        #expect(chinese.stdout.contains("talent=0.4"))
    }

    // MARK: 5. Numbers by unit

    @Test func numbersFollowTheirUnit() throws {
        let check = try cie(["check", "--policy", "qinghai", "--data", "Samples/qinghai/qinghai_2016_2020.csv", "--quiet", "--target", "QH-07"])
        // A percentage has two decimals in every row, unless more digits decide the result.
        let observed = check.stdout.split(separator: "\n").filter { $0.hasPrefix("QH-07") }.map { line in
            line.split(separator: " ", omittingEmptySubsequences: true)[4]
        }
        #expect(!observed.isEmpty && observed.allSatisfy { $0 == "—" || ($0.split(separator: ".").last?.count ?? 0) >= 2 }, "\(observed)")
        let show = try cie(["show", "格尔木", "--data", "Samples/qinghai/qinghai_wide_2020.csv", "--quiet"])
        #expect(show.stdout.contains("4,275,655"), "万元 with thousands separators: \(show.stdout)")
        let csv = try cie(["show", "格尔木", "gdp", "--data", "Samples/qinghai/qinghai_wide_2020.csv", "--quiet", "--format", "csv"])
        #expect(csv.stdout.contains("4275655") && !csv.stdout.contains("4,275,655"), "CSV carries plain numbers")
    }

    // MARK: 6. Compliance

    @Test func complianceCountsWhatItShows() throws {
        let r = try cie(["review", "--policy", "qinghai", "--data", "Samples/qinghai/qinghai_2016_2020.csv", "--quiet", "--format", "csv"])
        let rows = r.stdout.split(separator: "\r\n").map(String.init)
        let 城东区 = try #require(rows.first { $0.hasPrefix("630102,") })
        #expect(城东区.contains(",100,"), "达标 7，不适用 1 scores 100, not 85.71: \(城东区)")
        let im = try cie(["review", "--policy", "inner-mongolia", "--data", "Samples/inner-mongolia/inner-mongolia_2018_2020.csv", "--quiet"])
        // Every “数据不足 N” lists N targets.
        for line in im.stdout.split(separator: "\n") {
            guard let range = line.range(of: #"数据不足 (\d+)"#, options: .regularExpression) else { continue }
            let n = Int(line[range].split(separator: " ").last!)!
            guard let list = line.range(of: #"数据不足：[^；]*"#, options: .regularExpression) else { continue }
            #expect(line[list].split(separator: "、").count == n, "\(line)")
        }
    }

    // MARK: 7. A session one can manage

    @Test func filesCanBeListedUnloadedAndReloaded() throws {
        let path = try temporaryFile("fix.csv", Array("region,year,indicator,value\n630121,2020,population,40\n".utf8))
        let r = try session(["load \(path)", "files", "show 大通 population",
                             "unload \(path)", "files"])
        #expect(r.stdout.contains("fix.csv") && r.stdout.contains("40"), "\(r.stdout)")
        #expect(r.stderr.hasSuffix("尚未载入文件：load 文件）\n"), "\(r.stderr)")
        let glob = try session(["load Samples/q*/qinghai_2016_2020.csv --quiet", "files"])
        #expect(glob.status == 0 && glob.stdout.contains("qinghai_2016_2020.csv"), "\(glob.stderr)")
        let read = try session([".read Samples/qinghai/monthly.cie"])
        #expect(read.status == 0, "\(read.stderr)")
        let set = try session(["set year 2019"])
        #expect(set.stderr.contains("2019") || set.stdout.contains("2019"), "set confirms what it changed")
    }

    // MARK: 9. One meaning per option

    @Test func topIsRowsShownEverywhere() throws {
        let q = ["--policy", "qinghai", "--data", "Samples/qinghai/qinghai_2016_2020.csv", "--quiet"]
        let check = try cie(["check"] + q + ["--top", "3"])
        #expect(check.stdout.split(separator: "\n").filter { $0.hasPrefix("QH-") }.count == 3)
        #expect(check.stdout.contains("共 431 项") && check.stdout.contains("按 --top 3 只列出前 3 行"))
        let compliance = try cie(["review"] + q + ["compliance", "--top", "3"])
        #expect(compliance.status == 0 && compliance.stdout.contains("另有 41 行未列出"), "\(compliance.stderr)")
        let evaluation = try cie(["review"] + q + ["evaluation", "--runs", "0", "--excellent", "10%", "--top", "2"])
        #expect(evaluation.status == 0 && evaluation.stdout.contains("优秀 5") && evaluation.stdout.contains("前 10%"), "\(evaluation.stderr)")
        let rank = try cie(["rank", "gdp", "--data", "Samples/qinghai/qinghai_wide_2020.csv", "--quiet", "--top", "2"])
        #expect(rank.stdout.split(separator: "\n").filter { $0.hasPrefix("   ") }.count == 2, "\(rank.stdout)")
    }

    // MARK: 10. Scripts

    @Test func scriptsEndWithASummaryAndStdoutHasNoBOM() throws {
        let r = try cie([], stdin: "load Samples/qinghai/qinghai_2016_2020.csv\nuse qinghai\nchek\ncheck --format csv --top 1\nbogus\ntargets\n")
        #expect(r.status == 1)
        #expect(r.stderr.hasSuffix("6 条命令中 2 条失败：第 3、5 行\n"), "\(r.stderr)")
        #expect(!r.stdout.contains("\u{FEFF}"), "no BOM on standard output")
        #expect(r.stderr.contains("已载入"))
        let quiet = try cie(["--quiet"], stdin: "load Samples/qinghai/qinghai_2016_2020.csv\n")
        #expect(quiet.status == 0 && !quiet.stderr.contains("已载入"), "\(quiet.stderr)")
        let en = try cie(["--lang", "en"], stdin: "bogus\npolicies\n")
        #expect(en.stderr.hasSuffix("1 of 2 commands failed: line 1\n"), "\(en.stderr)")
        let typo = try cie(["chek"])
        #expect(typo.status == 2 && typo.stderr.contains("未知命令“chek”（是否指 check？）"), "\(typo.stderr)")
    }

    @Test func dashCRunsCommandsLikeAScript() throws {
        let r = try cie(["-c", "load Samples/qinghai/qinghai_2016_2020.csv --quiet; use qinghai; check 大通 --target QH-06 --format json"])
        #expect(r.status == 0 && r.stdout.contains(#""target": "QH-06""#), "\(r.stderr)")
        let quoted = try cie(["-c", "explain 'QH-06'; explain \"QH-0;7\""])
        #expect(quoted.status == 1 && quoted.stderr.contains("-c:2: error:") && quoted.stderr.contains("QH-0;7"), "a ; inside quotes is a character: \(quoted.stderr)")
    }

    // MARK: 11. Exports agree

    @Test func exportsAgreeOnColumnsAndMissingValues() throws {
        let data = ["--data", "Samples/qinghai/qinghai_wide_2020.csv", "--quiet"]
        let csv = try cie(["show", "格尔木"] + data + ["--format", "csv"])
        #expect(!csv.stdout.contains("—"), "missing is empty in CSV")
        let json = try cie(["show", "格尔木"] + data + ["--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.contains { $0["2020"] is NSNumber } && !rows.contains { ($0["2020"] as? String).map { Double($0) != nil } ?? false },
                "values are numbers: \(json.stdout.prefix(300))")
        let rank = try cie(["rank", "gdp", "--format", "csv"] + data)
        let check = try cie(["check", "--policy", "qinghai", "--data", "Samples/qinghai/qinghai_2016_2020.csv", "--quiet", "--format", "csv"])
        let rankHeader = rank.stdout.split(separator: "\r\n").first ?? "", checkHeader = check.stdout.split(separator: "\r\n").first ?? ""
        #expect(rankHeader.contains("代码,地区") && checkHeader.contains("代码,地区") && !checkHeader.contains("地区代码"), "\(rankHeader) / \(checkHeader)")
    }

    @Test func junitFailsOnlyWhatCounts() throws {
        let r = try cie(["check", "--policy", "qinghai", "--data", "Samples/qinghai/qinghai_2016_2020.csv", "--quiet", "--format", "junit"])
        let failures = r.stdout.components(separatedBy: "<failure message=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!failures.isEmpty && failures.allSatisfy { $0.contains("观测值") && $0.contains("要求") }, "\(failures.prefix(2))")
        // QH-12 is encouraged: its misses are skipped as advice, not failures.
        let qh12 = r.stdout.split(separator: "\n").filter { $0.contains("classname=\"QH-12\"") }
        #expect(!qh12.isEmpty && !qh12.contains { $0.contains("<failure") })
        #expect(qh12.contains { $0.contains("<skipped message=\"鼓励性目标") })
        #expect(r.stdout.contains("<skipped message=\"数据不足"), "no_data is skipped")
    }
}
