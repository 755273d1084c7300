import CIECore

/// 威海市 — 威政办发〔2018〕32号《威海市人民政府办公室关于加快县域创新驱动发展的实施意见》 (seed 002).
/// Targets WH-01…WH-16 of TARGETS.md; every quoted sentence occurs in the seed text (tested).
///
/// The jurisdiction is the prefecture 威海市 (371000). Its units are 环翠区, 文登区, 荣成市, 乳山市 and, because the document
/// says “各区市（含国家级开发区、综保区、南海新区，下同）”, the functional zones (`zones`): its three national development
/// zones, 威海火炬高技术产业开发区 (371071), 威海经济技术开发区 (371072) and 威海临港经济技术开发区 (371073, national since
/// 2013), take part whenever the data has values for them, and so do 综保区 and 南海新区, which have no code, when a regions
/// file declares them.
public struct WeihaiPolicy: PolicyModule {
    public init() {}

    public let id = "weihai"
    public let name = LocalizedText(zh: "威海市", en: "Weihai")
    public let aliases = ["威海", "wh"]
    public let document = PolicyDocument(
        number: "威政办发〔2018〕32号",
        title: "威海市人民政府办公室关于加快县域创新驱动发展的实施意见",
        issuer: "威海市人民政府办公室",
        issued: "2018-11-08",
        status: .inForce,
        jurisdictionCode: "371000",
        seed: "002_eff6465ac9f855be.txt")

    /// 一(三) "到“十三五”末" — the end of the 13th Five-Year Plan.
    static let deadline = 2020
    /// The end of the 12th Five-Year Plan, the base of the growth targets of 一(三).
    static let baseline = 2015

    public var targets: [Target] { WeihaiPolicy.declarations }

    /// 总体要求 “各区市（含国家级开发区、综保区、南海新区，下同）”: the only one of the five documents that counts functional zones.
    public var zones: ZoneRule {
        ZoneRule(codes: ["371071", "371072", "371073"], declared: true, reading: LocalizedText(
            zh: "“各区市（含国家级开发区、综保区、南海新区，下同）”：三个国家级开发区（371071 火炬高新区、371072 经开区、371073 临港经开区）有数据时计入，综保区、南海新区由地区 CSV 声明后计入",
            en: "“each district and city (including the national development zones, the comprehensive bonded zone and 南海新区)”: the three national development zones (371071, 371072, 371073) count when they have data, 综保区 and 南海新区 once a regions CSV declares them"))
    }

    static let zonesTakePart = LocalizedText(
        zh: "威海市数可直接给出（371000），否则为各区市之和；有数据的功能区（国家级开发区等）计入。",
        en: "A city-level value (371000) is used, else the sum of the units, functional zones with data included.")

    static let declarations: [Target] = [
        Target(
            id: "WH-01", title: LocalizedText(zh: "1—2个区市跻身国家创新型县（市）", en: "1–2 units become national innovative counties"),
            clause: "一(三)", original: "1—2 个区市跻身国家创新型县（市）",
            scope: .jurisdiction, condition: .range(.indicator("national_innovative_county"), 1, 2),
            deadline: deadline, strength: .binding,
            reading: LocalizedText(zh: "数国家创新型县为“是”的区市个数；多于 2 个报告为“高于计划”，仍达标。",
                                   en: "Counts the units flagged as national innovative counties; more than 2 is above plan, still met."),
            examples: [
                TargetExample(LocalizedText(zh: "荣成市 1 个：达标", en: "荣成市 alone: met"), year: 2020, csv: """
                    region,year,indicator,value
                    371002,2020,national_innovative_county,否
                    371003,2020,national_innovative_county,否
                    371082,2020,national_innovative_county,是
                    371083,2020,national_innovative_county,否
                    """, expect: [("371000", .met)]),
                TargetExample(LocalizedText(zh: "3 个：高于计划，仍达标", en: "three: above plan, still met"), year: 2020, csv: """
                    region,year,indicator,value
                    371002,2020,national_innovative_county,是
                    371003,2020,national_innovative_county,否
                    371082,2020,national_innovative_county,是
                    371083,2020,national_innovative_county,是
                    """, expect: [("371000", .met)]),
                TargetExample(LocalizedText(zh: "2020 年一个也没有：未达标；2019 年则为进展滞后", en: "none in 2020: not met (off track in 2019)"), year: 2020, csv: """
                    region,year,indicator,value
                    371000,2020,national_innovative_county,0
                    """, expect: [("371000", .notMet)]),
                TargetExample(LocalizedText(zh: "2019 年一个也没有：进展滞后", en: "none in 2019: off track"), year: 2019, csv: """
                    region,year,indicator,value
                    371000,2019,national_innovative_county,0
                    """, expect: [("371000", .offTrack)]),
                TargetExample(LocalizedText(zh: "只知荣成市为“否”：其余区市不明，数据不足", en: "only 荣成市 known (否): no data"), year: 2020, csv: """
                    region,year,indicator,value
                    371082,2020,national_innovative_county,否
                    """, expect: [("371000", .noData)]),
            ]),
        Target(
            id: "WH-02", title: LocalizedText(zh: "规上工业企业研发投入占GDP比重年均提高0.1个百分点", en: "Industrial R&D / GDP up 0.1 point a year"),
            clause: "一(三)", original: "各区市规模以上工业企业研发投入占 GDP 比重年均提高 0.1 个百分点",
            scope: .county, condition: .avgAnnualIncrease(.indicator("above_scale_industrial_rd_intensity"), 0.1),
            deadline: deadline, baseline: baseline, strength: .binding,
            reading: LocalizedText(
                zh: "基期为“十二五”末的 2015 年：(2020 年比重 − 2015 年比重) ÷ 5 ≥ 0.1，单位为百分点（比重本身以 % 计，如 1.0% → 1.5%）。"
                    + "比重可直接给出，否则由规上工业企业研发投入 ÷ 地区生产总值 × 100 算出。各区市含有数据的功能区。",
                en: "The baseline is 2015, the end of the 12th Five-Year Plan: (share in 2020 − share in 2015) ÷ 5 ≥ 0.1, in percentage points "
                    + "(the share itself is in %, e.g. 1.0% → 1.5%). The share is taken as given, else computed as industrial R&D ÷ GDP × 100. "
                    + "Functional zones with data are units."),
            examples: [
                TargetExample(LocalizedText(zh: "环翠区 1.0% → 1.5%（年均 0.1 点，恰在边界）达标；文登区 1.0% → 1.4% 未达标；火炬高新区 2.0% → 3.0% 达标；荣成市缺 2015 年；乳山市直接给出比重 0.8% → 1.3% 达标",
                                            en: "环翠区 1.0% → 1.5% (0.1 point a year, the boundary) meets it; 文登区 1.0% → 1.4% does not; the 火炬 zone 2.0% → 3.0% meets it; 荣成市 lacks 2015; 乳山市 gives the share itself, 0.8% → 1.3%: met"), year: 2020, csv: """
                    region,year,indicator,value,unit
                    371002,2015,above_scale_industrial_rd_expenditure,20000,万元
                    371002,2015,gdp,200亿元,
                    371002,2020,above_scale_industrial_rd_expenditure,3亿元,
                    371002,2020,gdp,2000000,万元
                    371003,2015,above_scale_industrial_rd_expenditure,10000,万元
                    371003,2015,gdp,1000000,万元
                    371003,2020,above_scale_industrial_rd_expenditure,14000,万元
                    371003,2020,gdp,1000000,万元
                    371071,2015,above_scale_industrial_rd_expenditure,30000,万元
                    371071,2015,gdp,1500000,万元
                    371071,2020,above_scale_industrial_rd_expenditure,45000,万元
                    371071,2020,gdp,1500000,万元
                    371082,2020,above_scale_industrial_rd_expenditure,40000,万元
                    371082,2020,gdp,3000000,万元
                    371083,2015,above_scale_industrial_rd_intensity,0.8,%
                    371083,2020,above_scale_industrial_rd_intensity,1.3,%
                    """, expect: [("371002", .met), ("371003", .notMet), ("371071", .met), ("371082", .noData), ("371083", .met)]),
                TargetExample(LocalizedText(zh: "2018 年评估：1.0% → 1.29%（年均 0.097 点，进度比 0.97）进展顺利；1.0% → 1.24%（年均 0.08 点）进展滞后",
                                            en: "in 2018: 1.0% → 1.29% (0.097 point a year, ratio 0.97) on track; 1.0% → 1.24% (0.08 a year) off track"), year: 2018, csv: """
                    region,year,indicator,value
                    371002,2015,above_scale_industrial_rd_intensity,1.0
                    371002,2018,above_scale_industrial_rd_intensity,1.29
                    371003,2015,above_scale_industrial_rd_intensity,1.0
                    371003,2018,above_scale_industrial_rd_intensity,1.24
                    """, expect: [("371002", .onTrack), ("371003", .offTrack)]),
            ]),
        Target(
            id: "WH-03", title: LocalizedText(zh: "高新技术产业产值占比年均增长1个百分点", en: "High-tech share of industrial output up 1 point a year"),
            clause: "一(三)", original: "高新技术产业产值占规模以上工业总产值比重年均增长 1 个百分点",
            scope: .county, condition: .avgAnnualIncrease(.indicator("hitech_output_share"), 1),
            deadline: deadline, baseline: baseline, strength: .binding,
            reading: LocalizedText(zh: "句承“各区市”，按每个区市（含有数据的功能区）评估；自 2015 年起年均提高 ≥ 1 个百分点。",
                                   en: "The sentence continues “各区市”: per unit (zones with data included); ≥ 1 percentage point a year since 2015."),
            examples: [
                TargetExample(LocalizedText(zh: "50% → 55% 恰在边界达标；40% → 44% 未达标；经开区 30% → 37% 达标；乳山市缺 2015 年",
                                            en: "50% → 55% meets it at the boundary; 40% → 44% does not; the 经开 zone 30% → 37% meets it; 乳山市 lacks 2015"), year: 2020, csv: """
                    region,year,indicator,value
                    371002,2015,hitech_output_share,50
                    371002,2020,hitech_output_share,55％
                    371003,2015,hitech_output_share,40
                    371003,2020,hitech_output_share,44
                    371072,2015,hitech_output_share,30
                    371072,2020,hitech_output_share,37
                    371083,2020,hitech_output_share,48
                    """, expect: [("371002", .met), ("371003", .notMet), ("371072", .met), ("371083", .noData)]),
            ]),
        Target(
            id: "WH-04", title: LocalizedText(zh: "高新技术企业数量较“十二五”翻番", en: "High-tech enterprises double on the 12th Plan"),
            clause: "一(三)", original: "高新技术企业、科技型企业数量较“十二五”时期实现翻番",
            scope: .county, condition: .multiple(.indicator("hitech_enterprises"), 2),
            deadline: deadline, baseline: baseline, strength: .binding,
            reading: LocalizedText(zh: "“较‘十二五’时期”读作较“十二五”末（2015 年）的企业数：2020 年 ≥ 2 × 2015 年。按每个区市（含有数据的功能区）评估。",
                                   en: "“On the 12th Five-Year Plan period” is read as on its end (2015): the 2020 count ≥ 2 × the 2015 count, per unit (zones with data included)."),
            examples: [
                TargetExample(LocalizedText(zh: "60 → 120 恰好翻番达标；40 → 79 未达标；火炬高新区 80 → 170 达标；荣成市缺 2020 年",
                                            en: "60 → 120 exactly doubles: met; 40 → 79: not met; the 火炬 zone 80 → 170: met; 荣成市 lacks 2020"), year: 2020, csv: """
                    region,year,indicator,value
                    371002,2015,hitech_enterprises,60
                    371002,2020,hitech_enterprises,120
                    371003,2015,hitech_enterprises,40
                    371003,2020,hitech_enterprises,79
                    371071,2015,hitech_enterprises,80
                    371071,2020,hitech_enterprises,170
                    371082,2015,hitech_enterprises,50
                    """, expect: [("371002", .met), ("371003", .notMet), ("371071", .met), ("371082", .noData)]),
                TargetExample(LocalizedText(zh: "2018 年评估：50 → 80（年复合增长 17%，需 14.9%）进展顺利；20 → 24 进展滞后",
                                            en: "in 2018: 50 → 80 (17% a year compound, 14.9% needed) on track; 20 → 24 off track"), year: 2018, csv: """
                    region,year,indicator,value
                    371082,2015,hitech_enterprises,50
                    371082,2018,hitech_enterprises,80
                    371083,2015,hitech_enterprises,20
                    371083,2018,hitech_enterprises,24
                    """, expect: [("371082", .onTrack), ("371083", .offTrack)]),
            ]),
        Target(
            id: "WH-05", title: LocalizedText(zh: "科技型企业数量较“十二五”翻番", en: "S&T-based enterprises double on the 12th Plan"),
            clause: "一(三)", original: "高新技术企业、科技型企业数量较“十二五”时期实现翻番",
            scope: .county, condition: .multiple(.indicator("st_enterprises"), 2),
            deadline: deadline, baseline: baseline, strength: .binding,
            reading: LocalizedText(zh: "同 WH-04：2020 年科技型企业数 ≥ 2 × 2015 年。", en: "As WH-04: the 2020 count ≥ 2 × the 2015 count."),
            examples: [
                TargetExample(LocalizedText(zh: "150 → 320 达标；100 → 180 未达标；乳山市缺 2015 年；经开区 30 → 60 达标",
                                            en: "150 → 320 met; 100 → 180 not met; 乳山市 lacks 2015; the 经开 zone 30 → 60 met"), year: 2020, csv: """
                    region,year,indicator,value
                    371002,2015,st_enterprises,150
                    371002,2020,st_enterprises,320
                    371003,2015,st_enterprises,100
                    371003,2020,st_enterprises,180
                    371083,2020,st_enterprises,90
                    371072,2015,st_enterprises,30
                    371072,2020,st_enterprises,60
                    """, expect: [("371002", .met), ("371003", .notMet), ("371083", .noData), ("371072", .met)]),
            ]),
        Target(
            id: "WH-06", title: LocalizedText(zh: "全市科技进步贡献率年均增长1.5个百分点", en: "S&T progress contribution up 1.5 points a year"),
            clause: "一(三)", original: "全市科技进步贡献率年均增长 1.5 个百分点",
            scope: .jurisdiction, condition: .avgAnnualIncrease(.indicator("st_progress_contribution"), 1.5),
            deadline: deadline, baseline: baseline, strength: .binding,
            reading: LocalizedText(zh: "全市的贡献率须以威海市（371000）数值给出：比率不能由各区市相加。自 2015 年起年均 ≥ 1.5 个百分点。",
                                   en: "The city's rate must be given for 371000: a rate is not summed from the units. ≥ 1.5 points a year since 2015."),
            examples: [
                TargetExample(LocalizedText(zh: "58% → 65.5%：年均 1.5 点，达标", en: "58% → 65.5%: 1.5 points a year, met"), year: 2020, csv: """
                    region,year,indicator,value
                    371000,2015,st_progress_contribution,58
                    371000,2020,st_progress_contribution,65.5
                    """, expect: [("371000", .met)]),
                TargetExample(LocalizedText(zh: "58% → 64%：年均 1.2 点，未达标", en: "58% → 64%: 1.2 points a year, not met"), year: 2020, csv: """
                    region,year,indicator,value
                    371000,2015,st_progress_contribution,58
                    371000,2020,st_progress_contribution,64
                    """, expect: [("371000", .notMet)]),
                TargetExample(LocalizedText(zh: "只有区市的贡献率：全市无法计算，数据不足", en: "only the units' rates: no city value, no data"), year: 2020, csv: """
                    region,year,indicator,value
                    371002,2015,st_progress_contribution,60
                    371002,2020,st_progress_contribution,68
                    """, expect: [("371000", .noData)]),
            ]),
        Target(
            id: "WH-07", title: LocalizedText(zh: "技术交易额达到35亿元", en: "Technology contract turnover of 3.5 billion yuan"),
            clause: "一(三)", original: "技术交易额达到 35 亿元",
            scope: .jurisdiction, condition: .atLeast(.indicator("tech_contract_turnover"), 350_000),
            deadline: deadline, strength: .binding,
            reading: LocalizedText(zh: "当年（2020 年）技术交易额 ≥ 35 亿元（350000 万元）。" + zonesTakePart.zh,
                                   en: "The year's (2020) turnover ≥ 3.5 billion yuan (350,000 万元). " + zonesTakePart.en),
            examples: [
                TargetExample(LocalizedText(zh: "四区市合计 25 亿元，加上火炬高新区 7.5 亿元、经开区 3 亿元共 35.5 亿元：达标",
                                            en: "the four units hold 2.5 billion; with the 火炬 (0.75) and 经开 (0.3) zones, 3.55 billion: met"), year: 2020, csv: """
                    region,year,indicator,value
                    371002,2020,tech_contract_turnover,9亿元
                    371003,2020,tech_contract_turnover,5亿元
                    371082,2020,tech_contract_turnover,8亿元
                    371083,2020,tech_contract_turnover,3亿元
                    371071,2020,tech_contract_turnover,7.5亿元
                    371072,2020,tech_contract_turnover,3亿元
                    """, expect: [("371000", .met)]),
                TargetExample(LocalizedText(zh: "威海市数 34.9 亿元：未达标", en: "3.49 billion for the city: not met"), year: 2020, csv: """
                    region,year,indicator,value
                    371000,2020,tech_contract_turnover,34.9亿元
                    """, expect: [("371000", .notMet)]),
                TargetExample(LocalizedText(zh: "乳山市缺数，其余合计 22 亿元：数据不足", en: "乳山市 missing, the rest 2.2 billion: no data"), year: 2020, csv: """
                    region,year,indicator,value
                    371002,2020,tech_contract_turnover,9亿元
                    371003,2020,tech_contract_turnover,5亿元
                    371082,2020,tech_contract_turnover,8亿元
                    """, expect: [("371000", .noData)]),
            ]),
        Target(
            id: "WH-08", title: LocalizedText(zh: "省级以上创新平台达到330个", en: "330 innovation platforms, provincial and above"),
            clause: "一(三)", original: "省级以上创新平台达到 330 个",
            scope: .jurisdiction, condition: .atLeast(.indicator("innovation_platforms_provincial_plus"), 330),
            deadline: deadline, strength: .binding, reading: zonesTakePart,
            examples: [
                TargetExample(LocalizedText(zh: "四区市 280 个加火炬高新区 50 个，恰为 330：达标", en: "280 in the four units plus 50 in the 火炬 zone, exactly 330: met"), year: 2020, csv: """
                    region,year,indicator,value
                    371002,2020,innovation_platforms_provincial_plus,100
                    371003,2020,innovation_platforms_provincial_plus,60
                    371082,2020,innovation_platforms_provincial_plus,80
                    371083,2020,innovation_platforms_provincial_plus,40
                    371071,2020,innovation_platforms_provincial_plus,50
                    """, expect: [("371000", .met)]),
                TargetExample(LocalizedText(zh: "威海市数 329：未达标", en: "329 for the city: not met"), year: 2020, csv: """
                    region,year,indicator,value
                    371000,2020,innovation_platforms_provincial_plus,329
                    """, expect: [("371000", .notMet)]),
                TargetExample(LocalizedText(zh: "仅环翠区有数：数据不足", en: "only 环翠区: no data"), year: 2020, csv: """
                    region,year,indicator,value
                    371002,2020,innovation_platforms_provincial_plus,100
                    """, expect: [("371000", .noData)]),
            ]),
        Target(
            id: "WH-09", title: LocalizedText(zh: "国家级创新平台30个", en: "30 national innovation platforms"),
            clause: "一(三)", original: "其中国家级创新平台 30 个",
            scope: .jurisdiction, condition: .atLeast(.indicator("innovation_platforms_national"), 30),
            deadline: deadline, strength: .binding,
            reading: LocalizedText(zh: "“其中……30 个”读作至少 30 个。" + zonesTakePart.zh, en: "“Of which 30” is read as at least 30. " + zonesTakePart.en),
            examples: [
                TargetExample(LocalizedText(zh: "威海市数 30：达标", en: "30 for the city: met"), year: 2020, csv: """
                    region,year,indicator,value
                    371000,2020,innovation_platforms_national,30
                    """, expect: [("371000", .met)]),
                TargetExample(LocalizedText(zh: "2020 年 28 个：未达标", en: "28 in 2020: not met"), year: 2020, csv: """
                    region,year,indicator,value
                    371000,2020,innovation_platforms_national,28
                    """, expect: [("371000", .notMet)]),
                TargetExample(LocalizedText(zh: "2018 年评估：只有一年数据，数据不足", en: "in 2018 with one year of data: no data"), year: 2018, csv: """
                    region,year,indicator,value
                    371000,2018,innovation_platforms_national,22
                    """, expect: [("371000", .noData)]),
            ]),
        Target(
            id: "WH-10", title: LocalizedText(zh: "科技企业孵化器、众创空间达到50家", en: "50 incubators and maker spaces"),
            clause: "一(三)", original: "科技企业孵化器、众创空间达到 50 家",
            scope: .jurisdiction, condition: .atLeast(.indicator("incubators"), 50),
            deadline: deadline, strength: .binding, reading: zonesTakePart,
            examples: [
                TargetExample(LocalizedText(zh: "四区市 41 家加火炬高新区 9 家，恰为 50：达标", en: "41 in the four units plus 9 in the 火炬 zone, exactly 50: met"), year: 2020, csv: """
                    region,year,indicator,value
                    371002,2020,incubators,15
                    371003,2020,incubators,8
                    371082,2020,incubators,12
                    371083,2020,incubators,6
                    371071,2020,incubators,9
                    """, expect: [("371000", .met)]),
                TargetExample(LocalizedText(zh: "不计功能区只有 41 家：未达标", en: "41 without any zone: not met"), year: 2020, csv: """
                    region,year,indicator,value
                    371002,2020,incubators,15
                    371003,2020,incubators,8
                    371082,2020,incubators,12
                    371083,2020,incubators,6
                    """, expect: [("371000", .notMet)]),
                TargetExample(LocalizedText(zh: "乳山市缺数，其余 44 家：数据不足", en: "乳山市 missing, the rest 44: no data"), year: 2020, csv: """
                    region,year,indicator,value
                    371002,2020,incubators,15
                    371003,2020,incubators,8
                    371082,2020,incubators,12
                    371071,2020,incubators,9
                    """, expect: [("371000", .noData)]),
            ]),
        Target(
            id: "WH-11", title: LocalizedText(zh: "农业高新技术企业达到50家", en: "50 agricultural high-tech enterprises"),
            clause: "二(七)", original: "新技术企业达到 50 家",
            scope: .jurisdiction, condition: .atLeast(.indicator("agri_hitech_enterprises"), 50),
            deadline: deadline, strength: .binding,
            reading: LocalizedText(zh: "原文“到 2020 年农业高新技术企业达到 50 家”在种子文本中被分页断开（“农业高”与“新技术企业达到 50 家”分处两行），只引下半句。"
                                   + zonesTakePart.zh,
                                   en: "The sentence “到 2020 年农业高新技术企业达到 50 家” is broken across a page in the seed text; the quotation is its second line. "
                                   + zonesTakePart.en),
            examples: [
                TargetExample(LocalizedText(zh: "威海市数 52：达标", en: "52 for the city: met"), year: 2020, csv: """
                    region,year,indicator,value
                    371000,2020,agri_hitech_enterprises,52
                    """, expect: [("371000", .met)]),
                TargetExample(LocalizedText(zh: "2019 年评估：2018 年 30、2019 年 38，年均 +8，需 10，进展滞后", en: "in 2019: 30 → 38 since 2018, +8 a year where 10 is needed: off track"), year: 2019, csv: """
                    region,year,indicator,value
                    371000,2018,agri_hitech_enterprises,30
                    371000,2019,agri_hitech_enterprises,38
                    """, expect: [("371000", .offTrack)]),
                TargetExample(LocalizedText(zh: "2020 年无数据：数据不足", en: "nothing for 2020: no data"), year: 2020, csv: """
                    region,year,indicator,value
                    371000,2019,agri_hitech_enterprises,38
                    """, expect: [("371000", .noData)]),
            ]),
        Target(
            id: "WH-12", title: LocalizedText(zh: "建成100家技术转移转化服务机构", en: "100 technology transfer service institutions"),
            clause: "二(八)", original: "到 2020 年建成 100 家服务机构",
            scope: .jurisdiction, condition: .atLeast(.indicator("tech_transfer_institutions"), 100),
            deadline: deadline, strength: .binding,
            reading: LocalizedText(zh: "“100 家服务机构”读作技术转移转化服务机构（tech_transfer_institutions）。" + zonesTakePart.zh,
                                   en: "“100 service institutions” is read as technology transfer service institutions. " + zonesTakePart.en),
            examples: [
                TargetExample(LocalizedText(zh: "各区市及经开区合计 100 家：达标", en: "100 with the 经开 zone: met"), year: 2020, csv: """
                    region,year,indicator,value
                    371002,2020,tech_transfer_institutions,30
                    371003,2020,tech_transfer_institutions,20
                    371082,2020,tech_transfer_institutions,25
                    371083,2020,tech_transfer_institutions,15
                    371072,2020,tech_transfer_institutions,10
                    """, expect: [("371000", .met)]),
                TargetExample(LocalizedText(zh: "威海市数 96：未达标", en: "96 for the city: not met"), year: 2020, csv: """
                    region,year,indicator,value
                    371000,2020,tech_transfer_institutions,96
                    """, expect: [("371000", .notMet)]),
                TargetExample(LocalizedText(zh: "缺文登区：数据不足", en: "文登区 missing: no data"), year: 2020, csv: """
                    region,year,indicator,value
                    371002,2020,tech_transfer_institutions,30
                    371082,2020,tech_transfer_institutions,25
                    371083,2020,tech_transfer_institutions,15
                    """, expect: [("371000", .noData)]),
            ]),
        Target(
            id: "WH-13", title: LocalizedText(zh: "培育1000名技术经纪人", en: "1,000 technology brokers"),
            clause: "二(八)", original: "培育 1000 名经纪人队伍",
            scope: .jurisdiction, condition: .atLeast(.indicator("tech_brokers"), 1000),
            deadline: deadline, strength: .binding,
            reading: LocalizedText(zh: "到 2020 年技术经纪人 ≥ 1000 名。" + zonesTakePart.zh, en: "≥ 1,000 technology brokers by 2020. " + zonesTakePart.en),
            examples: [
                TargetExample(LocalizedText(zh: "威海市数 1000 名（写作“1,000名”）：恰在边界，达标", en: "1,000 for the city (written 1,000名): met at the boundary"), year: 2020, csv: """
                    region,year,indicator,value
                    371000,2020,tech_brokers,"1,000名"
                    """, expect: [("371000", .met)]),
                TargetExample(LocalizedText(zh: "各区市合计 930 名：未达标", en: "930 over the units: not met"), year: 2020, csv: """
                    region,year,indicator,value
                    371002,2020,tech_brokers,300
                    371003,2020,tech_brokers,200
                    371082,2020,tech_brokers,250
                    371083,2020,tech_brokers,180
                    """, expect: [("371000", .notMet)]),
                TargetExample(LocalizedText(zh: "火炬高新区有数据而缺经纪人数：数据不足", en: "the 火炬 zone has data but no broker count: no data"), year: 2020, csv: """
                    region,year,indicator,value
                    371002,2020,tech_brokers,300
                    371003,2020,tech_brokers,200
                    371082,2020,tech_brokers,250
                    371083,2020,tech_brokers,180
                    371071,2020,incubators,9
                    """, expect: [("371000", .noData)]),
            ]),
        Target(
            id: "WH-14", title: LocalizedText(zh: "技术转移转化机构、技术市场登记和服务机构县域全覆盖",
                                            en: "Every unit has a technology transfer institution and a technology market service institution"),
            clause: "二(八)", original: "实现高层次技术转移转化机构、技术市场登记和服务机构在县域的全覆盖",
            scope: .county,
            condition: .all([.exists(.indicator("tech_transfer_institutions")), .exists(.indicator("tech_market_service_institutions"))]),
            deadline: deadline, strength: .binding,
            reading: LocalizedText(zh: "每个区市（含有数据的功能区）两类机构各有至少 1 家；“高层次”不另作区分，按数据中的机构数计。",
                                   en: "Every unit (zones with data included) has at least one of each kind; “high-level” is not told apart, the data's counts are used."),
            examples: [
                TargetExample(LocalizedText(zh: "两类都有达标；缺技术市场机构未达标；缺数为数据不足；火炬高新区达标",
                                            en: "both kinds: met; no market institution: not met; a missing count: no data; the 火炬 zone: met"), year: 2020, csv: """
                    region,year,indicator,value
                    371002,2020,tech_transfer_institutions,2
                    371002,2020,tech_market_service_institutions,1
                    371003,2020,tech_transfer_institutions,1
                    371003,2020,tech_market_service_institutions,0
                    371082,2020,tech_transfer_institutions,3
                    371071,2020,tech_transfer_institutions,4
                    371071,2020,tech_market_service_institutions,2
                    """, expect: [("371002", .met), ("371003", .notMet), ("371082", .noData), ("371071", .met)]),
            ]),
        Target(
            id: "WH-15", title: LocalizedText(zh: "科技特派员达到千人规模", en: "1,000 science and technology commissioners"),
            clause: "二(十二)", original: "到 2020 年达到千人规模",
            scope: .jurisdiction, condition: .atLeast(.indicator("science_commissioners"), 1000),
            deadline: deadline, strength: .binding,
            reading: LocalizedText(zh: "主语为前文“深入推进科技特派员制度，招募……到县域服务”的科技特派员：≥ 1000 人。" + zonesTakePart.zh,
                                   en: "The subject is the science commissioners of the preceding clause: ≥ 1,000 people. " + zonesTakePart.en),
            examples: [
                TargetExample(LocalizedText(zh: "四区市 1010 人：达标", en: "1,010 over the four units: met"), year: 2020, csv: """
                    region,year,indicator,value
                    371002,2020,science_commissioners,260
                    371003,2020,science_commissioners,240
                    371082,2020,science_commissioners,280
                    371083,2020,science_commissioners,230
                    """, expect: [("371000", .met)]),
                TargetExample(LocalizedText(zh: "威海市数 980 人：未达标", en: "980 for the city: not met"), year: 2020, csv: """
                    region,year,indicator,value
                    371000,2020,science_commissioners,980
                    """, expect: [("371000", .notMet)]),
                TargetExample(LocalizedText(zh: "缺荣成市：数据不足", en: "荣成市 missing: no data"), year: 2020, csv: """
                    region,year,indicator,value
                    371002,2020,science_commissioners,260
                    371003,2020,science_commissioners,240
                    371083,2020,science_commissioners,230
                    """, expect: [("371000", .noData)]),
            ]),
        Target(
            id: "WH-16", title: LocalizedText(zh: "市科技局与各区市每年至少召开1次科技工作会商会议", en: "At least one S&T consultation meeting a year with each unit"),
            clause: "三(二)", original: "市科技局与各区市原则上每年至少分别召开1次科技工作会商会议",
            scope: .county, condition: .everyYearAtLeast(.indicator("st_consultation_meetings"), 1),
            deadline: nil, baseline: 2019, strength: .binding,
            reading: LocalizedText(
                zh: "文件未写起始年：自印发（2018 年 11 月 8 日）后的第一个完整年度 2019 年起，每个区市（含有数据的功能区）每年与市科技局会商 ≥ 1 次；"
                    + "常设机制，无截止年。“原则上”按约束性处理。",
                en: "The text gives no start year: from 2019, the first full year after the document (8 Nov 2018), every unit (zones with data included) "
                    + "holds ≥ 1 meeting with the city's S&T bureau a year; a standing rule, no deadline. “In principle” is read as binding."),
            examples: [
                TargetExample(LocalizedText(zh: "环翠区 1、2 次达标；文登区 2020 年 0 次未达标；荣成市缺 2019 年；火炬高新区达标",
                                            en: "环翠区 1 and 2: met; 文登区 none in 2020: not met; 荣成市 lacks 2019; the 火炬 zone: met"), year: 2020, csv: """
                    region,year,indicator,value
                    371002,2019,st_consultation_meetings,1
                    371002,2020,st_consultation_meetings,2次
                    371003,2019,st_consultation_meetings,1
                    371003,2020,st_consultation_meetings,0
                    371082,2020,st_consultation_meetings,1
                    371071,2019,st_consultation_meetings,1
                    371071,2020,st_consultation_meetings,1
                    """, expect: [("371002", .met), ("371003", .notMet), ("371082", .noData), ("371071", .met)]),
                TargetExample(LocalizedText(zh: "2019 年（起始年）1 次：达标", en: "one in 2019, the first year: met"), year: 2019, csv: """
                    region,year,indicator,value
                    371083,2019,st_consultation_meetings,1
                    """, expect: [("371083", .met)]),
            ]),
    ]
}
