import Foundation
import ParleyGraph

extension BuiltinFunctions {
    /// Unicode normalization for `normalize()`.
    enum Normalization {
        /// The normal forms `normalize()` accepts.
        static let forms = ["NFC", "NFD", "NFKC", "NFKD"]

        /// `s` in normal form `form` (`NFC`, `NFD`, `NFKC` or `NFKD`, any letter case), or nil
        /// for another form.
        static func normalize(_ s: String, form: String) -> String? {
            switch form.uppercased() {
            case "NFC": return s.precomposedStringWithCanonicalMapping
            case "NFD": return s.decomposedStringWithCanonicalMapping
            case "NFKC": return s.precomposedStringWithCompatibilityMapping
            case "NFKD": return s.decomposedStringWithCompatibilityMapping
            default: return nil
            }
        }
    }
}
