import CIECore

/// The unit written with a value (`35亿元`, `1.5万台次`, `４.５％`) or in a column header (`R&D经费支出(万元)`).
public struct WrittenUnit: Sendable, Equatable {
    /// 1, 1e4 (万), 1e8 (亿), 1e3 (千).
    public var multiplier: Double
    /// What is counted: 元, %, 个, 家, 人, 台次, 批次, 次, or nil for a bare multiplier or number.
    public var base: String?

    public var text: String {
        let m = multiplier == 1e4 ? "万" : multiplier == 1e8 ? "亿" : multiplier == 1e3 ? "千" : ""
        return m + (base ?? "")
    }

    static let bases = ["元", "%", "个", "家", "人", "台次", "批次", "次", "项", "名", "所", "座"]

    /// Parses `万元`, `亿元`, `元`, `%`, `个`, `万台次`…; nil for text that is not a unit.
    public static func parse(_ text: String) -> WrittenUnit? {
        var s = Substring(normalize(text))
        var multiplier = 1.0
        if s.hasPrefix("万") {
            multiplier = 1e4
            s = s.dropFirst()
        } else if s.hasPrefix("亿") {
            multiplier = 1e8
            s = s.dropFirst()
        } else if s.hasPrefix("千") {
            multiplier = 1e3
            s = s.dropFirst()
        }
        if s.isEmpty { return multiplier == 1 ? nil : WrittenUnit(multiplier: multiplier, base: nil) }
        let base = String(s)
        if base == "‰" { return nil }
        guard bases.contains(base) else { return nil }
        return WrittenUnit(multiplier: multiplier, base: base)
    }
}

/// A parsed cell.
public enum ParsedValue: Sendable, Equatable {
    case missing
    case number(Double, WrittenUnit?)
    case flag(Bool)
}

/// Why a cell could not be read.
public enum ValueProblem: Error, Equatable {
    case unparsable
    case notFinite
}

/// Reads values as Chinese statistics print them.
public enum ValueParser {
    /// Folds full-width ASCII (`４.５％`) to half-width and drops spaces and thousands separators.
    public static func normalize(_ text: String) -> String {
        var folded: [UInt32] = []
        for scalar in text.unicodeScalars {
            var v = scalar.value
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }  // full-width ASCII
            if v == 0xFF0E { v = 0x2E }  // ．
            if v == 0x3000 || v == 0x20 || v == 0x09 || v == 0xA0 || v == 0xFEFF { continue }
            folded.append(v)
        }
        func isDigit(_ k: Int) -> Bool { k < folded.count && folded[k] >= 0x30 && folded[k] <= 0x39 }
        var out = String.UnicodeScalarView()
        for (k, v) in folded.enumerated() {
            // A thousands separator sits after a digit and before exactly three digits (3,000 and 3，000);
            // any other comma (a decimal comma, 4,5) is kept, so the value is refused rather than misread.
            if v == 0x2C || v == 0x3001, k > 0, isDigit(k - 1), isDigit(k + 1), isDigit(k + 2), isDigit(k + 3), !isDigit(k + 4) { continue }
            out.append(Unicode.Scalar(v)!)
        }
        return String(out)
    }

    static let missingMarkers: Set<String> = ["", "-", "—", "——", "–", "−", "na", "n/a", "null", "…", "..."]
    static let trueWords: Set<String> = ["是", "有", "yes", "true", "y"]
    static let falseWords: Set<String> = ["否", "无", "no", "false", "n"]
    static let nonFinite: Set<String> = ["nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "∞", "+∞", "-∞", "#num!", "#div/0!"]

    public static func parse(_ raw: String) throws(ValueProblem) -> ParsedValue {
        let s = normalize(raw)
        let lower = s.lowercased()
        if missingMarkers.contains(lower) { return .missing }
        if trueWords.contains(lower) { return .flag(true) }
        if falseWords.contains(lower) { return .flag(false) }
        if nonFinite.contains(lower) { throw .notFinite }
        // Longest numeric prefix: sign, digits, point, digits, exponent.
        let scalars = Array(s.unicodeScalars)
        var i = 0
        if i < scalars.count, scalars[i] == "+" || scalars[i] == "-" { i += 1 }
        var digits = 0
        while i < scalars.count, scalars[i].properties.numericType != nil, scalars[i].isASCII { i += 1; digits += 1 }
        if i < scalars.count, scalars[i] == "." {
            i += 1
            while i < scalars.count, scalars[i].isASCII, scalars[i].properties.numericType != nil { i += 1; digits += 1 }
        }
        guard digits > 0 else { throw .unparsable }
        if i < scalars.count, scalars[i] == "e" || scalars[i] == "E" {
            var j = i + 1
            if j < scalars.count, scalars[j] == "+" || scalars[j] == "-" { j += 1 }
            let expStart = j
            while j < scalars.count, scalars[j].isASCII, scalars[j].properties.numericType != nil { j += 1 }
            if j > expStart { i = j }
        }
        var numberText = String(String.UnicodeScalarView(scalars[0..<i]))
        if numberText.hasPrefix("+") { numberText.removeFirst() }
        guard let number = Double(numberText) else { throw .unparsable }
        guard number.isFinite else { throw .notFinite }
        let rest = String(String.UnicodeScalarView(scalars[i...]))
        if rest.isEmpty { return .number(number, nil) }
        guard let unit = WrittenUnit.parse(rest) else { throw .unparsable }
        return .number(number, unit)
    }
}

private func normalize(_ s: String) -> String { ValueParser.normalize(s) }

/// Why a value does not fit its indicator.
public struct UnitMismatch: Error, Equatable {
    /// The message in both languages.
    public var text: LocalizedText
    /// The message in English.
    public var message: String { text.en }

    public init(zh: String, en: String) {
        text = LocalizedText(zh: zh, en: en)
    }
}

/// Converts a parsed number to the indicator's unit (TARGETS.md: amounts are held in 万元).
public enum UnitConversion {
    /// `declared` is the unit of the column or the row's `unit` field; the cell's own unit wins when it has one.
    /// `forArea`: the value is given for a prefecture or province, where a flag indicator means "how many units".
    public static func convert(_ value: ParsedValue, to indicator: Indicator, declared: WrittenUnit?, forArea: Bool = false) throws(UnitMismatch) -> Double? {
        let v = try converting(value, to: indicator, declared: declared, forArea: forArea)
        // 1e308 亿元 is finite as written and infinite in 万元: out of range, never +∞ (which a target would read as met).
        if let v, !v.isFinite {
            throw UnitMismatch(zh: "数值超出范围：换算为\(indicator.unit == .none ? "数值" : indicator.unit.rawValue)后溢出；请检查该值及其单位",
                               en: "out of range: the value overflows in \(unitName(indicator)); check the value and its unit")
        }
        return v
    }

    static func converting(_ value: ParsedValue, to indicator: Indicator, declared: WrittenUnit?, forArea: Bool) throws(UnitMismatch) -> Double? {
        switch value {
        case .missing:
            return nil
        case .flag(let b):
            guard indicator.kind == .flag || indicator.isCustom else {
                throw UnitMismatch(
                    zh: "“\(b ? "是" : "否")”表示是或否，但 \(indicator.name.zh)（\(indicator.id)）是\(indicator.unit == .none ? "不带单位的数值" : "以\(indicator.unit.rawValue)为单位的数值")：请写数值",
                    en: "“\(b ? "是" : "否")” is a yes/no flag, but \(indicator.name.zh) (\(indicator.id)) is a number in \(unitName(indicator)): give a number")
            }
            return b ? 1 : 0
        case .number(let v, let own):
            let unit = own ?? declared
            switch indicator.kind {
            case .flag:
                if forArea, unit == nil || unit?.base == "个", v >= 0, v == v.rounded() { return v }
                guard unit == nil, v == 0 || v == 1 else {
                    throw UnitMismatch(
                        zh: "\(indicator.name.zh)（\(indicator.id)）只取是或否：请写 是/否、有/无、yes/no、true/false 或 1/0",
                        en: "\(indicator.name.zh) (\(indicator.id)) is a yes/no flag: write 是/否, 有/无, yes/no, true/false or 1/0")
                }
                return v
            case .amount:
                guard let unit else { return v }
                if unit.base == "元" || (unit.base == nil && unit.multiplier != 1) { return v * unit.multiplier / 1e4 }
                throw mismatch(unit, indicator)
            case .ratio:
                guard let unit else { return v }
                if unit.base == "%" && unit.multiplier == 1 { return v }
                throw mismatch(unit, indicator)
            case .count:
                guard let unit else { return v }
                if unit.base == nil { return v * unit.multiplier }
                if let written = countUnit(unit.base!), indicator.unit.isCompatibleCount(with: written) {
                    return v * unit.multiplier
                }
                if indicator.isCustom, unit.base != "元", unit.base != "%" { return v * unit.multiplier }
                throw mismatch(unit, indicator)
            }
        }
    }

    /// The conversion of a plain number written in `declared` (a column's unit) as `v × multiply ÷ divide`, computed in
    /// the order `convert` computes it, so that the per-cell fast path gives the same bits; nil when `convert` must
    /// decide (flags, a unit that does not fit, which it reports).
    public static func linear(_ declared: WrittenUnit, to indicator: Indicator) -> (multiply: Double, divide: Double)? {
        switch indicator.kind {
        case .flag: return nil
        case .amount:
            return declared.base == "元" || (declared.base == nil && declared.multiplier != 1) ? (declared.multiplier, 1e4) : nil
        case .ratio:
            return declared.base == "%" && declared.multiplier == 1 ? (1, 1) : nil
        case .count:
            guard let base = declared.base else { return (declared.multiplier, 1) }
            if let written = countUnit(base), indicator.unit.isCompatibleCount(with: written) { return (declared.multiplier, 1) }
            if indicator.isCustom, base != "元", base != "%" { return (declared.multiplier, 1) }
            return nil
        }
    }

    /// 名 counts people like 人 (the seed writes "３００名科技人员"); 项, 所 and 座 count things like 个.
    static func countUnit(_ text: String) -> MeasureUnit? {
        switch text {
        case "名": .ren
        case "项", "所", "座": .ge
        default: MeasureUnit(rawValue: text)
        }
    }

    static func unitName(_ indicator: Indicator) -> String {
        indicator.unit == .none ? "no unit" : indicator.unit.rawValue
    }

    static func mismatch(_ unit: WrittenUnit, _ indicator: Indicator) -> UnitMismatch {
        let zh = indicator.unit == .none
            ? "单位不符：该值的单位是“\(unit.text)”，但 \(indicator.name.zh)（\(indicator.id)）不带单位；请写不带单位的数值"
            : "单位不符：该值的单位是“\(unit.text)”，但 \(indicator.name.zh)（\(indicator.id)）的单位是“\(indicator.unit.rawValue)”；请以“\(indicator.unit.rawValue)”为单位给出"
                + (indicator.unit == .wanYuan ? "（或用 元、亿元）" : "")
        return UnitMismatch(
            zh: zh,
            en: "wrong unit: the value is in \(unit.text) but \(indicator.name.zh) (\(indicator.id)) is in \(unitName(indicator)); give it in \(unitName(indicator))"
                + (indicator.unit == .wanYuan ? " (or 元/亿元)" : ""))
    }
}

extension ValueParser {
    /// Exact powers of ten a double holds (10^0 … 10^22).
    private static let exactPowersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

    /// A plain ASCII decimal (`-12.5`, `4800`, `0.07`), or nil for anything else (units, separators, exponents,
    /// full-width digits, more than 15 significant digits), which then takes the general path through `parse`.
    ///
    /// Written by hand because it runs for every cell of a load: the general path folds full-width forms and
    /// builds Strings. The result is exactly what `Double(String)` gives: with at most 15 digits the mantissa and
    /// 10^k (k ≤ 22) are both exact doubles, so one IEEE division rounds correctly (Clinger's fast path).
    @inline(__always)
    public static func plainNumber(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        guard n > 0, n <= 17 else { return nil }
        var k = 0
        var negative = false
        if p[0] == 0x2D {
            negative = true
            k = 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var seenPoint = false
        while k < n {
            let c = p[k]
            if c >= 0x30 && c <= 0x39 {
                mantissa = mantissa &* 10 &+ UInt64(c &- 0x30)
                digits += 1
                if seenPoint { fraction += 1 }
            } else if c == 0x2E, !seenPoint, digits > 0, k + 1 < n {
                // Only `1.5`: `.5` and `1.` take the general path, which decides what they mean.
                seenPoint = true
            } else {
                return nil
            }
            k += 1
        }
        guard digits > 0, digits <= 15 else { return nil }
        let v = Double(mantissa) / exactPowersOfTen[fraction]
        return negative ? -v : v
    }
}
