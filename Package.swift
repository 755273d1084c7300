// swift-tools-version: 6.1
// cie — the County Innovation Evaluator.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "cie",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cie", targets: ["cie"]),
        .library(name: "CIECore", targets: ["CIECore"]),
        .library(name: "CIEPolicyFormat", targets: ["CIEPolicyFormat"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // libyaml through Swift, as SwiftLint reads its configuration: policy packages (Docs/PolicyFormat.md).
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Protocols and value types: indicators, targets, conditions, reviewer kinds, regions, the store, the evaluator. No I/O.
        .target(name: "CIECore", swiftSettings: strict),
        // Loaders: CSV (long, wide, regions), JSON, encodings, value parsing; the generated region table.
        .target(name: "CIEData", dependencies: ["CIECore", "CZlib"], swiftSettings: strict),
        // The system zlib (Debian zlib1g-dev): inflating the members of an .xlsx archive, and deflating those cie writes.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Formatters behind one protocol: table (East Asian width), JSON, CSV, Markdown, the HTML report (SVG charts), JUnit,
        // and .xlsx workbooks (a ZIP writer over CZlib).
        .target(name: "CIEReport", dependencies: ["CIECore", "CZlib"], swiftSettings: strict),
        // Policy packages: the YAML format, its reader (every problem at FILE:LINE:COLUMN), reviewer kinds, the catalogue
        // of packages (built-in, --policy-file, $CIE_POLICY_PATH, $XDG_DATA_HOME), and what `policy lint` / `policy test` check.
        .target(
            name: "CIEPolicyFormat",
            dependencies: ["CIECore", "CIEData", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        // Drafting a package from a policy text (Docs/Drafting.md): clause structure, commitment patterns, a lexicon of
        // indicator phrases, the strength rule, and measuring a draft against a finished package. Rules only, no model.
        .target(name: "CIEDraft", dependencies: ["CIECore", "CIEData", "CIEPolicyFormat"], swiftSettings: strict),
        // Reads the built-in packages (Samples/*/policy.yaml) at build time: a broken one fails the build at its FILE:LINE;
        // the files a package reads are written out as Swift for CIEBuiltinPolicies.
        .executableTarget(name: "cie-embed-policies", dependencies: ["CIEPolicyFormat", "CIEData"], path: "Plugins/EmbedPolicies/Tool", swiftSettings: strict),
        .plugin(name: "EmbedPolicies", capability: .buildTool(), dependencies: ["cie-embed-policies"], path: "Plugins/EmbedPolicies/Plugin"),
        // The five documents' packages, embedded in the binary by the EmbedPolicies plugin. No dependencies: plain data.
        .target(name: "CIEBuiltinPolicies", swiftSettings: strict, plugins: ["EmbedPolicies"]),
        // The system libedit (Debian libedit-dev) and wrappers for its variadic functions.
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // Command definitions shared by the command line and the REPL; the interpreter, completer and line editor.
        .target(
            name: "CIECommands",
            dependencies: [
                "CIECore", "CIEData", "CIEReport", "CIEPolicyFormat", "CIEDraft", "CIEBuiltinPolicies", "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Release builds (`make install`, `make bench`) link the Swift runtime and Foundation statically
        // (--static-swift-stdlib, from the Makefile); lld links them without the GNU linker's mktemp warning.
        .executableTarget(name: "cie", dependencies: ["CIECommands"], swiftSettings: strict,
                          linkerSettings: [.unsafeFlags(["-use-ld=lld"], .when(configuration: .release))]),
        // The in-process half of `make bench` (Benchmarks/run.py): load throughput, evaluation, REPL latency.
        .executableTarget(name: "cie-bench", dependencies: ["CIECommands", "CIEData", "CIEPolicyFormat", "CIEBuiltinPolicies", .product(name: "ArgumentParser", package: "swift-argument-parser")], path: "Benchmarks/CIEBench", swiftSettings: strict),

        .testTarget(name: "CIECoreTests", dependencies: ["CIECore"], swiftSettings: strict),
        .testTarget(name: "CIEDataTests", dependencies: ["CIEData"], swiftSettings: strict),
        .testTarget(name: "CIEReportTests", dependencies: ["CIEReport", "CIEData"], swiftSettings: strict),
        // The format's reader and checks, and the built-in packages' documents (their samples and reviewers).
        .testTarget(name: "CIEPolicyFormatTests", dependencies: ["CIEPolicyFormat", "CIEBuiltinPolicies", "CIECommands", "CIEDraft"], swiftSettings: strict),
        // The drafter on the five documents (their packages are the reference), each pattern, GB18030 and broken lines.
        .testTarget(name: "CIEDraftTests", dependencies: ["CIEDraft", "CIEBuiltinPolicies", "CIEPolicyFormat", "CIECommands"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "CIECommandsTests", dependencies: ["CIECommands"], swiftSettings: strict),
        // Fixtures: a policy package written as an author would (Docs/WritingAProvinceModule.md), read by the tests from disk.
        .testTarget(name: "CIEEndToEndTests", dependencies: ["cie", "CIECommands"], exclude: ["Fixtures"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
