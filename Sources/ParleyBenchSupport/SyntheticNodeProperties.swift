/// Draws the node properties of each label: names from the word lists, populations, birth
/// years, roles, and talks in 300 Zipf-weighted cities dated 1990–2024.
enum SyntheticNodeProperties {
    /// The columns of each label for `counts` nodes per label.
    static func make(counts: [Int], random: inout SyntheticRandom) -> [[SyntheticColumn]] {
        let spec = SyntheticGraphSpec.self
        let states = counts[spec.state], organizations = counts[spec.organization]
        let people = counts[spec.person], talks = counts[spec.talk]

        let stateNames = (0..<states).map { "\(word(3, &random))ia \($0)" }
        let populations = (0..<states).map { _ in random.integer(in: 100_000...299_999_999) }

        let organizationNames = (0..<organizations).map { _ in
            "\(word(2, &random)) \(spec.organizationKinds[random.below(spec.organizationKinds.count)])"
        }

        let personNames = (0..<people).map { _ in
            "\(spec.firstNames[random.below(spec.firstNames.count)]) \(spec.lastNames[random.below(spec.lastNames.count)])"
        }
        let born = (0..<people).map { _ in random.integer(in: 1930...2000) }
        let roles = (0..<people).map { _ in spec.roles[random.below(spec.roles.count)] }

        var cities: [String] = []
        for i in 0..<spec.cityCount {
            let city = "\(word(2, &random)) City"
            cities.append(cities.contains(city) ? "\(city) \(i)" : city)
        }
        let citySampler = WeightedSampler(weights: (1...spec.cityCount).map { 1 / Double($0) })
        let days = calendarDays(from: spec.firstYear, through: spec.lastYear)
        var talkNames: [String] = [], dates: [String] = [], talkCities: [String] = []
        talkNames.reserveCapacity(talks)
        dates.reserveCapacity(talks)
        talkCities.reserveCapacity(talks)
        for i in 0..<talks {
            let city = cities[citySampler.sample(&random)]
            talkNames.append("\(city.prefix { $0 != " " }) Talks #\(i)")
            talkCities.append(city)
        }
        for _ in 0..<talks { dates.append(days[random.below(days.count)]) }

        return [
            [.text(stateNames), .integer(populations)],
            [.text(organizationNames)],
            [.text(personNames), .integer(born), .text(roles)],
            [.text(talkNames), .text(dates), .text(talkCities)],
        ]
    }

    /// A capitalized made-up word of `syllables` syllables.
    static func word(_ syllables: Int, _ random: inout SyntheticRandom) -> String {
        let list = SyntheticGraphSpec.syllables
        let text = (0..<syllables).map { _ in list[random.below(list.count)] }.joined()
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// Every day from 1 January of `first` through 31 December of `last`, as `YYYY-MM-DD`.
    static func calendarDays(from first: Int, through last: Int) -> [String] {
        var days: [String] = []
        for year in first...last {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            for (month, length) in lengths.enumerated() {
                for day in 1...length { days.append("\(year)-\(twoDigits(month + 1))-\(twoDigits(day))") }
            }
        }
        return days
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
