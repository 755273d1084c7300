import CIECore
import CIEData
import CIEPolicyFormat
import Testing

/// 吉政办发〔2018〕51号: the zones of 一(一), the sample and the evaluation ranked within zones.
@Suite struct JilinPackageTests {
    let policy: PolicyPackage
    static let zones = ["东部绿色转型发展区", "中部创新转型核心区", "西部生态经济区"]

    init() throws { policy = try Builtin.package("吉林") }

    /// The three zones in the text's order, each a list of county-level units covering the province's 60 units once.
    /// Per county, not per prefecture (english.jl.gov.cn, 2019-11-28): 农安县 and 双辽市 west, 桦甸市 and 磐石市 east.
    @Test func zones() throws {
        #expect(policy.groupOrder == Self.zones)
        let all = Self.zones.flatMap { policy.groups[$0] ?? [] }
        let table = BuiltinRegions.table
        let jilin = try #require(table.index(code: "220000"))
        #expect(all.count == 60 && Set(all) == Set(table.units(under: jilin, in: 2024).filter { table.type(of: $0) != .zone }.map { table[$0].code }))
        func zone(_ code: String) -> String? { Self.zones.first { policy.isMember(table.index(code: code)!, of: $0, in: table, year: 2020) } }
        #expect(zone("220122") == "西部生态经济区" && zone("220382") == "西部生态经济区")
        #expect(zone("220282") == "东部绿色转型发展区" && zone("220284") == "东部绿色转型发展区")
        #expect(zone("220381") == "中部创新转型核心区", "公主岭市 by its code before 2020 (四平) as by its code of today (长春)")
        #expect(Self.zones.map { policy.groups[$0]!.count } == [23, 25, 12], "the west has 12 units")
    }

    @Test func designedOutcomes() throws {
        let context = try Builtin.context(policy, files: ["Samples/jilin/jilin_2017_2020.csv"])
        let r = Builtin.results(policy, context, year: 2020), r2019 = Builtin.results(policy, context, year: 2019)
        let covered: Set<String> = ["220602", "220605", "220621", "220622", "220623", "220681", "220302", "220303", "220322", "220323", "220382",
                                    "220402", "220403", "220421", "220422", "220802", "220821", "220822", "220881", "220882"]
        func inSample(_ t: String, _ s: Status) -> Set<String> { statuses(r, t, s).intersection(covered) }
        #expect(statuses(r, "JL-01", .notMet) == ["220605", "220403", "220822"] && inSample("JL-01", .noData) == ["220623"])
        #expect(r["JL-01"]?["220382"]?.status == .met && r["JL-01"]?["220382"]?.detail.en.contains("above plan") == true)
        #expect(r2019["JL-01"]?["220605"]?.status == .offTrack, "before the deadline a shortfall is off track")
        #expect(statuses(r, "JL-02", .notMet) == ["220622", "220821"] && inSample("JL-02", .noData) == ["220882"])
        #expect(statuses(r, "JL-03", .notMet) == ["220323", "220422", "220681"])
        #expect(r["JL-03"]?["220323"]?.detail.en.contains("did not rise") == true, "flat fails 稳步增长")
        #expect(r["JL-03"]?["220821"]?.status == .met, "the fall 2017→2018 is before the 2018 base")
        #expect(inSample("JL-03", .noData) == ["220882"] && inSample("JL-03", .met).count == 16)
        #expect(statuses(r, "JL-04", .notMet) == ["220605", "220303", "220403", "220802", "220822"] && inSample("JL-04", .noData) == ["220623"])
        #expect(r["JL-05"]?["220000"]?.status == .met && r2019["JL-05"]?["220000"]?.status == .offTrack)
    }

    @Test func eachZoneIsRankedOnItsOwn() throws {
        let context = try Builtin.context(policy, files: ["Samples/jilin/jilin_2017_2020.csv"])
        let (review, rows) = try Builtin.rows(policy, "evaluation", context, year: 2020)
        let byZone = Dictionary(grouping: review.rows.filter { $0.score != nil }, by: { $0.group?.zh ?? "" })
        #expect(Set(byZone.keys).isSubset(of: Set(Self.zones)) && byZone.count >= 2)
        for (zone, zoneRows) in byZone {
            #expect(zoneRows.contains { $0.rank == 1 }, "\(zone) has its own first place")
            #expect(zoneRows.filter { $0.verdict == "priority" }.count == Composite.Cutoff.share(0.2).size(of: zoneRows.count))
        }
        #expect(rows["220621"]?.group?.zh == "东部绿色转型发展区", "抚松县 (白山市) is in the east")
        let (level, _) = try Builtin.rows(policy, "evaluation", context, year: 2020, options: ["--weights", "level=1,progress=0", "--runs", "0"])
        #expect(level.method.en.contains("level=1, progress=0") && level.rows.map(\.score) != review.rows.map(\.score))
        #expect(throws: ReviewError.self) { try Builtin.rows(policy, "evaluation", context, year: 2020, options: ["--weights", "speed=1"]) }
    }
}

/// 内蒙古's draft for comment: marked as a draft everywhere, IM-01 read every year since 2018, and the sample.
@Suite struct InnerMongoliaPackageTests {
    let policy: PolicyPackage

    init() throws { policy = try Builtin.package("内蒙古") }

    @Test func documentIsADraft() {
        #expect(policy.document.status == .draft && policy.document.number.isEmpty && policy.document.jurisdictionCode == "150000")
        #expect(!policy.document.title.contains("征求意见稿"), "the status adds the marker wherever the document is shown, once")
        for t in policy.targets {
            #expect(t.deadline == nil, "\(t.id) has a deadline")
            #expect(t.reading?.zh.contains("征求意见稿") == true && t.reading?.en.contains("draft for comment") == true)
        }
    }

    @Test func designedOutcomes() throws {
        let context = try Builtin.context(policy, files: ["Samples/inner-mongolia/inner-mongolia_2018_2020.csv"])
        let r = Builtin.results(policy, context, year: 2020), r2019 = Builtin.results(policy, context, year: 2019)
        let covered: Set<String> = ["150102", "150103", "150104", "150105", "150121", "150122", "150123", "150124", "150125",
                                    "152201", "152202", "152221", "152222", "152223", "152224"]
        func inSample(_ t: String, _ s: Status) -> Set<String> { statuses(r, t, s).intersection(covered) }
        let im01 = r["IM-01"]?["150000"]
        #expect(im01?.status == .notMet && im01?.observed == 1480 && im01?.gap == -20, "about 1,500: 20 short is reported")
        #expect(r2019["IM-01"]?["150000"]?.status == .met, "1,520 in 2018 and 1,610 in 2019")
        #expect(statuses(r, "IM-02", .notMet) == ["150103", "150125", "152202"] && inSample("IM-02", .noData) == ["152222"])
        #expect(statuses(r, "IM-03", .notMet) == ["150104"])
        #expect(statuses(r, "IM-04", .notMet) == ["150125", "152224"] && r["IM-04"]?["150124"]?.status == .met)
        #expect(statuses(r, "IM-05", .notMet) == ["150102", "150103", "150104"] && inSample("IM-05", .noData) == ["152202"])
        #expect(r["IM-05"]?["150102"]?.strength == .encouraged)
        #expect(statuses(r, "IM-06", .notMet) == ["150123", "152224"] && r["IM-06"]?["150102"]?.status == .met)
        #expect(inSample("IM-06", .noData) == ["152222"] && inSample("IM-06", .met).count == 12)
        #expect(r["IM-07"]?["150000"]?.status == .met && r2019["IM-07"]?["150000"]?.status == .noData)
    }

    /// Fidelity: “每年引导1500名左右” holds every year since 2018, as QH-08's “每年引导３００名” does: a short 2018 fails
    /// 2019 even with 1,600 in 2019.
    @Test func im01CountsEveryYearSinceTheDocument() throws {
        let context = try Builtin.context(policy, csv: "region,year,indicator,value\n150000,2018,st_personnel_to_grassroots,1200\n150000,2019,st_personnel_to_grassroots,1600\n")
        let r = Builtin.results(policy, context, year: 2019)["IM-01"]?["150000"]
        #expect(r?.status == .notMet && r?.detail.zh.contains("2018") == true, "\(r?.detail.zh ?? "")")
        #expect(policy.target("IM-01")?.baseline == 2018 && policy.target("QH-08") == nil)
    }
}
