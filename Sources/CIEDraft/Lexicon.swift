import CIECore

/// Which catalogue indicator a phrase of a policy text most likely measures (Docs/Drafting.md, "Indicators").
///
/// Each indicator answers to its Chinese name and aliases, and to the phrases below: the words the documents use for
/// it. The longest phrase found wins; a tie between indicators lowers the confidence, and the others are the
/// alternatives a reviewer sees.
public struct IndicatorMatcher: Sendable {
    public struct Match: Sendable, Hashable {
        public var id: String
        /// The words of the text it answered to.
        public var words: String
        public var confidence: Double
    }

    /// Phrases of the documents, by indicator id (the shipped catalogue's; a package's own indicators answer to their
    /// names and aliases only).
    static let phrases: [String: [String]] = [
        "rd_intensity": ["研究与试验发展经费占地区生产总值比重", "R&D支出占地区生产总值比重", "R&D经费支出占地区生产总值比重", "占地区生产总值比重", "R&D经费投入强度", "研发经费投入强度", "研发投入强度"],
        "rd_expenditure": ["研发经费支出", "研究与试验发展经费"],
        "fiscal_st_expenditure": ["财政科技投入", "政府财政科技投入", "政府引导性投入", "财政科技经费"],
        "county_st_special_fund": ["县级财政科技专项资金"],
        "st_progress_contribution": ["科技进步贡献率", "科技进步对经济增长的贡献率"],
        "science_literacy_rate": ["具备基本科学素质的公民比例", "公民科学素质"],
        "provincial_hitech_zones": ["省级高新技术产业开发区", "省级高新园区", "省级高新区", "高新园区"],
        "provincial_agri_parks": ["农业科技园区", "省级农业科技园区"],
        "national_agri_hitech_zones": ["国家级农业高新技术产业开发区", "国家农业高新技术产业示范区", "农业高新技术产业开发区"],
        "incubators": ["众创空间", "创业园", "孵化器", "星创天地", "创业孵化器", "专业孵化器"],
        "innovation_service_platforms": ["创新创业服务平台"],
        "innovation_pilot_county": ["科技创新驱动试点县", "试点县"],
        "innovation_pilot_towns": ["试点乡镇"],
        "national_innovative_county": ["国家创新型县", "国家级创新型县", "创新型县(市", "创新型县（市"],
        "national_innovative_towns": ["创新型乡镇"],
        "st_personnel_to_grassroots": ["科技人员到基层", "科技人员到基层服务"],
        "science_commissioners": ["科技特派员", "千人规模"],
        "hitech_enterprises": ["高新技术企业"],
        "st_smes": ["科技型中小企业"],
        "st_enterprises": ["科技型企业"],
        "agri_hitech_enterprises": ["农业高新技术企业"],
        "above_scale_industrial_enterprises": ["规模以上工业企业"],
        "above_scale_with_rd_activity": ["规模以上工业企业研发活动", "企业研发活动"],
        "above_scale_with_rd_institution": ["规模以上工业企业研发机构", "企业研发机构"],
        "above_scale_with_invention_patent": ["规模以上工业企业发明专利", "企业发明专利"],
        "above_scale_industrial_rd_intensity": ["规模以上工业企业研发投入占GDP比重", "规模以上工业企业研发投入占 GDP 比重"],
        "hitech_output_share": ["高新技术产业产值占规模以上工业总产值比重", "高新技术产业产值占"],
        "industry_innovation_complexes": ["产业创新服务综合体"],
        "innovation_vouchers_used": ["科技创新券", "创新券"],
        "instrument_sharing_times": ["科研设施与仪器", "科研仪器"],
        "lab_service_batches": ["实验室服务"],
        "tech_contract_turnover": ["技术交易额", "技术合同成交额"],
        "innovation_platforms_provincial_plus": ["省级以上创新平台"],
        "innovation_platforms_national": ["国家级创新平台"],
        "tech_transfer_institutions": ["技术转移转化机构", "技术转移转化服务机构", "技术转移机构"],
        "tech_market_service_institutions": ["技术市场登记和服务机构"],
        "tech_brokers": ["技术经纪人", "经纪人"],
        "tech_transfer_center": ["科技成果转化服务中心"],
        "innovation_leading_group": ["领导小组"],
        "st_management_agency": ["科技管理机构"],
        "st_service_center": ["科技服务中心"],
        "commissioner_workstations": ["科技特派员工作站"],
        "village_network_coverage": ["村级网络覆盖率", "网络覆盖率"],
        "characteristic_industrial_clusters": ["产业集群"],
        "innovation_special_fund": ["创新驱动发展专项资金"],
        "st_consultation_meetings": ["科技工作会商会议", "会商会议"],
        "major_industrial_county": ["工业大县"],
        "enterprise_rd_subsidies": ["企业研究开发财政补助", "研发财政补助"],
    ]

    let entries: [(phrase: [Character], id: String)]

    /// Over a catalogue: its indicators' names and aliases, and the phrases above for the shipped ones. Derived growth
    /// rates are left out: a text names the amount, and the condition says how it must grow.
    public init(_ catalogue: IndicatorCatalogue) {
        var entries: [([Character], String)] = []
        var seen = Set<String>()
        for indicator in catalogue.indicators where indicator.id != "fiscal_st_growth" {
            for p in [indicator.name.zh] + indicator.aliases + (Self.phrases[indicator.id] ?? []) {
                let n = PolicyText.normalize(p).filter { $0 != " " }
                guard n.count >= 2, seen.insert(String(n) + "\u{0}" + indicator.id).inserted else { continue }
                entries.append((n, indicator.id))
            }
        }
        self.entries = entries.sorted { $0.0.count > $1.0.count }
    }

    /// The indicators a phrase names, best first: for each, its longest phrase found. A phrase inside a longer one
    /// found at the same place does not count (科技特派员 inside 科技特派员工作站).
    public func matches(_ text: String) -> [Match] {
        let chars = PolicyText.normalize(text).filter { $0 != " " }
        guard !chars.isEmpty else { return [] }
        var covered = [Bool](repeating: false, count: chars.count)
        var best: [String: Int] = [:]
        var words: [String: String] = [:]
        var order: [String] = []
        for (phrase, id) in entries where phrase.count <= chars.count {
            var k = 0
            while k + phrase.count <= chars.count {
                if chars[k] == phrase[0], Array(chars[k..<(k + phrase.count)]) == phrase {
                    let inside = (k..<(k + phrase.count)).allSatisfy { covered[$0] }
                    if !inside {
                        for j in k..<(k + phrase.count) { covered[j] = true }
                        if best[id] == nil { order.append(id) }
                        if phrase.count > best[id] ?? 0 { best[id] = phrase.count; words[id] = String(phrase) }
                    }
                    k += phrase.count
                } else {
                    k += 1
                }
            }
        }
        return order.sorted { (best[$0]!, -order.firstIndex(of: $0)!) > (best[$1]!, -order.firstIndex(of: $1)!) }.map { id in
            let n = best[id]!
            return Match(id: id, words: words[id]!, confidence: min(0.95, 0.45 + 0.07 * Double(n)))
        }
    }
}
