// The regression runner: built with -D REPLAY instead of libFuzzer (Fuzz/build.sh makes .build/fuzz/bin/replay-NAME),
// it runs the harness once on every file of the folders and files it is given and prints how many it ran. A crash
// is a crash of the replay (with AddressSanitizer's report); a clean run prints "replay: N inputs, 0 failed".
import Foundation

/// FUZZ_VERBOSE=1: the harnesses print what each input gave (for looking at a corpus with a replay-NAME binary).
let fuzzVerbose = ProcessInfo.processInfo.environment["FUZZ_VERBOSE"] != nil

func say(_ text: @autoclosure () -> String) {
    if fuzzVerbose { FileHandle.standardError.write(Data((text() + "\n").utf8)) }
}

/// AddressSanitizer's defaults for these binaries: no leak report at exit (the Swift runtime and Foundation keep
/// their caches to the end, which LeakSanitizer reports); ASAN_OPTIONS still overrides it.
@_cdecl("__asan_default_options")
public func asanDefaultOptions() -> UnsafePointer<CChar> {
    UnsafeRawPointer(("detect_leaks=0" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self)
}

#if REPLAY

@main
struct Replay {
    static func main() {
        var files: [String] = []
        let fm = FileManager.default
        for arg in CommandLine.arguments.dropFirst() where !arg.hasPrefix("-") {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: arg, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("replay: no such file or folder: \(arg)\n".utf8))
                exit(2)
            }
            if isDirectory.boolValue {
                let names = ((try? fm.contentsOfDirectory(atPath: arg)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
                files += names.map { arg + "/" + $0 }.filter { p in
                    var d: ObjCBool = false
                    return fm.fileExists(atPath: p, isDirectory: &d) && !d.boolValue
                }
            } else {
                files.append(arg)
            }
        }
        let started = Date()
        for path in files {
            guard let data = fm.contents(atPath: path) else { continue }
            // An allocation of exactly the input's size, as libFuzzer gives it, so that AddressSanitizer sees a read
            // one byte past the end.
            let n = data.count
            let p = UnsafeMutablePointer<UInt8>.allocate(capacity: max(n, 1))
            data.copyBytes(to: p, count: n)
            say("== \(path)")
            _ = fuzz(UnsafePointer(p), n)
            p.deallocate()
        }
        let seconds = Date().timeIntervalSince(started)
        print("replay: \(files.count) inputs, 0 failed (\(String(format: "%.1f", seconds)) s)")
    }
}
#endif
