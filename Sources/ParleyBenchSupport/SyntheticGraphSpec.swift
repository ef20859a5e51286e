/// The shape of the synthetic "diplomacy" benchmark graph: labels and their shares,
/// relationship types with their endpoint-label shares and properties, and the word lists
/// names are made from. The same shape as the anchors' benchmark generator (version 1).
enum SyntheticGraphSpec {
    /// The node labels, in the order their nodes are numbered and written.
    static let labels = ["State", "Organization", "Person", "Talk"]
    /// Each label's share of the nodes (Person takes the rounding remainder).
    static let labelShares: [Double] = [0.05, 0.15, 0.50, 0.30]
    /// The id prefix of each label's nodes (`s0`, `o0`, `p0`, `t0`).
    static let prefixes = ["s", "o", "p", "t"]
    /// The node properties of each label, in column order.
    static let nodeColumns: [[String]] = [["name", "population"], ["name"], ["name", "born", "role"], ["name", "date", "city"]]

    static let state = 0, organization = 1, person = 2, talk = 3

    /// The property a relationship type carries.
    enum RelationshipProperty {
        /// `weight`: a double with three decimals in (0, 1].
        case weight
        /// `since`: a year.
        case since
    }

    /// One relationship type drawn from the activity weights: its share of the edges left
    /// after HOSTED, its endpoint-label pairs with their shares, and its property.
    struct RelationshipType {
        var name: String
        var share: Double
        var pairs: [(from: Int, to: Int, share: Double)]
        var property: RelationshipProperty?
    }

    /// The drawn relationship types, in drawing order.
    static let relationshipTypes: [RelationshipType] = [
        .init(name: "ATTENDED", share: 0.55, pairs: [(person, talk, 0.80), (organization, talk, 0.15), (state, talk, 0.05)], property: .weight),
        .init(
            name: "MEMBER_OF", share: 0.15,
            pairs: [(person, organization, 0.75), (person, state, 0.15), (organization, organization, 0.10)], property: .since),
        .init(name: "ALLY_OF", share: 0.02, pairs: [(state, state, 1.0)], property: .since),
        .init(name: "DECLINED", share: 0.15, pairs: [(person, talk, 0.85), (organization, talk, 0.15)], property: nil),
        .init(name: "MEDIATED", share: 0.13, pairs: [(person, talk, 0.70), (state, talk, 0.30)], property: .weight),
    ]

    /// HOSTED (State → Talk, no properties): each hosted Talk has one host; there are
    /// min(round(5% of the edges), #Talk) of them.
    static let hostedShare = 0.05
    /// The order relationship types are written in (files, Kùzu tables).
    static let writeOrder = ["ATTENDED", "HOSTED", "MEMBER_OF", "ALLY_OF", "DECLINED", "MEDIATED"]
    /// The number of distinct cities talks are held in.
    static let cityCount = 300
    /// The first and last day talks are dated (inclusive).
    static let firstYear = 1990, lastYear = 2024

    static let firstNames = [
        "Anna", "Boris", "Chen", "Dalia", "Emil", "Fatima", "Goran", "Hana", "Ivan", "Jana", "Karim", "Lena",
        "Mateo", "Nadia", "Omar", "Petra", "Quinn", "Rosa", "Sami", "Tariq", "Uma", "Viktor", "Wen", "Ximena",
        "Yusuf", "Zofia", "Ali", "Bea", "Carlos", "Dmitri", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas",
        "Kenji", "Laila", "Miguel", "Nora", "Olga", "Pavel", "Rania", "Sofia", "Tomas", "Ursula", "Vera",
        "Walid", "Yara", "Zeno",
    ]
    static let lastNames = [
        "Abbas", "Berg", "Costa", "Dimitrov", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova", "Jovanovic",
        "Kowalski", "Larsen", "Moreau", "Novak", "Okafor", "Petrov", "Quispe", "Rossi", "Silva", "Tanaka",
        "Usman", "Varga", "Wagner", "Xu", "Yilmaz", "Zhang", "Alvarez", "Bauer", "Celik", "Dubois", "Evans",
        "Ferrari", "Gomez", "Horvat", "Ito", "Jensen", "Kim", "Lopez", "Mendes", "Nguyen", "Ortiz", "Park",
        "Ricci", "Sato", "Torres", "Ueda", "Vogel", "Weber", "Young", "Zimmer",
    ]
    static let roles = [
        "diplomat", "minister", "envoy", "advisor", "negotiator", "observer", "journalist", "analyst", "ambassador", "secretary",
    ]
    static let organizationKinds = [
        "Council", "Union", "Forum", "Institute", "Commission", "League", "Alliance", "Agency", "Foundation", "Network",
    ]
    static let syllables = [
        "ka", "lo", "ri", "ma", "ten", "vo", "sa", "bel", "dor", "ni", "qua", "zu", "mi", "ra", "to", "gan",
        "el", "vi", "mon", "ta", "sel", "ro", "ba", "lin",
    ]

    /// The node count of each label for `nodes` nodes: each share rounded half to even, the
    /// remainder to Person so that the total is exact.
    static func labelCounts(nodes: Int) -> [Int] {
        var counts = labelShares.map { Int((Double(nodes) * $0).rounded(.toNearestOrEven)) }
        counts[person] += nodes - counts.reduce(0, +)
        return counts
    }

    /// The number of HOSTED relationships for `edges` edges and `talks` Talk nodes.
    static func hostedCount(edges: Int, talks: Int) -> Int {
        min(Int((Double(edges) * hostedShare).rounded(.toNearestOrEven)), talks)
    }

    /// `total` split by `shares`: each part floored, then the remainder given one by one to
    /// the parts with the largest fractional parts (the first among equals first).
    static func split(_ total: Int, by shares: [Double]) -> [Int] {
        let raw = shares.map { Double(total) * $0 }
        var parts = raw.map { Int($0.rounded(.down)) }
        let remainder = total - parts.reduce(0, +)
        let order = raw.indices.sorted { a, b in
            let fa = raw[a] - Double(parts[a]), fb = raw[b] - Double(parts[b])
            return fa != fb ? fa > fb : a < b
        }
        for i in order.prefix(max(0, remainder)) { parts[i] += 1 }
        return parts
    }
}
