import CIECore
import CIEData
import CIEPolicyFormat
import Testing

/// 青政办〔2018〕6号: the sample's designed outcomes (Samples/qinghai/EXPECTED.md), its zones and its evaluation.
@Suite struct QinghaiPackageTests {
    let policy: PolicyPackage
    let context: EvaluationContext
    let results: [String: [String: TargetResult]]

    init() throws {
        policy = try Builtin.package("青海")
        context = try Builtin.context(policy, files: ["Samples/qinghai/qinghai_2016_2020.csv"])
        results = Builtin.results(policy, context, year: 2020)
    }

    @Test func declarations() {
        #expect(policy.id == "qinghai" && policy.targets.map(\.id).prefix(12) == ArraySlice((1...12).map { "QH-\(String(format: "%02d", $0))" }))
        #expect(policy.document.number == "青政办〔2018〕6号" && policy.document.status == .inForce && policy.document.jurisdictionCode == "630000")
    }

    @Test func designedOutcomes() {
        let r = results
        #expect(r["QH-01"]?["630000"]?.status == .met && r["QH-01"]?["630000"]?.observed == 75)
        #expect(statuses(r, "QH-02", .notMet) == ["632623", "632624", "632726", "632823"])
        #expect(statuses(r, "QH-03", .notMet) == ["632600"])
        #expect(r["QH-03"]?["630200"]?.detail.en.contains("above plan") == true)
        #expect(statuses(r, "QH-04", .notMet) == ["630225"])
        #expect(statuses(r, "QH-04", .notApplicable).count == 32)
        #expect(r["QH-05"]?["630000"]?.status == .met)
        #expect(statuses(r, "QH-06", .notMet) == ["632224", "632323", "632324", "632622", "632623", "632624", "632722", "632726"])
        #expect(r["QH-06"]?["632523"]?.status == .met, "4.5 exactly")
        #expect(statuses(r, "QH-06", .noData) == ["632625"])
        #expect(r["QH-06"]?["630121"]?.observed == 4.8, "full-width ４.８％ under the full name")
        #expect(statuses(r, "QH-07", .noData) == ["632626"])
        #expect(r["QH-07"]?["632522"]?.status == .met, "55 exactly")
        #expect(r["QH-08"]?["630000"]?.status == .notMet)
        #expect(statuses(r, "QH-09", .notMet) == ["630203", "632722", "632801", "632821"])
        #expect(r["QH-09"]?["632224"]?.status == .met, "flat counts as not decreasing")
        #expect(statuses(r, "QH-10", .notMet) == ["632724"])
        #expect(statuses(r, "QH-11", .notMet) == ["632803"])
        #expect(statuses(r, "QH-12", .notMet).count == 22)
        #expect(r["QH-02"]!.count == 44, "every unit of Qinghai, none of the zones without data")
    }

    /// Statistical-only units are not 县（市、区） of 青海: a zero row for 大柴旦行委 (632857) is neither a unit that fails
    /// nor one that counts in the denominator.
    @Test func daqaidamDoesNotTurnQH01() throws {
        let table = BuiltinRegions.table
        let units = table.units(under: table.index(code: "630000")!, in: 2020).filter { table.type(of: $0) != .zone }.map { table[$0].code }
        #expect(units.count == 44)
        var lines = ["region,year,indicator,value"]
        for (n, code) in units.enumerated() {
            lines.append("\(code),2020,provincial_hitech_zones,\(n < 31 ? 1 : 0)")
            lines.append("\(code),2020,provincial_agri_parks,0")
        }
        lines += ["632857,2020,provincial_hitech_zones,0", "632857,2020,provincial_agri_parks,0"]
        let context = try Builtin.context(policy, csv: lines.joined(separator: "\n"))
        let evaluator = Evaluator(context: context, policy: policy)
        let qh01 = evaluator.evaluate(policy.target("QH-01")!, year: 2020)
        #expect(qh01.count == 1 && qh01[0].status == .met, "31 of 44 is 70.45 %; 31 of 45 would not be")
        #expect(qh01[0].detail.zh.contains("44 个单位中 31 个满足"))
        #expect(evaluator.zoneNotes(year: 2020).first?.zh.contains("大柴旦行政委员会 (632857)") == true)
    }

    /// 三(十二): the top fifth of the scored counties is excellent; weights and the cut-off change the result.
    @Test func evaluation() throws {
        let (equal, _) = try Builtin.rows(policy, "evaluation", context, year: 2020)
        let scored = equal.rows.filter { $0.score != nil }
        let excellent = equal.rows.filter { $0.verdict == "excellent" }
        #expect(excellent.count == Composite.Cutoff.share(0.2).size(of: scored.count) && excellent.allSatisfy { $0.rank! <= excellent.count })
        #expect(equal.rows.map(\.rank) == equal.rows.map(\.rank).sorted { ($0 ?? .max) < ($1 ?? .max) }, "rows come in rank order")
        #expect(equal.method.zh.contains("organisation=0.25") && equal.method.zh.contains("1000 次"), "the method states weights and runs")
        let cut = Composite.Cutoff.share(0.2).size(of: scored.count)
        for row in equal.rows where row.rank != nil {
            let range = try #require(row.rankRange)
            #expect(range.contains(row.rank!))
            if range.upperBound <= cut { #expect(row.selectedShare == 1, "always within the cut-off") }
            if range.lowerBound > cut { #expect(row.selectedShare == 0, "never within the cut-off") }
        }
        let (talent, _) = try Builtin.rows(policy, "evaluation", context, year: 2020, options: ["--weights", "人才引进=3", "--excellent", "3"])
        #expect(talent.rows.filter { $0.verdict == "excellent" }.count == 3 && talent.method.en.contains("talent=0.5"))
        #expect(equal.rows.map(\.region) != talent.rows.map(\.region), "tripling talent reorders the counties")
        #expect(throws: ReviewError.self) { try Builtin.rows(policy, "evaluation", context, year: 2020, options: ["--weights", "talnet=2"]) }
        let (none, _) = try Builtin.rows(policy, "evaluation", context, year: 2020, options: ["--runs", "0"])
        #expect(none.rows.allSatisfy { $0.selectedShare == nil })
    }
}
