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

/// The loaded values, held columnar: one dense column per indicator, laid out row × year, where a region gets a
/// row when its first value is written (the region table holds every division since 1981; a column holds only the
/// regions with data). NaN marks a missing value (NaN is refused on input, so it can never be data). Reading a value
/// is an array load for the row, two multiplications and an array load.
public struct DataStore: Sendable {
    /// One stored value and where it came from: the file, line and column (a later load that contradicts it names
    /// that place). 16 bytes, so that a write is one store into one array.
    struct Cell: Sendable {
        var value: Double
        var line: UInt32
        var file: UInt16
        var column: UInt16
        static let empty = Cell(value: .nan, line: 0, file: 0, column: 0)
    }

    /// One indicator's cells, row × year; no cells for an indicator without a value.
    struct Column: Sendable {
        var cells: [Cell] = []
        var count = 0

        init() {}

        init(count n: Int) {
            cells = [Cell](repeating: .empty, count: n)
        }

        var isAbsent: Bool { cells.isEmpty }

        /// Room for `n` more cells at the end (rows added; the layout of the others unchanged). The capacity asked
        /// for is exact: left to itself, an array doubles, and a national load would hold twice the cells it needs.
        mutating func extend(by n: Int) {
            cells.reserveCapacity(cells.count + n)
            cells.append(contentsOf: repeatElement(.empty, count: n))
        }
    }

    public private(set) var firstYear: Int = 0
    public private(set) var yearCount: Int = 0
    /// The row of each region (by index), -1 for a region with no value.
    private var rowOf: [Int32] = []
    /// Rows in use, and rows the columns have room for.
    private var rowCount = 0
    private var rowCapacity = 0
    private var columns: [Column] = []
    /// The files values came from, by the id their cells carry.
    public private(set) var files: [String] = []
    /// The latest year that holds any value.
    public private(set) var latestYear: Int?
    /// The earliest year that holds any value.
    public private(set) var earliestYear: Int?

    public init() {}

    public var isEmpty: Bool { latestYear == nil }

    /// The years from the earliest to the latest that hold a value.
    public var years: ClosedRange<Int>? {
        guard let earliestYear, let latestYear else { return nil }
        return earliestYear...latestYear
    }

    @inline(__always) private func slot(_ region: RegionIndex, _ year: Int) -> Int? {
        let y = year - firstYear
        guard y >= 0, y < yearCount, Int(region) < rowOf.count else { return nil }
        let row = Int(rowOf[Int(region)])
        return row < 0 ? nil : row * yearCount + y
    }

    /// The stored value, if any (no derivation or aggregation: see `Evaluator`).
    @inline(__always) public func value(_ indicator: IndicatorIndex, _ region: RegionIndex, _ year: Int) -> Double? {
        guard Int(indicator) < columns.count, !columns[Int(indicator)].isAbsent, let s = slot(region, year) else { return nil }
        let v = columns[Int(indicator)].cells[s].value
        return v.isNaN ? nil : v
    }

    public func origin(_ indicator: IndicatorIndex, _ region: RegionIndex, _ year: Int) -> Origin? {
        guard Int(indicator) < columns.count, !columns[Int(indicator)].isAbsent, let s = slot(region, year) else { return nil }
        let cell = columns[Int(indicator)].cells[s]
        guard !cell.value.isNaN else { return nil }
        return Origin(file: files[Int(cell.file)], line: Int(cell.line), column: Int(cell.column))
    }

    /// How many values are loaded for an indicator.
    public func count(of indicator: IndicatorIndex) -> Int {
        guard Int(indicator) < columns.count else { return 0 }
        return columns[Int(indicator)].count
    }

    /// Years with a value for this indicator and region, ascending.
    public func years(_ indicator: IndicatorIndex, _ region: RegionIndex) -> [Int] {
        guard Int(indicator) < columns.count, !columns[Int(indicator)].isAbsent, let base = slot(region, firstYear) else { return [] }
        let cells = columns[Int(indicator)].cells
        return (0..<yearCount).filter { !cells[base + $0].value.isNaN }.map { firstYear + $0 }
    }

    /// Whether any value is loaded for the region (any indicator, any year).
    @inline(__always) public func hasData(_ region: RegionIndex) -> Bool {
        Int(region) < rowOf.count && rowOf[Int(region)] >= 0
    }

    /// The regions with any value, in table order.
    public var regionsWithData: [RegionIndex] {
        rowOf.indices.filter { rowOf[$0] >= 0 }.map { RegionIndex($0) }
    }

    /// Writes a batch that has been checked (tests and fixtures; loaders write cell by cell with `write`).
    public mutating func insert(_ batch: [Observation], from file: String, regionCount: Int, indicatorCount: Int) {
        guard !batch.isEmpty else { return }
        let id = addFile(file)
        for o in batch {
            _ = write(o.value, o.indicator, o.region, Int(o.year), file: id, line: o.line, column: o.column,
                      regionCount: regionCount, indicatorCount: indicatorCount)
        }
        trim()
    }

    /// Registers a file values are about to come from; its id goes with each `write`.
    public mutating func addFile(_ name: String) -> UInt16 {
        files.append(name)
        return UInt16(clamping: files.count - 1)
    }

    /// What a cell held when a write found it taken.
    public struct Taken: Sendable {
        public var value: Double
        public var file: UInt16
        public var line: UInt32
        public var column: UInt16
        public func origin(in store: DataStore) -> Origin {
            Origin(file: store.files[Int(file)], line: Int(line), column: Int(column))
        }
    }

    /// Stores a value unless its cell already holds one; then returns what the cell holds and leaves it as it is
    /// (the caller decides whether that is a repeat or a conflict). Grows the layout when the region, year or
    /// indicator lies outside it. A loader writes into a copy of the store and keeps the copy only when the whole
    /// file is good, so a failed load changes nothing (columns it did not touch stay shared).
    @inline(__always)
    public mutating func write(_ value: Double, _ indicator: IndicatorIndex, _ region: RegionIndex, _ year: Int,
                               file: UInt16, line: UInt32, column: UInt16, regionCount: Int, indicatorCount: Int) -> Taken? {
        let y = year - firstYear
        if y < 0 || y >= yearCount || Int(region) >= rowOf.count || Int(indicator) >= columns.count {
            grow(toHold: region, year, indicator, regionCount: regionCount, indicatorCount: indicatorCount)
        }
        var row = Int(rowOf[Int(region)])
        if row < 0 { row = addRow(region) }
        let s = row * yearCount + (year - firstYear)
        let i = Int(indicator)
        if columns[i].isAbsent { columns[i] = Column(count: rowCapacity * yearCount) }
        let old = columns[i].cells[s]
        if !old.value.isNaN { return Taken(value: old.value, file: old.file, line: old.line, column: old.column) }
        columns[i].cells[s] = Cell(value: value, line: line, file: file, column: column)
        columns[i].count += 1
        if latestYear == nil || year > latestYear! { latestYear = year }
        if earliestYear == nil || year < earliestYear! { earliestYear = year }
        return nil
    }

    /// Gives a region the next row, making room for more rows (half again, at least 64, never more than the regions
    /// the table has) when they are used up.
    private mutating func addRow(_ region: RegionIndex) -> Int {
        if rowCount == rowCapacity {
            let more = min(max(64, rowCapacity / 2), max(1, rowOf.count - rowCapacity))
            for i in columns.indices where !columns[i].isAbsent { columns[i].extend(by: more * yearCount) }
            rowCapacity += more
        }
        rowOf[Int(region)] = Int32(rowCount)
        rowCount += 1
        return rowCount - 1
    }

    private mutating func grow(toHold region: RegionIndex, _ year: Int, _ indicator: IndicatorIndex, regionCount: Int, indicatorCount: Int) {
        // Every region the table has now, so that a load adding units does not grow this for each one.
        let regions = max(rowOf.count, regionCount, Int(region) + 1)
        if rowOf.count < regions { rowOf += [Int32](repeating: -1, count: regions - rowOf.count) }
        let indicators = max(indicatorCount, Int(indicator) + 1, columns.count)
        if columns.count < indicators { columns += [Column](repeating: Column(), count: indicators - columns.count) }
        guard yearCount == 0 || year < firstYear || year >= firstYear + yearCount else { return }
        var lo = yearCount == 0 ? year : min(firstYear, year)
        var hi = yearCount == 0 ? year : max(firstYear + yearCount - 1, year)
        // A file read year by year would otherwise move everything once per new year: grow by half again (at least
        // four years) in the direction needed, and let `trim` drop what stayed empty.
        let slack = max(4, (hi - lo + 1) / 2)
        if yearCount > 0, year < firstYear { lo -= slack }
        if yearCount > 0, year >= firstYear + yearCount { hi += slack }
        if yearCount == 0 { hi += slack }
        relayout(firstYear: lo, yearCount: hi - lo + 1)
    }

    /// Drops the empty years the growth left at either end (a loader calls this when a file is done), when they are
    /// more than a quarter of the layout: moving every value costs more than the room it frees below that.
    public mutating func trim() {
        guard let latest = latestYear, let earliest = earliestYear else { return }
        if (latest - earliest + 1) * 4 >= yearCount * 3 { return }
        relayout(firstYear: earliest, yearCount: latest - earliest + 1)
    }

    /// Lays every column out again for another range of years, moving the values.
    private mutating func relayout(firstYear newFirst: Int, yearCount newCount: Int) {
        if newFirst == firstYear, newCount == yearCount { return }
        let oldFirst = firstYear, oldCount = yearCount
        for i in columns.indices where !columns[i].isAbsent {
            let old = columns[i]
            var c = Column(count: rowCapacity * newCount)
            c.count = old.count
            for r in 0..<rowCount {
                for y in 0..<oldCount {
                    let from = r * oldCount + y
                    guard !old.cells[from].value.isNaN else { continue }
                    c.cells[r * newCount + (oldFirst + y - newFirst)] = old.cells[from]
                }
            }
            columns[i] = c
        }
        firstYear = newFirst
        yearCount = newCount
    }
}
