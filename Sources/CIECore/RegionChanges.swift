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

/// Every change between years of the shipped table, with indexes by unit.
public struct RegionChanges: Sendable {
    public private(set) var events: [RegionChange] = []
    public private(set) var documents: [ChangeDocument] = []
    private var byUnit: [RegionIndex: [Int]] = [:]

    public init() {}

    public init(events: [RegionChange], documents: [ChangeDocument]) {
        self.events = events
        self.documents = documents
        for (k, e) in events.enumerated() {
            byUnit[e.from, default: []].append(k)
            if e.to != e.from { byUnit[e.to, default: []].append(k) }
        }
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

    /// The changes of the year a region's series broke: those into or out of it, and (for an area) those of the
    /// units that moved in or out (the renames and merges of that year that touch its units).
    public func causes(ofBreakIn year: Int, of region: RegionIndex, in table: RegionTable) -> [RegionChange] {
        let own = events(of: region).filter { $0.year == year && $0.kind != .transfer }
        if !own.isEmpty { return own }
        return events.filter { e in
            e.year == year && e.kind != .transfer
                && (table.isWithin(e.from, region, in: year - 1) != table.isWithin(e.to, region, in: year))
        }
    }

    public func document(_ index: Int32) -> ChangeDocument? {
        index >= 0 && Int(index) < documents.count ? documents[Int(index)] : nil
    }

    private func unique(_ xs: [RegionIndex]) -> [RegionIndex] {
        var seen = Set<RegionIndex>()
        return xs.filter { seen.insert($0).inserted }
    }
}
