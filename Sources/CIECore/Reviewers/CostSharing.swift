/// Costs shared between levels of government (威海 二(六)): each unit's amount split province / city / county, with
/// exceptions for units under other arrangements (荣成市). Kind `cost_sharing`.
public struct CostSharing: Reviewer {
    /// Fractions of the amount (0.5 for 50 %).
    public struct Shares: Sendable, Equatable {
        public var province: Double
        public var city: Double
        public var county: Double
        public init(province: Double, city: Double, county: Double) {
            self.province = province
            self.city = city
            self.county = county
        }
    }

    public var id: String
    public var name: LocalizedText
    public var source: LocalizedText
    public var amount: Quantity
    public var shares: Shares
    /// By unit code.
    public var exceptions: [String: Shares]
    public var reading: LocalizedText?

    public init(id: String, name: LocalizedText, source: LocalizedText, amount: Quantity, shares: Shares, exceptions: [String: Shares],
                reading: LocalizedText?) {
        self.id = id
        self.name = name
        self.source = source
        self.amount = amount
        self.shares = shares
        self.exceptions = exceptions
        self.reading = reading
    }

    public var verdicts: [ReviewVerdict] { [ReviewVerdict("shared", LocalizedText(zh: "分担", en: "shared"), tone: .good), .noData] }

    /// The shares of a unit: its exception (by any code it held), else the rule.
    public func shares(of region: Region) -> Shares {
        region.codes.lazy.compactMap { exceptions[$0] }.first ?? shares
    }

    public func review(_ policy: any PolicyModule, context: EvaluationContext, year: Int, options: ReviewOptions) throws -> Review {
        let evaluator = Evaluator(context: context, policy: policy)
        let label = quantityLabel(amount, context)
        let rows = try evaluator.jurisdictionUnits(year: year).map { u -> ReviewRow in
            guard let total = evaluator.value(of: amount, u, year) else {
                return ReviewRow(region: u, verdict: "no_data", detail: LocalizedText(zh: "缺 \(year) 年\(label.zh)", en: "\(label.en) for \(year) missing"))
            }
            let s = shares(of: context.regions[u])
            let f = { (x: Double) in formatNumber(x, digits: 2) }
            let special = s != shares
            return ReviewRow(region: u, verdict: "shared", amount: total * s.county, detail: LocalizedText(
                zh: "\(label.zh) \(f(total)) 万元：省级 \(f(total * s.province))，市级 \(f(total * s.city))，县级 \(f(total * s.county))" + (special ? "（本单位另有比例）" : ""),
                en: "\(label.en) \(f(total)): province \(f(total * s.province)), city \(f(total * s.city)), county \(f(total * s.county))" + (special ? " (its own shares)" : "")))
        }
        func pct(_ s: Shares) -> (String, String) {
            let p = { (x: Double) in formatNumber(x * 100) + "%" }
            return ("省级 \(p(s.province))、市级 \(p(s.city))、县级 \(p(s.county))", "province \(p(s.province)), city \(p(s.city)), county \(p(s.county))")
        }
        let rule = pct(shares)
        let special = exceptions.sorted { $0.key < $1.key }.map { code, s -> (String, String) in
            let n = context.regions.index(code: code).map { context.regions[$0].name } ?? code
            return ("\(n)：" + pct(s).0, "\(n): " + pct(s).1)
        }
        return Review(reviewerID: id, reviewerName: name, year: year, method: LocalizedText(
            zh: "各单位当年\(label.zh)按\(rule.0)分担" + (special.isEmpty ? "" : "；" + special.map(\.0).joined(separator: "；")) + "。金额为县级（区市、功能区）应承担的部分。"
                + (reading.map { " " + $0.zh } ?? ""),
            en: "Each unit's \(label.en) in the year is shared \(rule.1)" + (special.isEmpty ? "" : "; " + special.map(\.1).joined(separator: "; ")) + ". amount is the county-level share."
                + (reading.map { " " + $0.en } ?? "")),
            rows: rows)
    }
}
