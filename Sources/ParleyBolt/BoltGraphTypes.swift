/// A node as the server sent it: a snapshot of its labels and properties.
public struct BoltNode: Sendable, Hashable {
    /// The legacy integer id (Bolt 4.4 and 5.x both send it).
    public var id: Int64
    public var labels: [String]
    public var properties: BoltMap
    /// The element id (Bolt 5.0+); nil on a 4.4 connection.
    public var elementID: String?

    public init(id: Int64, labels: [String], properties: BoltMap, elementID: String? = nil) {
        self.id = id
        self.labels = labels
        self.properties = properties
        self.elementID = elementID
    }

    /// The element id when the server gave one, else the integer id as text.
    public var key: String { elementID ?? String(id) }
}

/// A relationship with both its ends.
public struct BoltRelationship: Sendable, Hashable {
    public var id: Int64
    public var startNodeID: Int64
    public var endNodeID: Int64
    public var type: String
    public var properties: BoltMap
    /// The element ids of the relationship and its ends (Bolt 5.0+).
    public var elementID: String?
    public var startNodeElementID: String?
    public var endNodeElementID: String?

    public init(
        id: Int64, startNodeID: Int64, endNodeID: Int64, type: String, properties: BoltMap,
        elementID: String? = nil, startNodeElementID: String? = nil, endNodeElementID: String? = nil
    ) {
        self.id = id
        self.startNodeID = startNodeID
        self.endNodeID = endNodeID
        self.type = type
        self.properties = properties
        self.elementID = elementID
        self.startNodeElementID = startNodeElementID
        self.endNodeElementID = endNodeElementID
    }

    /// The element id when the server gave one, else the integer id as text.
    public var key: String { elementID ?? String(id) }
    /// The start node's element id, else its integer id as text.
    public var startKey: String { startNodeElementID ?? String(startNodeID) }
    /// The end node's element id, else its integer id as text.
    public var endKey: String { endNodeElementID ?? String(endNodeID) }
}

/// A relationship inside a path, whose ends the path's node sequence gives.
public struct BoltUnboundRelationship: Sendable, Hashable {
    public var id: Int64
    public var type: String
    public var properties: BoltMap
    /// The element id (Bolt 5.0+).
    public var elementID: String?

    public init(id: Int64, type: String, properties: BoltMap, elementID: String? = nil) {
        self.id = id
        self.type = type
        self.properties = properties
        self.elementID = elementID
    }
}

/// A point in a coordinate reference system (`srid` 7203/9157 Cartesian, 4326/4979 WGS-84).
public struct BoltPoint: Sendable, Hashable {
    public var srid: Int64
    public var x: Double
    public var y: Double
    /// The third coordinate of a 3-D point.
    public var z: Double?

    public init(srid: Int64, x: Double, y: Double, z: Double? = nil) {
        self.srid = srid
        self.x = x
        self.y = y
        self.z = z
    }
}

/// A structure with a signature Parley does not interpret, kept as its fields.
public struct BoltStructure: Sendable, Hashable {
    public var signature: UInt8
    public var fields: [BoltValue]

    public init(signature: UInt8, fields: [BoltValue]) {
        self.signature = signature
        self.fields = fields
    }
}
