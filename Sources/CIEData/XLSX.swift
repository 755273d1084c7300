import CIECore
import Foundation
import ZIPFoundation

/// An Excel workbook (.xlsx, Office Open XML SpreadsheetML): ZIPFoundation opens the archive; the few parts cie reads
/// (workbook, relationships, shared strings, styles, worksheets) are read by `XMLScanner`, written by hand because
/// Foundation's XMLParser on Linux builds a libxml2 SAX context and Swift strings per callback, and cie needs five
/// element kinds. A sheet becomes rows of cell texts that the CSV loader reads with every layout rule, so a workbook
/// and the CSV exported from it load the same values.
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
    }

    public let sheets: [Sheet]
    private let archive: ArchiveBox
    private let sharedStrings: [String]
    /// Style index → whether its number format is a date.
    private let dateStyles: Set<Int>

    /// The most a part may expand to (a national sheet is tens of MB).
    static let maximumPartBytes: UInt64 = 1 << 30

    final class ArchiveBox: @unchecked Sendable {
        // Read under the workbook's own calls only; ZIPFoundation's Archive is a class around a FILE*.
        let archive: Archive
        init(_ archive: Archive) { self.archive = archive }
    }

    public init(data: Data) throws(Problem) {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch { throw .notAnArchive }
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
        sharedStrings = try Workbook.part("xl/sharedStrings.xml", in: archive).map(Workbook.strings) ?? []
        dateStyles = try Workbook.part("xl/styles.xml", in: archive).map(Workbook.dateStyles) ?? []
    }

    /// A part's bytes; nil when the archive has no such part.
    private static func part(_ path: String, in archive: Archive) throws(Problem) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= maximumPartBytes else { throw .tooLarge(path, entry.uncompressedSize) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                bytes.append(contentsOf: chunk)
                if bytes.count > Int(maximumPartBytes) { throw Problem.tooLarge(path, UInt64(bytes.count)) }
            }
        } catch let p as Problem {
            throw p
        } catch {
            throw .missingPart(path)
        }
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
        for s in sheets {
            let rows = try rows(of: s)
            if rows.prefix(FileParse.titleRowsAllowed + 1).contains(where: { FileParse.isHeader($0) }) { return s }
        }
        return try sheet(named: nil)
    }

    /// The sheet `name` names, else the first that holds a value.
    public func sheet(named name: String?) throws(Problem) -> Sheet {
        if let name {
            guard let s = sheets.first(where: { $0.name == name }) ?? sheets.first(where: { $0.name.trimmingSpaces() == name.trimmingSpaces() }) else {
                throw .noSheet(name, available: sheets.map(\.name))
            }
            return s
        }
        for s in sheets where try rows(of: s).contains(where: { $0.contains { !$0.isEmpty } }) { return s }
        guard let first = sheets.first else { throw .noSheet("", available: []) }
        return first
    }

    /// A sheet's rows, densely: row n of the sheet is element n − 1 (missing rows empty), column A first. Numbers as
    /// written (`123.4567`, `1.2E-3`), dates as `2020-06-30`, booleans as TRUE/FALSE, errors (`#N/A`) as written;
    /// a merged range holds its top-left value in every cell (merged header cells name every column they span).
    public func rows(of sheet: Sheet) throws(Problem) -> [[String]] {
        guard let bytes = try Workbook.part(sheet.part, in: archive.archive) else { throw .missingPart(sheet.part) }
        var rows: [[String]] = []
        var merges: [(Int, Int, Int, Int)] = []
        var rowIndex = -1
        var cell: (column: Int, type: String, style: Int)?
        var value = ""
        var inValue = false
        var nextColumn = 0
        func put(_ text: String, _ r: Int, _ c: Int) {
            while rows.count <= r { rows.append([]) }
            while rows[r].count <= c { rows[r].append("") }
            rows[r][c] = text
        }
        XMLScanner.scan(bytes) { event in
            switch event {
            case .start("row", let a):
                rowIndex = a["r"].flatMap(Int.init).map { $0 - 1 } ?? rowIndex + 1
                nextColumn = 0
            case .start("c", let a):
                let column = a["r"].flatMap { Workbook.cellReference($0)?.column } ?? nextColumn
                cell = (column, a["t"] ?? "n", a["s"].flatMap(Int.init) ?? 0)
                value = ""
            case .start("v", _), .start("t", _):
                inValue = cell != nil
            case .end("v"), .end("t"):
                inValue = false
            case .text(let t) where inValue:
                value += t
            case .end("c"):
                guard let c = cell else { break }
                let text: String = switch c.type {
                case "s": Int(value).flatMap { $0 >= 0 && $0 < sharedStrings.count ? sharedStrings[$0] : nil } ?? ""
                case "b": value == "1" ? "TRUE" : "FALSE"
                case "n" where dateStyles.contains(c.style): Double(value).map(Workbook.date) ?? value
                default: value
                }
                if !text.isEmpty { put(text, max(rowIndex, 0), c.column) }
                nextColumn = c.column + 1
                cell = nil
            case .start("mergeCell", let a):
                if let ref = a["ref"], let range = Workbook.range(ref) { merges.append(range) }
            default: break
            }
        }
        for (r0, c0, r1, c1) in merges where r0 < rows.count && c0 < rows[r0].count {
            let v = rows[r0][c0]
            guard !v.isEmpty, (r1 - r0 + 1) * (c1 - c0 + 1) <= 1_000_000 else { continue }
            for r in r0...r1 { for c in c0...c1 where (r, c) != (r0, c0) { put(v, r, c) } }
        }
        return rows
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

    /// The sheet as CSV, a line per sheet row (so CSV lines are sheet rows), and each field's starting column in
    /// characters per line, to name problems by the sheet's column letter.
    func csv(of sheet: Sheet) throws(Problem) -> (bytes: [UInt8], fieldStarts: [[Int]]) {
        let rows = try rows(of: sheet)
        let width = rows.map { r in (r.lastIndex { !$0.isEmpty } ?? -1) + 1 }.max() ?? 0
        var out: [UInt8] = []
        var starts: [[Int]] = []
        for row in rows {
            var column = 1
            var lineStarts: [Int] = []
            let used = (row.lastIndex { !$0.isEmpty } ?? -1) + 1
            // A row of data keeps the sheet's width (ragged rows are no problem of a workbook); an empty row stays empty.
            let cells = used == 0 ? [] : (0..<width).map { $0 < row.count ? row[$0] : "" }
            for (i, cell) in cells.enumerated() {
                if i > 0 {
                    out.append(0x2C)
                    column += 1
                }
                lineStarts.append(column)
                let needsQuotes = cell.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
                let text = needsQuotes ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
                out.append(contentsOf: text.replacingOccurrences(of: "\r\n", with: "\n").utf8)
                column += text.count
            }
            out.append(0x0A)
            starts.append(lineStarts)
        }
        return (out, starts)
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
    private static func decode(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
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
    func text(_ problem: Problem) -> LocalizedText { Workbook.text(problem) }

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
        let book: Workbook, sheet: Workbook.Sheet, csv: (bytes: [UInt8], fieldStarts: [[Int]])
        do {
            book = try Workbook(data: Data(raw.bytes))
            sheet = try settings.sheet == nil ? book.firstTable() : book.sheet(named: settings.sheet)
            csv = try book.csv(of: sheet)
        } catch {
            return .failure(LoadFailure([Diagnostic(file: name, line: 0, column: 0, Workbook.text(error))]))
        }
        let shown = "\(name)[\(sheet.name)]"
        func letters(_ d: Diagnostic) -> Diagnostic {
            var d = d
            guard d.file == shown, d.line >= 1, d.line <= csv.fieldStarts.count else { return d }
            let starts = csv.fieldStarts[d.line - 1]
            let index = starts.lastIndex { $0 <= d.column } ?? 0
            d.columnName = Workbook.columnLetters(index)
            return d
        }
        switch load(text: FileBytes(csv.bytes), encoding: .utf8, path: name, shownAs: shown, settings: settings) {
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
