import CIECore

/// 青海省 — 青政办〔2018〕6号《青海省人民政府办公厅关于推动县域创新驱动发展的实施意见》 (seed 000).
/// Targets QH-01…QH-12 of TARGETS.md; every quoted sentence occurs in the seed text (tested).
public struct QinghaiPolicy: PolicyModule {
    public init() {}

    public let id = "qinghai"
    public let name = LocalizedText(zh: "青海省", en: "Qinghai")
    public let aliases = ["青海", "Qinghai", "qh"]
    public let document = PolicyDocument(
        number: "青政办〔2018〕6号",
        title: "青海省人民政府办公厅关于推动县域创新驱动发展的实施意见",
        issuer: "青海省人民政府办公厅",
        issued: "2018-01-12",
        status: .inForce,
        jurisdictionCode: "630000",
        seed: "000_0f1e649b19c755e8.txt")

    /// 一(二) "到２０２０年…" — the deadline of every target of 一(二).
    static let deadline = 2020

    public var targets: [Target] { QinghaiPolicy.declarations }

    static let declarations: [Target] = [
        Target(
            id: "QH-01", title: LocalizedText(zh: "70%以上的县建设省级高新区或农业科技园区", en: "70% of counties host a provincial high-tech zone or agricultural S&T park"),
            clause: "一(二)", original: "全省７０％以上的县（市、区）建设省级高新技术产业开发区或农业科技园区",
            scope: .jurisdiction,
            condition: .share(of: .atLeast(.sum([.indicator("provincial_hitech_zones"), .indicator("provincial_agri_parks")]), 1), among: nil, atLeastPercent: 70),
            deadline: deadline, strength: .binding,
            reading: LocalizedText(zh: "“县（市、区）”含市辖区；一个县有高新区或农业科技园区之一即计入。", en: "“县（市、区）” includes districts; a county counts when it hosts either kind of park."),
            examples: [
                TargetExample(LocalizedText(zh: "44 个县中 31 个有省级高新区（70.45%）：达标", en: "31 of 44 counties host a park (70.45%): met"), year: 2020, csv: """
                    region,year,indicator,value
                    630102,2020,provincial_hitech_zones,1
                    630103,2020,provincial_hitech_zones,1
                    630104,2020,provincial_hitech_zones,1
                    630105,2020,provincial_hitech_zones,1
                    630106,2020,provincial_hitech_zones,1
                    630121,2020,provincial_hitech_zones,1
                    630123,2020,provincial_hitech_zones,1
                    630202,2020,provincial_hitech_zones,1
                    630203,2020,provincial_hitech_zones,1
                    630222,2020,provincial_hitech_zones,1
                    630223,2020,provincial_hitech_zones,1
                    630224,2020,provincial_hitech_zones,1
                    630225,2020,provincial_hitech_zones,1
                    632221,2020,provincial_hitech_zones,1
                    632222,2020,provincial_hitech_zones,1
                    632223,2020,provincial_hitech_zones,1
                    632224,2020,provincial_hitech_zones,1
                    632301,2020,provincial_hitech_zones,1
                    632322,2020,provincial_hitech_zones,1
                    632323,2020,provincial_hitech_zones,1
                    632324,2020,provincial_hitech_zones,1
                    632521,2020,provincial_hitech_zones,1
                    632522,2020,provincial_hitech_zones,1
                    632523,2020,provincial_hitech_zones,1
                    632524,2020,provincial_hitech_zones,1
                    632525,2020,provincial_hitech_zones,1
                    632621,2020,provincial_hitech_zones,1
                    632622,2020,provincial_hitech_zones,1
                    632623,2020,provincial_hitech_zones,1
                    632624,2020,provincial_hitech_zones,1
                    632625,2020,provincial_hitech_zones,1
                    632626,2020,provincial_hitech_zones,0
                    632701,2020,provincial_hitech_zones,0
                    632722,2020,provincial_hitech_zones,0
                    632723,2020,provincial_hitech_zones,0
                    632724,2020,provincial_hitech_zones,0
                    632725,2020,provincial_hitech_zones,0
                    632726,2020,provincial_hitech_zones,0
                    632801,2020,provincial_hitech_zones,0
                    632802,2020,provincial_hitech_zones,0
                    632803,2020,provincial_hitech_zones,0
                    632821,2020,provincial_hitech_zones,0
                    632822,2020,provincial_hitech_zones,0
                    632823,2020,provincial_hitech_zones,0
                    """, expect: [("630000", .met)]),
                TargetExample(LocalizedText(zh: "44 个县中 30 个（68.18%）：未达标", en: "30 of 44 (68.18%): not met"), year: 2020, csv: """
                    region,year,indicator,value
                    630102,2020,provincial_hitech_zones,1
                    630103,2020,provincial_hitech_zones,1
                    630104,2020,provincial_hitech_zones,1
                    630105,2020,provincial_hitech_zones,1
                    630106,2020,provincial_hitech_zones,1
                    630121,2020,provincial_hitech_zones,1
                    630123,2020,provincial_hitech_zones,1
                    630202,2020,provincial_hitech_zones,1
                    630203,2020,provincial_hitech_zones,1
                    630222,2020,provincial_hitech_zones,1
                    630223,2020,provincial_hitech_zones,1
                    630224,2020,provincial_hitech_zones,1
                    630225,2020,provincial_hitech_zones,1
                    632221,2020,provincial_hitech_zones,1
                    632222,2020,provincial_hitech_zones,1
                    632223,2020,provincial_hitech_zones,1
                    632224,2020,provincial_hitech_zones,1
                    632301,2020,provincial_hitech_zones,1
                    632322,2020,provincial_hitech_zones,1
                    632323,2020,provincial_hitech_zones,1
                    632324,2020,provincial_hitech_zones,1
                    632521,2020,provincial_hitech_zones,1
                    632522,2020,provincial_hitech_zones,1
                    632523,2020,provincial_hitech_zones,1
                    632524,2020,provincial_hitech_zones,1
                    632525,2020,provincial_hitech_zones,1
                    632621,2020,provincial_hitech_zones,1
                    632622,2020,provincial_hitech_zones,1
                    632623,2020,provincial_hitech_zones,1
                    632624,2020,provincial_hitech_zones,1
                    632625,2020,provincial_hitech_zones,0
                    632625,2020,provincial_agri_parks,0
                    632626,2020,provincial_hitech_zones,0
                    632626,2020,provincial_agri_parks,0
                    632701,2020,provincial_hitech_zones,0
                    632701,2020,provincial_agri_parks,0
                    632722,2020,provincial_hitech_zones,0
                    632722,2020,provincial_agri_parks,0
                    632723,2020,provincial_hitech_zones,0
                    632723,2020,provincial_agri_parks,0
                    632724,2020,provincial_hitech_zones,0
                    632724,2020,provincial_agri_parks,0
                    632725,2020,provincial_hitech_zones,0
                    632725,2020,provincial_agri_parks,0
                    632726,2020,provincial_hitech_zones,0
                    632726,2020,provincial_agri_parks,0
                    632801,2020,provincial_hitech_zones,0
                    632801,2020,provincial_agri_parks,0
                    632802,2020,provincial_hitech_zones,0
                    632802,2020,provincial_agri_parks,0
                    632803,2020,provincial_hitech_zones,0
                    632803,2020,provincial_agri_parks,0
                    632821,2020,provincial_hitech_zones,0
                    632821,2020,provincial_agri_parks,0
                    632822,2020,provincial_hitech_zones,0
                    632822,2020,provincial_agri_parks,0
                    632823,2020,provincial_hitech_zones,0
                    632823,2020,provincial_agri_parks,0
                    """, expect: [("630000", .notMet)]),
                TargetExample(LocalizedText(zh: "44 个县仅 4 个有数据（3 个有园区）：是否达到 70% 无法判断，数据不足", en: "data for 4 of 44 counties (3 host a park): 70% cannot be decided, no data"), year: 2020, csv: """
                    region,year,indicator,value
                    630121,2020,provincial_hitech_zones,1
                    630123,2020,provincial_agri_parks,1
                    630102,2020,provincial_hitech_zones,1
                    630103,2020,provincial_hitech_zones,0
                    """, expect: [("630000", .noData)]),
            ]),
        Target(
            id: "QH-02", title: LocalizedText(zh: "创业孵化器全覆盖", en: "Every county has an incubator"),
            clause: "一(二)", original: "全省各县（市、区）实现众创空间或创业园等创业孵化器全覆盖",
            scope: .county, condition: .atLeast(.indicator("incubators"), 1), deadline: deadline, strength: .binding,
            examples: [
                TargetExample(LocalizedText(zh: "1 个孵化器达标，0 个未达标，无数据为数据不足", en: "one incubator meets it, none fails, none given is no data"), year: 2020, csv: """
                    region,year,indicator,value
                    630121,2020,incubators,1
                    630123,2020,incubators,0
                    """, expect: [("630121", .met), ("630123", .notMet), ("630102", .noData)]),
            ]),
        Target(
            id: "QH-03", title: LocalizedText(zh: "各市（州）创建1—2个科技创新驱动试点县", en: "Each prefecture creates 1–2 innovation-driven pilot counties"),
            clause: "一(二)", original: "全省各市（州）创建１—２个科技创新驱动试点县（市、区）",
            scope: .prefecture, condition: .range(.indicator("innovation_pilot_county"), 1, 2), deadline: deadline, strength: .binding,
            reading: LocalizedText(zh: "试点县数为该市（州）内“科技创新驱动试点县”为“是”的单位数；多于 2 个报告为“高于计划”，仍达标。",
                                   en: "The count is the number of units of the prefecture flagged as pilot counties; more than 2 is reported as above plan, still met."),
            examples: [
                TargetExample(LocalizedText(zh: "果洛州 6 个县均非试点县：未达标", en: "none of Golog's six counties is a pilot: not met"), year: 2020, csv: """
                    region,year,indicator,value
                    632621,2020,innovation_pilot_county,否
                    632622,2020,innovation_pilot_county,否
                    632623,2020,innovation_pilot_county,否
                    632624,2020,innovation_pilot_county,否
                    632625,2020,innovation_pilot_county,否
                    632626,2020,innovation_pilot_county,否
                    """, expect: [("632600", .notMet)]),
                TargetExample(LocalizedText(zh: "西宁市 1 个试点县：达标", en: "Xining has one pilot county: met"), year: 2020, csv: """
                    region,year,indicator,value
                    630121,2020,innovation_pilot_county,是
                    630102,2020,innovation_pilot_county,否
                    630103,2020,innovation_pilot_county,否
                    630104,2020,innovation_pilot_county,否
                    630105,2020,innovation_pilot_county,否
                    630106,2020,innovation_pilot_county,否
                    630123,2020,innovation_pilot_county,否
                    632621,2020,innovation_pilot_county,否
                    """, expect: [("630100", .met), ("632600", .noData)]),
            ]),
        Target(
            id: "QH-04", title: LocalizedText(zh: "每个试点县创建1—3个试点乡镇", en: "Each pilot county creates 1–3 pilot towns"),
            clause: "一(二)", original: "每个试点县（市、区）创建１—３个试点乡镇",
            scope: .county, filter: .flag("innovation_pilot_county"), condition: .range(.indicator("innovation_pilot_towns"), 1, 3),
            deadline: deadline, strength: .binding,
            examples: [
                TargetExample(LocalizedText(zh: "试点县有 2 个试点乡镇达标；非试点县不适用", en: "a pilot county with 2 pilot towns meets it; a non-pilot is not applicable"), year: 2020, csv: """
                    region,year,indicator,value
                    630121,2020,innovation_pilot_county,是
                    630121,2020,innovation_pilot_towns,2
                    630123,2020,innovation_pilot_county,否
                    630102,2020,innovation_pilot_county,是
                    630102,2020,innovation_pilot_towns,0
                    """, expect: [("630121", .met), ("630123", .notApplicable), ("630102", .notMet), ("630103", .noData)]),
            ]),
        Target(
            id: "QH-05", title: LocalizedText(zh: "争取1个以上国家创新型县或创新型乡镇", en: "At least one national innovative county or town"),
            clause: "一(二)", original: "争取１个以上成为国家创新型县（市、区）、创新型乡镇",
            scope: .jurisdiction,
            condition: .atLeast(.sum([.indicator("national_innovative_county"), .indicator("national_innovative_towns")]), 1),
            deadline: deadline, strength: .striving,
            reading: LocalizedText(zh: "国家创新型县个数与国家创新型乡镇个数之和 ≥ 1；有数据的单位已达到即为达标。",
                                   en: "National innovative counties plus national innovative towns ≥ 1; met as soon as the units with data reach it."),
            examples: [
                TargetExample(LocalizedText(zh: "全省给出 0 个国家创新型县、0 个创新型乡镇：未达标", en: "the province reports none of either: not met"), year: 2020, csv: """
                    region,year,indicator,value
                    630000,2020,national_innovative_county,0
                    630000,2020,national_innovative_towns,0
                    """, expect: [("630000", .notMet)]),
                TargetExample(LocalizedText(zh: "没有任何相关数据：数据不足", en: "nothing reported: no data"), year: 2020, csv: """
                    region,year,indicator,value
                    630121,2020,gdp,1000000
                    """, expect: [("630000", .noData)]),
                TargetExample(LocalizedText(zh: "一个县有 1 个国家创新型乡镇：达标", en: "one county has a national innovative town: met"), year: 2020, csv: """
                    region,year,indicator,value
                    630121,2020,national_innovative_towns,1
                    """, expect: [("630000", .met)]),
            ]),
        Target(
            id: "QH-06", title: LocalizedText(zh: "具备基本科学素质的公民比例达到4.5%以上", en: "Scientific literacy of citizens ≥ 4.5%"),
            clause: "一(二)", original: "具备基本科学素质的公民比例达到４.５％以上",
            scope: .county, condition: .atLeast(.indicator("science_literacy_rate"), 4.5), deadline: deadline, strength: .binding,
            reading: LocalizedText(zh: "原文为“全省各县县域…”，按每个县（市、区）评估。", en: "The sentence speaks of every county; evaluated per unit."),
            examples: [
                TargetExample(LocalizedText(zh: "4.5% 恰在边界达标，4.49% 未达标", en: "4.5% meets it at the boundary, 4.49% does not"), year: 2020, csv: """
                    region,year,indicator,value
                    630121,2020,science_literacy_rate,４.５％
                    630123,2020,science_literacy_rate,4.49
                    """, expect: [("630121", .met), ("630123", .notMet), ("630102", .noData)]),
                TargetExample(LocalizedText(zh: "2019 年评估：年均提高 0.3，需 0.25，进展顺利；年均 0.05，进展滞后",
                                            en: "in 2019: +0.3 a year where 0.25 is needed is on track; +0.05 is off track"), year: 2019, csv: """
                    region,year,indicator,value
                    630121,2018,science_literacy_rate,4.0
                    630121,2019,science_literacy_rate,4.3
                    630123,2018,science_literacy_rate,4.0
                    630123,2019,science_literacy_rate,4.05
                    630102,2019,science_literacy_rate,4.2
                    """, expect: [("630121", .onTrack), ("630123", .offTrack), ("630102", .noData)]),
            ]),
        Target(
            id: "QH-07", title: LocalizedText(zh: "科技进步贡献率达到55%", en: "S&T progress contribution ≥ 55%"),
            clause: "一(二)", original: "全省各县（市、区）科技进步对经济增长的贡献率达到５５％",
            scope: .county, condition: .atLeast(.indicator("st_progress_contribution"), 55), deadline: deadline, strength: .binding,
            examples: [
                TargetExample(LocalizedText(zh: "城东区有值，城中区未报：数据不足", en: "城中区 reports nothing: no data"), year: 2020, csv: """
                    region,year,indicator,value
                    630102,2020,st_progress_contribution,56
                    """, expect: [("630102", .met), ("630103", .noData)]),
                TargetExample(LocalizedText(zh: "55% 达标，54.9% 未达标", en: "55% meets it, 54.9% does not"), year: 2020, csv: """
                    region,year,indicator,value
                    630121,2020,st_progress_contribution,55
                    630123,2020,st_progress_contribution,54.9
                    """, expect: [("630121", .met), ("630123", .notMet)]),
            ]),
        Target(
            id: "QH-08", title: LocalizedText(zh: "每年引导300名科技人员到基层服务", en: "300 S&T personnel sent to grassroots service every year"),
            clause: "二(六)", original: "每年引导３００名科技人员到基层服务",
            scope: .jurisdiction, condition: .everyYearAtLeast(.indicator("st_personnel_to_grassroots"), 300),
            deadline: deadline, baseline: 2018, strength: .binding,
            reading: LocalizedText(zh: "自文件实施的 2018 年起每年 ≥ 300 人；全省数可直接给出（630000），否则为各县之和。",
                                   en: "From 2018, when the document took effect, ≥ 300 a year; a province-level value (630000) is used, else the sum of the units."),
            examples: [
                TargetExample(LocalizedText(zh: "缺 2019 年：数据不足", en: "2019 missing: no data"), year: 2020, csv: """
                    region,year,indicator,value
                    630000,2018,st_personnel_to_grassroots,320
                    630000,2020,st_personnel_to_grassroots,330
                    """, expect: [("630000", .noData)]),
                TargetExample(LocalizedText(zh: "2018—2020 年 320、305、298：2020 年不足", en: "320, 305, 298 in 2018–2020: 2020 falls short"), year: 2020, csv: """
                    region,year,indicator,value
                    630000,2018,st_personnel_to_grassroots,320
                    630000,2019,st_personnel_to_grassroots,305
                    630000,2020,st_personnel_to_grassroots,298
                    """, expect: [("630000", .notMet)]),
                TargetExample(LocalizedText(zh: "每年均 ≥ 300：达标", en: "≥ 300 every year: met"), year: 2019, csv: """
                    region,year,indicator,value
                    630000,2018,st_personnel_to_grassroots,300
                    630000,2019,st_personnel_to_grassroots,301
                    """, expect: [("630000", .met)]),
            ]),
        Target(
            id: "QH-09", title: LocalizedText(zh: "财政科技投入只增不减", en: "Fiscal S&T expenditure never decreases"),
            clause: "三(十一)", original: "切实落实政府财政科技投入，只增不减",
            scope: .county, condition: .nonDecreasing(.indicator("fiscal_st_expenditure")),
            deadline: nil, baseline: 2017, strength: .binding,
            reading: LocalizedText(zh: "无截止年：自 2017 年（文件印发前一年）起每年不低于上年；持平视为不减。",
                                   en: "No deadline: from 2017 (the year before the document), every year at least the year before; flat counts as not decreasing."),
            examples: [
                TargetExample(LocalizedText(zh: "持平达标；2019 年下降未达标；缺 2018 年为数据不足", en: "flat meets it; a fall in 2019 does not; a missing 2018 is no data"), year: 2020, csv: """
                    region,year,indicator,value,unit
                    630121,2017,fiscal_st_expenditure,1000,万元
                    630121,2018,fiscal_st_expenditure,0.11,亿元
                    630121,2019,fiscal_st_expenditure,"1,100",万元
                    630121,2020,fiscal_st_expenditure,12000000,元
                    630123,2017,fiscal_st_expenditure,900,万元
                    630123,2018,fiscal_st_expenditure,950,万元
                    630123,2019,fiscal_st_expenditure,940,万元
                    630123,2020,fiscal_st_expenditure,990,万元
                    630102,2017,fiscal_st_expenditure,900,万元
                    630102,2019,fiscal_st_expenditure,950,万元
                    630102,2020,fiscal_st_expenditure,990,万元
                    """, expect: [("630121", .met), ("630123", .notMet), ("630102", .noData)]),
            ]),
        Target(
            id: "QH-10", title: LocalizedText(zh: "成立县域创新驱动发展领导小组及办公室", en: "A leading group and office for innovation-driven development"),
            clause: "三(十)", original: "成立相应的领导小组及办公室",
            scope: .county, condition: .exists(.indicator("innovation_leading_group")), deadline: deadline, strength: .binding,
            examples: [
                TargetExample(LocalizedText(zh: "城东区有值，城中区未报：数据不足", en: "城中区 reports nothing: no data"), year: 2020, csv: """
                    region,year,indicator,value
                    630102,2020,innovation_leading_group,是
                    """, expect: [("630102", .met), ("630103", .noData)]),
                TargetExample(LocalizedText(zh: "是：达标；否：未达标", en: "是 meets it; 否 does not"), year: 2020, csv: """
                    region,year,indicator,value
                    630121,2020,innovation_leading_group,是
                    630123,2020,innovation_leading_group,否
                    """, expect: [("630121", .met), ("630123", .notMet)]),
            ]),
        Target(
            id: "QH-11", title: LocalizedText(zh: "健全县级科技管理机构", en: "A county S&T management agency"),
            clause: "三(十)", original: "健全市（州）、县（市、区）级科技管理机构",
            scope: .county, condition: .exists(.indicator("st_management_agency")), deadline: deadline, strength: .binding,
            examples: [
                TargetExample(LocalizedText(zh: "城东区有值，城中区未报：数据不足", en: "城中区 reports nothing: no data"), year: 2020, csv: """
                    region,year,indicator,value
                    630102,2020,st_management_agency,是
                    """, expect: [("630102", .met), ("630103", .noData)]),
                TargetExample(LocalizedText(zh: "有：达标；无：未达标", en: "有 meets it; 无 does not"), year: 2020, csv: """
                    region,year,indicator,value
                    630121,2020,st_management_agency,有
                    630123,2020,st_management_agency,无
                    """, expect: [("630121", .met), ("630123", .notMet)]),
            ]),
        Target(
            id: "QH-12", title: LocalizedText(zh: "鼓励有条件的县建立科技服务中心", en: "Counties able to are encouraged to set up an S&T service centre"),
            clause: "二(七)", original: "鼓励有条件的县（市、区）建立科技服务中心",
            scope: .county, condition: .exists(.indicator("st_service_center")), deadline: deadline, strength: .encouraged,
            reading: LocalizedText(zh: "鼓励性条款：未建立只是建议，不构成不合规。", en: "Encouraged: a county without one gets advice, not a compliance failure."),
            examples: [
                TargetExample(LocalizedText(zh: "城东区有值，城中区未报：数据不足", en: "城中区 reports nothing: no data"), year: 2020, csv: """
                    region,year,indicator,value
                    630102,2020,st_service_center,是
                    """, expect: [("630102", .met), ("630103", .noData)]),
                TargetExample(LocalizedText(zh: "yes：达标；no：未达标（鼓励性）", en: "yes meets it; no does not (encouraged)"), year: 2020, csv: """
                    region,year,indicator,value
                    630121,2020,st_service_center,yes
                    630123,2020,st_service_center,no
                    """, expect: [("630121", .met), ("630123", .notMet)]),
            ]),
    ]
}
