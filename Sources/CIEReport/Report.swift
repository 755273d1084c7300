import CIECore

/// The policy as reports name it.
public struct PolicyInfo: Sendable {
    public var id: String
    public var name: LocalizedText
    public var document: String
    public var title: String
    public var status: DocumentStatus

    public init(_ m: any PolicyModule) {
        id = m.id
        name = m.name
        document = m.document.citation
        title = m.document.title
        status = m.document.status
    }

    /// The document as titles print it, marked when it is a draft for comment.
    public func documentLabel(_ language: Language) -> String {
        status == .draft ? document + (language == .zh ? "（征求意见稿）" : " (draft for comment)") : document
    }
}

/// A result with its region's code and name resolved: what every formatter prints.
public struct CheckRow: Sendable {
    public var target: String
    public var regionCode: String
    public var regionName: String
    public var result: TargetResult
}

/// The outcome of `check`, ready to format.
public struct CheckReport: Sendable {
    public var policy: PolicyInfo
    public var year: Int
    public var rows: [CheckRow]
    public var summary: StatusSummary
    /// What the reader should know of the units counted (the functional zones the policy counts or leaves out).
    public var notes: [LocalizedText]
    /// Why this year (the latest with data for the jurisdiction, or the one asked for), and deadlines already passed.
    public var yearNote: LocalizedText?
    /// What a `--status` filter left out.
    public var filterNote: LocalizedText?
    /// How many rows `--top` left out (the summary still counts them all).
    public var limitNote: LocalizedText?

    /// Regions are named by their code and name in the evaluation year (江干区 330104 in 2018).
    public init(policy: any PolicyModule, year: Int, results: [TargetResult], regions: RegionTable, notes: [LocalizedText] = []) {
        self.policy = PolicyInfo(policy)
        self.year = year
        self.rows = results.map { r in
            let record = regions[r.region].nearestRecord(to: year)
            return CheckRow(target: r.target, regionCode: record.code, regionName: record.name, result: r)
        }
        self.summary = StatusSummary(results.map(\.status))
        self.notes = notes
    }

    /// Keeps the first `n` rows (`--top N`); the summary still counts every result, and a note says what was left out.
    public mutating func limit(to n: Int) {
        guard rows.count > n else { return }
        limitNote = Cells.limitNote(shown: n, of: rows.count)
        rows = Array(rows.prefix(n))
    }
}

/// A review with region names resolved.
public struct ReviewReport: Sendable {
    public struct Row: Sendable {
        public var regionCode: String
        public var regionName: String
        public var row: ReviewRow
    }
    public var policy: PolicyInfo
    public var review: Review
    public var rows: [Row]
    /// Why this year.
    public var yearNote: LocalizedText?
    /// How many rows `--top` left out.
    public var limitNote: LocalizedText?
    /// How many units got each verdict, in the order of the reviewer's verdicts (before any `--top`).
    public var verdictCounts: [(id: String, count: Int)]

    /// The verdicts' labels, from the reviewer's kind (合规, 优秀, 否决…).
    public var verdicts: [String: LocalizedText]

    /// A verdict as people read it: its label, else its id.
    public func verdictLabel(_ id: String?, _ language: Language) -> String {
        guard let id else { return "" }
        return verdicts[id]?(language) ?? id
    }

    public init(policy: any PolicyModule, review: Review, regions: RegionTable, verdicts: [ReviewVerdict] = []) {
        self.policy = PolicyInfo(policy)
        self.review = review
        self.verdicts = Dictionary(verdicts.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        self.rows = review.rows.map { r in
            let record = regions[r.region].nearestRecord(to: review.year)
            return Row(regionCode: record.code, regionName: record.name, row: r)
        }
        var counts: [String: Int] = [:]
        for r in review.rows { counts[r.verdict ?? "", default: 0] += 1 }
        let order = verdicts.map(\.id) + counts.keys.sorted()
        var seen = Set<String>()
        self.verdictCounts = order.compactMap { id in
            guard seen.insert(id).inserted, let c = counts[id], c > 0 else { return nil }
            return (id, c)
        }
    }

    /// Keeps the first `n` rows (`--top N`); the counts still cover every unit.
    public mutating func limit(to n: Int) {
        guard rows.count > n else { return }
        limitNote = Cells.limitNote(shown: n, of: rows.count)
        rows = Array(rows.prefix(n))
    }
}

/// How to render.
public struct FormatOptions: Sendable {
    public var language: Language
    public var color: Bool
    /// The terminal's width: a table's last column is cut with … to fit it. nil: no limit (files, pipes, scripts).
    public var width: Int?
    public init(language: Language = .zh, color: Bool = false, width: Int? = nil) {
        self.language = language
        self.color = color
        self.width = width
    }
}

/// An output format, picked by `--format` or an export's extension (SwiftLint's reporters).
public protocol ReportFormatter: Sendable {
    var id: String { get }
    /// File extensions that select it on export.
    var extensions: [String] { get }
    func format(_ report: CheckReport, _ options: FormatOptions) -> String
    func format(_ report: ReviewReport, _ options: FormatOptions) -> String
}

public enum Formatters {
    public static let all: [any ReportFormatter] = [
        TableFormatter(), JSONFormatter(), CSVFormatter(), MarkdownFormatter(), HTMLFormatter(), JUnitFormatter(),
    ]

    public static func named(_ id: String) -> (any ReportFormatter)? {
        let key = id.lowercased()
        return all.first { $0.id == key || ($0.id == "markdown" && key == "md") }
    }

    public static func forExtension(_ ext: String) -> (any ReportFormatter)? {
        all.first { $0.extensions.contains(ext.lowercased()) }
    }
}

/// Shared text for a result's value columns.
enum Cells {
    /// The observed value as the unit prints it; near a boundary, with the digits that decide it (4.499 is not 4.50).
    static func observed(_ r: TargetResult) -> String {
        guard let v = r.observed else { return "—" }
        let shown = Display.value(v, unit: r.unit)
        if let gap = r.gap, gap != 0 {
            for bound in [v - gap, v + gap] where Display.value(bound, unit: r.unit) == shown {
                return Display.distinguishing(v, bound, unit: r.unit).0
            }
        }
        return shown
    }

    static func unit(_ u: MeasureUnit, _ language: Language) -> String { u.label(language) }

    /// A review's columns for tables, Markdown and HTML: region, code, then only the columns some row fills
    /// (a veto has no score, an evaluation no amount). CSV and JSON keep every column for scripts.
    enum ReviewColumn { case zone, verdict, score, rank, rankRange, selected, amount, detail }

    static func reviewColumns(_ report: ReviewReport) -> [ReviewColumn] {
        let rows = report.rows.map(\.row)
        var columns: [ReviewColumn] = []
        if rows.contains(where: { $0.group != nil }) { columns.append(.zone) }
        columns.append(.verdict)
        if rows.contains(where: { $0.score != nil }) { columns.append(.score) }
        if rows.contains(where: { $0.rank != nil }) { columns.append(.rank) }
        if rows.contains(where: { $0.rankRange != nil }) { columns += [.rankRange, .selected] }
        if rows.contains(where: { $0.amount != nil }) { columns.append(.amount) }
        columns.append(.detail)
        return columns
    }

    /// The review as a table — header, rows, and the numeric columns (score, rank, stability, amount) to right-align —
    /// with the columns chosen once for the whole review.
    static func reviewTable(_ report: ReviewReport, _ language: Language) -> (header: [String], rows: [[String]], numeric: Set<Int>) {
        let zh = language == .zh
        let columns = reviewColumns(report)
        let header = (zh ? ["地区", "代码"] : ["region", "code"]) + columns.map { c in
            switch c {
            case .zone: zh ? "区域" : "zone"
            case .verdict: zh ? "结论" : "verdict"
            case .score: zh ? "得分" : "score"
            case .rank: zh ? "名次" : "rank"
            case .rankRange: zh ? "名次区间" : "rank range"
            case .selected: zh ? "入选率" : "selected"
            case .amount: zh ? "金额(万元)" : "amount (10k yuan)"
            case .detail: zh ? "说明" : "detail"
            }
        }
        let rows = report.rows.map { r in
            let x = r.row
            return [r.regionName, r.regionCode] + columns.map { c in
                switch c {
                case .zone: x.group?(language) ?? ""
                case .verdict: report.verdictLabel(x.verdict, language)
                case .score: x.score.map { Display.fixed($0, 2) } ?? ""
                case .rank: x.rank.map(String.init) ?? ""
                case .rankRange: x.rankRange.map(formatRankRange) ?? ""
                case .selected: x.selectedShare.map { formatNumber($0 * 100, digits: 0) + "%" } ?? ""
                case .amount: x.amount.map { Display.value($0, unit: .wanYuan) } ?? ""
                case .detail: x.detail?(language) ?? ""
                }
            }
        }
        let numeric = Set(columns.enumerated().compactMap { i, c in
            [.score, .rank, .rankRange, .selected, .amount].contains(c) ? i + 2 : nil
        })
        return (header, rows, numeric)
    }

    static func limitNote(shown n: Int, of all: Int) -> LocalizedText {
        LocalizedText(zh: "按 --top \(n) 只列出前 \(n) 行，另有 \(all - n) 行未列出（共 \(all) 行）", en: "--top \(n) shows the first \(n) of \(all) rows (\(all - n) not shown)")
    }

    /// The review's counts by verdict, the policy and the year; then the notes, a line each.
    static func summaryLine(_ report: ReviewReport, _ language: Language) -> String {
        let total = report.verdictCounts.reduce(0) { $0 + $1.count }
        let notes = [report.limitNote, report.yearNote].compactMap { $0 }.map { "\n" + $0(language) }.joined()
        let policy = report.policy
        if language == .zh {
            return "共 \(total) 个单位：" + report.verdictCounts.map { "\(report.verdictLabel($0.id, .zh)) \($0.count)" }.joined(separator: "，")
                + "（\(policy.name.zh) \(policy.document)\(policy.status == .draft ? "，征求意见稿" : "")，\(report.review.year) 年）" + notes
        }
        return "\(total) units: " + report.verdictCounts.map { "\(report.verdictLabel($0.id, .en)) \($0.count)" }.joined(separator: ", ")
            + " (\(policy.name.en), \(policy.document)\(policy.status == .draft ? ", draft for comment" : ""), \(report.review.year))" + notes
    }

    /// The totals, the policy and the year; then the notes, a line each.
    static func summaryLine(_ report: CheckReport, _ language: Language) -> String {
        let parts = Status.allCases.filter { report.summary[$0] > 0 }
        let notes = ([report.filterNote, report.limitNote, report.yearNote].compactMap { $0 } + report.notes).map { "\n" + $0(language) }.joined()
        if language == .zh {
            return "共 \(report.summary.total) 项：" + parts.map { "\($0.label.zh) \(report.summary[$0])" }.joined(separator: "，")
                + "（\(report.policy.name.zh) \(report.policy.document)\(report.policy.status == .draft ? "，征求意见稿" : "")，\(report.year) 年）" + notes
        }
        return "\(report.summary.total) results: " + parts.map { "\($0.label.en) \(report.summary[$0])" }.joined(separator: ", ")
            + " (\(report.policy.name.en), \(report.policy.document)\(report.policy.status == .draft ? ", draft for comment" : ""), \(report.year))" + notes
    }
}
