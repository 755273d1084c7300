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
