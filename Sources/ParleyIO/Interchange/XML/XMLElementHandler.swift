/// What a format reader does with the elements of an XML document, one at a time; driven by
/// ``read(_:)`` over an ``XMLScanner``.
protocol XMLElementHandler: AnyObject {
    /// An element starts (`name` without namespace prefix). Returns whether the text directly
    /// inside it is wanted (it is then passed to ``end(_:text:)``).
    func start(_ name: ByteSpan, _ attributes: XMLAttributes, at mark: XMLMark) throws(XMLReadError) -> Bool
    /// An element ends; `text` is its text when ``start(_:_:at:)`` asked for it, else empty.
    /// Both spans are valid only during the call.
    func end(_ name: ByteSpan, text: ByteSpan) throws(XMLReadError)
}

extension XMLElementHandler {
    /// Scans the XML document in `bytes`, handing its elements to this handler; the first
    /// error, the document's or the handler's, stops it.
    func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(XMLReadError) {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            throw XMLReadError(message: "the document is empty: expected a root element", mark: nil)
        }
        var scanner = XMLScanner(base: base, count: bytes.count)
        var wantText = false
        var text = ByteSpan(start: base, count: 0)
        while true {
            switch try scanner.next() {
            case .start:
                text.count = 0
                wantText = try start(scanner.name, scanner.attributes, at: XMLMark(offset: scanner.tagStart))
            case .text:
                // Character data between two tags comes as one run: no text to join.
                if wantText { text = scanner.text }
            case .end:
                if !wantText { text.count = 0 }
                try end(scanner.name, text: text)
                wantText = false
                text.count = 0
            case .done:
                return
            }
        }
    }
}
