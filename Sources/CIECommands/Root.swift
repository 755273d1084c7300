import ArgumentParser
import Foundation

/// The `cie` command line.
public struct CIE: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "cie",
        abstract: "County Innovation Evaluator: how county-level units meet provincial targets for county innovation-driven development (县域创新驱动发展).",
        discussion: """
            With no command, cie starts the REPL when stdin and stdout are terminals, and otherwise runs stdin as a
            script (`cie < monthly.cie`). Options before no command preload the REPL: cie --data FILE --policy qinghai
            """,
        version: CIEVersion.string,
        subcommands: [CheckCommand.self, ReviewCommand.self, PoliciesCommand.self, TargetsCommand.self, ExplainCommand.self,
                      ValidateCommand.self, RunCommand.self, RegionsCommand.self, IndicatorsCommand.self, ShowCommand.self,
                      RankCommand.self, PolicyCommand.self, GenerateDocsCommand.self])
    @OptionGroup public var global: GlobalOptions
    public init() {}

    /// No command: the REPL, or stdin as a script.
    public mutating func run() throws {
        let code = Shell.start(global)
        if code != 0 { throw ExitCode(code) }
    }

    /// Runs the command line and returns the exit code SPEC.md gives (usage errors are 2, not ArgumentParser's 64).
    public static func main(_ arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Output.line(fullMessage(for: error))
                return 0
            }
            if error is ExitCode { return code.rawValue }
            Output.errorLine(fullMessage(for: error))
            return code == .validationFailure ? 2 : (code.rawValue == 1 ? 2 : code.rawValue)
        }
    }
}

public enum CIEVersion {
    public static let string = "0.1.0"
}
