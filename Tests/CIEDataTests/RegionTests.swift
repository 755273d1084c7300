import CIECore
import CIEData
import Foundation
import Testing

/// The shipped table: every division of China 1981–2024 with its lifetime, and the statistical zones.
@Suite struct NationalTableTests {
    let t = BuiltinRegions.table
    func unit(_ code: String) -> RegionIndex { t.index(code: code)! }

    @Test func everyDivisionOf2024() {
        let all = (0..<RegionIndex(t.count))
        let counties = all.filter { t[$0].type.isUnit && t.type(of: $0) != .zone && t.exists($0, in: 2024) }
        #expect(counties.count == 2846, "民政部's list of 2024 has 2,846 county-level units")
        #expect(all.filter { t[$0].type == .prefecture && t.exists($0, in: 2024) }.count == 333)
        let provinces = all.filter { t[$0].type == .province }
        #expect(provinces.count == 34, "31 provinces, 香港, 澳门 and 台湾")
        for p in provinces where !["710000", "810000", "820000"].contains(t[p].code) {
            #expect(!t.units(under: p, in: 2024).isEmpty, "\(t[p].name) has county-level units")
        }
        #expect(all.filter { t.type(of: $0) == .zone && t[$0].until == nil }.count >= 133)
    }

    @Test func unitsHaveLifetimesAndRecords() {
        let longgang = t[unit("330383")]
        #expect(longgang.from == 2019 && longgang.until == nil)
        let jianggan = t[unit("330104")]
        #expect(jianggan.from == 1983 && jianggan.until == 2021)
        // 湟中县 632124 (海东) → 湟中县 630122 (西宁, 1999) → 湟中区 630106 (2019): one unit whose series continues.
        let huangzhong = t[unit("630106")]
        #expect(huangzhong.records.map(\.code) == ["632124", "630122", "630106"])
        #expect(huangzhong.record(in: 2018)?.name == "湟中县" && huangzhong.record(in: 2020)?.name == "湟中区")
        #expect(unit("630122") == unit("630106"))
        // 公主岭市 moved from 四平 to 长春 in 2020 (and changed its code).
        let gongzhuling = unit("220184")
        #expect(t.prefecture(of: gongzhuling, in: 2019) == unit("220300"))
        #expect(t.prefecture(of: gongzhuling, in: 2020) == unit("220100"))
    }

    @Test func theUnitsOfAYear() {
        let zhejiang = unit("330000")
        let u2018 = t.units(under: zhejiang, in: 2018).map { t[$0].nearestRecord(to: 2018).code }
        #expect(u2018.count == 89 && u2018.contains("330102") && u2018.contains("330104") && !u2018.contains("330383"))
        let u2022 = t.units(under: zhejiang, in: 2022).filter { t.type(of: $0) != .zone }.map { t[$0].code }
        #expect(u2022.count == 90 && u2022.contains("330114") && !u2022.contains("330104"))
    }

    @Test func codesResolveToTheUnitOfTheirYear() {
        #expect(t.resolve("330104", year: 2018) == .found(unit("330104"), former: nil))
        guard case .notInUse(2022, let gone) = t.resolve("330104", year: 2022) else {
            Issue.record("江干区 is no unit in 2022")
            return
        }
        let why = t.explainNotInUse("330104", year: 2022, units: gone)
        #expect(why.zh.contains("2021") && why.zh.contains("上城区") && why.zh.contains("钱塘区") && why.zh.contains("浙政发〔2021〕7号"))
        #expect(why.en.contains("abolished in 2021"))
        guard case .notInUse(2018, let notYet) = t.resolve("330383", year: 2018) else {
            Issue.record("龙港市 is no unit in 2018")
            return
        }
        let first = t.explainNotInUse("330383", year: 2018, units: notYet)
        #expect(first.zh.contains("2019 年设立") && first.zh.contains("苍南县"))
        // A one-to-one rename: the old code in a later year, the new code in an earlier one, both the same unit.
        guard case .found(let u, let former?) = t.resolve("630122", year: 2020) else {
            Issue.record("湟中县 630122 in 2020 is 湟中区")
            return
        }
        #expect(u == unit("630106") && former.record.code == "630122")
        #expect(t.resolve("630106", year: 2016).unit == unit("630106"))
        #expect(t.resolve("632301", year: 2018).unit == unit("632301"), "同仁市 under its code of today for the year of 同仁县")
    }

    @Test func namesAsAnalystsWriteThem() {
        let jiashan = unit("330421")
        for name in ["嘉善县", "浙江省嘉善县", "浙江嘉善县", "嘉兴市嘉善县", "嘉兴嘉善", "浙江省嘉兴市嘉善县"] {
            #expect(t.resolve(name, year: 2020) == .found(jiashan, former: nil), "\(name)")
        }
        #expect(t.resolve("河北省黄骅市").unit == unit("130983"))
        #expect(t.resolve("黄骅市", year: 2020, within: unit("130000")).unit == unit("130983"))
        #expect(t.resolve("黄骅市", year: 2020, within: unit("370000")) == .outside(unit("370000"), [unit("130983")]))
        #expect(t.resolve("大通县").unit == unit("630121") && t.resolve("大通回族土族自治县").unit == unit("630121"))
        #expect(t.resolve("鄂温克旗").unit == unit("150724") && t.resolve("西宁市城中区").unit == unit("630103"))
        #expect(t.resolve("高区").unit == unit("371071"))
        // A province's short name before a prefecture's stem; two stems alike are ambiguous.
        #expect(t.resolve("吉林").unit == unit("220000") && t.resolve("河南").unit == unit("410000"))
        #expect(t.resolve("吉林市船营区").unit == unit("220204"))
        guard case .ambiguous(let tonghua) = t.resolve("通化"), case .ambiguous(let chengzhong) = t.resolve("城中区", year: 2020),
              case .ambiguous(let datong) = t.resolve("大通") else {
            Issue.record("通化, 城中区 and 大通 each name several units")
            return
        }
        #expect(Set(tonghua.map { t[$0].code }) == ["220500", "220521"])
        #expect(Set(chengzhong.map { t[$0].code }) == ["630103", "450202"])
        #expect(Set(datong.map { t[$0].code }) == ["630121", "340402"])
        // The file's context decides: a file of 青海 units means 西宁's 城中区.
        guard case .found(let u, let f?) = t.resolve("城中区", year: 2020, context: [unit("630000")]) else {
            Issue.record("城中区 in a file of 青海 units is 630103")
            return
        }
        #expect(u == unit("630103") && f.byContext)
    }

    @Test func statisticalUnitsAreZones() {
        #expect(t.type(of: unit("632857")) == .zone && t[unit("632857")].name == "大柴旦行政委员会")
        #expect(t.resolve("大柴旦").unit == unit("632857") && t.resolve("大柴旦行委").unit == unit("632857"))
        #expect(t.resolve("长春高新区").unit == unit("220173"))
        #expect(t.prefecture(of: unit("632857")) == unit("632800"))
    }

    @Test func didYouMeanSearchesTheCountryAndPrefersTheJurisdiction() {
        let anywhere = t.suggestions(for: "大通镇").map { t[$0].code }
        #expect(anywhere.contains("630121") && anywhere.contains("340402"))
        #expect(t.suggestions(for: "大通镇", preferring: unit("340000")).first.map { t[$0].code } == "340402")
        #expect(t.suggestions(for: "大通镇", preferring: unit("630000")).first.map { t[$0].code } == "630121")
    }

    /// The generator's short-name rules and `RegionNames` (which names units a regions file declares) agree on every
    /// shipped record; and every shipped name is a lookup key as it stands (the table is read without normalising).
    @Test func shortNameRulesAreTheGenerators() {
        var differ: [String] = []
        for region in t.regions where !region.isUserDefined {
            for r in region.records where r.type != .zone {
                if RegionNames.aliases(of: r.name, type: r.type) != r.aliases { differ.append("\(r.code) \(r.name): \(r.aliases)") }
                for n in [r.name] + r.aliases.map({ String(Region.aliasName($0)) }) where IndicatorCatalogue.key(n) != n {
                    differ.append("\(r.code) \(n) is not a key")
                }
            }
        }
        #expect(differ.isEmpty, "\(differ.prefix(10))")
    }

    @Test func seriesBreakWhereAreasChanged() {
        let changes = t.changes
        #expect(t[unit("330102")].breakYears == [2021], "上城区 took in most of 江干区")
        #expect(t.breaks(of: unit("330105"), after: 2000, through: 2024) == [2021], "拱墅区 took in 下城区")
        #expect(t.breaks(of: unit("630106"), after: 2015, through: 2020).isEmpty, "a rename is no break")
        #expect(t.breaks(of: unit("220100"), after: 2018, through: 2020) == [2020], "公主岭 moved into 长春")
        #expect(t.breaks(of: unit("220300"), after: 2018, through: 2020) == [2020], "and out of 四平")
        #expect(changes.causes(ofBreakIn: 2020, of: unit("220300"), in: t).contains { $0.fromCode == "220381" && $0.toCode == "220184" })
        #expect(changes.causes(ofBreakIn: 2021, of: unit("330102"), in: t).contains { $0.fromCode == "330104" })
        #expect(changes.successors(of: unit("520221"), until: 2020)?.units.map { t[$0].code }.sorted() == ["520201", "520204"],
                "水城县 went to 钟山区 and 水城区")
        #expect(changes.predecessors(of: unit("330114"), from: 2021)?.units.map { t[$0].code }.sorted() == ["330104", "330109"])
    }
}

/// Data as published in its own year: units of that year, former codes, names with their province.
@Suite struct LoadingOverTimeTests {
    func loader() -> DataLoader { makeLoader() }

    @Test func hangzhouAsPublishedIn2018() throws {
        var l = loader()
        let f = try l.load("region,year,indicator,value\n330102,2018,gdp,100\n330104,2018,gdp,200\n330103,2018,gdp,300\n").get()
        #expect(f.observations == 3)
        #expect(l.value("330102", "gdp", 2018) == 100 && l.value("330104", "gdp", 2018) == 200)
        #expect(l.regions.index(code: "330102") != l.regions.index(code: "330104"), "two units, not one given twice")
    }

    @Test func aCodeAfterItsAreaWasSplitIsAnErrorNamingTheSuccessors() {
        var l = loader()
        let d = diagnostics(l.load("region,year,indicator,value\n330102,2022,gdp,1\n330104,2022,gdp,2\n"))
        #expect(d.count == 1 && d[0].line == 3 && d[0].column == 1)
        #expect(d[0].message.contains("2021") && d[0].message.contains("上城区") && d[0].message.contains("钱塘区"))
        #expect(d[0].text.zh.contains("撤销") && d[0].text.zh.contains("钱塘区"))
        #expect(l.store.isEmpty)
        let shuicheng = diagnostics(l.load("region,year,indicator,value\n520221,2020,gdp,1\n"))
        #expect(shuicheng.first?.message.contains("钟山区") == true && shuicheng.first?.message.contains("水城区") == true)
    }

    @Test func aCodeBeforeItsFirstYearIsAnErrorGivingTheYear() {
        var l = loader()
        let d = diagnostics(l.load("region,year,indicator,value\n330383,2018,gdp,1\n"))
        #expect(d.count == 1 && d[0].message.contains("set up in 2019") && d[0].text.zh.contains("2019 年设立"))
        #expect(diagnostics(l.load("region,year,indicator,value\n330383,2019,gdp,1\n")).isEmpty)
    }

    @Test func aFormerCodeResolvesWithANote() throws {
        var l = loader()
        let f = try l.load("region,year,indicator,value\n630122,2020,gdp,5\n630122,2021,gdp,6\n").get()
        #expect(l.value("630106", "gdp", 2020) == 5)
        let notes = f.diagnostics.filter { $0.severity == .note }
        #expect(notes.count == 1 && notes[0].line == 2)
        #expect(notes[0].text.zh.contains("湟中区") && notes[0].text.zh.contains("2 个") && notes[0].text.en.contains("renamed in 2019"))
        #expect(notes[0].render(.zh).hasPrefix("t.csv:2:1: note: "))
    }

    @Test func namesWithTheirProvinceOrPrefecture() throws {
        var l = loader()
        let text = "region,year,indicator,value\n浙江省嘉善县,2020,gdp,1\n嘉兴市海盐县,2020,gdp,2\n河北省黄骅市,2020,gdp,3\n"
        _ = try l.load(text).get()
        #expect(l.value("330421", "gdp", 2020) == 1 && l.value("330424", "gdp", 2020) == 2 && l.value("130983", "gdp", 2020) == 3)
    }

    @Test func aProvinceColumnLabelsAndChecksTheUnit() throws {
        var l = loader()
        _ = try l.load("地区,省份,年份,指标,数值\n黄骅市,河北省,2020,gdp,1\n城中区,广西壮族自治区,2020,gdp,2\n").get()
        #expect(l.value("130983", "gdp", 2020) == 1 && l.value("450202", "gdp", 2020) == 2, "the label decides 城中区")
        let wrong = diagnostics(l.load("地区,省份,年份,指标,数值\n黄骅市,山东省,2020,gdp,1\n"))
        #expect(wrong.count == 1 && wrong[0].message.contains("黄骅市 (130983) is in 河北省"))
        let unknown = diagnostics(l.load("地区,省份,年份,指标,数值\n黄骅市,火星,2020,gdp,1\n"))
        #expect(unknown.first?.column == 5 && unknown.first?.message.contains("not a province") == true)
        // A wide file takes the label too, and never reads it as an indicator.
        var w = loader()
        let f = try w.load("地区,省份,年份,gdp\n朝阳区,北京市,2020,7\n朝阳区,吉林省,2020,8\n").get()
        #expect(f.customIndicators.isEmpty && w.value("110105", "gdp", 2020) == 7 && w.value("220104", "gdp", 2020) == 8)
    }

    @Test func aSharedNameIsDecidedByTheFilesOtherUnits() throws {
        var l = loader()
        let f = try l.load("region,year,indicator,value\n城东区,2020,gdp,1\n城中区,2020,gdp,2\n大通县,2020,gdp,3\n").get()
        #expect(l.value("630103", "gdp", 2020) == 2)
        #expect(f.diagnostics.contains { $0.severity == .note && $0.message.contains("城中区") && $0.message.contains("青海省") })
        // Alone, it names two units: an error listing both, with their provinces.
        let alone = diagnostics(l.load("region,year,indicator,value\n城中区,2020,gdp,2\n"))
        #expect(alone.count == 1 && alone[0].message.contains("630103, 青海省") && alone[0].message.contains("450202, 广西壮族自治区"))
    }

    @Test func everyUnitOf2024WithoutARegionsFile() throws {
        let t = BuiltinRegions.table
        let codes = (0..<RegionIndex(t.count)).filter { t[$0].type.isUnit && t.type(of: $0) != .zone && t.exists($0, in: 2024) }.map { t[$0].code }
        var text = "region,year,indicator,value\n"
        for c in codes { text += "\(c),2024,incubators,1\n" }
        var l = loader()
        let f = try l.load(text).get()
        #expect(f.observations == 2846 && f.diagnostics.isEmpty)
        let china = l.regions.regions.indices.filter { l.store.hasData(RegionIndex($0)) }
        #expect(china.count == 2846)
    }

    @Test func regionsFilesDeclarePrefecturesAndUnitsWithShortNames() throws {
        var l = loader()
        let regions = """
            code,name,prefecture,type,groups
            XX0100,试验市,河北省,prefecture,
            XX0121,长寿回族自治县,XX0100,county,试点
            """
        let f = try l.load(regions, name: "regions.csv").get()
        #expect(f.kind == .regionsCSV && f.regionsAdded == 2)
        _ = try l.load("region,year,indicator,value\n长寿县,2020,gdp,1\n试验市长寿,2020,incubators,2\n").get()
        #expect(l.value("XX0121", "gdp", 2020) == 1 && l.value("XX0121", "incubators", 2020) == 2)
        let u = try #require(l.regions.index(code: "XX0121"))
        #expect(l.regions.prefecture(of: u) == l.regions.index(code: "XX0100") && l.regions.province(of: u) == l.regions.index(code: "130000"))
    }

    @Test func restatingAKnownCodeWithAnotherTypeOrPrefectureIsAnError() throws {
        var l = loader()
        let type = diagnostics(l.load("code,name,prefecture,type\n630121,大通,630100,district\n", name: "r.csv"))
        #expect(type.count == 1 && type[0].message.contains("is a county in the region table, not a district") && type[0].column == 18)
        let parent = diagnostics(l.load("code,name,prefecture,type\n630121,大通,630200,county\n", name: "r.csv"))
        #expect(parent.count == 1 && parent[0].message.contains("belongs to 西宁市 (630100), not 海东市 (630200)"))
        // The same account, with groups and another name, merges.
        _ = try l.load("code,name,prefecture,type,groups\n630121,大通,西宁市,county,试点\n", name: "r.csv").get()
        #expect(l.regions[l.regions.index(code: "630121")!].groups == ["试点"])
    }
}

@Suite struct LoaderSuggestionTests {
    /// "Did you mean" in a load offers the current policy's units first; what a name resolves to never changes.
    @Test func suggestionsPreferThePolicysJurisdiction() {
        let t = BuiltinRegions.table
        var anhui = makeLoader()
        anhui.preferredArea = t.index(code: "340000")
        let a = diagnostics(anhui.load("region,year,indicator,value\n大通镇,2020,gdp,1\n"))
        #expect(a.first?.message.contains("did you mean 大通区 (340402, 安徽省)") == true, "\(a)")
        var qinghai = makeLoader()
        qinghai.preferredArea = t.index(code: "630000")
        let q = diagnostics(qinghai.load("region,year,indicator,value\n大通镇,2020,gdp,1\n"))
        #expect(q.first?.message.contains("did you mean 大通回族土族自治县 (630121, 青海省)") == true, "\(q)")
    }

    /// "Did you mean" searches every name in the country: a file of many unknown names gets it for the first 50 only,
    /// and a bad name repeated on every row is reported on every row, its message written once.
    @Test func manyUnknownNamesStayCheap() {
        let t = BuiltinRegions.table
        let names = (0..<RegionIndex(t.count)).filter { t[$0].type == .county && t[$0].until == nil }.prefix(60)
            .map { String(t[$0].name.dropLast()) + "镇" }
        var text = "region,year,indicator,value\n"
        for n in names { text += "\(n),2020,gdp,1\n\(n),2021,gdp,1\n" }
        var l = makeLoader()
        let d = diagnostics(l.load(text))
        #expect(d.count == 120)
        #expect(d.prefix(100).allSatisfy { $0.message.contains("did you mean") }, "the first 50 names, each on two rows")
        #expect(d.suffix(20).allSatisfy { !$0.message.contains("did you mean") })
    }
}
