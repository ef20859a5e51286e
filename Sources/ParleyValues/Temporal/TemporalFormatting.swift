/// The ISO 8601 text of temporal values, exactly as Cypher (and the TCK) prints them.
enum TemporalFormatting {
    /// `2015-07-21`; years beyond 9999 get a `+`, negative years a `-` (as Java's `LocalDate`).
    static func date(_ d: CypherDate, into out: inout String) {
        let c = d.civil
        let y = c.year
        if y < 0 {
            out += "-"
            pad(-y, 4, &out)
        } else {
            if y > 9999 { out += "+" }
            pad(y, 4, &out)
        }
        out += "-"
        pad(c.month, 2, &out)
        out += "-"
        pad(c.day, 2, &out)
    }

    /// `21:40`, `21:40:32`, `21:40:32.142`, `21:40:32.142876`, `21:40:32.142876123`.
    static func time(_ t: CypherLocalTime, into out: inout String) {
        pad(t.hour, 2, &out)
        out += ":"
        pad(t.minute, 2, &out)
        let s = t.second, n = t.nanosecond
        guard s != 0 || n != 0 else { return }
        out += ":"
        pad(s, 2, &out)
        guard n != 0 else { return }
        out += "."
        if n % 1_000_000 == 0 { pad(n / 1_000_000, 3, &out) }
        else if n % 1000 == 0 { pad(n / 1000, 6, &out) }
        else { pad(n, 9, &out) }
    }

    /// `Z`, `+01:00`, `-02:05:07`.
    static func offset(_ seconds: Int32, into out: inout String) {
        if seconds == 0 { out += "Z"; return }
        let a = Int64(seconds.magnitude)
        out += seconds < 0 ? "-" : "+"
        pad(a / 3600, 2, &out)
        out += ":"
        pad(a / 60 % 60, 2, &out)
        if a % 60 != 0 {
            out += ":"
            pad(a % 60, 2, &out)
        }
    }

    /// `P1Y2M10DT12H45M30.25S`; the zero duration is `PT0S`. Each part keeps its sign.
    static func duration(_ d: CypherDuration, into out: inout String) {
        out += "P"
        let years = d.months / 12, months = d.months % 12
        if years != 0 { out += "\(years)Y" }
        if months != 0 { out += "\(months)M" }
        if d.days != 0 { out += "\(d.days)D" }
        let (ts, tn) = d.truncatedSecondsAndNanos
        if ts == 0 && tn == 0 {
            if d.months == 0 && d.days == 0 { out += "T0S" }
            return
        }
        out += "T"
        let hours = ts / 3600, minutes = ts % 3600 / 60, secs = ts % 60
        if hours != 0 { out += "\(hours)H" }
        if minutes != 0 { out += "\(minutes)M" }
        if secs == 0 && tn == 0 { return }
        if secs == 0 && tn < 0 { out += "-0" } else { out += "\(secs)" }
        if tn != 0 {
            var digits = String(tn.magnitude)
            digits = String(repeating: "0", count: 9 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            out += "." + digits
        }
        out += "S"
    }

    /// Appends `value` (≥ 0) with at least `width` digits.
    static func pad(_ value: Int64, _ width: Int, _ out: inout String) {
        let s = String(value)
        if s.count < width { out += String(repeating: "0", count: width - s.count) }
        out += s
    }
}

extension TemporalValue {
    /// A UTC offset as Cypher prints it: `Z`, `+01:00`, `-02:05:07`.
    public static func offsetText(_ seconds: Int32) -> String {
        var out = ""
        TemporalFormatting.offset(seconds, into: &out)
        return out
    }
}
