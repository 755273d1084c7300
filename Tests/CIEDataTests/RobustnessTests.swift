import CIECore
@testable import CIEData
import Foundation
import Testing

/// The failures issue 16 found in the loaders, each pinned by a test that failed before its fix.
@Suite struct LoaderRobustnessTests {
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cie-robust-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// 2. `{"observations":["\` stepped past the end in skipValue (a trap in debug builds, a heap read under ASan).
    @Test func aJSONStringCutAfterABackslashIsAnError() {
        for text in [#"{"observations":["\"#, #"{"observations":["a\"#, #"["\"#, #"{"a":"\"#] {
            let d = diagnostics(loadOnce(bytes: Array(text.utf8), name: "j.json"))
            #expect(d.count == 1 && d[0].render(.en).contains("malformed JSON"), "\(text): \(d)")
        }
    }

    /// 1. A file that ends before the size it had when opened (another process rewriting it) is an error for that
    /// file, never SIGBUS: files are read, not mapped.
    @Test func aFileShorterThanWhenOpenedIsAnError() throws {
        let text = Array("region,year,indicator,value\n630121,2020,gdp,1\n".utf8)
        let path = try write("short.csv", text)
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        // As if it had been 100 bytes longer when opened.
        guard case .failure(.changed(let expected, let read)) = FileBytes.readRegular(fd, size: text.count + 100) else {
            Issue.record("a short read was accepted")
            return
        }
        #expect(expected == text.count + 100 && read == text.count)
        #expect((try? FileBytes.open(path).get())?.bytes.count == text.count)
    }

    /// A file of 16 MB or more is read by two threads, a half each: it reads byte for byte, and a file that ended
    /// early is the same error, whichever half came short.
    @Test func aLargeFileReadInTwoHalvesIsExactAndAShortOneAnError() throws {
        var text = [UInt8](repeating: 0, count: (17 << 20) + 12345)
        for k in text.indices { text[k] = UInt8(truncatingIfNeeded: k &* 2654435761 >> 13) }
        let path = try write("large.csv", text)
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let read = try FileBytes.readRegular(fd, size: text.count).get()
        #expect(read.bytes.elementsEqual(text))
        for extra in [1, 9 << 20] {  // one byte short; 9 MB short
            guard case .failure(.changed(let expected, let got)) = FileBytes.readRegular(fd, size: text.count + extra) else {
                Issue.record("a short read of \(extra) bytes was accepted")
                continue
            }
            #expect(expected == text.count + extra && got == text.count)
        }
    }

    /// 3. A device or pipe is read up to a limit, and one that starts with a NUL stops at its first chunk.
    @Test func streamsAreBounded() throws {
        let zero = FileBytes.open("/dev/zero")
        #expect((try? zero.get())?.bytes.count == 1 << 16, "/dev/zero is read one chunk, then reported as binary")
        signal(SIGPIPE, SIG_IGN)  // the writer may write after the reader has stopped
        var pipe: [Int32] = [0, 0]
        #expect(Glibc.pipe(&pipe) == 0)
        let out = pipe[1]
        let writer = DispatchGroup()
        DispatchQueue.global().async(group: writer) {
            let chunk = [UInt8](repeating: 0x61, count: 4096)
            for _ in 0..<64 where chunk.withUnsafeBytes({ Glibc.write(out, $0.baseAddress, $0.count) }) > 0 {}
            close(out)
        }
        let read = FileBytes.readStream(pipe[0], limit: 100_000)
        close(pipe[0])
        #expect(read.failureValue == .tooLarge(limit: 100_000))
        writer.wait()
    }

    /// 5. 1e308 亿元 is finite as written and +∞ in 万元: an error at its cell, never a value a target reads as met.
    @Test func aValueThatOverflowsInItsUnitIsAnError() {
        let long = diagnostics(loadOnce("region,year,indicator,value,unit\n630121,2020,gdp,1e308,亿元\n"))
        #expect(long.count == 1 && long[0].render(.en).hasPrefix("t.csv:2:17: error: out of range"), "\(long)")
        let wide = diagnostics(loadOnce("region,year,gdp(亿元)\n630121,2020,1e308\n"))
        #expect(wide.count == 1 && wide[0].render(.en).contains("out of range"), "\(wide)")
    }

    /// 6. A wide file of thousands of custom columns loads in linear time; past the column limit it is refused at
    /// its header, naming the limit and how to raise it.
    @Test func wideFilesOfManyColumnsAreLinearAndBounded() {
        func wide(_ n: Int) -> String {
            "region,year," + (0..<n).map { "c\($0)" }.joined(separator: ",") + "\n630121,2020," + Array(repeating: "1", count: n).joined(separator: ",") + "\n"
        }
        let clock = ContinuousClock()
        var loaded: Result<LoadedFile, LoadFailure>?
        let elapsed = clock.measure { loaded = loadOnce(wide(5_000)) }
        #expect((try? loaded?.get())?.observations == 5_000)
        // Quadratic, it took over 10 s in a debug build; linear, well under 3.
        #expect(elapsed < .seconds(3), "\(elapsed)")
        let refused = diagnostics(loadOnce(wide(FileParse.columnLimit + 1)))
        #expect(refused.count == 1 && refused[0].render(.en).contains("CIE_MAX_COLUMNS"), "\(refused.prefix(1))")
    }

    /// 9. A first line over the field limit is reported as what it is, not as an empty file; a cut GB18030
    /// character at its line, not at 1:1.
    @Test func messagesNameTheRealProblemAndPlace() {
        let long = diagnostics(loadOnce(String(repeating: "a", count: 5000) + "\n"))
        #expect(long.count == 1 && long[0].render(.en).contains("longer than 4096"), "\(long)")
        // "地区,年份,指标,数值⏎大通回族土族自治县,2020,gdp,1⏎湟源县,2020,gdp,2⏎" in GB18030, then half a four-byte character.
        let gb: [UInt8] = [0xB5, 0xD8, 0xC7, 0xF8, 0x2C, 0xC4, 0xEA, 0xB7, 0xDD, 0x2C, 0xD6, 0xB8, 0xB1, 0xEA, 0x2C, 0xCA, 0xFD, 0xD6, 0xB5, 0x0A,
                           0xB4, 0xF3, 0xCD, 0xA8, 0xBB, 0xD8, 0xD7, 0xE5, 0xCD, 0xC1, 0xD7, 0xE5, 0xD7, 0xD4, 0xD6, 0xCE, 0xCF, 0xD8, 0x2C,
                           0x32, 0x30, 0x32, 0x30, 0x2C, 0x67, 0x64, 0x70, 0x2C, 0x31, 0x0A, 0xE4, 0xD2, 0xD4, 0xB4, 0xCF, 0xD8, 0x2C,
                           0x32, 0x30, 0x32, 0x30, 0x2C, 0x67, 0x64, 0x70, 0x2C, 0x32, 0x0A, 0x81, 0x30]
        let cut = diagnostics(loadOnce(bytes: gb, name: "gb.csv"))
        #expect(cut.count == 1 && cut[0].render(.en).hasPrefix("gb.csv:4:1:"), "\(cut)")
    }
}

extension LoaderRobustnessTests {
    /// 9. A loop of symbolic links says so, not "check its permissions".
    @Test func aLinkLoopIsNamed() throws {
        let a = try write("loop-seed", []) + "-a", b = a.replacingOccurrences(of: "-a", with: "-b")
        unlink(a)
        unlink(b)
        symlink(b, a)
        symlink(a, b)
        #expect(FileBytes.open(a).failureValue == .linkLoop)
        var loader = makeLoader()
        guard case .failure(let f) = loader.load(paths: [a]) else { Issue.record("a link loop loaded"); return }
        #expect(f.diagnostics.count == 1 && f.diagnostics[0].render(.en).contains("symbolic links loop"), "\(f.diagnostics)")
    }
}

/// What the fuzzers (Fuzz/, Docs/Robustness.md) found, each kept as a corpus entry and pinned here.
@Suite(.serialized) struct FuzzFindingTests {
    /// Fuzz/xlsx.swift: a sheet whose XML ends at "<" inside a cell read one byte past its end.
    @Test func aSheetEndingInsideACellTagIsRead() throws {
        for xml in ["<c><", "<sheetData><row r=\"1\"><c r=\"A1\"><", "<row><c t=\"s\"><v>0</v><"] {
            let book = try Workbook(bytes: workbook(sheets: [("s", xml)]))
            _ = try? book.rows(of: book.sheet(named: "s"))
        }
    }

    /// Fuzz/csv.swift: the two-core path reported rows a single pass skips (empty cells, notes): both agree now.
    @Test func theParallelPathSkipsWhatASinglePassSkips() {
        let text = "region,year,indicator,value\n630121,2020,gdp,1\n630123,2020,gdp,2\n,,,\n630102,2020,gdp,3\n资料来源：统计年鉴,,,\n630103,2020,gdp,4\n"
        let parallel = LoadTuning.with(minimumBytes: 64, blockBytes: 40) { loadOnce(text) }
        let single = loadOnce(text)
        #expect((try? parallel.get())?.observations == 4, "\(diagnostics(parallel))")
        #expect((try? single.get())?.observations == 4)
    }

    /// A fuzzer's input of Fuzz/corpus/csv loaded as the harness loads it: on two cores (with its block size), from
    /// memory and from disk (by a head of a few rows), and in one pass; each side's problems and notes (of a load that
    /// failed or not) rendered and sorted.
    func everyWay(_ name: String) throws -> (bytes: [UInt8], parallel: [String], disk: [String], single: [String]) {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/corpus/csv/" + name)
        let bytes = try [UInt8](Data(contentsOf: file))
        func rendered(_ r: Result<LoadedFile, LoadFailure>) -> [String] {
            ((try? r.get())?.diagnostics ?? diagnostics(r)).map { $0.render(.en) }.sorted()
        }
        var loader = makeLoader()
        let (parallel, disk) = try LoadTuning.with(minimumBytes: 64, blockBytes: 24 + bytes.count % 113) {
            (rendered(loadOnce(bytes: bytes, name: "fuzz.csv")),
             rendered(try loadFromDisk(bytes: bytes, name: "fuzz.csv", into: &loader, head: 48 + bytes.count % 97)))
        }
        let single = rendered(loadOnce(bytes: bytes, name: "fuzz.csv"))
        return (bytes, parallel, disk, single)
    }

    /// Fuzz/csv.swift (crash-parallel-final-cr): a file ending in a lone CR was "1 empty row skipped" in a single pass
    /// and a blank line on two cores. It is a line break both ways.
    @Test func aFinalCRIsALineBreak() throws {
        let (bytes, parallel, disk, single) = try everyWay("crash-parallel-final-cr")
        #expect(bytes.last == 0x0D)
        #expect(parallel == single && disk == single)
        #expect(!single.contains { $0.contains("empty row") }, "\(single)")
    }

    /// Fuzz/csv.swift (crash-parallel-former-code-cr): a former code written with a CR before it (`\r630106`, not part of
    /// a CRLF) was a second note on two cores ("2004–2018 (2 values)" and "in 2012 (1 values)"): the workers keyed the
    /// note by the field's bytes, a single pass by its text, which `CSVReader.string` trims. Spaces and tabs around a
    /// code did the same (crash-parallel-former-code-spaces, written by hand once the cause was found).
    @Test(arguments: ["crash-parallel-former-code-cr", "crash-parallel-former-code-spaces"])
    func aFormerCodeWithSpacesAroundItIsOneNote(input: String) throws {
        let (bytes, parallel, disk, single) = try everyWay(input)
        #expect(bytes.contains(0x0D) || bytes.contains(0x09))
        #expect(parallel == single && disk == single)
        #expect(single.filter { $0.contains("湟中县") }.count == 1, "\(single)")
    }

    /// Fuzz/csv.swift (crash-parallel-name-column): a file with a name column beside its codes took the two-core path,
    /// whose workers do not check the name against the code: a mismatch went unreported in a file of 8 MB or more.
    @Test func aNameColumnIsCheckedOnEveryPath() throws {
        let (_, parallel, disk, single) = try everyWay("crash-parallel-name-column")
        #expect(parallel == single && disk == single)
        #expect(parallel.contains { $0.contains("the name “g102” does not match the code") }, "\(parallel)")
    }

    /// Fuzz/csv.swift (crash-disk-head-header-before-bad-utf8): a file opened by its head whose header is not
    /// recognised was reported so, where reading it whole reports first that a later line is not UTF-8. A parse of a
    /// head that does not go on to read the rest decides nothing: the file is read whole.
    @Test func aHeadDecidesNothingUnlessTheRestIsRead() throws {
        let (_, _, disk, single) = try everyWay("crash-disk-head-header-before-bad-utf8")
        #expect(disk == single)
        #expect(single.count == 1 && single[0].contains("not UTF-8 or GB18030"), "\(single)")
    }
}

extension Result {
    var failureValue: Failure? { if case .failure(let f) = self { f } else { nil } }
}
