import CIECore
import CIEData
import CIEPolicyFormat

/// A draft package as written and as read back.
public struct DraftedPackage: Sendable {
    /// What the package reader made of the files (as `policy lint` reads them).
    public var package: PolicyPackage
    /// `policy.yaml` (every target `draft: true`, with why in its reading) and `text.txt` (the document's text, page
    /// furniture left out, so that every quotation is in it).
    public var files: [(String, String)]
}

extension Draft {
    /// The draft's files, read back through the package reader. Each target's English title is the requirement the
    /// reader makes of its condition (`Target.requirement`, as `targets` shows it): so the files are written once,
    /// read, and written again with those titles.
    public func package(id: String, prefix: String, source: String, regions: RegionTable, version: String) -> Result<DraftedPackage, PackageFailure> {
        func read(_ titles: [String]?) -> Result<DraftedPackage, PackageFailure> {
            let files = [("policy.yaml", yaml(id: id, prefix: prefix, source: source, regions: regions, version: version, englishTitles: titles)),
                         ("text.txt", text.cleaned + "\n")]
            return PackageParser.parse(EmbeddedFiles(root: id, files: Dictionary(files, uniquingKeysWith: { a, _ in a })), origin: .file(id), regions: regions)
                .map { DraftedPackage(package: $0, files: files) }
        }
        return read(nil).flatMap { first in
            read(zip(first.package.targets, proposals).map { t, p in "draft: \(t.requirement.en) (\(p.indicators.joined(separator: " + ")))" })
        }
    }

    /// Target ids in text order: PREFIX-01 ….
    public func targetID(_ k: Int, prefix: String) -> String { "\(prefix)-\(k + 1 < 10 ? "0" : "")\(k + 1)" }

    /// `policy.yaml`; without `englishTitles`, each target's English title is only "draft".
    public func yaml(id: String, prefix: String, source: String, regions: RegionTable, version: String, englishTitles: [String]? = nil) -> String {
        func q(_ s: String) -> String { jsonQuoted(s) }
        let area = regions[document.jurisdiction]
        var out = """
            # A draft policy package, written by `cie policy draft` (cie \(version)) from \(source).
            # Every target is a proposal (draft: true); its reading says which words of the text proposed each part.
            # Review each against the text: correct it, add worked examples, and remove `draft: true`, or delete it.
            # `cie policy lint` fails until none is left. Format: Docs/PolicyFormat.md; how drafting reads a text: Docs/Drafting.md.
            format: 1
            id: \(id)
            name: {zh: \(q(area.name)), en: \(q(id))}
            document:
              number: \(q(document.number))
              title: \(q(document.title.isEmpty ? area.name + "的文件" : document.title))

            """
        if !document.issuer.isEmpty { out += "  issuer: \(q(document.issuer))\n" }
        if !document.issued.isEmpty { out += "  issued: \(q(document.issued))\n" }
        out += """
              status: \(document.status.rawValue)
              jurisdiction: "\(area.code)"
              text: text.txt

            """
        if !indicators.isEmpty {
            out += "# Measures the catalogue does not have (`cie indicators` lists it): rename each, or use an existing indicator.\nindicators:\n"
            for i in indicators {
                out += "  - id: \(i.id)\n    name: {zh: \(q(i.name)), en: \(q("draft indicator " + i.id.dropFirst(6)))}\n    kind: \(i.kind.rawValue)\n"
                if i.unit != .none, i.kind != .ratio, i.kind != .amount { out += "    unit: \(i.unit.rawValue)\n" }
            }
        }
        out += proposals.isEmpty ? "targets: []   # no checkable commitment was found\n" : "targets:\n"
        for (k, p) in proposals.enumerated() {
            out += "  - id: \(targetID(k, prefix: prefix))\n"
            out += "    title: {zh: \(q(p.title)), en: \(q(englishTitles?[k] ?? "draft"))}\n"
            out += "    clause: \(q(p.clause))\n"
            out += "    original: \(q(p.original))\n"
            out += "    scope: \(p.scope.rawValue)\n"
            if let f = p.filter { out += "    filter: \(f.yaml)\n" }
            out += "    condition: \(p.condition)\n"
            if let d = p.deadline { out += "    deadline: \(d)\n" }
            if let b = p.baseline { out += "    baseline: \(b)\n" }
            out += "    strength: \(p.strength.rawValue)\n"
            out += "    draft: true\n"
            out += "    reading:\n      zh: \(q(p.why.zh))\n      en: \(q(p.why.en))\n"
        }
        if !hints.isEmpty {
            out += "# Sentences for reviewers (evaluation, veto, funding, rewards): declare them under `reviewers:` (Docs/PolicyFormat.md).\n"
            for h in hints {
                out += "#   \(h.kind) \(h.clause) “\(h.words)”: \(h.original.prefix(80))\(h.original.count > 80 ? "…" : "")\n"
            }
        }
        return out
    }
}

extension UnitFilter {
    var yaml: String {
        switch self {
        case .countyProper: "county_proper"
        case .flag(let id): "{flag: \(id)}"
        case .group(let g): "{group: \(g)}"
        }
    }
}
