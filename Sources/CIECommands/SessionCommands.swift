import ArgumentParser
import CIECore
import CIEPolicyFormat
import CIEReport
import Foundation

// Commands that exist only inside a session (the REPL and scripts): use, set, export, expect, help, quit.

/// Commands without a command-line twin take no global options.
public protocol SessionOnlyCommand: SessionCommand {}
extension SessionOnlyCommand {
    public var startup: Startup { Startup() }
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


    public func execute(in session: Session) throws -> Int32 {
        let zh = session.language == .zh
        guard let key, let value else {
            if let key {
                throw CommandError(zh: "缺少值：set \(key) 值（只输入 set 查看全部设置）", en: "give a value: set \(key) VALUE (or `set` to show the settings)")
            }
            let rows = [
                ["year", session.year.map(String.init) ?? (zh ? "最新（\(session.store.latestYear.map(String.init) ?? "无数据")）" : "latest (\(session.store.latestYear.map(String.init) ?? "no data"))")],
                ["format", session.format], ["lang", session.language.rawValue], ["color", session.color ? "on" : "off"],
                ["policy", session.policy?.id ?? (zh ? "（未选）" : "(none)")],
            ]
            session.out(String(Listing(keys: ["key", "value"], header: zh ? ["设置", "值"] : ["setting", "value"], rows: rows).table().dropLast()))
            return 0
        }
        // Each change is confirmed, so a script's log says what it set.
        let done: LocalizedText
        switch key.lowercased() {
        case "year":
            if ["latest", "none", "最新"].contains(value.lowercased()) {
                session.year = nil
                done = LocalizedText(zh: "评估年份：按政策取有数据的最近一年", en: "evaluation year: the latest with data for the policy")
                break
            }
            guard let y = Int(value) else {
                throw CommandError(zh: "年份应是数字（如 2020）或 latest", en: "year must be a number such as 2020, or `latest`")
            }
            session.year = try session.evaluationYear(y)
            done = LocalizedText(zh: "评估年份：\(y) 年", en: "evaluation year: \(y)")
        case "format":
            guard let f = Formatters.named(value) else { throw session.unknownFormat(value) }
            // A format that writes files only (xlsx) cannot be the session's: every result would fail to print.
            do { _ = try f.text(.listing(Listing(keys: [], header: [], rows: [])), FormatOptions(language: session.language)) } catch let e as FormatError {
                throw CommandError(e.message)
            }
            session.format = f.id
            done = LocalizedText(zh: "输出格式：\(f.id)", en: "output format: \(f.id)")
        case "lang", "language":
            guard let l = Language(rawValue: value.lowercased()) else { throw CommandError(zh: "lang 取 zh 或 en", en: "lang is zh or en") }
            session.language = l
            done = LocalizedText(zh: "语言：中文（zh）", en: "language: English (en)")
        case "color", "colour":
            switch value.lowercased() {
            case "on", "yes", "true", "1": session.color = true
            case "off", "no", "false", "0": session.color = false
            default: throw CommandError(zh: "color 取 on 或 off", en: "color is on or off")
            }
            done = session.color ? LocalizedText(zh: "颜色：开", en: "colour: on") : LocalizedText(zh: "颜色：关", en: "colour: off")
        case "policy":
            let p = try session.resolvePolicy(value)
            session.policy = p
            done = LocalizedText(zh: "当前政策：\(p.name.zh)（\(p.id)）", en: "current policy: \(p.name.en) (\(p.id))")
        default:
            let near = didYouMean(key, Self.keys)
            throw CommandError(zh: "未知的设置“\(key)”" + near.zh + "：可用 \(Self.keys.joined(separator: "、"))",
                               en: "unknown setting “\(key)”" + near.en + ": use one of \(Self.keys.joined(separator: ", "))")
        }
        session.err(done(session.language))
        return 0
    }
}

public struct ExportCommand: SessionOnlyCommand {
    public static let argumentKinds: [ArgumentKind] = [.file, .none]
    public static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the last result to a file; the format follows the extension.",
        discussion: """
            .json .csv .md .html .xml (JUnit) .xlsx .txt. CSV has a BOM and CRLF so Excel opens it. The file is written \
            whole or not at all; a file loaded as data in this session is not overwritten without --force.
            Examples:
              check --status not_met
              export failing.csv
              export 青海_2020.xlsx
            """)
    @Argument(help: ArgumentHelp("The file to write.", valueName: "PATH")) public var path: String
    @Flag(help: "Overwrite the file even if it was loaded as data in this session.") public var force = false
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        guard let last = session.last else {
            throw CommandError(zh: "还没有可导出的结果：先运行 check、review、rank 或 show", en: "nothing to export yet: run check, review, rank or show first")
        }
        guard let formatter = Formatters.forExtension(fileExtension(path)) else {
            throw CommandError(zh: "无法从“\(path)”看出格式：文件名以 \(Formatters.extensionList(.zh)) 结尾",
                               en: "cannot tell the format of “\(path)”: end the name with \(Formatters.extensionList(.en))")
        }
        try session.emit(last, as: formatter, to: path, force: force)
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
            throw CommandError(zh: "expect 需要先有 check 的结果：在它之前运行 check", en: "expect needs a check to test: run `check` before it")
        }
        guard let wanted = Status(parsing: status) else { throw unknownStatus(status) }
        let r = try session.resolveRegion(region)
        let code = session.regions[r].code
        guard let row = report.rows.first(where: { $0.target.caseInsensitiveCompare(target) == .orderedSame && $0.regionCode == code }) else {
            throw CommandError(
                zh: "上一次 check 没有 \(target) 在 \(session.regions.describe(r)) 的结果：在 expect 之前运行不带 --status/--target 筛选的 check（或带上这个目标和地区）；全辖区的目标用省名，地级的目标用地级名",
                en: "the last check has no result for \(target) at \(session.regions.describe(r)): run `check` without "
                    + "--status/--target filters (or with that target and region) before `expect`; a jurisdiction-wide target is named by its province, a prefecture-wide one by its prefecture")
        }
        let got = row.result.status
        guard got == wanted else {
            let observed = row.result.observed.map { formatNumber($0) } ?? "—"
            var zh = "预期 \(row.target) 在 \(row.regionName) 为 \(wanted.label.zh)（\(wanted.rawValue)），实际为 \(got.label.zh)（\(got.rawValue)）"
                + "（观测值 \(observed)，要求 \(row.result.required.zh)）"
            var en = "expected \(row.target) at \(row.regionName) to be \(wanted.rawValue), but it is \(got.rawValue)"
                + " (observed \(observed), required \(row.result.required.en))"
            if !row.result.detail.zh.isEmpty { zh += "：" + row.result.detail.zh }
            if !row.result.detail.en.isEmpty { en += ": " + row.result.detail.en }
            throw CommandError(zh: zh, en: en, code: 1)
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

    public func execute(in session: Session) throws -> Int32 {
        if let command {
            guard let type = CommandTable.command(named: command) else { throw CommandTable.unknown(command) }
            session.out(CommandTable.help(for: type, in: session.language))
            return 0
        }
        let zh = session.language == .zh
        let rows = CommandTable.commands.map { type in
            let name = type.configuration.commandName ?? ""
            return [CommandTable.usage(of: type, session.language), zh ? ChineseHelp.abstract(name) ?? type.configuration.abstract : type.configuration.abstract]
        }
        var text = TableFormatter.plain(rows)
        text += zh
            ? "\n\n`help 命令` 查看用法和例子；每个命令也接受命令行上的选项（--year 2020）。Tab 补全，↑ 调出历史，Ctrl-D 退出。"
            : "\n\n`help COMMAND` for usage and examples; commands take their command-line options too (--year 2020). Tab completes, Up recalls, Ctrl-D leaves."
        session.out(text)
        return 0
    }
}

// MARK: - Managing what is loaded

/// Paths as a shell would expand them: `~`, and `*`, `?`, `[…]` patterns (glob(3)); a pattern that matches nothing
/// stays as typed, so the load says which file is missing.
func expandingGlobs(_ paths: [String]) -> [String] {
    paths.flatMap { path -> [String] in
        let expanded = expandingTilde(path)
        guard expanded.contains(where: { "*?[".contains($0) }) else { return [expanded] }
        var g = glob_t()
        defer { globfree(&g) }
        guard glob(expanded, 0, nil, &g) == 0 else { return [expanded] }
        return (0..<Int(g.gl_pathc)).compactMap { g.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }
}

public struct FilesCommand: SessionOnlyCommand {
    public static let configuration = CommandConfiguration(
        commandName: "files", abstract: "The files loaded: path, kind, encoding, values, years, regions added.",
        discussion: "Example:\n  files")
    @OptionGroup public var list: ListOptions
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        let l = session.language
        guard !session.loadedFiles.isEmpty else {
            session.err(l == .zh ? "（尚未载入文件：load 文件）" : "(no file loaded: load FILE)")
            return 0
        }
        let rows: [[Cell]] = session.loadedFiles.map { f in
            [.text(f.path), .text(f.kindLabel(l)), .text(f.encoding.rawValue), .integer(f.observations),
             .text(f.years.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" } ?? ""),
             .integer(f.regionsAdded), .integer(f.customIndicators.count)]
        }
        let listing = Listing(keys: ["path", "kind", "encoding", "values", "years", "regions_added", "custom_indicators"],
                              header: l == .zh ? ["文件", "类型", "编码", "数值个数", "年份", "新增地区", "自定义指标"]
                                  : ["path", "kind", "encoding", "values", "years", "regions added", "custom indicators"],
                              cells: rows, rightAligned: [3, 5, 6])
        try list.emit(listing, in: session)
        return 0
    }
}

/// The rows `load --skip-bad-rows` set aside, with their places and reasons (DuckDB's `store_rejects` table).
public struct RejectsCommand: SessionOnlyCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rejects", abstract: "The rows `load --skip-bad-rows` set aside: file, line, problems, the row as written.",
        discussion: "`export rejects.csv` writes them; after correcting the file, `reload` it.\nExamples:\n  rejects\n  rejects --format csv")
    @OptionGroup public var list: ListOptions
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        let l = session.language
        let rejects = session.loadedFiles.flatMap(\.rejects)
        let rows: [[Cell]] = rejects.map { r in
            [.text(r.file), .integer(r.line), .integer(r.problems.first?.column ?? 1),
             .text(r.problems.map { $0.text(l) }.joined(separator: l == .zh ? "；" : "; ")), .text(r.cells.joined(separator: ","))]
        }
        let listing = Listing(keys: ["file", "line", "column", "problems", "row"],
                              header: l == .zh ? ["文件", "行", "列", "问题", "原内容"] : ["file", "line", "column", "problems", "row"],
                              cells: rows, rightAligned: [1, 2])
        if rejects.isEmpty {
            session.err(l == .zh ? "（没有被拒的行：只有用 load --skip-bad-rows 载入时才会留下被拒的行）"
                                 : "(no rejected rows: rows are set aside only by load --skip-bad-rows)")
            return 0
        }
        try list.emit(listing, in: session)
        return 0
    }
}

extension Session {
    /// The loaded files a word names: a path as loaded or as typed, or a file name; `all` is every one.
    func loadedFiles(named word: String) throws -> [String] {
        let paths = loadedFiles.map(\.path)
        if word == "all" || word == "全部" { return paths }
        let typed = inputPath(word)
        let hits = paths.filter { $0 == word || $0 == typed || (folder(of: $0) == "." ? $0 : String($0.split(separator: "/").last ?? "")) == word }
        guard !hits.isEmpty else {
            let near = didYouMean(word, paths + paths.compactMap { $0.split(separator: "/").last.map(String.init) })
            throw CommandError(zh: "没有载入过“\(word)”" + near.zh + "（files 列出已载入的文件）", en: "“\(word)” is not loaded" + near.en + " (files lists them)")
        }
        return hits
    }
}

public struct UnloadCommand: SessionOnlyCommand {
    public static let argumentKinds: [ArgumentKind] = [.file]
    public static let configuration = CommandConfiguration(
        commandName: "unload", abstract: "Remove a loaded file's values (and the regions it declared); `unload all` removes everything.",
        discussion: "The other files are read again as they are now.\nExamples:\n  unload qinghai_wide_2020.csv\n  unload all")
    @Argument(help: ArgumentHelp("Loaded files (as `files` lists them), or all.", valueName: "FILE")) public var files: [String]
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        let gone = Set(try files.flatMap { try session.loadedFiles(named: $0) })
        let keep = session.loadedFiles.filter { !gone.contains($0.path) }
        let quiet = session.quiet
        session.quiet = true
        defer { session.quiet = quiet }
        try session.rebuild(with: keep)
        let zh = session.language == .zh
        session.err(zh ? "已卸下 \(gone.count) 个文件；仍载入 \(keep.count) 个" : "unloaded \(gone.count) file\(gone.count == 1 ? "" : "s"); \(keep.count) still loaded")
        return 0
    }
}

public struct ReloadCommand: SessionOnlyCommand {
    public static let argumentKinds: [ArgumentKind] = [.file]
    public static let configuration = CommandConfiguration(
        commandName: "reload", abstract: "Read loaded files again (all, or those named): a corrected file replaces its own values.",
        discussion: "A value conflicts only with another file's, never with the file's own earlier version.\nExamples:\n  reload\n  reload data.csv")
    @Argument(help: ArgumentHelp("Loaded files (default: all).", valueName: "FILE")) public var files: [String] = []
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        guard !session.loadedFiles.isEmpty else {
            throw CommandError(zh: "还没有载入文件：先 load 文件", en: "nothing is loaded: load a file first")
        }
        let named = files.isEmpty ? session.loadedFiles.map(\.path) : try files.flatMap { try session.loadedFiles(named: $0) }
        let all = session.loadedFiles
        // The files in their load order, those named read again from disk like the rest.
        try session.rebuild(with: all)
        let zh = session.language == .zh
        session.err(zh ? "已重新载入 \(Set(named).count) 个文件" : "reloaded \(Set(named).count) file\(Set(named).count == 1 ? "" : "s")")
        return 0
    }
}

public struct SourceCommand: SessionOnlyCommand {
    public static let argumentKinds: [ArgumentKind] = [.file, .none]
    public static let configuration = CommandConfiguration(
        commandName: "source", abstract: "Run a script file inside the session (its relative paths start from its folder).",
        discussion: "Its errors are reported at its own lines; the session keeps what it loaded and set.\nExample:\n  source Samples/qinghai/monthly.cie",
        aliases: [".read"])
    @Argument(help: ArgumentHelp("The script.", valueName: "SCRIPT")) public var script: String
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        guard let interpreter = session.interpreter else {
            throw CommandError(zh: "source 只能在会话或脚本中使用", en: "source runs inside a session or a script")
        }
        try interpreter.source(script)
        return 0
    }
}

public struct ClearCommand: SessionOnlyCommand {
    public static let configuration = CommandConfiguration(
        commandName: "clear", abstract: "Clear the screen (the REPL only; a script is not changed by it).",
        discussion: "Example:\n  clear")
    public init() {}

    public func execute(in session: Session) throws -> Int32 {
        if Output.isTerminal { Output.control("\u{1B}[H\u{1B}[2J\u{1B}[3J") }
        return 0
    }
}
