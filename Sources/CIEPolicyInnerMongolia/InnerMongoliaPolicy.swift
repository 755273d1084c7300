import CIECore

/// 内蒙古自治区 — (no number)《关于促进县域创新驱动发展的实施意见（征求意见稿）》 (seed 003).
/// A DRAFT FOR COMMENT, not a document in force: every target's reading says so.
/// Targets IM-01…IM-07 of TARGETS.md; every quoted sentence occurs in the seed text (tested).
/// The draft sets no deadline and no base year: each status is for the evaluation year (`deadline: nil`).
public struct InnerMongoliaPolicy: PolicyModule {
    public init() {}

    public let id = "inner-mongolia"
    public let name = LocalizedText(zh: "内蒙古自治区", en: "Inner Mongolia")
    public let aliases = ["内蒙古", "innermongolia", "nmg", "im"]
    /// The seed prints the title over two lines with Word bookmarks, then “(征求意见稿）”; the status adds the marker
    /// wherever the document is shown. The seed (an attachment, “附件”) names no issuer, so none is claimed.
    public let document = PolicyDocument(
        number: "",
        title: "关于促进县域创新驱动发展的实施意见",  // the status adds （征求意见稿） wherever it is shown
        issuer: "（草案未署发文机关）",
        issued: "2018",
        status: .draft,
        jurisdictionCode: "150000",
        seed: "003_8ec7939813dc72ed.txt")

    public var targets: [Target] { InnerMongoliaPolicy.declarations }

    /// Said first in every reading.
    static let draftZh = "本条出自征求意见稿，不是现行有效文件；草案未定截止年，状态按评估年份判断。"
    static let draftEn = "From a draft for comment, not a document in force; the draft sets no deadline, so the status is for the evaluation year."

    static func reading(_ zh: String, _ en: String) -> LocalizedText {
        LocalizedText(zh: draftZh + zh, en: draftEn + " " + en)
    }

    static let declarations: [Target] = [
        Target(
            id: "IM-01", title: LocalizedText(zh: "每年引导1500名左右科技人员到基层服务", en: "About 1,500 S&T personnel sent to grassroots service every year"),
            clause: "三", original: "每年引导1500名左右的科技人员到基层服务",
            scope: .jurisdiction, condition: .atLeast(.indicator("st_personnel_to_grassroots"), 1500),
            deadline: nil, strength: .binding,
            reading: reading(
                "草案未给基期，故不用“自某年起每年”的条件，而是逐年判断：评估年份当年引导人数 ≥ 1500 即达标，往年是否不足不影响当年结论（要检查各年，逐年评估）。"
                    + "“左右”意为大约，文本未给容差：按 1500 判断，并报告差额（如 1480 人为未达标、差 20 人），由读者判断是否算“左右”。"
                    + "全区数可直接给出（150000），否则为各旗县（市、区）之和；有数据的单位之和已达 1500 即为达标。",
                "The draft gives no base year, so this is not an “every year since B” condition: each year is judged alone — the "
                    + "evaluation year's number ≥ 1,500 meets it, whatever earlier years were (evaluate each year to check them all). "
                    + "“左右” means “about” and the text gives no tolerance: 1,500 is applied and the gap is reported (1,480 is not met, "
                    + "20 short), for the reader to judge whether that is “about”. A region-wide value (150000) is used, else the sum of "
                    + "the units; the units with data reaching 1,500 already meet it."),
            examples: [
                TargetExample(LocalizedText(zh: "全区 1500 人：恰在边界，达标", en: "1,500 for the region: the boundary meets it"), year: 2020, csv: """
                    region,year,indicator,value
                    150000,2020,st_personnel_to_grassroots,1500
                    """, expect: [("150000", .met)]),
                TargetExample(LocalizedText(zh: "全区 1480 人：“左右”但按 1500 判断为未达标，差 20 人", en: "1,480: “about” 1,500 but not met, 20 short"), year: 2020, csv: """
                    region,year,indicator,value
                    150000,2020,st_personnel_to_grassroots,1480
                    """, expect: [("150000", .notMet)]),
                TargetExample(LocalizedText(zh: "逐年判断：2018 年 1200 人不影响 2019 年 1600 人达标", en: "each year alone: 1,200 in 2018 does not stop 1,600 in 2019 meeting it"), year: 2019, csv: """
                    region,year,indicator,value
                    150000,2018,st_personnel_to_grassroots,1200
                    150000,2019,st_personnel_to_grassroots,1600
                    """, expect: [("150000", .met)]),
                TargetExample(LocalizedText(zh: "无全区数：两个旗县合计 1550 人，其余无数据也已达标",
                                            en: "no region-wide value: two units summing to 1,550 meet it, whatever the others"), year: 2020, csv: """
                    region,year,indicator,value
                    150121,2020,st_personnel_to_grassroots,900
                    150122,2020,st_personnel_to_grassroots,650
                    """, expect: [("150000", .met)]),
                TargetExample(LocalizedText(zh: "只有一个旗县 800 人，其余无数据：数据不足", en: "one unit with 800, the others without data: no data"), year: 2020, csv: """
                    region,year,indicator,value
                    150121,2020,st_personnel_to_grassroots,800
                    """, expect: [("150000", .noData)]),
            ]),
        Target(
            id: "IM-02", title: LocalizedText(zh: "建成科技成果转化服务中心", en: "A technology transfer service centre"),
            clause: "二", original: "建成覆盖县域、辐射盟市的科技成果转化服务中心",
            scope: .county, condition: .exists(.indicator("tech_transfer_center")), deadline: nil, strength: .binding,
            reading: reading(
                "主语为“旗县（市、区）”，含市辖区，逐个单位评估；“依托有条件的单位”指依托的机构，不是只对有条件的旗县提出要求，故按约束性处理。",
                "The subject is “旗县（市、区）”, districts included, each unit evaluated; “依托有条件的单位” names the host institutions, "
                    + "it does not limit the duty to counties able to, so the item is read as binding."),
            examples: [
                TargetExample(LocalizedText(zh: "是：达标；否：未达标；未给出：数据不足", en: "是 meets it; 否 does not; nothing given is no data"), year: 2020, csv: """
                    region,year,indicator,value
                    150121,2020,tech_transfer_center,是
                    150102,2020,tech_transfer_center,否
                    """, expect: [("150121", .met), ("150102", .notMet), ("150122", .noData)]),
            ]),
        Target(
            id: "IM-03", title: LocalizedText(zh: "成立主要领导任组长的领导小组", en: "A leading group headed by the principal leader"),
            clause: "八", original: "成立主要领导任组长、分管领导具体负责的领导小组",
            scope: .county, condition: .exists(.indicator("innovation_leading_group")), deadline: nil, strength: .binding,
            reading: reading(
                "原文对象为“各盟市、旗县（市、区）人民政府”（“要建立……”），按每个旗县（市、区）评估；盟市一级不单独评估。",
                "The sentence addresses the governments of leagues/cities and of counties (“要建立……”); evaluated per county-level "
                    + "unit; the league/city level is not evaluated separately."),
            examples: [
                TargetExample(LocalizedText(zh: "有：达标；无：未达标；未给出：数据不足", en: "有 meets it; 无 does not; nothing given is no data"), year: 2020, csv: """
                    region,year,indicator,value
                    152221,2020,innovation_leading_group,有
                    152224,2020,innovation_leading_group,无
                    """, expect: [("152221", .met), ("152224", .notMet), ("152201", .noData)]),
            ]),
        Target(
            id: "IM-04", title: LocalizedText(zh: "建设一批创业园、众创空间、星创天地和孵化器", en: "A batch of incubators, maker spaces and Star Innovation Bases"),
            clause: "五", original: "建设一批低成本、便利化、全要素、开放式的创业园、众创空间、星创天地和高水平专业孵化器",
            scope: .county, condition: .atLeast(.indicator("incubators"), 1), deadline: nil, strength: .binding,
            reading: reading(
                "“一批”没有给出数量：按每个旗县（市、区）至少 1 个（创业园、众创空间、星创天地、孵化器合计）判断，这是最低的读法。",
                "“一批” (a batch) gives no number: each county-level unit needs at least one (incubators, maker spaces, Star Innovation "
                    + "Bases and entrepreneurship parks together), the least the words can mean."),
            examples: [
                TargetExample(LocalizedText(zh: "1 个恰在边界达标，0 个未达标，未给出为数据不足", en: "1 meets it at the boundary, 0 does not, none given is no data"), year: 2020, csv: """
                    region,year,indicator,value
                    150102,2020,incubators,1
                    150125,2020,incubators,0
                    150105,2020,incubators,6
                    """, expect: [("150102", .met), ("150125", .notMet), ("150105", .met), ("150124", .noData)]),
            ]),
        Target(
            id: "IM-05", title: LocalizedText(zh: "支持和引导旗县建立科技特派员工作站", en: "Counties supported to set up science commissioner workstations"),
            clause: "六", original: "支持和引导旗县建立科技特派员工作站",
            scope: .county, condition: .atLeast(.indicator("commissioner_workstations"), 1), deadline: nil, strength: .encouraged,
            reading: reading(
                "“支持和引导”为鼓励性：没有工作站只是建议，不构成不合规。“旗县”在本文中泛指县级单位（如“盟市、旗县两级科技特派员”），故含县级市和市辖区。",
                "“支持和引导” (support and guide) is encouraged: a unit without a workstation gets advice, not a compliance failure. "
                    + "“旗县” in this draft means the county level in general (“盟市、旗县两级科技特派员”), so cities and districts are included."),
            examples: [
                TargetExample(LocalizedText(zh: "2 个站达标，0 个未达标（鼓励性），未给出为数据不足", en: "2 workstations meet it, 0 does not (encouraged), none given is no data"), year: 2020, csv: """
                    region,year,indicator,value
                    152223,2020,commissioner_workstations,2
                    152202,2020,commissioner_workstations,0
                    """, expect: [("152223", .met), ("152202", .notMet), ("152222", .noData)]),
            ]),
        Target(
            id: "IM-06", title: LocalizedText(zh: "提高村级网络覆盖率", en: "Village network coverage rises"),
            clause: "四", original: "提高村级网络覆盖率",
            scope: .county,
            condition: .any([.increasing(.indicator("village_network_coverage")), .atLeast(.indicator("village_network_coverage"), 100)]),
            deadline: nil, baseline: 2018, strength: .encouraged,
            reading: reading(
                "无截止年也无基期：以草案所在的 2018 年为基期，此后每年须高于上年（逐年提高，持平不算提高）；2018 年本身无可比较的年份，为不适用。"
                    + "原句无“要”“确保”，按鼓励性处理。覆盖率已达 100% 即无从再提高，视为达标。",
                "No deadline and no base year: the draft's year 2018 is the base, and every later year must be above the one before "
                    + "(rising every year; flat is not a rise); 2018 itself has nothing to compare and is not applicable. The sentence has no "
                    + "要 or 确保: read as encouraged. Coverage at 100% cannot rise further and counts as met."),
            examples: [
                TargetExample(LocalizedText(zh: "逐年提高达标；2019 年持平未达标；缺 2019 年为数据不足", en: "rising every year meets it; flat in 2019 does not; a missing 2019 is no data"), year: 2020, csv: """
                    region,year,indicator,value,unit
                    150121,2018,village_network_coverage,82.5,%
                    150121,2019,village_network_coverage,86,%
                    150121,2020,village_network_coverage,91.2,%
                    150122,2018,village_network_coverage,78,%
                    150122,2019,village_network_coverage,78,%
                    150122,2020,village_network_coverage,84,%
                    150123,2018,village_network_coverage,70,%
                    150123,2020,village_network_coverage,80,%
                    150124,2018,village_network_coverage,75,%
                    150124,2019,village_network_coverage,74,%
                    150124,2020,village_network_coverage,79,%
                    """, expect: [("150121", .met), ("150122", .notMet), ("150123", .noData), ("150124", .notMet)]),
                TargetExample(LocalizedText(zh: "2018 年（基期）评估：不适用", en: "evaluated in 2018, the base year: not applicable"), year: 2018, csv: """
                    region,year,indicator,value
                    150121,2018,village_network_coverage,82.5
                    """, expect: [("150121", .notApplicable)]),
                TargetExample(LocalizedText(zh: "已达 100% 后持平：达标（无从再提高）", en: "flat at 100%: met (it cannot rise further)"), year: 2020, csv: """
                    region,year,indicator,value
                    150102,2018,village_network_coverage,100
                    150102,2019,village_network_coverage,100
                    150102,2020,village_network_coverage,100
                    """, expect: [("150102", .met)]),
            ]),
        Target(
            id: "IM-07", title: LocalizedText(zh: "鼓励县域创建国家级创新型县（市）", en: "Counties encouraged to become national innovative counties"),
            clause: "一", original: "鼓励县域创建可持续发展试验区和国家级创新型县（市）",
            scope: .jurisdiction, condition: .atLeast(.indicator("national_innovative_county"), 1), deadline: nil, strength: .encouraged,
            reading: reading(
                "鼓励性条款。全区国家级创新型县（市）个数 ≥ 1（为“是”的单位数，或直接给出的全区数 150000）。同句的“可持续发展试验区”无对应指标，未编码。",
                "Encouraged. The number of national innovative counties in the region ≥ 1 (units flagged 是, or a region-wide count "
                    + "given for 150000). The sustainable-development experimental zones of the same sentence have no indicator and are not encoded."),
            examples: [
                TargetExample(LocalizedText(zh: "一个旗为国家创新型县：达标，其余无数据也不影响", en: "one banner is a national innovative county: met, whatever the others"), year: 2020, csv: """
                    region,year,indicator,value
                    150621,2020,national_innovative_county,是
                    150622,2020,national_innovative_county,否
                    """, expect: [("150000", .met)]),
                TargetExample(LocalizedText(zh: "全区数为 0：未达标（鼓励性）", en: "a region-wide count of 0: not met (encouraged)"), year: 2020, csv: """
                    region,year,indicator,value
                    150000,2020,national_innovative_county,0
                    """, expect: [("150000", .notMet)]),
                TargetExample(LocalizedText(zh: "只有一个旗为“否”，其余无数据：数据不足", en: "one banner 否, the others without data: no data"), year: 2020, csv: """
                    region,year,indicator,value
                    150622,2020,national_innovative_county,否
                    """, expect: [("150000", .noData)]),
            ]),
    ]
}
