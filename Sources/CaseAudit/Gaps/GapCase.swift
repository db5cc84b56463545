import YAMLKit

/// One case's gaps with what the gap writers show about the case: all that is kept of a case
/// between reading it and writing its gaps (grouped gaps and the report write them at the end).
public struct GapCase: Sendable {
    public var id: String
    public var assessor: String?
    /// The case's input and the line of its id.
    public var path: String
    public var line: Int
    /// The case is pseudonymised: its outputs show no place in the input.
    public var hidesSource: Bool
    public var gaps: [Gap]

    public init(_ record: CaseRecord, _ gaps: [Gap]) {
        id = record.id
        assessor = record.assessor
        path = record.source.path
        line = record.positions.record.line
        hidesSource = record.hidesSource
        self.gaps = gaps
    }
}

/// A compact binary form of ``GapCase``, for keeping many of them in memory or a temporary file.
/// Strings are written once per case (id, assessor, path); a gap costs a few bytes plus its note.
extension GapCase {
    func encode(into out: inout [UInt8]) {
        var writer = ByteWriter(out: out)
        out = []
        writer.string(id)
        writer.optionalString(assessor)
        writer.string(path)
        writer.int(line)
        writer.int(hidesSource ? 1 : 0)
        writer.int(gaps.count)
        for gap in gaps {
            writer.int(gap.question)
            writer.int(gap.element.map { $0 + 1 } ?? 0)
            writer.int(ResultKind.allCases.firstIndex(of: gap.result) ?? 0)
            switch gap.answer {
            case nil: writer.int(0)
            case .option(let option)?:
                writer.int(1)
                writer.int(option)
            case .invalid(let text)?:
                writer.int(2)
                writer.string(text)
            }
            writer.int((gap.computed ? 1 : 0) | (gap.kind.map { (GapKind.allCases.firstIndex(of: $0) ?? 0) + 1 } ?? 0) << 1)
            writer.optionalString(gap.note)
            writer.int(gap.missingFacts.count)
            for fact in gap.missingFacts { writer.int(fact) }
            writer.int(gap.location.position.line)
            writer.int(gap.location.position.column)
            writer.int(gap.location.position.offset)
        }
        out = writer.out
    }

    /// Decodes one case at `index` and moves past it; nil if the bytes are not a whole case.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> GapCase? {
        var reader = ByteReader(bytes: bytes, index: index)
        guard let id = reader.string(), let assessor = reader.optionalString(), let path = reader.string(),
              let line = reader.int(), let hidesSource = reader.int(), let count = reader.int() else { return nil }
        var gaps: [Gap] = []
        gaps.reserveCapacity(count)
        for _ in 0..<count {
            guard let question = reader.int(), let element = reader.int(), let result = reader.int(),
                  ResultKind.allCases.indices.contains(result), let answerTag = reader.int() else { return nil }
            var answer: AnswerValue?
            switch answerTag {
            case 1:
                guard let option = reader.int() else { return nil }
                answer = .option(option)
            case 2:
                guard let text = reader.string() else { return nil }
                answer = .invalid(text)
            default: break
            }
            guard let flags = reader.int(), let note = reader.optionalString(), let missingCount = reader.int() else { return nil }
            var missing: [Int] = []
            for _ in 0..<missingCount {
                guard let fact = reader.int() else { return nil }
                missing.append(fact)
            }
            guard let gapLine = reader.int(), let column = reader.int(), let offset = reader.int() else { return nil }
            let kindIndex = flags >> 1
            gaps.append(Gap(
                caseID: id, assessor: assessor, question: question, element: element > 0 ? element - 1 : nil,
                result: ResultKind.allCases[result], answer: answer, computed: flags & 1 == 1,
                kind: GapKind.allCases.indices.contains(kindIndex - 1) ? GapKind.allCases[kindIndex - 1] : nil,
                note: note, missingFacts: missing,
                location: SourceLocation(path: path, position: SourcePosition(line: gapLine, column: column, offset: offset))))
        }
        index = reader.index
        var entry = GapCase(id: id, assessor: assessor, path: path, line: line, hidesSource: hidesSource == 1)
        entry.gaps = gaps
        return entry
    }

    private init(id: String, assessor: String?, path: String, line: Int, hidesSource: Bool) {
        self.id = id
        self.assessor = assessor
        self.path = path
        self.line = line
        self.hidesSource = hidesSource
        gaps = []
    }
}

/// Appends variable-length integers and length-prefixed UTF-8 strings.
private struct ByteWriter {
    var out: [UInt8]

    mutating func int(_ value: Int) {
        var value = UInt64(bitPattern: Int64(value))
        while value >= 0x80 {
            out.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }

    mutating func string(_ text: String) {
        int(text.utf8.count)
        out.append(contentsOf: text.utf8)
    }

    /// A string, or none (written as length 0 with a flag).
    mutating func optionalString(_ text: String?) {
        guard let text else {
            int(0)
            return
        }
        int(text.utf8.count + 1)
        out.append(contentsOf: text.utf8)
    }
}

private struct ByteReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int

    mutating func int() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count, shift < 64 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(Int64(bitPattern: value)) }
            shift += 7
        }
        return nil
    }

    mutating func string() -> String? {
        guard let count = int(), count >= 0, count <= bytes.count - index else { return nil }
        defer { index += count }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<index + count]), as: UTF8.self)
    }

    /// nil when the bytes end early; `.some(nil)` for no string.
    mutating func optionalString() -> String?? {
        guard let count = int(), count >= 0, count - 1 <= bytes.count - index else { return nil }
        if count == 0 { return .some(nil) }
        defer { index += count - 1 }
        return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<index + count - 1]), as: UTF8.self))
    }
}
