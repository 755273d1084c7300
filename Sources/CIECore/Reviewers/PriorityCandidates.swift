/// Priority candidates (浙江 三(三) 优先支持): units not vetoed whose required county targets are all met (the targets
/// the package names, else every county target that counts: binding and striving). Kind `priority`.
public struct PriorityCandidates: Reviewer {
    public var id: String
    public var name: LocalizedText
    public var source: LocalizedText
    public var units: UnitFilter?
    /// The veto whose vetoed units are left out (the package names it by id).
    public var veto: YearOnYearVeto?
    /// The ids of the targets a candidate must meet; nil: the policy's county targets that count.
    public var requires: [String]?
    public var reading: LocalizedText?

    public init(id: String, name: LocalizedText, source: LocalizedText, units: UnitFilter?, veto: YearOnYearVeto?, requires: [String]?,
                reading: LocalizedText?) {
        self.id = id
        self.name = name
        self.source = source
        self.units = units
        self.veto = veto
        self.requires = requires
        self.reading = reading
    }

    public var verdicts: [ReviewVerdict] {
        [ReviewVerdict("priority", LocalizedText(zh: "优先支持", en: "priority"), tone: .good),
         ReviewVerdict("not_priority", LocalizedText(zh: "不列入", en: "not priority")), .noData]
    }

    public func review(_ policy: any PolicyModule, context: EvaluationContext, year: Int, options: ReviewOptions) throws -> Review {
        let evaluator = Evaluator(context: context, policy: policy)
        let candidates = try evaluator.units(matching: units, year: year)
        let binding = requires.map { ids in policy.targets.filter { ids.contains($0.id) } }
            ?? policy.targets.filter { $0.scope == .county && $0.strength.counts }
        var results: [RegionIndex: [TargetResult]] = [:]
        for r in evaluator.evaluate(year: year, targets: binding) { results[r.region, default: []].append(r) }
        let rows = candidates.map { u -> ReviewRow in
            let vetoed = veto.map { $0.outcome(evaluator, u, year: year).vetoed } ?? .some(false)
            let rs = results[u] ?? []
            let failed = rs.filter { $0.status.isFailure }.map(\.target)
            let missing = rs.filter { $0.status == .noData || $0.status == .error }.map(\.target)
            let met = rs.filter { $0.status == .met || $0.status == .onTrack || $0.status == .notApplicable }.count
            var zh: [String] = [], en: [String] = []
            if veto != nil {
                switch vetoed {
                case true?: zh.append("被否决"); en.append("vetoed")
                case false?: zh.append("未被否决"); en.append("no veto")
                case nil: zh.append("否决情况缺数据"); en.append("veto undecided (data missing)")
                }
            }
            zh.append("所需目标 \(met)/\(rs.count) 项达标"); en.append("\(met) of \(rs.count) required targets met")
            if !failed.isEmpty { zh.append("未达标：" + failed.joined(separator: "、")); en.append("failing: " + failed.joined(separator: ", ")) }
            if !missing.isEmpty { zh.append("数据不足：" + missing.joined(separator: "、")); en.append("missing: " + missing.joined(separator: ", ")) }
            let verdict: String
            if vetoed == true || !failed.isEmpty { verdict = "not_priority" }
            else if vetoed == nil || !missing.isEmpty { verdict = "no_data" }
            else { verdict = "priority" }
            return ReviewRow(region: u, verdict: verdict, score: rs.isEmpty ? nil : Double(met) / Double(rs.count) * 100,
                             detail: LocalizedText(zh: zh.joined(separator: "；"), en: en.joined(separator: "; ")))
        }
        let ids = binding.map(\.id).joined(separator: "、"), idsEN = binding.map(\.id).joined(separator: ", ")
        let vetoZH = veto.map { "当年未被“\($0.name.zh)”（\($0.id)）否决且" } ?? ""
        let vetoEN = veto.map { "not vetoed this year by “\($0.name.en)” (\($0.id)) and " } ?? ""
        return Review(reviewerID: id, reviewerName: name, year: year, method: LocalizedText(
            zh: (reading.map { $0.zh + " " } ?? "") + "\(vetoZH)所需目标（\(ids)）全部达标（或不适用、进展顺利）的单位列为 priority；"
                + "被否决或有未达标为 not_priority；其余缺数据为 no_data。得分为所需目标达标的百分比。",
            en: (reading.map { $0.en + " " } ?? "") + "A unit \(vetoEN)whose required targets (\(idsEN)) are all met (or not applicable, or on track) is priority; "
                + "vetoed or failing: not_priority; otherwise no_data. score is the percentage of required targets met."),
            rows: rows)
    }
}
