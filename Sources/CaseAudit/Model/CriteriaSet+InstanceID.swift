extension CriteriaSet {
    /// A question's id, with `[element]` for one instance of a `for_each` question:
    /// `rmp.sufficient`, `interv.factor_delivered[alcohol]`.
    public func instanceID(_ question: Int, element: Int?) -> String {
        let id = questions[question].id
        guard let element, let fact = questions[question].forEach else { return id }
        return "\(id)[\(facts[fact].values[element])]"
    }
}
