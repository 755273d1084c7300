/// SPEC.md's REPL language, lexically: words separated by spaces; "…" or '…' quote a word (a quote may start
/// mid-word: --region "城中 区"); `#` at the start of a word begins a comment; a trailing `\` continues the line.
/// Hand-written because it is small and the completer needs its partial form (an open quote, the word
/// under the cursor), which no shell-words library offers.
public struct Words: Equatable, Sendable {
    public var words: [String]
    /// The quote character left open at the end, if any (an error for a whole line, normal while completing).
    public var openQuote: Character?
    /// Whether the last word ends at the end of the text (no space after it): the word being typed.
    public var endsInWord: Bool
    /// Whether the line ended with a continuation backslash.
    public var continues: Bool
    /// The raw text of the last word as typed, quotes included (what completion replaces).
    public var lastRaw: String = ""

    public static func split(_ text: String) -> Words {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var continues = false
        var start = 0
        var chars = Array(text)
        // A trailing backslash (outside quotes and comments) continues the line.
        if let last = chars.lastIndex(where: { $0 != " " && $0 != "\t" }), chars[last] == "\\" {
            var q: Character?
            var commented = false
            var previousIsSpace = true
            for c in chars[..<last] {
                if let open = q { if c == open { q = nil } }
                else if c == "\"" || c == "'" { q = c }
                else if c == "#" && previousIsSpace { commented = true; break }
                previousIsSpace = c == " " || c == "\t"
            }
            if q == nil && !commented {
                continues = true
                chars = Array(chars[..<last])
            }
        }
        for (n, cluster) in chars.enumerated() {
            // A quote followed by a combining mark is one Character (`"` + U+0486): it is still a quote, and the
            // mark is the first character of what it quotes (found by Fuzz/words.swift).
            var c = cluster
            var rest = ""
            if cluster.unicodeScalars.count > 1, let first = cluster.unicodeScalars.first, first == "\"" || first == "'" {
                c = Character(first)
                rest = String(String.UnicodeScalarView(cluster.unicodeScalars.dropFirst()))
            }
            if let open = quote {
                if c == open { quote = nil; current += rest; if !rest.isEmpty { inWord = true } } else { current.append(cluster) }
                continue
            }
            if !rest.isEmpty {
                if !inWord { start = n }
                quote = c
                inWord = true
                current += rest
                continue
            }
            switch c {
            case " ", "\t", "\r", "\n":
                if inWord { words.append(current); current = ""; inWord = false }
            case "\"", "'":
                if !inWord { start = n }
                quote = c
                inWord = true
            case "#" where !inWord:
                return Words(words: words, openQuote: nil, endsInWord: false, continues: continues)
            default:
                if !inWord { start = n }
                current.append(c)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return Words(words: words, openQuote: quote, endsInWord: inWord, continues: continues,
                     lastRaw: inWord ? String(chars[start...]) : "")
    }

    /// The commands of `cie -c "use qinghai; check"`: the text cut at each `;` and new line outside quotes.
    public static func commands(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quote: Character?
        for c in text {
            if let open = quote {
                if c == open { quote = nil }
                current.append(c)
            } else if c == ";" || c == "\n" {
                out.append(current)
                current = ""
            } else {
                if c == "\"" || c == "'" { quote = c }
                current.append(c)
            }
        }
        out.append(current)
        return out
    }

    /// Quotes a word for the REPL when it needs it (a space, a quote or a leading #).
    public static func quote(_ word: String) -> String {
        // By scalars, as `split` reads quotes: a quote with a combining mark on it is still a quote (found by
        // Fuzz/words.swift).
        let scalars = word.unicodeScalars
        guard word.isEmpty || scalars.contains(where: { " \t\"'".unicodeScalars.contains($0) }) || word.hasPrefix("#") else { return word }
        return scalars.contains("\"") ? "'\(word)'" : "\"\(word)\""
    }
}
