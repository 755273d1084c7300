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
///
/// A file opened by its head (`FileBytes.rest`) is never held whole: the loading thread reads the blocks after
/// the head, while the workers read the pair before, into four buffers used in turn, and each worker checks its
/// block as `TextDecoding` checks a whole file (UTF-8, no NUL, no quote). A block that fails the check ends the
/// load, which then reads the file whole and in one pass, the check's findings and all (`FileParse.wantsWholeFile`).
/// Memory stays flat: four blocks' bytes and cells at most, whatever the size of the file.
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
        /// The block failed the text check (a NUL, a byte that is not UTF-8, a quote): the file is read whole.
        var failedCheck = false
    }

    /// A block's bytes, which `owner` holds (the file's bytes, or a buffer the rest was read into), and whether
    /// the worker checks them as text (bytes read after the head, which `TextDecoding` did not see).
    struct Piece: @unchecked Sendable {
        var bytes: UnsafeBufferPointer<UInt8>
        var owner: FileBytes
        var unchecked: Bool
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
        /// Four buffers, used in turn: a pair is read while the pair before is written into the store, so a
        /// buffer is read into again only once its block is written.
        var buffers: [FileBytes?] = [nil, nil, nil, nil]
        var used = 0

        init(_ source: FileBytes, from offset: Int) {
            self.source = source
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
            var buffer = buffers[used % 4]
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
            buffers[used % 4] = buffer
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
        /// The cells of a block already written, given back (while the worker is idle) for its next block to fill:
        /// a fresh buffer of a few MB a block costs as many page faults as it has pages.
        var spare: [Observation] = []

        /// The block read, which the worker then no longer holds (so that its cells can come back as `spare`).
        func take() -> Block {
            defer { result = Block() }
            return result
        }

        func read(_ piece: Piece, _ s: Snapshot) {
            if piece.unchecked {
                let scan = TextDecoding.scanOneCore(piece.bytes)
                if scan.nul != nil || scan.invalid != nil || scan.quote {
                    result = Block(failedCheck: true)
                    return
                }
            }
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
            let end = piece.bytes.count
            swap(&out.cells, &spare)
            out.cells.removeAll(keepingCapacity: true)
            out.cells.reserveCapacity(end / 32)
            var tallyOf: [Int: Int] = [:]  // a byte table entry → its tally in this block
            let c = s.columns
            guard let base = piece.bytes.baseAddress else {
                result = out
                return
            }
            let fieldLimit = CSVReader.maxFieldBytes
            var lineStart = 0
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
        let (bodyStart, firstLine) = reader.position
        let feed = Feed(parse.source, from: bodyStart)
        let workers = [Worker(), Worker()]
        var line = firstLine
        var row = CSVRow(line: 0, fields: [])
        row.fields.reserveCapacity(columns.width + 4)

        // Writes a block into the store in file order, reading its deferred rows where they fall.
        func merge(_ block: Block, _ piece: Piece) throws {
            if block.failedCheck { throw FileParse.WantsWholeFile() }
            for t in block.formers { parse.mergeFormer(t, blockLine: line) }
            // Deferred rows are read from the block's bytes, which the parse's field offsets then refer to.
            var blockReader = CSVReader(piece.owner, bytes: piece.bytes)
            parse.bytes = piece.bytes
            // The cells between deferred rows go to the store a run at a time.
            var from = 0
            try block.cells.withUnsafeBufferPointer { cells in
                for d in block.deferred {
                    parse.add(run: UnsafeBufferPointer(rebasing: cells[from..<d.before]), lineBase: line)
                    from = d.before
                    try single(d, &blockReader)
                }
                parse.add(run: UnsafeBufferPointer(rebasing: cells[from...]), lineBase: line)
            }
            parse.dataRows += block.rows
            line += block.lines
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
            if parse.fits(&row, width: columns.width) { parse.longRow(row, reader, columns) }
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
        // The units the workers resolved, for a second pass that decides ambiguous names by the file's context.
        defer { for w in workers { parse.lookup.seen.formUnion(w.regionBytes.values.map(\.unit).filter { $0 >= 0 }) } }
        // The workers read the blocks' bytes: none may be left running when this returns or throws.
        defer { group.wait() }
        defer { parse.bytes = reader.bytes }
        while !current.isEmpty || !pending.isEmpty {
            if Cancellation.isRequested { throw FileParse.Interrupted(line: line) }
            if !current.isEmpty {
                parse.refreshTraits()
                let snapshot = Snapshot(regions: parse.regions, catalogue: parse.catalogue, traits: parse.currentTraits, columns: columns)
                for (k, (worker, piece)) in zip(workers, current).enumerated() {
                    // Handed over while the worker is idle (the loading thread sets it only between the workers' runs).
                    worker.spare = spares[k]
                    spares[k] = []
                    DispatchQueue.global().async(group: group) { worker.read(piece, snapshot) }
                }
            }
            for (k, (block, piece)) in pending.enumerated() {
                try merge(block, piece)
                spares[k] = block.cells
            }
            pending = []
            // Read while the workers read the pair before: the buffers of the pair just written are free.
            let upcoming = current.isEmpty ? [] : try pair()
            group.wait()
            pending = zip(workers, current).map { ($0.take(), $1) }
            current = upcoming
        }
        reader.seek(offset: reader.bytes.count, line: line)
        parse.readRest = parse.source.rest != nil
    }
}
