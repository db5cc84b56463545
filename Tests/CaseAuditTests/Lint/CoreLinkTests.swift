import Foundation
import Testing

/// The core `caseaudit` starts without the full Foundation: on Linux it imports FoundationEssentials
/// only (as swift-argument-parser and swift-crypto do), so the dynamic loader never maps
/// libFoundation, its internationalisation library or ICU, a third of the start-up of a one-file lint.
@Suite("The core executable loads no full Foundation")
struct CoreLinkTests {
    #if os(Linux)
    @Test("ldd of the built caseaudit: Swift's core library, no libFoundation, no ICU")
    func noFoundation() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        process.arguments = [try Executable.url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // Every loaded library's file name, whether the loader found it or not ("libx.so => not found").
        let libraries = Set(output.split(separator: "\n").compactMap { line in
            line.split(whereSeparator: \.isWhitespace).first.map(String.init)
        })
        #expect(libraries.contains("libswiftCore.so"), "\(output)")
        for heavy in ["libFoundation.so", "libFoundationInternationalization.so", "lib_FoundationICU.so"] {
            #expect(!libraries.contains(heavy), "caseaudit loads \(heavy):\n\(output)")
        }
    }
    #endif
}
