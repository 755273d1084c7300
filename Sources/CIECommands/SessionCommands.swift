import ArgumentParser
import CIECore
import CIEPolicyFormat
import CIEReport
import Foundation

// Commands that exist only inside a session (the REPL and scripts): use, set, export, expect, help, quit.

/// Commands without a command-line twin take no global options.
public protocol SessionOnlyCommand: SessionCommand {}
extension SessionOnlyCommand {
    // Parsed from nothing: a plain `GlobalOptions()` has no values behind its property wrappers.
    public var global: GlobalOptions { (try? GlobalOptions.parse([])) ?? GlobalOptions() }
}

public struct UseCommand: SessionOnlyCommand {
    public static let argumentKinds: [ArgumentKind] = [.policy, .none]
    public static let configuration = CommandConfiguration(
        commandName: "use", abstract: "Make a policy current (by id, Chinese or English name).",
        discussion: "Examples:\n  use qinghai\n  use 青海")
    @Argument(help: ArgumentHelp("The policy: qinghai, 青海, Qinghai …", valueName: "POLICY")) public var policy: String
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        let m = try session.resolvePolicy(policy)
        session.policy = m
        let zh = session.language == .zh
        var line = zh ? "当前政策：\(m.name.zh)（\(m.id)）\(m.document.citation)，\(m.targets.count) 个目标"
            : "current policy: \(m.name.en) (\(m.id)), \(m.document.citation), \(m.targets.count) targets"
        if m.document.status == .draft { line += zh ? "。注意：依据的是征求意见稿" : ". Note: it encodes a draft for comment" }
        session.err(line)
        return 0
    }
}

public struct LoadPolicyCommand: SessionOnlyCommand {
    public static let argumentKinds: [ArgumentKind] = [.file, .none]
    public static let configuration = CommandConfiguration(
        commandName: "load-policy", abstract: "Load a policy package (a folder with policy.yaml); then `use` it.",
        discussion: "A package with any problem loads nothing; `cie policy lint PATH` checks one.\nExample:\n  load-policy ~/policies/sichuan\n  use sichuan")
    @Argument(help: ArgumentHelp("The package's folder.", valueName: "PATH")) public var path: String
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        let p = try session.loadPolicy(path)
        let zh = session.language == .zh
        session.err(zh ? "已载入策略包 \(p.id)：\(p.name.zh) \(p.document.citation)，\(p.targets.count) 个目标（use \(p.id) 选用）"
                       : "loaded the package \(p.id): \(p.name.en), \(p.document.citation), \(p.targets.count) targets (use \(p.id) to make it current)")
        return 0
    }
}

public struct SetCommand: SessionOnlyCommand {
    public static let argumentKinds: [ArgumentKind] = [.setting, .settingValue, .none]
    public static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Show or change settings: year, format, lang, color, policy.",
        discussion: """
            `set` alone shows them. `set year latest` goes back to the latest year in the data.
            Examples:
              set year 2019
              set format json
              set lang en
              set color off
            """)
    @Argument(help: ArgumentHelp("year, format, lang, color or policy.", valueName: "KEY")) public var key: String?
    @Argument(help: ArgumentHelp("The new value.", valueName: "VALUE")) public var value: String?
    public init() {}

    public static let keys = ["year", "format", "lang", "color", "policy"]

    public func validate() throws {
        if key != nil && value == nil { throw ValidationError("give a value: set \(key!) VALUE (or `set` to show the settings)") }
    }

    public func execute(in session: Session) throws -> Int32 {
        guard let key, let value else {
            let zh = session.language == .zh
            let rows = [
                ["year", session.year.map(String.init) ?? (zh ? "最新（\(session.store.latestYear.map(String.init) ?? "无数据")）" : "latest (\(session.store.latestYear.map(String.init) ?? "no data"))")],
                ["format", session.format], ["lang", session.language.rawValue], ["color", session.color ? "on" : "off"],
                ["policy", session.policy?.id ?? (zh ? "（未选）" : "(none)")],
            ]
            session.out(Listing(keys: ["key", "value"], header: zh ? ["设置", "值"] : ["setting", "value"], rows: rows).render("table").dropLast() + "")
            return 0
        }
        switch key.lowercased() {
        case "year":
            if ["latest", "none", "最新"].contains(value.lowercased()) { session.year = nil; break }
            guard let y = Int(value) else { throw CommandError("year must be a number such as 2020, or `latest`") }
            session.year = try session.evaluationYear(y)
        case "format":
            guard let f = Formatters.named(value) else {
                throw CommandError("unknown format “\(value)”: use one of \(Formatters.all.map(\.id).joined(separator: ", "))")
            }
            session.format = f.id
        case "lang", "language":
            guard let l = Language(rawValue: value.lowercased()) else { throw CommandError("lang is zh or en") }
            session.language = l
        case "color", "colour":
            switch value.lowercased() {
            case "on", "yes", "true", "1": session.color = true
            case "off", "no", "false", "0": session.color = false
            default: throw CommandError("color is on or off")
            }
        case "policy":
            session.policy = try session.resolvePolicy(value)
        default:
            throw CommandError("unknown setting “\(key)”: use one of \(Self.keys.joined(separator: ", "))")
        }
        return 0
    }
}

public struct ExportCommand: SessionOnlyCommand {
    public static let argumentKinds: [ArgumentKind] = [.file, .none]
    public static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the last result to a file; the format follows the extension.",
        discussion: """
            .json .csv .md .html (and .xml for JUnit, .txt for the table). CSV has a BOM and CRLF so Excel opens it.
            Examples:
              check --status not_met
              export failing.csv
            """)
    @Argument(help: ArgumentHelp("The file to write.", valueName: "PATH")) public var path: String
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        guard let last = session.last else {
            throw CommandError("nothing to export yet: run check, review, rank or show first")
        }
        let ext = (path as NSString).pathExtension
        guard let formatter = Formatters.forExtension(ext) else {
            throw CommandError("cannot tell the format of “\(path)”: end the name with .json, .csv, .md or .html")
        }
        let options = FormatOptions(language: session.language, color: false)
        let text: String
        switch last {
        case .check(let r): text = formatter.format(r, options)
        case .review(let r): text = formatter.format(r, options)
        case .listing(let l):
            guard formatter.id != "junit" else { throw CommandError("a list has no JUnit form: export it as .json, .csv, .md or .html") }
            text = l.render(formatter.id)
        }
        try session.emit(text, to: path)
        return 0
    }
}

public struct ExpectCommand: SessionOnlyCommand {
    public static let argumentKinds: [ArgumentKind] = [.target, .region, .status, .none]
    public static let configuration = CommandConfiguration(
        commandName: "expect", abstract: "Fail unless the last check gave that status (self-testing scripts).",
        discussion: """
            STATUS is an id or a Chinese label: met 达标, not_met 未达标, on_track, off_track, no_data, not_applicable, error.
            A jurisdiction-wide target is named by the province (青海省), a prefecture-wide one by the prefecture.
            Examples:
              check
              expect QH-06 大通 met
              expect QH-11 青海省 未达标
            """)
    @Argument(help: ArgumentHelp("The target id.", valueName: "TARGET")) public var target: String
    @Argument(help: ArgumentHelp("The region the result is for.", valueName: "REGION")) public var region: String
    @Argument(help: ArgumentHelp("The status expected.", valueName: "STATUS")) public var status: String
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        guard let report = session.lastCheck else {
            throw CommandError("expect needs a check to test: run `check` before it")
        }
        guard let wanted = Status(parsing: status) else {
            throw CommandError("unknown status “\(status)”: use one of \(Status.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let r = try session.resolveRegion(region)
        let code = session.regions[r].code
        guard let row = report.rows.first(where: { $0.target.caseInsensitiveCompare(target) == .orderedSame && $0.regionCode == code }) else {
            throw CommandError("the last check has no result for \(target) at \(session.regions.describe(r)): run `check` without "
                               + "--status/--target filters (or with that target and region) before `expect`; a jurisdiction-wide target is named by its province, a prefecture-wide one by its prefecture")
        }
        let got = row.result.status
        guard got == wanted else {
            let l = session.language
            var message = "expected \(row.target) at \(row.regionName) to be \(wanted.rawValue), but it is \(got.rawValue)"
            message += " (observed \(row.result.observed.map { formatNumber($0) } ?? "—"), required \(row.result.required(l)))"
            let detail = row.result.detail(l)
            if !detail.isEmpty { message += ": " + detail }
            throw CommandError(message, code: 1)
        }
        return 0
    }
}

public struct QuitCommand: SessionOnlyCommand {
    public static let configuration = CommandConfiguration(
        commandName: "quit", abstract: "Leave (history is kept). Also: exit, Ctrl-D.", aliases: ["exit"])
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        session.quitRequested = true
        return 0
    }
}

public struct HelpCommand: SessionOnlyCommand {
    public static let argumentKinds: [ArgumentKind] = [.command, .none]
    public static let configuration = CommandConfiguration(
        commandName: "help", abstract: "List commands, or one command's usage and examples.",
        discussion: "Examples:\n  help\n  help check")
    @Argument(help: ArgumentHelp("A command.", valueName: "COMMAND")) public var command: String?
    public init() {}

    /// The one-line summaries in Chinese (the default language); `help COMMAND` shows ArgumentParser's help.
    public static let chinese: [String: String] = [
        "help": "列出命令，或显示一个命令的用法和例子",
        "load": "载入数据文件；文件有任何错误则一个数值也不载入",
        "load-policy": "载入一个策略包（含 policy.yaml 的文件夹），再用 use 选用",
        "regions": "已载入的单位：代码、名称、地级、类型、分组",
        "indicators": "指标目录，及每个指标已载入的数值个数",
        "show": "一个单位各年的数值",
        "policies": "列出策略包及其来源（内置、--policy-file、搜索路径）",
        "use": "选择当前政策（id、中文或英文名）",
        "targets": "当前（或指定）政策的目标",
        "explain": "目标的出处、原文、条件、范围和所需指标",
        "check": "评估目标；不指定地区即全部；--status not_met 查看未达标",
        "review": "运行当前政策的评审（得分、否决、资金）",
        "rank": "按指标对单位排序",
        "set": "查看或修改设置：year、format、lang、color、policy",
        "export": "把上一个结果写入文件，格式按扩展名（.json .csv .md .html）",
        "expect": "上一次 check 的结果不是该状态则失败（脚本自测）",
        "validate": "检查文件、报告所有问题，不载入",
        "quit": "退出（保留历史）；也可 exit 或 Ctrl-D",
    ]

    public func execute(in session: Session) throws -> Int32 {
        if let command {
            guard let type = CommandTable.command(named: command) else { throw CommandTable.unknown(command) }
            session.out(CommandTable.help(for: type))
            return 0
        }
        let zh = session.language == .zh
        let rows = CommandTable.commands.map { type in
            let name = type.configuration.commandName ?? ""
            return [CommandTable.usage(of: type), zh ? HelpCommand.chinese[name] ?? type.configuration.abstract : type.configuration.abstract]
        }
        var text = TableFormatter.plain(rows)
        text += zh
            ? "\n\n`help 命令` 查看用法和例子；每个命令也接受命令行上的选项（--year 2020）。Tab 补全，↑ 调出历史，Ctrl-D 退出。"
            : "\n\n`help COMMAND` for usage and examples; commands take their command-line options too (--year 2020). Tab completes, Up recalls, Ctrl-D leaves."
        session.out(text)
        return 0
    }
}
