/// The set's `checks`, run on each case `lint` reads: what each reads and which fact its finding
/// points at are worked out once, not per case (a large caseload fails the same checks many times).
struct CaseChecks: Sendable {
    /// One check, as running it needs.
    private struct Plan: Sendable {
        let when: (@Sendable (CaseValues) -> Truth)?
        let assertion: @Sendable (CaseValues) -> Truth
        /// The facts its condition and assertion read.
        let reads: [Int]
        /// The facts the assertion reads, the one its text names first first: its finding points
        /// at the first of these the case records (`plan_date >= sentence_date`: the plan date).
        let pointsAt: [Int]
        let severity: Severity
        let code: String
        let message: String
        let note: Diagnostic.Note
    }

    private let plans: [Plan]

    init(_ set: CriteriaSet) {
        plans = set.checks.map { check in
            let words = check.assertion.source.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
            let named = { (fact: Int) in (words.firstIndex(of: set.facts[fact].name) ?? .max, fact) }
            return Plan(
                when: check.when?.evaluate, assertion: check.assertion.evaluate,
                reads: check.assertion.facts + (check.when?.facts ?? []),
                pointsAt: check.assertion.facts.sorted { named($0) < named($1) },
                severity: check.severity, code: "check.\(check.id)", message: check.message,
                note: Diagnostic.Note("check: \(check.assertion.source)"))
        }
    }

    /// The findings of the checks that fail on a case, in the set's order.
    func findings(_ record: CaseRecord, _ values: CaseValues) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let rejected = record.positions.rejectedFacts
        // By index, not `for plan in plans`: copying a plan costs more than running its check.
        for index in plans.indices {
            // A fact whose value was rejected is reported where it is written: a check reading it
            // would only repeat that as a misleading follow-on ("record rosh_recorded…").
            if !rejected.isEmpty, plans[index].reads.contains(where: rejected.contains) { continue }
            guard (plans[index].when?(values) ?? .true) == .true, plans[index].assertion(values) == .false else { continue }
            let plan = plans[index]
            let position = plan.pointsAt.lazy.compactMap { record.positions.facts[$0] }.first ?? record.positions.record
            findings.append(Diagnostic(
                plan.severity, code: plan.code, "case \(record.id): \(plan.message)",
                at: record.location(position), notes: [plan.note]))
        }
        return findings
    }
}
