import ParleyGraph
import ParleyREPL
import Testing
@testable import ParleyIO

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("Errors in graph files: exact message and position")
struct GraphFileErrorTests {
    // MARK: Malformed JSON

    @Test("a trailing comma in the edges array (STORY.md's case, line 212 column 5)")
    func trailingCommaInEdges() {
        // 1 line "{"nodes": [", 207 node lines, "  ],", "  "edges": [", one edge line, "    ]" on 212.
        var lines = ["{\"nodes\": ["]
        for i in 0..<207 { lines.append("    {\"id\": \"n\(i)\"}" + (i < 206 ? "," : "")) }
        lines.append("  ],")
        lines.append("  \"edges\": [")
        lines.append("    {\"source\": \"n0\", \"target\": \"n1\", \"type\": \"MET\"},")
        lines.append("    ]")
        lines.append("}")
        #expect(lines.count == 213)
        #expect(loadError(lines.joined(separator: "\n")) == "g.json:212:5: error: expected '{' after ',' but found ']'")
    }

    @Test("a trailing comma in an object")
    func trailingCommaInObject() {
        #expect(loadError(#"{"nodes": [{"id": "a",}]}"#) == "g.json:1:23: error: expected '\"' after ',' but found '}'")
    }

    @Test("a missing comma between members")
    func missingComma() {
        #expect(loadError(#"{"nodes": [{"id": "a" "labels": []}]}"#) == "g.json:1:23: error: expected ',' or '}' after a value in nodes[0] but found '\"'")
    }

    @Test("a missing comma between array elements")
    func missingCommaInArray() {
        #expect(loadError("{\"nodes\": [{\"id\": \"a\"}\n {\"id\": \"b\"}]}") == "g.json:2:2: error: expected ',' or ']' after nodes[0] but found '{'")
    }

    @Test("comments are not JSON")
    func comment() {
        #expect(loadError("{\n  // nodes\n}") == "g.json:2:3: error: expected '\"' (a key such as \"nodes\") but found '/'")
    }

    @Test("a leading zero")
    func leadingZero() {
        #expect(loadError(#"{"nodes": [{"id": "a", "properties": {"n": 012}}]}"#) == "g.json:1:44: error: expected '.', 'e' or the end of the number after a leading '0' but found '1' (numbers may not have leading zeros)")
    }

    @Test("NaN and Infinity are not JSON numbers")
    func nan() {
        #expect(loadError(#"{"nodes": [{"id": "a", "properties": {"n": NaN}}]}"#) == "g.json:1:44: error: expected a value for nodes[0].properties.n but found 'N'")
        #expect(loadError(#"{"nodes": [{"id": "a", "properties": {"n": -Infinity}}]}"#) == "g.json:1:45: error: expected a digit after '-' but found 'I'")
    }

    @Test("a number with nothing after the point")
    func bareDecimalPoint() {
        #expect(loadError(#"{"nodes": [{"id": "a", "properties": {"n": 1.}}]}"#) == "g.json:1:46: error: expected a digit after '.' but found '}'")
    }

    @Test("single quotes are not JSON strings")
    func singleQuotes() {
        #expect(loadError("{'nodes': []}") == "g.json:1:2: error: expected '\"' (a key such as \"nodes\") but found '''")
    }

    @Test("a lone surrogate escape")
    func loneSurrogate() {
        #expect(loadError(#"{"nodes": [{"id": "a\ud800b"}]}"#) == "g.json:1:21: error: lone high surrogate \\uD800 in a string: expected a low surrogate \\uDC00–\\uDFFF after it")
        #expect(loadError(#"{"nodes": [{"id": "\udc00"}]}"#) == "g.json:1:20: error: lone low surrogate \\uDC00 in a string: expected a high surrogate (\\uD800–\\uDBFF) before it")
    }

    @Test("an unknown escape")
    func badEscape() {
        #expect(loadError(#"{"nodes": [{"id": "a\x"}]}"#) == "g.json:1:22: error: expected an escape character (one of \" \\ / b f n r t u) after '\\' but found 'x'")
    }

    @Test("a raw line break inside a string")
    func controlCharacter() {
        #expect(loadError("{\"nodes\": [{\"id\": \"a\nb\"}]}") == "g.json:1:21: error: expected '\"' to close the string but found the control character U+000A (inside a string, write it as an escape such as \\n)")
    }

    @Test("an unterminated string at the end of the file")
    func unterminated() {
        #expect(loadError(#"{"nodes": [{"id": "abc"#) == "g.json:1:23: error: expected '\"' to close the string but found end of file")
    }

    @Test("text after the top-level object")
    func trailingText() {
        #expect(loadError("{}\n{}") == "g.json:2:1: error: expected end of file after the top-level object but found '{'")
    }

    @Test("a top level that is not an object")
    func notAnObject() {
        #expect(loadError("[]") == "g.json:1:1: error: expected '{' (a JSON object with \"nodes\" and \"edges\") but found '['")
        #expect(loadError("  \n") == "g.json:2:1: error: expected '{' (a JSON object with \"nodes\" and \"edges\") but found end of file")
    }

    @Test("a truncated file")
    func truncated() {
        #expect(loadError("{\"nodes\": [{\"id\": \"a\"},\n") == "g.json:2:1: error: expected '{' but found end of file")
    }

    @Test("an empty file")
    func emptyFile() {
        #expect(loadError("") == "g.json:1:1: error: the file is empty: expected a JSON object such as {\"nodes\": [], \"edges\": []}")
    }

    // MARK: Structure

    @Test("a wrong type at a path: edges[12].target is a number")
    func wrongTypeAtPath() {
        var edges: [String] = []
        for i in 0..<12 { edges.append("{\"source\": \"a\", \"target\": \"b\", \"type\": \"T\(i)\"}") }
        edges.append("{\"source\": \"a\", \"target\": 5, \"type\": \"T\"}")
        let text = "{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}],\n\"edges\": [\n" + edges.joined(separator: ",\n") + "\n]}"
        #expect(loadError(text) == "g.json:15:27: error: edges[12].target: expected a string but found a number")
    }

    @Test("other wrong types name their path")
    func otherWrongTypes() {
        #expect(loadError(#"{"nodes": {}}"#) == "g.json:1:11: error: nodes: expected an array but found an object")
        #expect(loadError(#"{"nodes": [1]}"#) == "g.json:1:12: error: nodes[0]: expected an object but found a number")
        #expect(loadError(#"{"nodes": [{"id": 1}]}"#) == "g.json:1:19: error: nodes[0].id: expected a string but found a number")
        #expect(loadError(#"{"nodes": [{"id": "a", "labels": "X"}]}"#) == "g.json:1:34: error: nodes[0].labels: expected an array but found a string")
        #expect(loadError(#"{"nodes": [{"id": "a", "labels": ["X", true]}]}"#) == "g.json:1:40: error: nodes[0].labels[1]: expected a string but found a boolean")
        #expect(loadError(#"{"nodes": [{"id": "a", "properties": null}]}"#) == "g.json:1:38: error: nodes[0].properties: expected an object but found null")
    }

    @Test("objects and nested lists are not property values")
    func nestedValues() {
        #expect(loadError(#"{"nodes": [{"id": "a", "properties": {"m": {"x": 1}}}]}"#) == "g.json:1:45: error: nodes[0].properties.m: expected a typed value such as {\"$date\": \"2015-05-25\"} (keys $date, $localtime, $time, $localdatetime, $datetime, $duration) but found the key \"x\" (property values cannot be objects)")
        #expect(loadError(#"{"nodes": [{"id": "a", "properties": {"l": [1, [2]]}}]}"#) == "g.json:1:48: error: nodes[0].properties.l[1]: expected a boolean, number, string, typed value or null (property lists cannot hold lists) but found an array")
        #expect(loadError(#"{"nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "a", "type": "T", "properties": {"l": [{}]}}]}"#) == "g.json:1:101: error: edges[0].properties.l[0]: expected a typed value such as {\"$date\": \"2015-05-25\"} (keys $date, $localtime, $time, $localdatetime, $datetime, $duration) but found an empty object")
    }

    @Test("a duplicate node id names the line of the first")
    func duplicateNodeID() {
        let text = "{\"nodes\": [\n  {\"id\": \"kz\"},\n  {\"id\": \"ru\"},\n  {\"id\": \"kz\"}\n]}"
        #expect(loadError(text) == "g.json:4:10: error: nodes[2].id: duplicate node id \"kz\" (first defined on line 2)")
    }

    @Test("an edge endpoint that names no node")
    func danglingEndpoint() {
        #expect(loadError(#"{"nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "zz", "type": "T"}]}"#) == "g.json:1:62: error: edges[0].target: no node has the id \"zz\"")
        // The same when the edges come first (resolved after the nodes are read).
        #expect(loadError(#"{"edges": [{"source": "zz", "target": "a", "type": "T"}], "nodes": [{"id": "a"}]}"#) == "g.json:1:23: error: edges[0].source: no node has the id \"zz\"")
        #expect(loadError(#"{"edges": [{"source": "a", "target": "a", "type": "T"}]}"#) == "g.json:1:23: error: edges[0].source: no node has the id \"a\"")
    }

    @Test("endpoints are checked in file order, also when a later edge is malformed")
    func endpointOrder() {
        // A missing type in edge 1 after good edges (their endpoints are looked up in batches).
        #expect(loadError(#"{"nodes":[{"id":"a"}],"edges":[{"source":"a","target":"a","type":"T"},{"target":"a","source":"a"}]}"#) == "g.json:1:71: error: edges[1]: missing \"type\"")
        // A dangling endpoint in edge 0 is reported before a syntax error in edge 1.
        #expect(loadError(#"{"nodes":[{"id":"a"}],"edges":[{"source":"a","target":"b","type":"T"},{"source":"a",]}"#) == "g.json:1:55: error: edges[0].target: no node has the id \"b\"")
        // Thousands of edges, the bad one deep in a batch, target before source.
        var edges: [String] = []
        for i in 0..<5000 { edges.append(i == 4321 ? #"{"target":"x","source":"a","type":"T"}"# : #"{"target":"a","source":"a","type":"T"}"#) }
        #expect(loadError("{\"nodes\":[{\"id\":\"a\"}],\"edges\":[\n" + edges.joined(separator: ",\n") + "]}") == "g.json:4323:11: error: edges[4321].target: no node has the id \"x\"")
    }

    @Test("missing required keys")
    func missingKeys() {
        #expect(loadError(#"{"nodes": [{"labels": []}]}"#) == "g.json:1:12: error: nodes[0]: missing \"id\" (every node needs a unique string id)")
        #expect(loadError(#"{"nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "a"}]}"#) == "g.json:1:36: error: edges[0]: missing \"type\"")
    }

    @Test("unknown keys are errors, except top-level meta and $schema")
    func unknownKeys() {
        #expect(loadError(#"{"nodes": [], "relationships": []}"#) == "g.json:1:15: error: unknown top-level key \"relationships\": expected \"nodes\", \"edges\", \"propertyTypes\", \"validity\", \"meta\" or \"$schema\"")
        #expect(loadError(#"{"nodes": [{"id": "a", "label": "X"}]}"#) == "g.json:1:24: error: nodes[0]: unknown key \"label\": expected \"id\", \"labels\" or \"properties\"")
        #expect(loadError(#"{"nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "a", "type": "T", "weight": 1}]}"#) == "g.json:1:80: error: edges[0]: unknown key \"weight\": expected \"source\", \"target\", \"type\", \"id\" or \"properties\"")
    }

    @Test("duplicate keys are errors")
    func duplicateKeys() {
        #expect(loadError(#"{"nodes": [], "nodes": []}"#) == "g.json:1:15: error: duplicate top-level key \"nodes\"")
        #expect(loadError(#"{"nodes": [{"id": "a", "id": "b"}]}"#) == "g.json:1:24: error: nodes[0]: duplicate key \"id\"")
        #expect(loadError(#"{"nodes": [{"id": "a", "properties": {"x": 1, "x": 2}}]}"#) == "g.json:1:47: error: nodes[0].properties: duplicate property key \"x\"")
    }

    @Test("id is reserved inside properties")
    func reservedID() {
        #expect(loadError(#"{"nodes": [{"id": "a", "properties": {"id": "b"}}]}"#) == "g.json:1:39: error: nodes[0].properties: \"id\" is reserved for the node id: expected it as the \"id\" key of the node, not among its properties")
    }

    @Test("empty ids, labels and types are errors")
    func emptyNames() {
        #expect(loadError(#"{"nodes": [{"id": ""}]}"#) == "g.json:1:19: error: nodes[0].id: expected a non-empty string but found \"\"")
        #expect(loadError(#"{"nodes": [{"id": "a", "labels": [""]}]}"#) == "g.json:1:35: error: nodes[0].labels[0]: expected a non-empty string but found \"\"")
    }

    // MARK: Encoding and numbers

    @Test("invalid UTF-8 is reported at the offending byte")
    func invalidUTF8() {
        let prefix = Array("{\"nodes\": [{\"id\": \"é".utf8)  // é takes column 20
        #expect(loadError(prefix + [0xC3, 0x28] + Array("\"}]}".utf8)) == "g.json:1:22: error: invalid UTF-8: expected a continuation byte after 0xC3 but found 0x28")
        #expect(loadError(prefix + [0xFF] + Array("\"}]}".utf8)) == "g.json:1:21: error: invalid UTF-8: expected the first byte of a character but found 0xFF (a byte that never occurs in UTF-8)")
        // An encoded surrogate (ED A0 80) and an overlong form (C0 AF) are invalid too.
        #expect(loadError(prefix + [0xED, 0xA0, 0x80] + Array("\"}]}".utf8)) == "g.json:1:22: error: invalid UTF-8: expected a continuation byte after 0xED but found 0xA0")
        #expect(loadError(prefix + [0xC0, 0xAF] + Array("\"}]}".utf8)) == "g.json:1:21: error: invalid UTF-8: expected the first byte of a character but found 0xC0 (a byte that never occurs in UTF-8)")
        // Outside strings.
        #expect(loadError([0x7B, 0x0A, 0x20, 0xFE]) == "g.json:2:2: error: invalid UTF-8: expected the first byte of a character but found 0xFE (a byte that never occurs in UTF-8)")
    }

    @Test("numbers out of range")
    func numbersOutOfRange() {
        #expect(loadError(#"{"nodes": [{"id": "a", "properties": {"n": 9223372036854775808}}]}"#) == "g.json:1:44: error: number out of range: 9223372036854775808 does not fit in a 64-bit integer (write 9223372036854775808.0 for a float)")
        #expect(loadError(#"{"nodes": [{"id": "a", "properties": {"n": -9223372036854775809}}]}"#) == "g.json:1:44: error: number out of range: -9223372036854775809 does not fit in a 64-bit integer (write -9223372036854775809.0 for a float)")
        #expect(loadError(#"{"nodes": [{"id": "a", "properties": {"n": 123456789012345678901234567890}}]}"#) == "g.json:1:44: error: number out of range: 123456789012345678901234567890 does not fit in a 64-bit integer (write 123456789012345678901234567890.0 for a float)")
        #expect(loadError(#"{"nodes": [{"id": "a", "properties": {"n": 1e400}}]}"#) == "g.json:1:44: error: number out of range: 1e400 is too large for a 64-bit float")
    }

    // MARK: Files

    @Test("a missing file")
    func missingFile() {
        #expect(throws: GraphFileError.self) { try GraphFile.load(path: "/nonexistent/kz.json") }
        do {
            _ = try GraphFile.load(path: "/nonexistent/kz.json")
        } catch {
            #expect(error.description == "/nonexistent/kz.json: error: cannot read the file: no such file or directory")
        }
    }

    @Test("an empty file on disk (it cannot be mapped, so it is read)")
    func emptyFileOnDisk() {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        writeFile(folder + "/g.json", [])
        do {
            _ = try GraphFile.load(path: folder + "/g.json")
            Issue.record("loaded an empty file")
        } catch {
            #expect(error.description == "\(folder)/g.json:1:1: error: the file is empty: expected a JSON object such as {\"nodes\": [], \"edges\": []}")
        }
    }

    @Test("an error in a file on disk has the file's name and position")
    func errorOnDisk() {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        writeFile(folder + "/kz.json", Array("{\"nodes\": [\n  {\"id\": \"a\"},\n]}".utf8))
        do {
            _ = try GraphFile.load(path: folder + "/kz.json")
            Issue.record("loaded a bad file")
        } catch {
            #expect(error.description == "\(folder)/kz.json:3:1: error: expected '{' after ',' but found ']'")
        }
    }

    @Test("a directory")
    func directory() {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        do {
            _ = try GraphFile.load(path: folder)
            Issue.record("loading a directory succeeded")
        } catch {
            #expect(error.description == "\(folder): error: cannot read the file: it is a directory")
        }
    }

    @Test("permission denied")
    func permissionDenied() {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        let path = folder + "/secret.json"
        writeFile(path, Array("{}".utf8))
        chmod(path, 0)
        if geteuid() == 0 {
            // Root reads any file, so the real case cannot happen here; check the message
            // the loader gives for EACCES instead.
            #expect(FileAccess.reason(EACCES) == "permission denied")
        } else {
            do {
                _ = try GraphFile.load(path: path)
                Issue.record("loading an unreadable file succeeded")
            } catch {
                #expect(error.description == "\(path): error: cannot read the file: permission denied")
            }
        }
    }

    @Test("the diagnostic renders with the source line and a caret")
    func rendersWithCaret() throws {
        let text = "{\"nodes\": [\n  {\"id\": 5}\n]}"
        do {
            _ = try parse(text)
            Issue.record("loaded")
        } catch {
            #expect(error.diagnostic.render(source: text, fileName: "g.json") == "g.json:2:10: error: nodes[0].id: expected a string but found a number\n  {\"id\": 5}\n         ^")
        }
    }
}
