#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a criteria set was read from: an embedded set, by name, or a path on disk. A relative
/// `extends` path is resolved against the file that says it; an embedded set can extend only
/// embedded sets.
public enum SetOrigin: Sendable, Equatable {
    case embedded(String)
    case disk(String)

    /// The same for every way of naming one set (a path is resolved through links), to find cycles.
    var identity: String {
        switch self {
        case .embedded(let name): return "embedded:" + name
        case .disk(let path):
            guard let resolved = realpath(path, nil) else { return "disk:" + path }
            defer { free(resolved) }
            return "disk:" + String(cString: resolved)
        }
    }

    /// How a message names it.
    var words: String {
        switch self {
        case .embedded(let name): return name
        case .disk(let path): return path
        }
    }
}
