import CIECore

/// The built-in policy modules. Their list (`generatedModules`) is generated from Package.swift's
/// `policyModules` by the `new-policy` plugin; `RegistryFreshnessTests` fails when it drifts.
public enum PolicyRegistry {
    /// In the order `cie policies` lists them: by the jurisdiction's administrative code (the national
    /// standard order, GB/T 2260), so Inner Mongolia 150000 comes before Jilin 220000 and Qinghai 630000.
    public static let modules: [any PolicyModule] = generatedModules.sorted {
        ($0.document.jurisdictionCode, $0.id) < ($1.document.jurisdictionCode, $1.id)
    }

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
