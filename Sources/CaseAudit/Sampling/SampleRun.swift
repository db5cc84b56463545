import YAMLKit

/// A drawn sample: the strata with their allocation, the cases picked, and what was left out.
public struct SampleResult: Sendable {
    public struct Stratum: Sendable, Equatable {
        public var name: String
        /// Eligible cases (after exclusions and de-duplication).
        public var population: Int
        public var sample: Int
        public var reserve: Int
    }

    /// Whether a picked case is to be read, or held in reserve.
    public enum Status: String, Sendable {
        case sample, reserve
    }

    public struct Pick: Sendable, Equatable {
        /// Index into the caseload's rows.
        public var row: Int
        public var stratum: Int
        public var status: Status
        /// 1, 2, 3… within its status, in the order drawn: reserves are used in this order.
        public var draw: Int
    }

    public var caseload: Caseload
    public var strata: [Stratum]
    /// In draw order: the sample, then the reserves.
    public var picks: [Pick]
    /// Rows in the extract.
    public var rows: Int
    /// Rows left out by each exclusion, in the order given.
    public var excluded: [(condition: String, count: Int)]
    /// Rows dropped as duplicates, by key group ("case", "pnc", "name+date_of_birth").
    public var duplicates: [(key: String, count: Int)]
    /// Cases left undrawn because a cap was reached, by capped column.
    public var capped: [(column: String, max: Int, values: Int)]
    public var plan: SamplePlan
    /// Eligible cases: the population the sample is drawn from.
    public var eligible: Int { strata.reduce(0) { $0 + $1.population } }
}

/// Draws a stratified sample from a caseload: exclusions, de-duplication (keeping the earliest),
/// strata, proportional allocation by largest remainder, caps per value of a column (a responsible
/// officer), reserves, and a seeded draw that gives the same sample on any machine.
public enum SampleRun {
    /// Draws the sample, or returns located errors (an expression that does not compile, a row that
    /// cannot be placed) and draws nothing. Warnings (a size larger than the population) come with a result.
    public static func draw(
        _ caseload: Caseload, plan: SamplePlan, set: CriteriaSet
    ) -> (result: SampleResult?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var compiler = ExpressionCompiler(schema: .init(
            facts: caseload.columns,
            factIndex: Dictionary(caseload.columns.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first }),
            predicates: Dictionary(set.predicates.map { ($0.name, $0.expression) }, uniquingKeysWith: { first, _ in first }),
            scales: set.scales, questions: [:], workingDays: WorkingDays(holidays: set.holidays)))
        func compile(_ text: String, option: String) -> CompiledCondition? {
            do {
                return try compiler.condition(text)
            } catch {
                for error in error.all {
                    diagnostics.append(Diagnostic(
                        .error, code: "usage.expression",
                        "\(option) '\(text)': \(error.message) (at character \(error.offset + 1))", at: nil))
                }
                return nil
            }
        }
        let exclusions = plan.exclusions.map { compile($0, option: "--exclude") }
        var strataRules: [(name: String, condition: CompiledCondition?)] = []
        var strataColumns: [Int] = []
        switch plan.strata {
        case .rules(let rules)?:
            strataRules = rules.map { ($0.name, compile($0.condition, option: "--stratum")) }
        case .columns(let names)?:
            for name in names {
                guard let index = caseload.column(named: name) else {
                    diagnostics.append(unknownColumn(name, option: "--strata", caseload))
                    continue
                }
                strataColumns.append(index)
            }
        case nil:
            // The inspectorate's five strata, where the caseload has the columns they read.
            if SamplePreset.strataColumns.allSatisfy({ caseload.column(named: $0) != nil }) {
                strataRules = SamplePreset.strata.map { ($0.name, compile($0.condition, option: "the default stratum")) }
            }
        }
        let keyGroups = [["case"]] + plan.duplicateKeys
        var keyColumns: [[Int]] = []
        for group in keyGroups {
            let indexes = group.compactMap { name -> Int? in
                if let index = caseload.column(named: name) { return index }
                diagnostics.append(unknownColumn(name, option: "--dedupe", caseload))
                return nil
            }
            keyColumns.append(indexes)
        }
        let earliest = plan.earliest.flatMap { name -> Int? in
            if let index = caseload.column(named: name) { return index }
            diagnostics.append(unknownColumn(name, option: "--earliest", caseload))
            return nil
        }
        var capColumns: [(column: Int, max: Int)] = []
        for cap in plan.caps {
            guard let index = caseload.column(named: cap.column) else {
                diagnostics.append(unknownColumn(cap.column, option: "--max-per", caseload))
                continue
            }
            capColumns.append((index, cap.max))
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }

        // Exclusions: a row is left out when any holds; one that cannot be decided is an error.
        var excludedCounts = [Int](repeating: 0, count: exclusions.count)
        var candidates: [Int] = []
        for (number, row) in caseload.rows.enumerated() {
            let values = CaseValues(facts: row.values, answers: [])
            var out = false
            for (index, condition) in exclusions.enumerated() {
                guard let condition else { continue }
                switch condition(values) {
                case .true:
                    excludedCounts[index] += 1
                    out = true
                case .unknown:
                    diagnostics.append(undecided(row, "whether --exclude '\(condition.source)' holds", condition.facts, caseload))
                    out = true
                case .false:
                    continue
                }
                break
            }
            if !out { candidates.append(number) }
        }

        // De-duplication: the earliest of rows sharing a key is kept.
        let ordered = candidates.sorted { lhs, rhs in
            if let earliest {
                let left = caseload.rows[lhs].values[earliest], right = caseload.rows[rhs].values[earliest]
                switch (left, right) {
                case (let l?, let r?) where l != r: return l.precedes(r)
                case (.some, nil): return true
                case (nil, .some): return false
                default: break
                }
            }
            return lhs < rhs
        }
        var seen = [[String: Int]](repeating: [:], count: keyColumns.count)
        var duplicateCounts = [Int](repeating: 0, count: keyColumns.count)
        var kept: [Int] = []
        for number in ordered {
            let row = caseload.rows[number]
            let keys = keyColumns.map { columns -> String? in
                let cells = columns.map { row.cells[$0] }
                if cells.isEmpty || cells.contains(where: \.isEmpty) { return nil }
                return cells.map { $0.lowercased() }.joined(separator: "\u{1F}")
            }
            var match: (group: Int, first: Int)?
            for (group, key) in keys.enumerated() {
                if let key, let first = seen[group][key] {
                    match = (group, first)
                    break
                }
            }
            if let (group, first) = match {
                duplicateCounts[group] += 1
                let earlier = caseload.rows[first]
                diagnostics.append(Diagnostic(
                    .warning, code: "sample.duplicate",
                    "case '\(row.id)' has the same \(keyGroups[group].joined(separator: " and ")) as case '\(earlier.id)'; the earliest, '\(earlier.id)', is kept",
                    at: SourceLocation(caseload.source, row.position),
                    notes: [Diagnostic.Note("'\(earlier.id)' is here", at: SourceLocation(caseload.source, earlier.position))]))
                continue
            }
            for (group, key) in keys.enumerated() { if let key { seen[group][key] = number } }
            kept.append(number)
        }
        kept.sort()

        // Strata.
        var names: [String] = []
        var stratumOf: [Int: Int] = [:]
        if !strataColumns.isEmpty {
            var keysOf: [Int: [GroupKey]] = [:]
            for number in kept {
                keysOf[number] = strataColumns.map { column in caseload.rows[number].values[column].map(GroupKey.value) ?? .notRecorded }
            }
            let distinct = Array(Set(keysOf.values)).sorted { $0.lexicographicallyPrecedes($1) }
            names = distinct.map { keys in
                zip(strataColumns, keys).map { "\(caseload.columns[$0].name)=\($1.label(caseload.columns[$0]))" }.joined(separator: ", ")
            }
            let index = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
            for (number, keys) in keysOf { stratumOf[number] = index[keys] }
        } else if !strataRules.isEmpty {
            names = strataRules.map(\.name) + ["(other)"]
            for number in kept {
                let row = caseload.rows[number]
                let values = CaseValues(facts: row.values, answers: [])
                var placed: Int?
                for (index, rule) in strataRules.enumerated() {
                    guard let condition = rule.condition else { continue }
                    let truth = condition(values)
                    if truth == .true { placed = index; break }
                    if truth == .unknown {
                        diagnostics.append(undecided(row, "whether it is in stratum '\(rule.name)'", condition.facts, caseload))
                        placed = -1
                        break
                    }
                }
                if placed != -1 { stratumOf[number] = placed ?? strataRules.count }
            }
        } else {
            names = ["all cases"]
            for number in kept { stratumOf[number] = 0 }
        }
        guard diagnostics.allSatisfy({ $0.severity != .error }) else { return (nil, diagnostics) }

        var strata = names.map { SampleResult.Stratum(name: $0, population: 0, sample: 0, reserve: 0) }
        for number in kept { strata[stratumOf[number] ?? 0].population += 1 }
        // "(other)" is shown only when a case falls in it.
        if !strataRules.isEmpty, strata.last?.population == 0 { strata.removeLast() }

        // The draw: one seeded permutation of the eligible cases, walked in order.
        var generator = SeededGenerator(seed: plan.seed)
        var order = kept
        generator.shuffle(&order)
        var draw = Draw(caseload: caseload, order: order, stratumOf: stratumOf, caps: capColumns, strata: strata.count)
        let populations = strata.map(\.population)
        if plan.size > kept.count {
            diagnostics.append(Diagnostic(
                .warning, code: "sample.too-small",
                "--size \(plan.size) is more than the \(kept.count) eligible cases: every eligible case is sampled", at: nil))
        }
        let sample = draw.pick(plan.size, weights: populations, status: .sample)
        let reserve = draw.pick(plan.reserveCount, weights: populations, status: .reserve)
        for pick in sample + reserve {
            if pick.status == .sample { strata[pick.stratum].sample += 1 } else { strata[pick.stratum].reserve += 1 }
        }
        let shortfall = plan.size + plan.reserveCount - sample.count - reserve.count
        if shortfall > 0, plan.size <= kept.count, !capColumns.isEmpty {
            diagnostics.append(Diagnostic(
                .warning, code: "sample.capped",
                "the caps leave \(shortfall) of the \(plan.size + plan.reserveCount) cases asked for (sample and reserves) undrawn", at: nil))
        }
        let result = SampleResult(
            caseload: caseload, strata: strata, picks: sample + reserve, rows: caseload.rows.count,
            excluded: zip(plan.exclusions, excludedCounts).map { ($0, $1) },
            duplicates: zip(keyGroups, duplicateCounts).map { ($0.joined(separator: "+"), $1) },
            capped: capColumns.map { cap in (caseload.columns[cap.column].name, cap.max, draw.valuesAtCap(cap.column, max: cap.max)) },
            plan: plan)
        return (result, diagnostics)
    }

    private static func unknownColumn(_ name: String, option: String, _ caseload: Caseload) -> Diagnostic {
        let suggestion = Suggestions.closest(to: name, in: caseload.columns.map(\.name))
        return Diagnostic(.error, code: "usage.unknown-column",
                          "\(option): the caseload has no column '\(name)'" + Suggestions.didYouMean(suggestion), at: nil)
    }

    private static func undecided(_ row: CaseloadRow, _ what: String, _ facts: [Int], _ caseload: Caseload) -> Diagnostic {
        let empty = facts.filter { row.values[$0] == nil }.map { "'\(caseload.columns[$0].name)'" }
        return Diagnostic(
            .error, code: "sample.undecided",
            "cannot decide \(what) for case '\(row.id)': " + (empty.isEmpty ? "a value it reads is missing" : "\(empty.joined(separator: ", ")) is empty"),
            at: SourceLocation(caseload.source, row.position))
    }
}

/// The walk over one seeded permutation that picks cases stratum by stratum, within caps.
private struct Draw {
    let caseload: Caseload
    let order: [Int]
    let stratumOf: [Int: Int]
    let caps: [(column: Int, max: Int)]
    let strata: Int
    var taken = Set<Int>()
    /// Picks so far per capped value, by cap.
    var counts: [[String: Int]]

    init(caseload: Caseload, order: [Int], stratumOf: [Int: Int], caps: [(column: Int, max: Int)], strata: Int) {
        self.caseload = caseload
        self.order = order
        self.stratumOf = stratumOf
        self.caps = caps
        self.strata = strata
        counts = Array(repeating: [:], count: caps.count)
    }

    /// Whether a row can still be picked: not taken, and no cap on its values reached.
    func open(_ number: Int) -> Bool {
        guard !taken.contains(number) else { return false }
        for (index, cap) in caps.enumerated() {
            let value = caseload.rows[number].cells[cap.column]
            if !value.isEmpty, counts[index][value, default: 0] >= cap.max { return false }
        }
        return true
    }

    /// Picks `total` cases allocated across strata in proportion to `weights`; where caps stop a
    /// stratum short, the shortfall is allocated again among strata that still have open cases.
    mutating func pick(_ total: Int, weights: [Int], status: SampleResult.Status) -> [SampleResult.Pick] {
        var picks: [SampleResult.Pick] = []
        var wanted = [Int](repeating: 0, count: strata)
        var got = [Int](repeating: 0, count: strata)
        var remaining = total
        while remaining > 0 {
            var capacity = [Int](repeating: 0, count: strata)
            for number in order where open(number) { capacity[stratumOf[number] ?? 0] += 1 }
            let extra = Allocation.largestRemainder(remaining, weights: weights, capacities: capacity)
            guard extra.contains(where: { $0 > 0 }) else { break }
            for index in wanted.indices { wanted[index] += extra[index] }
            for number in order where open(number) {
                let stratum = stratumOf[number] ?? 0
                guard got[stratum] < wanted[stratum] else { continue }
                taken.insert(number)
                for (index, cap) in caps.enumerated() {
                    let value = caseload.rows[number].cells[cap.column]
                    if !value.isEmpty { counts[index][value, default: 0] += 1 }
                }
                got[stratum] += 1
                picks.append(SampleResult.Pick(row: number, stratum: stratum, status: status, draw: picks.count + 1))
            }
            remaining = total - picks.count
            // What the caps kept a stratum from giving is no longer wanted of it.
            for index in wanted.indices { wanted[index] = got[index] }
        }
        return picks
    }

    /// How many values of a capped column reached the cap.
    func valuesAtCap(_ column: Int, max: Int) -> Int {
        guard let index = caps.firstIndex(where: { $0.column == column }) else { return 0 }
        return counts[index].values.filter { $0 >= max }.count
    }
}
