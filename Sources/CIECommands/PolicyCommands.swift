import ArgumentParser
import CIECore
import CIEData
import CIEPolicyFormat
import Foundation

/// `cie policy new | lint | test | draft`: the tools of a package author (Docs/WritingAProvinceModule.md).
public struct PolicyCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Write and check policy packages: scaffold one, lint it, run its examples and sample, draft one from a text.",
        discussion: """
            Examples:
              cie policy new sichuan --name 四川省 --region 510000 --dir ~/policies
              cie policy lint ~/policies/sichuan
              cie policy test ~/policies/sichuan Samples/qinghai
              cie policy draft 实施意见.txt --id sichuan --region 510000 --out ~/policies/sichuan
            """,
        subcommands: [PolicyNewCommand.self, PolicyLintCommand.self, PolicyTestCommand.self, DraftCommand.self])
    public init() {}
}

/// A package folder given on the command line, read (or every problem it has).
func readPackage(_ path: String) -> Result<PolicyPackage, PackageFailure> {
    let files = DirectoryFiles(expandingTilde(path))
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: files.root, isDirectory: &isDirectory), isDirectory.boolValue else {
        return .failure(PackageFailure([Diagnostic(file: path, line: 0, column: 0, LocalizedText(
            zh: "不是文件夹：策略包是一个含 policy.yaml 的文件夹", en: "not a folder: a policy package is a folder with a policy.yaml"))]))
    }
    return PackageParser.parse(files, origin: .file(path), regions: BuiltinRegions.table)
}

public struct PolicyLintCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lint", abstract: "Check packages: declarations, regions, quotations against the package's text, examples' coverage, placeholders.",
        discussion: "Exit 0 when no package has an error (warnings are printed), 1 when any has, 2 on a usage error.")
    @OptionGroup public var global: GlobalOptions
    @Argument(help: ArgumentHelp("Package folders.", valueName: "PATH")) public var paths: [String]
    public init() {}

    public mutating func run() throws {
        let l = global.lang ?? .zh
        var errors = 0, warnings = 0
        for path in paths {
            let found: [Diagnostic]
            switch readPackage(path) {
            case .failure(let f): found = f.diagnostics
            case .success(let p): found = PackageChecks.lint(p)
            }
            for d in found { Output.errorLine(d.render(l)) }
            errors += found.filter { $0.severity == .error }.count
            warnings += found.filter { $0.severity == .warning }.count
        }
        let n = paths.count
        Output.line(l == .zh ? "policy lint：\(n) 个策略包，\(errors) 个错误，\(warnings) 个警告" + (errors > 0 ? "：按以上各行修改后再检查" : "")
                             : "policy lint: \(n) package\(n == 1 ? "" : "s"), \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")" + (errors > 0 ? ": fix the lines above and lint again" : ""))
        Output.flush()
        if errors > 0 { throw ExitCode(1) }
    }
}

public struct PolicyTestCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Run packages' worked examples and their sample scripts (the `expect` lines).",
        discussion: """
            Each example is evaluated alone on its data; the sample's script runs in a fresh session with the package \
            loaded (its relative paths start from the script's folder). Exit 0 when all pass, 1 when any fails.
            """)
    @OptionGroup public var global: GlobalOptions
    @Argument(help: ArgumentHelp("Package folders.", valueName: "PATH")) public var paths: [String]
    @Flag(help: "Print the sample scripts' output too.") public var verbose = false
    public init() {}

    public mutating func run() throws {
        let l = global.lang ?? .zh
        var passed = 0, failed = 0, scripts = 0, scriptFailures = 0, unreadable = 0
        for path in paths {
            let package: PolicyPackage
            switch readPackage(path) {
            case .failure(let f):
                for d in f.diagnostics { Output.errorLine(d.render(l)) }
                unreadable += 1
                continue
            case .success(let p): package = p
            }
            for outcome in PackageChecks.runExamples(package) {
                if outcome.passed { passed += 1 } else {
                    failed += 1
                    for d in outcome.failures { Output.errorLine(d.render(l)) }
                }
            }
            if let script = package.sample?.script {
                scripts += 1
                if !runSample(package, script: script, language: l) { scriptFailures += 1 }
            }
        }
        let ok = failed == 0 && scriptFailures == 0 && unreadable == 0
        let n = paths.count
        Output.line(l == .zh
            ? "policy test：\(n) 个策略包，示例 \(passed) 个通过、\(failed) 个失败；自检脚本 \(scripts - scriptFailures)/\(scripts) 通过" + (unreadable > 0 ? "；\(unreadable) 个策略包无法读取" : "") + (ok ? "" : "：见以上各行")
            : "policy test: \(n) package\(n == 1 ? "" : "s"), examples \(passed) passed, \(failed) failed; sample scripts \(scripts - scriptFailures)/\(scripts) passed" + (unreadable > 0 ? "; \(unreadable) package\(unreadable == 1 ? "" : "s") did not read" : "") + (ok ? "" : ": see the lines above"))
        Output.flush()
        if !ok { throw ExitCode(1) }
    }

    /// Runs the sample script in a fresh session that has the package (and the sample's data files, listed in
    /// `sample.data`, are only checked to exist: the script loads what it needs). Errors go to stderr as FILE:LINE.
    func runSample(_ package: PolicyPackage, script: String, language: Language) -> Bool {
        let path = package.files.display(script)
        guard let reader = LineReader(path: path) else {
            Output.errorLine("\(path): error: " + (language == .zh ? "无法读取自检脚本" : "cannot read the sample script"))
            return false
        }
        let verbose = self.verbose
        // Quiet unless --verbose: only the script's errors (a failed expect among them) are shown.
        let session = Session(out: { if verbose { Output.line($0) } }, err: { if verbose || $0.contains("error:") { Output.errorLine($0) } })
        session.language = language
        session.inSession = true
        do {
            try session.policies.include(package, replacing: true)
        } catch let failure {
            for d in failure.diagnostics { Output.errorLine(d.render(language)) }
            return false
        }
        let interpreter = Interpreter(session: session)
        interpreter.runScript(name: path, nextLine: reader.next, bail: false, echo: verbose,
                              directory: folder(of: path))
        return interpreter.failures == 0
    }
}

public struct PolicyNewCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Scaffold a policy package: policy.yaml with one target and its examples, the text, a sample script.",
        discussion: """
            The package lints only once its placeholders (TODO) are replaced from the document: that is the next step.
            Example: cie policy new sichuan --name 四川省 --region 510000 --dir ~/policies
            """)
    @OptionGroup public var global: GlobalOptions
    @Argument(help: ArgumentHelp("The package id: lower-case letters, digits, hyphens (sichuan).", valueName: "ID")) public var id: String
    @Option(help: ArgumentHelp("The jurisdiction's Chinese name (四川省).", valueName: "NAME")) public var name: String
    @Option(help: ArgumentHelp("The jurisdiction's division code (510000).", valueName: "CODE")) public var region: String
    @Option(help: ArgumentHelp("The folder to write the package in (default: the current one).", valueName: "DIR")) public var dir: String = "."
    @Option(help: ArgumentHelp("The target id prefix (default: the initials of the id's pinyin syllables: sichuan → SC, inner-mongolia → IM).", valueName: "PREFIX")) public var prefix: String?
    public init() {}

    public mutating func run() throws {
        let zh = (global.lang ?? .zh) == .zh
        if !NameShape.isID(id) {
            fail(zh ? "id “\(id)”应由小写字母、数字和连字符组成，以字母开头（如 sichuan、inner-mongolia）"
                    : "the id “\(id)” takes lower-case letters, digits and hyphens, starting with a letter (sichuan, inner-mongolia)")
        }
        if let prefix, !(1...6).contains(prefix.count) || !prefix.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            fail(zh ? "--prefix 取 1 到 6 个大写字母（如 SC）" : "--prefix takes 1 to 6 capital letters (SC)")
        }
        let regions = BuiltinRegions.table
        guard let area = regions.index(code: region) else {
            let near = regions.suggestions(for: region).map { regions.describeWithProvince($0) }
            fail(zh ? "区划代码 \(region) 不在区划表中" + (near.isEmpty ? "" : "（是否指 \(near.joined(separator: "、"))？）") + "：用 cie regions --all 查找"
                    : "the division code \(region) is not in the region table" + (near.isEmpty ? "" : " (did you mean \(near.joined(separator: " or "))?)") + ": find it with cie regions --all")
        }
        let latest = 2024
        let units = regions.units(under: area, in: latest).filter { regions.type(of: $0, in: latest).isUnit && regions.type(of: $0, in: latest) != .zone }
        guard units.count >= 3 else {
            fail(zh ? "\(regions.describe(area)) 之下不足三个县级单位：策略包的管辖地应是省或地级地区"
                    : "\(regions.describe(area)) has fewer than three county-level units: a package's jurisdiction is a province or prefecture")
        }
        let folder = joinPath(expandingTilde(dir), id)
        let fm = FileManager.default
        if fm.fileExists(atPath: folder), !((try? fm.contentsOfDirectory(atPath: folder)) ?? []).isEmpty {
            fail(zh ? "\(folder) 已存在且不为空：换一个 --dir，或先移走它" : "\(folder) exists and is not empty: choose another --dir, or move it away first")
        }
        let scaffold = PackageScaffold(id: id, name: name, code: regions[area].code, prefix: prefix ?? PackageScaffold.prefix(for: id),
                                       first: regions[units[0]], second: regions[units[1]], third: regions[units[2]])
        do {
            for (path, text) in scaffold.files {
                let full = joinPath(folder, path)
                try fm.createDirectory(atPath: CIECommands.folder(of: full), withIntermediateDirectories: true)
                try text.write(toFile: full, atomically: true, encoding: .utf8)
                Output.line(zh ? "已写入 \(full)" : "created \(full)")
            }
        } catch {
            fail(zh ? "无法写入 \(folder)：\(systemErrorText(error, .zh))；检查权限或换一个 --dir" : "cannot write \(folder): \(systemErrorText(error, .en)); check its permissions or choose another --dir")
        }
        Output.line(zh ? """
            下一步：把文件全文放入 \(folder)/text.txt，按原文改写 policy.yaml 中的 TODO（格式见 Docs/PolicyFormat.md），然后
              cie policy lint \(folder)
              cie policy test \(folder)
            """ : """
            Next: put the document's full text in \(folder)/text.txt and replace the TODOs in policy.yaml from the document (format: Docs/PolicyFormat.md), then
              cie policy lint \(folder)
              cie policy test \(folder)
            """)
        Output.flush()
    }

    private func fail(_ message: String) -> Never {
        Output.errorLine("error: " + message)
        Output.flush()
        Foundation.exit(2)
    }
}

/// The files `cie policy new` writes: a package that reads and passes `policy test` as it is (its example and sample
/// work), and fails `policy lint` until every TODO is replaced.
struct PackageScaffold {
    /// Target ids' default prefix: the initials of a hyphenated id's words (inner-mongolia → IM), else of the first two
    /// pinyin syllables (sichuan → SC, qinghai → QH, zhejiang → ZJ, anhui → AH).
    static func prefix(for id: String) -> String {
        let words = id.split(separator: "-")
        if words.count > 1 { return String(words.prefix(3).compactMap(\.first)).uppercased() }
        let letters = Array(id)
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "v"]
        func vowel(_ k: Int) -> Bool { k < letters.count && vowels.contains(letters[k]) }
        // The first syllable: its initial, its vowels, and a final -n or -ng (one not followed by a vowel).
        var k = 0
        while k < letters.count, !vowel(k) { k += 1 }
        while vowel(k) { k += 1 }
        if k < letters.count, letters[k] == "n", !vowel(k + 1) {
            k += 1
            if k < letters.count, letters[k] == "g", !vowel(k + 1) { k += 1 }
        }
        if k < letters.count, letters[k].isLetter { return (String(letters[0]) + String(letters[k])).uppercased() }
        return String(id.prefix(2)).uppercased()
    }

    var id: String
    var name: String
    var code: String
    var prefix: String
    var first: Region
    var second: Region
    var third: Region

    var files: [(String, String)] {
        let t = PackageChecks.placeholder
        let policy = """
            # cie policy package (format: Docs/PolicyFormat.md; the JSON Schema, Docs/policy.schema.json, lets an editor check it).
            # Replace every \(t) from the document, then: cie policy lint . && cie policy test .
            format: 1
            id: \(id)
            name: {zh: \(name), en: "\(t) English name"}
            aliases: []
            document:
              number: "\(t) 文号，如 川办发〔2018〕60号"
              title: "\(t) 文件标题"
              issuer: "\(t) 发文机关"
              issued: "\(t) 成文日期，如 2018-06-30"
              status: in_force            # or draft, for a draft for comment
              jurisdiction: "\(code)"
              text: text.txt              # the document's full text: quotations are checked against it
            targets:
              - id: \(prefix)-01
                title: {zh: "\(t) 目标的简称", en: "\(t) short title"}
                clause: "\(t) 条款，如 二(一)"
                original: "\(t) 逐字照抄原文中的句子"
                scope: county             # county, prefecture or jurisdiction
                # \(t) the condition: at_least, at_most, range, exists, share, mean, avg_annual_increase, multiple,
                # non_decreasing, increasing, every_year_at_least, all, any (Docs/PolicyFormat.md, "Conditions")
                condition: {at_least: rd_intensity, value: 2}
                deadline: 2020
                strength: binding         # binding, striving or encouraged
                reading: {zh: "\(t) 如何解读原文", en: "\(t) how the text is read"}
                examples:
                  - title: {zh: 达到、未达到与缺数据, en: "met, not met and no data"}
                    year: 2020
                    csv: |
                      region,year,indicator,value
                      \(first.code),2020,rd_intensity,2
                      \(second.code),2020,rd_intensity,1.5
                    expect: {"\(first.code)": met, "\(second.code)": not_met, "\(third.code)": no_data}
            sample:
              data: [sample/data.csv]
              script: sample/check.cie

            """
        let data = """
            region,year,indicator,value
            \(first.code),2019,rd_intensity,1.8
            \(first.code),2020,rd_intensity,2.1
            \(second.code),2020,rd_intensity,1.2

            """
        let script = """
            # The sample's self-test: `cie policy test` runs it (paths start from this folder); each expect fails it when the
            # result differs. \(t) replace with the sample of your package.
            use \(id)
            load data.csv
            check
            expect \(prefix)-01 \(first.code) met
            expect \(prefix)-01 \(second.code) not_met

            """
        return [("policy.yaml", policy), ("text.txt", "\(t) 把文件的全文粘贴在这里（UTF-8）。\n"), ("sample/data.csv", data), ("sample/check.cie", script)]
    }
}
