/// ParleyAlgorithms: graph algorithms on a `GraphView`, the selected nodes and relationships of
/// the store as flat adjacency lists: degree, PageRank, betweenness, closeness, harmonic,
/// components, communities (Louvain, label propagation), triangles and clustering, k-core,
/// articulation points and bridges, BFS and shortest paths. Long runs use both cores and poll
/// a `Checkpoint` for Ctrl-C. It knows nothing of Cypher: ParleyQuery's `algo.*` procedures
/// call it.
