import CIECore
@testable import CIEData
import Testing

@Suite struct ValueParserTests {
    let catalogue = IndicatorCatalogue()
    func ind(_ id: String) -> Indicator { catalogue[catalogue.index(of: id)] }
    func convert(_ text: String, _ id: String, declared: String? = nil) throws -> Double? {
        try UnitConversion.convert(try ValueParser.parse(text), to: ind(id), declared: declared.flatMap(WrittenUnit.parse))
    }

    @Test(arguments: [
        ("４.５％", "science_literacy_rate", 4.5), ("4.5%", "science_literacy_rate", 4.5), ("4.5", "science_literacy_rate", 4.5),
        ("35亿元", "tech_contract_turnover", 350_000), ("3,500万元", "fiscal_st_expenditure", 3500), ("12000000元", "fiscal_st_expenditure", 1200),
        ("0.35亿", "fiscal_st_expenditure", 3500), ("1.5万台次", "instrument_sharing_times", 15000), ("1万批次", "lab_service_batches", 10000),
        ("3,000", "tech_brokers", 3000), ("３，０００人", "tech_brokers", 3000), ("20家", "hitech_enterprises", 20), ("20个", "hitech_enterprises", 20),
        ("是", "innovation_leading_group", 1), ("否", "innovation_leading_group", 0), ("有", "st_management_agency", 1),
        ("无", "st_management_agency", 0), ("yes", "st_service_center", 1), ("FALSE", "st_service_center", 0), ("1", "st_service_center", 1),
        ("-2.5", "fiscal_st_growth", -2.5), ("1e3", "gdp", 1000),
    ] as [(String, String, Double)])
    func valuesAreReadAndConverted(text: String, id: String, expected: Double) throws {
        #expect(try convert(text, id) == expected)
    }

    @Test func aColumnUnitAppliesWhenTheCellHasNone() throws {
        #expect(try convert("35", "tech_contract_turnover", declared: "亿元") == 350_000)
        #expect(try convert("35", "tech_contract_turnover", declared: "元") == 0.0035)
        #expect(try convert("35亿元", "tech_contract_turnover", declared: "万元") == 350_000, "the cell's own unit wins")
    }

    @Test(arguments: ["", "-", "—", "NA", "n/a", " "])
    func missingMarkers(text: String) throws {
        #expect(try ValueParser.parse(text) == .missing)
    }

    @Test(arguments: ["NaN", "inf", "-Infinity", "∞"])
    func nonFiniteIsRefused(text: String) {
        #expect(throws: ValueProblem.notFinite) { try ValueParser.parse(text) }
    }

    @Test(arguments: ["abc", "4.5x", "..5", "5 apples", "%"])
    func garbageIsRefused(text: String) {
        #expect(throws: ValueProblem.unparsable) { try ValueParser.parse(text) }
    }

    @Test func wrongUnitsAreRefusedWithTheIndicatorsUnitInTheMessage() {
        for (text, id) in [("5家", "science_literacy_rate"), ("5%", "gdp"), ("5元", "hitech_enterprises"), ("5人", "hitech_enterprises"), ("2", "innovation_leading_group"), ("是", "gdp")] {
            #expect(throws: UnitMismatch.self, "\(text) for \(id)") { try convert(text, id) }
        }
        let mismatch = #expect(throws: UnitMismatch.self) { try convert("5家", "science_literacy_rate") }
        #expect(mismatch?.message.contains("in %") == true)
    }
}
