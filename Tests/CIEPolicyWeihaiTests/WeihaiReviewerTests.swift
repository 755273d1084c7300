import CIECore
import CIEPolicyTesting
import CIEPolicyWeihai
import Testing

@Suite struct WeihaiReviewerTests {
    let policy = WeihaiPolicy()

    func rows(_ reviewer: any Reviewer, _ csv: String, year: Int = 2020, options: ReviewOptions = ReviewOptions()) throws -> [String: ReviewRow] {
        let context = try PolicyChecks.context(csv: csv)
        let review = try reviewer.review(policy, context: context, year: year, options: options)
        #expect(!review.method.zh.isEmpty && !review.method.en.isEmpty, "every review prints its method")
        return Dictionary(uniqueKeysWithValues: review.rows.map { (context.regions[$0.region].code, $0) })
    }

    /// 二(二): 20 % of the county fund, never above 500 万元; 2,500 × 20 % is exactly the cap and is not “capped”.
    @Test func fundingIsTwentyPercentCappedAtFiveMillion() throws {
        #expect(WeihaiFunding.allocation(fund: 1000) == 200)
        #expect(WeihaiFunding.allocation(fund: 2500) == 500)
        #expect(WeihaiFunding.allocation(fund: 2600) == 500)
        let r = try rows(WeihaiFunding(), """
            region,year,indicator,value,unit
            371002,2020,county_st_special_fund,1000,万元
            371003,2020,county_st_special_fund,2500,万元
            371082,2020,county_st_special_fund,0.26,亿元
            371071,2020,county_st_special_fund,800,万元
            """)
        #expect(r["371002"]?.amount == 200 && r["371002"]?.verdict == "allocated")
        #expect(r["371003"]?.amount == 500 && r["371003"]?.verdict == "allocated", "exactly 500 is within the cap")
        #expect(r["371082"]?.amount == 500 && r["371082"]?.verdict == "capped", "荣成市: 2,600 × 20 % = 520, cut to 500")
        #expect(r["371071"]?.amount == 160, "a functional zone with data is one of the units")
        #expect(r["371083"]?.verdict == "no_data", "乳山市 gave no fund")
    }

    @Test func theFactorMethodSharesAPoolByScoreAndRedistributesAboveTheCap() {
        let a = WeihaiFunding.factorAllocation(pool: 1000, scores: [80, 20])
        #expect(a == [500, 500], "800 would exceed the cap: 500, and the other 300 go to the second unit")
        let b = WeihaiFunding.factorAllocation(pool: 600, scores: [50, 25, 25])
        #expect(b == [300, 150, 150])
        let c = WeihaiFunding.factorAllocation(pool: 5000, scores: [1, 1])
        #expect(c == [500, 500], "nobody above the cap even when the pool is larger")
        #expect(WeihaiFunding.factorAllocation(pool: 100, scores: [0, 0]) == [0, 0])
    }

    /// 二(三): 500 万元 for a new national innovative county, 100 万元 per new national innovative town.
    @Test func rewardsGoToNewDesignationsOnly() throws {
        let r = try rows(WeihaiRewards(), """
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
        #expect(r["371082"]?.amount == 700 && r["371082"]?.verdict == "rewarded", "荣成市: new county 500 + two new towns 200")
        #expect(r["371002"]?.amount == 0 && r["371002"]?.verdict == "none", "环翠区 was already designated")
        #expect(r["371003"]?.verdict == "no_data", "文登区: without 2019 nobody can tell the designation is new")
    }

    /// 二(六): province 50 %, city 25 %, county 25 %; 荣成市 50 % / 50 %.
    @Test func subsidiesAreSharedAndRongchengPaysHalf() throws {
        let r = try rows(WeihaiSubsidySharing(), """
            region,year,indicator,value
            371002,2020,enterprise_rd_subsidies,400
            371082,2020,enterprise_rd_subsidies,400
            """)
        #expect(r["371002"]?.amount == 100)
        #expect(r["371082"]?.amount == 200)
        #expect(r["371082"]?.detail?.zh.contains("市级 0") == true)
    }
}
