/// Composite scores for evaluation reviewers (Qinghai's four dimensions, Jilin's level and progress), built the way
/// the OECD/JRC *Handbook on Constructing Composite Indicators* and the JRC's COINr package describe: measures are
/// normalised (min–max to 0–100 within the comparison group), averaged into dimensions, and dimensions are weighted.
/// Because honours and money follow the ranks, the ranks' stability is measured by an uncertainty analysis: the
/// weights are perturbed at random many times (seeded, so a report can be reproduced) and each unit's range of
/// ranks is reported, with how often it stays within the cut-off.
public enum Composite {
    /// One measure of a dimension: a quantity in the year, or its change since the year before.
    public struct Measure: Sendable {
        /// `level`: v[y]; `change`: v[y] − v[y−1] (percentage points for a percentage); `growth`: (v[y] − v[y−1]) / |v[y−1]| × 100.
        public enum Kind: Sendable { case level, change, growth }
        public var quantity: Quantity
        public var kind: Kind
        public var label: LocalizedText
        public init(_ quantity: Quantity, _ kind: Kind = .level, label: LocalizedText) {
            self.quantity = quantity
            self.kind = kind
            self.label = label
        }
    }

    /// A dimension: the mean of its normalised measures.
    public struct Dimension: Sendable {
        public var id: String
        public var name: LocalizedText
        public var measures: [Measure]
        public init(id: String, name: LocalizedText, measures: [Measure]) {
            self.id = id
            self.name = name
            self.measures = measures
        }
    }

    /// How the uncertainty analysis perturbs the weights.
    public struct Perturbation: Sendable {
        /// Runs; 0 turns the analysis off.
        public var runs: Int
        /// Each weight is multiplied by a factor drawn uniformly from 1 ± spread, then the weights are rescaled to sum to 1.
        public var spread: Double
        public var seed: UInt64
        public init(runs: Int = 1000, spread: Double = 0.25, seed: UInt64 = 1) {
            self.runs = runs
            self.spread = spread
            self.seed = seed
        }
    }

    /// One unit's outcome.
    public struct Score: Sendable {
        public var region: RegionIndex
        public var group: Int
        /// nil when a dimension has no measure with data.
        public var total: Double?
        /// Per dimension, 0–100; nil where no measure has data.
        public var dimensions: [Double?]
        /// Measures that had no value (indicator labels).
        public var missing: [LocalizedText]
        public var rank: Int?
        public var rankRange: ClosedRange<Int>?
        /// The share of perturbation runs in which the unit ranked within the cut-off.
        public var selectedShare: Double?
        public var selected: Bool
    }

    /// The weights to use: the defaults (equal) overridden by `given`, rescaled to sum to 1. A dimension is named by
    /// its id or its name in either language (`talent`, `人才引进`). Throws a message naming the valid names when a key
    /// is unknown or a weight is negative or all are zero.
    public static func weights(_ dimensions: [Dimension], given: [String: Double]) throws -> [Double] {
        var byID: [String: Double] = [:]
        for (k, v) in given.sorted(by: { $0.key < $1.key }) {
            guard let d = dimensions.first(where: { $0.id == k || $0.name.zh == k || $0.name.en.lowercased() == k.lowercased() }) else {
                let names = dimensions.map { "\($0.id)（\($0.name.zh)）" }.joined(separator: "、")
                let near = nearestNames(k, among: dimensions.flatMap { [$0.id, $0.name.zh] })
                throw ReviewError(LocalizedText(
                    zh: "没有名为“\(k)”的维度" + (near.isEmpty ? "" : "（是否指 \(near.joined(separator: "、"))？）") + "：可用 \(names)" + (dimensions.first.map { "，例如 --weights \($0.name.zh)=2" } ?? ""),
                    en: "no dimension “\(k)”" + (near.isEmpty ? "" : " (did you mean \(near.joined(separator: " or "))?)") + ": use \(dimensions.map(\.id).joined(separator: ", "))" + (dimensions.first.map { ", e.g. --weights \($0.id)=2" } ?? "")))
            }
            guard v >= 0, v.isFinite else {
                throw ReviewError(LocalizedText(zh: "权重须为非负数：\(k)=\(formatNumber(v))", en: "weights must be non-negative: \(k)=\(formatNumber(v))"))
            }
            guard byID[d.id] == nil || byID[d.id] == v else {
                throw ReviewError(LocalizedText(zh: "维度“\(d.name.zh)”给了两个权重", en: "the dimension “\(d.name.en)” is given two weights"))
            }
            byID[d.id] = v
        }
        let raw = dimensions.map { byID[$0.id] ?? 1 }
        // Divide by the largest first, so that huge weights (1e308) cannot overflow the sum.
        let largest = raw.max() ?? 0
        guard largest > 0 else { throw ReviewError(LocalizedText(zh: "权重不能全为 0", en: "the weights cannot all be 0")) }
        let scaled = raw.map { $0 / largest }
        let sum = scaled.reduce(0, +)
        return scaled.map { $0 / sum }
    }

    /// Which units are selected (优秀, 绩效拨款优先): the first share of the units or the first number of them.
    public enum Cutoff: Sendable, Equatable {
        /// A share in (0, 1]: 0.2 is the first fifth, at least one unit.
        case share(Double)
        /// A number of units, at least 1.
        case count(Int)

        /// Reads `20%` or `0.2` (a share) or `5` (a number of units); nil for anything else.
        public init?(_ text: String) {
            let t = text.trimmingSpaces()
            if t.hasSuffix("%") || t.hasSuffix("％") {
                guard let p = Double(String(t.dropLast()).trimmingSpaces()), p > 0, p <= 100 else { return nil }
                self = .share(p / 100)
            } else if let n = Int(t) {
                guard n >= 1 else { return nil }
                self = .count(n)
            } else if let v = Double(t), v > 0, v < 1 {
                self = .share(v)
            } else {
                return nil
            }
        }

        /// How many of `n` units it selects.
        public func size(of n: Int) -> Int {
            guard n > 0 else { return 0 }
            switch self {
            case .count(let k): return min(k, n)
            case .share(let s): return max(1, min(n, Int((s * Double(n) - 1e-9).rounded(.up))))
            }
        }

        /// How it is written on the command line and in a package: `20%`, `5`.
        public var written: String {
            switch self {
            case .share(let s): formatNumber(s * 100, digits: 6) + "%"
            case .count(let k): String(k)
            }
        }

        /// As a method text says it.
        public var described: LocalizedText {
            switch self {
            case .share(let s): LocalizedText(zh: "前 \(formatNumber(s * 100, digits: 6))%（至少 1 个）", en: "the top \(formatNumber(s * 100, digits: 6))% (at least one unit)")
            case .count(let k): LocalizedText(zh: "前 \(k) 名", en: "the top \(k)")
            }
        }

        /// What a reader should write instead of something else.
        public static let expected = LocalizedText(zh: "比例（如 20%）或个数（如 5）", en: "a share (such as 20%) or a number of units (such as 5)")
    }

    /// Scores units in groups (each normalised and ranked within its group).
    /// - Parameters:
    ///   - groups: the units of each comparison group.
    ///   - value: reads a measure for a unit in the year (nil when missing).
    public static func score(
        groups: [[RegionIndex]], dimensions: [Dimension], weights: [Double], cutoff: Cutoff, perturbation: Perturbation,
        value: (Measure, RegionIndex) -> Double?
    ) -> (scores: [Score], unavailable: [LocalizedText]) {
        var out: [Score] = []
        var unavailable: [LocalizedText] = []
        var rng = SplitMix64(seed: perturbation.seed)
        for (g, units) in groups.enumerated() {
            // Normalise each measure within the group: min–max to 0–100.
            var dimScores = Array(repeating: [Double?](repeating: nil, count: dimensions.count), count: units.count)
            var missing = Array(repeating: [LocalizedText](), count: units.count)
            for (d, dimension) in dimensions.enumerated() {
                var sums = [Double](repeating: 0, count: units.count)
                var counts = [Int](repeating: 0, count: units.count)
                for m in dimension.measures {
                    let raw = units.map { value(m, $0) }
                    let present = raw.compactMap { $0 }
                    // A measure nobody in the group has is left out (and named in the method), not charged to each unit.
                    guard let lo = present.min(), let hi = present.max() else {
                        if !units.isEmpty, !unavailable.contains(m.label) { unavailable.append(m.label) }
                        continue
                    }
                    for (u, v) in raw.enumerated() {
                        guard let v else { missing[u].append(m.label); continue }
                        // Where every unit has the same value the measure does not discriminate: 100 if any, else 0.
                        sums[u] += hi > lo ? (v - lo) / (hi - lo) * 100 : (v > 0 ? 100 : 0)
                        counts[u] += 1
                    }
                }
                for u in units.indices where counts[u] > 0 { dimScores[u][d] = sums[u] / Double(counts[u]) }
            }
            func totals(_ w: [Double]) -> [Double?] {
                dimScores.map { ds in
                    var t = 0.0
                    for (d, s) in ds.enumerated() {
                        guard let s else { return nil }
                        t += w[d] * s
                    }
                    return t
                }
            }
            let nominal = totals(weights)
            let ranks = competitionRanks(nominal)
            let scored = nominal.compactMap { $0 }.count
            let cut = cutoff.size(of: scored)
            // Uncertainty analysis: ranks under perturbed weights.
            var lo = ranks.map { $0 ?? Int.max }
            var hi = ranks.map { $0 ?? 0 }
            var selectedRuns = [Int](repeating: 0, count: units.count)
            var runs = 0
            if perturbation.runs > 0, scored > 1 {
                for _ in 0..<perturbation.runs {
                    if Cancellation.isRequested { break }
                    var w = weights.map { $0 * (1 + perturbation.spread * (2 * rng.nextUnit() - 1)) }
                    let s = w.reduce(0, +)
                    w = w.map { $0 / s }
                    let r = competitionRanks(totals(w))
                    for u in units.indices {
                        guard let ru = r[u] else { continue }
                        lo[u] = min(lo[u], ru)
                        hi[u] = max(hi[u], ru)
                        if ru <= cut { selectedRuns[u] += 1 }
                    }
                    runs += 1
                }
            }
            for (u, region) in units.enumerated() {
                let rank = ranks[u]
                out.append(Score(
                    region: region, group: g, total: nominal[u], dimensions: dimScores[u], missing: missing[u], rank: rank,
                    rankRange: rank == nil ? nil : (runs > 0 ? lo[u]...hi[u] : rank!...rank!),
                    selectedShare: rank == nil || runs == 0 ? nil : Double(selectedRuns[u]) / Double(runs),
                    selected: rank.map { $0 <= cut } ?? false))
            }
        }
        return (out, unavailable)
    }

    /// Competition ranks, highest first (1, 1, 3); nil for a missing score.
    static func competitionRanks(_ scores: [Double?]) -> [Int?] {
        let order = scores.indices.filter { scores[$0] != nil }.sorted { scores[$0]! > scores[$1]! }
        var ranks = [Int?](repeating: nil, count: scores.count)
        for (position, i) in order.enumerated() {
            if position > 0, let prev = ranks[order[position - 1]], Tolerance.equal(scores[order[position - 1]]!, scores[i]!) {
                ranks[i] = prev
            } else {
                ranks[i] = position + 1
            }
        }
        return ranks
    }
}

/// A reviewer's refusal, in both languages (an unknown weight, a missing pool).
public struct ReviewError: Error, CustomStringConvertible, Sendable {
    public var message: LocalizedText
    public init(_ message: LocalizedText) { self.message = message }
    public var description: String { message.en }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, fast, seedable generator, so a stability analysis gives the same
/// ranges on every machine for the same seed. Written by hand because the standard library's generator cannot be seeded.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
