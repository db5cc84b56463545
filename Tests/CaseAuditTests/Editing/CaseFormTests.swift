import Foundation
import Testing
import YAMLKit
@testable import CaseAudit

/// The form's fields read as a case, what the form asks, and saving without losing work.
@Suite("Case form")
struct CaseFormTests {
    @Test("submitted fields are typed by the set; bad values are marked on their field and left out")
    func readsFields() throws {
        let set = try CaseFixtures.miniSet()
        let schema = CaseSchema(set)
        let reading = CaseFormFields.read([
            ("csrf", "x"), ("case", " C-2 "), ("assessor", ""), ("fact:rosh", "medium"), ("fact:factors", "alcohol"),
            ("fact:factors", "accommodation"), ("fact:age", "thirty"), ("fact:child_protection_concerns", "false"),
            ("fact:sentence_date", "2013-02-30"), ("answer:rmp.sufficient", "yes"), ("answer:interv.factor_delivered[alcohol]", "no"),
            ("answer:interv.factor_delivered[accommodation]", ""), ("answer:rosh.screening_sufficient", "maybe"),
            ("note:rmp.sufficient", "line one\r\nline two \r\n"), ("fact:gender", ""), ("extra", "1"),
        ], schema: schema)
        let record = reading.record
        #expect(record.id == "C-2")
        #expect(record.assessor == nil)
        #expect(record.facts[try #require(set.fact(named: "rosh"))] == .option(1))
        #expect(record.facts[try #require(set.fact(named: "factors"))] == .set(0b101))
        #expect(record.facts[try #require(set.fact(named: "child_protection_concerns"))] == .bool(false))
        #expect(record.facts[try #require(set.fact(named: "age"))] == nil)
        #expect(record.facts[try #require(set.fact(named: "gender"))] == nil)
        let rmp = try #require(set.question(id: "rmp.sufficient"))
        let interv = try #require(set.question(id: "interv.factor_delivered"))
        let screening = try #require(set.question(id: "rosh.screening_sufficient"))
        #expect(record.answers[rmp] == .single(.option(0)))
        #expect(record.answers[interv] == .perElement([ElementAnswer(element: 0, value: .option(1), position: .start)]))
        #expect(record.answers[screening] == nil)
        #expect(record.notes[rmp] == "line one\nline two")
        #expect(reading.problems[.fact(try #require(set.fact(named: "age")))] == ["'thirty' is not a value of age (a whole number)"])
        #expect(reading.problems[.fact(try #require(set.fact(named: "sentence_date")))]?.count == 1)
        #expect(reading.problems[.answer(screening, element: nil)]?.first?.hasPrefix("'maybe' is not an answer to rosh.screening_sufficient") == true)
        #expect(reading.problems[nil] == ["unknown field 'extra'"])
        // A set fact: nothing ticked is not recorded; "none" alone is []; "none" with values is a problem.
        let none = CaseFormFields.read([("case", "C"), ("fact:factors", "[]")], schema: schema)
        #expect(none.record.facts[try #require(set.fact(named: "factors"))] == .set(0))
        let both = CaseFormFields.read([("case", "C"), ("fact:factors", "[]"), ("fact:factors", "alcohol")], schema: schema)
        #expect(both.problems[.fact(try #require(set.fact(named: "factors")))] == ["choose either 'none' or values, not both"])
    }

    @Test("the form asks what applies, says why the rest does not, names the facts that decide, and counts completeness")
    func applicability() throws {
        let set = try CaseFixtures.miniSet()
        func state(_ fields: [(String, String)]) -> CaseFormState {
            CaseFormState(set: set, record: CaseFormFields.read([("case", "C")] + fields, schema: CaseSchema(set)).record)
        }
        let rmp = try #require(set.question(id: "rmp.sufficient"))
        let actions = try #require(set.question(id: "rmp.actions_delivered"))
        let interv = try #require(set.question(id: "interv.factor_delivered"))
        let nothing = state([])
        #expect(nothing.questions[rmp].applicability == .undetermined(missing: [try #require(set.fact(named: "rosh"))]))
        let low = state([("fact:rosh", "low"), ("fact:factors", "accommodation"), ("answer:rosh.screening_sufficient", "yes")])
        guard case .notApplicable(let reasons) = low.questions[rmp].applicability else { Issue.record("rmp applies at low"); return }
        #expect(reasons == ["the question applies when rosh_medium_plus (RoSH medium or higher): false here, with rosh = low"])
        #expect(low.questions[interv].elements == [2])
        // screening (answered) + one factor: 2 applicable, 1 answered; plan.timely is computed, cp.* not applicable? undetermined.
        #expect(low.applicable == 2 && low.answered == 1)
        let medium = state([("fact:rosh", "medium")])
        #expect(medium.questions[rmp].applicability == .applies)
        #expect(medium.questions[actions].applicability == .dependsOnAnswers("rosh_medium_plus and answer('rmp.sufficient') != not_completed"))
        // Answers the form does not ask for are left out on saving, and named.
        let stale = state([("fact:rosh", "low"), ("fact:factors", "alcohol"), ("answer:rmp.sufficient", "yes"),
                           ("answer:interv.factor_delivered[accommodation]", "yes"), ("answer:interv.factor_delivered[alcohol]", "no")])
        let pruned = stale.withoutUnaskedAnswers(in: set)
        #expect(pruned.dropped == ["rmp.sufficient", "interv.factor_delivered[accommodation]"])
        #expect(pruned.record.answers[rmp] == nil)
        #expect(pruned.record.answers[interv] == .perElement([ElementAnswer(element: 0, value: .option(1), position: .start)]))
    }

    @Test("case ids that name files: letters, digits, - _ . only; no traversal, no absolute path, no encoding")
    func validIDs() {
        for id in ["C-1", "YNY-017", "a.b_c", "9", String(repeating: "x", count: 64)] { #expect(CaseFileStore.isValidID(id), "\(id)") }
        for id in ["", "../x", "..", "a/b", "/etc/passwd", "%2e%2e%2f", "a..b", ".hidden", "-x", "a b", "é", "a\u{0}", "a\\b",
                   String(repeating: "x", count: 65)] {
            #expect(!CaseFileStore.isValidID(id), "\(id.debugDescription)")
        }
        #expect(CaseFileStore(directory: "/tmp/cases").newFile(for: "C-1") == "/tmp/cases/C-1.yaml")
        #expect(CaseFileStore(directory: "/tmp/cases").newFile(for: "../C-1") == nil)
    }

    @Test("a save over a file that changed since it was opened is refused, and both versions are kept")
    func conflictKeepsBoth() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = CaseFileStore(directory: directory.path)
        let path = directory.appendingPathComponent("C-1.yaml").path
        #expect(CaseFileStore.version(of: path) == CaseFileStore.absent)
        #expect(try store.save("case: 'C-1'\n", to: path, expected: CaseFileStore.absent) == .saved)
        let opened = CaseFileStore.version(of: path)
        #expect(opened == "7681ca8b0a3ab66b3ae5bb974fa7000a3de87a82491ea7a0b94d3b4a23377ea3")  // sha256sum of the bytes
        // Someone else saves first.
        try Data("case: 'C-1'\nassessor: 'XY'\n".utf8).write(to: URL(fileURLWithPath: path))
        let outcome = try store.save("case: 'C-1'\nassessor: 'AB'\n", to: path, expected: opened)
        guard case .conflict(let kept) = outcome else { Issue.record("saved over a changed file"); return }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "case: 'C-1'\nassessor: 'XY'\n")
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == "case: 'C-1'\nassessor: 'AB'\n")
        #expect(kept.hasPrefix(path + ".conflict-"))
        // The kept version is not read as a second case with the same id.
        let expanded = CaseInputs.expand([directory.path])
        #expect(expanded.inputs == [.file(path)])
        // A new case whose file appeared meanwhile is not overwritten either.
        #expect(try store.save("case: 'C-1'\n", to: path, expected: CaseFileStore.absent) != .saved)
    }

    @Test("a FIFO where a case file would be is read as no case: its version is unreadable, at once, and a save is refused")
    func fifoInPlaceOfACase() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = CaseFileStore(directory: directory.path)
        let path = directory.appendingPathComponent("C-1.yaml").path
        try #require(mkfifo(path, 0o644) == 0)
        // Opening a FIFO with no writer for reading would wait forever (with the directory locked).
        #expect(CaseFileStore.version(of: path) == "unreadable: cannot read '\(path)': is a FIFO (named pipe), not a regular file")
        guard case .conflict(let kept) = try store.save("case: 'C-1'\n", to: path, expected: CaseFileStore.absent) else {
            Issue.record("saved over a FIFO"); return
        }
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == "case: 'C-1'\n")
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }
}
