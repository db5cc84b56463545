import ArgumentParser
import CaseAudit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Shell completion of values the criteria sets define. The closures run when a user presses TAB
/// (the generated script calls back into caseaudit), never when a command runs or the script is
/// generated, so they always see the embedded sets and the files as they are.
public enum Completions {
    /// `--rules`: the names of the embedded sets, then directories and YAML files matching the word.
    public static let rules = CompletionKind.custom { _, _, prefix in
        EmbeddedCriteriaSets.names.filter { $0.hasPrefix(prefix) } + paths(prefix, extensions: ["yaml", "yml"])
    }

    /// `--by`, `--gaps-by`, `--profile`: the fact names of the set given by `--rules` on the line,
    /// else of the default set. After a comma (`--by team,of`) the last name is completed.
    public static let facts = CompletionKind.custom { words, _, prefix in
        let head = prefix.lastIndex(of: ",").map { String(prefix[...$0]) } ?? ""
        let typed = String(prefix.dropFirst(head.count))
        let set = rulesArgument(words).flatMap { CriteriaSetSource.load(path: $0).set } ?? DefaultCriteriaSet.load().set
        return (set?.facts ?? []).map(\.name).filter { $0.hasPrefix(typed) }.map { head + $0 }
    }

    /// The value of `--rules` (or `--rules=…`) among the words of the command line.
    static func rulesArgument(_ words: [String]) -> String? {
        for (index, word) in words.enumerated() {
            if word.hasPrefix("--rules=") { return String(word.dropFirst("--rules=".count)) }
            if word == "--rules", index + 1 < words.count { return words[index + 1] }
        }
        return nil
    }

    /// Directories (with a trailing `/`) and files with one of the extensions, in the directory of
    /// the word typed, whose paths start with it; hidden entries only when the word's last part
    /// starts with a dot.
    static func paths(_ prefix: String, extensions: Set<String>) -> [String] {
        let directory = prefix.lastIndex(of: "/").map { String(prefix[...$0]) } ?? ""
        let start = String(prefix.dropFirst(directory.count))
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        return entries.sorted().compactMap { name -> String? in
            guard name.hasPrefix(start), !name.hasPrefix(".") || start.hasPrefix(".") else { return nil }
            guard let isDirectory = isDirectory(directory + name) else { return nil }
            if isDirectory { return directory + name + "/" }
            return extensions.contains(pathExtension(name)) ? directory + name : nil
        }
    }

    /// Whether `path` names a directory (following links); nil when nothing is there.
    private static func isDirectory(_ path: String) -> Bool? {
        #if canImport(FoundationEssentials)
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        return isDirectory
        #else
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        return isDirectory.boolValue
        #endif
    }

    /// What follows the last dot of a file name ("" when there is none, or only a leading one).
    private static func pathExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }
}
