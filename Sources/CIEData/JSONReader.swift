import CIECore

/// A JSON value with the place it starts, so that every problem in a JSON data file has a line and column.
/// Written by hand because Foundation's JSONSerialization reports no position for a syntax error and none at all
/// for a semantically bad value deep inside a valid document.
public struct JSONNode: Sendable {
    public indirect enum Value: Sendable {
        case object([(String, JSONNode)])
        case array([JSONNode])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }
    public var value: Value
    public var line: Int
    public var column: Int

    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.0 == key }?.1
    }
}

public struct JSONSyntaxError: Error {
    public var line: Int
    public var column: Int
    /// The message in both languages.
    public var text: LocalizedText
    /// The message in English.
    public var message: String { text.en }
}

struct JSONReader {
    let file: FileBytes
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    var line = 1
    var lineStart = 0
    var depth = 0

    init(_ file: FileBytes) {
        self.file = file
        self.bytes = file.bytes
    }

    /// A place in the text to come back to.
    struct Position {
        var i: Int
        var line: Int
        var lineStart: Int
    }

    mutating func seek(_ p: Position) {
        (i, line, lineStart) = (p.i, p.line, p.lineStart)
        (countedAt, countedColumn) = (p.lineStart, 1)
    }

    /// The document; when it is an object whose member `key` is an array, that array is skipped (it reads as an
    /// empty array) and its position returned, for `forEachItem`.
    mutating func document(deferring key: String) throws(JSONSyntaxError) -> (JSONNode, Position?) {
        skipSpace()
        guard i < bytes.count, bytes[i] == 0x7B else { return (try document(), nil) }
        let (l, c) = (line, column)
        var deferred: Position?
        let members = try objectMembers { r, name throws(JSONSyntaxError) in
            guard name == key, deferred == nil, r.i < r.bytes.count, r.bytes[r.i] == 0x5B else { return try r.value() }
            let at = Position(i: r.i, line: r.line, lineStart: r.lineStart)
            let (vl, vc) = (r.line, r.column)
            do {
                try r.skipValue()
                deferred = at
                return JSONNode(value: .array([]), line: vl, column: vc)
            } catch {
                // Read it properly from the start to report the problem exactly where it is.
                r.seek(at)
                return try r.value()
            }
        }
        skipSpace()
        if i < bytes.count { throw fail(zh: "JSON 格式错误：文档结束后还有多余的文本", en: "malformed JSON: unexpected text after the document") }
        return (JSONNode(value: .object(members), line: l, column: c), deferred)
    }

    /// Reads the object whose `{` is at the cursor, up to its `}`; `member` reads each value after its key and `:`.
    mutating func objectMembers(_ member: (inout JSONReader, String) throws(JSONSyntaxError) -> JSONNode) throws(JSONSyntaxError) -> [(String, JSONNode)] {
        i += 1
        var members: [(String, JSONNode)] = []
        skipSpace()
        if i < bytes.count, bytes[i] == 0x7D {
            i += 1
            return members
        }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == 0x22 else { throw fail(zh: "JSON 格式错误：此处应为带引号的键", en: "malformed JSON: expected a quoted key") }
            let key = try string()
            skipSpace()
            guard i < bytes.count, bytes[i] == 0x3A else { throw fail(zh: "JSON 格式错误：键 \"\(key)\" 之后应为 ':'", en: "malformed JSON: expected ':' after the key \"\(key)\"") }
            i += 1
            skipSpace()
            members.append((key, try member(&self, key)))
            skipSpace()
            guard i < bytes.count else { throw fail(zh: "JSON 格式错误：文档在对象内部结束（缺少 }？）", en: "malformed JSON: the document ends inside an object (a missing }?)") }
            if bytes[i] == 0x2C {
                i += 1
                continue
            }
            if bytes[i] == 0x7D {
                i += 1
                return members
            }
            throw fail(zh: "JSON 格式错误：此处应为 ',' 或 '}'", en: "malformed JSON: expected ',' or '}'")
        }
    }

    /// Reads the array whose `[` is at the cursor, up to its `]`, handing the reader to `item` at each item; `item`
    /// reads it and returns false to stop there.
    mutating func arrayItems(_ item: (inout JSONReader) throws(JSONSyntaxError) -> Bool) throws(JSONSyntaxError) {
        i += 1
        skipSpace()
        if i < bytes.count, bytes[i] == 0x5D {
            i += 1
            return
        }
        while true {
            guard try item(&self) else { return }
            skipSpace()
            guard i < bytes.count else { throw fail(zh: "JSON 格式错误：文档在数组内部结束（缺少 ]？）", en: "malformed JSON: the document ends inside an array (a missing ]?)") }
            if bytes[i] == 0x2C {
                i += 1
                continue
            }
            if bytes[i] == 0x5D {
                i += 1
                return
            }
            throw fail(zh: "JSON 格式错误：此处应为 ',' 或 ']'", en: "malformed JSON: expected ',' or ']'")
        }
    }

    /// Moves past one value, checking only that its brackets and strings close; `forEachItem` reads it properly later.
    mutating func skipValue() throws(JSONSyntaxError) {
        var open: [UInt8] = []
        repeat {
            skipSpace()
            guard i < bytes.count else { throw fail(zh: "JSON 格式错误：文档提前结束（缺少 } 或 ]？）", en: "malformed JSON: the document ends early (a missing } or ]?)") }
            switch bytes[i] {
            case 0x7B, 0x5B:
                open.append(bytes[i])
                i += 1
            case 0x7D, 0x5D:
                guard let o = open.popLast(), o + 2 == bytes[i] else { throw fail(zh: "JSON 格式错误：括号不匹配", en: "malformed JSON: a bracket does not match") }
                i += 1
            case 0x22:
                i += 1
                while i < bytes.count, bytes[i] != 0x22 {
                    if bytes[i] == 0x0A { throw fail(zh: "JSON 格式错误：字符串中有换行（引号未闭合？）", en: "malformed JSON: a line break inside a string (an unclosed quote?)") }
                    // An escape takes the next byte too, but never past the end (`"\` as the last two bytes).
                    i = min(i + (bytes[i] == 0x5C ? 2 : 1), bytes.count)
                }
                guard i < bytes.count else { throw fail(zh: "JSON 格式错误：字符串没有闭合", en: "malformed JSON: a string never closes") }
                i += 1
            default:
                i += 1
            }
        } while !open.isEmpty
    }

    /// Reads the array that starts here one item at a time, handing each to `body`, which returns false to stop.
    mutating func forEachItem(_ body: (JSONNode) -> Bool) throws(JSONSyntaxError) {
        skipSpace()
        guard i < bytes.count, bytes[i] == 0x5B else { throw fail(zh: "JSON 格式错误：此处应为 '['", en: "malformed JSON: expected '['") }
        try arrayItems { r throws(JSONSyntaxError) in
            body(try r.value())
        }
    }

    /// The last position a column was counted at, so that counting is linear over a long (minified) line.
    var countedAt = 0
    var countedColumn = 1

    /// Characters, not bytes, since the start of the line.
    var column: Int {
        mutating get {
            if countedAt < lineStart || countedAt > i {
                countedAt = lineStart
                countedColumn = 1
            }
            while countedAt < min(i, bytes.count) {
                if bytes[countedAt] & 0xC0 != 0x80 { countedColumn += 1 }
                countedAt += 1
            }
            return countedColumn
        }
    }

    mutating func fail(zh: String, en: String) -> JSONSyntaxError {
        JSONSyntaxError(line: line, column: column, text: LocalizedText(zh: zh, en: en))
    }

    mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A:
                i += 1
                line += 1
                lineStart = i
            default: return
            }
        }
    }

    mutating func document() throws(JSONSyntaxError) -> JSONNode {
        skipSpace()
        let v = try value()
        skipSpace()
        if i < bytes.count { throw fail(zh: "JSON 格式错误：文档结束后还有多余的文本", en: "malformed JSON: unexpected text after the document") }
        return v
    }

    mutating func value() throws(JSONSyntaxError) -> JSONNode {
        skipSpace()
        guard i < bytes.count else { throw fail(zh: "JSON 格式错误：文档提前结束（缺少 } 或 ]？）", en: "malformed JSON: the document ends early (a missing } or ]?)") }
        let (l, c) = (line, column)
        depth += 1
        defer { depth -= 1 }
        if depth > 64 { throw fail(zh: "JSON 格式错误：嵌套层数过多", en: "malformed JSON: nested too deeply") }
        switch bytes[i] {
        case 0x7B:  // {
            return JSONNode(value: .object(try objectMembers { r, _ throws(JSONSyntaxError) in try r.value() }), line: l, column: c)
        case 0x5B:  // [
            var items: [JSONNode] = []
            try arrayItems { r throws(JSONSyntaxError) in
                items.append(try r.value())
                return true
            }
            return JSONNode(value: .array(items), line: l, column: c)
        case 0x22:
            return JSONNode(value: .string(try string()), line: l, column: c)
        case 0x74, 0x66, 0x6E:  // true false null
            for (word, v) in [("true", JSONNode.Value.bool(true)), ("false", .bool(false)), ("null", .null)]
            where bytes[i...].starts(with: Array(word.utf8)) {
                i += word.utf8.count
                return JSONNode(value: v, line: l, column: c)
            }
            throw fail(zh: "JSON 格式错误：无法识别的词", en: "malformed JSON: unexpected word")
        default:
            let start = i
            while i < bytes.count, [0x2B, 0x2D, 0x2E, 0x45, 0x65].contains(bytes[i]) || (bytes[i] >= 0x30 && bytes[i] <= 0x39) { i += 1 }
            guard i > start, let d = Double(String(decoding: bytes[start..<i], as: UTF8.self)) else {
                throw fail(zh: "JSON 格式错误：无法识别的字符", en: "malformed JSON: unexpected character")
            }
            return JSONNode(value: .number(d), line: l, column: c)
        }
    }

    mutating func string() throws(JSONSyntaxError) -> String {
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b == 0x0A { throw fail(zh: "JSON 格式错误：字符串中有换行（引号未闭合？）", en: "malformed JSON: a line break inside a string (an unclosed quote?)") }
            if b == 0x5C {
                i += 1
                guard i < bytes.count else { break }
                switch bytes[i] {
                case 0x6E: out.append(0x0A)
                case 0x74: out.append(0x09)
                case 0x72: out.append(0x0D)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x75:
                    guard i + 4 < bytes.count, let code = UInt32(String(decoding: bytes[(i + 1)...(i + 4)], as: UTF8.self), radix: 16) else {
                        throw fail(zh: "JSON 格式错误：无效的 \\u 转义", en: "malformed JSON: bad \\u escape")
                    }
                    i += 4
                    var scalar = code
                    if code >= 0xD800 && code < 0xDC00, i + 6 < bytes.count, bytes[i + 1] == 0x5C, bytes[i + 2] == 0x75,
                       let low = UInt32(String(decoding: bytes[(i + 3)...(i + 6)], as: UTF8.self), radix: 16), (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                    out += Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
                default: out.append(bytes[i])
                }
                i += 1
                continue
            }
            out.append(b)
            i += 1
        }
        throw fail(zh: "JSON 格式错误：字符串没有闭合", en: "malformed JSON: a string never closes")
    }
}
