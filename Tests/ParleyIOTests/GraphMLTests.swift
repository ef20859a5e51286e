import Foundation
import ParleyGraph
import Testing
@testable import ParleyIO

@Suite("GraphML")
struct GraphMLTests {
    @Test("the bundled graph reads back from GraphML equal, property for property")
    func bundledRoundTrip() throws {
        let g = try XMLInterchange.bundled()
        let (back, text, notes) = try XMLInterchange.roundTrip(g, .graphml)
        #expect(difference(g, back) == nil, "\(difference(g, back) ?? "")")
        #expect(text.contains("edgedefault=\"directed\""))
        #expect(notes.lines.contains { $0.hasSuffix("list values written as JSON text (keys marked parley.type=\"list\")") })
    }

    @Test("every value type, parallel relationships and self-loops read back equal")
    func everyValueRoundTrip() throws {
        let g = try XMLInterchange.everyValue()
        let (back, text, notes) = try XMLInterchange.roundTrip(g, .graphml)
        #expect(difference(g, back) == nil, "\(difference(g, back) ?? "")")
        #expect(back.relationshipCount == 5)
        #expect(text.contains("<key id=\"d0\" for=\"node\" attr.name=\"labels\" attr.type=\"string\" parley.role=\"labels\"/>"))
        // The relationship property named label moves the type key to the name "type".
        #expect(text.contains("attr.name=\"type\" attr.type=\"string\" parley.role=\"type\""))
        #expect(text.contains("parley.type=\"date\""), "temporal keys are marked")
        #expect(text.contains(">Astana &lt;&amp;&gt; &quot;quoted&quot; 'single'</data>"))
        #expect(text.contains(">line one&#10;line two&#9;tab&#13;&#10;</data>"))
        #expect(text.contains("Казахстан 🕊️"), "non-ASCII is written as UTF-8")
        #expect(text.contains(">NaN</data>") && text.contains(">-Infinity</data>"))
        #expect(text.contains("<node id=\"c &amp; d\"/>"))
        #expect(notes.lines.contains("8 list values written as JSON text (keys marked parley.type=\"list\")"))
        #expect(notes.lines.contains("7 temporal values written as ISO 8601 text (keys marked parley.type)"))
    }

    @Test("one key per name: integers and floats share a number key, other mixtures a mixed key")
    func keyPerName() throws {
        let g = try XMLInterchange.everyValue()
        let (bytes, notes) = try Interchange.text(g, format: .graphml)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("for=\"node\" attr.name=\"count\" attr.type=\"string\" parley.type=\"mixed\"/>"))
        #expect(text.contains("for=\"edge\" attr.name=\"weight\" attr.type=\"double\" parley.type=\"number\"/>"))
        #expect(text.contains(">&quot;not a number here&quot;</data>") && text.contains(">9223372036854775807</data>"))
        #expect(notes.lines.contains("2 values of properties holding several types written as JSON text (keys marked parley.type=\"mixed\")"))
    }

    @Test("control characters XML cannot hold are written as U+FFFD and noted; the file stays valid")
    func controlCharacters() throws {
        var g = GraphStore()
        _ = try g.addNode(properties: ["id": "x", "bad": "a\u{1}b\u{0}c\u{FFFF}"])
        let (bytes, notes) = try Interchange.text(g, format: .graphml)
        #expect(XMLInterchange.xmlProblem(bytes) == nil)
        #expect(notes.lines == ["3 characters XML 1.0 cannot hold (control characters) written as U+FFFD"])
        let (back, _, _) = try XMLInterchange.roundTrip(g, .graphml)
        #expect(back.property(of: 0, named: "bad") == .string("a\u{FFFD}b\u{FFFD}c\u{FFFD}"))
    }

    @Test("a file in the shape NetworkX 3.6 writes reads with labels, types, booleans and parallel edges")
    func networkXFile() throws {
        let text = """
            <?xml version='1.0' encoding='utf-8'?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <key id="d6" for="edge" attr.name="w" attr.type="long" />
              <key id="d5" for="edge" attr.name="label" attr.type="string" />
              <key id="d4" for="node" attr.name="s" attr.type="string" />
              <key id="d3" for="node" attr.name="b" attr.type="boolean" />
              <key id="d2" for="node" attr.name="x" attr.type="double" />
              <key id="d1" for="node" attr.name="n" attr.type="long" />
              <key id="d0" for="node" attr.name="labels" attr.type="string" />
              <graph edgedefault="directed">
                <node id="a">
                  <data key="d0">:P</data>
                  <data key="d1">1</data>
                  <data key="d2">1.5</data>
                  <data key="d3">True</data>
                  <data key="d4">hé&lt;&amp;&gt;</data>
                </node>
                <node id="b" />
                <edge source="a" target="b" id="0">
                  <data key="d5">KNOWS</data>
                  <data key="d6">2</data>
                </edge>
                <edge source="a" target="b" id="1">
                  <data key="d5">KNOWS</data>
                </edge>
                <edge source="a" target="a" id="0" />
              </graph>
            </graphml>
            """
        let g = try XMLInterchange.load(text, "graphml")
        #expect(g.nodeCount == 2 && g.relationshipCount == 3)
        #expect(g.labels(of: 0) == ["P"] && g.labels(of: 1).isEmpty)
        #expect(identical(g.property(of: 0, named: "n"), .int(1)))
        #expect(identical(g.property(of: 0, named: "x"), .double(1.5)))
        #expect(identical(g.property(of: 0, named: "b"), .bool(true)))
        #expect(g.property(of: 0, named: "s") == .string("hé<&>"))
        #expect(g.property(of: 1, named: "id") == .string("b"))
        #expect(g.type(of: 0) == "KNOWS" && g.type(of: 1) == "KNOWS" && g.type(of: 2) == "RELATED")
        #expect(identical(g.property(of: 0, relationshipKeyNamed: "w"), .int(2)))
        #expect(g.properties(ofRelationship: 1).isEmpty, "the type key is not also a property; edge ids are not kept")
        #expect(g.startNode(of: 2) == 0 && g.endNode(of: 2) == 0)
    }

    @Test("defaults of keys apply where data is missing; undirected graphs and nested graphs are read")
    func defaultsAndNesting() throws {
        let text = """
            <?xml version="1.0"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
              <key id="k" for="node" attr.name="kind" attr.type="string"><default>plain</default></key>
              <key id="w" for="edge" attr.name="weight" attr.type="double"><default>1.0</default></key>
              <key id="g" for="node" yfiles.type="nodegraphics"/>
              <graph edgedefault="undirected">
                <node id="n0"><data key="g"><y:ShapeNode><y:NodeLabel>drawn</y:NodeLabel></y:ShapeNode></data>
                  <graph id="n0:" edgedefault="undirected"><node id="n0::n1"><data key="k">inner</data></node></graph>
                </node>
                <edge source="n0::n1" target="n0"><data key="w">2.5</data></edge>
                <edge source="n0" target="n0::n1"/>
              </graph>
            </graphml>
            """
        let g = try XMLInterchange.load(text, "graphml")
        #expect(g.nodeCount == 2)
        #expect(g.property(of: 0, named: "kind") == .string("plain") && g.property(of: 1, named: "kind") == .string("inner"))
        #expect(g.properties(of: 0).count == 2, "drawing data are skipped")
        #expect(identical(g.property(of: 0, relationshipKeyNamed: "weight"), .double(2.5)))
        #expect(identical(g.property(of: 1, relationshipKeyNamed: "weight"), .double(1.0)))
        #expect(g.startNode(of: 0) == 1 && g.endNode(of: 0) == 0, "an undirected edge goes from source to target")
    }

    static let head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="d1" for="node" attr.name="year" attr.type="long"/>
          <graph edgedefault="directed">
            <node id="a"/>

        """

    @Test("an edge naming an unknown node is an error under its attribute")
    func unknownTarget() {
        let error = XMLInterchange.loadError(Self.head + "    <edge source=\"a\" target=\"zz\"/>\n  </graph>\n</graphml>\n", "graphml")
        #expect(error == """
            g.graphml:6:22: error: <edge> target "zz": no node has this id
                <edge source="a" target="zz"/>
                                 ^~~~~~~~~~~
            """)
    }

    @Test("a value that is not of its key's type is an error under the value")
    func badTypedValue() {
        let error = XMLInterchange.loadError(Self.head + "    <node id=\"b\"><data key=\"d1\">abc</data></node>\n  </graph>\n</graphml>\n", "graphml")
        #expect(error == """
            g.graphml:6:33: error: <data> of key "d1" (attr.name="year" attr.type="long"): expected an integer but found "abc"
                <node id="b"><data key="d1">abc</data></node>
                                            ^~~
            """)
    }

    @Test("data naming an undeclared key, a node without an id, a repeated id, malformed XML: positioned errors")
    func otherErrors() {
        let unknownKey = XMLInterchange.loadError(Self.head + "    <node id=\"b\"><data key=\"d9\">1</data></node>\n  </graph>\n</graphml>\n", "graphml")
        #expect(unknownKey?.hasPrefix("g.graphml:6:24: error: <data> key \"d9\": no <key> declares this id") == true, "\(unknownKey ?? "")")
        let noID = XMLInterchange.loadError(Self.head + "    <node/>\n  </graph>\n</graphml>\n", "graphml")
        #expect(noID?.hasPrefix("g.graphml:6:5: error: <node> without an id attribute") == true, "\(noID ?? "")")
        let twice = XMLInterchange.loadError(Self.head + "    <node id=\"a\"/>\n  </graph>\n</graphml>\n", "graphml")
        #expect(twice?.hasPrefix("g.graphml:6:11: error: <node> id \"a\": another node has this id (declared on line 5)") == true, "\(twice ?? "")")
        let malformed = XMLInterchange.loadError(Self.head + "    <node id=\"b\">\n  </graph>\n</graphml>\n", "graphml")
        #expect(malformed?.hasPrefix("g.graphml:7:") == true && malformed?.contains("the end tag does not match the open element") == true, "\(malformed ?? "")")
        let badType = XMLInterchange.loadError("<graphml><key id=\"k\" for=\"node\" attr.name=\"x\" attr.type=\"integer\"/></graphml>", "graphml")
        #expect(badType?.hasPrefix("g.graphml:1:47: error: <key> attr.type \"integer\": expected boolean, int, long, float, double or string") == true, "\(badType ?? "")")
        let root = XMLInterchange.loadError("<gexf/>", "graphml")
        #expect(root?.hasPrefix("g.graphml:1:1: error: expected <graphml> as the root element but found <gexf>") == true, "\(root ?? "")")
        #expect(XMLInterchange.loadError("", "graphml")?.contains("empty") == true)
    }

    @Test("an error leaves no graph: nothing is half-loaded")
    func allOrNothing() {
        #expect(throws: GraphFileError.self) {
            _ = try XMLInterchange.load(Self.head + "    <node id=\"b\"/>\n    <edge source=\"b\" target=\"nope\"/>\n  </graph>\n</graphml>\n", "graphml")
        }
    }
}
