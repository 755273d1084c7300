import Foundation
import Testing

/// A Chinese session speaks Chinese: a day's worth of commands — listings, checks, every reviewer of every package,
/// help, and the errors people make — and no English word in what it prints, except ids (indicator, target, policy,
/// reviewer, verdict, status, dimension and command ids), option names, paths, format names and the `error:`/`note:`
/// tags of SPEC.md's `FILE:LINE: error: message`.
@Suite struct ChineseThroughoutTests {
    /// Words cie prints as ids or names that are not English prose.
    static let fixed: Set<String> = [
        // SPEC.md's diagnostic tags, the program and the things it reads and writes.
        "error", "note", "warning", "cie", "table", "json", "csv", "markdown", "md", "html", "htm", "junit", "xml", "txt", "yaml", "xlsx",
        // Settings, languages, values of options and statuses as typed.
        "year", "format", "lang", "color", "policy", "zh", "en", "on", "off", "latest", "all", "yearly",
        "met", "not_met", "on_track", "off_track", "no_data", "not_applicable",
        "county", "jurisdiction", "prefecture", "binding", "striving", "encouraged", "in_force", "draft",
        "district", "city", "banner", "zone",
        // Command words, as a hint names them (“help 列出全部命令”).
        "help", "load", "files", "unload", "reload", "regions", "indicators", "show", "policies", "load-policy", "use", "targets",
        "explain", "check", "review", "rank", "set", "export", "expect", "source", "read", "validate", "clear", "quit", "exit", "run",
        "rejects", "report",
        // The column roles `load --map` takes (列名=region).
        "region", "province", "unit",
        // Reviewer kinds and the names of reviewer options and result fields (as JSON and CSV call them).
        "composite", "veto", "priority", "allocation", "rewards", "cost_sharing", "weights", "runs", "seed", "pool", "excellent", "top",
        "score", "amount", "min", "max",
        // Proper names; the columns of a regions CSV; the indicator Weihai's funding reads when a user loads it.
        "COINr", "JUnit", "Excel", "Ctrl-C", "Ctrl-D", "Tab", "libedit", "code", "name", "type", "county_innovation_evaluation_score",
    ]

    func ids(_ csv: String, column: String) -> Set<String> {
        let lines = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first, let k = header.firstIndex(of: column) else { return [] }
        return Set(lines.dropFirst().compactMap { $0.count > k ? $0[k] : nil })
    }

    @Test func aChineseSessionPrintsNoEnglishProse() throws {
        let bad = try temporaryFile("zh-bad.csv", Array("region,year,indicator,value\n630121,2020,gdp,abc\n不存在县,2020,gdp,1\n630121,2020,rd_intensity,1\n630121,2020,rd_intensity,2\n".utf8))
        let lines = [
            "help", "help check", "help review", "help load", "load Samples/*/*.csv", "files", "policies", "indicators --loaded",
            "use qinghai", "targets", "explain QH-06", "explain QH-13", "check", "check --status not_met --top 5", "check 大通", "review",
            "review evaluation --runs 20", "rank gdp --top 3", "show 大通", "regions --prefecture 西宁市", "regions --history 湟中区",
            "use zhejiang", "targets", "check --top 5", "review --top 5", "review veto --top 5", "review priority --top 5", "explain ZJ-05",
            "use weihai", "check --top 5", "review funding --top 5", "review rewards --top 5", "review subsidy-sharing --top 5", "explain WH-17",
            "use jilin", "check --top 5", "review evaluation --runs 10 --top 5",
            "use inner-mongolia", "targets", "check --top 5", "review --top 5", "explain IM-01",
            "set year 2019", "set", "set year latest", "check --top 3 --format markdown",
            // The mistakes of a day.
            "chek", "check --yaer 2020", "explain", "explain QH-99", "check 不存在县", "use nope", "review nope", "review --weights a=1",
            "use qinghai", "review evaluation --pool 1", "review evaluation --weights 人材=2", "review evaluation --excellent 0%", "check --top 0",
            "check --status bogus", "check --format yaml", "set nosuch 1", "set year 3000", "export x.xyz", "load nosuch.csv",
            "load \(bad)", "unload nosuch.csv", "rank nosuch", "show nosuch", "expect QH-06 大通 bogus", "expect QH-06 大通 met",
            "targets nope", "source nosuch.cie", "reload nosuch.csv", "review evaluation --runs",
        ]
        let r = try cie(["-c", lines.joined(separator: "\n")])
        #expect(r.status == 1, "the mistakes fail, nothing crashes: \(r.stderr.suffix(500))")

        // The ids, as cie's own exports give them.
        var allowed = Self.fixed
        let q = ["--data", "Samples/qinghai/qinghai_2016_2020.csv", "--quiet"]
        // Indicators, the packages' and the files' own (custom) ones too.
        allowed.formUnion(ids(try cie(["-c", "load Samples/*/*.csv --quiet; indicators --format csv"]).stdout, column: "id"))
        let policies = try #require(try JSONSerialization.jsonObject(with: Data(try cie(["policies", "--format", "json"]).stdout.utf8)) as? [[String: Any]])
        let samples = ["qinghai": "qinghai_2016_2020.csv", "zhejiang": "zhejiang_2018_2022.csv", "weihai": "weihai_2015_2020.csv",
                       "jilin": "jilin_2017_2020.csv", "inner-mongolia": "inner-mongolia_2018_2020.csv"]
        for p in policies {
            let id = try #require(p["id"] as? String), reviewers = try #require(p["reviewers"] as? String).split(separator: "、").map(String.init)
            allowed.formUnion([id] + id.split(separator: "-").map(String.init))
            for reviewer in reviewers {
                allowed.formUnion([reviewer] + reviewer.split(separator: "-").map(String.init))
                let data = "Samples/\(id)/" + (samples[id] ?? "")
                let csv = try cie(["review", "--policy", id, "--data", data, "--quiet", reviewer, "--format", "csv"] + (reviewer == "evaluation" ? ["--runs", "0"] : []))
                allowed.formUnion(ids(csv.stdout, column: "结论代码"))
            }
        }
        // Dimension ids of the evaluations, as their methods name them (organisation=0.25).
        let method = try cie(["review", "--policy", "qinghai"] + q + ["evaluation", "--runs", "0"]).stdout
            + (try cie(["review", "--policy", "jilin", "--data", "Samples/jilin/jilin_2017_2020.csv", "--quiet", "evaluation", "--runs", "0"]).stdout)
        if let regex = try? NSRegularExpression(pattern: "([a-z_]+)=[0-9.]+") {
            for m in regex.matches(in: method, range: NSRange(method.startIndex..., in: method)) {
                allowed.insert(String(method[Range(m.range(at: 1), in: method)!]))
            }
        }

        // Every word of Latin letters that is not one of those, a path, an option or an abbreviation.
        var offending: [String] = []
        let word = try NSRegularExpression(pattern: "[A-Za-z][A-Za-z_-]*[A-Za-z]")
        for line in (r.stdout + "\n" + r.stderr).replacingOccurrences(of: "\r", with: "").split(separator: "\n").map(String.init) {
            // What the user typed, quoted back (未知命令“chek”), paths, options and environment variables are not prose.
            let unquoted = line.replacingOccurrences(of: "“[^”]*”", with: " ", options: .regularExpression)
            let words = unquoted.split(whereSeparator: { " ：:（）()，,；;“”\"'`、=".contains($0) }).map(String.init)
                .filter { !$0.contains("/") && !$0.hasPrefix("-") && !$0.hasPrefix("$") && !$0.contains(".") && !$0.contains("<") }
            for w in words {
                for m in word.matches(in: w, range: NSRange(w.startIndex..., in: w)) {
                    let token = String(w[Range(m.range, in: w)!])
                    if allowed.contains(token) || token == token.uppercased() || token.count < 3 { continue }
                    offending.append("\(token) — \(line.prefix(160))")
                }
            }
        }
        #expect(offending.isEmpty, "English in a Chinese session:\n\(offending.prefix(40).joined(separator: "\n"))")
    }
}
