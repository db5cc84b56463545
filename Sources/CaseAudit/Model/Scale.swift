import YAMLKit

/// Why an answer below the line is a gap: the work was not done well, or the record does not show it.
public enum GapKind: String, Sendable, Hashable, CaseIterable {
    case practice, recording
}

/// An answer scale: the options in order and which of them are sufficient (above the line).
public struct Scale: Sendable {
    public var name: String
    public var options: [String]
    public var sufficient: Set<Int>
    /// Display text per option, where it differs from the option id.
    public var labels: [String: String]
    /// Gap kind per option index; options below the line without one are `practice` gaps.
    public var gapKinds: [Int: GapKind]
    public var location: SourceLocation?

    public init(name: String, options: [String], sufficient: Set<Int>, labels: [String: String] = [:], gapKinds: [Int: GapKind] = [:], location: SourceLocation? = nil) {
        self.name = name
        self.options = options
        self.sufficient = sufficient
        self.labels = labels
        self.gapKinds = gapKinds
        self.location = location
    }

    public func index(of option: String) -> Int? { options.firstIndex(of: option) }

    /// The text shown for an option.
    public func label(of option: Int) -> String {
        let id = options[option]
        return (labels.isEmpty ? nil : labels[id]) ?? id.replacingUnderscores()
    }

    /// The gap kind of an insufficient option.
    public func gapKind(of option: Int) -> GapKind { gapKinds[option] ?? .practice }
}

extension String {
    /// `not_sufficient` → `not sufficient`, `yes` → `yes`.
    func replacingUnderscores() -> String {
        // An ASCII "_" byte is a whole character only in ASCII text (elsewhere a mark may follow).
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return String(map { $0 == "_" ? " " : $0 }) }
        return String(decoding: utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }
}
