import CIECore

/// The text of `explain TARGET`, also used by the generated docs.
public enum Explain {
    public static func text(_ t: Target, policy: any PolicyModule, catalogue: IndicatorCatalogue, language l: Language) -> String {
        let zh = l == .zh
        var lines: [String] = []
        lines.append("\(t.id)  \(t.title(l))")
        let d = policy.document
        lines.append((zh ? "文件：" : "Document: ") + (d.number.isEmpty ? "" : d.number) + "《\(d.title)》"
            + (d.status == .draft ? (zh ? "（征求意见稿）" : " (draft for comment)") : ""))
        lines.append((zh ? "条款：" : "Clause: ") + t.clause)
        lines.append((zh ? "原文：" : "Original: ") + "“\(t.original)”")
        lines.append((zh ? "条件：" : "Condition: ") + t.condition.describe(baseline: t.baseline, catalogue: catalogue, l))
        lines.append((zh ? "要求：" : "Required: ") + t.requirement(l))
        var scope = t.scope.label(l)
        if let f = t.filter { scope += zh ? "，仅限" + f.describe(l) : ", only " + f.describe(l) }
        lines.append((zh ? "范围：" : "Scope: ") + scope)
        lines.append((zh ? "期限：" : "Deadline: ") + (t.deadline.map { zh ? "\($0) 年" : String($0) } ?? (zh ? "无截止年，每年都须满足" : "none: it must hold every year")))
        if let b = t.baseline { lines.append((zh ? "基期：" : "Baseline: ") + (zh ? "\(b) 年" : String(b))) }
        // The id beside the Chinese label (for --status, JSON); in English the label is the id.
        lines.append(zh ? "强度：" + t.strength.label.zh + "（\(t.strength.rawValue)）" : "Strength: " + t.strength.label.en)
        if t.isDraft {
            lines.append(zh ? "草拟：是（draft: true），待核对原文后确认或删去" : "Draft: yes (draft: true), to be checked against the text, then confirmed or removed")
        }
        lines.append(zh ? "所需指标：" : "Inputs:")
        for id in t.inputs {
            if let i = catalogue.lookup(id) {
                let ind = catalogue[i]
                let unit = ind.kind == .flag ? (zh ? "是/否" : "yes/no") : (ind.unit == .none ? (zh ? "无单位" : "no unit") : ind.unit.label(l))
                var s = "  \(ind.id)  \(ind.name(l))  [\(unit)]"
                if case .percentOf(let n, let d)? = ind.derivation { s += zh ? "  可由 \(n) / \(d) × 100 算出" : "  derived: \(n) / \(d) × 100" }
                if case .yearOnYearGrowth(let of)? = ind.derivation { s += zh ? "  可由 \(of) 的同比增幅算出" : "  derived: year-on-year growth of \(of)" }
                lines.append(s)
            } else {
                lines.append("  \(id)")
            }
        }
        if let r = t.reading { lines.append((zh ? "解读：" : "Reading: ") + r(l)) }
        if t.deadline != nil, !t.condition.isPath {
            lines.append(zh ? "进度：截止年前未达标时，按自基期的年均变化与所需年均变化之比（进度比）判断，≥ 0.95 为进展顺利。"
                         : "Progress: before the deadline, a result not yet met is on track when the progress ratio (observed over required average annual change since the baseline) is ≥ 0.95.")
        }
        if !t.examples.isEmpty {
            lines.append(zh ? "示例：" : "Examples:")
            for e in t.examples {
                lines.append(zh ? "  \(e.title.zh)（\(e.year)）" : "  \(e.title.en) (\(e.year))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
