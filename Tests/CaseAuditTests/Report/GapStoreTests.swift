import Foundation
import Testing
@testable import CaseAudit

/// The gap store gives every group's cases back in the order added, whether it held them in memory
/// or moved them to its temporary file (here after every few cases, with a budget of 200 bytes).
@Suite struct GapStoreTests {
    @Test func casesComeBackInOrderAfterSpilling() throws {
        let set = try #require(DefaultCriteriaSet.load().set)
        let stream = CaseStream(schema: CaseSchema(set), inputs: CaseInputs.expand([YorkExampleTests.examples]).inputs)
        let evaluator = Evaluator(set)
        var cases: [GapCase] = []
        stream.forEach(report: { _ in }) { record, _ in
            let gaps = evaluator.evaluate(record).gaps(set)
            if !gaps.isEmpty { cases.append(GapCase(record, gaps)) }
            return []
        }
        // The York example has gaps in most of its 49 cases.
        #expect(cases.count > 30)
        func stored(budget: Int) -> [String: [String]] {
            let store = GapStore<Int>(budget: budget)
            for (index, entry) in cases.enumerated() {
                var encoded: [UInt8] = []
                entry.encode(into: &encoded)
                store.add(encoded: encoded, to: index % 3)
            }
            var out: [String: [String]] = [:]
            for key in store.keys {
                store.forEach(in: key) { entry in
                    out["\(key)", default: []].append("\(entry.id) \(entry.path):\(entry.line) \(entry.gaps.map { "\($0.question)/\($0.result)/\($0.note ?? "")" })")
                }
            }
            return out
        }
        let spilled = stored(budget: 200)
        let held = stored(budget: 1 << 30)
        #expect(spilled == held)
        for group in 0..<3 {
            let ids = held["\(group)"]?.map { String($0.prefix { $0 != " " }) }
            #expect(ids == stride(from: group, to: cases.count, by: 3).map { cases[$0].id })
        }
    }
}
