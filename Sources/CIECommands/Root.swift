import ArgumentParser
import CIECore
import Foundation

/// The `cie` command line.
public struct CIE: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "cie",
        abstract: "County Innovation Evaluator: how county-level units meet provincial targets for county innovation-driven development (县域创新驱动发展).",
        discussion: """
            With no command, cie starts the REPL when stdin and stdout are terminals, and otherwise runs stdin as a \
            script (`cie < monthly.cie`). Options before no command preload the REPL: cie --data FILE --policy qinghai.
            One-shot, as a script: cie -c "load Samples/qinghai/qinghai_2016_2020.csv; use qinghai; check --status not_met"
            """,
        version: CIEVersion.string,
        subcommands: [CheckCommand.self, ReviewCommand.self, ReportCommand.self, PoliciesCommand.self, TargetsCommand.self, ExplainCommand.self,
                      ValidateCommand.self, RunCommand.self, RegionsCommand.self, IndicatorsCommand.self, ShowCommand.self,
                      RankCommand.self, PolicyCommand.self, GenerateDocsCommand.self])
    @OptionGroup public var global: GlobalOptions
    @Option(name: [.customShort("c"), .customLong("command")],
            help: ArgumentHelp("Run these commands, separated by ; or new lines, as a script, then exit (like sqlite3 and duckdb).", valueName: "COMMANDS"))
    public var commands: String?
    public init() {}

    /// No command: the REPL, stdin as a script, or the commands of `-c`.
    public mutating func run() throws {
        let code = commands.map { Shell.run(commands: $0, global.startup) } ?? Shell.start(global.startup)
        if code != 0 { throw ExitCode(code) }
    }

    /// Runs the command line and returns the exit code SPEC.md gives (usage errors are 2, not ArgumentParser's 64).
    public static func main(_ arguments: [String]) -> Int32 {
        // No arguments, the commonest start (the REPL, a script on stdin), needs no parse (`Startup`).
        if arguments.isEmpty { return Shell.start(Startup()) }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            let code = exitCode(for: error)
            let language = ParseErrors.language(in: arguments)
            if code == .success {
                // `--help` in Chinese from the same definitions; `--version` and English as ArgumentParser prints them.
                if language == .zh, let (type, path) = helpTarget(arguments) {
                    Output.line(ChineseHelp.help(for: type, path: path, prefix: path == "cie" ? "" : "cie ", columns: terminalColumns()))
                } else {
                    Output.line(fullMessage(for: error))
                }
                return 0
            }
            if error is ExitCode { return code.rawValue }
            // A usage error, with did-you-mean for a command word (`cie chek` → check), in the language asked for.
            var message = ParseErrors.translate(fullMessage(for: error))
            if let first = arguments.first, !first.hasPrefix("-"), message.en.contains("Unexpected argument '\(first)'") {
                let words: [String] = CIE.configuration.subcommands.compactMap { (type: any ParsableCommand.Type) in type.configuration.commandName }
                let near = didYouMean(first, words)
                message = LocalizedText(zh: "未知命令“\(first)”" + near.zh + "（cie --help 列出全部命令）",
                                        en: "unknown command “\(first)”" + near.en + " (cie --help lists them)")
                Output.errorLine("error: " + message(language))
                return 2
            }
            Output.errorLine(message(language))
            return code == .validationFailure ? 2 : (code.rawValue == 1 ? 2 : code.rawValue)
        }
    }
}

extension CIE {
    /// The command whose help `arguments` ask for (`check --help`, `policy new -h`, `help check`) and its words.
    static func helpTarget(_ arguments: [String]) -> (any ParsableCommand.Type, String)? {
        var words = arguments
        if words.first == "help" { words.removeFirst() } else if !words.contains(where: { $0 == "--help" || $0 == "-h" }) { return nil }
        var type: any ParsableCommand.Type = CIE.self
        var path: [String] = []
        for w in words where !w.hasPrefix("-") {
            guard let sub = type.configuration.subcommands.first(where: { $0.configuration.commandName == w }) else { break }
            type = sub
            path.append(w)
        }
        return (type, path.isEmpty ? "cie" : path.joined(separator: " "))
    }
}

public enum CIEVersion {
    public static let string = "0.1.0"
}
