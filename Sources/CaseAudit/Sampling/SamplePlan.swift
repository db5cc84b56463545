/// How to draw a sample from a caseload (`caseaudit sample`): what to leave out, how to stratify,
/// the caps, the size, the reserves and the seed.
public struct SamplePlan: Sendable {
    /// How cases are put into strata.
    public enum Strata: Sendable {
        /// One stratum per combination of the columns' values (empty cells: "(not recorded)").
        case columns([String])
        /// Named conditions, the first that holds placing the case; a case none holds goes to
        /// "(other)".
        case rules([(name: String, condition: String)])
    }

    /// Sample size (cases to read).
    public var size: Int
    public var strata: Strata?
    /// Conditions that leave a case out (a case is left out when any holds).
    public var exclusions: [String] = []
    /// Column groups whose equal values mark the same person or case: `[["pnc"], ["name", "date_of_birth"]]`.
    /// The case id is always one.
    public var duplicateKeys: [[String]] = []
    /// A column whose smallest value marks the earliest of duplicates (else the first in the file).
    public var earliest: String?
    /// At most `max` sampled cases (reserves included) per value of `column`.
    public var caps: [(column: String, max: Int)] = []
    /// Reserve cases, as a percentage of `size` (rounded up).
    public var bufferPercent: Int = 0
    public var seed: UInt64
    /// The seed as given, for the record.
    public var seedText: String
    /// Column types for names the criteria set does not declare: by default those the default
    /// strata read; a preset declares more.
    public var declaredColumns: [String: Fact] = SamplePreset.hmip.declaredColumns.filter { SamplePreset.strataColumns.contains($0.key) }

    public init(size: Int, seedText: String) {
        self.size = size
        self.seedText = seedText
        self.seed = SeededGenerator.seed(from: seedText)
    }

    /// The reserves to draw: `bufferPercent` of `size`, rounded up.
    public var reserveCount: Int { (size * bufferPercent + 99) / 100 }
}

/// The inspectorate's sampling rules, as a preset of a plan (`--preset hmip`); each rule applies
/// only where the caseload has its columns.
public enum SamplePreset: String, Sendable, CaseIterable {
    case hmip

    /// Columns the preset reads, with the type it gives them where the criteria set does not declare them.
    public var declaredColumns: [String: Fact] {
        [
            "sensitive": Fact(name: "sensitive", type: .bool, label: "Sensitive case"),
            "started": Fact(name: "started", type: .bool, label: "The sentence or licence has started"),
            "gender": Fact(name: "gender", type: .string, label: "Gender"),
            "case_type": Fact(name: "case_type", type: .string, label: "Type of case"),
            "rosh_recorded": Fact(name: "rosh_recorded", type: .ordinal, values: ["low", "medium", "high", "very_high"], label: "RoSH"),
            "sentence_date": Fact(name: "sentence_date", type: .date, label: "Date of sentence"),
        ]
    }

    /// Exclusions, each with the columns it needs: sensitive cases, cases not yet started, and cases
    /// with no recorded gender.
    public var exclusions: [(condition: String, needs: [String])] {
        [("has(sensitive) and sensitive", ["sensitive"]),
         ("has(started) and not started", ["started"]),
         ("not has(gender)", ["gender"])]
    }

    /// De-duplication keys: the Police National Computer number; the name with the date of birth.
    public var duplicateKeys: [[String]] { [["pnc"], ["name", "date_of_birth"]] }

    /// The earliest of duplicates: the earliest sentence.
    public var earliest: String { "sentence_date" }

    /// At most six cases per responsible officer.
    public var caps: [(column: String, max: Int)] { [("offender_manager", 6)] }

    /// The five inspectorate strata.
    public static let strata: [(name: String, condition: String)] = [
        ("male, community, RoSH medium or above",
         "gender == 'male' and case_type in ['community_order', 'suspended_sentence_order'] and rosh_recorded >= medium"),
        ("male, community, RoSH low",
         "gender == 'male' and case_type in ['community_order', 'suspended_sentence_order'] and rosh_recorded == low"),
        ("male, post-custody, RoSH medium or above", "gender == 'male' and case_type == 'licence' and rosh_recorded >= medium"),
        ("male, post-custody, RoSH low", "gender == 'male' and case_type == 'licence' and rosh_recorded == low"),
        ("female", "gender == 'female'"),
    ]

    /// Columns the five strata read: the default strata apply when a caseload has all of them.
    public static let strataColumns = ["gender", "case_type", "rosh_recorded"]
}

extension SamplePlan {
    /// Adds a preset's rules to the plan, each only where the caseload has the columns it reads (a
    /// rule left out is a warning). Options given by hand come first: their caps and earliest column win.
    public mutating func apply(_ preset: SamplePreset, to caseload: Caseload) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        func has(_ columns: [String], for rule: String) -> Bool {
            let missing = columns.filter { caseload.column(named: $0) == nil }
            if missing.isEmpty { return true }
            warnings.append(Diagnostic(
                .warning, code: "sample.preset-rule-skipped",
                "--preset \(preset.rawValue): the caseload has no column \(missing.map { "'\($0)'" }.joined(separator: ", ")), so the rule '\(rule)' is not applied",
                at: SourceLocation(caseload.source, .start)))
            return false
        }
        for exclusion in preset.exclusions where has(exclusion.needs, for: "exclude where \(exclusion.condition)") {
            exclusions.append(exclusion.condition)
        }
        for key in preset.duplicateKeys where has(key, for: "de-duplicate by \(key.joined(separator: " and "))") {
            if !duplicateKeys.contains(key) { duplicateKeys.append(key) }
        }
        if earliest == nil, has([preset.earliest], for: "keep the earliest \(preset.earliest)") { earliest = preset.earliest }
        for cap in preset.caps where !caps.contains(where: { $0.column == cap.column }) {
            if has([cap.column], for: "at most \(cap.max) per \(cap.column)") { caps.append(cap) }
        }
        if strata == nil, has(SamplePreset.strataColumns, for: "the five inspectorate strata") {
            strata = .rules(SamplePreset.strata)
        }
        return warnings
    }
}
