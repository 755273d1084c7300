import CIECore
import CIEData
import Foundation

/// A column mapping kept beside a data file (`data.csv.cie-map.yaml`), for what no rule can guess; `load` picks it up
/// and says so. Options given with the load (`--map`, `--skip-column`, `--year`) win over it.
///
///     year: 2020
///     columns:
///       GDP: gdp
///       企业数: hitech_enterprises
///     skip: [备注2]
public enum MappingFile {
    /// The mapping file of a data file: its name with `.cie-map.yaml` added.
    public static func path(for dataFile: String) -> String { dataFile + ".cie-map.yaml" }

    /// The settings a mapping file gives; every problem at its line and column.
    public static func read(_ path: String) -> Result<LoadSettings, LoadFailure> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(LoadFailure([Diagnostic(file: path, line: 0, column: 0, LocalizedText(zh: "无法读取映射文件：请检查权限", en: "cannot read the mapping file: check its permissions"))]))
        }
        let reader = PackageReader(file: path)
        var settings = LoadSettings(mappingFile: path)
        switch YAMLNode.parse(String(decoding: data, as: UTF8.self), file: path) {
        case .failed(let d): return .failure(LoadFailure([d]))
        case .empty: return .success(settings)
        case .node(let root):
            let what = LocalizedText(zh: "映射文件", en: "the mapping file")
            guard let f = reader.fields(root, what, allowed: ["year", "columns", "skip"]) else { break }
            settings.year = reader.int(f["year"], LocalizedText(zh: "year（年份）", en: "year"), in: DataLoader.years)
            if let columns = f["columns"], let m = reader.fields(columns, LocalizedText(zh: "columns（列名 → 指标或列的角色）", en: "columns (header → indicator or column role)"),
                                                                 allowed: columnNames(columns)) {
                for key in m.order {
                    if let to = reader.string(m[key], LocalizedText(zh: "列“\(key)”的映射", en: "the mapping of “\(key)”")) { settings.columns[key] = to }
                }
            }
            settings.skipColumns = reader.strings(f["skip"], LocalizedText(zh: "skip（跳过的列）", en: "skip (columns to ignore)")) ?? []
        }
        if !reader.problems.isEmpty { return .failure(LoadFailure(reader.problems)) }
        return .success(settings)
    }

    /// Every key a `columns` mapping has (any header may be mapped).
    private static func columnNames(_ node: YAMLNode) -> [String] {
        guard case .mapping(let pairs) = node.value else { return [] }
        return pairs.compactMap { $0.key.scalar }
    }
}
