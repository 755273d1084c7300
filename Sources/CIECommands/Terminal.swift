import CIECore
import CLibEdit
import Foundation

/// Standard output and error, written with stdio so that a closed pipe is noticed instead of trapping
/// (FileHandle traps on EPIPE); SIGPIPE is ignored in `main.swift`.
public enum Output {
    /// Writes a line to stdout.
    public static func line(_ text: String) {
        guard !stdoutClosed else { return }
        fputs(text, cie_stdout())
        fputs("\n", cie_stdout())
    }

    /// Writes a line to stderr, flushing stdout first so that the two streams interleave in order.
    public static func errorLine(_ text: String) {
        fflush(cie_stdout())
        fputs(text, cie_stderr())
        fputs("\n", cie_stderr())
    }

    public static func flush() { fflush(cie_stdout()) }

    /// Whether stdout's reader has gone (`cie run x.cie | head`): scripts stop quietly then.
    public static var stdoutClosed: Bool { ferror(cie_stdout()) != 0 }

    public static var isTerminal: Bool { isatty(0) == 1 && isatty(1) == 1 }

    /// Colour on stdout: a terminal, and NO_COLOR unset.
    public static var wantsColor: Bool { isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }
}

/// Ctrl-C. In the REPL and in scripts SIGINT only sets `Cancellation` (the handler does nothing else, which is
/// async-signal-safe); the line editor abandons the line, a running load stops, a script exits 130.
/// No SA_RESTART, so a blocking read returns EINTR and the REPL sees the interrupt at once.
public enum Interrupts {
    public static func install() {
        _ = Cancellation.isRequested  // initialise the flag outside the handler
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Cancellation.request() }
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
