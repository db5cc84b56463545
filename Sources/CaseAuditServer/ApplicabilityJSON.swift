import CaseAudit

/// What the form script needs to show the questions that apply, in the words of the page.
enum ApplicabilityJSON {
    static func render(_ state: CaseFormState, set: CriteriaSet) -> String {
        var notApplicable = [Int](repeating: 0, count: set.criteria.count)
        let questions = state.questions.map { questionState -> JSON in
            let question = set.questions[questionState.question]
            if case .notApplicable = questionState.applicability { notApplicable[question.criterion] += 1 }
            let elements = question.forEach.map { each in questionState.elements.map { JSON.string(set.facts[each].values[$0]) } } ?? []
            var pairs: [(String, JSON)] = [
                ("dom", .string(FormPage.domID(question))),
                ("state", .string(FormPage.stateName(questionState.applicability))),
                ("notice", .string(FormPage.notice(questionState, set: set))),
                ("elements", .array(elements)),
            ]
            if question.compute != nil { pairs.append(("computed", .string(FormPage.computedText(questionState, set: set)))) }
            return .object(pairs)
        }
        let criteria = set.criteria.indices.map { index -> JSON in
            .object([
                ("dom", .string(HTMLText.id("na-", set.criteria[index].id))),
                ("count", .int(notApplicable[index])),
                ("summary", .string(FormPage.summary(notApplicable: notApplicable[index]))),
            ])
        }
        return JSON.object([
            ("questions", .array(questions)), ("criteria", .array(criteria)), ("progress", .string(FormPage.progress(state))),
        ]).text() + "\n"
    }
}
