import CIECore
import Testing

@Suite struct ScopeAndAggregationTests {
    @Test func prefectureScopeCountsFlagsAndKeepsBoundsWhenSomeAreMissing() {
        var w = World()
        w.set(w.countyA1, "innovation_pilot_county", [2020: 1])
        w.set(w.countyA2, "innovation_pilot_county", [2020: 0])
        // districtA3 unknown; prefecture B has no data at all.
        let r = w.run(target(.range(.indicator("innovation_pilot_county"), 1, 2), scope: .prefecture), year: 2020)
        #expect(r["990100"]?.status == .met, "one known pilot already reaches 1")
        #expect(r["990100"]?.observed == 1)
        #expect(r["990200"]?.status == .noData)
        #expect(r["990200"]!.detail.zh.contains("四县"), "names the unit without data")
        #expect(r["990100"]?.unit == .ge, "a flag aggregates to a count")
    }

    @Test func jurisdictionValueGivenForTheAreaWinsOverTheSum() {
        var w = World()
        w.set(w.province, "hitech_enterprises", [2020: 500])
        w.set(w.countyA1, "hitech_enterprises", [2020: 10])
        let r = w.run(target(.atLeast(.indicator("hitech_enterprises"), 400), scope: .jurisdiction), year: 2020)
        #expect(r["990000"]?.status == .met)
        #expect(r["990000"]?.observed == 500)
    }

    @Test func prefectureValuesCountTowardsTheJurisdiction() {
        var w = World()
        w.set(w.prefA, "st_personnel_to_grassroots", [2020: 200])
        w.set(w.countyB1, "st_personnel_to_grassroots", [2020: 150])
        let r = w.run(target(.atLeast(.indicator("st_personnel_to_grassroots"), 300), scope: .jurisdiction), year: 2020)
        #expect(r["990000"]?.status == .met)
        #expect(r["990000"]?.observed == 350)
    }

    @Test func sumOverUnitsDecidesOnlyWhenTheKnownPartSuffices() {
        var w = World()
        w.set(w.countyA1, "incubators", [2020: 30])
        w.set(w.countyA2, "incubators", [2020: 25])
        let met = w.run(target(.atLeast(.indicator("incubators"), 50), scope: .jurisdiction), year: 2020)
        #expect(met["990000"]?.status == .met)
        let unknown = w.run(target(.atLeast(.indicator("incubators"), 60), scope: .jurisdiction), year: 2020)
        #expect(unknown["990000"]?.status == .noData)
        w.set(w.districtA3, "incubators", [2020: 1])
        w.set(w.countyB1, "incubators", [2020: 1])
        #expect(w.run(target(.atLeast(.indicator("incubators"), 60), scope: .jurisdiction), year: 2020)["990000"]?.status == .notMet)
    }

    @Test func derivedRatiosAreRecomputedFromTheirParts() {
        var w = World()
        w.set(w.countyA1, "rd_expenditure", [2020: 30])
        w.set(w.countyA1, "gdp", [2020: 1000])
        w.set(w.countyA2, "rd_expenditure", [2020: 10])
        w.set(w.countyA2, "gdp", [2020: 1000])
        w.set(w.districtA3, "rd_intensity", [2020: 9])  // given directly: used as is for the unit
        let r = w.run(target(.atLeast(.indicator("rd_intensity"), 2.5)), year: 2020)
        #expect(r["990121"]?.status == .met)
        #expect(r["990121"]?.observed == 3)
        #expect(r["990122"]?.status == .notMet)
        #expect(r["990102"]?.observed == 9)
        // Prefecture A: parts of the district are missing, so the ratio is not aggregated.
        let p = w.run(target(.atLeast(.indicator("rd_intensity"), 1), scope: .prefecture), year: 2020)
        #expect(p["990100"]?.status == .noData)
    }

    @Test func ratiosWithoutPartsAreNotAggregated() {
        var w = World()
        for u in [w.countyA1, w.countyA2, w.districtA3, w.countyB1] { w.set(u, "science_literacy_rate", [2020: 6]) }
        #expect(w.run(target(.atLeast(.indicator("science_literacy_rate"), 4.5), scope: .jurisdiction), year: 2020)["990000"]?.status == .noData)
    }

    @Test func shareOfUnitsWithBounds() {
        var w = World()
        w.set(w.countyA1, "provincial_hitech_zones", [2020: 1])
        w.set(w.countyA2, "provincial_agri_parks", [2020: 2])
        w.set(w.districtA3, "provincial_hitech_zones", [2020: 0])
        w.set(w.districtA3, "provincial_agri_parks", [2020: 0])
        let c = Condition.share(of: .atLeast(.sum([.indicator("provincial_hitech_zones"), .indicator("provincial_agri_parks")]), 1),
                                among: nil, atLeastPercent: 70)
        // 2 of 4 yes, 1 no, 1 unknown: between 50% and 75%: undecided.
        #expect(w.run(target(c, scope: .jurisdiction), year: 2020)["990000"]?.status == .noData)
        w.set(w.countyB1, "provincial_agri_parks", [2020: 1])
        let r = w.run(target(c, scope: .jurisdiction), year: 2020)
        #expect(r["990000"]?.status == .met)
        #expect(r["990000"]?.observed == 75)
        let strict = Condition.share(of: .atLeast(.sum([.indicator("provincial_hitech_zones"), .indicator("provincial_agri_parks")]), 1),
                                     among: nil, atLeastPercent: 80)
        #expect(w.run(target(strict, scope: .jurisdiction), year: 2020)["990000"]?.status == .notMet)
    }

    @Test func shareOfTotalHeldByCountiesProper() {
        var w = World()
        w.set(w.province, "hitech_enterprises", [2020: 100])
        w.set(w.countyA1, "hitech_enterprises", [2020: 30])
        w.set(w.countyA2, "hitech_enterprises", [2020: 20])
        w.set(w.countyB1, "hitech_enterprises", [2020: 10])
        w.set(w.districtA3, "hitech_enterprises", [2020: 40])
        let r = w.run(target(.atLeast(.shareOfTotal("hitech_enterprises", held: .countyProper), 60), scope: .jurisdiction), year: 2020)
        #expect(r["990000"]?.observed == 60)
        #expect(r["990000"]?.status == .met)
    }
}

@Suite struct FilterTests {
    @Test func flagFilterIsNotApplicableWhenFalseAndNoDataWhenUnknown() {
        var w = World()
        w.set(w.countyA1, "innovation_pilot_county", [2020: 1])
        w.set(w.countyA1, "innovation_pilot_towns", [2020: 2])
        w.set(w.countyA2, "innovation_pilot_county", [2020: 0])
        let r = w.run(target(.range(.indicator("innovation_pilot_towns"), 1, 3), filter: .flag("innovation_pilot_county")), year: 2020)
        #expect(r["990121"]?.status == .met)
        #expect(r["990122"]?.status == .notApplicable)
        #expect(r["990221"]?.status == .noData)
    }

    @Test func countyProperExcludesDistrictsAndGroupsComeFromRegionsOrTheModule() {
        var w = World()
        for u in [w.countyA1, w.countyA2, w.districtA3, w.countyB1] { w.set(u, "incubators", [2020: 1]) }
        let proper = w.run(target(.atLeast(.indicator("incubators"), 1), filter: .countyProper), year: 2020)
        #expect(proper["990102"]?.status == .notApplicable)
        #expect(proper["990121"]?.status == .met)
        let region = w.run(target(.atLeast(.indicator("incubators"), 1), filter: .group("加快发展县")), year: 2020)
        #expect(region["990122"]?.status == .met)
        #expect(region["990121"]?.status == .notApplicable)
        let module = w.run(target(.atLeast(.indicator("incubators"), 1), filter: .group("名单")), year: 2020)
        #expect(module["990121"]?.status == .met)
        #expect(module["990122"]?.status == .notApplicable)
    }

    @Test func aModuleThatNamesAnUnknownIndicatorGetsErrorResultsNotACrash() {
        let w = World()
        let r = w.run(target(.atLeast(.indicator("no_such_indicator"), 1)), year: 2020)
        #expect(r["990121"]?.status == .error)
        #expect(r["990121"]!.detail.en.contains("no_such_indicator"))
    }
}

@Suite struct ComplianceTests {
    @Test func verdictsCountBindingAndStrivingOnly() throws {
        var w = World()
        w.set(w.countyA1, "incubators", [2020: 1])
        w.set(w.countyA2, "incubators", [2020: 0])
        w.set(w.countyA1, "st_service_center", [2020: 0])
        let policy = TestPolicy(targets: [
            target(.atLeast(.indicator("incubators"), 1)),
            Target(id: "T-2", title: LocalizedText("t"), clause: "一", original: "鼓励", scope: .county,
                   condition: .exists(.indicator("st_service_center")), deadline: 2020, strength: .encouraged),
        ])
        let review = try ComplianceReviewer().review(policy, context: w.context, year: 2020, options: ReviewOptions())
        var verdicts: [String: String] = [:]
        for row in review.rows { verdicts[w.regions[row.region].code] = row.verdict }
        #expect(verdicts["990121"] == "compliant", "an unmet encouraged target is advice")
        #expect(verdicts["990122"] == "non_compliant")
        #expect(verdicts["990221"] == "incomplete")
    }
}

@Suite struct StoreTests {
    @Test func valuesSurviveReshapingAcrossYearsAndRegions() {
        var w = World()
        w.set(w.countyA1, "gdp", [2020: 1])
        w.set(w.countyB1, "gdp", [2010: 2, 2025: 3])
        let extra = w.regions.add(Region(code: "990123", name: "新县", type: .county, parent: w.prefA, isUserDefined: true))
        w.set(extra, "gdp", [2015: 4])
        let gdp = w.catalogue.index(of: "gdp")
        #expect(w.store.value(gdp, w.countyA1, 2020) == 1)
        #expect(w.store.value(gdp, w.countyB1, 2010) == 2)
        #expect(w.store.value(gdp, w.countyB1, 2025) == 3)
        #expect(w.store.value(gdp, extra, 2015) == 4)
        #expect(w.store.value(gdp, w.countyA1, 2019) == nil)
        #expect(w.store.count(of: gdp) == 4)
        #expect(w.store.latestYear == 2025)
        #expect(w.store.years(gdp, w.countyB1) == [2010, 2025])
    }

    @Test func toleranceIsRelative() {
        #expect(Tolerance.atLeast(4.5 - 4e-9, 4.5))
        #expect(!Tolerance.atLeast(4.5 - 1e-7, 4.5))
        #expect(Tolerance.atLeast(1_000_000 - 0.0009, 1_000_000))
        #expect(!Tolerance.atLeast(-.infinity, 4.5))
        #expect(Tolerance.atMost(300 + 1e-8, 300))
    }
}
