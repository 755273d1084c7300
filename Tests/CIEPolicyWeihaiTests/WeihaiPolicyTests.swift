import CIECore
import CIEData
import CIEPolicies
import CIEPolicyTesting
import CIEPolicyWeihai
import Testing

@Suite struct WeihaiPolicyTests {
    let policy = WeihaiPolicy()

    @Test func declarations() {
        #expect(PolicyChecks.declarationProblems(policy) == [])
        #expect(policy.targets.map(\.id) == (1...16).map { String(format: "WH-%02d", $0) })
        #expect(policy.document.number == "威政办发〔2018〕32号" && policy.document.status == .inForce)
        #expect(policy.document.jurisdictionCode == "371000" && policy.document.seed == "002_eff6465ac9f855be.txt")
        #expect(PolicyRegistry.module(named: "威海")?.id == "weihai")
    }

    @Test func coverage() { #expect(PolicyChecks.coverageProblems(policy) == []) }

    @Test func quotations() throws {
        if let problems = try PolicyChecks.quotationProblems(policy) { #expect(problems == []) }
    }

    @Test(arguments: WeihaiPolicy().targets.map(\.id))
    func workedExamples(id: String) {
        #expect(PolicyChecks.exampleFailures(policy, target: id) == [])
    }
}

/// The sample's designed outcomes (Samples/weihai/EXPECTED.md).
@Suite struct WeihaiSampleTests {
    let results: [String: [String: TargetResult]]

    init() throws {
        let context = try PolicyChecks.context(files: ["Samples/weihai/weihai_2015_2020.csv"])
        results = PolicyChecks.byTargetAndRegion(Evaluator(context: context, policy: WeihaiPolicy()).evaluate(year: 2020), in: context)
    }

    func statuses(_ target: String, _ status: Status) -> Set<String> {
        Set(results[target]!.filter { $0.value.status == status }.map(\.key))
    }

    func status(_ target: String, _ region: String) -> Status? { results[target]?[region]?.status }

    @Test func designedOutcomes() {
        // The four units and the two zones with data; 371073 (临港区) has none, so it is no unit of the sample.
        #expect(Set(results["WH-02"]!.keys) == ["371002", "371003", "371082", "371083", "371071", "371072"])
        #expect(status("WH-01", "371000") == .met && results["WH-01"]?["371000"]?.observed == 1)
        #expect(statuses("WH-02", .met) == ["371002", "371003", "371071"], "文登区 at the boundary, 0.1 point a year")
        #expect(statuses("WH-02", .notMet) == ["371072", "371082"])
        #expect(statuses("WH-02", .noData) == ["371083"])
        #expect(statuses("WH-03", .met) == ["371002", "371003", "371071"])
        #expect(statuses("WH-03", .notMet) == ["371082", "371083"] && statuses("WH-03", .noData) == ["371072"])
        #expect(statuses("WH-04", .notMet) == ["371072", "371082"] && statuses("WH-04", .met).count == 4)
        #expect(statuses("WH-05", .notMet) == ["371082"] && statuses("WH-05", .noData) == ["371083"])
        #expect(status("WH-06", "371000") == .notMet)
        #expect(status("WH-07", "371000") == .met && results["WH-07"]?["371000"]?.observed == 355_000, "35.5亿元 with the zones")
        #expect(status("WH-08", "371000") == .notMet && results["WH-08"]?["371000"]?.observed == 324)
        #expect(status("WH-09", "371000") == .met)
        #expect(status("WH-10", "371000") == .noData)
        #expect(status("WH-11", "371000") == .met)
        #expect(status("WH-12", "371000") == .notMet)
        #expect(status("WH-13", "371000") == .met && results["WH-13"]?["371000"]?.observed == 1000)
        #expect(statuses("WH-14", .notMet) == ["371083"] && statuses("WH-14", .noData) == ["371072"])
        #expect(status("WH-15", "371000") == .notMet && results["WH-15"]?["371000"]?.observed == 985)
        #expect(statuses("WH-16", .notMet) == ["371072", "371082"] && statuses("WH-16", .noData) == ["371083"])
        #expect(statuses("WH-16", .met) == ["371002", "371003", "371071"])
    }
}
