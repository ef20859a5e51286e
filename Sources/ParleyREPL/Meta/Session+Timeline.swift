import Foundation
import ParleyGraph
import ParleyIO
import ParleyQuery
import ParleyValues

/// `:timeline [QUERY]` and `:render timeline FILE [QUERY]` (docs/time.md).
extension Session {
    /// `:timeline [QUERY]`: the dated elements, earliest first, one row each (`when`, `what`,
    /// `who`), printed in the current output mode.
    func timeline(_ args: MetaArguments) -> Bool {
        // `:timeline FILE.svg [QUERY]` draws it, like `:render timeline FILE.svg [QUERY]`.
        if let first = args.words.first, ["svg", "png", "pdf"].contains((first as NSString).pathExtension.lowercased()) {
            return renderTimeline(args, fileWord: 0)
        }
        let (query, origin) = args.rest(after: 0)
        guard let timeline = timeline(query: query, origin: origin) else { return false }
        let rows: [[Value]] = timeline.entries.map { [.string($0.when), .string($0.what), .string($0.who)] }
        if rows.isEmpty {
            say(query.isEmpty ? "No element of the graph has a date (\(describeRule()))." : "Nothing the query returned has a date (\(describeRule())).")
            return true
        }
        return present(QueryResult(columns: ["when", "what", "who"], rows: rows), elapsed: .zero)
    }

    /// `:render timeline FILE.svg|png|pdf [QUERY]` (the file is word 1), or
    /// `:timeline FILE.svg [QUERY]` (word 0).
    func renderTimeline(_ args: MetaArguments, fileWord: Int = 1) -> Bool {
        let words = args.words
        let command = fileWord == 1 ? "render" : "timeline"
        guard words.count > fileWord else { return usageError(args, command, "Expected a file name after timeline", word: fileWord) }
        guard let file = filePath(words[fileWord], args, command, word: fileWord) else { return false }
        let format = (file as NSString).pathExtension.lowercased()
        guard ["svg", "png", "pdf"].contains(format) else {
            return usageError(args, command, "The file name must end in .svg, .png or .pdf, not '\(words[fileWord])'", word: fileWord)
        }
        let (query, origin) = args.rest(after: fileWord + 1)
        guard let timeline = timeline(query: query, origin: origin) else { return false }
        guard !timeline.entries.isEmpty else {
            report("Nothing to draw: no element \(query.isEmpty ? "of the graph" : "the query returned") has a date (\(describeRule()))", args, word: 0)
            return false
        }
        let dot = TimelineDOT.write(timeline, graph: engine.graph, style: dotStyle)
        do {
            for warning in try GraphvizRenderer.render(dot: dot, format: format, to: file) { error(warning) }
        } catch {
            report(error.description, args, word: fileWord)
            return false
        }
        say("Wrote \(file) (\(timeline.entries.count) dated element\(timeline.entries.count == 1 ? "" : "s")).")
        return true
    }

    /// The timeline of the graph, or of what `query` returns; nil (error printed) if the query fails.
    func timeline(query: String, origin: StatementOrigin) -> Timeline? {
        guard !query.isEmpty else { return Timeline(engine.graph) }
        return subgraph(query: query, origin: origin).map { Timeline(engine.graph, subgraph: $0) }
    }

    /// `properties date, start_date, end_date`: the graph's validity rule in words.
    func describeRule() -> String {
        let rule = engine.graph.validity
        return "dates are the properties \(rule.date), \(rule.from) and \(rule.to)"
    }
}
