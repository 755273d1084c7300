import CIECore

/// One cell of a list: text, a number (its full value for CSV and JSON, as shown for tables), or nothing.
public enum Cell: Sendable, Equatable, ExpressibleByStringLiteral {
    case text(String)
    case number(Double, shown: String)
    /// A coded value (a status, a scope): tables show its label; CSV and JSON carry the id beside the label.
    case coded(id: String, label: String)
    case missing
    /// Nothing, which a table says in words (a yearly target's deadline: 每年); empty in CSV, null in JSON.
    case none(shown: String)

    public init(stringLiteral value: String) { self = .text(value) }

    /// A value shown as its unit prints it.
    public static func value(_ v: Double?, unit: MeasureUnit) -> Cell {
        v.map { .number($0, shown: Display.value($0, unit: unit)) } ?? .missing
    }

    /// A whole number (a rank, a count of values).
    public static func integer(_ n: Int) -> Cell { .number(Double(n), shown: String(n)) }

    /// As a table shows it.
    public var shown: String {
        switch self {
        case .text(let s): s
        case .number(_, let s): s
        case .coded(_, let label): label
        case .missing: "—"
        case .none(let shown): shown
        }
    }

    /// The id of a coded cell (a text is its own id).
    var id: String {
        switch self {
        case .coded(let id, _): id
        default: csv
        }
    }

    /// As CSV writes it: full precision, missing empty.
    var csv: String {
        switch self {
        case .text(let s): s
        case .number(let v, _): Display.exact(v)
        case .coded(_, let label): label
        case .missing, .none: ""
        }
    }

    /// As JSON writes it: a number, a string, or null.
    var json: String {
        switch self {
        case .text(let s): JSONWriter.string(s)
        case .number(let v, _): JSONWriter.number(v)
        case .coded(_, let label): JSONWriter.string(label)
        case .missing, .none: "null"
        }
    }
}

/// A plain list (policies, targets, regions, values, ranks): a header with stable keys and rows, in any output format.
/// Tables show numbers as their unit prints them and "—" for nothing; CSV and JSON carry full precision, with an empty
/// cell and null for nothing.
public struct Listing: Sendable {
    public var keys: [String]
    public var header: [String]
    public var rows: [[Cell]]
    /// Columns right-aligned in a table (numbers).
    public var rightAligned: Set<Int>

    public init(keys: [String], header: [String], cells: [[Cell]], rightAligned: Set<Int> = []) {
        self.keys = keys
        self.header = header
        self.rows = cells
        self.rightAligned = rightAligned
    }

    /// A list of texts only.
    public init(keys: [String], header: [String], rows: [[String]], rightAligned: Set<Int> = []) {
        self.init(keys: keys, header: header, cells: rows.map { $0.map(Cell.text) }, rightAligned: rightAligned)
    }

    /// The columns that hold coded values: CSV and JSON give each its id beside its label.
    var codedColumns: Set<Int> {
        Set(keys.indices.filter { i in rows.contains { row in i < row.count && { if case .coded = row[i] { true } else { false } }() } })
    }

    /// The list in a format; `width`: a terminal's, which a table's last column is cut to fit. A coded column is, in
    /// CSV, its label then its id (状态, 状态代码 as `check` writes them) and, in JSON, `key` the id and `key_label`
    /// the label.
    public func render(_ format: String, width: Int? = nil, language: Language = .zh) -> String {
        let shown = rows.map { $0.map(\.shown) }
        let coded = codedColumns
        switch format {
        case "json":
            let objects = rows.map { row in
                "  " + JSONWriter.object(zip(keys, row).enumerated().flatMap { i, pair -> [(String, String)] in
                    coded.contains(i) ? [(pair.0, JSONWriter.string(pair.1.id)), (pair.0 + "_label", pair.1.json)] : [(pair.0, pair.1.json)]
                })
            }
            return "[\n" + objects.joined(separator: ",\n") + (objects.isEmpty ? "" : "\n") + "]\n"
        case "csv":
            let head = header.enumerated().flatMap { i, h -> [String] in
                guard coded.contains(i) else { return [h] }
                return language == .zh ? [h, h + "代码"] : [keys[i] + "_label", keys[i]]
            }
            return CSVFormatter.document([head] + rows.map { row in
                row.enumerated().flatMap { i, c in coded.contains(i) ? [c.csv, c.id] : [c.csv] }
            })
        case "markdown", "md": return MarkdownFormatter.table(header, shown) + "\n"
        case "html": return HTMLFormatter.page("cie", [], header, shown, classes: rows.map { _ in "" }, language: language)
        default: return TableFormatter.render(header: header, rows: shown, rightAligned: rightAligned, width: width) + "\n"
        }
    }
}
