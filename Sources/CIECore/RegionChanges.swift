/// A change between two years' lists of divisions: a rename or recode (one unit), the area of an abolished record
/// going to another unit (a merge or a split), or a transfer of part of a living unit (划归).
public struct RegionChange: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// One record became another, one to one: the same unit (湟中县 → 湟中区).
        case rename
        /// An abolished record's area went (whole or in part) to another unit (江干区 → 上城区, 钱塘区).
        case absorbed
        /// Part of a living unit went to another one (苍南县 → 龙港市).
        case transfer
    }
    /// The first year of the new state (the change took effect during `year - 1` or at its end).
    public var year: Int
    public var kind: Kind
    public var from: RegionIndex
    public var fromCode: String
    public var to: RegionIndex
    public var toCode: String
    /// Index into `RegionChanges.documents`, or -1.
    public var document: Int32

    public init(year: Int, kind: Kind, from: RegionIndex, fromCode: String, to: RegionIndex, toCode: String, document: Int32) {
        self.year = year
        self.kind = kind
        self.from = from
        self.fromCode = fromCode
        self.to = to
        self.toCode = toCode
        self.document = document
    }
}

/// The document that approved a change (from the diff files' descriptions).
public struct ChangeDocument: Sendable, Hashable {
    public var title: String
    /// 文号, e.g. 国函〔2019〕106号; may be empty.
    public var number: String
    /// As the source writes it (2019年11月6日); may be empty.
    public var date: String

    public init(title: String, number: String, date: String) {
        self.title = title
        self.number = number
        self.date = date
    }

    /// 国函〔2019〕106号, else the title.
    public var citation: String { number.isEmpty ? title : number }
}

/// A year in which a region's series stops being comparable with the years before: it took in (part of) an
/// abolished unit, or, for a prefecture or province, a unit moved in or out.
public struct SeriesBreak: Sendable, Hashable {
    public var year: Int
    /// The changes behind it (indexes into `RegionChanges.events`).
    public var changes: [Int]
}

/// Every change between years of the shipped table, with indexes by unit.
public struct RegionChanges: Sendable {
    public private(set) var events: [RegionChange] = []
    public private(set) var documents: [ChangeDocument] = []
    private var byUnit: [RegionIndex: [Int]] = [:]
    private var breaks: [RegionIndex: [SeriesBreak]] = [:]

    public init() {}

    /// Indexes the changes; `table` answers the prefectures and provinces units belonged to in each year.
    public init(events: [RegionChange], documents: [ChangeDocument], table: RegionTable) {
        self.events = events
        self.documents = documents
        var breakSets: [RegionIndex: [Int: [Int]]] = [:]
        for (k, e) in events.enumerated() {
            byUnit[e.from, default: []].append(k)
            if e.to != e.from { byUnit[e.to, default: []].append(k) }
            // A unit that took in part of an abolished one, having existed before: its area changed.
            let existedBefore = table[e.to].from.map { $0 < e.year } ?? true
            if e.kind == .absorbed, existedBefore {
                breakSets[e.to, default: [:]][e.year, default: []].append(k)
            }
            // An area whose units moved in or out: the areas of the old record (the year before) and of the new one.
            guard e.kind != .transfer else { continue }
            let before = Set(RegionChanges.areas(of: e.from, in: e.year - 1, table))
            let after = Set(RegionChanges.areas(of: e.to, in: e.year, table))
            for area in before.symmetricDifference(after) where table[area].exists(in: e.year - 1) && table[area].exists(in: e.year) {
                breakSets[area, default: [:]][e.year, default: []].append(k)
            }
        }
        for (unit, years) in breakSets {
            breaks[unit] = years.keys.sorted().map { SeriesBreak(year: $0, changes: years[$0]!) }
        }
    }

    /// The prefecture and province a region lay in that year (not counting itself).
    private static func areas(of index: RegionIndex, in year: Int, _ table: RegionTable) -> [RegionIndex] {
        var out: [RegionIndex] = []
        var r = table.parent(of: index, in: year)
        while let p = r, out.count < 4 {
            out.append(p)
            r = table.parent(of: p, in: year)
        }
        return out
    }

    /// Every change touching the unit, in time order.
    public func events(of unit: RegionIndex) -> [RegionChange] { (byUnit[unit] ?? []).map { events[$0] } }

    /// Where the area of a unit that ended went: the year and the units (nil when it lives on, or nothing is known).
    public func successors(of unit: RegionIndex, until: Int?) -> (year: Int, units: [RegionIndex], document: Int32)? {
        guard let until else { return nil }
        let out = events(of: unit).filter { $0.from == unit && $0.year == until && $0.to != unit && $0.kind == .absorbed }
        guard !out.isEmpty else { return nil }
        return (until, unique(out.map(\.to)), out.first { $0.document >= 0 }?.document ?? -1)
    }

    /// Where the area of a unit created in `from` came from (abolished units and parts of living ones).
    public func predecessors(of unit: RegionIndex, from: Int?) -> (year: Int, units: [RegionIndex], document: Int32)? {
        guard let from else { return nil }
        let into = events(of: unit).filter { $0.to == unit && $0.year == from && $0.from != unit && $0.kind != .rename }
        guard !into.isEmpty else { return nil }
        return (from, unique(into.map(\.from)), into.first { $0.document >= 0 }?.document ?? -1)
    }

    /// The years after `base` up to `year` (included) in which the region's series broke.
    public func breaks(of region: RegionIndex, after base: Int, through year: Int) -> [SeriesBreak] {
        (breaks[region] ?? []).filter { $0.year > base && $0.year <= year }
    }

    /// Every break of the region's series.
    public func allBreaks(of region: RegionIndex) -> [SeriesBreak] { breaks[region] ?? [] }

    public func document(_ index: Int32) -> ChangeDocument? {
        index >= 0 && Int(index) < documents.count ? documents[Int(index)] : nil
    }

    private func unique(_ xs: [RegionIndex]) -> [RegionIndex] {
        var seen = Set<RegionIndex>()
        return xs.filter { seen.insert($0).inserted }
    }
}
