import CIECore

/// A plain-text table aligned by display width, so Chinese text lines up; statuses coloured on a terminal only.
public struct TableFormatter: ReportFormatter {
    public init() {}
    public var id: String { "table" }
    public var extensions: [String] { ["txt"] }
    public var summary: LocalizedText { LocalizedText(zh: "终端表格（按显示宽度对齐）", en: "a terminal table (aligned by display width)") }

    public func text(_ report: Report, _ o: FormatOptions) throws -> String {
        switch report {
        case .check(let c): return check(c, o)
        case .review(let r): return review(r, o)
        case .listing(let l): return l.table(width: o.width)
        case .policy(let p):
            return ([check(p.check, o)] + p.reviews.map { review($0, o) } + p.failedReviews.map { $0.name(o.language) + (o.language == .zh ? "：" : ": ") + $0.why(o.language) + "\n" })
                .joined(separator: "\n")
        }
    }

    /// The glyph of a status in a target's bar: without colour each status has its own, with colour all are blocks.
    static func glyph(_ s: Status, color: Bool) -> String {
        if color { return TableFormatter.color(s) + "█" + "\u{1B}[0m" }
        switch s {
        case .met: return "█"
        case .onTrack: return "▓"
        case .offTrack: return "▒"
        case .notMet: return "░"
        case .noData: return "·"
        case .notApplicable: return "─"
        case .error: return "!"
        }
    }

    /// A target's line above its rows: id, title, requirement, strength, then a bar of its units' statuses (one
    /// column for each unit, at most 40, in proportion beyond) and the counts.
    static func groupLine(_ target: String, _ info: TargetInfo?, _ rows: [CheckRow], _ o: FormatOptions) -> String {
        let zh = o.language == .zh
        let counts = Status.allCases.map { s in (s, rows.filter { $0.result.status == s }.count) }.filter { $0.1 > 0 }
        let cells = min(40, rows.count)
        var bar = ""
        var used = 0, cumulative = 0
        for (s, n) in counts {
            cumulative += n
            let end = Int((Double(cumulative) / Double(rows.count) * Double(cells)).rounded())
            bar += String(repeating: glyph(s, color: o.color), count: max(end - used, 0))
            used = max(end, used)
        }
        var legend = counts.map { "\($0.0.label(o.language)) \($0.1)" }.joined(separator: zh ? "，" : ", ")
        var title = "▌\(target) " + (info.map { "\($0.title(o.language))（\($0.strength.label(o.language))）" } ?? "")
        // On a terminal the line fits its width (the bar's escapes take no columns): the title is cut first, then the legend.
        if let width = o.width {
            let room = width - 1 - used - 4
            if DisplayWidth.of(title) + DisplayWidth.of(legend) > room {
                title = DisplayWidth.truncate(title, to: max(room - DisplayWidth.of(legend), 12))
                if DisplayWidth.of(title) + DisplayWidth.of(legend) > room { legend = DisplayWidth.truncate(legend, to: max(room - DisplayWidth.of(title), 0)) }
            }
        }
        return "\(title)  \(bar)  \(legend)"
    }

    static func color(_ s: Status) -> String {
        switch s {
        case .met: "\u{1B}[32m"
        case .notMet, .error: "\u{1B}[31m"
        case .onTrack: "\u{1B}[36m"
        case .offTrack: "\u{1B}[33m"
        case .noData: "\u{1B}[35m"
        case .notApplicable: "\u{1B}[2m"
        }
    }

    /// Rows aligned by display width, no header or rule (help screens).
    public static func plain(_ rows: [[String]]) -> String {
        var widths: [Int] = []
        for row in rows {
            for (i, cell) in row.enumerated() {
                if i == widths.count { widths.append(0) }
                widths[i] = max(widths[i], DisplayWidth.of(cell))
            }
        }
        return rows.map { row in
            row.enumerated().map { i, cell in i == row.count - 1 ? cell : DisplayWidth.pad(cell, to: widths[i], right: false) }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// Renders rows of cells; `colors` gives an optional escape for a cell (applied after padding).
    static func render(header: [String], rows: [[String]], rightAligned: Set<Int> = [], colors: [[String?]]? = nil, lastUnpadded: Bool = true,
                       width maxWidth: Int? = nil) -> String {
        // Control characters in a cell (a name from a data file) shown as escapes, and measured so.
        var rows = rows.map { $0.map { DisplayWidth.visible($0) } }
        var widths = header.map { DisplayWidth.of($0) }
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        // On a terminal no line wraps: text columns are cut with …, the last (说明, detail) first down to 12 columns, then
        // the widest other text column down to its header (at least 8). Numbers are never cut; a table that cannot fit
        // even so is left as it is.
        if let maxWidth {
            let total = { widths.reduce(0, +) + 2 * (widths.count - 1) }
            let floor = widths.indices.map { i in
                rightAligned.contains(i) ? widths[i] : min(widths[i], i == widths.count - 1 ? 12 : max(8, DisplayWidth.of(header[i])))
            }
            var excess = total() - (maxWidth - 1)
            if let last = widths.indices.last, excess > 0 {
                let cut = min(excess, widths[last] - floor[last])
                widths[last] -= cut
                excess -= cut
            }
            while excess > 0, let widest = widths.indices.filter({ widths[$0] > floor[$0] }).max(by: { widths[$0] < widths[$1] }) {
                widths[widest] -= 1
                excess -= 1
            }
            for n in rows.indices {
                for i in rows[n].indices where DisplayWidth.of(rows[n][i]) > widths[i] { rows[n][i] = DisplayWidth.truncate(rows[n][i], to: widths[i]) }
            }
        }
        func line(_ cells: [String], _ escapes: [String?]?) -> String {
            var out: [String] = []
            for (i, cell) in cells.enumerated() {
                let last = i == cells.count - 1
                var text = last && lastUnpadded && !rightAligned.contains(i) ? cell : DisplayWidth.pad(cell, to: widths[i], right: rightAligned.contains(i))
                if let e = escapes?[i] { text = e + text + "\u{1B}[0m" }
                out.append(text)
            }
            var s = out.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        var lines = [line(header, nil), widths.enumerated().map { String(repeating: "─", count: $0.element) }.joined(separator: "  ")]
        for (n, row) in rows.enumerated() { lines.append(line(row, colors?[n])) }
        return lines.joined(separator: "\n")
    }

    /// The results in one table aligned throughout; when more than one unit is shown, each target's rows under a line
    /// with a bar of their statuses.
    func check(_ report: CheckReport, _ o: FormatOptions) -> String {
        let zh = o.language == .zh
        let header = zh ? ["目标", "地区", "代码", "状态", "观测值", "要求", "单位", "期限", "说明"]
            : ["target", "region", "code", "status", "observed", "required", "unit", "deadline", "detail"]
        var rows: [[String]] = []
        var colors: [[String?]] = []
        for r in report.rows {
            let x = r.result
            var detail = x.detail(o.language)
            if x.strength == .encouraged { detail = (zh ? "［鼓励性］" : "[encouraged] ") + detail }
            if x.strength == .striving { detail = (zh ? "［力争］" : "[striving] ") + detail }
            rows.append([r.target, r.regionName, r.regionCode, x.status.label(o.language), Cells.observed(x), x.required(o.language),
                         Cells.unit(x.unit, o.language), x.deadline.map(String.init) ?? (zh ? "每年" : "yearly"), detail])
            var c = [String?](repeating: nil, count: header.count)
            if o.color { c[3] = TableFormatter.color(x.status) }
            colors.append(c)
        }
        var text = report.rows.isEmpty ? (zh ? "（没有结果）" : "(no results)")
            : TableFormatter.render(header: header, rows: rows, rightAligned: [4], colors: colors, width: o.width)
        if Set(report.rows.map(\.regionCode)).count > 1 {
            // Rows come target by target (the evaluator's order): a group line goes above each run of a target's rows.
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var n = report.rows.count
            while n > 0 {
                let target = report.rows[n - 1].target
                var first = n - 1
                while first > 0, report.rows[first - 1].target == target { first -= 1 }
                lines.insert(TableFormatter.groupLine(target, report.policy.target(target), Array(report.rows[first..<n]), o), at: first + 2)
                n = first
            }
            text = lines.joined(separator: "\n")
        }
        if report.policy.status == .draft { text = Cells.draftNote(o.language) + "\n" + text }
        return text + "\n" + Cells.summaryLine(report, o.language) + "\n"
    }

    func review(_ report: ReviewReport, _ o: FormatOptions) -> String {
        let (header, rows, numeric) = Cells.reviewTable(report, o.language)
        let zh = o.language == .zh
        let title = Cells.title(report, o.language)
        var method = (zh ? "方法：" : "Method: ") + report.review.method(o.language)
        if let width = o.width { method = DisplayWidth.wrap(method, to: width - 1).joined(separator: "\n") }
        // With colour, the verdict as its tone: good green, bad red.
        let verdictColumn = header.firstIndex(of: zh ? "结论" : "verdict")
        let colors: [[String?]]? = o.color ? report.rows.map { r in
            header.indices.map { i -> String? in
                guard i == verdictColumn else { return nil }
                switch report.tone(of: r.row.verdict) {
                case "good": return "\u{1B}[32m"
                case "bad": return "\u{1B}[31m"
                default: return nil
                }
            }
        } : nil
        let table = report.rows.isEmpty ? (zh ? "（没有结果）" : "(no results)")
            : TableFormatter.render(header: header, rows: rows, rightAligned: numeric, colors: colors, width: o.width)
        return [title, method, "", table, Cells.summaryLine(report, o.language)].joined(separator: "\n") + "\n"
    }
}
