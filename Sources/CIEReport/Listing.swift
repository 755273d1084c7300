import CIECore

/// A plain list (policies, targets, regions): a header with stable keys and rows, in any output format.
public struct Listing: Sendable {
    public var keys: [String]
    public var header: [String]
    public var rows: [[String]]
    /// Columns right-aligned in a table (numbers).
    public var rightAligned: Set<Int>
    public init(keys: [String], header: [String], rows: [[String]], rightAligned: Set<Int> = []) {
        self.keys = keys
        self.header = header
        self.rows = rows
        self.rightAligned = rightAligned
    }

    public func render(_ format: String) -> String {
        switch format {
        case "json":
            let objects = rows.map { row in
                "  " + JSONWriter.object(zip(keys, row).map { ($0, JSONWriter.string($1)) })
            }
            return "[\n" + objects.joined(separator: ",\n") + (objects.isEmpty ? "" : "\n") + "]\n"
        case "csv": return CSVFormatter.document([header] + rows)
        case "markdown", "md": return MarkdownFormatter.table(header, rows) + "\n"
        case "html": return HTMLFormatter.page("cie", "", header, rows, classes: rows.map { _ in "" })
        default: return TableFormatter.render(header: header, rows: rows, rightAligned: rightAligned) + "\n"
        }
    }
}
