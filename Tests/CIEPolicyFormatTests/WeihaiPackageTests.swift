import CIECore
import CIEData
import CIEPolicyFormat
import Testing

/// 威政办发〔2018〕32号: the sample, the funding allocation (20 % rule and factor method), rewards and cost sharing.
@Suite struct WeihaiPackageTests {
    let policy: PolicyPackage

    init() throws { policy = try Builtin.package("威海") }

    @Test func designedOutcomes() throws {
        let context = try Builtin.context(policy, files: ["Samples/weihai/weihai_2015_2020.csv"])
        let r = Builtin.results(policy, context, year: 2020)
        func status(_ t: String, _ c: String) -> Status? { r[t]?[c]?.status }
        // The four units and the two zones with data; 371073 (临港区) has none, so it is no unit of the sample.
        #expect(Set(r["WH-02"]!.keys) == ["371002", "371003", "371082", "371083", "371071", "371072"])
        #expect(status("WH-01", "371000") == .met && r["WH-01"]?["371000"]?.observed == 1)
        #expect(statuses(r, "WH-02", .met) == ["371002", "371003", "371071"], "文登区 at the boundary, 0.1 point a year")
        #expect(statuses(r, "WH-02", .notMet) == ["371072", "371082"] && statuses(r, "WH-02", .noData) == ["371083"])
        #expect(statuses(r, "WH-03", .met) == ["371002", "371003", "371071"])
        #expect(statuses(r, "WH-03", .notMet) == ["371082", "371083"] && statuses(r, "WH-03", .noData) == ["371072"])
        #expect(statuses(r, "WH-04", .notMet) == ["371072", "371082"] && statuses(r, "WH-04", .met).count == 4)
        #expect(statuses(r, "WH-05", .notMet) == ["371082"] && statuses(r, "WH-05", .noData) == ["371083"])
        #expect(status("WH-06", "371000") == .notMet)
        #expect(status("WH-07", "371000") == .met && r["WH-07"]?["371000"]?.observed == 355_000, "35.5亿元 with the zones")
        #expect(status("WH-08", "371000") == .notMet && r["WH-08"]?["371000"]?.observed == 324)
        #expect(status("WH-09", "371000") == .met)
        #expect(status("WH-10", "371000") == .noData)
        #expect(status("WH-11", "371000") == .met)
        #expect(status("WH-12", "371000") == .notMet)
        #expect(status("WH-13", "371000") == .met && r["WH-13"]?["371000"]?.observed == 1000)
        #expect(statuses(r, "WH-14", .notMet) == ["371083"] && statuses(r, "WH-14", .noData) == ["371072"])
        #expect(status("WH-15", "371000") == .notMet && r["WH-15"]?["371000"]?.observed == 985)
        #expect(statuses(r, "WH-16", .notMet) == ["371072", "371082"] && statuses(r, "WH-16", .noData) == ["371083"])
        #expect(statuses(r, "WH-16", .met) == ["371002", "371003", "371071"])
    }

    /// Fidelity: “翻番” from a 2015 value of 0 is no doubling: no_data (baseline 0), unless 2020 is 0 too (not met).
    @Test func doublingFromZeroIsUndefined() throws {
        let context = try Builtin.context(policy, csv: """
            region,year,indicator,value
            371002,2015,hitech_enterprises,0
            371002,2020,hitech_enterprises,7
            371003,2015,hitech_enterprises,0
            371003,2020,hitech_enterprises,0
            371082,2015,hitech_enterprises,0
            371082,2018,hitech_enterprises,3
            """)
        let r = Builtin.results(policy, context, year: 2020)["WH-04"]!
        #expect(r["371002"]?.status == .noData && r["371002"]?.detail.en.contains("baseline 2015 is 0") == true)
        #expect(r["371002"]?.detail.zh.contains("缺少数据") == false, "nothing is missing: the multiple is undefined")
        #expect(r["371003"]?.status == .notMet)
        let before = Builtin.results(policy, context, year: 2018)["WH-04"]!
        #expect(before["371082"]?.status == .noData, "before the deadline too")
    }

    /// 二(二): 20 % of the county fund, never above 500 万元; 2,500 × 20 % is exactly the cap and is not “capped”.
    @Test func fundingIsTwentyPercentCappedAtFiveMillion() throws {
        let context = try Builtin.context(policy, csv: """
            region,year,indicator,value,unit
            371002,2020,county_st_special_fund,1000,万元
            371003,2020,county_st_special_fund,2500,万元
            371082,2020,county_st_special_fund,0.26,亿元
            371071,2020,county_st_special_fund,800,万元
            """)
        let (_, r) = try Builtin.rows(policy, "funding", context, year: 2020)
        #expect(r["371002"]?.amount == 200 && r["371002"]?.verdict == "allocated")
        #expect(r["371003"]?.amount == 500 && r["371003"]?.verdict == "allocated", "exactly 500 is within the cap")
        #expect(r["371082"]?.amount == 500 && r["371082"]?.verdict == "capped", "荣成市: 2,600 × 20 % = 520, cut to 500")
        #expect(r["371071"]?.amount == 160, "a functional zone with data is one of the units")
        #expect(r["371083"]?.verdict == "no_data", "乳山市 gave no fund")
    }

    @Test func theFactorMethodSharesAPoolAndRedistributesAboveTheCap() {
        #expect(CappedAllocation.factorAllocation(pool: 1000, scores: [80, 20], cap: 500) == [500, 500], "800 would exceed the cap")
        #expect(CappedAllocation.factorAllocation(pool: 600, scores: [50, 25, 25], cap: 500) == [300, 150, 150])
        #expect(CappedAllocation.factorAllocation(pool: 5000, scores: [1, 1], cap: 500) == [500, 500], "nobody above the cap")
        #expect(CappedAllocation.factorAllocation(pool: 100, scores: [0, 0], cap: 500) == [0, 0])
    }

    /// The factor is the 县域科技创新评价结果 a user loads (an indicator the package declares); only when no unit has it
    /// is the compliance score used, and the method says which.
    @Test func theFactorIsTheLoadedEvaluationResultElseTheComplianceScore() throws {
        let scores = try Builtin.context(policy, csv: """
            region,year,indicator,value
            371002,2020,县域科技创新评价结果,90
            371003,2020,县域科技创新评价结果,60
            371082,2020,县域科技创新评价结果,30
            """)
        let (loaded, r) = try Builtin.rows(policy, "funding", scores, year: 2020, options: ["--pool", "900"])
        #expect(loaded.method.zh.contains("因素为已载入的县域科技创新评价结果"), "\(loaded.method.zh)")
        #expect(r["371002"]?.amount == 450 && r["371003"]?.amount == 300 && r["371082"]?.amount == 150)
        #expect(r["371083"]?.verdict == "no_data", "乳山市 has no evaluation result: not in the allocation")
        let sample = try Builtin.context(policy, files: ["Samples/weihai/weihai_2015_2020.csv"])
        let (fallback, _) = try Builtin.rows(policy, "funding", sample, year: 2020, options: ["--pool", "2000"])
        #expect(fallback.method.zh.contains("因素改用合规得分"), "\(fallback.method.zh)")
    }

    /// 二(三): 500 万元 for a new national innovative county, 100 万元 per new national innovative town.
    @Test func rewardsGoToNewDesignationsOnly() throws {
        let context = try Builtin.context(policy, csv: """
            region,year,indicator,value
            371082,2019,national_innovative_county,否
            371082,2020,national_innovative_county,是
            371082,2019,national_innovative_towns,1
            371082,2020,national_innovative_towns,3
            371002,2019,national_innovative_county,是
            371002,2020,national_innovative_county,是
            371002,2019,national_innovative_towns,0
            371002,2020,national_innovative_towns,0
            371003,2020,national_innovative_county,是
            """)
        let (_, r) = try Builtin.rows(policy, "rewards", context, year: 2020)
        #expect(r["371082"]?.amount == 700 && r["371082"]?.verdict == "rewarded", "荣成市: new county 500 + two new towns 200")
        #expect(r["371002"]?.amount == 0 && r["371002"]?.verdict == "none", "环翠区 was already designated")
        #expect(r["371003"]?.verdict == "no_data", "文登区: without 2019 nobody can tell the designation is new")
    }

    /// 二(六): province 50 %, city 25 %, county 25 %; 荣成市 50 % / 50 %.
    @Test func subsidiesAreSharedAndRongchengPaysHalf() throws {
        let context = try Builtin.context(policy, csv: """
            region,year,indicator,value
            371002,2020,enterprise_rd_subsidies,400
            371082,2020,enterprise_rd_subsidies,400
            """)
        let (_, r) = try Builtin.rows(policy, "subsidy-sharing", context, year: 2020)
        #expect(r["371002"]?.amount == 100 && r["371082"]?.amount == 200)
        #expect(r["371082"]?.detail?.zh.contains("市级 0") == true)
    }
}
