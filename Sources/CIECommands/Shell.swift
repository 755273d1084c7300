import ArgumentParser
import CIECore
import Foundation

/// `cie` with no command and `cie run`: the interactive REPL on a terminal, script mode otherwise (SPEC.md).
public enum Shell {
    /// A session writing to stdout and stderr, with the global options applied. Throws on a bad `--data` or `--policy`.
    static func session(_ global: Startup, color: Bool, before: (Session) -> Void = { _ in }) throws -> Session {
        let session = Session(out: Output.line, err: Output.errorLine)
        session.color = color
        if let l = global.lang { session.language = l }
        before(session)
        try session.apply(global)
        return session
    }

    /// `session`, or nil after reporting why it could not be opened (a bad `--data` or `--policy`).
    static func opened(_ global: Startup, color: Bool, before: (Session) -> Void = { _ in }) -> Session? {
        do {
            return try session(global, color: color, before: before)
        } catch let e as CommandError {
            Output.errorLine("error: " + e.text(global.lang ?? .zh))
        } catch {
            Output.errorLine("error: \(error)")
        }
        return nil
    }

    /// `cie`: the REPL when stdin and stdout are terminals, else stdin as a script.
    static func start(_ global: Startup) -> Int32 {
        Interrupts.install()
        let interactive = Output.isTerminal
        guard let session = opened(global, color: interactive && Output.wantsColor && !global.noColor, before: { s in
            if interactive { s.out(bannerLine(s)) }
        }) else { return 2 }
        if interactive { return repl(session) }
        session.inSession = true
        let interpreter = Interpreter(session: session)
        let reader = LineReader(fileDescriptor: 0)
        interpreter.runScript(name: "<stdin>", nextLine: reader.next, bail: false, echo: false)
        summarize(interpreter)
        return exitCode(interpreter)
    }

    /// `cie -c "COMMAND; COMMAND"`: the commands run as a script named `-c`, an error's place being the command's number.
    static func run(commands text: String, _ global: Startup) -> Int32 {
        Interrupts.install()
        guard let session = opened(global, color: false) else { return 2 }
        session.inSession = true
        let interpreter = Interpreter(session: session)
        var commands = Words.commands(text).makeIterator()
        interpreter.runScript(name: "-c", nextLine: { commands.next() }, bail: false, echo: false)
        summarize(interpreter)
        return exitCode(interpreter)
    }

    /// SPEC.md's exit code of a session: 130 interrupted; 2 when a command met no data to judge (never a silent
    /// pass); 1 when any command failed; else 0.
    static func exitCode(_ interpreter: Interpreter) -> Int32 {
        if Cancellation.isRequested { return 130 }
        return interpreter.scriptCode
    }

    /// After a script with failures, one line on stderr that says how many and where.
    static func summarize(_ interpreter: Interpreter) {
        if let summary = interpreter.failureSummary { Output.errorLine(summary(interpreter.session.language)) }
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
            Output.errorLine("error: " + (session.language == .zh ? "libedit 无法在此终端上启动：改用脚本运行：cie run 文件" : "libedit could not start on this terminal; run a script instead: cie run FILE"))
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
            // What the command prints is collected, and a page longer than the terminal goes through the pager.
            var printed: [String] = []
            session.out = { printed.append($0) }
            session.width = terminalColumns()
            let outcome = interpreter.execute(line)
            session.out = Output.line
            Pager.show(printed)
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
                let cwd = FileManager.default.currentDirectoryPath
                Output.errorLine("error: " + ((global.lang ?? .zh) == .zh ? "无法读取脚本 \(path)：检查路径（相对路径从 \(cwd) 算起）"
                                                                           : "cannot read script \(path): check the path (relative paths start from \(cwd))"))
                throw ExitCode(2)
            }
            readers.append((path, reader))
        }
        guard let session = Shell.opened(global.startup, color: false) else { throw ExitCode(2) }
        session.inSession = true
        let interpreter = Interpreter(session: session)
        for (path, reader) in readers {
            guard interpreter.runScript(name: path, nextLine: reader.next, bail: bail, echo: echo,
                                        directory: path == "-" ? nil : folder(of: expandingTilde(path))) else { break }
        }
        Shell.summarize(interpreter)
        let code = Shell.exitCode(interpreter)
        if code != 0 { throw ExitCode(code) }
    }
}
