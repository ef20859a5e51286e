import ParleyValues

/// Turns a decoded structure into the typed value its signature means (Bolt 4.4 and 5.x layouts
/// both), or keeps it as a ``BoltStructure`` when the signature is not one Bolt defines.
enum BoltStructureReader {
    static func value(signature: UInt8, fields f: [BoltValue]) throws(BoltError) -> BoltValue {
        func fail(_ what: String) -> BoltError {
            .protocolViolation("a malformed \(what) structure (0x\(hex2(signature)), \(f.count) fields)")
        }
        switch signature {
        case BoltSignature.node:
            guard f.count == 3 || f.count == 4, let id = f[0].intValue, let labels = strings(f[1]), let props = f[2].mapValue
            else { throw fail("node") }
            return .node(BoltNode(id: id, labels: labels, properties: props, elementID: f.count == 4 ? f[3].stringValue : nil))
        case BoltSignature.relationship:
            guard f.count == 5 || f.count == 8, let id = f[0].intValue, let s = f[1].intValue, let e = f[2].intValue,
                let type = f[3].stringValue, let props = f[4].mapValue
            else { throw fail("relationship") }
            return .relationship(
                BoltRelationship(
                    id: id, startNodeID: s, endNodeID: e, type: type, properties: props,
                    elementID: f.count == 8 ? f[5].stringValue : nil,
                    startNodeElementID: f.count == 8 ? f[6].stringValue : nil,
                    endNodeElementID: f.count == 8 ? f[7].stringValue : nil))
        case BoltSignature.unboundRelationship:
            guard f.count == 3 || f.count == 4, let id = f[0].intValue, let type = f[1].stringValue, let props = f[2].mapValue
            else { throw fail("unbound relationship") }
            return .unboundRelationship(
                BoltUnboundRelationship(id: id, type: type, properties: props, elementID: f.count == 4 ? f[3].stringValue : nil))
        case BoltSignature.path:
            guard f.count == 3, let ns = f[0].listValue, let rs = f[1].listValue, let ix = f[2].listValue else { throw fail("path") }
            var nodes: [BoltNode] = []
            for n in ns {
                guard case .node(let node) = n else { throw fail("path") }
                nodes.append(node)
            }
            var rels: [BoltUnboundRelationship] = []
            for r in rs {
                guard case .unboundRelationship(let rel) = r else { throw fail("path") }
                rels.append(rel)
            }
            var indices: [Int64] = []
            for i in ix {
                guard let v = i.intValue else { throw fail("path") }
                indices.append(v)
            }
            return .path(BoltPath(nodes: nodes, relationships: rels, indices: indices))
        case BoltSignature.date:
            guard f.count == 1, let days = f[0].intValue, (CypherDate.minEpochDay...CypherDate.maxEpochDay).contains(days)
            else { throw fail("date") }
            return .date(CypherDate(epochDay: days))
        case BoltSignature.localTime:
            guard f.count == 1, let nanos = f[0].intValue, (0..<86_400_000_000_000).contains(nanos) else { throw fail("local time") }
            return .localTime(CypherLocalTime(nanoOfDay: nanos))
        case BoltSignature.time:
            guard f.count == 2, let nanos = f[0].intValue, (0..<86_400_000_000_000).contains(nanos), let off = offset(f[1])
            else { throw fail("time") }
            return .time(CypherTime(time: CypherLocalTime(nanoOfDay: nanos), offsetSeconds: off))
        case BoltSignature.localDateTime:
            guard f.count == 2, let s = f[0].intValue, let n = nano(f[1]) else { throw fail("local date-time") }
            return .localDateTime(try local(s, n))
        case BoltSignature.dateTime, BoltSignature.legacyDateTime:
            guard f.count == 3, let s = f[0].intValue, let n = nano(f[1]), let off = offset(f[2]) else { throw fail("date-time") }
            let (wall, o) = signature == BoltSignature.dateTime ? s.addingReportingOverflow(Int64(off)) : (s, false)
            guard !o else { throw fail("date-time") }
            return .dateTime(CypherDateTime(local: try local(wall, n), offsetSeconds: off, zoneName: nil))
        case BoltSignature.dateTimeZoneID, BoltSignature.legacyDateTimeZoneID:
            guard f.count == 3, let s = f[0].intValue, let n = nano(f[1]), let zone = f[2].stringValue else { throw fail("date-time") }
            do {
                if signature == BoltSignature.dateTimeZoneID {
                    return .dateTime(try CypherDateTime(epochSecond: s, nano: n, zone: .named(zone)))
                }
                return .dateTime(try CypherDateTime(local: try local(s, n), zone: .named(zone)))
            } catch let e as TemporalError {
                throw .unsupportedValue("the server's date-time in zone '\(zone)': \(e.message)")
            } catch let e as BoltError {
                throw e
            } catch {
                throw .unsupportedValue("the server's date-time in zone '\(zone)'")
            }
        case BoltSignature.duration:
            guard f.count == 4, let mo = f[0].intValue, let d = f[1].intValue, let s = f[2].intValue, let n = f[3].intValue
            else { throw fail("duration") }
            do { return .duration(try CypherDuration(months: mo, days: d, seconds: s, nanoseconds: n)) } catch {
                throw .unsupportedValue("the server's duration: \(error.message)")
            }
        case BoltSignature.point2D, BoltSignature.point3D:
            let three = signature == BoltSignature.point3D
            guard f.count == (three ? 4 : 3), let srid = f[0].intValue, let x = double(f[1]), let y = double(f[2]) else { throw fail("point") }
            let z = three ? double(f[3]) : nil
            if three && z == nil { throw fail("point") }
            return .point(BoltPoint(srid: srid, x: x, y: y, z: z))
        default:
            return .structure(BoltStructure(signature: signature, fields: f))
        }
    }

    private static func strings(_ v: BoltValue) -> [String]? {
        guard let l = v.listValue else { return nil }
        var out: [String] = []
        for s in l {
            guard let t = s.stringValue else { return nil }
            out.append(t)
        }
        return out
    }

    private static func offset(_ v: BoltValue) -> Int32? {
        guard let i = v.intValue, (-64_800...64_800).contains(i) else { return nil }
        return Int32(i)
    }

    private static func nano(_ v: BoltValue) -> Int64? {
        guard let i = v.intValue, (0..<1_000_000_000).contains(i) else { return nil }
        return i
    }

    private static func double(_ v: BoltValue) -> Double? {
        if case .float(let d) = v { return d }
        return nil
    }

    private static func local(_ seconds: Int64, _ nano: Int64) throws(BoltError) -> CypherLocalDateTime {
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        guard (CypherDate.minEpochDay...CypherDate.maxEpochDay).contains(day) else {
            throw .unsupportedValue("a date-time outside years -999999999 to 999999999")
        }
        return CypherLocalDateTime(epochSecond: seconds, nano: nano)
    }
}
