import Foundation
import ParleyGraph
import ParleyValues
@testable import ParleyIO
import Testing

/// A graph with every value type, awkward text, several labels, no labels, parallel
/// relationships and a self-loop.
func everyTypeGraph() throws -> GraphStore {
    var g = GraphStore()
    let a = try g.addNode(labels: ["Person"], properties: [
        "id": "a", "name": "Ann \"the\" Analyst, PhD", "note": "one\ntwo\r\nthree", "age": 41, "score": 1.5,
        "nan": .double(.nan), "inf": .double(.infinity), "ninf": .double(-.infinity), "zero": .double(-0.0),
        "ok": true, "emoji": "🕊️ Астана", "blank": "", "semi": "a;b",
        "born": .temporal(try TemporalKind.date.parse("1984-02-29")),
        "wake": .temporal(try TemporalKind.localtime.parse("07:30:15.5")),
        "meet": .temporal(try TemporalKind.time.parse("10:00+06:00")),
        "seen": .temporal(try TemporalKind.localdatetime.parse("2015-05-25T10:30")),
        "at": .temporal(try TemporalKind.datetime.parse("2015-05-25T10:30+06:00[Asia/Almaty]")),
        "took": .temporal(try TemporalKind.duration.parse("P1Y2M3DT4H5M6.5S")),
        "tags": ["x", "y, z", "q\"r"], "nums": [1, 2], "ws": [0.5, 2.0], "flags": [true, false], "empty": [],
    ])
    let b = try g.addNode(labels: ["Person", "Envoy"], properties: ["id": "b", "age": 7])
    let c = try g.addNode(labels: [], properties: ["id": "c,\"d\""])
    _ = try g.addRelationship(type: "KNOWS", from: a, to: b, properties: ["since": 2015, "w": 0.25])
    _ = try g.addRelationship(type: "KNOWS", from: a, to: b, properties: ["since": 2016])
    _ = try g.addRelationship(type: "KNOWS", from: b, to: b, properties: ["note": "self, loop"])
    _ = try g.addRelationship(type: "ODD TYPE", from: c, to: a, properties: ["id": 7])
    return g
}

@Suite("CSV (neo4j-admin) folders")
struct CSVTests {
    /// Writes `graph` as a CSV folder and reads it back.
    func roundTrip(_ graph: GraphStore) throws -> (GraphStore, [String: [UInt8]], ExportNotes) {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        let out = folder + "/export"
        let notes = try Interchange.save(graph, to: out, format: .csv)
        return (try Interchange.load(path: out, format: .csv), folderFiles(out), notes)
    }

    @Test("every value type survives a round trip through a CSV folder, property for property")
    func everyType() throws {
        let g = try everyTypeGraph()
        let (back, files, notes) = try roundTrip(g)
        #expect(differenceByID(g, back) == nil, "\(differenceByID(g, back) ?? "")")
        #expect(notes.isEmpty, "\(notes.lines)")
        #expect(Set(files.keys) == ["nodes_Person.csv", "nodes_Person_Envoy.csv", "nodes.csv", "rels_KNOWS.csv", "rels_ODD_TYPE.csv", "import.sh"])
    }

    @Test("every written CSV file parses with a strict RFC 4180 parser, rows as wide as the header")
    func strictlyParsed() throws {
        let (_, files, _) = try roundTrip(try everyTypeGraph())
        for (name, bytes) in files where name.hasSuffix(".csv") {
            let records = strictCSV(bytes)
            #expect(records != nil, "\(name) is not strict RFC 4180")
            #expect((records?.count ?? 0) >= 2, "\(name) has no rows")
        }
        let people = strictCSV(files["nodes_Person.csv"]!)!
        let header = people[0]
        #expect(header.prefix(2) == ["id:ID", ":LABEL"])
        for expected in ["age:long", "score:double", "ok:boolean", "born:date", "wake:localtime", "meet:time", "seen:localdatetime", "at:datetime", "took:duration", "tags:string[]", "nums:long[]", "ws:double[]", "flags:boolean[]", "name", "blank"] {
            #expect(header.contains(expected), "header lacks \(expected): \(header)")
        }
        let row = Dictionary(uniqueKeysWithValues: zip(header, people[1]))
        #expect(row["name"] == "Ann \"the\" Analyst, PhD")
        #expect(row["note"] == "one\ntwo\r\nthree")
        #expect(row["tags:string[]"] == "x;y, z;q\"r")
        #expect(row["nan:double"] == "NaN" && row["inf:double"] == "Infinity" && row["ninf:double"] == "-Infinity")
        #expect(row["at:datetime"] == "2015-05-25T10:30+06:00[Asia/Almaty]")
        let rels = strictCSV(files["rels_KNOWS.csv"]!)!
        #expect(rels[0] == [":START_ID", ":END_ID", ":TYPE", "note", "since:long", "w:double"])
        #expect(rels[1] == ["a", "b", "KNOWS", "", "2015", "0.25"])
    }

    @Test("the empty string is written quoted and the absent value empty, and they read back apart")
    func emptyVersusAbsent() throws {
        var g = GraphStore()
        _ = try g.addNode(labels: ["T"], properties: ["id": "a", "s": "", "l": []])
        _ = try g.addNode(labels: ["T"], properties: ["id": "b"])
        let (back, files, _) = try roundTrip(g)
        #expect(String(decoding: files["nodes_T.csv"]!, as: UTF8.self) == "id:ID,:LABEL,l:string[],s\na,T,\"\",\"\"\nb,T,,\n")
        #expect(differenceByID(g, back) == nil)
    }

    @Test("import.sh runs neo4j-admin database import full with every file, and is executable")
    func importScript() throws {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        try Interchange.save(try everyTypeGraph(), to: folder + "/g", format: .csv)
        let script = String(decoding: readFile(folder + "/g/import.sh")!, as: UTF8.self)
        #expect(script.hasPrefix("#!/bin/sh\n"))
        #expect(script.contains("\"$admin\" database import full"))
        #expect(script.contains("--multiline-fields=true"))
        for name in ["nodes_Person.csv", "nodes_Person_Envoy.csv", "nodes.csv"] { #expect(script.contains("--nodes=\"$PWD\"/'\(name)'")) }
        for name in ["rels_KNOWS.csv", "rels_ODD_TYPE.csv"] { #expect(script.contains("--relationships=\"$PWD\"/'\(name)'")) }
        var info = stat()
        #expect(stat(folder + "/g/import.sh", &info) == 0 && info.st_mode & 0o111 != 0)
    }

    @Test("a column mixing types becomes a string column with a note; int and double are not merged")
    func mixedColumns() throws {
        var g = GraphStore()
        _ = try g.addNode(labels: ["T"], properties: ["id": "a", "n": 1, "semi": ["x;y"], "one": [""]])
        _ = try g.addNode(labels: ["T"], properties: ["id": "b", "n": 1.5, "semi": ["p"], "one": ["q"]])
        let (back, files, notes) = try roundTrip(g)
        let header = strictCSV(files["nodes_T.csv"]!)![0]
        #expect(header == ["id:ID", ":LABEL", "n", "one", "semi"])
        #expect(notes.lines == [
            "2 values of mixed-type columns written as strings (nodes_T.csv: n)",
            "2 values of mixed-type columns written as strings (nodes_T.csv: one)",
            "2 values of mixed-type columns written as strings (nodes_T.csv: semi)",
        ])
        let a = back.node(withID: "a")!
        #expect(identical(back.property(of: a, named: "n"), "1"))
        #expect(identical(back.property(of: a, named: "semi"), "[\"x;y\"]"))
    }

    @Test("nodes without a unique string id get a fresh one, with a note")
    func freshIDs() throws {
        var g = GraphStore()
        _ = try g.addNode(labels: ["T"], properties: ["id": 5])
        _ = try g.addNode(labels: ["T"], properties: ["id": "x"])
        let (back, _, notes) = try roundTrip(g)
        #expect(notes.lines == ["1 nodes without a unique non-empty string id written with a fresh id (n<internal id>)"])
        #expect(back.node(withID: "n0") != nil && back.node(withID: "x") != nil)
    }
}
