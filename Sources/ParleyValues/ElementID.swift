/// The internal id of a node: a dense index into the store, never reused after deletion.
public typealias NodeID = Int
/// The internal id of a relationship: a dense index into the store, never reused after deletion.
public typealias RelID = Int
