import CIECore
import CIEData
import Foundation

/// The policy packages a session knows: the built-ins, the folders of `$XDG_DATA_HOME/cie/policies` (else
/// `~/.local/share/cie/policies`) and of `$CIE_POLICY_PATH`, and each `--policy-file` / `load-policy`. Every one is read
/// by `PackageParser`; the built-ins only when first used, so a session that names no policy reads none.
/// Two packages with one id are an error naming both places.
public final class PolicyCatalogue {
    /// A built-in package as the binary holds it: its id and names (so `use 青海` finds it unread) and its files.
    public struct Builtin: Sendable {
        public var root: String
        public var id: String
        public var names: [String]
        public var jurisdiction: String
        public var files: [String: String]
        public init(root: String, id: String, names: [String], jurisdiction: String, files: [String: String]) {
            self.root = root
            self.id = id
            self.names = names
            self.jurisdiction = jurisdiction
            self.files = files
        }
    }

    /// One package of the catalogue.
    public struct Entry: Sendable {
        public var id: String
        public var names: [String]
        public var jurisdiction: String
        public var origin: PackageOrigin
        /// Its folder, as messages name it.
        public var root: String
    }

    public private(set) var entries: [Entry] = []
    private var builtins: [String: Builtin] = [:]
    private var read: [String: PolicyPackage] = [:]

    public init(builtin: [Builtin]) {
        for b in builtin {
            builtins[b.id] = b
            entries.append(Entry(id: b.id, names: b.names, jurisdiction: b.jurisdiction, origin: .builtin, root: b.root))
        }
    }

    /// The folders searched for packages, in order: the user's data folder, then `$CIE_POLICY_PATH`.
    public static func searchFolders(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var out: [String] = []
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            out.append(xdg + "/cie/policies")
        } else if let home = environment["HOME"], !home.isEmpty {
            out.append(home + "/.local/share/cie/policies")
        }
        if let path = environment["CIE_POLICY_PATH"] {
            out += path.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        return out
    }

    /// Problems of the packages found in the search folders (a package that does not read is left out, with its
    /// problems). A folder is a package when it holds `policy.yaml`, else each of its subfolders that does is.
    @discardableResult
    public func addSearchFolders(_ folders: [String]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let fm = FileManager.default
        for folder in folders {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let candidates: [String]
            if fm.fileExists(atPath: folder + "/policy.yaml") {
                candidates = [folder]
            } else {
                candidates = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted()
                    .map { folder + "/" + $0 }.filter { fm.fileExists(atPath: $0 + "/policy.yaml") }
            }
            for path in candidates {
                do { try add(path: path, origin: .searchPath(path)) } catch let failure { problems += failure.diagnostics }
            }
        }
        return problems
    }

    /// Reads the package in a folder and adds it. A package that does not read, names unknown regions, or shares
    /// an id with one already known adds nothing and throws every problem.
    @discardableResult
    public func add(path: String, origin: PackageOrigin) throws(PackageFailure) -> PolicyPackage {
        let files = DirectoryFiles(path)
        let package: PolicyPackage
        switch PackageParser.parse(files, origin: origin, regions: BuiltinRegions.table) {
        case .failure(let f): throw f
        case .success(let p): package = p
        }
        // The same folder again (load-policy after an edit) replaces what it gave before.
        let again = entries.contains { $0.root == files.root && $0.id == package.id && $0.origin != .builtin }
        try include(package, replacing: again)
        return package
    }

    /// Adds a package already read. `replacing`: it takes the place of a package of the same id (`policy test` runs a
    /// package's sample with the package as it is on disk, not the copy built in); else a shared id is an error.
    public func include(_ package: PolicyPackage, replacing: Bool = false) throws(PackageFailure) {
        if replacing {
            entries.removeAll { $0.id == package.id }
            builtins[package.id] = nil
        }
        if let other = entries.first(where: { $0.id == package.id }) {
            let p = package.place("id")
            throw PackageFailure([Diagnostic(file: package.manifest, line: p.line, column: p.column, LocalizedText(
                zh: "策略包 id “\(package.id)”已被 \(other.root)（\(other.origin.label.zh)）使用：两个策略包不能同 id；改其中一个的 id，或只载入其一",
                en: "the package id “\(package.id)” is already that of \(other.root) (\(other.origin.label.en)): two packages cannot share an id; change one's id, or load only one"))])
        }
        entries.append(Entry(id: package.id, names: [package.name.zh, package.name.en] + package.aliases,
                             jurisdiction: package.document.jurisdictionCode, origin: package.origin, root: package.files.root))
        read[package.id] = package
    }

    /// A package by id, Chinese or English name, or alias (`qinghai`, `青海省`, `青海`).
    public func entry(named text: String) -> Entry? {
        let key = IndicatorCatalogue.key(text)
        return entries.first { IndicatorCatalogue.key($0.id) == key } ?? entries.first { e in e.names.contains { IndicatorCatalogue.key($0) == key } }
    }

    /// The package of an entry, read on first use.
    public func package(_ entry: Entry) throws(PackageFailure) -> PolicyPackage {
        if let p = read[entry.id] { return p }
        guard let b = builtins[entry.id] else {
            throw PackageFailure([Diagnostic(file: entry.root, line: 0, column: 0, LocalizedText(zh: "策略包未载入", en: "the package is not loaded"))])
        }
        switch PackageParser.parse(EmbeddedFiles(root: b.root, files: b.files), origin: .builtin, regions: nil) {
        case .failure(let f): throw f
        case .success(let p):
            read[entry.id] = p
            return p
        }
    }

    /// Every package, read (for `policies`, and for finding a target by id across them).
    public func packages() throws(PackageFailure) -> [PolicyPackage] {
        var out: [PolicyPackage] = []
        for e in sortedEntries { out.append(try package(e)) }
        return out
    }

    /// In the national standard order of their jurisdictions (GB/T 2260), then by id.
    public var sortedEntries: [Entry] {
        entries.sorted { ($0.jurisdiction, $0.id) < ($1.jurisdiction, $1.id) }
    }

    public var ids: [String] { sortedEntries.map(\.id) }
}
