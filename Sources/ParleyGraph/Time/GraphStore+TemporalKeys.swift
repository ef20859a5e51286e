import ParleyValues

/// Which property keys hold temporal values of one kind only (what a saved file declares).
extension GraphStore {
    /// The keys whose values (alone or in lists, on nodes and relationships) are all temporal
    /// values of one kind, or strings that a declaration of that kind keeps as strings (partial
    /// dates `YYYY`, `YYYY-MM` under `date`), with at least one temporal value. Values of other
    /// types (numbers, booleans) do not count: a declaration leaves them as they are.
    public func uniformTemporalKeys() -> [Int32: TemporalKind] {
        var result: [Int32: TemporalKind] = [:]
        for key in 0..<Int32(keys.count) where keys.name(key) != GraphStore.idKey {
            var kind: TemporalKind? = nil
            var onlyPartialStrings = true
            var mixed = false
            func see(_ v: Value) {
                switch v {
                case .temporal(let t):
                    let k = TemporalKind(of: t)
                    if kind == nil { kind = k } else if kind != k { mixed = true }
                case .string(let s):
                    if !TemporalKind.isPartialDate(s) { onlyPartialStrings = false }
                case .list(let items): items.forEach(see)
                default: break
                }
            }
            nodeProperties.forEachValue(ofKey: key, see)
            if !mixed { relProperties.forEachValue(ofKey: key, see) }
            guard !mixed, let kind, onlyPartialStrings else { continue }
            if kind == .date || !hasString(key) { result[key] = kind }
        }
        return result
    }

    private func hasString(_ key: Int32) -> Bool {
        var found = false
        func see(_ v: Value) {
            switch v {
            case .string: found = true
            case .list(let items): items.forEach(see)
            default: break
            }
        }
        nodeProperties.forEachValue(ofKey: key, see)
        relProperties.forEachValue(ofKey: key, see)
        return found
    }
}
