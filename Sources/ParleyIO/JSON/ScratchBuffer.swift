/// A growable byte buffer with a stable address, for strings whose escapes must be decoded.
///
/// A class so that the memory is freed when the last parser using it goes away.
final class ScratchBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The number of bytes written since the last ``reset()``.
    private(set) var count = 0

    /// Creates an empty buffer.
    init(capacity: Int = 256) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// Forgets the contents (keeps the memory).
    @inline(__always) func reset() { count = 0 }

    /// Appends one byte.
    @inline(__always) func append(_ byte: UInt8) {
        if count == capacity { grow(count + 1) }
        base[count] = byte
        count += 1
    }

    /// Appends `n` bytes from `p`.
    func append(_ p: UnsafePointer<UInt8>, _ n: Int) {
        if count + n > capacity { grow(count + n) }
        (base + count).update(from: p, count: n)
        count += n
    }

    /// Appends the UTF-8 encoding of `scalar`.
    func append(scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            append(UInt8(scalar))
        case 0x80..<0x800:
            append(UInt8(0xC0 | (scalar >> 6)))
            append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            append(UInt8(0xE0 | (scalar >> 12)))
            append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            append(UInt8(0xF0 | (scalar >> 18)))
            append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// The bytes written so far.
    var span: ByteSpan { ByteSpan(start: UnsafePointer(base), count: count) }

    private func grow(_ needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let new = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        new.update(from: base, count: count)
        base.deallocate()
        base = new
        capacity = size
    }
}
