import CIEBuiltinPolicies
import CIECore
import CIEPolicyFormat
import Testing

/// Docs/Evaluation.md, "Strength": one rule decides every target's strength from the words of its sentence. The test
/// applies the rule to every built-in target's sentence in its package's text and compares it with the declared strength,
/// so a package that reads one sentence by another rule fails here.
@Suite struct StrengthRuleTests {
    static let words: [(String, Strength)] = [
        ("力争", .striving), ("争取", .striving), ("力求", .striving),
        ("鼓励", .encouraged), ("支持", .encouraged), ("有条件的县", .encouraged), ("根据财力可能", .encouraged),
        ("要", .binding), ("确保", .binding), ("必须", .binding),
    ]
    /// 要 inside other words is no governing word.
    static let notModal = ["主要", "重要", "需要", "要求", "要素", "纲要", "必要"]

    /// The first governing word of a piece of text, if any.
    static func governing(_ text: String) -> Strength? {
        var best: (String.Index, Strength)?
        for (word, strength) in words {
            var from = text.startIndex
            while let r = text.range(of: word, range: from..<text.endIndex) {
                from = r.upperBound
                if word == "要", notModal.contains(where: { m in
                    let lo = text.index(r.lowerBound, offsetBy: -1, limitedBy: text.startIndex) ?? r.lowerBound
                    let hi = text.index(r.upperBound, offsetBy: 1, limitedBy: text.endIndex) ?? r.upperBound
                    return text[lo..<hi].contains(m)
                }) { continue }
                if best == nil || r.lowerBound < best!.0 { best = (r.lowerBound, strength) }
                break
            }
        }
        return best?.1
    }

    /// The rule: the commitment's own words (its clause up to the end of the quotation) first; else the nearest earlier
    /// clause of the same sentence with a governing word; else binding.
    static func strength(of original: String, in text: String) -> Strength? {
        let flat = String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
        let quote = String(String.UnicodeScalarView(original.unicodeScalars.filter { !$0.properties.isWhitespace }))
        guard let r = flat.range(of: quote) else { return nil }
        let start = flat[..<r.lowerBound].lastIndex(where: { "。！？".contains($0) }).map { flat.index(after: $0) } ?? flat.startIndex
        let before = flat[start..<r.lowerBound]
        let clauses = before.split(omittingEmptySubsequences: false, whereSeparator: { "，,；;：:".contains($0) }).map(String.init)
        if let own = governing((clauses.last ?? "") + quote) { return own }
        for clause in clauses.dropLast().reversed() {
            if let s = governing(clause) { return s }
        }
        return .binding
    }

    @Test(arguments: BuiltinPolicies.packages.map(\.id))
    func everyTargetFollowsTheRule(id: String) throws {
        let p = try Builtin.package(id)
        for t in p.targets {
            let ruled = try #require(Self.strength(of: t.original, in: p.text), "\(t.id): its sentence is not in the text")
            #expect(ruled == t.strength, "\(t.id) is declared \(t.strength.rawValue), but its sentence reads \(ruled.rawValue) by the rule")
        }
    }

    @Test func theRuleOnItsOwnExamples() {
        let text = "实施计划,力争到2022年达到2万家,其中县域占比逐年提高。鼓励企业加大投入,实现全覆盖。各县要逐步建立窗口，鼓励有条件的县建立中心。有条件的县要设立基金。各区市要支持建设一批全要素的星创天地。依托有条件的单位，建成中心。"
        #expect(Self.strength(of: "其中县域占比逐年提高", in: text) == .striving, "力争 earlier in the sentence governs")
        #expect(Self.strength(of: "实现全覆盖", in: text) == .encouraged, "鼓励 opening the sentence governs")
        #expect(Self.strength(of: "各县要逐步建立窗口", in: text) == .binding)
        #expect(Self.strength(of: "鼓励有条件的县建立中心", in: text) == .encouraged, "the clause's own word first")
        #expect(Self.strength(of: "有条件的县要设立基金", in: text) == .encouraged, "有条件的 before 要: only those able")
        #expect(Self.strength(of: "各区市要支持建设一批全要素的星创天地", in: text) == .binding, "要 comes first; 要素 is no 要")
        #expect(Self.strength(of: "建成中心", in: text) == .binding, "有条件的单位 names a host, not who must act")
    }
}
