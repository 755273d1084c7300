// libFuzzer harness: the REPL's word splitter (Sources/CIECommands/Words.swift): `Words.split`, `Words.commands`
// (`cie -c "a; b"`), `Words.quote` and the joining of continued lines. Fuzz/commands.swift takes the words on to
// ArgumentParser.
//
// The input is text as typed or read from a script. One property is checked: a word written out with `Words.quote`
// splits back into that one word (the completer inserts words so), for words without control characters, both kinds
// of quote or a trailing backslash, which `quote` does not claim to handle.
import Foundation
@testable import CIECommands

func quotable(_ w: String) -> Bool {
    !w.isEmpty && !w.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }
        && !(w.unicodeScalars.contains("\"") && w.unicodeScalars.contains("'")) && !w.hasSuffix("\\")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var next = 1
    _ = Words.joinContinued(lines[0]) { () -> String? in
        defer { next += 1 }
        return next < lines.count ? lines[next] : nil
    }
    let whole = Words.split(text)
    _ = (whole.lastRaw, whole.endsInWord, whole.continues)
    for command in Words.commands(text) {
        let split = Words.split(command)
        for w in split.words where quotable(w) {
            let back = Words.split(Words.quote(w))
            if back.words != [w] {
                fatalError("Words.quote(\(w.debugDescription)) = \(Words.quote(w).debugDescription) splits into \(back.words)")
            }
        }
    }
    return 0
}
