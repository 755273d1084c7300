import CIECore
import CIEPolicyZhejiang
import CIEPolicyTesting
import Testing

@Suite struct ZhejiangPolicyTests {
    let policy = ZhejiangPolicy()
    @Test func declarations() { #expect(PolicyChecks.declarationProblems(policy) == []) }
}
