import CIEPolicyFormat
import Foundation
import Testing

/// Docs/policy.schema.json declares exactly the keys the reader takes, part by part (Scripts/check_schema.py, run by
/// `make test`, validates the packages against it).
@Suite struct SchemaTests {
    let schema: [String: Any]

    init() throws {
        let data = try Data(contentsOf: repository.appendingPathComponent("Docs/policy.schema.json"))
        schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func definition(_ name: String) throws -> [String: Any] {
        try #require((schema["$defs"] as? [String: Any])?[name] as? [String: Any], "no $defs/\(name)")
    }

    func keys(_ object: [String: Any]) -> Set<String> { Set((object["properties"] as? [String: Any])?.keys ?? [:].keys) }

    func property(_ object: [String: Any], _ key: String) -> [String: Any] {
        ((object["properties"] as? [String: Any])?[key] as? [String: Any]) ?? [:]
    }

    /// The object alternatives of a oneOf.
    func alternatives(_ object: [String: Any]) -> [[String: Any]] {
        ((object["oneOf"] as? [Any]) ?? []).compactMap { $0 as? [String: Any] }.filter { $0["type"] as? String == "object" }
    }

    @Test func sectionsMatchTheReader() throws {
        #expect(keys(schema) == Set(PackageKeys.package))
        #expect(keys(property(schema, "document")) == Set(PackageKeys.document))
        #expect(keys(property(schema, "zones")) == Set(PackageKeys.zones))
        #expect(keys(property(schema, "sample")) == Set(PackageKeys.sample))
        #expect(keys(try definition("indicator")) == Set(PackageKeys.indicator))
        #expect(keys(try definition("target")) == Set(PackageKeys.target))
        #expect(keys(try definition("example")) == Set(PackageKeys.example))
        #expect(Set(alternatives(try definition("filter")).flatMap(keys)) == Set(PackageKeys.filter))
    }

    @Test func conditionAndQuantityKindsMatchTheReader() throws {
        for (name, expected) in [("condition", PackageKeys.conditions), ("quantity", PackageKeys.quantities)] {
            var seen: [String: Set<String>] = [:]
            for alternative in alternatives(try definition(name)) {
                let k = keys(alternative)
                let kind = try #require(k.first { expected[$0] != nil }, "\(name): an alternative with keys \(k.sorted()) is no kind the reader knows")
                seen[kind] = k
            }
            #expect(Set(seen.keys) == Set(expected.keys), "\(name) kinds: schema \(seen.keys.sorted()), reader \(expected.keys.sorted())")
            for (kind, k) in seen { #expect(k == Set(expected[kind] ?? []), "\(name) \(kind): schema \(k.sorted()), reader \(expected[kind] ?? [])") }
        }
    }

    @Test func reviewerKindsMatchTheReader() throws {
        var seen: Set<String> = []
        for alternative in alternatives(try definition("reviewer")) {
            let kind = try #require(property(alternative, "kind")["const"] as? String)
            seen.insert(kind)
            #expect(keys(alternative) == Set(PackageKeys.reviewer + (PackageKeys.reviewerKinds[kind] ?? ["?"])), "reviewer kind \(kind)")
        }
        #expect(seen == Set(PackageKeys.reviewerKinds.keys))
    }
}
