/// A veto on the year before (浙江 三(三) 一票否优): a unit whose measures all fell on the year before is vetoed.
/// Kind `veto` of a package (Docs/PolicyFormat.md).
public struct YearOnYearVeto: Reviewer {
    /// A measure compared with the year before, and how the detail names it.
    public struct Measure: Sendable {
        public var quantity: Quantity
        public var label: LocalizedText
        public init(_ quantity: Quantity, label: LocalizedText) {
            self.quantity = quantity
            self.label = label
        }
    }

    public var id: String
    public var name: LocalizedText
    public var source: LocalizedText
    /// Which of the jurisdiction's units it concerns (浙江: 县(市), i.e. 县域 proper); nil: all.
    public var units: UnitFilter?
    /// Every one of them must fall for a veto.
    public var measures: [Measure]
    /// How the package reads its text.
    public var reading: LocalizedText?

    public init(id: String, name: LocalizedText, source: LocalizedText, units: UnitFilter?, measures: [Measure], reading: LocalizedText?) {
        self.id = id
        self.name = name
        self.source = source
        self.units = units
        self.measures = measures
        self.reading = reading
    }

    public var verdicts: [ReviewVerdict] {
        [ReviewVerdict("vetoed", LocalizedText(zh: "否决", en: "vetoed"), tone: .bad), ReviewVerdict("clear", LocalizedText(zh: "未否决", en: "clear"), tone: .good), .noData]
    }

    /// One unit's comparisons, measure by measure.
    public struct Outcome: Sendable {
        public var pairs: [(before: Double, now: Double)?]
        /// nil while a measure is missing.
        public var vetoed: Bool? {
            guard !pairs.isEmpty, pairs.allSatisfy({ $0 != nil }) else { return nil }
            return pairs.allSatisfy { YearOnYearVeto.declined($0!) }
        }
    }

    /// A fall beyond the comparison tolerance; a flat value is not a decline.
    public static func declined(_ pair: (before: Double, now: Double)) -> Bool {
        !Tolerance.atLeast(pair.now, pair.before)
    }

    public func outcome(_ evaluator: Evaluator, _ unit: RegionIndex, year: Int) -> Outcome {
        Outcome(pairs: measures.map { evaluator.yearOnYear($0.quantity, unit, year) })
    }

    public func review(_ policy: any PolicyModule, context: EvaluationContext, year: Int, options: ReviewOptions) throws -> Review {
        let evaluator = Evaluator(context: context, policy: policy)
        let rows = try evaluator.units(matching: units, year: year).map { u -> ReviewRow in
            let o = outcome(evaluator, u, year: year)
            var zh: [String] = [], en: [String] = []
            for (m, p) in zip(measures, o.pairs) {
                let measured = evaluator.unit(of: m.quantity)
                let unit = measured == .percent ? "%" : ""
                guard let p else {
                    zh.append("\(m.label.zh)：缺 \(year - 1) 或 \(year) 年数据")
                    en.append("\(m.label.en): \(year - 1) or \(year) missing")
                    continue
                }
                let fell = YearOnYearVeto.declined(p)
                // With the digits that decide it: a fall of 9.9966% to 9.9938% prints as 10.00% → 9.99%, never 10% → 10%.
                let (before, now) = Display.distinguishing(p.before, p.now, unit: measured)
                zh.append("\(m.label.zh) \(before)\(unit) → \(now)\(unit)（\(fell ? "下降" : "未下降")）")
                en.append("\(m.label.en) \(before)\(unit) → \(now)\(unit) (\(fell ? "fell" : "did not fall"))")
            }
            let verdict = o.vetoed.map { $0 ? "vetoed" : "clear" } ?? "no_data"
            return ReviewRow(region: u, verdict: verdict, detail: LocalizedText(zh: zh.joined(separator: "；"), en: en.joined(separator: "; ")))
        }
        let scope = units.map { $0.describe(.zh) } ?? "辖区各单位", scopeEN = units.map { $0.describe(.en) } ?? "each unit of the jurisdiction"
        let labels = measures.map(\.label)
        return Review(reviewerID: id, reviewerName: name, year: year, method: LocalizedText(
            zh: (reading.map { $0.zh + " " } ?? "") + "对\(scope)比较 \(year) 年与 \(year - 1) 年的" + labels.map(\.zh).joined(separator: "和")
                + "：各项都下降（严格小于上年，持平不算下降）为 vetoed（否决）；其余为 clear；缺数据为 no_data。",
            en: (reading.map { $0.en + " " } ?? "") + "For \(scopeEN), compare \(year) with \(year - 1) on " + labels.map(\.en).joined(separator: " and ")
                + ": all falling (strictly below the year before; flat is not a fall) is vetoed; otherwise clear; missing data is no_data."),
            rows: rows)
    }
}
