import CIECore
import CIEReport
import CLibEdit
import Foundation

/// Line editing and history through the system libedit's native API (histedit.h): emacs bindings, `~/.editrc`,
/// history capped at 2,000 entries and saved after every command, Tab bound to the completer.
final class LineEditor {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String?
    private var promptText: UnsafeMutablePointer<CChar>?
    private let completer: (String) -> Completer.Result
    private var warnedAboutHistory = false

    static let historySize: Int32 = 2000

    enum Read: Equatable {
        case line(String)
        case interrupted
        case end
    }

    init?(historyPath: String?, completer: @escaping (String) -> Completer.Result) {
        LineEditor.setUTF8Locale()
        guard let el = el_init("cie", cie_stdin(), cie_stdout(), cie_stderr()), let h = history_init() else { return nil }
        editLine = el
        history = h
        self.historyPath = historyPath
        self.completer = completer
        cie_history_setsize(h, LineEditor.historySize)
        cie_history_setunique(h, 1)
        if let historyPath { cie_history_load(h, historyPath) }
        cie_el_set_history(el, h)
        cie_el_set_editor(el, "emacs")
        // libedit restores the terminal around signals; our SIGINT handler (no SA_RESTART) makes el_gets return.
        cie_el_set_signal(el, 1)
        cie_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        cie_el_set_prompt(el) { el in
            guard let el, let me = cie_el_get_clientdata(el) else { return nil }
            return Unmanaged<LineEditor>.fromOpaque(me).takeUnretainedValue().promptText
        }
        cie_el_add_function(el, "cie-complete", "Complete the word left of the cursor") { el, _ in
            guard let el, let me = cie_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(me).takeUnretainedValue().complete(el)
        }
        cie_el_bind(el, "^I", "cie-complete")
        // ~/.editrc (or $EDITRC) last, so that a user's bindings win.
        el_source(el, nil)
    }

    deinit {
        el_end(editLine)
        history_end(history)
        free(promptText)
    }

    /// `setlocale(LC_CTYPE, "")` so that libedit reads multibyte (Chinese) input; C.UTF-8 when the environment's
    /// locale is missing or not UTF-8 (a bare container).
    static func setUTF8Locale() {
        if let set = setlocale(LC_CTYPE, ""), String(cString: nl_langinfo(nl_item(CODESET))).uppercased().contains("UTF") {
            _ = set
            return
        }
        if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "en_US.UTF-8") }
    }

    func read(prompt: String) -> Read {
        free(promptText)
        promptText = strdup(prompt)
        Cancellation.reset()
        var count: Int32 = 0
        guard let raw = el_gets(editLine, &count) else {
            // Only Ctrl-C abandons the line; any other failed read (the terminal went away: EIO) ends the session,
            // or the REPL would spin on a dead terminal.
            if Cancellation.reset() {
                // Ctrl-C: abandon the half-typed line.
                el_reset(editLine)
                fputs("^C\n", cie_stdout())
                fflush(cie_stdout())
                return .interrupted
            }
            return .end
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    /// Adds a command to the history and saves the file at once, so that a crash or a kill loses nothing.
    func remember(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        cie_history_enter(history, line)
        if let historyPath, !LineEditor.append(line, toHistory: historyPath), !warnedAboutHistory {
            warnedAboutHistory = true
            fputs("note: cannot save history to \(historyPath): set CIE_HISTORY to a writable file\n", cie_stderr())
        }
    }

    /// Adds a line to the history file as it is now, under a lock: two sessions sharing a history both keep their
    /// commands (saving each session's own list over the file lost the other's). The file is read afresh, the line
    /// added, and the result written to a temporary file renamed over it: a link is followed to its target, which
    /// keeps its permissions (libedit's save would chmod whatever the link points at).
    static func append(_ line: String, toHistory path: String) -> Bool {
        let target = SafeFile.resolvingLinks(path)
        let lock = open(target + ".lock", O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard lock >= 0 else { return false }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 { if errno != EINTR { return false } }
        defer { flock(lock, LOCK_UN) }
        guard let h = history_init() else { return false }
        defer { history_end(h) }
        cie_history_setsize(h, historySize)
        cie_history_setunique(h, 1)
        var existing = stat()
        let exists = stat(target, &existing) == 0
        if exists { cie_history_load(h, target) }
        cie_history_enter(h, line)
        let temporary = target + ".cie-\(getpid())"
        guard cie_history_save(h, temporary) >= 0 else { unlink(temporary); return false }
        if exists { chmod(temporary, existing.st_mode & 0o7777) }
        guard rename(temporary, target) == 0 else { unlink(temporary); return false }
        return true
    }

    // MARK: - Completion

    private func complete(_ el: OpaquePointer) -> UInt8 {
        guard let info = el_line(el)?.pointee else { return UInt8(CC_ERROR) }
        let length = info.cursor - info.buffer
        let left = String(decoding: UnsafeRawBufferPointer(start: info.buffer, count: length), as: UTF8.self)
        let r = completer(left)
        switch r.candidates.count {
        case 0:
            return UInt8(CC_REFRESH_BEEP)
        case 1:
            replace(r.typed, with: r.candidates[0] + (r.isWord ? " " : ""))
            return UInt8(CC_REFRESH)
        default:
            let common = LineEditor.commonPrefix(r.candidates)
            if common.count > r.typed.count, !common.isEmpty {
                replace(r.typed, with: common)
                return UInt8(CC_REFRESH)
            }
            list(r.candidates)
            return UInt8(CC_REDISPLAY)
        }
    }

    private func replace(_ typed: String, with text: String) {
        // el_deletestr counts characters as libedit stores them: one per Unicode scalar.
        if !typed.isEmpty { el_deletestr(editLine, Int32(typed.unicodeScalars.count)) }
        _ = text.withCString { el_insertstr(editLine, $0) }
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for w in words.dropFirst() {
            let chars = Array(w)
            var n = 0
            while n < prefix.count, n < chars.count, prefix[n] == chars[n] { n += 1 }
            prefix = Array(prefix[..<n])
        }
        return String(prefix)
    }

    /// Lists candidates in columns under the line (by display width, so Chinese names line up).
    private func list(_ candidates: [String]) {
        let shown = Array(candidates.prefix(120))
        let width = (shown.map { DisplayWidth.of($0) }.max() ?? 0) + 2
        let columns = max(1, terminalColumns() / width)
        var text = "\n"
        for (n, c) in shown.enumerated() {
            text += c + String(repeating: " ", count: width - DisplayWidth.of(c))
            if n % columns == columns - 1 || n == shown.count - 1 { text += "\n" }
        }
        if candidates.count > shown.count { text += "… \(candidates.count - shown.count) more: type more letters\n" }
        fputs(text, cie_stdout())
        fflush(cie_stdout())
    }
}
