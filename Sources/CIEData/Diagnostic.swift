import CIECore

/// A problem found in an input file, reported as `FILE:LINE:COLUMN: error: message`.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning, note }
    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    /// The message in both languages; `render(_:)` prints it in the session's.
    public var text: LocalizedText
    /// A workbook's column letter (`C`), printed instead of the number.
    public var columnName: String?

    public init(file: String, line: Int, column: Int, _ text: LocalizedText, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.text = text
    }

    /// The message in English (the language of the first messages; `render` picks the session's).
    public var message: String { text.en }

    public var description: String { render(.en) }

    /// `FILE:LINE:COLUMN: error: message` with the message in the language given (`error:`, `warning:` and `note:`
    /// stay as they are, for editors and scripts that read them).
    public func render(_ language: Language) -> String {
        let message = text(language)
        return line > 0 ? "\(file):\(line):\(columnName ?? String(column)): \(severity.rawValue): \(message)" : "\(file): \(severity.rawValue): \(message)"
    }
}

/// A load that found errors: nothing was loaded.
public struct LoadFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// How the columns were read, when one file failed (`validate` prints them: the mapping is often the problem).
    public var columns: [ColumnUse] = []
    public init(_ diagnostics: [Diagnostic], columns: [ColumnUse] = []) {
        self.diagnostics = diagnostics
        self.columns = columns
    }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
}
