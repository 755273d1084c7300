import Foundation
import Testing

/// `regions` over time, and the notes a load prints, as a user sees them.
@Suite struct RegionCommandTests {
    @Test func theUnitsOfAYearAndAProvince() throws {
        let r = try cie(["regions", "--year", "2018", "--province", "浙江省", "--format", "csv"])
        #expect(r.status == 0)
        let codes = r.stdout.split(separator: "\r\n").dropFirst().map { String($0.prefix(6)) }
        #expect(codes.count == 89 && codes.contains("330102") && codes.contains("330104") && !codes.contains("330383"))
        #expect(r.stderr.contains("未载入数据"), "with nothing loaded, the region table is listed, and it says so")
        let table = try cie(["regions", "--year", "2018", "--province", "浙江", "--prefecture", "杭州市", "--lang", "en"])
        #expect(table.stdout.contains("江干区") && table.stdout.contains("1983–2020") && table.stdout.contains("units, 2018"))
        // With 青海 loaded, a filter on 浙江 (where nothing is loaded) lists the table there, and says so.
        let other = try cie(["regions", "--data", "Samples/qinghai/qinghai_2016_2020.csv", "--year", "2018", "--province", "浙江省"])
        #expect(other.status == 0 && other.stdout.contains("江干区") && other.stderr.contains("都没有载入的数据"))
    }

    @Test func everyUnitOf2024Loads() throws {
        let all = try cie(["regions", "--year", "2024", "--type", "county", "--format", "csv"])
        #expect(all.status == 0)
        // One value for each of the 2,846 county-level units of 2024, with no regions file.
        let units = try cie(["regions", "--year", "2024", "--format", "csv"]).stdout.split(separator: "\r\n").dropFirst()
            .filter { !$0.contains("功能区") }.map { String($0.prefix(6)) }
        #expect(units.count == 2846)
        let path = try temporaryFile("china2024.csv", Array(("region,year,indicator,value\n" + units.map { "\($0),2024,incubators,1" }.joined(separator: "\n") + "\n").utf8))
        let listed = try cie(["regions", "--year", "2024", "--data", path])
        #expect(listed.status == 0 && listed.stdout.contains("共 2846 个单位，2024 年"))
    }

    @Test func aUnitsHistory() throws {
        let r = try cie(["regions", "--history", "湟中区"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("632124") && r.stdout.contains("630122") && r.stdout.contains("630106"))
        #expect(r.stdout.contains("国函〔2019〕106号") && r.stdout.contains("1999–2018"))
        let split = try cie(["regions", "--history", "330104", "--lang", "en"])
        #expect(split.stdout.contains("abolished in 2021") && split.stdout.contains("上城区 (330102)") && split.stdout.contains("钱塘区 (330114)"))
        let unknown = try cie(["regions", "--history", "大通镇"])
        #expect(unknown.status == 2 && unknown.stderr.contains("大通回族土族自治县"))
    }

    @Test func loadsSayWhichFormerNamesTheyRead() throws {
        let path = try temporaryFile("former.csv", Array("region,year,indicator,value\n湟中县,2020,gdp,1\n".utf8))
        let r = try cie(["validate", path])
        #expect(r.status == 0 && r.stderr.contains("former.csv:2:1: note:") && r.stderr.contains("湟中区"))
        let gone = try temporaryFile("gone.csv", Array("region,year,indicator,value\n330104,2022,gdp,1\n".utf8))
        let e = try cie(["validate", gone])
        #expect(e.status == 2 && e.stderr.contains("gone.csv:2:1: error:") && e.stderr.contains("2021 年撤销") && e.stderr.contains("钱塘区"))
    }

    @Test func checkSaysWhichZonesItCounts() throws {
        let zone = try temporaryFile("zone.csv", Array("region,year,indicator,value\n632857,2020,incubators,0\n".utf8))
        let qh = try cie(["check", "--policy", "qinghai", "--data", "Samples/qinghai/qinghai_2016_2020.csv", "--data", zone, "--target", "QH-02"])
        #expect(qh.stdout.contains("未计入的功能区") && qh.stdout.contains("大柴旦行政委员会 (632857)") && !qh.stdout.contains("QH-02  大柴旦"))
        let wh = try cie(["check", "--policy", "weihai", "--data", "Samples/weihai/weihai_2015_2020.csv", "--target", "WH-07", "--lang", "en"])
        #expect(wh.stdout.contains("functional zones counted as units") && wh.stdout.contains("371071"))
        let regions = try cie(["regions", "--policy", "weihai", "--data", "Samples/weihai/weihai_2015_2020.csv", "--type", "zone"])
        #expect(regions.stdout.contains("计入本政策"))
    }

    @Test func aSharedNameTypedInACommand() throws {
        let sample = "Samples/qinghai/qinghai_2016_2020.csv"
        // 大通 is 大通回族土族自治县 (青海) and 大通区 (安徽): the current policy's jurisdiction decides, else the data.
        let check = try cie(["check", "--policy", "qinghai", "--data", sample, "大通", "--target", "QH-06"])
        #expect(check.stdout.contains("630121"))
        let show = try cie(["show", "大通", "--data", sample])
        #expect(show.status == 0 && show.stdout.contains("630121"))
        let neither = try cie(["regions", "--history", "大通"])
        #expect(neither.status == 2 && neither.stderr.contains("340402, 安徽省") && neither.stderr.contains("630121, 青海省"))
    }
}
