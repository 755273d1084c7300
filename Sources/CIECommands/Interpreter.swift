import ArgumentParser
import CIECore
import Foundation

/// Runs REPL-language lines against a session: splits words, finds the command, parses it with ArgumentParser
/// (the same parser as the command line), runs it and reports errors. Used by the REPL and by scripts.
public final class Interpreter {
    public let session: Session
    /// Whether any command failed so far (the exit code of the REPL or script is 1 then).
    public private(set) var failures = 0

    public init(session: Session) { self.session = session }

    public enum Outcome: Equatable {
        case ok, failed, quit
    }

    /// Runs one logical line (continuations joined). `location` prefixes an error (`FILE:LINE: `; empty in the REPL).
    @discardableResult
    public func execute(_ line: String, location: String = "") -> Outcome {
        let split = Words.split(line)
        do {
            if let q = split.openQuote {
                throw CommandError("unclosed \(q): close the quote (or write the quote character inside the other kind of quotes)")
            }
            guard !split.words.isEmpty else { return .ok }
            try run(split.words)
        } catch let e as CommandError {
            failures += 1
            session.err(location + "error: " + e.message)
            return session.quitRequested ? .quit : .failed
        } catch {
            failures += 1
            session.err(location + "error: \(error)")
            return .failed
        }
        return session.quitRequested ? .quit : .ok
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
                session.out(type.fullMessage(for: error, columns: terminalColumns()))
                return
            }
            throw CommandError(type.message(for: error) + " (type `help \(name)` for its usage)")
        }
        let code = try session.scoped(command.global) { try command.execute(in: session) }
        if code != 0 && !type.verdictCodes.contains(code) {
            throw CommandError("\(name) reported problems (exit \(code)): see its output above")
        }
    }

    /// Reads a script, joins continued lines and runs each command. Errors go to stderr as `NAME:LINE: error: …`;
    /// with `bail` the first one stops the script. Returns false when the script was stopped (bail, quit, Ctrl-C,
    /// closed stdout).
    public func runScript(name: String, nextLine: () -> String?, bail: Bool, echo: Bool) -> Bool {
        var number = 0
        while true {
            guard var line = nextLine() else { return !Cancellation.isRequested }
            number += 1
            let first = number
            if number == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if first == 1, line.hasPrefix("#!") { continue }
            // A trailing backslash continues the command on the next line.
            while Words.split(line).continues, let more = nextLine() {
                number += 1
                line = String(line[..<line.lastIndex(of: "\\")!]) + " " + more.trimmingCharacters(in: .whitespaces)
            }
            if echo, !Words.split(line).words.isEmpty { session.out(session.prompt + line.trimmingCharacters(in: .whitespaces)) }
            let outcome = execute(line, location: "\(name):\(first): ")
            Output.flush()
            if Cancellation.isRequested || Output.stdoutClosed { return false }
            if outcome == .quit { return false }
            if outcome == .failed && bail { return false }
        }
    }
}

extension Session {
    /// The REPL prompt: `cie[qinghai]> `.
    public var prompt: String { policy.map { "cie[\($0.id)]> " } ?? "cie> " }

    /// Runs a command with its global options: `--lang` and `--no-color` for this command only, `--data` loaded into
    /// the session (as `load` would), `--policy` read by the command itself.
    func scoped<T>(_ g: GlobalOptions, _ body: () throws -> T) throws -> T {
        // Only what the options changed is put back: `set lang en` itself must stick.
        let (savedLanguage, savedColor) = (language, color)
        defer {
            if g.lang != nil { language = savedLanguage }
            if g.noColor { color = savedColor }
        }
        if let l = g.lang { language = l }
        if g.noColor { color = false }
        if !g.data.isEmpty { try load(g.data) }
        return try body()
    }
}
