import CIECore
import Dispatch
import Foundation

/// Reads a large long or wide CSV on two cores.
///
/// A file without a single `"` can be cut at any line break. So the rows after the header are cut into blocks of a
/// few MB. Two workers read alternate blocks: each resolves its rows on the fast path (bytes, the byte tables, plain
/// numbers) into a small buffer of cells. The loading thread writes the previous pair of blocks into the store
/// while the workers read the next pair. It writes them in file order, so repeats, conflicts and the first-seen
/// order of custom indicators come out exactly as a single pass gives them.
///
/// A row a worker cannot take on the fast path is handed back by its place and read by the single-pass code when
/// its turn comes: ragged rows, unknown or ambiguous names, custom indicators, units, flags, anything to report.
/// A wide file's section row (a province or prefecture with no values) scopes the names below it: a worker stops
/// its block there, and the loading thread reads the rest of the file in one pass, as the single pass would.
///
/// A file opened by its head (`FileBytes.rest`) is never held whole: the loading thread reads the blocks after
/// the head, while the workers read the pair before, into four buffers used in turn, and each worker checks its
/// block as `TextDecoding` checks a whole file (UTF-8, no NUL, no quote). A block that fails the check ends the
/// load, which then reads the file whole and in one pass, the check's findings and all (`FileParse.wantsWholeFile`).
/// Memory stays flat: four blocks' bytes and cells at most, whatever the size of the file.
enum ParallelCSV {
    /// Files smaller than this are read in one pass: starting the workers would cost more than it saves.
    /// (Tunables, so that a test can run the parallel path on small files: `LoadTuning.with` sets them.)
    @TaskLocal static var minimumBytes = 8 << 20
    @TaskLocal static var blockBytes = 2 << 20

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
        /// The block failed the text check (a NUL, a byte that is not UTF-8, a quote): the file is read whole.
        var failedCheck = false
        /// A wide file's section row, where the worker stopped: from there the file is read in one pass.
        var stop: (offset: Int, line: Int)?
        /// The units the worker's region table took in for this block, for `RegionLookup.seen` (which the second
        /// pass for ambiguous names reads): added when the block is written, so a block read again in one pass
        /// adds none of its own.
        var units: [RegionIndex] = []
    }

    /// What kind of file the workers read, and where it keeps what.
    enum Shape {
        case long(FileParse.LongColumns)
        case wide(FileParse.WideColumns)

        var width: Int {
            switch self {
            case .long(let c): c.width
            case .wide(let c): c.width
            }
        }
    }

    /// A block's bytes, which `owner` holds (the file's bytes, or a buffer the rest was read into), and whether
    /// the worker checks them as text (bytes read after the head, which `TextDecoding` did not see).
    struct Piece: @unchecked Sendable {
        var bytes: UnsafeBufferPointer<UInt8>
        var owner: FileBytes
        var unchecked: Bool

        /// Bytes read after the head that fail the check `TextDecoding` makes of a whole file (a NUL, a byte that
        /// is not UTF-8, a quote): the file is then read whole.
        var failsCheck: Bool { scan.map { $0.nul != nil || $0.invalid != nil || $0.quote } ?? false }
        /// The same check without the quote, for JSON, whose strings are quoted.
        var failsTextCheck: Bool { scan.map { $0.nul != nil || $0.invalid != nil } ?? false }
        private var scan: (nul: Int?, invalid: Int?, quote: Bool)? { unchecked ? TextDecoding.scanOneCore(bytes) : nil }
    }

    /// The blocks of a load, in file order: cuts of the bytes in memory (a whole file, or a head), then, for a file
    /// opened by its head, the rest read a block at a time.
    final class Feed {
        let source: FileBytes
        /// The next block's start in `source.bytes`.
        var at: Int
        /// Where the rest is read next in the file, and the bytes of a line that the last block read cut, which
        /// begin the next (in the buffer of that block).
        var fileAt: Int
        var carry: (buffer: FileBytes, range: Range<Int>)?
        /// Buffers used in turn: four for a CSV, where a pair is read while the pair before is written into the
        /// store, so a buffer is read into again only once its block is written; two for JSON, read a block at a
        /// time (the next block is read into the other, the cut line carried over from the one before).
        var buffers: [FileBytes?]
        var used = 0
        /// How many bytes a block holds (then on to its next line break).
        let blockBytes: Int

        init(_ source: FileBytes, from offset: Int, blockBytes: Int, buffers: Int = 4) {
            self.source = source
            self.blockBytes = blockBytes
            self.buffers = Array(repeating: nil, count: buffers)
            at = offset
            fileAt = source.rest?.offset ?? 0
        }

        /// The next block, or nil after the last.
        func next() throws(FileBytes.OpenError) -> Piece? {
            let bytes = source.bytes
            if at < bytes.count, let base = bytes.baseAddress {
                var cut = min(bytes.count, at + blockBytes)
                if cut < bytes.count {
                    if let nl = memchr(base + cut, 0x0A, bytes.count - cut) {
                        cut = UnsafePointer<UInt8>(nl.assumingMemoryBound(to: UInt8.self)) - base + 1
                    } else {
                        cut = bytes.count
                    }
                }
                defer { at = cut }
                return Piece(bytes: UnsafeBufferPointer(rebasing: bytes[at..<cut]), owner: source, unchecked: false)
            }
            guard let rest = source.rest, fileAt < rest.size || carry != nil else { return nil }
            if Cancellation.isRequested { throw .interrupted }
            let kept = carry.map { $0.range.count } ?? 0
            // Room for the cut line and a block; the same again while no line break is found.
            var room = kept + blockBytes
            var buffer = buffers[used % buffers.count]
            // With room to spare for the next cut line: a buffer is made once, not at every block.
            if buffer == nil || buffer!.capacity < room { buffer = FileBytes(capacity: room + room / 4) }
            if let carry { buffer!.room.update(from: carry.buffer.room + carry.range.lowerBound, count: kept) }
            var filled = kept
            while true {
                let n = min(room - filled, rest.size - fileAt)
                if let error = rest.read(into: buffer!.room + filled, at: fileAt, count: n) { throw error }
                filled += n
                fileAt += n
                if fileAt == rest.size {
                    carry = nil
                    buffer!.show(filled)
                    break
                }
                if let nl = FileBytes.lastLineBreak(buffer!.room + kept, filled - kept) {
                    let end = kept + nl + 1
                    carry = end < filled ? (buffer!, end..<filled) : nil
                    buffer!.show(end)
                    break
                }
                // A line longer than the block: a larger buffer, the bytes so far moved into it.
                room *= 2
                let larger = FileBytes(capacity: room)
                larger.room.update(from: buffer!.room, count: filled)
                buffer = larger
            }
            buffers[used % buffers.count] = buffer
            used += 1
            return Piece(bytes: buffer!.bytes, owner: buffer!, unchecked: true)
        }
    }

    /// The tables a worker reads: copies taken when its pair of blocks starts (copy on write: nothing is copied
    /// unless the loading thread changes its own, as when it adds a custom indicator).
    struct Snapshot: @unchecked Sendable {
        var regions: RegionTable
        var catalogue: IndicatorCatalogue
        var traits: [FileParse.Traits]
        var shape: Shape
    }

    /// The high bit of each byte of `w` that equals `byte`, exactly: `(x & 0x7F…) + 0x7F…` cannot carry from one
    /// byte into the next, so a byte next to a match (`,-3`) is never taken for one.
    @inline(__always) static func bytes(of w: UInt64, equalTo byte: UInt8) -> UInt64 {
        let x = w ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x | 0x7F7F_7F7F_7F7F_7F7F)
    }

    /// A row's fields, split at commas (there is no quote anywhere in the file) eight bytes at a time: a word with
    /// no comma and no byte ≥ 0x80 is passed over whole. Bounds go into fixed slots, one pair a column: a row with
    /// more fields than the header is ragged (the single pass reports it), so its extra fields need no slot.
    struct Fields {
        var starts: UnsafeMutablePointer<Int>
        var ends: UnsafeMutablePointer<Int>
        /// The header's width: fields past it have no slot.
        let width: Int
        /// How many fields the row has, whether it is all ASCII, and its longest field's length.
        var count = 0
        var ascii = true
        var longest = 0

        init(width: Int) {
            self.width = width
            starts = .allocate(capacity: width)
            ends = .allocate(capacity: width)
        }

        func deallocate() {
            starts.deallocate()
            ends.deallocate()
        }

        @inline(__always) func length(_ c: Int) -> Int { ends[c] - starts[c] }

        /// The next row of the block after `rows.at`, split: where it starts and its line in the block; blank lines
        /// are passed over (a row ends before its CR LF). One pass finds the line break and the commas alike, a word
        /// at a time: a word's bytes after its line break belong to the next row and are masked off.
        @inline(__always) mutating func nextRow(_ base: UnsafePointer<UInt8>, _ rows: inout Worker.Rows) -> (start: Int, line: Int)? {
            let end = rows.end, width = self.width
            // Locals while splitting, written back once: the struct's fields would be stored at every field.
            let starts = self.starts, ends = self.ends
            while rows.at < end {
                let lineStart = rows.at, line = rows.lines
                var count = 0, ascii = true, longest = 0
                var fieldStart = lineStart
                var k = lineStart
                // Where the line break is (the block's end when its last line has none).
                var lineBreak = end
                while k < end {
                    var commas: UInt64 = 0
                    var step = 1
                    var found = false
                    if k + 8 <= end {
                        let w = UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)
                        var high = w & 0x8080_8080_8080_8080
                        commas = ParallelCSV.bytes(of: w, equalTo: 0x2C)
                        let breaks = ParallelCSV.bytes(of: w, equalTo: 0x0A)
                        if breaks != 0 {
                            // The bits below the first line break's: this row's bytes of the word.
                            let before = (breaks & (0 &- breaks)) &- 1
                            commas &= before
                            high &= before
                            lineBreak = k + breaks.trailingZeroBitCount >> 3
                            found = true
                        }
                        if high != 0 { ascii = false }
                        step = 8
                    } else {
                        let b = base[k]
                        if b >= 0x80 { ascii = false }
                        if b == 0x2C { commas = 0x80 }
                        if b == 0x0A {
                            lineBreak = k
                            found = true
                        }
                    }
                    while commas != 0 {
                        let at = k + commas.trailingZeroBitCount >> 3
                        if count < width {
                            starts[count] = fieldStart
                            ends[count] = at
                        }
                        count += 1
                        longest = max(longest, at - fieldStart)
                        fieldStart = at + 1
                        commas &= commas &- 1
                    }
                    if found { break }
                    k += step
                }
                if lineBreak < end { rows.lines += 1 }
                rows.at = lineBreak + 1
                var lineEnd = lineBreak
                if lineEnd > lineStart, base[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                if lineEnd == lineStart { continue }
                // (A CR before the line break is no comma and no byte of 0x80 or more: it changed none of the above.)
                if count < width {
                    starts[count] = fieldStart
                    ends[count] = lineEnd
                }
                count += 1
                longest = max(longest, lineEnd - fieldStart)
                (self.count, self.ascii, self.longest) = (count, ascii, longest)
                return (lineStart, line)
            }
            return nil
        }

        /// Whether the row's first cell with text may make it a remark, note or source row (`注：`, `资料来源`,
        /// `Source`: `FileParse.isSkippable`), which the single pass decides: a cell that is not the key's and starts
        /// with a space or a byte such a word starts with. A unit's code or name is never one.
        @inline(__always) func mayBeNote(_ base: UnsafePointer<UInt8>, key: Int) -> Bool {
            var k = 0
            while k < min(count, width), ends[k] == starts[k] { k += 1 }
            guard k < min(count, width), k != key else { return false }
            let b = base[starts[k]]
            return b >= 0x80 || b <= 0x20 || b | 0x20 == 0x72 || b | 0x20 == 0x6E || b | 0x20 == 0x73
        }

        /// The column (in characters) of a byte offset in the row.
        @inline(__always) func column(of offset: Int, _ base: UnsafePointer<UInt8>, _ lineStart: Int) -> Int {
            if ascii { return offset - lineStart + 1 }
            var column = 1
            for q in lineStart..<offset where base[q] & 0xC0 != 0x80 { column += 1 }
            return column
        }
    }

    /// A worker's state for one block: its name tables (locals, not the class's properties: every access to a
    /// class property is checked for exclusivity at run time, which cost a third of the time), and what it read.
    struct Scan {
        var regionBytes: ByteTable<RegionLookup.Stable>
        var indicatorBytes: ByteTable<IndicatorIndex>
        var out = Block()
        /// The row before's region bytes and their table entry: rows of one unit come together.
        var previousRegion: (p: UnsafePointer<UInt8>, n: Int, entry: Int)?
        /// The last unit and whether it is an area (a flag may then count its units).
        var lastUnit: RegionIndex = -1
        var lastIsArea = false
        /// A byte table entry of a former code → its tally in this block.
        var tallyOf: [Int: Int] = [:]
        /// The row before's indicator entry, and for each entry the one that came after it last time: a long file
        /// lists a unit-year's indicators in the same order every time, so the next one is guessed and checked, not
        /// hashed and looked up.
        var lastIndicator = -1
        var nextIndicator: [Int] = []

        /// The indicator of these bytes, if the worker's table has them.
        @inline(__always) mutating func indicator(_ p: UnsafePointer<UInt8>, _ n: Int) -> IndicatorIndex? {
            let last = lastIndicator
            if last >= 0, last < nextIndicator.count {
                let guess = nextIndicator[last]
                if guess >= 0, indicatorBytes.holds(guess, p, n) {
                    lastIndicator = guess
                    return indicatorBytes.values[guess]
                }
            }
            guard let e = indicatorBytes.index(p, n) else {
                lastIndicator = -1
                return nil
            }
            if last >= 0 {
                if last >= nextIndicator.count { nextIndicator += repeatElement(-1, count: last + 1 - nextIndicator.count) }
                nextIndicator[last] = e
            }
            lastIndicator = e
            return indicatorBytes.values[e]
        }

        /// The entry of bytes that resolve to one unit in the year (a marker of unit -1 when no single unit).
        @inline(__always) mutating func region(_ rp: UnsafePointer<UInt8>, _ rn: Int, year: Int, _ regions: RegionTable) -> Int {
            var entry: Int?
            if let previous = previousRegion, previous.n == rn, sameBytes(previous.p, rp, rn) {
                entry = previous.entry
            } else {
                entry = regionBytes.index(rp, rn)
            }
            if let e = entry, regionBytes.values[e].covers(year) {
                previousRegion = (rp, rn, e)
                return e
            }
            return resolve(rp, rn, year: year, regions)
        }

        /// Bytes not seen before, or not for this year: resolved by the region table (apart, so that the common
        /// case above stays small enough to inline).
        @inline(never) mutating func resolve(_ rp: UnsafePointer<UInt8>, _ rn: Int, year: Int, _ regions: RegionTable) -> Int {
            let text = String(decoding: UnsafeBufferPointer(start: rp, count: rn), as: UTF8.self)
            let stable = regions.stableResolution(text, year: year) ?? StableResolution(unit: -1, from: year, until: year + 1, formerRecord: -1)
            let entry = regionBytes.set(rp, rn, RegionLookup.Stable(stable))
            previousRegion = (rp, rn, entry)
            if stable.unit >= 0 { out.units.append(stable.unit) }
            return entry
        }

        @inline(__always) mutating func isArea(_ r: RegionIndex, _ regions: RegionTable) -> Bool {
            if r != lastUnit { (lastUnit, lastIsArea) = (r, !regions.type(of: r).isUnit) }
            return lastIsArea
        }

        /// Counts a use of a former code on a row read here (a deferred one counts where it is read).
        mutating func former(_ e: Int, year: Int, _ rp: UnsafePointer<UInt8>, _ rn: Int, line: Int, column: Int, _ regions: RegionTable) {
            if let t = tallyOf[e] {
                out.formers[t].count += 1
                let ys = out.formers[t].years
                out.formers[t].years = min(ys.lowerBound, year)...max(ys.upperBound, year)
                return
            }
            tallyOf[e] = out.formers.count
            let st = regionBytes.values[e]
            out.formers.append(RegionLookup.FormerUse(
                // The field's text as a single pass reads it (`CSVReader.string` trims spaces, a lone CR among them):
                // the note is keyed by it (found by Fuzz/csv.swift: `\r630106` was a second note).
                text: String(decoding: UnsafeBufferPointer(start: rp, count: rn), as: UTF8.self).trimmingSpaces(), unit: st.unit,
                former: FormerName(record: st.formerRecord >= 0 ? regions[st.unit].records[Int(st.formerRecord)] : regions[st.unit].latest),
                firstLine: line, firstColumn: column, years: year...year, count: 1))
        }
    }

    /// A worker's own name caches, kept from one block to the next.
    final class Worker: @unchecked Sendable {
        var regionBytes = ByteTable<RegionLookup.Stable>()
        var indicatorBytes = ByteTable<IndicatorIndex>()
        var result = Block()
        /// The cells of a block already written, given back (while the worker is idle) for its next block to fill:
        /// a fresh buffer of a few MB a block costs as many page faults as it has pages.
        var spare: [Observation] = []

        /// The block read, which the worker then no longer holds (so that its cells can come back as `spare`).
        func take() -> Block {
            defer { result = Block() }
            return result
        }

        func read(_ piece: Piece, _ s: Snapshot) {
            if piece.failsCheck {
                result = Block(failedCheck: true)
                return
            }
            var scan = Scan(regionBytes: regionBytes, indicatorBytes: indicatorBytes)
            regionBytes = ByteTable()
            indicatorBytes = ByteTable()
            swap(&scan.out.cells, &spare)
            scan.out.cells.removeAll(keepingCapacity: true)
            scan.out.cells.reserveCapacity(piece.bytes.count / 32)
            var fields = Fields(width: s.shape.width)
            defer { fields.deallocate() }
            if let base = piece.bytes.baseAddress {
                switch s.shape {
                case .long(let c): Worker.long(base, piece.bytes.count, c, s, &fields, &scan)
                case .wide(let c): Worker.wide(base, piece.bytes.count, c, s, &fields, &scan)
                }
            }
            (regionBytes, indicatorBytes) = (scan.regionBytes, scan.indicatorBytes)
            result = scan.out
        }

        /// Where a block's rows are read (`Fields.nextRow`): the next row's start, and the line breaks passed.
        struct Rows {
            let end: Int
            var at = 0
            var lines = 0
        }

        // The loops are straight-line code, no nested functions: a local captured by a closure is boxed and every
        // access to it is checked for exclusivity at run time.

        /// A long CSV's rows: region, year, indicator, value.
        static func long(_ base: UnsafePointer<UInt8>, _ end: Int, _ c: FileParse.LongColumns, _ s: Snapshot, _ f: inout Fields, _ scan: inout Scan) {
            var rows = Rows(end: end)
            while let (lineStart, lineInBlock) = f.nextRow(base, &rows) {
                var cell: Observation?
                var fast = false
                var formerEntry: Int?
                let year = f.count == c.width ? FileParse.plainYear(base + f.starts[c.year], f.length(c.year)) : nil
                if let year, f.longest <= CSVReader.maxFieldBytes, !f.mayBeNote(base, key: c.region) {
                    // Region: bytes that resolve to one unit in the row's year. A former code of the unit counts towards
                    // its note; bytes that resolve to no single unit in that year leave the row to the single pass,
                    // which reports them.
                    let entry = scan.region(base + f.starts[c.region], f.length(c.region), year: year, s.regions)
                    let st = scan.regionBytes.values[entry]
                    let region: RegionIndex? = st.unit >= 0 ? st.unit : nil
                    if region != nil, st.formerRecord >= 0 { formerEntry = entry }
                    // Indicator.
                    let ip = base + f.starts[c.indicator], iN = f.length(c.indicator)
                    var indicator = scan.indicator(ip, iN)
                    if indicator == nil, let i = s.catalogue.lookup(String(decoding: UnsafeBufferPointer(start: ip, count: iN), as: UTF8.self).trimmingSpaces()),
                       Int(i) < s.traits.count {
                        scan.indicatorBytes.insert(ip, iN, i)
                        indicator = i
                    }
                    // Value: empty is missing; a plain number that fits the indicator; anything else is the single pass's.
                    if let r = region, let i = indicator {
                        let vn = f.length(c.value)
                        if vn == 0 {
                            fast = true
                        } else if let number = ValueParser.plainNumber(base + f.starts[c.value], vn),
                                  let v = FileParse.plainValue(number, s.traits[Int(i)], forArea: scan.isArea(r, s.regions)) {
                            cell = Observation(region: r, indicator: i, year: year, value: v, line: lineInBlock,
                                               column: f.column(of: f.starts[c.value], base, lineStart))
                            fast = true
                        }
                    }
                }
                guard fast, let year else {
                    scan.out.deferred.append((offset: lineStart, line: lineInBlock, before: scan.out.cells.count))
                    continue
                }
                scan.out.rows += 1
                if let cell { scan.out.cells.append(cell) }
                if let e = formerEntry {
                    scan.former(e, year: year, base + f.starts[c.region], f.length(c.region), line: lineInBlock,
                                column: f.column(of: f.starts[c.region], base, lineStart), s.regions)
                }
            }
            scan.out.lines = rows.lines
        }

        /// A wide CSV's rows: a unit (and a year) and a value in each indicator column. A row is taken whole or
        /// left whole to the single pass; a section row stops the block.
        static func wide(_ base: UnsafePointer<UInt8>, _ end: Int, _ c: FileParse.WideColumns, _ s: Snapshot, _ f: inout Fields, _ scan: inout Scan) {
            var rows = Rows(end: end)
            reading: while let (lineStart, lineInBlock) = f.nextRow(base, &rows) {
                let firstCell = scan.out.cells.count
                take: do {
                    // (A section row may end in Excel's empty trailing fields, which the single pass accepts.)
                    guard f.count >= c.width else { break take }
                    let rp = base + f.starts[c.region], rn = f.length(c.region)
                    if !c.value.contains(where: { f.length($0) > 0 }) {
                        // A section row (as the single pass finds one, whatever its year cell holds) stops the block:
                        // the rows below it are read in one pass, within its area. Stopping is always safe, so a
                        // row that may be something else (a note, a field too long) stops it too. Any other row of
                        // empty values is the single pass's.
                        if FileParse.sectionArea(String(decoding: UnsafeBufferPointer(start: rp, count: rn), as: UTF8.self), year: c.fixedYear, in: s.regions) != nil {
                            scan.out.stop = (offset: lineStart, line: lineInBlock)
                            break reading
                        }
                        break take
                    }
                    guard f.count == c.width, f.longest <= CSVReader.maxFieldBytes, !f.mayBeNote(base, key: c.region),
                          let year = c.fixedYear ?? FileParse.plainYear(base + f.starts[c.year], f.length(c.year)) else { break take }
                    if c.unnamed.contains(where: { f.length($0) > 0 }) { break take }
                    let entry = scan.region(rp, rn, year: year, s.regions)
                    let st = scan.regionBytes.values[entry]
                    guard st.unit >= 0 else { break take }
                    let r = st.unit, forArea = scan.isArea(r, s.regions)
                    // Columns in characters, counted on from one value to the next (a row of Chinese names would
                    // otherwise be counted from its start at every cell).
                    var counted = lineStart, column = 1
                    for k in c.value.indices {
                        let at = c.value[k], n = f.length(at)
                        if n == 0 { continue }
                        let i = c.indicator[k]
                        guard c.unit[k] == nil || c.linear[k] != nil, let number = ValueParser.plainNumber(base + f.starts[at], n),
                              let v = FileParse.plainValue(number, s.traits[Int(i)], linear: c.linear[k], forArea: forArea)
                        else { break take }
                        if f.ascii {
                            column = f.starts[at] - lineStart + 1
                        } else {
                            for q in counted..<f.starts[at] where base[q] & 0xC0 != 0x80 { column += 1 }
                            counted = f.starts[at]
                        }
                        scan.out.cells.append(Observation(region: r, indicator: i, year: year, value: v, line: lineInBlock, column: column))
                    }
                    scan.out.rows += 1
                    if st.formerRecord >= 0 {
                        scan.former(entry, year: year, rp, rn, line: lineInBlock, column: f.column(of: f.starts[c.region], base, lineStart), s.regions)
                    }
                    continue reading
                }
                // Left to the single pass, without the cells already read from it.
                scan.out.cells.removeSubrange(firstCell...)
                scan.out.deferred.append((offset: lineStart, line: lineInBlock, before: firstCell))
            }
            scan.out.lines = rows.lines
        }
    }

    static func load(into parse: inout FileParse, reader: inout CSVReader, shape: Shape) throws {
        let (bodyStart, firstLine) = reader.position
        // A wide file's bytes hold six times the values a long file's do: its blocks are an eighth of the size, so
        // that the cells of the four blocks in flight stay a few MB (and their pages in the cache).
        let blockBytes: Int
        switch shape {
        case .long: blockBytes = ParallelCSV.blockBytes
        case .wide: blockBytes = max(ParallelCSV.blockBytes / 8, 1)
        }
        let feed = Feed(parse.source, from: bodyStart, blockBytes: blockBytes)
        let workers = [Worker(), Worker()]
        let width = shape.width
        var line = firstLine
        var row = CSVRow(line: 0, fields: [])
        row.fields.reserveCapacity(width + 4)
        // A wide file's section row was met: the rest of the file is read in one pass, within its area.
        var onePass = false

        func rowRead(_ reader: CSVReader) {
            switch shape {
            case .long(let c): parse.longRow(row, reader, c)
            case .wide(let c): parse.wideRow(row, reader, c)
            }
        }
        // Writes a block into the store in file order, reading its deferred rows where they fall.
        func merge(_ block: Block, _ piece: Piece) throws {
            if block.failedCheck { throw FileParse.WantsWholeFile() }
            parse.lookup.seen.formUnion(block.units)
            // Deferred rows are read from the block's bytes, which the parse's field offsets then refer to.
            var blockReader = CSVReader(piece.owner, bytes: piece.bytes)
            parse.bytes = piece.bytes
            // The cells between deferred rows go to the store a run at a time; the worker's tallies of former codes
            // are counted where their first row falls among the deferred rows, so the notes keep the file's order.
            var from = 0, formers = block.formers[...]
            try block.cells.withUnsafeBufferPointer { cells in
                for d in block.deferred {
                    parse.add(run: UnsafeBufferPointer(rebasing: cells[from..<d.before]), lineBase: line)
                    from = d.before
                    while let t = formers.first, t.firstLine < d.line {
                        parse.mergeFormer(t, blockLine: line)
                        formers.removeFirst()
                    }
                    try single(d, &blockReader)
                }
                parse.add(run: UnsafeBufferPointer(rebasing: cells[from...]), lineBase: line)
            }
            for t in formers { parse.mergeFormer(t, blockLine: line) }
            parse.dataRows += block.rows
            if let stop = block.stop {
                onePass = true
                try rest(of: piece, from: stop.offset, line: line + stop.line)
            } else {
                line += block.lines
            }
        }
        // Reads exactly the one record at that place: a ragged or unreadable one is reported, and never followed
        // on to the next record (which has its own turn).
        func single(_ r: (offset: Int, line: Int, before: Int), _ reader: inout CSVReader) throws {
            let at = line + r.line
            reader.seek(offset: r.offset, line: at)
            let read = try reader.next(into: &row)
            for p in reader.drainSkipped() { parse.report(p) }
            guard read, row.line == at else { return }
            // As a single pass: note, remark and source rows and rows of empty cells are no data (found by Fuzz/csv.swift,
            // which loads every input both ways).
            if parse.isSkippable(row, reader) { return }
            parse.dataRows += 1
            if parse.fits(&row, width: width) { rowRead(reader) }
        }
        // Reads a block from `offset` to its end in one pass, as the single pass reads a file (its bytes checked
        // first, if a worker did not).
        func rest(of piece: Piece, from offset: Int, line at: Int) throws {
            if piece.failsCheck { throw FileParse.WantsWholeFile() }
            var blockReader = CSVReader(piece.owner, bytes: piece.bytes)
            parse.bytes = piece.bytes
            blockReader.seek(offset: offset, line: at)
            while try parse.nextRow(&blockReader, width: width, into: &row) { rowRead(blockReader) }
            line = blockReader.position.line
        }
        // The next pair of blocks (fewer at the end).
        func pair() throws -> [Piece] {
            var out: [Piece] = []
            do throws(FileBytes.OpenError) {
                while out.count < 2, let piece = try feed.next() { out.append(piece) }
            } catch {
                if error == .interrupted { throw FileParse.Interrupted(line: line) }
                throw FileParse.Unreadable(why: error)
            }
            return out
        }

        var pending: [(Block, Piece)] = []
        // The cells of the blocks last written, for each worker's next block.
        var spares: [[Observation]] = [[], []]
        var current = try pair()
        let group = DispatchGroup()
        // The workers read the blocks' bytes: none may be left running when this returns or throws.
        defer { group.wait() }
        defer { parse.bytes = reader.bytes }
        while !current.isEmpty || !pending.isEmpty {
            if Cancellation.isRequested { throw FileParse.Interrupted(line: line) }
            let dispatched = !onePass && !current.isEmpty
            if dispatched {
                parse.refreshTraits()
                let snapshot = Snapshot(regions: parse.regions, catalogue: parse.catalogue, traits: parse.currentTraits, shape: shape)
                for (k, (worker, piece)) in zip(workers, current).enumerated() {
                    // Handed over while the worker is idle (the loading thread sets it only between the workers' runs).
                    worker.spare = spares[k]
                    spares[k] = []
                    DispatchQueue.global().async(group: group) { worker.read(piece, snapshot) }
                }
            }
            for (k, (block, piece)) in pending.enumerated() {
                // Once in one pass, blocks the workers read before are read again by it.
                if onePass { try rest(of: piece, from: 0, line: line) } else { try merge(block, piece) }
                spares[k] = block.cells
            }
            pending = []
            // Read while the workers read the pair before: the buffers of the pair just written are free.
            let upcoming = current.isEmpty ? [] : try pair()
            group.wait()
            pending = zip(workers, current).map { (dispatched ? $0.take() : Block(), $1) }
            current = upcoming
        }
        reader.seek(offset: reader.bytes.count, line: line)
        parse.readRest = parse.source.rest != nil
    }
}
