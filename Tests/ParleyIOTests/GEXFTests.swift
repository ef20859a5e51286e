import Foundation
import ParleyGraph
import ParleyValues
import Testing
@testable import ParleyIO

@Suite("GEXF")
struct GEXFTests {
    @Test("the bundled graph reads back from GEXF equal, and is written dynamic with inclusive ends")
    func bundledRoundTrip() throws {
        let g = try XMLInterchange.bundled()
        let (back, text, _) = try XMLInterchange.roundTrip(g, .gexf)
        #expect(difference(g, back) == nil, "\(difference(g, back) ?? "")")
        #expect(text.contains("<graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">"))
        #expect(text.contains("xmlns=\"http://gexf.net/1.3\"") && text.contains("version=\"1.3\""))
    }

    @Test("every value type, parallel relationships and self-loops read back equal")
    func everyValueRoundTrip() throws {
        let g = try XMLInterchange.everyValue()
        let (back, text, notes) = try XMLInterchange.roundTrip(g, .gexf)
        #expect(difference(g, back) == nil, "\(difference(g, back) ?? "")")
        #expect(text.contains("title=\"words\" type=\"liststring\"/>"))
        #expect(text.contains("title=\"ints\" type=\"liststring\" parley.type=\"listlong\"/>"))
        #expect(text.contains("value=\"[x, &quot;y, z&quot;, &quot;[q]&quot;, &quot;\\&quot;&quot;, &quot; padded &quot;, &quot;&quot;]\""))
        #expect(text.contains("<node id=\"a\" label=\"Astana &lt;&amp;&gt; &quot;quoted&quot; 'single'\">"), "the label is the name")
        #expect(text.contains("label=\"MET\" kind=\"MET\" weight=\"0.25\""), "type as label and kind, float weight as weight")
        #expect(notes.lines.contains("3 lists of mixed, temporal or no items written as JSON text (attributes marked parley.type=\"list\")"))
        #expect(notes.lines.contains("7 temporal values written as ISO 8601 text (attributes marked parley.type)"))
    }

    @Test("validity periods become start and end with GEXF's inclusive end, and read back as dates")
    func dynamicPeriods() throws {
        var g = GraphStore()
        let may = Value.temporal(try TemporalKind.date.parse("2015-05-01")), june = Value.temporal(try TemporalKind.date.parse("2015-06-01"))
        _ = try g.addNode(properties: ["id": "talks", "start_date": may, "end_date": june])
        _ = try g.addNode(properties: ["id": "event", "date": "2015-05"])
        _ = try g.addNode(properties: ["id": "always"])
        let (bytes, _) = try Interchange.text(g, format: .gexf)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("<node id=\"talks\" label=\"talks\" start=\"2015-05-01\" end=\"2015-05-31\">"))
        #expect(text.contains("<node id=\"event\" label=\"event\" start=\"2015-05-01\" end=\"2015-05-31\">"))
        #expect(text.contains("<node id=\"always\" label=\"always\"/>"))
        let read = try XMLInterchange.load("""
            <gexf xmlns="http://gexf.net/1.3" version="1.3"><graph mode="dynamic" timeformat="date"><nodes>
            <node id="n" label="N" start="2015-05-01" end="2015-05-31"/>
            <node id="m"><spells><spell start="2014-01-01" end="2014-12-31"/><spell start="2016-01-01"/></spells></node>
            </nodes><edges/></graph></gexf>
            """, "gexf")
        #expect(read.property(of: 0, named: "start_date") == may && read.property(of: 0, named: "end_date") == june)
        #expect(read.property(of: 0, named: "name") == .string("N"))
        #expect(read.validPeriod(ofNode: 0) == g.validPeriod(ofNode: 0))
        #expect(read.property(of: 1, named: "start_date") == .temporal(try TemporalKind.date.parse("2014-01-01")))
        #expect(read.property(of: 1, named: "end_date") == .temporal(try TemporalKind.date.parse("2015-01-01")))
    }

    @Test("a file in the shape NetworkX 3.6 writes reads back: types from labels, networkx_key dropped")
    func networkXFile() throws {
        let g = try XMLInterchange.load("""
            <?xml version='1.0' encoding='utf-8'?>
            <gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">
              <meta lastmodifieddate="2026-12-03">
                <creator>NetworkX 3.6.1</creator>
              </meta>
              <graph defaultedgetype="directed" mode="static" name="">
                <attributes mode="static" class="edge">
                  <attribute id="5" title="w" type="long" />
                  <attribute id="6" title="networkx_key" type="long" />
                </attributes>
                <attributes mode="static" class="node">
                  <attribute id="0" title="labels" type="string" />
                  <attribute id="1" title="n" type="long" />
                  <attribute id="2" title="x" type="double" />
                  <attribute id="3" title="b" type="boolean" />
                  <attribute id="4" title="s" type="string" />
                </attributes>
                <nodes>
                  <node id="a" label="a">
                    <attvalues>
                      <attvalue for="0" value=":P" />
                      <attvalue for="1" value="1" />
                      <attvalue for="2" value="1.5" />
                      <attvalue for="3" value="true" />
                      <attvalue for="4" value="hé&lt;&amp;&gt;" />
                    </attvalues>
                  </node>
                  <node id="b" label="b" />
                </nodes>
                <edges>
                  <edge source="a" target="b" id="0" label="KNOWS">
                    <attvalues>
                      <attvalue for="5" value="2" />
                      <attvalue for="6" value="0" />
                    </attvalues>
                  </edge>
                  <edge source="a" target="b" id="1" label="KNOWS">
                    <attvalues>
                      <attvalue for="6" value="1" />
                    </attvalues>
                  </edge>
                  <edge source="a" target="a" id="2">
                    <attvalues>
                      <attvalue for="6" value="0" />
                    </attvalues>
                  </edge>
                </edges>
              </graph>
            </gexf>
            """, "gexf")
        #expect(g.nodeCount == 2 && g.relationshipCount == 3)
        #expect(g.labels(of: 0) == ["P"])
        #expect(g.properties(of: 0).keys.sorted() == ["b", "id", "n", "s", "x"], "a label equal to the id is not a name")
        #expect(identical(g.property(of: 0, named: "b"), .bool(true)) && identical(g.property(of: 0, named: "x"), .double(1.5)))
        #expect(g.type(of: 0) == "KNOWS" && g.type(of: 2) == "RELATED")
        #expect(g.properties(ofRelationship: 0).keys.sorted() == ["w"] && g.properties(ofRelationship: 1).isEmpty)
    }

    static let head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" version="1.3">
          <graph defaultedgetype="directed">
            <attributes class="node"><attribute id="0" title="year" type="integer"/></attributes>
            <nodes>
              <node id="a"/>

        """

    @Test("readers' errors are positioned: unknown endpoint, bad value, unknown attribute, bad date")
    func errors() {
        let endpoint = XMLInterchange.loadError(Self.head + "    </nodes>\n    <edges><edge source=\"zz\" target=\"a\"/></edges>\n  </graph>\n</gexf>\n", "gexf")
        #expect(endpoint == """
            g.gexf:8:18: error: <edge> source "zz": no node has this id
                <edges><edge source="zz" target="a"/></edges>
                             ^~~~~~~~~~~
            """)
        let value = XMLInterchange.loadError(Self.head + "      <node id=\"b\"><attvalues><attvalue for=\"0\" value=\"abc\"/></attvalues></node>\n", "gexf")
        #expect(value == "g.gexf:7:49: error: <attvalue> of attribute \"0\" (title=\"year\"): expected an integer but found \"abc\"\n"
            + "      <node id=\"b\"><attvalues><attvalue for=\"0\" value=\"abc\"/></attvalues></node>\n"
            + String(repeating: " ", count: 48) + "^~~~~~~~~~~")

        let unknown = XMLInterchange.loadError(Self.head + "      <node id=\"b\"><attvalues><attvalue for=\"9\" value=\"1\"/></attvalues></node>\n", "gexf")
        #expect(unknown?.hasPrefix("g.gexf:7:41: error: <attvalue> for \"9\": no node <attribute> has this id") == true, "\(unknown ?? "")")
        let date = XMLInterchange.loadError("<gexf><graph timeformat=\"date\"><nodes><node id=\"x\" start=\"May 2015\"/></nodes></graph></gexf>", "gexf")
        #expect(date?.hasPrefix("g.gexf:1:52: error: <node> start: expected a date YYYY-MM-DD but found \"May 2015\"") == true, "\(date ?? "")")
        let root = XMLInterchange.loadError("<graphml/>", "gexf")
        #expect(root?.hasPrefix("g.gexf:1:1: error: expected <gexf> as the root element") == true, "\(root ?? "")")
        let amp = XMLInterchange.loadError("<gexf><graph><nodes><node id=\"a & b\"/></nodes></graph></gexf>", "gexf")
        #expect(amp?.hasPrefix("g.gexf:1:") == true && amp?.contains("error:") == true, "\(amp ?? "")")
    }
}
