/// The kind of an administrative or statistical unit.
public enum RegionType: String, Sendable, CaseIterable, Codable {
    case province, prefecture
    /// 市辖区
    case district
    /// 县, 自治县
    case county
    /// 县级市
    case city
    /// 旗, 自治旗
    case banner
    /// A functional zone (开发区, 综保区, 新区) that statistics treat as a county-level unit.
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
        case "prefecture", "地级市", "州", "盟": self = .prefecture
        case "province", "省": self = .province
        default: return nil
        }
    }
}

/// A handle on a region in a region table: its index.
public typealias RegionIndex = Int32

/// A county-level unit, prefecture or province.
public struct Region: Sendable, Hashable {
    /// The 6-digit administrative (or statistical) code; units without one carry the code their regions file gives.
    public var code: String
    public var name: String
    public var type: RegionType
    public var parent: RegionIndex?
    /// Named groups a module or a regions file puts the unit in (浙江 26 加快发展县, 吉林's zones).
    public var groups: [String]
    /// Short names and names in use since 2018 that resolve to this unit.
    public var aliases: [String]
    /// Codes in use since 2018 that resolve to this unit.
    public var formerCodes: [String]
    /// Added by a regions file rather than shipped.
    public var isUserDefined: Bool

    public init(
        code: String, name: String, type: RegionType, parent: RegionIndex?, groups: [String] = [],
        aliases: [String] = [], formerCodes: [String] = [], isUserDefined: Bool = false
    ) {
        self.code = code
        self.name = name
        self.type = type
        self.parent = parent
        self.groups = groups
        self.aliases = aliases
        self.formerCodes = formerCodes
        self.isUserDefined = isUserDefined
    }
}

/// What a name resolved to.
public enum RegionMatch: Sendable, Equatable {
    case found(RegionIndex)
    case ambiguous([RegionIndex])
    case unknown(suggestions: [RegionIndex])
}

/// The regions cie knows: shipped units, prefectures and provinces, plus those a regions file adds.
/// Lookups by code, full name, short name, former code or name, and `prefecture+name`.
public struct RegionTable: Sendable {
    public private(set) var regions: [Region] = []
    private var byCode: [String: RegionIndex] = [:]
    private var byName: [String: [RegionIndex]] = [:]
    private var children: [[RegionIndex]] = []

    public init() {}

    public var count: Int { regions.count }
    public subscript(index: RegionIndex) -> Region { regions[Int(index)] }

    /// Adds a region; its parent must already be in the table. Returns its index.
    @discardableResult
    public mutating func add(_ region: Region) -> RegionIndex {
        let index = RegionIndex(regions.count)
        regions.append(region)
        children.append([])
        if let p = region.parent { children[Int(p)].append(index) }
        indexNames(index)
        return index
    }

    private mutating func indexNames(_ index: RegionIndex) {
        let region = regions[Int(index)]
        byCode[region.code] = index
        for code in region.formerCodes where byCode[code] == nil { byCode[code] = index }
        var names = [region.name] + region.aliases
        if let p = region.parent {
            let parent = regions[Int(p)]
            names.append(parent.name + region.name)
            names += parent.aliases.map { $0 + region.name }
        }
        for name in Set(names.map(RegionTable.key)) where !name.isEmpty {
            if !(byName[name]?.contains(index) ?? false) { byName[name, default: []].append(index) }
        }
    }

    /// Merges what a regions file restates about a known region: groups and an alternative name.
    public mutating func restate(_ index: RegionIndex, name: String?, groups: [String]) {
        var region = regions[Int(index)]
        for g in groups where !region.groups.contains(g) { region.groups.append(g) }
        if let name, name != region.name, !region.aliases.contains(name) { region.aliases.append(name) }
        regions[Int(index)] = region
        indexNames(index)
    }

    public func index(code: String) -> RegionIndex? { byCode[code] }

    /// The region's type, read in place (`self[i].type` would copy the region, names and all).
    public func type(of index: RegionIndex) -> RegionType { regions[Int(index)].type }

    public func children(of index: RegionIndex) -> [RegionIndex] { children[Int(index)] }

    /// The county-level units below a region (itself, if it is one).
    public func units(under index: RegionIndex) -> [RegionIndex] {
        if regions[Int(index)].type.isUnit { return [index] }
        var out: [RegionIndex] = []
        var stack = [index]
        while let r = stack.popLast() {
            for c in children[Int(r)] {
                if regions[Int(c)].type.isUnit { out.append(c) } else { stack.append(c) }
            }
        }
        return out.sorted { regions[Int($0)].code < regions[Int($1)].code }
    }

    /// Whether `index` is `ancestor` or lies below it.
    public func isWithin(_ index: RegionIndex, _ ancestor: RegionIndex) -> Bool {
        var r: RegionIndex? = index
        while let current = r {
            if current == ancestor { return true }
            r = regions[Int(current)].parent
        }
        return false
    }

    /// The prefecture a unit belongs to (nil for provinces).
    public func prefecture(of index: RegionIndex) -> RegionIndex? {
        var r: RegionIndex? = index
        while let current = r {
            if regions[Int(current)].type == .prefecture { return current }
            r = regions[Int(current)].parent
        }
        return nil
    }

    /// Resolves a code, full name, short name, former code or name.
    public func resolve(_ text: String) -> RegionMatch {
        let trimmed = text.trimmingSpaces()
        if let i = byCode[trimmed] { return .found(i) }
        let key = RegionTable.key(trimmed)
        if let hits = byName[key] {
            if hits.count == 1 { return .found(hits[0]) }
            // A current unit's own name beats a former name or short name of another.
            let exact = hits.filter { RegionTable.key(regions[Int($0)].name) == key }
            if exact.count == 1 { return .found(exact[0]) }
            return .ambiguous(hits.sorted { regions[Int($0)].code < regions[Int($1)].code })
        }
        return .unknown(suggestions: suggestions(for: key))
    }

    private func suggestions(for key: String, limit: Int = 3) -> [RegionIndex] {
        guard !key.isEmpty else { return [] }
        var scored: [(Int, RegionIndex)] = []
        for (name, hits) in byName {
            let d = editDistance(key, name)
            let threshold = max(1, min(name.count, key.count) / 3)
            if d <= threshold || (key.count >= 2 && name.hasPrefix(key)) {
                for h in hits { scored.append((d, h)) }
            }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : regions[Int($0.1)].code < regions[Int($1.1)].code }
        var seen = Set<RegionIndex>()
        return scored.map(\.1).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    /// "大通回族土族自治县 (630121)".
    public func describe(_ index: RegionIndex) -> String {
        let r = regions[Int(index)]
        return "\(r.name) (\(r.code))"
    }

    static func key(_ s: String) -> String {
        IndicatorCatalogue.key(s)
    }
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
