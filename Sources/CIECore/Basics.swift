import Synchronization
/// Labels in the two languages cie speaks. Chinese is the default everywhere.
public enum Language: String, Sendable, CaseIterable {
    case zh, en
}

/// A text with a Chinese and an English form.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var zh: String
    public var en: String
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }
    public init(_ both: String) {
        self.zh = both
        self.en = both
    }
    public func callAsFunction(_ language: Language) -> String {
        language == .zh ? zh : en
    }
}

/// The status of one target for one unit in the evaluation year (TARGETS.md, "Status").
public enum Status: String, Sendable, CaseIterable, Codable, Comparable {
    case met
    case notMet = "not_met"
    case onTrack = "on_track"
    case offTrack = "off_track"
    case noData = "no_data"
    case notApplicable = "not_applicable"
    case error

    public var label: LocalizedText {
        switch self {
        case .met: LocalizedText(zh: "达标", en: "met")
        case .notMet: LocalizedText(zh: "未达标", en: "not met")
        case .onTrack: LocalizedText(zh: "进展顺利", en: "on track")
        case .offTrack: LocalizedText(zh: "进展滞后", en: "off track")
        case .noData: LocalizedText(zh: "数据不足", en: "no data")
        case .notApplicable: LocalizedText(zh: "不适用", en: "not applicable")
        case .error: LocalizedText(zh: "出错", en: "error")
        }
    }

    /// True for the statuses that count as a failure of compliance (for binding and striving targets).
    public var isFailure: Bool { self == .notMet || self == .offTrack }

    /// Parses an id (`not_met`), its hyphenated or spaced form, or a Chinese label (`未达标`).
    public init?(parsing text: String) {
        let key = text.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        if let s = Status(rawValue: key) {
            self = s
            return
        }
        guard let s = Status.allCases.first(where: { $0.label.zh == text || $0.label.en == text.lowercased() }) else {
            return nil
        }
        self = s
    }

    public static func < (a: Status, b: Status) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// How strongly the document words a target (TARGETS.md, "Strength").
public enum Strength: String, Sendable, CaseIterable, Codable {
    /// 要, 实现, 达到, 确保, 每年
    case binding
    /// 力争, 争取
    case striving
    /// 鼓励, 支持, 有条件的 — an unmet encouraged item is advice, not a failure of compliance.
    case encouraged

    public var label: LocalizedText {
        switch self {
        case .binding: LocalizedText(zh: "约束性", en: "binding")
        case .striving: LocalizedText(zh: "力争", en: "striving")
        case .encouraged: LocalizedText(zh: "鼓励性", en: "encouraged")
        }
    }

    /// Whether a failure of this strength makes a unit non-compliant.
    public var counts: Bool { self != .encouraged }
}

/// Where a target is evaluated: one result per unit, per prefecture, or one for the whole jurisdiction.
public enum Scope: String, Sendable, CaseIterable, Codable {
    case county, prefecture, jurisdiction

    public var label: LocalizedText {
        switch self {
        case .county: LocalizedText(zh: "县级", en: "county")
        case .prefecture: LocalizedText(zh: "市（州）级", en: "prefecture")
        case .jurisdiction: LocalizedText(zh: "全域", en: "jurisdiction")
        }
    }
}

/// Relative tolerance of every comparison, so that a value printed at the boundary meets it (SPEC.md, "Results").
public enum Tolerance {
    public static let relative = 1e-9

    @inlinable public static func atLeast(_ value: Double, _ bound: Double) -> Bool {
        if !value.isFinite || !bound.isFinite { return value >= bound }
        return value >= bound - relative * max(abs(bound), abs(value))
    }

    @inlinable public static func atMost(_ value: Double, _ bound: Double) -> Bool {
        if !value.isFinite || !bound.isFinite { return value <= bound }
        return value <= bound + relative * max(abs(bound), abs(value))
    }

    @inlinable public static func equal(_ a: Double, _ b: Double) -> Bool {
        if !a.isFinite || !b.isFinite { return a == b }
        return abs(a - b) <= relative * max(abs(a), abs(b))
    }
}

/// A range of ranks as reports print it: `3–7`, or `3` when it is one rank.
public func formatRankRange(_ r: ClosedRange<Int>) -> String {
    r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)–\(r.upperBound)"
}

/// Formats a number the way Chinese statistics print it: no trailing zeros, at most `digits` decimals.
public func formatNumber(_ value: Double, digits: Int = 4) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "∞" : "-∞" }
    if value == value.rounded(), abs(value) < 1e15 {
        return String(Int64(value))
    }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    var s = String(((value * scale).rounded()) / scale)
    if s.contains("e") { return s }
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
}

/// Ctrl-C while a command runs: the REPL's signal handler sets the flag (an atomic store is async-signal-safe),
/// the loader (every 4,096 rows) and the evaluator (between targets) poll it and stop, and the REPL clears it before
/// the next command.
public enum Cancellation {
    private static let flag = Atomic<Bool>(false)
    public static var isRequested: Bool { flag.load(ordering: .relaxed) }
    public static func request() { flag.store(true, ordering: .relaxed) }
    /// Clears the flag and says whether it was set.
    @discardableResult public static func reset() -> Bool { flag.exchange(false, ordering: .relaxed) }
}

/// How tables print a value: by its unit, the same everywhere (`check`, `show`, `rank`, reviews). Percentages to two
/// decimals; counts and flags as whole numbers; 万元 with thousands separators and at most two decimals; other values
/// to two decimals. CSV and JSON carry full precision instead.
public enum Display {
    /// Fixed decimals for a unit (nil: up to two, none when whole).
    static func decimals(_ unit: MeasureUnit) -> Int? {
        switch unit {
        case .percent: 2
        case .ge, .jia, .ren, .taici, .pici, .ci: 0
        case .wanYuan: nil
        case .none: nil
        }
    }

    public static func value(_ v: Double, unit: MeasureUnit, digits extra: Int = 0) -> String {
        guard v.isFinite else { return formatNumber(v) }
        switch unit {
        case .wanYuan:
            return grouped(v, decimals: v == v.rounded() && extra == 0 ? 0 : max(2, extra))
        case .ge, .jia, .ren, .taici, .pici, .ci:
            // A count that is not whole (an average, a share of a count) keeps its decimals rather than lying.
            return v == v.rounded() && extra == 0 ? grouped(v, decimals: 0) : fixed(v, max(2, extra))
        case .percent:
            return fixed(v, max(2, extra))
        case .none:
            return v == v.rounded() && extra == 0 ? grouped(v, decimals: 0) : fixed(v, max(2, extra))
        }
    }

    /// Two values as printed side by side, with as many more decimals (up to 8) as it takes for them to differ when
    /// they are not equal: a rule never turns on a difference the figures hide (9.9966% → 9.9938% is not 10% → 10%).
    public static func distinguishing(_ a: Double, _ b: Double, unit: MeasureUnit) -> (String, String) {
        var extra = 0
        var (x, y) = (value(a, unit: unit), value(b, unit: unit))
        while x == y, a != b, extra < 8 {
            extra = extra == 0 ? 3 : extra + 1
            (x, y) = (value(a, unit: unit, digits: extra), value(b, unit: unit, digits: extra))
        }
        return (x, y)
    }

    /// Full precision, for CSV and JSON: the shortest text that reads back as the same double (78.88888888888889).
    public static func exact(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    /// `d` decimals, always.
    public static func fixed(_ v: Double, _ d: Int) -> String {
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        // Past what Int64 holds (or not finite), the shortest form: never a trap on a data value.
        guard v.isFinite, abs(v * scale) < 9e18 else { return formatNumber(v) }
        let r = (v * scale).rounded() / scale
        guard d > 0 else { return String(Int64(r)) }
        let negative = r < 0
        let whole = Int64(abs(r).rounded(.towardZero))
        let fraction = Int64(((abs(r) - Double(whole)) * scale).rounded())
        var f = String(fraction)
        while f.count < d { f = "0" + f }
        return (negative ? "-" : "") + String(whole) + "." + f
    }

    /// Thousands separators, `decimals` decimals.
    public static func grouped(_ v: Double, decimals: Int) -> String {
        let s = fixed(v, decimals)
        guard !s.contains("e"), !s.contains("∞"), s != "NaN" else { return s }
        let negative = s.hasPrefix("-")
        let body = negative ? String(s.dropFirst()) : s
        let parts = body.split(separator: ".", maxSplits: 1)
        var whole = Array(parts[0])
        var out: [Character] = []
        while whole.count > 3 {
            out = [","] + whole.suffix(3) + out
            whole.removeLast(3)
        }
        out = whole + out
        return (negative ? "-" : "") + String(out) + (parts.count > 1 ? "." + parts[1] : "")
    }
}

/// A string as a JSON string literal, which YAML reads the same way (a YAML double-quoted scalar): quotes,
/// backslashes and line breaks escaped, and every control character (C0, DEL, C1) and the Unicode line separators as
/// \uXXXX, which both accept and libyaml requires.
public func jsonQuoted(_ s: String) -> String {
    var out = "\""
    out.reserveCapacity(s.utf8.count + 2)
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            let v = scalar.value
            if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 {
                let hex = String(v, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
