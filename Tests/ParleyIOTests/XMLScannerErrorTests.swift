import Testing
@testable import ParleyIO

@Suite("XML scanner errors")
struct XMLScannerErrorTests {
    @Test("a mismatched end tag is an error at its '<', naming the open element and its line")
    func mismatchedEndTag() {
        #expect(XMLScan.problem("<a>\n  <b>\n  </c>\n</a>") == "3:3: the end tag does not match the open element: expected </b> (<b> opened on line 2) but found </c>")
        #expect(XMLScan.problem("<y:a xmlns:y=\"u\"></a>") == "1:18: the end tag does not match the open element: expected </y:a> (<y:a> opened on line 1) but found </a>")
    }

    @Test("unterminated tags, comments and attribute values are errors where they start")
    func unterminated() {
        #expect(XMLScan.problem("<a>\n  <b x=\"1\"") == "2:3: the tag <b> is not closed: the document ends before its '>'")
        #expect(XMLScan.problem("<a>\n<!-- no end\n</a>") == "2:1: the comment is not closed: expected '-->'")
        #expect(XMLScan.problem("<a>\n <b x=\"1/>\n</a>") == "3:1: '<' is not allowed in an attribute value: write &lt; (or is the closing quote of x missing?)")
        #expect(XMLScan.problem("<a x='1") == "1:6: the value of x is not closed: expected \"'\" before the end of the document")
        #expect(XMLScan.problem("<a>\n  <b>\n</a>")?.hasPrefix("3:1: the end tag does not match the open element: expected </b>") == true)
        #expect(XMLScan.problem("<a>\n  <b>text") == "2:3: the document ends before its elements are closed: this <b> has no end tag")
        #expect(XMLScan.problem("<a></a") == "1:7: expected '>' to end the end tag </a> but found the end of the document")
    }

    @Test("'<' in an attribute value and a duplicate attribute are errors at the offending byte")
    func attributeErrors() {
        #expect(XMLScan.problem("<a x=\"1<2\"/>") == "1:8: '<' is not allowed in an attribute value: write &lt; (or is the closing quote of x missing?)")
        #expect(XMLScan.problem("<a x=\"1\" y=\"2\" x='3'/>") == "1:16: the attribute x is given twice in this tag")
        #expect(XMLScan.problem("<a x=1/>") == "1:6: expected an attribute value in quotes but found '1'")
        #expect(XMLScan.problem("<a x/>") == "1:5: expected '=' and a quoted value after the attribute name but found '/'")
        #expect(XMLScan.problem("<a x=\"1\"y=\"2\"/>") == "1:9: expected white space, '>' or '/>' after the name but found 'y'")
        #expect(XMLScan.problem("<a / >") == "1:5: expected '>' after '/' to end the empty-element tag but found ' '")
    }

    @Test("bad entity references: unknown name, no name, no ';'")
    func badEntities() {
        #expect(XMLScan.problem("<a>\n fish &chips;</a>") == "2:7: undefined entity &chips;: only &lt; &gt; &amp; &quot; &apos; and character references are known (entities a DOCTYPE declares are not read)")
        #expect(XMLScan.problem("<a>fish & chips</a>") == "1:9: expected a name after '&' (write & as &amp;)")
        #expect(XMLScan.problem("<a x=\"a&b\"/>") == "1:8: expected ';' to end the entity reference (write & as &amp;)")
    }

    @Test("invalid UTF-8 and characters XML cannot hold are errors at the byte, columns counted in characters")
    func invalidBytes() {
        let bytes = Array("<a>é".utf8) + [0xC3, 0x28] + Array("</a>".utf8)
        #expect(XMLScan.problem(bytes) == "1:5: invalid UTF-8: the byte 0xC3 does not start a valid UTF-8 sequence (Parley reads XML in UTF-8)")
        #expect(XMLScan.problem(Array("<a x=\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"/>".utf8))?.hasPrefix("1:7: invalid UTF-8") == true, "an encoded surrogate")
        #expect(XMLScan.problem(Array("<a>".utf8) + [0xC0, 0xAF] + Array("</a>".utf8))?.hasPrefix("1:4: invalid UTF-8") == true, "an overlong form")
        #expect(XMLScan.problem("<a>bell\u{7}</a>") == "1:8: invalid character U+0007: XML 1.0 cannot hold it")
        #expect(XMLScan.problem("<a>\u{FFFF}</a>") == "1:4: invalid character U+FFFF: XML 1.0 cannot hold it")
        #expect(XMLScan.problem("<a>x ]]> y</a>") == "1:6: ']]>' is not allowed in text: write ]]&gt;")
    }

    @Test("text or a second element after the root, text before it, and no root at all are errors")
    func outsideRoot() {
        #expect(XMLScan.problem("<a/>\ntrailing") == "2:1: text after the root element: a document ends with its root element")
        #expect(XMLScan.problem("<a/>\n<b/>") == "2:1: a second root element: a document has exactly one")
        #expect(XMLScan.problem("  hello <a/>") == "1:3: text before the root element: expected '<' to start the root element")
        #expect(XMLScan.problem("<?xml version=\"1.0\"?>\n<!-- only a comment -->\n") == "3:1: the document is empty: it has no root element")
        #expect(XMLScan.problem("</a>") == "1:1: an end tag outside the root element: no element is open")
        #expect(XMLScan.problem("<a/><![CDATA[x]]>")?.hasPrefix("1:5: expected a comment '<!--' or the root element") == true)
        #expect(XMLScan.problem("< a/>") == "1:2: expected a name after '<' but found ' '")
    }
}
