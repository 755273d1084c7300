import CIECore
import CIEPolicyQinghai
import CIEPolicyTesting
import Testing

/// 三(十二): the county S&T progress evaluation on the sample.
@Suite struct QinghaiEvaluationTests {
    let policy = QinghaiPolicy()

    func review(_ options: ReviewOptions = ReviewOptions()) throws -> (EvaluationContext, Review) {
        let context = try PolicyChecks.context(files: ["Samples/qinghai/qinghai_2016_2020.csv"])
        return (context, try QinghaiPolicy.evaluation.review(policy, context: context, year: 2020, options: options))
    }

    @Test func theTopFifthOfTheScoredCountiesIsExcellent() throws {
        let (_, r) = try review()
        let scored = r.rows.filter { $0.score != nil }
        let excellent = r.rows.filter { $0.verdict == "excellent" }
        #expect(excellent.count == Composite.cutoff(0.2, of: scored.count))
        #expect(excellent.allSatisfy { $0.rank! <= excellent.count })
        #expect(r.rows.map(\.rank) == r.rows.map(\.rank).sorted { ($0 ?? .max) < ($1 ?? .max) }, "rows come in rank order")
        #expect(r.method.zh.contains("organisation=0.25") && r.method.zh.contains("1000 次"), "the method states weights and runs")
    }

    @Test func weightsAndCutoffChangeTheResult() throws {
        let (_, equal) = try review()
        let (_, talent) = try review(ReviewOptions(weights: ["talent": 3], top: 3))
        #expect(talent.rows.filter { $0.verdict == "excellent" }.count == 3)
        #expect(talent.method.en.contains("talent=0.5"))
        #expect(equal.rows.map(\.region) != talent.rows.map(\.region), "tripling talent reorders the counties")
        #expect(throws: ReviewError.self) { try review(ReviewOptions(weights: ["talnet": 2])) }
    }

    @Test func everyRankLiesInItsStabilityRange() throws {
        let (_, r) = try review()
        let cut = Composite.cutoff(0.2, of: r.rows.filter { $0.score != nil }.count)
        for row in r.rows where row.rank != nil {
            let range = try #require(row.rankRange)
            #expect(range.contains(row.rank!))
            let share = try #require(row.selectedShare)
            #expect(share >= 0 && share <= 1)
            if range.upperBound <= cut { #expect(share == 1, "always within the cut-off") }
            if range.lowerBound > cut { #expect(share == 0, "never within the cut-off") }
        }
        let (_, none) = try review(ReviewOptions(runs: 0))
        #expect(none.rows.allSatisfy { $0.selectedShare == nil })
    }
}
