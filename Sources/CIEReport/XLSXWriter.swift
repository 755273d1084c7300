/// A cell of a sheet to write: text (an inline string), a number (written as a number, so Excel sums it), or nothing.
public enum SheetCell: Sendable, Equatable { case text(String), number(Double), empty }

/// A sheet: a name (Excel's rules applied: at most 31 characters, none of []:*?/\ , unique in the workbook — the writer fixes names that break them), rows, the first `headerRows` rows as headers.
public struct Sheet: Sendable {
    public var name: String
    public var rows: [[SheetCell]]
    /// Rows at the top that are headers: bold, frozen (the pane is split below them), and the last of them carries the auto-filter over the data below. 0: none of that (a summary sheet of label/value lines).
    public var headerRows: Int

    public init(name: String, rows: [[SheetCell]], headerRows: Int = 1) {
        self.name = name
        self.rows = rows
        self.headerRows = headerRows
    }
}

/// An Office Open XML workbook (.xlsx) written by hand (SpreadsheetML, ECMA-376): the parts Excel and LibreOffice need, no more.
///
/// The parts: `[Content_Types].xml`, `_rels/.rels`, `xl/workbook.xml` (the sheets, and each auto-filter's hidden
/// `_xlnm._FilterDatabase` name, as Excel writes it), `xl/_rels/workbook.xml.rels`, `xl/styles.xml` (style 0 plain,
/// 1 bold, 2 wrapped, 3 bold and wrapped) and `xl/worksheets/sheetN.xml`. Text is written inline (`t="inlineStr"`),
/// not through a shared-string table: one pass per sheet, and deflate takes out the repetition. No document
/// properties: nothing in them is needed, and without a date the same sheets make the same bytes.
public struct XLSXWorkbook: Sendable {
    public var sheets: [Sheet]

    public init(sheets: [Sheet]) { self.sheets = sheets }

    /// Excel's grid: a sheet has at most this many rows and columns.
    public static let maxRows = 1_048_576, maxColumns = 16_384

    /// The .xlsx file's bytes; a `FormatError` for a sheet past Excel's grid or a workbook the ZIP format cannot hold
    /// without ZIP64 (past 4 GiB), saying what to write instead.
    public func bytes() throws(FormatError) -> [UInt8] {
        for sheet in sheets where sheet.rows.count > Self.maxRows || sheet.rows.contains(where: { $0.count > Self.maxColumns }) {
            throw FormatError(zh: "工作表“\(sheet.name)”超出 Excel 的上限（\(Self.maxRows) 行、\(Self.maxColumns) 列）：写成 .csv",
                              en: "the sheet “\(sheet.name)” is past Excel's grid (\(Self.maxRows) rows, \(Self.maxColumns) columns): write a .csv")
        }
        do { return try archive() } catch {
            throw FormatError(zh: "工作簿超过 4 GiB，.xlsx 无法容纳：写成 .csv", en: "the workbook is past 4 GiB, more than an .xlsx holds: write a .csv")
        }
    }

    /// The .xlsx file's bytes, or why the ZIP format cannot hold them.
    func archive() throws(ZipWriter.Problem) -> [UInt8] {
        // Excel opens no workbook without a sheet.
        let sheets = self.sheets.isEmpty ? [Sheet(name: "Sheet1", rows: [], headerRows: 0)] : self.sheets
        let names = XLSXWorkbook.sheetNames(sheets.map(\.name))
        var zip = ZipWriter()
        try zip.add("[Content_Types].xml", XLSXWorkbook.contentTypes(sheets: sheets.count))
        try zip.add("_rels/.rels", Array(XLSXWorkbook.packageRelationships.utf8))
        try zip.add("xl/workbook.xml", XLSXWorkbook.workbook(sheets, names: names))
        try zip.add("xl/_rels/workbook.xml.rels", XLSXWorkbook.workbookRelationships(sheets: sheets.count))
        try zip.add("xl/styles.xml", Array(XLSXWorkbook.styles.utf8))
        for (i, sheet) in sheets.enumerated() {
            try zip.add("xl/worksheets/sheet\(i + 1).xml", XLSXWorkbook.worksheet(sheet, selected: i == 0))
        }
        return try zip.archive()
    }

    // MARK: Sheet names

    /// Excel's most characters (UTF-16 units) in a sheet name.
    static let nameLength = 31

    /// The names as Excel takes them: each of `[]:*?/\` as `_`, control characters dropped, no `'` first or last, at
    /// most 31 characters, none empty (`Sheet3`), none reserved (`History`), and each unique ignoring case (a second
    /// `数据` is `数据 (2)`, as Excel names a copied sheet).
    static func sheetNames(_ wanted: [String]) -> [String] {
        var taken: Set<String> = ["history"]
        var out: [String] = []
        for (i, name) in wanted.enumerated() {
            var clean = String.UnicodeScalarView()
            for s in name.unicodeScalars where s.value >= 0x20 && !(0x7F..<0xA0).contains(s.value) && s.value != 0xFFFE && s.value != 0xFFFF {
                clean.append("[]:*?/\\".unicodeScalars.contains(s) ? "_" : s)
            }
            var base = String(clean)
            while base.hasPrefix("'") { base.removeFirst() }
            while base.hasSuffix("'") { base.removeLast() }
            if base.allSatisfy(\.isWhitespace) { base = "Sheet\(i + 1)" }
            var candidate = prefix(base, nameLength)
            var n = 2
            while taken.contains(candidate.lowercased()) {
                let suffix = " (\(n))"
                candidate = prefix(base, nameLength - suffix.utf16.count) + suffix
                n += 1
            }
            taken.insert(candidate.lowercased())
            out.append(candidate)
        }
        return out
    }

    /// The longest prefix of whole characters within `units` UTF-16 units.
    static func prefix(_ text: String, _ units: Int) -> String {
        guard text.utf16.count > units else { return text }
        var out = ""
        var used = 0
        for c in text {
            let w = c.utf16.count
            if used + w > units { break }
            out.append(c)
            used += w
        }
        return out
    }

    /// A sheet name in a formula: quoted, its apostrophes doubled (`'Bob''s data'`).
    static func quotedName(_ name: String) -> String {
        "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    // MARK: Package parts

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static func contentTypes(sheets: Int) -> [UInt8] {
        var xml = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for i in 1...max(sheets, 1) {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return Array((xml + "</Types>").utf8)
    }

    static let packageRelationships = declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static func workbookRelationships(sheets: Int) -> [UInt8] {
        var xml = declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for i in 1...max(sheets, 1) {
            xml += "<Relationship Id=\"rId\(i)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(i).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        return Array((xml + "</Relationships>").utf8)
    }

    static func workbook(_ sheets: [Sheet], names: [String]) -> [UInt8] {
        var xml: [UInt8] = []
        xml += (declaration + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
            + "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>").utf8
        for (i, name) in names.enumerated() {
            xml += "<sheet name=\"".utf8
            appendEscaped(name, to: &xml)
            xml += "\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>".utf8
        }
        xml += "</sheets>".utf8
        // Excel keeps each auto-filter's range in a hidden name local to its sheet.
        let filters = sheets.indices.compactMap { i in filterRange(sheets[i], absolute: true).map { (i, $0) } }
        if !filters.isEmpty {
            xml += "<definedNames>".utf8
            for (i, range) in filters {
                xml += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">".utf8
                appendEscaped(quotedName(names[i]) + "!" + range, to: &xml)
                xml += "</definedName>".utf8
            }
            xml += "</definedNames>".utf8
        }
        xml += "</workbook>".utf8
        return xml
    }

    /// Style 0 plain, 1 bold (a header), 2 wrapped (text with a line break), 3 bold and wrapped. Two fills, as Excel
    /// requires (none and gray125), one border, the Normal cell style.
    static let styles = declaration + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"4\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    // MARK: Worksheets

    /// The columns a sheet uses: up to its last non-empty cell.
    static func columnCount(_ sheet: Sheet) -> Int {
        var columns = 0
        for row in sheet.rows where row.count > columns {
            if let last = row.lastIndex(where: { !isBlank($0) }), last + 1 > columns { columns = last + 1 }
        }
        return columns
    }

    static func isBlank(_ cell: SheetCell) -> Bool {
        switch cell {
        case .empty: true
        case .text(let t): t.isEmpty
        case .number(let d): !d.isFinite
        }
    }

    /// The auto-filter's range (`A1:P364`, or `$A$1:$P$364`): from the last header row to the last row, over every
    /// column; nil without a header or a column.
    static func filterRange(_ sheet: Sheet, absolute: Bool) -> String? {
        let columns = columnCount(sheet)
        guard sheet.headerRows > 0, columns > 0 else { return nil }
        let last = max(sheet.rows.count, sheet.headerRows), lastColumn = columnLetters(columns - 1)
        return absolute ? "$A$\(sheet.headerRows):$\(lastColumn)$\(last)" : "A\(sheet.headerRows):\(lastColumn)\(last)"
    }

    /// A worksheet part: the frozen pane below the headers, column widths fitted to the content, the cells, the
    /// auto-filter.
    static func worksheet(_ sheet: Sheet, selected: Bool) -> [UInt8] {
        let columns = columnCount(sheet)
        let headerRows = max(0, sheet.headerRows)
        let letters = (0..<columns).map { Array(columnLetters($0).utf8) }
        // The widest line of each column, in display columns (a Chinese character is two); in the filter's row, two
        // more for the drop-down button.
        var widest = [Int](repeating: 0, count: columns)
        let filterRow = filterRange(sheet, absolute: false) == nil ? -1 : headerRows - 1

        var data: [UInt8] = []
        data.reserveCapacity(sheet.rows.count * (columns * 28 + 16) + 32)
        var rowNumber: [UInt8] = []
        for (r, row) in sheet.rows.enumerated() where row.contains(where: { !isBlank($0) }) {
            rowNumber.removeAll(keepingCapacity: true)
            appendInteger(r + 1, to: &rowNumber)
            let header = r < headerRows, button = r == filterRow ? 2 : 0
            data += "<row r=\"".utf8
            data += rowNumber
            data += "\">".utf8
            for (c, cell) in row.enumerated() {
                switch cell {
                case .empty:
                    continue
                case .text(let text):
                    guard !text.isEmpty else { continue }
                    let (width, lineBreak) = measure(text, atLeast: widest[c] - button)
                    if width + button > widest[c] { widest[c] = width + button }
                    let style = (header ? 1 : 0) + (lineBreak ? 2 : 0)
                    cellStart(&data, letters[c], rowNumber, style: style)
                    data += " t=\"inlineStr\"><is><t xml:space=\"preserve\">".utf8
                    appendEscaped(text, to: &data)
                    data += "</t></is></c>".utf8
                case .number(let value):
                    guard value.isFinite else { continue }
                    cellStart(&data, letters[c], rowNumber, style: header ? 1 : 0)
                    data += "><v>".utf8
                    let start = data.count
                    appendNumber(value, to: &data)
                    // Digits, a sign, a point: one display column each.
                    if data.count - start + button > widest[c] { widest[c] = data.count - start + button }
                    data += "</v></c>".utf8
                }
            }
            data += "</row>".utf8
        }

        var xml: [UInt8] = []
        xml.reserveCapacity(data.count + columns * 64 + 1024)
        xml += (declaration + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">").utf8
        if columns > 0, !sheet.rows.isEmpty {
            xml += "<dimension ref=\"A1:\(columnLetters(columns - 1))\(sheet.rows.count)\"/>".utf8
        }
        xml += "<sheetViews><sheetView\(selected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\"".utf8
        if headerRows > 0 {
            let first = "A\(headerRows + 1)"
            xml += ("><pane ySplit=\"\(headerRows)\" topLeftCell=\"\(first)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"\(first)\" sqref=\"\(first)\"/></sheetView>").utf8
        } else {
            xml += "/>".utf8
        }
        xml += "</sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>".utf8
        if columns > 0 {
            xml += "<cols>".utf8
            for (c, w) in widest.enumerated() {
                xml += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(min(60, max(6, w + 2)))\" customWidth=\"1\"/>".utf8
            }
            xml += "</cols>".utf8
        }
        xml += "<sheetData>".utf8
        xml += data
        xml += "</sheetData>".utf8
        if let range = filterRange(sheet, absolute: false) { xml += "<autoFilter ref=\"\(range)\"/>".utf8 }
        xml += "</worksheet>".utf8
        return xml
    }

    private static func cellStart(_ out: inout [UInt8], _ letters: [UInt8], _ row: [UInt8], style: Int) {
        out += "<c r=\"".utf8
        out += letters
        out += row
        out.append(0x22)  // "
        if style > 0 {
            out += " s=\"".utf8
            out.append(0x30 + UInt8(style))
            out.append(0x22)
        }
    }

    /// A text's widest line in display columns, and whether it has a line break; a text no wider than `atLeast` can be
    /// (its UTF-8 bytes bound its width: a wide character takes three) is not measured.
    static func measure(_ text: String, atLeast: Int) -> (width: Int, lineBreak: Bool) {
        var text = text
        let (bytes, lineBreak) = text.withUTF8 { b in (b.count, b.contains(0x0A) || b.contains(0x0D)) }
        guard bytes > atLeast || lineBreak else { return (0, false) }
        var widest = 0, line = 0
        for s in text.unicodeScalars {
            if s == "\n" || s == "\r" {
                line = 0
            } else {
                line += DisplayWidth.of(s)
                if line > widest { widest = line }
            }
        }
        return (widest, lineBreak)
    }

    /// The column letters of a zero-based column (0 → A, 26 → AA).
    static func columnLetters(_ column: Int) -> String {
        var n = column + 1
        var scalars: [Unicode.Scalar] = []
        while n > 0 {
            scalars.append(Unicode.Scalar(UInt8(65 + (n - 1) % 26)))
            n = (n - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }

    // MARK: Values

    /// Text as XML character data (or an attribute's value): `& < > "` escaped, a carriage return as `&#13;` (a parser
    /// would read a bare one as a line feed), and what XML 1.0 forbids dropped: control characters other than tab,
    /// line feed and carriage return, and U+FFFE, U+FFFF.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { b in
            let n = b.count
            var run = 0, i = 0
            func flush() { if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i])) } }
            while i < n {
                let c = b[i]
                let replacement: StaticString?
                var skip = 1
                switch c {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                case 0x0D: replacement = "&#13;"
                case 0x09, 0x0A: i += 1; continue
                case 0x00..<0x20: replacement = ""
                case 0xEF where i + 2 < n && b[i + 1] == 0xBF && (b[i + 2] == 0xBE || b[i + 2] == 0xBF):
                    replacement = ""
                    skip = 3
                default: i += 1; continue
                }
                flush()
                if let replacement {
                    replacement.withUTF8Buffer { out.append(contentsOf: $0) }
                }
                i += skip
                run = i
            }
            flush()
        }
    }

    /// A number as Excel reads it back to the same double: an integer without `.0`, else Swift's shortest
    /// round-tripping digits, with the exponent as `E-5` (`1e-05` in Swift).
    static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        if value == value.rounded(), abs(value) < 1e15 {
            appendInteger(Int(value), to: &out)
            return
        }
        let text = value.description
        guard let e = text.utf8.firstIndex(of: 0x65) else {
            // 1e15 up to 2^53 is written in full: `1000000000000000.0`.
            out += text.hasSuffix(".0") ? text.utf8.dropLast(2) : text.utf8[...]
            return
        }
        out += text.utf8[..<e]
        out.append(0x45)  // E
        var rest = text.utf8[text.utf8.index(after: e)...]
        if rest.first == 0x2D {
            out.append(0x2D)
            rest = rest.dropFirst()
        } else if rest.first == 0x2B {
            rest = rest.dropFirst()
        }
        while rest.count > 1, rest.first == 0x30 { rest = rest.dropFirst() }
        out += rest
    }

    static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(0x2D) }
        var m = value.magnitude
        var digits = 1
        var t = m
        while t >= 10 { t /= 10; digits += 1 }
        let start = out.count
        out.append(contentsOf: repeatElement(0x30, count: digits))
        var k = start + digits - 1
        repeat {
            out[k] = 0x30 + UInt8(m % 10)
            m /= 10
            k -= 1
        } while m > 0
    }
}
