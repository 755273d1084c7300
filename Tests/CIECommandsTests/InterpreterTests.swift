import ArgumentParser
@testable import CIECommands
import CIECore
import CIEReport
import Foundation
import Testing

/// Runs lines as a script named "t.cie" and returns whether it finished.
@discardableResult
func script(_ c: Captured, _ lines: [String], bail: Bool = false, echo: Bool = false) -> (Interpreter, Bool) {
    let interpreter = Interpreter(session: c.session)
    var it = lines.makeIterator()
    let finished = interpreter.runScript(name: "t.cie", nextLine: { it.next() }, bail: bail, echo: echo)
    return (interpreter, finished)
}

@Suite(.serialized) struct InterpreterTests {
    @Test func aBadCommandIsReportedWithItsLineAndTheScriptGoesOn() throws {
        let c = try Captured.qinghai()
        let (i, finished) = script(c, ["policies", "", "# comment", "chek", "targets"])
        #expect(finished)
        #expect(i.failures == 1)
        #expect(c.errText.contains("t.cie:4: error: 未知命令“chek”（是否指 check？）"))
        c.session.language = .en
        script(c, ["chek"])
        #expect(c.errText.contains("t.cie:1: error: unknown command “chek”: did you mean check?"))
        #expect(c.outText.contains("QH-12"))  // `targets` ran after the error
    }

    @Test func bailStopsAtTheFirstFailure() throws {
        let c = try Captured.qinghai()
        let (i, finished) = script(c, ["check --yaer 2020", "targets"], bail: true)
        #expect(!finished)
        #expect(i.failures == 1)
        #expect(c.errText.contains("t.cie:1: error: 未知选项 --yaer（是否指 --year？）（help check 查看用法）"), "ArgumentParser's message, in Chinese")
        #expect(!c.outText.contains("QH-12"))
    }

    @Test func continuedLinesRunAsOneAndErrorsNameTheFirstLine() throws {
        let c = try Captured.qinghai()
        let (i, _) = script(c, ["check 大通 \\", "   --target QH-06 \\", "   --format json", "nosuch \\", "  more"])
        #expect(i.failures == 1)
        #expect(c.outText.contains(#""target": "QH-06""#))
        #expect(c.errText.contains("t.cie:4: error: 未知命令“nosuch”"))
    }

    @Test func aFailedLoadLeavesTheSessionAsItWas() throws {
        let c = try Captured.qinghai()
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("cie-bad-\(getpid()).csv")
        try Data("region,year,indicator,value\n630121,2020,gdp,12\n630121,2021,gdp,abc\n".utf8).write(to: bad)
        func values() -> Int { (0..<Int32(c.session.catalogue.count)).reduce(0) { $0 + c.session.store.count(of: $1) } }
        let (before, files) = (values(), c.session.loadedFiles.count)
        let (i, _) = script(c, ["load \(bad.path)"])
        #expect(i.failures == 1)
        #expect(c.errText.contains("\(bad.path):3:"))
        #expect(values() == before)
        #expect(c.session.loadedFiles.count == files)
        #expect(c.session.store.latestYear == 2020)
    }

    @Test func expectPassesAndFails() throws {
        let c = try Captured.qinghai()
        var (i, _) = script(c, ["check", "expect QH-06 大通 met", "expect QH-06 贵德县 达标", "expect QH-08 青海省 not_met", "rank gdp",
                                "expect QH-06 久治县 no_data"])
        #expect(i.failures == 0, "\(c.errText)")
        (i, _) = script(c, ["expect QH-06 刚察县 met"])
        #expect(i.failures == 1)
        #expect(c.errText.contains("预期 QH-06 在 刚察县 为 达标（met），实际为 未达标（not_met）（观测值 4.49"))
        (i, _) = script(c, ["check --target QH-02", "expect QH-06 大通 met"])
        #expect(i.failures == 1)
        #expect(c.errText.contains("上一次 check 没有 QH-06"), "\(c.errText)")
    }

    @Test func expectNeedsACheck() throws {
        let c = try Captured.qinghai()
        let (i, _) = script(c, ["expect QH-06 大通 met"])
        #expect(i.failures == 1)
        #expect(c.errText.contains("expect 需要先有 check 的结果：在它之前运行 check"))
    }

    @Test func commandWordsAreCaseInsensitiveAndHelpWorks() throws {
        let c = try Captured.qinghai()
        let (i, _) = script(c, ["TARGETS", "Help rank", "rank --help", "help nosuch"])
        #expect(i.failures == 1)
        #expect(c.outText.contains("QH-01"))
        #expect(c.outText.contains("rank：按一个指标对单位排序"), "help in Chinese")
        #expect(c.outText.contains("--top <N>") && c.outText.contains("只显示前 N 行"))
        #expect(c.errText.contains("t.cie:4: error: 未知命令“nosuch”"))
        c.session.language = .en
        script(c, ["help rank"])
        #expect(c.outText.contains("Order units by an indicator"))
    }

    @Test func verdictsAreNotFailuresButErrorsAre() throws {
        let c = try Captured.qinghai()
        // The sample has not_met results: check still succeeds as a command.
        var (i, _) = script(c, ["check"])
        #expect(i.failures == 0)
        (i, _) = script(c, ["check --status bogus"])
        #expect(i.failures == 1)
        #expect(c.errText.contains("未知的状态“bogus”"))
    }

    @Test func optionsOfACommandLastForThatCommand() throws {
        let c = try Captured.qinghai()
        script(c, ["targets --lang en"])
        #expect(c.outText.contains("scope"))
        #expect(c.session.language == .zh)
        script(c, ["set lang en"])
        #expect(c.session.language == .en)
    }

    @Test func settings() throws {
        let c = try Captured.qinghai()
        let (i, _) = script(c, ["set year 2019", "set format json", "set color off", "set", "set year latest", "set year 3000", "set nosuch 1"])
        #expect(i.failures == 2)
        #expect(c.session.year == nil)
        #expect(c.session.format == "json")
        #expect(c.errText.contains("年份 3000 超出范围"), "\(c.errText)")
        #expect(c.errText.contains("未知的设置“nosuch”"), "\(c.errText)")
    }

    @Test func exportWritesTheLastResultInTheFormatOfTheExtension() throws {
        let c = try Captured.qinghai()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cie-export-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let (i, _) = script(c, ["export \(dir.path)/none.csv", "check --target QH-06", "export \(dir.path)/r.json", "export \(dir.path)/r.csv",
                                "rank gdp --top 3", "export \(dir.path)/rank.md", "export \(dir.path)/r.xyz"])
        #expect(i.failures == 2)  // nothing to export yet; unknown extension
        let json = try String(contentsOf: dir.appendingPathComponent("r.json"), encoding: .utf8)
        #expect(json.contains(#""target": "QH-06""#))
        let csv = try Data(contentsOf: dir.appendingPathComponent("r.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let md = try String(contentsOf: dir.appendingPathComponent("rank.md"), encoding: .utf8)
        #expect(md.contains("| 1 |") || md.contains("| 1 "))
        #expect(c.errText.contains("还没有可导出的结果"))
        #expect(c.errText.contains(".json、.csv、.md、.html"), "\(c.errText)")
    }

    @Test func everyListingIsExportable() throws {
        let c = try Captured.qinghai()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cie-lists-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let (i, _) = script(c, ["targets", "export \(dir.path)/targets.csv", "policies", "export \(dir.path)/policies.json"])
        #expect(i.failures == 0, "\(c.errText)")
        #expect(try String(contentsOf: dir.appendingPathComponent("targets.csv"), encoding: .utf8).contains("QH-12"))
        #expect(try String(contentsOf: dir.appendingPathComponent("policies.json"), encoding: .utf8).contains(#""id": "qinghai""#))
    }

    @Test func quitEndsTheScript() throws {
        let c = try Captured.qinghai()
        let (i, finished) = script(c, ["quit", "targets"])
        #expect(!finished)
        #expect(i.failures == 0)
        #expect(!c.outText.contains("QH-01"))
    }

    @Test func echoPrintsEachCommand() throws {
        let c = try Captured.qinghai()
        script(c, ["# not echoed", "policies  "], echo: true)
        #expect(c.out.first == "> policies")
    }

    @Test func hintsInASessionNameSessionCommands() throws {
        let c = Captured()
        c.session.inSession = true
        let (i, _) = script(c, ["check", "use qinghai", "check", "targets nope"])
        #expect(i.failures == 3)
        #expect(c.errText.contains("未选择政策：先输入 use P"))
        #expect(c.errText.contains("尚未载入数据：先用 load 文件 载入"), "\(c.errText)")
        #expect(c.errText.contains("policies 列出全部") && c.errText.contains("load-policy 路径"))
        #expect(!c.errText.contains("--data") && !c.errText.contains("`cie "))
    }

    @Test func anUnknownPolicyOptionIsAnErrorEvenWhereUnread() throws {
        let c = try Captured.qinghai()
        let (i, _) = script(c, ["rank gdp --policy nope", "show 大通 gdp --policy nope", "rank gdp --top 1 --policy 青海"])
        #expect(i.failures == 2)
        #expect(c.errText.contains("未知的政策“nope”"))
    }

    @Test func longContinuedCommandsJoinInLinearTime() throws {
        let c = try Captured.qinghai()
        let lines = ["targets \\"] + Array(repeating: "  \\", count: 20_000) + ["  qinghai"]
        let clock = ContinuousClock()
        let elapsed = clock.measure { script(c, lines) }
        #expect(c.outText.contains("QH-12"))
        #expect(elapsed < .seconds(5), "20,000 continuation lines took \(elapsed)")
    }

    @Test func rankAndShowAnswerFromTheWideYearbookFile() throws {
        let c = Captured()
        _ = FileManager.default.changeCurrentDirectoryPath(packageRoot.path)
        let (i, _) = script(c, ["load Samples/qinghai/qinghai_wide_2020.csv", "rank gdp --top 3", "show 格尔木 gdp"])
        #expect(i.failures == 0, "\(c.errText)")
        let lines = c.out.joined(separator: "\n").split(separator: "\n").map(String.init)
        // The top three by 地区生产总值 in the file, largest first.
        let ranked = lines.filter { $0.hasPrefix("   1") || $0.hasPrefix("   2") || $0.hasPrefix("   3") }
        #expect(ranked.count == 3)
        #expect(ranked.first?.contains("格尔木市") == true)
        #expect(ranked.first?.contains("4,275,655") == true, "万元 with thousands separators")
        // The value, then the sparkline of its one year.
        #expect(lines.contains { $0.hasPrefix("gdp") && $0.hasSuffix("4,275,655  ▄") }, "\(lines)")
        // The 科技创新驱动试点县 column has empty cells: those are missing values, not zeros.
        #expect(!c.errText.contains("error"))
    }

    @Test func rankTiesShareARank() throws {
        let c = try Captured.qinghai()
        script(c, ["rank science_literacy_rate --top 3"])
        let rows = c.out.joined(separator: "\n").split(separator: "\n").filter { $0.contains("5.99") }
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.hasPrefix("   1") })
    }

    @Test func historyPathFollowsTheSpec() {
        #expect(Shell.historyPath(["CIE_HISTORY": "/x/h", "XDG_STATE_HOME": "/s", "HOME": "/home/a"]) == "/x/h")
        #expect(Shell.historyPath(["XDG_STATE_HOME": "/s", "HOME": "/home/a"]) == "/s/cie/history")
        #expect(Shell.historyPath(["HOME": "/home/a"]) == "/home/a/.cie_history")
    }

    @Test func everyCommandOfTheSpecIsInTheTable() {
        for word in ["help", "load", "regions", "indicators", "show", "policies", "use", "targets", "explain", "check", "review",
                     "rank", "set", "export", "expect", "files", "unload", "reload", "source", ".read", "load-policy", "clear", "quit", "exit"] {
            #expect(CommandTable.command(named: word) != nil, "\(word)")
        }
        #expect(Set(CommandTable.words).count == CommandTable.words.count)
    }

    /// The Chinese help cannot drift from the definitions: every command of the REPL and the command line, and every
    /// argument it displays, has its Chinese text; a new option without one fails here.
    @Test func everyCommandAndArgumentHasItsChineseHelp() {
        func walk(_ type: any ParsableCommand.Type, _ path: String, _ visit: (any ParsableCommand.Type, String) -> Void) {
            visit(type, path)
            for sub in type.configuration.subcommands {
                let name = sub.configuration.commandName ?? ""
                walk(sub, path == "cie" ? name : path + " " + name, visit)
            }
        }
        var all: [(any ParsableCommand.Type, String)] = CommandTable.commands.map { ($0, $0.configuration.commandName ?? "") }
        walk(CIE.self, "cie") { all.append(($0, $1)) }
        for (type, path) in all {
            #expect(ChineseHelp.abstract(path) != nil, "“\(path)” has no Chinese summary")
            for a in CommandTable.describe(type) where a.shouldDisplay {
                #expect(ChineseHelp.text(of: a, in: path) != nil, "“\(path)”: \(a.key ?? "?") has no Chinese help")
            }
            let help = ChineseHelp.help(for: type, path: path, prefix: "", columns: 100)
            #expect(!help.contains("OVERVIEW") && !help.contains("USAGE"), "\(path)")
            // The examples come from the English definition.
            for example in ChineseHelp.examples(type.configuration.discussion) { #expect(help.contains(example), "\(path): \(example)") }
        }
        // A command's own help is longer than its summary: usage, options and examples.
        let check = ChineseHelp.help(for: CheckCommand.self, path: "check", prefix: "", columns: 100)
        #expect(check.contains("用法：check [选项] [<REGION> ...]"))
        #expect(check.contains("--status <S>"))
        #expect(check.contains("例子："))
    }

    @Test func helpTextsWrapByDisplayWidth() {
        let lines = DisplayWidth.wrap("退出码：0 约束性、力争目标全部达标或进度达标；1 有未达标或进度滞后；3 无未达标但有数据不足", to: 20)
        #expect(DisplayWidth.wrap("one two three", to: 7) == ["one two", "three"])
        #expect(lines.count > 1)
        for line in lines { #expect(DisplayWidth.of(line) <= 20, "\(line)") }
        let text = "退出码：0 约束性、力争目标全部达标或进度达标；1 有未达标或进度滞后；3 无未达标但有数据不足"
        #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
    }

    /// `reload` reads a corrected file again: its values replace its own, with no conflict; `unload` removes them;
    /// `files` lists what is loaded.
    @Test func aCorrectedFileIsReloadedAndAnUnloadedOneIsGone() throws {
        let c = try Captured.qinghai()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cie-reload-\(getpid()).csv").path
        try Data("region,year,indicator,value\n630121,2020,population,40\n".utf8).write(to: URL(fileURLWithPath: path))
        var (i, _) = script(c, ["load \(path)", "files"])
        #expect(i.failures == 0 && c.outText.contains("cie-reload-"), "\(c.errText)")
        let population = c.session.catalogue.lookup("population")!
        let 大通 = try c.session.resolveRegion("大通")
        #expect(c.session.store.value(population, 大通, 2020) == 40)
        try Data("region,year,indicator,value\n630121,2020,population,41\n".utf8).write(to: URL(fileURLWithPath: path))
        (i, _) = script(c, ["load \(path)"])
        #expect(i.failures == 1 && c.errText.contains("reload"), "a second load of a changed file conflicts and says what to do: \(c.errText)")
        (i, _) = script(c, ["reload \(path)"])
        #expect(i.failures == 0, "\(c.errText)")
        #expect(c.session.store.value(population, 大通, 2020) == 41)
        #expect(c.session.store.value(c.session.catalogue.lookup("gdp")!, 大通, 2020) != nil, "the other file is still loaded")
        (i, _) = script(c, ["unload \(path)"])
        #expect(i.failures == 0 && c.session.store.value(population, 大通, 2020) == nil)
        (i, _) = script(c, ["unload all", "files"])
        #expect(i.failures == 0 && c.session.store.isEmpty && c.session.loadedFiles.isEmpty)
        (i, _) = script(c, ["unload nosuch.csv"])
        #expect(i.failures == 1)
    }

    @Test func setConfirmsWhatItChanged() throws {
        let c = try Captured.qinghai()
        script(c, ["set year 2019", "set format json", "set lang en", "set year latest"])
        #expect(c.errText.contains("评估年份：2019 年"), "\(c.errText)")
        #expect(c.errText.lowercased().contains("json"))
        #expect(c.errText.contains("latest"), "\(c.errText)")
    }
}

/// `draft TEXT` in a session (Docs/Drafting.md): the review table, the draft loaded for `explain` and `use`, and no file
/// written without --out.
@Suite(.serialized) struct DraftInSessionTests {
    @Test func draftThenExplainShowsWhy() throws {
        let c = try Captured.qinghai()
        c.session.inSession = true
        let (i, _) = script(c, ["draft Samples/qinghai/text.txt --id qh-draft --prefix QD", "explain QD-01", "use qh-draft", "targets"])
        #expect(i.failures == 0, "\(c.errText)")
        #expect(c.outText.contains("QD-01") && c.outText.contains("全省７０％以上的县（市、区）建设省级高新技术产业开发区或农业科技园区"))
        #expect(c.outText.contains("草拟依据（请核对）：条件：“70%以上的县”"), "explain shows which words proposed each part")
        #expect(c.outText.contains("草拟：是（draft: true）"))
        #expect(c.errText.contains("未写出文件：用 --out 目录 写出策略包"))
        #expect(!FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent("qh-draft").path))
    }

    /// The review table's requirement is the package's own (`Target.requirement`, as `targets` shows it), in the
    /// session's language; the drafted English title is made of it.
    @Test func theReviewTableSaysTheRequirementInTheSessionsLanguage() throws {
        let c = try Captured.qinghai()
        c.session.inSession = true
        c.session.language = .en
        let (i, _) = script(c, ["draft Samples/qinghai/text.txt --id qh-draft --prefix QD --format csv", "use qh-draft", "targets --format csv"])
        #expect(i.failures == 0, "\(c.errText)")
        let lines = c.outText.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        let drafted = lines.first { $0.hasPrefix("QD-01,") }, listed = lines.last { $0.hasPrefix("QD-01,") }
        #expect(drafted?.contains("≥ 70% of units") == true, "\(drafted ?? c.outText)")
        #expect(listed?.contains("≥ 70% of units") == true, "targets says the same: \(listed ?? c.outText)")
        #expect(!c.outText.contains("的单位"), "no Chinese requirement under --lang en")
        #expect(drafted?.contains(",0.87,") == true || drafted?.contains(",0.95,") == true, "the confidence is a rounded number: \(drafted ?? "")")
        #expect(!c.outText.contains("00000000"), "no unrounded confidence in the CSV")
        let package = try c.session.resolvePolicy("qh-draft")
        #expect(package.targets[0].title.en.hasPrefix("draft: " + package.targets[0].requirement.en), "\(package.targets[0].title.en)")
    }

    @Test func aTextThatNamesNoPlaceSaysWhereAndWhatToDo() throws {
        let c = try Captured.qinghai()
        let (i, _) = script(c, ["draft Samples/inner-mongolia/text.txt"])
        #expect(i.failures == 1)
        #expect(c.errText.contains("Samples/inner-mongolia/text.txt:1:1: error: 无法从正文判断文件的辖区：用 --region 指定"))
        #expect(c.errText.contains("t.cie:1: error: 未草拟：按上一行修正后重试"))
    }

    @Test func draftWritesAPackageThatReadsBackAndRefusesToOverwrite() throws {
        let c = try Captured.qinghai()
        c.session.inSession = true
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cie-draft-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (i, _) = script(c, ["draft Samples/zhejiang/text.txt --id zj-draft --out \(dir)", "draft Samples/zhejiang/text.txt --id zj-draft --out \(dir)",
                                "draft Samples/zhejiang/text.txt --id zj-draft --out \(dir) --force"])
        #expect(i.failures == 1, "the second draft refuses to overwrite without --force")
        #expect(c.errText.contains("t.cie:2: error: \(dir) 中已有策略包文件：换一个 --out，或加 --force 覆盖 policy.yaml 和 text.txt"))
        let package = try readPackage(dir).get()
        #expect(package.id == "zj-draft" && package.targets.count >= 14 && package.targets.allSatisfy { $0.isDraft })
        let yaml = try String(contentsOfFile: dir + "/policy.yaml", encoding: .utf8)
        #expect(yaml.contains("number: \"浙政办发〔2019〕11号\"") && yaml.contains("draft: true"))
    }
}
