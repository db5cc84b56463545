import YAMLKit

/// A derived set (`extends`): its base is read first, then `remove`, `renames` and `override`
/// change the base's items, and the derived set's own items are added. Every diagnostic points at
/// the file that is wrong: the derived set's for what it says, the base's for what the base says.
extension CriteriaSetLoader {
    /// Longest chain of `extends` (a set, its base, the base's base, …).
    static let maximumExtendsDepth = 8

    /// The keys only a derived set has.
    static let derivationKeys: Set<String> = ["extends", "remove", "renames", "override"]

    /// Where `extends` finds a base's files, and the bases read so far (in chain order).
    struct BaseSets {
        /// A stored chain's bases, the only ones looked in; nil: the embedded sets and the disk.
        var stored: [SetChain.Member]?
        var read: [SetChain.Member] = []
    }

    // MARK: - The base

    /// Reads the base `extends` names into a loader of its own (resolving its own base in turn), or
    /// nil after a diagnostic. The base's diagnostics are moved into this loader's.
    mutating func resolveBase(_ extends: Located, origin: SetOrigin, chain: [SetOrigin]) -> CriteriaSetLoader? {
        guard let reference = extends.node.scalar, !extends.node.isNull, !reference.isEmpty else {
            sink.error("rules.wrong-type", "'extends' must name a set: an embedded set's name or a path", at: extends.node, in: extends.source)
            return nil
        }
        let target: SetOrigin
        if EmbeddedCriteriaSets.isName(reference) {
            target = .embedded(reference)
        } else {
            if case .embedded(let name) = origin {
                sink.error("rules.unknown-base", "the embedded set '\(name)' can extend only an embedded set, by name", at: extends.node, in: extends.source)
                return nil
            }
            let relative = reference.hasPrefix("./") ? String(reference.dropFirst(2)) : reference
            target = .disk(reference.hasPrefix("/") ? reference : Self.directory(of: extends.source.path) + relative)
        }
        guard let files = readBase(target, reference: reference, extends: extends) else { return nil }
        // A stored chain's paths are compared as written: they may name other files now, or none.
        let asWritten = bases.stored != nil
        func identity(_ origin: SetOrigin) -> String { asWritten ? origin.text : origin.identity }
        if let start = chain.firstIndex(where: { identity($0) == identity(target) }) {
            let cycle = (chain[start...].map(\.words) + [target.words]).joined(separator: " → ")
            sink.error("rules.extends-cycle", "sets extend each other in a cycle: \(cycle)", at: extends.node, in: extends.source)
            return nil
        }
        if chain.count >= Self.maximumExtendsDepth {
            sink.error(
                "rules.extends-too-deep",
                "a chain of 'extends' may be at most \(Self.maximumExtendsDepth) sets long: \(chain.map(\.words).joined(separator: " → ")) → …",
                at: extends.node, in: extends.source)
            return nil
        }
        bases.read.append(SetChain.Member(origin: target, files: files))
        var base = CriteriaSetLoader()
        base.bases = bases
        let collected = base.collect(files, origin: target, chain: chain)
        bases = base.bases
        sink.append(contentsOf: base.sink.diagnostics)
        guard collected != nil, !base.sink.hasErrors else { return nil }
        base.sink = DiagnosticSink()
        return base
    }

    /// A base's files: from the stored chain when loading one, else embedded in the binary or read
    /// from disk; nil after a diagnostic.
    private mutating func readBase(_ target: SetOrigin, reference: String, extends: Located) -> [RuleFile]? {
        if let stored = bases.stored {
            if let member = stored.first(where: { $0.origin == target }) { return member.files }
            sink.error("rules.unknown-base", "the base set '\(reference)' is not among the stored sets' files", at: extends.node, in: extends.source)
            return nil
        }
        switch target {
        case .embedded(let name):
            if let files = EmbeddedCriteriaSets.files(named: name) { return files }
            let suggestion = Suggestions.closest(to: name, in: EmbeddedCriteriaSets.names)
            sink.error(
                "rules.unknown-base",
                "'\(name)' is not an embedded criteria set" + Suggestions.didYouMean(suggestion)
                    + " (embedded: \(EmbeddedCriteriaSets.names.joined(separator: ", ")); write a path with a '/', e.g. './\(name)')",
                at: extends.node, in: extends.source, fixIt: suggestion)
            return nil
        case .disk(let path):
            switch RuleFiles.read(path: path) {
            case .success(let files): return files
            case .failure(let problem):
                sink.error("rules.unknown-base", "cannot read the base set '\(reference)': \(problem.message)", at: extends.node, in: extends.source)
                return nil
            }
        }
    }

    /// The directory part of a path, with its trailing '/' ("" for a bare file name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    // MARK: - Applying the derivation

    /// Replaces the collections with the base's, changed as this set says, plus this set's own items.
    mutating func derive(from base: CriteriaSetLoader, extends: Located) {
        let ownSingles = singles
        let ownEntries = mappingEntries
        let ownItems = listItems
        let baseID = base.singles["id"]?.node.scalar ?? ""
        for key in ["id", "version"] where ownSingles[key] == nil {
            sink.error("rules.missing-key", "a derived set needs its own '\(key)'", at: extends.node, in: extends.source)
        }
        if let id = ownSingles["id"], id.node.scalar == baseID {
            sink.error("rules.derived-id", "a derived set needs an id of its own; '\(baseID)' is its base's", at: id.node, in: id.source)
        }
        mappingEntries = base.mappingEntries
        listItems = base.listItems
        retired = base.retired

        let removed = applyRemovals(base: baseID)
        let renames = applyRenames(base: baseID)
        let overridden = applyOverrides(base: baseID)

        var added: [ItemRef] = []
        for kind in ItemKind.allCases {
            if kind.isList {
                for item in ownItems[kind.section] ?? [] {
                    if let id = item.node["id"]?.scalar { added.append(ItemRef(kind, id)) }
                    listItems[kind.section, default: []].append(item)
                }
            } else {
                for entry in ownEntries[kind.section] ?? [] {
                    if let id = entry.key.scalar { added.append(ItemRef(kind, id)) }
                    mappingEntries[kind.section, default: []].append(entry)
                }
            }
        }
        reportRemovedReferences(removed)

        // Identity and scoring: the derived set's own, else the base's; scoring key by key.
        var resolved = base.singles.filter { !Self.derivationKeys.contains($0.key) }
        for (key, located) in ownSingles where !Self.derivationKeys.contains(key) {
            if key == "scoring", var scoring = resolved["scoring"], let pairs = located.node.mapping {
                scoring.overrides += pairs.map { SourcedPair(pair: $0, source: located.source) }
                resolved[key] = scoring
            } else {
                resolved[key] = located
            }
        }
        singles = resolved

        retired.follow(renames: renames, removed: removed.map(\.ref))
        derivation = Derivation(
            base: baseID, baseVersion: base.singles["version"]?.node.scalar ?? "", baseTitle: base.singles["title"]?.node.scalar ?? "",
            removed: removed.map(\.ref), renamed: renames, overridden: overridden, added: added)
    }

    /// The current ids of a kind.
    private func ids(_ kind: ItemKind) -> [String] {
        kind.isList
            ? (listItems[kind.section] ?? []).compactMap { $0.node["id"]?.scalar }
            : (mappingEntries[kind.section] ?? []).compactMap(\.key.scalar)
    }

    /// The one kind of item an id names in the base, or nil after a diagnostic (unknown, with a
    /// did-you-mean; or ambiguous).
    private mutating func kind(of node: Node, in source: SourceText, base: String, what: String) -> ItemKind? {
        guard let id = node.scalar, !node.isNull else {
            sink.error("rules.wrong-type", "\(what) must be an id", at: node, in: source)
            return nil
        }
        let kinds = ItemKind.allCases.filter { ids($0).contains(id) }
        if kinds.count == 1 { return kinds[0] }
        if kinds.isEmpty {
            let suggestion = Suggestions.closest(to: id, in: ItemKind.allCases.flatMap { ids($0) })
            sink.error("rules.unknown-id", "'\(id)' is not an id in the base set '\(base)'" + Suggestions.didYouMean(suggestion), at: node, in: source, fixIt: suggestion)
        } else {
            sink.error("rules.ambiguous-id", "'\(id)' names more than one item of the base set: a \(kinds.map(\.rawValue).joined(separator: " and a "))", at: node, in: source)
        }
        return nil
    }

    /// A removal: what it removes, and the `remove` entry that asked for it.
    struct Removal {
        var ref: ItemRef
        var node: Node
        var source: SourceText
    }

    /// `remove`: drops the items named, with the criteria of a removed outcome and the questions of
    /// a removed criterion.
    private mutating func applyRemovals(base: String) -> [Removal] {
        guard let located = singles["remove"] else { return [] }
        guard let nodes = located.node.sequence else {
            sink.error("rules.wrong-type", "'remove' must be a list of ids, e.g. [\"5.5\", psr.oral_report_recorded]", at: located.node, in: located.source)
            return []
        }
        var removals: [Removal] = []
        for node in nodes {
            guard let kind = kind(of: node, in: located.source, base: base, what: "an item of 'remove'"), let id = node.scalar else { continue }
            if removals.contains(where: { $0.ref == ItemRef(kind, id) }) {
                sink.error("rules.duplicate-id", "'\(id)' is removed twice", at: node, in: located.source)
                continue
            }
            removals.append(Removal(ref: ItemRef(kind, id), node: node, source: located.source))
        }
        // What goes with a removed outcome or criterion.
        var index = 0
        while index < removals.count {
            let removal = removals[index]
            let (child, key): (ItemKind?, String) = removal.ref.kind == .outcome ? (.criterion, "outcome") : removal.ref.kind == .criterion ? (.question, "criterion") : (nil, "")
            if let child {
                for item in listItems[child.section] ?? [] where item.node[key]?.scalar == removal.ref.id {
                    if let id = item.node["id"]?.scalar, !removals.contains(where: { $0.ref == ItemRef(child, id) }) {
                        removals.append(Removal(ref: ItemRef(child, id), node: removal.node, source: removal.source))
                    }
                }
            }
            index += 1
        }
        for kind in ItemKind.allCases {
            let gone = Set(removals.filter { $0.ref.kind == kind }.map(\.ref.id))
            if gone.isEmpty { continue }
            if kind.isList {
                listItems[kind.section]?.removeAll { $0.node["id"]?.scalar.map(gone.contains) ?? false }
            } else {
                mappingEntries[kind.section]?.removeAll { $0.key.scalar.map(gone.contains) ?? false }
            }
        }
        return removals
    }

    /// `renames`: old id → new id; the base's references to the old id still resolve.
    private mutating func applyRenames(base: String) -> [(kind: ItemKind, old: String, new: String)] {
        guard let located = singles["renames"] else { return [] }
        guard let pairs = located.node.mapping else {
            sink.error("rules.wrong-type", "'renames' must map old ids to new ones, e.g. {rmp.protects_victims: rmp.victim_protection}", at: located.node, in: located.source)
            return []
        }
        var renames: [(kind: ItemKind, old: String, new: String)] = []
        for pair in pairs {
            guard let kind = kind(of: pair.key, in: located.source, base: base, what: "a key of 'renames'"), let old = pair.key.scalar else { continue }
            guard let new = pair.value.scalar, !pair.value.isNull, !new.isEmpty else {
                sink.error("rules.wrong-type", "the new id of '\(old)' must be text", at: pair.value, in: located.source)
                continue
            }
            if !kind.isList, !Identifier.isValid(new) {
                sink.error("rules.invalid-identifier", "'\(new)' is not a valid \(kind.rawValue) name: use lower-case letters, digits and '_', starting with a letter", at: pair.value, in: located.source)
                continue
            }
            if ids(kind).contains(new) {
                sink.error("rules.duplicate-id", "\(kind.rawValue) '\(new)' already exists in the base set", at: pair.value, in: located.source)
                continue
            }
            if kind.isList {
                listItems[kind.section] = listItems[kind.section]?.map { item in
                    guard item.node["id"]?.scalar == old, let pairs = item.node.mapping else { return item }
                    var renamed = item
                    renamed.node.content = .mapping(pairs.map { pair in
                        pair.key.scalar == "id" ? Pair(key: pair.key, value: Node(.scalar(new, .plain), span: pair.value.span)) : pair
                    })
                    return renamed
                }
            } else {
                mappingEntries[kind.section] = mappingEntries[kind.section]?.map { entry in
                    guard entry.key.scalar == old else { return entry }
                    var renamed = entry
                    renamed.key = Node(.scalar(new, .plain), span: entry.key.span)
                    return renamed
                }
            }
            renames.append((kind, old, new))
        }
        // References through the old ids resolve while building.
        retired.follow(renames: renames, removed: [])
        return renames
    }

    /// `override`: items of the base (by current id) whose given keys are replaced.
    private mutating func applyOverrides(base: String) -> [(item: ItemRef, keys: [String])] {
        guard let located = singles["override"] else { return [] }
        guard let items = located.node.sequence else {
            sink.error("rules.wrong-type", "'override' must be a list of items with an 'id' and the keys to replace", at: located.node, in: located.source)
            return []
        }
        var overridden: [(item: ItemRef, keys: [String])] = []
        for item in items {
            guard let pairs = item.mapping else {
                sink.error("rules.wrong-type", "an override must be a mapping with an 'id' and the keys to replace, not \(item.kindDescription)", at: item, in: located.source)
                continue
            }
            guard let idNode = item["id"] else {
                sink.error("rules.missing-key", "an override needs the 'id' of the item it changes", at: item, in: located.source)
                continue
            }
            guard let kind = kind(of: idNode, in: located.source, base: base, what: "the id of an override"), let id = idNode.scalar else { continue }
            let replaced = pairs.filter { $0.key.scalar != "id" }
            if replaced.isEmpty {
                sink.error("rules.missing-key", "the override of '\(id)' gives no key to replace", at: item, in: located.source)
                continue
            }
            let sourced = replaced.map { SourcedPair(pair: $0, source: located.source) }
            if kind.isList {
                if let index = listItems[kind.section]?.firstIndex(where: { $0.node["id"]?.scalar == id }) {
                    listItems[kind.section]?[index].overrides += sourced
                }
            } else if let index = mappingEntries[kind.section]?.firstIndex(where: { $0.key.scalar == id }) {
                mappingEntries[kind.section]?[index].overrides += sourced
            }
            overridden.append((ItemRef(kind, id), replaced.compactMap(\.key.scalar)))
        }
        return overridden
    }

    // MARK: - Removed items still used

    /// A removed item that a kept one still names is an error at the `remove` entry, naming the
    /// item that uses it (and pointing at it in a note).
    private mutating func reportRemovedReferences(_ removals: [Removal]) {
        if removals.isEmpty { return }
        var reported: Set<ItemRef> = []
        for kind in ItemKind.allCases {
            let items: [(id: String, pairs: [SourcedPair])] = kind.isList
                ? (listItems[kind.section] ?? []).map { item in
                    (item.node["id"]?.scalar ?? "", Self.pairs(item.node, item.source, item.overrides))
                }
                : (mappingEntries[kind.section] ?? []).map { entry in
                    (entry.key.scalar ?? "", Self.pairs(entry.value, entry.source, entry.overrides))
                }
            for item in items {
                for sourced in item.pairs {
                    for (name, node) in Self.names(in: sourced.pair) {
                        guard let removal = removals.first(where: { $0.ref.id == name && Self.canRefer(sourced.pair.key.scalar ?? "", to: $0.ref.kind) }),
                            !reported.contains(removal.ref)
                        else { continue }
                        reported.insert(removal.ref)
                        let via = removal.node.scalar == removal.ref.id ? "" : " (it goes with '\(removal.node.scalar ?? "")')"
                        sink.error(
                            "rules.removed-still-used",
                            "\(removal.ref.kind.rawValue) '\(removal.ref.id)' is removed\(via), but \(kind.rawValue) '\(item.id)' still uses it in '\(sourced.pair.key.scalar ?? "")'",
                            at: removal.node, in: removal.source,
                            notes: [Diagnostic.Note("used here", at: SourceLocation(sourced.source, node.position))])
                    }
                }
            }
        }
    }

    /// An item's keys with their files, overrides applied (a predicate written as an expression alone is its `expr`).
    static func pairs(_ node: Node, _ source: SourceText, _ overrides: [SourcedPair]) -> [SourcedPair] {
        var pairs = node.mapping?.map { SourcedPair(pair: $0, source: source) }
            ?? [SourcedPair(pair: Pair(key: Node(.scalar("expr", .plain), span: node.span), value: node), source: source)]
        for override in overrides {
            if let index = pairs.firstIndex(where: { $0.pair.key.scalar == override.pair.key.scalar }) {
                pairs[index] = override
            } else {
                pairs.append(override)
            }
        }
        return pairs
    }

    /// The names a key's value refers to: a reference key's value, or the identifiers and quoted
    /// question ids of an expression.
    static func names(in pair: Pair) -> [(String, Node)] {
        switch pair.key.scalar {
        case "outcome", "criterion", "scale", "for_each":
            return pair.value.scalar.map { [($0, pair.value)] } ?? []
        case "also_scores", "tags":
            return (pair.value.sequence ?? []).compactMap { node in node.scalar.map { ($0, node) } }
        case "applies", "compute", "when", "assert", "expr":
            guard let text = pair.value.scalar, let tokens = try? Lexer.tokens(text) else { return [] }
            return tokens.compactMap { token in
                switch token.kind {
                case .identifier(let name), .string(let name): return (name, pair.value)
                default: return nil
                }
            }
        default:
            return []
        }
    }

    /// Whether a key can name an item of a kind (so that a fact and a question of one name are not confused).
    static func canRefer(_ key: String, to kind: ItemKind) -> Bool {
        switch key {
        case "outcome", "also_scores": return kind == .outcome
        case "criterion": return kind == .criterion
        case "scale": return kind == .scale
        case "for_each": return kind == .fact
        case "tags": return kind == .tag
        default: return [.fact, .predicate, .question].contains(kind)
        }
    }

    // MARK: - The resolved set

    /// What the resolved set's hash is taken of.
    func resolvedHashSource() -> ContentHash.Source {
        .resolved(singles: singles, entries: mappingEntries, items: listItems)
    }

    /// A node with a derived set's overrides applied.
    static func merged(_ node: Node, _ overrides: [SourcedPair]) -> Node {
        if overrides.isEmpty { return node }
        return Node(.mapping(pairs(node, SourceText(path: "", bytes: []), overrides).map(\.pair)), span: node.span)
    }
}

extension RuleDefinitions {
    /// The loader's resolved items, key by key.
    init(_ loader: CriteriaSetLoader) {
        var items: [ItemKind: [Item]] = [:]
        func keys(_ node: Node) -> [(key: String, value: String)] {
            (node.mapping ?? []).compactMap { pair in
                guard let key = pair.key.scalar, key != "id" else { return nil }
                return (key, CanonicalText.flow(pair.value))
            }
        }
        for kind in ItemKind.allCases {
            var seen: Set<String> = []
            if kind.isList {
                for item in loader.listItems[kind.section] ?? [] {
                    guard let id = item.node["id"]?.scalar, seen.insert(id).inserted else { continue }
                    items[kind, default: []].append(Item(id: id, keys: keys(CriteriaSetLoader.merged(item.node, item.overrides))))
                }
            } else {
                for entry in loader.mappingEntries[kind.section] ?? [] {
                    guard let id = entry.key.scalar, seen.insert(id).inserted else { continue }
                    let node = CriteriaSetLoader.merged(entry.value, entry.overrides)
                    items[kind, default: []].append(Item(id: id, keys: node.scalar != nil ? [("expr", CanonicalText.flow(node))] : keys(node)))
                }
            }
        }
        self.items = items
        identity = ["id", "title", "version", "source", "effective", "holidays"].compactMap { key in
            loader.singles[key].map { (key, CanonicalText.flow($0.node)) }
        }
        scoring = loader.singles["scoring"].map { keys(CriteriaSetLoader.merged($0.node, $0.overrides)) } ?? []
    }
}
