import CIECore

extension QinghaiPolicy {
    public var reviewers: [any Reviewer] { [QinghaiPolicy.evaluation] }

    /// 三(十二): the county S&T progress evaluation, over the four aspects the sentence names.
    public static let evaluation = CompositeReviewer(
        name: LocalizedText(zh: "县域科技进步水平评价", en: "County S&T progress evaluation"),
        source: LocalizedText(
            zh: "三(十二) “从组织机构、科技投入、载体建设、人才引进等方面建立起县域科技进步水平评价指标体系，定期对县域科技创新进步水平进行评价，对评价优秀的县（市、区）给予表彰”",
            en: "三(十二): an evaluation system for county S&T progress over organisation, S&T investment, carriers and talent; counties rated excellent are commended"),
        dimensions: [
            Composite.Dimension(id: "organisation", name: LocalizedText(zh: "组织机构", en: "organisation"), measures: [
                Composite.Measure(.indicator("innovation_leading_group"), label: LocalizedText(zh: "领导小组及办公室", en: "leading group")),
                Composite.Measure(.indicator("st_management_agency"), label: LocalizedText(zh: "县级科技管理机构", en: "S&T management agency")),
            ]),
            Composite.Dimension(id: "investment", name: LocalizedText(zh: "科技投入", en: "S&T investment"), measures: [
                Composite.Measure(.indicator("fiscal_st_expenditure"), .growth, label: LocalizedText(zh: "财政科技投入", en: "fiscal S&T expenditure")),
                Composite.Measure(.indicator("rd_intensity"), label: LocalizedText(zh: "R&D经费投入强度", en: "R&D intensity")),
            ]),
            Composite.Dimension(id: "carriers", name: LocalizedText(zh: "载体建设", en: "carriers"), measures: [
                Composite.Measure(.sum([.indicator("provincial_hitech_zones"), .indicator("provincial_agri_parks")]),
                                  label: LocalizedText(zh: "省级高新区和农业科技园区", en: "provincial high-tech zones and agricultural parks")),
                Composite.Measure(.indicator("incubators"), label: LocalizedText(zh: "孵化器", en: "incubators")),
            ]),
            Composite.Dimension(id: "talent", name: LocalizedText(zh: "人才引进", en: "talent"), measures: [
                Composite.Measure(.indicator("st_personnel_to_grassroots"), label: LocalizedText(zh: "引导到基层的科技人员", en: "S&T personnel sent to grassroots")),
                Composite.Measure(.indicator("science_commissioners"), label: LocalizedText(zh: "科技特派员", en: "science commissioners")),
            ]),
        ],
        selectedVerdict: "excellent", selectedLabel: LocalizedText(zh: "优秀", en: "excellent"),
        reading: LocalizedText(
            zh: "原文只列出组织机构、科技投入、载体建设、人才引进四个方面，未给指标、权重和“优秀”的标准：本模块每方面取两项指标，默认等权，前五分之一为优秀。",
            en: "The text names four aspects (organisation, S&T investment, carriers, talent) but no indicators, weights or bar for “excellent”: the module takes two measures per aspect, equal weights by default, and the top fifth as excellent."))
}
