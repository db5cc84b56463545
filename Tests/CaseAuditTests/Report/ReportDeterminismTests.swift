import Testing
@testable import CaseAudit

/// Same input and options, same bytes; nothing in the report comes from the clock.
@Suite("The report is deterministic")
struct ReportDeterminismTests {
    @Test("two runs give byte-identical output", arguments: [ReportOptions.Format.html, .markdown])
    func identical(format: ReportOptions.Format) throws {
        let (set, stream) = try ReportFixtures.york()
        let options = try ReportFixtures.options(set, format: format, by: ["gender", "requirements"], gapsBy: "offender_manager", includeNotes: true)
        let first = try ReportFixtures.render(stream, options).text
        let second = try ReportFixtures.render(stream, options).text
        #expect(first.utf8.count > 100_000)
        #expect(Array(first.utf8) == Array(second.utf8))
    }

    @Test("a date only when given, as written by --date")
    func date() throws {
        let (set, stream) = try ReportFixtures.worked()
        let undated = try ReportFixtures.render(stream, ReportFixtures.options(set)).text
        #expect(!undated.contains("<time"))
        #expect(!undated.contains("<dt>Date</dt>"))
        let day = try #require(Day(iso: "2014-02-01"))
        let dated = try ReportFixtures.render(stream, ReportFixtures.options(set, date: day)).text
        #expect(dated.contains("<dt>Date</dt><dd><time datetime=\"2014-02-01\">1 February 2014</time></dd>"))
        let markdown = try ReportFixtures.render(stream, ReportFixtures.options(set, format: .markdown, date: day)).text
        #expect(markdown.contains("- Date: 1 February 2014\n"))
        #expect(!(try ReportFixtures.render(stream, ReportFixtures.options(set, format: .markdown)).text.contains("- Date:")))
    }

    @Test("the title and the stamp: set id, version, full hash, sample size")
    func stamp() throws {
        let (set, stream) = try ReportFixtures.worked()
        let text = try ReportFixtures.render(stream, ReportFixtures.options(set, title: "Audit <OM-A> & co")).text
        #expect(text.contains("<h1>Audit &lt;OM-A&gt; &amp; co</h1>"))
        #expect(text.contains("<code>mini</code> version 1.0"))
        #expect(text.contains(set.contentHash) && set.contentHash.count == 64)
        #expect(text.contains("<span data-field=\"cases\">5</span> cases from 1 file"))
    }
}
