import Foundation
import Testing

/// `report` and the files people open: the HTML report's structure on every sample, JUnit's failures, the terminal's
/// pictures, and writes that never leave a partial file.
@Suite struct ReportFileTests {
    static let samples: [(policy: String, data: String)] = [
        ("qinghai", "Samples/qinghai/qinghai_2016_2020.csv"), ("zhejiang", "Samples/zhejiang/zhejiang_2018_2022.csv"),
        ("weihai", "Samples/weihai/weihai_2015_2020.csv"), ("inner-mongolia", "Samples/inner-mongolia/inner-mongolia_2018_2020.csv"),
        ("jilin", "Samples/jilin/jilin_2017_2020.csv"),
    ]

    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cie-report-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test(arguments: samples.map(\.policy))
    func theHTMLReportHoldsEveryTargetAndReviewerAndNothingExternal(policy: String) throws {
        let data = Self.samples.first { $0.policy == policy }!.data
        let dir = try scratch()
        let html = dir.appendingPathComponent("\(policy).html").path, json = dir.appendingPathComponent("\(policy).json").path
        for (file, lang) in [(html, "zh"), (json, "zh"), (dir.appendingPathComponent("en.html").path, "en")] {
            let r = try cie(["report", "--policy", policy, "--data", data, "--output", file, "--lang", lang, "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let page = try String(contentsOfFile: html, encoding: .utf8)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        // Every target with results has its section; every reviewer has its own.
        let results = try #require((report["check"] as? [String: Any])?["results"] as? [[String: Any]])
        let targets = Set(results.compactMap { $0["target"] as? String })
        #expect(!targets.isEmpty)
        for t in targets { #expect(page.contains("id=\"t-\(t)\""), "\(policy): no section for \(t)") }
        let reviewers = try #require(report["reviews"] as? [[String: Any]]).compactMap { ($0["reviewer"] as? [String: Any])?["id"] as? String }
        #expect(reviewers.contains("compliance"))
        for r in reviewers { #expect(page.contains("id=\"r-\(r)\""), "\(policy): no section for reviewer \(r)") }
        // One SVG per chart: the heatmap, and each figure.
        #expect(count("<svg", in: page) == count("<figure class=\"chart\">", in: page) + 1)
        #expect(count("<svg", in: page) >= targets.count + 1)
        // Self-contained: no URL, no file it would fetch.
        for external in ["http:", "https:", "src=", "href=", "url(", "@import", "//fonts"] {
            #expect(!page.contains(external), "\(policy): \(external)")
        }
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(try String(contentsOfFile: dir.appendingPathComponent("en.html").path, encoding: .utf8).contains("<html lang=\"en\">"))
        // The header names the data file with its values, and cie's version.
        #expect(page.contains(data) && page.contains("个数值") && page.contains("cie 0."))
        if policy == "inner-mongolia" { #expect(page.contains("<span class=\"badge draft\">征求意见稿</span>")) }
        if policy == "qinghai" {
            // QH-12 is encouraged: its misses are advice, drawn apart from the binding failures.
            #expect(page.contains("st not_met advice"))
            #expect(page.contains("class=\"f-advice\""))
        }
    }

    /// Before a deadline each unit's series is drawn against the path to it; after, there is nothing to project.
    @Test func targetsBeforeTheirDeadlineDrawThePathToIt() throws {
        let dir = try scratch()
        let early = dir.appendingPathComponent("2018.html").path, late = dir.appendingPathComponent("2020.html").path
        for (year, file) in [("2018", early), ("2020", late)] {
            let r = try cie(["report", "--policy", "qinghai", "--data", "Samples/qinghai/qinghai_2016_2020.csv", "--year", year, "--output", file, "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let before = try String(contentsOfFile: early, encoding: .utf8), after = try String(contentsOfFile: late, encoding: .utf8)
        #expect(before.contains("到 2020 年达到要求的路径"))
        #expect(before.contains("<polyline") && before.contains("class=\"req\""))
        #expect(!after.contains("<polyline"))
    }

    @Test(arguments: samples.map(\.policy))
    func junitFailuresAreTheCountedNotMetAndOffTrack(policy: String) throws {
        let data = Self.samples.first { $0.policy == policy }!.data
        let json = try cie(["check", "--policy", policy, "--data", data, "--quiet", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        let counted = results.filter { r in
            ["binding", "striving"].contains(r["strength"] as? String ?? "") && ["not_met", "off_track"].contains(r["status"] as? String ?? "")
        }.count
        let junit = try cie(["check", "--policy", policy, "--data", data, "--quiet", "--format", "junit"])
        #expect(count("<failure ", in: junit.stdout) == counted)
        #expect(junit.stdout.contains("failures=\"\(counted)\""))
        #expect(count("<testcase ", in: junit.stdout) == results.count)
    }

    @Test func theTerminalDrawsSparklinesBarsAndAStatusBarPerTarget() throws {
        let r = try cie(["-c", "load Samples/qinghai/qinghai_2016_2020.csv --quiet; use qinghai; show 大通 gdp; rank gdp --top 3; check"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let gdp = try #require(lines.first { $0.hasPrefix("gdp ") })
        #expect(gdp.contains { "▁▂▃▄▅▆▇█".contains($0) }, "\(gdp)")
        let ranks = lines.filter { line in ["1 ", "2 ", "3 "].contains { line.drop { $0 == " " }.hasPrefix($0) } && line.contains("█") }
        #expect(ranks.count == 3 && ranks.first!.hasSuffix("████████████████████████"), "\(ranks)")
        // Each target's rows under a line with the bar of its statuses and the counts.
        let group = try #require(lines.first { $0.hasPrefix("▌QH-06 ") })
        #expect(group.contains("达标 35") && group.contains("未达标 8") && group.contains("█") && group.contains("░"), "\(group)")
        // The data formats carry the numbers, not the pictures.
        let csv = try cie(["-c", "load Samples/qinghai/qinghai_2016_2020.csv --quiet; show 大通 gdp --format csv"])
        #expect(!csv.stdout.contains("▁") && !csv.stdout.contains("走势"))
    }

    @Test func aFailedWriteFailsTheScriptAndNamesWhy() throws {
        let r = try cie([], stdin: "load Samples/qinghai/qinghai_2016_2020.csv --quiet\nuse qinghai\ncheck --output /etc/passwd/out.csv\nexport /nonexistent-cie-dir/out.xlsx\n")
        #expect(r.status == 1)
        #expect(r.stderr.contains("<stdin>:3: error: 无法写入 /etc/passwd/out.csv：路径中有一段不是文件夹"), "\(r.stderr)")
        #expect(r.stderr.contains("<stdin>:4: error: 无法写入 /nonexistent-cie-dir/out.xlsx：文件或文件夹不存在；先建好它所在的文件夹"), "\(r.stderr)")
        let xlsx = try cie(["check", "--policy", "qinghai", "--data", "Samples/qinghai/qinghai_2016_2020.csv", "--quiet", "--format", "xlsx"])
        #expect(xlsx.status == 2 && xlsx.stderr.contains("--output"), "\(xlsx.stderr)")
    }

    @Test func aFileLoadedInTheSessionIsNotOverwrittenWithoutForce() throws {
        let dir = try scratch()
        let data = dir.appendingPathComponent("data.csv")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Samples/qinghai/qinghai_2016_2020.csv"), to: data)
        let before = try Data(contentsOf: data)
        let refused = try cie(["-c", "load \(data.path) --quiet; use qinghai; check --top 1; export \(dir.path)/./data.csv"])
        #expect(refused.status == 1 && refused.stderr.contains("是本会话载入的数据文件") && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try Data(contentsOf: data) == before)
        let forced = try cie(["-c", "load \(data.path) --quiet; use qinghai; check --top 1; export \(data.path) --force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Data(contentsOf: data) != before)
    }

    /// `kill -9` at any moment of an export leaves the old file or the new one, never a part of it.
    @Test func aKilledExportLeavesTheOldFileOrTheNew() throws {
        let dir = try scratch()
        let out = dir.appendingPathComponent("regions.json")
        let command = ["-c", "regions --all --output \(out.path)"]
        // The new file, written whole.
        let start = Date()
        #expect(try cie(command).status == 0)
        let elapsed = Date().timeIntervalSince(start)
        let new = try Data(contentsOf: out)
        #expect(new.count > 500_000)
        let old = Data("old\n".utf8)
        var killedEarly = 0, killedLate = 0
        for n in 0..<30 {
            try old.write(to: out)
            let p = Process()
            p.executableURL = cieBinary
            p.arguments = command
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            // Spread the kills over the whole run and beyond (a busy machine runs slower than the run timed above):
            // the write at its end is among them, and the last runs end before their kill.
            usleep(useconds_t(elapsed * 1_000_000 * Double(n) / 10))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let now = try Data(contentsOf: out)
            #expect(now == old || now == new, "kill after \(n)/10 of the run left \(now.count) bytes")
            if now == old { killedEarly += 1 } else { killedLate += 1 }
        }
        #expect(killedEarly > 0 && killedLate > 0, "early \(killedEarly), late \(killedLate)")
    }

    /// What a table `check` leaves for `export` is the whole result: the HTML export draws the paths too; a review's
    /// JUnit fails the units whose verdict is bad news; the workbook's summary counts every result, not the `--top` shown.
    @Test func exportsOfALastResultAreWhole() throws {
        let dir = try scratch()
        let html = dir.appendingPathComponent("2018.html").path, xlsx = dir.appendingPathComponent("top.xlsx").path
        let r = try cie(["-c", "load Samples/qinghai/qinghai_2016_2020.csv --quiet; use qinghai; check --year 2018; export \(html); check --top 5; export \(xlsx)"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("<polyline"))
        let csv = try cie(["review", "--policy", "qinghai", "--data", "Samples/qinghai/qinghai_2016_2020.csv", "--quiet", "--format", "csv"])
        let nonCompliant = csv.stdout.split(separator: "\r\n").filter { $0.contains(",non_compliant,") }.count
        let junit = try cie(["review", "--policy", "qinghai", "--data", "Samples/qinghai/qinghai_2016_2020.csv", "--quiet", "--format", "junit"])
        #expect(nonCompliant > 0 && count("<failure ", in: junit.stdout) == nonCompliant && junit.stdout.contains("failures=\"\(nonCompliant)\""))
    }

    @Test func aLoadedPackagesFilesAreInputsToo() throws {
        let dir = try scratch()
        let package = dir.appendingPathComponent("pkg")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Tests/CIEEndToEndTests/Fixtures/sichuan"), to: package)
        let text = try Data(contentsOf: package.appendingPathComponent("text.txt"))
        let r = try cie(["-c", "load-policy \(package.path); targets sichuan; export \(package.path)/text.txt"])
        #expect(r.status == 1 && r.stderr.contains("在本会话载入的策略包"), "\(r.stderr)")
        #expect(try Data(contentsOf: package.appendingPathComponent("text.txt")) == text)
    }
}
