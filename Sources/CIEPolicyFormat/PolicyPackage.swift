import CIECore
import CIEData
import Foundation

/// The files of a policy package: a folder on disk, or a package embedded in the binary (the built-ins). The reader
/// takes both through this, so a built-in package loads by exactly the code any other package does.
public protocol PackageFiles: Sendable {
    /// How messages name the package's folder (`Samples/qinghai`, `~/policies/sichuan`, `<built-in>/qinghai`).
    var root: String { get }
    /// A file's bytes by its path inside the package (`policy.yaml`, `examples/a.csv`); nil when it is not there.
    func read(_ path: String) -> [UInt8]?
    /// Whether a file is there (without reading it: the sample's data is only checked).
    func exists(_ path: String) -> Bool
    /// Whether the files are on disk (the sample's data and script are only there).
    var isOnDisk: Bool { get }
}

extension PackageFiles {
    /// How a file of the package is named in messages (`Samples/qinghai/policy.yaml`).
    public func display(_ path: String) -> String { root.hasSuffix("/") ? root + path : root + "/" + path }
}

/// A package in a folder.
public struct DirectoryFiles: PackageFiles {
    public let root: String
    public init(_ path: String) {
        var p = path
        while p.count > 1, p.hasSuffix("/") { p.removeLast() }
        root = p
    }
    public var isOnDisk: Bool { true }
    public func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: display(path)).map { [UInt8]($0) }
    }
    public func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: display(path)) }
}

/// A package whose files were embedded in the binary at build time.
public struct EmbeddedFiles: PackageFiles {
    public let root: String
    public let files: [String: String]
    public init(root: String, files: [String: String]) {
        self.root = root
        self.files = files
    }
    public var isOnDisk: Bool { false }
    public func read(_ path: String) -> [UInt8]? { files[path].map { Array($0.utf8) } }
    public func exists(_ path: String) -> Bool { files[path] != nil }
}

/// Where a package came from, for `cie policies` and for naming both places when two packages share an id.
public enum PackageOrigin: Sendable, Equatable {
    /// Shipped inside cie.
    case builtin
    /// `--policy-file PATH`, `load-policy PATH`.
    case file(String)
    /// A folder of `$CIE_POLICY_PATH`, or of `$XDG_DATA_HOME/cie/policies`.
    case searchPath(String)

    public var label: LocalizedText {
        switch self {
        case .builtin: LocalizedText(zh: "内置", en: "built-in")
        case .file(let p), .searchPath(let p): LocalizedText(p)
        }
    }
}

/// A worked example's data file: its name inside the package and its bytes.
public struct ExampleFile: Sendable {
    public var name: String
    public var bytes: [UInt8]
}

/// The sample a package brings: data files and a self-testing script (`expect` lines), run by `cie policy test`.
public struct PackageSample: Sendable {
    /// Paths inside the package.
    public var data: [String]
    public var script: String?
}

/// A policy package read from its files: the policy the evaluator runs, with everything `policy lint` and
/// `policy test` check.
public struct PolicyPackage: PolicyModule {
    public var id: String
    public var name: LocalizedText
    public var aliases: [String]
    public var document: PolicyDocument
    public var targets: [Target]
    public var reviewers: [any Reviewer]
    public var groups: [String: [String]]
    /// The groups in the order the package lists them (吉林's zones are ranked in that order).
    public var groupOrder: [String]
    public var zones: ZoneRule
    public var continuousSeries: [String]
    /// Indicators the package adds to the catalogue while it is loaded.
    public var indicators: [Indicator]
    /// The document's text, against which quotations are checked.
    public var text: String
    /// Worked examples' data files, by target id and example index (the inline `csv` needs none).
    public var exampleFiles: [String: [Int: [ExampleFile]]]
    public var sample: PackageSample?
    public var files: any PackageFiles
    public var origin: PackageOrigin
    /// Where declarations are in `policy.yaml`, for `policy lint` and `policy test` to point at: `target:QH-01`,
    /// `original:QH-01`, `example:QH-01:0`, `reviewer:veto`, `source:veto`, `number`.
    var places: [String: Place]
    /// The document's text, as `document.text` names it in the package.
    public var textPath: String

    /// `FILE:LINE:COLUMN` of a declaration (the top of the file when it has no place).
    func place(_ key: String) -> Place { places[key] ?? Place(line: 1, column: 1) }

    /// The package's `policy.yaml`, as messages name it.
    public var manifest: String { files.display("policy.yaml") }
}

/// A line and column in `policy.yaml`.
struct Place: Sendable {
    var line: Int
    var column: Int
}

/// A region code a package names (its jurisdiction, a group's member, a zone), and where.
struct RegionReference: Sendable {
    var code: String
    var line: Int
    var column: Int
    var what: LocalizedText
}
