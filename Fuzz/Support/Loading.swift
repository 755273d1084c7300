// Shared by the loader harnesses (csv, json, xlsx): a fresh loader as a session makes it, and a comparable picture of
// what a load stored.
import CIECore
@testable import CIEData
import Foundation

func freshLoader() -> DataLoader {
    DataLoader(regions: BuiltinRegions.table, catalogue: IndicatorCatalogue.shipped, store: DataStore())
}

/// Every value a loader holds, with its origin, as lines (the same loads give the same lines).
func picture(_ loader: DataLoader) -> [String] {
    var out: [String] = []
    for r in loader.store.regionsWithData {
        for i in 0..<IndicatorIndex(loader.catalogue.count) {
            for y in loader.store.years(i, r) {
                let v = loader.store.value(i, r, y)
                out.append("\(loader.regions[r].code) \(loader.catalogue[i].id) \(y) \(v.map { String($0.bitPattern, radix: 16) } ?? "nil") \(loader.store.origin(i, r, y).map { "\(diskFiles[$0.file] ?? $0.file):\($0.line):\($0.column)" } ?? "-")")
            }
        }
    }
    return out
}

/// What a load gave, as text: the same text for the same outcome.
func outcome(_ result: Result<LoadedFile, LoadFailure>) -> String {
    switch result {
    case .success(let f):
        return "ok kind=\(f.kind) encoding=\(f.encoding) observations=\(f.observations) rows=\(f.rows) added=\(f.regionsAdded) custom=\(f.customIndicators) "
            + "years=\(String(describing: f.years)) outside=\(f.outsideRows) rejects=\(f.rejects.count)\n"
            + f.diagnostics.map(\.description).sorted().joined(separator: "\n")
    case .failure(let e):
        return "failed\n" + e.diagnostics.map(\.description).sorted().joined(separator: "\n")
    }
}

/// Stops the run when two loads of the same bytes (a fast path, `fast`, and the general path it must equal) differ in
/// outcome or in what they stored; returns the outcome's text.
@discardableResult
func expectSame(_ fast: (String, Result<LoadedFile, LoadFailure>, DataLoader), _ general: (String, Result<LoadedFile, LoadFailure>, DataLoader)) -> String {
    let (oa, ob) = (outcome(fast.1), outcome(general.1))
    if oa != ob { fatalError("\(fast.0) and \(general.0) differ:\n--- \(fast.0)\n\(oa)\n--- \(general.0)\n\(ob)") }
    let (pa, pb) = (picture(fast.2), picture(general.2))
    if pa != pb {
        let only = Set(pa).symmetricDifference(pb).sorted().prefix(10)
        fatalError("\(fast.0) and \(general.0) stored different values:\n" + only.joined(separator: "\n"))
    }
    return oa
}

/// Reads every diagnostic in both languages (rendering is code too).
func render(_ result: Result<LoadedFile, LoadFailure>) {
    let diagnostics: [Diagnostic]
    switch result {
    case .success(let f): diagnostics = f.diagnostics
    case .failure(let e): diagnostics = e.diagnostics
    }
    for d in diagnostics { _ = d.render(.zh); _ = d.render(.en) }
}

/// The files `loadFromDisk` wrote, by the names they stand for (`picture` shows the origins of their values so).
nonisolated(unsafe) var diskFiles: [String: String] = [:]

/// The bytes loaded from a file on disk, opened as a large file is: by a head of `head` bytes, the rest read as it
/// comes (`FileBytes.rest`). What the load says names the file `name`, as a load of the bytes does.
func loadFromDisk(_ bytes: [UInt8], name: String, head: Int, into loader: inout DataLoader) -> Result<LoadedFile, LoadFailure> {
    let path = NSTemporaryDirectory() + "cie-fuzz-\(getpid())-" + name
    diskFiles[path] = name
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { fatalError("cannot write \(path)") }
    defer { unlink(path) }
    // The path is in the file's own problems and in messages that name an earlier place of it.
    func named(_ ds: [Diagnostic]) -> [Diagnostic] {
        ds.map {
            var d = $0
            if d.file == path { d.file = name }
            d.text = LocalizedText(zh: d.text.zh.replacingOccurrences(of: path, with: name), en: d.text.en.replacingOccurrences(of: path, with: name))
            return d
        }
    }
    switch LoadTuning.with(headBytes: head, { loader.load(paths: [path]) }) {
    case .success(let files):
        var file = files[0]
        file.diagnostics = named(file.diagnostics)
        return .success(file)
    case .failure(let f): return .failure(LoadFailure(named(f.diagnostics), columns: f.columns))
    }
}
