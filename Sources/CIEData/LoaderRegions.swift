import CIECore

/// What a parse keeps about the regions a file names: caches, the names it resolved through other years or its
/// context (for the load summary), and the units it saw (the context of a second pass).
struct RegionLookup {
    struct Query: Hashable {
        var text: String
        var year: Int32
        var within: RegionIndex
    }

    /// A field's bytes that resolve to one unit in the years [from, until): the per-row path. `note` is -1 for the
    /// unit's own code or name; else the index in `formerUses` of the note a former (or later) code counts towards.
    struct Stable {
        var unit: RegionIndex
        var from: Int16
        var until: Int16
        var formerRecord: Int16
        var note: Int32

        init(_ s: StableResolution, note: Int32 = -1) {
            unit = s.unit
            from = Int16(clamping: s.from)
            until = Int16(clamping: s.until)
            formerRecord = s.formerRecord
            self.note = note
        }

        @inline(__always) func covers(_ year: Int) -> Bool { year >= Int(from) && year < Int(until) }
    }

    /// Who wrote a former code or name, and in which years.
    struct FormerUse {
        var text: String
        var unit: RegionIndex
        var former: FormerName
        var firstLine: Int
        var firstColumn: Int
        var years: ClosedRange<Int>
        var count: Int
    }

    var cache: [Query: RegionResolution] = [:]
    /// The message of each query that failed, written once (a file may repeat a bad name on every row).
    var errors: [Query: LocalizedText] = [:]
    /// "Did you mean" for each unknown name, searched once per name (a search of every name in the country), for the
    /// first `suggested` of them; the rest get none. (A tunable, so that the fuzz harnesses can lower it: the search
    /// was two thirds of their time; `LoadTuning.with` sets it.)
    var suggestions: [String: [RegionIndex]] = [:]
    @TaskLocal static var suggested = 50
    var bytes = ByteTable<Stable>()
    /// Province and prefecture labels (a 省份 column) as resolved.
    var labels: [String: RegionIndex?] = [:]
    /// Whether a name column's text agrees with the unit of the row's code (in the year).
    var nameChecks: [Query: Bool] = [:]
    /// Name-column bytes and the unit they name today (agreeing in every year), and label bytes and their area: the
    /// per-row path of a yearbook, whose every row has a name and a province.
    var nameBytes = ByteTable<RegionIndex>()
    var labelBytes = ByteTable<RegionIndex>()
    var former: [Query: Int] = [:]
    var formerUses: [FormerUse] = []
    /// Units the file named without ambiguity.
    var seen = Set<RegionIndex>()
    /// Names that several units answer to, for which a second pass may use the file's context.
    var ambiguous = 0
    /// Areas (provinces) the file's other units lie in; set for the second pass.
    var context: [RegionIndex] = []

    mutating func clear() {
        cache = [:]
        errors = [:]
        suggestions = [:]
        bytes.removeAll()
        labels = [:]
        nameChecks = [:]
        nameBytes.removeAll()
        labelBytes.removeAll()
    }
}

extension FileParse {
    /// The unit a code or name means in `year` (nil: the year itself was unreadable), inside `within` when a label
    /// column names an area. Reports what is wrong: unknown (did you mean), ambiguous (the candidates with their
    /// provinces), not in use that year (when the unit was set up, or where its area went), outside the label.
    mutating func region(_ text: String, year: Int?, within: RegionIndex? = nil, line: Int, column: Int) -> RegionIndex? {
        let query = RegionLookup.Query(text: text, year: Int32(year ?? -1), within: within ?? -1)
        let resolution: RegionResolution
        if let cached = lookup.cache[query] {
            resolution = cached
        } else {
            var r = regions.resolve(text, year: year, within: within, context: lookup.context, suggest: false)
            if case .unknown = r {
                if let known = lookup.suggestions[text] {
                    r = .unknown(suggestions: known)
                } else {
                    let found = lookup.suggestions.count < RegionLookup.suggested ? regions.suggestions(for: text, preferring: within ?? preferredArea) : []
                    lookup.suggestions[text] = found
                    r = .unknown(suggestions: found)
                }
            }
            resolution = r
            lookup.cache[query] = resolution
        }
        if case .found(let unit, let former) = resolution {
            if let former { noteFormer(query, unit: unit, former: former, year: year, line: line, column: column) }
            lookup.seen.insert(unit)
            return unit
        }
        if let message = lookup.errors[query] {
            error(line, column, message)
            return nil
        }
        let before = diagnostics.count
        report(resolution, text: text, year: year, line: line, column: column)
        if diagnostics.count > before { lookup.errors[query] = diagnostics[before].text }
        return nil
    }

    /// The error for a code or name that did not resolve.
    private mutating func report(_ resolution: RegionResolution, text: String, year: Int?, line: Int, column: Int) {
        switch resolution {
        case .found: break
        case .ambiguous(let hits):
            lookup.ambiguous += 1
            let names = hits.prefix(6).map { regions.describeWithProvince($0, in: year) }
            error(line, column, LocalizedText(
                zh: "地区“\(text)”有歧义：\(names.joined(separator: "、"))\(hits.count > 6 ? " 等 \(hits.count) 个" : "")；请写代码，或在名称前加省份或地级（如 \(qualifiedExample(hits[0], year))），或加一列 省份",
                en: "ambiguous region “\(text)”: it names \(names.joined(separator: ", "))\(hits.count > 6 ? " and \(hits.count - 6) more" : ""); write the code, or put the province or prefecture in front (\(qualifiedExample(hits[0], year))), or add a province column"))
        case .unknown(let suggestions):
            if suggestions.isEmpty {
                error(line, column, LocalizedText(
                    zh: "未知地区“\(text)”：请用 6 位代码，或在地区 CSV（code,name,prefecture,type）中声明",
                    en: "unknown region “\(text)”: use the 6-digit code, or declare it in a regions CSV (code,name,prefecture,type)"))
            } else {
                let names = suggestions.map { regions.describeWithProvince($0) }
                error(line, column, LocalizedText(zh: "未知地区“\(text)”：是否指 \(names.joined(separator: " 或 "))？",
                                                  en: "unknown region “\(text)”: did you mean \(names.joined(separator: " or "))?"))
            }
        case .notInUse(let y, let units):
            let why = regions.explainNotInUse(text, year: y, units: units)
            error(line, column, LocalizedText(zh: "地区“\(text)”在 \(y) 年不存在：" + why.zh, en: "region “\(text)” did not exist in \(y): " + why.en))
        case .outside(let area, let units):
            let names = units.prefix(3).map { u in
                regions.describe(u, in: year) + (regions.province(of: u, in: year).map { "，在" + regions[$0].name } ?? "")
            }
            let namesEN = units.prefix(3).map { u in
                regions.describe(u, in: year) + (regions.province(of: u, in: year).map { " is in " + regions[$0].name } ?? "")
            }
            error(line, column, LocalizedText(
                zh: "“\(text)”不在 \(regions[area].name)：\(names.joined(separator: "；"))；请更正名称或所在省份一列",
                en: "“\(text)” is not in \(regions[area].name): \(namesEN.joined(separator: "; ")); correct the name or the label column"))
        }
    }

    /// `浙江省嘉善县` for a unit: how to write a name so that it is not ambiguous.
    func qualifiedExample(_ unit: RegionIndex, _ year: Int?) -> String {
        let name = regions[unit].nearestRecord(to: year).name
        if regions[unit].type.isUnit, let p = regions.prefecture(of: unit, in: year) { return regions[p].nearestRecord(to: year).name + name }
        if let p = regions.province(of: unit, in: year) { return regions[p].name + name }
        return name
    }

    /// Counts a former code or name (or a choice the file's context made), for the note the load prints; returns
    /// the note's index.
    @discardableResult
    mutating func noteFormer(_ query: RegionLookup.Query, unit: RegionIndex, former: FormerName, year: Int?, line: Int, column: Int,
                             count: Int = 1, years: ClosedRange<Int>? = nil) -> Int32 {
        let key = RegionLookup.Query(text: query.text, year: -1, within: unit)
        let seen = years ?? year.map { $0...$0 } ?? 0...0
        if let k = lookup.former[key] {
            lookup.formerUses[k].count += count
            let ys = lookup.formerUses[k].years
            lookup.formerUses[k].years = min(ys.lowerBound, seen.lowerBound)...max(ys.upperBound, seen.upperBound)
            if (line, column) < (lookup.formerUses[k].firstLine, lookup.formerUses[k].firstColumn) {
                (lookup.formerUses[k].firstLine, lookup.formerUses[k].firstColumn) = (line, column)
            }
            return Int32(k)
        }
        lookup.former[key] = lookup.formerUses.count
        lookup.formerUses.append(RegionLookup.FormerUse(text: query.text, unit: unit, former: former, firstLine: line, firstColumn: column,
                                                        years: seen, count: count))
        return Int32(lookup.formerUses.count - 1)
    }

    /// One more use of a former code the per-row path recognised.
    @inline(__always) mutating func countFormer(_ note: Int32, year: Int) {
        let k = Int(note)
        lookup.formerUses[k].count += 1
        let ys = lookup.formerUses[k].years
        if year < ys.lowerBound || year > ys.upperBound { lookup.formerUses[k].years = min(ys.lowerBound, year)...max(ys.upperBound, year) }
    }

    /// The notes the load prints for former codes and names, and for names the file's context decided.
    func formerNotes() -> [Diagnostic] {
        lookup.formerUses.map { use in
            let unit = regions[use.unit]
            let years = use.years.lowerBound == use.years.upperBound ? "\(use.years.lowerBound)" : "\(use.years.lowerBound)–\(use.years.upperBound)"
            let yearsZH = use.years.lowerBound == use.years.upperBound ? "\(use.years.lowerBound)" : "\(use.years.lowerBound)—\(use.years.upperBound)"
            let then = unit.records.filter { r in (use.years.lowerBound...use.years.upperBound).contains { r.holds($0) } }
            let thenNames = then.map { "\($0.name) (\($0.code))" }
            let text: LocalizedText
            if use.former.byContext {
                let province = regions.province(of: use.unit, in: use.years.upperBound).map { regions[$0].name } ?? ""
                text = LocalizedText(
                    zh: "“\(use.text)”有多个同名单位，按文件中其他单位所在的 \(province) 读作 \(regions.describe(use.unit))（\(use.count) 个数值）",
                    en: "“\(use.text)” names several units; read as \(regions.describe(use.unit)) of \(province), where the file's other units are (\(use.count) values)")
            } else {
                let change = formerChange(use)
                text = LocalizedText(
                    zh: "“\(use.text)”（\(use.former.record.name) \(use.former.record.code)，\(use.former.record.span.isEmpty ? "曾用" : use.former.record.span + " 年使用")）在 \(yearsZH) 年为 \(thenNames.joined(separator: "、"))，同一单位（今 \(unit.name) \(unit.code)）\(change.zh)：数值接续（\(use.count) 个）",
                    en: "“\(use.text)” (\(use.former.record.name) \(use.former.record.code), in use \(use.former.record.span)) was \(thenNames.joined(separator: ", ")) in \(years): the same unit (today \(unit.name) \(unit.code))\(change.en); its series continues (\(use.count) values)")
            }
            return Diagnostic(file: file, line: use.firstLine, column: use.firstColumn, text, severity: .note)
        }
    }

    /// "，2019 年更名（国函〔2019〕106号）": the renames between the record written and the records of the years.
    private func formerChange(_ use: RegionLookup.FormerUse) -> LocalizedText {
        let renames = regions.changes.events(of: use.unit).filter { $0.kind == .rename && $0.from == use.unit && $0.to == use.unit }
        let relevant = renames.filter { e in
            let lo = min(use.years.lowerBound, use.former.record.from ?? use.years.lowerBound)
            let hi = max(use.years.upperBound, (use.former.record.until ?? use.years.upperBound + 1) - 1)
            return e.year > lo && e.year <= hi
        }
        guard !relevant.isEmpty else { return LocalizedText("") }
        let zh = relevant.map { e in "\(e.year) 年更名" + regions.citation(e.document, zh: true).replacingOccurrences(of: "，", with: "，依 ") }
        let en = relevant.map { e in "renamed in \(e.year)" + regions.citation(e.document, zh: false) }
        return LocalizedText(zh: "，" + zh.joined(separator: "；"), en: ", " + en.joined(separator: "; "))
    }

    /// A label field: its bytes when they named an area before, else the String path (which reports problems).
    mutating func label(_ f: CSVField, _ reader: CSVReader, line: Int) -> RegionIndex? {
        if let (p, n) = raw(f), let area = lookup.labelBytes.find(p, n) { return area }
        let area = label(reader.string(f), line: line, column: f.column)
        if let area, let (p, n) = raw(f) { _ = lookup.labelBytes.set(p, n, area) }
        return area
    }

    /// A province or prefecture named in a label column (省份, 地级); reports an unknown one.
    mutating func label(_ text: String, line: Int, column: Int) -> RegionIndex? {
        let t = text.trimmingSpaces()
        if t.isEmpty { return nil }
        if let cached = lookup.labels[t] {
            if cached == nil { unknownLabel(t, line: line, column: column) }
            return cached
        }
        var found: RegionIndex?
        if case .found(let u, _) = regions.resolve(t), !regions[u].type.isUnit { found = u }
        lookup.labels[t] = .some(found)
        if found == nil { unknownLabel(t, line: line, column: column) }
        return found
    }

    /// A name column beside a code: the name must be one the coded unit answers to in the year or today (a name several
    /// units share counts when the code's unit is one of them); else an error naming both.
    mutating func checkName(_ f: CSVField, _ reader: CSVReader, unit: RegionIndex, year: Int?, line: Int) {
        if let (p, n) = raw(f), lookup.nameBytes.find(p, n) == unit { return }
        let text = reader.string(f).trimmingSpaces()
        if text.isEmpty { return }
        let key = RegionLookup.Query(text: text, year: Int32(year ?? -1), within: unit)
        if let agrees = lookup.nameChecks[key] {
            if !agrees { nameMismatch(text, unit: unit, year: year, line: line, column: f.column) }
            return
        }
        // The unit's name in the year, or one it has today (data recast on today's boundaries writes today's names).
        func names(_ r: RegionResolution) -> Bool {
            switch r {
            case .found(let u, _): u == unit
            case .ambiguous(let hits): hits.contains(unit)
            default: false
            }
        }
        if names(regions.resolve(text)) {
            // Today's name of the unit: it agrees in every year.
            if let (p, n) = raw(f) { _ = lookup.nameBytes.set(p, n, unit) }
            lookup.nameChecks[key] = true
            return
        }
        let agrees = year != nil && names(regions.resolve(text, year: year))
        lookup.nameChecks[key] = agrees
        if !agrees { nameMismatch(text, unit: unit, year: year, line: line, column: f.column) }
    }

    private mutating func nameMismatch(_ text: String, unit: RegionIndex, year: Int?, line: Int, column: Int) {
        error(line, column, LocalizedText(
            zh: "名称“\(text)”与代码不符：代码是 \(regions.describeWithProvince(unit, in: year))；请更正代码或名称一列",
            en: "the name “\(text)” does not match the code: the code is \(regions.describeWithProvince(unit, in: year)); correct the code or the name column"))
    }

    /// The province or prefecture a section row names (a row with a name and no values); nil for anything else,
    /// quietly: the row is then read as data and its problems reported there.
    func sectionArea(_ text: String, year: Int?) -> RegionIndex? { FileParse.sectionArea(text, year: year, in: regions) }

    static func sectionArea(_ text: String, year: Int?, in regions: RegionTable) -> RegionIndex? {
        let t = text.trimmingSpaces()
        guard !t.isEmpty, case .found(let u, _) = regions.resolve(t, year: year), !regions[u].type.isUnit else { return nil }
        return u
    }

    private mutating func unknownLabel(_ text: String, line: Int, column: Int) {
        error(line, column, LocalizedText(zh: "“\(text)”不是省份或地级单位：请写其名称（如 河北省、嘉兴市）或代码",
                                          en: "“\(text)” is not a province or prefecture: write its name (河北省, 嘉兴市) or code"))
    }

    /// The innermost of the labels a row gives (its prefecture, else its province).
    mutating func labelArea(_ row: CSVRow, _ reader: CSVReader, _ labels: LabelColumns) -> RegionIndex? {
        var area: RegionIndex?
        if let p = labels.province { area = label(row.fields[p], reader, line: row.line) }
        if let p = labels.prefecture, let pref = label(row.fields[p], reader, line: row.line) {
            if let province = area, !regions.isWithin(pref, province) {
                error(row.line, row.fields[p].column, LocalizedText(
                    zh: "\(regions.describe(pref)) 不在 \(regions[province].name)：请更正地级或省份一列",
                    en: "\(regions.describe(pref)) is not in \(regions[province].name): correct the prefecture or the province column"))
            }
            area = pref
        }
        return area
    }

    // MARK: The per-cell path

    /// The unit a field names in `year`: the field's bytes, when they resolved in those years before (counting the
    /// note of a former code); else the full lookup (which reports problems and notes former names), whose answer
    /// is kept for the years it holds.
    mutating func region(_ f: CSVField, _ reader: CSVReader, year: Int?, within: RegionIndex?, line: Int) -> RegionIndex? {
        // Bytes that name one unit in the year name it inside a label's area too, when the unit lies in that area.
        let fast = lookup.context.isEmpty
        if fast, let year, let (p, n) = raw(f), let s = lookup.bytes.find(p, n), s.covers(year), within.map({ regions.isWithin(s.unit, $0, in: year) }) ?? true {
            if s.note >= 0 { countFormer(s.note, year: year) }
            return s.unit
        }
        let text = reader.string(f)
        let r = region(text, year: year, within: within, line: line, column: f.column)
        if fast, let year, let r, let (p, n) = raw(f), let s = regions.stableResolution(text, year: year), s.unit == r {
            let note = s.formerRecord >= 0 ? lookup.former[RegionLookup.Query(text: text, year: -1, within: r)].map { Int32($0) } ?? -1 : -1
            if s.formerRecord < 0 || note >= 0 { lookup.bytes.set(p, n, RegionLookup.Stable(s, note: note)) }
        }
        return r
    }

    /// Former codes a worker of the two-core reader recognised in a block (their first line counted from the block's
    /// start), counted as if read here.
    mutating func mergeFormer(_ use: RegionLookup.FormerUse, blockLine: Int) {
        noteFormer(RegionLookup.Query(text: use.text, year: -1, within: use.unit), unit: use.unit, former: use.former,
                   year: nil, line: blockLine + use.firstLine, column: use.firstColumn, count: use.count, years: use.years)
    }

    // MARK: Regions files

    mutating func regionsFile(_ reader: inout CSVReader, header: CSVRow, columns c: RegionColumns) throws {
        let width = header.fields.count
        var row = CSVRow(line: 0, fields: [])
        while try nextRow(&reader, width: width, into: &row) {
            let f = row.fields
            func cell(_ i: Int?) -> (String, Int)? { i.map { (reader.string(f[$0]), f[$0].column) } }
            declareRegion(code: reader.string(f[c.code]), name: reader.string(f[c.name]), prefecture: cell(c.prefecture),
                          type: cell(c.type), groups: c.groups.map { reader.string(f[$0]) } ?? "", series: cell(c.series),
                          line: row.line, column: f[c.code].column)
        }
    }

    /// A unit or prefecture a regions file declares, or what it restates about a known one (groups, another name,
    /// comparable series). A restated code with another type or prefecture is an error: the table would otherwise
    /// hold two accounts of one unit.
    mutating func declareRegion(code: String, name: String, prefecture: (String, Int)?, type: (String, Int)?, groups: String,
                                series: (String, Int)? = nil, line: Int, column: Int) {
        let groupList = groups.split(whereSeparator: { $0 == ";" || $0 == "；" }).map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        let code = code.trimmingSpaces(), name = name.trimmingSpaces()
        guard !code.isEmpty else {
            error(line, column, LocalizedText(zh: "地区需要代码：写官方代码，无代码的单位可自拟一个（如 WH-ZB）",
                                              en: "a region needs a code: give the official code, or one of your own for a unit without one"))
            return
        }
        var continuous = false
        if let (text, col) = series, !text.trimmingSpaces().isEmpty {
            switch text.trimmingSpaces().lowercased() {
            case "continuous", "连续", "可比", "yes", "是": continuous = true
            case "break", "不连续", "no", "否": continuous = false
            default:
                error(line, col, LocalizedText(zh: "series 一列只能是 continuous（连续）或 break（不连续），不是“\(text)”",
                                               en: "series is continuous or break, not “\(text)”"))
                return
            }
        }
        var declaredType: RegionType?
        if let (text, col) = type, !text.trimmingSpaces().isEmpty {
            guard let t = RegionType(parsing: text), t != .province else {
                error(line, col, LocalizedText(
                    zh: "\(name.isEmpty ? code : name) 的类型“\(text)”不是 district、county、city、banner、zone、prefecture（区、县、市、旗、功能区、地级）之一",
                    en: "type “\(text)” of \(name.isEmpty ? code : name) is not one of district, county, city, banner, zone, prefecture (区, 县, 市, 旗, 功能区, 地级)"))
                return
            }
            declaredType = t
        }
        var parent: RegionIndex?
        if let (text, col) = prefecture, !text.trimmingSpaces().isEmpty {
            guard let p = region(text, year: nil, line: line, column: col) else { return }
            guard !regions[p].type.isUnit else {
                error(line, col, LocalizedText(zh: "\(regions.describe(p)) 是县级单位，不是地级或省级：请写 \(name) 所属的地级或省份",
                                               en: "\(regions.describe(p)) is a county-level unit, not a prefecture: name the prefecture \(name) belongs to"))
                return
            }
            parent = p
        }
        if let known = regions.index(code: code) {
            let restated = regions.restate(known, name: name.isEmpty ? nil : name, type: declaredType, parent: parent.map { .some($0) },
                                           groups: groupList, seriesContinuous: continuous)
            switch restated {
            case .conflict(.type(let t)):
                let k = regions[known].type
                error(line, type?.1 ?? column, LocalizedText(
                    zh: "\(regions.describe(known)) 在地区表中是\(k.label.zh)（\(k.rawValue)），不是\(t.label.zh)（\(t.rawValue)）：删去类型或改正它，无官方代码的单位请自拟代码",
                    en: "\(regions.describe(known)) is a \(k.rawValue) in the region table, not a \(t.rawValue): drop or correct the type, or give a unit of your own a code of its own"))
            case .conflict(.parent(let p)):
                let k = regions[known].parent.map { regions.describe($0) } ?? "—"
                error(line, prefecture?.1 ?? column, LocalizedText(
                    zh: "\(regions.describe(known)) 属于 \(k)，不属于 \(p.map { regions.describe($0) } ?? "—")：删去或改正所属地级，无官方代码的单位请自拟代码",
                    en: "\(regions.describe(known)) belongs to \(k), not \(p.map { regions.describe($0) } ?? "—"): drop or correct the prefecture, or give a unit of your own a code of its own"))
            case .merged:
                lookup.clear()  // names resolve anew; a restatement that adds nothing keeps what was resolved
            case .unchanged:
                break
            }
            return
        }
        guard !name.isEmpty else {
            error(line, column, LocalizedText(zh: "新地区 \(code) 需要名称", en: "new region \(code) needs a name"))
            return
        }
        guard let t = declaredType else {
            error(line, type?.1 ?? column, LocalizedText(
                zh: "新地区 \(code) \(name) 需要类型：district、county、city、banner、zone 或 prefecture（区、县、市、旗、功能区、地级）",
                en: "new region \(code) \(name) needs a type: district, county, city, banner, zone or prefecture (区, 县, 市, 旗, 功能区, 地级)"))
            return
        }
        guard let p = parent else {
            error(line, column, LocalizedText(
                zh: "新地区 \(code) \(name) 需要所属\(t == .prefecture ? "省份" : "地级（或省份）")：写其代码或名称",
                en: "new region \(code) \(name) needs a \(t == .prefecture ? "province" : "prefecture (or province)") to belong to: give its code or name"))
            return
        }
        if t == .prefecture, regions[p].type != .province {
            error(line, prefecture?.1 ?? column, LocalizedText(zh: "地级单位 \(name) 应属于省份，不是 \(regions.describe(p))",
                                                               en: "prefecture \(name) belongs to a province, not \(regions.describe(p))"))
            return
        }
        var region = Region(records: [RegionRecord(code: code, name: name, type: t, parent: p, aliases: RegionNames.aliases(of: name, type: t))],
                            groups: groupList, isUserDefined: true)
        region.seriesContinuous = continuous
        regions.add(region)
        regionsAdded += 1
        lookup.clear()
    }
}

/// Where a regions file keeps what.
struct RegionColumns {
    var code: Int
    var name: Int
    var prefecture: Int?
    var type: Int?
    var groups: Int?
    var series: Int?
}

/// Columns that label a data row's unit with its area (a yearbook's 省份 or 地级).
struct LabelColumns: Sendable {
    var province: Int?
    var prefecture: Int?
    /// A name column beside the code column: checked against the code, never the key.
    var name: Int?
    /// Whether an area label is given (the name label does not scope the code).
    var isEmpty: Bool { province == nil && prefecture == nil }
}
