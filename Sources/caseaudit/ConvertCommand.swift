import ArgumentParser
import CaseAudit
import CaseAuditCLI

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Rewrite case files as CSV or YAML, keeping everything they record.",
        discussion: """
            Facts, answers, per-element answers, notes and the assessor are all kept: converted and converted \
            back, the cases score and lint the same. With -o DIR, one file per input (its name, the new extension); \
            with -o FILE or no -o, all cases in one output.
            """)

    @OptionGroup var cases: CaseOptions

    @Option(help: "The format to write.")
    var to: CaseFormat

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write to this file, or into this directory one file per input (an existing directory, or a path ending in '/').",
        valueName: "file-or-dir"), completion: .file())
    var output: String?

    func run() throws {
        let stream = try cases.open()
        let format = to
        let directory = output.flatMap { Self.isDirectory($0) ? $0 : nil }
        if let directory, mkdir(directory, 0o755) != 0, errno != EEXIST {
            Output.diagnostics([Diagnostic(.error, code: "output.unwritable", "cannot create '\(directory)': \(String(cString: strerror(errno)).lowercased())", at: nil)])
            throw ExitStatus.usageOrInput.exit
        }
        let targets = directory.map { directory in stream.inputs.map { Self.target($0, in: directory, format) } }
        try refuseOverwriting(stream.inputs, targets ?? output.map { [$0] } ?? [])
        let printer = cases.limit.printer()
        let result = ConvertRun.run(stream, to: format, perInput: directory != nil, report: printer.print)
        printer.finish()
        for (input, text) in result.outputs {
            let options = OutputOptions(path: targets?[input] ?? output)
            let sink = try options.open(inputs: cases.inputFiles(stream))
            sink.write(text)
            try options.finish(sink)
        }
        let status = CaseOptions.status(result.read)
        if status != .success { throw status.exit }
    }

    private static func isDirectory(_ path: String) -> Bool {
        if path.hasSuffix("/") { return true }
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// `DIR/name.ext` for an input `…/name.yaml` (standard input: `stdin.ext`).
    private static func target(_ input: CaseInput, in directory: String, _ format: CaseFormat) -> String {
        var name = "stdin"
        if case .file(let path) = input {
            name = String(path.split(separator: "/").last ?? "cases")
            if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        }
        return (directory.hasSuffix("/") ? directory : directory + "/") + name + "." + format.fileExtension
    }

    /// Exits 2 when an output would overwrite an input, or two inputs would write the same file.
    private func refuseOverwriting(_ inputs: [CaseInput], _ targets: [String]) throws {
        let inputPaths = Set(inputs.compactMap { input -> String? in
            if case .file(let path) = input { return Self.resolved(path) }
            return nil
        })
        var seen: Set<String> = []
        for target in targets {
            let resolved = Self.resolved(target)
            if inputPaths.contains(resolved) {
                throw ValidationError("-o would write '\(target)', which is one of the inputs; case files are never written over")
            }
            if !seen.insert(resolved).inserted {
                throw ValidationError("two inputs would both be written to '\(target)'; convert them into separate directories")
            }
        }
    }

    /// The path with links and `..` resolved (its directory's, for a file that does not exist yet).
    private static func resolved(_ path: String) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard let real = realpath(directory.isEmpty ? "/" : directory, nil) else { return path }
        defer { free(real) }
        return String(cString: real) + "/" + name
    }
}
