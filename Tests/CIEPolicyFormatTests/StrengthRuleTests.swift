import CIEBuiltinPolicies
import CIECore
import CIEDraft
import CIEPolicyFormat
import Testing

/// Docs/Evaluation.md, "Strength": one rule (`StrengthRule`, which `cie policy draft` proposes by) decides every target's
/// strength from the words of its sentence. The test applies the rule to every built-in target's sentence in its package's text and compares it with the declared strength,
/// so a package that reads one sentence by another rule fails here.
@Suite struct StrengthRuleTests {
    static func strength(of original: String, in text: String) -> Strength? { StrengthRule.strength(of: original, in: text)?.strength }

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
