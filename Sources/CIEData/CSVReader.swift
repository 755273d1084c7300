import CIECore
import Foundation

/// A CSV field: a byte range in the file and where it starts.
public struct CSVField: Sendable {
    public var start: Int
    public var end: Int
    /// 1-based column, in characters, where the field starts.
    public var column: Int
    public var quoted: Bool
    /// The field contains `""` that must be unescaped.
    public var hasEscapes: Bool
}

/// One record (a record can span lines when a quoted field holds a line break).
public struct CSVRow: Sendable {
    public var line: Int
    public var fields: [CSVField]
}

/// An RFC 4180 reader over UTF-8 bytes: commas, quotes with `""` escapes, LF or CRLF line ends.
/// Written by hand because it is the hot path of every load: it works on bytes and offsets, reuses one row's
/// field list, and never builds a String for a field unless asked.
public struct CSVReader {
    /// Keeps the bytes alive.
    public let file: FileBytes
    public let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var line = 1
    /// A field longer than this is an error (a quote or a line break is missing), not a cell to keep.
    public static let maxFieldBytes = 4096

    public enum Problem: Error {
        /// A quote opened at (line, column) never closes.
        case unbalancedQuote(line: Int, column: Int)
        /// A quote in the middle of an unquoted field, or text after a closing quote.
        case strayQuote(line: Int, column: Int)
        case fieldTooLong(line: Int, column: Int, bytes: Int)
    }

    /// The byte offset and line the next record starts at.
    public var position: (offset: Int, line: Int) { (i, line) }

    /// Continues reading at a record that starts at `offset` on `line`.
    public mutating func seek(offset: Int, line: Int) {
        i = offset
        self.line = line
    }

    public init(_ file: FileBytes) {
        self.init(file, bytes: file.bytes)
    }

    /// A reader of `bytes`, which `file` holds: a block of a two-core load (offsets and lines count from its start).
    init(_ file: FileBytes, bytes: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.bytes = bytes
    }

    /// Problems in records that were skipped (a stray quote, an over-long field); an unbalanced quote is thrown instead,
    /// since nothing after it can be trusted.
    public private(set) var skipped: [Problem] = []

    public mutating func drainSkipped() -> [Problem] {
        defer { skipped = [] }
        return skipped
    }

    /// The next non-blank record, or nil at the end.
    public mutating func next() throws(Problem) -> CSVRow? {
        var row = CSVRow(line: 0, fields: [])
        return try next(into: &row) ? row : nil
    }

    /// Reads the next non-blank record into `row`, reusing its field storage; false at the end.
    public mutating func next(into row: inout CSVRow) throws(Problem) -> Bool {
        while i < bytes.count {
            // Skip blank lines.
            if bytes[i] == 0x0A {
                i += 1
                line += 1
                continue
            }
            if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A {
                i += 2
                line += 1
                continue
            }
            // A CR that ends the file is its last line break, not a row of one empty cell (found by Fuzz/csv.swift:
            // the two-core path read it as a blank line, a single pass as an empty row).
            if bytes[i] == 0x0D, i + 1 == bytes.count {
                i += 1
                continue
            }
            do {
                try record(into: &row)
                return true
            } catch {
                if case .unbalancedQuote = error { throw error }
                skipped.append(error)
                // Skip the rest of the line and go on with the next record.
                while i < bytes.count, bytes[i] != 0x0A { i += 1 }
                if i < bytes.count {
                    i += 1
                    line += 1
                }
            }
        }
        return false
    }

    private mutating func record(into row: inout CSVRow) throws(Problem) {
        row.line = line
        row.fields.removeAll(keepingCapacity: true)
        var column = 1
        while true {
            let fieldColumn = column
            var field = CSVField(start: i, end: i, column: fieldColumn, quoted: false, hasEscapes: false)
            if i < bytes.count, bytes[i] == 0x22 {
                let openLine = line
                field.quoted = true
                i += 1
                column += 1
                field.start = i
                var closed = false
                while i < bytes.count {
                    let b = bytes[i]
                    if b == 0x22 {
                        if i + 1 < bytes.count, bytes[i + 1] == 0x22 {
                            field.hasEscapes = true
                            i += 2
                            column += 2
                            continue
                        }
                        field.end = i
                        i += 1
                        column += 1
                        closed = true
                        break
                    }
                    if b == 0x0A {
                        line += 1
                        column = 0
                    }
                    if b & 0xC0 != 0x80 { column += 1 }
                    i += 1
                }
                if !closed { throw .unbalancedQuote(line: openLine, column: fieldColumn) }
                if i < bytes.count, bytes[i] != 0x2C, bytes[i] != 0x0A, !(bytes[i] == 0x0D) {
                    throw .strayQuote(line: line, column: column)
                }
            } else {
                let n = bytes.count
                while i < n {
                    let b = bytes[i]
                    // Digits, letters, '.', '-' and the rest of printable ASCII after ',' (the common case) go straight on.
                    if b > 0x2C && b < 0x80 {
                        i += 1
                        column += 1
                        continue
                    }
                    if b == 0x2C || b == 0x0A || (b == 0x0D && (i + 1 == bytes.count || bytes[i + 1] == 0x0A)) { break }
                    if b == 0x22 { throw .strayQuote(line: line, column: column) }
                    if b & 0xC0 != 0x80 { column += 1 }
                    i += 1
                }
                field.end = i
            }
            if field.end - field.start > CSVReader.maxFieldBytes {
                throw .fieldTooLong(line: line, column: fieldColumn, bytes: field.end - field.start)
            }
            row.fields.append(field)
            if i < bytes.count, bytes[i] == 0x2C {
                i += 1
                column += 1
                continue
            }
            if i < bytes.count, bytes[i] == 0x0D { i += 1 }
            if i < bytes.count, bytes[i] == 0x0A {
                i += 1
                line += 1
            }
            return
        }
    }

    /// The text of a field, unescaped and trimmed.
    public func string(_ f: CSVField) -> String {
        var s = String(decoding: UnsafeBufferPointer(rebasing: bytes[f.start..<f.end]), as: UTF8.self)
        if f.hasEscapes { s = s.replacingOccurrences(of: "\"\"", with: "\"") }
        return s.trimmingSpaces()
    }
}
