// Time to load, type-check and compile the embedded IAOW 2013 criteria set. Run with:
//   swift run -c release rules-load [runs]
import CaseAudit

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

let runs = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 50
let clock = ContinuousClock()
var timings: [Double] = []
var questions = 0
for _ in 0..<runs {
    let start = clock.now
    let result = DefaultCriteriaSet.load()
    timings.append(milliseconds(clock.now - start))
    guard let set = result.set else {
        print("the embedded set did not load: \(result.diagnostics.count) diagnostics")
        break
    }
    questions = set.questions.count
}
timings.sort()
if !timings.isEmpty {
    let median = timings[timings.count / 2]
    let best = timings[0]
    let worst = timings[timings.count - 1]
    func format(_ value: Double) -> String { String(Int((value * 100).rounded())).paddedDecimal }
    print("IAOW 2013 set (\(questions) questions), \(timings.count) loads: best \(format(best)) ms, median \(format(median)) ms, worst \(format(worst)) ms")
}

extension String {
    /// "1234" (hundredths) → "12.34".
    var paddedDecimal: String {
        let padded = count < 3 ? String(repeating: "0", count: 3 - count) + self : self
        return padded.dropLast(2) + "." + padded.suffix(2)
    }
}
