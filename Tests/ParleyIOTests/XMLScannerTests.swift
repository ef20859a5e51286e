import Testing
@testable import ParleyIO

@Suite("XML scanner")
struct XMLScannerTests {
    @Test("start, end and empty-element tags with attributes in either quote, in document order")
    func tags() {
        #expect(XMLScan.events("<a x=\"1\" y='two'><b/><c  z = \"3\" ></c></a>") == [
            "<a x=\"1\" y=\"two\">", "<b>", "</b>", "<c z=\"3\">", "</c>", "</a>",
        ])
        #expect(XMLScan.events("<a q='say \"hi\"' r=\"it's\"/>") == ["<a q=\"say \"hi\"\" r=\"it's\">", "</a>"])
        #expect(XMLScan.events("<a>\n  <b>text</b>\n</a>\n") == ["<a>", "\"\n  \"", "<b>", "\"text\"", "</b>", "\"\n\"", "</a>"])
    }

    @Test("the five predefined entities and decimal and hexadecimal character references decode in text and attributes")
    func references() {
        #expect(XMLScan.events("<a v=\"&lt;&gt;&amp;&quot;&apos;\">&lt;&gt;&amp;&quot;&apos;</a>") == ["<a v=\"<>&\"'\">", "\"<>&\"'\"", "</a>"])
        #expect(XMLScan.events("<a v=\"&#65;&#x42;&#x43;\">&#233;&#xE9;&#x1F54A;&#10;&#x10FFFF;</a>") == [
            "<a v=\"ABC\">", "\"éé🕊\n\u{10FFFF}\"", "</a>",
        ])
    }

    @Test("character references that name no character XML allows are errors at the '&'")
    func invalidCodePoints() {
        #expect(XMLScan.problem("<a>x&#0;</a>") == "1:5: the character reference &#0; names U+0000, which XML 1.0 cannot hold")
        #expect(XMLScan.problem("<a>&#xD800;</a>") == "1:4: the character reference &#xD800; names U+D800, which XML 1.0 cannot hold")
        #expect(XMLScan.problem("<a>&#xFFFE;</a>") == "1:4: the character reference &#xFFFE; names U+FFFE, which XML 1.0 cannot hold")
        #expect(XMLScan.problem("<a b=\"&#x110000;\"/>") == "1:7: the character reference &#x110000; names no Unicode character, which XML 1.0 cannot hold")
        #expect(XMLScan.problem("<a>&#99999999999999999999;</a>")?.hasPrefix("1:4: the character reference") == true)
        #expect(XMLScan.problem("<a>&#x;</a>") == "1:4: expected hexadecimal digits in the character reference (write & as &amp;)")
        #expect(XMLScan.problem("<a>&#X41;</a>") == "1:4: expected decimal digits in the character reference (write & as &amp;)", "only a lower-case x starts a hexadecimal reference")
        #expect(XMLScan.problem("<a>&#12</a>") == "1:4: expected ';' to end the character reference (write & as &amp;)")
    }

    @Test("attribute values: tab, line feed and carriage return become spaces, character references stay as written")
    func attributeNormalisation() {
        #expect(XMLScan.events("<a v=\"one\ttwo\nthree\r\nfour\rfive\"/>") == ["<a v=\"one two three four five\">", "</a>"])
        #expect(XMLScan.events("<a v=\"one&#9;two&#10;three&#13;\"/>") == ["<a v=\"one\ttwo\nthree\r\">", "</a>"])
    }

    @Test("CDATA sections are text, read verbatim and joined with the text around them")
    func cdata() {
        #expect(XMLScan.events("<a>x<![CDATA[<b>&amp; ]] ]>]]>y</a>") == ["<a>", "\"x<b>&amp; ]] ]>y\"", "</a>"])
        #expect(XMLScan.events("<a><![CDATA[]]></a>") == ["<a>", "</a>"])
        #expect(XMLScan.problem("<a><![CDATA[never closed</a>") == "1:4: the CDATA section is not closed: expected ']]>'")
    }

    @Test("comments and processing instructions are skipped, inside and outside the root element")
    func commentsAndInstructions() {
        let text = "<?xml version=\"1.0\"?>\n<!-- before -->\n<?app do this?>\n<a>x<!-- <b> inside -->y<?app z?>z</a>\n<!-- after --><?after?>\n"
        #expect(XMLScan.events(text) == ["<a>", "\"xyz\"", "</a>"])
        #expect(XMLScan.problem("<a><!-- x -- y --></a>") == "1:11: '--' is not allowed inside a comment (or is the comment's '-->' missing a '>'?)")
        #expect(XMLScan.problem("<a><?xml version=\"1.0\"?></a>") == "1:4: the XML declaration <?xml ...?> is allowed only at the very start of the document")
        #expect(XMLScan.problem("<a><?app never closed</a>") == "1:4: the processing instruction <?app is not closed: expected '?>'")
    }

    @Test("the XML declaration: UTF-8, ASCII or no encoding is read; any other encoding is refused with what to do")
    func declaration() {
        #expect(XMLScan.events("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><a/>") == ["<a>", "</a>"])
        #expect(XMLScan.events("<?xml version='1.0' encoding='utf-8'?><a/>") == ["<a>", "</a>"])
        #expect(XMLScan.events("<?xml version=\"1.0\" encoding=\"US-ASCII\"?><a/>") == ["<a>", "</a>"])
        #expect(XMLScan.events("<?xml version=\"1.0\"?><a/>") == ["<a>", "</a>"])
        #expect(XMLScan.problem("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>")
            == "1:31: the document declares encoding=\"ISO-8859-1\": Parley reads XML in UTF-8 only (save the file as UTF-8 and declare encoding=\"UTF-8\", or leave the encoding out)")
        #expect(XMLScan.problem([0xFF, 0xFE] + Array("<\0a\0/\0>\0".utf8)) == "1:1: the document is in UTF-16 (it starts with a UTF-16 byte order mark): Parley reads XML in UTF-8 only")
        #expect(XMLScan.problem("<?xml version=\"1.0\" color=\"red\"?><a/>") == "1:21: expected version, encoding or standalone in the XML declaration but found 'c'")
        #expect(XMLScan.problem("<?xml version=\"1.0\"") == "1:1: the XML declaration is not closed: expected '?>'")
    }

    @Test("a DOCTYPE is skipped whole, internal subset and all; the entities it declares are never expanded")
    func doctype() {
        let text = """
            <!DOCTYPE graphml SYSTEM "graphml.dtd" [
              <!ENTITY who "world">
              <!-- a comment with a > in it -->
              <!ATTLIST node id CDATA #REQUIRED>
            ]>
            <graphml><node id="a"/></graphml>
            """
        #expect(XMLScan.tags(text) == ["<graphml>", "<node id=\"a\">", "</node>", "</graphml>"])
        #expect(XMLScan.problem("<!DOCTYPE a [<!ENTITY who \"world\">]><a>&who;</a>")
            == "1:40: undefined entity &who;: only &lt; &gt; &amp; &quot; &apos; and character references are known (entities a DOCTYPE declares are not read)")
        #expect(XMLScan.problem("<!DOCTYPE a [ <!ENTITY x \"y\"> ") == "1:1: the DOCTYPE is not closed: expected '>'")
        #expect(XMLScan.problem("<a><!DOCTYPE a></a>") == "1:4: a DOCTYPE is allowed only before the root element")
    }

    @Test("element names lose their namespace prefix; attribute names keep it; every prefix must be declared")
    func namespaces() {
        let text = "<g xmlns=\"u\" xmlns:y=\"v\"><y:node y:k=\"1\" id=\"n\"><y:x/></y:node></g>"
        #expect(XMLScan.events(text) == [
            "<g xmlns=\"u\" xmlns:y=\"v\">", "<node y:k=\"1\" id=\"n\">", "<x>", "</x>", "</node>", "</g>",
        ])
        #expect(XMLScan.problem("<g><y:node/></g>") == "1:5: the namespace prefix y is not declared: add xmlns:y=\"...\" to this element or one around it")
        #expect(XMLScan.problem("<g><node q:x=\"1\"/></g>") == "1:10: the namespace prefix q is not declared: add xmlns:q=\"...\" to this element or one around it")
        #expect(XMLScan.problem("<g><a xmlns:y=\"v\"><y:b/></a><y:c/></g>") == "1:30: the namespace prefix y is not declared: add xmlns:y=\"...\" to this element or one around it")
        #expect(XMLScan.events("<g xml:lang=\"en\"/>") == ["<g xml:lang=\"en\">", "</g>"])
    }

    @Test("UTF-8 text and attribute values of several bytes a character come through unchanged")
    func multibyte() {
        #expect(XMLScan.events("<ключ имя=\"Казахстан 🕊️\">e\u{301} 𝄞 日本</ключ>") == ["<ключ имя=\"Казахстан 🕊️\">", "\"e\u{301} 𝄞 日本\"", "</ключ>"])
    }

    @Test("a byte order mark is skipped, and columns on the first line do not count it")
    func byteOrderMark() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(XMLScan.events(bom + Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>x</a>".utf8)) == ["<a>", "\"x\"", "</a>"])
        #expect(XMLScan.problem(bom + Array("<a></b>".utf8)) == "1:4: the end tag does not match the open element: expected </a> (<a> opened on line 1) but found </b>")
    }

    @Test("CRLF line ends: text reads with \\n, and errors count lines and columns as the file shows them")
    func crlf() {
        #expect(XMLScan.events("<a>\r\n  one\r\n  two\rthree\r\n</a>\r\n") == ["<a>", "\"\n  one\n  two\nthree\n\"", "</a>"])
        #expect(XMLScan.problem("<a>\r\n  <b>\r\n  </c>\r\n</a>\r\n") == "3:3: the end tag does not match the open element: expected </b> (<b> opened on line 2) but found </c>")
    }
}
