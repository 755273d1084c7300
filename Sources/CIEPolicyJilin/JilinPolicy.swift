import CIECore

/// 吉林省 — 吉政办发〔2018〕51号《吉林省人民政府办公厅关于加快县域创新驱动发展的实施意见》 (seed 004).
/// Targets JL-01…JL-05 of TARGETS.md; every quoted sentence occurs in the seed text (tested).
/// The three zones of 一(一) are declared as groups of county-level units (`groups`, `zones`).
public struct JilinPolicy: PolicyModule {
    public init() {}

    public let id = "jilin"
    public let name = LocalizedText(zh: "吉林省", en: "Jilin")
    public let aliases = ["吉林", "jl"]
    public let document = PolicyDocument(
        number: "吉政办发〔2018〕51号",
        title: "吉林省人民政府办公厅关于加快县域创新驱动发展的实施意见",
        issuer: "吉林省人民政府办公厅",
        issued: "2018",
        status: .inForce,
        jurisdictionCode: "220000",
        seed: "004_e69ffcda2a041ad3.txt")

    /// 一(一) “促进东部绿色转型发展区、中部创新转型核心区、西部生态经济区协调创新发展”: the zones in the text's order, each
    /// by the codes of its county-level units. The text does not list them; the module follows the province's own
    /// description of its three zones (english.jl.gov.cn, 2019-11-28): the west has 12 units “including Baicheng, Songyuan,
    /// Nong'an and Shuangliao”, the east “including Tonghua, Baishan, Yanbian, Huadian, and Panshi” — so 农安县 (长春) and
    /// 双辽市 (四平) are western, 桦甸市 and 磐石市 (吉林市) eastern, whatever their prefecture. A unit is listed by its
    /// code of today; its earlier codes count too (公主岭市 220381 → 220184).
    static let zoneList: [(name: String, units: [String])] = [
        ("东部绿色转型发展区", [
            "222401", "222402", "222403", "222404", "222405", "222406", "222424", "222426",  // 延边朝鲜族自治州
            "220602", "220605", "220621", "220622", "220623", "220681",  // 白山市
            "220502", "220503", "220521", "220523", "220524", "220581", "220582",  // 通化市
            "220282", "220284",  // 桦甸市, 磐石市 (吉林市)
        ]),
        ("中部创新转型核心区", [
            "220102", "220103", "220104", "220105", "220106", "220112", "220113", "220182", "220183", "220184",  // 长春市 but 农安县
            "220202", "220203", "220204", "220211", "220221", "220281", "220283",  // 吉林市 but 桦甸市, 磐石市
            "220302", "220303", "220322", "220323",  // 四平市 but 双辽市
            "220402", "220403", "220421", "220422",  // 辽源市
        ]),
        ("西部生态经济区", [
            "220802", "220821", "220822", "220881", "220882",  // 白城市
            "220702", "220721", "220722", "220723", "220781",  // 松原市
            "220122", "220382",  // 农安县 (长春市), 双辽市 (四平市)
        ]),
    ]

    /// The zones, in the text's order.
    public static let zones = zoneList.map(\.name)

    public var groups: [String: [String]] { Dictionary(uniqueKeysWithValues: Self.zoneList) }

    /// 一(三) "到2020年" — the deadline of the targets unless noted.
    static let deadline = 2020

    public var targets: [Target] { JilinPolicy.declarations }

    static let declarations: [Target] = [
        Target(
            id: "JL-01", title: LocalizedText(zh: "各县（市、区）形成1—2个特色产业集群", en: "Each county forms 1–2 characteristic industrial clusters"),
            clause: "二(二)", original: "引领支撑各县(市、区)加快形成1-2个特色鲜明、具有区域竞争力的产业集群",
            scope: .county, condition: .range(.indicator("characteristic_industrial_clusters"), 1, 2),
            deadline: deadline, strength: .binding,
            reading: LocalizedText(
                zh: "截止年取一(三)主要目标的 2020 年。每个县（市、区）特色产业集群 1—2 个；多于 2 个报告为“高于计划”，仍达标。",
                en: "The deadline is 2020, the year of the main targets of 一(三). Each county-level unit 1–2 clusters; more than 2 is reported as above plan, still met."),
            examples: [
                TargetExample(LocalizedText(zh: "1、2 个达标；3 个高于计划仍达标；0 个未达标；未给出为数据不足",
                                            en: "1 and 2 meet it; 3 is above plan, still met; 0 does not; none given is no data"), year: 2020, csv: """
                    region,year,indicator,value
                    220621,2020,characteristic_industrial_clusters,1
                    220622,2020,characteristic_industrial_clusters,2
                    220623,2020,characteristic_industrial_clusters,3
                    220681,2020,characteristic_industrial_clusters,0
                    """, expect: [("220621", .met), ("220622", .met), ("220623", .met), ("220681", .notMet), ("220602", .noData)]),
                TargetExample(LocalizedText(zh: "2019 年评估：尚无集群为进展滞后", en: "in 2019: no cluster yet is off track"), year: 2019, csv: """
                    region,year,indicator,value
                    220621,2018,characteristic_industrial_clusters,0
                    220621,2019,characteristic_industrial_clusters,0
                    220622,2019,characteristic_industrial_clusters,1
                    """, expect: [("220621", .offTrack), ("220622", .met)]),
            ]),
        Target(
            id: "JL-02", title: LocalizedText(zh: "创新创业服务平台县域全覆盖", en: "Every county has an innovation and entrepreneurship service platform"),
            clause: "二(五)", original: "实现创新创业服务平台建设在我省县域全覆盖",
            scope: .county, condition: .atLeast(.indicator("innovation_service_platforms"), 1),
            deadline: deadline, strength: .binding,
            reading: LocalizedText(
                zh: "本文的“县域”指各县（市、区）（见三(三)“开展县(市、区)创新能力监测与评价”），故含市辖区；每个单位至少 1 个星创天地、众创空间、创客之家、农科驿站等平台。",
                en: "“县域” in this document means each county, city or district (三(三) monitors “县(市、区)”), so districts are included; "
                    + "each unit needs at least one platform (Star Innovation Base, maker space, 创客之家, 农科驿站…)."),
            examples: [
                TargetExample(LocalizedText(zh: "1 个恰在边界达标，0 个未达标，未给出为数据不足", en: "1 meets it at the boundary, 0 does not, none given is no data"), year: 2020, csv: """
                    region,year,indicator,value
                    220821,2020,innovation_service_platforms,1
                    220822,2020,innovation_service_platforms,0
                    220802,2020,innovation_service_platforms,4
                    """, expect: [("220821", .met), ("220822", .notMet), ("220802", .met), ("220881", .noData)]),
            ]),
        Target(
            id: "JL-03", title: LocalizedText(zh: "政府引导性投入稳步增长", en: "Government guiding investment grows steadily"),
            clause: "二(八)", original: "确保政府引导性投入稳步增长",
            scope: .county, condition: .increasing(.indicator("fiscal_st_expenditure")),
            deadline: nil, baseline: 2018, strength: .binding,
            reading: LocalizedText(
                zh: "原句承接“鼓励有条件的县(市、区)设立科技成果转化基金、创新创业投资引导基金等”，文本未给“政府引导性投入”的统计口径：以财政科技投入（支出）衡量。无截止年：自文件印发的 2018 年起，每年须高于上年；“稳步增长”要求每年都有增长，持平不算增长（与“只增不减”不同），下降更不算。2018 年本身为不适用。",
                en: "The sentence follows the encouragement to set up transfer and venture guidance funds, and the text gives no measure of "
                    + "“government guiding investment”: it is measured by fiscal S&T expenditure. No deadline: from 2018, when the document was "
                    + "issued, every year must be above the one before; “稳步增长” (steady growth) asks for growth every year, so a flat "
                    + "year fails (unlike “只增不减”, never decreasing), and a fall fails. 2018 itself is not applicable."),
            examples: [
                TargetExample(LocalizedText(zh: "逐年增长达标；2019 年持平未达标；2020 年下降未达标；缺 2019 年为数据不足",
                                            en: "growth every year meets it; flat in 2019 does not; a fall in 2020 does not; a missing 2019 is no data"), year: 2020, csv: """
                    region,year,indicator,value,unit
                    220302,2018,fiscal_st_expenditure,1200,万元
                    220302,2019,fiscal_st_expenditure,0.13,亿元
                    220302,2020,fiscal_st_expenditure,"1,350",万元
                    220303,2018,fiscal_st_expenditure,900,万元
                    220303,2019,fiscal_st_expenditure,900,万元
                    220303,2020,fiscal_st_expenditure,980,万元
                    220322,2018,fiscal_st_expenditure,1500,万元
                    220322,2019,fiscal_st_expenditure,1600,万元
                    220322,2020,fiscal_st_expenditure,1580,万元
                    220323,2018,fiscal_st_expenditure,700,万元
                    220323,2020,fiscal_st_expenditure,760,万元
                    """, expect: [("220302", .met), ("220303", .notMet), ("220322", .notMet), ("220323", .noData)]),
                TargetExample(LocalizedText(zh: "2018 年（基期）评估：不适用", en: "evaluated in 2018, the base year: not applicable"), year: 2018, csv: """
                    region,year,indicator,value
                    220302,2018,fiscal_st_expenditure,1200
                    """, expect: [("220302", .notApplicable)]),
            ]),
        Target(
            id: "JL-04", title: LocalizedText(zh: "有条件的县设立创新驱动发展专项资金", en: "Counties able to set up an innovation-driven development fund"),
            clause: "三(二)", original: "有条件的县(市、区)要设立创新驱动发展专项资金",
            scope: .county, condition: .exists(.indicator("innovation_special_fund")), deadline: deadline, strength: .encouraged,
            reading: LocalizedText(
                zh: "虽有“要”字，但只对“有条件的”县（市、区）提出，哪些县有条件文本未列出：按鼓励性处理，未设立只是建议，不构成不合规。截止年取 2020 年。",
                en: "The sentence says 要 but only of counties “有条件的” (able to), which the text does not list: read as encouraged; a "
                    + "unit without the fund gets advice, not a compliance failure. Deadline 2020."),
            examples: [
                TargetExample(LocalizedText(zh: "是：达标；否：未达标（鼓励性）；未给出：数据不足", en: "是 meets it; 否 does not (encouraged); nothing given is no data"), year: 2020, csv: """
                    region,year,indicator,value
                    222401,2020,innovation_special_fund,是
                    222402,2020,innovation_special_fund,否
                    """, expect: [("222401", .met), ("222402", .notMet), ("222403", .noData)]),
                TargetExample(LocalizedText(zh: "2019 年尚未设立：进展滞后", en: "none yet in 2019: off track"), year: 2019, csv: """
                    region,year,indicator,value
                    222402,2019,innovation_special_fund,否
                    """, expect: [("222402", .offTrack)]),
            ]),
        Target(
            id: "JL-05", title: LocalizedText(zh: "建设一批国家级农业高新技术产业开发区", en: "National agricultural high-tech zones built"),
            clause: "二(五)", original: "建设一批国家级农业高新技术产业开发区",
            scope: .jurisdiction, condition: .atLeast(.indicator("national_agri_hitech_zones"), 1), deadline: deadline, strength: .encouraged,
            reading: LocalizedText(
                zh: "“一批”未给数量，按全省至少 1 个判断。国家级农业高新区由国务院批复，不由本省决定，原句也无“要”“确保”：按鼓励性处理。"
                    + "全省数可直接给出（220000），给出时即用该数，否则为各县之和。截止年取 2020 年。",
                en: "“一批” (a batch) gives no number: at least one in the province. National agricultural high-tech zones are approved by "
                    + "the State Council, not the province, and the sentence has no 要 or 确保: read as encouraged. A province-wide value "
                    + "(220000) is used when given, else the sum of the units. Deadline 2020."),
            examples: [
                TargetExample(LocalizedText(zh: "全省直接给出 1 个：达标（各县无数据也不影响）", en: "a province-wide value of 1: met, whatever the counties"), year: 2020, csv: """
                    region,year,indicator,value
                    220000,2020,national_agri_hitech_zones,1
                    """, expect: [("220000", .met)]),
                TargetExample(LocalizedText(zh: "全省数 0 优先于县的数：未达标（鼓励性）", en: "the province's own 0 is used before a county's 1: not met (encouraged)"), year: 2020, csv: """
                    region,year,indicator,value
                    220000,2020,national_agri_hitech_zones,0
                    220184,2020,national_agri_hitech_zones,1
                    """, expect: [("220000", .notMet)]),
                TargetExample(LocalizedText(zh: "无全省数：公主岭市 1 个，合计已达标", en: "no province-wide value: 1 in 公主岭市 already meets it"), year: 2020, csv: """
                    region,year,indicator,value
                    220184,2020,national_agri_hitech_zones,1
                    """, expect: [("220000", .met)]),
                TargetExample(LocalizedText(zh: "只有一个县为 0，其余无数据：数据不足", en: "one county with 0, the others without data: no data"), year: 2020, csv: """
                    region,year,indicator,value
                    220122,2020,national_agri_hitech_zones,0
                    """, expect: [("220000", .noData)]),
            ]),
    ]
}
