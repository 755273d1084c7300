/// The unit an indicator is held in. Values given in another compatible unit are converted on load.
public enum MeasureUnit: String, Sendable, CaseIterable, Codable {
    case wanYuan = "万元"
    case percent = "%"
    case ge = "个"
    case jia = "家"
    case ren = "人"
    case taici = "台次"
    case pici = "批次"
    case ci = "次"
    /// Flags (是/否) and custom indicators without a unit.
    case none = ""

    public var label: LocalizedText {
        switch self {
        case .wanYuan: LocalizedText(zh: "万元", en: "10k yuan")
        case .percent: LocalizedText("%")
        case .ge: LocalizedText(zh: "个", en: "")
        case .jia: LocalizedText(zh: "家", en: "")
        case .ren: LocalizedText(zh: "人", en: "persons")
        case .taici: LocalizedText(zh: "台次", en: "uses")
        case .pici: LocalizedText(zh: "批次", en: "batches")
        case .ci: LocalizedText(zh: "次", en: "times")
        case .none: LocalizedText("")
        }
    }

    /// Count units that statistics use interchangeably for the same thing (个 and 家 both count enterprises and institutions).
    public func isCompatibleCount(with other: MeasureUnit) -> Bool {
        if self == other { return true }
        let generic: Set<MeasureUnit> = [.ge, .jia]
        return generic.contains(self) && generic.contains(other)
    }
}

/// How an indicator behaves when units are aggregated into a prefecture or a jurisdiction (TARGETS.md, "Scope").
public enum IndicatorKind: String, Sendable, Codable {
    /// Money, in 万元: adds up.
    case amount
    /// A count of things or people: adds up, never negative.
    case count
    /// A percentage: recomputed from its parts where it is derived, otherwise not aggregated.
    case ratio
    /// A yes/no designation: aggregates to "how many units".
    case flag

    public var isAdditive: Bool { self == .amount || self == .count || self == .flag }

    public var label: LocalizedText {
        switch self {
        case .amount: LocalizedText(zh: "金额", en: "amount")
        case .count: LocalizedText(zh: "计数", en: "count")
        case .ratio: LocalizedText(zh: "比率", en: "ratio")
        case .flag: LocalizedText(zh: "是否", en: "yes/no")
        }
    }
}

/// How a derived indicator is computed from others.
public enum Derivation: Sendable, Hashable {
    /// numerator / denominator × 100, in the same year.
    case percentOf(numerator: String, denominator: String)
    /// (v[y] − v[y−1]) / v[y−1] × 100.
    case yearOnYearGrowth(of: String)
}

/// One entry of the indicator catalogue.
public struct Indicator: Sendable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var unit: MeasureUnit
    public var kind: IndicatorKind
    /// An annual flow (given per year) rather than a stock.
    public var isFlow: Bool
    public var derivation: Derivation?
    /// Other names it is known by (shorter Chinese names, common English ones).
    public var aliases: [String]
    /// Loaded from a column or name not in the catalogue.
    public var isCustom: Bool

    public init(
        _ id: String, zh: String, en: String, unit: MeasureUnit, kind: IndicatorKind,
        flow: Bool = false, derived: Derivation? = nil, aliases: [String] = [], custom: Bool = false
    ) {
        self.id = id
        self.name = LocalizedText(zh: zh, en: en)
        self.unit = unit
        self.kind = kind
        self.isFlow = flow
        self.derivation = derived
        self.aliases = aliases
        self.isCustom = custom
    }
}

/// A handle on an indicator in a catalogue: its index. Stores and conditions use it instead of strings.
public typealias IndicatorIndex = Int32

/// The indicators cie knows: the shared catalogue of TARGETS.md plus custom ones added by loads.
public struct IndicatorCatalogue: Sendable {
    public private(set) var indicators: [Indicator]
    private var byKey: [String: IndicatorIndex]

    /// The shipped catalogue, built once: a session's or a package's catalogue starts as a copy of it (copy on write).
    public static let shipped = IndicatorCatalogue(IndicatorCatalogue.builtin)

    public init(_ indicators: [Indicator] = IndicatorCatalogue.builtin) {
        self.indicators = []
        self.byKey = [:]
        for indicator in indicators { _ = add(indicator) }
    }

    public var count: Int { indicators.count }

    public subscript(index: IndicatorIndex) -> Indicator { indicators[Int(index)] }

    /// Adds an indicator and returns its index (the existing one if the id is known).
    @discardableResult
    public mutating func add(_ indicator: Indicator) -> IndicatorIndex {
        if let existing = byKey[IndicatorCatalogue.key(indicator.id)] { return existing }
        let index = IndicatorIndex(indicators.count)
        indicators.append(indicator)
        for name in [indicator.id, indicator.name.zh, indicator.name.en] + indicator.aliases where !name.isEmpty {
            let k = IndicatorCatalogue.key(name)
            if byKey[k] == nil { byKey[k] = index }
        }
        return index
    }

    /// Adds an indicator a policy package declares. One a load added as custom under its id or one of its names
    /// (before the package was in use) takes the declaration and keeps its index, so its values keep their meaning.
    public mutating func declare(_ indicator: Indicator) {
        let names = [indicator.id, indicator.name.zh, indicator.name.en] + indicator.aliases
        let custom = names.filter { !$0.isEmpty }.compactMap { lookup($0) }.first { indicators[Int($0)].isCustom }
        if let i = custom {
            indicators[Int(i)] = indicator
            for name in names where !name.isEmpty {
                let k = IndicatorCatalogue.key(name)
                if byKey[k] == nil { byKey[k] = i }
            }
            return
        }
        add(indicator)
    }

    /// Finds an indicator by id, Chinese or English name, or alias; case, width and spacing do not matter.
    public func lookup(_ name: String) -> IndicatorIndex? {
        byKey[IndicatorCatalogue.key(name)]
    }

    /// The index of a built-in indicator id; traps on a typo in a declaration, which the tests catch.
    public func index(of id: String) -> IndicatorIndex {
        guard let i = lookup(id) else { preconditionFailure("unknown indicator id \(id) in a declaration") }
        return i
    }

    /// Names close to `name`, for "did you mean".
    public func suggestions(for name: String, limit: Int = 3) -> [String] {
        var candidates: [(Int, String)] = []
        let key = IndicatorCatalogue.key(name)
        for indicator in indicators where !indicator.isCustom {
            for n in [indicator.id, indicator.name.zh] + indicator.aliases {
                let k = IndicatorCatalogue.key(n)
                let d = editDistance(key, k)
                let threshold = max(2, min(k.count, key.count) / 3)
                if d <= threshold || (key.count >= 2 && (k.contains(key) || key.contains(k))) {
                    candidates.append((d, indicator.id == n ? n : "\(n) (\(indicator.id))"))
                }
            }
        }
        candidates.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var seen = Set<String>()
        return candidates.map(\.1).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    /// Normalised lookup key: lower case, full-width folded to half-width, spaces and underscores dropped.
    public static func key(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            var v = scalar.value
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }  // full-width ASCII
            if v == 0x3000 || v == 0x20 || v == 0x5F || v == 0x2D { continue }  // spaces, _ and -
            guard var s = Unicode.Scalar(v) else { continue }
            if v >= 0x41 && v <= 0x5A { s = Unicode.Scalar(v + 32)! }
            out.append(s)
        }
        return String(out)
    }
}

extension IndicatorCatalogue {
    /// The shared catalogue (TARGETS.md, "Indicator catalogue").
    public static let builtin: [Indicator] = [
        Indicator("gdp", zh: "地区生产总值", en: "Gross regional product", unit: .wanYuan, kind: .amount, aliases: ["GDP"]),
        Indicator("rd_expenditure", zh: "全社会研究与试验发展(R&D)经费支出", en: "R&D expenditure", unit: .wanYuan, kind: .amount,
                  aliases: ["R&D经费支出", "研究与试验发展经费支出", "全社会R&D经费支出"]),
        Indicator("rd_intensity", zh: "R&D经费投入强度", en: "R&D intensity (R&D / GDP)", unit: .percent, kind: .ratio,
                  derived: .percentOf(numerator: "rd_expenditure", denominator: "gdp"),
                  aliases: ["研究与试验发展经费占地区生产总值比重", "R&D经费占GDP比重"]),
        Indicator("fiscal_st_expenditure", zh: "财政科技投入(支出)", en: "Fiscal S&T expenditure", unit: .wanYuan, kind: .amount,
                  aliases: ["财政科技投入", "财政科技支出", "科学技术支出", "财政科学技术支出", "地方财政科学技术支出", "一般公共预算支出中科学技术支出"]),
        Indicator("fiscal_st_growth", zh: "财政科技投入增幅", en: "Fiscal S&T expenditure growth (year on year)", unit: .percent,
                  kind: .ratio, derived: .yearOnYearGrowth(of: "fiscal_st_expenditure")),
        Indicator("county_st_special_fund", zh: "县级财政科技专项资金", en: "County S&T special fund", unit: .wanYuan, kind: .amount),
        Indicator("st_progress_contribution", zh: "科技进步贡献率", en: "S&T progress contribution rate", unit: .percent, kind: .ratio,
                  aliases: ["科技进步对经济增长的贡献率"]),
        Indicator("science_literacy_rate", zh: "具备基本科学素质的公民比例", en: "Citizens with basic scientific literacy", unit: .percent,
                  kind: .ratio, aliases: ["公民科学素质比例", "公民具备科学素质比例"]),
        Indicator("provincial_hitech_zones", zh: "省级高新技术产业开发区(高新园区)", en: "Provincial high-tech zones", unit: .ge, kind: .count,
                  aliases: ["省级高新技术产业开发区", "省级高新园区"]),
        Indicator("provincial_agri_parks", zh: "省级农业科技园区", en: "Provincial agricultural S&T parks", unit: .ge, kind: .count),
        Indicator("national_agri_hitech_zones", zh: "国家农业高新技术产业示范区", en: "National agricultural high-tech zones", unit: .ge,
                  kind: .count, aliases: ["国家级农业高新技术产业开发区"]),
        Indicator("incubators", zh: "众创空间、创业园、星创天地、科技企业孵化器", en: "Incubators and maker spaces", unit: .ge, kind: .count,
                  aliases: ["创业孵化器", "孵化器", "科技企业孵化器、众创空间"]),
        Indicator("innovation_service_platforms", zh: "创新创业服务平台(星创天地、众创空间、创客之家、农科驿站等)",
                  en: "Innovation and entrepreneurship service platforms", unit: .ge, kind: .count, aliases: ["创新创业服务平台"]),
        Indicator("innovation_pilot_county", zh: "科技创新驱动试点县", en: "Innovation-driven pilot county", unit: .none, kind: .flag,
                  aliases: ["试点县"]),
        Indicator("innovation_pilot_towns", zh: "试点乡镇", en: "Pilot towns", unit: .ge, kind: .count),
        Indicator("national_innovative_county", zh: "国家创新型县(市、区)", en: "National innovative county", unit: .none, kind: .flag,
                  aliases: ["国家创新型县", "国家创新型县（市）"]),
        Indicator("national_innovative_towns", zh: "国家创新型乡镇", en: "National innovative towns", unit: .ge, kind: .count),
        Indicator("st_personnel_to_grassroots", zh: "当年引导到基层服务的科技人员", en: "S&T personnel sent to grassroots service",
                  unit: .ren, kind: .count, flow: true, aliases: ["引导到基层服务的科技人员"]),
        Indicator("science_commissioners", zh: "科技特派员", en: "Science and technology commissioners", unit: .ren, kind: .count),
        Indicator("hitech_enterprises", zh: "高新技术企业", en: "High-tech enterprises", unit: .jia, kind: .count,
                  aliases: ["高新技术企业数", "高新技术企业个数"]),
        Indicator("st_smes", zh: "科技型中小企业", en: "S&T-based SMEs", unit: .jia, kind: .count),
        Indicator("st_enterprises", zh: "科技型企业", en: "S&T-based enterprises", unit: .jia, kind: .count),
        Indicator("agri_hitech_enterprises", zh: "农业高新技术企业", en: "Agricultural high-tech enterprises", unit: .jia, kind: .count),
        Indicator("above_scale_industrial_enterprises", zh: "规模以上工业企业", en: "Industrial enterprises above designated size",
                  unit: .jia, kind: .count, aliases: ["规上工业企业", "规模以上工业企业单位数", "规模以上工业企业个数", "规模以上工业企业数"]),
        Indicator("above_scale_with_rd_activity", zh: "其中有研发活动的", en: "of which with R&D activity", unit: .jia, kind: .count,
                  aliases: ["有研发活动的规上工业企业"]),
        Indicator("above_scale_with_rd_institution", zh: "其中有研发机构的", en: "of which with an R&D institution", unit: .jia,
                  kind: .count, aliases: ["有研发机构的规上工业企业"]),
        Indicator("above_scale_with_invention_patent", zh: "其中有发明专利的", en: "of which with an invention patent", unit: .jia,
                  kind: .count, aliases: ["有发明专利的规上工业企业"]),
        Indicator("above_scale_industrial_rd_expenditure", zh: "规模以上工业企业研发投入", en: "R&D spending of industrial enterprises above size",
                  unit: .wanYuan, kind: .amount, aliases: ["规上工业企业研发投入"]),
        Indicator("above_scale_industrial_rd_intensity", zh: "规上工业企业研发投入占GDP比重", en: "Industrial enterprise R&D / GDP",
                  unit: .percent, kind: .ratio,
                  derived: .percentOf(numerator: "above_scale_industrial_rd_expenditure", denominator: "gdp"),
                  aliases: ["规模以上工业企业研发投入占GDP比重"]),
        Indicator("hitech_output_share", zh: "高新技术产业产值占规模以上工业总产值比重", en: "High-tech share of industrial output",
                  unit: .percent, kind: .ratio, aliases: ["高新技术产业产值占比"]),
        Indicator("industry_innovation_complexes", zh: "产业创新服务综合体", en: "Industry innovation service complexes", unit: .ge,
                  kind: .count),
        Indicator("innovation_vouchers_used", zh: "科技创新券发放使用额", en: "Innovation vouchers issued and used", unit: .wanYuan,
                  kind: .amount, flow: true, aliases: ["科技创新券"]),
        Indicator("instrument_sharing_times", zh: "开放科研设施与仪器", en: "Shared research instruments (uses)", unit: .taici,
                  kind: .count, flow: true),
        Indicator("lab_service_batches", zh: "开放实验室服务", en: "Open laboratory services (batches)", unit: .pici, kind: .count,
                  flow: true),
        Indicator("tech_contract_turnover", zh: "技术交易额", en: "Technology contract turnover", unit: .wanYuan, kind: .amount,
                  flow: true, aliases: ["技术合同成交额"]),
        Indicator("innovation_platforms_provincial_plus", zh: "省级以上创新平台", en: "Innovation platforms, provincial and above",
                  unit: .ge, kind: .count),
        Indicator("innovation_platforms_national", zh: "国家级创新平台", en: "National innovation platforms", unit: .ge, kind: .count),
        Indicator("tech_transfer_institutions", zh: "技术转移转化服务机构", en: "Technology transfer institutions", unit: .ge, kind: .count),
        Indicator("tech_market_service_institutions", zh: "技术市场登记和服务机构", en: "Technology market registration and service institutions",
                  unit: .ge, kind: .count),
        Indicator("tech_brokers", zh: "技术经纪人", en: "Technology brokers", unit: .ren, kind: .count),
        Indicator("tech_transfer_center", zh: "科技成果转化服务中心", en: "Technology transfer service centre", unit: .none, kind: .flag),
        Indicator("innovation_leading_group", zh: "县域创新驱动发展领导小组及办公室", en: "Leading group for innovation-driven development",
                  unit: .none, kind: .flag, aliases: ["领导小组", "创新驱动发展领导小组"]),
        Indicator("st_management_agency", zh: "县级科技管理机构", en: "County S&T management agency", unit: .none, kind: .flag,
                  aliases: ["科技管理机构"]),
        Indicator("st_service_center", zh: "科技服务中心", en: "S&T service centre", unit: .none, kind: .flag),
        Indicator("commissioner_workstations", zh: "科技特派员工作站", en: "Science commissioner workstations", unit: .ge, kind: .count),
        Indicator("village_network_coverage", zh: "村级网络覆盖率", en: "Village network coverage", unit: .percent, kind: .ratio),
        Indicator("characteristic_industrial_clusters", zh: "特色产业集群", en: "Characteristic industrial clusters", unit: .ge, kind: .count),
        Indicator("innovation_special_fund", zh: "创新驱动发展专项资金", en: "Innovation-driven development special fund", unit: .none,
                  kind: .flag),
        Indicator("st_consultation_meetings", zh: "市、区科技工作会商会议", en: "City–district S&T consultation meetings", unit: .ci,
                  kind: .count, flow: true, aliases: ["科技工作会商会议"]),
        Indicator("major_industrial_county", zh: "工业大县", en: "Major industrial county", unit: .none, kind: .flag),
        // Context yearbooks print beside the policy's measures (中国县域统计年鉴): loaded as catalogue indicators, not custom.
        Indicator("registered_population", zh: "户籍人口", en: "Registered population", unit: .ren, kind: .count,
                  aliases: ["年末户籍人口", "户籍人口数", "年末总人口"]),
        Indicator("resident_population", zh: "常住人口", en: "Resident population", unit: .ren, kind: .count, aliases: ["年末常住人口"]),
        Indicator("enterprise_rd_subsidies", zh: "企业研究开发财政补助(核定额)", en: "Enterprise R&D subsidies (approved)", unit: .wanYuan,
                  kind: .amount, flow: true, aliases: ["企业研究开发财政补助"]),
    ]
}

/// Edit distance over Unicode scalars, an adjacent transposition counting as one edit (`tpo` is one from `top`:
/// the optimal string alignment distance); used only to suggest names, never on a hot path.
public func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var before = [Int](repeating: 0, count: y.count + 1)
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { current[j] = min(current[j], before[j - 2] + 1) }
        }
        (before, previous, current) = (previous, current, before)
    }
    return previous[y.count]
}

/// The names nearest to `word`, for "did you mean": at most `limit`, nearest first; none when nothing is near
/// (within a third of the shorter length, at least 1, or one containing the other). Case does not matter.
public func nearestNames(_ word: String, among names: [String], limit: Int = 3) -> [String] {
    let w = word.lowercased()
    guard !w.isEmpty else { return [] }
    var scored: [(Int, String)] = []
    for n in Set(names) {
        let k = n.lowercased()
        let d = editDistance(w, k)
        if d <= max(1, min(w.count, k.count) / 3) || (w.count >= 2 && (k.contains(w) || w.contains(k))) { scored.append((d, n)) }
    }
    return scored.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(limit).map(\.1)
}
