import Foundation
import PackagePlugin

/// Embeds the built-in policy packages (every `Samples/*/policy.yaml`) in the target it is applied to: the tool
/// `cie-embed-policies` reads each package with the same reader `--policy-file` uses, so a broken built-in package fails
/// the build with its `FILE:LINE:COLUMN: error:`, and writes the files each package reads as Swift.
@main struct EmbedPolicies: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let samples = context.package.directoryURL.appending(path: "Samples")
        let fm = FileManager.default
        let folders = try fm.contentsOfDirectory(at: samples, includingPropertiesForKeys: nil)
            .filter { fm.fileExists(atPath: $0.appending(path: "policy.yaml").path) }
            .sorted { $0.path < $1.path }
        // Every file of a package is an input, so editing any of them (text, examples) re-runs the tool.
        var inputs: [URL] = []
        for folder in folders {
            let walker = fm.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
            while let url = walker?.nextObject() as? URL {
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { inputs.append(url) }
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinPolicies+Embedded.swift")
        return [.buildCommand(
            displayName: "Reading the built-in policy packages (\(folders.map(\.lastPathComponent).joined(separator: ", ")))",
            executable: try context.tool(named: "cie-embed-policies").url,
            arguments: ["--root", context.package.directoryURL.path, "--output", output.path] + folders.map(\.path),
            inputFiles: inputs.sorted { $0.path < $1.path },
            outputFiles: [output])]
    }
}
