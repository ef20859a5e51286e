#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CEditLine
import Foundation

/// The interactive line editor: libedit with history, incremental search, Tab completion and
/// Ctrl-C that drops the line being typed.
///
/// Key bindings (emacs by default; `~/.editrc` is read, so `bind -v` there gives vi mode):
/// Tab completes, Ctrl-R searches the history backwards incrementally, Ctrl-C abandons the
/// line, Ctrl-D on an empty line ends input. While a line is being edited the terminal's
/// interrupt character is switched off (Ctrl-C reaches the editor as a key); outside
/// `readLine` the terminal is back in its normal mode, so Ctrl-C sends SIGINT to a running
/// query (the REPL's `InterruptHandling` cancels it).
///
/// A statement is one history entry, however many lines it spans; recalled, it is shown and
/// edited whole, and `readLine` then returns its lines one call at a time.
final class LibeditLineEditor: LineEditor {
    private let editLine: OpaquePointer
    private let libeditHistory: OpaquePointer
    private var historyFile: HistoryFile?
    private var memoryHistory: [String] = []
    private let completion: () -> CompletionContext

    /// Reads keys for libedit and runs Ctrl-R search.
    let keyReader = KeyReader(fd: STDIN_FILENO)
    /// The prompt `readLine` was given (shown again after a search).
    private(set) var userPrompt = ""
    /// The prompt as C bytes, read by `promptCallback`.
    private var promptBytes: UnsafeMutablePointer<CChar>?
    /// Lines of a recalled multi-line statement not yet returned by `readLine`.
    private var recalledLines: [String] = []
    /// Set by the Ctrl-C binding; turns the finished line into `.interrupted`.
    fileprivate var interruptRequested = false

    /// The character that brackets non-printing sequences in the prompt.
    private static let ignoreMarker: CChar = 1

    /// Creates the editor on the standard streams, with the history at `historyPath`
    /// (empty: history in memory only). Nil when libedit cannot start.
    init?(historyPath: String, completion: @escaping () -> CompletionContext) {
        // libedit decodes multibyte input with the C library; without a UTF-8 LC_CTYPE non-ASCII
        // keys are dropped. Only LC_CTYPE: LC_NUMERIC would change how numbers are parsed.
        if let current = setlocale(LC_CTYPE, ""), !String(cString: current).uppercased().contains("UTF") {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
        guard let el = parley_el_init("parley") else { return nil }
        guard let hist = history_init() else {
            el_end(el)
            return nil
        }
        editLine = el
        libeditHistory = hist
        self.completion = completion

        _ = parley_history_setsize(hist, 2_000)
        _ = parley_history_setunique(hist, 1)
        if !historyPath.isEmpty {
            let file = HistoryFile(path: historyPath)
            if let problem = file.problem { FileOutput.standardError.write("warning: \(problem)\n") }
            for entry in file.entries { _ = parley_history_enter(hist, entry) }
            historyFile = file
        }

        _ = parley_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        _ = parley_el_set_prompt(el, promptCallback, Self.ignoreMarker)
        _ = parley_el_set_editor(el, "emacs")
        _ = parley_el_set_signal(el, 1)
        _ = parley_el_set_history(el, hist)
        // Ctrl-C is a key while editing, a signal otherwise.
        _ = parley_el_setty(el, "-d", "-isig")
        _ = parley_el_addfn(el, "parley-complete", "Complete the word before the cursor", completeCallback)
        _ = parley_el_addfn(el, "parley-interrupt", "Abandon the line being typed", interruptCallback)
        _ = parley_el_addfn(el, "parley-search", "Search the history backwards as you type", startSearchCallback)
        _ = parley_el_addfn(el, "parley-search-step", "(internal) show the search", searchStepCallback)
        _ = parley_el_addfn(el, "parley-suspend", "Suspend parley", suspendCallback)
        _ = parley_el_set_getc(el, readKeyCallback)
        installResizeHandler()
        keyReader.onResize = { el_resize(el) }
        Self.bindKeys(el, command: false)
        _ = el_source(el, nil)
        // `bind -v` in ~/.editrc resets the key maps: bind again, in both vi modes.
        if parley_el_editor_is_vi(el) != 0 {
            Self.bindKeys(el, command: false)
            Self.bindKeys(el, command: true)
        }
    }

    /// Binds Parley's keys in the current key map (vi's command map when `command`).
    private static func bindKeys(_ el: OpaquePointer, command: Bool) {
        let bindings = [
            ("^I", "parley-complete"), ("^C", "parley-interrupt"), ("^R", "parley-search"),
            ("^]", "parley-search-step"), ("^Z", "parley-suspend"),
        ]
        for (key, name) in bindings {
            _ = command ? parley_el_bind_vi_command(el, key, name) : parley_el_bind(el, key, name)
        }
    }

    deinit {
        el_end(editLine)
        history_end(libeditHistory)
        promptBytes?.deallocate()
    }

    var isInteractive: Bool { true }

    var history: [String] { historyFile?.entries ?? memoryHistory }

    func readLine(prompt: String) -> LineInput {
        // The rest of a multi-line statement recalled from the history, already on screen.
        if !recalledLines.isEmpty { return .line(recalledLines.removeFirst()) }
        userPrompt = prompt
        setPrompt(prompt)
        interruptRequested = false
        keyReader.search = nil
        keyReader.queued = []
        var count: Int32 = 0
        // Nil or empty: Ctrl-D on an empty line, or a read error.
        guard let raw = el_gets(editLine, &count), count > 0 else { return .endOfInput }
        // The buffer is libedit's and is reused by the next call: copy it now.
        var text = String(cString: raw)
        if interruptRequested {
            interruptRequested = false
            return .interrupted
        }
        if text.hasSuffix("\n") { text.removeLast() }
        // A recalled multi-line statement: hand it over one line at a time, as if typed.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = lines.removeFirst()
        recalledLines = lines
        return .line(first)
    }

    func addHistory(_ entry: String) {
        if var file = historyFile {
            let hadProblem = file.problem != nil
            let added = file.add(entry)
            historyFile = file
            if !hadProblem, let problem = file.problem { FileOutput.standardError.write("warning: \(problem)\n") }
            guard added, let newest = file.entries.last else { return }
            _ = parley_history_enter(libeditHistory, newest)
        } else {
            let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, memoryHistory.last != trimmed else { return }
            memoryHistory.append(trimmed)
            _ = parley_history_enter(libeditHistory, trimmed)
        }
    }

    // MARK: - Prompt

    /// Stores `prompt` for the callback, bracketing ANSI escape sequences with the ignore marker
    /// so libedit does not count them as visible columns.
    func setPrompt(_ prompt: String) {
        var bytes: [CChar] = []
        var inEscape = false
        for byte in prompt.utf8 {
            if byte == 0x1B && !inEscape {
                bytes.append(Self.ignoreMarker)
                inEscape = true
            }
            bytes.append(CChar(bitPattern: byte))
            if inEscape && byte != 0x1B && byte != UInt8(ascii: "[") && (0x40...0x7E).contains(byte) {
                bytes.append(Self.ignoreMarker)
                inEscape = false
            }
        }
        if inEscape { bytes.append(Self.ignoreMarker) }
        bytes.append(0)
        promptBytes?.deallocate()
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        promptBytes = buffer
    }

    /// The prompt handed to libedit.
    fileprivate var currentPrompt: UnsafeMutablePointer<CChar>? { promptBytes }

    // MARK: - The line

    /// The whole line being edited.
    func lineText() -> String {
        guard let info = el_line(editLine), let start = info.pointee.buffer, let last = info.pointee.lastchar else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: start, count: max(0, last - start)).bindMemory(to: UInt8.self), as: UTF8.self)
    }

    /// Replaces the whole line with `text`, the cursor at its end.
    func replaceLine(with text: String) {
        guard let info = el_line(editLine), let cursor = info.pointee.cursor, let last = info.pointee.lastchar else { return }
        // A byte count is at least the character count; el_cursor stops at the end.
        _ = el_cursor(editLine, Int32(clamping: last - cursor))
        let length = lineText().unicodeScalars.count
        if length > 0 { el_deletestr(editLine, Int32(clamping: length)) }
        if !text.isEmpty { _ = el_insertstr(editLine, text) }
    }

    // MARK: - Completion

    /// Completes the word before the cursor; returns libedit's redraw code.
    fileprivate func complete() -> UInt8 {
        guard let info = el_line(editLine), let start = info.pointee.buffer, let cursor = info.pointee.cursor else {
            return UInt8(CC_ERROR)
        }
        let length = cursor - start
        let before = String(decoding: UnsafeRawBufferPointer(start: start, count: max(0, length)).bindMemory(to: UInt8.self), as: UTF8.self)
        let result = Completer(context: completion()).complete(before)
        guard !result.candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        // Replace only what is really before the cursor (a string typed with unusual escapes
        // may decode to something else; then the candidates are only listed).
        let typedMatches = before.unicodeScalars.reversed().starts(with: result.typed.unicodeScalars.reversed())
        if typedMatches, let replacement = result.replacement, replacement != result.typed {
            if result.replacedScalarCount > 0 { el_deletestr(editLine, Int32(result.replacedScalarCount)) }
            if !replacement.isEmpty { _ = el_insertstr(editLine, replacement) }
        }
        guard result.shouldList || !typedMatches else { return UInt8(CC_REFRESH) }
        let columns = Int(parley_el_columns(editLine))
        let listing = CompletionListing.format(result.displayed, width: columns > 0 ? columns : 80)
        fputs("\n" + listing, parley_stdout())
        fflush(parley_stdout())
        return UInt8(CC_REDISPLAY)
    }

    // MARK: - Ctrl-C

    /// Marks the line as abandoned, shows `^C` and finishes the line.
    fileprivate func interrupt() -> UInt8 {
        interruptRequested = true
        if let info = el_line(editLine), let cursor = info.pointee.cursor, let last = info.pointee.lastchar {
            // A byte count is at least the character count; el_cursor stops at the end.
            _ = el_cursor(editLine, Int32(clamping: last - cursor))
        }
        _ = el_insertstr(editLine, "^C")
        el_push(editLine, "\n")
        return UInt8(CC_REFRESH)
    }
}

/// The editor an EditLine belongs to (stored as its client data).
func editor(of el: OpaquePointer?) -> LibeditLineEditor? {
    guard let el, let data = parley_el_get_clientdata(el) else { return nil }
    return Unmanaged<LibeditLineEditor>.fromOpaque(data).takeUnretainedValue()
}

/// libedit's prompt callback.
private func promptCallback(_ el: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
    editor(of: el)?.currentPrompt
}

/// libedit's Tab callback.
private func completeCallback(_ el: OpaquePointer?, _ key: Int32) -> UInt8 {
    editor(of: el)?.complete() ?? UInt8(CC_ERROR)
}

/// libedit's Ctrl-C callback.
private func interruptCallback(_ el: OpaquePointer?, _ key: Int32) -> UInt8 {
    editor(of: el)?.interrupt() ?? UInt8(CC_ERROR)
}

/// libedit's Ctrl-Z callback: suspends the process the way the terminal would (libedit's
/// handler puts the terminal back first, and redraws the line on SIGCONT).
private func suspendCallback(_ el: OpaquePointer?, _ key: Int32) -> UInt8 {
    kill(getpid(), SIGTSTP)
    // Back in the foreground: the cursor is at the start of a fresh line; draw it all again.
    return UInt8(CC_REDISPLAY)
}
