import CIECore
import CIEData
import Foundation

/// Reads a policy package (`policy.yaml`, the document's text, worked examples, a sample) into a `PolicyPackage`, or
/// every problem it has, each at its `FILE:LINE:COLUMN` (Docs/PolicyFormat.md). A package with any problem loads
/// nothing.
public enum PackageParser {
    /// The version of the format this reader reads (`format: 1`).
    public static let formatVersion = 1


    /// Reads the package in `files`. `catalogue`: the shipped indicators (a package may add, never redefine).
    /// `regions`: the table the region codes it names are checked against (nil for a built-in package read at run
    /// time: the build checked its codes).
    public static func parse(_ files: any PackageFiles, origin: PackageOrigin, regions: RegionTable?,
                             catalogue: IndicatorCatalogue = .shipped) -> Result<PolicyPackage, PackageFailure> {
        let manifest = files.display("policy.yaml")
        guard let bytes = files.read("policy.yaml") else {
            return .failure(PackageFailure([Diagnostic(file: manifest, line: 0, column: 0, LocalizedText(
                zh: "没有 policy.yaml：策略包是一个含 policy.yaml 的文件夹（cie policy new 可生成一个）",
                en: "no policy.yaml: a policy package is a folder with a policy.yaml (cie policy new makes one)"))]))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(PackageFailure([Diagnostic(file: manifest, line: 1, column: 1, LocalizedText(
                zh: "policy.yaml 不是 UTF-8：请以 UTF-8 保存", en: "policy.yaml is not UTF-8: save it as UTF-8"))]))
        }
        let root: YAMLNode
        switch YAMLNode.parse(text, file: manifest) {
        case .failed(let d): return .failure(PackageFailure([d]))
        case .empty:
            return .failure(PackageFailure([Diagnostic(file: manifest, line: 1, column: 1, LocalizedText(
                zh: "policy.yaml 是空的：cie policy new 可生成一个模板", en: "policy.yaml is empty: cie policy new writes a template"))]))
        case .node(let node): root = node
        }
        let reading = PackageReading(reader: PackageReader(file: manifest), files: files, shipped: catalogue)
        let package = reading.package(root, origin: origin)
        var problems = reading.reader.problems
        if let regions { problems += PackageChecks.regionProblems(reading.regionReferences, file: manifest, regions: regions) }
        if !problems.isEmpty || package == nil {
            return .failure(PackageFailure(problems))
        }
        return .success(package!)
    }
}

/// The keys of each part of `policy.yaml`, as the reader takes them; Docs/policy.schema.json declares the same (a test
/// compares them).
public enum PackageKeys {
    public static let package = ["format", "id", "name", "aliases", "document", "groups", "zones", "continuous_series", "indicators",
                                 "targets", "reviewers", "sample"]
    public static let document = ["number", "title", "issuer", "issued", "status", "jurisdiction", "text"]
    public static let zones = ["codes", "declared", "reading"]
    public static let indicator = ["id", "name", "unit", "kind", "aliases", "flow"]
    public static let target = ["id", "title", "clause", "original", "scope", "filter", "condition", "deadline", "baseline", "strength",
                                "reading", "examples", "draft"]
    public static let example = ["title", "year", "csv", "data", "expect"]
    public static let sample = ["data", "script"]
    public static let filter = ["flag", "group"]
    /// What every reviewer declares; its kind adds its own (`reviewerKinds`).
    public static let reviewer = ["id", "kind", "name", "source", "reading"]

    /// Each condition kind's keys: the kind itself (whose value is the quantity, or the parts) and its parameters.
    public static var conditions: [String: [String]] {
        Dictionary(uniqueKeysWithValues: PackageReading.conditionKinds.map { ($0.kind, [$0.kind] + $0.params) })
    }
    /// Each quantity kind's keys, optional ones included.
    public static var quantities: [String: [String]] {
        Dictionary(uniqueKeysWithValues: PackageReading.quantityKinds.map { ($0.kind, [$0.kind] + $0.params + $0.optional) })
    }
    /// Each reviewer kind's own keys.
    public static var reviewerKinds: [String: [String]] {
        Dictionary(uniqueKeysWithValues: ReviewerKinds.all.map { ($0.id, $0.keys) })
    }
}

/// Every problem of a package that did not load.
public struct PackageFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// The state of reading one package: the reader (problems), the files, and the catalogue as the package extends it.
final class PackageReading {
    let reader: PackageReader
    let files: any PackageFiles
    let shipped: IndicatorCatalogue
    /// The shipped indicators and the package's own.
    var catalogue: IndicatorCatalogue
    var groupNames: [String] = []
    var regionReferences: [RegionReference] = []
    var places: [String: Place] = [:]
    var textPath = ""

    func remember(_ key: String, _ node: YAMLNode?) {
        if let node { places[key] = Place(line: node.line, column: node.column) }
    }

    init(reader: PackageReader, files: any PackageFiles, shipped: IndicatorCatalogue) {
        self.reader = reader
        self.files = files
        self.shipped = shipped
        self.catalogue = shipped
    }

    static func t(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }

    func package(_ root: YAMLNode, origin: PackageOrigin) -> PolicyPackage? {
        let t = PackageReading.t
        guard let f = reader.fields(root, t("policy.yaml", "policy.yaml"), allowed: PackageKeys.package,
                                    required: ["format", "id", "name", "document", "targets"]) else { return nil }
        if let v = f["format"], let n = reader.int(v, t("format", "format"), in: 1...99), n != PackageParser.formatVersion {
            reader.error(v, t("本版 cie 读取 format: \(PackageParser.formatVersion) 的策略包，这里是 \(n)：请升级 cie，或按 Docs/PolicyFormat.md 改写",
                              "this cie reads packages of format: \(PackageParser.formatVersion), not \(n): update cie, or rewrite it after Docs/PolicyFormat.md"))
        }
        remember("id", f["id"])
        let id = f["id"].flatMap { node -> String? in
            guard let s = reader.string(node, t("id", "id")) else { return nil }
            guard NameShape.isID(s) else {
                reader.error(node, t("id “\(s)”应由小写字母、数字和连字符组成，以字母开头（如 sichuan、inner-mongolia）",
                                     "id “\(s)” takes lower-case letters, digits and hyphens, starting with a letter (sichuan, inner-mongolia)"))
                return nil
            }
            return s
        }
        let name = reader.text(f["name"], t("name（管辖地的名称）", "name (of the jurisdiction)"))
        let aliases = f["aliases"].flatMap { reader.strings($0, t("aliases", "aliases")) } ?? []
        let document = f["document"].flatMap { self.document($0) }
        if let g = f["groups"] { groups(g) }
        let zones = f["zones"].flatMap { self.zones($0) } ?? ZoneRule.none
        let continuous = f["continuous_series"].flatMap { codes($0, t("continuous_series（可跨区划变更比较的单位）", "continuous_series (units compared across their changes)")) } ?? []
        let indicators = f["indicators"].map { self.indicators($0) } ?? []
        var exampleFiles: [String: [Int: [ExampleFile]]] = [:]
        let targets = f["targets"].map { self.targets($0, files: &exampleFiles) } ?? []
        let reviewers = f["reviewers"].map { self.reviewers($0, targets: targets) } ?? []
        let sample = f["sample"].flatMap { self.sample($0) }
        guard let id, let name, let document else { return nil }
        return PolicyPackage(
            id: id, name: name, aliases: aliases, document: document.0, targets: targets, reviewers: reviewers,
            groups: groupMembers, groupOrder: groupNames, zones: zones, continuousSeries: continuous, indicators: indicators,
            text: document.1, exampleFiles: exampleFiles, sample: sample, files: files, origin: origin,
            places: places, textPath: textPath)
    }

    // MARK: Document

    func document(_ node: YAMLNode) -> (PolicyDocument, String)? {
        let t = PackageReading.t
        guard let f = reader.fields(node, t("document", "document"), allowed: PackageKeys.document,
                                    required: ["title", "status", "jurisdiction", "text"]) else { return nil }
        remember("number", f["number"])
        let number = f["number"].flatMap { reader.string($0, t("document.number（文号）", "document.number"), allowEmpty: true) } ?? ""
        let title = reader.string(f["title"], t("document.title（标题）", "document.title"))
        let issuer = f["issuer"].flatMap { reader.string($0, t("document.issuer（发文机关）", "document.issuer"), allowEmpty: true) } ?? ""
        let issued = f["issued"].flatMap { reader.string($0, t("document.issued（成文日期）", "document.issued"), allowEmpty: true) } ?? ""
        let status = reader.choice(f["status"], t("文件状态", "document status"), [("in_force", DocumentStatus.inForce), ("draft", .draft)])
        let jurisdiction = f["jurisdiction"].flatMap { node -> String? in
            guard let c = code(node, t("document.jurisdiction（管辖地代码）", "document.jurisdiction")) else { return nil }
            return c
        }
        var text: String?
        textPath = f["text"]?.scalar ?? ""
        if let node = f["text"], let path = reader.string(node, t("document.text（文件正文）", "document.text")) {
            if let bytes = files.read(path) {
                if let s = String(validating: bytes, as: UTF8.self) {
                    text = s
                } else if case .success(let (utf8, _)) = TextDecoding.decode(bytes, file: path) {
                    text = String(decoding: utf8, as: UTF8.self)  // GB18030, as scraped
                } else {
                    reader.error(node, t("文件正文 \(path) 既不是 UTF-8 也不是 GB18030", "the document text \(path) is neither UTF-8 nor GB18030"))
                }
            } else {
                reader.error(node, t("找不到文件正文 \(files.display(path))：把文件的全文放在策略包里（引文要逐字核对）",
                                     "cannot find the document text \(files.display(path)): put the document's full text in the package (quotations are checked against it)"))
            }
        }
        guard let title, let status, let jurisdiction, let text else { return nil }
        return (PolicyDocument(number: number, title: title, issuer: issuer, issued: issued, status: status, jurisdictionCode: jurisdiction), text)
    }

    /// A 6-digit code (written with or without quotes), remembered to be checked against the region table.
    func code(_ node: YAMLNode, _ what: LocalizedText) -> String? {
        guard let s = reader.string(node, what)?.trimmingSpaces() else { return nil }
        guard NameShape.isCode(s) else {
            reader.error(node, LocalizedText(zh: "\(what.zh)应是 6 位区划代码，不是“\(s)”", en: "\(what.en) should be a 6-digit division code, not “\(s)”"))
            return nil
        }
        regionReferences.append(RegionReference(code: s, line: node.line, column: node.column, what: what))
        return s
    }

    func codes(_ node: YAMLNode, _ what: LocalizedText) -> [String]? {
        guard let items = reader.list(node, what) else { return nil }
        return items.compactMap { code($0, what) }
    }

    // MARK: Groups and zones

    var groupMembers: [String: [String]] = [:]

    func groups(_ node: YAMLNode) {
        let t = PackageReading.t
        guard case .mapping(let pairs) = node.value else {
            reader.error(node, t("groups 应是“组名: [代码, …]”的键值", "groups should map a group name to a list of codes"))
            return
        }
        for (k, v) in pairs {
            guard let name = reader.string(k, t("组名", "a group name")) else { continue }
            if groupMembers[name] != nil {
                reader.error(k, t("组“\(name)”写了两次", "the group “\(name)” is given twice"))
                continue
            }
            groupMembers[name] = codes(v, LocalizedText(zh: "组“\(name)”的成员", en: "a member of the group “\(name)”")) ?? []
            groupNames.append(name)
        }
    }

    func zones(_ node: YAMLNode) -> ZoneRule? {
        let t = PackageReading.t
        guard let f = reader.fields(node, t("zones（计入的功能区）", "zones (functional zones counted)"), allowed: PackageKeys.zones) else { return nil }
        let listed = f["codes"].flatMap { codes($0, t("zones.codes", "zones.codes")) } ?? []
        let declared = f["declared"].flatMap { reader.bool($0, t("zones.declared", "zones.declared")) } ?? false
        let reading = f["reading"].flatMap { reader.text($0, t("zones.reading", "zones.reading")) }
        return ZoneRule(codes: Set(listed), declared: declared, reading: reading)
    }

    // MARK: Indicators

    func indicators(_ node: YAMLNode) -> [Indicator] {
        let t = PackageReading.t
        guard let items = reader.list(node, t("indicators", "indicators")) else { return [] }
        var out: [Indicator] = []
        for item in items {
            guard let f = reader.fields(item, t("一个指标", "an indicator"), allowed: PackageKeys.indicator, required: ["id", "name", "kind"]) else { continue }
            guard let idNode = f["id"], let id = reader.string(idNode, t("指标 id", "indicator id")) else { continue }
            guard NameShape.isID(id, separator: "_", maxLength: 64) else {
                reader.error(idNode, t("指标 id “\(id)”应由小写字母、数字和下划线组成（如 online_service_window）",
                                       "indicator id “\(id)” takes lower-case letters, digits and underscores (online_service_window)"))
                continue
            }
            let name = reader.text(f["name"], t("指标名称", "the indicator's name"))
            let kind = reader.choice(f["kind"], t("指标类型", "indicator kind"),
                                     [("amount", IndicatorKind.amount), ("count", .count), ("ratio", .ratio), ("flag", .flag)])
            let unit = f["unit"].map { node -> MeasureUnit? in
                reader.choice(node, t("计量单位", "unit"), MeasureUnit.allCases.map { ($0 == .none ? "none" : $0.rawValue, $0) })
            } ?? .some(kind == .ratio ? .percent : kind == .amount ? .wanYuan : MeasureUnit.none)
            let aliases = f["aliases"].flatMap { reader.strings($0, t("指标别名", "indicator aliases")) } ?? []
            let flow = f["flow"].flatMap { reader.bool($0, t("flow（是否为年度流量）", "flow (an annual flow)")) } ?? false
            guard let name, let kind, let unit else { continue }
            // A shipped indicator keeps its meaning: a package adds, never redefines.
            var clash: String?
            for n in [id, name.zh, name.en] + aliases where !n.isEmpty {
                if let i = shipped.lookup(n) { clash = "\(n) (\(shipped[i].id))"; break }
                if let i = catalogue.lookup(n), i >= IndicatorIndex(shipped.count) { clash = "\(n) (\(catalogue[i].id))"; break }
            }
            if let clash {
                reader.error(idNode, t("指标 \(id) 与已有指标重名：\(clash)；策略包只能新增指标，不能改写内置指标，请换一个 id 和名称",
                                       "indicator \(id) shares a name with one the catalogue has: \(clash); a package adds indicators and never redefines one: choose another id and name"))
                continue
            }
            let indicator = Indicator(id, zh: name.zh, en: name.en, unit: unit, kind: kind, flow: flow, aliases: aliases)
            catalogue.add(indicator)
            out.append(indicator)
        }
        return out
    }

    // MARK: Sample

    func sample(_ node: YAMLNode) -> PackageSample? {
        let t = PackageReading.t
        guard let f = reader.fields(node, t("sample（示例数据与自检脚本）", "sample (data and a self-testing script)"), allowed: PackageKeys.sample) else { return nil }
        let data = f["data"].flatMap { reader.strings($0, t("sample.data", "sample.data")) } ?? []
        let script = f["script"].flatMap { reader.string($0, t("sample.script", "sample.script")) }
        if files.isOnDisk {
            for (path, node) in zip(data, reader.list(f["data"], t("sample.data", "sample.data")) ?? []) where !files.exists(path) {
                reader.error(node, t("找不到示例数据 \(files.display(path))", "cannot find the sample data \(files.display(path))"))
            }
            if let script, let node = f["script"], !files.exists(script) {
                reader.error(node, t("找不到自检脚本 \(files.display(script))", "cannot find the sample script \(files.display(script))"))
            }
        }
        return PackageSample(data: data, script: script)
    }
}
