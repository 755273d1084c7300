import CIECore
import CIEPolicyWeihai
import CIEPolicyTesting
import Testing

@Suite struct WeihaiPolicyTests {
    let policy = WeihaiPolicy()
    @Test func declarations() { #expect(PolicyChecks.declarationProblems(policy) == []) }
}
