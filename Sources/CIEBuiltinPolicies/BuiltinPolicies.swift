/// The policy packages shipped inside cie: the five documents' `Samples/<id>/` folders, embedded at build time by the
/// `EmbedPolicies` plugin (Plugins/EmbedPolicies), which reads each one first and fails the build on any problem.
/// The catalogue loads them through the same reader as any package on disk (`PolicyCatalogue`).
public enum BuiltinPolicies {
    /// One embedded package.
    public struct Package: Sendable {
        /// Its folder, as messages name it (`Samples/qinghai`).
        public let root: String
        public let id: String
        /// The jurisdiction's names and the package's aliases, so `use 青海` finds it without reading it.
        public let names: [String]
        /// The jurisdiction's code: the catalogue lists packages in the national standard order (GB/T 2260).
        public let jurisdiction: String
        /// The files the package reads, by their path in the package: `policy.yaml`, the text, example data.
        public let files: [String: String]
    }

    /// In the order of their jurisdictions' codes.
    public static var packages: [Package] { embedded }
}
