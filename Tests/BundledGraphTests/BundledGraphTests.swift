/// BundledGraphTests: the graphs shipped with Parley checked against their documentation:
/// read with Foundation (independently of Parley's loader) and with Parley, the documented
/// vocabulary, questions and time views hold on them.

import Foundation
import Testing

/// The documented vocabulary (docs/astana-2015.md): labels, statuses, provenance.
enum Vocabulary {
    /// The four kinds of actor and event every node is exactly one of.
    static let primaryLabels: Set<String> = ["State", "Organization", "Person", "Talk"]
    /// Second labels and the primary label each one refines.
    static let secondLabels: [String: String] = [
        "Media": "Organization", "Government": "Organization", "Militant": "Organization",
        "Group": "Organization", "Process": "Talk",
    ]
    /// Every label a bundled graph may use.
    static let labels = primaryLabels.union(secondLabels.keys)
    /// The values of a talk's `status`.
    static let statuses: Set<String> = ["held", "scheduled", "postponed", "ongoing"]
    /// The `source` of every fact in the bundled graphs.
    static let source = "The Diplomat, 2015-05-08"
    /// The `evidence` of a fact that is not in the article.
    static let background = "background"
    /// At most this many background facts in the bundled graph.
    static let maxBackground = 5
    /// The bundled graph files.
    static let files = ["astana-2015.json", "tiny.json"]
}

/// Whether `s` is lower-case kebab-case: `a-z0-9` words joined by single hyphens.
func isKebabCase(_ s: String) -> Bool {
    let words = s.split(separator: "-", omittingEmptySubsequences: false)
    return !s.isEmpty && words.allSatisfy { w in !w.isEmpty && w.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) } }
}

/// Whether `s` is UPPER_SNAKE_CASE: `A-Z` words joined by single underscores.
func isUpperSnakeCase(_ s: String) -> Bool {
    let words = s.split(separator: "_", omittingEmptySubsequences: false)
    return !s.isEmpty && words.allSatisfy { w in !w.isEmpty && w.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) } }
}

/// Whether `s` is an ISO 8601 calendar date with year (`2015`), month (`2015-04`) or day (`2015-04-27`) precision.
func isISODate(_ s: String) -> Bool {
    let parts = s.split(separator: "-", omittingEmptySubsequences: false)
    let widths = [4, 2, 2]
    guard (1...3).contains(parts.count) else { return false }
    var numbers: [Int] = []
    for (i, p) in parts.enumerated() {
        guard p.count == widths[i], p.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }), let n = Int(p) else { return false }
        numbers.append(n)
    }
    if numbers.count >= 2, !(1...12).contains(numbers[1]) { return false }
    if numbers.count == 3 {
        let (y, m) = (numbers[0], numbers[1])
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        if !(1...days).contains(numbers[2]) { return false }
    }
    return true
}

/// Whether a decoded JSON value is a storable property: a scalar, or a list of scalars.
func isPropertyValue(_ v: Any, nested: Bool = false) -> Bool {
    switch v {
    case is String, is NSNumber, is Bool, is Int, is Double: return true
    case let list as [Any]: return !nested && list.allSatisfy { isPropertyValue($0, nested: true) }
    default: return false
    }
}

@Suite("Bundled graphs are well-formed and documented")
struct BundledGraphTests {
    @Test("ids are unique kebab-case, endpoints exist, no node is an orphan", arguments: Vocabulary.files)
    func structure(file: String) throws {
        let g = try BundledGraph.load(file)
        let ids = g.nodes.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate node ids in \(file)")
        for id in ids { #expect(isKebabCase(id), "\(file): id '\(id)' is not kebab-case") }
        let known = Set(ids)
        var linked = Set<String>()
        for e in g.edges {
            #expect(known.contains(e.source), "\(file): edge source '\(e.source)' is not a node")
            #expect(known.contains(e.target), "\(file): edge target '\(e.target)' is not a node")
            #expect(isUpperSnakeCase(e.type), "\(file): relationship type '\(e.type)' is not UPPER_SNAKE_CASE")
            linked.insert(e.source); linked.insert(e.target)
        }
        let orphans = known.subtracting(linked).sorted()
        #expect(orphans.isEmpty, "\(file): orphan nodes \(orphans)")
        #expect(!g.edges.isEmpty)
    }

    @Test("every node has one primary label and only documented second labels", arguments: Vocabulary.files)
    func labels(file: String) throws {
        let g = try BundledGraph.load(file)
        for n in g.nodes {
            let primaries = n.labels.filter(Vocabulary.primaryLabels.contains)
            #expect(primaries.count == 1, "\(file): \(n.id) has primary labels \(primaries)")
            #expect(Set(n.labels).count == n.labels.count, "\(file): \(n.id) repeats a label")
            for l in n.labels where !Vocabulary.primaryLabels.contains(l) {
                #expect(Vocabulary.secondLabels[l] != nil, "\(file): \(n.id) has undocumented label \(l)")
                if let primary = Vocabulary.secondLabels[l] {
                    #expect(primaries == [primary], "\(file): \(n.id): \(l) refines \(primary), not \(primaries)")
                }
            }
        }
    }

    @Test("every node and relationship has a source and an evidence string", arguments: Vocabulary.files)
    func provenance(file: String) throws {
        let g = try BundledGraph.load(file)
        for (owner, props) in g.propertyOwners {
            #expect(props["source"] as? String == Vocabulary.source, "\(file): \(owner) lacks source")
            let evidence = props["evidence"] as? String
            #expect(evidence?.isEmpty == false, "\(file): \(owner) lacks evidence")
        }
        let background = g.propertyOwners.filter { $0.1["evidence"] as? String == Vocabulary.background }
        #expect(background.count <= Vocabulary.maxBackground,
                "\(file): \(background.count) background facts, at most \(Vocabulary.maxBackground) allowed")
    }

    @Test("evidence and quotes occur verbatim in the seed article",
          .enabled(if: BundledGraph.article != nil, "the seed article ../shared/seed/000_188744fc314725ed.txt is absent; verbatim checks not run"),
          arguments: Vocabulary.files)
    func verbatim(file: String) throws {
        let article = try #require(BundledGraph.article)
        let g = try BundledGraph.load(file)
        for (owner, props) in g.propertyOwners {
            if let evidence = props["evidence"] as? String, evidence != Vocabulary.background {
                // Compare scalars, not Characters, so curly quotes and no-break spaces must match exactly.
                #expect(article.unicodeScalars.firstRange(of: evidence.unicodeScalars) != nil,
                        "\(file): \(owner) evidence is not verbatim: \(evidence)")
            }
            if let quote = props["quote"] as? String {
                #expect(article.unicodeScalars.firstRange(of: quote.unicodeScalars) != nil,
                        "\(file): \(owner) quote is not verbatim: \(quote)")
            }
        }
    }

    @Test("property values are scalars or lists of scalars; dates are ISO; talks have a status", arguments: Vocabulary.files)
    func properties(file: String) throws {
        let g = try BundledGraph.load(file)
        for (owner, props) in g.propertyOwners {
            for (key, value) in props {
                #expect(isPropertyValue(value), "\(file): \(owner).\(key) is not a scalar or a list of scalars")
                if key == "date" || key.hasSuffix("_date") {
                    let text = value as? String ?? ""
                    #expect(isISODate(text), "\(file): \(owner).\(key) = '\(text)' is not an ISO date")
                }
            }
            if let start = props["start_date"] as? String, let end = props["end_date"] as? String {
                #expect(start <= end, "\(file): \(owner) ends before it starts")
            }
        }
        for n in g.nodes {
            #expect(n.properties["name"] is String, "\(file): \(n.id) has no name")
            if n.labels.contains("Talk") {
                let status = n.properties["status"] as? String ?? "(none)"
                #expect(Vocabulary.statuses.contains(status), "\(file): talk \(n.id) has status \(status)")
            }
            if n.labels.contains("Person") {
                #expect(n.properties["role"] is String, "\(file): person \(n.id) has no role")
            }
        }
    }

    @Test("tiny.json is small, covers every label, and carries Cyrillic and an emoji")
    func tiny() throws {
        let g = try BundledGraph.load("tiny.json")
        #expect((6...10).contains(g.nodes.count))
        #expect(Set(g.nodes.flatMap(\.labels)) == Vocabulary.labels)
        let strings = g.propertyOwners.flatMap { $0.1.values.compactMap { $0 as? String } }
        #expect(strings.contains { $0.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } }, "no Cyrillic text")
        let isEmoji: (Character) -> Bool = { c in
            guard let first = c.unicodeScalars.first, first.properties.isEmoji else { return false }
            return first.properties.isEmojiPresentation || c.unicodeScalars.contains { $0.value == 0xFE0F }
        }
        #expect(strings.contains { $0.contains(where: isEmoji) }, "no emoji")
    }
}
