import Foundation

/// An input the evaluation needed and did not find.
public struct Missing: Sendable, Hashable {
    public var indicator: IndicatorIndex
    public var region: RegionIndex
    public var year: Int
}

/// What is known of a quantity: an interval [lo, hi] plus what was missing to narrow it.
/// An exact value has lo == hi and nothing missing. Additive quantities over units with gaps keep the
/// sum of what is known as lo (counts are never negative), so "≥ x" can still be decided when lo reaches x.
struct Reading {
    var lo: Double
    var hi: Double
    var missing: [Missing]
    /// A value that cannot be computed although its inputs exist (division by zero).
    var undefined = false
    /// An aggregate that left out units without a value (a mean): how many it covers of how many, and who is missing.
    var coverage: Coverage?

    struct Coverage {
        var covered: Int
        var of: Int
        var left: [RegionIndex]
    }

    static func exact(_ v: Double) -> Reading { Reading(lo: v, hi: v, missing: []) }
    static func unknown(_ missing: [Missing], undefined: Bool = false) -> Reading {
        Reading(lo: -.infinity, hi: .infinity, missing: missing, undefined: undefined)
    }
    var value: Double? { missing.isEmpty && !undefined && lo == hi ? lo : nil }
    /// Adds another reading to this sum: bounds add, and what is missing of either is missing of the sum.
    mutating func add(_ r: Reading) {
        lo += r.lo
        hi += r.hi
        missing += r.missing
        undefined = undefined || r.undefined
    }
    var isPartial: Bool { !missing.isEmpty && lo.isFinite }
}

extension Reading {
    /// What the detail says of an aggregate that left units out.
    var coverageNotes: [LocalizedText] {
        guard let c = coverage, c.covered < c.of else { return [] }
        return [LocalizedText(zh: "注意：平均值只覆盖 \(c.of) 个单位中的 \(c.covered) 个（\(c.left.count) 个缺数据）",
                              en: "note: the mean covers \(c.covered) of \(c.of) units (\(c.left.count) without data)")]
    }
}

enum Truth { case yes, no, unknown }

/// What one condition says for one region and year.
struct Outcome: Sendable {
    var truth: Truth
    var observed: Double?
    var gap: Double?
    /// The number the observed value is compared with (the line a chart draws); nil when there is none to draw.
    var threshold: Double? = nil
    var missing: [Missing] = []
    var notes: [LocalizedText] = []
}

/// An error in a policy's declaration, reported as an `error` result rather than a crash.
struct DeclarationError: Error {
    var message: LocalizedText
}

/// Evaluates a package's targets on loaded data (TARGETS.md, "Status" and "Progress before a deadline").
public struct Evaluator: Sendable {
    public let context: EvaluationContext
    public let policy: any PolicyModule
    /// Progress ratio at or above which a result before its deadline is on track (Eurostat's SDG method).
    public static let onTrackThreshold = 0.95

    /// The context as the policy reads it: its functional zones count among its units (`PolicyModule.zones`),
    /// and the series it treats as comparable across boundary changes.
    public init(context: EvaluationContext, policy: any PolicyModule) {
        var c = context
        c.zones = policy.zones
        c.continuousSeries = Set(policy.continuousSeries.compactMap { context.regions.index(code: $0) })
        self.context = c
        self.policy = policy
    }

    private var regions: RegionTable { context.regions }
    private var store: DataStore { context.store }

    /// The jurisdiction the document governs, if the region table knows it.
    public var jurisdiction: RegionIndex? { regions.index(code: policy.document.jurisdictionCode) }

    /// The units an area was made of in `year`: the administrative units that existed then, plus the functional zones
    /// the policy counts (`PolicyModule.zones`) that have data or were declared.
    public func members(of area: RegionIndex, year: Int) -> [RegionIndex] {
        regions.units(under: area, in: year).filter { context.counts($0) }
    }

    /// The prefectures of the jurisdiction in `year` (the jurisdiction itself when it is a prefecture, as 威海市 is).
    public func prefectures(of area: RegionIndex, year: Int) -> [RegionIndex] {
        if regions[area].type == .prefecture { return [area] }
        return regions.children(of: area, in: year).filter { regions[$0].type == .prefecture }
            .sorted { regions[$0].code < regions[$1].code }
    }

    /// What `check` says of functional zones: those the policy counts (and why), those with data it leaves out.
    public func zoneNotes(year: Int) -> [LocalizedText] {
        let (counted, left) = zonesWithData(year: year)
        func names(_ us: [RegionIndex]) -> (String, String) {
            let shown = us.prefix(6).map { regions.describe($0, in: year) }
            return (shown.joined(separator: "、") + (us.count > 6 ? " 等 \(us.count) 个" : ""),
                    shown.joined(separator: ", ") + (us.count > 6 ? " and \(us.count - 6) more" : ""))
        }
        var notes: [LocalizedText] = []
        if !counted.isEmpty {
            let (zh, en) = names(counted)
            let why = policy.zones.reading
            notes.append(LocalizedText(zh: "计入的功能区：\(zh)" + (why.map { "（\($0.zh)）" } ?? ""),
                                       en: "functional zones counted as units: \(en)" + (why.map { " (\($0.en))" } ?? "")))
        }
        if !left.isEmpty {
            let (zh, en) = names(left)
            notes.append(LocalizedText(zh: "未计入的功能区（本文件的县（市、区）不含统计用功能区，其数值不参与统计）：\(zh)",
                                       en: "functional zones with data left out (the document's counties do not include statistical zones; their values are not counted): \(en)"))
        }
        return notes
    }

    /// Functional zones under the jurisdiction that have data in `year`, and whether the policy counts them.
    public func zonesWithData(year: Int) -> (counted: [RegionIndex], left: [RegionIndex]) {
        guard let j = jurisdiction else { return ([], []) }
        let zones = regions.units(under: j, in: year).filter { regions.type(of: $0) == .zone && (store.hasData($0) || regions[$0].isUserDefined) }
        return (zones.filter { context.counts($0) }, zones.filter { !context.counts($0) })
    }

        /// Every result of the targets in the year. Stops between targets on Ctrl-C (`Cancellation`), returning what
    /// it has; the caller checks the flag.
    public func evaluate(year: Int, targets: [Target]? = nil) -> [TargetResult] {
        var results: [TargetResult] = []
        for t in targets ?? policy.targets {
            if Cancellation.isRequested { break }
            results += evaluate(t, year: year)
        }
        return results
    }

    /// What is said when the region table lacks the jurisdiction.
    var noJurisdiction: LocalizedText {
        LocalizedText(zh: "地区表中没有辖区 \(policy.document.jurisdictionCode)：请用 regions 文件补充",
                      en: "the region table has no jurisdiction \(policy.document.jurisdictionCode): add it with a regions file")
    }

    /// The jurisdiction's units in `year` (`members`), for reviewers; throws when the region table lacks the jurisdiction.
    public func jurisdictionUnits(year: Int) throws -> [RegionIndex] {
        guard let j = jurisdiction else { throw ReviewError(noJurisdiction) }
        return members(of: j, year: year)
    }

    public func evaluate(_ target: Target, year: Int) -> [TargetResult] {
        guard let j = jurisdiction else { return [errorResult(target, region: 0, year: year, noJurisdiction)] }
        let areas: [RegionIndex]
        switch target.scope {
        case .county: areas = members(of: j, year: year)
        case .prefecture: areas = prefectures(of: j, year: year)
        case .jurisdiction: areas = [j]
        }
        return areas.map { evaluate(target, region: $0, year: year) }
    }

    /// The result of one target for one region.
    public func evaluate(_ target: Target, region: RegionIndex, year: Int) -> TargetResult {
        do {
            if let filter = target.filter, target.scope == .county {
                switch try applies(filter, to: region, year: year) {
                case .yes: break
                case .no:
                    return result(target, region, .notApplicable, Outcome(truth: .no, observed: nil), year: year,
                                  notes: [LocalizedText(zh: "不在适用范围：" + filter.describe(.zh), en: "outside the target's filter: " + filter.describe(.en))])
                case .unknown:
                    let id = filterFlag(filter) ?? ""
                    let missing = context.catalogue.lookup(id).map { [Missing(indicator: $0, region: region, year: year)] } ?? []
                    return result(target, region, .noData, Outcome(truth: .unknown, observed: nil, missing: missing), year: year,
                                  notes: [LocalizedText(zh: "无法判断是否适用", en: "cannot tell whether the target applies")])
                }
            }
            let kind = target.condition.kind
            if let b = target.baseline, let offset = kind.baselineOffset, year < b + offset {
                return result(target, region, .notApplicable, Outcome(truth: .no, observed: nil), year: year, notes: [
                    LocalizedText(zh: "目标以 \(b) 年为基期，\(year) 年尚无可比较的年份", en: "the target's baseline is \(b); \(year) has nothing to compare yet")])
            }
            // A comparison with the baseline across a merge or split, or from before the unit existed, is not made.
            if let b = target.baseline, b < year, kind.comparesWithBaseline, let why = seriesBreak(region, from: b, to: year) {
                return result(target, region, .noData, Outcome(truth: .unknown, observed: nil), year: year, notes: [why])
            }
            var outcome = try kind.evaluate(self, target, region: region, year: year)
            var status: Status
            var progress: Double?
            switch outcome.truth {
            case .yes: status = .met
            case .unknown: status = .noData
            case .no:
                if kind.isPath || target.deadline == nil || year >= target.deadline! {
                    status = .notMet
                } else {
                    (status, progress) = try kind.project(self, target, region: region, year: year, outcome: &outcome)
                }
            }
            if let d = target.deadline, year > d, !kind.isPath {
                let atDeadline = (try? kind.evaluate(self, target, region: region, year: d))?.truth ?? .unknown
                let s: Status = atDeadline == .yes ? .met : (atDeadline == .no ? .notMet : .noData)
                outcome.notes.append(LocalizedText(zh: "截止年 \(d) 年：\(s.label.zh)", en: "in the deadline year \(d): \(s.label.en)"))
            }
            var r = result(target, region, status, outcome, year: year, notes: [])
            r.progress = progress
            return r
        } catch let error as DeclarationError {
            return errorResult(target, region: region, year: year, error.message)
        } catch {
            return errorResult(target, region: region, year: year, LocalizedText("\(error)"))
        }
    }

    // MARK: - Reading values

    func indicatorIndex(_ id: String) throws -> IndicatorIndex { try context.indicatorIndex(id) }

    /// A quantity's value for a region in a year (a sum, a percentage, an indicator read as `value` reads it);
    /// nil when anything it needs is missing. Reviewers read their measures through this.
    public func value(of q: Quantity, _ region: RegionIndex, _ year: Int) -> Double? {
        (try? read(q, region, year))?.value
    }

    /// A quantity in the year before and in the year, when both are known and comparable (no merge or split of the
    /// unit between them): what year-on-year rules compare.
    public func yearOnYear(_ q: Quantity, _ region: RegionIndex, _ year: Int) -> (before: Double, now: Double)? {
        guard seriesBreak(region, from: year - 1, to: year) == nil,
              let b = value(of: q, region, year - 1), let n = value(of: q, region, year) else { return nil }
        return (b, n)
    }

    /// Why the region's values of `base` and `year` cannot be compared, if they cannot: it was set up after `base`,
    /// or its area changed in between by a merge or a split (unless the policy or a regions file declares its series
    /// comparable). Renames and transfers (划归) do not break a series.
    public func seriesBreak(_ region: RegionIndex, from base: Int, to year: Int) -> LocalizedText? {
        let r = regions[region]
        if let from = r.from, from > base, r.exists(in: year) {
            var zh = "\(r.nearestRecord(to: year).name) 于 \(from) 年设立", en = "\(r.nearestRecord(to: year).name) was set up in \(from)"
            if let p = regions.changes.predecessors(of: region, from: from) {
                let names = p.units.map { regions.describe($0, in: from - 1) }
                zh += "（由 " + names.joined(separator: "、") + " 的区域设立\(regions.citation(p.document, zh: true))）"
                en += " (from " + names.joined(separator: ", ") + regions.citation(p.document, zh: false) + ")"
            }
            return LocalizedText(zh: zh + "，\(base) 年没有可比的数值", en: en + "; there is no comparable value for \(base)")
        }
        guard let cut = context.lastBreak(region, after: base, through: year) else { return nil }
        // The changes behind it are read only now, to name them.
        let events = regions.changes.causes(ofBreakIn: cut, of: region, in: regions)
        let others = events.flatMap { [$0.from, $0.to] }.filter { $0 != region }
        var seen = Set<RegionIndex>()
        let names = others.filter { seen.insert($0).inserted }.prefix(6).map { regions.describe($0, in: cut - 1) }
        let doc = events.first { $0.document >= 0 }.map { regions.citation($0.document, zh: true) } ?? ""
        let docEN = events.first { $0.document >= 0 }.map { regions.citation($0.document, zh: false) } ?? ""
        let name = r.nearestRecord(to: year).name
        return LocalizedText(
            zh: "\(name) 的区域于 \(cut) 年变更（涉及 \(names.joined(separator: "、"))\(doc)），\(base) 年与 \(year) 年的数值不可比；"
                + "如数据已按新区划调整，请在地区 CSV 中为其加 series=continuous",
            en: "the area of \(name) changed in \(cut) (with \(names.joined(separator: ", "))\(docEN)): \(base) and \(year) are not comparable; "
                + "if the data is on the new boundaries, mark it series=continuous in a regions CSV")
    }

    func read(_ q: Quantity, _ region: RegionIndex, _ year: Int) throws -> Reading {
        switch q {
        case .indicator(let id):
            return try readIndicator(try indicatorIndex(id), region, year)
        case .own(let id):
            let i = try indicatorIndex(id)
            return store.value(i, region, year).map(Reading.exact) ?? .unknown([Missing(indicator: i, region: region, year: year)])
        case .sum(let parts):
            var total = Reading.exact(0)
            for p in parts { total.add(try read(p, region, year)) }
            return total
        case .percent(let a, let b):
            let (ra, rb) = (try read(a, region, year), try read(b, region, year))
            guard let x = ra.value, let y = rb.value else { return .unknown(ra.missing + rb.missing) }
            guard y != 0 else { return .unknown([], undefined: true) }
            return .exact(x / y * 100)
        case .mean(let x, let filter, let weight):
            return try mean(x, over: filter, weightedBy: weight, region, year)
        case .shareOfTotal(let id, let filter):
            let i = try indicatorIndex(id)
            let total = try readIndicator(i, region, year)
            var part = Reading.exact(0)
            for u in members(of: region, year: year) where try applies(filter, to: u, year: year) == .yes {
                part.add(try readIndicator(i, u, year))
            }
            guard let x = part.value, let y = total.value else { return .unknown(part.missing + total.missing) }
            guard y != 0 else { return .unknown([], undefined: true) }
            return .exact(x / y * 100)
        }
    }

    func readIndicator(_ i: IndicatorIndex, _ region: RegionIndex, _ year: Int) throws -> Reading {
        try context.readIndicator(i, region, year)
    }

    /// The mean over the area's units (a unit: itself) that the filter admits, of those with a value (and a weight).
    /// None with a value: unknown. Fewer than all: the mean of those, and the coverage says so.
    func mean(_ q: Quantity, over filter: UnitFilter?, weightedBy weight: Quantity?, _ region: RegionIndex, _ year: Int) throws -> Reading {
        var units = regions[region].type.isUnit ? [region] : members(of: region, year: year)
        if let filter { units = try units.filter { try applies(filter, to: $0, year: year) == .yes } }
        var sum = 0.0, weights = 0.0
        var covered = 0
        var missing: [Missing] = []
        var left: [RegionIndex] = []
        for u in units {
            let r = try read(q, u, year)
            let w = try weight.map { try read($0, u, year) }
            guard let v = r.value, let wv = w.map({ $0.value }) ?? 1.0 else {
                missing += r.missing + (w?.missing ?? [])
                left.append(u)
                continue
            }
            sum += v * wv
            weights += wv
            covered += 1
        }
        guard covered > 0 else { return .unknown(missing) }
        guard weights != 0 else { return .unknown([], undefined: true) }
        var r = Reading.exact(sum / weights)
        if covered < units.count { r.coverage = Reading.Coverage(covered: covered, of: units.count, left: left) }
        return r
    }

    func filterFlag(_ f: UnitFilter) -> String? {
        if case .flag(let id) = f { return id }
        return nil
    }

    func applies(_ filter: UnitFilter, to unit: RegionIndex, year: Int) throws -> Truth {
        switch filter {
        case .countyProper: return regions.type(of: unit, in: year).isCountyProper ? .yes : .no
        case .group(let g):
            return policy.isMember(unit, of: g, in: regions, year: year) ? .yes : .no
        case .flag(let id):
            guard let v = try readIndicator(try indicatorIndex(id), unit, year).value else { return .unknown }
            return v >= 0.5 ? .yes : .no
        }
    }

    // MARK: - What the condition kinds share

    func baseline(_ target: Target) throws -> Int {
        guard let b = target.baseline else {
            throw DeclarationError(message: LocalizedText(zh: "目标 \(target.id) 缺少基期年份", en: "target \(target.id) declares no baseline year"))
        }
        return b
    }

    /// "≥ x" on a reading: decided when its bounds allow, with what was missing or undefined said in the notes.
    func threshold(_ r: Reading, atLeast x: Double) -> Outcome {
        let truth: Truth
        if r.undefined {
            truth = .unknown
        } else if Tolerance.atLeast(r.lo, x) {
            truth = .yes
        } else if !Tolerance.atLeast(r.hi, x) {
            truth = .no
        } else {
            truth = .unknown
        }
        var o = Outcome(truth: truth, observed: r.value, gap: r.value.map { $0 - x }, threshold: x, missing: r.missing)
        if r.isPartial, truth == .yes {
            o.observed = r.lo
            o.missing = []
            o.notes.append(LocalizedText(
                zh: "有数据的单位合计已达到要求（\(Set(r.missing.map(\.region)).count) 个单位缺数据）",
                en: "the units with data already reach it (\(Set(r.missing.map(\.region)).count) units have no value)"))
        }
        o.notes += r.coverageNotes
        if r.undefined { o.notes.append(LocalizedText(zh: "分母为 0，无法计算比例", en: "the denominator is 0")) }
        return o
    }

    // MARK: - Results

    private func errorResult(_ target: Target, region: RegionIndex, year: Int, _ message: LocalizedText) -> TargetResult {
        TargetResult(target: target.id, region: region, scope: target.scope, status: .error, observed: nil,
                     required: target.requirement, unit: .none, deadline: target.deadline, strength: target.strength,
                     detail: message)
    }

    private func result(_ target: Target, _ region: RegionIndex, _ status: Status, _ outcome: Outcome, year: Int, notes extra: [LocalizedText]) -> TargetResult {
        // A sum or ratio that overflows (values near 1e308) is an error for this result, never a verdict on ±∞ or NaN.
        if let v = outcome.observed ?? outcome.gap, !v.isFinite {
            return errorResult(target, region: region, year: year, LocalizedText(
                zh: "计算溢出（\(v.isNaN ? "NaN" : "无穷大")）：检查输入数值的数量级与单位", en: "the computation overflows (\(v.isNaN ? "NaN" : "infinity")): check the magnitude and unit of the inputs"))
        }
        var notes = outcome.notes + extra
        // What was missing comes first; a no_data that notes say why (a baseline of 0) needs no "missing data".
        if !outcome.missing.isEmpty && status != .met || status == .noData && notes.isEmpty {
            notes.insert(describeMissing(outcome.missing, around: region), at: 0)
        }
        let zh = notes.map(\.zh).filter { !$0.isEmpty }.joined(separator: "；")
        let en = notes.map(\.en).filter { !$0.isEmpty }.joined(separator: "; ")
        return TargetResult(
            target: target.id, region: region, scope: target.scope, status: status, observed: outcome.observed,
            required: target.requirement, unit: target.condition.kind.unit(self, region: region), deadline: target.deadline,
            strength: target.strength, detail: LocalizedText(zh: zh, en: en), gap: outcome.gap, threshold: outcome.threshold)
    }

    /// "缺少数据：具备基本科学素质的公民比例 2019、2020 年（大通回族土族自治县 630121 等 2 个单位）".
    func describeMissing(_ missing: [Missing], around region: RegionIndex) -> LocalizedText {
        guard !missing.isEmpty else { return LocalizedText(zh: "缺少数据", en: "missing data") }
        var order: [IndicatorIndex] = []
        var years: [IndicatorIndex: Set<Int>] = [:]
        var places: [IndicatorIndex: [RegionIndex]] = [:]
        for m in missing {
            if years[m.indicator] == nil { order.append(m.indicator) }
            years[m.indicator, default: []].insert(m.year)
            if m.region != region, !(places[m.indicator]?.contains(m.region) ?? false) { places[m.indicator, default: []].append(m.region) }
        }
        var zh: [String] = [], en: [String] = []
        for i in order {
            let ind = context.catalogue[i]
            let ys = years[i]!.sorted().map(String.init)
            var z = "\(ind.name.zh)（\(ind.id)）\(ys.joined(separator: "、")) 年"
            var e = "\(ind.id) \(ys.joined(separator: ", "))"
            if let ps = places[i], !ps.isEmpty {
                let shown = ps.prefix(3).map { regions.describe($0) }
                z += "：" + shown.joined(separator: "、") + (ps.count > 3 ? " 等 \(ps.count) 个单位" : "")
                e += " for " + shown.joined(separator: ", ") + (ps.count > 3 ? " and \(ps.count - 3) more" : "")
            }
            zh.append(z)
            en.append(e)
        }
        return LocalizedText(zh: "缺少数据：" + zh.joined(separator: "；"), en: "missing: " + en.joined(separator: "; "))
    }

    /// The unit a quantity is given in (a flag over an area counts units: 个).
    public func unit(of q: Quantity, region: RegionIndex? = nil) -> MeasureUnit {
        switch q {
        case .indicator(let id):
            guard let i = context.catalogue.lookup(id) else { return .none }
            let ind = context.catalogue[i]
            return ind.kind == .flag && region.map({ !regions[$0].type.isUnit }) == true ? .ge : ind.unit
        case .own(let id):
            return context.catalogue.lookup(id).map { context.catalogue[$0].unit } ?? .none
        case .sum(let qs):
            let units = qs.map { unit(of: $0, region: region) }
            return units.first { $0 != .none } ?? .none
        case .percent, .shareOfTotal: return .percent
        case .mean(let x, _, _): return unit(of: x, region: region)
        }
    }

    /// The jurisdiction's units in `year` that a filter admits (all of them when nil): whom a reviewer rates.
    public func units(matching filter: UnitFilter?, year: Int) throws -> [RegionIndex] {
        let all = try jurisdictionUnits(year: year)
        guard let filter else { return all }
        return try all.filter { try applies(filter, to: $0, year: year) == .yes }
    }
}

// MARK: - Values without a policy

extension EvaluationContext {
    /// A value as the evaluator sees it: stored, else derived from its parts, else (for an area) the sum of its
    /// units; nil when anything it needs is missing. `rank` and `show` read values through this.
    public func value(_ i: IndicatorIndex, _ region: RegionIndex, _ year: Int) -> Double? {
        (try? readIndicator(i, region, year))?.value
    }

    /// Whether a region takes part in its area: any area or administrative unit; a functional zone only when the
    /// policy counts it (`zones`: none by default, so 大柴旦 is neither a gap nor a unit in Qinghai's sums) and it
    /// has data or a regions file declared it.
    func counts(_ region: RegionIndex) -> Bool {
        guard regions.type(of: region) == .zone else { return true }
        let r = regions[region]
        return zones.includes(r) && (r.isUserDefined || store.hasData(region))
    }

    /// The last year after `base`, up to `year` included, in which the region's series broke — unless a regions file
    /// or the policy declares it continuous.
    func lastBreak(_ region: RegionIndex, after base: Int, through year: Int) -> Int? {
        guard !regions[region].seriesContinuous, !continuousSeries.contains(region) else { return nil }
        return regions.breaks(of: region, after: base, through: year).last
    }

    func indicatorIndex(_ id: String) throws -> IndicatorIndex {
        guard let i = catalogue.lookup(id) else {
            throw DeclarationError(message: LocalizedText(zh: "策略包引用了目录中没有的指标 \(id)", en: "the package uses an indicator not in the catalogue: \(id)"))
        }
        return i
    }

    /// A stored value; else a derived one from its parts; else, for an area, the aggregate of its units.
    func readIndicator(_ i: IndicatorIndex, _ region: RegionIndex, _ year: Int) throws -> Reading {
        if let v = store.value(i, region, year) { return .exact(v) }
        let indicator = catalogue[i]
        let own = [Missing(indicator: i, region: region, year: year)]
        if let derivation = indicator.derivation {
            let r: Reading
            switch derivation {
            case .percentOf(let n, let d):
                let (a, b) = (try readIndicator(try indicatorIndex(n), region, year), try readIndicator(try indicatorIndex(d), region, year))
                if let x = a.value, let y = b.value {
                    r = y == 0 ? .unknown([], undefined: true) : .exact(x / y * 100)
                } else {
                    r = .unknown(a.missing + b.missing)
                }
            case .yearOnYearGrowth(let of):
                // No growth across a merge or split of the region's area: the two years measure different areas.
                if lastBreak(region, after: year - 1, through: year) != nil { return .unknown(own) }
                let j = try indicatorIndex(of)
                let (now, before) = (try readIndicator(j, region, year), try readIndicator(j, region, year - 1))
                if let a = now.value, let b = before.value {
                    r = b == 0 ? .unknown([], undefined: true) : .exact((a - b) / b * 100)
                } else {
                    r = .unknown(now.missing + before.missing)
                }
            }
            return r.value != nil || r.undefined ? r : .unknown(own)
        }
        guard indicator.kind.isAdditive else { return .unknown(own) }
        // Counts, amounts and flags are never negative: a missing one is somewhere in [0, ∞) (a flag in [0, 1]).
        let missingBound: Double = indicator.kind == .flag ? 1 : .infinity
        if regions[region].type.isUnit { return Reading(lo: 0, hi: missingBound, missing: own) }
        // An area sums its children: a unit's value, or a sub-area's own value where it has one, else its units.
        let parts = regions.children(of: region, in: year).filter(counts)
        guard !parts.isEmpty else { return .unknown(own) }
        var total = Reading.exact(0)
        for u in parts { total.add(try readIndicator(i, u, year)) }
        return total
    }
}

// MARK: - The policy's data

extension Evaluator {
    /// The indicators the targets read, with the parts of derived ones (rd_intensity: rd_expenditure and gdp).
    func dataInputs() -> [IndicatorIndex] {
        var out: [IndicatorIndex] = []
        var seen = Set<IndicatorIndex>()
        var stack = policy.targets.flatMap(\.inputs).compactMap { context.catalogue.lookup($0) }
        while let i = stack.popLast() {
            guard seen.insert(i).inserted else { continue }
            out.append(i)
            switch context.catalogue[i].derivation {
            case .percentOf(let n, let d)?: stack += [n, d].compactMap { context.catalogue.lookup($0) }
            case .yearOnYearGrowth(let of)?: stack += [of].compactMap { context.catalogue.lookup($0) }
            case nil: break
            }
        }
        return out
    }

    /// The jurisdiction and every area and unit it has held in any year.
    func jurisdictionRegions() -> [RegionIndex] {
        guard let j = jurisdiction else { return [] }
        var out: [RegionIndex] = []
        var seen = Set<RegionIndex>()
        var stack = [j]
        while let r = stack.popLast() {
            guard seen.insert(r).inserted else { continue }
            out.append(r)
            stack += regions.children(of: r, in: nil)
        }
        return out.filter { store.hasData($0) }
    }

    /// How many values of the indicators the targets read the jurisdiction (itself, its areas and units) has, by year.
    public func coverage() -> [Int: Int] {
        let regions = jurisdictionRegions()
        var counts: [Int: Int] = [:]
        for i in dataInputs() {
            for r in regions {
                for y in store.years(i, r) { counts[y, default: 0] += 1 }
            }
        }
        return counts
    }

    /// The latest year in which the jurisdiction has a value of an indicator the targets read. nil when it has none.
    public func latestYearWithData() -> Int? { coverage().keys.max() }

    /// The evaluation year when none is given: the latest year with at least half the values of the best-covered
    /// year, so that one county's early figures for next year do not turn every other result into 数据不足. Also the
    /// later years it passed over. nil when the jurisdiction has no value at all.
    public func defaultYear() -> (year: Int, later: [(year: Int, values: Int)], values: Int)? {
        let counts = coverage()
        guard let best = counts.values.max() else { return nil }
        let years = counts.keys.sorted()
        guard let year = years.last(where: { 2 * counts[$0]! >= best }) else { return nil }
        return (year, years.filter { $0 > year }.map { ($0, counts[$0]!) }, counts[year]!)
    }

    /// Whether the jurisdiction has any value of an indicator the targets read in `year`.
    public func hasData(in year: Int) -> Bool {
        let regions = jurisdictionRegions()
        return dataInputs().contains { i in regions.contains { store.value(i, $0, year) != nil } }
    }
}
