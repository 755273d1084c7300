import CIECore
import CIEPolicyFormat

/// A draft measured against a finished package of the same text (Docs/Drafting.md, "How well it drafts").
///
/// A reference target is *found* when a proposal quotes an overlapping stretch of the text (at least half of the
/// shorter quotation) in the same clause. For each found target, the best such proposal (the same indicator first,
/// then the same numbers) is compared part by part. *Precision* counts the proposals that overlap some reference
/// target's sentence.
public struct DraftScore: Sendable {
    public struct Pair: Sendable {
        public var reference: Target
        public var proposal: Target?
        public var sameClause: Bool
    }
    public var pairs: [Pair]
    public var proposals: Int
    public var precise: Int

    public init(draft: PolicyPackage, reference: PolicyPackage) {
        let flat = PolicyText.normalize(StrengthRule.unspaced(reference.text))
        func span(_ quote: String) -> Range<Int>? {
            let q = PolicyText.normalize(StrengthRule.unspaced(quote))
            guard !q.isEmpty, q.count <= flat.count else { return nil }
            var k = 0
            while k + q.count <= flat.count {
                if flat[k] == q[0], Array(flat[k..<(k + q.count)]) == q { return k..<(k + q.count) }
                k += 1
            }
            return nil
        }
        func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            let shared = max(0, min(a.upperBound, b.upperBound) - max(a.lowerBound, b.lowerBound))
            return shared * 2 >= min(a.count, b.count) && shared > 0
        }
        func clause(_ s: String) -> String { String(PolicyText.normalize(s).filter { $0 != " " }) }
        let proposed = draft.targets.map { ($0, span($0.original)) }
        var pairs: [Pair] = []
        for r in reference.targets {
            guard let rs = span(r.original) else {
                pairs.append(Pair(reference: r, proposal: nil, sameClause: false))
                continue
            }
            let near = proposed.filter { $0.1.map { overlaps($0, rs) } ?? false }.map(\.0)
            let inClause = near.filter { clause($0.clause) == clause(r.clause) }
            let pool = inClause.isEmpty ? near : inClause
            let best = pool.max { a, b in DraftScore.likeness(a, r) < DraftScore.likeness(b, r) }
            pairs.append(Pair(reference: r, proposal: best, sameClause: !inClause.isEmpty))
        }
        self.pairs = pairs
        self.proposals = draft.targets.count
        let spans = reference.targets.compactMap { span($0.original) }
        self.precise = proposed.filter { p in p.1.map { s in spans.contains { overlaps($0, s) } } ?? false }.count
    }

    static func likeness(_ a: Target, _ r: Target) -> Int {
        (sameIndicator(a, r) ? 4 : 0) + (sameNumbers(a, r) ? 2 : 0) + (a.scope == r.scope ? 1 : 0)
    }

    static func sameIndicator(_ a: Target, _ r: Target) -> Bool {
        !Set(a.condition.indicators).isDisjoint(with: r.condition.indicators) || !Set(a.filter?.indicators ?? []).isDisjoint(with: r.condition.indicators)
    }

    static func sameNumbers(_ a: Target, _ r: Target) -> Bool {
        let x = a.condition.numbers, y = r.condition.numbers
        guard x.count == y.count else {
            // A share's inner "at least 1" beside its percentage, a coverage "≥ 1" written as exists: the numbers that
            // say something agree.
            return Set(x.filter { $0 != 1 }) == Set(y.filter { $0 != 1 }) && !(x.isEmpty && !y.isEmpty)
        }
        return zip(x, y).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($1)) }
    }

    public var found: [Pair] { pairs.filter { $0.proposal != nil && $0.sameClause } }
    public var recall: Double { pairs.isEmpty ? 1 : Double(found.count) / Double(pairs.count) }
    public var precision: Double { proposals == 0 ? 1 : Double(precise) / Double(proposals) }

    /// Of the found targets, the share whose part agrees.
    public func agreement(_ part: Part) -> Double {
        let f = found
        guard !f.isEmpty else { return 1 }
        return Double(f.filter { agrees(part, $0) }.count) / Double(f.count)
    }

    public enum Part: String, CaseIterable, Sendable {
        case deadline, strength, threshold, scope, indicator
    }

    public func agrees(_ part: Part, _ pair: Pair) -> Bool {
        guard let p = pair.proposal else { return false }
        let r = pair.reference
        switch part {
        case .deadline: return p.deadline == r.deadline
        case .strength: return p.strength == r.strength
        case .threshold: return DraftScore.sameNumbers(p, r)
        case .scope: return p.scope == r.scope
        case .indicator: return DraftScore.sameIndicator(p, r)
        }
    }

    func percent(_ x: Double) -> String { formatNumber((x * 1000).rounded() / 10) + "%" }

    /// One line: recall, precision and the agreement of each part.
    public func summary(_ l: Language) -> String {
        let parts = Part.allCases.map { "\($0.label(l)) \(percent(agreement($0)))" }.joined(separator: l == .zh ? "，" : ", ")
        return l == .zh
            ? "与参照策略包相比：召回 \(found.count)/\(pairs.count)（\(percent(recall))），精确 \(precise)/\(proposals)（\(percent(precision))）；找到的目标中 \(parts)"
            : "against the reference package: recall \(found.count)/\(pairs.count) (\(percent(recall))), precision \(precise)/\(proposals) (\(percent(precision))); of the targets found, \(parts)"
    }

    /// What the draft missed or read otherwise, one line each.
    public func misses(_ l: Language) -> [String] {
        var out: [String] = []
        for pair in pairs {
            guard let p = pair.proposal, pair.sameClause else {
                out.append((l == .zh ? "未找到 " : "not found ") + "\(pair.reference.id) \(pair.reference.clause) “\(pair.reference.original)”")
                continue
            }
            let wrong = Part.allCases.filter { !agrees($0, pair) }
            if !wrong.isEmpty {
                out.append("\(pair.reference.id) ↔ \(p.id): " + wrong.map { part -> String in
                    let r = pair.reference
                    switch part {
                    case .deadline: return "\(part.label(l)) \(p.deadline.map(String.init) ?? "—") ≠ \(r.deadline.map(String.init) ?? "—")"
                    case .strength: return "\(part.label(l)) \(p.strength.rawValue) ≠ \(r.strength.rawValue)"
                    case .threshold: return "\(part.label(l)) \(p.condition.numbers.map { formatNumber($0) }) ≠ \(r.condition.numbers.map { formatNumber($0) })"
                    case .scope: return "\(part.label(l)) \(p.scope.rawValue) ≠ \(r.scope.rawValue)"
                    case .indicator: return "\(part.label(l)) \(p.condition.indicators.joined(separator: "+")) ≠ \(r.condition.indicators.joined(separator: "+"))"
                    }
                }.joined(separator: l == .zh ? "；" : "; "))
            }
        }
        return out
    }
}

extension DraftScore.Part {
    public func label(_ l: Language) -> String {
        switch self {
        case .deadline: l == .zh ? "期限" : "deadline"
        case .strength: l == .zh ? "强度" : "strength"
        case .threshold: l == .zh ? "阈值" : "threshold"
        case .scope: l == .zh ? "范围" : "scope"
        case .indicator: l == .zh ? "指标" : "indicator"
        }
    }
}
