import CaseAudit

/// The case form: the case id and assessor, the facts, then every question by outcome and
/// criterion. Questions that do not apply are hidden, with the reason in a "why" list per
/// criterion; questions that cannot be decided say which facts to record. What applies comes from
/// ``CaseFormState``; ``FormScript`` updates it in place as facts change, and without scripts the
/// Update button asks the server for the same page.
struct FormPage {
    enum Mode {
        case new
        /// A case read from `file`; `editable` false when the file holds other cases too or is CSV.
        case existing(file: String, editable: Bool, casesInFile: Int)
    }

    /// A message at the top of the page.
    struct Banner {
        enum Kind: String { case ok, error, warn }
        var kind: Kind
        var html: String
    }

    let set: CriteriaSet
    let record: CaseRecord
    let state: CaseFormState
    let mode: Mode
    /// The file version the form was opened at (``CaseFileStore/version(of:)``).
    let version: String
    /// Problems reading the submitted fields, by field.
    var problems: [CaseFormFields.Field?: [String]] = [:]
    /// `lint`'s findings on the saved file, by the field they point at.
    var findings: [CaseFormFields.Field?: [Diagnostic]] = [:]
    var banners: [Banner] = []

    private var h: (String) -> String { Pages.h }

    func render(context: ServeContext) -> String {
        let action: String
        let title: String
        switch mode {
        case .new:
            action = "/new"
            title = "New case"
        case .existing:
            action = "/cases/" + h(record.id)
            title = "Case " + record.id
        }
        var out = "<h1>\(h(title))</h1>\n"
        for banner in banners { out += "<div class=\"banner \(banner.kind.rawValue)\">\(banner.html)</div>\n" }
        out += "<form id=\"case-form\" method=\"post\" action=\"\(action)\">\n" + Pages.csrfField(context)
        out += "<input type=\"hidden\" name=\"version\" value=\"\(h(version))\">\n"
        out += header()
        out += generalFindings()
        out += "<h2>Facts</h2>\n<div class=\"facts\">\n"
        for index in set.facts.indices { out += fact(index) }
        out += "</div>\n"
        var outcome = -1
        var criterion = -1
        for questionState in state.questions {
            let question = set.questions[questionState.question]
            if question.criterion != criterion {
                criterion = question.criterion
                if set.criteria[criterion].outcome != outcome {
                    outcome = set.criteria[criterion].outcome
                    out += "<h2>\(h(set.outcomes[outcome].title))</h2>\n"
                }
                out += "<h3>\(h(set.criteria[criterion].id)) \(h(set.criteria[criterion].title))</h3>\n"
                out += whyList(criterion)
            }
            out += self.question(questionState)
        }
        out += "<div class=\"actions\">"
        out += "<button type=\"submit\" name=\"action\" value=\"update\" class=\"secondary update\">Update the questions</button>"
        if isEditable { out += "<button type=\"submit\" name=\"action\" value=\"save\">Save</button>" }
        out += "<span class=\"muted\" id=\"progress\">\(h(Self.progress(state)))</span></div>\n"
        out += "</form>\n"
        out += "<script nonce=\"\(context.nonce)\">\(FormScript.source)</script>\n"
        return out
    }

    private var isEditable: Bool {
        if case .existing(_, let editable, _) = mode { return editable }
        return true
    }

    private func header() -> String {
        var out = "<div class=\"idline\">"
        switch mode {
        case .new:
            out += "<label class=\"field\">Case id <input type=\"text\" name=\"case\" value=\"\(h(record.id))\" required maxlength=\"64\" "
                + "pattern=\"[A-Za-z0-9][A-Za-z0-9._\\-]*\" autocomplete=\"off\"></label>"
        case .existing(let file, let editable, let count):
            out += "<input type=\"hidden\" name=\"case\" value=\"\(h(record.id))\">"
            out += "<p class=\"muted\">File: \(h(file))"
            if !editable {
                out += count > 1 ? " — one of \(count) cases in this file: the form shows it, edit the file itself to change it"
                    : " — a CSV file: the form shows it, edit the file itself to change it"
            }
            out += "</p>"
        }
        out += "<label class=\"field\">Assessor <input type=\"text\" name=\"assessor\" value=\"\(h(record.assessor ?? ""))\" maxlength=\"200\"></label>"
        out += "</div>\n" + fieldProblems(.caseID) + fieldProblems(.assessor)
        return out
    }

    /// Findings and problems that concern no single field.
    private func generalFindings() -> String {
        let messages = (problems[nil] ?? []).map { ("error", h($0)) }
            + (findings[nil] ?? []).filter { $0.code != "case.unanswered" }.map { ("\($0.severity)", h($0.message) + " [\(h($0.code))]") }
        let unanswered = (findings[nil] ?? []).filter { $0.code == "case.unanswered" }.count
        guard !messages.isEmpty || unanswered > 0 else { return "" }
        var out = "<ul class=\"findings\">"
        for (severity, text) in messages { out += "<li class=\"\(severity)\">\(text)</li>" }
        if unanswered > 0 {
            out += "<li class=\"warning\">\(unanswered) applicable question\(unanswered == 1 ? " is" : "s are") not answered yet [case.unanswered]</li>"
        }
        return out + "</ul>\n"
    }

    private func fieldProblems(_ field: CaseFormFields.Field) -> String {
        let items = (problems[field] ?? []).map { "<li class=\"error\">\(h($0))</li>" }
            + (findings[field] ?? []).map { "<li class=\"\($0.severity)\">\(h($0.message)) [\(h($0.code))]</li>" }
        return items.isEmpty ? "" : "<ul class=\"findings\">" + items.joined() + "</ul>"
    }

    private func fact(_ index: Int) -> String {
        let fact = set.facts[index]
        let name = CaseFormFields.name(.fact(index), in: set)
        let id = HTMLText.id("f-", fact.name)
        let value = record.facts[index]
        var out = "<div class=\"fact\" id=\"\(HTMLText.id("fact-", fact.name))\">"
        out += "<label for=\"\(id)\"\(fact.description.map { " title=\"\(h($0))\"" } ?? "")>\(h(fact.label))</label>"
        out += "<span class=\"name\">\(h(fact.name))</span>"
        switch fact.type {
        case .bool:
            var selected = ""
            if case .bool(let flag)? = value { selected = flag ? "true" : "false" }
            out += select(id, name, [("", "— not recorded —"), ("true", "yes"), ("false", "no")], selected)
        case .enum, .ordinal:
            var selected = ""
            if case .option(let option)? = value { selected = fact.values[option] }
            out += select(id, name, [("", "— not recorded —")] + fact.values.map { ($0, words($0)) }, selected)
        case .set:
            var bits: UInt64?
            if case .set(let value)? = value { bits = value }
            out += "<fieldset id=\"\(id)\">"
            for (element, text) in fact.values.enumerated() {
                let checked = bits.map { $0 & (1 << UInt64(element)) != 0 } ?? false
                out += "<label><input type=\"checkbox\" name=\"\(h(name))\" value=\"\(h(text))\"\(checked ? " checked" : "")> \(h(words(text)))</label>"
            }
            out += "<label class=\"muted\"><input type=\"checkbox\" name=\"\(h(name))\" value=\"[]\"\(bits == 0 ? " checked" : "")> none</label>"
            out += "</fieldset><span class=\"hint\">Nothing ticked: not recorded.</span>"
        case .int, .date, .string:
            let type = fact.type == .date ? "date" : "text"
            let extra = fact.type == .int ? " inputmode=\"numeric\" pattern=\"-?[0-9]+\"" : ""
            out += "<input type=\"\(type)\" id=\"\(id)\" name=\"\(h(name))\" value=\"\(h(value.map { $0.text(fact) } ?? ""))\"\(extra)>"
        }
        return out + fieldProblems(.fact(index)) + "</div>\n"
    }

    private func select(_ id: String, _ name: String, _ options: [(value: String, label: String)], _ selected: String) -> String {
        "<select id=\"\(id)\" name=\"\(h(name))\">" + options.map { option in
            "<option value=\"\(h(option.value))\"\(option.value == selected ? " selected" : "")>\(h(option.label))</option>"
        }.joined() + "</select>"
    }

    private func words(_ value: String) -> String { String(value.map { $0 == "_" ? " " : $0 }) }

    private func question(_ questionState: CaseFormState.QuestionState) -> String {
        let index = questionState.question
        let question = set.questions[index]
        let dom = h(Self.domID(question))
        let hidden: Bool
        if case .notApplicable = questionState.applicability { hidden = true } else { hidden = false }
        var out = "<div class=\"q\" id=\"\(dom)\" data-state=\"\(Self.stateName(questionState.applicability))\"\(hidden ? " hidden" : "")>"
        out += "<p class=\"text\"><span class=\"qid\">\(h(question.id))</span>\(h(question.text))"
        if !question.scored { out += " <span class=\"badge\">descriptive</span>" }
        out += "</p><p class=\"notice\">\(hidden ? "" : h(Self.notice(questionState, set: set)))</p>"
        out += "<div class=\"inputs\">"
        if let guidance = question.guidance { out += "<details><summary>Guidance</summary><p>\(h(guidance))</p></details>" }
        if question.compute != nil {
            out += "<p class=\"computed\">\(h(Self.computedText(questionState, set: set)))</p>"
        } else if let each = question.forEach {
            let fact = set.facts[each]
            var given: [Int: AnswerValue] = [:]
            if case .perElement(let list)? = record.answers[index] { for answer in list { given[answer.element] = answer.value } }
            out += "<table class=\"elements\">"
            for (element, value) in fact.values.enumerated() {
                let asked = questionState.elements.contains(element)
                out += "<tr data-element=\"\(h(value))\"\(asked ? "" : " hidden")><td>\(h(words(value)))</td><td>"
                out += options(question, field: .answer(index, element: element), given: given[element]) + "</td></tr>"
            }
            out += "</table>"
        } else {
            var given: AnswerValue?
            if case .single(let value)? = record.answers[index] { given = value }
            out += options(question, field: .answer(index, element: nil), given: given)
        }
        let note = record.notes[index] ?? ""
        out += "<details class=\"note\"\(note.isEmpty ? "" : " open")><summary>Note</summary>"
        out += "<textarea name=\"\(h(CaseFormFields.name(.note(index), in: set)))\" rows=\"2\">\(h(note))</textarea></details>"
        out += fieldProblems(.note(index))
        out += "</div></div>\n"
        return out
    }

    /// The radio buttons of a question's scale, and "not answered".
    private func options(_ question: Question, field: CaseFormFields.Field, given: AnswerValue?) -> String {
        let scale = set.scales[question.scale]
        let name = CaseFormFields.name(field, in: set)
        var out = "<div class=\"options\" role=\"radiogroup\">"
        for (option, id) in scale.options.enumerated() {
            let checked = given == .option(option)
            let sufficient = question.scored && scale.sufficient.contains(option)
            out += "<label\(sufficient ? " class=\"sufficient\"" : "")><input type=\"radio\" name=\"\(h(name))\" value=\"\(h(id))\"\(checked ? " checked" : "")> \(h(scale.label(of: option)))</label>"
        }
        out += "<label class=\"none\"><input type=\"radio\" name=\"\(h(name))\" value=\"\"\(given == nil ? " checked" : "")> not answered</label>"
        if case .invalid(let text)? = given {
            out += "<label><input type=\"radio\" name=\"\(h(name))\" value=\"\(h(text))\" checked> \(h(text)) (not an option)</label>"
        }
        return out + "</div>" + fieldProblems(field)
    }

    /// The list of a criterion's questions that do not apply, with why, under its heading.
    private func whyList(_ criterion: Int) -> String {
        let questions = set.questions.indices.filter { set.questions[$0].criterion == criterion }
        let hidden = questions.filter { index in
            if case .notApplicable = state.questions[index].applicability { return true }
            return false
        }
        var out = "<details class=\"na\" id=\"\(HTMLText.id("na-", set.criteria[criterion].id))\"\(hidden.isEmpty ? " hidden" : "")>"
        out += "<summary>\(Self.summary(notApplicable: hidden.count))</summary><ul>"
        for index in questions {
            let question = set.questions[index]
            let reasons = hidden.contains(index) ? Self.notice(state.questions[index], set: set) : ""
            out += "<li id=\"why-\(h(Self.domID(question)))\"\(hidden.contains(index) ? "" : " hidden")><span class=\"qid\">\(h(question.id))</span>"
            out += "\(h(question.text))<div class=\"reasons\">\(h(reasons))</div></li>"
        }
        return out + "</ul></details>\n"
    }

    // MARK: Words shared with the applicability JSON, so the page and its script say the same.

    /// The question's element id: `q-` and its id (escape it where it goes into an attribute).
    static func domID(_ question: Question) -> String { "q-" + question.id }

    static func stateName(_ applicability: CaseFormState.Applicability) -> String {
        switch applicability {
        case .applies: return "applies"
        case .dependsOnAnswers: return "depends"
        case .notApplicable: return "not_applicable"
        case .undetermined: return "undetermined"
        }
    }

    /// What the form says about a question's applicability.
    static func notice(_ state: CaseFormState.QuestionState, set: CriteriaSet) -> String {
        switch state.applicability {
        case .applies: return ""
        case .dependsOnAnswers(let conditions): return "Asked only when \(conditions)."
        case .notApplicable(let reasons): return reasons.joined(separator: "; ")
        case .undetermined(let missing):
            return "Whether this applies is not known until the facts say: record "
                + ShortList.text(missing) { "\(set.facts[$0].name) (\(set.facts[$0].label))" } + "."
        }
    }

    static func computedText(_ state: CaseFormState.QuestionState, set: CriteriaSet) -> String {
        let question = set.questions[state.question]
        if let option = state.computed {
            return "Computed from the facts: " + set.scales[question.scale].label(of: option)
        }
        return "Computed from the facts once they are recorded: " + (question.compute?.source ?? "")
    }

    static func summary(notApplicable count: Int) -> String {
        count == 1 ? "1 question does not apply here — why?" : "\(count) questions do not apply here — why?"
    }

    static func progress(_ state: CaseFormState) -> String {
        "\(state.answered) of \(state.applicable) applicable questions answered"
    }
}
