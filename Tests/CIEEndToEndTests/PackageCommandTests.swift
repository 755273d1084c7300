import Foundation
import Testing

/// A fresh folder under the temporary directory.
func temporaryFolder(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("cie-e2e-\(ProcessInfo.processInfo.processIdentifier)-\(name)-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Copies a folder of the repository (a package) to `destination`.
func copyPackage(_ path: String, to destination: URL) throws {
    if FileManager.default.fileExists(atPath: destination.path) { try FileManager.default.removeItem(at: destination) }
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(path), to: destination)
}

let sichuan = "Tests/CIEEndToEndTests/Fixtures/sichuan"

/// The author's path of issue 12, with only the binary: scaffold a package anywhere, fail lint until the placeholders are
/// gone, pass lint and test, list it, evaluate with it (means over units included).
@Suite struct PackageAuthorTests {
    @Test func scaffoldLintTestListAndCheckOutsideTheRepository() throws {
        let dir = try temporaryFolder("policies")
        let new = try cie(["policy", "new", "sichuan", "--name", "四川省", "--region", "510000", "--dir", dir.path], directory: dir)
        #expect(new.status == 0, "\(new.stderr)")
        let package = dir.appendingPathComponent("sichuan")
        for file in ["policy.yaml", "text.txt", "sample/data.csv", "sample/check.cie"] {
            #expect(FileManager.default.fileExists(atPath: package.appendingPathComponent(file).path), "\(file) was not written")
        }
        let yaml = try String(contentsOf: package.appendingPathComponent("policy.yaml"), encoding: .utf8)
        #expect(yaml.contains("- id: SC-01") && yaml.contains("jurisdiction: \"510000\""))

        // Freshly scaffolded: it reads and its example and sample pass, but lint fails on every placeholder.
        let lint = try cie(["policy", "lint", package.path, "--lang", "en"], directory: dir)
        #expect(lint.status == 1 && lint.stderr.contains("policy.yaml:5:") && lint.stderr.contains("placeholder"), "\(lint.stderr)")
        #expect(lint.stdout.contains("1 package") && lint.stdout.contains("errors"))
        let test = try cie(["policy", "test", package.path, "--lang", "en"], directory: dir)
        #expect(test.status == 0 && test.stdout.contains("examples 1 passed, 0 failed; sample scripts 1/1 passed"), "\(test.stdout) \(test.stderr)")

        // Edited (here: the finished files put in place), it lints and tests clean.
        for file in ["policy.yaml", "text.txt", "sample/data.csv", "sample/check.cie"] {
            let target = package.appendingPathComponent(file)
            try FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(sichuan).appendingPathComponent(file), to: target)
        }
        #expect(try cie(["policy", "lint", package.path], directory: dir).status == 0)
        let tested = try cie(["policy", "test", package.path, "--lang", "en"], directory: dir)
        #expect(tested.status == 0 && tested.stdout.contains("examples 6 passed, 0 failed; sample scripts 1/1 passed"), "\(tested.stdout) \(tested.stderr)")

        let listed = try cie(["--policy-file", package.path, "policies", "--format", "csv", "--lang", "en"], directory: dir)
        let row = listed.stdout.split(separator: "\r\n").first { $0.hasPrefix("sichuan,") }
        #expect(row?.contains(package.path) == true, "\(listed.stdout)")
        #expect(listed.stdout.contains("qinghai,") && listed.stdout.contains("built-in"))

        let check = try cie(["check", "--policy-file", package.path, "--policy", "sichuan", "--data", package.appendingPathComponent("sample/data.csv").path,
                             "--format", "json", "--lang", "en"], directory: dir)
        #expect(check.status == 0, "\(check.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        let sc01 = results.first { $0["target"] as? String == "SC-01" }
        #expect(sc01?["status"] as? String == "met" && (sc01?["observed"] as? Double).map { abs($0 - 55.6667) < 0.001 } == true)
        #expect((sc01?["detail"] as? String)?.contains("the mean covers 3 of 183 units") == true, "\(sc01 ?? [:])")
        #expect(results.first { $0["target"] as? String == "SC-02" }?["status"] as? String == "met")
    }

    @Test func aPrefixCanBeGivenAndAnExistingFolderIsNotOverwritten() throws {
        let dir = try temporaryFolder("prefix")
        #expect(try cie(["policy", "new", "hebei", "--name", "河北省", "--region", "130000", "--dir", dir.path, "--prefix", "HEB"]).status == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("hebei/policy.yaml"), encoding: .utf8).contains("- id: HEB-01"))
        let again = try cie(["policy", "new", "hebei", "--name", "河北省", "--region", "130000", "--dir", dir.path, "--lang", "en"])
        #expect(again.status == 2 && again.stderr.contains("exists and is not empty"))
        let badRegion = try cie(["policy", "new", "hebei2", "--name", "河北省", "--region", "139999", "--dir", dir.path, "--lang", "en"])
        #expect(badRegion.status == 2 && badRegion.stderr.contains("not in the region table"))
    }
}

/// Where packages come from: --policy-file, load-policy, $CIE_POLICY_PATH, $XDG_DATA_HOME/cie/policies; two with one id
/// are an error naming both; a bad package loads nothing and says every problem at its place.
@Suite struct PackageLoadingTests {
    @Test func searchFoldersAreReadAndListed() throws {
        let data = try temporaryFolder("xdg")
        try FileManager.default.createDirectory(at: data.appendingPathComponent("cie/policies"), withIntermediateDirectories: true)
        try copyPackage(sichuan, to: data.appendingPathComponent("cie/policies/sichuan"))
        let xdg = try cie(["policies", "--format", "csv"], environment: ["XDG_DATA_HOME": data.path])
        #expect(xdg.stdout.contains("sichuan,") && xdg.stdout.contains(data.appendingPathComponent("cie/policies/sichuan").path), "\(xdg.stdout) \(xdg.stderr)")

        let other = try temporaryFolder("path")
        try copyPackage(sichuan, to: other.appendingPathComponent("sc"))
        let path = try cie(["check", "--policy", "四川", "--data", "\(sichuan)/sample/data.csv"],
                           environment: ["CIE_POLICY_PATH": "/no/such/folder:" + other.path, "XDG_DATA_HOME": "/no/such/folder"])
        #expect(path.status == 0 && path.stdout.contains("SC-01"), "\(path.stderr)")
        // A folder of $CIE_POLICY_PATH may itself be a package.
        let direct = try cie(["targets", "sichuan"], environment: ["CIE_POLICY_PATH": other.appendingPathComponent("sc").path])
        #expect(direct.status == 0 && direct.stdout.contains("SC-02"))
    }

    @Test func twoPackagesWithOneIdAreAnErrorNamingBoth() throws {
        let dir = try temporaryFolder("duplicate")
        try copyPackage("Samples/qinghai", to: dir.appendingPathComponent("qinghai-copy"))
        let r = try cie(["--policy-file", dir.appendingPathComponent("qinghai-copy").path, "policies", "--lang", "en"])
        #expect(r.status == 2, "\(r.stdout)")
        #expect(r.stderr.contains("qinghai-copy/policy.yaml:3:") && r.stderr.contains("Samples/qinghai") && r.stderr.contains("cannot share an id"), "\(r.stderr)")
    }

    @Test func aBadPackageReportsEveryProblemAndLoadsNothing() throws {
        let dir = try temporaryFolder("bad")
        try copyPackage(sichuan, to: dir.appendingPathComponent("sichuan"))
        let manifest = dir.appendingPathComponent("sichuan/policy.yaml")
        var yaml = try String(contentsOf: manifest, encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "scope: jurisdiction\n    condition: {at_least: {mean: st_progress_contribution}", with: "scope: jurisdicton\n    condition: {at_least: {mean: st_progress_contributon}")
        yaml = yaml.replacingOccurrences(of: "strength: binding\n    reading:\n      zh: 比重", with: "strength: must\n    reading:\n      zh: 比重")
        try yaml.write(to: manifest, atomically: true, encoding: .utf8)
        let r = try cie(["check", "--policy-file", dir.appendingPathComponent("sichuan").path, "--policy", "sichuan", "--data", "\(sichuan)/sample/data.csv", "--lang", "en"])
        #expect(r.status == 2 && r.stdout.isEmpty)
        let errors = r.stderr.split(separator: "\n").filter { $0.contains("policy.yaml:") && $0.contains(": error: ") }
        #expect(errors.count == 3, "\(r.stderr)")
        #expect(r.stderr.contains("did you mean jurisdiction") && r.stderr.contains("did you mean st_progress_contribution") && r.stderr.contains("unknown strength “must”"))
        #expect(r.stderr.contains("3 errors: the package") && r.stderr.contains("was not loaded"))
        let lint = try cie(["policy", "lint", dir.appendingPathComponent("sichuan").path])
        #expect(lint.status == 1)
    }

    @Test func loadPolicyInAScript() throws {
        let script = try temporaryFile("load-policy.cie", Array("""
            load-policy \(packageRoot.appendingPathComponent(sichuan).path)
            use 四川省
            load \(packageRoot.appendingPathComponent(sichuan).path)/sample/data.csv
            check
            expect SC-01 四川省 met
            load-policy /no/such/package

            """.utf8))
        let r = try cie(["run", script, "--lang", "en"])
        #expect(r.status == 1 && r.stderr.contains("load-policy.cie:6: error:"), "\(r.stderr)")
        #expect(!r.stderr.contains(":5: error"), "expect passed")
    }
}

/// The build-time check of the built-in packages: the plugin's tool prints `FILE:LINE:COLUMN: error:` and fails.
@Suite struct EmbedToolTests {
    @Test func aBrokenBuiltinPackageFailsWithItsPlace() throws {
        let tool = cieBinary.deletingLastPathComponent().appendingPathComponent("cie-embed-policies")
        guard FileManager.default.isExecutableFile(atPath: tool.path) else {
            Issue.record("no cie-embed-policies next to cie: \(tool.path)")
            return
        }
        let dir = try temporaryFolder("embed")
        try copyPackage("Samples/jilin", to: dir.appendingPathComponent("Samples/jilin"))
        let manifest = dir.appendingPathComponent("Samples/jilin/policy.yaml")
        let yaml = try String(contentsOf: manifest, encoding: .utf8).replacingOccurrences(of: "scope: county\n", with: "scope: couny\n")
        try yaml.write(to: manifest, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = tool
        p.arguments = ["--root", dir.path, "--output", dir.appendingPathComponent("out.swift").path, dir.appendingPathComponent("Samples/jilin").path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 1)
        #expect(text.contains("Samples/jilin/policy.yaml:") && text.contains(": error: unknown scope “couny”"), "\(text)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.swift").path), "nothing is written for a broken package")
    }
}
