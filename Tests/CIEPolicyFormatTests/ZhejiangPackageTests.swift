import CIECore
import CIEData
import CIEPolicyFormat
import Testing

/// 浙政办发〔2019〕11号: the sample, the 26 加快发展县, the veto and the priority list.
@Suite struct ZhejiangPackageTests {
    let policy: PolicyPackage

    init() throws { policy = try Builtin.package("浙江") }

    @Test func designedOutcomes() throws {
        let context = try Builtin.context(policy, files: ["Samples/zhejiang/zhejiang_2018_2022.csv"])
        let r = Builtin.results(policy, context, year: 2022)
        func status(_ t: String, _ c: String) -> Status? { r[t]?[c]?.status }
        #expect(status("ZJ-01", "330000") == .met && r["ZJ-01"]?["330000"]?.observed == 20500, "written 2.05万家")
        #expect(status("ZJ-02", "330000") == .notMet && r["ZJ-02"]?["330000"]?.observed == 58800, "written 5.88万 with unit 家")
        #expect(status("ZJ-03", "330000") == .met)
        #expect(status("ZJ-04", "330000") == .notMet && r["ZJ-04"]?["330000"]?.detail.en.contains("2020→2021") == true)
        #expect(statuses(r, "ZJ-05", .notMet) == ["330127", "330803", "330922"] && statuses(r, "ZJ-05", .noData) == ["331126"])
        #expect(statuses(r, "ZJ-05", .met).count == 86)
        #expect(statuses(r, "ZJ-06", .met).count == 30 && statuses(r, "ZJ-06", .noData) == ["331126"])
        #expect(statuses(r, "ZJ-07", .met).count == 13 && statuses(r, "ZJ-07", .noData) == ["331126"])
        #expect(statuses(r, "ZJ-08", .notMet) == ["330382", "331083"] && statuses(r, "ZJ-08", .noData) == ["330383", "330784"])
        #expect(statuses(r, "ZJ-08", .met).count == 12 && statuses(r, "ZJ-08", .notApplicable).count == 74)
        #expect(status("ZJ-09", "330000") == .met && r["ZJ-09"]?["330000"]?.observed == 331, "the units with data already reach 300")
        #expect(status("ZJ-10", "330000") == .met)
        #expect(status("ZJ-11", "330000") == .notMet)
        #expect(status("ZJ-12", "330000") == .noData)
        #expect(statuses(r, "ZJ-13", .notMet) == ["330326", "330824", "331102"] && statuses(r, "ZJ-13", .noData) == ["331127"])
        #expect(statuses(r, "ZJ-13", .met).count == 22 && statuses(r, "ZJ-13", .notApplicable).count == 64)
        #expect(r["ZJ-05"]!.count == 90, "every unit of Zhejiang")
    }

    /// The 26 加快发展县 are real units of 浙江省 in 2019 with the names of the list.
    @Test func acceleratedCounties() throws {
        let names = ["淳安县", "永嘉县", "平阳县", "苍南县", "文成县", "泰顺县", "武义县", "磐安县", "柯城区", "衢江区", "江山市", "常山县", "开化县",
                     "龙游县", "三门县", "天台县", "仙居县", "莲都区", "龙泉市", "青田县", "云和县", "庆元县", "缙云县", "遂昌县", "松阳县", "景宁畲族自治县"]
        let codes = try #require(policy.groups["加快发展县"])
        let table = BuiltinRegions.table
        let zhejiang = try #require(table.index(code: "330000"))
        #expect(codes.count == 26 && Set(codes.compactMap { table.index(code: $0) }.map { table[$0].name }) == Set(names))
        for c in codes { #expect(table.units(under: zhejiang, in: 2019).contains(table.index(code: c)!), "\(c) is not a unit of 浙江省 in 2019") }
    }

    @Test func bothDeclinesVetoOneDoesNot() throws {
        let context = try Builtin.context(policy, csv: """
            region,year,indicator,value
            330122,2020,rd_intensity,2.5
            330122,2021,rd_intensity,2.4
            330122,2020,fiscal_st_growth,10
            330122,2021,fiscal_st_growth,8
            330127,2020,rd_intensity,2.5
            330127,2021,rd_intensity,2.4
            330127,2020,fiscal_st_growth,10
            330127,2021,fiscal_st_growth,12
            330182,2020,rd_intensity,2.5
            330182,2021,rd_intensity,2.5
            330182,2020,fiscal_st_growth,10
            330182,2021,fiscal_st_growth,9
            330102,2020,rd_intensity,2.5
            330102,2021,rd_intensity,2.4
            330102,2020,fiscal_st_growth,10
            330102,2021,fiscal_st_growth,8
            """)
        let (_, rows) = try Builtin.rows(policy, "veto", context, year: 2021)
        #expect(rows["330122"]?.verdict == "vetoed", "桐庐县: both fell")
        #expect(rows["330127"]?.verdict == "clear", "淳安县: only R&D intensity fell")
        #expect(rows["330182"]?.verdict == "clear", "建德市: R&D intensity flat is not a fall")
        #expect(rows["330102"] == nil, "上城区 is a district: the text says 县(市)")
        #expect(rows["330122"]?.detail?.zh.contains("2.50% → 2.40%（下降）") == true)
        #expect(rows["330522"]?.verdict == "no_data", "长兴县 has no values")
    }

    @Test func theVetoDerivesBothFiguresFromTheirParts() throws {
        let context = try Builtin.context(policy, csv: """
            region,year,indicator,value
            330122,2020,rd_expenditure,25000
            330122,2020,gdp,1000000
            330122,2021,rd_expenditure,24000
            330122,2021,gdp,1000000
            330122,2019,fiscal_st_expenditure,10000
            330122,2020,fiscal_st_expenditure,11000
            330122,2021,fiscal_st_expenditure,11550
            """)
        // R&D 2.5% → 2.4%; growth 10% → 5%: vetoed.
        #expect(try Builtin.rows(policy, "veto", context, year: 2021).1["330122"]?.verdict == "vetoed")
    }

    @Test func priorityNeedsNoVetoAndEveryBindingCountyTargetMet() throws {
        let context = try Builtin.context(policy, files: ["Samples/zhejiang/zhejiang_2018_2022.csv"])
        let (priority, _) = try Builtin.rows(policy, "priority", context, year: 2022)
        let (veto, _) = try Builtin.rows(policy, "veto", context, year: 2022)
        let vetoed = Set(veto.rows.filter { $0.verdict == "vetoed" }.map(\.region))
        let results = Evaluator(context: context, policy: policy).evaluate(year: 2022)
        #expect(priority.rows.contains { $0.verdict == "priority" } && !vetoed.isEmpty, "the sample shows both")
        for row in priority.rows where row.verdict == "priority" {
            #expect(!vetoed.contains(row.region))
            #expect(!results.contains { $0.region == row.region && $0.strength == .binding && $0.status.isFailure })
        }
        for row in priority.rows where vetoed.contains(row.region) { #expect(row.verdict == "not_priority") }
        #expect(priority.rows.allSatisfy { context.regions.type(of: $0.region, in: 2022).isCountyProper }, "县(市) only")
    }
}
