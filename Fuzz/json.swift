// libFuzzer harness: the JSON reader (Sources/CIEData/JSONReader.swift), directly and through the loader.
//
// The reader is run as the loader runs it: a whole document, and a document whose "observations" array is deferred
// (read item by item after the rest), then every item of that array. Then the bytes are loaded as a file (the loader
// recognises JSON by its content), once fresh and once over a CSV load of the Qinghai units.
import CIECore
@testable import CIEData

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
    if let (_, at) = try? deferring.document(deferring: "observations"), let at {
        deferring.seek(at)
        var items = 0
        _ = try? deferring.forEachItem { _ in
            items += 1
            return items < 100_000
        }
    }

    var fresh = freshLoader()
    let result = fresh.load(bytes: bytes, name: "fuzz.json")
    render(result)
    say(outcome(result).split(separator: "\n").prefix(3).joined(separator: " | "))
    var over = base
    render(over.load(bytes: bytes, name: "fuzz.json"))
    return 0
}
