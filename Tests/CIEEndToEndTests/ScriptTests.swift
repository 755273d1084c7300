import Foundation
import Testing

/// Script mode through the built binary: piped stdin, `cie run`, exit codes, streams.
@Suite struct ScriptTests {
    static let sample = "Samples/qinghai/qinghai_2016_2020.csv"
    /// NO_COLOR empty counts as unset (no-color.org), so that a leaked escape code would show.
    static let colorful = ["NO_COLOR": "", "TERM": "xterm-256color"]

    @Test func aPipedScriptReportsStdinLinesAndGoesOn() throws {
        let r = try cie([], stdin: "use qinghai\nload \(Self.sample)\nbogus\ncheck 大通 --target QH-06\n", environment: Self.colorful)
        #expect(r.status == 1)
        #expect(r.stderr.contains("<stdin>:3: error: 未知命令“bogus”"))
        #expect(r.stdout.contains("QH-06  大通回族土族自治县"))  // the command after the error ran
        #expect(!r.stdout.contains("cie>") && !r.stdout.contains("cie[qinghai]>"))  // no prompt
        #expect(!r.stdout.contains("\u{1B}") && !r.stderr.contains("\u{1B}"))  // no escape codes in a pipe
    }

    @Test func aCleanScriptExitsZeroAndQuitStops() throws {
        let r = try cie(["--policy", "qinghai", "--data", Self.sample], stdin: "check 大通 --target QH-06\nquit\nbogus\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("bogus"))
    }

    @Test func emptyInputIsACleanSession() throws {
        let r = try cie([], stdin: "")
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
    }

    @Test func runWithBailStopsAtTheFirstFailure() throws {
        let path = try temporaryFile("bail.cie", Array("use qinghai\nload \(Self.sample)\nexpect QH-06 大通 met\ntargets\n".utf8))
        let goOn = try cie(["run", path])
        #expect(goOn.status == 1)
        #expect(goOn.stderr.contains("\(path):3: error: expect 需要先有 check 的结果"))
        #expect(goOn.stdout.contains("QH-12"))
        let bail = try cie(["run", path, "--bail"])
        #expect(bail.status == 1)
        #expect(!bail.stdout.contains("QH-12"))
    }

    @Test func aFailingExpectFailsTheScript() throws {
        let path = try temporaryFile("expect.cie", Array("use qinghai\nload \(Self.sample)\ncheck\nexpect QH-06 刚察县 met\n".utf8))
        let r = try cie(["run", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(path):4: error: 预期 QH-06 在 刚察县 为 达标（met），实际为 未达标（not_met）"))
    }

    @Test func aFailedLoadLeavesTheSessionAsItWas() throws {
        let bad = try temporaryFile("bad.csv", Array("region,year,indicator,value\n630121,2021,gdp,12\n630121,2021,science_literacy_rate,x\n".utf8))
        let r = try cie(["--policy", "qinghai", "--data", Self.sample], stdin: "load \(bad)\ncheck 大通 --target QH-06 --format json\n")
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(bad):3:"))
        #expect(r.stdout.contains(#""year": 2020"#))  // 2021 was not loaded
    }

    @Test func echoShowsEachCommand() throws {
        let path = try temporaryFile("echo.cie", Array("use qinghai\npolicies\n".utf8))
        let r = try cie(["run", "--echo", path])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("> use qinghai\n> policies\n"))
    }

    @Test func crlfScriptsRunLineByLineThroughRunAndStdin() throws {
        let text = "\u{FEFF}use qinghai\r\nhlep\r\npolicies\r\n"
        let path = try temporaryFile("crlf.cie", Array(text.utf8))
        let run = try cie(["run", path])
        let piped = try cie([], stdin: text)
        for r in [run, piped] {
            #expect(r.status == 1)
            #expect(r.stderr.contains(":2: error: 未知命令“hlep”（是否指 help？）"), "\(r.stderr)")
            #expect(r.stdout.contains("qinghai"))
        }
        let dash = try cie(["run", "-"], stdin: "policies\n")
        #expect(dash.status == 0)
        #expect(dash.stdout.contains("qinghai"))
    }

    @Test func aFullDiskFailsTheScript() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let path = try temporaryFile("full.cie", Array("policies\ntargets qinghai\n".utf8))
        let p = Process()
        p.executableURL = cieBinary
        p.arguments = ["run", path]
        p.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let err = Pipe()
        p.standardError = err
        try p.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 1)
        #expect(stderr.contains("error: 无法写出结果：磁盘空间已满"), "\(stderr)")
    }

    @Test func anUnreadableScriptIsAUsageError() throws {
        let r = try cie(["run", "no/such/script.cie"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("无法读取脚本 no/such/script.cie"))
        #expect(try cie(["run"]).status == 2)
    }

    @Test func aClosedStdoutEndsQuietly() throws {
        // `cie run … | head -1`, through a shell so that the pipe really closes.
        let script = try temporaryFile("long.cie", Array(("use qinghai\nload \(Self.sample)\n" + String(repeating: "check\n", count: 40)).utf8))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", "'\(cieBinary.path)' run '\(script)' | head -1 >/dev/null; echo ${PIPESTATUS[0]}"]
        p.currentDirectoryURL = packageRoot
        let out = Pipe(), err = Pipe()
        p.standardError = err
        p.standardOutput = out
        try p.run()
        let status = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(status == "0", "cie's exit status behind a closed pipe: \(status)")  // not 141 (SIGPIPE), not a trap
        #expect(!stderr.contains("Fatal") && !stderr.contains("error:"), "\(stderr)")
    }

    /// Samples/*/*.cie are self-testing scripts: each must pass.
    static let sampleScripts: [String] = {
        let samples = packageRoot.appendingPathComponent("Samples")
        return (FileManager.default.enumerator(atPath: samples.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".cie") }.sorted().map { "Samples/" + $0 }
    }()

    @Test func thereAreSampleScripts() { #expect(Self.sampleScripts.count >= 2) }

    /// A sample script names its data relative to its own folder: `cie run` finds it from anywhere, and the same
    /// lines through stdin work from that folder.
    @Test(arguments: ScriptTests.sampleScripts)
    func sampleScriptPasses(path: String) throws {
        let r = try cie(["run", path])
        #expect(r.status == 0, "\(path): \(r.stderr)")
        let elsewhere = try cie(["run", packageRoot.appendingPathComponent(path).path], directory: FileManager.default.temporaryDirectory)
        #expect(elsewhere.status == 0 && elsewhere.stdout == r.stdout, "\(path) run from another folder: \(elsewhere.stderr)")
        let script = packageRoot.appendingPathComponent(path)
        let piped = try cie([], stdin: try String(contentsOf: script, encoding: .utf8), directory: script.deletingLastPathComponent())
        #expect(piped.status == 0, "\(path) through stdin: \(piped.stderr)")
        #expect(piped.stdout == r.stdout)
    }

    /// A path that exists from the working directory wins over one beside the script.
    @Test func theWorkingDirectoryComesBeforeTheScriptsFolder() throws {
        let script = try temporaryFile("beside.cie", Array("load Samples/qinghai/qinghai_wide_2020.csv\nshow 格尔木市 gdp\n".utf8))
        let r = try cie(["run", script])
        #expect(r.status == 0 && r.stderr.contains("Samples/qinghai/qinghai_wide_2020.csv"), "\(r.stderr)")
        let missing = try cie(["run", script], directory: FileManager.default.temporaryDirectory)
        #expect(missing.status == 1 && missing.stderr.contains("文件不存在"), "\(missing.stderr)")
    }
}

/// The interactive REPL, driven through a pseudo-terminal by Tests/pty/drive_repl.py: prompt, completion of a
/// policy id and of a Chinese region name, history recall, Ctrl-C, Ctrl-D, history saved.
@Suite struct InteractiveTests {
    @Test func theReplWorksInATerminal() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cie-pty-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "Tests/pty/drive_repl.py", cieBinary.path, "Samples/qinghai/qinghai_2016_2020.csv", dir.appendingPathComponent("history").path]
        p.currentDirectoryURL = packageRoot
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text)")
        #expect(text.contains("ok Tab completes a Chinese region name"), "\(text)")
        #expect(text.contains("ok history was saved"), "\(text)")
    }
}
