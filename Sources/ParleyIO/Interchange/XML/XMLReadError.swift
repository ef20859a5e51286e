/// Where an XML event or a problem is: the byte offset in the document (for an element, the
/// offset of its `<`). Lines and columns are worked out only when an error is reported.
struct XMLMark: Sendable {
    var offset: Int
}

/// A problem with an XML document, the scanner's or a reader's, with what it points at.
struct XMLReadError: Error {
    /// The part of the document the caret goes under.
    enum Target {
        /// The start tag of the element at the mark (its `<` and name).
        case element
        /// An attribute (`name="value"`) of the start tag at the mark.
        case attribute(String)
        /// The text of the element whose start tag is at the mark.
        case text
        /// Exactly the character at the mark.
        case mark
        /// The given number of bytes from the mark.
        case bytes(Int)
    }

    var message: String
    var mark: XMLMark?
    var target: Target = .element
}
