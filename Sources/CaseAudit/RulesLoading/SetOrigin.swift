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

    /// `embedded:NAME` or `disk:PATH` (the path as written), as the history stores it.
    public var text: String {
        switch self {
        case .embedded(let name): return "embedded:" + name
        case .disk(let path): return "disk:" + path
        }
    }

    /// The origin ``text`` writes.
    public init(text: String) {
        if text.hasPrefix("embedded:") {
            self = .embedded(String(text.dropFirst("embedded:".count)))
        } else {
            self = .disk(String(text.dropFirst(text.hasPrefix("disk:") ? "disk:".count : 0)))
        }
    }

    /// The same for every way of naming one set (a path is resolved through links), to find cycles.
    var identity: String {
        guard case .disk(let path) = self, let resolved = realpath(path, nil) else { return text }
        defer { free(resolved) }
        return "disk:" + String(cString: resolved)
    }

    /// How a message names it.
    var words: String {
        switch self {
        case .embedded(let name): return name
        case .disk(let path): return path
        }
    }
}
