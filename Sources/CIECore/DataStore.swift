#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
/// regions with data). An empty cell marks a missing value. Reading a value
/// is an array load for the row, two multiplications and a load.
public struct DataStore: Sendable {
    /// One stored value and where it came from: the file, line and column (a later load that contradicts it names
    /// that place). 16 bytes, so that a write is one store. All zero bits is an empty cell, so that fresh memory
    /// needs no filling: the value is kept as its bits XOR a NaN's (NaN is never data).
    struct Cell: Sendable {
        private var bits: UInt64
        var line: UInt32
        var file: UInt16
        var column: UInt16
        private static let nanBits = Double.nan.bitPattern

        init(value: Double, line: UInt32, file: UInt16, column: UInt16) {
            bits = value.bitPattern ^ Cell.nanBits
            self.line = line
            self.file = file
            self.column = column
        }

        @inline(__always) var isEmpty: Bool { bits == 0 }
        @inline(__always) var value: Double { Double(bitPattern: bits ^ Cell.nanBits) }
    }

    /// One indicator's cells in memory of their own, shared by copies of the store until one of them writes.
    ///
    /// Written by hand (an anonymous mapping, not an Array) for the load's inner loop (`write(run:)`): it writes
    /// through a pointer taken once per column, where an Array checks uniqueness and bounds at every write. The
    /// mapping has room for a row per region the table has, and only the pages written are ever made: untouched
    /// rows cost no memory, new rows move nothing (until a regions file adds units beyond the room), and a value's page arrives zeroed (empty) just before it is
    /// written, not filled long before and fetched again from memory.
    final class Cells: @unchecked Sendable {
        let base: UnsafeMutablePointer<Cell>
        let capacity: Int
        private let length: Int

        /// Room for `n` empty cells, and the first `count` of `other` copied into it.
        init(capacity n: Int, copying other: Cells? = nil, count: Int = 0) {
            let page = Cells.pageSize
            length = max(page, (n * MemoryLayout<Cell>.stride + page - 1) / page * page)
            guard let p = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0), p != MAP_FAILED else {
                fatalError("out of memory for \(n) cells")
            }
            base = p.bindMemory(to: Cell.self, capacity: n)
            capacity = n
            if let other, count > 0 {
                let copied = min(count, other.capacity, n)
                UnsafeMutableRawPointer(base).copyMemory(from: other.base, byteCount: copied * MemoryLayout<Cell>.stride)
                ready = copied
            }
        }

        private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

        /// The cells below this one lie in pages already made (written, or made by `prepare`).
        private(set) var ready = 0

        /// Makes the pages from `ready` to a little past cell `index` in one call, before that cell is read: a page
        /// first read is mapped to the kernel's page of zeros and faults again when written, and that second fault
        /// flushes the page from every core's TLB, an interrupt to the other core each time (a quarter of the CPU of a
        /// two-core load of the national long CSV). Returns the new `ready`. The pages of rows a sparse column never
        /// writes below its last are made too: at most the column's size, were it full.
        @discardableResult
        func prepare(through index: Int) -> Int {
            let stride = MemoryLayout<Cell>.stride, page = Cells.pageSize
            let from = ready * stride / page * page
            let to = min(length, ((index + 1) * stride + Cells.prepareAhead + page - 1) / page * page)
            #if os(Linux)
            // MADV_POPULATE_WRITE (Linux 5.14): on an older kernel the call fails and the pages come by faults, as before.
            if to > from { _ = madvise(UnsafeMutableRawPointer(base) + from, to - from, 23) }
            #endif
            ready = min(capacity, to / stride)
            return ready
        }

        /// How far past the cell written `prepare` goes: 16 KiB, 50 rows of 20 years. (64 KiB made the wide CSV 7 %
        /// slower: 50 columns' pages zeroed that far ahead leave the cache before they are written.)
        private static let prepareAhead = 16 << 10

        deinit { munmap(base, length) }
    }

    /// One indicator's cells, row × year; no cells for an indicator without a value.
    struct Column: Sendable {
        var cells: Cells?
        var count = 0

        var isAbsent: Bool { cells == nil }
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

    /// The cell of a stored value (a slot of a column that has cells).
    @inline(__always) private func cell(_ indicator: IndicatorIndex, _ region: RegionIndex, _ year: Int) -> Cell? {
        guard Int(indicator) < columns.count, let cells = columns[Int(indicator)].cells, let s = slot(region, year) else { return nil }
        let cell = cells.base[s]
        return cell.isEmpty ? nil : cell
    }

    /// The stored value, if any (no derivation or aggregation: see `Evaluator`).
    @inline(__always) public func value(_ indicator: IndicatorIndex, _ region: RegionIndex, _ year: Int) -> Double? {
        cell(indicator, region, year)?.value
    }

    public func origin(_ indicator: IndicatorIndex, _ region: RegionIndex, _ year: Int) -> Origin? {
        cell(indicator, region, year).map { Origin(file: files[Int($0.file)], line: Int($0.line), column: Int($0.column)) }
    }

    /// How many values are loaded for an indicator.
    public func count(of indicator: IndicatorIndex) -> Int {
        guard Int(indicator) < columns.count else { return 0 }
        return columns[Int(indicator)].count
    }

    /// Years with a value for this indicator and region, ascending.
    public func years(_ indicator: IndicatorIndex, _ region: RegionIndex) -> [Int] {
        guard Int(indicator) < columns.count, let cells = columns[Int(indicator)].cells, let base = slot(region, firstYear) else { return [] }
        return (0..<yearCount).filter { !cells.base[base + $0].isEmpty }.map { firstYear + $0 }
    }

    /// Whether any value is loaded for the region (any indicator, any year).
    @inline(__always) public func hasData(_ region: RegionIndex) -> Bool {
        Int(region) < rowOf.count && rowOf[Int(region)] >= 0
    }

    /// The regions with any value, in table order.
    public var regionsWithData: [RegionIndex] {
        rowOf.indices.filter { rowOf[$0] >= 0 }.map { RegionIndex($0) }
    }

    /// Writes a batch that has been checked (tests and fixtures; loaders write with `write`), keeping the first of
    /// two values for one cell.
    public mutating func insert(_ batch: [Observation], from file: String, regionCount: Int, indicatorCount: Int) {
        guard !batch.isEmpty else { return }
        let id = addFile(file)
        batch.withUnsafeBufferPointer { all in
            var from = 0
            while from < all.count {
                from = write(run: UnsafeBufferPointer(rebasing: all[from...]), lineOffset: 0, file: id,
                             regionCount: regionCount, indicatorCount: indicatorCount).written + from + 1
            }
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
    public mutating func write(_ value: Double, _ indicator: IndicatorIndex, _ region: RegionIndex, _ year: Int,
                               file: UInt16, line: UInt32, column: UInt16, regionCount: Int, indicatorCount: Int) -> Taken? {
        let i = Int(indicator)
        let row = room(Int(region), year, i, regionCount: regionCount, indicatorCount: indicatorCount).row
        let s = row * yearCount + (year - firstYear)
        let p = ownCells(i, through: s).base + s
        if !p.pointee.isEmpty { return Taken(value: p.pointee.value, file: p.pointee.file, line: p.pointee.line, column: p.pointee.column) }
        p.pointee = Cell(value: value, line: line, file: file, column: column)
        columns[i].count += 1
        latestYear = max(latestYear ?? year, year)
        earliestYear = min(earliestYear ?? year, year)
        return nil
    }

    /// What `write(run:)` did: how many values it wrote from the start of the run, and what the cell of the next
    /// one held (nil when the whole run was written).
    public struct RunWritten: Sendable {
        public var written: Int
        public var taken: Taken?
        /// The earliest and latest year of the values written (nil when none was).
        public var years: ClosedRange<Int>?
    }

    /// Writes values in order, each as `write` does (`line` + `lineOffset` is the line stored), until one finds its
    /// cell taken: that one is not written, and the caller decides what it is (a repeat or a conflict) before it
    /// writes the rest. The loaders' bulk path: a national long CSV's millions of values go through here.
    public mutating func write(run: UnsafeBufferPointer<Observation>, lineOffset: Int, file: UInt16, regionCount: Int,
                               indicatorCount: Int) -> RunWritten {
        // A column's cells, made this store's own when first written in the run, and the values written into it
        // (counted here, not in `columns`, whose every change checks that the array is unique): both are handed
        // back when the layout changes.
        var pointers = [UnsafeMutablePointer<Cell>?](repeating: nil, count: columns.count)
        // How far each column's pages are made (`Cells.prepare`), read once per column per run.
        var ready = [Int](repeating: 0, count: columns.count)
        var added = [Int](repeating: 0, count: columns.count)
        var lo = Int.max, hi = Int.min
        var written = 0
        var taken: Taken?
        for o in run {
            let year = Int(o.year), i = Int(o.indicator)
            let (row, moved) = room(Int(o.region), year, i, regionCount: regionCount, indicatorCount: indicatorCount)
            if moved {
                settle(&added, &pointers)
                ready = [Int](repeating: 0, count: columns.count)
            }
            let s = row * yearCount + (year - firstYear)
            let p: UnsafeMutablePointer<Cell>
            if let q = pointers[i], s < ready[i] {
                p = q + s
            } else {
                let (q, made) = ownCells(i, through: s)
                pointers[i] = q
                ready[i] = made
                p = q + s
            }
            if !p.pointee.isEmpty {
                taken = Taken(value: p.pointee.value, file: p.pointee.file, line: p.pointee.line, column: p.pointee.column)
                break
            }
            p.pointee = Cell(value: o.value, line: o.line &+ UInt32(truncatingIfNeeded: lineOffset), file: file, column: o.column)
            added[i] += 1
            lo = min(lo, year)
            hi = max(hi, year)
            written += 1
        }
        settle(&added, &pointers)
        guard written > 0 else { return RunWritten(written: 0, taken: taken, years: nil) }
        latestYear = max(latestYear ?? hi, hi)
        earliestYear = min(earliestYear ?? lo, lo)
        return RunWritten(written: written, taken: taken, years: lo...hi)
    }

    /// The row of the value's cell, the layout grown to hold it (rows, years, columns); `moved`: cells were moved
    /// (pointers into them are stale).
    @inline(__always) private mutating func room(_ region: Int, _ year: Int, _ indicator: Int, regionCount: Int, indicatorCount: Int) -> (row: Int, moved: Bool) {
        var moved = false
        if year < firstYear || year >= firstYear + yearCount || region >= rowOf.count || indicator >= columns.count {
            grow(toHold: RegionIndex(region), year, IndicatorIndex(indicator), regionCount: regionCount, indicatorCount: indicatorCount)
            moved = true
        }
        var row = Int(rowOf[region])
        if row < 0 {
            moved = moved || rowCount == rowCapacity
            row = addRow(RegionIndex(region))
        }
        return (row, moved)
    }

    /// Adds a run's counts to its columns and forgets its pointers (before and after the layout changes).
    private mutating func settle(_ added: inout [Int], _ pointers: inout [UnsafeMutablePointer<Cell>?]) {
        for (i, n) in added.enumerated() where n > 0 { columns[i].count += n }
        added = [Int](repeating: 0, count: columns.count)
        pointers = [UnsafeMutablePointer<Cell>?](repeating: nil, count: columns.count)
    }

    /// The cells of column `i`, this store's own (copied if another store shares them, made if there are none),
    /// with their pages made through cell `s` (`Cells.prepare`): where they start, and how far the pages are made.
    /// (A pointer and a count, not the object: returning it cost a retain and a release per value written.)
    private mutating func ownCells(_ i: Int, through s: Int) -> (base: UnsafeMutablePointer<Cell>, ready: Int) {
        if columns[i].cells == nil {
            columns[i].cells = Cells(capacity: rowCapacity * yearCount)
        } else if !isKnownUniquelyReferenced(&columns[i].cells) {
            columns[i].cells = Cells(capacity: rowCapacity * yearCount, copying: columns[i].cells!, count: rowCount * yearCount)
        }
        if s >= columns[i].cells.unsafelyUnwrapped.ready { columns[i].cells.unsafelyUnwrapped.prepare(through: s) }
        return (columns[i].cells.unsafelyUnwrapped.base, columns[i].cells.unsafelyUnwrapped.ready)
    }

    /// Gives a region the next row. The columns have room for a row per region the table has (`grow`), so they move
    /// only when regions were added since.
    private mutating func addRow(_ region: RegionIndex) -> Int {
        if rowCount == rowCapacity {
            let more = max(rowOf.count, rowCapacity + 64)
            for i in columns.indices {
                guard let old = columns[i].cells else { continue }
                columns[i].cells = Cells(capacity: more * yearCount, copying: old, count: rowCount * yearCount)
            }
            rowCapacity = more
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
        for i in columns.indices {
            guard let old = columns[i].cells else { continue }
            let c = Cells(capacity: rowCapacity * newCount)
            for r in 0..<rowCount {
                for y in 0..<oldCount {
                    let from = old.base[r * oldCount + y]
                    guard !from.isEmpty else { continue }
                    c.base[r * newCount + (oldFirst + y - newFirst)] = from
                }
            }
            columns[i].cells = c
        }
        firstYear = newFirst
        yearCount = newCount
    }
}
