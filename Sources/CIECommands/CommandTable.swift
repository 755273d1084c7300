import ArgumentParser
import CIECore
import Foundation

/// The REPL's commands. Each is the same ArgumentParser type as its command-line twin, so options, parsing, help
/// and errors have one definition.
public enum CommandTable {
    public static let commands: [any SessionCommand.Type] = [
        HelpCommand.self, LoadCommand.self, FilesCommand.self, RejectsCommand.self, UnloadCommand.self, ReloadCommand.self, RegionsCommand.self,
        IndicatorsCommand.self, ShowCommand.self, PoliciesCommand.self, LoadPolicyCommand.self, UseCommand.self, TargetsCommand.self,
        ExplainCommand.self, CheckCommand.self, ReviewCommand.self, ReportCommand.self, RankCommand.self, SetCommand.self, ExportCommand.self,
        ExpectCommand.self, SourceCommand.self, ValidateCommand.self, DraftCommand.self, ClearCommand.self, QuitCommand.self,
    ]

    static func names(of type: any SessionCommand.Type) -> [String] {
        [type.configuration.commandName ?? ""] + type.configuration.aliases
    }

    /// Every command word, aliases included.
    public static var words: [String] { commands.flatMap(names) }

    /// A command by word; command words are case-insensitive.
    public static func command(named word: String) -> (any SessionCommand.Type)? {
        let w = word.lowercased()
        return commands.first { names(of: $0).contains(w) }
    }

    /// The error for an unknown command word, with the nearest commands.
    static func unknown(_ word: String) -> CommandError {
        let w = word.lowercased()
        let near = words.map { ($0, editDistance($0, w)) }.filter { $0.1 <= max(1, min(2, w.count / 2)) || ($0.0.hasPrefix(w) && !w.isEmpty) }
            .sorted { $0.1 < $1.1 }.map(\.0)
        let list = near.prefix(3)
        return CommandError(zh: "未知命令“\(word)”" + (list.isEmpty ? "" : "（是否指 \(list.joined(separator: "、"))？）") + "（help 列出全部命令）",
                            en: "unknown command “\(word)”" + (list.isEmpty ? "" : ": did you mean \(list.joined(separator: " or "))?") + " (type `help` for the list)")
    }

    /// `check [REGION ...] [options]`: the command word, its positional arguments as declared, and whether it
    /// takes options (`help check` shows them).
    static func usage(of type: any SessionCommand.Type, _ language: Language) -> String {
        let info = describe(type)
        var parts = [type.configuration.commandName ?? ""]
        for a in info where a.kind == "positional" {
            var w = "<\(a.valueName ?? "value")>" + (a.isRepeating ? " ..." : "")
            if a.isOptional { w = "[\(w)]" }
            parts.append(w)
        }
        if info.contains(where: { $0.kind != "positional" && $0.shouldDisplay && !($0.names ?? []).contains { $0.name == "help" } }) { parts.append(language == .zh ? "[选项]" : "[options]") }
        return parts.joined(separator: " ")
    }

    /// `help check`: in Chinese from the same definitions (`ChineseHelp`), in English ArgumentParser's own.
    static func help(for type: any SessionCommand.Type, in language: Language) -> String {
        if language == .zh { return ChineseHelp.help(for: type, path: type.configuration.commandName ?? "", prefix: "", columns: terminalColumns()) }
        var text = type.helpMessage(columns: terminalColumns())
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    // MARK: - Options, for completion

    /// A command's long options (`--year`), read from ArgumentParser's own description of the command so that the
    /// completer cannot drift from the definitions. Options that take no value are flags.
    public struct OptionInfo: Sendable, Equatable {
        public var name: String
        public var takesValue: Bool
    }

    struct Argument: Decodable {
        struct Name: Decodable { var kind: String; var name: String }
        var kind: String
        var names: [Name]?
        var shouldDisplay: Bool
        var valueName: String?
        var isOptional: Bool
        var isRepeating: Bool
        var abstract: String?
        var defaultValue: String?
        var allValues: [String]?

        var long: String? { names?.first { $0.kind == "long" }?.name }
        /// What names it in the help texts: the long option name (`year`), or a positional's value name (`REGION`).
        var key: String? { kind == "positional" ? valueName : long ?? names?.first?.name }
        /// As typed: `--year <year>`, `-c, --command <COMMANDS>`, `--quiet`.
        var spelled: String {
            let all = (names ?? []).sorted { $0.kind == "short" && $1.kind != "short" }
                .map { $0.kind == "short" ? "-" + $0.name : "--" + $0.name }.joined(separator: ", ")
            return kind == "option" ? all + " <\(valueName ?? "value")>" : all
        }
    }

    /// A command's arguments as ArgumentParser describes them. `_dumpHelp()` is the JSON behind
    /// `--experimental-dump-help` (public, though underscored); a test checks that it still lists `check`'s options.
    static func describe(_ type: any ParsableCommand.Type) -> [Argument] {
        struct Dump: Decodable {
            struct Command: Decodable { var arguments: [Argument]? }
            var command: Command
        }
        return (try? JSONDecoder().decode(Dump.self, from: Data(type._dumpHelp().utf8)))?.command.arguments ?? []
    }

    /// Each command's options, read once (completion asks on every Tab).
    private static let optionTable: [String: [OptionInfo]] = Dictionary(uniqueKeysWithValues: commands.map { type in
        (type.configuration.commandName ?? "", readOptions(of: type))
    })

    public static func options(of type: any SessionCommand.Type) -> [OptionInfo] {
        optionTable[type.configuration.commandName ?? ""] ?? readOptions(of: type)
    }

    private static func readOptions(of type: any SessionCommand.Type) -> [OptionInfo] {
        describe(type).compactMap { a in
            guard a.shouldDisplay, a.kind != "positional", let long = a.long else { return nil }
            return OptionInfo(name: "--" + long, takesValue: a.kind == "option")
        }
    }
}

/// The width of the terminal on stdout, or 100.
func terminalColumns() -> Int {
    var size = winsize()
    if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
    return 100
}
