import Foundation

/// `at_least`: v ≥ x; before the deadline, the average annual change since the baseline against the change needed.
struct AtLeast: OnQuantity {
    var key: String { "at_least" }
    var numbers: [Double] { [value] }
    var quantity: Quantity
    var value: Double

    func requirement(baseline: Int?) -> LocalizedText { LocalizedText("≥ \(Words.n(value))") }
    func describe(baseline: Int?, catalogue: IndicatorCatalogue, _ l: Language) -> String { "\(Words.q(quantity, catalogue, l)) ≥ \(Words.n(value))" }

    func evaluate(_ e: Evaluator, _ target: Target, region: RegionIndex, year: Int) throws -> Outcome {
        e.threshold(try e.read(quantity, region, year), atLeast: value)
    }

    func project(_ e: Evaluator, _ target: Target, region: RegionIndex, year: Int, outcome: inout Outcome) throws -> (Status, Double?) {
        try e.projectTowards(value, of: quantity, sign: 1, target, region: region, year: year, outcome: &outcome)
    }
}

/// `at_most`: v ≤ x; projected like `at_least`, downwards.
struct AtMost: OnQuantity {
    var key: String { "at_most" }
    var numbers: [Double] { [value] }
    var quantity: Quantity
    var value: Double

    func requirement(baseline: Int?) -> LocalizedText { LocalizedText("≤ \(Words.n(value))") }
    func describe(baseline: Int?, catalogue: IndicatorCatalogue, _ l: Language) -> String { "\(Words.q(quantity, catalogue, l)) ≤ \(Words.n(value))" }

    func evaluate(_ e: Evaluator, _ target: Target, region: RegionIndex, year: Int) throws -> Outcome {
        let r = try e.read(quantity, region, year)
        let truth: Truth = r.undefined ? .unknown
            : Tolerance.atMost(r.hi, value) ? .yes : (!Tolerance.atMost(r.lo, value) ? .no : .unknown)
        var o = Outcome(truth: truth, observed: r.value, gap: r.value.map { value - $0 }, threshold: value, missing: r.missing)
        o.notes += r.coverageNotes
        return o
    }

    func project(_ e: Evaluator, _ target: Target, region: RegionIndex, year: Int, outcome: inout Outcome) throws -> (Status, Double?) {
        try e.projectTowards(value, of: quantity, sign: -1, target, region: region, year: year, outcome: &outcome)
    }
}

/// `range`: met at ≥ min; above max is reported as "above plan" and still met.
struct InRange: OnQuantity {
    var key: String { "range" }
    var numbers: [Double] { [min, max] }
    var quantity: Quantity
    var min: Double
    var max: Double

    func requirement(baseline: Int?) -> LocalizedText { LocalizedText("\(Words.n(min))–\(Words.n(max))") }
    func describe(baseline: Int?, catalogue: IndicatorCatalogue, _ l: Language) -> String {
        let (x, lo, hi) = (Words.q(quantity, catalogue, l), Words.n(min), Words.n(max))
        return l == .zh ? "\(x) 在 \(lo)—\(hi) 之间（≥ \(lo) 即达标；高于 \(hi) 报告为“高于计划”，仍达标）"
            : "\(x) within \(lo)–\(hi) (met at ≥ \(lo); above \(hi) is reported as above plan, still met)"
    }

    func evaluate(_ e: Evaluator, _ target: Target, region: RegionIndex, year: Int) throws -> Outcome {
        var o = e.threshold(try e.read(quantity, region, year), atLeast: min)
        if let v = o.observed, o.truth == .yes, !Tolerance.atMost(v, max) {
            o.notes.append(LocalizedText(zh: "高于计划（计划 \(Words.n(min))—\(Words.n(max))），仍为达标",
                                         en: "above plan (planned \(Words.n(min))–\(Words.n(max))), still met"))
        }
        return o
    }
}

/// `exists`: a flag true or a count ≥ 1.
struct Exists: OnQuantity {
    var key: String { "exists" }
    var numbers: [Double] { [1] }
    var quantity: Quantity

    func requirement(baseline: Int?) -> LocalizedText { LocalizedText(zh: "有", en: "exists") }
    func describe(baseline: Int?, catalogue: IndicatorCatalogue, _ l: Language) -> String {
        let x = Words.q(quantity, catalogue, l)
        return l == .zh ? "\(x) 为“是”或 ≥ 1" : "\(x) is true or ≥ 1"
    }

    func evaluate(_ e: Evaluator, _ target: Target, region: RegionIndex, year: Int) throws -> Outcome {
        var o = e.threshold(try e.read(quantity, region, year), atLeast: 1)
        o.gap = nil
        o.threshold = nil
        return o
    }
}

extension Evaluator {
    /// `at_least` and `at_most` before the deadline: the average annual change from the baseline (else the earliest
    /// comparable year with data) against the change that reaches `x` by the deadline (`sign` −1 for `at_most`).
    func projectTowards(_ x: Double, of q: Quantity, sign: Double, _ target: Target, region: RegionIndex, year: Int,
                        outcome: inout Outcome) throws -> (Status, Double?) {
        let deadline = target.deadline!
        guard let (b, vb, vy) = try series(q, target, region: region, year: year) else {
            outcome.notes.append(LocalizedText(zh: "判断进度需要至少两年的数据", en: "judging progress needs two years of data"))
            return (.noData, nil)
        }
        let required = sign * (x - vb) / Double(deadline - b)
        let observed = sign * (vy - vb) / Double(year - b)
        if required <= 0 {
            outcome.notes.append(LocalizedText(zh: "\(b) 年已达到要求，此后回落", en: "met in \(b), fallen back since"))
            return (.offTrack, nil)
        }
        outcome.notes.append(LocalizedText(
            zh: "自 \(b) 年年均变化 \(formatNumber(sign * observed))，到 \(deadline) 年达标需年均 \(formatNumber(sign * required))",
            en: "average annual change since \(b): \(formatNumber(sign * observed)); reaching it by \(deadline) needs \(formatNumber(sign * required))"))
        return progress(observed / required, outcome: &outcome)
    }

    /// The value at the start of the progress series and now: the baseline's when declared, else the earliest
    /// comparable year with data (none before the unit was set up or its area last changed).
    func series(_ q: Quantity, _ target: Target, region: RegionIndex, year: Int) throws -> (Int, Double, Double)? {
        guard let vy = try read(q, region, year).value else { return nil }
        if let b = target.baseline, b < year {
            guard let vb = try read(q, region, b).value else { return nil }
            return (b, vb, vy)
        }
        var first = context.store.earliestYear ?? year
        if let from = context.regions[region].from { first = Swift.max(first, from) }
        if let cut = context.lastBreak(region, after: first, through: year) { first = cut }
        for t in first..<year {
            if let v = try read(q, region, t).value { return (t, v, vy) }
        }
        return nil
    }

    /// On or off track by a progress ratio (Eurostat's SDG method: ≥ 0.95 is on track), said in the detail.
    func progress(_ ratio: Double, outcome: inout Outcome) -> (Status, Double?) {
        outcome.notes.append(LocalizedText(zh: "进度比 \(formatNumber(ratio, digits: 2))（≥ 0.95 为进展顺利）",
                                           en: "progress ratio \(formatNumber(ratio, digits: 2)) (≥ 0.95 is on track)"))
        return (ratio >= Evaluator.onTrackThreshold ? .onTrack : .offTrack, ratio)
    }
}
