import CIECore
import CIEData

/// A policy document as scraped (Docs/Drafting.md): its paragraphs with sentences broken across lines and page breaks
/// joined, page furniture dropped, each paragraph placed in the clause structure (一、 （一） …).
///
/// Every paragraph keeps two views of the same characters, one to one: `text` as printed (what quotations copy) and
/// `norm` for matching (full-width digits, letters and punctuation as ASCII: ７０％ → 70%).
public struct PolicyText: Sendable {
    public struct Paragraph: Sendable {
        /// As printed, line breaks inside the paragraph removed.
        public var text: [Character]
        /// The same characters normalised for matching.
        public var norm: [Character]
        /// Its first line in the file (1-based).
        public var line: Int
        /// The clause it belongs to (`二(三)`, `三`), empty before the first heading.
        public var clause: String
        /// The heading of its level-2 clause (`发展目标`), if any.
        public var section: String
        /// Whether it is a heading of its own (`一、总体要求`).
        public var isHeading: Bool
    }

    /// The document's text as the package keeps it: the file decoded, page furniture lines left out.
    public var cleaned: String
    public var paragraphs: [Paragraph]
    /// Lines dropped as page furniture (打印 关闭, page numbers, bookmarks).
    public var furniture: Int
    /// Lines joined to the line before (a sentence broken across lines or pages).
    public var joined: Int
    /// The front matter: lines before the first heading, trimmed (the title, number, issuer and date are there).
    public var front: [String]
    /// The last lines (the signature and date).
    public var back: [String]
    public var encoding: TextEncoding

    /// Reads a file's bytes: UTF-8 (with or without BOM), GB18030 or UTF-16, as the data loader decodes them.
    public init(bytes: [UInt8], file: String) throws {
        let decoded: ([UInt8], TextEncoding)
        switch TextDecoding.decode(bytes, file: file) {
        case .success(let d): decoded = d
        case .failure(let f): throw DraftError(f.diagnostics.map { $0.text }.first ?? LocalizedText("?"), file: file,
                                               line: f.diagnostics.first?.line ?? 0, column: f.diagnostics.first?.column ?? 0)
        }
        let text = String(decoding: decoded.0, as: UTF8.self)
        guard text.contains(where: { $0.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) } ?? false }) else {
            throw DraftError(LocalizedText(zh: "正文中没有汉字：应是一份中文政策文件的全文（UTF-8 或 GB18030 的纯文本）",
                                           en: "the text has no Chinese characters: give the full text of a Chinese policy document (plain UTF-8 or GB18030)"),
                             file: file, line: 1, column: 1)
        }
        self.init(text, encoding: decoded.1)
    }

    public init(_ text: String, encoding: TextEncoding = .utf8) {
        self.encoding = encoding
        let raw = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var kept: [String] = []
        var furniture = 0
        var lines: [(Int, String)] = []
        for (n, line) in raw.enumerated() {
            let stripped = PolicyText.strippingBookmarks(line)
            let trimmed = PolicyText.trim(stripped)
            if PolicyText.isFurniture(trimmed) {
                furniture += 1
                continue
            }
            kept.append(stripped)
            if !trimmed.isEmpty { lines.append((n + 1, trimmed)) }
        }
        self.cleaned = kept.joined(separator: "\n")
        self.furniture = furniture

        // The body starts at the first level-1 heading (一、); a document without one is read whole.
        let bodyStart = lines.firstIndex { Heading.level1(Array(PolicyText.normalize($0.1))) != nil } ?? 0
        self.front = lines[..<bodyStart].map(\.1)
        self.back = lines.suffix(6).map(\.1)

        var paragraphs: [Paragraph] = []
        var joined = 0
        var l1 = "", l2 = "", section = ""
        for (k, (number, line)) in lines.enumerated() {
            let chars = Array(line)
            let norm = Array(PolicyText.normalize(line))
            let h1 = Heading.level1(norm), h2 = Heading.level2(norm)
            let startsNew = h1 != nil || h2 != nil || Heading.isBullet(norm) || Heading.isItem(norm)
            // A sentence broken across lines: the line before ends without a sentence's end, and this one opens no
            // heading or item.
            if k > bodyStart, !startsNew, var last = paragraphs.last, !last.isHeading, !PolicyText.endsSentence(last.norm) {
                last.text += chars
                last.norm += norm
                paragraphs[paragraphs.count - 1] = last
                joined += 1
                continue
            }
            if k >= bodyStart {
                if let h1 { l1 = h1.label; l2 = ""; section = "" }
                if let h2 {
                    l2 = h2.label
                    section = h2.title(in: norm)
                }
            }
            let clause = l1.isEmpty ? (l2.isEmpty ? "" : "(\(l2))") : (l2.isEmpty ? l1 : "\(l1)(\(l2))")
            // A level-1 heading without a sentence is a heading; one with text after it (IM's) is also read.
            let isHeading = h1 != nil && !norm.contains("。")
            paragraphs.append(Paragraph(text: chars, norm: norm, line: number, clause: k >= bodyStart ? clause : "",
                                        section: k >= bodyStart ? section : "", isHeading: isHeading))
        }
        self.paragraphs = paragraphs
        self.joined = joined
    }

    // MARK: Normalising

    /// One character for one: full-width digits, letters, signs and punctuation as ASCII, the ideographic space as a space.
    public static func normalize(_ s: String) -> [Character] {
        s.map { c -> Character in
            guard let u = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return c }
            switch u.value {
            case 0xFF01...0xFF5E: return Character(Unicode.Scalar(u.value - 0xFEE0)!)
            case 0x3000: return " "
            case 0x2013, 0x2212, 0xFE63: return "-"
            case 0x2015: return "—"
            case 0x3001: return "、"
            default: return c
            }
        }
    }

    static func trim(_ s: String) -> String {
        var chars = Substring(s)
        while let f = chars.first, f.isWhitespace || f == "\u{3000}" || f == "\u{FEFF}" { chars.removeFirst() }
        while let l = chars.last, l.isWhitespace || l == "\u{3000}" { chars.removeLast() }
        return String(chars)
    }

    /// `[bookmark: _Toc…]` markers a Word-to-text conversion leaves.
    static func strippingBookmarks(_ line: String) -> String {
        var s = line
        while let open = s.range(of: "[bookmark:"), let close = s[open.upperBound...].firstIndex(of: "]") {
            s.removeSubrange(open.lowerBound...close)
        }
        return s
    }

    /// A line that is page furniture, not text: print and close buttons, page numbers, share links.
    static func isFurniture(_ line: String) -> Bool {
        if line.isEmpty { return false }
        let words: Set<String> = ["打印 关闭", "打印", "关闭", "打印本页", "关闭窗口", "【打印】", "【关闭】", "Baidu", "map", "分享到:", "分享到：",
                                  "扫一扫在手机打开当前页", "返回顶部", "【字体：大 中 小】"]
        if words.contains(line) { return true }
        let n = normalize(line).filter { $0 != " " }
        // - 3 -, 3, 第3页, 共5页, 第 3 页 共 5 页
        if !n.isEmpty, n.count <= 12 {
            let body = n.filter { !"-—–·".contains($0) }
            if !body.isEmpty, body.allSatisfy(\.isASCII), body.allSatisfy(\.isNumber) { return true }
            let text = String(n)
            if text.range(of: #"^(第\d+页)?(共\d+页)?$"#, options: .regularExpression) != nil, text.contains("页") { return true }
        }
        return false
    }

    static func endsSentence(_ norm: [Character]) -> Bool {
        guard let last = norm.last(where: { $0 != " " }) else { return true }
        return "。!?;:”」』)".contains(last) || last == "）"
    }
}

/// The clause labels of a Chinese official document: 一、 (level 1), （一） or (一) (level 2), 1. 1、 (items), —— (bullets).
enum Heading {
    static let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零"]

    struct Label {
        var label: String
        /// Where the text after the label starts.
        var end: Int
        /// The heading's own title: up to its first full stop (`发展目标`).
        func title(in norm: [Character]) -> String {
            let rest = norm[end...]
            let stop = rest.firstIndex { "。,:;".contains($0) } ?? rest.endIndex
            return String(rest[..<stop])
        }
    }

    static func level1(_ n: [Character]) -> Label? {
        var k = 0
        while k < n.count, numerals.contains(n[k]) { k += 1 }
        guard k > 0, k <= 3, k < n.count, n[k] == "、" else { return nil }
        return Label(label: String(n[..<k]), end: k + 1)
    }

    static func level2(_ n: [Character]) -> Label? {
        guard let first = n.first, first == "(" else { return nil }
        var k = 1
        while k < n.count, numerals.contains(n[k]) { k += 1 }
        guard k > 1, k <= 4, k < n.count, n[k] == ")" else { return nil }
        return Label(label: String(n[1..<k]), end: k + 1)
    }

    static func isBullet(_ n: [Character]) -> Bool { n.starts(with: ["—", "—"]) || n.starts(with: ["-", "-"]) }

    static func isItem(_ n: [Character]) -> Bool {
        var k = 0
        while k < n.count, n[k].isASCII, n[k].isNumber { k += 1 }
        return k > 0 && k <= 2 && k < n.count && (n[k] == "." || n[k] == "、") && (k + 1 >= n.count || !n[k + 1].isNumber)
    }
}

/// A problem with the text itself: it cannot be decoded, or is not a document.
public struct DraftError: Error, Sendable {
    public var text: LocalizedText
    public var file: String
    public var line: Int
    public var column: Int
    public init(_ text: LocalizedText, file: String, line: Int, column: Int) {
        self.text = text
        self.file = file
        self.line = line
        self.column = column
    }
    public func render(_ language: Language) -> String {
        "\(file):\(line):\(column): error: " + (language == .zh ? text.zh : text.en)
    }
}
