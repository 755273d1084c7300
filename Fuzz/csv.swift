// libFuzzer harness: the CSV reader and the DataLoader over CSV bytes: long, wide and regions files, every encoding
// the loader decodes (UTF-8 with or without BOM, GB18030, UTF-16), and the two-core path of ParallelCSV.
//
// Each input is loaded three times into fresh loaders: with ParallelCSV.minimumBytes at 64 bytes (and small
// blocks), so that any long or wide CSV without quotes of 64 bytes or more takes the parallel path, from memory and from a
// file on disk (opened by a head of a few rows, the rest read as it comes), and once in a single pass. ParallelCSV promises the same result as a single pass ("repeats, conflicts and the first-seen order of
// custom indicators come out exactly as a single pass gives them"): the harness stops with both outcomes when they
// differ. Then (for one input in four) the same bytes are loaded again over the first load (repeats, conflicts), and
// with --skip-bad-rows, a fixed year and --within 青海省.
import CIECore
@testable import CIEData
import Foundation

private let qinghai = BuiltinRegions.table.index(code: "630000")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    // "Did you mean" for the first two unknown names of a load, not fifty: the search of every name in the country
    // was two thirds of the harness's time, and two still cover it.
    LoadTuning.with(suggestions: 2) { fuzz(Array(UnsafeBufferPointer(start: data, count: size))) }
}

private func fuzz(_ bytes: [UInt8]) -> Int32 {
    let size = bytes.count

    // The reader alone, over the raw bytes.
    var reader = CSVReader(FileBytes(bytes))
    var row = CSVRow(line: 0, fields: [])
    var rows = 0
    do {
        while try reader.next(into: &row), rows < 100_000 {
            rows += 1
            for f in row.fields {
                precondition(0 <= f.start && f.start <= f.end && f.end <= size, "field \(f) outside the \(size) bytes")
                _ = reader.string(f)
            }
        }
    } catch {}
    _ = reader.drainSkipped()

    // The loader: the two-core path against a single pass.
    var parallel = freshLoader()
    let a = LoadTuning.with(minimumBytes: 64, blockBytes: 24 + size % 113) { parallel.load(bytes: bytes, name: "fuzz.csv") }
    var single = freshLoader()
    let b = single.load(bytes: bytes, name: "fuzz.csv")
    let oa = expectSame(("the parallel path", a, parallel), ("a single pass", b, single))
    // From disk, as a large file is read: by its head, then a block at a time.
    var disk = freshLoader()
    let c = LoadTuning.with(minimumBytes: 64, blockBytes: 24 + size % 113) {
        loadFromDisk(bytes, name: "fuzz.csv", head: 48 + size % 97, into: &disk)
    }
    expectSame(("a load from disk", c, disk), ("a single pass", b, single))
    render(a)
    say(oa.split(separator: "\n").prefix(3).joined(separator: " | "))

    // The same bytes over the first load, and with the other settings a session passes: for one input in four (by
    // its size), since each load costs as much as the two above.
    guard size % 4 == 0 else { return 0 }
    _ = single.load(bytes: bytes, name: "fuzz.csv")
    var other = freshLoader()
    render(other.load(bytes: bytes, name: "other.csv", settings: LoadSettings(year: 2020, skipBadRows: true, within: qinghai)))
    return 0
}
