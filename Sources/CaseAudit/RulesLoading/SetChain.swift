/// A criteria set's rule files with those of every base in its chain of `extends` (the set first,
/// then its base, the base's base, …), each with where it was read from. Loaded again, the chain
/// resolves `extends` among its own files only, so the set loads as it was read even after a base
/// (on disk, or embedded in the binary) has changed or gone.
public struct SetChain: Sendable {
    /// One set of the chain: where it was read from, and its files as read.
    public struct Member: Sendable {
        public var origin: SetOrigin
        public var files: [RuleFile]

        public init(origin: SetOrigin, files: [RuleFile]) {
            self.origin = origin
            self.files = files
        }
    }

    /// The set itself first, then each base in turn.
    public var members: [Member]

    public init(members: [Member]) {
        self.members = members
    }

    /// Loads the set from the chain's files alone; a base that is not among them is
    /// `rules.unknown-base`.
    public func load() -> CriteriaSetLoader.Result {
        guard let set = members.first else { return CriteriaSetLoader.load(files: []) }
        return CriteriaSetLoader.load(files: set.files, origin: set.origin, bases: Array(members.dropFirst()))
    }
}
