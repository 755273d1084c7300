import Foundation
import Testing

/// Issue 14: files as they are published, through the command line and scripts.
@Suite struct PublishedFilesTests {
    static let yearbook = """
        2020年县域主要社会经济指标
        Area,Province,地区生产总值,规模以上工业企业单位数,户籍人口,R&D经费支出(万元)
        Unit,,亿元,个,万人,
        大通回族土族自治县,青海,123.4567,45,45.6,3200
        湟源县,青海省,45.6789,12,13.2,800
        Remark,本表数据为示例

        """

    /// `validate` prints the mapping it used, column by column, and `--year` replaces the title's year.
    @Test func validatePrintsTheMappingAndTakesAYear() throws {
        let path = try temporaryFile("yearbook.csv", Array(Self.yearbook.utf8))
        let r = try cie(["validate", path, "--year", "2019"])
        #expect(r.status == 0, "\(r.stderr)")
        for line in ["第 1 列 Area：地区（名称或代码）", "第 2 列 Province：省份标签（核对地区）", "第 3 列 地区生产总值：gdp 地区生产总值（金额，亿元 → 万元）",
                     "第 5 列 户籍人口：registered_population 户籍人口（计数，万人 → 人）", "2019 年"] {
            #expect(r.stdout.contains(line), "\(line) in \(r.stdout)")
        }
        let mapped = try cie(["validate", path, "--map", "规模以上工业企业单位数=hitech_enterprises", "--skip-column", "户籍人口"])
        #expect(mapped.stdout.contains("hitech_enterprises 高新技术企业（计数，家）（按映射）") && mapped.stdout.contains("户籍人口：跳过"), "\(mapped.stdout)")
    }

    /// A mapping file beside the data is picked up and reported; a bad one loads nothing, at its line.
    @Test func aMappingFileBesideTheDataIsUsed() throws {
        let path = try temporaryFile("mapped.csv", Array("县名,年份,企业数\n大通县,2020,3\n".utf8))
        _ = try temporaryFile("mapped.csv.cie-map.yaml", Array("columns:\n  县名: region\n  企业数: hitech_enterprises\n".utf8))
        let r = try cie(["-c", "load \(path)\nshow 大通 hitech_enterprises"])
        #expect(r.status == 0 && r.stderr.contains("按映射文件 \(path).cie-map.yaml") && r.stdout.contains("3"), "\(r.stderr)")
        let bad = try temporaryFile("badmap.csv", Array("县名,年份,企业数\n大通县,2020,3\n".utf8))
        _ = try temporaryFile("badmap.csv.cie-map.yaml", Array("columns:\n  县名: region\nskipp: [x]\n".utf8))
        let b = try cie(["-c", "load \(bad)"])
        #expect(b.status != 0 && b.stderr.contains("badmap.csv.cie-map.yaml:3:1: error:") && b.stderr.contains("是否指 skip"), "\(b.stderr)")
    }

    /// `--skip-bad-rows`, `rejects` and `export rejects.csv`, in a script.
    @Test func rejectedRowsAreListedAndExported() throws {
        let data = try temporaryFile("rows.csv", Array("region,year,gdp\n大通县,2020,100\n湟源县,2020,abc\n不存在县,2020,5\n".utf8))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cie-rejects-\(ProcessInfo.processInfo.processIdentifier).csv").path
        let r = try cie([], stdin: "load \(data) --skip-bad-rows\nrejects\nexport \(out)\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("1 行载入，2 行被拒（rejects 查看）"), "\(r.stderr)")
        #expect(r.stdout.contains("未知地区“不存在县”") && r.stdout.contains("湟源县,2020,abc"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        let csv = String(decoding: bytes, as: UTF8.self)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]) && csv.contains("文件,行,列,问题,原内容"), "one BOM, for Excel")
        #expect(csv.contains("rows.csv,3,") && csv.contains("rows.csv,4,"), "\(csv)")
        // Without the flag, the same file loads nothing and the script fails.
        #expect(try cie([], stdin: "load \(data)\n").status == 1)
    }

    /// A national list under `use zhejiang`: `--only-jurisdiction` keeps Zhejiang's rows and counts the rest.
    @Test func aNationalListLoadsForOneJurisdiction() throws {
        let list = try temporaryFile("list.csv", Array("第二批创新型县(市)建设名单\n序号,名称,国家创新型县(市、区)\n1,浙江省嘉善县,是\n2,江苏省昆山市,是\n3,浙江省安吉县,是\n".utf8))
        let r = try cie(["-c", "use zhejiang\nload \(list) --only-jurisdiction --year 2022\nshow 嘉善 national_innovative_county"])
        #expect(r.status == 0 && r.stderr.contains("1 行不在浙江省，未载入"), "\(r.stderr)")
        #expect(r.stdout.contains("2022"))
        let nopolicy = try cie(["-c", "load \(list) --only-jurisdiction --year 2022"])
        #expect(nopolicy.status != 0 && nopolicy.stderr.contains("--only-jurisdiction 需要当前政策"))
    }

    /// At most 20 problems a file in the terminal, then the total and where to see them all; `--format csv` has them all.
    @Test func problemsAreCappedWithTheTotalAndAllAreInCSV() throws {
        var text = "region,year,gdp\n"
        for y in 1990..<2020 { text += "大通县,\(y),x\(y)\n" }  // 30 bad cells in one column: 3 shown + 1 summary
        for y in 1990..<2020 { text += "不存在\(y)县,\(y),1\n" }  // 30 unknown regions
        let path = try temporaryFile("many.csv", Array(text.utf8))
        let r = try cie(["validate", path])
        #expect(r.status == 2)
        let errors = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 20, "\(r.stderr)")
        #expect(r.stderr.contains("共 34 条（错误 34 个），以上只列出前 20 条") && r.stderr.contains("--all"))
        #expect(try cie(["validate", path, "--all"]).stderr.split(separator: "\n").filter { $0.contains(": error: ") }.count == 34)
        let csv = try cie(["validate", path, "--format", "csv"])
        #expect(csv.stdout.split(separator: "\r\n").count == 35 && csv.status == 2)
    }
}

/// Each module's sample as a yearbook table, in CSV and in a workbook: both load with no option (the year from the
/// title, the units row, sections, labels, the notes sheet passed over), give the same values, and agree with the long
/// sample (loaded together, a differing value would be a conflict).
@Suite struct YearbookSampleTests {
    static let modules = ["qinghai", "zhejiang", "weihai", "inner-mongolia", "jilin"]

    @Test(arguments: modules)
    func theYearbookSamplesAgreeWithTheLongSample(module: String) throws {
        let folder = packageRoot.appendingPathComponent("Samples/\(module)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let long = try #require(files.first { $0.hasPrefix(module + "_") && $0.range(of: #"_\d{4}_\d{4}\.csv$"#, options: .regularExpression) != nil })
        let csv = try #require(files.first { $0.hasPrefix(module + "_yearbook_") && $0.hasSuffix(".csv") })
        let xlsx = csv.replacingOccurrences(of: ".csv", with: ".xlsx")
        var counts: [Int] = []
        for table in [csv, xlsx] {
            let r = try cie(["-c", "load Samples/\(module)/\(long) Samples/\(module)/\(table)\nfiles --format csv"])
            #expect(r.status == 0, "\(table): \(r.stderr)")
            let row = try #require(r.stdout.split(separator: "\r\n").first { $0.contains(table) })
            counts.append(try #require(Int(row.split(separator: ",")[3])))  // path, kind, encoding, values…
        }
        #expect(counts[0] > 20 && counts[0] == counts[1], "\(module): \(counts)")
        let sheet = try cie(["validate", "Samples/\(module)/\(xlsx)"])
        #expect(sheet.stdout.contains("工作表 县市（共 2 个：说明、县市；--sheet 选择）"), "\(sheet.stdout)")
    }
}
