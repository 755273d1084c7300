/// `share`: the share (in percent) of the area's units, optionally filtered, that satisfy a per-unit condition is at
/// least p. A unit whose data or filter is unknown widens the bounds; the share is decided when the bounds allow.
struct ShareOfUnits: ConditionKind {
    var key: String { "share" }
    var numbers: [Double] { [percent] }
    var inner: Condition
    var among: UnitFilter?
    var percent: Double

    var inputs: [String] {
        inner.indicators + (among.map { if case .flag(let id) = $0 { [id] } else { [] } } ?? [])
    }

    func requirement(baseline: Int?) -> LocalizedText {
        LocalizedText(zh: "≥ \(Words.n(percent))% 的单位", en: "≥ \(Words.n(percent))% of units")
    }

    func describe(baseline: Int?, catalogue: IndicatorCatalogue, _ l: Language) -> String {
        let scope = among.map { $0.describe(l) } ?? (l == .zh ? "全部单位" : "all units")
        let each = inner.describe(baseline: baseline, catalogue: catalogue, l)
        return l == .zh ? "\(scope)中满足「\(each)」的比例 ≥ \(Words.n(percent))%" : "the share of \(scope) satisfying [\(each)] ≥ \(Words.n(percent))%"
    }

    func unit(_ e: Evaluator, region: RegionIndex) -> MeasureUnit { .percent }

    func evaluate(_ e: Evaluator, _ target: Target, region: RegionIndex, year: Int) throws -> Outcome {
        var units = e.members(of: region, year: year)
        var unknownUnits: [RegionIndex] = []
        var missing: [Missing] = []
        if let among {
            var kept: [RegionIndex] = []
            for u in units {
                switch try e.applies(among, to: u, year: year) {
                case .yes: kept.append(u)
                case .no: break
                case .unknown: unknownUnits.append(u)
                }
            }
            units = kept
        }
        guard !units.isEmpty || !unknownUnits.isEmpty else {
            return Outcome(truth: .unknown, observed: nil, notes: [LocalizedText(zh: "范围内没有单位", en: "no units in scope")])
        }
        var yes = 0
        let filterUnknown = unknownUnits.count
        for u in units {
            let o = try inner.kind.evaluate(e, target, region: u, year: year)
            switch o.truth {
            case .yes: yes += 1
            case .no: break
            case .unknown:
                unknownUnits.append(u)
                missing += o.missing
            }
        }
        let n = Double(units.count + filterUnknown)
        let lo = Double(yes) / n * 100, hi = Double(yes + unknownUnits.count) / n * 100
        let truth: Truth = Tolerance.atLeast(lo, percent) ? .yes : (!Tolerance.atLeast(hi, percent) ? .no : .unknown)
        var o = Outcome(truth: truth, observed: lo, gap: unknownUnits.isEmpty ? lo - percent : nil, threshold: percent,
                        missing: truth == .unknown ? missing : [])
        o.notes.append(LocalizedText(
            zh: "\(units.count + filterUnknown) 个单位中 \(yes) 个满足" + (unknownUnits.isEmpty ? "" : "，\(unknownUnits.count) 个数据不足"),
            en: "\(yes) of \(units.count + filterUnknown) units qualify" + (unknownUnits.isEmpty ? "" : ", \(unknownUnits.count) lack data")))
        return o
    }
}
