import Foundation
import Testing
import YAMLKit
@testable import CaseAudit

/// The case file `caseaudit serve` writes: the documented bytes, and every text read back exactly.
@Suite("Writing case files")
struct CaseYAMLWriterTests {
    static func record(_ set: CriteriaSet, _ text: String) throws -> CaseRecord {
        let read = try CaseReaderTests.yaml(text)
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics.map(\.message))")
        return try #require(read.records.first)
    }

    @Test("a case is written in the documented order and quoting: id and free text quoted, names plain, empty sections left out")
    func documentedBytes() throws {
        let set = try CaseFixtures.miniSet()
        let record = try Self.record(set, """
            notes: {rmp.sufficient: "It's late"}
            answers:
              interv.factor_delivered: {accommodation: no, alcohol: yes}
              rosh.screening_sufficient: yes
              rmp.sufficient: not_sufficient
            facts: {rosh: high, case_type: licence, factors: [accommodation, alcohol], offender_manager: OM 1, age: 34,
                    sentence_date: 2013-04-02, child_protection_concerns: no}
            case: C-1
            assessor: AB
            """)
        #expect(CaseYAMLWriter.text(record, set: set) == """
            case: 'C-1'
            assessor: 'AB'
            facts:
              case_type: licence
              rosh: high
              child_protection_concerns: false
              factors: [alcohol, accommodation]
              sentence_date: 2013-04-02
              offender_manager: 'OM 1'
              age: 34
            answers:
              rosh.screening_sufficient: yes
              rmp.sufficient: not_sufficient
              interv.factor_delivered:
                alcohol: yes
                accommodation: no
            notes:
              rmp.sufficient: 'It''s late'

            """)
        var bare = record
        bare.assessor = nil
        bare.facts = bare.facts.map { _ in nil }
        bare.answers = bare.answers.map { _ in nil }
        bare.notes = [:]
        #expect(CaseYAMLWriter.text(bare, set: set) == "case: 'C-1'\n")
    }

    @Test("hostile texts read back exactly: quotes, line breaks, YAML's other line breaks, a byte-order mark, control characters, null words")
    func hostileTextsRoundTrip() throws {
        let set = try CaseFixtures.miniSet()
        let texts = [
            "it's \"quoted\"", "two\nlines\r\nand CR\r", "  leading and trailing  ", "# not a comment", "key: value", "- item",
            "null", "~", "", "tab\there", "next\u{85}line", "line\u{2028}sep", "para\u{2029}sep", "\u{FEFF}bom", "bell\u{7}",
            "del\u{7F}", "back\\slash", "emoji 👩🏽‍⚖️ and é", "{flow}", "[list]", "&anchor *alias !tag %directive @at `tick",
        ]
        var record = try Self.record(set, "case: X")
        for text in texts where !text.isEmpty {
            record.id = text
            record.assessor = text
            record.facts[try #require(set.fact(named: "offender_manager"))] = .string(text)
            record.notes = [0: text]
            let written = CaseYAMLWriter.text(record, set: set)
            let read = try CaseReaderTests.yaml(written)
            #expect(read.diagnostics.isEmpty, "\(text.debugDescription): \(read.diagnostics.map(\.message))")
            let back = try #require(read.records.first, "\(text.debugDescription) → \(written)")
            // The reader trims spaces around an id.
            #expect(back.id == text.trimmingCharacters(in: .init(charactersIn: " \t")))
            #expect(back.assessor == text)
            #expect(back.facts[try #require(set.fact(named: "offender_manager"))] == .string(text))
            #expect(back.notes[0] == text)
        }
    }
}
