#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One input of case records: a file, or standard input.
public enum CaseInput: Sendable, Hashable {
    case file(String)
    case standardInput

    /// The name diagnostics use.
    public var path: String {
        switch self {
        case .file(let path): return path
        case .standardInput: return "<stdin>"
        }
    }

    /// The file it reads (standard input's when that is redirected from a file), to keep outputs off it.
    public var identity: FileIdentity? {
        switch self {
        case .file(let path): return FileIdentity(path: path)
        case .standardInput: return FileIdentity(regularFileOn: 0)
        }
    }

    /// The size in bytes of the regular file it names; nil for standard input, or a file that is
    /// not regular or cannot be read.
    var regularFileSize: Int? {
        guard case .file(let path) = self else { return nil }
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// True for a file named `*.csv`; other files are YAML (standard input's format is the stream's to decide).
    public var isCSV: Bool {
        if case .file(let path) = self { return path.lowercased().hasSuffix(".csv") }
        return false
    }
}

/// Expands command-line paths into inputs: files as given, directories recursively (files ending
/// in `.yaml`, `.yml`, `.json` or `.csv`, hidden entries and `caseaudit.yaml` settings skipped, in
/// byte order of their paths), `-` for standard input.
public enum CaseInputs {
    public static let extensions = [".yaml", ".yml", ".json", ".csv"]

    /// The inputs, and an error for every path that cannot be read.
    public static func expand(_ paths: [String]) -> (inputs: [CaseInput], problems: [Diagnostic]) {
        var inputs: [CaseInput] = []
        var problems: [Diagnostic] = []
        var seen = Set<CaseInput>()
        for path in paths {
            if path == "-" {
                if seen.insert(.standardInput).inserted { inputs.append(.standardInput) }
                continue
            }
            var info = stat()
            guard stat(path, &info) == 0 else {
                problems.append(unreadable(path, reason: String(cString: strerror(errno)).lowercased()))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                var found: [String] = []
                var visited: Set<FileIdentity> = [FileIdentity(info)]
                let known = problems.count
                walk(directory: path, into: &found, visited: &visited, problems: &problems)
                // In byte order of their paths, as the files are, not in the order the directory lists them.
                problems[known...].sort { ($0.location?.path ?? "").utf8.lexicographicallyPrecedes(($1.location?.path ?? "").utf8) }
                for file in found.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where seen.insert(.file(file)).inserted {
                    inputs.append(.file(file))
                }
            } else if seen.insert(.file(path)).inserted {
                inputs.append(.file(path))
            }
        }
        return (inputs, problems)
    }

    private static func walk(
        directory: String, into found: inout [String], visited: inout Set<FileIdentity>, problems: inout [Diagnostic]
    ) {
        guard let handle = opendir(directory) else {
            problems.append(unreadable(directory, reason: String(cString: strerror(errno)).lowercased()))
            return
        }
        defer { closedir(handle) }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let path = prefix + name
            var info = stat()
            guard stat(path, &info) == 0 else {
                // A case file that cannot be reached (a symbolic link to nothing, a loop of links)
                // is an error, never a file silently left out of the audit.
                let error = errno
                if isCaseFile(name) { problems.append(unreachable(path, error)) }
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if visited.insert(FileIdentity(info)).inserted {
                    walk(directory: path, into: &found, visited: &visited, problems: &problems)
                }
            } else if isCaseFile(name) {
                found.append(path)
            }
        }
    }

    /// True for a name a directory's case files have (not the settings file).
    private static func isCaseFile(_ name: String) -> Bool {
        name != CaseSettings.fileName && extensions.contains { name.lowercased().hasSuffix($0) }
    }

    /// The error for a directory entry `stat` could not follow, with the `errno` it set.
    private static func unreachable(_ path: String, _ error: Int32) -> Diagnostic {
        let reason = String(cString: strerror(error)).lowercased()
        var link = stat()
        guard lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK else { return unreadable(path, reason: reason) }
        return unreadable(path, reason: "it is a symbolic link whose target cannot be read (\(reason))")
    }

    /// The error for paths that hold no case files.
    public static func noCaseFiles(_ paths: [String]) -> Diagnostic {
        Diagnostic(.error, code: "input.none", "no case files (*.yaml, *.yml, *.json, *.csv) in \(paths.joined(separator: ", "))", at: nil)
    }

    static func unreadable(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(.error, code: "input.unreadable", "cannot read '\(path)': \(reason)", at: SourceLocation(path: path, position: .start))
    }
}
