import CIECore

/// Docs/Evaluation.md, "Strength": one rule decides a target's strength from the words of its sentence. The drafter
/// proposes strengths by it, and a test holds every built-in target to it.
public enum StrengthRule {
    public static let words: [(String, Strength)] = [
        ("力争", .striving), ("争取", .striving), ("力求", .striving),
        ("鼓励", .encouraged), ("支持", .encouraged), ("有条件的县", .encouraged), ("根据财力可能", .encouraged),
        ("要", .binding), ("确保", .binding), ("必须", .binding),
    ]
    /// 要 inside other words is no governing word.
    static let notModal = ["主要", "重要", "需要", "要求", "要素", "纲要", "必要"]

    /// The first governing word of a piece of text, if any: the word and the strength it gives.
    public static func governing(_ text: String) -> (word: String, strength: Strength)? {
        var best: (String.Index, String, Strength)?
        for (word, strength) in words {
            var from = text.startIndex
            while let r = text.range(of: word, range: from..<text.endIndex) {
                from = r.upperBound
                if word == "要", notModal.contains(where: { m in
                    let lo = text.index(r.lowerBound, offsetBy: -1, limitedBy: text.startIndex) ?? r.lowerBound
                    let hi = text.index(r.upperBound, offsetBy: 1, limitedBy: text.endIndex) ?? r.upperBound
                    return text[lo..<hi].contains(m)
                }) { continue }
                if best == nil || r.lowerBound < best!.0 { best = (r.lowerBound, word, strength) }
                break
            }
        }
        return best.map { ($0.1, $0.2) }
    }

    /// The rule for a quotation in a text: the commitment's own words (its clause up to the end of the quotation)
    /// first; else the nearest earlier clause of the same sentence with a governing word; else binding (a sentence
    /// without one states what the document sets). Nil when the quotation is not in the text; `word` is nil for the
    /// default.
    public static func strength(of original: String, in text: String) -> (strength: Strength, word: String?)? {
        let flat = unspaced(text)
        let quote = unspaced(original)
        guard !quote.isEmpty, let r = flat.range(of: quote) else { return nil }
        let start = flat[..<r.lowerBound].lastIndex(where: { "。！？".contains($0) }).map { flat.index(after: $0) } ?? flat.startIndex
        let before = flat[start..<r.lowerBound]
        let clauses = before.split(omittingEmptySubsequences: false, whereSeparator: { "，,；;：:".contains($0) }).map(String.init)
        if let own = governing((clauses.last ?? "") + quote) { return (own.strength, own.word) }
        for clause in clauses.dropLast().reversed() {
            if let s = governing(clause) { return (s.strength, s.word) }
        }
        return (.binding, nil)
    }

    /// A text without its spaces and line breaks (full-width spaces too), as quotations are compared.
    public static func unspaced(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }
}
