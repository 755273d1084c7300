import CIECore

// Layouts as statistical offices publish them (中国县域统计年鉴, provincial bureaus' workbooks), recognised from the
// content, never the file name. One stage per concern, as DuckDB's sniffer keeps dialect, header and types apart:
//   1. the header: the first row that names a region (or code, name, year, indicator) column; rows above it are
//      titles, and a year in a title ("2020年县域主要社会经济指标") is the file's year when it has no year column;
//   2. a units row right under the header (`Unit,,万元,个,…`) gives the columns' units, as brackets in the header do;
//   3. remark, note and source rows (`Remark`, `注：…`, `资料来源：…`) and rows of empty cells are skipped, counted;
//   4. a section row (a province or prefecture with no values) is the area of the names below it.

/// What the layout stages found, reported once the file is read.
struct LayoutNotes: Sendable {
    var titleLines: [Int] = []
    var titleYear: (year: Int, line: Int)?
    var unitsLine: Int?
    var noteRows = 0
    var blankRows = 0
    var sectionRows = 0
}

extension FileParse {
    /// How many rows above the header may be titles.
    static let titleRowsAllowed = 10

    /// The header row and the title rows above it (at most `titleRowsAllowed`); the first row when none is a header
    /// (its problems are then reported on it).
    static func findHeader(_ reader: inout CSVReader, first: CSVRow? = nil) throws(CSVReader.Problem) -> (header: CSVRow, names: [String], titles: [(line: Int, names: [String])])? {
        let start: CSVRow
        if let first { start = first } else {
            guard let row = try reader.next() else { return nil }
            start = row
        }
        let first = start
        var header = first
        var names = header.fields.map { reader.string($0) }
        let firstNames = names
        var titles: [(line: Int, names: [String])] = []
        while !isHeader(names), titles.count < titleRowsAllowed {
            titles.append((header.line, names))
            guard let next = try reader.next() else { break }
            header = next
            names = header.fields.map { reader.string($0) }
        }
        if !isHeader(names) { return (first, firstNames, []) }
        return (header, names, titles)
    }

    /// Each role's first column.
    static func roles(_ names: [String]) -> [Role: Int] {
        var roles: [Role: Int] = [:]
        for (i, n) in names.enumerated() {
            if let r = Role.of(n), roles[r] == nil { roles[r] = i }
        }
        return roles
    }

    /// A regions CSV: code and name, and no region or year column (a wide table keyed by name and code has values).
    static func isRegionsHeader(_ roles: [Role: Int]) -> Bool {
        roles[.code] != nil && roles[.name] != nil && roles[.region] == nil && roles[.year] == nil
    }

    /// Whether a row's cells name the columns of a table (some cell is a region, code, name, year or indicator column).
    static func isHeader(_ names: [String]) -> Bool {
        let roles = names.compactMap(Role.of)
        return roles.contains { [.region, .code, .name, .year, .indicator].contains($0) } && names.filter { !$0.trimmingSpaces().isEmpty }.count >= 2
    }

    /// A year a title gives: four digits from 1949 to 2100, followed by 年 or standing alone ("2020年…", "…（2020）").
    static func titleYear(_ text: String) -> Int? {
        let s = Array(ValueParser.normalize(text).unicodeScalars)
        var i = 0
        while i + 4 <= s.count {
            let digits = s[i..<(i + 4)].allSatisfy { $0.properties.numericType == .decimal && $0.isASCII }
            let before = i == 0 || !(s[i - 1].isASCII && s[i - 1].properties.numericType == .decimal)
            let after = i + 4 == s.count || !(s[i + 4].isASCII && s[i + 4].properties.numericType == .decimal)
            if digits, before, after, let y = Int(String(String.UnicodeScalarView(s[i..<(i + 4)]))), DataLoader.years.contains(y) {
                return y
            }
            i += 1
        }
        return nil
    }

    /// Remark, note and source rows: their first non-empty cell starts with one of these (lower-cased).
    static let noteStarts = ["remark", "remarks", "note", "notes", "source", "注", "资料来源", "数据来源", "说明：", "说明:", "备注", "附注"]

    /// Whether a record is a remark/note/source row or holds only empty cells; counted in `layout`.
    mutating func isSkippable(_ row: CSVRow, _ reader: CSVReader) -> Bool {
        guard let first = row.fields.first else { return true }
        // The per-row cost: one byte compare for data rows (their first cell is a code, a name or a year).
        if first.end == first.start {
            if row.fields.allSatisfy({ $0.end == $0.start }) {
                layout.blankRows += 1
                return true
            }
            guard let cell = row.fields.first(where: { $0.end > $0.start }) else { return false }
            return isNote(reader.string(cell))
        }
        let b = bytes[first.start]
        guard b == 0x52 || b == 0x72 || b == 0x4E || b == 0x6E || b == 0x53 || b == 0x73 || b >= 0xE0 else { return false }
        return isNote(reader.string(first))
    }

    private mutating func isNote(_ text: String) -> Bool {
        let t = text.trimmingSpaces().lowercased()
        guard let start = FileParse.noteStarts.filter({ t.hasPrefix($0) }).max(by: { $0.count < $1.count }) else { return false }
        // "Remark" alone or followed by text; 注 only as 注： or 注1 (注册… is no note); a region is never one.
        if start == "注", t.count > 1, !["：", ":", "1", "①", " "].contains(String(t.dropFirst().first!)) { return false }
        if ["remark", "remarks", "note", "notes", "source"].contains(start), t.count > start.count,
           let next = t.dropFirst(start.count).first, next.isLetter, next.isASCII {
            return false
        }
        layout.noteRows += 1
        return true
    }

    /// A units row: its first cell says so (`Unit`, `单位`), or every non-empty value cell is a unit (`万元`, `个`) —
    /// column → unit for the columns it gives. nil when the row is data.
    static func unitsRow(_ cells: [String], valueColumns: [Int]) -> [Int: WrittenUnit]? {
        let first = cells.first?.trimmingSpaces().lowercased() ?? ""
        let says = ["unit", "units", "单位", "计量单位"].contains(first)
        var units: [Int: WrittenUnit] = [:]
        var texts = 0
        for c in valueColumns where c < cells.count {
            let t = cells[c].trimmingSpaces()
            if t.isEmpty { continue }
            if let u = WrittenUnit.parse(t) {
                units[c] = u
            } else if (try? ValueParser.parse(t)).map({ if case .number = $0 { true } else { false } }) ?? false {
                return nil  // a number: data
            }
            texts += 1
        }
        return says || (texts > 0 && units.count == texts) ? units : nil
    }

    /// The layout notes as the load reports them (one line per file).
    func layoutNote(header: CSVRow) -> Diagnostic? {
        var zh: [String] = [], en: [String] = []
        if !layout.titleLines.isEmpty {
            zh.append("表头在第 \(header.line) 行，其上 \(layout.titleLines.count) 行为标题")
            en.append("the header is line \(header.line), under \(layout.titleLines.count) title line\(layout.titleLines.count == 1 ? "" : "s")")
        }
        if let u = layout.unitsLine {
            zh.append("第 \(u) 行为单位行")
            en.append("line \(u) gives the units")
        }
        if layout.sectionRows > 0 {
            zh.append("\(layout.sectionRows) 行分节（省或地级）作为其下名称的范围")
            en.append("\(layout.sectionRows) section row\(layout.sectionRows == 1 ? "" : "s") (a province or prefecture) scope the names below")
        }
        if layout.noteRows > 0 {
            zh.append("跳过 \(layout.noteRows) 行注释或资料来源")
            en.append("\(layout.noteRows) remark, note or source row\(layout.noteRows == 1 ? "" : "s") skipped")
        }
        if layout.blankRows > 0 {
            zh.append("跳过 \(layout.blankRows) 行空行")
            en.append("\(layout.blankRows) empty row\(layout.blankRows == 1 ? "" : "s") skipped")
        }
        guard !zh.isEmpty else { return nil }
        return Diagnostic(file: file, line: header.line, column: 1, LocalizedText(zh: "版式：" + zh.joined(separator: "；"), en: "layout: " + en.joined(separator: "; ")),
                          severity: .note)
    }

    /// The header as the mapping says (`--map`, `--skip-column`, a mapping file): a mapped column takes the name of its
    /// role or indicator; a skipped one is ignored. A mapping that names no column of the header is an error.
    mutating func applyMapping(_ names: [String], header: CSVRow) -> [String] {
        var names = names
        let key = { (s: String) in IndicatorCatalogue.key(s) }
        for (from, to) in settings.columns.sorted(by: { $0.key < $1.key }) {
            let matching = names.indices.filter { key(names[$0]) == key(from) }
            if matching.isEmpty { unmatchedMapping(from, names: names, header: header); continue }
            for c in matching {
                useIndex[c] = columnUses.count
                columnUses.append(ColumnUse(column: c, header: names[c], meaning: LocalizedText(zh: "映射为 \(to)", en: "mapped to \(to)"), mapped: true))
                names[c] = to
            }
        }
        for from in settings.skipColumns {
            let matching = names.indices.filter { key(names[$0]) == key(from) }
            if matching.isEmpty { unmatchedMapping(from, names: names, header: header); continue }
            for c in matching {
                skippedColumns.insert(c)
                useIndex[c] = columnUses.count
                columnUses.append(ColumnUse(column: c, header: names[c], meaning: LocalizedText(zh: "跳过", en: "skipped"), mapped: true))
            }
        }
        return names
    }

    private mutating func unmatchedMapping(_ name: String, names: [String], header: CSVRow) {
        let shown = names.filter { !$0.isEmpty }.prefix(12)
        error(header.line, 1, LocalizedText(
            zh: "映射的列“\(name)”不在表头中：表头为 \(shown.joined(separator: "、"))\(names.count > 12 ? " 等" : "")；请按表头原样写列名\(settings.mappingFile.map { "（映射文件 \($0)）" } ?? "")",
            en: "the mapped column “\(name)” is not in the header: it has \(shown.joined(separator: ", "))\(names.count > 12 ? " …" : ""); write the column as the header does\(settings.mappingFile.map { " (mapping file \($0))" } ?? "")"))
    }

    /// Records what a column was read as, unless the mapping already said.
    mutating func use(_ column: Int, _ header: String, _ meaning: LocalizedText) {
        // By an index of the columns used (a search per column was quadratic in a file of thousands of columns).
        if let i = useIndex[column] {
            columnUses[i].meaning = LocalizedText(zh: meaning.zh + "（按映射）", en: meaning.en + " (mapped)")
            return
        }
        useIndex[column] = columnUses.count
        columnUses.append(ColumnUse(column: column, header: header, meaning: meaning, mapped: false))
    }

    /// The column uses of the roles a header has.
    mutating func useRoles(_ roles: [Role: Int], _ names: [String]) {
        for (role, c) in roles.sorted(by: { $0.value < $1.value }) where !skippedColumns.contains(c) {
            use(c, names[c], role.meaning)
        }
    }
}

extension FileParse {
    /// Cells of one column reported one by one before the rest are counted in one message.
    static let cellsShownPerColumn = 3

    /// Whether a unit is outside the rows kept (`--only-jurisdiction`); such a row is counted, not an error.
    mutating func isOutside(_ unit: RegionIndex) -> Bool {
        guard let area = settings.within, !regions.isWithin(unit, area) else { return false }
        outsideRows += 1
        return true
    }

    /// `--skip-bad-rows`: the problems found since `before` (errors; notes stay) set the row aside.
    mutating func settle(_ row: CSVRow, _ reader: CSVReader, since before: Int) {
        guard diagnostics.count > before else { return }
        let found = diagnostics[before...]
        let errors = found.filter { $0.severity == .error }
        guard !errors.isEmpty else { return }
        diagnostics.removeSubrange(before...)
        diagnostics += found.filter { $0.severity != .error }
        rejects.append(RejectedRow(file: file, line: row.line, cells: row.fields.map { reader.string($0) }, problems: errors))
    }

    /// A wide row's held values written when the row is good: none of them when any cell had a problem or any value
    /// conflicts with one loaded before (whose message is the reason).
    mutating func commit(_ row: CSVRow, _ reader: CSVReader, region: RegionIndex, year: Int, since before: Int) {
        if diagnostics[before...].contains(where: { $0.severity == .error }) {
            settle(row, reader, since: before)
            return
        }
        for (i, v, column) in rowValues {
            if let old = store.value(i, region, year), !Tolerance.equal(old, v) {
                add(region, i, year, v, line: row.line, column: column)  // reports the conflict, writes nothing
                settle(row, reader, since: before)
                return
            }
        }
        for (i, v, column) in rowValues { add(region, i, year, v, line: row.line, column: column) }
        settle(row, reader, since: before)
    }
}

extension Role {
    /// What a column of this role is, as `validate` says.
    var meaning: LocalizedText {
        switch self {
        case .region: LocalizedText(zh: "地区（名称或代码）", en: "region (name or code)")
        case .year: LocalizedText(zh: "年份", en: "year")
        case .indicator: LocalizedText(zh: "指标", en: "indicator")
        case .value: LocalizedText(zh: "数值", en: "value")
        case .unit: LocalizedText(zh: "单位", en: "unit")
        case .source: LocalizedText(zh: "来源（不读）", en: "source (not read)")
        case .note: LocalizedText(zh: "备注（不读）", en: "note (not read)")
        case .code: LocalizedText(zh: "代码", en: "code")
        case .name: LocalizedText(zh: "名称", en: "name")
        case .prefecture: LocalizedText(zh: "地级标签（核对地区）", en: "prefecture label (checks the region)")
        case .province: LocalizedText(zh: "省份标签（核对地区）", en: "province label (checks the region)")
        case .type: LocalizedText(zh: "类型", en: "type")
        case .groups: LocalizedText(zh: "分组", en: "groups")
        case .series: LocalizedText(zh: "序列", en: "series")
        case .serial: LocalizedText(zh: "序号（不读）", en: "row number (not read)")
        }
    }
}
