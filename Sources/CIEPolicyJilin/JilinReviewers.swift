import CIECore

extension JilinPolicy {
    public var reviewers: [any Reviewer] { [JilinPolicy.evaluation] }

    /// The measures of innovation capability the module scores, as levels and as progress on the year before.
    static let capability: [(Quantity, LocalizedText, Composite.Measure.Kind)] = [
        (.indicator("rd_intensity"), LocalizedText(zh: "R&D经费投入强度", en: "R&D intensity"), .change),
        (.indicator("fiscal_st_expenditure"), LocalizedText(zh: "财政科技投入", en: "fiscal S&T expenditure"), .growth),
        (.indicator("hitech_enterprises"), LocalizedText(zh: "高新技术企业", en: "high-tech enterprises"), .growth),
        (.indicator("innovation_service_platforms"), LocalizedText(zh: "创新创业服务平台", en: "innovation service platforms"), .growth),
    ]

    /// 三(三): the county innovation capability evaluation reflecting regional differences and the speed of progress,
    /// the basis of performance-based funding.
    public static let evaluation = CompositeReviewer(
        name: LocalizedText(zh: "县域创新能力评价", en: "County innovation capability evaluation"),
        source: LocalizedText(
            zh: "三(三) “建立县域创新能力评价制度和体现区域差异与进步速度的创新能力评价体系。探索建立在创新能力评价基础上的绩效拨款制度”",
            en: "三(三): an evaluation of county innovation capability reflecting regional differences and the speed of progress; performance-based funding built on it"),
        dimensions: [
            Composite.Dimension(id: "level", name: LocalizedText(zh: "水平", en: "level"),
                                measures: capability.map { Composite.Measure($0.0, .level, label: $0.1) }),
            Composite.Dimension(id: "progress", name: LocalizedText(zh: "进步", en: "progress"),
                                measures: capability.map { Composite.Measure($0.0, $0.2, label: $0.1) }),
        ],
        zones: JilinPolicy.zones,
        selectedVerdict: "priority", selectedLabel: LocalizedText(zh: "绩效拨款优先", en: "funding priority"),
        reading: LocalizedText(
            zh: "“体现区域差异”读作在一(一)所列三个区域内分别标准化和排名（区域按县级单位划分：东部 延边、白山、通化三市州及桦甸市、磐石市；西部 白城、松原两市及农安县、双辽市；其余为中部。原文未列，依吉林省政府对三大板块的说明：english.jl.gov.cn 2019-11-28，西部 12 个单位“包括白城、松原、农安和双辽”，东部“包括通化、白山、延边、桦甸和磐石”）；"
                + "“进步速度”读作较上年的变化。原文未给指标和权重：本模块取四项创新能力指标，水平与进步默认各 50%，各区域前五分之一列为绩效拨款优先。",
            en: "“Reflecting regional differences” is read as normalising and ranking within each of the three zones of 一(一) (by county-level unit: east 延边, 白山, 通化 and 桦甸市, 磐石市; west 白城, 松原 and 农安县, 双辽市; the rest central. The text does not list them; the module follows the province's description of its three zones, english.jl.gov.cn 2019-11-28: the west's 12 units “including Baicheng, Songyuan, Nong'an and Shuangliao”, the east “including Tonghua, Baishan, Yanbian, Huadian, and Panshi”); "
                + "“speed of progress” as the change on the year before. The text gives no measures or weights: the module takes four capability measures, level and progress 50/50 by default, and the top fifth of each zone as funding priority."))
}
