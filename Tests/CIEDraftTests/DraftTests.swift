import CIEBuiltinPolicies
import CIECommands
import CIECore
import CIEData
@testable import CIEDraft
import CIEPolicyFormat
import Foundation
import Testing

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func builtin(_ id: String) throws -> PolicyPackage {
    let catalogue = PolicyCatalogue.builtin()
    return try catalogue.package(try #require(catalogue.entry(named: id)))
}

/// Drafts a text and reads the draft back as a package (as `policy lint` would).
func drafted(_ text: PolicyText, region: String? = nil, id: String = "draft-test", prefix: String = "DR") throws -> (Draft, PolicyPackage) {
    let draft = try Drafter.draft(text, catalogue: .shipped, regions: BuiltinRegions.table, region: region, file: "t.txt")
    let package = try draft.package(id: id, prefix: prefix, source: "t.txt", regions: BuiltinRegions.table, version: "test").get().package
    return (draft, package)
}

/// A small document around one sentence: a 主要目标 section that sets the year 2020, then the sentence in 二(三).
func document(_ sentence: String, goals: String = "到2020年，县域创新驱动发展环境明显改善。") -> PolicyText {
    PolicyText("""
        四川省人民政府办公厅关于推动县域创新驱动发展的实施意见
        川办发〔2018〕60号
        一、总体要求
        （二）主要目标。\(goals)
        二、主要任务
        （三）加强创新载体建设。\(sentence)
        """)
}

func proposals(_ sentence: String, goals: String = "到2020年，县域创新驱动发展环境明显改善。") throws -> [Target] {
    try drafted(document(sentence, goals: goals)).1.targets.filter { $0.clause == "二(三)" }
}

/// Docs/Drafting.md's measured table: each document's draft against its package.
@Suite struct TheFiveDocumentsTests {
    static let ids = ["qinghai", "zhejiang", "weihai", "inner-mongolia", "jilin"]

    static func score(_ id: String) throws -> (DraftScore, PolicyPackage) {
        let reference = try builtin(id)
        // The draft for comment names no place in its title or signature: its region is given, as a user would.
        let (_, draft) = try drafted(PolicyText(reference.text), region: id == "inner-mongolia" ? "150000" : nil, id: id)
        return (DraftScore(draft: draft, reference: reference), draft)
    }

    @Test(arguments: ids)
    func findsNearlyEveryTargetInItsClause(id: String) throws {
        let (score, _) = try Self.score(id)
        #expect(score.recall >= 0.95, "\(id): \(score.summary(.en))\n\(score.misses(.en).joined(separator: "\n"))")
    }

    @Test(arguments: ids)
    func theDraftLintsAsDraftsOnly(id: String) throws {
        let (_, draft) = try Self.score(id)
        let problems = PackageChecks.lint(draft)
        #expect(!problems.isEmpty)
        for p in problems where p.severity == .error {
            #expect(p.text.en.contains("is a draft (draft: true)"), "\(id): \(p.render(.en))")
        }
        #expect(draft.targets.allSatisfy { $0.isDraft })
        #expect(draft.targets.allSatisfy { $0.reading?.zh.hasPrefix("草拟依据") == true }, "each says why")
    }

    @Test func thePartsAgreeAsTheIssueAims() throws {
        var found: [DraftScore.Pair] = []
        var total = 0
        var scores: [DraftScore] = []
        for id in Self.ids {
            let (s, _) = try Self.score(id)
            found += s.found
            total += s.pairs.count
            scores.append(s)
        }
        #expect(total >= 53)
        func share(_ part: DraftScore.Part) -> Double {
            Double(found.filter { p in scores.contains { $0.agrees(part, p) } }.count) / Double(found.count)
        }
        #expect(Double(found.count) / Double(total) >= 0.95)
        #expect(share(.threshold) >= 0.9)
        #expect(share(.deadline) >= 0.9)
        #expect(share(.strength) >= 0.85)
    }

    @Test func theDocumentIsRead() throws {
        let (d, _) = try drafted(PolicyText(try builtin("qinghai").text))
        #expect(d.document.number == "青政办〔2018〕6号")
        #expect(d.document.title == "青海省人民政府办公厅关于推动县域创新驱动发展的实施意见")
        #expect(d.document.issuer == "青海省人民政府办公厅")
        #expect(d.document.issued == "2018-01-12")
        #expect(BuiltinRegions.table[d.document.jurisdiction].code == "630000")
        #expect(d.document.mainYear == 2020)
        let (z, _) = try drafted(PolicyText(try builtin("zhejiang").text))
        #expect(z.document.number == "浙政办发〔2019〕11号" && z.document.issued == "2019-02-21" && z.document.mainYear == 2022)
        #expect(BuiltinRegions.table[z.document.jurisdiction].code == "330000")
        let (w, _) = try drafted(PolicyText(try builtin("weihai").text))
        #expect(w.document.number == "威政办发〔2018〕32号" && w.document.issued == "2018-11-08" && w.document.mainYear == 2020, "到“十三五”末")
        #expect(BuiltinRegions.table[w.document.jurisdiction].code == "371000")
        let (i, _) = try drafted(PolicyText(try builtin("inner-mongolia").text), region: "内蒙古自治区")
        #expect(i.document.status == .draft && i.document.number.isEmpty && i.document.title == "关于促进县域创新驱动发展的实施意见")
        #expect(i.proposals.allSatisfy { $0.deadline == nil }, "the draft for comment sets no year")
    }

    @Test func aTextThatNamesNoPlaceNeedsARegion() throws {
        let text = PolicyText(try builtin("inner-mongolia").text)
        #expect(throws: DraftError.self) { try drafted(text) }
        do {
            _ = try drafted(text)
        } catch let e as DraftError {
            #expect(e.text.zh.contains("--region"))
        }
    }
}

/// Each pattern kind of Docs/Drafting.md, with sentences of the seed texts.
@Suite struct PatternTests {
    @Test func aShareOfUnits() throws {
        let t = try #require(try proposals("全省７０％以上的县（市、区）建设省级高新技术产业开发区或农业科技园区。").first)
        #expect(t.condition == .share(of: .atLeast(.sum([.indicator("provincial_hitech_zones"), .indicator("provincial_agri_parks")]), 1), among: nil, atLeastPercent: 70))
        #expect(t.scope == .jurisdiction && t.deadline == 2020 && t.strength == .binding)
        #expect(t.original == "全省７０％以上的县（市、区）建设省级高新技术产业开发区或农业科技园区", "quoted as printed, full-width digits kept")
    }

    @Test func coverage() throws {
        let t = try #require(try proposals("全省各县（市、区）实现众创空间或创业园等创业孵化器全覆盖。").first)
        #expect(t.condition == .atLeast(.indicator("incubators"), 1) && t.scope == .county)
        let z = try proposals("鼓励企业加大研发投入,实现规模以上工业企业研发活动、研发机构、发明专利全覆盖。")
        #expect(z.map(\.condition) == ["above_scale_with_rd_activity", "above_scale_with_rd_institution", "above_scale_with_invention_patent"].map {
            .atLeast(.percent(.indicator($0), of: .indicator("above_scale_industrial_enterprises")), 100)
        })
        #expect(z.allSatisfy { $0.strength == .encouraged }, "鼓励 opening the sentence governs")
    }

    @Test func aCountRange() throws {
        let t = try proposals("全省各市（州）创建１—２个科技创新驱动试点县（市、区），每个试点县（市、区）创建１—３个试点乡镇。")
        #expect(t.count == 2)
        #expect(t[0].condition == .range(.indicator("innovation_pilot_county"), 1, 2) && t[0].scope == .prefecture)
        #expect(t[1].condition == .range(.indicator("innovation_pilot_towns"), 1, 3) && t[1].scope == .county && t[1].filter == .flag("innovation_pilot_county"))
        let j = try #require(try proposals("引领支撑各县(市、区)加快形成1-2个特色鲜明、具有区域竞争力的产业集群。").first)
        #expect(j.condition == .range(.indicator("characteristic_industrial_clusters"), 1, 2) && j.scope == .county)
    }

    @Test func numbersWithUnits() throws {
        let z = try proposals("实施科技企业“双倍增”行动计划,力争到2022年高新技术企业和科技型中小企业分别达到2万家和6万家,其中县域占比逐年提高。")
        #expect(z.map(\.condition) == [.atLeast(.indicator("hitech_enterprises"), 20000), .atLeast(.indicator("st_smes"), 60000),
                                       .increasing(.shareOfTotal("hitech_enterprises", held: .countyProper)), .increasing(.shareOfTotal("st_smes", held: .countyProper))])
        #expect(z.allSatisfy { $0.strength == .striving && $0.deadline == 2022 && $0.scope == .jurisdiction }, "\(z.map { ($0.strength, $0.deadline, $0.scope) })")
        let w = try proposals("技术交易额达到 35 亿元，省级以上创新平台达到 330 个，其中国家级创新平台 30 个。")
        #expect(w.map(\.condition) == [.atLeast(.indicator("tech_contract_turnover"), 350_000), .atLeast(.indicator("innovation_platforms_provincial_plus"), 330),
                                       .atLeast(.indicator("innovation_platforms_national"), 30)], "亿元 → 万元")
        let q = try #require(try proposals("争取１个以上成为国家创新型县（市、区）、创新型乡镇。").first)
        #expect(q.condition == .atLeast(.sum([.indicator("national_innovative_county"), .indicator("national_innovative_towns")]), 1) && q.strength == .striving)
        let k = try #require(try proposals("到 2020 年达到千人规模。").first)
        #expect(k.condition.numbers == [1000])
    }

    @Test func percentages() throws {
        let t = try proposals("全省各县县域经济社会发展初步实现由资源驱动向创新驱动转变，具备基本科学素质的公民比例达到４.５％以上。")
        #expect(t.map(\.condition) == [.atLeast(.indicator("science_literacy_rate"), 4.5)] && t.first?.scope == .county)
        let m = try #require(try proposals("全省县（市、区）科技进步贡献率的平均水平达到55%以上。").first)
        #expect(m.condition == .atLeast(.mean(.indicator("st_progress_contribution"), over: nil, weightedBy: nil), 55) && m.scope == .jurisdiction)
        let a = try proposals("各区市规模以上工业企业研发投入占 GDP 比重年均提高 0.1 个百分点，全市科技进步贡献率年均增长 1.5 个百分点。")
        #expect(a.map(\.condition) == [.avgAnnualIncrease(.indicator("above_scale_industrial_rd_intensity"), 0.1), .avgAnnualIncrease(.indicator("st_progress_contribution"), 1.5)])
        #expect(a.map(\.scope) == [.county, .jurisdiction])
    }

    @Test func yearlyFlows() throws {
        let t = try #require(try proposals("深入推行科技特派员制度，每年引导３００名科技人员到基层服务。").first)
        #expect(t.condition == .everyYearAtLeast(.indicator("st_personnel_to_grassroots"), 300) && t.deadline == nil && t.scope == .jurisdiction)
        let z = try proposals("每年发放和使用科技创新券3亿元,开放科研设施与仪器1.5万台次,开放实验室服务1万批次。")
        #expect(z.map(\.condition) == [.everyYearAtLeast(.indicator("innovation_vouchers_used"), 30000), .everyYearAtLeast(.indicator("instrument_sharing_times"), 15000),
                                       .everyYearAtLeast(.indicator("lab_service_batches"), 10000)], "每年 governs the list after it")
        let w = try #require(try proposals("市科技局与各区市原则上每年至少分别召开1次科技工作会商会议。").first)
        #expect(w.condition == .everyYearAtLeast(.indicator("st_consultation_meetings"), 1) && w.scope == .county)
    }

    @Test func directions() throws {
        let q = try #require(try proposals("各级财政部门要按照省委、省政府的要求，切实落实政府财政科技投入，只增不减。").first)
        #expect(q.condition == .nonDecreasing(.indicator("fiscal_st_expenditure")) && q.deadline == nil)
        #expect(q.original == "切实落实政府财政科技投入，只增不减", "a clause without its subject takes the one before")
        let j = try #require(try proposals("确保政府引导性投入稳步增长。").first)
        #expect(j.condition == .increasing(.indicator("fiscal_st_expenditure")) && j.strength == .binding)
        let i = try #require(try proposals("提高村级网络覆盖率。").first)
        #expect(i.condition == .increasing(.indicator("village_network_coverage")))
    }

    @Test func doubling() throws {
        let w = try proposals("高新技术企业、科技型企业数量较“十二五”时期实现翻番。")
        #expect(w.map(\.condition) == [.multiple(.indicator("hitech_enterprises"), 2), .multiple(.indicator("st_enterprises"), 2)])
        #expect(w.allSatisfy { $0.baseline == 2015 && $0.scope == .county })
    }

    @Test func establishing() throws {
        let q = try proposals("各市（州）、县（市、区）人民政府是推动县域创新驱动发展的主体，成立相应的领导小组及办公室。")
        #expect(q.map(\.condition) == [.exists(.indicator("innovation_leading_group"))] && q.first?.scope == .county)
        let e = try #require(try proposals("鼓励有条件的县（市、区）建立科技服务中心。").first)
        #expect(e.condition == .exists(.indicator("st_service_center")) && e.strength == .encouraged)
        let b = try #require(try proposals("建设一批国家级农业高新技术产业开发区。").first)
        #expect(b.condition == .atLeast(.indicator("national_agri_hitech_zones"), 1) && b.scope == .jurisdiction)
        // A measure the catalogue has not becomes a proposed new indicator.
        let (d, p) = try drafted(document("各县（市、区）要逐步建立起相应的科技服务线上窗口和线下机构。"))
        let n = try #require(d.indicators.first)
        #expect(n.name == "科技服务线上窗口和线下机构" && n.kind == .flag)
        #expect(p.targets.last?.condition == .exists(.indicator(n.id)))
        // A means is no commitment.
        #expect(try proposals("以建设创新型县（市、区）和创新型乡镇为抓手。").isEmpty)
    }

    @Test func deadlines() throws {
        #expect(try proposals("力争到2022年达到300个产业创新服务综合体。").first?.deadline == 2022, "the sentence's own")
        #expect(try proposals("科技企业孵化器达到 50 家。").first?.deadline == 2020, "the document's main targets'")
        #expect(try proposals("科技企业孵化器达到 50 家。", goals: "到“十三五”末，环境显著改善。").first?.deadline == 2020, "“十三五”末")
        #expect(try proposals("科技企业孵化器达到 50 家。", goals: "环境显著改善。").first?.deadline == nil, "no year anywhere")
    }

    /// A baseline is a year a package may name: a date of another century (a scrape's 成文日期: 4038-02-21, found by
    /// Fuzz/draft.swift, or 较4037年) proposes none, and the draft still reads back as a package.
    @Test(arguments: [("2019", 2019), ("4038", nil)] as [(String, Int?)]) func theDocumentsYearIsABaselineOnlyWhenItIsOne(year: String, baseline: Int?) throws {
        let text = PolicyText("""
            发文机关: 省政府办公厅 成文日期: \(year)-02-21
            四川省人民政府办公厅关于推动县域创新驱动发展的实施意见
            川办发〔2018〕60号
            一、总体要求
            （二）主要目标。到2022年，县域创新驱动发展环境明显改善。
            二、主要任务
            （三）加强创新载体建设。每年发放和使用科技创新券3亿元。高新技术企业数量较\(year == "2019" ? "2018" : "4037")年实现翻番。
            """)
        let (draft, package) = try drafted(text)
        #expect(draft.document.issued == "\(year)-02-21", "the date is kept as printed")
        let targets = package.targets.filter { $0.clause == "二(三)" }
        #expect(targets.count == 2)
        #expect(targets.first?.baseline == baseline, "\(targets.map(\.baseline))")
        #expect(targets.last?.baseline == (year == "2019" ? 2018 : nil), "\(targets.map(\.baseline))")
    }

    @Test func reviewerHints() throws {
        let (d, _) = try drafted(document("对全社会研究与试验发展经费占地区生产总值比重和财政科技投入增幅双下降的县(市)，实行“一票否优”。"))
        #expect(d.hints.map(\.kind).contains("veto"))
    }

    @Test func whyEachPartWasProposed() throws {
        let t = try #require(try proposals("力争到2022年高新技术企业达到2万家。").first)
        let why = try #require(t.reading?.zh)
        for part in ["条件：“2万家”", "强度：“力争”", "截止年：句中“到2022年”", "范围：", "指标：“高新技术企业”→ hitech_enterprises"] {
            #expect(why.contains(part), "\(why)")
        }
    }
}

/// Texts as scraped: GB18030, sentences broken across lines, page numbers and buttons between pages.
@Suite struct ScrapedTextTests {
    @Test func aScannedGB18030CopyDraftsAsTheOriginal() throws {
        let bytes = try [UInt8](Data(contentsOf: repository.appendingPathComponent("Tests/CIEDraftTests/Fixtures/qinghai-scanned-gb18030.txt")))
        let scanned = try PolicyText(bytes: bytes, file: "qinghai-scanned-gb18030.txt")
        #expect(scanned.encoding == .gb18030)
        #expect(scanned.furniture >= 6, "page numbers and 打印 关闭 are dropped")
        #expect(scanned.joined > 100, "lines broken inside sentences are joined")
        let (_, a) = try drafted(scanned)
        let (_, b) = try drafted(PolicyText(try builtin("qinghai").text))
        func key(_ t: Target) -> String { "\(t.clause) \(StrengthRule.unspaced(t.original)) \(t.condition) \(t.deadline ?? 0) \(t.strength)" }
        #expect(a.targets.map(key) == b.targets.map(key))
        #expect(PackageChecks.lint(a).allSatisfy { $0.text.en.contains("is a draft") }, "every quotation is in the package's text")
    }

    @Test func aTextThatIsNotADocumentIsRefused() {
        #expect(throws: DraftError.self) { try PolicyText(bytes: Array("region,year\n630121,2020\n".utf8), file: "x.csv") }
        #expect(throws: DraftError.self) { try PolicyText(bytes: [0xFF, 0xFE, 0x00, 0xD8], file: "x.txt") }
    }

    @Test func controlCharactersInTheTextStillMakeAPackageThatReads() throws {
        let (_, p) = try drafted(document("技术交易额达到\u{85} 35 亿元\u{1B}[2J，\"省级\"以上创新平台达到 330 个\\。"))
        #expect(p.targets.count == 2)
        #expect(p.targets[0].original.contains("\u{85}") && p.targets[0].original.contains("\u{1B}"), "quoted as printed")
    }

    @Test func furnitureLines() {
        for line in ["- 3 -", "3", "打印 关闭", "第 2 页 共 5 页", "Baidu"] { #expect(PolicyText.isFurniture(PolicyText.trim(line)), "\(line)") }
        for line in ["2020年", "一、总体要求", "（一）指导思想。"] { #expect(!PolicyText.isFurniture(line), "\(line)") }
    }
}

/// A text the rules were not written from: the Sichuan excerpt of the end-to-end tests and its package.
@Suite struct UnseenTextTests {
    @Test func theMainTargetsOfASichuanExcerpt() throws {
        let folder = repository.appendingPathComponent("Tests/CIEEndToEndTests/Fixtures/sichuan").path
        let reference = try PackageParser.parse(DirectoryFiles(folder), origin: .file(folder), regions: BuiltinRegions.table).get()
        let (d, draft) = try drafted(PolicyText(reference.text))
        #expect(BuiltinRegions.table[d.document.jurisdiction].code == "510000" && d.document.number == "川办发〔2018〕60号")
        let score = DraftScore(draft: draft, reference: reference)
        #expect(score.recall == 1, "\(score.misses(.en))")
        for pair in score.found {
            #expect(score.agrees(.deadline, pair) && score.agrees(.threshold, pair), "\(pair.reference.id): \(score.misses(.en))")
        }
    }
}
