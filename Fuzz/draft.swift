// libFuzzer harness: drafting a package from a policy text (Sources/CIEDraft): decoding, page furniture, joining
// broken lines, the clause structure, the commitment patterns, placing each, the YAML written.
//
// The input is a text as scraped. One property is checked: whatever the text, the drafted package reads back through
// the package reader, as `cie policy draft` promises before it writes a file (a draft that does not read back is a
// bug of cie). The jurisdiction is given (630000), as --region gives it, so that texts naming no place are drafted.
import CIECore
import CIEData
@testable import CIEDraft
import CIEPolicyFormat

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = try? PolicyText(bytes: bytes, file: "fuzz.txt") else { return 0 }
    let draft: Draft
    do {
        draft = try Drafter.draft(text, catalogue: .shipped, regions: BuiltinRegions.table, region: "630000", file: "fuzz.txt")
    } catch {
        fatalError("drafting with a region given failed: \(error)")
    }
    switch draft.package(id: "fuzz", prefix: "FZ", source: "fuzz.txt", regions: BuiltinRegions.table, version: "fuzz") {
    case .success(let p):
        for t in p.package.targets where !t.isDraft { fatalError("\(t.id) is not marked draft") }
        _ = PackageChecks.lint(p.package)
    case .failure(let f):
        fatalError("the draft does not read back:\n" + f.diagnostics.map { $0.render(.en) }.joined(separator: "\n")
                   + "\n--- policy.yaml\n" + draft.yaml(id: "fuzz", prefix: "FZ", source: "fuzz.txt", regions: BuiltinRegions.table, version: "fuzz"))
    }
    say("\(draft.proposals.count) proposals")
    return 0
}
