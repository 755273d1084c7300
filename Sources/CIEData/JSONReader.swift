import CIECore
#if canImport(Glibc)
import Glibc
#endif

/// A JSON value with the place it starts, so that every problem in a JSON data file has a line and column.
/// Written by hand because Foundation's JSONSerialization reports no position for a syntax error and none at all
/// for a semantically bad value deep inside a valid document.
public struct JSONNode: Sendable {
    public indirect enum Value: Sendable {
        case object([(String, JSONNode)])
        case array([JSONNode])
        case string(String)
        /// The number, and as it is written (`-1.50`), which a message about the value quotes.
        case number(Double, written: String)
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

/// glibc's `memmem` (a GNU extension the Glibc module does not export): a vectorised substring search.
@_silgen_name("memmem")
private func cMemmem(_ haystack: UnsafeRawPointer, _ haystackLength: Int, _ needle: UnsafeRawPointer, _ needleLength: Int) -> UnsafeMutableRawPointer?

struct JSONReader {
    /// The text being read, which `owner` holds: a whole file, or, for a file opened by its head (`FileBytes.rest`),
    /// the head and then each block of the rest in turn.
    private(set) var bytes: UnsafeBufferPointer<UInt8>
    private(set) var owner: FileBytes
    var i = 0
    var line = 1
    var lineStart = 0
    var depth = 0
    /// The rest of a file opened by its head, read a block at a time (cut after a line break) when `skipSpace` reaches
    /// the end of the one before: a token never spans a line break, so nothing before the cut is read again, and a
    /// national file is never held whole.
    private let feed: ParallelCSV.Feed?
    /// Why the rest stopped being read; `skipSpace` then finds the end of the text, where the parse fails.
    private(set) var feedFailure: FeedFailure?

    enum FeedFailure {
        /// A block fails the text check `TextDecoding` makes of a whole file (a NUL, a byte that is not UTF-8).
        case check
        case read(FileBytes.OpenError)
    }

    init(_ file: FileBytes) {
        owner = file
        bytes = file.bytes
        feed = file.rest.map { _ in ParallelCSV.Feed(file, from: file.bytes.count, blockBytes: ParallelCSV.blockBytes, buffers: 2) }
    }

    /// Whether the text is read as it comes (see `feed`).
    var readsAsItComes: Bool { feed != nil }

    /// At the end of a block, after its last line break (`skipSpace` took it: the line starts here), the next block.
    private mutating func nextBlock() -> Bool {
        guard let feed, feedFailure == nil else { return false }
        let piece: ParallelCSV.Piece
        do throws(FileBytes.OpenError) {
            guard let next = try feed.next() else { return false }
            piece = next
        } catch {
            feedFailure = .read(error)
            return false
        }
        if piece.failsTextCheck {
            feedFailure = .check
            return false
        }
        (bytes, owner) = (piece.bytes, piece.owner)
        (i, lineStart, countedAt, countedColumn) = (0, 0, 0, 1)
        return true
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

    /// Where the array `document(deferring:inPlace:)` was asked about was read.
    enum Deferred {
        /// Not an array, or no such member.
        case none
        /// Read where it stands, by `inPlace`.
        case read
        /// Skipped: it reads as an empty array in the document; `seek` here, then `forEachObservation`.
        case at(Position)
    }

    /// The document. When it is an object whose member `key` is an array, `inPlace` is handed the reader at the
    /// array's `[` with the members before it: it reads the array and returns true (one pass), or returns false, and
    /// the array is skipped and its position returned (as when what the array needs comes after it).
    mutating func document(deferring key: String,
                           inPlace: (inout JSONReader, [(String, JSONNode)]) throws(JSONSyntaxError) -> Bool) throws(JSONSyntaxError) -> (JSONNode, Deferred) {
        skipSpace()
        guard i < bytes.count, bytes[i] == 0x7B else { return (try document(), .none) }
        let (l, c) = (line, column)
        var deferred = Deferred.none
        let members = try objectMembers { r, name, before throws(JSONSyntaxError) in
            let node: JSONNode
            if name == key, case .none = deferred, r.i < r.bytes.count, r.bytes[r.i] == 0x5B {
                let at = Position(i: r.i, line: r.line, lineStart: r.lineStart)
                let (vl, vc) = (r.line, r.column)
                if try inPlace(&r, before) {
                    deferred = .read
                    node = JSONNode(value: .array([]), line: vl, column: vc)
                } else {
                    do throws(JSONSyntaxError) {
                        try r.skipValue()
                        deferred = .at(at)
                        node = JSONNode(value: .array([]), line: vl, column: vc)
                    } catch {
                        // Read it properly from the start to report the problem exactly where it is (a text read as
                        // it comes has gone past it: the load reads the file whole).
                        if r.readsAsItComes { throw error }
                        r.seek(at)
                        node = try r.value()
                    }
                }
            } else {
                node = try r.value()
            }
            return node
        }
        skipSpace()
        if i < bytes.count { throw fail(zh: "JSON 格式错误：文档结束后还有多余的文本", en: "malformed JSON: unexpected text after the document") }
        return (JSONNode(value: .object(members), line: l, column: c), deferred)
    }

    /// Whether the text after the cursor may name the member `word` later: `"word"` (with its quotes) occurs in it,
    /// or a backslash does (an escape could spell the key, as `"regi\u006fns"`). Of a text read as it comes, which
    /// is not there yet, false: the load reads the file whole when the member does come later.
    func mayNameLater(_ word: String) -> Bool {
        guard !readsAsItComes else { return false }
        let needle = Array("\"\(word)\"".utf8)
        guard let p = bytes.baseAddress, i < bytes.count else { return false }
        if memchr(p + i, 0x5C, bytes.count - i) != nil { return true }
        return needle.withUnsafeBytes { n in cMemmem(p + i, bytes.count - i, n.baseAddress!, n.count) != nil }
    }

    /// Reads the object whose `{` is at the cursor, up to its `}`; `member` reads each value after its key and `:`,
    /// given the members read before it.
    mutating func objectMembers(_ member: (inout JSONReader, String, [(String, JSONNode)]) throws(JSONSyntaxError) -> JSONNode) throws(JSONSyntaxError) -> [(String, JSONNode)] {
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
            members.append((key, try member(&self, key, members)))
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

    /// Moves past one value, checking only that its brackets and strings close; `forEachObservation` reads it properly later.
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

    /// Reads the `observations` array that starts here one item at a time. An item that is a flat observation on one
    /// line (`flatObservation`) goes to `flat`, read straight from the bytes; any other goes to `tree` as a node.
    /// Either returns false to stop. With `flatAllowed` false, every item is a node.
    /// `flat` is given the text its fields' offsets count from, and the text's owner.
    mutating func forEachObservation(flatAllowed: Bool = true, flat: (FlatObservation, UnsafeBufferPointer<UInt8>, FileBytes) -> Bool,
                                     tree: (JSONNode) -> Bool) throws(JSONSyntaxError) {
        skipSpace()
        guard i < bytes.count, bytes[i] == 0x5B else { throw fail(zh: "JSON 格式错误：此处应为 '['", en: "malformed JSON: expected '['") }
        var item = FlatObservation()
        let fast = flatAllowed && JSONReader.readsFlatObservations
        try arrayItems { r throws(JSONSyntaxError) in
            if fast, r.flatObservation(into: &item) { return flat(item, r.bytes, r.owner) }
            return tree(try r.value())
        }
    }

    /// Whether flat observations are read from the bytes (a tunable: tests and the fuzz harness turn it off with
    /// `LoadTuning.with` to compare the two paths).
    @TaskLocal static var readsFlatObservations = true

    /// An observation whose members are the keys of a long CSV's columns with plain values: each member as the CSV
    /// field a long CSV would hold (the bytes inside a string's quotes, or a number's), its column that of the value.
    struct FlatObservation {
        static let region = 0, year = 1, indicator = 2, value = 3, unit = 4
        var fields = [CSVField](repeating: CSVField(start: 0, end: 0, column: 0, quoted: false, hasEscapes: false), count: 5)
        /// A bit for each member present, by the indices above.
        var present = 0
        var line = 0
        var hasUnit: Bool { present & (1 << FlatObservation.unit) != 0 }
    }

    /// Reads the object at the cursor when it is a flat observation, on one line, and moves past it: members
    /// `region`, `year`, `indicator`, `value` and optionally `unit`, each once; strings without escapes, control
    /// characters or spaces at either end; numbers of digits with an optional sign and fraction (and for the value,
    /// `null` for a missing one). Anything else leaves the cursor where it was and returns false: the tree reads it,
    /// and reports what there is to report. What the loader then makes of the fields is exactly what it makes of
    /// the tree's item (tested, and fuzzed by Fuzz/json.swift).
    mutating func flatObservation(into o: inout FlatObservation) -> Bool {
        skipSpace()
        let start = i, end = bytes.count
        guard let p = bytes.baseAddress, i < end, p[i] == 0x7B else { return false }
        o.present = 0
        o.line = line
        var k = i + 1
        @inline(__always) func space() { while k < end, p[k] == 0x20 || p[k] == 0x09 || p[k] == 0x0D { k += 1 } }
        func give() -> Bool { i = start; return false }
        while true {
            space()
            // The key: one of the five, in ASCII.
            guard k < end, p[k] == 0x22 else { return give() }
            let ks = k + 1
            var ke = ks
            while ke < end, ke - ks < 10, p[ke] != 0x22 { ke += 1 }
            guard ke < end, p[ke] == 0x22, let slot = JSONReader.flatKey(p + ks, ke - ks), o.present & (1 << slot) == 0 else { return give() }
            k = ke + 1
            space()
            guard k < end, p[k] == 0x3A else { return give() }
            k += 1
            space()
            guard k < end else { return give() }
            let at = k
            var f = CSVField(start: 0, end: 0, column: 0, quoted: false, hasEscapes: false)
            if p[k] == 0x22 {
                let vs = k + 1
                var ve = vs
                while ve < end, p[ve] != 0x22, p[ve] != 0x5C, p[ve] >= 0x20 { ve += 1 }
                guard ve < end, p[ve] == 0x22, JSONReader.plainEnds(p + vs, ve - vs) else { return give() }
                (f.start, f.end) = (vs, ve)
                k = ve + 1
            } else if p[k] == 0x6E {  // null, for a missing value only
                guard slot == FlatObservation.value, k + 4 <= end, p[k + 1] == 0x75, p[k + 2] == 0x6C, p[k + 3] == 0x6C else { return give() }
                (f.start, f.end) = (k, k)
                k += 4
            } else {
                let ns = k
                if p[k] == 0x2D { k += 1 }
                let digits = k
                while k < end, p[k] &- 0x30 < 10 { k += 1 }
                guard k > digits, k - digits <= 15 else { return give() }
                // A code, year or indicator as a number is read as the tree prints it (630121, never 0630121 or
                // -0): written otherwise, it is the tree's.
                if slot != FlatObservation.value, p[digits] == 0x30, k - digits > 1 || digits > ns { return give() }
                if k < end, p[k] == 0x2E {
                    // A fraction only in a value: a year of 2005.0 or a code of 630102.0 is the tree's to read.
                    guard slot == FlatObservation.value else { return give() }
                    k += 1
                    let fraction = k
                    while k < end, p[k] &- 0x30 < 10 { k += 1 }
                    guard k > fraction, k - digits <= 17 else { return give() }
                }
                guard k < end, p[k] != 0x65, p[k] != 0x45 else { return give() }  // exponents are the tree's
                (f.start, f.end) = (ns, k)
            }
            i = at
            f.column = column
            o.fields[slot] = f
            o.present |= 1 << slot
            space()
            guard k < end else { return give() }
            if p[k] == 0x2C {
                k += 1
                continue
            }
            guard p[k] == 0x7D, o.present & 0b1111 == 0b1111 else { return give() }
            i = k + 1
            return true
        }
    }

    /// The member a key names (`FlatObservation`'s indices), or nil.
    @inline(__always) static func flatKey(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        func equals(_ word: StaticString) -> Bool { n == word.utf8CodeUnitCount && memcmp(p, word.utf8Start, n) == 0 }
        switch n {
        case 6: return equals("region") ? FlatObservation.region : nil
        case 4: return equals("year") ? FlatObservation.year : equals("unit") ? FlatObservation.unit : nil
        case 9: return equals("indicator") ? FlatObservation.indicator : nil
        case 5: return equals("value") ? FlatObservation.value : nil
        default: return nil
        }
    }

    /// Not empty, and no space at either end as `trimmingSpaces` counts spaces (ASCII blanks, U+3000, U+FEFF,
    /// U+00A0): the CSV field's text is then the string's, untrimmed.
    @inline(__always) static func plainEnds(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard n > 0, p[0] > 0x20, p[n - 1] > 0x20 else { return false }
        func wide(_ q: UnsafePointer<UInt8>) -> Bool { (q[0] == 0xE3 && q[1] == 0x80 && q[2] == 0x80) || (q[0] == 0xEF && q[1] == 0xBB && q[2] == 0xBF) }
        if n >= 3, wide(p) || wide(p + n - 3) { return false }
        if n >= 2, (p[0] == 0xC2 && p[1] == 0xA0) || (p[n - 2] == 0xC2 && p[n - 1] == 0xA0) { return false }
        return true
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
            // Characters are the bytes that do not continue a UTF-8 sequence (10xxxxxx): counted eight at a time.
            let to = min(i, bytes.count)
            if let p = bytes.baseAddress {
                while countedAt + 8 <= to {
                    let w = UnsafeRawPointer(p + countedAt).loadUnaligned(as: UInt64.self)
                    let continuing = w & ~(w << 1) & 0x8080_8080_8080_8080
                    countedColumn += 8 - continuing.nonzeroBitCount
                    countedAt += 8
                }
            }
            while countedAt < to {
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
        repeat {
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
        } while feed != nil && nextBlock()
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
            return JSONNode(value: .object(try objectMembers { r, _, _ throws(JSONSyntaxError) in try r.value() }), line: l, column: c)
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
            let written = String(decoding: bytes[start..<i], as: UTF8.self)
            guard i > start, let d = Double(written) else {
                throw fail(zh: "JSON 格式错误：无法识别的字符", en: "malformed JSON: unexpected character")
            }
            return JSONNode(value: .number(d, written: written), line: l, column: c)
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
