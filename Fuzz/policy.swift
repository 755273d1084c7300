// libFuzzer harness: the policy-package reader (Sources/CIEPolicyFormat: YAML through Yams/libyaml, then every key of
// policy.yaml read into a PolicyPackage with its problems at FILE:LINE:COLUMN), then, for a package that reads,
// `policy lint` and `policy test` (its worked examples evaluated: conditions, the evaluator, the reviewers).
//
// The input is policy.yaml. The document's text (`document.text`, any *.txt) is the input too, so that every
// `original:` sentence is found in it; the Weihai package's example files are there under their names, and any other
// .csv a package names reads as a small long CSV.
import CIECore
import CIEData
import CIEPolicyFormat

struct FuzzFiles: PackageFiles {
    let yaml: [UInt8]
    var root: String { "fuzz" }
    var isOnDisk: Bool { false }
    static let files: [String: String] = [
        "examples/zones.csv": "code,name,prefecture,type\nWH-NH,威海南海新区,威海市,功能区\nWH-ZB,威海综合保税区,威海市,功能区\n",
        "examples/wh17_zones.csv": "region,year,indicator,value\n威海南海新区,2020,star_innovation_bases,1\n威海综合保税区,2020,agri_science_stations,0\n",
    ]
    static let csv = "region,year,indicator,value\n630121,2020,gdp,100\n630123,2020,rd_intensity,2.5\n"
    func read(_ path: String) -> [UInt8]? {
        if path == "policy.yaml" || path.hasSuffix(".txt") { return yaml }
        if let f = FuzzFiles.files[path] { return Array(f.utf8) }
        if path.hasSuffix(".csv") { return Array(FuzzFiles.csv.utf8) }
        return nil
    }
    func exists(_ path: String) -> Bool { read(path) != nil }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let files = FuzzFiles(yaml: Array(UnsafeBufferPointer(start: data, count: size)))
    switch PackageParser.parse(files, origin: .file("fuzz"), regions: BuiltinRegions.table) {
    case .failure(let f):
        for d in f.diagnostics { _ = d.render(.zh); _ = d.render(.en) }
        say("failed: \(f.diagnostics.count) problems, the first: \(f.diagnostics.first?.description ?? "-")")
    case .success(let package):
        say("read: \(package.id), \(package.targets.count) targets, \(package.targets.reduce(0) { $0 + $1.examples.count }) examples")
        for d in PackageChecks.lint(package) { _ = d.render(.en) }
        // Every target on a little data (the samples' packages have too many examples to run them all per input).
        var loader = DataLoader(regions: BuiltinRegions.table, catalogue: PackageChecks.catalogue(for: package), store: DataStore())
        _ = loader.load(bytes: Array(FuzzFiles.csv.utf8), name: "data.csv")
        let context = EvaluationContext(regions: loader.regions, catalogue: loader.catalogue, store: loader.store)
        for r in Evaluator(context: context, policy: package).evaluate(year: 2020).prefix(200) { _ = r.detail.en }
        if package.targets.reduce(0, { $0 + $1.examples.count }) <= 6 {
            for o in PackageChecks.runExamples(package) { _ = o.failures.map(\.description) }
        }
    }
    return 0
}
