import ParleyValues

/// Node string columns as dictionary codes, built on first use (``StringCodes``).
extension GraphStore {
    /// The dictionary codes of node property `key`'s strings, built on the first call and
    /// kept while the column is unchanged; nil when no node has the key or the column holds
    /// too many distinct strings for codes to pay (mostly distinct values: names, ids).
    public func nodeStringCodes(_ key: Int32) -> StringCodes? {
        stringCodes.codes(of: key, column: nodeProperties.column(key))
    }

    /// The node keys whose column was coded, or found not worth coding, since this store
    /// (or the store it was copied from) was made.
    var nodeKeysTriedForCodes: [Int32] { stringCodes.keys }
}
