import ParleyGraph
import Testing
@testable import ParleyIO

@Suite("GraphML and GEXF files as other tools write them")
struct XMLReaderStyleTests {
    @Test("a yEd file: drawing keys, y: elements inside data, a group node's nested graph, comments")
    func yEd() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!-- yEd's header comment -->
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:java="http://www.yworks.com/xml/yfiles-common/1.0/java" xmlns:sys="http://www.yworks.com/xml/yfiles-common/markup/primitives/2.0" xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xmlns:yed="http://www.yworks.com/xml/yed/3" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">
              <key attr.name="Description" attr.type="string" for="graph" id="d0"/>
              <key for="port" id="d1" yfiles.type="portgraphics"/>
              <key attr.name="url" attr.type="string" for="node" id="d3"/>
              <key attr.name="description" attr.type="string" for="node" id="d4"/>
              <key for="node" id="d6" yfiles.type="nodegraphics"/>
              <key for="graphml" id="d7" yfiles.type="resources"/>
              <key for="edge" id="d10" yfiles.type="edgegraphics"/>
              <graph edgedefault="directed" id="G">
                <data key="d0" xml:space="preserve"/>
                <node id="n0">
                  <data key="d4" xml:space="preserve"><![CDATA[Start & <finish>]]></data>
                  <data key="d6">
                    <y:ShapeNode>
                      <y:Geometry height="30.0" width="30.0" x="100.0" y="50.0"/>
                      <y:Fill color="#FFCC00" transparent="false"/>
                      <y:NodeLabel alignment="center" autoSizePolicy="content" fontFamily="Dialog">Ünïcode label</y:NodeLabel>
                      <y:Shape type="rectangle"/>
                    </y:ShapeNode>
                  </data>
                </node>
                <node id="n1" yfiles.foldertype="group">
                  <data key="d6"><y:ProxyAutoBoundsNode><y:Realizers active="0"><y:GroupNode/></y:Realizers></y:ProxyAutoBoundsNode></data>
                  <graph edgedefault="directed" id="n1:">
                    <node id="n1::n0"><data key="d3">https://example.org/?a=1&amp;b=2</data></node>
                  </graph>
                </node>
                <edge id="e0" source="n0" target="n1::n0">
                  <data key="d10"><y:PolyLineEdge><y:Arrows source="none" target="standard"/></y:PolyLineEdge></data>
                </edge>
              </graph>
              <data key="d7"><y:Resources/></data>
            </graphml>

            """
        let g = try XMLInterchange.load(text, "graphml")
        #expect(g.nodeCount == 3 && g.relationshipCount == 1)
        #expect(g.property(of: 0, named: "description") == .string("Start & <finish>"))
        #expect(g.property(of: 2, named: "url") == .string("https://example.org/?a=1&b=2"))
        #expect(g.property(of: 2, named: "id") == .string("n1::n0"))
        #expect(g.properties(of: 1).count == 1, "drawing data are skipped: only the id is kept")
        #expect(g.type(of: 0) == "RELATED" && g.startNode(of: 0) == 0 && g.endNode(of: 0) == 2)
    }

    @Test("a Gephi file: viz: elements, edge ids and weights, attributes with defaults, an undirected graph")
    func gephi() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" version="1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">
              <meta lastmodifieddate="2024-01-10">
                <creator>Gephi 0.10.1</creator>
                <description></description>
              </meta>
              <graph defaultedgetype="undirected" mode="static">
                <attributes class="node" mode="static">
                  <attribute id="modularity_class" title="Modularity Class" type="integer"></attribute>
                  <attribute id="kind" title="kind" type="string"><default>person</default></attribute>
                </attributes>
                <nodes>
                  <node id="0" label="Jürgen">
                    <attvalues>
                      <attvalue for="modularity_class" value="3"></attvalue>
                    </attvalues>
                    <viz:size value="10.0"></viz:size>
                    <viz:position x="-12.5" y="40.25"></viz:position>
                    <viz:color r="153" g="0" b="255"></viz:color>
                  </node>
                  <node id="1" label="Zoë &amp; co">
                    <attvalues>
                      <attvalue for="modularity_class" value="1"></attvalue>
                      <attvalue for="kind" value="group"></attvalue>
                    </attvalues>
                  </node>
                </nodes>
                <edges>
                  <edge id="0" source="0" target="1" weight="2.5">
                    <viz:color r="0" g="0" b="0" a="0.5"></viz:color>
                  </edge>
                </edges>
              </graph>
            </gexf>
            """
        let g = try XMLInterchange.load(text, "gexf")
        #expect(g.nodeCount == 2 && g.relationshipCount == 1)
        #expect(g.property(of: 0, named: "name") == .string("Jürgen") && g.property(of: 1, named: "name") == .string("Zoë & co"))
        #expect(identical(g.property(of: 0, named: "Modularity Class"), .int(3)))
        #expect(g.property(of: 0, named: "kind") == .string("person") && g.property(of: 1, named: "kind") == .string("group"))
        #expect(identical(g.property(of: 0, relationshipKeyNamed: "weight"), .double(2.5)))
        #expect(g.type(of: 0) == "RELATED")
    }

    @Test("a GraphML file with a byte order mark and CRLF line ends reads, and its errors point at the right line and column")
    func crlfAndBOM() throws {
        let lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">",
            "  <key id=\"d0\" for=\"node\" attr.name=\"note\" attr.type=\"string\"/>",
            "  <graph edgedefault=\"directed\">",
            "    <node id=\"a\"><data key=\"d0\">line one\r\nline two</data></node>",
            "    <node id=\"b\"/>",
            "    <edge source=\"a\" target=\"b\"/>",
            "  </graph>",
            "</graphml>",
        ]
        let text = "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
        let g = try XMLInterchange.load(text, "graphml")
        #expect(g.nodeCount == 2 && g.relationshipCount == 1)
        #expect(g.property(of: 0, named: "note") == .string("line one\nline two"), "XML reads a CRLF in text as \\n")

        // Line 5 holds a CRLF inside its text, so the edge is on line 8.
        var broken = lines
        broken[6] = "    <edge source=\"a\" target=\"zz\"/>"
        let error = XMLInterchange.loadError("\u{FEFF}" + broken.joined(separator: "\r\n") + "\r\n", "graphml")
        #expect(error?.hasPrefix("g.graphml:8:22: error: <edge> target \"zz\": no node has this id") == true, "\(error ?? "")")
        let malformed = XMLInterchange.loadError("\u{FEFF}<graphml>\r\n  <graph>\r\n  </graf>\r\n</graphml>\r\n", "graphml")
        #expect(malformed?.hasPrefix("g.graphml:3:3: error: the end tag does not match the open element: expected </graph> (<graph> opened on line 2) but found </graf>") == true, "\(malformed ?? "")")
    }

    @Test("a file in another encoding is refused with what to do; an entity from a DOCTYPE is not expanded")
    func refused() {
        let latin = XMLInterchange.loadError("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<graphml/>\n", "graphml")
        #expect(latin?.hasPrefix("g.graphml:1:31: error: the document declares encoding=\"ISO-8859-1\": Parley reads XML in UTF-8 only") == true, "\(latin ?? "")")
        let entity = XMLInterchange.loadError("<!DOCTYPE graphml [<!ENTITY x \"hi\">]>\n<graphml><graph><node id=\"&x;\"/></graph></graphml>\n", "graphml")
        #expect(entity?.hasPrefix("g.graphml:2:27: error: undefined entity &x;") == true, "\(entity ?? "")")
    }
}
