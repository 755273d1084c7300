import CIECore
import CIEPolicyTesting
import CIEPolicyZhejiang
import Testing

/// 三(三) 一票否优 at its boundaries: both declines veto, one does not, flat is not a decline; districts are not “县(市)”.
@Suite struct ZhejiangVetoTests {
    let policy = ZhejiangPolicy()

    func review(_ csv: String, year: Int = 2021) throws -> [String: ReviewRow] {
        let context = try PolicyChecks.context(csv: csv)
        let review = try ZhejiangVeto().review(policy, context: context, year: year, options: ReviewOptions())
        return Dictionary(uniqueKeysWithValues: review.rows.map { (context.regions[$0.region].code, $0) })
    }

    @Test func bothDeclinesVetoOneDoesNot() throws {
        let rows = try review("""
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
        #expect(rows["330122"]?.verdict == "vetoed", "桐庐县: both fell")
        #expect(rows["330127"]?.verdict == "clear", "淳安县: only R&D intensity fell")
        #expect(rows["330182"]?.verdict == "clear", "建德市: R&D intensity flat is not a fall")
        #expect(rows["330102"] == nil, "上城区 is a district: the text says 县(市)")
        #expect(rows["330122"]?.detail?.zh.contains("2.5% → 2.4%（下降）") == true)
        #expect(rows["330522"]?.verdict == "no_data", "长兴县 has no values")
    }

    @Test func derivesBothFiguresFromTheirParts() throws {
        // rd_intensity = rd_expenditure / gdp; fiscal_st_growth = year-on-year growth of fiscal_st_expenditure (needs 2019).
        let rows = try review("""
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
        #expect(rows["330122"]?.verdict == "vetoed")
    }

    @Test func priorityNeedsNoVetoAndEveryBindingCountyTargetMet() throws {
        let context = try PolicyChecks.context(files: ["Samples/zhejiang/zhejiang_2018_2022.csv"])
        let year = 2022
        let priority = try ZhejiangPriority().review(policy, context: context, year: year, options: ReviewOptions())
        let veto = try ZhejiangVeto().review(policy, context: context, year: year, options: ReviewOptions())
        let vetoed = Set(veto.rows.filter { $0.verdict == "vetoed" }.map(\.region))
        let results = Evaluator(context: context, policy: policy).evaluate(year: year)
        for row in priority.rows where row.verdict == "priority" {
            #expect(!vetoed.contains(row.region))
            let failing = results.filter { $0.region == row.region && $0.strength == .binding && $0.status.isFailure }
            #expect(failing.isEmpty, "\(context.regions[row.region].name) is priority but fails \(failing.map(\.target))")
        }
        for row in priority.rows where vetoed.contains(row.region) { #expect(row.verdict == "not_priority") }
    }
}
