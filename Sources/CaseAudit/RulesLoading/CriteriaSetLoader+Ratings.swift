import YAMLKit

/// Tags (lenses) and the rating keys of `scoring:` (`banded`, `overall`).
extension CriteriaSetLoader {
    // MARK: - Tags

    /// `tags:` — name: label, or name: {label, description}.
    mutating func readTags() -> [Tag] {
        var tags: [Tag] = []
        var seen: [String: SourceLocation] = [:]
        for entry in mappingEntries["tags"] ?? [] {
            guard let name = declaredName(entry.key, kind: "tag", source: entry.source, seen: &seen) else { continue }
            if let label = entry.value.scalar {
                tags.append(Tag(name: name, label: entry.value.isNull ? name.replacingUnderscores() : label))
                continue
            }
            guard let reader = MappingReader(entry.value, in: entry.source, what: "tag '\(name)'", allowed: ["label", "description"], sink: &sink) else { continue }
            tags.append(Tag(
                name: name, label: reader.string("label", what: "tag '\(name)'", required: false, sink: &sink) ?? name.replacingUnderscores(),
                description: reader.string("description", what: "tag '\(name)'", required: false, sink: &sink)))
        }
        return tags
    }

    /// A question's `tags:`, each a declared tag, each once.
    /// A renamed tag (of a derived set's base) still resolves under its old name.
    mutating func questionTags(_ definition: IdentifiedDefinition, tags: [Tag]) -> [Int] {
        let lookup = retired.aliased(Dictionary(tags.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first }), kind: .tag)
        var indexes: [Int] = []
        for node in definition.reader.list("tags", sink: &sink) ?? [] {
            guard let name = node.scalar else { continue }  // list() reported it
            guard let index = lookup[name] else {
                let suggestion = Suggestions.closest(to: name, in: tags.map(\.name))
                sink.error("rules.unknown-tag", "'\(name)' is not a tag of this set" + Suggestions.didYouMean(suggestion)
                           + (tags.isEmpty ? " (declare it under 'tags:')" : ""), at: node, in: definition.source, fixIt: suggestion)
                continue
            }
            if indexes.contains(index) {
                sink.error("rules.duplicate-value", "tag '\(name)' appears twice in question '\(definition.id)'", at: node, in: definition.source)
                continue
            }
            indexes.append(index)
        }
        return indexes
    }

    // MARK: - Ratings

    /// `banded:` (the levels that take a band) and `overall:` (points per band, summed and banded).
    mutating func readRatings(_ reader: MappingReader, into policy: inout ScoringPolicy, criteria: Int, outcomes: Int) {
        if let node = reader["banded"] {
            let source = reader.source(of: "banded")
            if policy.bands.isEmpty, reader["bands"] == nil {
                sink.error("rules.missing-key", "'banded' needs 'bands' in 'scoring'", at: node, in: source)
            }
            if let levels = reader.list("banded", sink: &sink) {
                policy.banded = []
                for level in levels {
                    if let value = level.scalar.flatMap(RatedLevel.init(rawValue:)) {
                        policy.banded.insert(value)
                    } else {
                        let names = RatedLevel.allCases.map(\.rawValue)
                        let suggestion = Suggestions.closest(to: level.scalar ?? "", in: names)
                        sink.error("rules.wrong-type", "'\(level.scalar ?? "")' is not a level that takes bands" + Suggestions.didYouMean(suggestion)
                                   + " (levels: \(names.joined(separator: ", ")))", at: level, in: source, fixIt: suggestion)
                    }
                }
            }
        }
        let source = reader.source(of: "overall")
        guard let node = reader["overall"],
              let overall = MappingReader(node, in: source, what: "'overall'", allowed: ["rates", "points", "bands"], sink: &sink)
        else { return }
        guard let ratesNode = overall["rates"] else {
            sink.error("rules.missing-key", "'overall' needs 'rates': criteria or outcomes", at: node, in: source)
            return
        }
        guard let rates = ratesNode.scalar.flatMap(RatedLevel.init(rawValue:)) else {
            let suggestion = Suggestions.closest(to: ratesNode.scalar ?? "", in: RatedLevel.allCases.map(\.rawValue))
            sink.error("rules.wrong-type", "'rates' must be criteria or outcomes" + Suggestions.didYouMean(suggestion), at: ratesNode, in: source, fixIt: suggestion)
            return
        }
        guard policy.bands(rates) else {
            sink.error("rules.overall-rating", "the overall rating rates \(rates.rawValue), but \(rates.rawValue) take no band: "
                       + (policy.bands.isEmpty ? "give 'bands'" : "add \(rates.rawValue) to 'banded'"), at: ratesNode, in: source)
            return
        }
        var points = [Int?](repeating: nil, count: policy.bands.count)
        if let pointsNode = overall["points"] {
            for pair in pointsNode.mapping ?? [] {
                guard let label = pair.key.scalar else { continue }
                guard let index = policy.bands.firstIndex(where: { $0.label == label }) else {
                    let suggestion = Suggestions.closest(to: label, in: policy.bands.map(\.label))
                    sink.error("rules.unknown-band", "'\(label)' is not a band of 'bands'" + Suggestions.didYouMean(suggestion), at: pair.key, in: source, fixIt: suggestion)
                    continue
                }
                guard let value = pair.value.scalar.flatMap({ Int($0) }), value >= 0, value <= 1000 else {
                    sink.error("rules.wrong-type", "points must be a whole number from 0 to 1000", at: pair.value, in: source)
                    continue
                }
                points[index] = value
            }
            if pointsNode.mapping == nil { sink.error("rules.wrong-type", "'points' must map each band to its points", at: pointsNode, in: source) }
        }
        for (index, band) in policy.bands.enumerated() where points[index] == nil {
            sink.error("rules.overall-rating", "band '\(band.label)' has no points in the overall rating", at: overall["points"] ?? node, in: source)
        }
        // The most points possible is known only when every band has its points.
        guard points.allSatisfy({ $0 != nil }) else { return }
        let items = rates == .criteria ? criteria : outcomes
        let maximum = Double(items * (points.compactMap { $0 }.max() ?? 0))
        guard let bandsNode = overall["bands"] else {
            sink.error("rules.missing-key", "'overall' needs 'bands': the ratings of the sum of points", at: node, in: source)
            return
        }
        let bands = readBands(bandsNode, source: source, unit: "points from 0 to \(Int(maximum)), the most \(items) \(rates.rawValue) can score", maximum: maximum)
        policy.overall = OverallRating(rates: rates, points: points.map { $0 ?? 0 }, bands: bands)
    }
}
