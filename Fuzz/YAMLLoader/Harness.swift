// libFuzzer harness: the YAML loader on arbitrary bytes (positions, limits, errors).
import YAMLKit
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let stream = YAMLLoader.load(bytes: bytes, path: "fuzz.yaml")
    for error in stream.errors {
        _ = stream.source.excerpt(at: error.position)
    }
    var documents = 0
    _ = YAMLLoader.forEachDocument(in: stream.source) { _, _ in documents += 1 }
    precondition(documents == stream.documents.count, "streamed and loaded documents differ")
    return 0
}

@_cdecl("fuzz_yaml_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv)
}
