import Foundation

/// `avg_annual_increase`: (v[y] − v[B]) / (y − B) ≥ Δ, in the indicator's own unit (percentage points for a
/// percentage); before the deadline, the rate against Δ.
struct AverageAnnualIncrease: OnQuantity {
    var key: String { "avg_annual_increase" }
    var numbers: [Double] { [by] }
    var quantity: Quantity
    var by: Double

    var baselineOffset: Int? { 1 }
    var comparesWithBaseline: Bool { true }

    func requirement(baseline b: Int?) -> LocalizedText {
        LocalizedText(zh: "年均提高 ≥ \(Words.n(by))" + Words.since(b).zh, en: "average annual increase ≥ \(Words.n(by))" + Words.since(b).en)
    }

    func describe(baseline b: Int?, catalogue: IndicatorCatalogue, _ l: Language) -> String {
        let (x, base) = (Words.q(quantity, catalogue, l), Words.base(b, l))
        return l == .zh ? "(\(x)[y] − \(x)[\(base)]) / (y − \(base)) ≥ \(Words.n(by))（按指标自身单位，百分比即百分点）"
            : "(\(x)[y] − \(x)[\(base)]) / (y − \(base)) ≥ \(Words.n(by)) (in the indicator's own unit: percentage points for a percentage)"
    }

    func evaluate(_ e: Evaluator, _ target: Target, region: RegionIndex, year: Int) throws -> Outcome {
        let b = try e.baseline(target)
        let (rb, ry) = (try e.read(quantity, region, b), try e.read(quantity, region, year))
        guard let vb = rb.value, let vy = ry.value else { return Outcome(truth: .unknown, observed: nil, missing: rb.missing + ry.missing) }
        let rate = (vy - vb) / Double(year - b)
        var o = Outcome(truth: Tolerance.atLeast(rate, by) ? .yes : .no, observed: rate, gap: rate - by, threshold: by)
        o.notes.append(LocalizedText(
            zh: "\(b) 年 \(formatNumber(vb)) → \(year) 年 \(formatNumber(vy))，年均变化 \(formatNumber(rate))",
            en: "\(b): \(formatNumber(vb)) → \(year): \(formatNumber(vy)), average annual change \(formatNumber(rate))"))
        return o
    }

    func project(_ e: Evaluator, _ target: Target, region: RegionIndex, year: Int, outcome: inout Outcome) throws -> (Status, Double?) {
        guard let rate = outcome.observed, by > 0 else { return (.offTrack, nil) }
        return e.progress(rate / by, outcome: &outcome)
    }
}

/// `multiple`: v[y] ≥ k · v[B] (翻番 is k = 2); before the deadline, the compound annual growth against the growth
/// that reaches k by the deadline. A baseline of 0 cannot be multiplied: `no_data` (doubling undefined), unless the
/// later value is 0 too, which is not met.
struct Multiple: OnQuantity {
    var key: String { "multiple" }
    var numbers: [Double] { [times] }
    var quantity: Quantity
    var times: Double

    var baselineOffset: Int? { 1 }
    var comparesWithBaseline: Bool { true }

    func requirement(baseline b: Int?) -> LocalizedText {
        LocalizedText(zh: "≥ \(Words.n(times)) × \(b.map(String.init) ?? "基期") 年值", en: "≥ \(Words.n(times)) × the \(b.map(String.init) ?? "baseline") value")
    }

    func describe(baseline b: Int?, catalogue: IndicatorCatalogue, _ l: Language) -> String {
        let x = Words.q(quantity, catalogue, l)
        return "\(x)[y] ≥ \(Words.n(times)) × \(x)[\(Words.base(b, l))]" + (l == .zh ? "（基期为 0 时倍数无意义：数据不足，除非 y 年仍为 0，即未达标）"
            : " (a baseline of 0 has no multiple: no data, unless year y is 0 too, which is not met)")
    }

    func evaluate(_ e: Evaluator, _ target: Target, region: RegionIndex, year: Int) throws -> Outcome {
        let b = try e.baseline(target)
        let (rb, ry) = (try e.read(quantity, region, b), try e.read(quantity, region, year))
        guard let vb = rb.value, let vy = ry.value else { return Outcome(truth: .unknown, observed: nil, missing: rb.missing + ry.missing) }
        if vb == 0 {
            if vy == 0 {
                return Outcome(truth: .no, observed: vy, gap: nil, notes: [LocalizedText(
                    zh: "\(b) 年为 0，\(year) 年仍为 0：没有任何增长", en: "0 in \(b) and still 0 in \(year): no growth at all")])
            }
            return Outcome(truth: .unknown, observed: vy, notes: [LocalizedText(
                zh: "基期 \(b) 年为 0：翻番（倍数）无从计算", en: "baseline \(b) is 0: doubling (a multiple) is undefined")])
        }
        var o = Outcome(truth: Tolerance.atLeast(vy, times * vb) ? .yes : .no, observed: vy, gap: vy - times * vb, threshold: times * vb)
        o.notes.append(LocalizedText(
            zh: "\(b) 年 \(formatNumber(vb))，要求 ≥ \(formatNumber(times * vb))",
            en: "\(b): \(formatNumber(vb)); required ≥ \(formatNumber(times * vb))"))
        return o
    }

    func project(_ e: Evaluator, _ target: Target, region: RegionIndex, year: Int, outcome: inout Outcome) throws -> (Status, Double?) {
        let b = try e.baseline(target)
        let deadline = target.deadline!
        guard let vb = try e.read(quantity, region, b).value, let vy = try e.read(quantity, region, year).value, vb > 0, vy >= 0, times > 1 else {
            return (.offTrack, nil)
        }
        let observed = pow(vy / vb, 1 / Double(year - b)) - 1
        let required = pow(times, 1 / Double(deadline - b)) - 1
        outcome.notes.append(LocalizedText(
            zh: "年均复合增长 \(formatNumber(observed * 100, digits: 2))%，到 \(deadline) 年翻番需 \(formatNumber(required * 100, digits: 2))%",
            en: "compound annual growth \(formatNumber(observed * 100, digits: 2))%; reaching ×\(formatNumber(times)) by \(deadline) needs \(formatNumber(required * 100, digits: 2))%"))
        return e.progress(observed / required, outcome: &outcome)
    }
}
