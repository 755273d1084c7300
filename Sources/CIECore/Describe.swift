/// How quantities read in words, shared by the condition kinds' descriptions, `explain`, reports and the docs.
public enum Describe {
    public static func quantity(_ q: Quantity, catalogue: IndicatorCatalogue, _ language: Language) -> String {
        switch q {
        case .indicator(let id):
            guard let i = catalogue.lookup(id) else { return id }
            return "\(catalogue[i].name(language)) [\(id)]"
        case .own(let id):
            let name = quantity(.indicator(id), catalogue: catalogue, language)
            return language == .zh ? "本级\(name)（不计下辖单位）" : "\(name) of the area itself (not its units)"
        case .sum(let qs):
            return qs.map { quantity($0, catalogue: catalogue, language) }.joined(separator: " + ")
        case .percent(let a, let b):
            return "\(quantity(a, catalogue: catalogue, language)) / \(quantity(b, catalogue: catalogue, language)) × 100%"
        case .shareOfTotal(let id, let filter):
            let name = quantity(.indicator(id), catalogue: catalogue, language)
            return language == .zh ? "\(filter.describe(.zh))的\(name)占全域的比重(%)" : "share (%) of \(name) held by \(filter.describe(.en))"
        case .mean(let x, let filter, let weight):
            let name = quantity(x, catalogue: catalogue, language)
            let units = filter.map { $0.describe(language) } ?? (language == .zh ? "各单位" : "the units")
            let w = weight.map { quantity($0, catalogue: catalogue, language) }
            return language == .zh ? "\(units)\(name)的平均值" + (w.map { "（以\($0)加权）" } ?? "")
                : "mean of \(name) over \(units)" + (w.map { " (weighted by \($0))" } ?? "")
        }
    }

}
