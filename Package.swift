// swift-tools-version: 6.1
// cie — the County Innovation Evaluator.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

// The policy modules, one per document, in Sources/CIEPolicy<Name> with tests in Tests/CIEPolicy<Name>Tests.
// `swift package --allow-writing-to-package-directory new-policy …` adds a name here (keep the markers);
// every other place a module must be named (the registry, the docs) is generated from this list.
let policyModules = [
    // new-policy: begin
    "Qinghai",
    "Zhejiang",
    "Weihai",
    "InnerMongolia",
    "Jilin",
    // new-policy: end
]

let package = Package(
    name: "cie",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cie", targets: ["cie"]),
        .library(name: "CIECore", targets: ["CIECore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Protocols and value types: indicators, targets, reviewers, regions, the store, the evaluator. No I/O.
        .target(name: "CIECore", swiftSettings: strict),
        // Loaders: CSV (long, wide, regions), JSON, encodings, value parsing; the generated region table.
        .target(name: "CIEData", dependencies: ["CIECore"], swiftSettings: strict),
        // Formatters: table (East Asian width), JSON, CSV, Markdown.
        .target(name: "CIEReport", dependencies: ["CIECore"], swiftSettings: strict),
        // The registry of built-in policy modules (its list is generated: Sources/CIEPolicies/Registry+Generated.swift).
        .target(name: "CIEPolicies", dependencies: ["CIECore"] + policyModules.map { .target(name: "CIEPolicy\($0)") }, swiftSettings: strict),
        // What every module's tests check: worked examples, quotations against the seed, declarations.
        .target(name: "CIEPolicyTesting", dependencies: ["CIECore", "CIEData"], swiftSettings: strict),
        // The system libedit (Debian libedit-dev) and wrappers for its variadic functions.
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // Command definitions shared by the command line and the REPL; the interpreter, completer and line editor.
        .target(
            name: "CIECommands",
            dependencies: [
                "CIECore", "CIEData", "CIEReport", "CIEPolicies", "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "cie", dependencies: ["CIECommands"], swiftSettings: strict),
        // The in-process half of `make bench` (Benchmarks/run.py): load throughput, evaluation, REPL latency.
        .executableTarget(name: "cie-bench", dependencies: ["CIECommands", "CIEData", "CIEPolicies"], path: "Benchmarks/CIEBench", swiftSettings: strict),

        .testTarget(name: "CIECoreTests", dependencies: ["CIECore"], swiftSettings: strict),
        .testTarget(name: "CIEDataTests", dependencies: ["CIEData"], swiftSettings: strict),
        .testTarget(name: "CIEReportTests", dependencies: ["CIEReport"], swiftSettings: strict),
        .testTarget(name: "CIECommandsTests", dependencies: ["CIECommands"], swiftSettings: strict),
        .testTarget(name: "CIEEndToEndTests", dependencies: ["cie", "CIECommands"], swiftSettings: strict),

        // `swift package --allow-writing-to-package-directory new-policy --id hebei --name 河北省 --region 130000`
        .plugin(
            name: "NewPolicy",
            capability: .command(
                intent: .custom(verb: "new-policy", description: "Scaffold a policy module: sources, tests, sample and docs, wired into the package."),
                permissions: [.writeToPackageDirectory(reason: "It writes the new module, its tests, sample and docs, and adds it to Package.swift.")]
            )
        ),
    ] + policyModules.flatMap { name -> [Target] in [
        .target(name: "CIEPolicy\(name)", dependencies: ["CIECore"], swiftSettings: strict),
        .testTarget(name: "CIEPolicy\(name)Tests", dependencies: [.target(name: "CIEPolicy\(name)"), "CIEPolicyTesting", "CIEData", "CIEPolicies"], swiftSettings: strict),
    ] },
    swiftLanguageModes: [.v6]
)
