import ArgumentParser
import CIECore
import Foundation

/// `cie` with no command and `cie run`: the interactive REPL on a terminal, script mode otherwise (SPEC.md).
public enum Shell {
    /// A session writing to stdout and stderr, with the global options applied. Throws on a bad `--data` or `--policy`.
    static func session(_ global: GlobalOptions, color: Bool, before: (Session) -> Void = { _ in }) throws -> Session {
        let session = Session(out: Output.line, err: Output.errorLine)
        session.color = color
        if let l = global.lang { session.language = l }
        before(session)
        try session.apply(global)
        return session
    }

    /// `cie`: the REPL when stdin and stdout are terminals, else stdin as a script.
    static func start(_ global: GlobalOptions) -> Int32 {
        Interrupts.install()
        let interactive = Output.isTerminal
        let session: Session
        do {
            session = try Shell.session(global, color: interactive && Output.wantsColor && !global.noColor) { s in
                if interactive { s.out(bannerLine(s)) }
            }
        } catch let e as CommandError {
            Output.errorLine("error: " + e.message)
            return 2
        } catch {
            Output.errorLine("error: \(error)")
            return 2
        }
        if interactive { return repl(session) }
        session.inSession = true
        let interpreter = Interpreter(session: session)
        let reader = LineReader(fileDescriptor: 0)
        interpreter.runScript(name: "<stdin>", nextLine: reader.next, bail: false, echo: false)
        return exitCode(interpreter)
    }

    /// SPEC.md's exit code of a session: 130 interrupted, 1 when any command failed, else 0.
    static func exitCode(_ interpreter: Interpreter) -> Int32 {
        if Cancellation.isRequested { return 130 }
        return interpreter.failures > 0 ? 1 : 0
    }

    /// Where history lives: $CIE_HISTORY, else $XDG_STATE_HOME/cie/history, else ~/.cie_history.
    public static func historyPath(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let p = environment["CIE_HISTORY"], !p.isEmpty { return p }
        // The XDG spec: a relative path in XDG_STATE_HOME is invalid and is ignored.
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return (state as NSString).appendingPathComponent("cie/history")
        }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.cie_history"
    }

    static func repl(_ session: Session) -> Int32 {
        let path = historyPath()
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let completer = Completer(session: session)
        guard let editor = LineEditor(historyPath: path, completer: { completer.complete($0) }) else {
            Output.errorLine("error: libedit could not start on this terminal; run a script instead: cie run FILE")
            return 2
        }
        let interpreter = Interpreter(session: session)
        session.err = { [unowned session] text in
            // Read the setting at each message: `set color off` takes effect at once.
            Output.errorLine(session.color && text.hasPrefix("error: ") ? "\u{1B}[31merror:\u{1B}[0m" + text.dropFirst(6) : text)
        }
        session.inSession = true
        banner(session)
        while true {
            var line: String
            switch editor.read(prompt: session.prompt) {
            case .end:
                Output.line("")
                return exitCode(interpreter)
            case .interrupted:
                continue
            case .line(let l):
                line = l
            }
            // A trailing backslash continues on the next line; Ctrl-C or Ctrl-D there abandons the command.
            var abandoned = false
            line = Words.joinContinued(line) {
                guard case .line(let more) = editor.read(prompt: "...> ") else { abandoned = true; return nil }
                return more
            }
            if abandoned { continue }
            editor.remember(line)
            Cancellation.reset()
            let outcome = interpreter.execute(line)
            Output.flush()
            // A command that noticed Ctrl-C has said so in its error; one that finished anyway gets a note.
            if Cancellation.reset(), outcome == .ok { session.err(session.language == .zh ? "已中断" : "interrupted") }
            if outcome == .quit { return exitCode(interpreter) }
        }
    }

    static func bannerLine(_ session: Session) -> String {
        session.language == .zh ? "cie \(CIEVersion.string) · 县域创新驱动发展评估 · help 查看命令 · Tab 补全 · Ctrl-D 退出"
            : "cie \(CIEVersion.string) · County Innovation Evaluator · help lists commands · Tab completes · Ctrl-D leaves"
    }

    /// What to do next, under the banner and the load messages.
    static func banner(_ session: Session) {
        let zh = session.language == .zh
        if let p = session.policy {
            session.out(zh ? "当前政策：\(p.name.zh)（\(p.id)）\(p.document.citation)\(session.store.isEmpty ? "；用 `load 文件` 载入数据" : "")"
                        : "current policy: \(p.name.en) (\(p.id)), \(p.document.citation)\(session.store.isEmpty ? "; `load FILE` to load data" : "")")
        } else if session.store.isEmpty {
            session.out(zh ? "先用 `use qinghai` 选择政策，`load 文件` 载入数据" : "start with `use qinghai` and `load FILE`")
        } else {
            session.out(zh ? "用 `use qinghai` 选择政策（`policies` 列出全部）" : "pick a policy with `use qinghai` (`policies` lists them)")
        }
    }
}

/// `cie run SCRIPT... [--bail] [--echo]`.
public struct RunCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run script files in order (the REPL language, one command a line).",
        discussion: """
            Errors go to stderr as FILE:LINE: error: …; the script goes on unless --bail.
            Exit codes: 0 every command succeeded; 1 some command failed (an expect included); 2 a script cannot be read; 130 interrupted.
            Example: cie run Samples/qinghai/monthly.cie --echo
            """)
    @OptionGroup public var global: GlobalOptions
    @Argument(help: ArgumentHelp("Script files.", valueName: "SCRIPT")) public var scripts: [String]
    @Flag(help: "Stop at the first failing command.") public var bail = false
    @Flag(help: "Print each command before its result.") public var echo = false
    public init() {}

    public mutating func run() throws {
        Interrupts.install()
        // Every script is opened before any runs: a typo in the last name must not leave the first half done.
        var readers: [(String, LineReader)] = []
        for path in scripts {
            guard let reader = LineReader(path: expandingTilde(path)) else {
                Output.errorLine("error: cannot read script \(path): check the path (relative paths start from \(FileManager.default.currentDirectoryPath))")
                throw ExitCode(2)
            }
            readers.append((path, reader))
        }
        let session: Session
        do {
            session = try Shell.session(global, color: false)
        } catch let e as CommandError {
            Output.errorLine("error: " + e.message)
            throw ExitCode(2)
        }
        session.inSession = true
        let interpreter = Interpreter(session: session)
        for (path, reader) in readers {
            guard interpreter.runScript(name: path, nextLine: reader.next, bail: bail, echo: echo,
                                        directory: path == "-" ? nil : folder(of: expandingTilde(path))) else { break }
        }
        let code = Shell.exitCode(interpreter)
        if code != 0 { throw ExitCode(code) }
    }
}
