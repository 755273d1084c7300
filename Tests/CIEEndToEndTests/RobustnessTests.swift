import CIECore
import Foundation
import Testing

/// Issue 16 as a hostile user would try it, on the built binary: files that shrink while they load, endless and
/// blocking inputs, devices as outputs, and hundreds of mutated files and random scripts — only exit codes, never a
/// signal or a hang.
@Suite struct RobustnessTests {
    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cie-hostile-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Starts cie; the caller waits (with `finish`).
    func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let p = Process()
        p.executableURL = cieBinary
        p.arguments = arguments
        p.currentDirectoryURL = packageRoot
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// Waits at most `seconds`; a process still running then is killed and reported as a hang.
    func finish(_ p: Process, within seconds: Double, _ what: String) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while p.isRunning, Date() < deadline { usleep(10_000) }
        if p.isRunning {
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            Issue.record("\(what): still running after \(seconds) s")
            return nil
        }
        #expect(p.terminationReason == .exit, "\(what): ended by signal \(p.terminationStatus)")
        return p.terminationReason == .exit ? p.terminationStatus : nil
    }

    /// 1. A long CSV truncated while it loads (on the two-core path, 8 MB and more) is an error for that file, never
    /// SIGBUS (exit 135).
    @Test func aFileTruncatedWhileItLoadsIsAnErrorNotASignal() throws {
        let dir = try scratch()
        var text = "region,year,indicator,value\n"
        text.reserveCapacity(12_000_000)
        for n in 0..<500_000 { text += "630121,\(1900 + n % 120),custom_\(n / 120),\(n).5\n" }
        let original = Data(text.utf8)
        let path = dir.appendingPathComponent("big.csv").path
        for delay in [0, 2_000, 10_000, 30_000, 80_000] {
            try original.write(to: URL(fileURLWithPath: path))
            let p = try start(["validate", path])
            usleep(useconds_t(delay))
            truncate(path, 1 << 20)
            let status = finish(p, within: 60, "validate while truncated after \(delay) µs")
            #expect(status == 0 || status == 2, "exit \(String(describing: status))")
        }
    }

    /// 3. Endless devices and a FIFO no one writes: refused or interrupted, never read forever.
    @Test func endlessAndBlockingInputsEnd() throws {
        for args in [["validate", "/dev/zero"], ["validate", "/dev/urandom"], ["check", "--policy", "qinghai", "--data", "/dev/zero"]] {
            let status = finish(try start(args), within: 20, args.joined(separator: " "))
            #expect(status == 2, "\(args)")
        }
        // A stream of text with no end stops at the limit, with a message naming it.
        let yes = try cie(["-c", "validate /dev/stdin"], stdin: String(repeating: "region,year,indicator,value\n", count: 5_000),
                          environment: ["CIE_MAX_STREAM_BYTES": "10000"])
        #expect(yes.status == 1 && yes.stderr.contains("CIE_MAX_STREAM_BYTES"), "\(yes.stderr)")
        // Ctrl-C while opening a FIFO with no writer: the script exits 130.
        let dir = try scratch()
        let fifo = dir.appendingPathComponent("fifo.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for args in [["-c", "load \(fifo)"], ["validate", fifo]] {
            let p = try start(args)
            usleep(500_000)
            kill(p.processIdentifier, SIGINT)
            #expect(finish(p, within: 10, "\(args): a FIFO, then Ctrl-C") == 130)
        }
    }

    /// 7. A device as the output is written through, not replaced by a regular file.
    @Test func devicesAreWrittenThrough() throws {
        let out = try cie(["check", "--policy", "qinghai", "--data", "Samples/qinghai/qinghai_2016_2020.csv", "--quiet", "--target", "QH-06", "--top", "2",
                           "--output", "/dev/stdout"])
        #expect(out.stdout.contains("QH-06") && (out.status == 1 || out.status == 0), "\(out.stderr)")
        let full = try cie(["check", "--policy", "qinghai", "--data", "Samples/qinghai/qinghai_2016_2020.csv", "--quiet", "--output", "/dev/full"])
        #expect(full.status == 2 && full.stderr.contains("磁盘空间已满"), "\(full.stderr)")
        var st = stat()
        stat("/dev/full", &st)
        #expect(st.st_mode & S_IFMT == S_IFCHR)
    }

    /// Hundreds of mutated data files (bytes flipped, cut, repeated, inserted) and random scripts of real command
    /// words: exit 0, 1 or 2 only.
    @Test func mutatedFilesAndRandomScriptsOnlyExit() throws {
        let dir = try scratch()
        var rng = SplitMix64(seed: 16)  // the same mutations on every run
        let seeds = ["Samples/qinghai/qinghai_wide_2020.csv", "Samples/qinghai/qinghai_2020_gbk.csv", "Samples/weihai/weihai_yearbook_2020.csv",
                     "Samples/jilin/jilin_yearbook_2020.xlsx", "Samples/zhejiang/zhejiang_yearbook_2022.csv"]
            .map { try! Array(Data(contentsOf: packageRoot.appendingPathComponent($0))) }
        // The mutated files, many to a command (a process each would take minutes).
        var names: [String] = []
        for n in 0..<300 {
            var bytes = seeds[n % seeds.count]
            for _ in 0..<(1 + rng.next() % 6) {
                guard !bytes.isEmpty else { break }
                let at = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 5 {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                case 1: bytes.removeSubrange(at...)
                case 2: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 64)], at: at)
                case 3: bytes.insert(contentsOf: [0x22, 0x2C, 0x0A, 0x0D, 0x00, 0xE4, 0x1B][Int(rng.next() % 7)...], at: at)
                default: bytes.removeSubrange(at..<min(bytes.count, at + Int(rng.next() % 200)))
                }
            }
            let name = "m\(n)." + (n % seeds.count == 3 ? "xlsx" : "csv")
            try Data(bytes).write(to: dir.appendingPathComponent(name))
            names.append(dir.appendingPathComponent(name).path)
        }
        for batch in stride(from: 0, to: names.count, by: 50) {
            let status = finish(try start(["validate"] + names[batch..<min(batch + 50, names.count)]), within: 120, "validate of mutated files \(batch)…")
            #expect(status == 0 || status == 2)
        }
        // Random scripts: command words, options and arguments mixed, with quotes, comments and junk.
        let words = ["load", "use", "check", "review", "rank", "show", "regions", "indicators", "targets", "explain", "set", "export", "expect", "files",
                     "unload", "reload", "rejects", "report", "help", "policies", "validate", "source", "qinghai", "zhejiang", "大通", "QH-06", "gdp",
                     "--year", "2020", "1e308", "--top", "0", "-1", "--status", "not_met", "--format", "xlsx", "json", "\"", "'", "#", "\\", "all",
                     "Samples/qinghai/qinghai_2016_2020.csv", names[0], dir.appendingPathComponent("out.csv").path, "--force", "\u{1B}[2J", "🙂", ";"]
        for n in 0..<40 {
            var lines: [String] = []
            for _ in 0..<(2 + rng.next() % 8) {
                lines.append((0..<(1 + rng.next() % 6)).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " "))
            }
            let script = dir.appendingPathComponent("s\(n).cie")
            try lines.joined(separator: "\n").write(to: script, atomically: true, encoding: .utf8)
            let status = finish(try start(["run", script.path]), within: 60, "script \(n): \(lines)")
            #expect(status == 0 || status == 1 || status == 2, "script \(n) exited \(String(describing: status)): \(lines)")
        }
    }
}
