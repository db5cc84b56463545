/// Loads YAML text into documents of positioned nodes.
///
/// Every problem is returned as a located ``YAMLError`` inside the ``LoadedStream``; nothing throws
/// and nothing traps on bad input.
public enum YAMLLoader {
    /// Loads a file.
    public static func load(path: String, limits: YAMLLimits = .default) -> LoadedStream {
        do {
            let bytes = try InputReader.read(path: path, maxBytes: limits.maxInputBytes)
            return load(bytes: bytes, path: path, limits: limits)
        } catch {
            return failure(error, path: path, limits: limits)
        }
    }

    /// Loads standard input, reported under `path`.
    public static func loadStandardInput(path: String = "<stdin>", limits: YAMLLimits = .default) -> LoadedStream {
        do {
            let bytes = try InputReader.readStandardInput(maxBytes: limits.maxInputBytes)
            return load(bytes: bytes, path: path, limits: limits)
        } catch {
            return failure(error, path: path, limits: limits)
        }
    }

    /// Loads a string, reported under `path`.
    public static func load(string: String, path: String = "<string>", limits: YAMLLimits = .default) -> LoadedStream {
        load(bytes: Array(string.utf8), path: path, limits: limits)
    }

    /// Loads raw bytes, reported under `path`.
    public static func load(bytes: [UInt8], path: String, limits: YAMLLimits = .default) -> LoadedStream {
        load(source: SourceText(path: path, bytes: bytes), limits: limits)
    }

    /// Loads an already-read source.
    public static func load(source: SourceText, limits: YAMLLimits = .default) -> LoadedStream {
        if source.bytes.count > limits.maxInputBytes {
            let error = YAMLError(
                .inputTooLarge,
                "input is \(source.bytes.count) bytes, above the limit of \(limits.maxInputBytes) bytes",
                at: .start)
            return LoadedStream(source: source, documents: [], errors: [error])
        }
        if let encodingError = unsupportedEncoding(source.bytes) {
            return LoadedStream(source: source, documents: [], errors: [encodingError])
        }
        var builder = TreeBuilder(source: source, limits: limits)
        return builder.run()
    }

    private static func failure(_ error: InputReader.Failure, path: String, limits: YAMLLimits) -> LoadedStream {
        let source = SourceText(path: path, bytes: [])
        let yamlError: YAMLError
        switch error {
        case .unreadable(let reason):
            yamlError = YAMLError(.unreadable, "cannot read '\(path)': \(reason)", at: .start)
        case .tooLarge(let size):
            yamlError = YAMLError(
                .inputTooLarge,
                "input is \(size) bytes or more, above the limit of \(limits.maxInputBytes) bytes",
                at: .start)
        }
        return LoadedStream(source: source, documents: [], errors: [yamlError])
    }

    /// UTF-16 and UTF-32 input is refused with a message that says so (libyaml would only report offset 0).
    private static func unsupportedEncoding(_ bytes: [UInt8]) -> YAMLError? {
        guard bytes.count >= 2 else { return nil }
        let utf16 = (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)
            || (bytes[0] == 0 && bytes[1] != 0) || (bytes[0] != 0 && bytes[1] == 0)
        guard utf16 else { return nil }
        return YAMLError(
            .encoding, "the input looks like UTF-16 or UTF-32; save it as UTF-8", at: .start)
    }
}
