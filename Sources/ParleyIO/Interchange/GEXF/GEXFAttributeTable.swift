/// The `<attribute>`s of one class (nodes or edges), in the order they are declared, found by
/// the bytes of their id.
struct GEXFAttributeTable {
    private(set) var attributes: [GEXFAttribute] = []
    private var ids = ByteStringTable()
    /// Whether some attribute has a `<default>`.
    private(set) var hasDefaults = false

    /// The index of the attribute with id `id`, if declared.
    func find(_ id: ByteSpan) -> Int? {
        ids.find(id).map(Int.init)
    }

    /// Adds `attribute` (its id not yet declared).
    mutating func add(_ attribute: GEXFAttribute) {
        let index = Int32(attributes.count)
        attributes.append(attribute)
        XMLGraphBuilder.withBytes(attribute.id) { _ = ids.insert($0, value: index) }
        if attribute.defaultValue != nil { hasDefaults = true }
    }
}
