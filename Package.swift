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
        // Policy modules, one per document.
        .target(name: "CIEPolicyQinghai", dependencies: ["CIECore"], swiftSettings: strict),
        // The registry of built-in policy modules.
        .target(name: "CIEPolicies", dependencies: ["CIECore", "CIEPolicyQinghai"], swiftSettings: strict),
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

        .testTarget(name: "CIECoreTests", dependencies: ["CIECore"], swiftSettings: strict),
        .testTarget(name: "CIEDataTests", dependencies: ["CIEData"], swiftSettings: strict),
        .testTarget(name: "CIEReportTests", dependencies: ["CIEReport"], swiftSettings: strict),
        .testTarget(name: "CIEPolicyQinghaiTests", dependencies: ["CIEPolicyQinghai", "CIEData", "CIEPolicies"], swiftSettings: strict),
        .testTarget(name: "CIECommandsTests", dependencies: ["CIECommands"], swiftSettings: strict),
        .testTarget(name: "CIEEndToEndTests", dependencies: ["cie", "CIECommands"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
