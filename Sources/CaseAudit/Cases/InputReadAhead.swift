import Dispatch
import Synchronization
import YAMLKit

/// Reads (maps) a large first input on another thread while a command loads its criteria set, so
/// that its bytes are in memory by the time the stream reaches it instead of being read while every
/// worker waits.
///
/// Only a regular file of ``minimumBytes`` or more is read ahead. With more than one job, a YAML
/// file's line table is built then too: the stream splits such a file into runs by line for its
/// workers, and their first findings need the table (a CSV file is read whole, never split). The
/// stream takes the bytes once; reading that input again (to confirm a duplicate id) reads the
/// file again, as without this.
public final class InputReadAhead: Sendable {
    /// Smaller files take a few milliseconds to read: not worth a thread.
    public static let minimumBytes = 4 << 20

    private let input: CaseInput
    private let limits: YAMLLimits
    private let reading = DispatchGroup()
    private let result = Mutex<Result<SourceText, YAMLError>?>(nil)

    /// Starts reading the first of `inputs` (and, for more than one of `jobs`, indexing a YAML
    /// file's lines), or returns nil when it is not a regular file of `minimumBytes` or more.
    public init?(_ inputs: [CaseInput], jobs: Int = 1, limits: YAMLLimits = .default, minimumBytes: Int = minimumBytes) {
        guard let first = inputs.first, case .file(let path) = first, let size = first.regularFileSize, size >= minimumBytes else {
            return nil
        }
        input = first
        self.limits = limits
        DispatchQueue.global().async(group: reading) {
            let read = YAMLLoader.read(path: path, limits: limits, mapsLargeFile: true)
            if jobs > 1, !first.isCSV, case .success(let source) = read { source.indexLines() }
            self.result.withLock { $0 = read }
        }
    }

    /// Waits until the read (and the indexing) has ended. A stream with workers calls this before
    /// starting them: they run on the system's shared threads, and one blocked waiting for the
    /// read would hold the thread the second half of the indexing runs on.
    func wait() { reading.wait() }

    /// The input as read ahead (waiting for the read to end), or nil when this is not the input
    /// read ahead, it was read under other limits, or it was taken already.
    func take(_ input: CaseInput, limits: YAMLLimits) -> Result<SourceText, YAMLError>? {
        guard input == self.input, limits == self.limits else { return nil }
        reading.wait()
        return result.withLock { read in
            defer { read = nil }
            return read
        }
    }
}
