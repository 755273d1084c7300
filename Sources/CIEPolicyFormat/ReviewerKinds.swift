import CIECore
import Synchronization

/// What a reviewer kind reads from its declaration: the common fields (id, name, source, reading) and typed access
/// to its own parameters, each problem reported at its place.
public final class ReviewerParameters {
    let reading: PackageReading
    let fields: PackageReader.Fields
    public let id: String
    public let name: LocalizedText
    public let source: LocalizedText
    public let readingText: LocalizedText?
    /// The reviewers declared before this one (a priority list names its veto).
    public let earlier: [any Reviewer]
    /// The package's targets (a priority list names those it requires).
    public let targetIDs: [String]

    init(reading: PackageReading, fields: PackageReader.Fields, id: String, name: LocalizedText, source: LocalizedText,
         readingText: LocalizedText?, earlier: [any Reviewer], targetIDs: [String]) {
        self.reading = reading
        self.fields = fields
        self.id = id
        self.name = name
        self.source = source
        self.readingText = readingText
        self.earlier = earlier
        self.targetIDs = targetIDs
    }

    /// The same reviewer's parameters inside one of its mappings (a dimension, a measure, a share rule).
    func nested(_ f: PackageReader.Fields) -> ReviewerParameters {
        ReviewerParameters(reading: reading, fields: f, id: id, name: name, source: source, readingText: readingText, earlier: earlier, targetIDs: targetIDs)
    }

    /// A list of the package's target ids.
    public func targets(_ key: String) -> [String]? {
        guard let ids = reading.reader.strings(fields[key], what(key)) else { return nil }
        var ok = true
        for (id, node) in zip(ids, reading.reader.list(fields[key], what(key)) ?? []) where !targetIDs.contains(id) {
            reading.reader.error(node, LocalizedText(zh: "没有目标 \(id)" + PackageReader.didYouMean(id, targetIDs).zh,
                                                     en: "no target \(id)" + PackageReader.didYouMean(id, targetIDs).en))
            ok = false
        }
        return ok ? ids : nil
    }

    private func what(_ key: String) -> LocalizedText {
        LocalizedText(zh: "审查器 \(id) 的 \(key)", en: "\(key) of the reviewer \(id)")
    }

    public func has(_ key: String) -> Bool { fields[key] != nil }

    public func text(_ key: String) -> LocalizedText? { reading.reader.text(fields[key], what(key)) }
    public func number(_ key: String) -> Double? { reading.reader.number(fields[key], what(key)) }
    public func string(_ key: String) -> String? { reading.reader.string(fields[key], what(key)) }
    public func quantity(_ key: String) -> Quantity? { fields[key].flatMap { reading.quantity($0) } }
    public func filter(_ key: String) -> UnitFilter? { fields[key].flatMap { reading.filter($0) } }
    public func groups(_ key: String) -> [String]? {
        guard let names = reading.reader.strings(fields[key], what(key)) else { return nil }
        for (name, node) in zip(names, reading.reader.list(fields[key], what(key)) ?? []) where !reading.groupNames.contains(name) {
            reading.reader.error(node, LocalizedText(zh: "未声明的组“\(name)”" + PackageReader.didYouMean(name, reading.groupNames).zh,
                                                     en: "no group “\(name)”" + PackageReader.didYouMean(name, reading.groupNames).en))
        }
        return names
    }

    /// A list of mappings, each read by `item` with the keys it allows.
    public func items<T>(_ key: String, allowed: [String], required: [String], _ item: (ReviewerParameters) -> T?) -> [T]? {
        guard let list = reading.reader.list(fields[key], what(key)) else { return nil }
        var out: [T] = []
        for node in list {
            guard let f = reading.reader.fields(node, what(key), allowed: allowed, required: required) else { continue }
            if let v = item(nested(f)) { out.append(v) }
        }
        return out.count == list.count ? out : nil
    }

    /// A percentage written 0–100, as a fraction.
    public func percent(_ key: String) -> Double? {
        guard let v = number(key) else { return nil }
        guard (0...100).contains(v) else {
            reading.reader.error(fields[key]!, LocalizedText(zh: "\(what(key).zh)是 0 到 100 的百分数", en: "\(what(key).en) is a percentage from 0 to 100"))
            return nil
        }
        return v / 100
    }

    /// A mapping of region codes to sub-declarations.
    public func byCode<T>(_ key: String, allowed: [String], required: [String], _ item: (ReviewerParameters) -> T?) -> [String: T]? {
        guard let node = fields[key] else { return nil }
        guard case .mapping(let pairs) = node.value else {
            reading.reader.error(node, LocalizedText(zh: "\(what(key).zh)应是“代码: {…}”的键值", en: "\(what(key).en) maps codes to declarations"))
            return nil
        }
        var out: [String: T] = [:]
        for (k, v) in pairs {
            guard let code = reading.code(k, what(key)),
                  let f = reading.reader.fields(v, what(key), allowed: allowed, required: required) else { continue }
            if let t = item(nested(f)) { out[code] = t }
        }
        return out
    }

    /// Reports a problem at a parameter (or at the declaration).
    public func error(_ key: String?, _ text: LocalizedText) {
        reading.reader.error(key.flatMap { fields[$0] } ?? fields.node, text)
    }
}

/// The kinds of reviewer a package may declare (`kind: composite`), each with the parameters it takes. The kinds of the
/// five documents are built in; Swift code may register another by id, for logic no kind covers.
public enum ReviewerKinds {
    public struct Kind: Sendable {
        public var id: String
        /// Its parameters besides id, kind, name, source and reading.
        public var keys: [String]
        public var required: [String]
        public var make: @Sendable (ReviewerParameters) -> (any Reviewer)?
        public init(id: String, keys: [String], required: [String], make: @escaping @Sendable (ReviewerParameters) -> (any Reviewer)?) {
            self.id = id
            self.keys = keys
            self.required = required
            self.make = make
        }
    }

    private static let registered = Mutex<[Kind]>(builtin)

    /// Registers a kind (a reviewer written in Swift); a kind of the same id is replaced.
    public static func register(_ kind: Kind) {
        registered.withLock { kinds in
            kinds.removeAll { $0.id == kind.id }
            kinds.append(kind)
        }
    }

    public static var all: [Kind] { registered.withLock { $0 } }

    static let builtin: [Kind] = [
        Kind(id: "composite", keys: ["dimensions", "zones", "selected"], required: ["dimensions", "selected"]) { p in
            let dims = p.items("dimensions", allowed: ["id", "name", "measures"], required: ["id", "name", "measures"]) { d -> Composite.Dimension? in
                let measures = d.items("measures", allowed: ["quantity", "measure", "label"], required: ["quantity", "label"]) { m -> Composite.Measure? in
                    let kind: Composite.Measure.Kind? = m.has("measure")
                        ? m.reading.reader.choice(m.fields["measure"], LocalizedText(zh: "指标的计法", en: "a measure"),
                                                  [("level", .level), ("change", .change), ("growth", .growth)]) : .level
                    guard let q = m.quantity("quantity"), let label = m.text("label"), let kind else { return nil }
                    return Composite.Measure(q, kind, label: label)
                }
                guard let id = d.string("id"), let name = d.text("name"), let measures, !measures.isEmpty else { return nil }
                return Composite.Dimension(id: id, name: name, measures: measures)
            }
            let zones = p.has("zones") ? p.groups("zones") : []
            var verdict: String?, label: LocalizedText?, cutoff: Composite.Cutoff? = .share(0.2)
            if let node = p.fields["selected"], let f = p.reading.reader.fields(node, LocalizedText(zh: "selected（入选的结论）", en: "selected"),
                                                                             allowed: ["verdict", "label", "cutoff"], required: ["verdict", "label"]) {
                let sub = p.nested(f)
                verdict = sub.string("verdict")
                label = sub.text("label")
                if sub.has("cutoff") {
                    cutoff = sub.string("cutoff").flatMap { Composite.Cutoff($0) }
                    if cutoff == nil {
                        sub.error("cutoff", LocalizedText(zh: "selected 的 cutoff 应是\(Composite.Cutoff.expected.zh)",
                                                          en: "the cutoff of selected should be \(Composite.Cutoff.expected.en)"))
                    }
                }
            }
            guard let dims, !dims.isEmpty, let zones, let verdict, let label, let cutoff else { return nil }
            return CompositeReviewer(id: p.id, name: p.name, source: p.source, dimensions: dims, zones: zones, selectedVerdict: verdict,
                                     selectedLabel: label, defaultCutoff: cutoff, reading: p.readingText ?? LocalizedText(""))
        },
        Kind(id: "veto", keys: ["units", "falls"], required: ["falls"]) { p in
            let units = p.has("units") ? p.filter("units") : nil
            let measures = p.items("falls", allowed: ["quantity", "label"], required: ["quantity", "label"]) { m -> YearOnYearVeto.Measure? in
                guard let q = m.quantity("quantity"), let l = m.text("label") else { return nil }
                return YearOnYearVeto.Measure(q, label: l)
            }
            guard let measures, !measures.isEmpty, !p.has("units") || units != nil else { return nil }
            return YearOnYearVeto(id: p.id, name: p.name, source: p.source, units: units, measures: measures, reading: p.readingText)
        },
        Kind(id: "priority", keys: ["units", "veto", "targets"], required: []) { p in
            let units = p.has("units") ? p.filter("units") : nil
            var veto: YearOnYearVeto?
            if let v = p.string("veto") {
                veto = p.earlier.first { $0.id == v } as? YearOnYearVeto
                if veto == nil {
                    let ids = p.earlier.filter { $0 is YearOnYearVeto }.map(\.id)
                    p.error("veto", LocalizedText(zh: "没有在它之前声明的 veto 审查器“\(v)”" + PackageReader.didYouMean(v, ids).zh,
                                                  en: "no veto reviewer “\(v)” declared before it" + PackageReader.didYouMean(v, ids).en))
                    return nil
                }
            }
            let requires = p.has("targets") ? p.targets("targets") : nil
            guard !p.has("units") || units != nil, !p.has("targets") || requires != nil else { return nil }
            return PriorityCandidates(id: p.id, name: p.name, source: p.source, units: units, veto: veto, requires: requires, reading: p.readingText)
        },
        Kind(id: "allocation", keys: ["base", "share", "cap", "factor"], required: ["base", "share", "cap"]) { p in
            let base = p.quantity("base"), share = p.percent("share"), cap = p.number("cap")
            let factor = p.has("factor") ? p.quantity("factor") : nil
            guard let base, let share, let cap, !p.has("factor") || factor != nil else { return nil }
            return CappedAllocation(id: p.id, name: p.name, source: p.source, base: base, share: share, cap: cap, factor: factor, reading: p.readingText)
        },
        Kind(id: "rewards", keys: ["designations"], required: ["designations"]) { p in
            let list = p.items("designations", allowed: ["quantity", "amount", "label"], required: ["quantity", "amount", "label"]) { d -> DesignationRewards.Designation? in
                guard let q = d.quantity("quantity"), let a = d.number("amount"), let l = d.text("label") else { return nil }
                return DesignationRewards.Designation(q, amount: a, label: l)
            }
            guard let list, !list.isEmpty else { return nil }
            return DesignationRewards(id: p.id, name: p.name, source: p.source, designations: list, reading: p.readingText)
        },
        Kind(id: "cost_sharing", keys: ["amount", "shares", "exceptions"], required: ["amount", "shares"]) { p in
            func shares(_ s: ReviewerParameters) -> CostSharing.Shares? {
                guard let a = s.percent("province"), let b = s.percent("city"), let c = s.percent("county") else { return nil }
                guard abs(a + b + c - 1) < 1e-9 else {
                    s.error(nil, LocalizedText(zh: "省、市、县的比例之和应为 100", en: "the province, city and county shares should add up to 100"))
                    return nil
                }
                return CostSharing.Shares(province: a, city: b, county: c)
            }
            let amount = p.quantity("amount")
            var rule: CostSharing.Shares?
            if let node = p.fields["shares"], let f = p.reading.reader.fields(node, LocalizedText(zh: "shares（分担比例）", en: "shares"),
                                                                           allowed: ["province", "city", "county"], required: ["province", "city", "county"]) {
                rule = shares(p.nested(f))
            }
            let exceptions = p.has("exceptions") ? p.byCode("exceptions", allowed: ["province", "city", "county"], required: ["province", "city", "county"], shares) : [:]
            guard let amount, let rule, let exceptions else { return nil }
            return CostSharing(id: p.id, name: p.name, source: p.source, amount: amount, shares: rule, exceptions: exceptions, reading: p.readingText)
        },
    ]
}

extension PackageReading {
    func reviewers(_ node: YAMLNode, targets: [Target]) -> [any Reviewer] {
        let t = PackageReading.t
        guard let items = reader.list(node, t("reviewers", "reviewers")) else { return [] }
        var out: [any Reviewer] = []
        let kinds = ReviewerKinds.all
        for item in items {
            // The kind decides which keys the declaration takes.
            var kind: ReviewerKinds.Kind?
            if case .mapping(let pairs) = item.value, let k = pairs.first(where: { $0.key.scalar == "kind" }) {
                let names = kinds.map(\.id)
                if let s = k.value.scalar, let hit = kinds.first(where: { $0.id == s }) {
                    kind = hit
                } else {
                    reader.error(k.value, t("未知的审查器类型“\(k.value.scalar ?? "")”" + PackageReader.didYouMean(k.value.scalar ?? "", names).zh + "；可用：\(names.joined(separator: ", "))",
                                            "unknown reviewer kind “\(k.value.scalar ?? "")”" + PackageReader.didYouMean(k.value.scalar ?? "", names).en + "; use one of \(names.joined(separator: ", "))"))
                    continue
                }
            }
            guard let f = reader.fields(item, t("一个审查器", "a reviewer"), allowed: PackageKeys.reviewer + (kind?.keys ?? []),
                                        required: ["id", "kind", "name", "source"] + (kind?.required ?? [])), let kind else { continue }
            guard let idNode = f["id"], let id = reader.string(idNode, t("审查器 id", "reviewer id")) else { continue }
            if id == "compliance" || out.contains(where: { $0.id == id }) {
                reader.error(idNode, t("审查器 id “\(id)”已被使用（compliance 每个策略包都自带）", "the reviewer id “\(id)” is taken (every package has compliance)"))
                continue
            }
            remember("reviewer:\(id)", idNode)
            remember("source:\(id)", f["source"])
            let name = reader.text(f["name"], t("审查器名称", "the reviewer's name"))
            let source = reader.text(f["source"], t("审查器依据的条款与原文", "the reviewer's source (clause and sentence)"))
            let readingText = f["reading"].flatMap { reader.text($0, t("审查器的解读", "the reviewer's reading")) }
            guard let name, let source else { continue }
            let p = ReviewerParameters(reading: self, fields: f, id: id, name: name, source: source, readingText: readingText, earlier: out,
                                       targetIDs: targets.map(\.id))
            if let r = kind.make(p) { out.append(r) }
        }
        return out
    }
}
