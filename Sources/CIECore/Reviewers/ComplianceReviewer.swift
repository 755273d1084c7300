/// Per unit: how many results of each status, and a verdict every package answers (TARGETS.md, "Reviewers").
/// `compliant` when no binding or striving result is not_met/off_track; `incomplete` when nothing failed
/// but data is missing; else `non_compliant`. County-scope results only: a jurisdiction target is nobody's unit.
public struct ComplianceReviewer: Reviewer {
    public init() {}
    public var id: String { "compliance" }
    public var verdicts: [ReviewVerdict] {
        [ReviewVerdict("compliant", LocalizedText(zh: "合规", en: "compliant"), tone: .good),
         ReviewVerdict("non_compliant", LocalizedText(zh: "不合规", en: "non-compliant"), tone: .bad),
         ReviewVerdict("incomplete", LocalizedText(zh: "数据不全", en: "incomplete"))]
    }
    public var name: LocalizedText { LocalizedText(zh: "合规情况", en: "Compliance") }
    public var source: LocalizedText {
        LocalizedText(zh: "TARGETS.md：各策略包通用的合规汇总", en: "TARGETS.md: the compliance summary every package answers")
    }

    public func review(_ policy: any PolicyModule, context: EvaluationContext, year: Int, options: ReviewOptions) throws -> Review {
        let results = Evaluator(context: context, policy: policy).evaluate(year: year).filter { $0.scope == .county }
        var byRegion: [RegionIndex: [TargetResult]] = [:]
        var order: [RegionIndex] = []
        for r in results {
            if byRegion[r.region] == nil { order.append(r.region) }
            byRegion[r.region, default: []].append(r)
        }
        let rows = order.map { region -> ReviewRow in
            let rs = byRegion[region]!
            // Binding and striving results decide; an encouraged miss is advice, listed apart; not applicable is
            // no part of the score.
            let counted = rs.filter { $0.strength.counts }
            let failed = counted.filter { $0.status.isFailure }
            let missing = counted.filter { $0.status == .noData || $0.status == .error }
            let advice = rs.filter { !$0.strength.counts && $0.status.isFailure }
            let verdict = !failed.isEmpty ? "non_compliant" : (!missing.isEmpty ? "incomplete" : "compliant")
            let summary = StatusSummary(counted.map(\.status))
            let parts = Status.allCases.filter { summary[$0] > 0 }
            let zh = parts.map { "\($0.label.zh) \(summary[$0])" }.joined(separator: "，")
                + (failed.isEmpty ? "" : "；未达标：" + failed.map(\.target).joined(separator: "、"))
                + (missing.isEmpty ? "" : "；数据不足：" + missing.map(\.target).joined(separator: "、"))
                + (advice.isEmpty ? "" : "；建议（鼓励性目标未达到，不影响结论）：" + advice.map(\.target).joined(separator: "、"))
            let en = parts.map { "\($0.label.en) \(summary[$0])" }.joined(separator: ", ")
                + (failed.isEmpty ? "" : "; failing: " + failed.map(\.target).joined(separator: ", "))
                + (missing.isEmpty ? "" : "; missing data: " + missing.map(\.target).joined(separator: ", "))
                + (advice.isEmpty ? "" : "; advice (encouraged targets not reached, no part of the verdict): " + advice.map(\.target).joined(separator: ", "))
            let applicable = counted.filter { $0.status != .notApplicable }
            let met = Double(applicable.filter { $0.status == .met || $0.status == .onTrack }.count)
            // No score where nothing counted had data: 0 would read as “failed everything”.
            let judged = applicable.filter { $0.status != .noData && $0.status != .error }
            return ReviewRow(region: region, verdict: verdict, score: judged.isEmpty ? nil : met / Double(applicable.count) * 100,
                             detail: LocalizedText(zh: zh.isEmpty ? "没有约束性或力争类目标" : zh, en: en.isEmpty ? "no binding or striving target" : en))
        }
        return Review(
            reviewerID: id, reviewerName: name, year: year,
            method: LocalizedText(
                zh: "逐县汇总县级目标的评估结果。约束性和力争类目标无“未达标/进展滞后”为合规（compliant），有则为不合规（non_compliant）；"
                    + "无失败但有数据不足为数据不全（incomplete）。说明中的计数只含约束性和力争类目标；鼓励性目标未达到列为“建议”，不影响结论。"
                    + "得分为约束性和力争类目标中达标或进展顺利的百分比，不适用的目标不计入分母，数据不足的计为未达标。",
                en: "Per unit, the county-scope results. compliant when no binding or striving result is not_met/off_track, "
                    + "non_compliant otherwise; incomplete when nothing failed but data is missing. The counts in the detail are of binding "
                    + "and striving targets; an encouraged target not reached is listed as advice, no part of the verdict. "
                    + "score is the percentage of binding and striving results met or on track, not applicable ones left out of it and "
                    + "those without data counted as not met."),
            rows: rows)
    }
}
