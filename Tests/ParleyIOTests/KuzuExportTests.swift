import Foundation
import ParleyGraph
import ParleyValues
@testable import ParleyIO
import Testing

@Suite("Kùzu export")
struct KuzuExportTests {
    /// Exports `graph` for Kùzu; returns the files by name and the notes.
    func export(_ graph: GraphStore) throws -> ([String: [UInt8]], ExportNotes) {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        let notes = try Interchange.save(graph, to: folder + "/k", format: .kuzu)
        return (folderFiles(folder + "/k"), notes)
    }

    func text(_ files: [String: [UInt8]], _ name: String) -> String { String(decoding: files[name] ?? [], as: UTF8.self) }

    @Test("schema: a node table per label with typed columns and the id key, a rel table per type with every FROM/TO pair")
    func schema() throws {
        var g = GraphStore()
        let s = try g.addNode(labels: ["State"], properties: ["id": "kz", "name": "Kazakhstan", "pop": 19, "area": 2.7, "un": true])
        let p = try g.addNode(labels: ["Person"], properties: ["id": "p1", "born": .temporal(try TemporalKind.date.parse("1940-07-06"))])
        let t = try g.addNode(labels: ["Talk"], properties: ["id": "t1", "at": .temporal(try TemporalKind.localdatetime.parse("2015-05-25T10:30"))])
        _ = try g.addRelationship(type: "ATTENDED", from: p, to: t, properties: ["weight": 0.5])
        _ = try g.addRelationship(type: "ATTENDED", from: s, to: t)
        _ = try g.addRelationship(type: "HOSTED", from: s, to: t)
        let (files, notes) = try export(g)
        #expect(notes.isEmpty, "\(notes.lines)")
        #expect(text(files, "schema.cypher") == """
            CREATE NODE TABLE `State`(id STRING, `area` DOUBLE, `name` STRING, `pop` INT64, `un` BOOLEAN, PRIMARY KEY(id));
            CREATE NODE TABLE `Person`(id STRING, `born` DATE, PRIMARY KEY(id));
            CREATE NODE TABLE `Talk`(id STRING, `at` TIMESTAMP, PRIMARY KEY(id));
            CREATE REL TABLE `ATTENDED`(FROM `Person` TO `Talk`, FROM `State` TO `Talk`, `weight` DOUBLE);
            CREATE REL TABLE `HOSTED`(FROM `State` TO `Talk`);

            """)
        #expect(text(files, "load.cypher") == """
            COPY `State` FROM 'nodes_State.csv' (header=true);
            COPY `Person` FROM 'nodes_Person.csv' (header=true);
            COPY `Talk` FROM 'nodes_Talk.csv' (header=true);
            COPY `ATTENDED` FROM 'rels_ATTENDED_Person_Talk.csv' (from='Person', to='Talk', header=true);
            COPY `ATTENDED` FROM 'rels_ATTENDED_State_Talk.csv' (from='State', to='Talk', header=true);
            COPY `HOSTED` FROM 'rels_HOSTED_State_Talk.csv' (from='State', to='Talk', header=true);

            """)
        #expect(text(files, "nodes_Talk.csv") == "id,at\nt1,2015-05-25 10:30:00\n")
        #expect(text(files, "rels_ATTENDED_State_Talk.csv") == "from,to,weight\nkz,t1,\n")
    }

    @Test("a node with several labels lands in its first label's table, with all labels in _labels, and a note")
    func severalLabels() throws {
        var g = GraphStore()
        _ = try g.addNode(labels: ["Organization", "Government"], properties: ["id": "mfa"])
        _ = try g.addNode(labels: ["Organization"], properties: ["id": "un"])
        _ = try g.addNode(labels: [], properties: ["id": "x"])
        let (files, notes) = try export(g)
        #expect(text(files, "schema.cypher").hasPrefix("CREATE NODE TABLE `Organization`(id STRING, _labels STRING[], PRIMARY KEY(id));\nCREATE NODE TABLE `Unlabeled`(id STRING, PRIMARY KEY(id));"))
        #expect(text(files, "nodes_Organization.csv") == "id,_labels\nmfa,\"[Organization,Government]\"\nun,[Organization]\n")
        #expect(notes.lines == ["1 nodes with several labels placed in the table of their first label (all labels in its _labels column)"])
    }

    @Test("lists are Kùzu lists; values Kùzu cannot type are STRING text, noted once")
    func listsAndText() throws {
        var g = GraphStore()
        _ = try g.addNode(labels: ["T"], properties: [
            "id": "a", "nums": [1, 2], "tags": ["a", "b"], "odd": ["x,y"], "mixed": 1,
            "took": .temporal(try TemporalKind.duration.parse("P1D")),
        ])
        _ = try g.addNode(labels: ["T"], properties: ["id": "b", "mixed": "one", "note": "say \"hi\",\nthen go"])
        let (files, notes) = try export(g)
        #expect(text(files, "schema.cypher") == "CREATE NODE TABLE `T`(id STRING, `mixed` STRING, `note` STRING, `nums` INT64[], `odd` STRING, `tags` STRING[], `took` STRING, PRIMARY KEY(id));\n")
        #expect(text(files, "load.cypher") == "COPY `T` FROM 'nodes_T.csv' (header=true, parallel=false);\n")
        let rows = try #require(strictCSV(files["nodes_T.csv"]!))
        #expect(rows[1] == ["a", "1", "", "[1,2]", "[\"x,y\"]", "[a,b]", "P1D"])
        #expect(rows[2] == ["b", "one", "say \"hi\",\nthen go", "", "", "", ""])
        #expect(notes.lines == ["3 columns written as STRING text, Kùzu having no type that holds their values unchanged (T.mixed, T.odd, T.took)"])
    }

    @Test("every CSV file of a Kùzu export parses with a strict RFC 4180 parser")
    func strict() throws {
        let (files, _) = try export(try everyTypeGraph())
        for (name, bytes) in files where name.hasSuffix(".csv") {
            #expect(strictCSV(bytes) != nil, "\(name) is not strict RFC 4180")
        }
        #expect(text(files, "schema.cypher").contains("CREATE REL TABLE `ODD TYPE`(FROM `Unlabeled` TO `Person`, `id` INT64);"))
    }

    @Test("local date-times finer than a microsecond are cut for TIMESTAMP, with a note")
    func timestamps() throws {
        var g = GraphStore()
        _ = try g.addNode(labels: ["T"], properties: ["id": "a", "at": .temporal(try TemporalKind.localdatetime.parse("2015-05-25T10:30:01.123456789"))])
        let (files, notes) = try export(g)
        #expect(text(files, "nodes_T.csv") == "id,at\na,2015-05-25 10:30:01.123456\n")
        #expect(notes.lines == ["1 local date-times cut to microseconds (Kùzu TIMESTAMP)"])
    }
}

@Suite("Atomic folder writes")
struct AtomicFolderTests {
    @Test("a new export replaces an old one whole: files the new one lacks are gone")
    func replaces() throws {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        try AtomicFolder.write([("a.csv", [1]), ("b.csv", [2])], to: folder + "/out")
        try AtomicFolder.write([("a.csv", [3])], to: folder + "/out")
        #expect(folderFiles(folder + "/out") == ["a.csv": [3]])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out"])
    }

    @Test("a failure while writing leaves the old folder as it was and no temporary folder")
    func failureKeepsOld() throws {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        try AtomicFolder.write([("a.csv", [1])], to: folder + "/out")
        #expect(throws: FileAccess.Failure.self) {
            try AtomicFolder.write([("b.csv", [2]), ("no/such/dir.csv", [3])], to: folder + "/out")
        }
        #expect(folderFiles(folder + "/out") == ["a.csv": [1]])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out"])
    }

    @Test("a folder holding anything an export does not write is never replaced")
    func refusesForeign() throws {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        mkdir(folder + "/docs", 0o755)
        writeFile(folder + "/docs/thesis.tex", [1, 2, 3])
        let g = try everyTypeGraph()
        #expect(throws: GraphFileError.self) { try Interchange.save(g, to: folder + "/docs", format: .csv) }
        #expect(folderFiles(folder + "/docs") == ["thesis.tex": [1, 2, 3]])
        writeFile(folder + "/file", [9])
        #expect(throws: GraphFileError.self) { try Interchange.save(g, to: folder + "/file", format: .kuzu) }
    }
}
