import ArgumentParser
import CIECore
import Foundation

/// Runs REPL-language lines against a session: splits words, finds the command, parses it with ArgumentParser
/// (the same parser as the command line), runs it and reports errors. Used by the REPL and by scripts.
public final class Interpreter {
    public let session: Session
    /// Whether any command failed so far (the exit code of the REPL or script is 1 then).
    public private(set) var failures = 0
    /// Commands run so far (blank lines and comments are none), and where those that failed are (`monthly.cie:5`).
    public private(set) var commands = 0
    public private(set) var failedAt: [String] = []
    /// The exit code the failures make of a script: 1, or 2 when one was a silent pass stopped (`CommandError.scriptCode`).
    public private(set) var scriptCode: Int32 = 0

    public init(session: Session) {
        self.session = session
        session.interpreter = self
    }

    /// `source SCRIPT` inside a session: the script's lines run here, its errors at its own `FILE:LINE`; a script may
    /// not source itself, directly or not.
    func source(_ path: String) throws {
        let full = session.inputPath(path)
        guard !sourcing.contains(full) else {
            throw CommandError(zh: "脚本 \(path) 正在运行，不能再次 source 它（循环引用）", en: "the script \(path) is already running: it cannot source itself")
        }
        guard let reader = LineReader(path: full) else {
            throw CommandError(zh: "无法读取脚本 \(path)：检查路径", en: "cannot read script \(path): check the path")
        }
        sourcing.append(full)
        defer { sourcing.removeLast() }
        let before = failures
        runScript(name: path, nextLine: reader.next, bail: false, echo: false, directory: folder(of: full))
        if failures > before {
            throw CommandError(zh: "\(path) 中有 \(failures - before) 条命令失败：见以上各行", en: "\(failures - before) command\(failures - before == 1 ? "" : "s") of \(path) failed: see the lines above")
        }
    }
    private var sourcing: [String] = []

    public enum Outcome: Equatable {
        case ok, failed, quit
    }

    /// Runs one logical line (continuations joined). `location` prefixes an error (`FILE:LINE: `; empty in the REPL).
    @discardableResult
    public func execute(_ line: String, location: String = "") -> Outcome {
        let split = Words.split(line)
        do {
            if let q = split.openQuote {
                throw CommandError(zh: "引号 \(q) 没有闭合：补上它（或把引号字符写在另一种引号里）", en: "unclosed \(q): close the quote (or write the quote character inside the other kind of quotes)")
            }
            guard !split.words.isEmpty else { return .ok }
            commands += 1
            try run(split.words)
        } catch let e as CommandError {
            failed(at: location, code: e.scriptCode)
            session.err(location + "error: " + e.text(session.language))
            return session.quitRequested ? .quit : .failed
        } catch {
            failed(at: location, code: 1)
            session.err(location + "error: \(error)")
            return .failed
        }
        return session.quitRequested ? .quit : .ok
    }

    private func failed(at location: String, code: Int32) {
        failures += 1
        scriptCode = max(scriptCode, code)
        var place = location
        while place.hasSuffix(" ") || place.hasSuffix(":") { place.removeLast() }
        if !place.isEmpty { failedAt.append(place) }
    }

    /// “3 of 41 commands failed: lines 5, 9, 30”, for the end of a script with failures (nil when none failed).
    public var failureSummary: LocalizedText? {
        guard failures > 0 else { return nil }
        // One script: its line numbers; several: name:line.
        let files = Set(failedAt.compactMap { $0.split(separator: ":").dropLast().joined(separator: ":") })
        let places = files.count <= 1 ? failedAt.compactMap { $0.split(separator: ":").last.map(String.init) } : failedAt
        let shown = places.prefix(20).joined(separator: files.count <= 1 ? "、" : "、")
        let more = places.count > 20 ? "…" : ""
        return LocalizedText(
            zh: "\(commands) 条命令中 \(failures) 条失败" + (places.isEmpty ? "" : "：" + (files.count <= 1 ? "第 \(shown)\(more) 行" : shown + more)),
            en: "\(failures) of \(commands) commands failed" + (places.isEmpty ? "" : ": " + (files.count <= 1 ? "line\(places.count == 1 ? "" : "s") " : "")
                + places.prefix(20).joined(separator: ", ") + more))
    }

    func run(_ words: [String]) throws {
        guard let type = CommandTable.command(named: words[0]) else { throw CommandTable.unknown(words[0]) }
        let name = type.configuration.commandName ?? words[0]
        let command: any SessionCommand
        do {
            command = try type.parse(Array(words.dropFirst()))
        } catch {
            if type.exitCode(for: error) == .success {
                // `check --help`
                session.out(CommandTable.help(for: type, in: session.language))
                return
            }
            let text = ParseErrors.translate(type.message(for: error))
            throw CommandError(zh: text.zh + "（help \(name) 查看用法）", en: text.en + " (type `help \(name)` for its usage)")
        }
        let code = try session.scoped(command.startup) { try command.execute(in: session) }
        if code != 0 && !type.verdictCodes.contains(code) {
            throw CommandError(zh: "\(name) 报告了问题（退出码 \(code)）：见以上输出", en: "\(name) reported problems (exit \(code)): see its output above")
        }
    }

    /// Reads a script, joins continued lines and runs each command. Errors go to stderr as `NAME:LINE: error: …`;
    /// with `bail` the first one stops the script. Returns false when the script was stopped (bail, quit, Ctrl-C,
    /// a closed or failing stdout).
    /// `directory`: the script file's folder, where a relative path it names is looked for when it is not found from
    /// the working directory (`load qinghai_2016_2020.csv` in Samples/qinghai/monthly.cie).
    @discardableResult
    public func runScript(name: String, nextLine: () -> String?, bail: Bool, echo: Bool, directory: String? = nil) -> Bool {
        let outer = session.scriptDirectory
        session.scriptDirectory = directory
        defer { session.scriptDirectory = outer }
        var number = 0
        while let first = nextLine() {
            number += 1
            let start = number
            if start == 1, first.hasPrefix("#!") { continue }
            let line = Words.joinContinued(first) {
                guard let more = nextLine() else { return nil }
                number += 1
                return more
            }
            if echo, !Words.split(line).words.isEmpty { session.out("> " + line.trimmingCharacters(in: .whitespaces)) }
            let outcome = execute(line, location: "\(name):\(start): ")
            Output.flush()
            if Cancellation.isRequested { return false }
            if let failure = Output.writeFailure {
                // A reader that went away (`| head`) ends the script quietly; any other write error is a failure.
                if failure != EPIPE {
                    failed(at: "\(name):\(start)", code: 1)
                    let why = errnoText(failure, session.language)
                    Output.errorLine("\(name):\(start): error: " + (session.language == .zh ? "无法写出结果：\(why)；检查磁盘或管道" : "cannot write the output: \(why); check the disk or the pipe"))
                }
                return false
            }
            if outcome == .quit { return false }
            if outcome == .failed && bail { return false }
        }
        return !Cancellation.isRequested
    }
}

extension Words {
    /// A command and its continuation lines joined with single spaces. Only each new piece is scanned for a
    /// trailing backslash, so a long continued command costs linear time. `more` returns nil at the end of input.
    static func joinContinued(_ first: String, more: () -> String?) -> String {
        var line = first
        var piece = first
        while Words.split(piece).continues, let next = more() {
            line = String(line[..<line.lastIndex(of: "\\")!]) + " " + next.trimmingCharacters(in: .whitespaces)
            piece = next
        }
        return line
    }
}

extension Session {
    /// The REPL prompt: `cie[qinghai]> `.
    public var prompt: String { policy.map { "cie[\($0.id)]> " } ?? "cie> " }

    /// Runs a command with its global options: `--lang` and `--no-color` for this command only, `--data` loaded into
    /// the session (as `load` would), `--policy` read by the command itself.
    func scoped<T>(_ g: Startup, _ body: () throws -> T) throws -> T {
        // Only what the options changed is put back: `set lang en` itself must stick.
        let (savedLanguage, savedColor, savedQuiet) = (language, color, quiet)
        defer {
            if g.lang != nil { language = savedLanguage }
            if g.noColor { color = savedColor }
            if g.quiet { quiet = savedQuiet }
        }
        if let l = g.lang { language = l }
        if g.noColor { color = false }
        if g.quiet { quiet = true }
        for path in g.policyFiles { try loadPolicy(path) }
        if let p = g.policy { _ = try resolvePolicy(p) }  // an unknown policy is an error even where it is not read
        if !g.data.isEmpty { try load(g.data) }
        return try body()
    }
}
