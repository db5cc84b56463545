// Measures the YAMLKit tree loader against raw libyaml event parsing on the same generated input,
// in the same run, and times the hostile inputs. Run with:
//   swift run -c release yaml-throughput [megabytes]
import CYAML
import YAMLKit

/// Question ids of the shape real case files carry (taken from the IAOW 2013 set).
let questionIds = """
    interv.alcohol_delivered psr.roh_analysis_accurate interv.sar_contribution psr.language_clear
    interv.prepared psr.proposal_community_sentence interv.local_services psr.proposal_follows_logically
    lor_review.sufficient psr.proposal_appropriate_to_case lor_review.reasonable_interval
    psr.motivation_capacity progress.recorded start.tier_correct progress.integration_improved
    start.induction rosh.screening_sufficient start.needs_barriers_assessed rosh.screening_accurate
    plan.timely_informed roh_analysis.completed_when_required plan.new_or_updated roh_analysis.timely
    plan.compliance_factors roh_analysis.previous_behaviour plan.effective_methods
    roh.child_safeguarding_attention plan.capacity_to_change restrict.appropriate rmp.timely
    """.split(whereSeparator: { $0 == " " || $0 == "\n" })
let answerValues = ["yes", "no", "yes", "not_sufficient", "yes", "not_completed"]

/// A deterministic ~`megabytes` MB stream of case documents shaped like DESIGN.md §5, ~45 keys each.
func generateInput(megabytes: Int) -> [UInt8] {
    let target = megabytes << 20
    var out: [UInt8] = []
    out.reserveCapacity(target + 4096)
    var index = 0
    let factors = ["alcohol_misuse", "thinking_behaviour", "accommodation", "ete", "drug_misuse"]
    while out.count < target {
        var doc = "---\ncase: YNY-\(index)\nassessor: AB\nfacts:\n"
        doc += "  case_type: \(["licence", "community_order", "suspended_sentence_order"][index % 3])\n"
        doc += "  rosh_recorded: \(["low", "medium", "high", "very_high"][index % 4])\n"
        doc += "  gender: \(index % 5 == 0 ? "female" : "male")\n"
        doc += "  offending_related_factors: [\(factors.prefix(1 + index % 5).joined(separator: ", "))]\n"
        doc += "  sentence_date: 2013-03-\(10 + index % 18)\n  offender_manager: 'OM-\(index % 40)'\n"
        doc += "answers:\n"
        for (number, question) in questionIds.enumerated() {
            doc += "  \(question): \(answerValues[(number + index) % answerValues.count])\n"
        }
        doc += "notes:\n  rmp.timely: \"Risk plan lacked contingency; see review dated 2013-05-01.\"\n"
        out.append(contentsOf: doc.utf8)
        index += 1
    }
    return out
}

/// Parses every event with libyaml and discards it: the floor any loader builds on.
func rawEventParse(_ bytes: [UInt8]) -> Int {
    var events = 0
    bytes.withUnsafeBufferPointer { buffer in
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else { return }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) != 0 {
            let done = event.type == YAML_STREAM_END_EVENT
            events += 1
            yaml_event_delete(&event)
            if done { break }
        }
    }
    return events
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Best of `runs` timings of `body`.
func best(runs: Int, _ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    var fastest = Double.infinity
    for _ in 0..<runs {
        let start = clock.now
        body()
        fastest = min(fastest, seconds(clock.now - start))
    }
    return fastest
}

let megabytes = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 50
let input = generateInput(megabytes: megabytes)
let size = Double(input.count) / 1_048_576
let limits = YAMLLimits(maxInputBytes: 1 << 30, maxDocuments: 10_000_000)
print("input: \(String(format2: size)) MB")

var eventCount = 0
let rawTime = best(runs: 5) { eventCount = rawEventParse(input) }
// The clock stops when the tree is built; freeing it afterwards is the consumer's cost.
var documentCount = 0
var loadTime = Double.infinity
for _ in 0..<5 {
    let clock = ContinuousClock()
    let start = clock.now
    let stream = YAMLLoader.load(bytes: input, path: "bench.yaml", limits: limits)
    loadTime = min(loadTime, seconds(clock.now - start))
    precondition(stream.errors.isEmpty, "benchmark input must load cleanly")
    documentCount = stream.documents.count
}
let rawRate = size / rawTime
let loadRate = size / loadTime
print("raw libyaml events : \(String(format2: rawRate)) MB/s (\(eventCount) events, \(String(format2: rawTime)) s)")
print("YAMLKit tree loader: \(String(format2: loadRate)) MB/s (\(documentCount) documents, \(String(format2: loadTime)) s)")
print("loader / raw       : \(String(format2: 100 * loadRate / rawRate)) %")

// Hostile inputs, with default limits.
var laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
for level in 1...9 {
    laughs += "a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", "))]\n"
}
let hostile: [(String, String)] = [
    ("billion laughs (10 levels x 10 aliases)", laughs),
    ("100,000 nested '['", String(repeating: "[", count: 100_000)),
    ("20 MB scalar, 1 MB limit", "note: " + String(repeating: "x", count: 20 << 20) + "\n"),
]
for (name, text) in hostile {
    var code = ""
    let time = best(runs: 1) {
        code = YAMLLoader.load(string: text, path: "hostile.yaml").errors.first?.kind.code ?? "no error"
    }
    print("\(name): \(code) in \(String(format2: time * 1000)) ms")
}

extension String {
    /// A number with two decimals, without Foundation.
    init(format2 value: Double) {
        let scaled = Int((value * 100).rounded())
        let fraction = abs(scaled % 100)
        self = "\(scaled / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
