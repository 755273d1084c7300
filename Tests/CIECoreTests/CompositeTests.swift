import CIECore
import Testing

@Suite struct CompositeTests {
    @Test func cutoffIsAShareOrACount() {
        #expect(Composite.Cutoff.share(0.2).size(of: 44) == 9, "the top fifth of 44 is 8.8, rounded up")
        #expect(Composite.Cutoff.share(0.2).size(of: 10) == 2, "exactly a fifth of 10")
        #expect(Composite.Cutoff.share(0.2).size(of: 3) == 1, "at least one unit")
        #expect(Composite.Cutoff.count(5).size(of: 44) == 5)
        #expect(Composite.Cutoff.count(50).size(of: 44) == 44)
        #expect(Composite.Cutoff.share(0.2).size(of: 0) == 0)
        #expect(Composite.Cutoff.count(.max).size(of: 44) == 44, "a huge cut-off is everyone, not a crash")
        #expect(Composite.Cutoff.share(1).size(of: 44) == 44, "100% is everyone, not one unit")
    }

    /// `--excellent 20%`: a share written as a percentage or a fraction, or a number of units; nothing else.
    @Test func cutoffIsReadFromWhatPeopleWrite() {
        #expect(Composite.Cutoff("20%") == .share(0.2))
        #expect(Composite.Cutoff(" 12.5 ％") == .share(0.125))
        #expect(Composite.Cutoff("100%") == .share(1))
        #expect(Composite.Cutoff("0.2") == .share(0.2))
        #expect(Composite.Cutoff("5") == .count(5))
        for bad in ["0", "0%", "-1", "120%", "1.5", "abc", "", "%", "nan%"] { #expect(Composite.Cutoff(bad) == nil, "\(bad)") }
        #expect(Composite.Cutoff.share(0.2).written == "20%" && Composite.Cutoff.count(3).written == "3")
    }

    @Test func weightsAreRescaledAndUnknownDimensionsRefused() throws {
        let dims = ["a", "b", "c"].map { Composite.Dimension(id: $0, name: LocalizedText($0), measures: []) }
        #expect(try Composite.weights(dims, given: [:]) == [1.0 / 3, 1.0 / 3, 1.0 / 3])
        #expect(try Composite.weights(dims, given: ["a": 2]) == [0.5, 0.25, 0.25])
        #expect(throws: ReviewError.self) { try Composite.weights(dims, given: ["x": 1]) }
        #expect(throws: ReviewError.self) { try Composite.weights(dims, given: ["a": -1]) }
        #expect(throws: ReviewError.self) { try Composite.weights(dims, given: ["a": 0, "b": 0, "c": 0]) }
        #expect(try Composite.weights(dims, given: ["a": 1e308, "b": 1e308, "c": 0]) == [0.5, 0.5, 0], "huge weights do not overflow")
    }

    /// `--weights 人才引进=2` names a dimension as the tables show it; two names of one dimension must agree.
    @Test func weightsNameADimensionByIdOrName() throws {
        let dims = [Composite.Dimension(id: "talent", name: LocalizedText(zh: "人才引进", en: "talent"), measures: []),
                    Composite.Dimension(id: "carriers", name: LocalizedText(zh: "载体建设", en: "Carriers"), measures: [])]
        #expect(try Composite.weights(dims, given: ["人才引进": 3]) == [0.75, 0.25])
        #expect(try Composite.weights(dims, given: ["carriers": 3]) == [0.25, 0.75])
        #expect(try Composite.weights(dims, given: ["CARRIERS": 3]) == [0.25, 0.75], "an English name in any case")
        #expect(try Composite.weights(dims, given: ["talent": 3, "人才引进": 3]) == [0.75, 0.25])
        #expect(throws: ReviewError.self) { try Composite.weights(dims, given: ["talent": 3, "人才引进": 1]) }
        do {
            _ = try Composite.weights(dims, given: ["人才": 2])
            Issue.record("an unknown dimension is refused")
        } catch let e as ReviewError {
            #expect(e.message.zh.contains("talent（人才引进）") && e.message.zh.contains("--weights 人才引进=2"))
        }
    }

    /// Four units, two dimensions of one measure each; values chosen so the nominal ranks are known.
    func scores(weights: [Double] = [0.5, 0.5], runs: Int = 500, seed: UInt64 = 7, cutoff: Composite.Cutoff = .count(1),
                values: [[Double?]] = [[10, 0], [0, 10], [7, 7], [1, 1]]) -> [Composite.Score] {
        let dims = [Composite.Dimension(id: "x", name: LocalizedText("x"), measures: [Composite.Measure(.indicator("gdp"), label: LocalizedText("x"))]),
                    Composite.Dimension(id: "y", name: LocalizedText("y"), measures: [Composite.Measure(.indicator("incubators"), label: LocalizedText("y"))])]
        return Composite.score(groups: [[0, 1, 2, 3]], dimensions: dims, weights: weights, cutoff: cutoff,
                               perturbation: Composite.Perturbation(runs: runs, seed: seed)) { m, u in
            values[Int(u)][m.quantity == .indicator("gdp") ? 0 : 1]
        }.scores
    }

    @Test func normalisesRanksAndBreaksTiesCompetitionStyle() {
        let s = scores(runs: 0)
        // Normalised: x = 100, 0, 70, 10; y = 0, 100, 70, 10 → totals 50, 50, 70, 10.
        #expect(s.map(\.total) == [50, 50, 70, 10])
        #expect(s.map(\.rank) == [2, 2, 1, 4])
        #expect(s.map(\.selected) == [false, false, true, false], "--top 1 selects the first")
    }

    @Test func stabilityShowsWhichRanksDependOnTheWeights() {
        let s = scores()
        // Units 0 and 1 trade places as the weights move (at most 62.5 each); unit 2 (70) leads under every weighting within ±25 %.
        #expect(s[0].rankRange == 2...3 && s[1].rankRange == 2...3)
        #expect(s[2].rankRange == 1...1 && s[2].selectedShare == 1)
        #expect(s[3].rankRange == 4...4 && s[3].selectedShare == 0)
        for x in s { #expect(x.rankRange!.contains(x.rank!)) }
    }

    @Test func theSameSeedGivesTheSameRangesAndAnotherMayNot() {
        let a = scores(cutoff: .share(0.5)), b = scores(cutoff: .share(0.5))
        #expect(a.map(\.selectedShare) == b.map(\.selectedShare))
        let c = scores(seed: 99, cutoff: .share(0.5))
        #expect(c.map(\.rankRange) == a.map(\.rankRange), "ranges are a property of the data, not of the seed")
        #expect(a[0].selectedShare! > 0 && a[0].selectedShare! < 1, "unit 0 is in the top half under some weightings only")
    }

    @Test func aUnitWithoutAnyDataForADimensionIsNotScored() {
        let s = scores(runs: 0, values: [[10, 0], [0, nil], [7, 7], [1, 1]])
        #expect(s[1].total == nil && s[1].rank == nil)
        #expect(s[1].missing.map(\.en) == ["y"])
        #expect(s.compactMap(\.rank).sorted() == [1, 2, 3])
    }
}
