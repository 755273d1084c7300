import CIECore
@testable import CIEData
import Testing

/// Files as statistical offices publish them: each layout rule of Layout.swift, the mapping, rejected rows.
@Suite struct LayoutTests {
    /// The yearbook table of the issue: `Area,Province,<indicators>`, a Unit row, a section row, county names with
    /// province labels, a Remark row, notes, no year column.
    static let yearbook = """
        2020年县域主要社会经济指标

        Area,Province,地区生产总值,规模以上工业企业单位数,户籍人口,R&D经费支出(万元)
        Unit,,亿元,个,万人,
        青海省,,,,,
        大通回族土族自治县,青海,123.4567,45,45.6,3200
        湟源县,青海省,45.6789,12,13.2,800
        Remark,本表数据为示例
        注：本表为示例
        资料来源：青海统计年鉴

        """

    @Test func aYearbookTableLoadsAsPublished() throws {
        var loader = makeLoader()
        let f = try loader.load(LayoutTests.yearbook).get()
        #expect(f.kind == .wideCSV && f.years == 2020...2020)
        // The units row: 亿元 → 万元, 万人 → 人; names as yearbooks print them are catalogue indicators.
        #expect(loader.value("630121", "gdp", 2020) == 1_234_567)
        #expect(loader.value("630121", "above_scale_industrial_enterprises", 2020) == 45)
        #expect(loader.value("630123", "registered_population", 2020) == 132_000)
        #expect(loader.value("630123", "rd_expenditure", 2020) == 800)
        #expect(f.customIndicators.isEmpty && f.observations == 8)
        // The title's year is said, and so is the layout.
        #expect(f.diagnostics.contains { $0.severity == .note && $0.line == 1 && $0.text.zh.contains("标题中的年份 2020") })
        let layout = try #require(f.diagnostics.first { $0.text.zh.hasPrefix("版式") })
        #expect(layout.line == 3)
        for part in ["其上 1 行为标题", "第 4 行为单位行", "1 行分节", "跳过 3 行注释"] { #expect(layout.text.zh.contains(part), "\(layout.text.zh)") }
        // Label columns are never values; each column says what it was read as.
        #expect(f.columns.first { $0.header == "Province" }?.meaning.en.contains("province label") == true)
        #expect(f.columns.first { $0.header == "户籍人口" }?.meaning.zh.contains("万人 → 人") == true)
    }

    @Test func givenYearWinsOverTheTitleAndAFileWithNeitherSaysWhatToDo() throws {
        var loader = makeLoader()
        _ = try loader.load(bytes: Array(LayoutTests.yearbook.utf8), name: "y.csv", settings: LoadSettings(year: 2019)).get()
        #expect(loader.value("630121", "gdp", 2019) == 1_234_567 && loader.value("630121", "gdp", 2020) == nil)
        let d = diagnostics(loadOnce("地区,地区生产总值,代码\n大通县,1,630121\n"))
        #expect(d.count == 1 && d[0].line == 1)
        #expect(d[0].text.zh.contains("没有年份列") && d[0].text.zh.contains("--year 2020") && d[0].text.zh.contains("地区（第 1 列）"))
    }

    @Test func aProvinceLabelThatContradictsTheNameIsOneError() {
        let text = "Area,Province,地区生产总值\n罗定市,广西,12\n大通县,青海省,5\n"
        let d = diagnostics(loadOnce(bytes: Array(text.utf8), name: "l.csv", settings: LoadSettings(year: 2020)))
        #expect(d.filter { $0.severity == .error }.count == 1)
        #expect(d.first?.line == 2 && d.first?.text.zh.contains("罗定市 (445381)，在广东省") == true)
    }

    @Test func sectionRowsScopeTheNamesBelowThem() throws {
        // 城中区 is in 西宁 and in 柳州 (and more): the section row decides, with no label column.
        var loader = makeLoader()
        let f = try loader.load("地区,年份,地区生产总值\n广西壮族自治区,,\n城中区,2020,7\n青海省,,\n城中区,2020,9\n").get()
        #expect(f.observations == 2)
        #expect(loader.value("450202", "gdp", 2020) == 7 && loader.value("630103", "gdp", 2020) == 9)
    }

    @Test(arguments: [
        ("Remark,本表数据为示例", true), ("注：本表为示例", true), ("注1：含开发区", true), ("资料来源：统计局", true),
        ("Notes: provisional", true), (",,,", true), ("注册资本,2020,1", false), ("Sourceville,2020,1", false),
    ])
    func noteAndBlankRowsAreSkippedAndDataRowsAreNot(row: String, skipped: Bool) {
        var loader = makeLoader()
        let result = loader.load("region,year,gdp\n630121,2020,1\n\(row)\n")
        if skipped {
            #expect((try? result.get())?.observations == 1, "\(row)")
        } else {
            #expect(!diagnostics(result).isEmpty, "\(row)")
        }
    }

    @Test func oneMessagePerBadColumnNotOnePerCell() {
        var text = "地区,年份,地区生产总值,所属片区\n"
        for (n, code) in ["630121", "630123", "630102", "630103", "630104", "630105"].enumerated() { text += "\(code),2020,\(n + 1),东部片区\n" }
        let d = diagnostics(loadOnce(text))
        #expect(d.count == FileParse.cellsShownPerColumn + 1)
        let summary = d.first { $0.line == 1 }
        #expect(summary?.text.zh.contains("共 6 个值无法读取") == true && summary?.text.zh.contains("--skip-column '所属片区'") == true)
    }

    @Test func mappingNamesWhatNoRuleCanGuess() throws {
        var loader = makeLoader()
        let text = "县名,年份,GDP,企业数,片区\n大通县,2020,5,3,东部\n"
        let settings = LoadSettings(columns: ["县名": "region", "企业数": "hitech_enterprises"], skipColumns: ["片区"])
        let f = try loader.load(bytes: Array(text.utf8), name: "m.csv", settings: settings).get()
        #expect(loader.value("630121", "gdp", 2020) == 5 && loader.value("630121", "hitech_enterprises", 2020) == 3)
        #expect(Set(f.columns.filter(\.mapped).map(\.header)) == ["企业数", "片区", "县名"])
        // A mapping that names no column of the header is an error that lists the header.
        let d = diagnostics(loadOnce(bytes: Array(text.utf8), name: "m.csv", settings: LoadSettings(columns: ["地区生产总值": "gdp"])))
        #expect(d.contains { $0.text.zh.contains("映射的列“地区生产总值”不在表头中") && $0.text.zh.contains("县名、年份、GDP") })
    }

    @Test func badRowsAreSetAsideOnlyOnRequest() throws {
        let text = "region,year,gdp,hitech_enterprises\n大通县,2020,100,3\n湟源县,2020,abc,2\n不存在县,2020,5,1\n湟中区,2020,7,1.5\n平安区,2020,8\n"
        #expect(diagnostics(loadOnce(text)).filter { $0.severity == .error }.count == 4)
        var loader = makeLoader()
        let f = try loader.load(bytes: Array(text.utf8), name: "b.csv", settings: LoadSettings(skipBadRows: true)).get()
        #expect(f.rows == 1 && f.rejects.map(\.line) == [3, 4, 5, 6])
        #expect(f.rejects[0].cells == ["湟源县", "2020", "abc", "2"] && f.rejects[3].problems[0].text.en.contains("ragged"))
        // A rejected row writes none of its values, not even its good cells.
        #expect(loader.value("630123", "hitech_enterprises", 2020) == nil && loader.value("630106", "gdp", 2020) == nil)
        #expect(loader.value("630121", "gdp", 2020) == 100)
    }

    @Test func aConflictRejectsItsWholeRow() throws {
        var loader = makeLoader()
        _ = try loader.load("region,year,gdp\n大通县,2020,100\n", name: "a.csv").get()
        let f = try loader.load(bytes: Array("region,year,gdp,hitech_enterprises\n大通县,2020,999,4\n".utf8), name: "b.csv",
                                settings: LoadSettings(skipBadRows: true)).get()
        #expect(f.rejects.count == 1 && f.rejects[0].problems[0].text.en.contains("already loaded"))
        #expect(loader.value("630121", "gdp", 2020) == 100 && loader.value("630121", "hitech_enterprises", 2020) == nil)
    }

    @Test func aNationalListLoadsTheRowsOfOneJurisdiction() throws {
        var loader = makeLoader()
        let zhejiang = try #require(loader.regions.index(code: "330000"))
        let text = "第二批创新型县(市)建设名单\n序号,名称,国家创新型县(市、区)\n1,浙江省嘉善县,是\n2,江苏省昆山市,是\n3,山东省荣成市,是\n4,浙江省安吉县,是\n"
        let f = try loader.load(bytes: Array(text.utf8), name: "n.csv", settings: LoadSettings(year: 2022, within: zhejiang)).get()
        #expect(f.observations == 2 && f.outsideRows == 2 && f.rows == 2)
        #expect(loader.value("330421", "national_innovative_county", 2022) == 1)
        // Without the filter the whole list loads: every province's names resolve.
        var all = makeLoader()
        #expect(try all.load(bytes: Array(text.utf8), name: "n.csv", settings: LoadSettings(year: 2022)).get().observations == 4)
    }

    @Test func aCodeIsTheKeyAndANameBesideItMustAgree() throws {
        // 桥西区 names two units of 河北 in 2020 (邢台's became 信都区): with its code the row is 石家庄's, and the name agrees.
        var loader = makeLoader()
        _ = try loader.load("代码,地区,年份,地区生产总值(万元)\n130104,桥西区,2020,5\n630121,大通回族土族自治县,2020,6\n").get()
        #expect(loader.value("130104", "gdp", 2020) == 5 && loader.value("630121", "gdp", 2020) == 6)
        let d = diagnostics(loadOnce("代码,地区,年份,地区生产总值\n630121,湟源县,2020,5\n"))
        #expect(d.count == 1 && d[0].line == 2 && d[0].column == 8 && d[0].text.zh.contains("名称“湟源县”与代码不符：代码是 大通回族土族自治县"))
    }

    @Test func headerRulesAreOneForEveryPath() throws {
        // A quoted regions header is a regions file, for the load order as for the parse.
        let regions = FileBytes(Array("\"code\",\"name\",\"prefecture\",\"type\"\n\"639901\",\"测试新区\",\"630100\",\"zone\"\n".utf8))
        #expect(DataLoader.looksLikeRegionsFile(regions, name: "r.csv"))
        // So is one under a title.
        #expect(DataLoader.looksLikeRegionsFile(FileBytes(Array("功能区名单\ncode,name,prefecture,type\n639901,测试新区,630100,zone\n".utf8)), name: "r.csv"))
        // An empty indicator cell is an error, not a custom indicator named "".
        let d = diagnostics(loadOnce("region,year,indicator,value\n大通县,2020,,5\n"))
        #expect(d.count == 1 && d[0].line == 2 && d[0].text.en.contains("empty indicator"))
    }
}
