import ParleyGraph
import ParleyValues

extension BuiltinFunctions {
    /// The string functions: `toUpper`/`upper`, `toLower`/`lower`, `trim`, `ltrim`, `rtrim`,
    /// `btrim` (the last three with an optional set of characters to trim), `replace`,
    /// `substring`, `split`, `left`, `right`, `normalize`, `char_length`/`character_length`.
    ///
    /// Positions and lengths count Unicode code points (as `size()` does), and searching
    /// matches code points exactly (no canonical equivalence), as Cypher strings are sequences
    /// of code points. A `null` argument gives `null`; a negative position or length is
    /// `ArgumentError: NumberOutOfRange`.
    enum Strings {
        /// Applies `function` to arguments whose first one is not null.
        static func call(_ function: Function, _ args: [Value]) throws(QueryError) -> Value {
            let name = function.rawValue
            if args.contains(where: \.isNull) { return .null }
            guard case .string(let s) = args[0] else { throw FunctionError.argumentValue(name, args[0], expected: "a STRING") }
            switch function {
            case .toUpper, .upper: return .string(s.uppercased())
            case .toLower, .lower: return .string(s.lowercased())
            case .trim where args.count == 1: return .string(trimmed(s, leading: true, trailing: true))
            case .trim:
                // `trim(side [c] FROM s)`, parsed into (s, side[, c]): c is one character (GQL).
                let side = try string(args[1], name)
                var set: Set<Unicode.Scalar>?
                if args.count > 2 {
                    let c = try string(args[2], name)
                    guard c.unicodeScalars.count == 1 else {
                        throw QueryError(.runtime, .argument(.invalidArgumentValue),
                                         "trim() removes one character, but the trim character is '\(c)' (use btrim, ltrim or rtrim for a set)")
                    }
                    set = Set(c.unicodeScalars)
                }
                return .string(trimmed(s, leading: side != "TRAILING", trailing: side != "LEADING", characters: set))
            case .ltrim, .rtrim, .btrim:
                let set = args.count > 1 ? Set(try string(args[1], name).unicodeScalars) : nil
                return .string(trimmed(s, leading: function != .rtrim, trailing: function != .ltrim, characters: set))
            case .normalize:
                let form = args.count > 1 ? try string(args[1], name) : "NFC"
                guard let normal = Normalization.normalize(s, form: form) else {
                    throw QueryError(.runtime, .argument(.invalidArgumentValue),
                                     "normalize() expects a normal form NFC, NFD, NFKC or NFKD, but got '\(form)'")
                }
                return .string(normal)
            case .charLength, .characterLength: return .int(Int64(s.unicodeScalars.count))
            case .replace:
                let search = try string(args[1], name), replacement = try string(args[2], name)
                return .string(replace(s, search, replacement))
            case .substring:
                let start = try count(args[1], name, what: "start")
                let scalars = Array(s.unicodeScalars)
                let from = min(start, scalars.count)
                var to = scalars.count
                if args.count > 2 { to = min(scalars.count, from &+ min(try count(args[2], name, what: "length"), scalars.count)) }
                return .string(text(scalars[from..<to]))
            case .left, .right:
                let n = try count(args[1], name, what: "length")
                let scalars = Array(s.unicodeScalars)
                let k = min(n, scalars.count)
                return .string(text(function == .left ? scalars[..<k] : scalars[(scalars.count - k)...]))
            case .split:
                let delimiters: [String]
                switch args[1] {
                case .string(let d): delimiters = [d]
                case .list(let items):
                    var ds: [String] = []
                    for item in items {
                        guard case .string(let d) = item else {
                            throw FunctionError.argumentValue(name, item, expected: "STRING delimiters")
                        }
                        ds.append(d)
                    }
                    delimiters = ds
                default: throw FunctionError.argumentValue(name, args[1], expected: "a STRING or LIST of STRING delimiter")
                }
                return .list(split(s, delimiters).map { .string($0) })
            default:
                return .null
            }
        }

        /// A string argument.
        static func string(_ v: Value, _ name: String) throws(QueryError) -> String {
            guard case .string(let s) = v else { throw FunctionError.argumentValue(name, v, expected: "STRING arguments") }
            return s
        }

        /// A non-negative integer argument, clamped to `Int`.
        static func count(_ v: Value, _ name: String, what: String) throws(QueryError) -> Int {
            guard case .int(let i) = v else { throw FunctionError.argumentValue(name, v, expected: "an INTEGER \(what)") }
            if i < 0 { throw FunctionError.outOfRange("\(name)() \(what) must not be negative, but got \(i)") }
            return Int(clamping: i)
        }

        /// A string made of `scalars`.
        static func text<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> String {
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars)
            return String(out)
        }

        /// `s` without leading and/or trailing white space, or, given `characters`, without
        /// leading and/or trailing code points from that set.
        static func trimmed(_ s: String, leading: Bool, trailing: Bool, characters: Set<Unicode.Scalar>? = nil) -> String {
            let drop: (Unicode.Scalar) -> Bool = { c in characters?.contains(c) ?? c.properties.isWhitespace }
            var scalars = Substring(s).unicodeScalars[...]
            if leading { while let c = scalars.first, drop(c) { scalars.removeFirst() } }
            if trailing { while let c = scalars.last, drop(c) { scalars.removeLast() } }
            return String(scalars)
        }

        /// Every occurrence of `search` in `s` replaced; an empty `search` inserts
        /// `replacement` before every character and at the end (as Java does).
        static func replace(_ s: String, _ search: String, _ replacement: String) -> String {
            if search.isEmpty {
                var out = replacement
                for c in s { out.append(c); out += replacement }
                return out
            }
            let hay = Array(s.unicodeScalars), needle = Array(search.unicodeScalars)
            var out = String.UnicodeScalarView()
            var i = 0
            while i < hay.count {
                if matches(hay, needle, at: i) {
                    out.append(contentsOf: replacement.unicodeScalars)
                    i += needle.count
                } else {
                    out.append(hay[i])
                    i += 1
                }
            }
            return String(out)
        }

        /// `s` cut at every occurrence of any delimiter; an empty delimiter list or an empty
        /// delimiter splits into single characters (code points). Empty pieces are kept.
        static func split(_ s: String, _ delimiters: [String]) -> [String] {
            let hay = Array(s.unicodeScalars)
            let needles = delimiters.map { Array($0.unicodeScalars) }
            if needles.isEmpty || needles.contains(where: \.isEmpty) {
                return hay.map { String($0) }
            }
            var pieces: [String] = []
            var pieceStart = 0, i = 0
            scan: while i < hay.count {
                for needle in needles where matches(hay, needle, at: i) {
                    pieces.append(text(hay[pieceStart..<i]))
                    i += needle.count
                    pieceStart = i
                    continue scan
                }
                i += 1
            }
            pieces.append(text(hay[pieceStart...]))
            return pieces
        }

        /// Whether `needle` occurs in `hay` at `i`.
        static func matches(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar], at i: Int) -> Bool {
            guard i + needle.count <= hay.count else { return false }
            for j in needle.indices where hay[i + j] != needle[j] { return false }
            return true
        }
    }
}
