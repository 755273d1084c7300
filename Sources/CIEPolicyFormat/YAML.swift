import CIECore
import CIEData
import Yams
import Foundation

/// A YAML node with its place, as a package reader walks it: every value knows its line and column, so every problem
/// is reported as `FILE:LINE:COLUMN`. Built from Yams' composed tree (libyaml, the parser SwiftLint reads its
/// configuration with); anchors and aliases are not part of the format.
final class YAMLNode {
    enum Value {
        case scalar(String, plain: Bool)
        case mapping([(key: YAMLNode, value: YAMLNode)])
        case sequence([YAMLNode])
    }

    let value: Value
    let line: Int
    let column: Int

    init(value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// What a document reads as.
    enum Parsed {
        case node(YAMLNode)
        case empty
        /// A syntax error, or an alias: one diagnostic at its place.
        case failed(Diagnostic)
    }

    /// Parses a document.
    static func parse(_ text: String, file: String) -> Parsed {
        // Yams resolves aliases while composing and keeps no trace of anchors: find them in the text.
        if let (line, column) = firstAnchorOrAlias(in: text) { return .failed(anchorsRefused(file: file, line: line, column: column)) }
        do {
            guard let root = try Yams.compose(yaml: text) else { return .empty }
            return convert(root, file: file)
        } catch let error as YamlError {
            return .failed(diagnostic(error, file: file))
        } catch {
            return .failed(Diagnostic(file: file, line: 1, column: 1, LocalizedText(zh: "无法读取 YAML：\(error)", en: "cannot read the YAML: \(error)")))
        }
    }

    private static func convert(_ node: Node, file: String) -> Parsed {
        let mark = node.mark
        let (line, column) = (mark?.line ?? 1, mark?.column ?? 1)
        switch node {
        case .scalar(let s):
            let plain = s.style == .plain || s.style == .any
            return .node(YAMLNode(value: .scalar(s.string, plain: plain), line: line, column: column))
        case .mapping(let m):
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            for (k, v) in m {
                switch (convert(k, file: file), convert(v, file: file)) {
                case (.node(let key), .node(let value)): pairs.append((key, value))
                case (.failed(let d), _), (_, .failed(let d)): return .failed(d)
                default: continue
                }
            }
            return .node(YAMLNode(value: .mapping(pairs), line: line, column: column))
        case .sequence(let s):
            var items: [YAMLNode] = []
            for n in s {
                switch convert(n, file: file) {
                case .node(let item): items.append(item)
                case .failed(let d): return .failed(d)
                case .empty: continue
                }
            }
            return .node(YAMLNode(value: .sequence(items), line: line, column: column))
        case .alias:
            return .failed(anchorsRefused(file: file, line: line, column: column))
        }
    }

    /// The place of the first `&anchor` or `*alias` where a value starts (after `: `, `- `, `[`, `{`, `,`), outside
    /// quotes, comments and block scalars. Written by hand: libyaml reports them, but Yams does not pass them on.
    static func firstAnchorOrAlias(in text: String) -> (Int, Int)? {
        var blockIndent: Int?  // the indentation of the line that opened a block scalar (`|`, `>`)
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Array(raw.unicodeScalars)
            let indent = line.prefix { $0 == " " }.count
            if let b = blockIndent {
                if line.allSatisfy({ $0 == " " || $0 == "\r" }) || indent > b { continue }
                blockIndent = nil
            }
            var quote: Unicode.Scalar?
            var previous: Unicode.Scalar = " "
            var lastSignificant: Unicode.Scalar = " "
            for (k, c) in line.enumerated() {
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == "\"" || c == "'", " [{,:-".unicodeScalars.contains(lastSignificant) || k == indent {
                    quote = c
                } else if c == "#", previous == " " || k == 0 {
                    break
                } else if c == "&" || c == "*", previous == " " || previous == "[" || previous == "{" || previous == "," || k == indent,
                          k + 1 < line.count, line[k + 1] != " " {
                    let before = line[..<k].filter { $0 != " " }.last ?? ":"
                    if ":-[{,".unicodeScalars.contains(before) || k == indent { return (n + 1, k + 1) }
                }
                if c != " " { lastSignificant = c }
                previous = c
            }
            // A block scalar starts where a line ends in `|` or `>` (with chomping or indentation indicators).
            let trimmed = String(String.UnicodeScalarView(line)).split(separator: "#").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if let last = trimmed.split(separator: " ").last, last.first == "|" || last.first == ">",
               last.dropFirst().allSatisfy({ "+-0123456789".contains($0) }) {
                blockIndent = indent
            }
        }
        return nil
    }

    /// A package is read as written: what a reader sees is what applies.
    private static func anchorsRefused(file: String, line: Int, column: Int) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, LocalizedText(
            zh: "策略包不使用 YAML 锚点和别名（& 与 *）：请把内容写出来", en: "a policy package does not use YAML anchors and aliases (& and *): write the content out"))
    }

    private static func diagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(file: file, line: mark.line, column: mark.column,
                              LocalizedText(zh: "YAML 语法错误：\(problem)", en: "YAML syntax error: \(problem)"))
        case .duplicatedKeysInMapping(let keys, let context):
            return Diagnostic(file: file, line: context.mark.line, column: context.mark.column, LocalizedText(
                zh: "同一层中的键重复：\(keys.joined(separator: "、"))：每个键只写一次", en: "a key is given twice at one level: \(keys.joined(separator: ", ")): keep one"))
        default:
            return Diagnostic(file: file, line: 1, column: 1, LocalizedText(zh: "YAML 错误：\(error)", en: "YAML error: \(error)"))
        }
    }

    var scalar: String? {
        if case .scalar(let s, _) = value { return s }
        return nil
    }

    /// A plain scalar that reads as YAML's null (`null`, `~`, or nothing).
    var isNull: Bool {
        if case .scalar(let s, let plain) = value, plain { return s.isEmpty || s == "~" || s.lowercased() == "null" }
        return false
    }

    var kindName: LocalizedText {
        switch value {
        case .scalar: LocalizedText(zh: "一个值", en: "a value")
        case .mapping: LocalizedText(zh: "一组键值（mapping）", en: "a mapping")
        case .sequence: LocalizedText(zh: "一个列表", en: "a list")
        }
    }
}
