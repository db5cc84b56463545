import Foundation
import Testing

/// Runs the built `caseaudit` executable (SwiftPM builds it beside the test bundle), for tests of
/// exit codes and command lines.
enum Executable {
    struct Run {
        var status: Int32
        var output: String
        var error: String
        /// Every `[code]` printed, on either stream.
        var codes: [String] {
            (output + error).matches(of: /\[([a-z][a-z0-9.-]*)\]/).map { String($0.output.1) }
        }
    }

    static var url: URL {
        get throws {
            let directory = Bundle.module.bundleURL.deletingLastPathComponent()
            let url = directory.appendingPathComponent("caseaudit")
            try #require(FileManager.default.isExecutableFile(atPath: url.path), "build the caseaudit executable first (swift build)")
            return url
        }
    }

    static func run(_ arguments: [String], in directory: URL? = nil, input: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = try url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        // Output goes to files, so neither stream can fill a pipe and block the child.
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out")
        let errURL = scratch.appendingPathComponent("err")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let output = try FileHandle(forWritingTo: outURL)
        let error = try FileHandle(forWritingTo: errURL)
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
        try standardInput.fileHandleForWriting.close()
        process.waitUntilExit()
        try output.close()
        try error.close()
        return Run(status: process.terminationStatus, output: try String(contentsOf: outURL, encoding: .utf8),
                   error: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("caseaudit-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
