/// What a target requires, as one of the condition kinds of TARGETS.md's vocabulary (Docs/PolicyFormat.md,
/// "Conditions"). Each kind is one type that owns its semantics: its key in `policy.yaml`, its description, its
/// inputs, its evaluation and its progress projection (`ConditionKind`). Years "since B" are the target's baseline.
public struct Condition: Sendable, Hashable, CustomStringConvertible {
    let kind: any ConditionKind

    init(_ kind: any ConditionKind) { self.kind = kind }

    public static func == (a: Condition, b: Condition) -> Bool { AnyHashable(a.kind) == AnyHashable(b.kind) }
    public func hash(into hasher: inout Hasher) { hasher.combine(AnyHashable(kind)) }
    public var description: String { "\(kind)" }

    /// The kind's key in `policy.yaml` (`at_least`).
    public var key: String { kind.key }
    /// Indicator ids the condition reads, in order, with repeats.
    public var indicators: [String] { kind.inputs }
    /// Whether it is judged on the years up to the evaluation year rather than projected to the deadline.
    public var isPath: Bool { kind.isPath }
    /// The numbers it sets (a threshold, a range's ends, a share's percentage, a rate), in order: what a drafted
    /// condition is measured against (Docs/Drafting.md). `exists` sets 1, year-on-year kinds none.
    public var numbers: [Double] { kind.numbers }
    /// The short requirement of a result's `required` (`≥ 4.5`, `1–2`, `每年 ≥ 300（自 2018 年）`).
    public func requirement(baseline: Int?) -> LocalizedText { kind.requirement(baseline: baseline) }
    /// The condition in words, for `explain`.
    public func describe(baseline: Int?, catalogue: IndicatorCatalogue, _ language: Language) -> String {
        kind.describe(baseline: baseline, catalogue: catalogue, language)
    }

    // The kinds, as declarations write them.

    /// v ≥ x.
    public static func atLeast(_ q: Quantity, _ x: Double) -> Condition { Condition(AtLeast(quantity: q, value: x)) }
    /// v ≤ x.
    public static func atMost(_ q: Quantity, _ x: Double) -> Condition { Condition(AtMost(quantity: q, value: x)) }
    /// Met at ≥ lo; above hi is reported as "above plan" and still met.
    public static func range(_ q: Quantity, _ lo: Double, _ hi: Double) -> Condition { Condition(InRange(quantity: q, min: lo, max: hi)) }
    /// A flag true or a count ≥ 1.
    public static func exists(_ q: Quantity) -> Condition { Condition(Exists(quantity: q)) }
    /// The share of units (of the area, optionally filtered) that satisfy a per-unit condition is ≥ p percent.
    public static func share(of inner: Condition, among filter: UnitFilter?, atLeastPercent p: Double) -> Condition {
        Condition(ShareOfUnits(inner: inner, among: filter, percent: p))
    }
    /// (v[y] − v[B]) / (y − B) ≥ Δ, in the indicator's own unit (percentage points for a percentage).
    public static func avgAnnualIncrease(_ q: Quantity, _ d: Double) -> Condition { Condition(AverageAnnualIncrease(quantity: q, by: d)) }
    /// v[y] ≥ k · v[B]; a baseline of 0 cannot be multiplied (翻番 from nothing is undefined).
    public static func multiple(_ q: Quantity, _ k: Double) -> Condition { Condition(Multiple(quantity: q, times: k)) }
    /// v[t] ≥ v[t−1] for every t in B+1…y.
    public static func nonDecreasing(_ q: Quantity) -> Condition { Condition(YearOnYear(quantity: q, strict: false)) }
    /// v[t] > v[t−1] for every t in B+1…y.
    public static func increasing(_ q: Quantity) -> Condition { Condition(YearOnYear(quantity: q, strict: true)) }
    /// v[t] ≥ x for every t in B…y (annual flows: 每年引导…).
    public static func everyYearAtLeast(_ q: Quantity, _ x: Double) -> Condition { Condition(EveryYearAtLeast(quantity: q, value: x)) }
    /// Every one of several conditions.
    public static func all(_ parts: [Condition]) -> Condition { Condition(AllOf(parts: parts)) }
    /// At least one of several conditions (a coverage that must rise, or already be complete).
    public static func any(_ parts: [Condition]) -> Condition { Condition(AnyOf(parts: parts)) }
}

/// One condition kind. Everything the evaluator, `explain`, the reports and the docs need to know about a kind is
/// here, so that adding one means writing one type (and its key in the package reader).
protocol ConditionKind: Sendable, Hashable, CustomStringConvertible {
    /// Its key in `policy.yaml`.
    var key: String { get }
    /// Indicator ids it reads.
    var inputs: [String] { get }
    /// The numbers it sets, in order.
    var numbers: [Double] { get }
    /// Judged on the path of years up to the evaluation year (never projected to a deadline).
    var isPath: Bool { get }
    /// How many years after the baseline it first applies (1: a comparison with the baseline's value; 0: every year
    /// from the baseline on); nil when the baseline plays no part.
    var baselineOffset: Int? { get }
    /// Whether it compares values of the baseline and later years (so a merge or split in between voids it).
    var comparesWithBaseline: Bool { get }
    func requirement(baseline: Int?) -> LocalizedText
    func describe(baseline: Int?, catalogue: IndicatorCatalogue, _ language: Language) -> String
    /// What it says of one region in one year.
    func evaluate(_ e: Evaluator, _ target: Target, region: RegionIndex, year: Int) throws -> Outcome
    /// The status before the deadline when it does not hold yet (TARGETS.md, "Progress before a deadline").
    func project(_ e: Evaluator, _ target: Target, region: RegionIndex, year: Int, outcome: inout Outcome) throws -> (Status, Double?)
    /// The unit its observed value is in.
    func unit(_ e: Evaluator, region: RegionIndex) -> MeasureUnit
}

extension ConditionKind {
    var isPath: Bool { false }
    var baselineOffset: Int? { nil }
    var comparesWithBaseline: Bool { false }
    func project(_ e: Evaluator, _ target: Target, region: RegionIndex, year: Int, outcome: inout Outcome) throws -> (Status, Double?) {
        (.offTrack, nil)
    }
    var description: String { "\(key)(\(inputs.joined(separator: ", ")))" }
}

/// A kind that reads one quantity.
protocol OnQuantity: ConditionKind {
    var quantity: Quantity { get }
}

extension OnQuantity {
    var inputs: [String] { quantity.indicators }
    func unit(_ e: Evaluator, region: RegionIndex) -> MeasureUnit { e.unit(of: quantity, region: region) }
}

/// Formatting shared by the kinds' descriptions.
enum Words {
    static func n(_ x: Double) -> String { formatNumber(x) }
    static func since(_ b: Int?) -> LocalizedText { b.map { LocalizedText(zh: "（自 \($0) 年）", en: " (since \($0))") } ?? LocalizedText("") }
    static func base(_ b: Int?, _ l: Language) -> String { b.map(String.init) ?? (l == .zh ? "基期" : "the baseline") }
    static func q(_ x: Quantity, _ c: IndicatorCatalogue, _ l: Language) -> String { Describe.quantity(x, catalogue: c, l) }
}
