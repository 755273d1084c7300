import CIECore
import CIEPolicyJilin
import CIEPolicyTesting
import Testing

/// 三(三): level and progress, normalised and ranked within each of the three zones.
@Suite struct JilinEvaluationTests {
    let policy = JilinPolicy()

    func review(_ options: ReviewOptions = ReviewOptions()) throws -> (EvaluationContext, Review) {
        let context = try PolicyChecks.context(files: ["Samples/jilin/jilin_2017_2020.csv"])
        return (context, try JilinPolicy.evaluation.review(policy, context: context, year: 2020, options: options))
    }

    @Test func eachZoneIsRankedOnItsOwn() throws {
        let (context, r) = try review()
        let zones = Dictionary(grouping: r.rows.filter { $0.score != nil }, by: { $0.group?.zh ?? "" })
        #expect(Set(zones.keys).isSubset(of: Set(JilinPolicy.zones)) && zones.count >= 2, "the sample covers several zones")
        for (zone, rows) in zones {
            #expect(rows.contains { $0.rank == 1 }, "\(zone) has its own first place")
            let priority = rows.filter { $0.verdict == "priority" }
            #expect(priority.count == Composite.cutoff(0.2, of: rows.count), "\(zone): the top fifth of the zone")
        }
        // 抚松县 (白山市) is in the east by its prefecture.
        let fusong = try #require(r.rows.first { context.regions[$0.region].code == "220621" })
        #expect(fusong.group?.zh == "东部绿色转型发展区")
    }

    @Test func levelOnlyWeightsRankByLevel() throws {
        let (_, both) = try review(ReviewOptions(runs: 0))
        let (_, level) = try review(ReviewOptions(weights: ["level": 1, "progress": 0], runs: 0))
        #expect(level.method.en.contains("level=1, progress=0"))
        #expect(both.rows.map(\.score) != level.rows.map(\.score))
        #expect(throws: ReviewError.self) { try review(ReviewOptions(weights: ["speed": 1])) }
    }
}

/// `review evaluation` ranks within the zones of 一(一), per county: 农安县 and 双辽市 with the west, 桦甸市 and 磐石市 with
/// the east, whatever their prefecture.
@Suite struct JilinZoneReviewTests {
    @Test func countiesRankInTheirOwnZone() throws {
        var lines = ["region,year,indicator,value"]
        let codes = ["220122", "220382", "220282", "220284", "220802", "220621", "220102", "220402"]
        for (n, code) in codes.enumerated() {
            for (year, k) in [(2019, 1.0), (2020, 1.1)] {
                lines.append("\(code),\(year),gdp,\(100_000 + n * 1000)")
                lines.append("\(code),\(year),rd_expenditure,\(Double(1000 + n * 50) * k)")
                lines.append("\(code),\(year),fiscal_st_expenditure,\(Double(500 + n * 20) * k)")
                lines.append("\(code),\(year),hitech_enterprises,\(Int(Double(10 + n) * k))")
                lines.append("\(code),\(year),innovation_service_platforms,\(2 + n % 3)")
            }
        }
        let context = try PolicyChecks.context(csv: lines.joined(separator: "\n"))
        let review = try JilinPolicy.evaluation.review(JilinPolicy(), context: context, year: 2020, options: ReviewOptions(runs: 0))
        func zone(_ code: String) -> String? { review.rows.first { context.regions[$0.region].code == code }?.group?.zh }
        #expect(zone("220122") == "西部生态经济区" && zone("220382") == "西部生态经济区")
        #expect(zone("220282") == "东部绿色转型发展区" && zone("220284") == "东部绿色转型发展区")
        #expect(zone("220102") == "中部创新转型核心区" && zone("220802") == "西部生态经济区" && zone("220621") == "东部绿色转型发展区")
    }
}
