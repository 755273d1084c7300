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
    /// Columns that are pictures for people (a sparkline, a bar): tables show them, data formats leave them out.
    public var tableOnly: Set<Int> = []
    /// What it is (the unit `show` shows), above it in a table, as the heading of a page or a sheet.
    public var title: String?
    /// What it covers (`rank`'s year, area and count), below it.
    public var footer: String?

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

    /// The columns data formats carry (all but the pictures).
    var dataColumns: [Int] { keys.indices.filter { !tableOnly.contains($0) } }

    /// As a table, aligned by display width: the title above, the footer below; `width` a terminal's.
    public func table(width: Int? = nil) -> String {
        (title.map { $0 + "\n" } ?? "") + TableFormatter.render(header: header, rows: rows.map { $0.map(\.shown) }, rightAligned: rightAligned, width: width)
            + "\n" + (footer.map { $0 + "\n" } ?? "")
    }
}

/// Small pictures made of text for the terminal: a sparkline of a series, a horizontal bar.
public enum TextChart {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One character a value, low to high between the series' least and greatest; a space where there is none.
    public static func sparkline(_ values: [Double?]) -> String {
        let present = values.compactMap { $0 }.filter(\.isFinite)
        guard let lo = present.min(), let hi = present.max() else { return String(repeating: " ", count: values.count) }
        return String(values.map { v -> Character in
            guard let v, v.isFinite else { return " " }
            let level = ((v - lo) / (hi - lo) * 7).rounded()
            // Equal values, or a span too wide for a double (±1e308): the middle.
            guard hi != lo, level.isFinite else { return levels[3] }
            return levels[max(0, min(7, Int(level)))]
        })
    }

    /// A bar `value / max` of `width` columns, in eighths of a column (▏▎▍▌▋▊▉█); nothing for a value ≤ 0.
    public static func bar(_ value: Double, max: Double, width: Int) -> String {
        guard max > 0, value > 0, value.isFinite else { return "" }
        let eighths = Int((min(value, max) / max * Double(width * 8)).rounded())
        let partial: [String] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    }
}
