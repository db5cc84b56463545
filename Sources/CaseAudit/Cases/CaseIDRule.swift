import YAMLKit

/// What a case id may be, checked wherever an id is read (YAML and CSV cases, a caseload for
/// `sample`, `template --case`): at most ``maxBytes`` bytes of UTF-8 and no control character (C0,
/// DEL, C1, or the line and paragraph separators U+2028 and U+2029, which messages escape).
///
/// The length bounds the work done per id: ids are put in Unicode NFC, whose reordering of a run
/// of combining marks takes time in the square of the run's length (a 400 KB id of combining
/// accents took 48 s), and an id is named in many messages. Real ids (a CRN, `SYN-005`) are a few
/// characters. A control character would reach a terminal through every output that shows the id.
public enum CaseIDRule {
    /// The longest id, in bytes of UTF-8.
    public static let maxBytes = 256

    /// Why `id` cannot be a case id (ending "the case is skipped" for the readers to add to), or
    /// nil when it can. Never names the id itself: messages may be pseudonymised.
    public static func problem(_ id: String) -> String? {
        let length = id.utf8.count
        if length > maxBytes { return "the case id is \(length) bytes long, more than the \(maxBytes) an id may have" }
        if let control = id.unicodeScalars.first(where: isTerminalControl) {
            return "the case id contains a control character (U+\(hex(control.value)))"
        }
        return nil
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
