/// `all`: every one of several conditions.
struct AllOf: ConditionKind {
    var key: String { "all" }
    var numbers: [Double] { parts.flatMap(\.numbers) }
    var parts: [Condition]

    var inputs: [String] { parts.flatMap(\.indicators) }

    func requirement(baseline: Int?) -> LocalizedText {
        let rs = parts.map { $0.requirement(baseline: baseline) }
        return LocalizedText(zh: rs.map(\.zh).joined(separator: " 且 "), en: rs.map(\.en).joined(separator: " and "))
    }

    func describe(baseline: Int?, catalogue: IndicatorCatalogue, _ l: Language) -> String {
        parts.map { $0.describe(baseline: baseline, catalogue: catalogue, l) }.joined(separator: l == .zh ? "；且 " : "; and ")
    }

    func unit(_ e: Evaluator, region: RegionIndex) -> MeasureUnit { .none }

    func evaluate(_ e: Evaluator, _ target: Target, region: RegionIndex, year: Int) throws -> Outcome {
        var outcomes: [Outcome] = []
        for p in parts { outcomes.append(try p.kind.evaluate(e, target, region: region, year: year)) }
        let truth: Truth = outcomes.contains { $0.truth == .no } ? .no : (outcomes.contains { $0.truth == .unknown } ? .unknown : .yes)
        var o = Outcome(truth: truth, observed: nil, missing: outcomes.flatMap(\.missing))
        // Which parts fail, in words: "exists and exists" alone does not say.
        let catalogue = e.context.catalogue
        for (part, outcome) in zip(parts, outcomes) where outcome.truth == .no {
            o.notes.append(LocalizedText(zh: "未满足：" + part.describe(baseline: target.baseline, catalogue: catalogue, .zh),
                                         en: "not met: " + part.describe(baseline: target.baseline, catalogue: catalogue, .en)))
        }
        o.notes += outcomes.flatMap(\.notes)
        return o
    }
}

/// `any`: at least one of several conditions (a coverage that must rise, or already be complete). Judged on the path
/// when a part is; it applies from the earliest year any part does.
struct AnyOf: ConditionKind {
    var key: String { "any" }
    var numbers: [Double] { parts.flatMap(\.numbers) }
    var parts: [Condition]

    var inputs: [String] { parts.flatMap(\.indicators) }
    var isPath: Bool { parts.contains(where: \.isPath) }
    var baselineOffset: Int? { parts.compactMap(\.kind.baselineOffset).min() }
    var comparesWithBaseline: Bool { parts.contains { $0.kind.comparesWithBaseline } }

    func requirement(baseline: Int?) -> LocalizedText {
        let rs = parts.map { $0.requirement(baseline: baseline) }
        return LocalizedText(zh: rs.map(\.zh).joined(separator: " 或 "), en: rs.map(\.en).joined(separator: " or "))
    }

    func describe(baseline: Int?, catalogue: IndicatorCatalogue, _ l: Language) -> String {
        parts.map { $0.describe(baseline: baseline, catalogue: catalogue, l) }.joined(separator: l == .zh ? "；或 " : "; or ")
    }

    /// Alternatives on one quantity (rising, or already complete) share its unit.
    func unit(_ e: Evaluator, region: RegionIndex) -> MeasureUnit { parts.first.map { $0.kind.unit(e, region: region) } ?? .none }

    func evaluate(_ e: Evaluator, _ target: Target, region: RegionIndex, year: Int) throws -> Outcome {
        var outcomes: [Outcome] = []
        for p in parts { outcomes.append(try p.kind.evaluate(e, target, region: region, year: year)) }
        if let met = outcomes.first(where: { $0.truth == .yes }) { return met }
        let truth: Truth = outcomes.contains { $0.truth == .unknown } ? .unknown : .no
        var o = Outcome(truth: truth, observed: outcomes.compactMap(\.observed).last, missing: outcomes.flatMap(\.missing))
        o.notes = outcomes.flatMap(\.notes)
        return o
    }
}
