/// A capped allocation of money to units (威海 二(二)): each unit's ceiling is a share of a base amount, never above a
/// cap; or, given a pool (`--pool`), the pool shared by a factor (the 县域科技创新评价结果 when loaded, else the
/// compliance score), no unit above the cap. Kind `allocation`.
public struct CappedAllocation: Reviewer {
    public var id: String
    public var name: LocalizedText
    public var source: LocalizedText
    /// The amount the share is taken of (威海: county_st_special_fund).
    public var base: Quantity
    /// The share of the base (0.2 for 20 %).
    public var share: Double
    /// The most a unit receives, in 万元.
    public var cap: Double
    /// The factor of the pool method: an indicator a user loads (县域科技创新评价结果); the compliance score when no
    /// unit has it.
    public var factor: Quantity?
    public var reading: LocalizedText?

    public init(id: String, name: LocalizedText, source: LocalizedText, base: Quantity, share: Double, cap: Double, factor: Quantity?,
                reading: LocalizedText?) {
        self.id = id
        self.name = name
        self.source = source
        self.base = base
        self.share = share
        self.cap = cap
        self.factor = factor
        self.reading = reading
    }

    public var options: [ReviewOption] {
        [ReviewOption("pool", .number(0...1e15), valueName: "AMOUNT", help: LocalizedText(
            zh: "按因素法分配的资金池（万元）；不给则按比例规则", en: "a pool to share out by the factor method (10k yuan); without it, the share rule"))]
    }

    public var verdicts: [ReviewVerdict] {
        [ReviewVerdict("allocated", LocalizedText(zh: "分配", en: "allocated"), tone: .good),
         ReviewVerdict("capped", LocalizedText(zh: "达上限", en: "capped"), tone: .good),
         ReviewVerdict("none", LocalizedText(zh: "未分得", en: "none")), .noData]
    }

    /// Whether an amount is above the cap, beyond the comparison tolerance: what `capped` means in both methods.
    func exceedsCap(_ amount: Double) -> Bool { !Tolerance.atMost(amount, cap) }

    /// The pool shared in proportion to the scores, no unit above the cap (what a capped unit cannot take goes to the
    /// others in proportion, until nobody is above the cap or everybody is at it).
    public static func factorAllocation(pool: Double, scores: [Double], cap: Double) -> [Double] {
        var out = [Double](repeating: 0, count: scores.count)
        var open = Set(scores.indices.filter { scores[$0] > 0 })
        var left = pool
        while left > 1e-9, !open.isEmpty {
            let total = open.reduce(0) { $0 + scores[$1] }
            var capped: [Int] = []
            for i in open { if out[i] + left * scores[i] / total >= cap - 1e-9 { capped.append(i) } }
            if capped.isEmpty {
                for i in open { out[i] += left * scores[i] / total }
                left = 0
            } else {
                for i in capped { left -= cap - out[i]; out[i] = cap; open.remove(i) }
            }
        }
        return out
    }

    public func review(_ policy: any PolicyModule, context: EvaluationContext, year: Int, options: ReviewOptions) throws -> Review {
        let evaluator = Evaluator(context: context, policy: policy)
        let us = try evaluator.jurisdictionUnits(year: year)
        let percent = formatNumber(share * 100)
        let capText = formatNumber(cap)
        if let pool = options.number("pool") {
            // The factor: the evaluation result a user loaded, where any unit has it; else the compliance score.
            let loaded = factor.map { f in us.map { evaluator.value(of: f, $0, year) } }
            let useFactor = loaded?.contains { $0 != nil } ?? false
            let scores: [Double?]
            if useFactor {
                scores = loaded!
            } else {
                let compliance = try ComplianceReviewer().review(policy, context: context, year: year, options: ReviewOptions())
                let score = Dictionary(compliance.rows.map { ($0.region, $0.score ?? 0) }, uniquingKeysWith: { a, _ in a })
                scores = us.map { score[$0] ?? 0 }
            }
            let known = scores.map { max(0, $0 ?? 0) }
            let amounts = CappedAllocation.factorAllocation(pool: pool, scores: known, cap: cap)
            let total = known.reduce(0, +)
            func capped(_ i: Int) -> Bool { total > 0 && exceedsCap(pool * known[i] / total) }
            let left = max(0, pool - amounts.reduce(0, +))
            let factorName = useFactor ? factorLabel(context) : LocalizedText(zh: "合规得分", en: "compliance score")
            let rows = us.indices.map { i -> ReviewRow in
                guard let s = scores[i] else {
                    return ReviewRow(region: us[i], verdict: "no_data", detail: LocalizedText(
                        zh: "缺 \(year) 年的\(factorName.zh)，未参与分配", en: "no \(factorName.en) for \(year): not in the allocation"))
                }
                return ReviewRow(region: us[i], verdict: capped(i) ? "capped" : (amounts[i] > 0 ? "allocated" : "none"), score: s, amount: amounts[i],
                                 detail: LocalizedText(zh: "\(factorName.zh) \(formatNumber(s, digits: 1))，按因素法分得 \(formatNumber(amounts[i], digits: 2)) 万元",
                                                       en: "\(factorName.en) \(formatNumber(s, digits: 1)), factor share \(formatNumber(amounts[i], digits: 2)) (10k yuan)"))
            }
            let which = useFactor
                ? LocalizedText(zh: "因素为已载入的\(factorName.zh)", en: "the factor is the loaded \(factorName.en)")
                : LocalizedText(zh: "未载入\(factor.map { _ in factorLabel(context).zh } ?? "评价结果")，因素改用合规得分（约束性和力争类县级目标达标的百分比，见 compliance；数据不足的目标按未达标计）",
                                en: "no \(factor.map { _ in factorLabel(context).en } ?? "evaluation result") is loaded, so the factor is the compliance score (percentage of binding and striving county targets met, see compliance; a target without data counts as not met)")
            return Review(reviewerID: id, reviewerName: name, year: year, method: LocalizedText(
                zh: (reading.map { $0.zh + " " } ?? "") + "因素分配法（--pool \(formatNumber(pool)) 万元）：\(which.zh)，按各单位因素的比例分配资金池；"
                    + "任一单位最高 \(capText) 万元，超出部分按比例分给其余单位（“达上限”表示被上限截断）。"
                    + (left > 1e-6 ? "所有单位均达上限，未分配 \(formatNumber(left, digits: 2)) 万元。" : "") + "不给 --pool 时按 \(percent)% 规则计算。",
                en: (reading.map { $0.en + " " } ?? "") + "Factor method (--pool \(formatNumber(pool)) 10k yuan): \(which.en); the pool is shared in proportion to the factor; "
                    + "no unit above \(capText) (10k yuan), the excess shared among the others in proportion (capped: cut by the cap). "
                    + (left > 1e-6 ? "Every unit is at the cap: \(formatNumber(left, digits: 2)) is left unallocated. " : "") + "Without --pool the \(percent)% rule applies."),
                rows: rows)
        }
        let baseName = quantityLabel(base, context)
        let rows = us.map { u -> ReviewRow in
            guard let fund = evaluator.value(of: base, u, year) else {
                return ReviewRow(region: u, verdict: "no_data", detail: LocalizedText(zh: "缺 \(year) 年\(baseName.zh)", en: "\(baseName.en) for \(year) missing"))
            }
            let amount = min(fund * share, cap)
            let isCapped = exceedsCap(fund * share)
            return ReviewRow(region: u, verdict: isCapped ? "capped" : "allocated", amount: amount, detail: LocalizedText(
                zh: "\(baseName.zh) \(formatNumber(fund, digits: 2)) 万元 × \(percent)% = \(formatNumber(fund * share, digits: 2))" + (isCapped ? "，超过 \(capText) 万元上限，按 \(capText)" : ""),
                en: "\(baseName.en) \(formatNumber(fund, digits: 2)) × \(percent)% = \(formatNumber(fund * share, digits: 2))" + (isCapped ? ", above the \(capText) cap: \(capText)" : "")))
        }
        return Review(reviewerID: id, reviewerName: name, year: year, method: LocalizedText(
            zh: (reading.map { $0.zh + " " } ?? "") + "比例规则：各单位上限 = min(当年\(baseName.zh) × \(percent)%, \(capText) 万元)；恰为 \(capText) 不算超限（“达上限”表示被上限截断）。"
                + "因素分配法需要资金池：用 --pool 金额（万元）。",
            en: (reading.map { $0.en + " " } ?? "") + "Share rule: each unit's ceiling = min(\(percent)% of its \(baseName.en) in the year, \(capText) (10k yuan)); exactly \(capText) is not capped (capped means the cap cut it). "
                + "The factor method needs a pool: give --pool AMOUNT (10k yuan)."),
            rows: rows)
    }

    func factorLabel(_ context: EvaluationContext) -> LocalizedText { factor.map { quantityLabel($0, context) } ?? LocalizedText("") }
}

/// How a review names a quantity: an indicator's Chinese and English name, else its description.
func quantityLabel(_ q: Quantity, _ context: EvaluationContext) -> LocalizedText {
    if case .indicator(let id) = q, let i = context.catalogue.lookup(id) { return context.catalogue[i].name }
    return LocalizedText(zh: Describe.quantity(q, catalogue: context.catalogue, .zh), en: Describe.quantity(q, catalogue: context.catalogue, .en))
}
