import Foundation
import CIECore
import Testing

@Suite struct ThresholdTests {
    @Test func atLeastIsMetExactlyAtTheBoundaryAndNotJustBelow() {
        var w = World()
        w.set(w.countyA1, "science_literacy_rate", [2020: 4.5])
        w.set(w.countyA2, "science_literacy_rate", [2020: 4.49])
        w.set(w.countyB1, "science_literacy_rate", [2020: 4.5 * (1 - 1e-12)])
        let r = w.run(target(.atLeast(.indicator("science_literacy_rate"), 4.5)), year: 2020)
        #expect(r["990121"]?.status == .met)
        #expect(r["990122"]?.status == .notMet)
        #expect(r["990221"]?.status == .met, "within the 1e-9 relative tolerance")
        #expect(r["990102"]?.status == .noData)
        #expect(r["990122"]!.gap! < 0)
        #expect(r["990102"]!.detail.zh.contains("science_literacy_rate"))
        #expect(r["990102"]!.detail.zh.contains("2020"))
    }

    @Test func atMostAndRangeAbovePlan() {
        var w = World()
        w.set(w.countyA1, "incubators", [2020: 5])
        w.set(w.countyA2, "incubators", [2020: 2])
        w.set(w.countyB1, "incubators", [2020: 0])
        let atMost = w.run(target(.atMost(.indicator("incubators"), 2)), year: 2020)
        #expect(atMost["990121"]?.status == .notMet)
        #expect(atMost["990122"]?.status == .met)
        let range = w.run(target(.range(.indicator("incubators"), 1, 3)), year: 2020)
        #expect(range["990121"]?.status == .met)
        #expect(range["990121"]!.detail.en.contains("above plan"))
        #expect(range["990122"]?.status == .met)
        #expect(!range["990122"]!.detail.en.contains("above plan"))
        #expect(range["990221"]?.status == .notMet)
    }

    @Test func existsTakesFlagsAndCounts() {
        var w = World()
        w.set(w.countyA1, "innovation_leading_group", [2020: 1])
        w.set(w.countyA2, "innovation_leading_group", [2020: 0])
        let r = w.run(target(.exists(.indicator("innovation_leading_group"))), year: 2020)
        #expect(r["990121"]?.status == .met)
        #expect(r["990122"]?.status == .notMet)
        #expect(r["990221"]?.status == .noData)
    }

    @Test func allNeedsEveryPart() {
        var w = World()
        w.set(w.countyA1, "tech_transfer_institutions", [2020: 1])
        w.set(w.countyA1, "tech_market_service_institutions", [2020: 2])
        w.set(w.countyA2, "tech_transfer_institutions", [2020: 1])
        w.set(w.countyA2, "tech_market_service_institutions", [2020: 0])
        w.set(w.countyB1, "tech_transfer_institutions", [2020: 3])
        let c = Condition.all([.atLeast(.indicator("tech_transfer_institutions"), 1), .atLeast(.indicator("tech_market_service_institutions"), 1)])
        let r = w.run(target(c), year: 2020)
        #expect(r["990121"]?.status == .met)
        #expect(r["990122"]?.status == .notMet)
        #expect(r["990221"]?.status == .noData)
    }
}

@Suite struct PathConditionTests {
    @Test func nonDecreasingAcceptsFlatButIncreasingDoesNot() {
        var w = World()
        w.set(w.countyA1, "fiscal_st_expenditure", [2017: 100, 2018: 110, 2019: 110, 2020: 120])
        w.set(w.countyA2, "fiscal_st_expenditure", [2017: 100, 2018: 90, 2019: 130, 2020: 140])
        w.set(w.countyB1, "fiscal_st_expenditure", [2017: 100, 2019: 130, 2020: 140])
        let nd = w.run(target(.nonDecreasing(.indicator("fiscal_st_expenditure")), deadline: nil, baseline: 2017), year: 2020)
        #expect(nd["990121"]?.status == .met)
        #expect(nd["990122"]?.status == .notMet)
        #expect(nd["990122"]!.detail.zh.contains("2017→2018"))
        #expect(nd["990221"]?.status == .noData)
        #expect(nd["990221"]!.detail.zh.contains("2018"), "names the missing year")
        let inc = w.run(target(.increasing(.indicator("fiscal_st_expenditure")), deadline: nil, baseline: 2017), year: 2020)
        #expect(inc["990121"]?.status == .notMet, "flat 2018→2019 is not an increase")
        // Before the deadline a path condition is still met / not_met, never on or off track.
        let early = w.run(target(.increasing(.indicator("fiscal_st_expenditure")), deadline: 2022, baseline: 2017), year: 2020)
        #expect(early["990121"]?.status == .notMet)
    }

    @Test func aProvenFallIsNotMetEvenWithAGapAndTheGapIsNamed() {
        var w = World()
        w.set(w.countyA1, "fiscal_st_expenditure", [2017: 100, 2018: 90, 2020: 95])
        let r = w.run(target(.nonDecreasing(.indicator("fiscal_st_expenditure")), deadline: nil, baseline: 2017), year: 2020)
        #expect(r["990121"]?.status == .notMet)
        #expect(r["990121"]!.detail.zh.contains("2019"))
        w.set(w.province, "st_personnel_to_grassroots", [2018: 250, 2020: 400])
        let e = w.run(target(.everyYearAtLeast(.indicator("st_personnel_to_grassroots"), 300), scope: .jurisdiction, baseline: 2018), year: 2020)
        #expect(e["990000"]?.status == .notMet)
        #expect(e["990000"]!.detail.zh.contains("2019"), "names the missing year too")
    }

    @Test func everyYearAtLeastUsesTheAreaValueAndNamesFailingYears() {
        var w = World()
        w.set(w.province, "st_personnel_to_grassroots", [2018: 320, 2019: 305, 2020: 298])
        let t = target(.everyYearAtLeast(.indicator("st_personnel_to_grassroots"), 300), scope: .jurisdiction, baseline: 2018)
        let r = w.run(t, year: 2020)
        #expect(r["990000"]?.status == .notMet)
        #expect(r["990000"]!.detail.zh.contains("2020: 298"))
        #expect(w.run(t, year: 2019)["990000"]?.status == .met)
        #expect(w.run(t, year: 2017)["990000"]?.status == .notApplicable)
    }

    @Test func everyYearAtLeastSumsUnitsWhenTheAreaHasNoValue() {
        var w = World()
        for (u, v) in [(w.countyA1, 100.0), (w.countyA2, 100), (w.districtA3, 60), (w.countyB1, 50)] { w.set(u, "st_personnel_to_grassroots", [2018: v]) }
        let t = target(.everyYearAtLeast(.indicator("st_personnel_to_grassroots"), 300), scope: .jurisdiction, baseline: 2018)
        #expect(w.run(t, year: 2018)["990000"]?.status == .met)
        #expect(w.run(t, year: 2018)["990000"]?.observed == 310)
    }
}

@Suite struct GrowthTests {
    @Test func avgAnnualIncreaseInPercentagePoints() {
        var w = World()
        w.set(w.countyA1, "hitech_output_share", [2015: 20, 2020: 25])
        w.set(w.countyA2, "hitech_output_share", [2015: 20, 2020: 24.9])
        let r = w.run(target(.avgAnnualIncrease(.indicator("hitech_output_share"), 1), baseline: 2015), year: 2020)
        #expect(r["990121"]?.status == .met)
        #expect(r["990121"]?.observed == 1)
        #expect(r["990122"]?.status == .notMet)
        #expect(r["990221"]?.status == .noData)
    }

    @Test func avgAnnualIncreaseBeforeTheDeadlineReportsTheProgressRatio() {
        var w = World()
        w.set(w.countyA1, "hitech_output_share", [2015: 20, 2018: 22.88])  // 0.96 pp a year: R = 0.96
        w.set(w.countyA2, "hitech_output_share", [2015: 20, 2018: 22.7])   // 0.9 pp a year: R = 0.9
        let r = w.run(target(.avgAnnualIncrease(.indicator("hitech_output_share"), 1), baseline: 2015), year: 2018)
        #expect(r["990121"]?.status == .onTrack)
        #expect(abs(r["990121"]!.progress! - 0.96) < 1e-9)
        #expect(r["990122"]?.status == .offTrack)
        #expect(abs(r["990122"]!.progress! - 0.9) < 1e-9)
    }

    @Test func multipleOfTheBaselineAndCompoundProgress() {
        var w = World()
        w.set(w.countyA1, "hitech_enterprises", [2015: 10, 2020: 20])
        w.set(w.countyA2, "hitech_enterprises", [2015: 10, 2020: 19])
        w.set(w.countyB1, "hitech_enterprises", [2015: 10, 2018: 15])
        let t = target(.multiple(.indicator("hitech_enterprises"), 2), baseline: 2015)
        let r = w.run(t, year: 2020)
        #expect(r["990121"]?.status == .met)
        #expect(r["990122"]?.status == .notMet)
        let early = w.run(t, year: 2018)
        // CAGR 2015→2018 of 1.5× is 14.47%; doubling in 5 years needs 14.87%: R ≈ 0.973, on track.
        #expect(early["990221"]?.status == .onTrack)
        #expect(abs(early["990221"]!.progress! - (pow(1.5, 1.0 / 3) - 1) / (pow(2.0, 1.0 / 5) - 1)) < 1e-9)
    }
}

@Suite struct ProgressTests {
    @Test func onAndOffTrackBeforeTheDeadline() {
        var w = World()
        w.set(w.countyA1, "science_literacy_rate", [2018: 4.0, 2019: 4.3])   // 0.3/yr, needs 0.25: R = 1.2
        w.set(w.countyA2, "science_literacy_rate", [2018: 4.0, 2019: 4.05])  // R = 0.2
        w.set(w.countyB1, "science_literacy_rate", [2019: 4.2])              // one year only
        let r = w.run(target(.atLeast(.indicator("science_literacy_rate"), 4.5)), year: 2019)
        #expect(r["990121"]?.status == .onTrack)
        #expect(abs(r["990121"]!.progress! - 1.2) < 1e-9)
        #expect(r["990122"]?.status == .offTrack)
        #expect(abs(r["990122"]!.progress! - 0.2) < 1e-9)
        #expect(r["990221"]?.status == .noData)
        #expect(r["990221"]!.detail.en.contains("two years"))
    }

    @Test func theTargetsOwnBaselineIsUsedWhenDeclared() {
        var w = World()
        w.set(w.countyA1, "science_literacy_rate", [2016: 2.0, 2017: 4.0, 2019: 4.3])
        // From 2017: (4.3-4.0)/2 = 0.15 a year; needs (4.5-4.0)/3 = 0.1667: R = 0.9, off track.
        let r = w.run(target(.atLeast(.indicator("science_literacy_rate"), 4.5), baseline: 2017), year: 2019)
        #expect(r["990121"]?.status == .offTrack)
        #expect(abs(r["990121"]!.progress! - 0.9) < 1e-9)
    }

    @Test func existsAndRangeNotYetMetAreOffTrack() {
        var w = World()
        w.set(w.countyA1, "incubators", [2019: 0])
        #expect(w.run(target(.exists(.indicator("incubators"))), year: 2019)["990121"]?.status == .offTrack)
        #expect(w.run(target(.range(.indicator("incubators"), 1, 2)), year: 2019)["990121"]?.status == .offTrack)
    }

    @Test func pastTheDeadlineTheDetailSaysWhetherTheDeadlineYearMet() {
        var w = World()
        w.set(w.countyA1, "incubators", [2020: 0, 2021: 2])
        let r = w.run(target(.atLeast(.indicator("incubators"), 1)), year: 2021)
        #expect(r["990121"]?.status == .met)
        #expect(r["990121"]!.detail.zh.contains("截止年 2020 年：未达标"))
    }

    @Test func noDeadlineMeansNotMetRatherThanOffTrack() {
        var w = World()
        w.set(w.countyA1, "incubators", [2019: 0])
        #expect(w.run(target(.atLeast(.indicator("incubators"), 1), deadline: nil), year: 2019)["990121"]?.status == .notMet)
    }
}
