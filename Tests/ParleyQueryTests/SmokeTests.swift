import Testing
import ParleyGraph
@testable import ParleyQuery

@Suite("End-to-end smoke")
struct SmokeTests {
    @Test("MATCH with a label returns property values in id order")
    func matchLabel() throws {
        let r = try run("MATCH (p:Person) RETURN p.name", on: socialGraph())
        #expect(r.columns == ["p.name"])
        #expect(column(r) == ["Alice", "Bob", "Carol"])
    }
}
