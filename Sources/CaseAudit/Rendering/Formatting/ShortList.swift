/// A list of names cut to its first few: `a, b, c`, or `a, b, c, d, e, f and 12 more`. A question
/// can hang on hundreds of facts through a chain of `answer()`s; a message or a gap names six.
public enum ShortList {
    /// The most names given.
    public static let shown = 6

    public static func text<Items: Collection>(_ items: Items, name: (Items.Element) -> String) -> String {
        let names = items.prefix(shown).map(name).joined(separator: ", ")
        return items.count > shown ? "\(names) and \(items.count - shown) more" : names
    }
}
