/// ParleyGraphTests: the store: adjacency, mutation, index consistency under random mutation
/// sequences, validity and as-of views, and nodes, relationships and paths printed with the
/// store they belong to.
