import ParleyValues

/// The store is the graph that printed values look their nodes and relationships up in.
extension GraphStore: ElementLookup {}
