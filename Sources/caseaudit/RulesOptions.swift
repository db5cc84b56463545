import ArgumentParser

/// `--rules PATH`: swaps the embedded default criteria set for another, on every command.
struct RulesOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A criteria set (a YAML file or a directory of them) to use instead of the embedded IAOW 2013 set.", valueName: "path"))
    var rules: String?
}
