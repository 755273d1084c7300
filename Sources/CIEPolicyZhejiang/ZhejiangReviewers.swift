import CIECore

extension ZhejiangPolicy {
    public var reviewers: [any Reviewer] { [ZhejiangVeto(), ZhejiangPriority()] }
}

/// The units 三(三) speaks of: “县(市)”, i.e. 县域 proper (县, 自治县, 县级市), not 市辖区.
private func countiesProper(_ evaluator: Evaluator, year: Int) throws -> [RegionIndex] {
    try evaluator.jurisdictionUnits(year: year).filter { evaluator.context.regions.type(of: $0, in: year).isCountyProper }
}

/// 三(三) 一票否优: both R&D intensity and the growth of fiscal S&T expenditure fell on the year before.
public struct ZhejiangVeto: Reviewer {
    public init() {}
    public var id: String { "veto" }
    public var name: LocalizedText { LocalizedText(zh: "一票否优", en: "Veto on excellence") }
    public var source: LocalizedText {
        LocalizedText(zh: "三(三) “对全社会研究与试验发展经费占地区生产总值比重和财政科技投入增幅双下降的县(市),实行“一票否优””",
                      en: "三(三): a county whose R&D expenditure as a share of GDP and whose growth of fiscal S&T expenditure both fall is barred from an excellent rating")
    }

    /// One county's two comparisons.
    public struct Outcome: Sendable {
        public var intensity: (before: Double, now: Double)?
        public var growth: (before: Double, now: Double)?
        public var vetoed: Bool? {
            guard let i = intensity, let g = growth else { return nil }
            return declined(i) && declined(g)
        }
    }

    /// A fall beyond the comparison tolerance; a flat value is not a decline.
    static func declined(_ pair: (before: Double, now: Double)) -> Bool {
        !Tolerance.atLeast(pair.now, pair.before)
    }

    public static func outcome(_ evaluator: Evaluator, _ unit: RegionIndex, year: Int) -> Outcome {
        Outcome(intensity: evaluator.yearOnYear(.indicator("rd_intensity"), unit, year),
                growth: evaluator.yearOnYear(.indicator("fiscal_st_growth"), unit, year))
    }

    public func review(_ policy: any PolicyModule, context: EvaluationContext, year: Int, options: ReviewOptions) throws -> Review {
        let evaluator = Evaluator(context: context, policy: policy)
        let rows = try countiesProper(evaluator, year: year).map { u -> ReviewRow in
            let o = ZhejiangVeto.outcome(evaluator, u, year: year)
            func describe(_ p: (before: Double, now: Double)?, _ zh: String, _ en: String) -> LocalizedText {
                guard let p else { return LocalizedText(zh: "\(zh)：缺 \(year - 1) 或 \(year) 年数据", en: "\(en): \(year - 1) or \(year) missing") }
                let fell = ZhejiangVeto.declined(p)
                // Four decimals, so a small fall never prints as “10% → 10%”.
                return LocalizedText(zh: "\(zh) \(formatNumber(p.before, digits: 4))% → \(formatNumber(p.now, digits: 4))%（\(fell ? "下降" : "未下降")）",
                                     en: "\(en) \(formatNumber(p.before, digits: 4))% → \(formatNumber(p.now, digits: 4))% (\(fell ? "fell" : "did not fall"))")
            }
            let a = describe(o.intensity, "R&D经费占GDP比重", "R&D intensity")
            let b = describe(o.growth, "财政科技投入增幅", "growth of fiscal S&T expenditure")
            let verdict = o.vetoed.map { $0 ? "vetoed" : "clear" } ?? "no_data"
            return ReviewRow(region: u, verdict: verdict, detail: LocalizedText(zh: a.zh + "；" + b.zh, en: a.en + "; " + b.en))
        }
        return Review(reviewerID: id, reviewerName: name, year: year, method: LocalizedText(
            zh: "对每个县（市）（县、自治县、县级市；原文为“县(市)”，不含市辖区）比较 \(year) 年与 \(year - 1) 年："
                + "R&D经费占GDP比重（rd_intensity，可由 rd_expenditure / gdp 算出）和财政科技投入增幅（fiscal_st_growth，可由 fiscal_st_expenditure 的同比算出，故需 \(year - 2) 年起的数据）。"
                + "两者都下降（严格小于上年，持平不算下降）为 vetoed（一票否优，当年不得评优）；只降一项或都未降为 clear；缺数据为 no_data。",
            en: "For each county (县, 自治县 and county-level city; the text says “县(市)”, so districts are outside) compare \(year) with \(year - 1): "
                + "R&D intensity (rd_intensity, derivable from rd_expenditure / gdp) and the growth of fiscal S&T expenditure (fiscal_st_growth, derivable year on year from fiscal_st_expenditure, so data from \(year - 2) is needed). "
                + "Both falling (strictly below the year before; flat is not a fall) is vetoed (barred from an excellent rating that year); one or none falling is clear; missing data is no_data."),
            rows: rows)
    }
}

/// 三(三): counties without a veto whose binding targets are all met, listed first for national innovative county support.
public struct ZhejiangPriority: Reviewer {
    public init() {}
    public var id: String { "priority" }
    public var name: LocalizedText { LocalizedText(zh: "国家创新型县(市)优先支持", en: "Priority for national innovative county") }
    public var source: LocalizedText {
        LocalizedText(zh: "三(三) “对创新体系健全、创新绩效好、创新辐射引领作用强的县(市),优先支持其建设国家创新型县(市)”",
                      en: "三(三): counties with a sound innovation system, good innovation performance and strong influence get priority support to become national innovative counties")
    }

    public func review(_ policy: any PolicyModule, context: EvaluationContext, year: Int, options: ReviewOptions) throws -> Review {
        let evaluator = Evaluator(context: context, policy: policy)
        let units = try countiesProper(evaluator, year: year)
        let binding = policy.targets.filter { $0.scope == .county && $0.strength == .binding }
        var results: [RegionIndex: [TargetResult]] = [:]
        for r in evaluator.evaluate(year: year, targets: binding) { results[r.region, default: []].append(r) }
        let rows = units.map { u -> ReviewRow in
            let veto = ZhejiangVeto.outcome(evaluator, u, year: year).vetoed
            let rs = results[u] ?? []
            let failed = rs.filter { $0.status.isFailure }.map(\.target)
            let missing = rs.filter { $0.status == .noData || $0.status == .error }.map(\.target)
            let met = rs.filter { $0.status == .met || $0.status == .onTrack || $0.status == .notApplicable }.count
            var zh: [String] = [], en: [String] = []
            switch veto {
            case true?: zh.append("被一票否优"); en.append("vetoed")
            case false?: zh.append("未被否优"); en.append("no veto")
            case nil: zh.append("否优情况缺数据"); en.append("veto undecided (data missing)")
            }
            zh.append("约束性县级目标 \(met)/\(rs.count) 项达标"); en.append("\(met) of \(rs.count) binding county targets met")
            if !failed.isEmpty { zh.append("未达标：" + failed.joined(separator: "、")); en.append("failing: " + failed.joined(separator: ", ")) }
            if !missing.isEmpty { zh.append("数据不足：" + missing.joined(separator: "、")); en.append("missing: " + missing.joined(separator: ", ")) }
            let verdict: String
            if veto == true || !failed.isEmpty { verdict = "not_priority" }
            else if veto == nil || !missing.isEmpty { verdict = "no_data" }
            else { verdict = "priority" }
            return ReviewRow(region: u, verdict: verdict, score: rs.isEmpty ? nil : Double(met) / Double(rs.count) * 100,
                             detail: LocalizedText(zh: zh.joined(separator: "；"), en: en.joined(separator: "; ")))
        }
        let ids = binding.map(\.id).joined(separator: ", ")
        return Review(reviewerID: id, reviewerName: name, year: year, method: LocalizedText(
            zh: "原文的“创新体系健全、创新绩效好”没有量化标准：本模块读作当年未被一票否优（见 veto）且本文件的约束性县级目标（\(ids)）全部达标（或不适用、进展顺利）的县（市），列为 priority；"
                + "被否优或有未达标为 not_priority；其余缺数据为 no_data。score 为约束性县级目标达标的百分比。",
            en: "The text's “sound innovation system, good performance” has no measure: the module reads it as a county (市辖区 excluded) not vetoed this year (see veto) "
                + "whose binding county targets (\(ids)) are all met (or not applicable, or on track): priority; vetoed or failing: not_priority; otherwise no_data. "
                + "score is the percentage of binding county targets met."),
            rows: rows)
    }
}
