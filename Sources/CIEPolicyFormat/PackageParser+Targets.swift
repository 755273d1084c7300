import CIECore
import CIEData

/// Targets, their conditions, quantities, filters and worked examples (Docs/PolicyFormat.md, "Targets").
extension PackageReading {
    func targets(_ node: YAMLNode, files exampleFiles: inout [String: [Int: [ExampleFile]]]) -> [Target] {
        let t = PackageReading.t
        guard let items = reader.list(node, t("targets", "targets")) else { return [] }
        var out: [Target] = []
        var seen: [String: YAMLNode] = [:]
        for item in items {
            guard let f = reader.fields(item, t("一个目标", "a target"), allowed: PackageKeys.target,
                                        required: ["id", "title", "clause", "original", "scope", "condition", "strength"]) else { continue }
            guard let idNode = f["id"], let id = reader.string(idNode, t("目标 id", "target id")) else { continue }
            if let first = seen[id.uppercased()] {
                reader.error(idNode, t("目标 \(id) 已在第 \(first.line) 行声明：每个 id 只用一次", "target \(id) is already declared at line \(first.line): use each id once"))
                continue
            }
            seen[id.uppercased()] = idNode
            remember("target:\(id)", idNode)
            remember("original:\(id)", f["original"])
            let what = { (zh: String, en: String) in LocalizedText(zh: "\(id) 的\(zh)", en: "\(en) of \(id)") }
            let title = reader.text(f["title"], what("标题", "the title"))
            let clause = reader.string(f["clause"], what("条款", "the clause"))
            let original = reader.string(f["original"], what("原文", "the original sentence"))
            let scope = reader.choice(f["scope"], t("范围", "scope"), Scope.allCases.map { ($0.rawValue, $0) })
            let filter = f["filter"].flatMap { self.filter($0) }
            let condition = f["condition"].flatMap { self.condition($0) }
            let deadline = reader.optionalYear(f["deadline"], what("截止年", "the deadline"))
            let baseline = f["baseline"].flatMap { reader.int($0, what("基期", "the baseline"), in: DataLoader.years) }
            let strength = reader.choice(f["strength"], t("强度", "strength"), Strength.allCases.map { ($0.rawValue, $0) })
            let reading = f["reading"].flatMap { reader.text($0, what("解读", "the reading")) }
            let draft = f["draft"].flatMap { reader.bool($0, what("draft（草拟待审）", "draft")) } ?? false
            if f["filter"] != nil, scope != nil, scope != .county {
                reader.error(f["filter"]!, t("filter 只用于 scope: county 的目标（逐县判断）", "a filter applies to targets of scope: county only"))
            }
            var examples: [TargetExample] = []
            if let e = f["examples"], let list = reader.list(e, what("示例", "the examples")) {
                for (k, node) in list.enumerated() {
                    remember("example:\(id):\(k)", node)
                    if let (example, data) = self.example(node, target: id) {
                        examples.append(example)
                        if !data.isEmpty { exampleFiles[id, default: [:]][k] = data }
                    }
                }
            }
            guard let title, let clause, let original, let scope, let condition, let deadline, let strength else { continue }
            out.append(Target(id: id, title: title, clause: clause, original: original, scope: scope, filter: filter, condition: condition,
                              deadline: deadline, baseline: baseline, strength: strength, reading: reading, examples: examples, draft: draft))
        }
        return out
    }

    // MARK: Conditions

    /// Each condition kind: its key and the keys it takes besides.
    static let conditionKinds: [(kind: String, params: [String])] = [
        ("at_least", ["value"]), ("at_most", ["value"]), ("range", ["min", "max"]), ("exists", []),
        ("share", ["among", "at_least_percent"]), ("avg_annual_increase", ["by"]), ("multiple", ["times"]),
        ("non_decreasing", []), ("increasing", []), ("every_year_at_least", ["value"]), ("all", []), ("any", []),
    ]

    func condition(_ node: YAMLNode) -> Condition? {
        let t = PackageReading.t
        let kinds = PackageReading.conditionKinds.map(\.kind)
        guard case .mapping(let pairs) = node.value, let first = pairs.first?.key.scalar else {
            reader.error(node, t("条件应写成 {类型: 数量, 参数…}，如 {at_least: science_literacy_rate, value: 4.5}；类型：\(kinds.joined(separator: ", "))",
                                 "a condition is {kind: quantity, parameters…}, e.g. {at_least: science_literacy_rate, value: 4.5}; kinds: \(kinds.joined(separator: ", "))"))
            return nil
        }
        guard let spec = PackageReading.conditionKinds.first(where: { $0.kind == first }) else {
            reader.error(pairs[0].key, t("未知的条件类型“\(first)”" + PackageReader.didYouMean(first, kinds).zh + "；可用：\(kinds.joined(separator: ", "))",
                                         "unknown condition kind “\(first)”" + PackageReader.didYouMean(first, kinds).en + "; use one of \(kinds.joined(separator: ", "))"))
            return nil
        }
        guard let f = reader.fields(node, LocalizedText(zh: "条件 \(first)", en: "the condition \(first)"), allowed: [first] + spec.params,
                                    required: [first] + spec.params.filter { $0 != "among" }) else { return nil }
        let subject = f[first]!
        func q() -> Quantity? { quantity(subject) }
        func n(_ key: String) -> Double? { reader.number(f[key], LocalizedText(zh: "\(first) 的 \(key)", en: "\(key) of \(first)")) }
        switch first {
        case "at_least": return zip2(q(), n("value")).map { .atLeast($0, $1) }
        case "at_most": return zip2(q(), n("value")).map { .atMost($0, $1) }
        case "range":
            guard let qq = q(), let lo = n("min"), let hi = n("max") else { return nil }
            if lo > hi { reader.error(f["max"]!, t("range 的 max 不能小于 min", "the max of a range cannot be below its min")); return nil }
            return .range(qq, lo, hi)
        case "exists": return q().map { .exists($0) }
        case "share":
            let inner = condition(subject)
            let among = f["among"].flatMap { filter($0) }
            guard let inner, let p = n("at_least_percent") else { return nil }
            return .share(of: inner, among: among, atLeastPercent: p)
        case "avg_annual_increase": return zip2(q(), n("by")).map { .avgAnnualIncrease($0, $1) }
        case "multiple": return zip2(q(), n("times")).map { .multiple($0, $1) }
        case "non_decreasing": return q().map { .nonDecreasing($0) }
        case "increasing": return q().map { .increasing($0) }
        case "every_year_at_least": return zip2(q(), n("value")).map { .everyYearAtLeast($0, $1) }
        case "all", "any":
            guard let items = reader.list(subject, LocalizedText(zh: "\(first) 的条件", en: "the conditions of \(first)")) else { return nil }
            let parts = items.compactMap { condition($0) }
            guard parts.count == items.count, !parts.isEmpty else { return nil }
            return first == "all" ? .all(parts) : .any(parts)
        default: return nil
        }
    }

    // MARK: Quantities

    static let quantityKinds: [(kind: String, params: [String], optional: [String])] = [
        ("sum", [], []), ("percent", ["of"], []), ("share_of_total", ["held_by"], []), ("mean", [], ["over", "weighted_by"]), ("own", [], []),
    ]

    /// An indicator by id or name, or {sum: […]}, {percent: a, of: b}, {share_of_total: id, held_by: filter},
    /// {mean: q, over: filter, weighted_by: q}.
    func quantity(_ node: YAMLNode) -> Quantity? {
        let t = PackageReading.t
        if node.scalar != nil {
            return indicator(node).map { .indicator($0) }
        }
        let kinds = PackageReading.quantityKinds.map(\.kind)
        guard case .mapping(let pairs) = node.value, let first = pairs.first?.key.scalar else {
            reader.error(node, t("数量应是指标 id，或 {sum: […]}、{percent: a, of: b}、{share_of_total: id, held_by: 范围}、{mean: 数量, over: 范围, weighted_by: 数量}、{own: 指标}",
                                 "a quantity is an indicator id, or {sum: […]}, {percent: a, of: b}, {share_of_total: id, held_by: filter}, {mean: q, over: filter, weighted_by: q}, {own: indicator}"))
            return nil
        }
        guard let spec = PackageReading.quantityKinds.first(where: { $0.kind == first }) else {
            reader.error(pairs[0].key, t("未知的数量类型“\(first)”" + PackageReader.didYouMean(first, kinds).zh + "；可用：\(kinds.joined(separator: ", "))，或一个指标 id",
                                         "unknown quantity “\(first)”" + PackageReader.didYouMean(first, kinds).en + "; use \(kinds.joined(separator: ", ")), or an indicator id"))
            return nil
        }
        guard let f = reader.fields(node, LocalizedText(zh: "数量 \(first)", en: "the quantity \(first)"), allowed: [first] + spec.params + spec.optional,
                                    required: [first] + spec.params) else { return nil }
        switch first {
        case "sum":
            guard let items = reader.list(f["sum"], t("sum 的各项", "the terms of sum")) else { return nil }
            let parts = items.compactMap { quantity($0) }
            return parts.count == items.count && !parts.isEmpty ? .sum(parts) : nil
        case "percent":
            // `fields` has reported a missing `of:`; the part present is still read, for its own errors.
            let part = quantity(f["percent"]!)
            guard let of = f["of"] else { return nil }
            return zip2(part, quantity(of)).map { .percent($0, of: $1) }
        case "share_of_total":
            let id = indicator(f["share_of_total"]!)
            guard let held = f["held_by"] else { return nil }
            return zip2(id, filter(held)).map { .shareOfTotal($0, held: $1) }
        case "own":
            return indicator(f["own"]!).map { .own($0) }
        case "mean":
            let q = quantity(f["mean"]!)
            let over = f["over"].map { filter($0) }
            let weight = f["weighted_by"].map { quantity($0) }
            guard let q, over != .some(nil), weight != .some(nil) else { return nil }
            return .mean(q, over: over ?? nil, weightedBy: weight ?? nil)
        default: return nil
        }
    }

    /// An indicator of the catalogue (shipped or the package's), by id, name or alias; its id.
    func indicator(_ node: YAMLNode) -> String? {
        let t = PackageReading.t
        guard let name = reader.string(node, t("指标", "an indicator")) else { return nil }
        if let i = catalogue.lookup(name) { return catalogue[i].id }
        let names = catalogue.indicators.flatMap { [$0.id, $0.name.zh] + $0.aliases }
        reader.error(node, t("未知的指标“\(name)”" + PackageReader.didYouMean(name, names).zh + "；新指标请在 indicators 中声明（cie indicators 列出目录）",
                             "unknown indicator “\(name)”" + PackageReader.didYouMean(name, names).en + "; declare a new one under indicators (cie indicators lists the catalogue)"))
        return nil
    }

    // MARK: Filters

    /// `county_proper`, `{flag: indicator}` or `{group: name}`.
    func filter(_ node: YAMLNode) -> UnitFilter? {
        let t = PackageReading.t
        if let s = node.scalar {
            if s == "county_proper" { return .countyProper }
            reader.error(node, t("未知的单位范围“\(s)”" + PackageReader.didYouMean(s, ["county_proper"]).zh + "；可用：county_proper、{flag: 指标}、{group: 组名}",
                                 "unknown filter “\(s)”" + PackageReader.didYouMean(s, ["county_proper"]).en + "; use county_proper, {flag: indicator} or {group: name}"))
            return nil
        }
        guard let f = reader.fields(node, t("单位范围（filter）", "a filter"), allowed: PackageKeys.filter), f.order.count == 1 else {
            reader.error(node, t("单位范围只写一种：county_proper、{flag: 指标} 或 {group: 组名}", "a filter is one of county_proper, {flag: indicator}, {group: name}"))
            return nil
        }
        if let flag = f["flag"] { return indicator(flag).map { .flag($0) } }
        guard let g = f["group"], let name = reader.string(g, t("组名", "a group name")) else { return nil }
        guard groupNames.contains(name) else {
            reader.error(g, t("未声明的组“\(name)”" + PackageReader.didYouMean(name, groupNames).zh + "：请在 groups 中先声明",
                              "no group “\(name)”" + PackageReader.didYouMean(name, groupNames).en + ": declare it under groups first"))
            return nil
        }
        return .group(name)
    }

    // MARK: Examples

    func example(_ node: YAMLNode, target: String) -> (TargetExample, [ExampleFile])? {
        let t = PackageReading.t
        guard let f = reader.fields(node, LocalizedText(zh: "\(target) 的示例", en: "an example of \(target)"),
                                    allowed: PackageKeys.example, required: ["title", "year", "expect"]) else { return nil }
        let title = reader.text(f["title"], t("示例标题", "the example's title"))
        let year = reader.int(f["year"], t("示例年份", "the example's year"), in: DataLoader.years)
        var csv = ""
        var data: [ExampleFile] = []
        if let c = f["csv"] { csv = reader.string(c, t("示例数据（csv）", "the example's csv")) ?? "" }
        if let d = f["data"] {
            let paths = d.scalar != nil ? [reader.string(d, t("示例数据文件", "an example data file"))].compactMap { $0 }
                : (reader.strings(d, t("示例数据文件", "example data files")) ?? [])
            for p in paths {
                guard let bytes = files.read(p) else {
                    reader.error(d, t("找不到示例数据 \(files.display(p))", "cannot find the example data \(files.display(p))"))
                    continue
                }
                data.append(ExampleFile(name: p, bytes: bytes))
            }
        }
        if f["csv"] == nil, f["data"] == nil {
            reader.error(node, t("示例需要数据：csv（内联的长表 CSV）或 data（包内的数据文件）", "an example needs data: csv (an inline long CSV) or data (files in the package)"))
        }
        var expect: [(String, Status)] = []
        if let e = f["expect"] {
            if case .mapping(let pairs) = e.value {
                for (k, v) in pairs {
                    guard let region = reader.string(k, t("地区", "a region")), let s = reader.string(v, t("状态", "a status")) else { continue }
                    guard let status = Status(parsing: s) else {
                        let names = Status.allCases.map(\.rawValue)
                        reader.error(v, t("未知的状态“\(s)”" + PackageReader.didYouMean(s, names).zh + "；可用：\(names.joined(separator: ", "))",
                                          "unknown status “\(s)”" + PackageReader.didYouMean(s, names).en + "; use one of \(names.joined(separator: ", "))"))
                        continue
                    }
                    expect.append((region, status))
                }
            } else {
                reader.error(e, t("expect 应是“地区: 状态”的键值，如 {630121: met}", "expect maps regions to statuses, e.g. {630121: met}"))
            }
        }
        guard let title, let year else { return nil }
        return (TargetExample(title, year: year, csv: csv, expect: expect), data)
    }
}

/// Both values, when both are there.
func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
