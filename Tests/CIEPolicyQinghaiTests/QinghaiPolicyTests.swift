import CIECore
import CIEData
import CIEPolicies
import CIEPolicyQinghai
import CIEPolicyTesting
import Foundation
import Testing


@Suite struct QinghaiDeclarationTests {
    let policy = QinghaiPolicy()

    @Test func encodesQH01ThroughQH12() {
        #expect(policy.targets.map(\.id) == (1...12).map { String(format: "QH-%02d", $0) })
        #expect(policy.document.number == "青政办〔2018〕6号" && policy.document.status == .inForce)
        #expect(PolicyRegistry.module(named: "青海")?.id == "qinghai")
    }

    @Test func everyInputIsInTheCatalogue() {
        let catalogue = IndicatorCatalogue()
        for t in policy.targets {
            for id in t.inputs { #expect(catalogue.lookup(id) != nil, "\(t.id) reads \(id)") }
        }
    }

    @Test func declarationsAreWellFormed() {
        #expect(PolicyChecks.declarationProblems(policy) == [])
    }

    @Test func everyTargetHasWorkedExamplesMetNotMetAndNoData() {
        #expect(PolicyChecks.coverageProblems(policy) == [])
    }

    /// The quoted original sentences (and the reviewer's quotation) occur in the seed, as printed there.
    @Test func everyQuotationOccursInTheSeed() throws {
        if let problems = try PolicyChecks.quotationProblems(policy) { #expect(problems == []) }
    }

    /// Each target's worked examples give the statuses the declaration promises.
    @Test(arguments: QinghaiPolicy().targets.map(\.id))
    func workedExamples(id: String) {
        #expect(PolicyChecks.exampleFailures(policy, target: id) == [])
    }
}

/// The sample's designed outcomes (Samples/qinghai/EXPECTED.md).
@Suite struct QinghaiSampleTests {
    let results: [String: [String: TargetResult]]

    init() throws {
        let context = try PolicyChecks.context(files: ["Samples/qinghai/qinghai_2016_2020.csv"])
        results = PolicyChecks.byTargetAndRegion(Evaluator(context: context, policy: QinghaiPolicy()).evaluate(year: 2020), in: context)
    }

    func statuses(_ target: String, _ status: Status) -> Set<String> {
        Set(results[target]!.filter { $0.value.status == status }.map(\.key))
    }

    @Test func designedOutcomes() {
        #expect(results["QH-01"]?["630000"]?.status == .met && results["QH-01"]?["630000"]?.observed == 75)
        #expect(statuses("QH-02", .notMet) == ["632623", "632624", "632726", "632823"])
        #expect(statuses("QH-03", .notMet) == ["632600"])
        #expect(results["QH-03"]?["630200"]?.detail.en.contains("above plan") == true)
        #expect(statuses("QH-04", .notMet) == ["630225"])
        #expect(statuses("QH-04", .notApplicable).count == 32)
        #expect(results["QH-05"]?["630000"]?.status == .met)
        #expect(statuses("QH-06", .notMet) == ["632224", "632323", "632324", "632622", "632623", "632624", "632722", "632726"])
        #expect(results["QH-06"]?["632523"]?.status == .met, "4.5 exactly")
        #expect(statuses("QH-06", .noData) == ["632625"])
        #expect(results["QH-06"]?["630121"]?.observed == 4.8, "full-width ４.８％ under the full name")
        #expect(statuses("QH-07", .noData) == ["632626"])
        #expect(results["QH-07"]?["632522"]?.status == .met, "55 exactly")
        #expect(results["QH-08"]?["630000"]?.status == .notMet)
        #expect(statuses("QH-09", .notMet) == ["630203", "632722", "632801", "632821"])
        #expect(results["QH-09"]?["632224"]?.status == .met, "flat counts as not decreasing")
        #expect(statuses("QH-10", .notMet) == ["632724"])
        #expect(statuses("QH-11", .notMet) == ["632803"])
        #expect(statuses("QH-12", .notMet).count == 22)
        #expect(results["QH-02"]!.count == 44, "every unit of Qinghai, none of the zones without data")
    }
}

/// Statistical-only units are not 县（市、区） of 青海: a zero row for 大柴旦行委 (632857) is neither a unit that fails nor
/// one that counts in the denominator.
@Suite struct QinghaiZoneTests {
    @Test func daqaidamDoesNotTurnQH01() throws {
        let units = BuiltinRegions.table.units(under: BuiltinRegions.table.index(code: "630000")!, in: 2020)
            .filter { BuiltinRegions.table.type(of: $0) != .zone }.map { BuiltinRegions.table[$0].code }
        #expect(units.count == 44)
        var lines = ["region,year,indicator,value"]
        for (n, code) in units.enumerated() {
            lines.append("\(code),2020,provincial_hitech_zones,\(n < 31 ? 1 : 0)")
            lines.append("\(code),2020,provincial_agri_parks,0")
        }
        lines += ["632857,2020,provincial_hitech_zones,0", "632857,2020,provincial_agri_parks,0"]
        let context = try PolicyChecks.context(csv: lines.joined(separator: "\n"))
        let evaluator = Evaluator(context: context, policy: QinghaiPolicy())
        let qh01 = evaluator.evaluate(QinghaiPolicy().target("QH-01")!, year: 2020)
        #expect(qh01.count == 1 && qh01[0].status == .met, "31 of 44 is 70.45 %; 31 of 45 would not be")
        #expect(qh01[0].detail.zh.contains("44 个单位中 31 个满足"))
        #expect(evaluator.members(of: context.regions.index(code: "630000")!, year: 2020).count == 44)
        #expect(evaluator.zoneNotes(year: 2020).first?.zh.contains("大柴旦行政委员会 (632857)") == true)
    }
}
