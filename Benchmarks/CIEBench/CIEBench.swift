// cie-bench: the in-process half of `make bench` (Benchmarks/run.py runs it and the whole-process measures).
//
//   cie-bench DATA_DIR [--runs N]
//   cie-bench --regions [NAME...]
//
// Prints one JSON object per line: load throughput per format, evaluating every target of every package, and the
// latency of `check` in a session that holds the national data (the REPL's path, output discarded). Each figure is
// the median (and the fastest and p90) of N runs after one warm-up run, timed with the monotonic clock.
import ArgumentParser
import CIECommands
import CIECore
import CIEData
import CIEBuiltinPolicies
import CIEPolicyFormat
import Foundation

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

struct Sample {
    var name: String
    var nanos: [UInt64]
    var extra: [String: String] = [:]

    func json() -> String {
        let sorted = nanos.sorted()
        let ms = { (n: UInt64) in String(format: "%.3f", Double(n) / 1e6) }
        var fields = ["\"name\": \"\(name)\"", "\"runs\": \(sorted.count)", "\"median_ms\": \(ms(sorted[sorted.count / 2]))",
                      "\"min_ms\": \(ms(sorted[0]))", "\"p90_ms\": \(ms(sorted[min(sorted.count - 1, sorted.count * 9 / 10)]))"]
        for (k, v) in extra.sorted(by: { $0.key < $1.key }) { fields.append("\"\(k)\": \(v)") }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}

func measure(_ name: String, runs: Int, _ body: () throws -> Void) rethrows -> Sample {
    try body()  // warm-up: page cache, lazy tables
    var nanos: [UInt64] = []
    for _ in 0..<runs {
        let t = now()
        try body()
        nanos.append(now() - t)
    }
    return Sample(name: name, nanos: nanos)
}

func fileSize(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }

func freshLoader() -> DataLoader { DataLoader(regions: BuiltinRegions.table, catalogue: IndicatorCatalogue(), store: DataStore()) }

@main
struct CIEBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cie-bench", abstract: "The in-process half of `make bench`: load throughput, evaluation, REPL latency (JSON lines).")
    @Flag(help: "Only time the region table and resolve the names given (a development aid).") var regions = false
    @Option(help: "Timed runs of each measure, after one warm-up.") var runs = 5
    @Argument(help: ArgumentHelp("The folder of the national data (Benchmarks/run.py writes it); with --regions, names to resolve.", valueName: "DATA_DIR"))
    var arguments: [String] = []

    func run() throws {
        if regions {
            let build = measure("region table", runs: runs) { _ = BuiltinRegions.build() }
            print(build.json())
            let t = BuiltinRegions.table
            for q in arguments {
                print(q, t.resolve(q), t.resolve(q, year: 2018), t.resolve(q, year: 2022))
            }
            return
        }
        guard let dir = arguments.first else { throw ValidationError("give the folder of the national data: cie-bench DATA_DIR [--runs N]") }
        try bench(dir)
    }

    func bench(_ dir: String) throws {
        let runs = self.runs
        let regionsFile = dir + "/regions.csv"
        // Load throughput per format: the regions file, then the data file, into a fresh loader each run.
        for (format, file) in [("long CSV", "national_long.csv"), ("wide CSV", "national_wide.csv"), ("JSON", "national.json"),
                               ("yearbook CSV", "national_yearbook.csv"), ("Excel workbook", "national_yearbook.xlsx")] {
            let path = dir + "/" + file
            guard FileManager.default.fileExists(atPath: path) else { continue }
            var values = 0
            var failure: String?
            var sample = measure("load \(format)", runs: runs) {
                var loader = freshLoader()
                switch loader.load(paths: [regionsFile, path]) {
                case .success(let files): values = files.map(\.observations).reduce(0, +)
                case .failure(let f): failure = "\(path) does not load: " + f.diagnostics.prefix(3).map { $0.render(.en) }.joined(separator: "; ")
                }
            }
            if let failure { throw ValidationError(failure) }
            let bytes = fileSize(path)
            let median = Double(sample.nanos.sorted()[sample.nanos.count / 2]) / 1e9
            sample.extra = ["bytes": "\(bytes)", "values": "\(values)", "mb_per_s": String(format: "%.1f", Double(bytes) / 1e6 / median),
                            "values_per_s": String(format: "%.0f", Double(values) / median)]
            print(sample.json())
        }

        // A session holding the national data, as the REPL holds it.
        let session = Session(out: { _ in }, err: { _ in })
        try session.load([regionsFile, dir + "/national_long.csv"], quiet: true)
        let context = session.context
        let year = context.store.latestYear!

        // Reading the built-in packages (YAML, declarations, examples): what `use` costs the first time.
        var targets = 0
        var reading = measure("read every built-in package", runs: max(runs, 20)) {
            targets = 0
            for b in BuiltinPolicies.packages {
                if case .success(let p) = PackageParser.parse(EmbeddedFiles(root: b.root, files: b.files), origin: .builtin, regions: nil) { targets += p.targets.count }
            }
        }
        reading.extra = ["packages": "\(BuiltinPolicies.packages.count)", "targets": "\(targets)"]
        print(reading.json())

        // Every target of every package, on every unit each governs.
        let packages = try session.allPackages()
        var results = 0
        var all = measure("evaluate every target of every package", runs: runs) {
            results = 0
            for package in packages {
                results += Evaluator(context: context, policy: package).evaluate(year: year).count
            }
        }
        all.extra = ["packages": "\(packages.count)", "targets": "\(packages.map(\.targets.count).reduce(0, +))", "results": "\(results)"]
        print(all.json())

        // `check` as typed in the REPL: parse, evaluate, format the table, write it (to nowhere).
        let interpreter = Interpreter(session: session)
        for (policy, line) in [("qinghai", "check"), ("qinghai", "check --status not_met"), ("zhejiang", "check"), ("qinghai", "review")] {
            _ = interpreter.execute("use \(policy)")
            var sample = measure("REPL \(line) (\(policy))", runs: max(runs, 20)) {
                _ = interpreter.execute(line)
            }
            sample.extra = ["units_loaded": "\(context.store.regionsWithData.count)"]
            print(sample.json())
        }
    }
}
