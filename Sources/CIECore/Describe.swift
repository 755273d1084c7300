/// Human-readable renderings of declarations, shared by `explain`, reports and the generated docs.
public enum Describe {
    /// The short requirement printed in a result's `required` (`≥ 4.5`, `1–2`, `每年 ≥ 300（自 2018 年）`).
    public static func requirement(_ target: Target) -> LocalizedText {
        requirement(target.condition, baseline: target.baseline)
    }

    public static func requirement(_ c: Condition, baseline b: Int?) -> LocalizedText {
        let since = b.map { LocalizedText(zh: "（自 \($0) 年）", en: " (since \($0))") } ?? LocalizedText("")
        let n = { (x: Double) in formatNumber(x) }
        switch c {
        case .atLeast(_, let x): return LocalizedText("≥ \(n(x))")
        case .atMost(_, let x): return LocalizedText("≤ \(n(x))")
        case .range(_, let lo, let hi): return LocalizedText("\(n(lo))–\(n(hi))")
        case .exists: return LocalizedText(zh: "有", en: "exists")
        case .share(_, _, let p): return LocalizedText(zh: "≥ \(n(p))% 的单位", en: "≥ \(n(p))% of units")
        case .avgAnnualIncrease(_, let d): return LocalizedText(zh: "年均提高 ≥ \(n(d))" + since.zh, en: "average annual increase ≥ \(n(d))" + since.en)
        case .multiple(_, let k): return LocalizedText(zh: "≥ \(n(k)) × \(b.map(String.init) ?? "基期") 年值", en: "≥ \(n(k)) × the \(b.map(String.init) ?? "baseline") value")
        case .nonDecreasing: return LocalizedText(zh: "只增不减" + since.zh, en: "never decreasing" + since.en)
        case .increasing: return LocalizedText(zh: "逐年提高" + since.zh, en: "rising every year" + since.en)
        case .everyYearAtLeast(_, let x): return LocalizedText(zh: "每年 ≥ \(n(x))" + since.zh, en: "every year ≥ \(n(x))" + since.en)
        case .all(let parts):
            let rs = parts.map { requirement($0, baseline: b) }
            return LocalizedText(zh: rs.map(\.zh).joined(separator: " 且 "), en: rs.map(\.en).joined(separator: " and "))
        case .any(let parts):
            let rs = parts.map { requirement($0, baseline: b) }
            return LocalizedText(zh: rs.map(\.zh).joined(separator: " 或 "), en: rs.map(\.en).joined(separator: " or "))
        }
    }

    public static func quantity(_ q: Quantity, catalogue: IndicatorCatalogue, _ language: Language) -> String {
        switch q {
        case .indicator(let id):
            guard let i = catalogue.lookup(id) else { return id }
            return "\(catalogue[i].name(language)) [\(id)]"
        case .sum(let qs):
            return qs.map { quantity($0, catalogue: catalogue, language) }.joined(separator: " + ")
        case .percent(let a, let b):
            return "\(quantity(a, catalogue: catalogue, language)) / \(quantity(b, catalogue: catalogue, language)) × 100%"
        case .shareOfTotal(let id, let filter):
            let name = quantity(.indicator(id), catalogue: catalogue, language)
            return language == .zh ? "\(filter.describe(.zh))的\(name)占全域的比重(%)" : "share (%) of \(name) held by \(filter.describe(.en))"
        }
    }

    /// The full condition, in words, for `explain`.
    public static func condition(_ c: Condition, baseline b: Int?, catalogue: IndicatorCatalogue, _ language: Language) -> String {
        let zh = language == .zh
        let q = { (x: Quantity) in quantity(x, catalogue: catalogue, language) }
        let n = { (x: Double) in formatNumber(x) }
        let base = b.map(String.init) ?? (zh ? "基期" : "the baseline")
        switch c {
        case .atLeast(let x, let v): return "\(q(x)) ≥ \(n(v))"
        case .atMost(let x, let v): return "\(q(x)) ≤ \(n(v))"
        case .range(let x, let lo, let hi):
            return zh ? "\(q(x)) 在 \(n(lo))—\(n(hi)) 之间（≥ \(n(lo)) 即达标；高于 \(n(hi)) 报告为“高于计划”，仍达标）"
                : "\(q(x)) within \(n(lo))–\(n(hi)) (met at ≥ \(n(lo)); above \(n(hi)) is reported as above plan, still met)"
        case .exists(let x): return zh ? "\(q(x)) 为“是”或 ≥ 1" : "\(q(x)) is true or ≥ 1"
        case .share(let inner, let filter, let p):
            let scope = filter.map { $0.describe(language) } ?? (zh ? "全部单位" : "all units")
            return zh ? "\(scope)中满足「\(condition(inner, baseline: b, catalogue: catalogue, language))」的比例 ≥ \(n(p))%"
                : "the share of \(scope) satisfying [\(condition(inner, baseline: b, catalogue: catalogue, language))] ≥ \(n(p))%"
        case .avgAnnualIncrease(let x, let d):
            return zh ? "(\(q(x))[y] − \(q(x))[\(base)]) / (y − \(base)) ≥ \(n(d))（按指标自身单位，百分比即百分点）"
                : "(\(q(x))[y] − \(q(x))[\(base)]) / (y − \(base)) ≥ \(n(d)) (in the indicator's own unit: percentage points for a percentage)"
        case .multiple(let x, let k): return "\(q(x))[y] ≥ \(n(k)) × \(q(x))[\(base)]"
        case .nonDecreasing(let x):
            return zh ? "\(base)+1…y 每年 \(q(x))[t] ≥ \(q(x))[t−1]" : "\(q(x))[t] ≥ \(q(x))[t−1] for every t in \(base)+1…y"
        case .increasing(let x):
            return zh ? "\(base)+1…y 每年 \(q(x))[t] > \(q(x))[t−1]（严格提高）" : "\(q(x))[t] > \(q(x))[t−1] for every t in \(base)+1…y (strictly)"
        case .everyYearAtLeast(let x, let v):
            return zh ? "\(base)…y 每年 \(q(x)) ≥ \(n(v))" : "\(q(x)) ≥ \(n(v)) in every year \(base)…y"
        case .all(let parts):
            return parts.map { condition($0, baseline: b, catalogue: catalogue, language) }.joined(separator: zh ? "；且 " : "; and ")
        case .any(let parts):
            return parts.map { condition($0, baseline: b, catalogue: catalogue, language) }.joined(separator: zh ? "；或 " : "; or ")
        }
    }
}
