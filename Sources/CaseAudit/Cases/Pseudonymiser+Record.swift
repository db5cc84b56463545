extension Pseudonymiser {
    /// Puts `pseudonym` for the case's raw `id` wherever the case's own text repeats it (a fact's
    /// text, an answer that is not an option, a note, the assessor) and in the messages about the
    /// case read with it. A value that is the id, or holds it (`tier: *id`, a note naming the case),
    /// would otherwise carry the id into messages and outputs that hide it everywhere else.
    func hide(_ id: String, as pseudonym: String, in record: inout CaseRecord, diagnostics: inout ArraySlice<Diagnostic>) {
        guard !id.isEmpty else { return }
        func hidden(_ text: String) -> String { text.contains(id) ? text.replacing(id, with: pseudonym) : text }
        record.assessor = record.assessor.map(hidden)
        for index in record.facts.indices {
            if case .string(let text)? = record.facts[index] { record.facts[index] = .string(hidden(text)) }
        }
        record.answers.mapTexts(hidden)
        for key in record.notes.keys { record.notes[key] = record.notes[key].map(hidden) }
        for index in diagnostics.indices {
            diagnostics[index].message = hidden(diagnostics[index].message)
            for note in diagnostics[index].notes.indices {
                diagnostics[index].notes[note].message = hidden(diagnostics[index].notes[note].message)
            }
        }
    }
}
