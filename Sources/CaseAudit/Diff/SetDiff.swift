/// A value of one key of an item, before and after (nil: not set).
public struct PropertyChange: Sendable {
    public var key: String
    public var old: String?
    public var new: String?
}

/// An item added, removed, renamed or changed between two criteria sets.
public struct ItemChange: Sendable {
    public enum Change: String, Sendable {
        case added, removed, renamed, changed
    }

    public var kind: ItemKind
    public var change: Change
    /// The item's id in the old set (nil when added) and in the new (nil when removed).
    public var oldID: String?
    public var newID: String?
    /// For a kept or renamed item: each key whose value differs.
    public var properties: [PropertyChange]
}

/// The structure of two criteria sets compared: identity, items of every kind, and scoring.
/// Items are matched by id, and through the renames of either set (a derived set's `renames`).
public struct SetDiff: Sendable {
    public struct Identity: Sendable {
        public var id: String
        public var version: String
        public var title: String
        public var contentHash: String

        init(_ set: CriteriaSet) {
            id = set.id
            version = set.version
            title = set.title
            contentHash = set.contentHash
        }
    }

    public var old: Identity
    public var new: Identity
    /// Top-level keys (title, source, effective, holidays, …) that differ.
    public var identity: [PropertyChange]
    /// By kind (outcomes, criteria, questions, facts, predicates, scales, checks), then removed,
    /// renamed, changed and added, each in set order.
    public var items: [ItemChange]
    /// `scoring` keys that differ (every key the sets write, so new rating keys are covered).
    public var scoring: [PropertyChange]

    /// True when the two sets differ in anything but identity.
    public var hasChanges: Bool { !items.isEmpty || !scoring.isEmpty || !identity.isEmpty }

    /// Compares two sets.
    public init(old: CriteriaSet, new: CriteriaSet) {
        self.old = Identity(old)
        self.new = Identity(new)
        let matcher = IDMatcher(old: old, new: new)
        identity = Self.compare(old.definitions.identity, new.definitions.identity).filter { !["id", "version"].contains($0.key) }
        scoring = Self.compare(old.definitions.scoring, new.definitions.scoring)
        var items: [ItemChange] = []
        for kind in ItemKind.allCases {
            let oldItems = old.definitions.items[kind] ?? []
            let newItems = new.definitions.items[kind] ?? []
            var removed: [ItemChange] = []
            var renamed: [ItemChange] = []
            var changed: [ItemChange] = []
            var matched: Set<String> = []
            for item in oldItems {
                guard let newID = matcher.newID(kind, item.id), let counterpart = newItems.first(where: { $0.id == newID }) else {
                    removed.append(ItemChange(kind: kind, change: .removed, oldID: item.id, newID: nil, properties: []))
                    continue
                }
                matched.insert(newID)
                let properties = Self.compare(
                    matcher.normalised(item.keys, kind: kind, in: old), matcher.normalised(counterpart.keys, kind: kind, in: new, isNew: true))
                if newID != item.id {
                    renamed.append(ItemChange(kind: kind, change: .renamed, oldID: item.id, newID: newID, properties: properties))
                } else if !properties.isEmpty {
                    changed.append(ItemChange(kind: kind, change: .changed, oldID: item.id, newID: newID, properties: properties))
                }
            }
            let added = newItems.filter { !matched.contains($0.id) }.map {
                ItemChange(kind: kind, change: .added, oldID: nil, newID: $0.id, properties: [])
            }
            items += removed + renamed + changed + added
        }
        self.items = items
    }

    /// Keys whose values differ, in the old order then the new keys.
    static func compare(_ old: [(key: String, value: String)], _ new: [(key: String, value: String)]) -> [PropertyChange] {
        var keys = old.map(\.key)
        for key in new.map(\.key) where !keys.contains(key) { keys.append(key) }
        return keys.compactMap { key in
            let before = old.first { $0.key == key }?.value
            let after = new.first { $0.key == key }?.value
            return before == after ? nil : PropertyChange(key: key, old: before, new: after)
        }
    }
}

/// Finds an old set's item in a new set: by id, or through either set's renames.
struct IDMatcher {
    let old: CriteriaSet
    let new: CriteriaSet
    private let newIDs: [ItemKind: Set<String>]
    private let oldIDs: [ItemKind: Set<String>]

    init(old: CriteriaSet, new: CriteriaSet) {
        self.old = old
        self.new = new
        newIDs = (new.definitions.items).mapValues { Set($0.map(\.id)) }
        oldIDs = (old.definitions.items).mapValues { Set($0.map(\.id)) }
    }

    /// The new set's id of an old set's item, or nil when it has none.
    func newID(_ kind: ItemKind, _ id: String) -> String? {
        let ids = newIDs[kind] ?? []
        if ids.contains(id) { return id }
        if let renamed = new.retired.newID(kind, id), ids.contains(renamed) { return renamed }
        // The old set is the derived one: it renamed a new-set id.
        return (old.retired.renamed[kind] ?? [:]).first { $0.value == id && ids.contains($0.key) }?.key
    }

    /// Keys as compared: a reference to another item by the new set's id (so a renamed criterion
    /// is not a change of every question in it), a scale with its sufficient options, defaults written out.
    func normalised(_ keys: [(key: String, value: String)], kind itemKind: ItemKind, in set: CriteriaSet, isNew: Bool = false) -> [(key: String, value: String)] {
        var keys = keys
        if itemKind == .question, !keys.contains(where: { $0.key == "scored" }) { keys.append(("scored", "true")) }
        return keys.map { pair in
            let kinds: [String: ItemKind] = ["criterion": .criterion, "outcome": .outcome, "scale": .scale, "for_each": .fact]
            guard let kind = kinds[pair.key] else { return pair }
            var value = isNew ? pair.value : (newID(kind, pair.value) ?? pair.value)
            if isNew, let renamed = set.retired.newID(kind, value) { value = renamed }
            if kind == .scale, let scale = set.definitions.items[.scale]?.first(where: { $0.id == pair.value || set.retired.newID(.scale, pair.value) == $0.id }) {
                value += " (sufficient: \(scale.value("sufficient") ?? "[]"))"
            }
            return (pair.key, value)
        }
    }
}
