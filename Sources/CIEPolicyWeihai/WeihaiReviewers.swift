import CIECore

extension WeihaiPolicy {
    public var reviewers: [any Reviewer] { [WeihaiFunding(), WeihaiRewards(), WeihaiSubsidySharing()] }
}

// The units the city deals with are its 区市 and the functional zones that have data (“各区政府〔管委〕”):
// `Evaluator.jurisdictionUnits()`.

/// 二(二): the city's S&T funds for each 区市, at most 20 % of its county S&T special fund, or by the factor method, never above 500 万元.
public struct WeihaiFunding: Reviewer {
    public init() {}
    public var id: String { "funding" }
    public var name: LocalizedText { LocalizedText(zh: "市级财政科技资金分配", en: "City S&T funding") }
    public var source: LocalizedText {
        LocalizedText(zh: "二(二) “按照不超过县级财政科技专项资金的 20%，或按照县域科技创新评价结果，采用因素分配法，分配给各区市统筹用于提升科技创新能力，最高不超过 500 万元”",
                      en: "二(二): at most 20% of the county S&T special fund, or by the factor method on the county evaluation result; never above 5 million yuan")
    }
    public var accepts: Set<ReviewOptionKind> { [.pool] }
    /// 最高不超过 500 万元.
    public static let cap = 500.0
    /// 不超过县级财政科技专项资金的 20%.
    public static let share = 0.2

    /// The 20 % rule: min(20 % of the fund, 500).
    public static func allocation(fund: Double) -> Double { min(fund * share, cap) }

    /// Whether an amount is above the cap, beyond the comparison tolerance: what `capped` means in both methods.
    static func exceedsCap(_ amount: Double) -> Bool { !Tolerance.atMost(amount, cap) }

    /// The factor method: the pool shared in proportion to the scores, no unit above 500 (what a capped unit cannot take
    /// goes to the others in proportion, until nobody is above the cap or everybody is at it).
    public static func factorAllocation(pool: Double, scores: [Double]) -> [Double] {
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
        if let pool = options.pool {
            guard pool >= 0, pool.isFinite else {
                throw ReviewError(LocalizedText(zh: "--pool 须为非负的金额（万元）", en: "--pool must be a non-negative amount (10k yuan)"))
            }
            // The factor method: the county evaluation result is each unit's compliance score (share of binding and
            // striving county targets met), the only evaluation the document's own targets give.
            let compliance = try ComplianceReviewer().review(policy, context: context, year: year, options: options)
            let score = Dictionary(compliance.rows.map { ($0.region, $0.score ?? 0) }, uniquingKeysWith: { a, _ in a })
            let scores = us.map { score[$0] ?? 0 }
            let amounts = WeihaiFunding.factorAllocation(pool: pool, scores: scores)
            let total = scores.reduce(0, +)
            // Capped, as in the 20 % rule, only when the proportional share was above 500 and cut to it.
            func capped(_ i: Int) -> Bool {
                total > 0 && WeihaiFunding.exceedsCap(pool * scores[i] / total)
            }
            let left = max(0, pool - amounts.reduce(0, +))
            let rows = us.indices.map { i in
                ReviewRow(region: us[i], verdict: capped(i) ? "capped" : (amounts[i] > 0 ? "allocated" : "none"),
                          score: scores[i], amount: amounts[i],
                          detail: LocalizedText(zh: "评价得分 \(formatNumber(scores[i], digits: 1))，按因素法分得 \(formatNumber(amounts[i], digits: 2)) 万元",
                                                en: "evaluation score \(formatNumber(scores[i], digits: 1)), factor share \(formatNumber(amounts[i], digits: 2)) (10k yuan)"))
            }
            return Review(reviewerID: id, reviewerName: name, year: year, method: LocalizedText(
                zh: "因素分配法（--pool \(formatNumber(pool)) 万元）：原文未定因素与权重，本模块以各区市的合规得分（约束性和力争类县级目标达标的百分比，见 compliance；数据不足的目标按未达标计）为因素，按得分比例分配资金池；"
                    + "任一单位最高 500 万元，超出部分按比例分给其余单位（capped 表示被上限截断）。"
                    + (left > 1e-6 ? "所有单位均达上限，未分配 \(formatNumber(left, digits: 2)) 万元。" : "") + "不给 --pool 时按 20% 规则计算。",
                en: "Factor method (--pool \(formatNumber(pool)) 10k yuan): the text gives no factors or weights; the module uses each unit's compliance score (percentage of binding and striving county targets met, see compliance; a target without data counts as not met) and shares the pool in proportion; "
                    + "no unit above 500 (10k yuan), the excess shared among the others in proportion (capped: cut by the cap). "
                    + (left > 1e-6 ? "Every unit is at the cap: \(formatNumber(left, digits: 2)) is left unallocated. " : "") + "Without --pool the 20% rule applies."),
                rows: rows)
        }
        let rows = us.map { u -> ReviewRow in
            guard let fund = evaluator.value(of: .indicator("county_st_special_fund"), u, year) else {
                return ReviewRow(region: u, verdict: "no_data", detail: LocalizedText(zh: "缺 \(year) 年县级财政科技专项资金", en: "county S&T special fund for \(year) missing"))
            }
            let amount = WeihaiFunding.allocation(fund: fund)
            let capped = WeihaiFunding.exceedsCap(fund * WeihaiFunding.share)
            return ReviewRow(region: u, verdict: capped ? "capped" : "allocated", amount: amount, detail: LocalizedText(
                zh: "专项资金 \(formatNumber(fund, digits: 2)) 万元 × 20% = \(formatNumber(fund * WeihaiFunding.share, digits: 2))" + (capped ? "，超过 500 万元上限，按 500" : ""),
                en: "special fund \(formatNumber(fund, digits: 2)) × 20% = \(formatNumber(fund * WeihaiFunding.share, digits: 2))" + (capped ? ", above the 500 cap: 500" : "")))
        }
        return Review(reviewerID: id, reviewerName: name, year: year, method: LocalizedText(
            zh: "20% 规则：各区市（含有数据的功能区）可得市级资金上限 = min(当年县级财政科技专项资金 × 20%, 500 万元)；恰为 500 不算超限（capped 表示被上限截断）。"
                + "原文的另一种方式“按照县域科技创新评价结果，采用因素分配法”需要资金池：用 --pool 金额（万元）。",
            en: "20% rule: each unit's ceiling (functional zones with data included) = min(20% of its county S&T special fund in the year, 500 (10k yuan)); exactly 500 is not capped (capped means the cap cut it). "
                + "The text's alternative, the factor method on the county evaluation result, needs a pool: give --pool AMOUNT (10k yuan)."),
            rows: rows)
    }
}

/// 二(三): 500 万元 for a 区市 newly designated national innovative county, 100 万元 per newly designated national innovative town.
public struct WeihaiRewards: Reviewer {
    public init() {}
    public var id: String { "rewards" }
    public var name: LocalizedText { LocalizedText(zh: "创新型县（市）、乡镇奖励", en: "Innovative county and town rewards") }
    public var source: LocalizedText {
        LocalizedText(zh: "二(三) “对创建为国家创新型县（市）的区市，市级给予 500 万元奖励；对创建为国家创新型乡镇的镇，市级给予 100 万元奖励”",
                      en: "二(三): 5 million yuan for a unit that becomes a national innovative county, 1 million yuan for each town that becomes a national innovative town")
    }
    public static let countyReward = 500.0
    public static let townReward = 100.0

    public func review(_ policy: any PolicyModule, context: EvaluationContext, year: Int, options: ReviewOptions) throws -> Review {
        let evaluator = Evaluator(context: context, policy: policy)
        let rows = try evaluator.jurisdictionUnits(year: year).map { u -> ReviewRow in
            let county = evaluator.yearOnYear(.indicator("national_innovative_county"), u, year)
            let towns = evaluator.yearOnYear(.indicator("national_innovative_towns"), u, year)
            var amount = 0.0
            var zh: [String] = [], en: [String] = []
            if let (b, n) = county {
                if n >= 0.5 && b < 0.5 {
                    amount += WeihaiRewards.countyReward
                    zh.append("\(year) 年新创建为国家创新型县（市）：500"); en.append("became a national innovative county in \(year): 500")
                } else {
                    zh.append(n >= 0.5 ? "此前已是国家创新型县（市）" : "非国家创新型县（市）"); en.append(n >= 0.5 ? "already a national innovative county" : "not a national innovative county")
                }
            }
            if let (b, n) = towns {
                let new = max(0, (n - b).rounded())
                amount += new * WeihaiRewards.townReward
                zh.append("国家创新型乡镇 \(formatNumber(b)) → \(formatNumber(n))，新增 \(formatNumber(new)) 个 × 100")
                en.append("national innovative towns \(formatNumber(b)) → \(formatNumber(n)), \(formatNumber(new)) new × 100")
            }
            if county == nil || towns == nil {
                zh.append("缺 \(year - 1) 或 \(year) 年的" + [county == nil ? "国家创新型县（市）" : nil, towns == nil ? "国家创新型乡镇" : nil].compactMap { $0 }.joined(separator: "、"))
                en.append("\(year - 1) or \(year) missing for " + [county == nil ? "national innovative county" : nil, towns == nil ? "national innovative towns" : nil].compactMap { $0 }.joined(separator: ", "))
            }
            let verdict = amount > 0 ? "rewarded" : (county == nil || towns == nil ? "no_data" : "none")
            return ReviewRow(region: u, verdict: verdict, amount: county == nil && towns == nil ? nil : amount,
                             detail: LocalizedText(zh: zh.joined(separator: "；"), en: en.joined(separator: "; ")))
        }
        return Review(reviewerID: id, reviewerName: name, year: year, method: LocalizedText(
            zh: "“创建为”读作当年新获命名：national_innovative_county 由 \(year - 1) 年的“否”变为 \(year) 年的“是”，奖 500 万元；national_innovative_towns 较上年增加的个数 × 100 万元。"
                + "需要 \(year - 1) 和 \(year) 两年的数据；缺一年则无法判断是否“新”，为 no_data（另一项仍计入金额）。",
            en: "“Becomes” is read as newly designated in the year: national_innovative_county false in \(year - 1) and true in \(year) earns 500 (10k yuan); each national innovative town more than the year before earns 100. "
                + "Both \(year - 1) and \(year) are needed to tell what is new; a missing year gives no_data (the other reward still counts)."),
            rows: rows)
    }
}

/// 二(六): enterprise R&D subsidies shared province 50 % / city 25 % / county 25 %; 荣成市 pays its own 50 %.
public struct WeihaiSubsidySharing: Reviewer {
    public init() {}
    public var id: String { "subsidy-sharing" }
    public var name: LocalizedText { LocalizedText(zh: "企业研发财政补助分担", en: "R&D subsidy sharing") }
    public var source: LocalizedText {
        LocalizedText(zh: "二(六) “符合条件的给予单个企业最高 1000 万元补助，按照省级 50%、市级 25%、县级 25%（荣成市按 50%）比例分担”",
                      en: "二(六): up to 10 million yuan per enterprise, shared province 50%, city 25%, county 25% (荣成市 50%)")
    }
    /// 荣成市, which (as a county-level city under separate provincial fiscal management) bears 50 %.
    public static let rongcheng = "371082"

    /// The shares (province, city, county) of a unit.
    public static func shares(code: String) -> (province: Double, city: Double, county: Double) {
        code == rongcheng ? (0.5, 0, 0.5) : (0.5, 0.25, 0.25)
    }

    public func review(_ policy: any PolicyModule, context: EvaluationContext, year: Int, options: ReviewOptions) throws -> Review {
        let evaluator = Evaluator(context: context, policy: policy)
        let rows = try evaluator.jurisdictionUnits(year: year).map { u -> ReviewRow in
            guard let total = evaluator.value(of: .indicator("enterprise_rd_subsidies"), u, year) else {
                return ReviewRow(region: u, verdict: "no_data", detail: LocalizedText(zh: "缺 \(year) 年企业研究开发财政补助", en: "enterprise R&D subsidies for \(year) missing"))
            }
            let s = WeihaiSubsidySharing.shares(code: context.regions[u].code)
            let f = { (x: Double) in formatNumber(x, digits: 2) }
            return ReviewRow(region: u, verdict: "shared", amount: total * s.county, detail: LocalizedText(
                zh: "补助 \(f(total)) 万元：省级 \(f(total * s.province))，市级 \(f(total * s.city))，县级 \(f(total * s.county))" + (s.city == 0 ? "（荣成市按 50%）" : ""),
                en: "subsidies \(f(total)): province \(f(total * s.province)), city \(f(total * s.city)), county \(f(total * s.county))" + (s.city == 0 ? " (荣成市 bears 50%)" : "")))
        }
        return Review(reviewerID: id, reviewerName: name, year: year, method: LocalizedText(
            zh: "各单位当年企业研究开发财政补助（enterprise_rd_subsidies，核定额）按省级 50%、市级 25%、县级 25% 分担；荣成市为省级 50%、荣成市 50%（市级 0）。amount 为县级（区市、功能区）应承担的部分。"
                + "单个企业最高 1000 万元的上限作用于企业，而数据为区市合计，无法在此核对：请在核定补助额时执行。",
            en: "Each unit's enterprise R&D subsidies (enterprise_rd_subsidies, as approved) are shared province 50%, city 25%, county 25%; 荣成市: province 50%, 荣成市 50% (city 0). amount is the county-level share. "
                + "The cap of 10 million yuan applies per enterprise, and the data are unit totals, so it cannot be checked here: apply it when approving subsidies."),
            rows: rows)
    }
}
