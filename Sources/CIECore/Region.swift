/// The kind of an administrative or statistical unit.
public enum RegionType: String, Sendable, CaseIterable, Codable {
    case province, prefecture
    /// 市辖区
    case district
    /// 县, 自治县 (and 林区, 特区)
    case county
    /// 县级市
    case city
    /// 旗, 自治旗
    case banner
    /// A statistical-only unit (开发区, 行委, 综保区, 新区): not a division under GB/T 2260. A policy counts it among
    /// its 县（市、区） only where its policy says so (`PolicyModule.zones`).
    case zone

    public var isUnit: Bool { self != .province && self != .prefecture }

    /// 县域 proper: 县, 自治县, 县级市, 旗 — not 市辖区 (TARGETS.md, "Unit of evaluation").
    public var isCountyProper: Bool { self == .county || self == .city || self == .banner }

    public var label: LocalizedText {
        switch self {
        case .province: LocalizedText(zh: "省", en: "province")
        case .prefecture: LocalizedText(zh: "地级", en: "prefecture")
        case .district: LocalizedText(zh: "区", en: "district")
        case .county: LocalizedText(zh: "县", en: "county")
        case .city: LocalizedText(zh: "市", en: "city")
        case .banner: LocalizedText(zh: "旗", en: "banner")
        case .zone: LocalizedText(zh: "功能区", en: "zone")
        }
    }

    /// Parses the `type` column of a regions file: English or Chinese (SPEC.md, "Regions CSV").
    public init?(parsing text: String) {
        switch text.trimmingSpaces().lowercased() {
        case "district", "区", "市辖区": self = .district
        case "county", "县", "自治县": self = .county
        case "city", "市", "县级市": self = .city
        case "banner", "旗", "自治旗": self = .banner
        case "zone", "功能区", "开发区": self = .zone
        case "prefecture", "地级", "地级市", "州", "盟", "地区": self = .prefecture
        case "province", "省": self = .province
        default: return nil
        }
    }
}

/// A handle on a region in a region table: its index.
public typealias RegionIndex = Int32

/// One code and name a unit held, over the years it held them (民政部's lists give the status at 31 December, so a
/// record "until 2021" is the unit's name in the data of 2020 and earlier).
public struct RegionRecord: Sendable, Hashable {
    public var code: String
    public var name: String
    public var type: RegionType
    /// The first year in use; nil when in use before the tables begin (1981), or not known (statistical zones,
    /// units a regions file declares).
    public var from: Int?
    /// The first year no longer in use; nil while in use.
    public var until: Int?
    /// The prefecture or province the record belonged to.
    public var parent: RegionIndex?
    /// Short names of this record's name, `;`-separated (one string, not an array: the table holds 6,800 records).
    public var aliasText: String

    public init(code: String, name: String, type: RegionType, from: Int? = nil, until: Int? = nil, parent: RegionIndex?,
                aliases: [String] = []) {
        self.init(code: code, name: name, type: type, from: from, until: until, parent: parent, aliasText: aliases.joined(separator: ";"))
    }

    public init(code: String, name: String, type: RegionType, from: Int?, until: Int?, parent: RegionIndex?, aliasText: String) {
        self.code = code
        self.name = name
        self.type = type
        self.from = from
        self.until = until
        self.parent = parent
        self.aliasText = aliasText
    }

    /// Short names of this record's name (大通县, `~大通` for a bare stem, which ranks below full and suffixed names).
    public var aliases: [String] { aliasText.isEmpty ? [] : aliasText.split(separator: ";").map(String.init) }

    @inline(__always) public func holds(_ year: Int) -> Bool {
        (from.map { year >= $0 } ?? true) && (until.map { year < $0 } ?? true)
    }

    /// "2019–", "1999–2018", "–1984" (years in use, the last one included), or "" when unbounded.
    public var span: String { formatSpan(from: from, until: until) }
}

/// "2019–" (since 2019), "1999–2018" (the last year in use), "–1984", or "" when neither end is known.
public func formatSpan(from: Int?, until: Int?) -> String {
    switch (from, until) {
    case (nil, nil): ""
    case (let f?, nil): "\(f)–"
    case (nil, let u?): "–\(u - 1)"
    case (let f?, let u?): f == u - 1 ? "\(f)" : "\(f)–\(u - 1)"
    }
}

/// A county-level unit, prefecture or province: the records it held over time, renames and recodes joined
/// (湟中县 630122 → 湟中区 630106 is one unit, so its series continues).
public struct Region: Sendable, Hashable {
    /// In time order, without gaps; the last is the unit's latest code and name.
    public private(set) var records: [RegionRecord]
    /// Named groups a policy or a regions file puts the unit in (浙江 26 加快发展县, 吉林's zones).
    public var groups: [String]
    /// Other names it answers to in every year: names a regions file gives (its records carry their own short names).
    public var aliases: [String]
    /// Added by a regions file rather than shipped.
    public var isUserDefined: Bool
    /// Its series may be compared across its boundary changes: a regions file says so (`series` column).
    public var seriesContinuous = false
    /// The years its series broke: it took in (part of) an abolished unit, or (an area) a unit moved in or out.
    /// Values of a year before a break are not comparable with values of the break year or after.
    public var breakYears: [Int] = []

    public init(records: [RegionRecord], groups: [String] = [], aliases: [String] = [], isUserDefined: Bool = false) {
        precondition(!records.isEmpty, "a region holds at least one record")
        self.records = records
        self.groups = groups
        self.aliases = aliases
        self.isUserDefined = isUserDefined
    }

    /// A region with one record and no known lifetime.
    public init(code: String, name: String, type: RegionType, parent: RegionIndex?, groups: [String] = [],
                aliases: [String] = [], isUserDefined: Bool = false) {
        self.init(records: [RegionRecord(code: code, name: name, type: type, parent: parent, aliases: aliases)], groups: groups,
                  isUserDefined: isUserDefined)
    }

    public var latest: RegionRecord { records[records.count - 1] }
    public var code: String { latest.code }
    public var name: String { latest.name }
    public var type: RegionType { latest.type }
    public var parent: RegionIndex? { latest.parent }
    /// The first year of the unit (nil: before the tables begin, or not known).
    public var from: Int? { records[0].from }
    /// The first year the unit no longer exists (nil: it exists).
    public var until: Int? { latest.until }

    @inline(__always) public func exists(in year: Int) -> Bool {
        (from.map { year >= $0 } ?? true) && (until.map { year < $0 } ?? true)
    }

    /// The record in use in `year`; the latest when `year` is nil; nil when the unit did not exist then.
    public func record(in year: Int?) -> RegionRecord? {
        guard let year else { return latest }
        if records.count == 1 { return records[0].holds(year) ? records[0] : nil }
        return records.last { $0.holds(year) }
    }

    /// The record of `year`, or the nearest one when the unit did not exist then (for labels).
    public func nearestRecord(to year: Int?) -> RegionRecord {
        guard let year else { return latest }
        if let r = record(in: year) { return r }
        return (from.map { year < $0 } ?? false) ? records[0] : latest
    }

    /// Every code it held, latest last.
    public var codes: [String] {
        var out: [String] = []
        for r in records where !out.contains(r.code) { out.append(r.code) }
        return out
    }

    /// "1999–", "–2020" or "" (years in existence, the last one included).
    public var span: String { formatSpan(from: from, until: until) }

    /// Bare stems are written `~大通` in `aliases`; this is the name without the mark.
    public static func aliasName(_ alias: String) -> Substring {
        alias.hasPrefix("~") ? alias.dropFirst() : Substring(alias)
    }
}

/// What a regions file declared about a region, to compare with what the table holds.
public enum RestateConflict: Sendable, Equatable {
    case type(RegionType)
    case parent(RegionIndex?)
}

/// What `RegionTable.restate` made of a restatement.
public enum Restatement: Sendable, Equatable {
    /// It said nothing the table did not hold: nothing was written.
    case unchanged
    /// Groups, a name or comparability were merged: names resolve anew.
    case merged
    case conflict(RestateConflict)
}

/// The regions cie knows: every division of China 1981–2024 with its lifetime, the statistical-only units, and
/// those a regions file adds. Codes and names resolve in time (`resolve(_:year:within:)`, RegionResolution.swift).
public struct RegionTable: Sendable {
    public private(set) var regions: [Region] = []
    /// Code → the units that held it, in table order.
    private(set) var byCode = MultiMap<RegionIndex>()
    /// Normalised name → who answers to it.
    private(set) var byName = MultiMap<NameEntry>()
    /// Every unit that was ever below each region.
    private var children: [[RegionIndex]] = []
    /// Where the changes between years come from: read on first use (histories, series breaks, errors that cite
    /// them), not when the table is.
    private var changesSource: (@Sendable () -> RegionChanges)?

    /// Changes between years (renames, merges, splits, transfers) with their documents, for histories and breaks.
    public var changes: RegionChanges { changesSource?() ?? RegionChanges() }

    public init() {}

    /// A table with room for `capacity` regions and twice as many names.
    public init(capacity: Int) {
        regions.reserveCapacity(capacity)
        children.reserveCapacity(capacity)
        byCode = MultiMap(capacity: capacity * 2)
        byName = MultiMap(capacity: capacity * 5)
    }

    /// Who answers to a name: a unit, through one of its records (or an alias), and how well the name fits.
    struct NameEntry: Sendable, Hashable {
        var unit: RegionIndex
        /// The record whose name or short name it is; -1 for an alias a regions file restated (no years).
        var record: Int16
        var quality: NameQuality
    }

    public var count: Int { regions.count }
    public subscript(index: RegionIndex) -> Region { regions[Int(index)] }

    /// Adds a region; its parents must already be in the table. Returns its index. `normalized`: its names are
    /// lookup keys already (the shipped table's are: the generator checks), so they need no normalising.
    @discardableResult
    public mutating func add(_ region: Region, normalized: Bool = false) -> RegionIndex {
        let index = RegionIndex(regions.count)
        regions.append(region)
        children.append([])
        var parents: [RegionIndex] = []
        for r in region.records {
            if let p = r.parent, !parents.contains(p) { parents.append(p) }
            byCode.insert(r.code, index)
        }
        for p in parents { children[Int(p)].append(index) }
        indexNames(index, normalized: normalized)
        return index
    }

    /// Sets where the changes between years come from (the shipped table's; regions files add none).
    public mutating func setChanges(_ source: @escaping @Sendable () -> RegionChanges) { changesSource = source }

    private mutating func indexNames(_ index: RegionIndex, normalized: Bool = false) {
        let region = regions[Int(index)]
        func enter(_ name: UnsafeBufferPointer<UInt8>, _ record: Int, _ quality: NameQuality) {
            let entry = NameEntry(unit: index, record: Int16(record), quality: quality)
            if normalized { return byName.insert(name, entry) }
            let key = RegionTable.key(String(decoding: name, as: UTF8.self))
            if !key.isEmpty { byName.insert(key, entry) }
        }
        /// `大通县;~大通`: each name, byte by byte (splitting the String by Character cost more than the rest).
        func enterList(_ text: String, _ record: Int) {
            var text = text
            text.withUTF8 { p in
                var start = 0
                for i in 0...p.count where i == p.count || p[i] == 0x3B {
                    let stem = start < i && p[start] == 0x7E
                    let from = stem ? start + 1 : start
                    if from < i { enter(UnsafeBufferPointer(rebasing: p[from..<i]), record, stem ? .stem : .short) }
                    start = i + 1
                }
            }
        }
        for (k, r) in region.records.enumerated() {
            var name = r.name
            name.withUTF8 { enter($0, k, .full) }
            if !r.aliasText.isEmpty { enterList(r.aliasText, k) }
        }
        // A name a regions file restated holds in every year.
        for a in region.aliases { enterList(a, -1) }
    }

    /// Merges what a regions file restates about a known region: groups, an alternative name, comparability.
    /// A different type or prefecture is not merged: it is returned, for the loader to report.
    public mutating func restate(_ index: RegionIndex, name: String?, type: RegionType?, parent: RegionIndex??,
                                 groups: [String], seriesContinuous: Bool) -> Restatement {
        let region = regions[Int(index)]
        if let type, type != region.type { return .conflict(.type(type)) }
        if let parent, parent != region.parent { return .conflict(.parent(parent)) }
        var r = region
        for g in groups where !r.groups.contains(g) { r.groups.append(g) }
        if seriesContinuous { r.seriesContinuous = true }
        if let name, !r.records.contains(where: { $0.name == name }), !r.aliases.contains(name) { r.aliases.append(name) }
        // A restatement that adds nothing writes nothing: the shipped table stays shared, not copied.
        guard r != region else { return .unchanged }
        regions[Int(index)] = r
        indexNames(index)
        return .merged
    }

    /// The unit that holds the code now, else the last one that held it.
    public func index(code: String) -> RegionIndex? {
        let hits = byCode[code]
        guard !hits.isEmpty else { return nil }
        return hits.first { regions[Int($0)].until == nil && regions[Int($0)].latest.code == code } ?? hits.last
    }

    /// The units that ever held the code.
    public func units(code: String) -> [RegionIndex] { byCode[code] }

    /// The region's type in `year` (its latest when nil), read in place (`self[i].type` would copy the region).
    @inline(__always) public func type(of index: RegionIndex, in year: Int? = nil) -> RegionType {
        let records = regions[Int(index)].records
        if records.count == 1 || year == nil { return records[records.count - 1].type }
        return regions[Int(index)].nearestRecord(to: year).type
    }

    @inline(__always) public func exists(_ index: RegionIndex, in year: Int) -> Bool {
        regions[Int(index)].exists(in: year)
    }

    /// The region's parent in `year` (latest when nil, or when it did not exist then).
    @inline(__always) public func parent(of index: RegionIndex, in year: Int? = nil) -> RegionIndex? {
        let region = regions[Int(index)]
        if region.records.count == 1 { return region.records[0].parent }
        return region.nearestRecord(to: year).parent
    }

    /// Every unit that was ever directly below the region, in table order.
    public func children(of index: RegionIndex) -> [RegionIndex] { children[Int(index)] }

    /// The regions directly below `index` in `year` (those that existed then, and were below it then); today's when
    /// `year` is nil.
    public func children(of index: RegionIndex, in year: Int?) -> [RegionIndex] {
        guard let year else {
            return children[Int(index)].filter { regions[Int($0)].until == nil && regions[Int($0)].parent == index }
        }
        return children[Int(index)].filter { exists($0, in: year) && parent(of: $0, in: year) == index }
    }

    /// The county-level units below a region in `year` (itself, if it is one), by code; today's when `year` is nil.
    public func units(under index: RegionIndex, in year: Int? = nil) -> [RegionIndex] {
        if regions[Int(index)].type.isUnit { return [index] }
        var out: [RegionIndex] = []
        var stack = [index]
        while let r = stack.popLast() {
            for c in children(of: r, in: year) {
                if regions[Int(c)].type.isUnit { out.append(c) } else { stack.append(c) }
            }
        }
        return out.sorted { regions[Int($0)].code < regions[Int($1)].code }
    }

    /// The region itself or the first region above it in `year` (its latest years when nil) that `matches`. The
    /// chain is at most province → prefecture → unit; the bound only guards against a cycle a regions file could make.
    private func firstOfChain(_ index: RegionIndex, in year: Int?, _ matches: (RegionIndex) -> Bool) -> RegionIndex? {
        var r: RegionIndex? = index
        var steps = 0
        while let current = r, steps < 8 {
            if matches(current) { return current }
            r = parent(of: current, in: year)
            steps += 1
        }
        return nil
    }

    /// Whether `index` is `ancestor` or lay below it in `year` (in its latest years when nil).
    public func isWithin(_ index: RegionIndex, _ ancestor: RegionIndex, in year: Int? = nil) -> Bool {
        firstOfChain(index, in: year) { $0 == ancestor } != nil
    }

    /// The prefecture a unit belonged to in `year` (nil for provinces and units directly under one).
    public func prefecture(of index: RegionIndex, in year: Int? = nil) -> RegionIndex? {
        firstOfChain(index, in: year) { regions[Int($0)].type == .prefecture }
    }

    /// The province a region belonged to in `year`.
    public func province(of index: RegionIndex, in year: Int? = nil) -> RegionIndex? {
        firstOfChain(index, in: year) { regions[Int($0)].type == .province }
    }

    /// The years after `base`, up to `year` included, in which the region's series broke.
    public func breaks(of index: RegionIndex, after base: Int, through year: Int) -> [Int] {
        regions[Int(index)].breakYears.filter { $0 > base && $0 <= year }
    }

    /// "大通回族土族自治县 (630121)", with the code and name of `year` (the latest when nil).
    public func describe(_ index: RegionIndex, in year: Int? = nil) -> String {
        let r = regions[Int(index)].nearestRecord(to: year)
        return "\(r.name) (\(r.code))"
    }

    /// "大通回族土族自治县 (630121, 青海省)": with the province, where names are shared across the country.
    public func describeWithProvince(_ index: RegionIndex, in year: Int? = nil) -> String {
        let r = regions[Int(index)].nearestRecord(to: year)
        guard let p = province(of: index, in: year), p != index else { return "\(r.name) (\(r.code))" }
        return "\(r.name) (\(r.code), \(regions[Int(p)].nearestRecord(to: year).name))"
    }

    static func key(_ s: String) -> String {
        IndicatorCatalogue.key(s)
    }
}

/// How well a name fits: a record's own name, a suffixed short name (大通县, 海西州, 青海), a bare stem (大通).
/// Resolution takes the best-fitting candidates: 吉林 is 吉林省 (a province's short name) before 吉林市 (a stem).
public enum NameQuality: UInt8, Sendable, Comparable {
    case full = 0, short = 1, stem = 2
    public static func < (a: NameQuality, b: NameQuality) -> Bool { a.rawValue < b.rawValue }
}

extension String {
    /// Trims ASCII and ideographic spaces (and BOMs) from both ends.
    public func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        func isSpace(_ s: Unicode.Scalar) -> Bool {
            s == " " || s == "\t" || s == "\r" || s == "\n" || s == "\u{3000}" || s == "\u{FEFF}" || s == "\u{A0}"
        }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }
}
