import CIECore

/// 浙江省 — 浙政办发〔2019〕11号《浙江省人民政府办公厅关于促进县域创新驱动发展的实施意见》 (seed 001).
/// Targets ZJ-01…ZJ-13 of TARGETS.md; every quoted sentence occurs in the seed text (tested).
public struct ZhejiangPolicy: PolicyModule {
    public init() {}

    public let id = "zhejiang"
    public let name = LocalizedText(zh: "浙江省", en: "Zhejiang")
    public let aliases = ["浙江", "zj"]
    public let document = PolicyDocument(
        number: "浙政办发〔2019〕11号",
        title: "浙江省人民政府办公厅关于促进县域创新驱动发展的实施意见",
        issuer: "浙江省人民政府办公厅",
        issued: "2019-02-21",
        status: .inForce,
        jurisdictionCode: "330000",
        seed: "001_6b24dc6598022b81.txt")

    /// 一(二) "到2022年…" — the deadline of the targets unless noted.
    static let deadline = 2022

    public var targets: [Target] { ZhejiangPolicy.declarations }

    /// 二(七), 二(十八) "26个加快发展县": the list in force when the document was issued (2015–2023; renamed 山区26县 in 2021,
    /// changed in 2024 when 平阳县, 柯城区 and 莲都区 left it). Two of them are districts (柯城区, 莲都区).
    public var groups: [String: [String]] { ["加快发展县": ZhejiangPolicy.acceleratedCounties] }

    public static let acceleratedCounties = [
        "330127",  // 淳安县
        "330324",  // 永嘉县
        "330326",  // 平阳县
        "330327",  // 苍南县
        "330328",  // 文成县
        "330329",  // 泰顺县
        "330723",  // 武义县
        "330727",  // 磐安县
        "330802",  // 柯城区
        "330803",  // 衢江区
        "330881",  // 江山市
        "330822",  // 常山县
        "330824",  // 开化县
        "330825",  // 龙游县
        "331022",  // 三门县
        "331023",  // 天台县
        "331024",  // 仙居县
        "331102",  // 莲都区
        "331181",  // 龙泉市
        "331121",  // 青田县
        "331125",  // 云和县
        "331126",  // 庆元县
        "331122",  // 缙云县
        "331123",  // 遂昌县
        "331124",  // 松阳县
        "331127",  // 景宁畲族自治县
    ]

    /// The 53 units of 县域 proper (县, 自治县, 县级市; not 市辖区) of 浙江省 in the region table (the tests check it).
    /// The worked examples of ZJ-03/04 give a value for each: the share needs all of them.
    public static let countyProper = [
        "330122", "330127", "330182", "330225", "330226", "330281", "330282", "330324", "330326", "330327", "330328",
        "330329", "330381", "330382", "330383", "330421", "330424", "330481", "330482", "330483", "330521", "330522",
        "330523", "330624", "330681", "330683", "330723", "330726", "330727", "330781", "330782", "330783", "330784",
        "330822", "330824", "330825", "330881", "330921", "330922", "331022", "331023", "331024", "331081", "331082",
        "331083", "331121", "331122", "331123", "331124", "331125", "331126", "331127", "331181",
    ]

    /// 龙港市 (330383), set up in 2019 from part of 苍南县: a unit of 县域 proper from 2019 on, none before.
    static let longgang = (code: "330383", from: 2019)

    /// A worked example for the 县域-share targets: the province total (330000, when given) and the same value for
    /// every unit of 县域 proper in each year (52 in 2018, 53 from 2019, when 龙港市 was set up), so the share is
    /// units × each / total; `omitting` leaves one unit-year out.
    static func shareCSV(_ indicator: String, _ years: [(year: Int, total: Int?, each: Int)], omitting: (code: String, year: Int)? = nil) -> String {
        var lines = ["region,year,indicator,value"]
        for y in years {
            if let total = y.total { lines.append("330000,\(y.year),\(indicator),\(total)") }
            for code in countyProper where !(omitting?.code == code && omitting?.year == y.year) && !(code == longgang.code && y.year < longgang.from) {
                lines.append("\(code),\(y.year),\(indicator),\(y.each)")
            }
        }
        return lines.joined(separator: "\n")
    }

    static let declarations: [Target] = [
        Target(
            id: "ZJ-01", title: LocalizedText(zh: "高新技术企业达到2万家", en: "20,000 high-tech enterprises"),
            clause: "二(三)", original: "力争到2022年高新技术企业和科技型中小企业分别达到2万家和6万家",
            scope: .jurisdiction, condition: .atLeast(.indicator("hitech_enterprises"), 20_000),
            deadline: deadline, strength: .striving,
            reading: LocalizedText(zh: "全省数可直接给出（330000），否则为各县（市、区）之和。",
                                   en: "A province-level value (330000) is used, else the sum of the units."),
            examples: [
                TargetExample(LocalizedText(zh: "2022 年恰为 20,000 家（千分位写法）：达标", en: "exactly 20,000 in 2022 (written with a separator): met"), year: 2022, csv: """
                    region,year,indicator,value
                    330000,2022,hitech_enterprises,"20,000"
                    """, expect: [("330000", .met)]),
                TargetExample(LocalizedText(zh: "2022 年 19800 家：未达标", en: "19,800 in 2022: not met"), year: 2022, csv: """
                    region,year,indicator,value
                    330000,2022,hitech_enterprises,19800
                    """, expect: [("330000", .notMet)]),
                TargetExample(LocalizedText(zh: "2020 年评估：2018 年 14000、2020 年 17000，年均增 1500，正合所需，进展顺利",
                                            en: "in 2020: 14,000 in 2018 and 17,000 in 2020, +1,500 a year as needed: on track"), year: 2020, csv: """
                    region,year,indicator,value
                    330000,2018,hitech_enterprises,14000
                    330000,2020,hitech_enterprises,17000
                    """, expect: [("330000", .onTrack)]),
                TargetExample(LocalizedText(zh: "无全省数，仅两个县有数据且合计不足 2 万：数据不足", en: "no province value, two units with data below 20,000: no data"), year: 2022, csv: """
                    region,year,indicator,value
                    330182,2022,hitech_enterprises,160
                    330127,2022,hitech_enterprises,45
                    """, expect: [("330000", .noData)]),
            ]),
        Target(
            id: "ZJ-02", title: LocalizedText(zh: "科技型中小企业达到6万家", en: "60,000 S&T-based SMEs"),
            clause: "二(三)", original: "力争到2022年高新技术企业和科技型中小企业分别达到2万家和6万家",
            scope: .jurisdiction, condition: .atLeast(.indicator("st_smes"), 60_000),
            deadline: deadline, strength: .striving,
            reading: LocalizedText(zh: "全省数可直接给出（330000），否则为各县（市、区）之和；有数据的单位合计已达到即为达标。",
                                   en: "A province-level value (330000) is used, else the sum of the units; met as soon as the units with data reach it."),
            examples: [
                TargetExample(LocalizedText(zh: "无全省数：两个区合计 60000 家，其余县缺数据，已达标", en: "no province value: two districts hold 60,000, the rest have none: met"), year: 2022, csv: """
                    region,year,indicator,value
                    330106,2022,st_smes,32000
                    330108,2022,st_smes,28000
                    """, expect: [("330000", .met)]),
                TargetExample(LocalizedText(zh: "2020 年评估：2018 年 40000、2020 年 44000，年均增 2000，需 5000，进展滞后",
                                            en: "in 2020: 40,000 → 44,000 since 2018, +2,000 a year where 5,000 is needed: off track"), year: 2020, csv: """
                    region,year,indicator,value
                    330000,2018,st_smes,40000
                    330000,2020,st_smes,44000
                    """, expect: [("330000", .offTrack)]),
                TargetExample(LocalizedText(zh: "2022 年 59999 家：未达标", en: "59,999 in 2022: not met"), year: 2022, csv: """
                    region,year,indicator,value
                    330000,2022,st_smes,59999
                    """, expect: [("330000", .notMet)]),
                TargetExample(LocalizedText(zh: "只有一个县有数据：数据不足", en: "one county alone: no data"), year: 2022, csv: """
                    region,year,indicator,value
                    330122,2022,st_smes,900
                    """, expect: [("330000", .noData)]),
            ]),
        Target(
            id: "ZJ-03", title: LocalizedText(zh: "高新技术企业县域占比逐年提高", en: "The counties' share of high-tech enterprises rises every year"),
            clause: "二(三)", original: "其中县域占比逐年提高",
            scope: .jurisdiction, condition: .increasing(.shareOfTotal("hitech_enterprises", held: .countyProper)),
            deadline: deadline, baseline: 2018, strength: .striving,
            reading: LocalizedText(
                zh: "“县域”指县、自治县和县级市（不含市辖区，2019 年起共 53 个）；占比 = 当年各县（市）之和 ÷ 全省总数（330000 的数值，未给出则为各县（市、区）之和）。"
                    + "自文件印发前一年 2018 年起逐年严格提高，持平不算提高。句首“力争”统领全句，按力争类处理（TARGETS.md 作约束性）。"
                    + "单位按当年区划计：龙港市 2019 年由苍南县部分设立，2018 年的县域为 52 个（龙港的企业在苍南县内）。",
                en: "“县域” is 县, 自治县 and 县级市 (not districts; 53 units from 2019); the share is their sum in the year over the province total "
                    + "(the 330000 value, else the sum of all units). From 2018, the year before the document, it must rise strictly every year; flat is not a rise. "
                    + "The sentence opens with 力争, so the module reads it as striving (TARGETS.md says binding). Units are those of each year: "
                    + "龙港市 was set up from part of 苍南县 in 2019, so 2018 has 52 (龙港's enterprises are within 苍南县's)."),
            examples: [
                TargetExample(LocalizedText(zh: "32.5% → 34.3% → 36.8%：逐年提高，达标", en: "32.5% → 34.3% → 36.8%: rises every year, met"), year: 2020,
                              csv: shareCSV("hitech_enterprises", [(2018, 16000, 100), (2019, 17000, 110), (2020, 18000, 125)]),
                              expect: [("330000", .met)]),
                TargetExample(LocalizedText(zh: "2018 年 52 县 × 106、2019 年 53 县 × 104，均为 34.45%：持平不算提高，未达标",
                                            en: "52 × 106 in 2018 and 53 × 104 in 2019, both 34.45%: flat is no rise, not met"), year: 2019,
                              csv: shareCSV("hitech_enterprises", [(2018, 16000, 106), (2019, 16000, 104)]),
                              expect: [("330000", .notMet)]),
                TargetExample(LocalizedText(zh: "淳安县缺 2019 年数：县域合计无法计算，数据不足", en: "淳安县 lacks 2019: the counties' sum cannot be formed, no data"), year: 2019,
                              csv: shareCSV("hitech_enterprises", [(2018, 16000, 100), (2019, 17000, 110)], omitting: ("330127", 2019)),
                              expect: [("330000", .noData)]),
            ]),
        Target(
            id: "ZJ-04", title: LocalizedText(zh: "科技型中小企业县域占比逐年提高", en: "The counties' share of S&T-based SMEs rises every year"),
            clause: "二(三)", original: "其中县域占比逐年提高",
            scope: .jurisdiction, condition: .increasing(.shareOfTotal("st_smes", held: .countyProper)),
            deadline: deadline, baseline: 2018, strength: .striving,
            reading: LocalizedText(
                zh: "同 ZJ-03：当年各县（市）之和 ÷ 全省总数，自 2018 年起逐年严格提高；未给出全省数时，总数需要当年全部县（市、区）的数据（2022 年 90 个）。",
                en: "As ZJ-03: the counties' sum in the year over the province total, rising strictly every year from 2018; without a province value the total needs every unit of the year (90 in 2022)."),
            examples: [
                TargetExample(LocalizedText(zh: "26% → 28.3%：达标", en: "26% → 28.3%: met"), year: 2019,
                              csv: shareCSV("st_smes", [(2018, 40000, 200), (2019, 45000, 240)]),
                              expect: [("330000", .met)]),
                TargetExample(LocalizedText(zh: "26% → 25.9%：下降，未达标", en: "26% → 25.9%: falls, not met"), year: 2019,
                              csv: shareCSV("st_smes", [(2018, 40000, 200), (2019, 45000, 220)]),
                              expect: [("330000", .notMet)]),
                TargetExample(LocalizedText(zh: "2019 年无全省数，市辖区又无数据：总数无法计算，数据不足", en: "no province value for 2019 and none for the districts: no data"), year: 2019,
                              csv: shareCSV("st_smes", [(2018, 40000, 200), (2019, nil, 240)]),
                              expect: [("330000", .noData)]),
            ]),
        Target(
            id: "ZJ-05", title: LocalizedText(zh: "规上工业企业研发活动全覆盖", en: "Every industrial enterprise above size has R&D activity"),
            clause: "二(四)", original: "实现规模以上工业企业研发活动、研发机构、发明专利全覆盖",
            scope: .county,
            condition: .atLeast(.percent(.indicator("above_scale_with_rd_activity"), of: .indicator("above_scale_industrial_enterprises")), 100),
            deadline: deadline, strength: .binding,
            reading: LocalizedText(zh: "按每个县（市、区）评估：有研发活动的规上工业企业数 ÷ 规上工业企业数 = 100%。没有规上工业企业（分母为 0）时无法判断，为数据不足。",
                                   en: "Per unit: enterprises with R&D activity over all industrial enterprises above size = 100%. With none at all (denominator 0) it cannot be decided: no data."),
            examples: [
                TargetExample(LocalizedText(zh: "420/420 达标；180/181 未达标；缺分子为数据不足", en: "420 of 420 meets it; 180 of 181 does not; a missing numerator is no data"), year: 2022, csv: """
                    region,year,indicator,value
                    330122,2022,above_scale_industrial_enterprises,420
                    330122,2022,above_scale_with_rd_activity,420
                    330127,2022,above_scale_industrial_enterprises,181
                    330127,2022,above_scale_with_rd_activity,180
                    330182,2022,above_scale_industrial_enterprises,300
                    330922,2022,above_scale_industrial_enterprises,0
                    330922,2022,above_scale_with_rd_activity,0
                    """, expect: [("330122", .met), ("330127", .notMet), ("330182", .noData), ("330922", .noData)]),
                TargetExample(LocalizedText(zh: "2020 年评估：80% → 90%，年均 +10 点，需 6.7 点，进展顺利；80% → 82% 进展滞后",
                                            en: "in 2020: 80% → 90%, +10 points a year where 6.7 are needed: on track; 80% → 82%: off track"), year: 2020, csv: """
                    region,year,indicator,value
                    330122,2019,above_scale_industrial_enterprises,400
                    330122,2019,above_scale_with_rd_activity,320
                    330122,2020,above_scale_industrial_enterprises,400
                    330122,2020,above_scale_with_rd_activity,360
                    330127,2019,above_scale_industrial_enterprises,100
                    330127,2019,above_scale_with_rd_activity,80
                    330127,2020,above_scale_industrial_enterprises,100
                    330127,2020,above_scale_with_rd_activity,82
                    """, expect: [("330122", .onTrack), ("330127", .offTrack)]),
            ]),
        Target(
            id: "ZJ-06", title: LocalizedText(zh: "规上工业企业研发机构全覆盖", en: "Every industrial enterprise above size has an R&D institution"),
            clause: "二(四)", original: "实现规模以上工业企业研发活动、研发机构、发明专利全覆盖",
            scope: .county,
            condition: .atLeast(.percent(.indicator("above_scale_with_rd_institution"), of: .indicator("above_scale_industrial_enterprises")), 100),
            deadline: deadline, strength: .binding,
            reading: LocalizedText(zh: "按每个县（市、区）评估：有研发机构的规上工业企业数 ÷ 规上工业企业数 = 100%。",
                                   en: "Per unit: enterprises with an R&D institution over all industrial enterprises above size = 100%."),
            examples: [
                TargetExample(LocalizedText(zh: "350/350 达标；340/350 未达标；缺分母为数据不足", en: "350 of 350 meets it; 340 of 350 does not; a missing denominator is no data"), year: 2022, csv: """
                    region,year,indicator,value
                    330281,2022,above_scale_industrial_enterprises,350
                    330281,2022,above_scale_with_rd_institution,350
                    330282,2022,above_scale_industrial_enterprises,350
                    330282,2022,above_scale_with_rd_institution,340
                    330225,2022,above_scale_with_rd_institution,120
                    """, expect: [("330281", .met), ("330282", .notMet), ("330225", .noData)]),
            ]),
        Target(
            id: "ZJ-07", title: LocalizedText(zh: "规上工业企业发明专利全覆盖", en: "Every industrial enterprise above size holds an invention patent"),
            clause: "二(四)", original: "实现规模以上工业企业研发活动、研发机构、发明专利全覆盖",
            scope: .county,
            condition: .atLeast(.percent(.indicator("above_scale_with_invention_patent"), of: .indicator("above_scale_industrial_enterprises")), 100),
            deadline: deadline, strength: .binding,
            reading: LocalizedText(zh: "按每个县（市、区）评估：有发明专利的规上工业企业数 ÷ 规上工业企业数 = 100%。",
                                   en: "Per unit: enterprises with an invention patent over all industrial enterprises above size = 100%."),
            examples: [
                TargetExample(LocalizedText(zh: "90/90 达标；60/90 未达标；无数据为数据不足", en: "90 of 90 meets it; 60 of 90 does not; none given is no data"), year: 2022, csv: """
                    region,year,indicator,value
                    330921,2022,above_scale_industrial_enterprises,90
                    330921,2022,above_scale_with_invention_patent,90
                    330922,2022,above_scale_industrial_enterprises,90
                    330922,2022,above_scale_with_invention_patent,60
                    """, expect: [("330921", .met), ("330922", .notMet), ("330902", .noData)]),
            ]),
        Target(
            id: "ZJ-08", title: LocalizedText(zh: "省级高新园区在工业大县全覆盖", en: "Every major industrial county hosts a provincial high-tech zone"),
            clause: "二(八)", original: "力争实现省级高新园区在工业大县全覆盖",
            scope: .county, filter: .flag("major_industrial_county"), condition: .atLeast(.indicator("provincial_hitech_zones"), 1),
            deadline: deadline, strength: .striving,
            reading: LocalizedText(zh: "“工业大县”按省里认定，以数据中的 major_industrial_county 为“是”的单位为准；非工业大县不适用，未说明是否工业大县为数据不足。",
                                   en: "Major industrial counties as the province designates them: units whose major_industrial_county is true; others are not applicable, units without the flag are no data."),
            examples: [
                TargetExample(LocalizedText(zh: "工业大县有 1 个园区达标、0 个未达标；非工业大县不适用", en: "a major industrial county with one zone meets it, with none does not; others are not applicable"), year: 2022, csv: """
                    region,year,indicator,value
                    330381,2022,major_industrial_county,是
                    330381,2022,provincial_hitech_zones,1
                    330382,2022,major_industrial_county,是
                    330382,2022,provincial_hitech_zones,0
                    330328,2022,major_industrial_county,否
                    330681,2022,major_industrial_county,是
                    """, expect: [("330381", .met), ("330382", .notMet), ("330328", .notApplicable), ("330681", .noData), ("330683", .noData)]),
            ]),
        Target(
            id: "ZJ-09", title: LocalizedText(zh: "产业创新服务综合体达到300个", en: "300 industry innovation service complexes"),
            clause: "二(十)", original: "加快推进产业创新服务综合体建设,力争到2022年达到300个",
            scope: .jurisdiction, condition: .atLeast(.indicator("industry_innovation_complexes"), 300),
            deadline: deadline, strength: .striving,
            reading: LocalizedText(zh: "全省数可直接给出（330000），否则为各县（市、区）之和。",
                                   en: "A province-level value (330000) is used, else the sum of the units."),
            examples: [
                TargetExample(LocalizedText(zh: "2022 年 300 个达标", en: "300 in 2022: met"), year: 2022, csv: """
                    region,year,indicator,value
                    330000,2022,industry_innovation_complexes,300
                    """, expect: [("330000", .met)]),
                TargetExample(LocalizedText(zh: "2022 年 298 个未达标", en: "298 in 2022: not met"), year: 2022, csv: """
                    region,year,indicator,value
                    330000,2022,industry_innovation_complexes,298
                    """, expect: [("330000", .notMet)]),
                TargetExample(LocalizedText(zh: "2020 年评估：2019 年 100、2020 年 200，年均 +100，需 66.7，进展顺利", en: "in 2020: 100 → 200 since 2019, +100 a year where 66.7 is needed: on track"), year: 2020, csv: """
                    region,year,indicator,value
                    330000,2019,industry_innovation_complexes,100
                    330000,2020,industry_innovation_complexes,200
                    """, expect: [("330000", .onTrack)]),
                TargetExample(LocalizedText(zh: "只有一个市辖区有数据：数据不足", en: "one district alone: no data"), year: 2022, csv: """
                    region,year,indicator,value
                    330109,2022,industry_innovation_complexes,12
                    """, expect: [("330000", .noData)]),
            ]),
        Target(
            id: "ZJ-10", title: LocalizedText(zh: "每年发放和使用科技创新券3亿元", en: "Innovation vouchers of 300 million yuan a year"),
            clause: "二(十)", original: "每年发放和使用科技创新券3亿元",
            scope: .jurisdiction, condition: .everyYearAtLeast(.indicator("innovation_vouchers_used"), 30_000),
            deadline: deadline, baseline: 2019, strength: .binding,
            reading: LocalizedText(zh: "自文件印发的 2019 年起每年 ≥ 3 亿元（30000 万元），按全年发放和使用额计；全省数可直接给出（330000），否则为各县之和。",
                                   en: "From 2019, the year of the document, ≥ 300 million yuan (30,000 万元) a year; a province-level value (330000) is used, else the sum of the units."),
            examples: [
                TargetExample(LocalizedText(zh: "2019—2021 年 3亿元、3.2亿元、30000 万元：每年都够，达标（恰在边界）", en: "3亿元, 3.2亿元 and 30,000 万元 in 2019–2021: enough every year, met at the boundary"), year: 2021, csv: """
                    region,year,indicator,value,unit
                    330000,2019,innovation_vouchers_used,3亿元,
                    330000,2020,innovation_vouchers_used,3.2,亿元
                    330000,2021,innovation_vouchers_used,30000,万元
                    """, expect: [("330000", .met)]),
                TargetExample(LocalizedText(zh: "2020 年只有 2.9 亿元：未达标", en: "only 290 million in 2020: not met"), year: 2021, csv: """
                    region,year,indicator,value
                    330000,2019,innovation_vouchers_used,3.1亿元
                    330000,2020,innovation_vouchers_used,2.9亿元
                    330000,2021,innovation_vouchers_used,3.3亿元
                    """, expect: [("330000", .notMet)]),
                TargetExample(LocalizedText(zh: "缺 2019 年：数据不足", en: "2019 missing: no data"), year: 2020, csv: """
                    region,year,indicator,value
                    330000,2020,innovation_vouchers_used,3.5亿元
                    """, expect: [("330000", .noData)]),
            ]),
        Target(
            id: "ZJ-11", title: LocalizedText(zh: "每年开放科研设施与仪器1.5万台次", en: "Research instruments shared 15,000 times a year"),
            clause: "二(十)", original: "开放科研设施与仪器1.5万台次",
            scope: .jurisdiction, condition: .everyYearAtLeast(.indicator("instrument_sharing_times"), 15_000),
            deadline: deadline, baseline: 2019, strength: .binding,
            reading: LocalizedText(zh: "同一句“每年……”的并列要求：自 2019 年起每年 ≥ 1.5 万台次。",
                                   en: "Part of the same “every year” sentence: ≥ 15,000 uses a year from 2019."),
            examples: [
                TargetExample(LocalizedText(zh: "1.5万台次、15000：恰在边界，达标", en: "1.5万台次 and 15,000: at the boundary, met"), year: 2020, csv: """
                    region,year,indicator,value
                    330000,2019,instrument_sharing_times,1.5万台次
                    330000,2020,instrument_sharing_times,15000
                    """, expect: [("330000", .met)]),
                TargetExample(LocalizedText(zh: "2020 年 1.49 万台次：未达标", en: "14,900 in 2020: not met"), year: 2020, csv: """
                    region,year,indicator,value
                    330000,2019,instrument_sharing_times,1.6万台次
                    330000,2020,instrument_sharing_times,1.49万台次
                    """, expect: [("330000", .notMet)]),
                TargetExample(LocalizedText(zh: "缺 2020 年：数据不足", en: "2020 missing: no data"), year: 2020, csv: """
                    region,year,indicator,value
                    330000,2019,instrument_sharing_times,1.6万台次
                    """, expect: [("330000", .noData)]),
            ]),
        Target(
            id: "ZJ-12", title: LocalizedText(zh: "每年开放实验室服务1万批次", en: "Open laboratory services of 10,000 batches a year"),
            clause: "二(十)", original: "开放实验室服务1万批次",
            scope: .jurisdiction, condition: .everyYearAtLeast(.indicator("lab_service_batches"), 10_000),
            deadline: deadline, baseline: 2019, strength: .binding,
            reading: LocalizedText(zh: "同一句“每年……”的并列要求：自 2019 年起每年 ≥ 1 万批次。",
                                   en: "Part of the same “every year” sentence: ≥ 10,000 batches a year from 2019."),
            examples: [
                TargetExample(LocalizedText(zh: "1万批次、1.2万批次：达标", en: "1万批次 and 1.2万批次: met"), year: 2020, csv: """
                    region,year,indicator,value
                    330000,2019,lab_service_batches,1万批次
                    330000,2020,lab_service_batches,1.2万批次
                    """, expect: [("330000", .met)]),
                TargetExample(LocalizedText(zh: "2019 年 9999 批次：未达标", en: "9,999 in 2019: not met"), year: 2020, csv: """
                    region,year,indicator,value
                    330000,2019,lab_service_batches,9999
                    330000,2020,lab_service_batches,12000
                    """, expect: [("330000", .notMet)]),
                TargetExample(LocalizedText(zh: "无全省数，一个县有数：数据不足", en: "no province value, one county's: no data"), year: 2019, csv: """
                    region,year,indicator,value
                    330782,2019,lab_service_batches,800
                    """, expect: [("330000", .noData)]),
            ]),
        Target(
            id: "ZJ-13", title: LocalizedText(zh: "26个加快发展县加大财政科技投入", en: "The 26 accelerated-development counties raise fiscal S&T spending"),
            clause: "二(十八)", original: "推动26个加快发展县优化支出结构,根据财力可能加大财政科技投入",
            scope: .county, filter: .group("加快发展县"), condition: .increasing(.indicator("fiscal_st_expenditure")),
            deadline: deadline, baseline: 2018, strength: .encouraged,
            reading: LocalizedText(
                zh: "“根据财力可能”：鼓励性，未加大只是建议。“加大”读作自 2018 年（文件印发前一年）起财政科技投入逐年严格增加，持平不算加大。"
                    + "名单为文件印发时的 26 个加快发展县（含柯城区、莲都区两个市辖区）。",
                en: "“As finances allow”: encouraged, a shortfall is advice. “加大” is read as fiscal S&T spending rising strictly every year from 2018 "
                    + "(the year before the document); flat is no rise. The list is the 26 accelerated-development counties when the document was issued "
                    + "(two of them districts: 柯城区, 莲都区)."),
            examples: [
                TargetExample(LocalizedText(zh: "淳安县、柯城区逐年增加达标；永嘉县 2019 年持平未达标；平阳县缺 2019 年；桐庐县不在名单",
                                            en: "淳安县 and 柯城区 rise every year: met; 永嘉县 flat in 2019: not met; 平阳县 lacks 2019; 桐庐县 is not listed"), year: 2020, csv: """
                    region,year,indicator,value,unit
                    330127,2018,fiscal_st_expenditure,8000,万元
                    330127,2019,fiscal_st_expenditure,8800,万元
                    330127,2020,fiscal_st_expenditure,0.95,亿元
                    330802,2018,fiscal_st_expenditure,5000,万元
                    330802,2019,fiscal_st_expenditure,5100,万元
                    330802,2020,fiscal_st_expenditure,5200,万元
                    330324,2018,fiscal_st_expenditure,9000,万元
                    330324,2019,fiscal_st_expenditure,9000,万元
                    330324,2020,fiscal_st_expenditure,9900,万元
                    330326,2018,fiscal_st_expenditure,9000,万元
                    330326,2020,fiscal_st_expenditure,9900,万元
                    330122,2018,fiscal_st_expenditure,7000,万元
                    330122,2019,fiscal_st_expenditure,6000,万元
                    330122,2020,fiscal_st_expenditure,6500,万元
                    """, expect: [("330127", .met), ("330802", .met), ("330324", .notMet), ("330326", .noData), ("330122", .notApplicable)]),
            ]),
    ]
}
