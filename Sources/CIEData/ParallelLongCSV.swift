import CIECore
import Dispatch
import Foundation

/// Reads a large long CSV on two cores.
///
/// A file without a single `"` can be cut at any line break. So the rows after the header are cut into blocks of a
/// few MB. Two workers read alternate blocks: each resolves its rows on the fast path (bytes, the byte tables, plain
/// numbers) into a small buffer of cells. The loading thread writes the previous pair of blocks into the store
/// while the workers read the next pair. It writes them in file order, so repeats, conflicts and the first-seen
/// order of custom indicators come out exactly as a single pass gives them.
///
/// A row a worker cannot take on the fast path is handed back by its place and read by the single-pass code when
/// its turn comes: ragged rows, unknown or ambiguous names, custom indicators, units, flags, anything to report.
/// Memory stays flat: four blocks' cells at most, whatever the size of the file.
enum ParallelLongCSV {
    /// Files smaller than this are read in one pass: starting the workers would cost more than it saves.
    /// (Variables so that the tests can run the parallel path on small files; nothing else changes them.)
    nonisolated(unsafe) static var minimumBytes = 8 << 20
    nonisolated(unsafe) static var blockBytes = 2 << 20

    /// What a worker made of a block.
    struct Block {
        /// Uses of former codes (a code of the same unit in other years) read on the fast path, their first line
        /// counted from the block's start: the loading thread adds them to the load's notes (`FileParse.mergeFormer`).
        var formers: [RegionLookup.FormerUse] = []
        /// The values read, in file order, each `line` counted from the block's start.
        var cells: [Observation] = []
        /// Rows for the single pass: where the row starts, its line in the block, and how many cells come before it.
        var deferred: [(offset: Int, line: Int, before: Int)] = []
        /// Line breaks in the block (so the next block knows its first line).
        var lines = 0
        /// Rows read on the fast path.
        var rows = 0
    }

    /// The tables a worker reads: copies taken when its pair of blocks starts (copy on write: nothing is copied
    /// unless the loading thread changes its own, as when it adds a custom indicator).
    struct Snapshot: @unchecked Sendable {
        var regions: RegionTable
        var catalogue: IndicatorCatalogue
        var traits: [FileParse.Traits]
        var bytes: UnsafeBufferPointer<UInt8>
        var columns: FileParse.LongColumns
    }

    /// The high bit of each byte of `w` that equals `byte`, exactly: `(x & 0x7F…) + 0x7F…` cannot carry from one
    /// byte into the next, so a byte next to a match (`,-3`) is never taken for one.
    @inline(__always) static func bytes(of w: UInt64, equalTo byte: UInt8) -> UInt64 {
        let x = w ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x | 0x7F7F_7F7F_7F7F_7F7F)
    }

    /// A worker's own name caches, kept from one block to the next.
    final class Worker: @unchecked Sendable {
        var regionBytes = ByteTable<RegionLookup.Stable>()
        var indicatorBytes = ByteTable<IndicatorIndex>()
        var result = Block()

        func read(_ start: Int, _ end: Int, _ s: Snapshot) {
            // Locals, not the class's properties, inside the loop: every access to a class property is checked
            // for exclusivity at run time, which cost a third of the time here.
            var regionBytes = self.regionBytes, indicatorBytes = self.indicatorBytes
            self.regionBytes = ByteTable()
            self.indicatorBytes = ByteTable()
            // Field bounds in fixed slots, one pair a column: a row with more fields than the header is ragged
            // (the single pass reports it), so its extra fields need no slot.
            let width = s.columns.width
            let fieldStarts = UnsafeMutablePointer<Int>.allocate(capacity: width)
            let fieldEnds = UnsafeMutablePointer<Int>.allocate(capacity: width)
            defer {
                (self.regionBytes, self.indicatorBytes) = (regionBytes, indicatorBytes)
                fieldStarts.deallocate()
                fieldEnds.deallocate()
            }
            // The row before's region bytes and their table entry: rows of one unit come together.
            var previousRegion: (p: UnsafePointer<UInt8>, n: Int, entry: Int)?
            // The last unit's type, for the same reason: whether it is an area (a flag may then count its units).
            var lastUnit: RegionIndex = -1, lastIsArea = false
            var out = Block()
            out.cells.reserveCapacity((end - start) / 32)
            var tallyOf: [Int: Int] = [:]  // a byte table entry → its tally in this block
            let c = s.columns
            guard let base = s.bytes.baseAddress else {
                result = out
                return
            }
            let fieldLimit = CSVReader.maxFieldBytes
            var lineStart = start
            var lines = 0
            // Straight-line code, no nested functions: a local captured by a closure is boxed and every access
            // to it is checked for exclusivity at run time.
            while lineStart < end {
                // The row is [lineStart, lineEnd); its line break (if any) is at `nl`.
                let found = memchr(base + lineStart, 0x0A, end - lineStart)
                let nl = found.map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? end
                let next = nl + 1
                var lineEnd = nl
                if lineEnd > lineStart, base[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let lineInBlock = lines
                if found != nil { lines += 1 }
                if lineEnd == lineStart {  // a blank line
                    lineStart = next
                    continue
                }
                // Fields: split at commas (there is no quote anywhere in the file), eight bytes at a time: a word
                // with no comma and no byte ≥ 0x80 is passed over whole.
                var fields = 0
                var ascii = true
                var fieldStart = lineStart
                var k = lineStart
                while k < lineEnd {
                    if k + 8 <= lineEnd {
                        let w = UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)
                        var commas = ParallelLongCSV.bytes(of: w, equalTo: 0x2C)
                        if w & 0x8080_8080_8080_8080 != 0 { ascii = false }
                        while commas != 0 {
                            let at = k + commas.trailingZeroBitCount >> 3
                            if fields < width {
                                fieldStarts[fields] = fieldStart
                                fieldEnds[fields] = at
                            }
                            fields += 1
                            fieldStart = at + 1
                            commas &= commas &- 1
                        }
                        k += 8
                        continue
                    }
                    let b = base[k]
                    if b == 0x2C {
                        if fields < width {
                            fieldStarts[fields] = fieldStart
                            fieldEnds[fields] = k
                        }
                        fields += 1
                        fieldStart = k + 1
                    } else if b >= 0x80 {
                        ascii = false
                    }
                    k += 1
                }
                if fields < width {
                    fieldStarts[fields] = fieldStart
                    fieldEnds[fields] = lineEnd
                }
                fields += 1
                var cell: Observation?
                var fast = false
                var formerEntry: Int?
                if fields == c.width, fieldEnds[c.value] - fieldStarts[c.value] <= fieldLimit {
                    let year = FileParse.plainYear(base + fieldStarts[c.year], fieldEnds[c.year] - fieldStarts[c.year])
                    // Region: bytes that resolve to one unit in the row's year. A former code of the unit counts towards
                    // its note; bytes that resolve to no single unit in that year (a marker of unit -1 for the year)
                    // leave the row to the single pass, which reports them.
                    let rp = base + fieldStarts[c.region], rn = fieldEnds[c.region] - fieldStarts[c.region]
                    var region: RegionIndex?
                    if let year {
                        var entry: Int?
                        if let previous = previousRegion, previous.n == rn, sameBytes(previous.p, rp, rn) {
                            entry = previous.entry
                        } else {
                            entry = regionBytes.index(rp, rn)
                        }
                        if entry == nil || !regionBytes.values[entry!].covers(year) {
                            let text = String(decoding: UnsafeBufferPointer(start: rp, count: rn), as: UTF8.self)
                            let stable = s.regions.stableResolution(text, year: year)
                                ?? StableResolution(unit: -1, from: year, until: year + 1, formerRecord: -1)
                            entry = regionBytes.set(rp, rn, RegionLookup.Stable(stable))
                        }
                        previousRegion = (rp, rn, entry!)
                        let st = regionBytes.values[entry!]
                        if st.unit >= 0 {
                            region = st.unit
                            if st.formerRecord >= 0 { formerEntry = entry }
                        }
                    }
                    // Indicator.
                    let ip = base + fieldStarts[c.indicator], iN = fieldEnds[c.indicator] - fieldStarts[c.indicator]
                    var indicator = indicatorBytes.find(ip, iN)
                    if indicator == nil, let i = s.catalogue.lookup(String(decoding: UnsafeBufferPointer(start: ip, count: iN), as: UTF8.self).trimmingSpaces()),
                       Int(i) < s.traits.count {
                        indicatorBytes.insert(ip, iN, i)
                        indicator = i
                    }
                    // Value: empty is missing; a plain number that fits the indicator; anything else is the single pass's.
                    if let r = region, let i = indicator, let year {
                        if r != lastUnit { (lastUnit, lastIsArea) = (r, !s.regions.type(of: r).isUnit) }
                        let vp = base + fieldStarts[c.value], vn = fieldEnds[c.value] - fieldStarts[c.value]
                        if vn == 0 {
                            fast = true
                        } else if let number = ValueParser.plainNumber(vp, vn),
                                  let v = FileParse.plainValue(number, s.traits[Int(i)], forArea: lastIsArea) {
                            var column = fieldStarts[c.value] - lineStart + 1
                            if !ascii {
                                column = 1
                                for q in lineStart..<fieldStarts[c.value] where base[q] & 0xC0 != 0x80 { column += 1 }
                            }
                            cell = Observation(region: r, indicator: i, year: year, value: v, line: lineInBlock, column: column)
                            fast = true
                        }
                    }
                }
                if fast {
                    out.rows += 1
                    if let cell { out.cells.append(cell) }
                    // A former code counts towards its note only on a row read here (a deferred one counts where it is read).
                    if let e = formerEntry, let year = FileParse.plainYear(base + fieldStarts[c.year], fieldEnds[c.year] - fieldStarts[c.year]) {
                        if let t = tallyOf[e] {
                            out.formers[t].count += 1
                            let ys = out.formers[t].years
                            out.formers[t].years = min(ys.lowerBound, year)...max(ys.upperBound, year)
                        } else {
                            let rp = base + fieldStarts[c.region], rn = fieldEnds[c.region] - fieldStarts[c.region]
                            var column = fieldStarts[c.region] - lineStart + 1
                            if !ascii {
                                column = 1
                                for q in lineStart..<fieldStarts[c.region] where base[q] & 0xC0 != 0x80 { column += 1 }
                            }
                            tallyOf[e] = out.formers.count
                            let st = regionBytes.values[e]
                            out.formers.append(RegionLookup.FormerUse(
                                // The field's text as a single pass reads it (`CSVReader.string` trims spaces, a lone CR
                                // among them): the note is keyed by it (found by Fuzz/csv.swift: `\r630106` was a second note).
                                text: String(decoding: UnsafeBufferPointer(start: rp, count: rn), as: UTF8.self).trimmingSpaces(), unit: st.unit,
                                former: FormerName(record: st.formerRecord >= 0 ? s.regions[st.unit].records[Int(st.formerRecord)] : s.regions[st.unit].latest),
                                firstLine: lineInBlock, firstColumn: column, years: year...year, count: 1))
                        }
                    }
                } else {
                    out.deferred.append((offset: lineStart, line: lineInBlock, before: out.cells.count))
                }
                lineStart = next
            }
            out.lines = lines
            result = out
        }
    }

    static func load(into parse: inout FileParse, reader: inout CSVReader, columns: FileParse.LongColumns) throws {
        let bytes = parse.bytes
        let (bodyStart, firstLine) = reader.position
        // Block boundaries: just after a line break, about `blockBytes` apart.
        var bounds: [Int] = [bodyStart]
        var at = bodyStart
        while at < bytes.count {
            var cut = min(bytes.count, at + blockBytes)
            if cut < bytes.count, let base = bytes.baseAddress {
                if let nl = memchr(base + cut, 0x0A, bytes.count - cut) {
                    cut = UnsafePointer<UInt8>(nl.assumingMemoryBound(to: UInt8.self)) - base + 1
                } else {
                    cut = bytes.count
                }
            }
            bounds.append(cut)
            at = cut
        }
        let blocks = bounds.count - 1
        let workers = [Worker(), Worker()]
        var line = firstLine
        var row = CSVRow(line: 0, fields: [])
        row.fields.reserveCapacity(columns.width + 4)

        // Writes a block into the store in file order, reading its deferred rows where they fall.
        func merge(_ block: Block) throws {
            for t in block.formers { parse.mergeFormer(t, blockLine: line) }
            // The cells between deferred rows go to the store a run at a time.
            var from = 0
            try block.cells.withUnsafeBufferPointer { cells in
                for d in block.deferred {
                    parse.add(run: UnsafeBufferPointer(rebasing: cells[from..<d.before]), lineBase: line)
                    from = d.before
                    try single(d)
                }
                parse.add(run: UnsafeBufferPointer(rebasing: cells[from...]), lineBase: line)
            }
            parse.dataRows += block.rows
            line += block.lines
        }
        // Reads exactly the one record at that place: a ragged or unreadable one is reported, and never followed
        // on to the next record (which has its own turn).
        func single(_ r: (offset: Int, line: Int, before: Int)) throws {
            let at = line + r.line
            reader.seek(offset: r.offset, line: at)
            let read = try reader.next(into: &row)
            for p in reader.drainSkipped() { parse.report(p) }
            guard read, row.line == at else { return }
            // As a single pass: note, remark and source rows and rows of empty cells are no data (found by Fuzz/csv.swift,
            // which loads every input both ways).
            if parse.isSkippable(row, reader) { return }
            parse.dataRows += 1
            if parse.fits(&row, width: columns.width) { parse.longRow(row, reader, columns) }
        }

        var pending: [Block] = []
        var next = 0
        let group = DispatchGroup()
        // The units the workers resolved, for a second pass that decides ambiguous names by the file's context.
        defer { for w in workers { parse.lookup.seen.formUnion(w.regionBytes.values.map(\.unit).filter { $0 >= 0 }) } }
        // The workers read the file's bytes: none may be left running when this returns or throws.
        defer { group.wait() }
        while next < blocks || !pending.isEmpty {
            if Cancellation.isRequested { throw FileParse.Interrupted(line: line) }
            let count = min(2, blocks - next)
            if count > 0 {
                parse.refreshTraits()
                let snapshot = Snapshot(regions: parse.regions, catalogue: parse.catalogue, traits: parse.currentTraits,
                                        bytes: bytes, columns: columns)
                for k in 0..<count {
                    let (worker, start, end) = (workers[k], bounds[next + k], bounds[next + k + 1])
                    DispatchQueue.global().async(group: group) { worker.read(start, end, snapshot) }
                }
            }
            for block in pending { try merge(block) }
            group.wait()
            pending = (0..<count).map { workers[$0].result }
            next += count
        }
        reader.seek(offset: bytes.count, line: line)
    }
}
