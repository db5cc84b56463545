/// The sentences and labels the HTML and Markdown reports share, so both say the same thing.
enum ReportWords {
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// `2014-02-01` → "1 February 2014".
    static func date(_ day: Day) -> String {
        let (year, month, dayOfMonth) = day.components
        return "\(dayOfMonth) \(months[month - 1]) \(year)"
    }

    /// "Outcome 2: Delivering the sentence of the court".
    static func outcomeHeading(_ set: CriteriaSet, _ outcome: Int) -> String {
        "Outcome \(outcome + 1): \(set.outcomes[outcome].title)"
    }

    /// The chart and table label of a question: its short label, else its text.
    static func label(_ question: Question) -> String { question.label ?? question.text }

    /// A domain value as shown: `community_order` → "community order".
    static func value(_ text: String) -> String { text.replacingUnderscores() }

    /// The note under every data summary, after the published reports' "NB".
    static func dataSummaryNote(cases: Int) -> String {
        (cases == 1 ? "1 case was" : "\(cases) cases were") + " audited. A question counts only the cases it applies to, so the answers "
            + "to a question may not add up to \(cases)."
    }

    /// How the strengths and areas for improvement are chosen.
    static func highlightsNote(_ set: CriteriaSet) -> String {
        "Chosen from the questions that enter the outcome's score with a base of at least \(set.scoring.minBase): "
            + "the highest scores at or above the outcome's score, and the lowest below it."
    }

    /// The caption of the criteria ratings table.
    static func ratingsCaption(_ set: CriteriaSet) -> String {
        set.scoring.criterionMethod == .lowestQuestion
            ? "Criterion ratings: each criterion's score is its lowest question score, banded"
            : "Criterion ratings: each criterion's score, banded"
    }

    /// How the overall rating's points are given and banded, from the set.
    static func pointsNote(_ set: CriteriaSet) -> String {
        guard let rating = set.scoring.overall else { return "" }
        let points = zip(set.scoring.bands, rating.points).map { "\($0.label) \($1)" }.joined(separator: ", ")
        let bands = rating.bands.map { "\($0.label) from \(Int($0.minimum))" }.joined(separator: ", ")
        return "Points per rating: \(points). Overall: \(bands)."
    }

    /// The caption of the table of scores by tag.
    static let tagCaption = "Scores by tag across criteria: the mean of the tagged questions' scores; n is the base (cases)"

    /// Why an outcome has no highlights list.
    static let noHighlights = "No question with a large enough base."

    /// Under the scores over the rounds: what the verdict means.
    static let trendNote = "Each round's score as recorded. A change is called improved or declined only when a two-proportion "
        + "test on sufficient answers over the base of cases finds it at the 5 per cent level; otherwise there is no clear change "
        + "(small samples move by chance). See the history documentation."

    /// A legend or column label of a scale option; sufficient options of a scored question say so.
    static func option(_ scale: Scale, _ option: Int, scored: Bool) -> String {
        scale.label(of: option) + (scored && scale.sufficient.contains(option) ? " (sufficient)" : "")
    }

    /// What an "answers by option" chart shows: "Timely and informed initial sentence plan: answers
    /// by option" for one question, "answers by option (descriptive, not scored)" for several.
    static func optionsCaption(_ set: CriteriaSet, _ group: ReportLayout.OptionGroup) -> String {
        let subject = group.questions.count == 1 ? label(set.questions[group.questions[0]]) + ": " : ""
        return subject + (group.scored ? "answers by option" : "answers by option (descriptive, not scored)")
    }

    /// The stamp's description of the scoring method and the small-base flag.
    static func method(_ set: CriteriaSet) -> String {
        var text = "Outcome score: " + ScoreStamp.method(set.scoring.method) + "."
        if set.scoring.criterionMethod != .meanOfQuestions {
            text += " Criterion score: " + ScoreStamp.criterionMethod(set.scoring.criterionMethod) + "."
        }
        if set.scoring.minBase > 1 { text += " * marks a base below \(set.scoring.minBase)." }
        return text
    }

    /// "N gaps in M of K cases."
    static func gapsSummary(_ summary: GapsRun.Summary) -> String {
        "\(counted(summary.gaps, "gap")) in \(summary.casesWithGaps) of \(counted(summary.read.cases, "case"))."
    }

    /// What the gaps section lists, and whether notes are shown.
    static func gapsIntro(includeNotes: Bool) -> String {
        "Every insufficient, unanswered, undetermined or invalid answer to a scored question, case by case. "
            + (includeNotes ? "The assessors' notes are shown." : "The assessors' notes are left out (--include-notes shows them).")
    }
}
