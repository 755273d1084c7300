import CIECore
@testable import CIEData
import Testing

/// The workers' row finder and field splitter (`ParallelCSV.Fields.nextRow`), which finds line breaks and commas in
/// one pass a word at a time, and their guess of the next indicator (`ParallelCSV.Scan.indicator`). Either may get a
/// row wrong without a load's values showing it (a row the fast path misreads is mostly handed to the single pass,
/// which reads it right), so they are checked here against plain code.
@Suite struct RowSplitTests {
    /// Random blocks (fields of 0 to 19 bytes, Chinese among them, CR LF and LF, blank lines, a last line with or
    /// without its break) split as `split(separator:)` splits them: each row's start, line, fields, ASCII-ness and
    /// longest field.
    @Test func rowsAndFieldsAreFoundAsPlainCodeFindsThem() {
        var rng = SplitMix64(seed: 3)
        let pieces = ["", "1", "630121", "2020", "gdp", "12.5", "大通县", "above_scale_industrial_rd_expenditure", " ", "-"]
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int(rng.next() % 12) {
                switch rng.next() % 6 {
                case 0: text += ["\n", "\r\n"][Int(rng.next() % 2)]  // a blank line
                default:
                    let n = 1 + Int(rng.next() % 7)
                    text += (0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined(separator: ",")
                    text += ["\n", "\r\n", "\r\n"][Int(rng.next() % 3)]
                }
            }
            if rng.next() % 2 == 0, text.hasSuffix("\n") { text.removeLast(text.hasSuffix("\r\n") ? 2 : 1) }
            let bytes = Array(text.utf8)
            // Plain code: lines split at LF, a CR before it dropped, blank lines passed over.
            var expected: [(start: Int, line: Int, fields: [[UInt8]])] = []
            var at = 0
            for (line, raw) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
                defer { at += raw.count + 1 }
                var row = Array(raw)
                if row.last == 0x0D { row.removeLast() }
                if row.isEmpty { continue }
                expected.append((at, line, row.split(separator: 0x2C, omittingEmptySubsequences: false).map(Array.init)))
            }
            let width = 4
            var fields = ParallelCSV.Fields(width: width)
            defer { fields.deallocate() }
            var found: [(start: Int, line: Int, fields: [[UInt8]])] = []
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                var rows = ParallelCSV.Worker.Rows(end: buffer.count)
                while let (start, line) = fields.nextRow(base, &rows) {
                    let row = expected.count > found.count ? expected[found.count].fields : []
                    #expect(fields.count == row.count, "\(text.debugDescription): row at \(start)")
                    #expect(fields.ascii == row.allSatisfy { $0.allSatisfy { $0 < 0x80 } })
                    #expect(fields.longest == row.map(\.count).max())
                    let kept = (0..<min(fields.count, width)).map { Array(buffer[fields.starts[$0]..<fields.ends[$0]]) }
                    found.append((start, line, kept))
                }
                #expect(rows.lines == bytes.filter { $0 == 0x0A }.count)
            }
            #expect(found.map(\.start) == expected.map(\.start) && found.map(\.line) == expected.map(\.line), "\(text.debugDescription)")
            #expect(found.map(\.fields) == expected.map { Array($0.fields.prefix(width)) }, "\(text.debugDescription)")
        }
    }

    /// The indicator of a field's bytes is what the worker's table holds for them, whether the guess of the next one
    /// (the one that came after the row before's last time) is right, wrong, or of bytes the table does not have.
    @Test func theGuessedIndicatorIsTheTablesIndicator() {
        let names = ["gdp", "incubators", "above_scale_industrial_rd_expenditure", "above_scale_with_rd_activity", "st_smes", "新指标"]
        var table = ByteTable<IndicatorIndex>()
        for (k, name) in names.enumerated() where k < 5 {
            Array(name.utf8).withUnsafeBufferPointer { _ = table.insert($0.baseAddress!, $0.count, IndicatorIndex(k)) }
        }
        var scan = ParallelCSV.Scan(regionBytes: ByteTable(), indicatorBytes: table)
        var rng = SplitMix64(seed: 5)
        var sequence: [Int] = []
        // Rounds in one order (the guess right), then orders shuffled, with a name the table lacks now and then.
        for round in 0..<60 {
            var order = Array(0..<names.count)
            if round >= 20 { order.shuffle(using: &rng) }
            sequence += order
        }
        for k in sequence {
            let got = Array(names[k].utf8).withUnsafeBufferPointer { scan.indicator($0.baseAddress!, $0.count) }
            #expect(got == (k < 5 ? IndicatorIndex(k) : nil), "\(names[k])")
        }
    }
}
