import Foundation
import PackagePlugin

/// Embeds every criteria set under `Rules/` (each directory of `*.yaml` files is one set, named by
/// its directory) into the library as Swift source, so the binary works from any directory, every
/// bundled set is addressable by name, and no embedded set can drift from `Rules/`.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "Rules")
        let manager = FileManager.default
        var arguments: [String] = []
        var inputs: [URL] = []
        for name in try manager.contentsOfDirectory(atPath: rules.path).sorted() where !name.hasPrefix(".") {
            let directory = rules.appending(path: name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let files = try manager.contentsOfDirectory(atPath: directory.path)
                .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }
                .sorted()
                .map { directory.appending(path: $0) }
            guard !files.isEmpty else { continue }
            arguments += ["--set", name] + files.map(\.path)
            inputs += files
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        return [
            .buildCommand(
                displayName: "Embedding the criteria sets of Rules/",
                executable: try context.tool(named: "rules-embedder").url,
                arguments: [output.path] + arguments,
                inputFiles: inputs + [rules],
                outputFiles: [output]
            )
        ]
    }
}
