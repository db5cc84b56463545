// libFuzzer harness: the criteria-set loader on an arbitrary rule file; a set that loads is then
// linted and used to evaluate an empty case.
@testable import CaseAudit
import YAMLKit
import FuzzDriver
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let file = RuleFile(path: "fuzz.yaml", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    let result = CriteriaSetLoader.load(files: [file])
    _ = DiagnosticFormatter().format(result.diagnostics)
    guard let set = result.set else { return 0 }
    _ = RulesLint.warnings(set)
    let record = CaseRecord(
        id: "F-1", facts: Array(repeating: nil, count: set.facts.count), answers: AnswerTable(count: set.questions.count),
        source: SourceText(path: "fuzz-case.yaml", bytes: []), positions: CasePositions(record: .start))
    _ = Evaluator(set, runsChecks: true).evaluate(record).gaps(set)
    return 0
}

@_cdecl("fuzz_rules_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv)
}
