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
                    failures += 1
                    Output.errorLine("\(name):\(start): error: cannot write the output: \(String(cString: strerror(failure))); check the disk or the pipe")
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
    func scoped<T>(_ g: GlobalOptions, _ body: () throws -> T) throws -> T {
        // Only what the options changed is put back: `set lang en` itself must stick.
        let (savedLanguage, savedColor) = (language, color)
        defer {
            if g.lang != nil { language = savedLanguage }
            if g.noColor { color = savedColor }
        }
        if let l = g.lang { language = l }
        if g.noColor { color = false }
        if let p = g.policy { _ = try resolvePolicy(p) }  // an unknown policy is an error even where it is not read
        if !g.data.isEmpty { try load(g.data) }
        return try body()
    }
}
