/// The kinds of item a criteria set declares, by the section that holds them.
public enum ItemKind: String, Sendable, CaseIterable, Comparable {
    case outcome, criterion, question, fact, predicate, scale, tag, check

    /// The top-level key of the section (`questions`, `facts`, …).
    public var section: String {
        switch self {
        case .outcome: return "outcomes"
        case .criterion: return "criteria"
        case .question: return "questions"
        case .fact: return "facts"
        case .predicate: return "predicates"
        case .scale: return "scales"
        case .tag: return "tags"
        case .check: return "checks"
        }
    }

    /// True for the sections written as a list of items with `id` (the others map names to definitions).
    public var isList: Bool { [.outcome, .criterion, .question, .check].contains(self) }

    public static func < (lhs: ItemKind, rhs: ItemKind) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// One item of a set, by kind and id.
public struct ItemRef: Sendable, Hashable, Comparable {
    public var kind: ItemKind
    public var id: String

    public init(_ kind: ItemKind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    public static func < (lhs: ItemRef, rhs: ItemRef) -> Bool { (lhs.kind, lhs.id) < (rhs.kind, rhs.id) }
}

/// What a derived set (`extends`) changed in its base, in the order written.
public struct Derivation: Sendable {
    /// The base set's id, version and title.
    public var base: String
    public var baseVersion: String
    public var baseTitle: String
    /// Removed items, including the criteria and questions a removed outcome or criterion took with it.
    public var removed: [ItemRef]
    /// Old id → new id, for items renamed by this set.
    public var renamed: [(kind: ItemKind, old: String, new: String)]
    /// Items whose keys were replaced, and which keys (by their current id).
    public var overridden: [(item: ItemRef, keys: [String])]
    /// Items the derived set adds.
    public var added: [ItemRef]

    /// How the derivation changed an item (by its current id), in words for outlines; nil when unchanged.
    public func mark(_ kind: ItemKind, _ id: String) -> String? {
        var marks: [String] = []
        if let rename = renamed.first(where: { $0.kind == kind && $0.new == id }) { marks.append("renamed from \(rename.old)") }
        if let override = overridden.first(where: { $0.item == ItemRef(kind, id) }) {
            marks.append("overridden: " + override.keys.joined(separator: ", "))
        }
        if added.contains(ItemRef(kind, id)) { marks.append("added") }
        return marks.isEmpty ? nil : marks.joined(separator: "; ")
    }
}

/// Ids a derived set (through its whole chain of bases) renamed or removed, which case files
/// written for a base may still use.
public struct RetiredIDs: Sendable {
    /// Old id → current id, per kind.
    public var renamed: [ItemKind: [String: String]] = [:]
    /// Removed ids, per kind.
    public var removed: [ItemKind: Set<String>] = [:]

    public init() {}

    /// The current id of a renamed item, or nil.
    public func newID(_ kind: ItemKind, _ old: String) -> String? { renamed[kind]?[old] }

    public func isRemoved(_ kind: ItemKind, _ id: String) -> Bool { removed[kind]?.contains(id) ?? false }

    /// A lookup table with each renamed id also pointing where its new id points.
    func aliased<Value>(_ table: [String: Value], kind: ItemKind) -> [String: Value] {
        var table = table
        for (old, new) in renamed[kind] ?? [:] where table[old] == nil {
            if let value = table[new] { table[old] = value }
        }
        return table
    }

    /// This set's renames and removals after its base's: a base rename whose target is renamed
    /// again follows it; one whose target is removed becomes a removal.
    mutating func follow(renames: [(kind: ItemKind, old: String, new: String)], removed newlyRemoved: [ItemRef]) {
        for ref in newlyRemoved { removed[ref.kind, default: []].insert(ref.id) }
        for (kind, table) in renamed {
            for (old, current) in table {
                if let next = renames.first(where: { $0.kind == kind && $0.old == current }) {
                    renamed[kind]?[old] = next.new
                } else if removed[kind]?.contains(current) ?? false {
                    renamed[kind]?[old] = nil
                    removed[kind, default: []].insert(old)
                }
            }
        }
        for rename in renames { renamed[rename.kind, default: [:]][rename.old] = rename.new }
    }
}

/// Every item of a resolved set as written (after `extends`): its keys and their values in words,
/// so two sets can be compared key by key, whatever keys a section has.
public struct RuleDefinitions: Sendable {
    public struct Item: Sendable {
        public var id: String
        /// Keys in the order written (overrides last), values as flow YAML.
        public var keys: [(key: String, value: String)]

        public func value(_ key: String) -> String? { keys.first { $0.key == key }?.value }
    }

    /// Items per kind, in set order.
    public var items: [ItemKind: [Item]]
    /// The top-level keys other than the sections (id, title, version, source, effective, holidays).
    public var identity: [(key: String, value: String)]
    /// The `scoring` mapping's keys.
    public var scoring: [(key: String, value: String)]
}
