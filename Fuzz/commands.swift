// libFuzzer harness: a REPL command line parsed into a command without executing it, as Interpreter.run does it
// (Sources/CIECommands/Interpreter.swift, CommandTable.swift, ParseErrors.swift): the text cut into commands and
// words (Words), the first word looked up in CommandTable (or the "unknown command, did you mean" error built), the
// rest parsed by the command's ArgumentParser definition, and a parse error translated as the REPL shows it (or the
// help built, for --help).
//
// Not the completer by default: completing a region word scans every unit of the national table (about 30 inputs a
// second under AddressSanitizer); FUZZ_COMPLETER=1 adds Completer.complete on each command.
import ArgumentParser
import CIECore
import Foundation
@testable import CIECommands

private final class Setup: @unchecked Sendable {
    let session: Session
    let completer: Completer
    init() {
        session = Session(out: { _ in }, err: { _ in })
        session.policy = try? session.resolvePolicy("qinghai")
        completer = Completer(session: session)
    }
}
private let setup = Setup()
private let withCompleter = getenv("FUZZ_COMPLETER") != nil

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for command in Words.commands(text).prefix(8) {
        let split = Words.split(command)
        if withCompleter { _ = setup.completer.complete(command) }
        guard split.openQuote == nil, let word = split.words.first else { continue }
        _ = ParseErrors.language(in: split.words)
        guard let type = CommandTable.command(named: word) else {
            _ = CommandTable.unknown(word).text.zh
            continue
        }
        do {
            _ = try type.parse(Array(split.words.dropFirst()))
            say("parsed: \(command)")
        } catch {
            if type.exitCode(for: error) == .success {
                _ = CommandTable.help(for: type, in: .zh)
            } else {
                let message = ParseErrors.translate(type.message(for: error))
                say("error: \(message.zh)")
            }
        }
    }
    return 0
}
