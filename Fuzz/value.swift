// libFuzzer harness: the value and unit parser (Sources/CIEData/ValueParser.swift).
//
// The input is one cell as UTF-8 (invalid bytes become U+FFFD, as a decoded file gives them). Optionally
// `VALUE|UNIT`: the part after the last `|` is also read as a column's declared unit (`产值(亿元)`).
// Beyond "does not crash", it checks what the loader's fast paths promise:
//   - `plainNumber` (the per-cell fast path) gives exactly the bits `parse` gives, or nil;
//   - `UnitConversion.linear` (a column unit on the fast path) gives exactly the bits `convert` gives;
//   - `convert` never returns a non-finite value.
import CIECore
@testable import CIEData

/// The shipped indicators, and a custom one of each kind (a custom indicator takes the units a cell gives it).
private let indicators = IndicatorCatalogue.shipped.indicators
    + [IndicatorKind.count, .amount, .ratio, .flag].map { Indicator("自定义\($0.rawValue)", zh: "自定义", en: "custom", unit: .none, kind: $0, custom: true) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    _ = ValueParser.normalize(text)
    _ = WrittenUnit.parse(text)
    let parsed: ParsedValue?
    do { parsed = try ValueParser.parse(text) } catch { parsed = nil }

    // The fast path agrees with the general one.
    if let fast = ValueParser.plainNumber(data, size) {
        guard case .number(let general, nil)? = parsed, general.bitPattern == fast.bitPattern else {
            fatalError("plainNumber(\(text.debugDescription)) = \(fast), but parse gives \(String(describing: parsed))")
        }
    }

    var cell = text, declared: WrittenUnit?
    if let bar = text.lastIndex(of: "|") {
        cell = String(text[..<bar])
        declared = WrittenUnit.parse(String(text[text.index(after: bar)...]))
        _ = declared?.text
    }
    let value: ParsedValue?
    do { value = try ValueParser.parse(cell) } catch { value = nil }
    guard let value else { return 0 }
    for indicator in indicators {
        for forArea in [false, true] {
            let converted: Double??
            do { converted = try UnitConversion.convert(value, to: indicator, declared: declared, forArea: forArea) } catch { converted = nil }
            if let c = converted, let c, !c.isFinite { fatalError("convert(\(cell.debugDescription)) to \(indicator.id) gave \(c)") }
        }
        // A column's unit on the fast path: v × multiply ÷ divide must be what convert computes.
        if let declared, case .number(let v, nil) = value, let (m, d) = UnitConversion.linear(declared, to: indicator) {
            let fast = v * m / d
            let general: Double?
            do { general = try UnitConversion.convert(.number(v, nil), to: indicator, declared: declared) } catch { general = nil }
            if fast.isFinite, general?.bitPattern != fast.bitPattern {
                fatalError("linear(\(declared.text), \(indicator.id)) gives \(fast) for \(v), convert gives \(String(describing: general))")
            }
        }
    }
    return 0
}
