import CIECore
import CIEPolicies
import CIEPolicyInnerMongolia
import CIEPolicyTesting
import Testing

@Suite struct InnerMongoliaPolicyTests {
    let policy = InnerMongoliaPolicy()

    @Test func declarations() {
        #expect(PolicyChecks.declarationProblems(policy) == [])
        #expect(policy.targets.map(\.id) == (1...7).map { "IM-0\($0)" })
    }

    /// A draft for comment without a number; no target has a deadline; every reading says it is a draft.
    @Test func documentIsADraft() {
        #expect(policy.document.status == .draft)
        #expect(policy.document.number.isEmpty)
        #expect(policy.document.jurisdictionCode == "150000")
        #expect(policy.document.seed == "003_8ec7939813dc72ed.txt")
        #expect(!policy.document.title.contains("征求意见稿"), "the status adds the marker wherever the document is shown, once")
        #expect(PolicyRegistry.module(named: "内蒙古")?.id == "inner-mongolia")
        for t in policy.targets {
            #expect(t.deadline == nil, "\(t.id) has a deadline")
            #expect(t.reading?.zh.contains("征求意见稿") == true && t.reading?.en.contains("draft for comment") == true,
                    "\(t.id): the reading must say it encodes a draft")
        }
    }

    @Test func coverage() { #expect(PolicyChecks.coverageProblems(policy) == []) }

    @Test func quotations() throws {
        if let problems = try PolicyChecks.quotationProblems(policy) { #expect(problems == []) }
    }

    @Test(arguments: InnerMongoliaPolicy().targets.map(\.id))
    func workedExamples(id: String) {
        #expect(PolicyChecks.exampleFailures(policy, target: id) == [])
    }
}

/// The sample's designed outcomes (Samples/inner-mongolia/EXPECTED.md).
@Suite struct InnerMongoliaSampleTests {
    let results: [String: [String: TargetResult]]
    let results2019: [String: [String: TargetResult]]

    init() throws {
        let context = try PolicyChecks.context(files: ["Samples/inner-mongolia/inner-mongolia_2018_2020.csv"])
        func index(_ rs: [TargetResult]) -> [String: [String: TargetResult]] {
            PolicyChecks.byTargetAndRegion(rs, in: context)
        }
        let evaluator = Evaluator(context: context, policy: InnerMongoliaPolicy())
        results = index(evaluator.evaluate(year: 2020))
        results2019 = index(evaluator.evaluate(year: 2019))
    }

    /// The 15 units of 呼和浩特市 and 兴安盟 the sample covers.
    static let covered: Set<String> = ["150102", "150103", "150104", "150105", "150121", "150122", "150123", "150124", "150125",
                                       "152201", "152202", "152221", "152222", "152223", "152224"]

    func statuses(_ target: String, _ status: Status) -> Set<String> {
        Set(results[target]!.filter { $0.value.status == status }.map(\.key))
    }

    /// Within the covered units only (the other units of the region have no data).
    func covered(_ target: String, _ status: Status) -> Set<String> {
        statuses(target, status).intersection(InnerMongoliaSampleTests.covered)
    }

    @Test func designedOutcomes() {
        let im01 = results["IM-01"]?["150000"]
        #expect(im01?.status == .notMet && im01?.observed == 1480 && im01?.gap == -20, "about 1,500: 20 short is reported")
        #expect(results2019["IM-01"]?["150000"]?.status == .met, "1,610 in 2019")
        #expect(statuses("IM-02", .notMet) == ["150103", "150125", "152202"])
        #expect(covered("IM-02", .noData) == ["152222"])
        #expect(statuses("IM-03", .notMet) == ["150104"])
        #expect(statuses("IM-04", .notMet) == ["150125", "152224"])
        #expect(results["IM-04"]?["150124"]?.status == .met, "1 exactly")
        #expect(statuses("IM-05", .notMet) == ["150102", "150103", "150104"])
        #expect(covered("IM-05", .noData) == ["152202"])
        #expect(results["IM-05"]?["150102"]?.strength == .encouraged)
        #expect(statuses("IM-06", .notMet) == ["150123", "152224"])
        #expect(results["IM-06"]?["150102"]?.status == .met, "100% every year: complete coverage cannot rise")
        #expect(covered("IM-06", .noData) == ["152222"])
        #expect(covered("IM-06", .met).count == 12)
        #expect(results["IM-07"]?["150000"]?.status == .met)
        #expect(results2019["IM-07"]?["150000"]?.status == .noData, "no unit flagged in 2019, most units without data")
        for t in ["IM-02", "IM-03", "IM-04", "IM-05", "IM-06"] {
            #expect(covered(t, .met).count + covered(t, .notMet).count + covered(t, .noData).count == 15)
        }
    }
}
