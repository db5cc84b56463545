import Testing
@testable import CaseAudit

@Suite("Cohen's kappa, worked by hand")
struct KappaTests {
    private func table(_ cells: [[Int]]) -> Agreement {
        var agreement = Agreement(categories: cells.count)
        for (i, row) in cells.enumerated() {
            for (j, count) in row.enumerated() { for _ in 0..<count { agreement.add(i, j) } }
        }
        return agreement
    }

    @Test("a 2×2 table: p₀ 0.7, pₑ 0.5, kappa 0.4, SE √0.0168")
    func twoByTwo() throws {
        // 20 both yes, 5 yes/no, 10 no/yes, 15 both no: n 50, p₀ = 35/50.
        // Rows 25, 25; columns 30, 20: pₑ = 0.5 × 0.6 + 0.5 × 0.4 = 0.5; kappa = 0.2 / 0.5.
        let agreement = table([[20, 5], [10, 15]])
        #expect(agreement.count == 50)
        #expect(agreement.agreed == 35)
        #expect(close(agreement.observed, 0.7))
        #expect(close(agreement.expected, 0.5))
        #expect(close(agreement.kappa, 0.4))
        // √(0.7 × 0.3 ÷ (50 × 0.5²)) = √(0.21 ÷ 12.5) = √0.0168
        #expect(close(agreement.standardError, 0.0168.squareRoot()))
    }

    @Test("three categories: kappa 23/50")
    func threeCategories() {
        // n 9, diagonal 3 + 2 + 1 = 6. Rows 4, 3, 2; columns 5, 3, 1: pₑ = (20 + 9 + 2) / 81 = 31/81.
        // kappa = (54/81 − 31/81) / (50/81) = 23/50.
        let agreement = table([[3, 1, 0], [1, 2, 0], [1, 0, 1]])
        #expect(agreement.count == 9)
        #expect(agreement.agreed == 6)
        #expect(close(agreement.expected, 31.0 / 81.0))
        #expect(close(agreement.kappa, 23.0 / 50.0))
    }

    @Test("perfect disagreement gives kappa −1")
    func opposite() {
        let agreement = table([[0, 5], [5, 0]])
        #expect(close(agreement.observed, 0))
        #expect(close(agreement.kappa, -1))
    }

    @Test("one category throughout: 100 % agreement, kappa undefined (pₑ = 1)")
    func degenerate() {
        let agreement = table([[7, 0], [0, 0]])
        #expect(close(agreement.observed, 1))
        #expect(close(agreement.expected, 1))
        #expect(agreement.kappa == nil)
        #expect(agreement.standardError == nil)
        #expect(AgreementRows.line("q", "", agreement).reading == "kappa undefined: one category only")
        #expect(Agreement(categories: 2).kappa == nil)
        #expect(Agreement(categories: 2).observed == nil)
    }

    @Test("Landis and Koch readings, at two decimals", arguments: [
        (-0.01, KappaReading.poor), (0.0, .slight), (0.2, .slight), (0.204, .slight), (0.205, .fair), (0.4, .fair),
        (0.41, .moderate), (0.6, .moderate), (0.605, .substantial), (0.8, .substantial), (0.81, .almostPerfect), (1.0, .almostPerfect),
    ])
    func readings(kappa: Double, reading: KappaReading) {
        #expect(KappaReading(kappa) == reading)
    }
}
