@testable import CIECommands
import Foundation
import Testing

/// A write is whole or not at all: a failure half-way leaves the old file as it was and no temporary file behind.
@Suite struct SafeFileTests {
    func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cie-safe-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    struct Stop: Error {}

    @Test func aWriteStoppedHalfWayLeavesTheOldFileAndNoTemporary() throws {
        let dir = try folder()
        let path = dir + "/out.csv"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o640)
        var chunks = 0
        #expect(throws: Stop.self) {
            try SafeFile.write(Array(repeating: 65, count: 10_000), to: path, chunk: 1000) {
                chunks += 1
                if chunks == 3 { throw Stop() }
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.csv"])
        // A whole write replaces it, keeping its permissions.
        try SafeFile.write(Array("new".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        var st = stat()
        stat(path, &st)
        #expect(st.st_mode & 0o777 == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.csv"])
    }

    @Test func aLinkIsFollowedAndAFolderRefused() throws {
        let dir = try folder()
        try Data("old".utf8).write(to: URL(fileURLWithPath: dir + "/real.csv"))
        symlink(dir + "/real.csv", dir + "/link.csv")
        try SafeFile.write(Array("new".utf8), to: dir + "/link.csv")
        #expect(try String(contentsOfFile: dir + "/real.csv", encoding: .utf8) == "new")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.csv") == dir + "/real.csv")
        #expect { try SafeFile.write(Array("x".utf8), to: dir) } throws: { ($0 as? SafeFile.Failure)?.code == EISDIR }
        #expect(SafeFile.same(dir + "/link.csv", dir + "/./real.csv") && !SafeFile.same(dir + "/real.csv", dir + "/none.csv"))
    }

    /// A pipe is written in place, not replaced by a file; a dangling link gets its target created.
    @Test func aPipeIsWrittenInPlaceAndADanglingLinkCreatesItsTarget() throws {
        let dir = try folder()
        let fifo = dir + "/fifo.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        nonisolated(unsafe) var read = Data()
        // (Joined by the group, which orders the reader's write of `read` before the test reads it.)
        let reader = DispatchGroup()
        DispatchQueue.global().async(group: reader) {
            read = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
        }
        try SafeFile.write(Array("through the pipe".utf8), to: fifo)
        reader.wait()
        #expect(String(decoding: read, as: UTF8.self) == "through the pipe")
        var st = stat()
        lstat(fifo, &st)
        #expect(st.st_mode & S_IFMT == S_IFIFO)
        symlink("made.csv", dir + "/dangling.csv")
        try SafeFile.write(Array("new".utf8), to: dir + "/dangling.csv")
        #expect(try String(contentsOfFile: dir + "/made.csv", encoding: .utf8) == "new")
        lstat(dir + "/dangling.csv", &st)
        #expect(st.st_mode & S_IFMT == S_IFLNK)
        #expect(SafeFile.isInside(dir + "/new.csv", dir) && SafeFile.isInside(dir + "/./made.csv", dir) && !SafeFile.isInside("/tmp/x.csv", dir))
    }
}

/// Issue 16's terminal, history and leftover-file cases.
@Suite struct OutputSafetyTests {
    /// 4. A name from a data file cannot drive the terminal: ESC, OSC 52 (clipboard), BEL, C1 CSI are shown as
    /// escapes; cie's own colour codes stay.
    @Test func controlCharactersAreMadeVisible() {
        let name = "大通\u{1B}]52;c;ZXZpbA==\u{07}县\u{1B}[2J\u{9B}31m\u{7F}"
        let shown = Output.visible("\u{1B}[31m" + name + "\u{1B}[0m\n第二行\t")
        #expect(shown == "\u{1B}[31m大通\\e]52;c;ZXZpbA==\\x07县\\e[2J\\u{9b}31m\\x7f\u{1B}[0m\n第二行\t")
        #expect(!shown.unicodeScalars.contains { $0 == "\u{07}" || $0 == "\u{9B}" })
        #expect(Output.visible("plain 文本") == "plain 文本")
    }

    /// 7. Two sessions sharing a history both keep their commands; a history that is a link keeps its target's mode.
    @Test func historyAppendsUnderALockAndKeepsALinksTarget() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cie-hist-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let real = dir + "/real_history", link = dir + "/history"
        #expect(FileManager.default.createFile(atPath: real, contents: Data()))
        chmod(real, 0o640)
        symlink(real, link)
        #expect(LineEditor.append("load a.csv", toHistory: link))
        #expect(LineEditor.append("use qinghai", toHistory: link))   // another session, its own list never held the first line
        let text = try String(contentsOfFile: real, encoding: .utf8)
        #expect(text.contains("load") && text.contains("qinghai"), "\(text)")
        var st = stat()
        lstat(link, &st)
        #expect(st.st_mode & S_IFMT == S_IFLNK)
        stat(real, &st)
        #expect(st.st_mode & 0o777 == 0o640)
    }

    /// 7. What a killed write left (its process gone) is removed by the next write of the same file.
    @Test func aKilledWritesLeftoverIsRemovedNextTime() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cie-left-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // A process id that is not running: the largest the kernel would give, plus one.
        let gone = (try? String(contentsOfFile: "/proc/sys/kernel/pid_max", encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }.map { $0 + 1 } ?? 99_999_999
        #expect(FileManager.default.createFile(atPath: dir + "/.out.csv.cie-\(gone)-abc", contents: Data("part".utf8)))
        #expect(FileManager.default.createFile(atPath: dir + "/.other.csv.cie-\(gone)-abc", contents: Data("part".utf8)))
        try SafeFile.write(Array("whole".utf8), to: dir + "/out.csv")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [".other.csv.cie-\(gone)-abc", "out.csv"])
    }
}
