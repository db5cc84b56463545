#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which criteria set each case input is read by: the set `--rules` names when it is given, else
/// the one named by the nearest `caseaudit.yaml` in the input's directory or above it, else the
/// embedded default. Standard input looks from the working directory.
public struct SetChoice: Sendable {
    /// One criteria set and the inputs read by it, in input order.
    public struct Group: Sendable {
        /// The set, as `CriteriaSetSource.load(path:)` takes it (nil: the embedded default).
        public var rules: String?
        /// The settings file that named it, if one did.
        public var settings: String?
        public var inputs: [CaseInput]

        /// How messages name the set: "hmip-2018 (from examples/hmip-2018/caseaudit.yaml)".
        public var words: String {
            let name = rules ?? DefaultCriteriaSet.name
            return settings.map { "\(name) (from \($0))" } ?? name
        }
    }

    /// The groups, in the order their first input comes.
    public var groups: [Group] = []
    /// Problems in settings files; the inputs under a settings file with errors are in no group.
    public var diagnostics: [Diagnostic] = []
    /// Every settings file read, to keep outputs off them.
    public var settingsFiles: [String] = []

    /// Groups `inputs` by their set. `rules` (from `--rules`) puts them all in one group unread.
    public static func choose(for inputs: [CaseInput], rules: String?) -> SetChoice {
        var choice = SetChoice()
        if let rules {
            choice.groups = [Group(rules: rules, settings: nil, inputs: inputs)]
            return choice
        }
        var finder = SettingsFinder()
        var indexByIdentity: [String: Int] = [:]
        for input in inputs {
            guard let found = finder.settings(for: input) else { continue }
            let identity = Self.origin(found.rules).identity
            if let index = indexByIdentity[identity] {
                choice.groups[index].inputs.append(input)
            } else {
                indexByIdentity[identity] = choice.groups.count
                choice.groups.append(Group(found, inputs: [input]))
            }
        }
        choice.diagnostics = finder.diagnostics
        choice.settingsFiles = finder.read
        return choice
    }

    /// The set for the case files kept in `directory` (`caseaudit serve`'s): `rules` when given,
    /// else the nearest settings file's, else the embedded default. No group when the settings are broken.
    public static func choose(forDirectory directory: String, rules: String?) -> SetChoice {
        var choice = SetChoice()
        guard rules == nil else {
            choice.groups = [Group(rules: rules, settings: nil, inputs: [])]
            return choice
        }
        var finder = SettingsFinder()
        if let found = finder.settings(forDirectory: directory) {
            choice.groups = [Group(found, inputs: [])]
        }
        choice.diagnostics = finder.diagnostics
        choice.settingsFiles = finder.read
        return choice
    }

    /// The one group a command that scores together needs; an `input.mixed-sets` error when the
    /// inputs are for different sets. No inputs: the embedded default.
    public func single() -> Result<Group, Diagnostic> {
        guard groups.count > 1 else { return .success(groups.first ?? Group(rules: nil, settings: nil, inputs: [])) }
        let listed = groups.map { group in "\(group.inputs.first?.path ?? "") and \(counted(group.inputs.count - 1, "other file")) for \(group.words)" }
        return .failure(Diagnostic(
            .error, code: "input.mixed-sets",
            "these case files are answered against different criteria sets: \(listed.joined(separator: "; ")); read each set's files in a run of their own, or give --rules",
            at: nil))
    }

    static func origin(_ rules: String?) -> SetOrigin {
        guard let rules else { return .embedded(DefaultCriteriaSet.name) }
        if EmbeddedCriteriaSets.isEmbedded(rules) { return .embedded(rules) }
        return .disk(rules)
    }
}

/// Finds the nearest `caseaudit.yaml` above each input, reading each settings file once.
private struct SettingsFinder {
    /// Per directory (absolute, resolved): the settings in force there, or nil when they are broken.
    private var cache: [String: CaseSettings?] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var read: [String] = []
    private let workingDirectory: String = {
        guard let path = getcwd(nil, 0) else { return "." }
        defer { free(path) }
        return String(cString: path)
    }()

    /// The settings for an input (`rules` nil when none names a set); nil when its settings file is broken.
    mutating func settings(for input: CaseInput) -> CaseSettings? {
        let directory: String
        switch input {
        case .standardInput: directory = workingDirectory
        case .file(let path): directory = Self.resolved(CriteriaSetLoader.directory(of: path)) ?? workingDirectory
        }
        return settings(in: directory)
    }

    /// The settings in force for files kept in `directory`; nil when they are broken.
    mutating func settings(forDirectory directory: String) -> CaseSettings? {
        settings(in: Self.resolved(directory) ?? workingDirectory)
    }

    /// Walks up from `directory` to the first directory with a settings file (or to the root), and
    /// remembers the answer for every directory passed.
    private mutating func settings(in directory: String) -> CaseSettings? {
        var passed: [String] = []
        var current = directory
        var found: CaseSettings?
        while true {
            if let cached = cache[current] {
                found = cached
                break
            }
            passed.append(current)
            let candidate = (current == "/" ? "" : current) + "/" + CaseSettings.fileName
            var info = stat()
            if stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                let shown = displayed(candidate)
                let loaded = CaseSettings.read(path: shown)
                read.append(shown)
                diagnostics += loaded.diagnostics
                found = loaded.settings
                break
            }
            if current == "/" || !current.hasPrefix("/") {
                found = CaseSettings(path: "", rules: nil)
                break
            }
            let parent = CriteriaSetLoader.directory(of: current)
            current = parent.count > 1 ? String(parent.dropLast()) : "/"
        }
        for directory in passed { cache[directory] = .some(found) }
        return found
    }

    /// A path under the working directory is shown relative to it, as the user wrote their inputs.
    private func displayed(_ path: String) -> String {
        let prefix = workingDirectory == "/" ? "/" : workingDirectory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The absolute form of a directory ("" is the working directory), links resolved.
    private static func resolved(_ directory: String) -> String? {
        guard let real = realpath(directory.isEmpty ? "." : directory, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }
}

extension SetChoice.Group {
    /// The set a settings file names (the embedded default when it names none), for `inputs`.
    init(_ settings: CaseSettings, inputs: [CaseInput]) {
        self.init(rules: settings.rules, settings: settings.rules == nil ? nil : settings.path, inputs: inputs)
    }
}
