#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation

/// What a format reader does with the elements of an XML document, one event at a time.
protocol XMLElementHandler: AnyObject {
    /// An element starts (`name` without namespace prefix). Returns whether the text directly
    /// inside it is wanted (it is then passed to ``end(_:text:at:)``).
    func start(_ name: String, _ attributes: [String: String], at: XMLMark) throws(XMLReadError) -> Bool
    /// An element ends; `text` is its text when ``start(_:_:at:)`` asked for it, else empty.
    func end(_ name: String, text: String, at: XMLMark) throws(XMLReadError)
}

/// Where the parser was when it reported an event: libxml2's line and column (in
/// characters) of the end of the tag just read.
struct XMLMark: Sendable {
    var line: Int
    var column: Int
}

/// A reader's complaint about the document, with what it points at.
struct XMLReadError: Error {
    /// The part of the element the caret goes under.
    enum Target {
        /// The start tag of the element at the mark.
        case element
        /// An attribute of the start tag at the mark.
        case attribute(String)
        /// The text of the element whose start tag is at the mark (libxml2's position at an end
        /// tag may be past the following tag, so readers keep the start's mark).
        case text
        /// Exactly the mark (a syntax error).
        case mark
    }

    var message: String
    var mark: XMLMark?
    var target: Target = .element
}

/// Runs Foundation's `XMLParser` (libxml2) over a document and hands its elements to a handler;
/// the first error, the document's or the handler's, stops it.
final class XMLDocumentEvents: NSObject, XMLParserDelegate {
    private let handler: XMLElementHandler
    private var parser: XMLParser?
    private(set) var error: XMLReadError?
    private var wantText = false
    private var text = ""

    private init(handler: XMLElementHandler) {
        self.handler = handler
    }

    /// Parses `bytes` (a whole XML document), calling `handler`; throws the first error.
    /// External entities are never fetched.
    static func parse(_ bytes: [UInt8], handler: XMLElementHandler) throws(XMLReadError) {
        let events = XMLDocumentEvents(handler: handler)
        // Fed as a stream: libxml2 refuses one chunk above 10 MB ("huge input lookup").
        let stream = InputStream(data: Data(bytes))
        let parser = XMLParser(stream: stream)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = events
        events.parser = parser
        _ = parser.parse()
        events.parser = nil
        if let error = events.error { throw error }
        if let failure = parser.parserError {
            throw XMLReadError(message: XMLDocumentEvents.describe(failure), mark: XMLMark(line: parser.lineNumber, column: parser.columnNumber), target: .mark)
        }
    }

    private var mark: XMLMark {
        XMLMark(line: parser?.lineNumber ?? 0, column: parser?.columnNumber ?? 0)
    }

    private func fail(_ e: XMLReadError) {
        if error == nil { error = e }
        parser?.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard error == nil else { return }
        text = ""
        do {
            wantText = try handler.start(elementName, attributeDict, at: mark)
        } catch {
            fail(error)
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard error == nil else { return }
        do {
            try handler.end(elementName, text: wantText ? text : "", at: mark)
        } catch {
            fail(error)
        }
        wantText = false
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if wantText { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if wantText { text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        fail(XMLReadError(message: XMLDocumentEvents.describe(parseError), mark: mark, target: .mark))
    }

    /// A libxml2 error in words: the common ones said plainly, the others by their name.
    static func describe(_ error: Error) -> String {
        let code = (error as NSError).code
        switch code {
        case 4: return "the document is empty: expected an XML document"
        case 5: return "expected the end of the document after the root element but found more content"
        case 9: return "invalid character: XML 1.0 cannot hold it"
        case 22: return "expected a name after '&' (write & as &amp;)"
        case 23: return "expected ';' to end the entity reference (write & as &amp;)"
        case 26, 27: return "undefined entity: only &lt; &gt; &amp; &quot; &apos; and character references are known"
        case 38: return "'<' is not allowed in an attribute value: write &lt;"
        case 39, 40: return "expected an attribute value in quotes"
        case 41: return "expected '=' and a quoted value after the attribute name"
        case 42: return "the attribute is given twice in this tag"
        case 68: return "expected a name"
        case 73: return "expected '>' to end the tag"
        case 76: return "the end tag does not match the open element"
        case 77: return "the document ends before its elements are closed"
        default:
            if let known = XMLParser.ErrorCode(rawValue: code) {
                return "malformed XML: \(words(String(describing: known)))"
            }
            return "malformed XML (libxml2 error \(code))"
        }
    }

    /// `tagNameMismatchError` → `tag name mismatch`.
    private static func words(_ name: String) -> String {
        var out = ""
        for c in name.replacingOccurrences(of: "Error", with: "") {
            if c.isUppercase { out += " " + c.lowercased() } else { out.append(c) }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
