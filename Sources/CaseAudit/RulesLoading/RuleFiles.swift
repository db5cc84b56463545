#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import YAMLKit

/// Finds and reads the files of a criteria set on disk.
enum RuleFiles {
    enum Outcome {
        case success([RuleFile])
        case failure(Diagnostic)
    }

    /// A single file, or every `*.yaml` / `*.yml` file of a directory (not recursive), in name order.
    static func read(path: String) -> Outcome {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(Diagnostic(.error, code: "rules.unreadable", "cannot read criteria set '\(path)': no such file or directory", at: SourceLocation(path: path, position: .start)))
        }
        var paths: [String]
        if (info.st_mode & S_IFMT) == S_IFDIR {
            guard let directory = opendir(path) else {
                return .failure(Diagnostic(.error, code: "rules.unreadable", "cannot open directory '\(path)'", at: SourceLocation(path: path, position: .start)))
            }
            defer { closedir(directory) }
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !name.hasPrefix(".") { names.append(name) }
            }
            let base = path.hasSuffix("/") ? path : path + "/"
            paths = names.sorted().map { base + $0 }
            if paths.isEmpty {
                return .failure(Diagnostic(.error, code: "rules.empty", "no *.yaml files in '\(path)'", at: SourceLocation(path: path, position: .start)))
            }
        } else {
            paths = [path]
        }
        var files: [RuleFile] = []
        for file in paths {
            let stream = YAMLLoader.load(path: file)
            if let error = stream.errors.first, error.kind == .unreadable || error.kind == .inputTooLarge {
                return .failure(Diagnostic(error, in: stream.source))
            }
            files.append(RuleFile(path: file, bytes: Array(stream.source.bytes)))
        }
        return .success(files)
    }
}
