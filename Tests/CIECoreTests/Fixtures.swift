import CIECore

/// A small hand-made world: province 990000 with prefectures 990100 (two counties, one district) and 990200 (one county).
struct World {
    var regions = RegionTable()
    var catalogue = IndicatorCatalogue()
    var store = DataStore()
    let province: RegionIndex
    let prefA: RegionIndex, prefB: RegionIndex
    let countyA1: RegionIndex, countyA2: RegionIndex, districtA3: RegionIndex, countyB1: RegionIndex

    init() {
        province = regions.add(Region(code: "990000", name: "测试省", type: .province, parent: nil))
        prefA = regions.add(Region(code: "990100", name: "甲市", type: .prefecture, parent: province))
        prefB = regions.add(Region(code: "990200", name: "乙州", type: .prefecture, parent: province))
        countyA1 = regions.add(Region(code: "990121", name: "一县", type: .county, parent: prefA))
        countyA2 = regions.add(Region(code: "990122", name: "二县", type: .county, parent: prefA, groups: ["加快发展县"]))
        districtA3 = regions.add(Region(code: "990102", name: "三区", type: .district, parent: prefA))
        countyB1 = regions.add(Region(code: "990221", name: "四县", type: .county, parent: prefB))
    }

    mutating func set(_ region: RegionIndex, _ indicator: String, _ values: [Int: Double]) {
        let i = catalogue.index(of: indicator)
        store.insert(values.map { Observation(region: region, indicator: i, year: $0.key, value: $0.value, line: 1, column: 1) },
                     from: "test", regionCount: regions.count, indicatorCount: catalogue.count)
    }

    var context: EvaluationContext { EvaluationContext(regions: regions, catalogue: catalogue, store: store) }

    /// Evaluates one target and returns status by region code.
    func run(_ target: Target, year: Int) -> [String: TargetResult] {
        let results = Evaluator(context: context, policy: TestPolicy(targets: [target])).evaluate(year: year)
        var out: [String: TargetResult] = [:]
        for r in results { out[regions[r.region].code] = r }
        return out
    }
}

struct TestPolicy: PolicyModule {
    var targets: [Target]
    var id: String { "test" }
    var name: LocalizedText { LocalizedText("测试") }
    var document: PolicyDocument {
        PolicyDocument(number: "测试〔2018〕1号", title: "测试", issuer: "测试", issued: "2018", status: .inForce, jurisdictionCode: "990000")
    }
    var groups: [String: [String]] { ["名单": ["990121"]] }
}

func target(_ c: Condition, scope: Scope = .county, filter: UnitFilter? = nil, deadline: Int? = 2020, baseline: Int? = nil, strength: Strength = .binding) -> Target {
    Target(id: "T-1", title: LocalizedText("t"), clause: "一", original: "原文", scope: scope, filter: filter, condition: c,
           deadline: deadline, baseline: baseline, strength: strength)
}
