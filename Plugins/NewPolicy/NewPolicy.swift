import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory new-policy --id hebei --name 河北省 --region 130000`
///
/// Scaffolds a policy module — Sources/CIEPolicy<Name>, Tests/CIEPolicy<Name>Tests (suite `<Name>PolicyTests` with a
/// worked example), Samples/<id>, Docs/policies/<id>.md — adds the name to Package.swift's `policyModules` and
/// regenerates the registry's list, so `swift build`, `cie policies` and `swift test` see it with no further edit.
/// Docs/WritingAProvinceModule.md walks through what to fill in next.
@main struct NewPolicy: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        if extractor.extractFlag(named: "help") > 0 {
            print(Scaffold.usage)
            return
        }
        let root = context.package.directoryURL
        let spec = try Scaffold.Spec(
            id: extractor.extractOption(named: "id").last, name: extractor.extractOption(named: "name").last,
            region: extractor.extractOption(named: "region").last, english: extractor.extractOption(named: "en").last,
            prefix: extractor.extractOption(named: "prefix").last, root: root)
        if !extractor.remainingArguments.isEmpty {
            throw Scaffold.Failure("unexpected arguments \(extractor.remainingArguments.joined(separator: " ")): \(Scaffold.usage)")
        }
        let (written, undo) = try Scaffold.write(spec, root: root)
        for path in written { print("created \(path)") }
        print("added \"\(spec.module)\" to policyModules in Package.swift and regenerated Sources/CIEPolicies/Registry+Generated.swift")
        print("building cie to generate Docs/policies/\(spec.id).md …")
        do {
            try generateDocs(spec, root: root)
        } catch {
            // Leave nothing half-done: a re-run would otherwise stop at "exists already".
            undo.run()
            throw Scaffold.Failure("\(error)\nThe scaffold was undone (files removed, Package.swift and the registry restored); fix the problem and run the command again.")
        }
        print("created Docs/policies/\(spec.id).md")
        print("""

            Next: replace the placeholder target \(spec.prefix)-01 in Sources/CIEPolicy\(spec.module)/\(spec.module)Policy.swift with the \
            document's targets (Docs/WritingAProvinceModule.md), then `swift test --filter \(spec.module)PolicyTests` and `make docs`.
            """)
    }

    /// The docs page is what `cie generate-docs` prints, so it is fresh by construction: build cie (the manifest now
    /// names the new module) and run it.
    func generateDocs(_ spec: Scaffold.Spec, root: URL) throws {
        let build = try packageManager.build(.product("cie"), parameters: .init(configuration: .debug, logging: .concise))
        guard build.succeeded, let cie = build.builtArtifacts.first(where: { $0.kind == .executable }) else {
            throw Scaffold.Failure("the package did not build after scaffolding:\n\(build.logText)")
        }
        let process = Process()
        process.executableURL = cie.url
        process.arguments = ["generate-docs", spec.id]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let page = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, !page.isEmpty else {
            throw Scaffold.Failure("`cie generate-docs \(spec.id)` failed (status \(process.terminationStatus))")
        }
        try page.write(to: root.appendingPathComponent("Docs/policies/\(spec.id).md"))
    }
}
