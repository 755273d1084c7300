import CIECore
import CIEData
import Testing

/// A policy of 浙江省 with the targets these tests need.
struct ZhejiangTestPolicy: PolicyModule {
    var targets: [Target]
    var continuousSeries: [String] = []
    var id: String { "zj-test" }
    var name: LocalizedText { LocalizedText("浙江省") }
    var document: PolicyDocument {
        PolicyDocument(number: "测试〔2019〕1号", title: "测试", issuer: "测试", issued: "2019", status: .inForce, jurisdictionCode: "330000")
    }
}

/// Units exist in their years: counts and sums over a jurisdiction take the units of the year; a comparison across a
/// merge or split, or with a year before a unit was set up, is not made.
@Suite struct EvaluationOverTimeTests {
    func context(_ csv: String, regions: String? = nil) throws -> EvaluationContext {
        var loader = makeLoader()
        if let regions { _ = try loader.load(regions, name: "regions.csv").get() }
        _ = try loader.load(csv, name: "data.csv").get()
        return EvaluationContext(regions: loader.regions, catalogue: loader.catalogue, store: loader.store)
    }

    func units(of year: Int) -> [String] {
        let t = BuiltinRegions.table
        return t.units(under: t.index(code: "330000")!, in: year).filter { t.type(of: $0) != .zone }.map { t[$0].nearestRecord(to: year).code }
    }

    func target(_ c: Condition, scope: Scope = .county, baseline: Int? = nil, deadline: Int? = 2022) -> Target {
        Target(id: "T-1", title: LocalizedText("t"), clause: "一", original: "原文", scope: scope, condition: c, deadline: deadline,
               baseline: baseline, strength: .binding)
    }

    @Test func aUnitSetUpLaterIsNotMissingBefore() throws {
        // One incubator in each unit of 2018 (89 units; 龙港市 came in 2019): the province total is known exactly.
        let csv = "region,year,indicator,value\n" + units(of: 2018).map { "\($0),2018,incubators,1" }.joined(separator: "\n")
        let c = try context(csv)
        let sum = Evaluator(context: c, policy: ZhejiangTestPolicy(targets: [])).value(of: .indicator("incubators"), c.regions.index(code: "330000")!, 2018)
        #expect(sum == 89)
        let share = target(.share(of: .atLeast(.indicator("incubators"), 1), among: nil, atLeastPercent: 100), scope: .jurisdiction, deadline: 2018)
        let r = Evaluator(context: c, policy: ZhejiangTestPolicy(targets: [share])).evaluate(year: 2018)
        #expect(r.count == 1 && r[0].status == .met && r[0].detail.zh.contains("89 个单位中 89 个满足"))
        // Every unit of the year is a result, and only those.
        let perUnit = Evaluator(context: c, policy: ZhejiangTestPolicy(targets: [target(.atLeast(.indicator("incubators"), 1), deadline: 2018)])).evaluate(year: 2018)
        #expect(perUnit.count == 89 && perUnit.allSatisfy { $0.status == .met })
    }

    @Test func aComparisonAcrossAMergeIsNoData() throws {
        let csv = """
            region,year,indicator,value
            330102,2018,hitech_enterprises,100
            330102,2022,hitech_enterprises,400
            330114,2022,hitech_enterprises,50
            330127,2018,hitech_enterprises,10
            330127,2022,hitech_enterprises,30
            """
        let growth = target(.multiple(.indicator("hitech_enterprises"), 2), baseline: 2018)
        let results = Evaluator(context: try context(csv), policy: ZhejiangTestPolicy(targets: [growth])).evaluate(year: 2022)
        let by = Dictionary(uniqueKeysWithValues: results.map { (BuiltinRegions.table[$0.region].code, $0) })
        // 上城区 took in most of 江干区 in 2021: 2018 and 2022 measure different areas.
        #expect(by["330102"]?.status == .noData)
        #expect(by["330102"]?.detail.zh.contains("2021") == true && by["330102"]?.detail.zh.contains("江干区") == true)
        // 钱塘区 was set up in 2021 from 江干区 and 萧山区: it has no 2018.
        #expect(by["330114"]?.status == .noData && by["330114"]?.detail.zh.contains("2021 年设立") == true)
        #expect(by["330114"]?.detail.zh.contains("江干区") == true && by["330114"]?.detail.zh.contains("萧山区") == true)
        // 淳安县 has no change: compared as usual.
        #expect(by["330127"]?.status == .met)
        // The data may say its series is on the new boundaries; so may the module.
        let continuous = try context(csv, regions: "code,name,series\n330102,上城区,continuous\n")
        let joined = Evaluator(context: continuous, policy: ZhejiangTestPolicy(targets: [growth])).evaluate(year: 2022)
        #expect(joined.first { continuous.regions[$0.region].code == "330102" }?.status == .met)
        let byModule = Evaluator(context: try context(csv), policy: ZhejiangTestPolicy(targets: [growth], continuousSeries: ["330102"])).evaluate(year: 2022)
        #expect(byModule.first { BuiltinRegions.table[$0.region].code == "330102" }?.status == .met)
    }

    @Test func aRenameKeepsTheSeries() throws {
        // 湟中县 630122 in 2018, 湟中区 630106 in 2020: one unit, compared across the rename.
        struct Qinghai: PolicyModule {
            var targets: [Target]
            var id: String { "qh-test" }
            var name: LocalizedText { LocalizedText("青海省") }
            var document: PolicyDocument {
                PolicyDocument(number: "测试", title: "测试", issuer: "测试", issued: "2018", status: .inForce, jurisdictionCode: "630000")
            }
        }
        let c = try context("region,year,indicator,value\n630122,2018,hitech_enterprises,10\n630106,2020,hitech_enterprises,25\n")
        let r = Evaluator(context: c, policy: Qinghai(targets: [target(.multiple(.indicator("hitech_enterprises"), 2), baseline: 2018, deadline: 2020)]))
            .evaluate(year: 2020).first { c.regions[$0.region].code == "630106" }
        #expect(r?.status == .met && r?.observed == 25)
    }

    @Test func yearOnYearRulesDoNotCompareAcrossABreak() throws {
        let c = try context("region,year,indicator,value\n330102,2020,gdp,100\n330102,2021,gdp,300\n330127,2020,gdp,10\n330127,2021,gdp,11\n")
        let e = Evaluator(context: c, policy: ZhejiangTestPolicy(targets: []))
        #expect(e.yearOnYear(.indicator("gdp"), c.regions.index(code: "330102")!, 2021) == nil)
        #expect(e.yearOnYear(.indicator("gdp"), c.regions.index(code: "330127")!, 2021)?.now == 11)
    }

    @Test func everyYearSkipsTheYearsBeforeAUnitExisted() throws {
        let c = try context("region,year,indicator,value\n330383,2019,incubators,1\n330383,2020,incubators,2\n")
        let each = target(.everyYearAtLeast(.indicator("incubators"), 1), baseline: 2018, deadline: nil)
        let r = Evaluator(context: c, policy: ZhejiangTestPolicy(targets: [each])).evaluate(year: 2020)
            .first { c.regions[$0.region].code == "330383" }
        #expect(r?.status == .met && r?.detail.zh.contains("2018 年该单位尚未设立") == true)
    }
}
