import ParleyGraph
@testable import ParleyREPL

/// Shared fixtures of the REPL tests.
enum REPLFixture {
    /// A small graph: two states hosting one talk, one person attending it.
    static func graph() throws -> GraphStore {
        var g = GraphStore()
        let kz = try g.addNode(labels: ["State"], properties: ["id": "kazakhstan", "name": "Kazakhstan"])
        let ru = try g.addNode(labels: ["State"], properties: ["id": "russia", "name": "Russia"])
        let talk = try g.addNode(labels: ["Talk"], properties: ["id": "astana-1", "name": "Astana talks", "date": "2015-05-25"])
        let person = try g.addNode(labels: ["Person"], properties: ["id": "mistura", "name": "Staffan de Mistura"])
        try g.addRelationship(type: "HOSTED", from: kz, to: talk)
        try g.addRelationship(type: "HOSTED", from: ru, to: talk, properties: ["evidence": "said so"])
        try g.addRelationship(type: "ATTENDED", from: person, to: talk)
        return g
    }

    /// A session over the sample graph writing into strings.
    static func session(interactive: Bool = false) throws -> (Session, StringOutput, StringOutput) {
        let out = StringOutput(), err = StringOutput()
        let session = Session(graph: try graph(), path: nil, output: out, errors: err, interactive: interactive)
        return (session, out, err)
    }

    /// Runs `text` as a script named `fileName` through `session`; returns the failures.
    @discardableResult
    static func run(_ session: Session, _ text: String, fileName: String? = "test.cypher", stopOnError: Bool = false) -> Int {
        session.runInput(PlainLineReader(text: text), fileName: fileName, stopOnError: stopOnError)
    }

    /// A fresh temporary folder path.
    static func temporaryPath(_ name: String) -> String {
        let dir = "/tmp/parley-repl-tests-\(getpid())"
        _ = mkdir(dir, 0o755)
        return dir + "/" + name
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
