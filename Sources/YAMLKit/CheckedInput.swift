internal import CYAML

/// A copy of input that libyaml's reader would take unchanged, handed to libyaml's scanner as the
/// reader's buffer so that the reader's work, decoding and checking each character in turn, is
/// skipped (see `Sources/CYAML/shim.h`). The check here is one pass over the bytes, mostly in vector
/// instructions; input it does not pass goes through the reader, which reports what is wrong.
struct CheckedInput: ~Copyable {
    /// Longer ranges (a large file read whole, with one job) go through the reader, so a copy never
    /// adds more than this to memory.
    static let maxBytes = 8 << 20
    /// Bytes after the text: the NUL that ends it, and room for the scanner's look-ahead past it.
    static let padding = 8
    /// Whether the system's libyaml is one whose reader works as `shim.h` describes (0.2).
    static let readerIsKnown: Bool = {
        var major: Int32 = 0, minor: Int32 = 0, patch: Int32 = 0
        yaml_get_version(&major, &minor, &patch)
        return major == 0 && minor == 2
    }()

    /// The bytes, then ``padding`` zero bytes.
    var text: UnsafeMutablePointer<UInt8> { buffer.start }
    let length: Int
    /// How many characters the bytes hold: what the reader would count.
    let characters: Int
    private let buffer: CopyBuffers.Buffer

    /// A copy of `bytes` if the reader would take every one of them unchanged, else nil. The copy is
    /// what is checked, not `bytes`: a mapped file can change under the check (another program
    /// writing to it), and a byte libyaml's scanner takes as zero wide, unchecked, would stop its
    /// scan loops advancing.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard Self.readerIsKnown, bytes.count <= Self.maxBytes else { return nil }
        let buffer = CopyBuffers.take(bytes.count + Self.padding)
        if let base = bytes.baseAddress { buffer.start.update(from: base, count: bytes.count) }
        (buffer.start + bytes.count).update(repeating: 0, count: Self.padding)
        guard let characters = Self.characters(in: UnsafeBufferPointer(start: buffer.start, count: bytes.count)) else {
            CopyBuffers.give(buffer)
            return nil
        }
        self.buffer = buffer
        length = bytes.count
        self.characters = characters
    }

    deinit { CopyBuffers.give(buffer) }

    /// The number of characters in `bytes` if every one is valid UTF-8 of a character YAML allows
    /// (tab, line feed, carriage return, printable ASCII, U+0085, U+00A0–U+D7FF, U+E000–U+FFFD,
    /// U+10000–U+10FFFF): exactly what libyaml's reader copies unchanged. Nil otherwise.
    static func characters(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return 0 }
        let count = bytes.count
        let block = 4096
        var index = 0
        var continuations = 0
        while index < count {
            // A block of printable ASCII and line breaks, nearly every block of a case file, is
            // told by one branch-free loop the compiler turns into vector instructions.
            if count - index >= block {
                var other: UInt8 = 0
                for byte in UnsafeBufferPointer(start: base + index, count: block) {
                    other |= allowedASCII(byte) ^ 1
                }
                if other == 0 {
                    index += block
                    continue
                }
            }
            let end = min(count, index + block)
            while index < end {
                guard let width = characterWidth(base + index, available: count - index) else { return nil }
                continuations += width - 1
                index += width
            }
        }
        return count - continuations
    }

    /// 1 for an ASCII byte YAML allows (printable, tab, line feed, carriage return), else 0: a
    /// number rather than a Bool, so that a loop over a block needs no branch.
    @inline(__always)
    private static func allowedASCII(_ byte: UInt8) -> UInt8 {
        let printable: UInt8 = byte &- 0x20 < 0x5F ? 1 : 0
        return printable | (byte == 0x0A ? 1 : 0) | (byte == 0x09 ? 1 : 0) | (byte == 0x0D ? 1 : 0)
    }

    /// The width in bytes of the character at `start` if it is one the reader copies unchanged.
    private static func characterWidth(_ start: UnsafePointer<UInt8>, available: Int) -> Int? {
        let lead = start[0]
        if lead < 0x80 { return allowedASCII(lead) == 1 ? 1 : nil }
        let width = lead & 0xE0 == 0xC0 ? 2 : lead & 0xF0 == 0xE0 ? 3 : lead & 0xF8 == 0xF0 ? 4 : 0
        guard width > 0, width <= available else { return nil }
        var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for offset in 1..<width {
            let octet = start[offset]
            guard octet & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(octet & 0x3F)
        }
        let shortest = width == 2 ? value >= 0x80 : width == 3 ? value >= 0x800 : value >= 0x10000
        let allowed = value == 0x85 || (0xA0...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value)
            || (0x10000...0x10FFFF).contains(value)
        return shortest && allowed ? width : nil
    }
}
