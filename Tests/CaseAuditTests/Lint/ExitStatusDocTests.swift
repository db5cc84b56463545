import Foundation
import Testing
@testable import CaseAudit

/// The exit codes are defined once (ExitStatus) and documented from there: docs/cli.md's table must
/// say exactly what the code says.
@Suite("Exit codes")
struct ExitStatusDocTests {
    @Test("docs/cli.md lists every exit status with its meaning from the code")
    func documented() throws {
        let cli = CaseFixtures.repository.appendingPathComponent("docs/cli.md")
        let text = try String(contentsOf: cli, encoding: .utf8)
        let rows = text.split(separator: "\n").filter { $0.firstMatch(of: /^\| [0-9] \|/) != nil }.map(String.init)
        #expect(rows == ExitStatus.allCases.map { "| \($0.rawValue) | \($0.meaning) |" })
    }
}
