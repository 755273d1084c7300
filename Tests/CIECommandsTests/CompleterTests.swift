import CIECommands
import Foundation
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A session with the Qinghai sample loaded and in use; output captured.
final class Captured: @unchecked Sendable {
    var out: [String] = []
    var err: [String] = []
    lazy var session: Session = Session(out: { [unowned self] in self.out.append($0) }, err: { [unowned self] in self.err.append($0) })
    var outText: String { out.joined(separator: "\n") }
    var errText: String { err.joined(separator: "\n") }

    static func qinghai() throws -> Captured {
        let c = Captured()
        _ = FileManager.default.changeCurrentDirectoryPath(packageRoot.path)
        try c.session.load(["Samples/qinghai/qinghai_2016_2020.csv"], quiet: true)
        c.session.policy = try c.session.resolvePolicy("qinghai")
        return c
    }
}

@Suite(.serialized) struct CompleterTests {
    let completer: Completer
    init() throws { completer = Completer(session: try Captured.qinghai().session) }

    func candidates(_ left: String) -> [String] { completer.complete(left).candidates }

    @Test func commandWords() {
        #expect(candidates("ch") == ["check"])
        #expect(candidates("CH") == ["check"])
        #expect(Set(candidates("e")) == ["explain", "export", "expect", "exit"])
        #expect(candidates("").count == CommandTable.words.count)
    }

    @Test func policyIdsAndChineseNames() {
        #expect(candidates("use qing") == ["qinghai"])
        #expect(candidates("use 青").contains { $0.hasPrefix("青海") })
        #expect(candidates("targets q") == ["qinghai"])
        #expect(candidates("check --policy qi") == ["qinghai"])
    }

    @Test func chineseRegionNamesIncludingShortNames() {
        #expect(candidates("check 大通") == ["大通回族土族自治县"])
        #expect(candidates("check 循化") == ["循化撒拉族自治县"])
        #expect(Set(candidates("check 城")) == ["城东区", "城中区", "城西区", "城北区"])
        #expect(candidates("show 6328") .contains("632801"))
        #expect(candidates("check --region 海西") == ["海西蒙古族藏族自治州"])
        // A unique completion replaces exactly what was typed.
        #expect(completer.complete("check 大通").typed == "大通")
    }

    @Test func regionsOutsideTheLoadedDataStillComplete() {
        // Nothing loaded is in Zhejiang; the whole table answers when the loaded units do not match.
        #expect(candidates("check 淳安") == ["淳安县"])
    }

    @Test func optionsComeFromTheCommandDefinitions() {
        #expect(candidates("check --ta") == ["--target"])
        #expect(Set(candidates("check --st")) == ["--status"])
        #expect(candidates("rank gdp --to") == ["--top"])
        #expect(candidates("use --x").isEmpty)
        let options = CommandTable.options(of: CheckCommand.self)
        for name in ["--year", "--target", "--status", "--region", "--format", "--output", "--data", "--policy", "--lang"] {
            #expect(options.contains { $0.name == name && $0.takesValue }, "check has \(name)")
        }
        #expect(options.contains { $0.name == "--no-color" && !$0.takesValue })
    }

    @Test func optionValues() {
        #expect(candidates("check --target QH-1").sorted() == ["QH-10", "QH-11", "QH-12", "QH-13", "QH-14", "QH-15", "QH-16"])
        #expect(candidates("check --format j") == ["json", "junit"])
        #expect(candidates("rank gdp --format j") == ["json"])
        #expect(Set(candidates("check --status n")) == ["not_met", "no_data", "not_applicable"])
        #expect(candidates("check --year 201").first == "2019")
        #expect(!candidates("check --year ").contains("latest"))  // check --year takes a number
        #expect(candidates("set year l") == ["latest"])
        #expect(candidates("check --lang e") == ["en"])
        // After an option's value, positionals again.
        #expect(candidates("check --year 2020 大通") == ["大通回族土族自治县"])
    }

    @Test func positionalsByCommand() {
        #expect(candidates("explain QH-0").count == 9)
        #expect(candidates("rank science_l") == ["science_literacy_rate"])
        #expect(candidates("rank 具备基本") == ["具备基本科学素质的公民比例"])
        #expect(candidates("show 大通回族土族自治县 rd_e") == ["rd_expenditure"])
        #expect(candidates("help ra") == ["rank"])
        #expect(candidates("set fo") == ["format"])
        #expect(candidates("set format m") == ["markdown"])
        #expect(Set(candidates("expect QH-06 大通回族土族自治县 no")) == ["not_met", "not_applicable", "no_data"])
        #expect(candidates("review c") == ["compliance"])
        #expect(candidates("quit x").isEmpty)
    }

    @Test func filePathsAfterLoad() {
        let r = completer.complete("load Samples/qingh")
        #expect(r.candidates == ["Samples/qinghai/"])
        #expect(!r.isWord)  // a directory: no space after it
        let files = completer.complete("load Samples/qinghai/qinghai_2016")
        #expect(files.candidates == ["Samples/qinghai/qinghai_2016_2020.csv"])
        #expect(files.isWord)
        #expect(candidates("export Samples/qinghai/EXP") == ["Samples/qinghai/EXPECTED.md"])
    }

    @Test func nothingCompletesAfterAContinuationBackslash() {
        #expect(candidates("show 大通\\").isEmpty)
        #expect(candidates("export /tmp/sp\\ ").isEmpty)
    }

    @Test func aDirectoryWithASpaceKeepsItsQuoteOpen() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cie-dir-\(getpid())/sp ace")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: dir.appendingPathComponent("x.csv").path, contents: Data())
        let parent = dir.deletingLastPathComponent().path
        let first = completer.complete("load \(parent)/sp")
        #expect(first.candidates == ["\"\(parent)/sp ace/"])
        #expect(!first.isWord)
        // The next Tab goes on inside the open quote and closes it.
        let second = completer.complete("load " + first.candidates[0])
        #expect(second.candidates == ["\"\(parent)/sp ace/x.csv\""])
        #expect(second.typed == first.candidates[0])
    }

    @Test func candidatesWithSpacesAreQuoted() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cie-completer-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: dir.appendingPathComponent("my data.csv").path, contents: Data())
        let r = completer.complete("load \(dir.path)/my")
        #expect(r.candidates == ["\"\(dir.path)/my data.csv\""])
    }

    /// With every sample loaded, a Tab after a region offers the current policy's units, not every province's.
    @Test func theCurrentJurisdictionComesFirst() throws {
        let c = Captured()
        _ = FileManager.default.changeCurrentDirectoryPath(packageRoot.path)
        try c.session.load(["Samples/qinghai/qinghai_2016_2020.csv", "Samples/jilin/jilin_2017_2020.csv", "Samples/zhejiang/zhejiang_2018_2022.csv"], quiet: true)
        c.session.policy = try c.session.resolvePolicy("qinghai")
        let completer = Completer(session: c.session)
        let next = completer.complete("check 大通回族土族自治县 ").candidates
        #expect(!next.isEmpty && next.allSatisfy { c.session.regions[try! c.session.resolveRegion($0)].code.hasPrefix("63") }, "\(next.prefix(5))")
        // A unit of another province is still found by its name.
        #expect(completer.complete("check 淳安").candidates == ["淳安县"])
    }

    /// “Did you mean” offers at most three, nearest first, the current policy's before the others'.
    @Test func didYouMeanIsShortAndNearestFirst() throws {
        let c = try Captured.qinghai()
        let (i, _) = script(c, ["explain QH-99"])
        #expect(i.failures == 1)
        let suggestion = try #require(c.errText.range(of: #"（是否指 [^？]*？）"#, options: .regularExpression).map { String(c.errText[$0]) })
        let names = suggestion.dropFirst("（是否指 ".count).dropLast(2).split(separator: "、")
        #expect(names.count <= 3 && names.first == "QH-09", "\(suggestion)")
    }
}
