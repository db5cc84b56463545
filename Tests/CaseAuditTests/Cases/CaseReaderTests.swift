import Testing
import YAMLKit
@testable import CaseAudit

/// Reading case files by the schema, against the mini set.
@Suite("Reading case files")
struct CaseReaderTests {
    static func yaml(_ text: String) throws -> (records: [CaseRecord], diagnostics: [Diagnostic]) {
        let schema = CaseSchema(try CaseFixtures.miniSet())
        let reader = YAMLCaseReader(schema: schema)
        var records: [CaseRecord] = []
        var diagnostics: [Diagnostic] = []
        let stream = YAMLLoader.load(string: text, path: "case.yaml")
        diagnostics += stream.errors.map { Diagnostic($0, in: stream.source) }
        for document in stream.documents {
            if let record = reader.read(document, report: { diagnostics.append($0) }) { records.append(record) }
        }
        // The event reader (what commands use) gives the same records and diagnostics.
        var events = CaseEventReader(schema: schema, tables: ValueTables(schema))
        var fromEvents: [CaseRecord] = []
        var eventDiagnostics: [Diagnostic] = []
        let read = events.read(
            stream.source, range: .whole(stream.source), limits: .default, report: { eventDiagnostics.append($0) },
            accept: { fromEvents.append($0) })
        #expect(read.resume == nil)
        eventDiagnostics += read.outcome.errors.map { Diagnostic($0, in: stream.source) }
        #expect(Set(eventDiagnostics) == Set(diagnostics))
        #expect(eventDiagnostics.count == diagnostics.count)
        #expect(fromEvents.map(Self.summary) == records.map(Self.summary))
        return (records, diagnostics)
    }

    /// What a record holds, comparable.
    static func summary(_ record: CaseRecord) -> String {
        "\(record.id) \(record.assessor ?? "-") \(record.positions.record) \(record.facts) \(record.answers) "
            + "\(record.notes.sorted { $0.key < $1.key }) \(record.positions.rejectedFacts.sorted()) "
            + "\(record.facts.indices.map { record.positions.facts[$0].map(String.init(describing:)) ?? "" })"
            + "\(record.answers.indices.map { record.positions.answers[$0].map(String.init(describing:)) ?? "" })"
    }

    static func csv(_ text: String) throws -> (records: [CaseRecord], diagnostics: [Diagnostic]) {
        let schema = CaseSchema(try CaseFixtures.miniSet())
        var records: [CaseRecord] = []
        var diagnostics: [Diagnostic] = []
        CSVCaseReader(schema: schema).read(
            SourceText(path: "cases.csv", bytes: Array(text.utf8)), report: { diagnostics.append($0) }, body: { records.append($0) })
        return (records, diagnostics)
    }

    @Test("values are typed by the set, not by YAML 1.1: no is an answer, NO a bool, a date only where declared")
    func typedBySchema() throws {
        let read = try Self.yaml("""
            case: 123
            facts:
              child_protection_concerns: NO
              offender_manager: 2013-04-01
              sentence_date: 2013-04-01
              gender: female
              factors: []
            answers:
              rosh.screening_sufficient: no
            """)
        #expect(read.diagnostics.isEmpty)
        let record = try #require(read.records.first)
        let set = try CaseFixtures.miniSet()
        #expect(record.id == "123")
        #expect(record.facts[try #require(set.fact(named: "child_protection_concerns"))] == .bool(false))
        #expect(record.facts[try #require(set.fact(named: "offender_manager"))] == .string("2013-04-01"))
        #expect(record.facts[try #require(set.fact(named: "sentence_date"))] == .date(try #require(Day(iso: "2013-04-01"))))
        #expect(record.facts[try #require(set.fact(named: "factors"))] == .set(0))
        #expect(record.answers[try #require(set.question(id: "rosh.screening_sufficient"))] == .single(.option(1)))
        #expect(record.facts[try #require(set.fact(named: "rosh"))] == nil)
    }

    @Test("bad values are located, explained and dropped; the rest of the case is read", arguments: [
        ("facts:\n  rosh: hihg\n", "case.fact-value", 3, 9, "'hihg' is not a value of rosh; did you mean 'high'?"),
        ("facts:\n  roshh: high\n", "case.unknown-fact", 3, 3, "unknown fact 'roshh'; did you mean 'rosh'?"),
        ("facts:\n  sentence_date: 2013-02-30\n", "case.fact-value", 3, 18, "'2013-02-30' is not a value of sentence_date (a date, YYYY-MM-DD)"),
        ("facts:\n  factors: alcohol\n", "case.fact-value", 3, 12, "factors is a set: give a list, e.g. [alcohol]"),
        ("answers:\n  rmp.sufficient: partly\n", "case.answer-not-in-scale", 3, 19,
         "'partly' is not an answer to rmp.sufficient (options: yes, not_sufficient, not_completed)"),
        ("answers:\n  rmp.sufficent: yes\n", "case.unknown-question", 3, 3, "unknown question 'rmp.sufficent'; did you mean 'rmp.sufficient'?"),
        ("answers:\n  interv.factor_delivered: yes\n", "case.per-element", 3, 28,
         "interv.factor_delivered is asked once per element of factors: answer it as a mapping, e.g. {alcohol: yes}"),
        ("answer:\n  rmp.sufficient: yes\n", "case.unknown-key", 2, 1, "unknown key 'answer' in a case; did you mean 'answers'?"),
    ])
    func badValues(body: String, code: String, line: Int, column: Int, message: String) throws {
        let read = try Self.yaml("case: X-1\n" + body + "assessor: AB\n")
        #expect(read.diagnostics.count == 1)
        let diagnostic = try #require(read.diagnostics.first)
        #expect(diagnostic.code == code)
        #expect(diagnostic.message == message)
        #expect(diagnostic.location?.line == line)
        #expect(diagnostic.location?.column == column)
        #expect(read.records.first?.assessor == "AB", "the rest of the case is still read")
    }

    @Test("a case without an id is reported and skipped")
    func missingID() throws {
        let read = try Self.yaml("facts:\n  rosh: high\n---\ncase: ''\n")
        #expect(read.records.isEmpty)
        #expect(read.diagnostics.map(\.code) == ["case.missing-id", "case.missing-id"])
        #expect(read.diagnostics.map { $0.location?.line } == [1, 4])
    }

    @Test("CSV: typed cells, set cells, element columns, notes, and located header problems")
    func csv() throws {
        let read = try Self.csv(
            "# synthetic\n"
                + "case,rosh,factors,interv.factor_delivered[alcohol],note:rmp.sufficient,rmp.sufficent,colour\n"
                + "C-1,high,alcohol;accommodation,yes,\"Plan, \"\"late\"\"\",,blue\n"
                + "C-2,,[],,,,\n")
        #expect(read.diagnostics.map(\.code) == ["case.unknown-question", "csv.unknown-column"])
        #expect(read.diagnostics.map { $0.location?.column } == [72, 86])
        #expect(read.diagnostics.first?.message == "unknown question 'rmp.sufficent'; did you mean 'rmp.sufficient'?")
        let set = try CaseFixtures.miniSet()
        let factors = try #require(set.fact(named: "factors"))
        #expect(read.records.count == 2)
        #expect(read.records[0].facts[factors] == .set(0b101))
        #expect(read.records[0].notes[try #require(set.question(id: "rmp.sufficient"))] == "Plan, \"late\"")
        guard case .perElement(let answers)? = read.records[0].answers[try #require(set.question(id: "interv.factor_delivered"))] else {
            Issue.record("interv.factor_delivered should be read per element")
            return
        }
        #expect(answers.map(\.element) == [0])
        #expect(answers.map(\.value) == [.option(0)])
        #expect(answers.map(\.position.column) == [32])
        #expect(read.records[1].facts[factors] == .set(0))
        #expect(read.records[1].facts[try #require(set.fact(named: "rosh"))] == nil, "an empty cell is absent")
    }

    @Test("CSV syntax problems are located and the file is still read")
    func csvSyntax() throws {
        // The unclosed quote takes the rest of the file into one cell, which is then no RoSH level.
        let read = try Self.csv("case,rosh\nC-1,\"high\nC-2,low\n")
        let syntax = try #require(read.diagnostics.first { $0.code == "csv.syntax" })
        #expect(syntax.message == "this quoted cell is never closed: add a \" at its end")
        #expect(syntax.location?.line == 2)
        #expect(syntax.location?.column == 5)
        #expect(read.diagnostics.map(\.code).sorted() == ["case.fact-value", "csv.syntax"])
        #expect(read.records.map(\.id) == ["C-1"])
    }
}

/// Values typed straight from their bytes (``ValueTables``), as the event reader does for most values.
@Suite("Values read from their bytes")
struct ValueTablesTests {
    static func index(_ tables: ValueTables, _ form: ValueTables.Form, _ text: String) -> Int? {
        guard case .list(let list) = form else { return nil }
        return Array(text.utf8).withUnsafeBufferPointer { tables.index(in: list, of: $0) }
    }

    @Test("a domain value or an option is found by its exact bytes; any other spelling is left to String comparison")
    func exactBytes() throws {
        let set = try CaseFixtures.miniSet()
        let tables = ValueTables(CaseSchema(set))
        let rosh = try #require(set.fact(named: "rosh"))
        for (index, value) in set.facts[rosh].values.enumerated() {
            #expect(Self.index(tables, tables.facts[rosh], value) == index)
        }
        #expect(Self.index(tables, tables.facts[rosh], "HIGH") == nil)
        #expect(Self.index(tables, tables.facts[rosh], "") == nil)
        let question = try #require(set.question(id: "rosh.screening_sufficient"))
        #expect(Self.index(tables, tables.answers[question], "no") == 1)
        #expect(Self.index(tables, tables.answers[question], "No") == nil)
        // An option's bytes found in another list are not its value there.
        #expect(Self.index(tables, tables.facts[rosh], "no") == nil)
    }

    @Test("bools in any ASCII case, as the schema reads them")
    func bools() {
        let read = { (text: String) in Array(text.utf8).withUnsafeBufferPointer(ValueTables.bool) }
        #expect(read("YES") == true && read("True") == true && read("no") == false && read("FALSE") == false)
        #expect(read("y") == nil && read("yess") == nil && read("") == nil && read("ｙes") == nil)
    }

    @Test("a list with a value that is not ASCII is read the general way (U+212A KELVIN SIGN is K)")
    func nonASCIIListsAreLeftToStrings() throws {
        var set = try CaseFixtures.miniSet()
        let rosh = try #require(set.fact(named: "rosh"))
        set.facts[rosh].values.insert("\u{212A}", at: 0)
        let question = try #require(set.question(id: "rosh.screening_sufficient"))
        set.scales[set.questions[question].scale].options.append("caf\u{E9}")
        let tables = ValueTables(CaseSchema(set))
        guard case .general = tables.facts[rosh], case .general = tables.answers[question] else {
            Issue.record("lists with non-ASCII values must be read as Strings")
            return
        }
        // What the String comparison gives for `K`: the Kelvin sign, listed first.
        #expect(set.facts[rosh].index(of: "K") == 0)
    }
}
