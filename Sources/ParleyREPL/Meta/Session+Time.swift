import ParleyGraph
import ParleyQuery

/// As-of views: `:asof`, `:between` (docs/time.md).
extension Session {
    /// The whole graph, also while an as-of view shows part of it (what `:save` writes).
    public var wholeGraph: GraphStore { timeView?.base ?? engine.graph }

    /// The prompt: `parley> `, `parley@2015-04-30> ` in an as-of view, or
    /// `parley@bolt://db:7687> ` on a server (`parley@bolt://db:7687#> ` in a transaction).
    var currentPrompt: String {
        if let target = remoteTarget { return "parley@\(target.uri)\(inRemoteTransaction ? "#" : "")> " }
        return timeView.map { "parley@\($0.label)> " } ?? Session.prompt
    }

    /// `:asof [DATE|off]`.
    func asOf(_ args: MetaArguments) -> Bool {
        let words = args.words
        guard words.count <= 1 else { return usageError(args, "asof", "Expected one date, or off", word: 1) }
        guard let word = words.first else {
            say(describeView())
            return true
        }
        if word.lowercased() == "off" {
            endTimeView()
            say("As-of view ended: every element is visible (\(SchemaSummary(engine.graph).countsLine())).")
            return true
        }
        guard let window = TimeView.window(asOf: word) else {
            report("Expected a day YYYY-MM-DD, a month YYYY-MM or a year YYYY (or off), but found '\(word)'", args, word: 0)
            return false
        }
        startTimeView(window, label: word)
        say(describeView())
        return true
    }

    /// `:between FROM TO`.
    func between(_ args: MetaArguments) -> Bool {
        let words = args.words
        guard words.count == 2 else { return usageError(args, "between", "Expected two dates", word: min(words.count, 2)) }
        for (i, w) in words.enumerated() where ValidPeriod.days(parsing: w) == nil {
            report("Expected a day YYYY-MM-DD, a month YYYY-MM or a year YYYY, but found '\(w)'", args, word: i)
            return false
        }
        guard let window = TimeView.window(from: words[0], to: words[1]) else {
            report("The end (\(words[1])) must come after the start (\(words[0]))", args, word: 1)
            return false
        }
        startTimeView(window, label: "\(words[0])..\(words[1])")
        say(describeView())
        return true
    }

    /// Shows only what holds during `window`; a view already on is replaced (it is made from
    /// the whole graph, not from the current view).
    public func startTimeView(_ window: ValidPeriod, label: String) {
        let base = wholeGraph
        let (view, unreadable) = base.view(during: window)
        timeView = TimeView(window: window, label: label, base: base, unreadable: unreadable)
        engine.graph = view
        engine.readOnlyReason = "the graph is an as-of view (\(label)); :asof off ends it"
    }

    /// Back to the whole graph.
    func endTimeView() {
        guard let view = timeView else { return }
        engine.graph = view.base
        engine.readOnlyReason = nil
        timeView = nil
    }

    /// Makes the view again over a new whole graph (after `:load`).
    func refreshTimeView(base: GraphStore) {
        guard let view = timeView else { engine.graph = base; return }
        timeView = nil
        engine.graph = base
        startTimeView(view.window, label: view.label)
    }

    /// `As of 2015-04-30: 35 of 41 nodes, 33 of 66 relationships hold (read-only; :asof off ends it).`
    func describeView() -> String {
        guard let view = timeView else { return "No as-of view: every element is visible. :asof DATE or :between FROM TO starts one." }
        let g = engine.graph, b = view.base
        let what = view.label.contains("..") ? "Between \(view.label.replacingOccurrences(of: "..", with: " and "))" : "As of \(view.label)"
        var text = "\(what): \(g.nodeCount) of \(b.nodeCount) nodes, \(g.relationshipCount) of \(b.relationshipCount) relationships hold (read-only; :asof off ends it)."
        if view.unreadable > 0 {
            let rule = b.validity
            text += "\n\(view.unreadable) element\(view.unreadable == 1 ? " has" : "s have") a \(rule.date), \(rule.from) or \(rule.to) that is not a date; they are shown."
        }
        return text
    }
}
