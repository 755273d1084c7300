/// An option a reviewer takes on the command line (`--weights talent=2`, `--top 0.2`, `--pool 2000`): the kind
/// declares it, `review` parses it and refuses what the kind does not take.
public struct ReviewOption: Sendable {
    public enum Kind: Sendable {
        /// A number in the range.
        case number(ClosedRange<Double>)
        /// A whole number in the range.
        case integer(ClosedRange<Int>)
        /// `NAME=WEIGHT` pairs, comma-separated or repeated.
        case weights
        /// A share (`20%`) or a number of units (`5`): see `Composite.Cutoff`.
        case cutoff
    }
    public var name: String
    public var kind: Kind
    public var valueName: String
    public var help: LocalizedText

    public init(_ name: String, _ kind: Kind, valueName: String, help: LocalizedText) {
        self.name = name
        self.kind = kind
        self.valueName = valueName
        self.help = help
    }
}

/// The options given to a reviewer, by name.
public struct ReviewOptions: Sendable {
    public enum Value: Sendable, Equatable {
        case number(Double)
        case integer(Int)
        case weights([String: Double])
        case cutoff(Composite.Cutoff)
    }

    public var values: [String: Value]

    public init(_ values: [String: Value] = [:]) { self.values = values }

    public func number(_ name: String) -> Double? {
        if case .number(let v)? = values[name] { return v }
        return nil
    }

    public func integer(_ name: String) -> Int? {
        if case .integer(let v)? = values[name] { return v }
        return nil
    }

    public func cutoff(_ name: String) -> Composite.Cutoff? {
        if case .cutoff(let v)? = values[name] { return v }
        return nil
    }

    public func weights(_ name: String) -> [String: Double] {
        if case .weights(let v)? = values[name] { return v }
        return [:]
    }

    /// Reads `--name value` and `--name=value` words against what the reviewer takes. An option it does not take is
    /// refused with the list it does take.
    public static func parse(_ words: [String], for reviewer: any Reviewer) throws -> ReviewOptions {
        var out: [String: Value] = [:]
        var k = 0
        let takes = reviewer.options.map { "--" + $0.name }
        func refuse(_ zh: String, _ en: String) -> ReviewError { ReviewError(LocalizedText(zh: zh, en: en)) }
        let taken = takes.isEmpty ? LocalizedText(zh: "它不接受任何选项", en: "it takes no options")
            : LocalizedText(zh: "它接受 \(takes.joined(separator: "、"))", en: "it takes \(takes.joined(separator: ", "))")
        while k < words.count {
            let word = words[k]
            guard word.hasPrefix("--") else {
                throw refuse("多余的参数“\(word)”：审查器“\(reviewer.id)”\(taken.zh)", "unexpected argument “\(word)”: the reviewer “\(reviewer.id)” \(taken.en)")
            }
            var name = String(word.dropFirst(2))
            var value: String?
            if let eq = name.firstIndex(of: "=") {
                value = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let option = reviewer.options.first(where: { $0.name == name }) else {
                let near = nearestNames(name, among: reviewer.options.map(\.name)).map { "--" + $0 }
                throw refuse("审查器“\(reviewer.id)”不接受 --\(name)" + (near.isEmpty ? "" : "（是否指 \(near.joined(separator: "、"))？）") + "：\(taken.zh)",
                             "the reviewer “\(reviewer.id)” does not take --\(name)" + (near.isEmpty ? "" : " (did you mean \(near.joined(separator: " or "))?)") + ": \(taken.en)")
            }
            if value == nil {
                k += 1
                guard k < words.count else {
                    throw refuse("--\(name) 需要一个值（\(option.valueName)）", "--\(name) needs a value (\(option.valueName))")
                }
                value = words[k]
            }
            let text = value!.trimmingSpaces()
            switch option.kind {
            case .number(let range):
                guard let v = Double(text), v.isFinite, range.contains(v) else {
                    throw refuse("--\(name) 应是 \(formatNumber(range.lowerBound)) 到 \(formatNumber(range.upperBound)) 之间的数，不是“\(text)”",
                                 "--\(name) must be a number from \(formatNumber(range.lowerBound)) to \(formatNumber(range.upperBound)), not “\(text)”")
                }
                out[name] = .number(v)
            case .integer(let range):
                guard let v = Int(text), range.contains(v) else {
                    throw refuse("--\(name) 应是 \(range.lowerBound) 到 \(range.upperBound) 之间的整数，不是“\(text)”",
                                 "--\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not “\(text)”")
                }
                out[name] = .integer(v)
            case .cutoff:
                guard let v = Composite.Cutoff(text) else {
                    throw refuse("--\(name) 应是\(Composite.Cutoff.expected.zh)，不是“\(text)”", "--\(name) must be \(Composite.Cutoff.expected.en), not “\(text)”")
                }
                out[name] = .cutoff(v)
            case .weights:
                var weights: [String: Double] = (out[name]).flatMap { if case .weights(let w) = $0 { w } else { nil } } ?? [:]
                for item in text.split(separator: ",") {
                    let parts = item.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces() }
                    guard parts.count == 2, !parts[0].isEmpty, let w = Double(parts[1]) else {
                        throw refuse("--\(name) 取“维度=权重”，如 --\(name) talent=2,organisation=1（这里是“\(item)”）",
                                     "--\(name) takes DIMENSION=WEIGHT pairs, e.g. --\(name) talent=2,organisation=1 (got “\(item)”)")
                    }
                    weights[parts[0]] = w
                }
                out[name] = .weights(weights)
            }
            k += 1
        }
        return ReviewOptions(out)
    }
}
