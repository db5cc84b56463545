/// Loads YAML text into documents of positioned nodes.
///
/// Every problem is returned as a located ``YAMLError`` inside the ``LoadedStream``; nothing throws
/// and nothing traps on bad input.
public enum YAMLLoader {
    /// Loads a file.
    public static func load(path: String, limits: YAMLLimits = .default) -> LoadedStream {
        do {
            let bytes = try InputReader.read(path: path, maxBytes: limits.maxInputBytes)
            return load(source: SourceText(path: path, bytes: bytes), limits: limits)
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
        if let error = precheck(source, limits: limits) {
            return LoadedStream(source: source, documents: [], errors: [error])
        }
        var builder = TreeBuilder(source: source, limits: limits)
        return builder.run()
    }

    /// Reads an already-read source one document at a time: `body` gets each document as soon as it
    /// is complete, and the tree is released after it returns, so memory holds one document at a
    /// time. Returns every problem found (a fatal one ends the stream, as in ``load(source:limits:)``).
    public static func forEachDocument(
        in source: SourceText, limits: YAMLLimits = .default, _ body: (Document) -> Void
    ) -> [YAMLError] {
        var errors: [YAMLError] = []
        let rest = forEachDocument(in: source, limits: limits) { document, found in
            errors += found
            body(document)
        }
        return errors + rest
    }

    /// As ``forEachDocument(in:limits:_:)``, handing each document over with the problems found
    /// while reading it (a duplicate key, an undefined alias), so they can be reported in order
    /// without being held; returns the problems found after the last document.
    public static func forEachDocument(
        in source: SourceText, limits: YAMLLimits = .default, _ body: (Document, [YAMLError]) -> Void
    ) -> [YAMLError] {
        if let error = precheck(source, limits: limits) { return [error] }
        return withoutActuallyEscaping(body) { body in
            var builder = TreeBuilder(source: source, limits: limits, deliver: body)
            return builder.run().errors
        }
    }

    /// Reads one range of an already-read source one document at a time, each with the problems
    /// found while reading it, as ``forEachDocument(in:limits:_:)``: positions, document indexes and
    /// limits count as in a read of the whole source.
    public static func forEachDocument(
        in source: SourceText, range: YAMLRange, limits: YAMLLimits = .default, _ body: (Document, [YAMLError]) -> Void
    ) -> [YAMLError] {
        if range.start == 0, let error = precheck(source, limits: limits) { return [error] }
        return withoutActuallyEscaping(body) { body in
            var builder = TreeBuilder(source: source, limits: limits, range: range, deliver: body)
            return builder.run().errors
        }
    }

    /// Reads a file (`nil` path: standard input) into a source, or gives the error that stopped it.
    /// With `mapsLargeFile`, a file of ``InputReader/mappedBytes`` or more is mapped rather than
    /// read; the caller then asks ``SourceText/changedWhileRead`` once it has read the source.
    public static func read(path: String?, limits: YAMLLimits = .default, mapsLargeFile: Bool = false) -> Result<SourceText, YAMLError> {
        do {
            if let path {
                let bytes = try InputReader.read(
                    path: path, maxBytes: limits.maxInputBytes, mapsFrom: mapsLargeFile ? InputReader.mappedBytes : .max)
                return .success(SourceText(path: path, bytes: bytes))
            }
            return .success(SourceText(path: "<stdin>", bytes: try InputReader.readStandardInput(maxBytes: limits.maxInputBytes)))
        } catch {
            return .failure(readError(error, path: path ?? "<stdin>", limits: limits))
        }
    }

    static func precheck(_ source: SourceText, limits: YAMLLimits) -> YAMLError? {
        if source.bytes.count > limits.maxInputBytes {
            return YAMLError(
                .inputTooLarge,
                "input is \(source.bytes.count) bytes, above the limit of \(limits.maxInputBytes) bytes",
                at: .start)
        }
        return unsupportedEncoding(source.bytes)
    }

    private static func failure(_ error: InputReader.Failure, path: String, limits: YAMLLimits) -> LoadedStream {
        LoadedStream(source: SourceText(path: path, bytes: []), documents: [], errors: [readError(error, path: path, limits: limits)])
    }

    private static func readError(_ error: InputReader.Failure, path: String, limits: YAMLLimits) -> YAMLError {
        switch error {
        case .tooLarge(let size):
            return YAMLError(
                .inputTooLarge,
                "input is \(size) bytes or more, above the limit of \(limits.maxInputBytes) bytes",
                at: .start)
        case .unreadable(let reason):
            return YAMLError(.unreadable, "cannot read '\(path)': \(reason)", at: .start)
        }
    }

    /// UTF-16 and UTF-32 input is refused with a message that says so (libyaml would only report offset 0).
    private static func unsupportedEncoding(_ bytes: SourceBytes) -> YAMLError? {
        guard bytes.looksLikeUTF16OrUTF32 else { return nil }
        return YAMLError(
            .encoding, "the input looks like UTF-16 or UTF-32; save it as UTF-8", at: .start)
    }
}
