/// `non_decreasing` (v[t] ≥ v[t−1]) and `increasing` (v[t] > v[t−1]) for every t in B+1…y: judged on the path.
/// Consecutive known years decide a failure even when another year is missing.
struct YearOnYear: OnQuantity {
    var key: String { strict ? "increasing" : "non_decreasing" }
    var numbers: [Double] { [] }
    var quantity: Quantity
    var strict: Bool

    var isPath: Bool { true }
    var baselineOffset: Int? { 1 }
    var comparesWithBaseline: Bool { true }

    func requirement(baseline b: Int?) -> LocalizedText {
        strict ? LocalizedText(zh: "逐年提高" + Words.since(b).zh, en: "rising every year" + Words.since(b).en)
            : LocalizedText(zh: "只增不减" + Words.since(b).zh, en: "never decreasing" + Words.since(b).en)
    }

    func describe(baseline b: Int?, catalogue: IndicatorCatalogue, _ l: Language) -> String {
        let (x, base) = (Words.q(quantity, catalogue, l), Words.base(b, l))
        if strict {
            return l == .zh ? "\(base)+1…y 每年 \(x)[t] > \(x)[t−1]（严格提高）" : "\(x)[t] > \(x)[t−1] for every t in \(base)+1…y (strictly)"
        }
        return l == .zh ? "\(base)+1…y 每年 \(x)[t] ≥ \(x)[t−1]" : "\(x)[t] ≥ \(x)[t−1] for every t in \(base)+1…y"
    }

    func evaluate(_ e: Evaluator, _ target: Target, region: RegionIndex, year: Int) throws -> Outcome {
        let b = try e.baseline(target)
        var values: [Double] = []
        var missing: [Missing] = []
        for t in b...max(b, year) {
            let r = try e.read(quantity, region, t)
            if let v = r.value { values.append(v) } else { missing += r.missing; values.append(.nan) }
        }
        var falls: [String] = []
        for t in 1..<values.count where !values[t].isNaN && !values[t - 1].isNaN {
            let ok = strict ? !Tolerance.atMost(values[t], values[t - 1]) : Tolerance.atLeast(values[t], values[t - 1])
            if !ok { falls.append("\(b + t - 1)→\(b + t): \(formatNumber(values[t - 1])) → \(formatNumber(values[t]))") }
        }
        let last = values.last.flatMap { $0.isNaN ? nil : $0 }
        if falls.isEmpty, !missing.isEmpty { return Outcome(truth: .unknown, observed: last, missing: missing) }
        var o = Outcome(truth: falls.isEmpty ? .yes : .no, observed: last, gap: nil, missing: missing)
        if !falls.isEmpty {
            o.notes.append(LocalizedText(zh: (strict ? "未逐年提高：" : "出现下降：") + falls.joined(separator: "；"),
                                         en: (strict ? "did not rise: " : "fell: ") + falls.joined(separator: "; ")))
        }
        return o
    }
}

/// `every_year_at_least`: v[t] ≥ x for every t in B…y (annual flows: 每年引导…); a year before the unit was set up
/// asks nothing of it.
struct EveryYearAtLeast: OnQuantity {
    var key: String { "every_year_at_least" }
    var numbers: [Double] { [value] }
    var quantity: Quantity
    var value: Double

    var isPath: Bool { true }
    var baselineOffset: Int? { 0 }

    func requirement(baseline b: Int?) -> LocalizedText {
        LocalizedText(zh: "每年 ≥ \(Words.n(value))" + Words.since(b).zh, en: "every year ≥ \(Words.n(value))" + Words.since(b).en)
    }

    func describe(baseline b: Int?, catalogue: IndicatorCatalogue, _ l: Language) -> String {
        let (x, base) = (Words.q(quantity, catalogue, l), Words.base(b, l))
        return l == .zh ? "\(base)…y 每年 \(x) ≥ \(Words.n(value))" : "\(x) ≥ \(Words.n(value)) in every year \(base)…y"
    }

    func evaluate(_ e: Evaluator, _ target: Target, region: RegionIndex, year: Int) throws -> Outcome {
        let b = try e.baseline(target)
        var failed: [String] = []
        var missing: [Missing] = []
        var last: Double?
        var skipped: [Int] = []
        var notes: [LocalizedText] = []
        for t in b...max(b, year) {
            if !e.context.regions.exists(region, in: t) {
                skipped.append(t)
                continue
            }
            let o = e.threshold(try e.read(quantity, region, t), atLeast: value)
            last = o.observed
            switch o.truth {
            case .yes: break
            case .no: failed.append("\(t): \(o.observed.map { formatNumber($0) } ?? "?")")
            case .unknown: missing += o.missing
            }
            for note in o.notes where !notes.contains(note) { notes.append(note) }
        }
        if !failed.isEmpty {
            return Outcome(truth: .no, observed: last, gap: last.map { $0 - value }, threshold: value, missing: missing, notes: [
                LocalizedText(zh: "低于 \(formatNumber(value)) 的年份：" + failed.joined(separator: "；"),
                              en: "years below \(formatNumber(value)): " + failed.joined(separator: "; "))])
        }
        if !missing.isEmpty { return Outcome(truth: .unknown, observed: last, missing: missing) }
        var met = Outcome(truth: .yes, observed: last, gap: last.map { $0 - value }, threshold: value, notes: notes)
        if let first = skipped.first {
            met.notes.append(LocalizedText(zh: "\(first)\(skipped.count > 1 ? "—\(skipped.last!)" : "") 年该单位尚未设立，不计",
                                           en: "the unit did not exist in \(first)\(skipped.count > 1 ? "–\(skipped.last!)" : ""), not counted"))
        }
        return met
    }
}
