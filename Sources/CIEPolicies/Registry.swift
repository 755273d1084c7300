import CIECore
import CIEPolicyQinghai

/// The built-in policy modules, in the order `cie policies` lists them.
/// A test (`RegistryFreshnessTests`) fails when a `Sources/CIEPolicy*` module is missing here.
public enum PolicyRegistry {
    public static let modules: [any PolicyModule] = [
        QinghaiPolicy(),
    ]

    /// Finds a module by id, Chinese or English name, or alias (`qinghai`, `青海省`, `青海`).
    public static func module(named text: String) -> (any PolicyModule)? {
        let key = IndicatorCatalogue.key(text)
        return modules.first { m in
            ([m.id, m.name.zh, m.name.en] + m.aliases).contains { IndicatorCatalogue.key($0) == key }
        }
    }

    /// Finds a target of any module by id (`QH-06`).
    public static func target(_ id: String) -> (any PolicyModule, Target)? {
        for m in modules {
            if let t = m.target(id) { return (m, t) }
        }
        return nil
    }

    /// Every target id, for suggestions and completion.
    public static var targetIDs: [String] { modules.flatMap { $0.targets.map(\.id) } }
}
