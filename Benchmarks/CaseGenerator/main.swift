// Writes a large synthetic sample for the embedded IAOW set, for scoring benchmarks (not a test).
//
// Usage: case-generator CASES FILES OUT_DIR [SEED]
//
// Facts are drawn at random from each fact's domain; every question that applies to the drawn
// facts gets a random answer, and only those answers are written, so the sample lints clean of
// answers to questions that do not apply. The facts (and answers) a failing check of the set reads
// are drawn again until every check passes, so `lint` finds nothing and is timed on realistic
// input. Deterministic for a given seed.
import CaseAudit
import YAMLKit

#if canImport(Glibc)
import Glibc
#endif

/// SplitMix64: a small deterministic generator.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func generate() {
    let arguments = CommandLine.arguments
    guard arguments.count >= 4, let cases = Int(arguments[1]), let files = Int(arguments[2]), files > 0 else {
        print("usage: case-generator CASES FILES OUT_DIR [SEED]")
        exit(2)
    }
    let directory = arguments[3]
    var random = SplitMix64(state: arguments.count > 4 ? UInt64(arguments[4]) ?? 1 : 1)
    guard let set = DefaultCriteriaSet.load().set else { exit(1) }
    let evaluator = Evaluator(set)
    let checker = Evaluator(set, runsChecks: true)
    let checks = Dictionary(set.checks.map { ("check.\($0.id)", ($0.when?.facts ?? []) + $0.assertion.facts) }, uniquingKeysWith: { first, _ in first })
    mkdir(directory, 0o755)

    func randomFacts(_ random: inout SplitMix64) -> [FactValue?] {
        set.facts.map { randomValue($0, &random) }
    }

    func randomValue(_ fact: Fact, _ random: inout SplitMix64) -> FactValue? {
        switch fact.type {
        case .bool: return .bool(Bool.random(using: &random))
        case .enum, .ordinal: return .option(Int.random(in: 0..<fact.values.count, using: &random))
        case .set:
            var bits: UInt64 = 0
            for index in fact.values.indices where Int.random(in: 0..<4, using: &random) == 0 { bits |= 1 << UInt64(index) }
            return .set(bits)
        case .int: return .int(Int.random(in: 18...70, using: &random))
        case .date: return .date(Day(ordinal: 15_706 + Int.random(in: 0..<60, using: &random)))  // 2013-01-01 onwards
        case .string: return .string("OM-\(Int.random(in: 1...40, using: &random))")
        }
    }

    /// Random answers to every question that is asked (not computed).
    func randomAnswers(_ random: inout SplitMix64) -> [RecordedAnswer?] {
        var answers: [RecordedAnswer?] = set.questions.map { question in
            let options = set.scales[question.scale].options.count
            if let each = question.forEach {
                return .perElement(set.facts[each].values.indices.map {
                    ElementAnswer(element: $0, value: .option(Int.random(in: 0..<options, using: &random)), position: .start)
                })
            }
            return .single(.option(Int.random(in: 0..<options, using: &random)))
        }
        for (index, question) in set.questions.enumerated() where question.compute != nil { answers[index] = nil }
        return answers
    }

    /// The answers a case file gives: those of applicable, asked questions (for each element the case has).
    func written(_ evaluation: CaseEvaluation) -> [RecordedAnswer?] {
        var answers = [RecordedAnswer?](repeating: nil, count: set.questions.count)
        for result in evaluation.results where result.kind != .notApplicable && result.kind != .undetermined && !result.computed {
            guard let answer = result.answer else { continue }
            if let element = result.element {
                var list: [ElementAnswer] = []
                if case .perElement(let earlier)? = answers[result.question] { list = earlier }
                answers[result.question] = .perElement(list + [ElementAnswer(element: element, value: answer, position: .start)])
            } else {
                answers[result.question] = .single(answer)
            }
        }
        return answers
    }

    func record(_ id: String, _ facts: [FactValue?], _ answers: [RecordedAnswer?]) -> CaseRecord {
        CaseRecord(
            id: id, assessor: nil, facts: facts, answers: AnswerTable(answers), notes: [:],
            source: SourceText(path: "", bytes: []), positions: CasePositions(record: .start))
    }

    /// A case whose written facts and answers pass every check of the set (drawn again where one fails).
    func draw(_ id: String, _ random: inout SplitMix64) -> CaseEvaluation {
        var facts = randomFacts(&random)
        var evaluation = evaluator.evaluate(record(id, facts, randomAnswers(&random)))
        for _ in 0..<10_000 {
            let failing = checker.evaluate(record(id, facts, written(evaluation))).findings.compactMap { checks[$0.code] }
            if failing.isEmpty { break }
            for fact in Set(failing.joined()) { facts[fact] = randomValue(set.facts[fact], &random) }
            evaluation = evaluator.evaluate(record(id, facts, randomAnswers(&random)))
        }
        return evaluation
    }

    /// A YAML scalar for a value: strings quoted, everything else as written in a case file.
    func yaml(_ value: FactValue, _ fact: Fact) -> String {
        if case .string(let text) = value { return "'" + text + "'" }
        return value.text(fact)
    }

    let perFile = (cases + files - 1) / files
    var written = 0
    for file in 0..<files where written < cases {
        var out = "# Synthetic benchmark cases: not real people.\n"
        for _ in 0..<min(perFile, cases - written) {
            written += 1
            let evaluation = draw("GEN-\(written)", &random)
            let facts = evaluation.record.facts
            out += "---\ncase: GEN-\(written)\nfacts:\n"
            for (index, fact) in set.facts.enumerated() {
                if let value = facts[index] { out += "  \(fact.name): \(yaml(value, fact))\n" }
            }
            out += "answers:\n"
            var open = -1
            for result in evaluation.results where result.kind != .notApplicable && result.kind != .undetermined && !result.computed {
                guard case .option(let option)? = result.answer else { continue }
                let question = set.questions[result.question]
                let answer = set.scales[question.scale].options[option]
                if let element = result.element, let each = question.forEach {
                    if open != result.question { out += "  \(question.id):\n" }
                    open = result.question
                    out += "    \(set.facts[each].values[element]): \(answer)\n"
                } else {
                    out += "  \(question.id): \(answer)\n"
                }
            }
        }
        let path = "\(directory)/cases-\(file).yaml"
        guard let handle = fopen(path, "w") else {
            print("case-generator: cannot write \(path)")
            exit(1)
        }
        fputs(out, handle)
        fclose(handle)
    }
    print("wrote \(written) cases in \(min(files, written)) files to \(directory)")
}

generate()
