/// What a code or name resolved to.
public enum RegionResolution: Sendable, Equatable {
    /// The unit; `former` when it was written with a code or name the unit held in other years (湟中县 630122 for
    /// 湟中区 in 2020), or through the file's context (城中区 in a file of 青海 units).
    case found(RegionIndex, former: FormerName?)
    /// Several units answer to it equally well.
    case ambiguous([RegionIndex])
    case unknown(suggestions: [RegionIndex])
    /// The units that answer to it did not exist in the year (龙港市 in 2018; 江干区 in 2022).
    case notInUse(year: Int, [RegionIndex])
    /// Only units outside the labelled area answer to it (罗定市 labelled 广西: it is in 广东省).
    case outside(RegionIndex, [RegionIndex])

    /// The unit, when found.
    public var unit: RegionIndex? {
        if case .found(let u, _) = self { return u }
        return nil
    }
}

/// A code or name a unit held in other years, that a lookup resolved to it.
public struct FormerName: Sendable, Hashable {
    /// The record the text matched (its code and name then).
    public var record: RegionRecord
    /// True when the file's context chose among several units (no rename involved).
    public var byContext = false

    public init(record: RegionRecord, byContext: Bool = false) {
        self.record = record
        self.byContext = byContext
    }
}

extension RegionTable {
    /// Resolves a code, full name, short name, former code or name, or a name with its province or prefecture in
    /// front (浙江省嘉善县, 嘉兴市嘉善县, 嘉兴嘉善), for data of `year` (nil: as of today).
    ///
    /// - `within`: a label (a yearbook's 省份 column): only units inside it are candidates.
    /// - `context`: areas a file's other units lie in, used only to choose among equally good candidates.
    /// - `suggest`: whether an unknown name gets "did you mean" (a search of every name in the country).
    ///
    /// A code or name held in `year` resolves to its holder. One held in other years resolves to its unit when the
    /// unit existed in `year` (a rename: the series continues); when no unit that answers to it existed then, the
    /// result is `notInUse`.
    public func resolve(_ text: String, year: Int? = nil, within: RegionIndex? = nil, context: [RegionIndex] = [],
                        suggest: Bool = true) -> RegionResolution {
        let trimmed = text.trimmingSpaces()
        var entries = entries(for: trimmed)
        if entries.isEmpty, let prefixed = resolvePrefixed(trimmed, year: year, within: within, context: context) {
            return prefixed
        }
        if entries.isEmpty { return .unknown(suggestions: suggest ? suggestions(for: trimmed, preferring: within) : []) }
        if let within {
            let inside = entries.filter { isWithin($0.unit, within, in: year) }
            if inside.isEmpty { return .outside(within, uniqueUnits(entries)) }
            entries = inside
        }
        guard let year else {
            // As of today: a current name before a former one.
            let current = entries.filter { e in
                let r = regions[Int(e.unit)]
                return r.until == nil && (e.record < 0 || Int(e.record) == r.records.count - 1)
            }
            return pick(current.isEmpty ? entries : current, year: nil, context: context, former: current.isEmpty)
        }
        let holding = entries.filter { holds($0, year) }
        if !holding.isEmpty { return pick(holding, year: year, context: context, former: false) }
        let alive = entries.filter { exists($0.unit, in: year) }
        if !alive.isEmpty { return pick(alive, year: year, context: context, former: true) }
        return .notInUse(year: year, uniqueUnits(entries))
    }

    /// Who answers to a code or a name.
    func entries(for text: String) -> [NameEntry] {
        let units = byCode[text]
        if !units.isEmpty {
            var out: [NameEntry] = []
            for u in units {
                for (k, r) in regions[Int(u)].records.enumerated() where r.code == text {
                    out.append(NameEntry(unit: u, record: Int16(k), quality: .full))
                }
            }
            return out
        }
        return byName[RegionTable.key(text)]
    }

    @inline(__always) func holds(_ e: NameEntry, _ year: Int) -> Bool {
        e.record < 0 ? exists(e.unit, in: year) : regions[Int(e.unit)].records[Int(e.record)].holds(year)
    }

    private func uniqueUnits(_ entries: [NameEntry]) -> [RegionIndex] {
        var seen = Set<RegionIndex>()
        return entries.map(\.unit).filter { seen.insert($0).inserted }.sorted { regions[Int($0)].code < regions[Int($1)].code }
    }

    /// The best-fitting candidates: full names before short names before stems; an administrative unit before a
    /// statistical zone of the same name; then the file's context.
    private func pick(_ entries: [NameEntry], year: Int?, context: [RegionIndex], former: Bool) -> RegionResolution {
        let best = entries.map(\.quality).min()!
        let top = entries.filter { $0.quality == best }
        var units = uniqueUnits(top)
        if units.count > 1 {
            let administrative = units.filter { regions[Int($0)].type != .zone }
            if !administrative.isEmpty { units = administrative }
        }
        var byContext = false
        if units.count > 1, !context.isEmpty {
            let inside = units.filter { u in context.contains { isWithin(u, $0, in: year) } }
            if inside.count == 1 {
                units = inside
                byContext = true
            }
        }
        guard units.count == 1, let unit = units.first else { return .ambiguous(units) }
        // The latest record that answers (湟中县 names 632124 and 630122: the later one).
        let entry = top.filter { $0.unit == unit }.max { $0.record < $1.record }!
        if former || byContext {
            let record = entry.record >= 0 ? regions[Int(unit)].records[Int(entry.record)] : regions[Int(unit)].nearestRecord(to: year)
            return .found(unit, former: FormerName(record: record, byContext: byContext && !former))
        }
        return .found(unit, former: nil)
    }

    /// `浙江省嘉善县`, `嘉兴市嘉善县`, `浙江嘉兴嘉善`: a province or prefecture name, then a name resolved inside it.
    private func resolvePrefixed(_ text: String, year: Int?, within: RegionIndex?, context: [RegionIndex]) -> RegionResolution? {
        let chars = Array(text)
        guard chars.count >= 3 else { return nil }
        var found: [RegionIndex] = []
        var former: [RegionIndex: FormerName] = [:]
        var ambiguous: [RegionIndex] = []
        var notInUse: [RegionIndex] = []
        for k in 2..<(chars.count - 1) {
            let prefix = String(chars[0..<k])
            let areas = uniqueUnits(byName[RegionTable.key(prefix)].filter { !regions[Int($0.unit)].type.isUnit })
            for area in areas {
                if let within, !isWithin(area, within, in: year), !isWithin(within, area, in: year) { continue }
                let inner = within.map { isWithin(area, $0, in: year) ? area : $0 } ?? area
                switch resolve(String(chars[k...]), year: year, within: inner, context: context) {
                case .found(let u, let f):
                    if !found.contains(u) { found.append(u) }
                    if let f { former[u] = f }
                case .ambiguous(let us): ambiguous += us
                case .notInUse(_, let us): notInUse += us
                case .unknown, .outside: break
                }
            }
        }
        if found.count == 1 { return .found(found[0], former: former[found[0]]) }
        if found.count > 1 { return .ambiguous(found) }
        if !ambiguous.isEmpty { return .ambiguous(Array(Set(ambiguous)).sorted { regions[Int($0)].code < regions[Int($1)].code }) }
        if let year, !notInUse.isEmpty { return .notInUse(year: year, Array(Set(notInUse)).sorted()) }
        return nil
    }

    /// Units whose names are close to `text`, for "did you mean": across the country, those inside `preferring`
    /// (the current policy's jurisdiction) first, then by distance.
    public func suggestions(for text: String, preferring: RegionIndex? = nil, limit: Int = 3) -> [RegionIndex] {
        let key = RegionTable.key(text)
        guard !key.isEmpty else { return [] }
        // Characters every division name ends with say nothing about which one is meant.
        let generic: Set<Character> = ["县", "市", "区", "旗", "州", "盟", "省", "自", "治", "族"]
        let wanted = Set(key).subtracting(generic)
        var scored: [(inside: Bool, distance: Int, unit: RegionIndex)] = []
        for name in byName.keys {
            let near = name.hasPrefix(key) && key.count >= 2
            guard near || !wanted.isDisjoint(with: name) else { continue }
            let hits = byName[name]
            let d = editDistance(key, name)
            let threshold = max(1, min(name.count, key.count) / 3)
            guard d <= threshold || near else { continue }
            for h in hits {
                let inside = preferring.map { isWithin(h.unit, $0) } ?? false
                scored.append((inside, d, h.unit))
            }
        }
        scored.sort { a, b in
            if a.inside != b.inside { return a.inside }
            if a.distance != b.distance { return a.distance < b.distance }
            return regions[Int(a.unit)].code < regions[Int(b.unit)].code
        }
        var seen = Set<RegionIndex>()
        return scored.map(\.unit).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    /// Why `units` do not answer to a code or name in `year`: when each was set up and from what, or when it ended
    /// and where its area went, with the approving document.
    public func explainNotInUse(_ text: String, year: Int, units: [RegionIndex]) -> LocalizedText {
        var zh: [String] = [], en: [String] = []
        for u in units.prefix(4) {
            let region = regions[Int(u)]
            let record = entries(for: text.trimmingSpaces()).first { $0.unit == u }.flatMap { $0.record >= 0 ? region.records[Int($0.record)] : nil }
                ?? region.nearestRecord(to: year)
            let who = "\(record.name) \(record.code)"
            if let from = region.from, year < from {
                var z = "\(who) 于 \(from) 年设立，\(year) 年尚不存在", e = "\(who) was set up in \(from); it did not exist in \(year)"
                if let p = changes.predecessors(of: u, from: from) {
                    let names = p.units.map { describe($0, in: from - 1) }
                    z += "（由 " + names.joined(separator: "、") + " 的区域设立\(citation(p.document, zh: true))）"
                    e += " (from " + names.joined(separator: ", ") + citation(p.document, zh: false) + ")"
                }
                zh.append(z + "：请检查年份，或改用当年的单位")
                en.append(e + ": check the year, or name the unit of that year")
            } else if let until = region.until, year >= until {
                var z = "\(who) 于 \(until) 年撤销", e = "\(who) was abolished in \(until)"
                if let s = changes.successors(of: u, until: until) {
                    let names = s.units.map { describe($0, in: until) }
                    z += "，区域划入 " + names.joined(separator: "、") + citation(s.document, zh: true)
                    e += "; its area went to " + names.joined(separator: " and ") + citation(s.document, zh: false)
                }
                zh.append(z + (until <= year ? "：\(year) 年的数据请改用其继承单位，或检查年份" : ""))
                en.append(e + ": give \(year) data for its successors, or check the year")
            } else {
                // A name the unit held in other years, while the unit itself did not exist then (gaps are rare).
                zh.append("\(who) 在 \(year) 年未使用（\(region.span)）")
                en.append("\(who) was not in use in \(year) (\(region.span))")
            }
        }
        return LocalizedText(zh: zh.joined(separator: "；"), en: en.joined(separator: "; "))
    }

    public func citation(_ document: Int32, zh: Bool) -> String {
        guard let d = changes.document(document) else { return "" }
        return zh ? "，\(d.citation)" : ", \(d.citation)"
    }
}

/// What `resolve` gives for a code or name over a span of years, when it gives one unit throughout: a loader may
/// reuse it for the same bytes in those years instead of asking again.
public struct StableResolution: Sendable, Equatable {
    public var unit: RegionIndex
    /// The years [from, until) with this outcome (`Int16` bounds stand for open ends).
    public var from: Int
    public var until: Int
    /// -1 when the text is the unit's own code or name in those years; else the record it names (a former or later
    /// code of the unit: `resolve` then notes it).
    public var formerRecord: Int16

    public init(unit: RegionIndex, from: Int, until: Int, formerRecord: Int16) {
        self.unit = unit
        self.from = from
        self.until = until
        self.formerRecord = formerRecord
    }

    public func covers(_ year: Int) -> Bool { year >= from && year < until }
}

extension RegionTable {
    /// The span of years around `year` in which `resolve(text, year:)` (with no label and no context) gives the same
    /// unit and the same note: the years of the record held (a code another unit held at other times is held by one
    /// unit at a time), or, when the text names one unit's record of other years, the years of the unit between its
    /// records of that name. Nil when the outcome is anything else (ambiguous, unknown, no unit that year).
    public func stableResolution(_ text: String, year: Int) -> StableResolution? {
        let trimmed = text.trimmingSpaces()
        let entries = entries(for: trimmed)
        guard let first = entries.first else { return nil }
        let isCode = !byCode[trimmed].isEmpty
        let holding = entries.filter { holds($0, year) }
        func span(_ e: NameEntry) -> (Int, Int) {
            let r = regions[Int(e.unit)]
            let (f, u) = e.record < 0 ? (r.from, r.until) : (r.records[Int(e.record)].from, r.records[Int(e.record)].until)
            return (f ?? Int(Int16.min), u ?? Int(Int16.max))
        }
        if let e = holding.first, holding.allSatisfy({ $0.unit == e.unit }) {
            // A name must belong to one unit alone (several would be ambiguous in some years); a code is held by one
            // unit at a time, and its other holders' years are outside this record's.
            guard isCode || entries.allSatisfy({ $0.unit == e.unit }) else { return nil }
            let (f, u) = span(e)
            return StableResolution(unit: e.unit, from: f, until: u, formerRecord: -1)
        }
        // A record of other years of one unit that exists in `year`: the years between its records of this text.
        guard holding.isEmpty, entries.allSatisfy({ $0.unit == first.unit }), exists(first.unit, in: year) else { return nil }
        let region = regions[Int(first.unit)]
        var lo = region.from ?? Int(Int16.min), hi = region.until ?? Int(Int16.max)
        for e in entries {
            let (f, u) = span(e)
            if u <= year { lo = max(lo, u) }
            if f > year { hi = min(hi, f) }
        }
        let record = entries.max { $0.record < $1.record }!.record
        return StableResolution(unit: first.unit, from: lo, until: hi, formerRecord: record)
    }
}
