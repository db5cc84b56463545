import Foundation
import Testing

/// The commands as the executable has them, against what the README and the shell completion
/// scripts say.
@Suite("Command documentation")
struct CommandDocTests {
    /// The subcommand names a `--help` lists.
    static func subcommands(_ arguments: [String]) throws -> [String] {
        let help = try Executable.run(arguments + ["--help"]).output
        let section = try #require(help.split(separator: "SUBCOMMANDS:").last)
        return section.split(separator: "\n").compactMap { line in
            line.firstMatch(of: /^  ([a-z]+) {2,}/).map { String($0.output.1) }
        }
    }

    @Test("The README's command list has a line for every command and every rules subcommand")
    func readmeCommands() throws {
        let readme = try String(contentsOf: CaseFixtures.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = Set(readme.split(separator: "\n").map(String.init))
        let commands = try Self.subcommands([])
        #expect(commands.contains("convert") && commands.contains("rules"))
        for command in commands where command != "rules" {
            #expect(lines.contains { $0.hasPrefix("caseaudit \(command) ") }, "README.md lists no 'caseaudit \(command)'")
        }
        for command in try Self.subcommands(["rules"]) {
            #expect(lines.contains { $0.hasPrefix("caseaudit rules \(command) ") }, "README.md lists no 'caseaudit rules \(command)'")
        }
    }

    @Test("Completion scripts: --rules and --by call back into caseaudit, directory arguments complete directories")
    func completionScripts() throws {
        let bash = try Executable.run(["--generate-completion-script", "bash"]).output
        let zsh = try Executable.run(["--generate-completion-script", "zsh"]).output
        for script in [bash, zsh] {
            for call in ["---completion score -- --rules", "---completion score -- --by", "---completion gaps -- --by",
                         "---completion report -- --by", "---completion report -- --gaps-by", "---completion report -- --profile",
                         "---completion rules diff -- positional@0", "---completion lint -- --rules"] {
                #expect(script.contains(call), "\(call)")
            }
        }
        // serve's CASE_DIR: directories only (bash compgen -d, zsh _files -/).
        let serveBash = try #require(bash.firstRange(of: "_caseaudit_serve()").map { String(bash[$0.lowerBound...].prefix(1200)) })
        #expect(serveBash.contains("__caseaudit_add_completions -d\n"))
        #expect(zsh.contains("'*:arguments:_files -/'"))
    }

    @Test("What the callbacks complete: fact names of the default set or of --rules, embedded sets and YAML paths")
    func completionValues() throws {
        func complete(_ arguments: [String], _ words: [String], in directory: URL? = nil) throws -> [String] {
            let run = try Executable.run(["---completion"] + arguments + ["\(words.count - 1)", "\(words.last?.count ?? 0)"] + words, in: directory)
            return run.output.split(separator: "\n").map(String.init)
        }
        #expect(try complete(["score", "--", "--by"], ["caseaudit", "score", "--by", "offender_m"]) == ["offender_manager"])
        // After a comma the last name is completed, the ones before kept.
        #expect(try complete(["gaps", "--", "--by"], ["caseaudit", "gaps", "--by", "gender,case_t"]) == ["gender,case_type"])
        // With --rules on the line, that set's facts: mini has 'age', the default set 'age_band'.
        let mini = try CaseFixtures.path("rules/mini.yaml")
        #expect(try complete(["report", "--", "--gaps-by"], ["caseaudit", "report", "--rules", mini, "--gaps-by", "ag"]) == ["age"])
        #expect(try complete(["report", "--", "--gaps-by"], ["caseaudit", "report", "--gaps-by", "ag"]) == ["age_band"])
        // --rules: the embedded sets' names, then directories and YAML files (hidden ones and other files left out).
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sets"), withIntermediateDirectories: true)
        for name in ["trust.yaml", "notes.txt", ".hidden.yaml", "sets/local.yml"] {
            try Data("x".utf8).write(to: directory.appendingPathComponent(name))
        }
        #expect(try complete(["score", "--", "--rules"], ["caseaudit", "score", "--rules", ""], in: directory)
                == ["hmip-2018", "iaow-2013", "sets/", "trust.yaml"])
        #expect(try complete(["score", "--", "--rules"], ["caseaudit", "score", "--rules", "sets/"], in: directory) == ["sets/local.yml"])
        #expect(try complete(["score", "--", "--rules"], ["caseaudit", "score", "--rules", "hm"], in: directory) == ["hmip-2018"])
    }
}
