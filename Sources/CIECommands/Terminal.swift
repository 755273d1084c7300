import CIECore
import CIEReport
import CLibEdit
import Foundation
import Synchronization

/// Standard output and error, written with stdio so that a closed pipe is noticed instead of trapping
/// (FileHandle traps on EPIPE); SIGPIPE is ignored in `main.swift`.
public enum Output {
    /// Writes a line to stdout; on a terminal, with control characters made visible (`visible`).
    public static func line(_ text: String) {
        guard writeFailure == nil else { return }
        let shown = stdoutIsTerminal ? visible(text) : text
        if fputs(shown, cie_stdout()) < 0 || fputs("\n", cie_stdout()) < 0 { failure.store(errno, ordering: .relaxed) }
    }

    /// Writes a line to stderr, flushing stdout first so that the two streams interleave in order.
    public static func errorLine(_ text: String) {
        flush()
        fputs(stderrIsTerminal ? visible(text) : text, cie_stderr())
        fputs("\n", cie_stderr())
    }

    /// Writes cie's own terminal control sequence (`clear`'s), which `visible` would otherwise show as text.
    static func control(_ sequence: String) {
        fputs(sequence, cie_stdout())
        flush()
    }

    static let stdoutIsTerminal = isatty(1) == 1
    static let stderrIsTerminal = isatty(2) == 1

    /// Text as a terminal may show it (`DisplayWidth.visible`): a name from a data file cannot clear the screen,
    /// set the window title or write the clipboard; cie's own colour codes are kept.
    public static func visible(_ text: String) -> String { DisplayWidth.visible(text, keepingColours: true) }

    public static func flush() {
        if fflush(cie_stdout()) != 0 { failure.store(errno, ordering: .relaxed) }
    }

    private static let failure = Atomic<Int32>(0)

    /// The errno of the first failed write to stdout: EPIPE when its reader has gone (`cie run x.cie | head`),
    /// ENOSPC for a full disk. Nil while writes succeed.
    public static var writeFailure: Int32? {
        let f = failure.load(ordering: .relaxed)
        return f == 0 ? nil : f
    }
    public static var isTerminal: Bool { isatty(0) == 1 && isatty(1) == 1 }

    /// Colour on stdout: a terminal, and NO_COLOR unset or empty (no-color.org).
    public static var wantsColor: Bool { isatty(1) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty }
}

/// Ctrl-C. In the REPL and in scripts SIGINT only sets `Cancellation` (the handler does nothing else, which is
/// async-signal-safe); the line editor abandons the line, a running load stops, a script exits 130.
/// No SA_RESTART, so a blocking read returns EINTR and the REPL sees the interrupt at once.
public enum Interrupts {
    public static func install() {
        _ = Cancellation.isRequested  // initialise the flag outside the handler
        var action = sigaction()
        #if os(Linux)
        action.__sigaction_handler.sa_handler = { _ in Cancellation.request() }
        #else
        action.__sigaction_u.__sa_handler = { _ in Cancellation.request() }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with SIGINT blocked (a signal mask survives exec; thread pools block
        // signals): unblock it, or Ctrl-C would do nothing.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}

/// Reads a script a line at a time from a file descriptor (a file, a pipe, stdin): the same reader for `cie run`
/// and `cie < script`, so both split lines alike. LF or CRLF ends a line; a BOM at the start is dropped; bytes that
/// are not UTF-8 become U+FFFD (and then fail as an unknown word, with the line number). Hand-written because
/// `readLine()` cannot read a file and Foundation's readers load the whole input before the first command runs.
public final class LineReader {
    private let fd: Int32
    private let owned: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private var first = true

    /// Opens a script; "-" is standard input. Nil when it cannot be opened.
    public init?(path: String) {
        if path == "-" {
            fd = 0
            owned = false
        } else {
            fd = open(path, O_RDONLY)
            guard fd >= 0 else { return nil }
            var info = stat()
            if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                close(fd)
                return nil
            }
            owned = true
        }
    }

    public init(fileDescriptor: Int32) {
        fd = fileDescriptor
        owned = false
    }

    deinit { if owned { close(fd) } }

    public func next() -> String? {
        while true {
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                var end = nl
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let line = decode(buffer[start..<end])
                start = nl + 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                let line = decode(buffer[start..<end])
                start = buffer.count
                return line
            }
            fill()
        }
    }

    private func fill() {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n > 0 { buffer += chunk[..<n] } else if n == 0 || errno != EINTR || Cancellation.isRequested { atEnd = true }
    }

    private func decode(_ bytes: ArraySlice<UInt8>) -> String {
        var bytes = bytes
        if first {
            first = false
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Long output in the REPL goes through `$PAGER` (default `less -FRX`: it quits at once when the text fits, keeps
/// colours, leaves the text on the screen); never in script mode. `PAGER=cat` or an empty PAGER turns it off.
enum Pager {
    static func show(_ lines: [String]) {
        let rows = terminalRows()
        let count = lines.reduce(0) { $0 + 1 + $1.reduce(0) { $1 == "\n" ? $0 + 1 : $0 } }
        let command = ProcessInfo.processInfo.environment["PAGER"] ?? "less -FRX"
        guard Output.isTerminal, count > rows - 2, !command.trimmingSpaces().isEmpty, command != "cat" else {
            for l in lines { Output.line(l) }
            return
        }
        Output.flush()
        guard let pid = spawn(command) else {
            for l in lines { Output.line(l) }
            return
        }
        // A pager that quits early (q in less) closes the pipe: the write fails with EPIPE (SIGPIPE is ignored, see
        // main.swift), quietly, and the REPL goes on.
        let bytes = Array((Output.visible(lines.joined(separator: "\n")) + "\n").utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { write(pid.input, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            done += n
        }
        close(pid.input)
        var status: Int32 = 0
        while waitpid(pid.id, &status, 0) < 0, errno == EINTR {}
        // The shell's 127/126: the pager is not installed (or not runnable), so nothing was shown. Print the text.
        let code = (status >> 8) & 0xFF
        if status & 0x7F == 0, code == 127 || code == 126 {
            for l in lines { Output.line(l) }
        }
    }

    /// `/bin/sh -c COMMAND` with its stdin a pipe, in cie's own process group. Foundation's Process puts the child in
    /// a new group, which is not the terminal's foreground group: less would be stopped (SIGTTOU) as it sets up the
    /// terminal, and the REPL would hang. Signals cie ignores (SIGPIPE) are reset for the pager.
    private static func spawn(_ command: String) -> (id: pid_t, input: Int32)? {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(command), nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        close(fds[0])
        guard result == 0 else {
            close(fds[1])
            return nil
        }
        return (pid, fds[1])
    }

    static func terminalRows() -> Int {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 4 { return Int(size.ws_row) }
        return 24
    }
}

/// A system error as a person reads it, in the session's language (strerror(3) is English only).
func errnoText(_ code: Int32, _ language: Language) -> String {
    let known: [Int32: (String, String)] = [
        ENOENT: ("文件或文件夹不存在", "no such file or folder"), EACCES: ("没有权限", "permission denied"), EPERM: ("不允许的操作", "operation not permitted"),
        ENOSPC: ("磁盘空间已满", "no space left on the device"), EDQUOT: ("超出磁盘配额", "disk quota exceeded"), EROFS: ("文件系统只读", "read-only file system"),
        EISDIR: ("这是一个文件夹", "it is a folder"), ENOTDIR: ("路径中有一段不是文件夹", "a part of the path is not a folder"),
        EEXIST: ("已存在", "it exists already"), EIO: ("输入输出错误", "input/output error"), EPIPE: ("管道已关闭", "the pipe was closed"),
        EMFILE: ("打开的文件过多", "too many open files"), ENAMETOOLONG: ("文件名过长", "file name too long"), EFBIG: ("文件过大", "file too large"),
    ]
    if let (zh, en) = known[code] { return language == .zh ? zh : en }
    let system = String(cString: strerror(code))
    return language == .zh ? "系统错误 \(code)（\(system)）" : system
}

/// The system error behind a Foundation error (a failed write), in the session's language.
func systemErrorText(_ error: any Error, _ language: Language) -> String {
    let ns = error as NSError
    if ns.domain == NSPOSIXErrorDomain { return errnoText(Int32(ns.code), language) }
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
        return errnoText(Int32(underlying.code), language)
    }
    let cocoa: [Int: Int32] = [4: ENOENT, 260: ENOENT, 257: EACCES, 513: EACCES, 640: ENOSPC, 642: EROFS]
    if ns.domain == NSCocoaErrorDomain, let code = cocoa[ns.code] { return errnoText(code, language) }
    var text = ns.localizedDescription
    while text.hasSuffix(".") { text.removeLast() }
    return text
}
