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
            // The basic resolver: every scalar is a string (the reader types them itself), and the default resolver's
            // regular expressions per scalar cost more than the rest of reading a package.
            guard let root = try Yams.compose(yaml: text, .basic) else { return .empty }
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
        // Bytes, not Characters: every mark that matters is ASCII, and this runs over every package read.
        let bytes = Array(text.utf8)
        let space: UInt8 = 0x20, quote: UInt8 = 0x22, apostrophe: UInt8 = 0x27, hash: UInt8 = 0x23
        let opensValue: Set<UInt8> = Set(" [{,:-".utf8), before: Set<UInt8> = Set(":-[{,".utf8)
        var blockIndent: Int?  // the indentation of the line that opened a block scalar (`|`, `>`)
        var lineNumber = 0
        var start = 0
        while start <= bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let line = bytes[start..<end]
            defer { start = end + 1 }
            var indent = 0
            while start + indent < end, bytes[start + indent] == space { indent += 1 }
            if let b = blockIndent {
                if line.allSatisfy({ $0 == space || $0 == 0x0D }) || indent > b { continue }
                blockIndent = nil
            }
            var inQuote: UInt8?
            var previous: UInt8 = space, lastSignificant: UInt8 = space, lastSignificantBefore: UInt8 = 0x3A
            var contentEnd = end
            for k in start..<end {
                let c = bytes[k]
                if let q = inQuote {
                    if c == q { inQuote = nil }
                } else if c == quote || c == apostrophe, opensValue.contains(lastSignificant) || k == start + indent {
                    inQuote = c
                } else if c == hash, previous == space || k == start {
                    contentEnd = k
                    break
                } else if c == 0x26 || c == 0x2A, opensValue.contains(previous) || k == start + indent, k + 1 < end, bytes[k + 1] != space,
                          before.contains(lastSignificantBefore) || k == start + indent {
                    let column = String(decoding: bytes[start..<k], as: UTF8.self).count + 1
                    return (lineNumber, column)
                }
                if c != space {
                    lastSignificant = c
                    lastSignificantBefore = c
                }
                previous = c
            }
            // A block scalar starts where a line ends in `|` or `>` (with chomping or indentation indicators).
            var last = contentEnd
            while last > start, bytes[last - 1] == space || bytes[last - 1] == 0x0D { last -= 1 }
            var word = last
            while word > start, bytes[word - 1] != space { word -= 1 }
            if word < last, bytes[word] == 0x7C || bytes[word] == 0x3E, bytes[(word + 1)..<last].allSatisfy({ Set("+-0123456789".utf8).contains($0) }) {
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
