// libFuzzer harness: the expression compiler and evaluator on arbitrary text, against the IAOW
// set's facts, predicates, scales and questions, evaluated on an empty case and a full one.
@testable import CaseAudit
import FuzzDriver
import FuzzSupport

private let set = FuzzSet.iaow
private let schema = ExpressionCompiler.Schema(
    facts: set.facts,
    factIndex: Dictionary(set.facts.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first }),
    predicates: Dictionary(set.predicates.map { ($0.name, $0.expression) }, uniquingKeysWith: { first, _ in first }),
    scales: set.scales,
    questions: Dictionary(set.questions.enumerated().map { ($1.id, (index: $0, scale: $1.scale, perElement: $1.forEach != nil)) },
                          uniquingKeysWith: { first, _ in first }),
    workingDays: WorkingDays(holidays: set.holidays))
private let cases = [
    CaseValues(facts: Array(repeating: nil, count: set.facts.count), answers: Array(repeating: .absent, count: set.questions.count)),
    CaseValues(facts: set.facts.enumerated().map { index, fact in FuzzSet.sampleValue(fact, index) },
               answers: set.questions.indices.map { $0 % 3 == 0 ? .unknown : .option(0) }),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var compiler = ExpressionCompiler(schema: schema)
    if let condition = try? compiler.condition(text) {
        for values in cases { _ = condition.evaluate(values) }
    }
    if let computation = try? compiler.computation(text, scale: 0) {
        for values in cases { _ = computation.evaluate(values) }
    }
    return 0
}

@_cdecl("fuzz_expression_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv)
}
