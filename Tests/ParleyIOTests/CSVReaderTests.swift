import Foundation
import ParleyGraph
import ParleyValues
@testable import ParleyIO
import Testing

@Suite("CSV (neo4j-admin) reading")
struct CSVReaderTests {
    /// Writes the files into a fresh folder and loads it; returns the graph or the error text
    /// with the folder's path removed.
    func load(_ files: [String: String]) -> (graph: GraphStore?, error: String?) {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        for (name, text) in files { writeFile(folder + "/" + name, Array(text.utf8)) }
        do {
            return (try Interchange.load(path: folder), nil)
        } catch let e as GraphFileError {
            return (nil, e.description.replacingOccurrences(of: folder + "/", with: ""))
        } catch {
            return (nil, "\(error)")
        }
    }

    func error(_ files: [String: String]) -> String? {
        load(files).error
    }

    @Test("header fields: names, types, arrays, id spaces, special fields, case")
    func headers() throws {
        #expect(try CSVColumn.parse("name").role == .property(key: "name", type: CSVPropertyType(.string)))
        #expect(try CSVColumn.parse("born:int").role == .property(key: "born", type: CSVPropertyType(.integer)))
        #expect(try CSVColumn.parse("x:LONG").role == .property(key: "x", type: CSVPropertyType(.integer)))
        #expect(try CSVColumn.parse("h:float").role == .property(key: "h", type: CSVPropertyType(.float)))
        #expect(try CSVColumn.parse("tags:string[]").role == .property(key: "tags", type: CSVPropertyType(.string, array: true)))
        #expect(try CSVColumn.parse("d:date[]").role == .property(key: "d", type: CSVPropertyType(.temporal(.date), array: true)))
        #expect(try CSVColumn.parse("a:b:string").role == .property(key: "a:b", type: CSVPropertyType(.string)))
        #expect(try CSVColumn.parse("id:ID").role == .id(key: "id", space: ""))
        #expect(try CSVColumn.parse(":ID(Person)").role == .id(key: nil, space: "Person"))
        #expect(try CSVColumn.parse(":START_ID(Person)").role == .startID(space: "Person"))
        #expect(try CSVColumn.parse(":END_ID").role == .endID(space: ""))
        #expect(try CSVColumn.parse(":LABEL").role == .label)
        #expect(try CSVColumn.parse(":TYPE").role == .type)
        #expect(try CSVColumn.parse("junk:IGNORE").role == .ignore)
        #expect(throws: CSVValueError.self) { try CSVColumn.parse("x:integer") }
        #expect(throws: CSVValueError.self) { try CSVColumn.parse("x:date{timezone:UTC}") }
    }

    @Test("a spreadsheet-style folder loads: id spaces, typed columns, arrays, :IGNORE, labels and types from file names")
    func spreadsheet() throws {
        let g = try #require(load([
            "people.csv": "personId:ID(Person),name,born:int,h:float,ok:boolean,joined:date,langs:string[],n:int[],x:IGNORE\r\np1,Ann,1970,1.5,TRUE,2001-03-04,en;fr,1;2,zz\r\np2,\"Li, Wei\",,,false,,,,\r\n",
            "nodes_Org.csv": "orgId:ID(Org),name\no1,\"The \"\"Council\"\"\"\n",
            "rels_MEMBER_OF.csv": ":START_ID(Person),:END_ID(Org),since:long\np1,o1,1999\n",
            "knows.csv": ":START_ID(Person),:END_ID(Person),:TYPE\np1,p2,KNOWS\n",
        ]).graph)
        #expect(g.nodeCount == 3 && g.relationshipCount == 2)
        let p1 = g.nodeIDs.first { g.property(of: $0, named: "personId") == "p1" }!
        #expect(g.labels(of: p1) == ["people"])
        #expect(identical(g.property(of: p1, named: "born"), 1970))
        #expect(identical(g.property(of: p1, named: "h"), 1.5))
        #expect(identical(g.property(of: p1, named: "ok"), true))
        #expect(identical(g.property(of: p1, named: "joined"), .temporal(try TemporalKind.date.parse("2001-03-04"))))
        #expect(identical(g.property(of: p1, named: "langs"), ["en", "fr"]))
        #expect(identical(g.property(of: p1, named: "n"), [1, 2]))
        #expect(g.property(of: p1, named: "x").isNull && g.property(of: p1, named: "id").isNull)
        let p2 = g.nodeIDs.first { g.property(of: $0, named: "personId") == "p2" }!
        #expect(g.property(of: p2, named: "born").isNull && g.property(of: p2, named: "langs").isNull)
        #expect(identical(g.property(of: p2, named: "name"), "Li, Wei"))
        let o1 = g.nodeIDs.first { g.property(of: $0, named: "orgId") == "o1" }!
        #expect(g.labels(of: o1) == ["Org"])
        #expect(identical(g.property(of: o1, named: "name"), "The \"Council\""))
        #expect(Set(g.relationshipIDs.map { g.type(of: $0) }) == ["MEMBER_OF", "KNOWS"])
    }

    @Test("an unnamed :ID column is kept as the id property")
    func unnamedID() throws {
        let g = try #require(load(["n.csv": ":ID,:LABEL\nkz,State\n"]).graph)
        #expect(g.node(withID: "kz") != nil)
        #expect(g.labels(of: g.node(withID: "kz")!) == ["State"])
    }

    @Test("errors name the file, the row's line and the column")
    func positionedErrors() {
        #expect(error(["people.csv": "id:ID,born:int\na,1\nb,2\nc,abc\n"]) == "people.csv:4: error: column born:int: 'abc' is not an integer (or does not fit in 64 bits)")
        #expect(error(["p.csv": "id:ID,ok:boolean\na,yes\n"]) == "p.csv:2: error: column ok:boolean: 'yes' is not a boolean (true or false)")
        #expect(error(["p.csv": "id:ID,d:date\na,2015-02-30\n"])?.hasPrefix("p.csv:2: error: column d:date: '2015-02-30' is not a valid date") == true)
        #expect(error(["p.csv": "id:ID\na\nb\na\n"]) == "p.csv:4: error: column id:ID: duplicate node id 'a' (first defined at p.csv:2)")
        #expect(error(["a.csv": "id:ID\nx\n", "r.csv": ":START_ID,:END_ID,:TYPE\nx,x,T\nx,zz,T\n"]) == "r.csv:3: error: column :END_ID: no node has the id 'zz'")
        #expect(error(["p.csv": "id:ID,name\na,\"x\ny\"\nb\n"]) == "p.csv:4: error: the row has 1 field but the header has 2")
        #expect(error(["p.csv": "id:ID,name\na,\"open\n"]) == "p.csv:2: error: field 2: the quote opened here is never closed")
        #expect(error(["p.csv": "id:ID,x:integer\n"])?.hasPrefix("p.csv:1: error: header field 2: unknown type 'integer'") == true)
        #expect(error(["p.csv": "name,age\n"]) == "p.csv:1: error: the header has no :ID column (a node file) nor one :START_ID and one :END_ID column (a relationship file)")
        #expect(error(["p.csv": "id:ID,n:int[]\na,1;;2\n"])?.hasPrefix("p.csv:2: error: column n:int[]: empty element 2") == true)
        #expect(error(["r.csv": ":START_ID,:END_ID,:TYPE\n"]) == nil)
    }

    @Test("loading is all or nothing: a bad last file leaves no graph")
    func allOrNothing() {
        let result = load(["a.csv": "id:ID\nx\n", "z.csv": ":START_ID,:END_ID\nx,nope\n"])
        #expect(result.graph == nil)
        #expect(result.error == "z.csv:2: error: column :END_ID: no node has the id 'nope'")
    }
}
