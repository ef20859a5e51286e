#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CEditLine
import Synchronization

/// The editor's key reader, which also runs Ctrl-R search (`HistorySearch`).
///
/// libedit reads keys through `readKey` (its EL_GETCFN hook). While a search is active, each key
/// goes to the search instead, and libedit is handed `stepKey`, bound to a function that shows
/// the search's state (prompt and matched line) and lets libedit redraw as usual. Keys that end
/// the search (Enter, Ctrl-C, arrows…) are queued and handed to libedit afterwards.
final class KeyReader {
    /// The key bound to `parley-search-step` (Ctrl-]), produced only by this reader during a search.
    static let stepKey: UInt32 = 0x1D

    /// The search in progress, if any.
    var search: HistorySearch?
    /// Set when the search has ended; the step function then restores the prompt.
    var searchEnded = false
    /// Set when the search was given up (Ctrl-G): the line goes back to what it was.
    var searchCancelled = false
    /// What the line was before the search (restored by Ctrl-G).
    var lineBeforeSearch = ""
    /// The pattern of the last search, for Ctrl-R Ctrl-R.
    var lastPattern = ""
    /// Keys to hand to libedit before reading the terminal again.
    var queued: [UInt32] = []
    /// The descriptor keys are read from.
    let fd: Int32
    /// Called before a key is handed over when the terminal was resized since the last key.
    var onResize: () -> Void = {}

    /// Creates a reader of `fd`.
    init(fd: Int32) { self.fd = fd }

    /// The next key for libedit: a queued key, a search step, or a key from the terminal.
    /// Nil at end of input or on a read error.
    func next() -> UInt32? {
        if !queued.isEmpty { return queued.removeFirst() }
        guard let key = readScalar() else { return nil }
        if terminalResized.exchange(false, ordering: .relaxed) { onResize() }
        guard var active = search, !searchEnded else { return key }
        defer { search = active }
        switch active.handle(key) {
        case .continueSearch:
            break
        case .accept:
            searchEnded = true
            queued.append(0x0D)
        case .cancel:
            searchEnded = true
            searchCancelled = true
        case .interrupt:
            searchEnded = true
            queued.append(0x03)
        case .finish:
            searchEnded = true
            queued.append(key)
        }
        return Self.stepKey
    }

    /// Reads one UTF-8 encoded character from the terminal (retrying when a signal interrupts).
    private func readScalar() -> UInt32? {
        guard let lead = readByte() else { return nil }
        let length: Int
        switch lead {
        case 0..<0x80: return UInt32(lead)
        case 0xC0..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF8: length = 4
        default: return 0xFFFD
        }
        var bytes = [lead]
        for _ in 1..<length {
            guard let byte = readByte() else { return nil }
            bytes.append(byte)
        }
        let decoded = String(decoding: bytes, as: UTF8.self).unicodeScalars.first
        return decoded?.value ?? 0xFFFD
    }

    /// Reads one byte.
    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let n = read(fd, &byte, 1)
            if n == 1 { return byte }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }
}

extension LibeditLineEditor {
    /// Ctrl-R: starts a search over the history and shows its prompt.
    func startSearch() -> UInt8 {
        keyReader.lineBeforeSearch = lineText()
        keyReader.search = HistorySearch(entries: history, previousPattern: keyReader.lastPattern)
        keyReader.searchEnded = false
        keyReader.searchCancelled = false
        return showSearch()
    }

    /// The search step: shows the search's state, or ends the search and restores the prompt.
    func showSearch() -> UInt8 {
        guard let search = keyReader.search else { return UInt8(CC_NORM) }
        if keyReader.searchEnded {
            keyReader.lastPattern = search.patternToRemember
            keyReader.search = nil
            keyReader.searchEnded = false
            setPrompt(userPrompt)
            replaceLine(with: keyReader.searchCancelled ? keyReader.lineBeforeSearch : search.match ?? lineText())
            keyReader.searchCancelled = false
            return UInt8(CC_REFRESH)
        }
        setPrompt(search.prompt)
        replaceLine(with: search.match ?? (search.pattern.isEmpty ? keyReader.lineBeforeSearch : lineText()))
        return UInt8(CC_REFRESH)
    }
}

/// Set by the SIGWINCH handler. libedit's own handler serves only the first resize while a
/// line is read (it then puts the previous handler back), so this one catches the others.
let terminalResized = Atomic<Bool>(false)

/// Installs the SIGWINCH handler that sets `terminalResized` (once per process).
func installResizeHandler() {
    _ = signal(SIGWINCH) { _ in terminalResized.store(true, ordering: .relaxed) }
}

/// libedit's character reader hook.
func readKeyCallback(_ el: OpaquePointer?, _ out: UnsafeMutablePointer<wchar_t>?) -> Int32 {
    guard let out, let reader = editor(of: el)?.keyReader, let key = reader.next() else { return 0 }
    out.pointee = wchar_t(bitPattern: key)
    return 1
}

/// libedit's Ctrl-R callback.
func startSearchCallback(_ el: OpaquePointer?, _ key: Int32) -> UInt8 {
    editor(of: el)?.startSearch() ?? UInt8(CC_ERROR)
}

/// libedit's search-step callback.
func searchStepCallback(_ el: OpaquePointer?, _ key: Int32) -> UInt8 {
    editor(of: el)?.showSearch() ?? UInt8(CC_ERROR)
}
