// libFuzzer harness: the CSV case reader (and evaluation of what it reads) on arbitrary bytes.
@testable import CaseAudit
import YAMLKit
import FuzzDriver
import FuzzSupport

private let set = FuzzSet.iaow
private let schema = CaseSchema(set)
private let evaluator = Evaluator(set, runsChecks: true)
private let formatter = DiagnosticFormatter()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let source = SourceText(path: "fuzz.csv", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    CSVCaseReader(schema: schema).read(source, report: { _ = formatter.format($0) }) { record in
        _ = evaluator.evaluate(record).gaps(set)
    }
    return 0
}

@_cdecl("fuzz_csv_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv)
}
