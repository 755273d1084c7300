/// What a condition is evaluated on.
public indirect enum Quantity: Sendable, Hashable {
    /// An indicator by id; an area without its own value aggregates its units (TARGETS.md, "Scope").
    case indicator(String)
    /// An area's own value of an indicator, never its units' aggregate: the prefecture's own leading group or budget
    /// (QH 三(十), 三(十一): “市（州）、县（市、区）” each).
    case own(String)
    /// The sum of several quantities (`provincial_hitech_zones + provincial_agri_parks`).
    case sum([Quantity])
    /// numerator / denominator × 100, in percent.
    case percent(Quantity, of: Quantity)
    /// The share (in percent) of an area's total held by its units that pass a filter (县域's share of 高新技术企业).
    case shareOfTotal(String, held: UnitFilter)
    /// The mean of a quantity over the area's units (those a filter admits), plain or weighted by another quantity
    /// (“全省县（市、区）…的平均水平”). Units without a value are left out and the detail says how many.
    case mean(Quantity, over: UnitFilter?, weightedBy: Quantity?)

    /// Indicator ids this quantity reads.
    public var indicators: [String] {
        switch self {
        case .indicator(let id), .own(let id): [id]
        case .sum(let qs): qs.flatMap(\.indicators)
        case .percent(let a, let b): a.indicators + b.indicators
        case .shareOfTotal(let id, let filter): [id] + filter.indicators
        case .mean(let q, let filter, let weight): q.indicators + (weight?.indicators ?? []) + (filter?.indicators ?? [])
        }
    }
}

/// Which units a target concerns.
public enum UnitFilter: Sendable, Hashable {
    /// 县域 proper: 县, 自治县, 县级市, 旗 (not 市辖区).
    case countyProper
    /// Units whose flag indicator is true in the evaluation year (试点县, 工业大县).
    case flag(String)
    /// Units in a named group (Zhejiang's 26 加快发展县).
    case group(String)

    /// The flag indicator it reads, if any.
    public var indicators: [String] {
        if case .flag(let id) = self { return [id] }
        return []
    }

    public func describe(_ language: Language) -> String {
        switch self {
        case .countyProper: language == .zh ? "县域（县、县级市、旗，不含市辖区）" : "counties proper (not districts)"
        case .flag(let id): language == .zh ? "\(id) 为“是”的单位" : "units where \(id) is true"
        case .group(let g): language == .zh ? "“\(g)”名单内的单位" : "units in the group “\(g)”"
        }
    }
}

/// A worked example: a small long-CSV dataset, the evaluation year, and the status each region must get.
/// `explain`, the docs and `cie policy test` all read it.
public struct TargetExample: Sendable {
    public var title: LocalizedText
    public var year: Int
    /// Long CSV (`region,year,indicator,value[,unit]`), as a user would write it.
    public var csv: String
    /// Region (code or name) → expected status.
    public var expect: [(String, Status)]

    public init(_ title: LocalizedText, year: Int, csv: String, expect: [(String, Status)]) {
        self.title = title
        self.year = year
        self.csv = csv
        self.expect = expect
    }
}

/// One quantitative target of a policy document, declared as data (SwiftLint's "a rule is mostly data").
public struct Target: Sendable {
    /// Stable, user-facing id (`QH-06`).
    public var id: String
    public var title: LocalizedText
    /// The clause of the document (`一(二)`).
    public var clause: String
    /// The original sentence, quoted exactly as the seed document prints it.
    public var original: String
    public var scope: Scope
    public var filter: UnitFilter?
    public var condition: Condition
    /// The year by which the condition must hold; nil: it must hold every year.
    public var deadline: Int?
    /// The "since B" year of growth and path conditions; for progress, else the earliest year with data.
    public var baseline: Int?
    public var strength: Strength
    /// How the project reads the text where it is ambiguous.
    public var reading: LocalizedText?
    public var examples: [TargetExample]
    /// Proposed, not yet reviewed (`cie policy draft` marks what it proposes): `policy lint` fails until it is removed
    /// or confirmed.
    public var isDraft: Bool

    public init(
        id: String, title: LocalizedText, clause: String, original: String, scope: Scope, filter: UnitFilter? = nil,
        condition: Condition, deadline: Int?, baseline: Int? = nil, strength: Strength, reading: LocalizedText? = nil,
        examples: [TargetExample] = [], draft: Bool = false
    ) {
        self.id = id
        self.title = title
        self.clause = clause
        self.original = original
        self.scope = scope
        self.filter = filter
        self.condition = condition
        self.deadline = deadline
        self.baseline = baseline
        self.strength = strength
        self.reading = reading
        self.examples = examples
        self.isDraft = draft
    }

    /// The short requirement of its results (`≥ 4.5`).
    public var requirement: LocalizedText { condition.requirement(baseline: baseline) }

    /// Every indicator id the target reads, its filter's included, without repeats.
    public var inputs: [String] {
        var ids = condition.indicators
        ids += filter?.indicators ?? []
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}
