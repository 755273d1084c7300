import CIECore
import CIEData
import CIEPolicies
import CIEPolicyTesting
import CIEPolicyZhejiang
import Testing

@Suite struct ZhejiangPolicyTests {
    let policy = ZhejiangPolicy()

    @Test func declarations() {
        #expect(PolicyChecks.declarationProblems(policy) == [])
        #expect(policy.targets.map(\.id) == (1...13).map { String(format: "ZJ-%02d", $0) })
        #expect(policy.document.number == "浙政办发〔2019〕11号" && policy.document.status == .inForce)
        #expect(policy.document.jurisdictionCode == "330000" && policy.document.seed == "001_6b24dc6598022b81.txt")
        #expect(PolicyRegistry.module(named: "浙江")?.id == "zhejiang")
    }

    @Test func coverage() { #expect(PolicyChecks.coverageProblems(policy) == []) }

    @Test func quotations() throws {
        if let problems = try PolicyChecks.quotationProblems(policy) { #expect(problems == []) }
    }

    @Test(arguments: ZhejiangPolicy().targets.map(\.id))
    func workedExamples(id: String) {
        #expect(PolicyChecks.exampleFailures(policy, target: id) == [])
    }

    /// The 26 加快发展县 are real units of 浙江省 with the names of the list.
    @Test func acceleratedCounties() throws {
        let names = ["淳安县", "永嘉县", "平阳县", "苍南县", "文成县", "泰顺县", "武义县", "磐安县", "柯城区", "衢江区", "江山市", "常山县", "开化县",
                     "龙游县", "三门县", "天台县", "仙居县", "莲都区", "龙泉市", "青田县", "云和县", "庆元县", "缙云县", "遂昌县", "松阳县", "景宁畲族自治县"]
        let codes = try #require(policy.groups["加快发展县"])
        #expect(codes.count == 26 && Set(codes).count == 26)
        let table = BuiltinRegions.table
        let zhejiang = try #require(table.index(code: "330000"))
        let listed = Set(codes.compactMap { table.index(code: $0) }.map { table[$0].name })
        #expect(listed == Set(names))
        for c in codes {
            let i = try #require(table.index(code: c))
            #expect(table.units(under: zhejiang, in: 2019).contains(i), "\(c) is not a unit of 浙江省 in 2019")
        }
    }

    /// The share examples give a value to every unit of 县域 proper of each year: the list matches the region table
    /// (53 from 2019; 52 in 2018, before 龙港市 was set up).
    @Test func countyProperList() throws {
        let table = BuiltinRegions.table
        let zhejiang = try #require(table.index(code: "330000"))
        func proper(_ year: Int) -> [String] {
            table.units(under: zhejiang, in: year).filter { table.type(of: $0, in: year).isCountyProper }.map { table[$0].code }
        }
        #expect(proper(2022) == ZhejiangPolicy.countyProper)
        #expect(proper(2019) == ZhejiangPolicy.countyProper)
        #expect(proper(2018) == ZhejiangPolicy.countyProper.filter { $0 != "330383" })
    }
}

/// The sample's designed outcomes (Samples/zhejiang/EXPECTED.md).
@Suite struct ZhejiangSampleTests {
    let results: [String: [String: TargetResult]]

    init() throws {
        let context = try PolicyChecks.context(files: ["Samples/zhejiang/zhejiang_2018_2022.csv"])
        results = PolicyChecks.byTargetAndRegion(Evaluator(context: context, policy: ZhejiangPolicy()).evaluate(year: 2022), in: context)
    }

    func statuses(_ target: String, _ status: Status) -> Set<String> {
        Set(results[target]!.filter { $0.value.status == status }.map(\.key))
    }

    func status(_ target: String, _ region: String) -> Status? { results[target]?[region]?.status }

    @Test func designedOutcomes() {
        #expect(status("ZJ-01", "330000") == .met && results["ZJ-01"]?["330000"]?.observed == 20500, "written 2.05万家")
        #expect(status("ZJ-02", "330000") == .notMet && results["ZJ-02"]?["330000"]?.observed == 58800, "written 5.88万 with unit 家")
        #expect(status("ZJ-03", "330000") == .met)
        #expect(status("ZJ-04", "330000") == .notMet && results["ZJ-04"]?["330000"]?.detail.en.contains("2020→2021") == true)
        #expect(statuses("ZJ-05", .notMet) == ["330127", "330803", "330922"])
        #expect(statuses("ZJ-05", .noData) == ["331126"])
        #expect(statuses("ZJ-05", .met).count == 86)
        #expect(statuses("ZJ-06", .met).count == 30 && statuses("ZJ-06", .noData) == ["331126"])
        #expect(statuses("ZJ-07", .met).count == 13 && statuses("ZJ-07", .noData) == ["331126"])
        #expect(statuses("ZJ-08", .notMet) == ["330382", "331083"])
        #expect(statuses("ZJ-08", .noData) == ["330383", "330784"])
        #expect(statuses("ZJ-08", .met).count == 12 && statuses("ZJ-08", .notApplicable).count == 74)
        #expect(status("ZJ-09", "330000") == .met && results["ZJ-09"]?["330000"]?.observed == 331, "the units with data already reach 300")
        #expect(status("ZJ-10", "330000") == .met)
        #expect(status("ZJ-11", "330000") == .notMet)
        #expect(status("ZJ-12", "330000") == .noData)
        #expect(statuses("ZJ-13", .notMet) == ["330326", "330824", "331102"])
        #expect(statuses("ZJ-13", .noData) == ["331127"])
        #expect(statuses("ZJ-13", .met).count == 22 && statuses("ZJ-13", .notApplicable).count == 64)
        #expect(results["ZJ-05"]!.count == 90, "every unit of Zhejiang")
    }
}
