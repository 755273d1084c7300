import CIECore
import CIEData

/// The shapes of names a package uses, checked by hand: Foundation's regular expressions cost more than reading a
/// whole package does, and these are simple.
public enum NameShape {
    /// `^[a-z][a-z0-9-]{1,31}$` (`sichuan`, `inner-mongolia`) — with `_` instead of `-` and 63 for indicator ids.
    public static func isID(_ s: String, separator: Character = "-", maxLength: Int = 32) -> Bool {
        guard let first = s.first, first.isASCII, first.isLowercase, (2...maxLength).contains(s.count) else { return false }
        return s.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == separator) }
    }

    /// `^[0-9]{6}$`.
    public static func isCode(_ s: String) -> Bool { s.utf8.count == 6 && s.utf8.allSatisfy { (0x30...0x39).contains($0) } }

    /// `^[A-Z]+-[0-9]{2,}$` (`QH-06`).
    public static func isTargetID(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].count >= 2 else { return false }
        return parts[0].allSatisfy { $0.isASCII && $0.isUppercase } && parts[1].allSatisfy { $0.isASCII && $0.isNumber }
    }
}

/// Reads the values of a package file, reporting every problem at its line and column (all of them, not the first)
/// with "did you mean" for names: a key, a condition kind, a scope, a strength, a status, an indicator, a region, a
/// group. A reader never throws: it returns nil for what it could not read and goes on.
final class PackageReader {
    let file: String
    private(set) var problems: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    func error(_ node: YAMLNode, _ text: LocalizedText) {
        problems.append(Diagnostic(file: file, line: node.line, column: node.column, text))
    }

    func error(line: Int, column: Int, _ text: LocalizedText) {
        problems.append(Diagnostic(file: file, line: line, column: column, text))
    }

    /// " (did you mean a or b?)" for a word against the names it may be, nearest first; "" when none is near.
    static func didYouMean(_ word: String, _ names: [String]) -> LocalizedText {
        let near = nearestNames(word, among: names)
        guard !near.isEmpty else { return LocalizedText("") }
        return LocalizedText(zh: "（是否指 \(near.joined(separator: "、"))？）", en: " (did you mean \(near.joined(separator: " or "))?)")
    }

    // MARK: Mappings

    /// A mapping's values by key.
    struct Fields {
        let node: YAMLNode
        let values: [String: YAMLNode]
        /// The keys in the order written.
        let order: [String]
        subscript(key: String) -> YAMLNode? { values[key] }
    }

    /// The fields of a mapping; each key must be one of `allowed` (else an error with did-you-mean), each of
    /// `required` must be there (else an error at the mapping).
    func fields(_ node: YAMLNode, _ what: LocalizedText, allowed: [String], required: [String] = []) -> Fields? {
        guard case .mapping(let pairs) = node.value else {
            error(node, LocalizedText(zh: "\(what.zh)应是一组键值（mapping），这里是\(node.kindName.zh)",
                                      en: "\(what.en) should be a mapping, not \(node.kindName.en)"))
            return nil
        }
        var values: [String: YAMLNode] = [:]
        var order: [String] = []
        for (k, v) in pairs {
            guard let key = k.scalar else {
                error(k, LocalizedText(zh: "\(what.zh)的键应是一个名字", en: "a key of \(what.en) should be a name"))
                continue
            }
            guard allowed.contains(key) else {
                error(k, LocalizedText(zh: "\(what.zh)没有“\(key)”这一项" + PackageReader.didYouMean(key, allowed).zh + "；可用：\(allowed.joined(separator: ", "))",
                                       en: "\(what.en) has no key “\(key)”" + PackageReader.didYouMean(key, allowed).en + "; it takes \(allowed.joined(separator: ", "))"))
                continue
            }
            values[key] = v
            order.append(key)
        }
        for key in required where values[key] == nil {
            error(node, LocalizedText(zh: "\(what.zh)缺少“\(key)”", en: "\(what.en) needs “\(key)”"))
        }
        return Fields(node: node, values: values, order: order)
    }

    // MARK: Scalars

    func string(_ node: YAMLNode?, _ what: LocalizedText, allowEmpty: Bool = false) -> String? {
        guard let node else { return nil }
        guard let s = node.scalar, !node.isNull || allowEmpty else {
            error(node, LocalizedText(zh: "\(what.zh)应是一段文字", en: "\(what.en) should be a text"))
            return nil
        }
        if !allowEmpty, s.trimmingSpaces().isEmpty {
            error(node, LocalizedText(zh: "\(what.zh)不能为空", en: "\(what.en) cannot be empty"))
            return nil
        }
        return s
    }

    func int(_ node: YAMLNode?, _ what: LocalizedText, in range: ClosedRange<Int>) -> Int? {
        guard let node else { return nil }
        guard let s = node.scalar, let v = Int(s.trimmingSpaces()), range.contains(v) else {
            error(node, LocalizedText(zh: "\(what.zh)应是 \(range.lowerBound) 到 \(range.upperBound) 之间的整数，不是“\(node.scalar ?? "…")”",
                                      en: "\(what.en) should be a whole number from \(range.lowerBound) to \(range.upperBound), not “\(node.scalar ?? "…")”"))
            return nil
        }
        return v
    }

    /// An optional year: a number, or null (no deadline).
    func optionalYear(_ node: YAMLNode?, _ what: LocalizedText) -> Int?? {
        guard let node else { return .some(nil) }
        if node.isNull { return .some(nil) }
        guard let y = int(node, what, in: DataLoader.years) else { return nil }
        return .some(y)
    }

    func number(_ node: YAMLNode?, _ what: LocalizedText) -> Double? {
        guard let node else { return nil }
        guard let s = node.scalar, let v = Double(s.trimmingSpaces()), v.isFinite else {
            error(node, LocalizedText(zh: "\(what.zh)应是一个数，不是“\(node.scalar ?? "…")”", en: "\(what.en) should be a number, not “\(node.scalar ?? "…")”"))
            return nil
        }
        return v
    }

    func bool(_ node: YAMLNode?, _ what: LocalizedText) -> Bool? {
        guard let node else { return nil }
        switch node.scalar?.lowercased() {
        case "true"?, "yes"?: return true
        case "false"?, "no"?: return false
        default:
            error(node, LocalizedText(zh: "\(what.zh)应是 true 或 false", en: "\(what.en) should be true or false"))
            return nil
        }
    }

    /// `{zh: …, en: …}`, or one text for both languages.
    func text(_ node: YAMLNode?, _ what: LocalizedText) -> LocalizedText? {
        guard let node else { return nil }
        if node.scalar != nil {
            return string(node, what).map { LocalizedText($0) }
        }
        guard let f = fields(node, what, allowed: ["zh", "en"], required: ["zh", "en"]),
              let zh = string(f["zh"], LocalizedText(zh: what.zh + "的中文", en: what.en + " in Chinese")),
              let en = string(f["en"], LocalizedText(zh: what.zh + "的英文", en: what.en + " in English")) else { return nil }
        return LocalizedText(zh: zh, en: en)
    }

    func list(_ node: YAMLNode?, _ what: LocalizedText) -> [YAMLNode]? {
        guard let node else { return nil }
        guard case .sequence(let items) = node.value else {
            error(node, LocalizedText(zh: "\(what.zh)应是一个列表（[a, b] 或每行 - a）", en: "\(what.en) should be a list ([a, b] or one `- a` a line)"))
            return nil
        }
        return items
    }

    func strings(_ node: YAMLNode?, _ what: LocalizedText) -> [String]? {
        guard let items = list(node, what) else { return nil }
        return items.compactMap { string($0, what) }
    }

    /// One of a fixed set of names.
    func choice<T>(_ node: YAMLNode?, _ what: LocalizedText, _ options: [(String, T)]) -> T? {
        guard let node, let s = string(node, what) else { return nil }
        if let hit = options.first(where: { $0.0 == s }) { return hit.1 }
        let names = options.map(\.0)
        error(node, LocalizedText(zh: "未知的\(what.zh)“\(s)”" + PackageReader.didYouMean(s, names).zh + "；可用：\(names.joined(separator: ", "))",
                                  en: "unknown \(what.en) “\(s)”" + PackageReader.didYouMean(s, names).en + "; use one of \(names.joined(separator: ", "))"))
        return nil
    }
}
