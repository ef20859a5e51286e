import Foundation
import ParleyGraph
import ParleyValues

/// The rows of node and relationship files.
extension CSVFolderReader {
    /// A property column: its field index, interned key and type.
    struct PropertyColumn {
        var field: Int
        var key: Int32
        var type: CSVPropertyType
        var header: String
    }

    /// The property columns of `columns`, keys interned.
    mutating func propertyColumns(_ columns: [CSVColumn]) -> [PropertyColumn] {
        columns.enumerated().compactMap { i, c in
            guard case .property(let key, let type) = c.role else { return nil }
            return PropertyColumn(field: i, key: store.internKey(key), type: type, header: c.header)
        }
    }

    /// Reads the next row; checks its field count.
    func nextRow(_ scanner: inout CSVScanner, _ width: Int, _ index: Int) throws(GraphFileError) -> Int? {
        let line: Int?
        do {
            line = try scanner.nextRow()
        } catch {
            throw self.error(index, error.line, error.message)
        }
        if let line, scanner.fields.count != width {
            throw self.error(index, line, "the row has \(scanner.fields.count) field\(scanner.fields.count == 1 ? "" : "s") but the header has \(width)")
        }
        return line
    }

    /// Reads the rows of a node file.
    mutating func readNodes(_ scanner: inout CSVScanner, _ columns: [CSVColumn], _ index: Int) throws(GraphFileError) {
        let idField = columns.firstIndex { if case .id = $0.role { return true } else { return false } }!
        guard case .id(let named, let space) = columns[idField].role else { return }
        let hasIDColumn = columns.contains { if case .property("id", _) = $0.role { return true } else { return false } }
        let idKeyName = named ?? (hasIDColumn ? nil : GraphStore.idKey)
        let idKey = idKeyName.map { store.internKey($0) }
        let labelField = columns.firstIndex { $0.role == .label }
        var fileLabel: Int32?
        if labelField == nil {
            fileLabel = store.internLabel(nameFromFile(index, prefix: "nodes_"))
        }
        let properties = propertyColumns(columns)
        var table = idTables[space] ?? ByteStringTable(capacity: 1024)
        defer { idTables[space] = table }
        let idHeader = columns[idField].header
        while let line = try nextRow(&scanner, columns.count, index) {
            let node = store.nodeCapacity
            let known: Int32? = scanner.withBytesUnchecked(idField) { b in
                b.isEmpty ? -2 : table.insert(ByteSpan(start: b.baseAddress!, count: b.count), value: Int32(node))
            }
            if known == -2 { throw error(index, line, "column \(idHeader): the node has no id") }
            if let known {
                let first = origins[Int(known)]
                let id = (try? scanner.string(idField)) ?? "?"
                throw error(index, line, "column \(idHeader): duplicate node id '\(id)' (first defined at \(fileName(Int(first.file))):\(first.line))")
            }
            _ = store.createNode()
            origins.append((Int32(index), Int32(line)))
            if let idKey {
                do {
                    store.setNodePropertyUnindexed(node, idKey, .string(try scanner.string(idField)))
                } catch {
                    throw self.error(index, line, "column \(idHeader): \(error.message)")
                }
            }
            if let fileLabel { _ = store.addLabel(node, fileLabel) }
            if let labelField { try addLabels(scanner, labelField, node, index, line) }
            for p in properties {
                let f = scanner.fields[p.field]
                do {
                    let value = try scanner.withBytes(p.field) { (b) throws(CSVValueError) -> Value? in
                        try CSVValueParser.value(b, quoted: f.quoted, p.type)
                    }
                    if let value { store.setNodePropertyUnindexed(node, p.key, value) }
                } catch {
                    throw self.error(index, line, "column \(p.header): \(error.message)")
                }
            }
        }
    }

    /// Adds the `;`-separated labels of field `field` to `node`.
    mutating func addLabels(_ scanner: CSVScanner, _ field: Int, _ node: NodeID, _ index: Int, _ line: Int) throws(GraphFileError) {
        let f = scanner.fields[field]
        var names: [(Int, Int)] = []
        scanner.withBytesUnchecked(field) { b in
            var start = 0
            for i in 0...b.count where i == b.count || b[i] == UInt8(ascii: ";") {
                if i > start { names.append((start, i - start)) }
                start = i + 1
            }
        }
        _ = f
        for (start, count) in names {
            let label: Int32? = scanner.withBytesUnchecked(field) { b in
                labelTable.find(ByteSpan(start: b.baseAddress! + start, count: count))
            }
            if let label {
                _ = store.addLabel(node, label)
                continue
            }
            let name: String
            do {
                name = try scanner.withBytes(field) { (b) throws(CSVValueError) -> String in
                    guard let s = String(validating: UnsafeBufferPointer(rebasing: b[start..<start + count]), as: UTF8.self) else { throw CSVValueError("invalid UTF-8") }
                    return s
                }
            } catch {
                throw self.error(index, line, "column :LABEL: \(error.message)")
            }
            let id = store.internLabel(name)
            scanner.withBytesUnchecked(field) { b in
                labelTable.insert(ByteSpan(start: b.baseAddress! + start, count: count), value: id)
            }
            _ = store.addLabel(node, id)
        }
    }

    /// Reads the rows of a relationship file.
    mutating func readRelationships(_ scanner: inout CSVScanner, _ columns: [CSVColumn], _ index: Int) throws(GraphFileError) {
        var startField = 0, endField = 0, startSpace = "", endSpace = ""
        for (i, c) in columns.enumerated() {
            if case .startID(let s) = c.role { startField = i; startSpace = s }
            if case .endID(let s) = c.role { endField = i; endSpace = s }
        }
        let startTable = idTables[startSpace] ?? ByteStringTable()
        let endTable = idTables[endSpace] ?? ByteStringTable()
        let typeField = columns.firstIndex { $0.role == .type }
        var fileType: Int32?
        if typeField == nil { fileType = store.internType(nameFromFile(index, prefix: "rels_")) }
        let properties = propertyColumns(columns)
        while let line = try nextRow(&scanner, columns.count, index) {
            let rel = relStarts.count
            let start = scanner.withBytesUnchecked(startField) { b in b.isEmpty ? nil : startTable.find(ByteSpan(start: b.baseAddress!, count: b.count)) }
            guard let start else { throw dangling(scanner, startField, columns, index, line) }
            let end = scanner.withBytesUnchecked(endField) { b in b.isEmpty ? nil : endTable.find(ByteSpan(start: b.baseAddress!, count: b.count)) }
            guard let end else { throw dangling(scanner, endField, columns, index, line) }
            var type = fileType
            if let typeField {
                type = try relationshipType(scanner, typeField, index, line)
            }
            relStarts.append(start)
            relEnds.append(end)
            relTypes.append(type!)
            for p in properties {
                let f = scanner.fields[p.field]
                do {
                    let value = try scanner.withBytes(p.field) { (b) throws(CSVValueError) -> Value? in
                        try CSVValueParser.value(b, quoted: f.quoted, p.type)
                    }
                    if let value { store.setRelationshipProperty(rel, p.key, value) }
                } catch {
                    throw self.error(index, line, "column \(p.header): \(error.message)")
                }
            }
        }
    }

    /// The type in field `field` of a relationship row, interned.
    mutating func relationshipType(_ scanner: CSVScanner, _ field: Int, _ index: Int, _ line: Int) throws(GraphFileError) -> Int32 {
        let known: Int32? = scanner.withBytesUnchecked(field) { b in
            b.isEmpty ? -2 : typeTable.find(ByteSpan(start: b.baseAddress!, count: b.count))
        }
        if known == -2 { throw error(index, line, "column :TYPE: the relationship has no type") }
        if let known { return known }
        let name: String
        do {
            name = try scanner.string(field)
        } catch {
            throw self.error(index, line, "column :TYPE: \(error.message)")
        }
        let id = store.internType(name)
        scanner.withBytesUnchecked(field) { b in typeTable.insert(ByteSpan(start: b.baseAddress!, count: b.count), value: id) }
        return id
    }

    /// The error for an endpoint that names no node.
    func dangling(_ scanner: CSVScanner, _ field: Int, _ columns: [CSVColumn], _ index: Int, _ line: Int) -> GraphFileError {
        let id = (try? scanner.string(field)) ?? "?"
        if id.isEmpty { return error(index, line, "column \(columns[field].header): the relationship has no \(field == 0 ? "start" : "end") node id") }
        return error(index, line, "column \(columns[field].header): no node has the id '\(id)'")
    }

    /// The file name (without its folder) of file `index`.
    func fileName(_ index: Int) -> String { (files[index] as NSString).lastPathComponent }
}

extension CSVScanner {
    /// Calls `body` with the bytes of field `i` (a non-throwing ``withBytes(_:_:)``).
    @inline(__always) func withBytesUnchecked<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let f = fields[i]
        if f.inScratch {
            return scratch.withUnsafeBufferPointer { s in
                let p = s.baseAddress ?? UnsafePointer(bitPattern: 1)!
                return body(UnsafeBufferPointer(start: p + f.offset, count: f.count))
            }
        }
        return body(UnsafeBufferPointer(start: base + f.offset, count: f.count))
    }
}
