import CIECore
import CLibEdit
import Foundation
import Synchronization

/// Standard output and error, written with stdio so that a closed pipe is noticed instead of trapping
/// (FileHandle traps on EPIPE); SIGPIPE is ignored in `main.swift`.
public enum Output {
    /// Writes a line to stdout.
    public static func line(_ text: String) {
        guard writeFailure == nil else { return }
        if fputs(text, cie_stdout()) < 0 || fputs("\n", cie_stdout()) < 0 { failure.store(errno, ordering: .relaxed) }
    }

    /// Writes a line to stderr, flushing stdout first so that the two streams interleave in order.
    public static func errorLine(_ text: String) {
        flush()
        fputs(text, cie_stderr())
        fputs("\n", cie_stderr())
    }

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
