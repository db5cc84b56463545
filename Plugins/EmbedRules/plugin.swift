import Foundation
import PackagePlugin

/// Embeds the default criteria set (`Rules/iaow-2013/*.yaml`) into the library as Swift source, so
/// the binary works from any directory and the embedded set can never drift from `Rules/`.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "Rules/iaow-2013")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted()
        let inputs = names.map { directory.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default criteria set",
                executable: try context.tool(named: "rules-embedder").url,
                arguments: [output.path, "Rules/iaow-2013"] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
