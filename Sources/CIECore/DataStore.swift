/// One value for one region, year and indicator, with where it came from.
/// Plain integers and a double: a batch of millions is one flat array, with no String or dictionary per value.
public struct Observation: Sendable, Equatable {
    public var region: RegionIndex
    public var indicator: IndicatorIndex
    public var year: Int16
    public var column: UInt16
    public var line: UInt32
    public var value: Double

    public init(region: RegionIndex, indicator: IndicatorIndex, year: Int, value: Double, line: Int, column: Int) {
        self.region = region
        self.indicator = indicator
        self.year = Int16(year)
        self.value = value
        self.line = UInt32(clamping: line)
        self.column = UInt16(clamping: column)
    }
}

/// Where a stored value came from.
public struct Origin: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var description: String { "\(file):\(line):\(column)" }
}

/// The loaded values, held columnar: one dense column per indicator, laid out region × year,
/// with NaN marking a missing value (NaN is refused on input, so it can never be data).
/// Reading a value is two multiplications and an array load.
public struct DataStore: Sendable {
    struct Column: Sendable {
        var values: [Double]
        var file: [UInt16]
        var line: [UInt32]
        var column: [UInt16]
        var count: Int
    }

    public private(set) var firstYear: Int = 0
    public private(set) var yearCount: Int = 0
    public private(set) var regionCapacity: Int = 0
    private var columns: [Column?] = []
    /// The files values came from, by the id their cells carry.
    public private(set) var files: [String] = []
    /// The latest year that holds any value.
    public private(set) var latestYear: Int?

    public init() {}

    public var isEmpty: Bool { latestYear == nil }

    @inline(__always) private func slot(_ region: RegionIndex, _ year: Int) -> Int? {
        let y = year - firstYear
        guard y >= 0, y < yearCount, Int(region) < regionCapacity else { return nil }
        return Int(region) * yearCount + y
    }

    /// The stored value, if any (no derivation or aggregation: see `Evaluator`).
    @inline(__always) public func value(_ indicator: IndicatorIndex, _ region: RegionIndex, _ year: Int) -> Double? {
        guard Int(indicator) < columns.count, let column = columns[Int(indicator)], let s = slot(region, year) else { return nil }
        let v = column.values[s]
        return v.isNaN ? nil : v
    }

    public func origin(_ indicator: IndicatorIndex, _ region: RegionIndex, _ year: Int) -> Origin? {
        guard Int(indicator) < columns.count, let column = columns[Int(indicator)], let s = slot(region, year),
              !column.values[s].isNaN
        else { return nil }
        return Origin(file: files[Int(column.file[s])], line: Int(column.line[s]), column: Int(column.column[s]))
    }

    /// How many values are loaded for an indicator.
    public func count(of indicator: IndicatorIndex) -> Int {
        guard Int(indicator) < columns.count, let column = columns[Int(indicator)] else { return 0 }
        return column.count
    }

    /// Years with a value for this indicator and region, ascending.
    public func years(_ indicator: IndicatorIndex, _ region: RegionIndex) -> [Int] {
        guard Int(indicator) < columns.count, let column = columns[Int(indicator)], Int(region) < regionCapacity else { return [] }
        let base = Int(region) * yearCount
        return (0..<yearCount).filter { !column.values[base + $0].isNaN }.map { firstYear + $0 }
    }

    /// Whether any value is loaded for the region (any indicator, any year).
    public func hasData(_ region: RegionIndex) -> Bool {
        guard Int(region) < regionCapacity else { return false }
        let base = Int(region) * yearCount
        for case let column? in columns {
            for y in 0..<yearCount where !column.values[base + y].isNaN { return true }
        }
        return false
    }

    /// The observations of a batch that contradict a stored value, with the stored value's origin.
    public func conflicts(with batch: [Observation]) -> [(Observation, Origin, Double)] {
        var out: [(Observation, Origin, Double)] = []
        for o in batch {
            if let v = value(o.indicator, o.region, Int(o.year)), !Tolerance.equal(v, o.value),
               let origin = origin(o.indicator, o.region, Int(o.year)) {
                out.append((o, origin, v))
            }
        }
        return out
    }

    /// Writes a batch that has been checked: no conflicts within it or with the store.
    public mutating func insert(_ batch: [Observation], from file: String, regionCount: Int, indicatorCount: Int) {
        guard !batch.isEmpty else { return }
        var lo = Int.max, hi = Int.min
        for o in batch {
            lo = min(lo, Int(o.year))
            hi = max(hi, Int(o.year))
        }
        if yearCount > 0 {
            lo = min(lo, firstYear)
            hi = max(hi, firstYear + yearCount - 1)
        }
        reshape(firstYear: lo, yearCount: hi - lo + 1, regionCapacity: max(regionCount, regionCapacity), indicators: indicatorCount)
        let fileID = UInt16(clamping: files.count)
        files.append(file)
        for o in batch {
            let s = Int(o.region) * yearCount + Int(o.year) - firstYear
            let i = Int(o.indicator)
            if columns[i] == nil {
                let n = regionCapacity * yearCount
                columns[i] = Column(values: [Double](repeating: .nan, count: n), file: [UInt16](repeating: 0, count: n),
                                    line: [UInt32](repeating: 0, count: n), column: [UInt16](repeating: 0, count: n), count: 0)
            }
            if columns[i]!.values[s].isNaN { columns[i]!.count += 1 }
            columns[i]!.values[s] = o.value
            columns[i]!.file[s] = fileID
            columns[i]!.line[s] = o.line
            columns[i]!.column[s] = o.column
            latestYear = max(latestYear ?? Int(o.year), Int(o.year))
        }
    }

    /// Grows the dense layout to hold more years, regions or indicators, moving existing values.
    private mutating func reshape(firstYear newFirst: Int, yearCount newCount: Int, regionCapacity newRegions: Int, indicators: Int) {
        if columns.count < indicators { columns += [Column?](repeating: nil, count: indicators - columns.count) }
        if newFirst == firstYear, newCount == yearCount, newRegions == regionCapacity { return }
        let oldFirst = firstYear, oldCount = yearCount, oldRegions = regionCapacity
        let n = newRegions * newCount
        for i in columns.indices {
            guard let old = columns[i] else { continue }
            var c = Column(values: [Double](repeating: .nan, count: n), file: [UInt16](repeating: 0, count: n),
                           line: [UInt32](repeating: 0, count: n), column: [UInt16](repeating: 0, count: n), count: old.count)
            for r in 0..<oldRegions {
                for y in 0..<oldCount {
                    let from = r * oldCount + y
                    guard !old.values[from].isNaN else { continue }
                    let to = r * newCount + (oldFirst + y - newFirst)
                    c.values[to] = old.values[from]
                    c.file[to] = old.file[from]
                    c.line[to] = old.line[from]
                    c.column[to] = old.column[from]
                }
            }
            columns[i] = c
        }
        firstYear = newFirst
        yearCount = newCount
        regionCapacity = newRegions
    }
}
