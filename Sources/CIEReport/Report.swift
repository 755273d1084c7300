import CIECore

/// The policy as reports name it.
public struct PolicyInfo: Sendable {
    public var id: String
    public var name: LocalizedText
    public var document: String
    public var title: String
    public var status: DocumentStatus
    /// Its targets in the document's order, with what the reports quote of each.
    public var targets: [TargetInfo]

    public init(_ m: any PolicyModule) {
        id = m.id
        name = m.name
        document = m.document.citation
        title = m.document.title
        status = m.document.status
        targets = m.targets.map(TargetInfo.init)
    }

    /// The document as titles print it, marked when it is a draft for comment.
    public func documentLabel(_ language: Language) -> String {
        status == .draft ? document + (language == .zh ? "（征求意见稿）" : " (draft for comment)") : document
    }

    public func target(_ id: String) -> TargetInfo? { targets.first { $0.id == id } }
}

/// A target as a report quotes it: its clause and original sentence, strength, deadline and requirement.
public struct TargetInfo: Sendable {
    public var id: String
    public var title: LocalizedText
    public var clause: String
    public var original: String
    public var strength: Strength
    public var deadline: Int?
    public var baseline: Int?
    public var requirement: LocalizedText
    /// The condition's kind (`at_least`, `multiple` …): whether the path to the deadline is a line to the requirement.
    public var condition: String

    public init(_ t: Target) {
        id = t.id
        title = t.title
        clause = t.clause
        original = t.original
        strength = t.strength
        deadline = t.deadline
        baseline = t.baseline
        requirement = t.requirement
        condition = t.condition.key
    }
}

/// A result with its region's code and name resolved: what every formatter prints.
public struct CheckRow: Sendable {
    public var target: String
    public var regionCode: String
    public var regionName: String
    public var result: TargetResult
}

/// A target's observed values over the years up to the evaluation year, per unit (by code): what the HTML report
/// draws against the path to the deadline.
public struct TargetHistory: Sendable {
    public var years: [Int]
    public var lines: [String: [Double?]]
    public init(years: [Int], lines: [String: [Double?]]) {
        self.years = years
        self.lines = lines
    }
}

/// Where a report's numbers come from: the data files, when it was made, by which cie (the HTML report's header,
/// the workbook's summary sheet).
public struct ReportSource: Sendable {
    public struct File: Sendable {
        public var path: String
        public var kind: LocalizedText
        public var values: Int
        public var years: ClosedRange<Int>?
        public init(path: String, kind: LocalizedText, values: Int, years: ClosedRange<Int>?) {
            self.path = path
            self.kind = kind
            self.values = values
            self.years = years
        }
    }
    public var files: [File]
    /// As printed: `2026-12-01 16:40 UTC`.
    public var generated: String
    public var version: String
    public init(files: [File], generated: String, version: String) {
        self.files = files
        self.generated = generated
        self.version = version
    }
}

/// The outcome of `check`, ready to format.
public struct CheckReport: Sendable {
    public var policy: PolicyInfo
    public var year: Int
    public var rows: [CheckRow]
    /// Counts of every result (before any `--top`), and by strength.
    public var summary: StatusSummary
    public var byStrength: [Strength: StatusSummary]
    /// What the reader should know of the units counted (the functional zones the policy counts or leaves out).
    public var notes: [LocalizedText]
    /// Why this year (the latest with data for the jurisdiction, or the one asked for), and deadlines already passed.
    public var yearNote: LocalizedText?
    /// What a `--status` filter left out.
    public var filterNote: LocalizedText?
    /// How many rows `--top` left out (the summary still counts them all).
    public var limitNote: LocalizedText?
    /// Per target id, the values of earlier years of the targets not yet due, for the formats that draw them.
    public var history: [String: TargetHistory] = [:]
    public var source: ReportSource?

    /// Regions are named by their code and name in the evaluation year (江干区 330104 in 2018).
    public init(policy: any PolicyModule, year: Int, results: [TargetResult], regions: RegionTable, notes: [LocalizedText] = []) {
        self.policy = PolicyInfo(policy)
        self.year = year
        self.rows = results.map { r in
            let record = regions[r.region].nearestRecord(to: year)
            return CheckRow(target: r.target, regionCode: record.code, regionName: record.name, result: r)
        }
        self.summary = StatusSummary(results.map(\.status))
        self.byStrength = Dictionary(grouping: results, by: \.strength).mapValues { StatusSummary($0.map(\.status)) }
        self.notes = notes
    }

    /// Keeps the first `n` rows (`--top N`); the summary still counts every result, and a note says what was left out.
    public mutating func limit(to n: Int) {
        guard rows.count > n else { return }
        limitNote = Cells.limitNote(shown: n, of: rows.count)
        rows = Array(rows.prefix(n))
    }

    /// The targets with rows, in the document's order (then any the policy does not list, in the rows' order).
    public var targetsShown: [String] {
        var seen = Set<String>()
        let ordered = policy.targets.map(\.id) + rows.map(\.target)
        let present = Set(rows.map(\.target))
        return ordered.filter { present.contains($0) && seen.insert($0).inserted }
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
    public var source: ReportSource?

    /// The verdicts' labels, from the reviewer's kind (合规, 优秀, 否决…).
    public var verdicts: [String: LocalizedText]
    /// The verdicts that are good or bad news, as the kind declares them; the rest are neutral.
    public var tones: [String: ReviewVerdict.Tone]

    /// The class a verdict is coloured by: good, bad or muted.
    public func tone(of id: String?) -> String {
        switch id.flatMap({ tones[$0] }) ?? .neutral {
        case .good: "good"
        case .bad: "bad"
        case .neutral: "muted"
        }
    }

    /// A verdict as people read it: its label, else its id.
    public func verdictLabel(_ id: String?, _ language: Language) -> String {
        guard let id else { return "" }
        return verdicts[id]?(language) ?? id
    }

    public init(policy: any PolicyModule, review: Review, regions: RegionTable, verdicts: [ReviewVerdict] = []) {
        self.policy = PolicyInfo(policy)
        self.review = review
        self.verdicts = Dictionary(verdicts.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        self.tones = Dictionary(verdicts.map { ($0.id, $0.tone) }, uniquingKeysWith: { a, _ in a })
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

/// What `report` writes: a check and every reviewer of the policy, in one file.
public struct PolicyReport: Sendable {
    public var check: CheckReport
    public var reviews: [ReviewReport]
    /// Reviewers that could not run on this data, with why (they are named in the report, not left out silently).
    public var failedReviews: [(name: LocalizedText, why: LocalizedText)]
    public init(check: CheckReport, reviews: [ReviewReport], failedReviews: [(name: LocalizedText, why: LocalizedText)] = []) {
        self.check = check
        self.reviews = reviews
        self.failedReviews = failedReviews
    }
}

/// Whatever a command produced; every format takes every kind it can express (SPEC.md, "--output and export").
public enum Report: Sendable {
    case check(CheckReport)
    case review(ReviewReport)
    /// A list (`rank`, `show`, `regions`, `indicators`, `targets`, `policies`, `rejects`).
    case listing(Listing)
    /// `report`: a check and every reviewer.
    case policy(PolicyReport)

    /// The same report with its source (files, time, version) set, wherever it has one.
    public func with(source: ReportSource) -> Report {
        switch self {
        case .check(var c): c.source = source; return .check(c)
        case .review(var r): r.source = source; return .review(r)
        case .listing: return self
        case .policy(var p):
            p.check.source = source
            for i in p.reviews.indices { p.reviews[i].source = source }
            return .policy(p)
        }
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

/// A format cannot express a report (a list in JUnit, a report of several tables in CSV), or writes files only.
public struct FormatError: Error, Sendable {
    public var message: LocalizedText
    public init(zh: String, en: String) { message = LocalizedText(zh: zh, en: en) }
}

/// An output format, picked by `--format` or by the extension of `--output` and `export` (SwiftLint's reporters:
/// one protocol, one list). Commands never name a format: they hand a `Report` to the one chosen.
public protocol ReportFormatter: Sendable {
    var id: String { get }
    /// File extensions that select it on export, the first the usual one.
    var extensions: [String] { get }
    /// What it is, for help and errors.
    var summary: LocalizedText { get }
    /// The report as text for standard output. A binary format (.xlsx) throws: it is written to files only.
    func text(_ report: Report, _ options: FormatOptions) throws -> String
    /// The bytes of a file: by default the text in UTF-8.
    func file(_ report: Report, _ options: FormatOptions) throws -> [UInt8]
}

extension ReportFormatter {
    public func file(_ report: Report, _ options: FormatOptions) throws -> [UInt8] { Array(try text(report, options).utf8) }
}

public enum Formatters {
    public static let all: [any ReportFormatter] = [
        TableFormatter(), JSONFormatter(), CSVFormatter(), MarkdownFormatter(), HTMLFormatter(), JUnitFormatter(), XLSXFormatter(),
    ]

    /// By id, or by one of its extensions (`md`, `xml`).
    public static func named(_ id: String) -> (any ReportFormatter)? {
        let key = id.lowercased()
        return all.first { $0.id == key } ?? all.first { $0.extensions.contains(key) }
    }

    public static func forExtension(_ ext: String) -> (any ReportFormatter)? {
        all.first { $0.extensions.contains(ext.lowercased()) }
    }

    /// "table, json, csv, markdown, html, junit or xlsx".
    public static func idList(_ language: Language) -> String {
        let ids = all.map(\.id)
        return language == .zh ? ids.joined(separator: "、") : ids.dropLast().joined(separator: ", ") + " or " + ids.last!
    }

    /// ".json, .csv, .md, .html, .xml (JUnit), .xlsx or .txt".
    public static func extensionList(_ language: Language) -> String {
        let exts = all.compactMap { f in f.extensions.first.map { "." + $0 + (f.id == "junit" ? "（JUnit）" : "") } }
        let list = exts.map { language == .zh ? $0 : $0.replacingOccurrences(of: "（JUnit）", with: " (JUnit)") }
        return language == .zh ? list.joined(separator: "、") : list.dropLast().joined(separator: ", ") + " or " + list.last!
    }
}

/// Shared text for a result's value columns.
enum Cells {
    /// "青海省县域创新驱动发展 — 青政办〔2017〕123 号（2020 年）".
    static func title(_ c: CheckReport, _ language: Language) -> String {
        "\(c.policy.name(language)) — \(c.policy.documentLabel(language))" + (language == .zh ? "（\(c.year) 年）" : " (\(c.year))")
    }

    /// "综合评价 — 青海省县域创新驱动发展 青政办〔2017〕123 号，2020 年".
    static func title(_ r: ReviewReport, _ language: Language) -> String {
        "\(r.review.reviewerName(language)) — \(r.policy.name(language)) \(r.policy.documentLabel(language))"
            + (language == .zh ? "，\(r.review.year) 年" : ", \(r.review.year)")
    }

    static func draftNote(_ language: Language) -> String {
        language == .zh ? "注意：本策略包依据的是征求意见稿，非正式文件。" : "Note: this package encodes a draft for comment, not a document in force."
    }

    /// The source as lines: each data file with its values and years, then when and by which cie.
    static func sourceLines(_ s: ReportSource, _ language: Language) -> [String] {
        let zh = language == .zh
        return s.files.map { f in
            let years = f.years.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
            return zh ? "数据：\(f.path)（\(f.kind.zh)，\(f.values) 个数值" + (years.map { "，\($0) 年" } ?? "") + "）"
                : "data: \(f.path) (\(f.kind.en), \(f.values) values" + (years.map { ", \($0)" } ?? "") + ")"
        } + [zh ? "生成：\(s.generated)，cie \(s.version)" : "generated \(s.generated) by cie \(s.version)"]
    }

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
