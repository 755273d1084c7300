import CIECore
import CIEData
import CIEPolicies
import CIEPolicyJilin
import CIEPolicyTesting
import Testing

@Suite struct JilinPolicyTests {
    let policy = JilinPolicy()

    @Test func declarations() {
        #expect(PolicyChecks.declarationProblems(policy) == [])
        #expect(policy.targets.map(\.id) == (1...5).map { "JL-0\($0)" })
        #expect(policy.document.number == "吉政办发〔2018〕51号" && policy.document.status == .inForce)
        #expect(policy.document.jurisdictionCode == "220000")
        #expect(PolicyRegistry.module(named: "吉林")?.id == "jilin")
    }

    /// The three zones of 一(一), in the text's order, each a list of county-level units covering the province's 60
    /// units once. Per county, not per prefecture (english.jl.gov.cn, 2019-11-28): 农安县 (长春) and 双辽市 (四平) are in
    /// the west, 桦甸市 and 磐石市 (吉林市) in the east.
    @Test func zones() throws {
        #expect(JilinPolicy.zones == ["东部绿色转型发展区", "中部创新转型核心区", "西部生态经济区"])
        #expect(Set(policy.groups.keys) == Set(JilinPolicy.zones))
        let all = JilinPolicy.zones.flatMap { policy.groups[$0] ?? [] }
        let table = BuiltinRegions.table
        let jilin = try #require(table.index(code: "220000"))
        #expect(all.count == 60 && Set(all) == Set(table.units(under: jilin, in: 2024).filter { table.type(of: $0) != .zone }.map { table[$0].code }))
        func zone(_ code: String) -> String? {
            JilinPolicy.zones.first { policy.isMember(table.index(code: code)!, of: $0, in: table, year: 2020) }
        }
        #expect(zone("220122") == "西部生态经济区" && zone("220382") == "西部生态经济区")
        #expect(zone("220282") == "东部绿色转型发展区" && zone("220284") == "东部绿色转型发展区")
        #expect(zone("220802") == "西部生态经济区" && zone("222401") == "东部绿色转型发展区" && zone("220102") == "中部创新转型核心区")
        #expect(zone("220381") == "中部创新转型核心区", "公主岭市 by its code before 2020 (四平) as by its code of today (长春)")
        #expect(JilinPolicy.zones.map { policy.groups[$0]!.count } == [23, 25, 12], "the west has 12 units")
    }

    @Test func coverage() { #expect(PolicyChecks.coverageProblems(policy) == []) }

    @Test func quotations() throws {
        if let problems = try PolicyChecks.quotationProblems(policy) { #expect(problems == []) }
    }

    @Test(arguments: JilinPolicy().targets.map(\.id))
    func workedExamples(id: String) {
        #expect(PolicyChecks.exampleFailures(policy, target: id) == [])
    }
}

/// The sample's designed outcomes (Samples/jilin/EXPECTED.md).
@Suite struct JilinSampleTests {
    let results: [String: [String: TargetResult]]
    let results2019: [String: [String: TargetResult]]

    init() throws {
        let context = try PolicyChecks.context(files: ["Samples/jilin/jilin_2017_2020.csv"])
        func index(_ rs: [TargetResult]) -> [String: [String: TargetResult]] {
            PolicyChecks.byTargetAndRegion(rs, in: context)
        }
        let evaluator = Evaluator(context: context, policy: JilinPolicy())
        results = index(evaluator.evaluate(year: 2020))
        results2019 = index(evaluator.evaluate(year: 2019))
    }

    /// The 20 units of 白山市 (east), 四平市 and 辽源市 (centre) and 白城市 (west) the sample covers.
    static let covered: Set<String> = ["220602", "220605", "220621", "220622", "220623", "220681",
                                       "220302", "220303", "220322", "220323", "220382",
                                       "220402", "220403", "220421", "220422",
                                       "220802", "220821", "220822", "220881", "220882"]

    func statuses(_ target: String, _ status: Status) -> Set<String> {
        Set(results[target]!.filter { $0.value.status == status }.map(\.key))
    }

    func covered(_ target: String, _ status: Status) -> Set<String> {
        statuses(target, status).intersection(JilinSampleTests.covered)
    }

    @Test func designedOutcomes() {
        #expect(statuses("JL-01", .notMet) == ["220605", "220403", "220822"])
        #expect(covered("JL-01", .noData) == ["220623"])
        #expect(results["JL-01"]?["220382"]?.status == .met && results["JL-01"]?["220382"]?.detail.en.contains("above plan") == true)
        #expect(results2019["JL-01"]?["220605"]?.status == .offTrack, "before the deadline a shortfall is off track")
        #expect(statuses("JL-02", .notMet) == ["220622", "220821"])
        #expect(covered("JL-02", .noData) == ["220882"])
        #expect(statuses("JL-03", .notMet) == ["220323", "220422", "220681"])
        #expect(results["JL-03"]?["220323"]?.detail.en.contains("did not rise") == true, "flat fails 稳步增长")
        #expect(results["JL-03"]?["220821"]?.status == .met, "the fall 2017→2018 is before the 2018 base")
        #expect(covered("JL-03", .noData) == ["220882"])
        #expect(covered("JL-03", .met).count == 16)
        #expect(statuses("JL-04", .notMet) == ["220605", "220303", "220403", "220802", "220822"])
        #expect(covered("JL-04", .noData) == ["220623"])
        #expect(results["JL-05"]?["220000"]?.status == .met)
        #expect(results2019["JL-05"]?["220000"]?.status == .offTrack, "the province's own 0 in 2019")
        for t in ["JL-01", "JL-02", "JL-03", "JL-04"] {
            #expect(covered(t, .met).count + covered(t, .notMet).count + covered(t, .noData).count == 20)
        }
    }
}
