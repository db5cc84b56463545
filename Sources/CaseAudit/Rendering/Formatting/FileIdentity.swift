#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's identity (device and inode), the same through any path that reaches it: a symlink, a
/// hard link, `./` or `..` spellings.
public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// The identity of what `path` leads to (following symlinks), or nil when it does not exist.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The identity of the regular file an open descriptor reads (standard input redirected from a
    /// file), or nil (a terminal, a pipe).
    public init?(regularFileOn descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.init(info)
    }

    /// The identities of a file, or of every entry directly in a directory (a criteria set's
    /// files), so outputs can be kept off them.
    public static func of(fileOrDirectory path: String) -> [FileIdentity] {
        var info = stat()
        guard stat(path, &info) == 0 else { return [] }
        guard (info.st_mode & S_IFMT) == S_IFDIR, let directory = opendir(path) else { return [FileIdentity(info)] }
        defer { closedir(directory) }
        var found = [FileIdentity(info)]
        let prefix = path.hasSuffix("/") ? path : path + "/"
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            if let identity = FileIdentity(path: prefix + name) { found.append(identity) }
        }
        return found
    }
}
