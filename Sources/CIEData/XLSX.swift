import CIECore
import CZlib
import Foundation

/// An Excel workbook (.xlsx, Office Open XML SpreadsheetML): a ZIP archive (`ZipArchive`, over zlib) of XML parts, of
/// which cie reads the workbook, relationships, shared strings, styles and worksheets with `XMLScanner`. Both are
/// written by hand: a ZIP reader is a central directory and one inflate call per member, and ZIPFoundation's
/// chunked Data copies cost a third of loading a national workbook (and its manifest warns on every build);
/// Foundation's XMLParser on Linux builds a libxml2 SAX context and Swift strings per callback, and cie needs five
/// element kinds. A sheet becomes CSV that the CSV loader reads with every layout rule, so a workbook and the CSV
/// exported from it load the same values.
public struct Workbook: Sendable {
    public struct Sheet: Sendable, Equatable {
        public var name: String
        /// The part in the archive (`xl/worksheets/sheet1.xml`).
        var part: String
    }

    public enum Problem: Error, Equatable {
        /// Not a ZIP archive, or a damaged one.
        case notAnArchive
        /// A part every workbook has is missing or unreadable (`xl/workbook.xml`).
        case missingPart(String)
        /// A part that would expand beyond the limit (a ZIP bomb, or no spreadsheet).
        case tooLarge(String, UInt64)
        case noSheet(String, available: [String])
        /// A cell beyond Excel's grid (1,048,576 rows, 16,384 columns): a damaged sheet.
        case outOfGrid(String, row: Int, column: Int)
    }

    /// Excel's grid: no sheet has a row or column beyond it.
    static let maximumRows = 1_048_576, maximumColumns = 16_384

    public let sheets: [Sheet]
    private let archive: ArchiveBox
    /// The shared strings, each as the CSV field that writes it.
    private let sharedFields: [[UInt8]]
    /// Style index → whether its number format is a date.
    private let dateStyles: Set<Int>

    /// The most a part may expand to (a national sheet is tens of MB).
    static let maximumPartBytes: UInt64 = 1 << 30

    final class ArchiveBox: @unchecked Sendable {
        // Read under the workbook's own calls only (it caches the last sheet).
        let archive: ZipArchive
        /// The last sheet part read: choosing a sheet reads its first rows, and loading it reads it again.
        var lastPart: (path: String, bytes: [UInt8])?
        init(_ archive: ZipArchive) { self.archive = archive }
    }

    /// A sheet's XML, read once for choosing and loading.
    private func sheetXML(_ sheet: Sheet) throws(Problem) -> [UInt8] {
        if let last = archive.lastPart, last.path == sheet.part { return last.bytes }
        guard let xml = try Workbook.part(sheet.part, in: archive.archive) else { throw .missingPart(sheet.part) }
        archive.lastPart = (sheet.part, xml)
        return xml
    }

    public init(bytes: [UInt8]) throws(Problem) {
        guard let archive = ZipArchive(bytes) else { throw .notAnArchive }
        self.archive = ArchiveBox(archive)
        guard let workbook = try Workbook.part("xl/workbook.xml", in: archive) else { throw .missingPart("xl/workbook.xml") }
        let relations = try Workbook.part("xl/_rels/workbook.xml.rels", in: archive).map(Workbook.relationships) ?? [:]
        var sheets: [Sheet] = []
        XMLScanner.scan(workbook) { event in
            if case .start("sheet", let a) = event, let name = a["name"] {
                let id = a["r:id"] ?? a["id"] ?? ""
                var target = relations[id] ?? "worksheets/sheet\(sheets.count + 1).xml"
                if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
                sheets.append(Sheet(name: name, part: target))
            }
        }
        self.sheets = sheets
        sharedFields = (try Workbook.part("xl/sharedStrings.xml", in: archive).map(Workbook.strings) ?? []).map { Workbook.csvField(Array($0.utf8)) }
        dateStyles = try Workbook.part("xl/styles.xml", in: archive).map(Workbook.dateStyles) ?? []
    }

    /// A part's bytes; nil when the archive has no such part.
    private static func part(_ path: String, in archive: ZipArchive) throws(Problem) -> [UInt8]? {
        guard let member = archive.members[path] else { return nil }
        guard member.size <= maximumPartBytes else { throw .tooLarge(path, member.size) }
        guard let bytes = archive.extract(member) else { throw .missingPart(path) }
        return bytes
    }

    private static func relationships(_ bytes: [UInt8]) -> [String: String] {
        var map: [String: String] = [:]
        XMLScanner.scan(bytes) { event in
            if case .start("Relationship", let a) = event, let id = a["Id"], let target = a["Target"] { map[id] = target }
        }
        return map
    }

    /// The shared strings: each `<si>` is one, its `<t>` runs (rich text) joined; phonetic runs (`<rPh>`) left out.
    private static func strings(_ bytes: [UInt8]) -> [String] {
        var out: [String] = []
        var current = ""
        var inText = false, inPhonetic = false
        XMLScanner.scan(bytes) { event in
            switch event {
            case .start("si", _): current = ""
            case .end("si"): out.append(current)
            case .start("rPh", _): inPhonetic = true
            case .end("rPh"): inPhonetic = false
            case .start("t", _): inText = !inPhonetic
            case .end("t"): inText = false
            case .text(let t) where inText: current += t
            default: break
            }
        }
        return out
    }

    /// The cell styles (`cellXfs`) whose number format is a date: the built-in 14–22 and 45–47, and custom formats with
    /// y, m or d outside quotes and brackets.
    private static func dateStyles(_ bytes: [UInt8]) -> Set<Int> {
        var custom: [Int: String] = [:]
        var styles: Set<Int> = []
        var inCellXfs = false
        var index = 0
        XMLScanner.scan(bytes) { event in
            switch event {
            case .start("numFmt", let a):
                if let id = a["numFmtId"].flatMap(Int.init), let code = a["formatCode"] { custom[id] = code }
            case .start("cellXfs", _): inCellXfs = true
            case .end("cellXfs"): inCellXfs = false
            case .start("xf", let a) where inCellXfs:
                let id = a["numFmtId"].flatMap(Int.init) ?? 0
                if (14...22).contains(id) || (45...47).contains(id) || custom[id].map(isDateFormat) == true { styles.insert(index) }
                index += 1
            default: break
            }
        }
        return styles
    }

    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false, bracket = false
        for c in code.lowercased() {
            switch c {
            case "\"": quoted.toggle()
            case "[": bracket = true
            case "]": bracket = false
            default: if !quoted, !bracket, c == "y" || c == "m" || c == "d" { return true }
            }
        }
        return false
    }

    /// The first sheet with a table: a header by the loader's rule within its first rows (a sheet of notes before the
    /// data is passed over), else the first that holds a value.
    func firstTable() throws(Problem) -> Sheet {
        var firstWithValues: Sheet?
        for s in sheets {
            let rows = try rows(of: s, limit: FileParse.titleRowsAllowed + 1)
            if rows.contains(where: { FileParse.isHeader($0) }) { return s }
            if firstWithValues == nil, rows.contains(where: { $0.contains { !$0.isEmpty } }) { firstWithValues = s }
        }
        guard let s = firstWithValues ?? sheets.first else { throw .noSheet("", available: []) }
        return s
    }

    /// The sheet `name` names (exactly, else once trimmed).
    public func sheet(named name: String) throws(Problem) -> Sheet {
        guard let s = sheets.first(where: { $0.name == name }) ?? sheets.first(where: { $0.name.trimmingSpaces() == name.trimmingSpaces() }) else {
            throw .noSheet(name, available: sheets.map(\.name))
        }
        return s
    }

    /// A sheet's rows (the first `limit`), read back from its CSV form: what the loader sees.
    public func rows(of sheet: Sheet, limit: Int? = nil) throws(Problem) -> [[String]] {
        let csv = try csv(of: sheet, limit: limit)
        var reader = CSVReader(FileBytes(csv.bytes))
        var rows: [[String]] = []
        var row = CSVRow(line: 0, fields: [])
        while (try? reader.next(into: &row)) == true {
            while rows.count < row.line - 1 { rows.append([]) }
            rows.append(row.fields.map { reader.string($0) })
        }
        return rows
    }

    /// The sheet as CSV: line n is row n of the sheet (missing rows empty), column A first, each row up to its last
    /// value (the loader pads short rows of a workbook). Numbers as written (`123.4567`, `1.2E-3`), dates as
    /// `2020-06-30`, booleans TRUE/FALSE, errors (`#N/A`) as written; a merged range holds its top-left value in every
    /// cell (a merged header names every column it spans). `lineStarts[n]` is where line n + 1 starts, to turn a
    /// problem's column into the sheet's letter.
    ///
    /// Written by hand over the bytes, cell by cell into the CSV, with no String per cell: a national sheet has
    /// millions of cells, and the CSV loader does the rest.
    func csv(of sheet: Sheet, limit: Int? = nil) throws(Problem) -> (bytes: [UInt8], lineStarts: [Int]) {
        let xml = try sheetXML(sheet)
        var out: [UInt8] = []
        out.reserveCapacity(xml.count / 3)
        var lineStarts: [Int] = []
        let merges = Workbook.merges(xml)
        // The merges each row lies in (bounded: a sheet claiming millions of merged rows is not read for them).
        var mergesOfRow: [Int: [Int]] = [:]
        var spanned = 0
        for (m, range) in merges.enumerated() where spanned < 1_000_000 {
            for r in range.0...range.2 { mergesOfRow[r, default: []].append(m) }
            spanned += range.2 - range.0 + 1
        }
        var mergedValues: [Int: [UInt8]] = [:]  // merge index → its top-left cell's field
        // The row being read: its cells' fields as ranges of `fields` (no array per cell).
        var cells: [(column: Int, start: Int, end: Int)] = []
        var fields: [UInt8] = []
        var row = -1
        var outside: (row: Int, column: Int)?
        xml.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            func flush() {
                guard row >= 0 else { return }
                while lineStarts.count < row {
                    lineStarts.append(out.count)
                    out.append(0x0A)
                }
                lineStarts.append(out.count)
                for m in mergesOfRow[row] ?? [] {
                    let range = merges[m]
                    if range.0 == row, let top = cells.first(where: { $0.column == range.1 }) { mergedValues[m] = Array(fields[top.start..<top.end]) }
                    guard let value = mergedValues[m] else { continue }
                    for c in range.1...range.3 where !cells.contains(where: { $0.column == c }) {
                        cells.append((c, fields.count, fields.count + value.count))
                        fields += value
                    }
                }
                // Cells come in column order; a merge or a sheet writer may break it.
                if mergesOfRow[row] != nil || zip(cells, cells.dropFirst()).contains(where: { $0.column >= $1.column }) { cells.sort { $0.column < $1.column } }
                // Columns 0 … the last with a value, empty between; a cell given twice keeps its first value.
                var column = 0
                for cell in cells where cell.column >= column && cell.end > cell.start {
                    while column < cell.column {
                        if column > 0 { out.append(0x2C) }
                        column += 1
                    }
                    if column > 0 { out.append(0x2C) }
                    out.append(contentsOf: fields[cell.start..<cell.end])
                    column += 1
                }
                fields.removeAll(keepingCapacity: true)
                out.append(0x0A)
                cells.removeAll(keepingCapacity: true)
            }
            while i < n {
                guard b[i] == 0x3C else { i += 1; continue }
                var k = i + 1
                let closing = k < n && b[k] == 0x2F
                if closing { k += 1 }
                // The local name (a prefix such as x: dropped).
                var nameStart = k
                while k < n, b[k] != 0x20, b[k] != 0x3E, b[k] != 0x2F, b[k] != 0x0A, b[k] != 0x0D, b[k] != 0x09 {
                    if b[k] == 0x3A { nameStart = k + 1 }
                    k += 1
                }
                let nameLength = k - nameStart
                if closing {
                    if nameLength == 3, b[nameStart] == 0x72, b[nameStart + 1] == 0x6F, b[nameStart + 2] == 0x77 {  // </row>
                        flush()
                        if let limit, lineStarts.count >= limit { return }
                        row = -2
                    }
                    i = k
                    continue
                }
                if nameLength == 3, b[nameStart] == 0x72, b[nameStart + 1] == 0x6F, b[nameStart + 2] == 0x77 {  // <row …>
                    if row >= 0 { flush() }
                    let r = Workbook.attribute(b, from: k, name: [0x72]).flatMap { Workbook.integer(b, $0) }
                    row = r.map { $0 - 1 } ?? lineStarts.count
                    if row >= Workbook.maximumRows || row < 0 {
                        outside = (row + 1, 0)
                        return
                    }
                    i = k
                    continue
                }
                guard nameLength == 1, b[nameStart] == 0x63 else { i = k; continue }  // <c …>
                // The cell's attributes: r (its reference), t (its type), s (its style).
                var end = k
                while end < n, b[end] != 0x3E { end += 1 }
                let selfClosing = end > 0 && b[end - 1] == 0x2F
                let reference = Workbook.attribute(b, from: k, to: end, name: [0x72])
                let type = Workbook.attribute(b, from: k, to: end, name: [0x74])
                let style = Workbook.attribute(b, from: k, to: end, name: [0x73]).flatMap { Workbook.integer(b, $0) } ?? 0
                let column = reference.flatMap { Workbook.column(b, $0) } ?? (cells.last.map { $0.column + 1 } ?? 0)
                if column >= Workbook.maximumColumns {
                    outside = (row + 1, column + 1)
                    return
                }
                i = end + 1
                if selfClosing { continue }
                // The cell's content up to </c>: the value of <v>, or the text of every <t> (an inline string), read into
                // `fields` after the row's earlier cells.
                let valueStart = fields.count
                while i < n {
                    guard b[i] == 0x3C else { i += 1; continue }
                    var t = i + 1
                    let close = t < n && b[t] == 0x2F  // a sheet that ends at "<" (found by Fuzz/xlsx.swift)
                    if close { t += 1 }
                    var localStart = t
                    while t < n, b[t] != 0x20, b[t] != 0x3E, b[t] != 0x2F {
                        if b[t] == 0x3A { localStart = t + 1 }
                        t += 1
                    }
                    let length = t - localStart
                    while t < n, b[t] != 0x3E { t += 1 }
                    let tagEnd = t
                    i = t + 1
                    if close {
                        if length == 1, b[localStart] == 0x63 { break }  // </c>
                        continue
                    }
                    let isV = length == 1 && b[localStart] == 0x76
                    let isT = length == 1 && b[localStart] == 0x74
                    guard (isV || isT), b[tagEnd - 1] != 0x2F else { continue }
                    let start = i
                    while i < n, b[i] != 0x3C { i += 1 }
                    Workbook.appendDecoded(b, start, i, to: &fields)
                }
                if fields.count == valueStart { continue }
                // The type: s (a shared string), b, n or none (a number, or a date by its style), else text.
                let kind: UInt8 = type.map { $0.1 - $0.0 == 1 ? b[$0.0] : 0x78 } ?? 0x6E
                switch kind {
                case 0x73:
                    let index = Workbook.integer(fields, valueStart, fields.count) ?? -1
                    fields.removeSubrange(valueStart...)
                    if index >= 0 && index < sharedFields.count { fields += sharedFields[index] }
                case 0x62:
                    let yes = fields.count == valueStart + 1 && fields[valueStart] == 0x31
                    fields.removeSubrange(valueStart...)
                    fields += yes ? Array("TRUE".utf8) : Array("FALSE".utf8)
                case 0x6E where dateStyles.contains(style):
                    if let d = Double(String(decoding: fields[valueStart...], as: UTF8.self)) {
                        fields.removeSubrange(valueStart...)
                        fields += Array(Workbook.date(d).utf8)
                    }
                case 0x6E:
                    break
                default:
                    let text = Array(fields[valueStart...])
                    fields.removeSubrange(valueStart...)
                    fields += Workbook.csvField(text)
                }
                cells.append((column, valueStart, fields.count))
            }
            if row >= 0 { flush() }
        }
        if let outside { throw .outOfGrid(sheet.name, row: outside.row, column: outside.column) }
        return (out, lineStarts)
    }

    /// The merged ranges of a sheet (`<mergeCell ref="A1:D1"/>`, after the sheet's data): (row0, column0, row1, column1).
    static func merges(_ xml: [UInt8]) -> [(Int, Int, Int, Int)] {
        let needle = Array("<mergeCells".utf8)
        var at = xml.count - needle.count
        while at >= 0, !xml[at..<(at + needle.count)].elementsEqual(needle) { at -= 1 }
        guard at >= 0 else { return [] }
        var ranges: [(Int, Int, Int, Int)] = []
        XMLScanner.scan(Array(xml[at...])) { event in
            if case .start("mergeCell", let a) = event, let ref = a["ref"], let r = range(ref), (r.2 - r.0 + 1) * (r.3 - r.1 + 1) <= 100_000 {
                ranges.append(r)
            }
        }
        return ranges
    }

    /// The value of the attribute `name` in a tag's bytes from `from` to `to` (its bounds, entities not decoded: r, t
    /// and s never hold any).
    static func attribute(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int? = nil, name: [UInt8]) -> (Int, Int)? {
        let end = to ?? { var e = from; while e < b.count, b[e] != 0x3E { e += 1 }; return e }()
        var k = from
        while k < end {
            // A name preceded by a space and followed by =.
            if b[k] == 0x20 || b[k] == 0x0A || b[k] == 0x09 || b[k] == 0x0D {
                var m = k + 1
                var j = 0
                while j < name.count, m < end, b[m] == name[j] { m += 1; j += 1 }
                if j == name.count, m < end, b[m] == 0x3D, m + 1 < end, b[m + 1] == 0x22 || b[m + 1] == 0x27 {
                    let quote = b[m + 1]
                    let start = m + 2
                    var e = start
                    while e < end, b[e] != quote { e += 1 }
                    return (start, e)
                }
            }
            k += 1
        }
        return nil
    }

    static func integer(_ b: UnsafeBufferPointer<UInt8>, _ range: (Int, Int)) -> Int? {
        guard range.1 > range.0, range.1 - range.0 <= 9 else { return nil }
        var v = 0
        for k in range.0..<range.1 {
            guard b[k] >= 0x30, b[k] <= 0x39 else { return nil }
            v = v * 10 + Int(b[k] - 0x30)
        }
        return v
    }

    static func integer(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Int? {
        bytes.withUnsafeBufferPointer { integer($0, (from, to)) }
    }

    /// The zero-based column of a reference's letters (`AB12` → 27).
    static func column(_ b: UnsafeBufferPointer<UInt8>, _ range: (Int, Int)) -> Int? {
        var column = 0, letters = 0
        for k in range.0..<range.1 {
            let u = b[k] | 0x20
            guard u >= 0x61, u <= 0x7A else { break }
            column = column * 26 + Int(u - 0x60)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters > 0 ? column - 1 : nil
    }

    /// Text bytes with the XML entities decoded, appended.
    static func appendDecoded(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, to out: inout [UInt8]) {
        var plain = true
        for k in start..<end where b[k] == 0x26 { plain = false; break }
        if plain { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<end])) } else { out += Array(XMLScanner.decode(b, start, end).utf8) }
    }

    /// A text as one CSV field: quoted when it holds a comma or a quote. A line break in a cell (a yearbook header's
    /// Alt+Enter: “地区生产总值⏎（万元）”) is read as a space, so that line n of the CSV stays row n of the sheet and
    /// every problem is reported at its row.
    static func csvField(_ text: [UInt8]) -> [UInt8] {
        guard text.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 2)
        var k = 0
        while k < text.count {
            let c = text[k]
            if c == 0x0D || c == 0x0A {
                if c == 0x0D, k + 1 < text.count, text[k + 1] == 0x0A { k += 1 }
                out.append(0x20)
            } else {
                if c == 0x22 { out.append(0x22) }
                out.append(c)
            }
            k += 1
        }
        return out.contains(where: { $0 == 0x2C || $0 == 0x22 }) ? [0x22] + out + [0x22] : out
    }

    /// `B12` → (row 11, column 1), zero-based.
    static func cellReference(_ ref: String) -> (row: Int, column: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for u in ref.utf8 {
            switch u {
            case 0x41...0x5A where digits == 0: column = column * 26 + Int(u - 0x40); letters += 1
            case 0x61...0x7A where digits == 0: column = column * 26 + Int(u - 0x60); letters += 1
            case 0x30...0x39 where letters > 0: row = row * 10 + Int(u - 0x30); digits += 1
            case 0x24: continue  // $A$1
            default: return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0 else { return nil }
        return (max(row - 1, 0), column - 1)
    }

    /// `A1:C2` → (0, 0, 1, 2).
    static func range(_ ref: String) -> (Int, Int, Int, Int)? {
        let parts = ref.split(separator: ":").map(String.init)
        guard let a = parts.first.flatMap(cellReference) else { return nil }
        let b = parts.count > 1 ? cellReference(parts[1]) ?? a : a
        return (min(a.row, b.row), min(a.column, b.column), max(a.row, b.row), max(a.column, b.column))
    }

    /// The column letters of a zero-based column (0 → A, 26 → AA).
    public static func columnLetters(_ column: Int) -> String {
        var n = column + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// An Excel serial date (the 1900 system, 25569 = 1970-01-01) as `yyyy-mm-dd`.
    static func date(_ serial: Double) -> String {
        guard serial.isFinite, serial > 0, serial < 2_958_466 else { return String(serial) }
        let days = Int(serial.rounded(.down)) - 25569
        // Civil from days (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}

/// A minimal XML event scanner for the parts of a workbook: start tags with attributes (prefixes dropped: `x:c` is
/// `c`), end tags, and text with the five entities and character references decoded. Comments, processing
/// instructions and CDATA are skipped (CDATA's text kept). Not a validating parser: workbooks are machine-written.
enum XMLScanner {
    enum Event {
        case start(String, [String: String])
        case end(String)
        case text(String)
    }

    static func scan(_ bytes: [UInt8], _ handle: (Event) -> Void) {
        let n = bytes.count
        var i = 0
        bytes.withUnsafeBufferPointer { b in
            func localName(_ start: Int, _ end: Int) -> String {
                var s = start
                for k in start..<end where b[k] == 0x3A { s = k + 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: b[s..<end]), as: UTF8.self)
            }
            while i < n {
                if b[i] != 0x3C {
                    let start = i
                    while i < n, b[i] != 0x3C { i += 1 }
                    handle(.text(decode(b, start, i)))
                    continue
                }
                // <!-- … -->, <![CDATA[ … ]]>, <? … ?>, <!DOCTYPE …>
                if i + 3 < n, b[i + 1] == 0x21, b[i + 2] == 0x2D, b[i + 3] == 0x2D {
                    i = find(b, [0x2D, 0x2D, 0x3E], from: i + 4) + 3
                    continue
                }
                if i + 8 < n, b[i + 1] == 0x21, b[i + 2] == 0x5B {
                    let end = find(b, [0x5D, 0x5D, 0x3E], from: i + 9)
                    handle(.text(String(decoding: UnsafeBufferPointer(rebasing: b[min(i + 9, end)..<end]), as: UTF8.self)))
                    i = end + 3
                    continue
                }
                if i + 1 < n, b[i + 1] == 0x3F || b[i + 1] == 0x21 {
                    while i < n, b[i] != 0x3E { i += 1 }
                    i += 1
                    continue
                }
                if i + 1 < n, b[i + 1] == 0x2F {
                    let start = i + 2
                    var k = start
                    while k < n, b[k] != 0x3E, b[k] != 0x20 { k += 1 }
                    handle(.end(localName(start, k)))
                    while k < n, b[k] != 0x3E { k += 1 }
                    i = k + 1
                    continue
                }
                let nameStart = i + 1
                var k = nameStart
                while k < n, b[k] != 0x3E, b[k] != 0x2F, b[k] != 0x20, b[k] != 0x0A, b[k] != 0x0D, b[k] != 0x09 { k += 1 }
                let name = localName(nameStart, k)
                var attributes: [String: String] = [:]
                var selfClosing = false
                while k < n, b[k] != 0x3E {
                    if b[k] == 0x2F { selfClosing = true; k += 1; continue }
                    if b[k] == 0x20 || b[k] == 0x0A || b[k] == 0x0D || b[k] == 0x09 { k += 1; continue }
                    let keyStart = k
                    while k < n, b[k] != 0x3D, b[k] != 0x3E, b[k] != 0x20 { k += 1 }
                    let key = String(decoding: UnsafeBufferPointer(rebasing: b[keyStart..<k]), as: UTF8.self)
                    while k < n, b[k] != 0x22, b[k] != 0x27, b[k] != 0x3E { k += 1 }
                    guard k < n, b[k] != 0x3E else { break }
                    let quote = b[k]
                    let valueStart = k + 1
                    k = valueStart
                    while k < n, b[k] != quote { k += 1 }
                    // Keep the prefix for r:id; drop it for the rest.
                    let shortKey = key.hasPrefix("r:") || !key.contains(":") ? key : String(key[key.index(after: key.firstIndex(of: ":")!)...])
                    attributes[shortKey] = decode(b, valueStart, min(k, n))
                    selfClosing = false
                    k += 1
                }
                handle(.start(name, attributes))
                if selfClosing { handle(.end(name)) }
                i = k + 1
            }
        }
    }

    private static func find(_ b: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], from: Int) -> Int {
        var i = from
        while i + needle.count <= b.count {
            if b[i] == needle[0], b[i + 1] == needle[1], b[i + 2] == needle[2] { return i }
            i += 1
        }
        return b.count
    }

    /// Text with `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&#NN;` `&#xHH;` decoded.
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var hasEntity = false
        for k in start..<end where b[k] == 0x26 { hasEntity = true; break }
        guard hasEntity else { return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var k = start
        while k < end {
            guard b[k] == 0x26, let semi = (k + 1..<min(end, k + 12)).first(where: { b[$0] == 0x3B }) else {
                out.append(b[k])
                k += 1
                continue
            }
            let name = String(decoding: UnsafeBufferPointer(rebasing: b[(k + 1)..<semi]), as: UTF8.self)
            var scalar: UInt32?
            switch name {
            case "amp": scalar = 0x26
            case "lt": scalar = 0x3C
            case "gt": scalar = 0x3E
            case "quot": scalar = 0x22
            case "apos": scalar = 0x27
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") { scalar = UInt32(name.dropFirst(2), radix: 16) }
                else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst()) }
            }
            if let s = scalar.flatMap(Unicode.Scalar.init) {
                out.append(contentsOf: Array(String(Character(s)).utf8))
                k = semi + 1
            } else {
                out.append(b[k])
                k += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Workbook {
    /// A ZIP archive's first bytes (`PK\3\4`): a workbook, whatever its name.
    static func isArchive(_ file: FileBytes) -> Bool {
        file.bytes.count >= 4 && file.bytes[0] == 0x50 && file.bytes[1] == 0x4B && file.bytes[2] == 0x03 && file.bytes[3] == 0x04
    }

    /// What went wrong, for the file's one diagnostic.
    static func text(_ problem: Problem) -> LocalizedText {
        switch problem {
        case .notAnArchive:
            LocalizedText(zh: "不是完好的 Excel 工作簿（.xlsx 是 ZIP 压缩包，此文件已损坏或不完整）：请用 Excel 重新保存为 .xlsx，或另存为 CSV",
                          en: "not a sound Excel workbook (an .xlsx is a ZIP archive; this one is damaged or cut short): save it again as .xlsx from Excel, or as CSV")
        case .missingPart(let part):
            LocalizedText(zh: "工作簿缺少或无法读取 \(part)：请用 Excel 重新保存为 .xlsx（.xls 等旧格式请另存为 .xlsx 或 CSV）",
                          en: "the workbook lacks \(part), or it cannot be read: save it again as .xlsx from Excel (an old .xls as .xlsx or CSV)")
        case .tooLarge(let part, let size):
            LocalizedText(zh: "工作簿中的 \(part) 解压后有 \(size) 字节，超过上限 \(maximumPartBytes) 字节：请拆分工作表或另存为 CSV",
                          en: "\(part) in the workbook expands to \(size) bytes, more than the limit of \(maximumPartBytes): split the sheet or save it as CSV")
        case .outOfGrid(let sheet, let row, let column):
            LocalizedText(zh: "工作表“\(sheet)”有一个单元格在第 \(row) 行\(column > 0 ? "第 \(column) 列" : "")，超出 Excel 的范围（\(maximumRows) 行、\(maximumColumns) 列）：文件已损坏，请用 Excel 重新保存",
                          en: "sheet “\(sheet)” has a cell at row \(row)\(column > 0 ? ", column \(column)" : ""), beyond Excel's grid (\(maximumRows) rows, \(maximumColumns) columns): the file is damaged; save it again from Excel")
        case .noSheet(let name, let available):
            LocalizedText(zh: "工作簿中没有工作表“\(name)”：有 \(available.joined(separator: "、"))（用 --sheet 名称 选择）",
                          en: "the workbook has no sheet “\(name)”: it has \(available.joined(separator: ", ")) (choose with --sheet NAME)")
        }
    }
}

extension DataLoader {
    /// A workbook: its sheet read as CSV, with every rule of the CSV loader; problems named `FILE[SHEET]:ROW:COLUMN`
    /// with the sheet's row numbers and column letters.
    mutating func loadWorkbook(_ raw: FileBytes, name: String, settings: LoadSettings) -> Result<LoadedFile, LoadFailure> {
        let book: Workbook, sheet: Workbook.Sheet, csv: (bytes: [UInt8], lineStarts: [Int])
        do throws(Workbook.Problem) {
            book = try Workbook(bytes: Array(raw.bytes))
            if let wanted = settings.sheet { sheet = try book.sheet(named: wanted) } else { sheet = try book.firstTable() }
            csv = try book.csv(of: sheet)
        } catch {
            return .failure(LoadFailure([Diagnostic(file: name, line: 0, column: 0, Workbook.text(error))]))
        }
        let shown = "\(name)[\(sheet.name)]"
        // A problem's column (in characters of its CSV line) as the sheet's letter: the fields before it, counted.
        func letters(_ d: Diagnostic) -> Diagnostic {
            var d = d
            guard d.file == shown, d.line >= 1, d.line <= csv.lineStarts.count else { return d }
            var field = 0, quoted = false, characters = 1
            var k = csv.lineStarts[d.line - 1]
            while k < csv.bytes.count, csv.bytes[k] != 0x0A || quoted, characters < d.column {
                let byte = csv.bytes[k]
                if byte == 0x22 { quoted.toggle() } else if byte == 0x2C, !quoted { field += 1 }
                if byte & 0xC0 != 0x80 { characters += 1 }
                k += 1
            }
            d.columnName = Workbook.columnLetters(field)
            return d
        }
        switch load(text: FileBytes(csv.bytes), encoding: .utf8, path: name, shownAs: shown, settings: settings, sheet: true) {
        case .success(var f):
            f.diagnostics = f.diagnostics.map(letters)
            for r in f.rejects.indices { f.rejects[r].problems = f.rejects[r].problems.map(letters) }
            f.sheets = book.sheets.map(\.name)
            f.sheet = sheet.name
            return .success(f)
        case .failure(var f):
            f.diagnostics = f.diagnostics.map(letters)
            return .failure(f)
        }
    }
}

/// The members of a ZIP archive, read from its central directory, each inflated in one zlib call into a buffer of its
/// size and checked against its CRC-32. Stored and deflated members; no ZIP64 (a workbook over 4 GiB is no
/// spreadsheet), no encryption. Every offset and size is checked against the archive's bytes.
struct ZipArchive: Sendable {
    struct Member: Sendable {
        var method: UInt16
        var crc: UInt32
        var compressedSize: Int
        var size: UInt64
        var localHeader: Int
    }

    let bytes: [UInt8]
    let members: [String: Member]

    init?(_ bytes: [UInt8]) {
        self.bytes = bytes
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        // The end of central directory record: its signature within the last 64 KiB + 22 bytes (a comment may follow).
        guard bytes.count >= 22 else { return nil }
        var end = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while end >= lowest, u32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= lowest else { return nil }
        let count = u16(end + 10), size = u32(end + 12), offset = u32(end + 16)
        guard offset + size <= end, count != 0xFFFF, offset != 0xFFFF_FFFF else { return nil }
        var members: [String: Member] = [:]
        var at = offset
        for _ in 0..<count {
            guard at + 46 <= end, u32(at) == 0x0201_4B50 else { return nil }
            let nameLength = u16(at + 28), extra = u16(at + 30), comment = u16(at + 32)
            guard at + 46 + nameLength <= end else { return nil }
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            members[name] = Member(method: UInt16(u16(at + 10)), crc: UInt32(u32(at + 16)), compressedSize: u32(at + 20),
                                   size: UInt64(u32(at + 24)), localHeader: u32(at + 42))
            at += 46 + nameLength + extra + comment
        }
        self.members = members
    }

    /// A member's bytes; nil when it is damaged (bounds, method, inflate or CRC).
    func extract(_ m: Member) -> [UInt8]? {
        let h = m.localHeader
        guard h + 30 <= bytes.count, bytes[h] == 0x50, bytes[h + 1] == 0x4B, bytes[h + 2] == 0x03, bytes[h + 3] == 0x04 else { return nil }
        let start = h + 30 + (Int(bytes[h + 26]) | Int(bytes[h + 27]) << 8) + (Int(bytes[h + 28]) | Int(bytes[h + 29]) << 8)
        guard start + m.compressedSize <= bytes.count, m.size <= UInt64(Int.max) else { return nil }
        var out = [UInt8](repeating: 0, count: Int(m.size))
        switch m.method {
        case 0:
            guard m.compressedSize == out.count else { return nil }
            out.withUnsafeMutableBufferPointer { o in bytes.withUnsafeBufferPointer { b in
                if let dst = o.baseAddress, let src = b.baseAddress { dst.update(from: src + start, count: m.compressedSize) }
            } }
        case 8:
            let ok: Bool = bytes.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { o in
                    var stream = z_stream()
                    guard cie_inflate_init_raw(&stream) == Z_OK else { return false }
                    defer { inflateEnd(&stream) }
                    stream.next_in = UnsafeMutablePointer(mutating: b.baseAddress! + start)
                    stream.avail_in = UInt32(m.compressedSize)
                    stream.next_out = o.baseAddress
                    stream.avail_out = UInt32(o.count)
                    // An empty member has no output buffer: zlib needs a valid pointer all the same.
                    var one: UInt8 = 0
                    if o.count == 0 { stream.next_out = withUnsafeMutablePointer(to: &one) { $0 } }
                    return inflate(&stream, Z_FINISH) == Z_STREAM_END && Int(stream.total_out) == o.count
                }
            }
            guard ok else { return nil }
        default:
            return nil
        }
        let crc = out.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        return crc == m.crc ? out : nil
    }
}

