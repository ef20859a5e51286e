import Foundation
import Testing

/// The lines of the `## Time` section of a markdown text (up to the next `## ` heading).
func timeSection(_ markdown: String) -> [String] {
    var lines: [String] = []
    var inTime = false
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("## ") { inTime = line.hasPrefix("## Time") }
        if inTime { lines.append(String(line)) }
    }
    return lines
}

/// The `| nodes | dated | undated |` and `| relationships | … |` rows of the Time section.
func documentedTimeCounts(_ section: [String]) -> [String: [Int]] {
    var counts: [String: [Int]] = [:]
    for line in section where line.hasPrefix("| nodes |") || line.hasPrefix("| relationships |") {
        let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        counts[cells[0]] = cells.dropFirst().compactMap { Int($0) }
    }
    return counts
}

/// How the Time section's table writes an element's time: `` `2015-04` `` for a point,
/// `` `2015-05-25` to `2015-05-28` `` for an interval, `from …` or `until …` for an open one.
func documentedTime(_ properties: [String: Any]) -> String? {
    if let date = properties["date"] as? String { return "`\(date)`" }
    switch (properties["start_date"] as? String, properties["end_date"] as? String) {
    case let (start?, end?): return "`\(start)` to `\(end)`"
    case let (start?, nil): return "from `\(start)`"
    case let (nil, end?): return "until `\(end)`"
    case (nil, nil): return nil
    }
}

/// Whether an element carries any time property.
func isDated(_ properties: [String: Any]) -> Bool {
    ValidityPeriod.keys.contains { properties[$0] != nil }
}

/// The day `2015-05-25` as `ValidityPeriod` encodes it.
func day(_ text: String) -> Int { ValidityPeriod.firstDay(text) ?? -1 }

@Suite("The bundled graphs' times follow the time convention")
struct TimeTests {
    @Test("each time value is a YYYY, YYYY-MM or YYYY-MM-DD string; a point or an interval, not both; start before end",
          arguments: Vocabulary.files)
    func values(file: String) throws {
        let g = try BundledGraph.load(file)
        for (owner, props) in g.propertyOwners where isDated(props) {
            for key in ValidityPeriod.keys {
                guard let value = props[key] else { continue }
                let text = value as? String
                #expect(text.map(isISODate) == true, "\(file): \(owner).\(key) = \(value) is not a YYYY, YYYY-MM or YYYY-MM-DD string")
            }
            #expect(props["date"] == nil || (props["start_date"] == nil && props["end_date"] == nil),
                    "\(file): \(owner) has both a point date and an interval")
            let period = ValidityPeriod(props)
            #expect(period != nil, "\(file): \(owner) has an unreadable time")
            #expect(period?.isEmpty == false, "\(file): \(owner) ends before or when it starts")
        }
    }

    @Test("exactly the dated elements carry a time_evidence", arguments: Vocabulary.files)
    func evidencePresent(file: String) throws {
        let g = try BundledGraph.load(file)
        for (owner, props) in g.propertyOwners {
            let evidence = props["time_evidence"] as? String
            if isDated(props) {
                #expect(evidence?.isEmpty == false, "\(file): \(owner) is dated but has no time_evidence")
            } else {
                #expect(props["time_evidence"] == nil, "\(file): \(owner) has a time_evidence but no time")
            }
        }
    }

    @Test("every time_evidence occurs verbatim in the seed article, or is background",
          .enabled(if: BundledGraph.article != nil, "the seed article ../shared/seed/000_188744fc314725ed.txt is absent; verbatim checks not run"),
          arguments: Vocabulary.files)
    func evidenceVerbatim(file: String) throws {
        let article = try #require(BundledGraph.article)
        let g = try BundledGraph.load(file)
        for (owner, props) in g.propertyOwners {
            guard let evidence = props["time_evidence"] as? String, evidence != Vocabulary.background else { continue }
            #expect(article.unicodeScalars.firstRange(of: evidence.unicodeScalars) != nil,
                    "\(file): \(owner) time_evidence is not verbatim: \(evidence)")
        }
    }

    @Test("every relationship overlaps each endpoint; all but FOLLOWS share a day with both, so an as-of day shows them")
    func relationshipsVisible() throws {
        let g = try BundledGraph.load("astana-2015.json")
        var periods: [String: ValidityPeriod] = [:]
        for n in g.nodes { periods[n.id] = ValidityPeriod(n.properties) }
        var noCommonDay: [String] = []
        for e in g.edges {
            let owner = "(\(e.source))-[:\(e.type)]->(\(e.target))"
            let own = try #require(ValidityPeriod(e.properties), "\(owner) has an unreadable time")
            let source = try #require(periods[e.source])
            let target = try #require(periods[e.target])
            #expect(!own.intersection(source).isEmpty && !own.intersection(target).isEmpty,
                    "\(owner) holds on no day when one of its endpoints holds")
            if own.intersection(source).intersection(target).isEmpty { noCommonDay.append(owner) }
        }
        // The April Moscow talks follow the January ones: no single day has both, only a span does.
        #expect(noCommonDay == ["(moscow-talks-2015-04)-[:FOLLOWS]->(moscow-talks-2015-01)"])
    }

    @Test("the Syria talks in Astana hold from 25 to 27 May 2015 inclusive: end_date is the exclusive 28th")
    func astanaTalksHalfOpen() throws {
        let g = try BundledGraph.load("astana-2015.json")
        let talk = try #require(g.nodes.first { $0.id == "astana-talks-2015" })
        let period = try #require(ValidityPeriod(talk.properties))
        #expect(["2015-05-25", "2015-05-26", "2015-05-27"].allSatisfy { period.contains(day($0)) })
        #expect(!period.contains(day("2015-05-24")) && !period.contains(day("2015-05-28")))
        let hosted = try #require(g.edges.first { $0.type == "HOSTED" && $0.target == "astana-talks-2015" })
        #expect(ValidityPeriod(hosted.properties) == period)
    }

    @Test("partial dates cover their whole period; a point date ends where the next period starts")
    func partialDates() {
        #expect(ValidityPeriod(["date": "2010"]) == ValidityPeriod(from: 2010_01_01, until: 2011_01_01))
        #expect(ValidityPeriod(["date": "2015-12"]) == ValidityPeriod(from: 2015_12_01, until: 2016_01_01))
        #expect(ValidityPeriod(["date": "2015-02"]) == ValidityPeriod(from: 2015_02_01, until: 2015_03_01))
        #expect(ValidityPeriod(["date": "2016-02-28"]) == ValidityPeriod(from: 2016_02_28, until: 2016_02_29))
        #expect(ValidityPeriod(["date": "2015-02-28"]) == ValidityPeriod(from: 2015_02_28, until: 2015_03_01))
        #expect(ValidityPeriod(["date": "2015-12-31"]) == ValidityPeriod(from: 2015_12_31, until: 2016_01_01))
        #expect(ValidityPeriod(["start_date": "2015", "end_date": "2015-05-08"]) == ValidityPeriod(from: 2015_01_01, until: 2015_05_08))
        #expect(ValidityPeriod(["end_date": "2015-05"]) == ValidityPeriod(from: nil, until: 2015_05_01))
        #expect(ValidityPeriod([:]) == ValidityPeriod(from: nil, until: nil))
        #expect(ValidityPeriod(["date": "2015-02-30"]) == nil)
        #expect(ValidityPeriod(["start_date": "May 2015"]) == nil)
        #expect(ValidityPeriod(["start_date": "2015-05-08", "end_date": "2015-05"])?.isEmpty == true)
        let april = ValidityPeriod(from: 2015_04_01, until: 2015_05_01)
        #expect(april.intersection(ValidityPeriod(from: nil, until: nil)) == april)
        #expect(april.intersection(ValidityPeriod(from: 2015_04_27, until: 2015_04_28)) == ValidityPeriod(from: 2015_04_27, until: 2015_04_28))
        #expect(april.intersection(ValidityPeriod(from: 2015_05_01, until: nil)).isEmpty)
    }

    @Test("docs/astana-2015.md ## Time counts the dated and undated nodes and relationships")
    func countsDocumented() throws {
        let g = try BundledGraph.load("astana-2015.json")
        let section = timeSection(try BundledGraph.text("docs/astana-2015.md"))
        let datedNodes = g.nodes.filter { isDated($0.properties) }.count
        let datedEdges = g.edges.filter { isDated($0.properties) }.count
        #expect(documentedTimeCounts(section) == [
            "nodes": [datedNodes, g.nodes.count - datedNodes],
            "relationships": [datedEdges, g.edges.count - datedEdges],
        ])
    }

    @Test("docs/astana-2015.md ## Time lists every dated element with its time and the clause that dates it")
    func elementsDocumented() throws {
        let g = try BundledGraph.load("astana-2015.json")
        let section = timeSection(try BundledGraph.text("docs/astana-2015.md"))
        let owners = g.nodes.map { ($0.id, $0.properties) }
            + g.edges.map { ("(\($0.source))-[:\($0.type)]->(\($0.target))", $0.properties) }
        var expected: [String] = []
        for (owner, props) in owners {
            guard let time = documentedTime(props) else { continue }
            let clause = props["time_evidence"] as? String ?? "(none)"
            expected.append("| `\(owner)` | \(time) | \(clause) |")
        }
        #expect(Set(expected).count == expected.count, "two dated elements share a row")
        let documented = section.filter { $0.hasPrefix("| `") }
        #expect(documented.sorted() == expected.sorted())
    }
}
