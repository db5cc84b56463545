// The entry point of every harness: hands the command line to libFuzzer's driver.
//
// SwiftPM links an executable target with its entry point renamed to `<target>_main`, so each
// harness defines that name (with @_cdecl) and calls `FuzzDriver.run`, which runs libFuzzer on the
// harness's `LLVMFuzzerTestOneInput`.

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@_silgen_name("LLVMFuzzerTestOneInput")
private func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32

public enum FuzzDriver {
    public static func run(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
        var count = argc
        var arguments = argv
        return runDriver(&count, &arguments) { data, size in testOneInput(data, size) }
    }
}
