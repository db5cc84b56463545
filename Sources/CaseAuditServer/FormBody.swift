/// An `application/x-www-form-urlencoded` body: name–value pairs in order.
enum FormBody {
    struct Malformed: Error {}

    static func parse(_ bytes: some Collection<UInt8>) throws(Malformed) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        for part in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let pieces = part.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try decode(pieces[0])
            let value = pieces.count > 1 ? try decode(pieces[1]) : ""
            pairs.append((name, value))
        }
        return pairs
    }

    /// `+` is a space, `%XX` a byte; the result must be UTF-8.
    private static func decode(_ bytes: some Collection<UInt8>) throws(Malformed) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                let first = bytes.index(after: index)
                guard first != bytes.endIndex, bytes.index(after: first) != bytes.endIndex,
                      let high = hexValue(bytes[first]), let low = hexValue(bytes[bytes.index(after: first)]) else { throw Malformed() }
                out.append(high << 4 | low)
                index = bytes.index(after: first)
            } else {
                out.append(byte)
            }
            index = bytes.index(after: index)
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw Malformed() }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
