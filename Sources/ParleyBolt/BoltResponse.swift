import ParleyValues

/// A message the server sends in answer to a request.
public enum BoltResponse: Sendable, Equatable {
    /// The request succeeded; the metadata (`fields`, `has_more`, `t_last`, `server`, ...).
    case success(BoltMap)
    /// One row of a result.
    case record([BoltValue])
    /// The request failed: the server's code, message and whole metadata.
    case failure(code: String, message: String, metadata: BoltMap)
    /// The request was skipped because an earlier one failed (until RESET).
    case ignored

    /// The response's name, for errors.
    public var name: String {
        switch self {
        case .success: return "SUCCESS"
        case .record: return "RECORD"
        case .failure: return "FAILURE"
        case .ignored: return "IGNORED"
        }
    }

    /// Decodes one message. Bytes after the message's fields are ignored: FalkorDB writes a
    /// stray null after a point inside a record, and a driver reads fields, not lengths.
    public static func decode(_ bytes: [UInt8]) throws(BoltError) -> BoltResponse {
        var d = PackStreamDecoder(bytes)
        let (count, signature) = try d.decodeStructureHeader()
        var fields: [BoltValue] = []
        for _ in 0..<count { fields.append(try d.decode()) }
        switch (signature, fields.count) {
        case (0x70, 1):
            guard let meta = fields[0].mapValue else { break }
            return .success(meta)
        case (0x71, 1):
            guard let values = fields[0].listValue else { break }
            return .record(values)
        case (0x7E, _):
            return .ignored
        case (0x7F, 1):
            guard let meta = fields[0].mapValue else { break }
            // Bolt 5.7 moved the classic code to `neo4j_code`; older servers send `code`.
            let code = meta["neo4j_code"]?.stringValue ?? meta["code"]?.stringValue ?? "(no code)"
            let message = meta["message"]?.stringValue ?? meta["description"]?.stringValue ?? "(no message)"
            return .failure(code: code, message: message, metadata: meta)
        default:
            break
        }
        throw .protocolViolation("an unexpected message from the server: tag 0x\(hex2(signature)) with \(fields.count) fields")
    }
}
