/// Rewards for new designations (威海 二(三)): an amount for a unit newly designated (a flag that turns true), and an
/// amount for each new one of a count (towns designated). Kind `rewards`.
public struct DesignationRewards: Reviewer {
    public struct Designation: Sendable {
        public var quantity: Quantity
        /// 万元 for the designation (a flag), or for each new one (a count).
        public var amount: Double
        public var label: LocalizedText
        public init(_ quantity: Quantity, amount: Double, label: LocalizedText) {
            self.quantity = quantity
            self.amount = amount
            self.label = label
        }
    }

    public var id: String
    public var name: LocalizedText
    public var source: LocalizedText
    public var designations: [Designation]
    public var reading: LocalizedText?

    public init(id: String, name: LocalizedText, source: LocalizedText, designations: [Designation], reading: LocalizedText?) {
        self.id = id
        self.name = name
        self.source = source
        self.designations = designations
        self.reading = reading
    }

    public var verdicts: [ReviewVerdict] {
        [ReviewVerdict("rewarded", LocalizedText(zh: "获奖励", en: "rewarded"), tone: .good), ReviewVerdict("none", LocalizedText(zh: "无", en: "none")), .noData]
    }

    func isFlag(_ d: Designation, _ context: EvaluationContext) -> Bool {
        if case .indicator(let id) = d.quantity, let i = context.catalogue.lookup(id) { return context.catalogue[i].kind == .flag }
        return false
    }

    public func review(_ policy: any PolicyModule, context: EvaluationContext, year: Int, options: ReviewOptions) throws -> Review {
        let evaluator = Evaluator(context: context, policy: policy)
        let rows = try evaluator.jurisdictionUnits(year: year).map { u -> ReviewRow in
            var amount = 0.0
            var zh: [String] = [], en: [String] = []
            var missing: [LocalizedText] = []
            for d in designations {
                guard let (b, n) = evaluator.yearOnYear(d.quantity, u, year) else {
                    missing.append(d.label)
                    continue
                }
                if isFlag(d, context) {
                    if n >= 0.5 && b < 0.5 {
                        amount += d.amount
                        zh.append("\(year) 年新创建为\(d.label.zh)：\(formatNumber(d.amount))"); en.append("became \(d.label.en) in \(year): \(formatNumber(d.amount))")
                    } else {
                        zh.append(n >= 0.5 ? "此前已是\(d.label.zh)" : "非\(d.label.zh)"); en.append(n >= 0.5 ? "already \(d.label.en)" : "not \(d.label.en)")
                    }
                } else {
                    let new = max(0, (n - b).rounded())
                    amount += new * d.amount
                    zh.append("\(d.label.zh) \(formatNumber(b)) → \(formatNumber(n))，新增 \(formatNumber(new)) 个 × \(formatNumber(d.amount))")
                    en.append("\(d.label.en) \(formatNumber(b)) → \(formatNumber(n)), \(formatNumber(new)) new × \(formatNumber(d.amount))")
                }
            }
            if !missing.isEmpty {
                zh.append("缺 \(year - 1) 或 \(year) 年的" + missing.map(\.zh).joined(separator: "、"))
                en.append("\(year - 1) or \(year) missing for " + missing.map(\.en).joined(separator: ", "))
            }
            let verdict = amount > 0 ? "rewarded" : (missing.isEmpty ? "none" : "no_data")
            return ReviewRow(region: u, verdict: verdict, amount: missing.count == designations.count ? nil : amount,
                             detail: LocalizedText(zh: zh.joined(separator: "；"), en: en.joined(separator: "; ")))
        }
        let rules = designations.map { d in
            isFlag(d, context)
                ? LocalizedText(zh: "由 \(year - 1) 年的“否”变为 \(year) 年的“是”（新创建为\(d.label.zh)）奖 \(formatNumber(d.amount)) 万元",
                                en: "false in \(year - 1) and true in \(year) (newly \(d.label.en)) earns \(formatNumber(d.amount)) (10k yuan)")
                : LocalizedText(zh: "\(d.label.zh)较上年增加的个数 × \(formatNumber(d.amount)) 万元", en: "each one more of \(d.label.en) than the year before earns \(formatNumber(d.amount))")
        }
        return Review(reviewerID: id, reviewerName: name, year: year, method: LocalizedText(
            zh: (reading.map { $0.zh + " " } ?? "") + "“创建为”读作当年新获命名：" + rules.map(\.zh).joined(separator: "；")
                + "。需要 \(year - 1) 和 \(year) 两年的数据；缺一年则无法判断是否“新”，为 no_data（其他项仍计入金额）。",
            en: (reading.map { $0.en + " " } ?? "") + "“Becomes” is read as newly designated in the year: " + rules.map(\.en).joined(separator: "; ")
                + ". Both \(year - 1) and \(year) are needed to tell what is new; a missing year gives no_data (the others still count)."),
            rows: rows)
    }
}
