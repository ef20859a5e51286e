import ParleyValues

/// How many terminal columns text takes, for aligning tables, carets and listings.
extension String {
    /// The number of terminal columns this string takes (wide East Asian characters and
    /// emoji count two, combining marks zero).
    var displayWidth: Int {
        var width = 0
        for scalar in unicodeScalars { width += scalar.displayWidth }
        return width
    }
}

extension Unicode.Scalar {
    /// The number of terminal columns this scalar takes: 0, 1 or 2.
    var displayWidth: Int {
        let v = value
        if isControlCharacter { return 0 }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (v >= 0xFE00 && v <= 0xFE0F) { return 0 }
        if (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0xA4CF && v != 0x303F)
            || (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F)
            || (v >= 0xFF00 && v <= 0xFF60) || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x1F300 && v <= 0x1F64F)
            || (v >= 0x1F900 && v <= 0x1F9FF) || (v >= 0x1F680 && v <= 0x1F6FF) || (v >= 0x20000 && v <= 0x3FFFD)
            || (v >= 0x2600 && v <= 0x26FF && properties.isEmojiPresentation)
        {
            return 2
        }
        return 1
    }
}
