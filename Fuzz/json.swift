// libFuzzer harness: the JSON reader (Sources/CIEData/JSONReader.swift), directly and through the loader.
//
// The reader is run as the loader runs it: a whole document, and a document whose "observations" array is deferred
// (read item by item after the rest, as when a "regions" member follows it), then every item of that array. Then the bytes are loaded as a file (the loader
// recognises JSON by its content), once fresh and once over a CSV load of the Qinghai units. The fresh load is made
// three times, with flat observations read from the bytes, with every item read as a tree, and from a file on disk
// opened by a head of a few items, the rest read as it comes in small blocks: all three must agree.
import CIECore
@testable import CIEData
import Foundation

private let base: DataLoader = {
    var l = freshLoader()
    _ = l.load(bytes: Array("region,year,indicator,value\n630121,2020,gdp,100\n630123,2020,gdp,80\n".utf8), name: "base.csv")
    return l
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let file = FileBytes(bytes)

    var whole = JSONReader(file)
    _ = try? whole.document()

    var deferring = JSONReader(file)
    if let (_, d) = try? deferring.document(deferring: "observations", inPlace: { _, _ in false }), case .at(let at) = d {
        deferring.seek(at)
        var items = 0
        _ = try? deferring.forEachObservation(flat: { _, _, _ in
            items += 1
            return items < 100_000
        }, tree: { _ in
            items += 1
            return items < 100_000
        })
    }

    // The loader: flat observations read from the bytes against every item read as a tree.
    var fresh = freshLoader()
    let result = fresh.load(bytes: bytes, name: "fuzz.json")
    var trees = freshLoader()
    let general = LoadTuning.with(flatJSON: false) { trees.load(bytes: bytes, name: "fuzz.json") }
    let oa = expectSame(("flat observations", result, fresh), ("the tree", general, trees))
    // From disk, as a large file is read: by its head, then a block at a time (the block's size from the input's).
    var disk = freshLoader()
    let fromDisk = LoadTuning.with(minimumBytes: 64, blockBytes: 24 + size % 113) {
        loadFromDisk(bytes, name: "fuzz.json", head: 48 + size % 97, into: &disk)
    }
    expectSame(("a load from disk", fromDisk, disk), ("flat observations", result, fresh))
    render(result)
    say(oa.split(separator: "\n").prefix(3).joined(separator: " | "))
    var over = base
    render(over.load(bytes: bytes, name: "fuzz.json"))
    return 0
}
