// libFuzzer harness: a YAML case file read as the commands read it (from the parser's events, with
// the tree from an anchor or alias on), each case evaluated, linted and explained against the IAOW set.
@testable import CaseAudit
import YAMLKit
import FuzzDriver
import FuzzSupport

private let set = FuzzSet.iaow
private let schema = CaseSchema(set)
private let stream = CaseStream(schema: schema, inputs: [])
private let evaluator = Evaluator(set, runsChecks: true)
private let lint = CaseLint(set: set, requireComplete: true)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let source = SourceText(path: "fuzz.yaml", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    _ = stream.readYAML(source, range: .whole(source), report: { _ in }) { record in
        let evaluation = evaluator.evaluate(record)
        _ = evaluation.gaps(set)
        _ = lint.findings(evaluation)
        let question = record.id.utf8.count % set.questions.count
        _ = ExplanationText.render(Explanation(evaluation, question: question, set: set), set: set)
    }
    return 0
}

@_cdecl("fuzz_case_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv)
}
