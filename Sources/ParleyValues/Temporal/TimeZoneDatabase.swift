import Foundation
import Synchronization

/// The offsets of one named time zone over time, read from a TZif file (RFC 8536, v2+ 64-bit data).
public struct ZoneRules: Sendable {
    /// UTC instants (seconds since the epoch) at which the offset changes, ascending.
    var transitions: [Int64]
    /// The offset in force from each transition on (same count as `transitions`).
    var offsets: [Int32]
    /// The offset before the first transition (local mean time for most zones).
    var initialOffset: Int32
    /// The rule for instants after the last transition (the TZif v2+ footer), if any.
    var footer: PosixTimeZoneRule?

    /// Whether instant `t` is past the listed transitions and governed by the footer rule.
    private func usesFooter(_ t: Int64) -> Bool {
        footer != nil && (transitions.last.map { t >= $0 } ?? true)
    }

    /// The offset from UTC in force at instant `t`.
    public func offset(atEpochSecond t: Int64) -> Int32 {
        if usesFooter(t), let footer { return footer.offset(atEpochSecond: t) }
        var lo = 0, hi = transitions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if transitions[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? initialOffset : offsets[lo - 1]
    }

    /// The instant for a wall-clock time: the earlier offset in an overlap, and the offset before
    /// the change in a gap (so the wall-clock time moves forward by the gap's length).
    public func instant(forLocalEpochSecond local: Int64) -> Int64 {
        let window: Int64 = 20 * 3600
        var candidates: [Int32] = [offset(atEpochSecond: local - window)]
        var lo = 0, hi = transitions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if transitions[mid] <= local - window { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < transitions.count, transitions[i] <= local + window {
            candidates.append(offsets[i])
            i += 1
        }
        if usesFooter(local + window), let footer {
            let year = CivilCalendar.civil(CivilCalendar.floorDiv(local, CivilCalendar.secondsPerDay)).year
            let changes = (year - 1...year + 1).flatMap(footer.transitions(in:)).sorted { $0.at < $1.at }
            for change in changes where change.at > local - window && change.at <= local + window && usesFooter(change.at) {
                candidates.append(change.offset)
            }
        }
        for o in candidates where offset(atEpochSecond: local - Int64(o)) == o {
            return local - Int64(o)
        }
        return local - Int64(candidates[0])
    }

    /// Parses a TZif file; nil when it is not one.
    init?(tzif data: [UInt8]) {
        func be32(_ at: Int) -> Int64? {
            guard at + 4 <= data.count else { return nil }
            let v = UInt32(data[at]) << 24 | UInt32(data[at + 1]) << 16 | UInt32(data[at + 2]) << 8 | UInt32(data[at + 3])
            return Int64(Int32(bitPattern: v))
        }
        func be64(_ at: Int) -> Int64? {
            guard let hi = be32(at), let lo = be32(at + 4) else { return nil }
            return hi << 32 | (lo & 0xFFFF_FFFF)
        }
        func header(_ at: Int) -> (isut: Int, isstd: Int, leap: Int, time: Int, type: Int, char: Int, version: UInt8)? {
            guard data.count >= at + 44, data[at] == 0x54, data[at + 1] == 0x5A, data[at + 2] == 0x69, data[at + 3] == 0x66,
                  let a = be32(at + 20), let b = be32(at + 24), let c = be32(at + 28), let d = be32(at + 32),
                  let e = be32(at + 36), let f = be32(at + 40), [a, b, c, d, e, f].allSatisfy({ $0 >= 0 && $0 < 1_000_000 })
            else { return nil }
            return (Int(a), Int(b), Int(c), Int(d), Int(e), Int(f), data[at + 4])
        }
        guard let h1 = header(0) else { return nil }
        var start = 0, h = h1, timeSize = 4
        if h1.version >= 0x32 {  // '2' or later: skip the v1 block, use the 64-bit one
            start = 44 + h1.time * 5 + h1.type * 6 + h1.char + h1.leap * 8 + h1.isstd + h1.isut
            guard let h2 = header(start) else { return nil }
            h = h2
            timeSize = 8
        }
        let timesAt = start + 44
        let indicesAt = timesAt + h.time * timeSize
        let typesAt = indicesAt + h.time
        guard typesAt + h.type * 6 <= data.count, h.type > 0 else { return nil }
        var typeOffsets: [Int32] = []
        for t in 0..<h.type {
            guard let o = be32(typesAt + t * 6) else { return nil }
            typeOffsets.append(Int32(truncatingIfNeeded: o))
        }
        var transitions: [Int64] = [], offsets: [Int32] = []
        for i in 0..<h.time {
            guard let t = timeSize == 8 ? be64(timesAt + i * 8) : be32(timesAt + i * 4) else { return nil }
            let index = Int(data[indicesAt + i])
            guard index < typeOffsets.count else { return nil }
            transitions.append(t)
            offsets.append(typeOffsets[index])
        }
        self.transitions = transitions
        self.offsets = offsets
        // RFC 8536: the first type (index 0) applies before the first transition.
        self.initialOffset = typeOffsets[0]
        // The footer: "\n<POSIX TZ string>\n" after the v2+ data block.
        self.footer = nil
        if timeSize == 8 {
            var at = typesAt + h.type * 6 + h.char + h.leap * 12 + h.isstd + h.isut
            if at < data.count, data[at] == 0x0A {
                at += 1
                var end = at
                while end < data.count, data[end] != 0x0A { end += 1 }
                if end < data.count {
                    self.footer = PosixTimeZoneRule(String(decoding: data[at..<end], as: UTF8.self))
                }
            }
        }
    }
}

/// Named time zones from the system tz database (`/usr/share/zoneinfo`), loaded once and cached.
public enum TimeZoneDatabase {
    /// Where TZif files are looked up.
    static let directories = ["/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/var/db/timezone/zoneinfo"]

    private static let cache = Mutex<[String: ZoneRules?]>([:])

    /// The rules of zone `name` (`Europe/Stockholm`), or nil when there is no such zone.
    public static func rules(named name: String) -> ZoneRules? {
        if let cached = cache.withLock({ $0[name] }) { return cached }
        let loaded = load(name)
        cache.withLock { $0[name] = loaded }
        return loaded
    }

    /// Whether `name` is a known zone.
    public static func isKnown(_ name: String) -> Bool { rules(named: name) != nil }

    private static func load(_ name: String) -> ZoneRules? {
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "/_-+".unicodeScalars.contains($0)
        }
        guard allowed, !name.isEmpty, !name.hasPrefix("/"), !name.contains("..") else { return nil }
        for directory in directories {
            if let data = FileManager.default.contents(atPath: directory + "/" + name),
               let rules = ZoneRules(tzif: [UInt8](data)) {
                return rules
            }
        }
        return nil
    }
}
