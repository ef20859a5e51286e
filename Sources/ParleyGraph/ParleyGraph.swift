/// ParleyGraph: the in-memory property graph store. `GraphStore` is a copy-on-write value
/// with dense node and relationship ids, interned labels, types and keys, column property
/// storage, per-node adjacency sorted by type, label and `id` indexes, and mutations that keep
/// every index consistent; `Time/` adds the validity rule and the as-of views built on it.
/// Its property values are ParleyValues' `Value`, and the store is the `ElementLookup` that
/// prints nodes and relationships.
